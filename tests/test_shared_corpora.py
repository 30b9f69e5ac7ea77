"""Evaluation tests on ../shared (skipped cleanly where it is absent)."""
from __future__ import annotations

import json
import re

import pytest

from eventwire.clean import Cleaner
from eventwire.ingest import read

pytestmark = pytest.mark.gold


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_cleaner_keeps_every_sentence_of_clean_voa_stories(shared_dir):
    """VOA's bodies hold no site noise: the cleaner may only move credit lines and
    datelines into metadata."""
    cleaner = Cleaner()
    lost = []
    for art in read([shared_dir / "corpora" / "voa" / "voa_stories.jsonl"]):
        raw = art.raw
        art = cleaner(art)
        assert art.ok, (art.id, art.error)
        moved = art.credits + [art.metadata.get("dateline", "")]
        kept = len(_words(art.text)) + sum(len(_words(c)) for c in moved)
        if kept != len(_words(raw)):
            lost.append(art.id)
    assert lost == []


def test_seed_clean_text_checks(shared_dir):
    gold = json.loads((shared_dir / "gold" / "dev" / "seed-galuzin.json").read_text())
    [art] = read([shared_dir / "corpora" / "seed" / "ap-galuzin-2022-11-11.txt"])
    art = Cleaner()(art)
    fold = lambda s: re.sub(r"\s+", " ", s.replace("’", "'").lower())  # noqa: E731
    for piece in gold["clean_text_must_contain"]:
        assert fold(piece) in fold(art.text), piece
    for piece in gold["clean_text_must_not_contain"]:
        assert fold(piece) not in fold(art.text), piece
