"""Shapes of English found missing on the synthetic-stories bench (bench/synthetic.py), round 8.

Every sentence here is invented for the test; each asserts the exact events of its
sentence and no others."""
from __future__ import annotations


# ----------------------------------------------------------------- a promise to stop fighting is a yield
def test_promise_to_halt_a_protest_is_a_yield(events):
    # cessation_verbs: ending an act of material conflict or a protest, promised, is CONCEDE (035)
    assert events("The Gabonese rebels agreed to halt their protests.") == [
        ("CONCEDE", "035", "GABREB", None, "asserted")]
    assert events("Gabon agreed to suspend airstrikes on the rebel camps.") == [
        ("CONCEDE", "035", "GAB", None, "asserted")]


def test_promise_to_end_a_cooperative_act_stays_an_agreement(events):
    # the ended act is no conflict: a plain AGREE
    assert events("Gabon agreed to end the talks with Cameroon.") == [
        ("AGREE", "030", "GAB", None, "asserted")]


# ----------------------------------------------------------------- partitive subjects
def test_partitive_subject_stands_for_its_of_phrase(events):
    # multitude_nouns: "one of the X", "a number of X" act as X
    assert events("One of the Gabonese rebels criticized Cameroon.") == [
        ("ACCUSE", "111", "GABREB", "CMR", "asserted")]
    assert events("A number of Gabonese firms criticized Cameroon.") == [
        ("ACCUSE", "111", "GABBUS", "CMR", "asserted")]


# ----------------------------------------------------------------- unnamed groups of plain nouns
def test_plain_group_nouns_take_the_country_the_text_gives(events):
    # roles.tsv (synth8): civilians, local bodies and criminals named by a plain noun
    assert events("A group of Gabonese young men attacked the police in Libreville.") == [
        ("ASSAULT", "190", "GABCVL", "GABPOL", "asserted")]
    assert events("Gabonese pensioners protested against the government in Libreville.") == [
        ("PROTEST", "140", "GABCVL", "GABGOV", "asserted")]
    assert events("The Libreville municipality rejected the Cameroonian proposal.") == [
        ("REJECT", "120", "GABGOV", "CMR", "asserted")]
