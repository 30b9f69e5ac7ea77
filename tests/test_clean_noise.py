"""The cleaner against site noise put into a story at random: every sentence of the
story stays, character for character, and the noise goes.

The noise comes from ``bench/noisegen.py`` (invented families of site furniture);
the stories are invented here, and a sample of the VOA corpus in ../shared is used
where it is present (skipped cleanly otherwise). ``bench/noise.py`` runs the same
check on all 89 VOA stories and reports the figures.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from eventwire.clean import Cleaner, split_joined
from eventwire.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import noisegen  # noqa: E402

CLEANER = Cleaner()


def _check(story: str, seed: int, families, insertions: int = 20) -> tuple[int, int]:
    """Insert noise into ``story``; assert no sentence is lost. (noise lines, removed)."""
    noisy = noisegen.insert_noise(story, random.Random(seed), insertions, families)
    art = CLEANER(Article.from_raw(noisy.raw))
    assert art.ok, art.error
    lost = noisegen.lost_sentences(noisy.sentences, art)
    assert lost == [], f"seed {seed}: lost {lost}\n--- raw ---\n{noisy.raw}"
    removed = sum(not noisegen.kept_noise(line, art) for _, _, line in noisy.noise)
    return len(noisy.noise), removed


@pytest.mark.parametrize("seed", range(12))
def test_invented_stories_keep_every_sentence(seed):
    total = removed = 0
    for i, story in enumerate(noisegen.invented_stories()):
        families = noisegen.DEV if (seed + i) % 2 else noisegen.HELDOUT
        n, r = _check(story, seed * 7 + i, families, insertions=20)
        total, removed = total + n, removed + r
    assert removed / total >= 0.75, f"only {removed} of {total} noise lines removed"


def test_voa_sample_keeps_every_sentence(shared_dir):
    path = shared_dir / "corpora" / "voa" / "voa_stories.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in random.Random(5).sample(records, 12):
        for families in (noisegen.DEV, noisegen.HELDOUT):
            _check(record["text"], int(record["id"]) % 1000, families, insertions=20)


@pytest.mark.slow
def test_all_voa_stories_keep_every_sentence(shared_dir):
    path = shared_dir / "corpora" / "voa" / "voa_stories.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) == 89
    for seed, families in ((12, noisegen.DEV), (13, noisegen.HELDOUT)):
        for record in records:
            _check(record["text"], seed * 1000 + int(record["id"]) % 1000, families, insertions=20)


# -- glue ---------------------------------------------------------------------

STORY = ("Lawyer Lionel Vasquez said the court would rule on Friday. "
         "\"Ukraine is committed to moving quickly toward peace,\" the foreign minister said in Kyiv. "
         "Officials in Warsaw said the talks had gone well.")


def _clean(raw: str) -> Article:
    return CLEANER(Article.from_raw(raw))


def test_noise_glued_before_an_opening_quotation_keeps_the_quotation():
    raw = ("Ministers meet in Kyiv on Monday.\n"
           "Sign up for our free morning briefing and get the news in your inbox.\"Ukraine is committed to "
           "moving quickly toward peace,\" the foreign minister said in Kyiv.")
    art = _clean(raw)
    assert "\"Ukraine is committed to moving quickly toward peace,\" the foreign minister said in Kyiv." in art.text
    assert "Sign up" not in art.text and "inbox" not in art.text


def test_furniture_glued_without_punctuation_is_peeled_off():
    art = _clean("The court met on Monday.\nAdvertisementLawyer Lionel Vasquez said the court would rule on Friday.")
    assert "Lawyer Lionel Vasquez said the court would rule on Friday." in art.text
    assert "Advertisement" not in art.text
    art = _clean("Officials in Warsaw said the talks had gone well.READ MORE: Floods close schools in the north")
    assert art.text == "Officials in Warsaw said the talks had gone well."


@pytest.mark.parametrize("short", ["Be the first to comment", "Story by Rosa Vidal", "Illustration by Rosa Vidal"])
def test_a_short_line_glued_before_a_quotation_comes_off(short):
    quote = "“We will appeal,” the lawyer told reporters."
    art = _clean(f"The court met on Monday.\n{short}{quote}")
    assert art.text == f"The court met on Monday.\n\n{quote}"


def test_a_short_line_glued_before_a_sentence_comes_off():
    art = _clean("The court met on Monday.\nBe the first to commentThe judge adjourned the hearing.")
    assert art.text == "The court met on Monday.\n\nThe judge adjourned the hearing."


@pytest.mark.parametrize("text", [
    "Apple sold the iPhone in Lima.",
    "Sellers on eBay said prices rose.",
    "The laptops run macOS Sonoma now.",
    "Officials met in Kyiv.\nAuditors at PricewaterhouseCoopers signed the accounts.",
])
def test_words_with_inner_capitals_stay_whole(text):
    assert _clean(f"The court met on Monday.\n{text}").text == f"The court met on Monday.\n\n" + text.replace("\n", "\n\n")


def test_a_straight_mark_after_a_glued_line_with_no_quotation_open_opens_one():
    quote = '"The army cannot silence the "free press," said Ortega, and "we will write."'
    art = _clean(f"The court met on Monday.\nOmar Haddad writes for The Valdora Star.{quote}")
    assert art.text == f"The court met on Monday.\n\n{quote}"


def test_a_straight_mark_after_a_quotation_open_on_its_line_closes_it():
    raw = ('The soldiers ran. "We ran two kilometres and reached a post."You are here: Home > World > '
           'AmericasAccording to reports, 200 people were freed.\nWe were lucky," the driver said.')
    art = _clean(raw)
    assert art.text == ('The soldiers ran. "We ran two kilometres and reached a post."\n\n'
                        'According to reports, 200 people were freed.\n\nWe were lucky," the driver said.')


@pytest.mark.parametrize("glued, sentence", [
    # furniture glued before a capitalised function word, whatever case it ends in
    ("0:00 / 2:31Why you can trust Valdora Star", "The Red Cross official did not share further details."),
    # a bracket before an opening mark
    ("View gallery (5 photos)", "“The port is strategically important,” Ortega told reporters."),
    # a single opening mark
    ("Photo: Valdora Pictures", "‘We need to monitor’ The rights groups told reporters the men were held."),
    # a single capital that starts the story's name is not furniture's
    ("Also available in: Deutsch", "YChina started with short video interviews."),
])
def test_glued_furniture_never_takes_the_story_with_it(glued, sentence):
    art = _clean(f"The court met on Monday.\n{glued}{sentence}")
    assert art.text == f"The court met on Monday.\n\n{sentence}"


def test_names_with_inner_capitals_are_not_cut():
    text = ("Senator McCaul said in a video posted on YouTube that WhatsApp and DeepSeek would be questioned. "
            "The hearing is set for March.")
    assert _clean(text).text == text


def test_sentences_glued_across_closing_quotation_marks_come_apart():
    assert split_joined("He said: “We will return.”The army left.") == ["He said: “We will return.”", "The army left."]
    assert split_joined('He said: "We will return."The army left.') == ['He said: "We will return."', "The army left."]
    assert split_joined("The talks ended.“We will return,” he said.") == ["The talks ended.", "“We will return,” he said."]
    assert split_joined("Prices rose 3.5 percent.") == ["Prices rose 3.5 percent."]


@pytest.mark.parametrize("noise", [
    "Share this article: Facebook Twitter WhatsApp Email Copy link",
    "Join the conversation: comments on this story are open for 24 hours.",
    "Story continues below advertisement",
    "Follow our live coverage of the crisis here.",
    "READ MORE: Parliament delays vote on new budget",
])
@pytest.mark.parametrize("how", ["line", "after", "before"])
def test_common_furniture_goes_on_a_line_or_glued(noise, how):
    first, rest = STORY.split(". ", 1)
    first += "."
    joined = {"line": f"{first}\n{noise}\n{rest}", "after": f"{first}{noise}\n{rest}",
              "before": f"{first}\n{noise}{rest}"}[how]
    art = _clean(joined)
    assert noise not in art.text
    for sentence in (first, *rest.split(". ")):
        assert sentence.rstrip(".") in art.text


@pytest.mark.parametrize("notice", [
    "2024 Example News. All rights reserved.",
    "Distributed by Harbour Press ©",
    "Reproduction of this page without written consent is prohibited.",
    "Pictures used with permission.",
    "The Lantern is not responsible for the content of external sites.",
])
def test_legal_notices_go_wherever_their_words_stand(notice):
    art = _clean(f"The court met on Monday.\n{notice}\nThe judge adjourned the hearing.")
    assert art.text == "The court met on Monday.\n\nThe judge adjourned the hearing."
    removed = art.metadata["removed"]
    assert " ".join(r["text"] for r in removed) == notice and {r["reason"] for r in removed} == {"legal notice"}


def test_a_report_about_copyright_is_the_story():
    text = "The publisher said the copyright of the photographs was reserved by law."
    assert _clean(f"The court met on Monday.\n{text}").text == f"The court met on Monday.\n\n{text}"


@pytest.mark.parametrize("bio", [
    "Rosa Vidal is a correspondent for The Valdora Star covering trade and farming.",
    "The author is the Valdora Star's bureau chief in Quito.",
    "Rosa Vidal has reported on Andean politics for The Valdora Star since 2019.",
    "Rosa Vidal writes for The Valdora Star.",
    "About the author: Rosa Vidal is a former diplomat.",
])
def test_author_bios_on_a_line_of_their_own_go_to_credits(bio):
    art = _clean(f"The court met on Monday.\n{bio}\nThe judge adjourned the hearing.")
    assert art.text == "The court met on Monday.\n\nThe judge adjourned the hearing."
    assert art.credits == [bio]
    assert art.metadata["removed"] == [{"text": bio, "reason": "author bio (kept in credits)"}]


def test_a_sentence_about_a_reporter_inside_the_story_stays():
    text = ("Police detained two journalists on Friday. "
            "Rosa Vidal is a correspondent for The Valdora Star covering trade and farming.")
    assert _clean(f"The court met on Monday.\n{text}").text == f"The court met on Monday.\n\n{text}"
    assert _clean("The court met on Monday.\nHe is a reporter for the Star.").text.endswith("for the Star.")


@pytest.mark.parametrize("line, author", [
    ("By Rosa Vidal and Omar Haddad", "Rosa Vidal and Omar Haddad"),
    ("Story by Rosa Vidal", "Rosa Vidal"),
    ("Rosa Vidal, Diplomatic Correspondent", "Rosa Vidal, Diplomatic Correspondent"),
])
def test_bylines_in_their_common_shapes(line, author):
    art = _clean(f"The court met on Monday.\n{line}\nThe judge adjourned the hearing.")
    assert art.text == "The court met on Monday.\n\nThe judge adjourned the hearing."
    assert art.author == author


@pytest.mark.parametrize("credit", [
    "(Photo by Rosa Vidal/Valdora Pictures)",
    "Illustration by Rosa Vidal",
    "Rosa Vidal / Valdora Pictures",
    "AP Photo/Rosa Vidal",
    "Reuters/Rosa Vidal",
    "Valdora Pictures via Pool",
    "Trucks queue at the border crossing near the port. (Photo: Valdora Pictures)",
    "Trucks queue at the border crossing near the port. (Rosa Vidal/Getty Images)",
    "Trucks queue at the border crossing near the port. REUTERS/Rosa Vidal",
])
def test_photo_credits_in_their_common_shapes(credit):
    art = _clean(f"The court met on Monday.\n{credit}\nThe judge adjourned the hearing.")
    assert art.text == "The court met on Monday.\n\nThe judge adjourned the hearing."
    removed = art.metadata["removed"]
    assert " ".join(r["text"] for r in removed) == credit and {r["reason"] for r in removed} == {"caption"}


@pytest.mark.parametrize("text", ["Video by a bystander showed police beating protesters.",
                                  "The convoy reached the city via Turkey.",
                                  "Approval fell to 38%, according to a Reuters/Ipsos poll released on Tuesday.",
                                  "Approval fell in March. That is the lowest in any Reuters/Ipsos poll this year.",
                                  "The photo, distributed by Getty Images, shows the minister at the border.",
                                  "The news was first reported by the Associated Press (AP)."])
def test_credit_words_in_a_sentence_are_the_story(text):
    assert _clean(f"The court met on Monday.\n{text}").text == f"The court met on Monday.\n\n{text}"


def test_a_byline_glued_to_a_token_of_letters_and_digits_leaves_it_whole():
    art = _clean("The court met on Monday.\nStory by Rosa VidalG7 ministers met in Rome.")
    assert art.text == "The court met on Monday.\n\nG7 ministers met in Rome."


@pytest.mark.parametrize("crumbs", ["Home » World » Europe", "News › Europe › Courts", "Home / Europe / Courts",
                                    "Home > World > Europe"])
def test_breadcrumbs_go_on_a_line_or_glued(crumbs):
    for raw in (f"{crumbs}\nThe court met on Monday.", f"The court met on Monday.\n{crumbs}The judge left."):
        art = _clean(raw)
        assert crumbs not in art.text and "»" not in art.text and "Monday." in art.text
        assert art.metadata["removed"] == [{"text": crumbs, "reason": "a list of links, tags or handles"}]


def test_removed_lines_carry_their_reasons():
    art = _clean("The court met on Monday.\nAdvertisement\nTags: Politics, Courts, Europe\nBy Jane Doe\n"
                 "Please keep your comments respectful and on topic.\nThe judge adjourned the hearing.")
    removed = {r["text"]: r["reason"] for r in art.metadata["removed"]}
    assert removed == {
        "Advertisement": "site furniture",
        "Tags: Politics, Courts, Europe": "a label and what it labels",
        "By Jane Doe": "byline (kept as author)",
        "Please keep your comments respectful and on topic.": "tells the reader what to do",
    }
    assert art.text == "The court met on Monday.\n\nThe judge adjourned the hearing."


# -- the generator --------------------------------------------------------------

def test_noise_families_split_into_dev_and_heldout():
    data = noisegen.families_data()
    assert set(noisegen.DEV) | set(noisegen.HELDOUT) | set(noisegen.HELDOUT2) == set(data["families"])
    assert not set(noisegen.DEV) & set(noisegen.HELDOUT)
    assert len(data["families"]) >= 20 and len(noisegen.HELDOUT) >= 5


def test_second_heldout_set_is_apart_from_the_first():
    assert len(noisegen.HELDOUT2) >= 10
    assert not set(noisegen.HELDOUT2) & (set(noisegen.DEV) | set(noisegen.HELDOUT))
    lines = noisegen.noise_lines("breadcrumb_nav", random.Random(2))
    assert len(lines) == 1 and "{" not in lines[0]


def test_noise_generator_is_seeded_and_glues():
    story = noisegen.invented_stories()[0]
    a = noisegen.insert_noise(story, random.Random(3), 20, noisegen.DEV)
    b = noisegen.insert_noise(story, random.Random(3), 20, noisegen.DEV)
    assert a.raw == b.raw and len(a.noise) >= 20
    assert {mode for _, mode, _ in a.noise} >= {"line", "glue_after", "glue_before"}
    assert all(s in story for s in a.sentences) and len(a.sentences) == 7
    with pytest.raises(KeyError):
        noisegen.noise_lines("no_such_family", random.Random(1))
