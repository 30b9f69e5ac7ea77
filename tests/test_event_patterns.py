"""Pattern families of the events stage, one invented sentence each, asserting the exact
events of the sentence (and no extra ones); and the pattern file format itself."""
from __future__ import annotations

import pytest

from conftest import FILLER

from eventwire.config import Settings
from eventwire.events import Events, Lexicon
from eventwire.lexicons import LexiconError
from eventwire.model import entity


@pytest.fixture(scope="module")
def events(first_sentence):
    def run(text: str):
        return sorted((e.type, entity(e.source and e.source.code), entity(e.target and e.target.code), e.status)
                      for e in first_sentence(text))
    return run


@pytest.mark.parametrize("text, expected", [
    # coordination on both sides: one event per pair
    ("Germany, Italy and Spain condemned Turkey and Iran on Monday.",
     [("ACCUSE", s, t, "asserted") for s in ("DEU", "ESP", "ITA") for t in ("IRN", "TUR")]),
    # a passive with no agent: the source is null, never invented
    ("Iranian diplomats were expelled from Germany on Monday.", [("COERCE", None, "IRN", "asserted")]),
    # relative clause: the noun is the object of the verb in the clause
    ("Kenya rejected a charge the Somali government made on Monday.", [("REJECT", "KEN", "SOM", "asserted")]),
    # judgements: what a speaker calls an act says what the speech does
    ("Mexico described the Guatemalan decision as unacceptable.", [("ACCUSE", "MEX", "GTM", "asserted")]),
    ("Turkey called the Greek proposal a positive step.", [("SUPPORT", "TUR", "GRC", "asserted")]),
    # a preposition before the verb is no particle of it ("On Monday ... called" is no "call on")
    ('On Monday, France called Chinese subsidies "unbearable."', [("ACCUSE", "FRA", "CHN", "asserted")]),
    ("Japan dismissed the Chinese findings as baseless.", [("REJECT", "JPN", "CHN", "asserted")]),
    # "X said Y should V": a request
    ("Peru said Chile should withdraw its troops from the border.", [("REQUEST", "PER", "CHL", "asserted")]),
    # "X said it could V Y" with V a material conflict act: a threat, which stands for the act
    ("China said it could impose tariffs on Germany.", [("THREATEN", "CHN", "DEU", "asserted")]),
    # a first-person threat inside a quote, with "not hesitate" (two negations)
    ('"We will not hesitate to strike Brazil," the Venezuelan government said.',
     [("THREATEN", "VEN", "BRA", "asserted")]),
    # "retaliated by V-ing": the subject of the clause does V
    ("Venezuela retaliated by imposing sanctions on Colombia.", [("SANCTION", "VEN", "COL", "asserted")]),
    # a nominalisation with its owner: "Japan's decision to V" is Japan's V
    ("Japan's decision to suspend talks with Russia surprised analysts.", [("SANCTION", "JPN", "RUS", "asserted")]),
    # "X refused to V Y": V is not done (negated, left out), X rejects Y
    ("Kenya refused to meet Somalia in Nairobi.", [("REJECT", "KEN", "SOM", "asserted")]),
    # mutual acts of conjoined subjects: "A and B met" is A CONSULT B
    ("Japan and Russia met in Geneva on Monday.", [("CONSULT", "JPN", "RUS", "asserted")]),
    # relations: verb + relation noun (synonym sets), and "withdrew its ambassador from"
    ("Turkey restored relations with Egypt.", [("AGREE", "TUR", "EGY", "asserted")]),
    ("France withdrew its ambassador from Turkey.", [("SANCTION", "FRA", "TUR", "asserted")]),
    # an event noun carried by "with": "retaliated with tariffs on X" (and said it could: a threat)
    ("China said it could retaliate with tariffs on German and Italian vehicles.",
     [("THREATEN", "CHN", "DEU", "asserted"), ("THREATEN", "CHN", "ITA", "asserted")]),
    # the appositive names the actor: "another ally, France"
    ("Turkey made overtures to another key ally, France.", [("AGREE", "TUR", "FRA", "asserted")]),
    # "X said Y should know ..." is no request
    ("Peru said Chile should know that the border stays open.", []),
    # a purpose infinitive on the object of a light verb takes the light verb's subject
    ("Peru launched an operation to root out Bolivian rebels.", [("ASSAULT", "PER", "BOL", "asserted")]),
    # verb + particle pattern with a synonym set, and a verb + object-class pattern
    ("Chile lifted orders against the Bolivian government.", [("CONCEDE", "CHL", "BOL", "asserted")]),
    ("Mauritius conferred its highest honour on the Indian government.", [("SUPPORT", "MUS", "IND", "asserted")]),
    # civilians as the object of coercion are the civilians of the source's country
    ("Uganda banned civilians from travelling to the border.", [("COERCE", "UGA", "UGA", "asserted")]),
    # a light verb with its event noun
    ("Australia imposed sanctions on Iran over the drone deliveries.", [("SANCTION", "AUS", "IRN", "asserted")]),
    # "X threatened to V Y": the conflict act is threatened, not done
    ("China threatened to cut ties with Japan.", [("THREATEN", "CHN", "JPN", "asserted")]),
    ("Turkey threatened to impose sanctions on Greece.", [("THREATEN", "TUR", "GRC", "asserted")]),
    # aid nouns as the object of giving verbs (one word class), forces deployed
    ("Japan will provide relief supplies to Nepal.", [("AID", "JPN", "NPL", "future")]),
    ("Ethiopia deployed troops to the border.", [("MOBILIZE", "ETH", None, "asserted")]),
    # violence told by its instrument: "opened fire on X"
    ("Syrian rebels opened fire on a Turkish police patrol.", [("ASSAULT", "SYR", "TUR", "asserted")]),
    # industrial action, annexation, concessions, downgraded ties, a declined offer
    ("French workers went on strike on Monday.", [("PROTEST", "FRA", None, "asserted")]),
    ("Russia annexed Crimea from Ukraine.", [("ASSAULT", "RUS", "UKR", "asserted")]),
    ("Israel made concessions to Egypt.", [("CONCEDE", "ISR", "EGY", "asserted")]),
    ("Turkey downgraded relations with Israel.", [("SANCTION", "TUR", "ISR", "asserted")]),
    ("Iran declined the American offer.", [("REJECT", "IRN", "USA", "asserted")]),
    # expelled diplomats: their country is the target
    ("Russia expelled British diplomats.", [("SANCTION", "RUS", "GBR", "asserted")]),
    # two-word event nouns: the modifier says what the act is
    ("Palestinian prisoners began a hunger strike.", [("PROTEST", "PSE", None, "asserted")]),
    ("Japan held a joint exercise with India.", [("COOPERATE", "JPN", "IND", "asserted")]),
    # the fight a passive act happened in names its source
    ("A Kenyan soldier was killed in a gun battle with Somali militants.", [("ASSAULT", "SOM", "KEN", "asserted")]),
    # sentenced by a court: found guilty (PLOVER SANCTION, mode convict)
    ("A Russian court sentenced the Ukrainian pilot to prison.", [("SANCTION", "RUS", "UKR", "asserted")]),
    ("Indian troops injured three Pakistani soldiers.", [("ASSAULT", "IND", "PAK", "asserted")]),
    ("The Turkish police took two Greek journalists into custody.", [("COERCE", "TUR", "GRC", "asserted")]),
    ("Egypt opened an inquiry into the Israeli raid.", [("ACCUSE", "EGY", "ISR", "asserted")]),
    ("The Taliban threatened to break their ceasefire with American forces.", [("THREATEN", "AFG", "USA", "asserted")]),
    # coordinated country adjectives on an actor noun: one actor each
    ("Obama was criticized by German, French and British representatives.",
     [("ACCUSE", s, "USA", "asserted") for s in ("DEU", "FRA", "GBR")]),
    # street protest, loans
    ("Thousands of Sudanese took to the streets.", [("PROTEST", "SDN", None, "asserted")]),
    ("China extended a loan to Pakistan.", [("AID", "CHN", "PAK", "asserted")]),
    # "ramped up" carries an event noun; "warned of action against X" threatens X
    ("The United States ramped up its trade war with China.", [("SANCTION", "USA", "CHN", "asserted")]),
    ("Egypt warned of military action against Ethiopia.", [("THREATEN", "EGY", "ETH", "asserted")]),
    # a participle conjoined to a passive is passive: no source invented
    ("The Haitian gang leader had been arrested and sentenced to six years in prison.",
     [("COERCE", None, "HTI", "asserted"), ("SANCTION", None, "HTI", "asserted")]),
    # a list read by the parser as an apposition with a conjunct: one actor each
    ("Council members Greece, Panama and South Korea supported the French proposal.",
     [("SUPPORT", s, "FRA", "asserted") for s in ("GRC", "KOR", "PAN")]),
    # an act done together under a light verb: "A and B held talks" is A with B
    ("Japan and Russia held talks in Geneva.", [("CONSULT", "JPN", "RUS", "asserted")]),
    ("Japan and India held a joint military exercise.", [("COOPERATE", "JPN", "IND", "asserted")]),
    # a count of people stands for the people counted
    ("Thousands of Kenyan protesters marched in Nairobi.", [("PROTEST", "KEN", None, "asserted")]),
])
def test_pattern_family(events, text, expected):
    assert events(text) == sorted(expected)


