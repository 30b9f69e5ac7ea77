"""The cleaner: a site's noise goes, every sentence of the story stays.

The scraped page below is invented for these tests, in the shape real scrapes take.
"""
from __future__ import annotations

import pytest

from eventwire.clean import Cleaner, looks_like_headline, mask_quotes
from eventwire.model import Article

STORY = [
    "Chile's foreign minister criticised Peru on Monday for closing the border crossing at Tacna.",
    "“We expect our neighbours to keep their word,” the minister told reporters in Santiago.",
    "Peru's government said the closure was temporary and would be reviewed next week.",
    "Lawmakers in Lima urged the president to reopen the crossing before the holidays.",
]

SCRAPE = "\n".join([
    "Chile criticises Peru over border closure",
    "Skip to main content",
    "Support independent journalism",
    "Our newsroom depends on readers like you. If you value what we do, please make a donation "
    "today and help us keep our reporting open to all.",
    "Every contribution counts.".rstrip(".") + "." + STORY[0],   # glued by the scrape
    "Advertisement",
    STORY[1],
    "FILE - Trucks wait at the border crossing near Tacna, Peru, on Jan. 3, 2024. (AP Photo/Jane Doe, File)",
    STORY[2],
    "Related",
    "Peru names new interior minister",
    "Chile and Peru sign fishing accord",
    "Border trade falls for third month",
    STORY[3],
    "Sign up for our daily newsletter",
    "Advertisement",
    "___",
    "Maria Lopez in Lima contributed to this report.",
    "© 2024 Example News Ltd. All rights reserved.",
])


def clean(raw: str, **meta) -> Article:
    return Cleaner()(Article.from_raw(raw, **meta))


def test_every_story_sentence_survives():
    art = clean(SCRAPE)
    for sentence in STORY:
        assert sentence in art.text


def test_site_noise_is_removed():
    art = clean(SCRAPE)
    for noise in ("Skip to main content", "Support independent journalism", "donation",
                  "Every contribution counts", "Advertisement", "AP Photo", "Related",
                  "Peru names new interior minister", "Sign up", "___", "contributed to this report",
                  "All rights reserved"):
        assert noise not in art.text, noise


def test_headline_becomes_title_and_credit_becomes_metadata():
    art = clean(SCRAPE)
    assert art.title == "Chile criticises Peru over border closure"
    assert not art.text.startswith("Chile criticises Peru over")
    assert art.credits == ["Maria Lopez in Lima contributed to this report."]
    removed = art.metadata["removed"]
    assert len(removed) >= 10 and all(r["text"] and r["reason"] for r in removed)
    assert {"text": "Maria Lopez in Lima contributed to this report.",
            "reason": "credit line (kept in credits)"} in removed


def test_given_title_is_not_repeated_in_text():
    art = clean("Storm hits coast\nA storm hit the coast on Monday, officials said.", title="Storm hits coast")
    assert art.text == "A storm hit the coast on Monday, officials said."


def test_glued_sentences_are_split_apart():
    blocks = Cleaner().unglue(["Thanks for reading.The army said it had withdrawn."])
    assert [text for block in blocks for text, _ in block] == ["Thanks for reading.", "The army said it had withdrawn."]
    # abbreviations are not glue
    blocks = Cleaner().unglue(["The U.S. Senate met on Jan. 5 with Gen. Smith."])
    assert len(blocks) == 1 and len(blocks[0]) == 1


def test_quoted_reader_address_is_story_not_noise():
    text = ("“If you want peace, you must support the talks,” the envoy said in Geneva.\n"
            "She added that both sides had agreed to meet again.")
    art = clean(text)
    assert "If you want peace" in art.text
    assert "both sides had agreed" in art.text


def test_interview_questions_are_kept():
    text = ("The minister spoke to reporters on Tuesday about the new trade rules.\n"
            "Asked what you could expect from the talks, he said progress would be slow.")
    art = clean(text)
    assert "Asked what you could expect" in art.text


def test_dateline_is_metadata():
    art = clean("GENEVA (AP) — Diplomats from both countries met on Monday to discuss the ceasefire.")
    assert art.metadata["dateline"] == "Geneva"
    assert art.metadata["agency"] == "AP"
    assert art.text.startswith("Diplomats from both countries")


def test_byline_becomes_author():
    art = clean("By Anna Berg and Tom Hale\nThe parliament voted on Monday to extend the mandate.")
    assert art.author == "Anna Berg and Tom Hale"
    assert art.text == "The parliament voted on Monday to extend the mandate."


def test_repeated_paragraph_kept_once():
    para = "The government announced new measures against inflation on Monday."
    art = clean(f"{para}\nPrices rose again in March, the statistics office said.\n{para}")
    assert art.text.count("new measures against inflation") == 1


def test_unpunctuated_wall_of_words_is_dropped():
    wall = " ".join(["word"] * 1000)
    art = clean(f"The court ruled on Monday that the election was valid.\n{wall}")
    assert art.text == "The court ruled on Monday that the election was valid."


def test_nothing_left_is_an_error():
    art = clean("Advertisement\nSign up for our newsletter\n___")
    assert art.error is not None and art.error.kind == "empty"


def test_non_english_is_reported():
    text = ("Le gouvernement a annoncé lundi de nouvelles mesures contre l'inflation. "
            "Les prix ont encore augmenté en mars, selon l'office des statistiques.")
    art = clean(text)
    assert art.error is not None and art.error.kind == "not_english"


