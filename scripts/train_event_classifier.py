#!/usr/bin/env python3
"""Train a small PLOVER event-type classifier on the synthetic stories (spaCy textcat, CPU).

    nice -n 10 python scripts/train_event_classifier.py [--out DIR] [--epochs 8] [--seed 0]
                                                       [--data ZIP] [--limit N]

Data: ``../shared/data/plover/synthetic-stories-2023-10-19.csv.zip``, read in
place. The stories of ``bench/synthetic.py``'s sample (same reader, same
labels, same seed) are held out: the model trains on the other 3,540 and is
scored on those 960, so the bench's stories never inform the model.

Model: a blank English pipeline with one ``textcat_multilabel`` component
(spaCy's ``TextCatBOW`` over unigrams and bigrams; no vectors, no
transformer). Multi-label (one sigmoid per type) rather than exclusive, because
it is meant to score single sentences of news, most of which hold no event of a
given type, and some several. Each story is a positive for its label and a
negative for the 15 other types.

Reproducible: spaCy's and Python's seeds are fixed (``--seed``), the data order
is fixed by a seeded shuffle per epoch, and training runs on one thread; the
script prints the sha256 of the saved weights (``textcat_multilabel/model``),
so two runs can be compared (two runs gave the same sha256). About 45 s of CPU
on one core (two to three minutes of wall time on a shared machine).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, and the same sums on every run
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402  (bench/synthetic.py: the stories' reader and the held-out sample)

COMPONENT = "textcat_multilabel"
CONFIG = {"threshold": 0.5, "model": {
    "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
    "ngram_size": 1, "no_output_layer": False, "length": 65536}}


def split(data: Path, seed: int, per_label: int = 60):
    """(train, held-out) stories: the held-out ones are bench/synthetic.py's sample."""
    stories = synthetic.load_stories(data)
    mapping, _ = synthetic.label_map({s.label for s in stories}, synthetic.eventwire_types())
    held = synthetic.stratified_sample(stories, set(mapping), per_label, seed)
    held_ids = {s.id for s in held}
    train = [s for s in stories if s.label in mapping and s.id not in held_ids]
    return train, held, sorted(mapping)


def build(labels: list[str]):
    import spacy

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(COMPONENT, config=CONFIG)
    for label in labels:
        textcat.add_label(label)
    return nlp


def examples(nlp, stories, labels):
    from spacy.training import Example

    out = []
    for s in stories:
        cats = {label: float(label == s.label) for label in labels}
        out.append(Example.from_dict(nlp.make_doc(s.text), {"cats": cats}))
    return out


def balanced(stories, seed: int):
    """Every label repeated up to the largest label's count (the labels run from 24 to 720 stories)."""
    by_label: dict[str, list] = {}
    for s in stories:
        by_label.setdefault(s.label, []).append(s)
    most = max(len(v) for v in by_label.values())
    rng = random.Random(seed)
    out = []
    for label in sorted(by_label):
        pool = by_label[label]
        out.extend(pool * (most // len(pool)) + rng.sample(pool, most % len(pool)))
    return out


def train(nlp, train_examples, epochs: int, seed: int, batch_size: int = 32, dropout: float = 0.2) -> list[float]:
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    optimizer = nlp.initialize(lambda: train_examples)
    rng = random.Random(seed)
    losses_by_epoch = []
    order = list(train_examples)
    for _ in range(epochs):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch(order, size=batch_size):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=dropout)
        losses_by_epoch.append(round(losses[COMPONENT], 4))
    return losses_by_epoch


def evaluate(nlp, stories, labels) -> dict:
    """Document-level figures on held-out stories: top-1 accuracy and per-label F1 at 0.5."""
    top1 = 0
    tp = {label: 0 for label in labels}
    fp = dict(tp)
    fn = dict(tp)
    for s, doc in zip(stories, nlp.pipe((s.text for s in stories), batch_size=64)):
        best = max(doc.cats, key=doc.cats.get)
        top1 += best == s.label
        for label, score in doc.cats.items():
            if score >= 0.5 and label == s.label:
                tp[label] += 1
            elif score >= 0.5:
                fp[label] += 1
            elif label == s.label:
                fn[label] += 1
    f1 = {label: round(2 * tp[label] / (2 * tp[label] + fp[label] + fn[label]), 3)
          if tp[label] else 0.0 for label in labels}
    return {"n": len(stories), "top1_accuracy": round(top1 / len(stories), 4),
            "macro_f1_at_0.5": round(sum(f1.values()) / len(f1), 4), "f1_at_0.5": f1}


def weights_sha256(out: Path) -> str:
    return hashlib.sha256((out / COMPONENT / "model").read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=synthetic.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=Path("/tmp/eventwire-event-classifier"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0, help="spaCy's and the shuffle's seed")
    ap.add_argument("--sample-seed", type=int, default=synthetic.DEFAULT_SEED,
                    help="the bench sample held out (bench/synthetic.py --seed)")
    ap.add_argument("--limit", type=int, help="train on the first N training stories only (trying things out)")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: no synthetic stories at {args.data} (../shared is not here)")
        return 0

    train_stories, held, labels = split(args.data, args.sample_seed)
    if args.limit:
        train_stories = train_stories[:args.limit]
    t0 = time.perf_counter()
    nlp = build(labels)
    losses = train(nlp, examples(nlp, balanced(train_stories, args.seed), labels), args.epochs, args.seed)
    seconds = time.perf_counter() - t0
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.meta.update({"name": "event_classifier", "version": "0.1.0",
                     "description": "PLOVER event type per text, trained by scripts/train_event_classifier.py"})
    nlp.to_disk(args.out)
    report = {"train_stories": len(train_stories), "held_out": len(held), "epochs": args.epochs,
              "seed": args.seed, "sample_seed": args.sample_seed, "losses": losses,
              "train_seconds": round(seconds, 1), "held_out_scores": evaluate(nlp, held, labels),
              "weights_sha256": weights_sha256(args.out)}
    (args.out / "training.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0

if __name__ == "__main__":
    sys.exit(main())
