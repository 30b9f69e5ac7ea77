"""Shapes of English found missing on the synthetic-stories bench (bench/synthetic.py).

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations


# ----------------------------------------------------------------- cease-fire is no fire
def test_hyphenated_cease_fire_is_a_ceasefire_not_an_attack(events):
    assert events("Djibouti declared a temporary cease-fire in the war against the rebels.") == [
        ("RETREAT", "087", "DJI", None, "asserted")]


# ----------------------------------------------------------------- disinformation
def test_disinformation_campaign_is_coercion(events):
    assert events("Russia launched a disinformation campaign against Moldova.") == [
        ("COERCE", "170", "RUS", "MDA", "asserted")]


# ----------------------------------------------------------------- threats
def test_second_threatened_act_is_threatened_too(events):
    # "threatened to X and Y": the conjoined act is not done either; the threat names its target
    assert events("Ecuador threatened to close its embassy and cut ties with Colombia.") == [
        ("THREATEN", "130", "ECU", "COL", "asserted")]


def test_warned_someone_it_would_act_threatens_the_one_warned(events):
    # the warning is the threat (no ACCUSE of the reporting verb besides), the act is not done
    assert events("Venezuela warned Guyana it would seize the disputed region.") == [
        ("THREATEN", "130", "VEN", "GUY", "asserted")]
    assert events("Venezuela warned Guyana that it would seize the disputed region.") == [
        ("THREATEN", "130", "VEN", "GUY", "asserted")]


def test_threatened_someone_with_something(events):
    assert events("Bolivia threatened Peru with sanctions over the dispute.") == [
        ("THREATEN", "130", "BOL", "PER", "asserted")]


# ----------------------------------------------------------------- a sum "in aid"
def test_sum_of_money_in_aid_is_aid(events):
    assert events("Germany sent 3 million euros in aid to Moldova.") == [
        ("AID", "070", "DEU", "MDA", "asserted")]
    assert events("Canada has provided $20 million in emergency assistance to Haiti.") == [
        ("AID", "070", "CAN", "HTI", "asserted")]


def test_sum_in_something_else_is_no_aid(events):
    assert events("Japan lost $10 million in trade with Nepal.") == []


# ----------------------------------------------------------------- victims with no doer named
def test_people_killed_in_a_place_are_its_civilians_with_no_source(events):
    assert events("Twelve people were killed in Somalia on Monday.") == [
        ("ASSAULT", "190", None, "SOMCVL", "asserted")]


def test_people_killed_with_no_place_give_no_event(events):
    assert events("Twelve people were killed on Monday.") == []


# ----------------------------------------------------------------- protests that happen somewhere
def test_protests_erupting_in_a_place_are_its_civilians_protest(events):
    assert events("Protests erupted in Kenya after the election results were announced.") == [
        ("PROTEST", "140", "KENCVL", None, "asserted")]
    assert events("Protests broke out in Chile over the fuel price hikes.") == [
        ("PROTEST", "140", "CHLCVL", None, "asserted")]


def test_protests_of_a_country_spreading(events):
    assert events("Kenyan protests spread to the coast on Monday.") == [
        ("PROTEST", "140", "KENCVL", None, "asserted")]


def test_fighting_erupting_names_no_side(events):
    assert events("Fighting erupted in Sudan on Monday.") == []


# ----------------------------------------------------------------- "on strike", "on a visit"
def test_being_on_strike_is_a_labour_strike(events):
    assert events("Teachers in Kenya have been on strike since Monday.") == [
        ("PROTEST", "143", "KENEDU", None, "asserted")]


def test_being_on_a_visit_is_a_visit(events):
    assert events("The French president was on a visit to Algeria on Monday.") == [
        ("CONSULT", "042", "FRAGOV", "DZA", "asserted")]


# ----------------------------------------------------------------- armed forces on the move
def test_forces_deployed_in_the_passive_are_the_mobilizing_side(events):
    assert events("Thousands of Indian soldiers were deployed to the border region.") == [
        ("MOBILIZE", "154", "INDMIL", None, "asserted")]
    assert events("About 8,000 Portuguese soldiers have been sent to the border with Spain.") == [
        ("MOBILIZE", "154", "PRTMIL", None, "asserted")]


def test_forces_massing_of_their_own_mobilize(events):
    assert events("Russian troops massed on the border with Ukraine.") == [
        ("MOBILIZE", "154", "RUSMIL", None, "asserted")]


def test_people_other_than_forces_massing_do_not_mobilize(events):
    assert events("Protesters massed in the main square on Monday.") == []


# ----------------------------------------------------------------- event nouns in the passive
def test_event_noun_under_a_passive_light_verb_is_the_agents_act(events):
    assert events("New sanctions were imposed on Iran by Australia on Monday.") == [
        ("SANCTION", "163", "AUS", "IRN", "asserted")]
    assert events("Humanitarian aid was delivered to Yemen by Saudi Arabia.") == [
        ("AID", "073", "SAU", "YEM", "asserted")]


def test_event_noun_under_a_passive_light_verb_with_no_agent_has_no_doer(events):
    assert events("Talks were held in Geneva on Monday.") == []


# ----------------------------------------------------------------- moving goods
def test_transfer_of_aid_is_aid_to_the_transfers_destination(events):
    # (approving aid is also the dictionary's agreement to give it, CAMEO 0311)
    assert events("Norway approved the transfer of 5,000 tons of humanitarian aid to Gabon on Friday.") == [
        ("AGREE", "0311", "NOR", "GAB", "asserted"), ("AID", "073", "NOR", "GAB", "asserted")]
    assert events("Japan announced the delivery of food aid to Nepal on Monday.") == [
        ("AID", "070", "JPN", "NPL", "asserted")]


def test_transfer_of_something_else_is_no_aid(events):
    assert events("Japan announced the transfer of its ambassador to Nepal.") == []


# ----------------------------------------------------------------- restrictions lifted for the people
def test_lifting_a_curfew_is_a_concession_to_the_places_people(events):
    assert events("Thailand lifted the curfew in Bangkok.") == [
        ("CONCEDE", "085", "THA", "THACVL", "asserted")]
    assert events("The Thai government eased restrictions on Monday.") == [
        ("CONCEDE", "081", "THAGOV", "THACVL", "asserted")]


def test_lifting_sanctions_on_a_country_stays_a_concession_to_it(events):
    assert events("Thailand lifted sanctions on Laos.") == [
        ("CONCEDE", "085", "THA", "LAO", "asserted")]


# ----------------------------------------------------------------- patrols
def test_patrols_are_a_show_of_force(events):
    assert events("Kenyan troops began patrols in the north on Saturday.") == [
        ("MOBILIZE", "150", "KENMIL", None, "asserted")]
    assert events("Pro-government forces in Liberia have begun patrolling the border.") == [
        ("MOBILIZE", "150", "LBRMIL", None, "asserted")]


def test_patrols_of_people_other_than_forces_are_none(events):
    assert events("Kenyan volunteers patrolled the beach on Monday.") == []


# ----------------------------------------------------------------- taking part, founding
def test_taking_part_in_an_event_noun_is_the_subjects_act(events):
    assert events("New Zealand forces took part in joint exercises with South African soldiers.") == [
        ("COOPERATE", "062", "NZLMIL", "ZAFMIL", "asserted")]
    assert events("Kenya participated in talks with Uganda on Monday.") == [
        ("CONSULT", "040", "KEN", "UGA", "asserted")]


def test_taking_part_in_a_meeting_with_no_partner_named_is_none(events):
    assert events("Kenya participated in the meeting on Monday.") == []


def test_founding_a_joint_act_with_someone(events):
    assert events("Kenya formed a partnership with Uganda on security.") == [
        ("COOPERATE", "060", "KEN", "UGA", "asserted")]


# ----------------------------------------------------------------- weapons with no doer named
def test_a_bomb_killing_people_in_a_place_is_a_doerless_attack_on_its_civilians(events):
    assert events("A bomb blast killed ten people in Somalia on Monday.") == [
        ("ASSAULT", "190", None, "SOMCVL", "asserted")]
    assert events("A car bomb exploded in a market in Kenya, killing twelve people.") == [
        ("ASSAULT", "190", None, "KENCVL", "asserted")]


def test_a_blast_killing_coded_soldiers_targets_them(events):
    assert events("An explosion in Mali killed five Malian soldiers.") == [
        ("ASSAULT", "190", None, "MLIMIL", "asserted")]


def test_a_storm_or_a_bomb_with_no_place_is_no_event(events):
    assert events("The storm killed ten people in Kenya.") == []
    assert events("The bomb killed fifteen people.") == []
