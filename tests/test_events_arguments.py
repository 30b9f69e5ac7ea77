"""The events stage's argument shapes: who the source and target of an act are.

Every sentence is written for these tests; each asserts the exact events of its
first sentence (entity level) and no extra ones.
"""
from __future__ import annotations

import pytest


def entity(code):
    return None if not code else (code if ":" in code else code[:3])


@pytest.fixture(scope="module")
def events(code):
    """events(text) -> sorted [(type, source entity, target entity, status)] of every sentence."""
    def run(text: str):
        art = code(text, published="2024-03-04")
        assert art.ok, art.error
        return sorted((e.type, entity(e.source and e.source.code), entity(e.target and e.target.code), e.status)
                      for e in art.events)
    return run


def test_we_in_a_direct_quote_is_its_speaker(events):
    # "We" is in a sentence of its own: only the quote says who speaks
    text = ('"We urge Sudan to open the border crossings. The harvest is over," the Norwegian '
            'foreign minister said on Monday.')
    assert events(text) == [("REQUEST", "NOR", "SDN", "asserted")]


def test_bare_definite_speaker_is_the_one_named_before(events):
    text = ('A European Union spokesperson spoke to reporters on Monday. '
            '"We have urged the Ethiopian authorities to release the journalists. The trial was '
            'unfair," the spokesperson said.')
    assert events(text) == [("REQUEST", "IGO:EU", "ETH", "asserted")]


def test_refusal_to_attend_rejects_who_holds_the_hearing(events):
    assert events("Chile refused to attend a hearing by the International Court of Justice.") == [
        ("REJECT", "CHL", "IGO:ICJ", "asserted")]


def test_refusal_with_nothing_owed_is_no_event(events):
    assert events("Chile declined to comment on the report.") == []


def test_talks_before_the_clause_are_its_subjects(events):
    assert events("After talks with Japan, Australia announced a new trade plan.") == [
        ("CONSULT", "AUS", "JPN", "asserted")]


def test_no_actor_acts_on_itself(events):
    assert events("Brazil wants the Brazilians to pay more for Brazilian fuel.") == []


def test_past_form_lemmatised_too_far_still_matches(events):
    # the tagger's lemma of "staged" is "stag": the pattern "stage rally" must still match
    assert events("Serbian students staged a rally against the government.") == [
        ("PROTEST", "SRB", "SRB", "asserted")]
