"""Trigger words of THREATEN, CONCEDE, REJECT and SUPPORT taken from broad sources: the CAMEO
verb dictionary (CAMEO.2.0's plain verbs and verb+object patterns, which the converter drops
or keeps only with a coded target) and the PLOVER codebook's definitions of each type.

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def events(first_sentence):
    """events(text) -> sorted [(type, cameo, source code, target code, status)] of the first sentence."""
    def run(text: str):
        return sorted((e.type, e.cameo, e.source and e.source.code, e.target and e.target.code, e.status)
                      for e in first_sentence(text))
    return run


# ----------------------------------------------------------------- CONCEDE
def test_a_promise_of_concessions_is_the_intent_to_yield(events):
    # PLOVER CONCEDE: "make a promise of future concessions" (CAMEO 035), not a plain AGREE
    assert events("Ukraine promised concessions to Poland.") == [
        ("CONCEDE", "035", "UKR", "POL", "asserted")]


def test_a_promise_of_aid_stays_an_agreement(events):
    assert events("Ukraine promised aid to Poland.") == [
        ("AGREE", "030", "UKR", "POL", "asserted")]