def test_hypothetical_act_in_a_condition_is_no_accusation(events):
    found = events('"If Brazil attacks, we will strike Brazil," the Venezuelan government said.')
    assert not [e for e in found if e[0] == "ACCUSE"]
    assert ("THREATEN", "VEN", "BRA", "asserted") in found


def test_dictionary_pattern_codes_and_can_be_turned_off(tmp_path):
    from eventwire.pipeline import Pipeline

    text = "Peru lobbied against Chile at the summit." + FILLER
    lex_on, lex_off = Lexicon(Settings()), Lexicon(Settings(cameo_verbs=False))
    assert any(t.dictionary and t.particle == "against" for t in lex_on.verbs.get("lobby", ()))
    assert "lobby" not in lex_off.verbs
    on = Pipeline(Settings()).code_text(text, published="2024-03-08")
    assert [(e.type, entity(e.source.code), entity(e.target.code)) for e in on.events
            if e.sentence_index == 0] == [("ACCUSE", "PER", "CHL")]  # CAMEO 113 "rally opposition against"
    off = Pipeline(Settings(cameo_verbs=False)).code_text(text, published="2024-03-08")
    assert [e for e in off.events if e.sentence_index == 0] == []


HEADER = "lemma\tpos\tparticle\tobject\tcameo\ttype\tnegated\tflags\tsource\ttarget\n"


