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


# ----------------------------------------------------------------- threats floated or named
def test_raising_the_possibility_of_a_blow_is_a_threat(events):
    # floating_verbs + prospect_nouns: a material-conflict act put forward as possible
    assert events("Bolivia raised the possibility of sanctions against Paraguay.") == [
        ("THREATEN", "130", "BOL", "PRY", "asserted")]
    assert events("Bolivia raised the possibility of expelling Paraguayan diplomats.") == [
        ("THREATEN", "130", "BOL", "PRYGOV", "asserted")]
    assert events("Bolivia has floated the possibility of suspending trade talks with Peru.") == [
        ("THREATEN", "130", "BOL", "PER", "asserted")]


def test_raising_the_possibility_of_cooperation_is_no_threat(events):
    assert events("Bolivia raised the possibility of talks with Paraguay.") == []


def test_threat_noun_with_infinitive_is_a_threat_not_the_act(events):
    # threat_nouns: "X's threat to expel ..." names a threat; the expulsion is not done
    assert events("Bolivia's threat to expel Paraguayan diplomats angered Asuncion.") == [
        ("THREATEN", "130", "BOL", "PRYGOV", "asserted")]


# ----------------------------------------------------------------- the indirect object
def test_indirect_object_is_the_recipient(events):
    # "gave Y $N in aid", "granted Y a loan": the dative is the target
    assert events("Bolivia gave Paraguay $5 million in aid.") == [
        ("AID", "070", "BOL", "PRY", "asserted")]
    assert events("Bolivia granted Paraguay a loan.") == [
        ("AID", "070", "BOL", "PRY", "asserted")]


# ----------------------------------------------------------------- the patient of an act noun
def test_of_object_of_an_act_noun_is_its_patient(events):
    # patient_of_nouns: "the arrest of X", "the release of X": X is the target
    assert events("Bolivia announced the arrest of two Paraguayan journalists.") == [
        ("COERCE", "173", "BOL", "PRYMED", "asserted")]
    assert events("Bolivia announced the release of two Paraguayan journalists.") == [
        ("RETREAT", "084", "BOL", "PRYMED", "asserted")]


# ----------------------------------------------------------------- reiterated attitudes
def test_reiterated_support_is_support(events):
    # reiterate carries a spoken act's noun as express does (expression_verbs, light_verbs)
    assert events("Bolivia reiterated its support for Paraguay.") == [
        ("SUPPORT", "051", "BOL", "PRY", "asserted")]


# ----------------------------------------------------------------- a particle read as an adverb
def test_adverb_right_after_the_verb_is_its_particle(events):
    # the small model reads "down" in "stepped down" as an adverb; the row "step down" fits
    assert events("The Bolivian defense minister stepped down.") == [
        ("RETREAT", "080", "BOLGOV", None, "asserted")]


# ----------------------------------------------------------------- working together, tributes
def test_working_together_is_cooperation(events):
    assert events("Bolivia and Paraguay have been working together in recent years.") == [
        ("COOPERATE", "060", "BOL", "PRY", "asserted")]
    assert events("Bolivia is working with Paraguay on the new railway.") == [
        ("COOPERATE", "060", "BOL", "PRY", "asserted")]


def test_working_with_no_named_partner_is_no_event(events):
    assert events("Bolivia worked with its partners on the plan.") == []


def test_paid_tribute_is_praise(events):
    assert events("Bolivia paid tribute to Paraguay.") == [
        ("SUPPORT", "051", "BOL", "PRY", "asserted")]


def test_court_handing_down_a_sentence_convicts(events):
    assert events("A Bolivian court handed down prison sentences to two Paraguayan journalists.") == [
        ("SANCTION", "116", "BOLJUD", "PRYMED", "asserted")]


def test_told_media_gives_no_indirect_object_target(events):
    # the indirect object is a target only beside a direct object (a thing given)
    assert events("The Bolivian president told Paraguayan media that ten passengers were rescued.") == []
