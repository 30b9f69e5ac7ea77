"""bench/learned_check.py's two uses of the classifier, and the training script's
balancing and reproducibility, on invented data (the real stories stay in ../shared)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def check():
    sys.path.insert(0, str(ROOT / "bench"))
    yield load("bench_learned_check", ROOT / "bench" / "learned_check.py")
    sys.modules.pop("bench_learned_check", None)


@pytest.fixture(scope="module")
def trainer():
    yield load("train_event_classifier", ROOT / "scripts" / "train_event_classifier.py")
    sys.modules.pop("train_event_classifier", None)


def article():
    s0 = "Freedonia shelled the border town of Marsh on Monday."
    s1 = "Sylvania then called on Freedonia to stop."
    return {
        "id": "a1",
        "sentences": [{"text": s0, "start": 0, "end": len(s0), "index": 0},
                      {"text": s1, "start": len(s0) + 1, "end": len(s0) + 1 + len(s1), "index": 1}],
        "actors": [{"id": 0, "name": "Freedonia", "code": "FRE", "spans": [{"start": 0, "end": 9},
                                                                        {"start": len(s0) + 22, "end": len(s0) + 31}]},
                   {"id": 1, "name": "Sylvania", "code": "SYL", "spans": [{"start": len(s0) + 1, "end": len(s0) + 9}]}],
        "events": [{"type": "ASSAULT", "sentence": s0, "sentence_index": 0,
                    "source": {"code": "FRE"}, "target": None}],
    }


def test_filter_drops_events_the_classifier_does_not_confirm(check):
    doc = article()
    low = {("a1", 0): {"ASSAULT": 0.1}, ("a1", 1): {"REQUEST": 0.9}}
    high = {("a1", 0): {"ASSAULT": 0.7}, ("a1", 1): {"REQUEST": 0.9}}
    assert check.filtered([doc], low, 0.5)[0]["events"] == []
    assert len(check.filtered([doc], high, 0.5)[0]["events"]) == 1
    assert len(doc["events"]) == 1  # the input is left as it was


def test_propose_adds_the_best_type_where_a_sentence_has_actors_and_no_event(check):
    scores = {("a1", 0): {"ASSAULT": 0.9}, ("a1", 1): {"REQUEST": 0.9, "ACCUSE": 0.3}}
    events = check.proposed([article()], scores, 0.5)[0]["events"]
    assert [e["type"] for e in events] == ["ASSAULT", "REQUEST"]   # sentence 0 already had its event
    new = events[1]
    assert (new["source"]["code"], new["target"]["code"]) == ("SYL", "FRE")  # order of mention
    assert check.proposed([article()], scores, 0.95)[0]["events"] == article()["events"]


def test_balanced_repeats_every_label_up_to_the_largest(trainer):
    from collections import Counter

    Story = trainer.synthetic.Story
    stories = [Story(f"s{i}", "A", None, None, "x") for i in range(5)] + [Story("t", "B", None, None, "y")]
    counts = Counter(s.label for s in trainer.balanced(stories, seed=1))
    assert counts == {"A": 5, "B": 5}


def test_training_is_reproducible(trainer, tmp_path):
    Story = trainer.synthetic.Story
    texts = {"ASSAULT": ["Troops shelled the town.", "Rebels attacked a convoy."],
             "AID": ["The agency sent food aid.", "Donors delivered relief supplies."]}
    stories = [Story(f"{label}{i}", label, None, None, t) for label, ts in texts.items() for i, t in enumerate(ts)]
    weights = []
    for run in range(2):
        nlp = trainer.build(sorted(texts))
        trainer.train(nlp, trainer.examples(nlp, trainer.balanced(stories, 0), sorted(texts)), epochs=2, seed=0)
        nlp.to_disk(tmp_path / str(run))
        weights.append(trainer.weights_sha256(tmp_path / str(run)))
    assert weights[0] == weights[1]
    cats = nlp("Rebels shelled the convoy.").cats
    assert set(cats) == {"ASSAULT", "AID"}
