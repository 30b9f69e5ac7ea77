"""Trigger words of THREATEN, CONCEDE, REJECT and SUPPORT taken from broad sources: the CAMEO
verb dictionary (CAMEO.2.0's plain verbs and verb+object patterns, which the converter drops
or keeps only with a coded target) and the PLOVER codebook's definitions of each type.

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations


# ----------------------------------------------------------------- THREATEN
def test_warning_someone_against_an_act_is_a_threat(events):
    assert events("Ghana warned Togo against any incursion across the border.") == [
        ("THREATEN", "130", "GHA", "TGO", "asserted")]


def test_warning_against_a_thing_with_no_one_warned_is_no_event(events):
    assert events("Officials warned against travel to the coast.") == []


def test_a_warning_delivered_to_someone(events):
    assert events("Chile issued a stern warning to Bolivia over the river dispute.") == [
        ("THREATEN", "130", "CHL", "BOL", "asserted")]


def test_a_weather_warning_is_no_threat(events):
    assert events("Forecasters issued a warning about heavy rain.") == []


def test_a_threat_to_kill_someone_uncoded_is_no_killing(events):
    # the act under a threat verb is not done, whether or not its target has a code
    assert events("Al-Shabaab threatened on Sunday to kill the governor of the province, Ali Hassan, "
                  "and to kill his deputy.") == [("THREATEN", "130", "SOMREB", None, "asserted")]


def test_a_vow_of_retaliation(events):
    assert events("Nepal vowed retaliation against India.") == [
        ("THREATEN", "138", "NPL", "IND", "asserted")]


# ----------------------------------------------------------------- CONCEDE
def test_ceding_territory(events):
    assert events("Lithuania ceded the disputed islands to Latvia.") == [
        ("CONCEDE", "080", "LTU", "LVA", "asserted")]


def test_giving_up_a_membership_is_no_concession(events):
    # cede / relinquish concede only what one holds against another: control, a claim, land
    assert events("Norway relinquished its membership of the European Union.") == []


def test_bowing_to_demands(events):
    assert events("Honduras bowed to Guatemala's demands.") == [
        ("CONCEDE", "080", "HND", "GTM", "asserted")]


def test_a_promise_of_concessions_is_the_intent_to_yield(events):
    # PLOVER CONCEDE: "make a promise of future concessions" (CAMEO 035), not a plain AGREE
    assert events("Ukraine promised concessions to Poland.") == [
        ("CONCEDE", "035", "UKR", "POL", "asserted")]


def test_a_promise_of_aid_stays_an_agreement(events):
    assert events("Ukraine promised aid to Poland.") == [
        ("AGREE", "030", "UKR", "POL", "asserted")]


def test_softening_a_stance(events):
    assert events("Croatia softened its stance on Serbia.") == [
        ("CONCEDE", "080", "HRV", "SRB", "asserted")]


def test_expressing_regret_is_an_apology(events):
    assert events("Thailand expressed regret to Cambodia for the shooting.") == [
        ("CONCEDE", "055", "THA", "KHM", "asserted")]


# ----------------------------------------------------------------- REJECT
def test_objecting_to_a_proposal_rejects_its_proposer(events):
    assert events("Kenya objected to Uganda's proposal.") == [
        ("REJECT", "120", "KEN", "UGA", "asserted")]


def test_objecting_with_no_one_coded_is_no_event(events):
    assert events("Farmers objected to the new tax.") == []


def test_voting_against_a_resolution_rejects_its_drafter(events):
    assert events("Chad voted against the resolution drafted by France.") == [
        ("REJECT", "120", "TCD", "FRA", "asserted")]


def test_brushing_off_a_demand(events):
    assert events("Tunisia brushed off Libya's demand for compensation.") == [
        ("REJECT", "120", "TUN", "LBY", "asserted")]


def test_resisting_pressure(events):
    assert events("Egypt resisted pressure from Sudan to reopen the dam talks.") == [
        ("REJECT", "120", "EGY", "SDN", "asserted")]


# ----------------------------------------------------------------- SUPPORT
def test_siding_with(events):
    assert events("Germany sided with France in the dispute.") == [
        ("SUPPORT", "051", "DEU", "FRA", "asserted")]


def test_a_company_improving_its_relations_is_no_event(events):
    assert events("The company improved its relations with customers.") == []


def test_expressing_support_for(events):
    assert events("Brazil expressed support for Argentina's claim.") == [
        ("SUPPORT", "051", "BRA", "ARG", "asserted")]