def user_events(folder, rows: str, text: str, synsets: str = "") -> list[tuple]:
    """The events of ``text`` coded with a user pattern folder holding ``rows``."""
    from eventwire.pipeline import Pipeline

    (folder / "triggers.tsv").write_text(HEADER + rows, encoding="utf-8")
    if synsets:
        (folder / "synsets.tsv").write_text("set\tword\n" + synsets, encoding="utf-8")
    art = Pipeline(Settings(lexicon_dirs=(folder,))).code_text(text + FILLER, published="2024-03-08")
    return [(e.type, e.source.code, e.target.code, e.trigger) for e in art.events]


def test_user_pattern_file_with_a_synonym_set_and_positions(tmp_path):
    found = user_events(tmp_path, "&scold_words\tV\t\t\t111\t\t\t\tsubj\tobj\n",
                        "Chile chided Argentina at the summit.", "scold_words\tscold\nscold_words\tchide\n")
    assert found == [("ACCUSE", "CHL", "ARG", "chided")]


def test_position_decides_the_target(tmp_path):
    found = user_events(tmp_path, "side\tV\twith\t\t051\t\t\t\tsubj\tprep:with\n",
                        "Chile sided with Argentina in the dispute.")
    assert found == [("SUPPORT", "CHL", "ARG", "sided")]


@pytest.mark.parametrize("synsets, row, message", [
    ("", "&nowhere\tV\t\t\t111\t\t\t\t\t", "unknown synonym set"),
    ("", "scold\tV\t\t\t111\t\t\t\tsubj\tbeside", "unknown position"),
    ("", "scold\tV\t\t\t111\t\t\tloud\t\t", "unknown flag"),
    ("", "scold\tX\t\t\t111\t\t\t\t\t", "pos must be V or N"),
])
def test_bad_pattern_rows_are_errors(tmp_path, synsets, row, message):
    (tmp_path / "triggers.tsv").write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon(Settings(lexicon_dirs=(tmp_path,)))


def test_unknown_word_list_is_an_error():
    with pytest.raises(LexiconError, match="no word list"):
        Lexicon()["no_such_list"]


def test_one_list_of_reporting_verbs():
    from eventwire.quotes import report_verbs, reporting_verbs

    every = report_verbs()
    cues = reporting_verbs()
    assert "say" in cues and "say" in every
    assert "think" in every and "think" not in cues  # a report for events, no quotation cue
    assert Lexicon()["report_verbs"] == every
    assert Events().lexicon["report_verbs"] == every


def test_bare_act_noun_refers_to_the_previous_subject(code):
    art = code("Mexico called for a meeting of the Security Council. Chile supported the call." + FILLER)
    found = [(e.type, entity(e.source.code), entity(e.target.code)) for e in art.events if e.sentence_index == 1]
    assert found == [("SUPPORT", "CHL", "MEX")]


