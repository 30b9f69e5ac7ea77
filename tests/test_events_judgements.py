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


# ---------------------------------------------------------------- a pair named as "both N"
@pytest.mark.parametrize("text, expected", [
    # a diplomatic withdrawal of an object both own: each side's act on the other
    ("Norway and Sweden were close partners. In 1990, both countries withdrew their ambassadors.",
     [("SANCTION", "NOR", "SWE"), ("SANCTION", "SWE", "NOR")]),
    # an act done together: the first side's with the other
    ("Norway and Sweden were close partners. The two countries signed a fishing agreement in May.",
     [("AGREE", "NOR", "SWE")]),
    # an act on a third side: one event per side
    ("Norway and Sweden were close partners. Both countries condemned Iran over the arrests.",
     [("ACCUSE", "NOR", "IRN"), ("ACCUSE", "SWE", "IRN")]),
])
def test_both_countries_stand_for_the_last_two_sides(code, text, expected):
    assert triples(code(text)) == expected


def test_both_governments_leave_out_the_doer_of_the_act_on_them(code):
    art = code("Norway and Sweden argued over fishing quotas on Monday. Officials met in Oslo. "
               "Germany urged both governments to return to talks.")
    assert triples(art) == [("REQUEST", "DEU", "NORGOV"), ("REQUEST", "DEU", "SWEGOV")]


def test_a_denial_of_the_charge_answers_the_accuser_when_the_sentence_before_asserts_nothing(code):
    art = code("Norway accused Sweden on Monday of dumping waste at sea. Germany urged both governments "
               "to hold talks. Sweden denied the charge.")
    assert ("REJECT", "SWE", "NOR") in triples(art)
    assert not [t for t in triples(art) if t[0] == "REJECT" and t[2] != "NOR"]


def test_a_denial_after_a_statement_answers_its_speaker(code):
    art = code("Norway accused Sweden on Monday of dumping waste at sea. Denmark said Sweden had hidden "
               "the ships. Sweden denied the accusations.")
    assert [t for t in triples(art) if t[0] == "REJECT"] == [("REJECT", "SWE", "DNK")]


def test_both_countries_with_one_side_named_stays_unknown(code):
    art = code("Norway held a vote in May. Both countries withdrew their ambassadors.")
    assert triples(art) == []


def test_the_prime_ministers_stand_for_the_two_named_before(code):
    art = code("Norwegian Prime Minister Jonas Gahr Store arrived in Stockholm on Monday to meet "
               "Swedish Prime Minister Ulf Kristersson. On Tuesday, the prime ministers signed a fishing agreement.")
    assert [t for t in triples(art) if t[0] == "AGREE"] == [("AGREE", "NORGOV", "SWEGOV")]


def test_those_countries_may_be_many(code):
    art = code("Norway and Sweden were close partners. Those countries signed a fishing agreement in May.")
    assert triples(art) == []


# ---------------------------------------------------------------- a two-word noun row across a name
def test_joint_before_a_modifier_of_the_noun_makes_the_two_word_row(code):
    # the parser reads the name as a chain: Joint -> Maritime -> Exercise
    art = code("Last November, Chile held the Tupac Joint Maritime Exercise with Peru to show its naval strength.")
    assert triples(art) == [("COOPERATE", "CHL", "PER")]


def test_the_other_three_countries_leave_out_the_subject(code):
    art = code("The Andean group consists of Chile, Peru, Ecuador and Colombia. "
               "Chile later held talks with the other three countries on trade.")
    assert triples(art) == [("CONSULT", "CHL", "COL"), ("CONSULT", "CHL", "ECU"), ("CONSULT", "CHL", "PER")]


def test_three_countries_with_two_named_stay_unknown(code):
    art = code("Chile and Peru are neighbours. The three countries signed a fishing agreement in May.")
    assert triples(art) == []


def test_count_words_load():
    lex = Lexicon()
    assert lex.counts["both"] == 2 and lex.counts["three"] == 3
    assert "other" in lex["other_words"]


# ---------------------------------------------------------------- a statement as the subject
@pytest.mark.parametrize("text, expected", [
    ("Chile spoke at the U.N. Security Council. “The Council must act now,” the Chilean statement said.",
     [("REQUEST", "CHL", "IGO:UN")]),
    ("The Norwegian statement condemned Sweden for the arrests.", [("ACCUSE", "NOR", "SWE")]),
])
def test_a_statement_speaks_for_the_actor_its_phrase_names(code, text, expected):
    assert [t for t in triples(code(text)) if t[0] in ("REQUEST", "ACCUSE")] == expected


