"""The pipeline end to end: stages, offsets, batches, and failure isolation."""
from __future__ import annotations

import json

import jsonschema
import pytest

from eventwire.model import Article, json_schema
from eventwire.config import Settings
from eventwire.nlp import pieces_of, sentence_of
from eventwire.pipeline import Pipeline

STORY = ("Brazil's foreign minister accused Venezuela on Monday of stoking the border crisis.\n\n"
         "“We will not accept threats,” the minister said at a news conference in Brasilia.\n\n"
         "Venezuela denied the charge.")


def test_stages_in_order(pipeline):
    assert pipeline.stage_names == ["cleaner", "nlp", "actors", "quotes", "events"]


def test_sentences_carry_offsets(code):
    art = code(STORY)
    assert art.ok
    assert [s.index for s in art.sentences] == list(range(len(art.sentences)))
    assert len(art.sentences) == 3
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
    assert sentence_of(art, art.text.index("denied")).index == 2
    assert sentence_of(art, len(art.text) + 5) is None


def test_paragraph_breaks_start_sentences(code):
    art = code("Troops left the northern town\n\nThe mayor said calm had returned on Monday.", title="Calm returns")
    assert [s.text for s in art.sentences] == ["Troops left the northern town",
                                                "The mayor said calm had returned on Monday."]


def test_every_span_points_into_the_text(code):
    art = code(STORY)
    for actor in art.actors:
        for span in actor.spans:
            assert art.text[span.start:span.end] == span.text
    for e in art.events:
        assert art.text[e.trigger_start:e.trigger_end] == e.trigger
        assert art.text[e.sentence_start:e.sentence_end] == e.sentence
    for q in art.quotes:
        assert art.text[q.start:q.end] == q.text
    assert art.events and art.actors and art.quotes


def test_output_validates_against_published_schema(code):
    doc = code(STORY).to_dict()
    jsonschema.validate(json.loads(json.dumps(doc)), json_schema())
    for key in ("id", "title", "published", "text", "events", "quotes", "actors"):
        assert key in doc


def test_error_record_shape():
    art = Article(id="x", source="f.txt").fail("empty", "the input is empty")
    assert art.to_dict() == {"id": "x", "error": {"kind": "empty", "message": "the input is empty"},
                             "source": "f.txt"}


def test_one_broken_article_does_not_cost_the_batch(pipeline):
    good = [Article.from_raw(STORY, id=f"good{i}") for i in range(3)]
    bad = [Article.from_raw("", id="empty"), Article.from_raw("word " * 200_000, id="wall"),
           Article.from_raw("Das ist kein englischer Text, sondern ein deutscher Artikel über Politik.", id="de")]
    out = list(pipeline.pipe([good[0], bad[0], good[1], bad[1], bad[2], good[2]]))
    assert [a.id for a in out] == ["good0", "empty", "good1", "wall", "de", "good2"]
    assert [a.ok for a in out] == [True, False, True, False, False, True]
    assert {a.id: a.error.kind for a in out if not a.ok} == {"empty": "empty", "wall": "empty", "de": "not_english"}
    assert all(a.events for a in out if a.ok)


def test_a_crashing_stage_fails_only_its_article():
    class Boom:
        def __call__(self, art):
            if "boom" in art.text:
                raise ValueError("kaput")
            art.metadata["seen"] = True
            return art

    from eventwire.clean import Cleaner
    pipe = Pipeline(stages=[Cleaner(), Boom()])
    out = list(pipe.pipe([Article.from_raw("The army said the boom was heard.", id="a"),
                          Article.from_raw("The army said all was quiet.", id="b")]))
    assert out[0].error.kind == "internal" and "kaput" in out[0].error.message
    assert out[1].ok and out[1].metadata["seen"]


def test_too_long_after_cleaning_is_an_error():
    from eventwire.config import Settings
    pipe = Pipeline(Settings(max_chars=100))
    art = pipe.code_text(STORY)
    assert art.error.kind == "too_long"


def test_long_unpunctuated_line_among_prose(pipeline):
    line = " ".join(f"item{i}" for i in range(150_000))
    art = pipeline.code_text("The court ruled on Monday that the vote was valid.\n" + line)
    assert art.ok and art.text == "The court ruled on Monday that the vote was valid."


@pytest.mark.parametrize("html", [
    "<html><body><div><p>Unclosed <b>tags <i>everywhere",
    "<<<>>> </p></div></span>",
])
def test_broken_html_is_an_error_record_not_a_traceback(pipeline, html):
    art = pipeline.code_text(html, html=True)
    if art.ok:  # a few words are too short to judge as English or not: coded as they are
        assert art.text == "Unclosed tags everywhere"
    else:
        assert art.error.kind in ("empty", "bad_html", "not_english")


def test_published_date_is_kept(code):
    assert code(STORY, published="2023-05-01").published == "2023-05-01"


def test_pieces_join_back_and_cut_at_line_breaks():
    text = "\n".join(f"Paragraph {i} says the council met the envoy on Monday." for i in range(400))
    pieces = pieces_of(text, 2_000)
    assert "".join(pieces) == text
    assert len(pieces) > 10 and all(len(p) <= 2_000 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])  # a paragraph is never split
    unbroken = "word " * 1_000  # no line break: cut after a space
    assert "".join(pieces_of(unbroken, 700)) == unbroken
    assert pieces_of("short", 700) == ["short"]


def test_a_long_article_is_parsed_in_pieces_like_a_short_one():
    """An article longer than ``piece_chars`` is parsed in pieces and joined into one Doc:
    the same sentences, events and offsets as when it is parsed whole."""
    story = "\n\n".join(
        f"Japan imposed sanctions on Russia on Friday, officials said in statement {i}. "
        f"Moscow accused Tokyo of provoking tensions." for i in range(30))
    whole = Pipeline(Settings(piece_chars=1_000_000)).code_text(story, published="2022-11-11")
    pieced = Pipeline(Settings(piece_chars=500)).code_text(story, published="2022-11-11")
    assert pieced.text == whole.text
    assert [(s.start, s.end) for s in pieced.sentences] == [(s.start, s.end) for s in whole.sentences]
    key = lambda e: (e.type, e.source and e.source.code, e.target and e.target.code, e.sentence_start)
    assert len(whole.events) >= 30 and [key(e) for e in pieced.events] == [key(e) for e in whole.events]
