"""Shapes of English found missing on the synthetic-stories bench (bench/synthetic.py), round 7.

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations


# ----------------------------------------------------------------- a blow vowed is a threat
def test_vow_to_strike_a_named_side_is_a_threat(events):
    # vow_verbs: the vowed act of material conflict is not done, and the vow is no AGREE
    assert events("The Tanzanian president vowed to crush the Burundian rebels.") == [
        ("THREATEN", "130", "TZAGOV", "BDIREB", "asserted")]
    assert events("Bolivia pledged to impose sanctions on Paraguay.") == [
        ("THREATEN", "130", "BOL", "PRY", "asserted")]


def test_vow_of_cooperation_stays_a_promise(events):
    assert events("Bolivia pledged to help Paraguay.") == [
        ("AGREE", "030", "BOL", None, "asserted"),
        ("AID", "070", "BOL", "PRY", "future")]


def test_vow_of_a_blow_on_no_named_side_is_no_threat(events):
    # "vowed to fight terrorism": no side is threatened; the act stays a future act
    assert events("Bolivia vowed to fight terrorism.") == [
        ("AGREE", "030", "BOL", None, "asserted"),
        ("ASSAULT", "190", "BOL", None, "future")]


# ----------------------------------------------------------------- forced to act
def test_passive_of_object_control_names_the_doer(events):
    # "X was forced to V": X does V (the patient of the passive object-control verb)
    assert events("Tanzania was forced to release the Burundian prisoners.") == [
        ("RETREAT", "0841", "TZA", "BDICRM", "asserted")]
    assert events("Tanzania was compelled to expel two Burundian diplomats.") == [
        ("SANCTION", "166", "TZA", "BDIGOV", "asserted")]


def test_passive_request_is_still_only_asked_for(events):
    assert events("Tanzania was urged to release the Burundian prisoners.") == [
        ("REQUEST", "020", None, "TZA", "asserted")]


def test_expected_to_act_is_no_act(events):
    # "X is expected to V" is the reporter's expectation (intention_verbs), not X's act
    assert events("Tanzania is expected to visit Burundi next week.") == []
