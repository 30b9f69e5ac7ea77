"""Event arguments that stand for an actor named before: pronouns and possessive phrases
("his country", "it", "they"), resolved through the actors stage's coreference.

Every sentence here is invented for the test; each asserts the exact events of its
sentence (or article) and no others."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def all_events(code):
    """all_events(text) -> sorted [(sentence, type, cameo, source code, target code)] of the article."""
    def run(text: str):
        art = code(text)
        assert art.ok, art.error
        return sorted((e.sentence_index, e.type, e.cameo, e.source and e.source.code, e.target and e.target.code)
                      for e in art.events)
    return run


# ----------------------------------------------------------------- "his country": the person's
def test_his_country_is_the_speakers_country(events):
    assert events("Namibian President Hage Geingob said his country would send troops to Angola.") == [
        ("MOBILIZE", "154", "NAM", None, "hypothetical")]


def test_his_country_of_no_country_is_no_one(events):
    # a subject with no country of its own (a U.N. official, a country itself) owns no "his country"
    assert events("U.N. Secretary-General Antonio Guterres said his country would send troops to Angola.") == []
    assert events("Namibia said his country would send troops to Angola.") == []


def test_the_barred_from_the_country_keeps_its_target(all_events):
    # a bare "the country" is no actor of its own: it does not take the place of the one barred
    assert all_events("Afghan activist Ali Karimi spoke on Monday. He spoke a day after the Taliban "
                      "said that they had barred him from the country.") == [
        (1, "SANCTION", "163", "AFGGOV", "AFGHRI")]


def test_the_countrys_president_still_refers_back(all_events):
    assert all_events("Hage Geingob criticized Angola. The country's president criticized Namibia on Monday.") == [
        (0, "ACCUSE", "111", "NAMGOV", "AGO"), (1, "ACCUSE", "111", "AGOGOV", "NAM")]


def test_the_country_alone_is_no_one(events):
    assert events("Kenya's president said the country would attack Somalia.") == []


# ----------------------------------------------------------------- "it" / "they" as subjects
def test_it_after_a_conjoined_said_is_the_subject(events):
    assert events("Kenya sent troops to the border and said it would attack Somalia.") == [
        ("MOBILIZE", "154", "KEN", None, "asserted"), ("THREATEN", "130", "KEN", "SOM", "asserted")]


def test_they_in_the_next_sentence_is_the_group(all_events):
    assert all_events("The rebels in Chad said they would attack the army. "
                      "They attacked the army on Monday.") == [
        (0, "THREATEN", "130", "TCDREB", "TCDMIL"), (1, "ASSAULT", "190", "TCDREB", "TCDMIL")]


def test_it_with_no_actor_subject_before_is_no_one(all_events):
    # the subject before is a person: "it" does not stand for him
    assert all_events("Hage Geingob visited the port. It attacked Angola on Monday.") == []


# ----------------------------------------------------------------- "its" / "their": the owner
def test_its_decision_is_the_subjects(events):
    assert events("Zambia announced its decision to impose sanctions on Malawi.") == [
        ("SANCTION", "163", "ZMB", "MWI", "asserted")]


def test_its_offer_owned_by_the_subject_itself_is_no_target(all_events):
    # the nearest subject is the refuser itself: no one else is named
    assert all_events("Malawi made a new offer to Zambia. Zambia rejected its offer on Tuesday.") == []


def test_its_after_a_person_subject_is_no_one(events):
    # a person nearest before "its" cannot own it, and no actor further back is guessed
    assert events("Hage Geingob announced its decision to impose sanctions on Malawi.") == []


def test_their_needs_a_plural_subject(events):
    # "their" does not stand for a country named in the singular
    assert events("Zambia announced their decision to impose sanctions on Malawi.") == []


def test_they_inside_a_quote_is_not_the_subject_before(all_events):
    found = all_events('The rebels in Chad held a meeting on Monday. "They will attack the army," '
                       'a Chadian official said.')
    assert [e for e in found if e[0] == 1] == []


# ----------------------------------------------------------------- "his decision": the person's
def test_his_decision_is_the_person_subjects(events):
    assert events("Zambian President Hakainde Hichilema announced his decision to impose sanctions "
                  "on Malawi.") == [("SANCTION", "163", "ZMBGOV", "MWI", "asserted")]


def test_his_after_a_country_subject_is_no_one(all_events):
    # the nearest subject before "his" is no person: the request is no one's
    found = all_events("Hakainde Hichilema visited the border. Malawi rejected his request on Tuesday.")
    assert [e for e in found if e[0] == 1] == []


# ----------------------------------------------------------------- "it" for a body of a singular noun
def test_it_is_a_government_named_by_a_singular_noun(events):
    assert events("Somalia's government issued a statement saying it would arrest Kenyan journalists.") == [
        ("THREATEN", "130", "SOMGOV", "KENMED", "claimed")]


def test_it_is_an_army_of_the_sentence_before(all_events):
    assert all_events("The Kenyan army sent troops to the border. It attacked Somali militants on Monday.") == [
        (0, "MOBILIZE", "154", "KENMIL", None), (1, "ASSAULT", "190", "KENMIL", "SOMREB")]


def test_it_is_not_a_group_of_a_plural_noun(all_events):
    found = all_events("The Kenyan rebels sent fighters to the border. It attacked Somali militants on Monday.")
    assert [e for e in found if e[0] == 1] == []


# ----------------------------------------------------------------- sides joined by "and"
def test_they_after_two_countries_is_both(all_events):
    found = all_events("Kenya and Uganda criticized Somalia on Monday. They also accused Ethiopia of arming "
                       "the rebels.")
    assert [e for e in found if e[0] == 1] == [
        (1, "ACCUSE", "112", "KEN", "ETH"), (1, "ACCUSE", "112", "UGA", "ETH")]


def test_their_decision_of_two_countries_is_both(events):
    assert events("Kenya and Uganda announced their decision to impose sanctions on Somalia.") == [
        ("SANCTION", "163", "KEN", "SOM", "asserted"), ("SANCTION", "163", "UGA", "SOM", "asserted")]


def test_they_after_a_person_and_a_country_is_no_one(all_events):
    found = all_events("Hage Geingob and Zambia criticized Somalia on Monday. They also accused Ethiopia "
                       "of arming the rebels.")
    assert [e for e in found if e[0] == 1] == []