def test_mask_quotes_reads_mismatched_marks():
    masked = mask_quotes('He called it "a disgrace” and left. “We will return," she said.')
    assert "disgrace" not in masked and "return" not in masked
    assert "He called it" in masked and "she said" in masked


def test_headline_shape():
    assert looks_like_headline("Chile criticises Peru over border closure")
    assert not looks_like_headline("The minister said on Monday that talks would resume.")
    assert not looks_like_headline("Hi")


def test_user_noise_file_extends_the_rules(tmp_path):
    (tmp_path / "noise.yaml").write_text("furniture:\n  - 'story continues below'\n", encoding="utf-8")
    from eventwire.config import Settings
    cleaner = Cleaner(Settings(lexicon_dirs=(tmp_path,)))
    art = cleaner(Article.from_raw("Troops left the town on Monday.\nStory continues below\nThe mayor said it was calm."))
    assert "Story continues below" not in art.text
    assert "The mayor said it was calm." in art.text


def test_user_lexicon_extends_the_signals(tmp_path):
    (tmp_path / "noise.yaml").write_text("site_business: [raffle]\n", encoding="utf-8")
    from eventwire.config import Settings
    text = ("Troops left the town on Monday.\nWin a holiday in our raffle.\n"
            "The mayor said it was calm.")
    plain, extended = Cleaner()(Article.from_raw(text)), Cleaner(Settings(lexicon_dirs=(tmp_path,)))(Article.from_raw(text))
    assert "raffle" in plain.text
    assert "raffle" not in extended.text
    reasons = {r["text"]: r["reason"] for r in extended.metadata["removed"]}
    assert reasons["Win a holiday in our raffle."] == "the site's own business"
    assert "Troops left the town on Monday." in extended.text and "The mayor said it was calm." in extended.text


def test_a_statement_that_opens_with_an_order_word_is_story_not_furniture():
    story = ("The poll was taken across the country last week.\n\n"
             "Support fell to 38% in March.\n\nHelp is on the way.\n\nWatch the video.\n\n"
             "Voters were asked about the economy.")
    art = clean(story)
    assert "Support fell to 38% in March." in art.text  # "fell": a finite verb, a statement
    assert "Help is on the way." in art.text
    assert "Watch the video." not in art.text  # an order to the reader, nothing more


# -- subheadings run into the paragraph after them ------------------------------

def _cleaned(text: str) -> Article:
    return Cleaner()(Article.from_raw(text))


def test_a_subheading_run_into_the_next_sentence_is_a_paragraph_of_its_own():
    art = _cleaned(
        "Farmers in Tarvia blocked the main highway on Tuesday to protest grain prices. "
        "Price disputes Disputes over grain prices have grown since the spring harvest. "
        "Water shortages The drought has left the northern reservoirs half empty this year.")
    assert art.metadata["headings"] == ["Price disputes", "Water shortages"]
    assert art.text == (
        "Farmers in Tarvia blocked the main highway on Tuesday to protest grain prices.\n\n"
        "Price disputes\n\n"
        "Disputes over grain prices have grown since the spring harvest.\n\n"
        "Water shortages\n\n"
        "The drought has left the northern reservoirs half empty this year.")
    assert "removed" not in art.metadata  # nothing of the story goes


def test_a_title_case_subheading_before_a_sentence_opener():
    art = _cleaned("The council met on Monday in Port Avel. "
                   "Coastal Defence Plans Since the storm, the council has rebuilt two sea walls.")
    assert art.metadata["headings"] == ["Coastal Defence Plans"]
    assert art.text.split("\n\n") == ["The council met on Monday in Port Avel.", "Coastal Defence Plans",
                                      "Since the storm, the council has rebuilt two sea walls."]


def test_sentences_that_only_look_like_a_subheading_stay_whole():
    for sentence in (
            "Trade minister Lena Hovik met her Norvan counterpart on Friday.",  # a title before a name
            "The newly elected mayor visited The Hague on Friday with two aides.",  # a clause, a past tense
            "Officials also praised The Valdora Star for its coverage of the floods.",  # a clause word
            "Analysts say Tarvia will cut its grain exports next year.",  # a verb before the name
            "Jami Jami spoke to reporters outside the court on Monday."):  # a name, said twice
        art = _cleaned("Troops left the border town of Keltz on Monday. " + sentence)
        assert "headings" not in art.metadata, sentence
        assert art.text == "Troops left the border town of Keltz on Monday. " + sentence


def test_a_quoted_sentence_is_never_read_as_a_subheading():
    art = _cleaned("The minister spoke in Keltz on Monday. "
                   "“We held every road. Border towns The army will guard them all,” she said to the crowd.")
    assert "headings" not in art.metadata


@pytest.mark.parametrize("text, english", [
    # one short English sentence may hold no English function word at all
    ("Anna Moyo, Kenya's deputy foreign minister, criticized Uganda.", True),
    ("Ursula von der Leyen criticized Hungary's new media law.", True),  # name particles are no German
    ("Der Minister sagte am Freitag, dass die Regierung die Regeln nicht akzeptiert.", False),
    ("Le ministre critique les nouvelles mesures du gouvernement, selon des diplomates.", False),
])
def test_a_short_text_is_called_not_english_only_on_evidence_of_another_language(text, english):
    art = clean(text)
    assert (art.error is None) == english, art.error
