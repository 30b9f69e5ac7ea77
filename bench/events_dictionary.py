#!/usr/bin/env python3
"""Ablation of the CAMEO verb dictionary on text no rule was written against.

    python bench/events_dictionary.py [--limit N] [--seed S]

Reads the synthetic PLOVER stories of ``../shared/data/plover/`` (each labelled with
one event type; not shipped with the project), parses a stratified sample once, and
codes it twice, with and without ``data/cameo_verbs.tsv``. Reports, for each run, the
share of stories whose own label is among the types found (recall of the story's
event) and the number of events per story (with the share of them of the label's
type, a rough precision). The parse and the actors are shared, so only the events
stage differs.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT.parent / "shared" / "data" / "plover" / "synthetic-stories-2023-10-19.csv.zip"


def sample(limit: int, seed: int) -> list[dict]:
    with zipfile.ZipFile(STORIES) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
    by_label = defaultdict(list)
    for r in rows:
        by_label[r["label"]].append(r)
    rng = random.Random(seed)
    per = max(1, limit // len(by_label))
    out = []
    for label in sorted(by_label):
        out += rng.sample(by_label[label], min(per, len(by_label[label])))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=160)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not STORIES.exists():
        print(f"{STORIES} not found", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.config import DEFAULT
    from eventwire.events import Events
    from eventwire.ingest import from_text
    from eventwire.pipeline import Pipeline

    stories = sample(args.limit, args.seed)
    front = Pipeline(DEFAULT).stages[:3]  # cleaner, nlp, actors
    arts = [from_text(s["text"], id=str(i), title=s.get("title"), published="2023-10-19")
            for i, s in enumerate(stories)]
    for stage in front:
        arts = list(stage.pipe(arts))
    for label, settings in (("with the dictionary", DEFAULT.replace(cameo_verbs=True)),
                            ("without", DEFAULT.replace(cameo_verbs=False))):
        stage = Events(settings)
        hit = n_events = n_label = 0
        types = Counter()
        for story, art in zip(stories, arts):
            coded = stage(art)  # overwrites art.events: the runs share the parse and actors
            found = {e.type for e in coded.events}
            hit += story["label"] in found
            n_events += len(coded.events)
            n_label += sum(e.type == story["label"] for e in coded.events)
            types.update(e.type for e in coded.events)
        n = len(stories)
        print(f"{label:22s} stories with their label found: {hit}/{n} ({hit / n:.2f}); "
              f"events/story {n_events / n:.2f}; of the label's type {n_label / max(n_events, 1):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
