"""Words that name an event only in one of their senses: the other sense is no event.

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations


# ----------------------------------------------------------------- "appeal": legal act vs request
def test_legal_appeal_with_an_object_is_no_request(events):
    assert events("The Namibian ministry appealed the tribunal's ruling on Monday.") == []


def test_bare_legal_appeal_is_no_request(events):
    assert events("Officials in Lesotho have until June 9 to appeal.") == []


def test_appeal_to_an_actor_is_a_request(events):
    assert events("Paraguay appealed to Bolivia on Tuesday.") == [
        ("REQUEST", "020", "PRY", "BOL", "asserted")]


def test_appeal_for_something_is_a_request(events):
    assert events("Paraguay appealed for calm on Tuesday.") == [
        ("REQUEST", "020", "PRY", None, "asserted")]


# ----------------------------------------------------------------- speaking to a court is no consultation
def test_telling_a_court_is_no_consultation(events):
    assert events("Kenyan officials told a court in Nairobi that the case was closed.") == []


def test_telling_jurors_is_no_consultation(events):
    assert events("A Chadian militant told jurors on Monday that he had acted alone.") == []


def test_telling_an_official_is_still_a_consultation(events):
    assert events("Kenya's foreign minister told Uganda's president that the border would reopen.") == [
        ("CONSULT", "040", "KENGOV", "UGAGOV", "asserted")]


# ----------------------------------------------------------------- "no X were V-ed": negated
def test_passive_with_no_patient_is_negated(events):
    assert events("No civilians were killed by Libyan troops in Chad.") == []


def test_passive_with_a_counted_patient_is_coded(events):
    assert events("Two Chadian soldiers were killed by Libyan troops on Friday.") == [
        ("ASSAULT", "190", "LBYMIL", "TCDMIL", "asserted")]


def test_agentless_passive_with_no_patient_is_negated(events):
    assert events("A Chadian army spokesman said no Libyan soldiers were killed in the clash.") == []