def test_a_statement_naming_no_actor_speaks_for_no_one(code):
    assert triples(code("The statement condemned Sweden for the arrests.")) == []


@pytest.mark.parametrize("text, expected", [
    ("Finland is critical of Sweden and Norway.", [("ACCUSE", "FIN", "NOR"), ("ACCUSE", "FIN", "SWE")]),
    ("Finland is critical of the Swedish plan.", [("ACCUSE", "FIN", "SWE")]),
    ("Sweden is deeply disappointed by Finland's decision.", [("ACCUSE", "SWE", "FIN")]),
    ("The Finnish minister said he was concerned about the latest U.N. report about Iran's nuclear program.",
     [("ACCUSE", "FINGOV", "IRN")]),
    ("Sweden is grateful to Norway for its help.", [("SUPPORT", "SWE", "NOR")]),
])
def test_an_adjective_of_judgement_said_of_an_actor_judges_what_its_preposition_names(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text", [
    "Finland was deeply concerned about the implications of the deal for Europe.",  # Europe gains
    "Although Finland is concerned about Swedish policy, it signed the accord.",  # a concession
    "It is unclear whether Finland will be critical of Sweden.",  # hypothetical
    "Finland is critical.",  # judges no one named
])
def test_an_adjective_of_judgement_without_a_judged_actor_is_no_event(code, text):
    assert [t for t in triples(code(text)) if t[0] in ("ACCUSE", "SUPPORT")] == []


@pytest.mark.parametrize("text, expected", [
    # "which" after a comma hangs on the judge's own side or on no actor: the act before is judged
    ("Uganda donated vaccines to Kenya, which the Kenyan president described as a gesture of friendship.",
     [("AID", "UGA", "KEN"), ("SUPPORT", "KENGOV", "UGA")]),
    ("Uganda sent troops to the border in May, which Kenya condemned.",
     [("ACCUSE", "KEN", "UGA"), ("MOBILIZE", "UGA", None)]),
    # another actor: "which" is that actor
    ("Uganda praised Kenya, which the Tanzanian president described as a good friend.",
     [("SUPPORT", "TZAGOV", "KEN"), ("SUPPORT", "UGA", "KEN")]),
])
def test_a_judgement_of_which_after_a_comma_judges_the_act_before(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # events9: a "for" infinitive a request verb asks for: its subject is asked, the act is not done
    ("Norway called for Sweden to withdraw its troops from the island.", [("REQUEST", "NOR", "SWE")]),
    ("Finland pressed for Estonia to release the two fishermen.", [("REQUEST", "FIN", "EST")]),
    # events9: reaffirming, affirming a spoken act's noun is expressing it
    ("Finland reaffirmed its support for Estonia.", [("SUPPORT", "FIN", "EST")]),
    ("Norway affirmed its support for Denmark.", [("SUPPORT", "NOR", "DNK")]),
    # events9: adjectives of approval
    ("Finland is proud of Estonia.", [("SUPPORT", "FIN", "EST")]),
    ("Norway is pleased with Denmark's decision.", [("SUPPORT", "NOR", "DNK")]),
])
def test_events9_requests_and_expressed_support(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # events9: "when attacked by X": a past participle clause with an agent is passive
    ("Estonian smugglers often flee to Latvia when attacked by Estonian police.",
     [("ASSAULT", "ESTPOL", "ESTCRM")]),
])
def test_events9_participle_clause_with_an_agent_is_passive(code, text, expected):
    assert triples(code(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # events9: a verb of obligation with a "to" infinitive asks the act of its subject
    ("Norway said Sweden needs to act.", [("REQUEST", "NOR", "SWE")]),
    ("Finland said Estonia has to pay for the damage.", [("REQUEST", "FIN", "EST")]),
    # not of one's own side, not an act of knowing, not negated
    ("Norway said it needs to rebuild its navy.", []),
    ("Norway said Sweden needs to understand the risks.", []),
    ("Norway said Sweden does not need to apologize.", []),
])
def test_events9_obligation_verbs_ask(code, text, expected):
    assert [t for t in triples(code(text)) if t[0] == "REQUEST"] == expected


@pytest.mark.parametrize("text, expected", [
    # events9: prohibiting or forbidding someone is a ban (COERCE 172)
    ("Finland has prohibited Estonian officials from entering the country.", [("COERCE", "FIN", "ESTGOV")]),
    ("Norway forbade Swedish fishermen from landing their catch.", [("COERCE", "NOR", "SWECVL")]),
])
def test_events9_prohibit_and_forbid(code, text, expected):
    assert triples(code(text)) == expected
