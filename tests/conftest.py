"""Shared fixtures. Test texts are written for eventwire; no copied articles."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.pipeline import Pipeline

# Starlette's TestClient sends "Host: testserver"; the app answers loopback names only unless told.
os.environ.setdefault("EVENTWIRE_ALLOWED_HOSTS", "testserver")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One loaded pipeline for the whole run (loading spaCy takes a second)."""
    return Pipeline(Settings())


@pytest.fixture(scope="session")
def code(pipeline):
    """code(text, **meta) -> the coded Article."""
    def run(text: str, **meta):
        meta.setdefault("published", "2024-03-08")
        return pipeline.code_text(text, **meta)
    return run


FILLER = " The statement was shared with reporters in the capital on the same day."


@pytest.fixture(scope="session")
def first_sentence(code):
    """first_sentence(text, **meta) -> the events of the first sentence of ``text``, coded with a
    plain second sentence after it (``FILLER``), so the sentence is not the whole story."""
    def run(text: str, **meta):
        art = code(text + FILLER, **meta)
        assert art.ok, art.error
        return [e for e in art.events if e.sentence_index == 0]
    return run


@pytest.fixture(scope="session")
def events(first_sentence):
    """events(text) -> sorted [(type, cameo, source code, target code, status)] of the first
    sentence (test modules that compare at another level define their own ``events``)."""
    def run(text: str):
        return sorted((e.type, e.cameo, e.source and e.source.code, e.target and e.target.code, e.status)
                      for e in first_sentence(text))
    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (gold, corpora) where present; tests that need it skip cleanly otherwise."""
    if not (SHARED / "gold" / "dev").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
