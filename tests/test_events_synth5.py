"""Shapes of English found missing on the synthetic-stories bench (bench/synthetic.py), round 5.

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations

import pytest


# ----------------------------------------------------------------- threats of any act
def test_threat_to_withdraw_is_a_threat_not_a_withdrawal(events):
    # the threatened act is not done, whatever its kind (CAMEO 13: threaten to halt talks)
    assert events("Namibia threatened to pull out of the border talks.") == [
        ("THREATEN", "130", "NAM", None, "asserted")]


def test_threat_of_an_act_no_pattern_names(events):
    assert events("Paraguay has threatened to abandon the regional summit.") == [
        ("THREATEN", "130", "PRY", None, "asserted")]


def test_threat_of_an_unnamed_act_targets_its_object(events):
    assert events("Zambia threatened to punish Malawi.") == [
        ("THREATEN", "130", "ZMB", "MWI", "asserted")]


def test_no_threat_denied(events):
    assert events("Paraguay did not threaten to abandon the regional summit.") == []


# ----------------------------------------------------------------- rejecting a proposal
def test_rejecting_a_proposal_no_one_is_named_for(events):
    # a refusal of a plan is the refuser's REJECT, no one named, as a denial is
    assert events("Chile rejected the new peace plan.") == [
        ("REJECT", "120", "CHL", None, "asserted")]
    assert events("Chile turned down an appeal to reopen the mine.") == [
        ("REJECT", "120", "CHL", None, "asserted")]


def test_rejecting_a_proposal_names_its_proposer(events):
    assert events("Chile rejected the offer by Argentina.") == [
        ("REJECT", "127", "CHL", "ARG", "asserted")]


def test_rejecting_a_proposal_whose_proposer_is_not_known_is_no_event(events):
    # "its offer": a proposer is named but not coded, so the REJECT has no known target
    assert events("Chile rejected its offer.") == []


# ----------------------------------------------------------------- relations between two sides
def test_two_sides_restoring_relations_each_support_the_other(events):
    assert events("Bolivia and Paraguay have resumed diplomatic relations.") == [
        ("SUPPORT", "050", "BOL", "PRY", "asserted"), ("SUPPORT", "050", "PRY", "BOL", "asserted")]


def test_renewing_ties_with_someone_is_diplomatic_cooperation(events):
    assert events("Bolivia renewed its ties with Paraguay.") == [
        ("SUPPORT", "050", "BOL", "PRY", "asserted")]
    assert events("Bolivia renewed its call for talks.") == []


# ----------------------------------------------------------------- concessions agreed to
def test_agreeing_to_concessions_is_a_concession(events):
    assert events("Uruguay agreed to concessions.") == [("CONCEDE", "035", "URY", None, "asserted")]
    assert events("Uruguay agreed to talks.") == [("AGREE", "030", "URY", None, "asserted")]


def test_dismantling_a_curfew_eases_it(events):
    assert events("The Uruguayan government dismantled the curfew in Montevideo.") == [
        ("CONCEDE", "085", "URYGOV", "URYCVL", "asserted")]


# ----------------------------------------------------------------- investigations of acts
def test_investigating_an_act_names_no_one_investigated(events):
    assert events("Tunisian police are investigating the killing of a farmer.") == [
        ("ACCUSE", "090", "TUNPOL", None, "asserted")]
    assert events("The Tunisian government launched an inquiry into the deportations.") == [
        ("ACCUSE", "090", "TUNGOV", None, "asserted")]


def test_an_accusation_still_needs_its_accused(events):
    assert events("Tunisia accused the farmer of smuggling.") == []


# ----------------------------------------------------------------- refusals of any act
def test_refusing_an_act_no_pattern_names_is_a_rejection(events):
    assert events("The Honduran government refused to hand over the suspect.") == [
        ("REJECT", "120", "HNDGOV", None, "asserted")]


def test_routine_refusals_are_no_rejection(events):
    assert events("Honduran officials declined to comment.") == []
    assert events("Honduran officials declined to be identified.") == []
    assert events("Honduras refused to say whether it would attend.") == []
