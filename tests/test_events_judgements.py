"""Shapes of English the events stage reads as a judgement or speech act inside a
reported clause. Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from eventwire.events import Lexicon


def triples(art):
    return sorted((e.type, e.source.code if e.source else None, e.target.code if e.target else None)
                  for e in art.events)


def test_reported_judgement_words_load():
    lex = Lexicon()
    assert lex.judgements["unacceptable"] == "111"
    assert lex.judgements["constructive"] == "051"


@pytest.mark.parametrize("text, expected", [
    # the predicate judges the act of the subject's owner
    ("Norway said Sweden's new border rule was unacceptable.", [("ACCUSE", "NOR", "SWE")]),
    # a country adjective names the doer
    ("Norway said the Swedish decision was a violation of the treaty.", [("ACCUSE", "NOR", "SWE")]),
    # an adverb of the reported act
    ("Norway said Sweden had acted unlawfully.", [("ACCUSE", "NOR", "SWE")]),
    # the actor itself judged
    ("The Norwegian government said the Swedish government was corrupt.", [("ACCUSE", "NORGOV", "SWEGOV")]),
    # approval
    ("Norway said Sweden's offer was constructive.", [("SUPPORT", "NOR", "SWE")]),
])
def test_reported_judgement(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text", [
    "Norway said Sweden's new border rule was not unacceptable.",  # negated
    "Norwegian officials said the Norwegian plan was unacceptable.",  # own side
    "Norway said the weather was unacceptable.",  # no actor judged
    "Norway said Sweden's new border rule was long.",  # no judgement word
])
def test_reported_clause_without_judgement_of_another_side(code, text):
    assert not [e for e in code(text).events if e.type in ("ACCUSE", "SUPPORT")]