# PLOVER codebook modes: one invented sentence per type, each a mode's word (triggers.tsv's
# last block), asserting the exact events of the sentence.
@pytest.mark.parametrize("text, expected", [
    ("Peru and Ecuador signed a pact on fishing rights.", [("AGREE", "PER", "ECU", "asserted")]),
    ("Finland conferred with Estonia about the ferry dispute.", [("CONSULT", "FIN", "EST", "asserted")]),
    ("Kenya congratulated Tanzania on the peaceful vote.", [("SUPPORT", "KEN", "TZA", "asserted")]),
    ("Brazil established diplomatic relations with Bhutan.", [("SUPPORT", "BRA", "BTN", "asserted")]),
    ("Ethiopia capitulated to Eritrea.", [("CONCEDE", "ETH", "ERI", "asserted")]),
    ("Norway extradited two Swedish suspects to Sweden.", [("COOPERATE", "NOR", "SWE", "asserted")]),
    ("Japan granted asylum to a Chinese dissident.", [("AID", "JPN", None, "asserted")]),
    ("Bahrain rushed humanitarian aid to Fiji.", [("AID", "BHR", "FJI", "asserted")]),
    ("Peru brought the matter to Chile.", []),
    # the "of" object of a quantity is the pattern's object ("ten tons of aid")
    ("Bahrain transferred ten tons of humanitarian aid to Fiji.", [("AID", "BHR", "FJI", "asserted")]),
    ("The rebels in Colombia laid down their weapons.", [("RETREAT", "COL", None, "asserted")]),
    ("Somalia sought assistance from Ethiopia.", [("REQUEST", "SOM", "ETH", "asserted")]),
    ("Cuba lambasted the United States over the embargo.", [("ACCUSE", "CUB", "USA", "asserted")]),
    ("Hungary turned down the offer from Austria.", [("REJECT", "HUN", "AUT", "asserted")]),
    ("Iraq postponed talks with Kuwait.", [("REJECT", "IRQ", "KWT", "asserted")]),
    ("Greek farmers blocked roads near Athens.", [("PROTEST", "GRC", None, "asserted")]),
    ("North Korea tested ballistic missiles on Friday.", [("MOBILIZE", "PRK", None, "asserted")]),
    ("Vietnam imposed a curfew in Hanoi.", [("COERCE", "VNM", None, "asserted")]),
    ("Police in Nigeria dispersed the protesters in Lagos.", [("COERCE", "NGA", "NGA", "asserted")]),
    ("Police in Hungary used tear gas against the protesters.", [("COERCE", "HUN", "HUN", "asserted")]),
    ("Syrian forces tortured detainees in Aleppo.", [("ASSAULT", "SYR", "SYR", "asserted")]),
    # an object the row does not name is no event ("invested in", "tested the waters")
    ("Germany tested the waters with Poland.", []),
])
def test_codebook_mode_rows(events, text, expected):
    assert events(text) == sorted(expected)


def test_threat_with_no_named_target_is_a_threat_not_the_act(events):
    # "threatened to arrest anyone": the arrest is not done; the threat has a null target
    assert events("Police in Belarus threatened to arrest anyone who joins the march.") == \
        [("THREATEN", "BLR", None, "asserted")]


def test_a_strike_by_workers_is_a_labour_strike_not_force(events):
    # strike_sectors: the same noun is force when an army's, a protest when teachers'
    assert events("Chilean teachers began strikes on Monday over pay.") == [("PROTEST", "CHL", None, "asserted")]
    assert events("Somali troops carried out strikes against the militants.") == \
        [("ASSAULT", "SOM", "SOM", "asserted")]


@pytest.mark.parametrize("text, expected", [
    # a promised concession is the intent to yield (CONCEDE 035); the act itself is future
    ("The Malian rebels agreed to withdraw from Kidal.",
     [("CONCEDE", "MLI", None, "asserted"), ("RETREAT", "MLI", None, "future")]),
    ("Russia promised to release the Ukrainian prisoners.",
     [("CONCEDE", "RUS", None, "asserted"), ("RETREAT", "RUS", "UKR", "future")]),
    # a promise of anything else stays an agreement
    ("Japan agreed to cooperate with India on trade.",
     [("AGREE", "JPN", None, "asserted"), ("COOPERATE", "JPN", "IND", "future")]),
])
def test_promised_concession_is_concede(events, text, expected):
    assert events(text) == sorted(expected)
