#!/usr/bin/env python3
"""Ablation: does a learned sentence-level type check help eventwire's events on the dev gold?

    python bench/learned_check.py [--model DIR] [--pred JSONL] [--gold DIR ...]
                                  [--summary-gold DIR ...] [--scorer PATH] [--json OUT]

The classifier is the one ``scripts/train_event_classifier.py`` trains on the
synthetic stories (a spaCy ``textcat_multilabel`` pipeline saved in ``--model``,
default ``/tmp/eventwire-event-classifier``). It scores each sentence of
eventwire's output for the 16 PLOVER types, and two uses of it are compared
with eventwire alone, at the scorer's ``events.type`` and ``events.dyad`` levels
(scored with ``../shared/eval/score.py``'s own functions):

* ``filter<t>``: drop an event whose sentence the classifier scores below ``t``
  for the event's type (the patterns' type not confirmed);
* ``propose<t>``: where a sentence has no event but at least one actor, add an
  event of the classifier's best type when it scores at least ``t``, with the
  sentence's first actor as source and its next other actor (if any) as target.

For the ``--gold`` sets only, two ceilings read the gold: ``filter-oracle``
drops exactly the events whose type no gold event of their sentence has (what a
perfect filter could do), ``propose-oracle`` proposes the gold types of each
sentence that has actors and no event (a perfect type checker, with the same
actors as ``propose``). They bound what any learned check of these two kinds
could gain with today's patterns and actors. A last line says how well the
classifier types those sets' sentences (top-1 among the gold types of sentences
that hold gold events) and whether its best score tells sentences with events
from those without.

``--pred`` is eventwire's JSONL on the gold's input (default: coded here from
``<gold>-input.jsonl`` by the source tree on the path, and timed). The
classifier's time over every sentence of those articles, against the pipeline's
time, is its cost in throughput. ``--gold`` sets get the table; ``--summary-gold``
sets the same table (no errors are printed for any set). Thresholds are fixed
in advance (``--thresholds``), not fitted on the gold.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes import load_scorer  # noqa: E402  (bench/quotes.py: the shared scorer, loaded by path)

LEVELS = ("type", "dyad")


def code_input(input_path: Path) -> tuple[list[dict], float]:
    """eventwire's output documents for the gold's input, and the pipeline's seconds."""
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.code_text("Freedonia recalled its ambassador from Sylvania on Monday.")  # load the model untimed
    t0 = time.perf_counter()
    docs = [art.to_dict() for art in pipeline.code_paths([input_path])]
    return docs, time.perf_counter() - t0


def sentence_scores(nlp, docs: list[dict]) -> tuple[dict, float]:
    """(article id, sentence index) -> {type: score}, and the seconds it took."""
    keys, texts = [], []
    for d in docs:
        for s in d.get("sentences") or []:
            keys.append((d["id"], s["index"]))
            texts.append(s["text"])
    t0 = time.perf_counter()
    cats = [dict(doc.cats) for doc in nlp.pipe(texts, batch_size=64)]
    return dict(zip(keys, cats)), time.perf_counter() - t0


def filtered(docs: list[dict], scores: dict, t: float) -> list[dict]:
    out = []
    for d in docs:
        events = [e for e in d.get("events") or []
                  if scores.get((d["id"], e["sentence_index"]), {}).get(e["type"], 1.0) >= t]
        out.append({**d, "events": events})
    return out


def proposed(docs: list[dict], scores: dict, t: float) -> list[dict]:
    def best(d: dict, s: dict) -> list[str]:
        cats = scores.get((d["id"], s["index"]), {})
        top = max(cats, key=cats.get) if cats else None
        return [top] if top and cats[top] >= t else []

    return _propose(docs, best, "classifier")


def _propose(docs: list[dict], types_for, by: str) -> list[dict]:
    """Events of ``types_for(doc, sentence)`` in sentences with actors and no event."""
    out = []
    for d in docs:
        events = list(d.get("events") or [])
        with_event = {e["sentence_index"] for e in events}
        spans = sorted(((sp["start"], a) for a in d.get("actors") or [] for sp in a.get("spans") or []),
                       key=lambda pair: pair[0])
        for s in d.get("sentences") or []:
            if s["index"] in with_event:
                continue
            types = types_for(d, s)
            actors = []
            for start, a in spans:
                if s["start"] <= start < s["end"] and all(a["id"] != b["id"] for b in actors):
                    actors.append(a)
            if not types or not actors:
                continue
            ref = lambda a: {"name": a.get("name"), "code": a.get("code")}  # noqa: E731
            events.extend({"type": typ, "source": ref(actors[0]),
                           "target": ref(actors[1]) if len(actors) > 1 else None,
                           "sentence": s["text"], "sentence_index": s["index"], "proposed_by": by}
                          for typ in types)
        out.append({**d, "events": events})
    return out


def gold_types(sc, gold: dict):
    """(doc, sentence) -> the required gold event types of that sentence: a perfect type checker."""
    def types(d: dict, s: dict) -> list[str]:
        g = gold.get(d["id"], {})
        return sorted({e["type"] for e in g.get("events", [])
                       if not e.get("optional") and sc.same_sentence(e["sentence"], s["text"])})
    return types


def oracle_filtered(sc, gold: dict, docs: list[dict]) -> list[dict]:
    """Drop exactly the events whose type no gold event of their sentence has (the ceiling of any filter)."""
    types = gold_types(sc, gold)
    out = []
    for d in docs:
        sents = {s["index"]: s for s in d.get("sentences") or []}
        keep = [e for e in d.get("events") or []
                if e["type"] in types(d, sents.get(e["sentence_index"], {"text": e["sentence"]}))]
        out.append({**d, "events": keep})
    return out


def diagnosis(sc, gold: dict, docs: list[dict], scores: dict) -> dict:
    """How well the classifier types real sentences: top-1/top-3 against the gold types of
    sentences that hold gold events, and its best score there and in sentences that hold none."""
    types = gold_types(sc, gold)
    n = top1 = top3 = 0
    with_events, without = [], []
    for d in docs:
        if d["id"] not in gold:
            continue
        for s in d.get("sentences") or []:
            cats = scores.get((d["id"], s["index"]))
            if not cats:
                continue
            ranked = sorted(cats, key=cats.get, reverse=True)
            wanted = types(d, s)
            if wanted:
                n += 1
                top1 += ranked[0] in wanted
                top3 += bool(set(ranked[:3]) & set(wanted))
                with_events.append(cats[ranked[0]])
            else:
                without.append(cats[ranked[0]])
    return {"sentences_with_gold_events": n, "top1": round(top1 / n, 3) if n else None,
            "top3": round(top3 / n, 3) if n else None,
            "median_best_score_with_events": round(statistics.median(with_events), 3) if with_events else None,
            "median_best_score_without": round(statistics.median(without), 3) if without else None}


def score(sc, gold: dict, docs: list[dict]) -> dict:
    preds = {d["id"]: d for d in docs}
    out = {}
    for level in LEVELS:
        tp = fp = fn = 0
        for gid, g in gold.items():
            a, b, c, _, _ = sc.match(g.get("events", []), preds.get(gid, {}).get("events") or [],
                                     level, sc.event_matches)
            tp, fp, fn = tp + a, fp + b, fn + c
        p, r, f = sc.prf(tp, fp, fn)
        out[level] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=Path("/tmp/eventwire-event-classifier"))
    ap.add_argument("--gold", type=Path, nargs="+", default=[SHARED / "gold" / "dev"])
    ap.add_argument("--summary-gold", type=Path, nargs="*", default=[])
    ap.add_argument("--input", type=Path, default=SHARED / "gold" / "dev-input.jsonl")
    ap.add_argument("--pred", type=Path, help="eventwire's JSONL on --input (default: code it here)")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.05, 0.2, 0.5, 0.8])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    sc = load_scorer(args.scorer)
    if sc is None or not args.input.is_file() or not all(g.is_dir() for g in args.gold):
        print(f"skipped: no scorer at {args.scorer}, no input at {args.input} or no gold at {args.gold}")
        return 0
    if not (args.model / "meta.json").is_file():
        print(f"skipped: no classifier at {args.model} (run scripts/train_event_classifier.py --out {args.model})")
        return 0
    import spacy

    if args.pred:
        docs = [json.loads(line) for line in args.pred.read_text().splitlines() if line.strip()]
        pipeline_s = None
    else:
        docs, pipeline_s = code_input(args.input)
    docs = [d for d in docs if not d.get("error")]
    nlp = spacy.load(args.model)
    scores, cls_s = sentence_scores(nlp, docs)
    variants = {"eventwire": docs}
    for t in args.thresholds:
        variants[f"filter{t:g}"] = filtered(docs, scores, t)
    for t in args.thresholds:
        variants[f"propose{t:g}"] = proposed(docs, scores, t)

    result = {"model": str(args.model), "sentences": len(scores), "classifier_seconds": round(cls_s, 3),
              "pipeline_seconds": round(pipeline_s, 3) if pipeline_s else None, "sets": {}}
    cost = f"; pipeline {pipeline_s:.1f}s, cost {100 * cls_s / pipeline_s:.1f}% of it" if pipeline_s else ""
    print(f"{len(docs)} articles, {len(scores)} sentences; classifier over every sentence {cls_s:.2f}s{cost}")
    for gold_dir in list(args.gold) + list(args.summary_gold):
        gold = sc.load_gold([str(gold_dir)])
        rows = {name: score(sc, gold, v) for name, v in variants.items()}
        if gold_dir in args.gold:  # ceilings read the gold: for the working sets only
            rows["filter-oracle"] = score(sc, gold, oracle_filtered(sc, gold, docs))
            rows["propose-oracle"] = score(sc, gold, _propose(docs, gold_types(sc, gold), "gold"))
            result.setdefault("diagnosis", {})[str(gold_dir)] = diagnosis(sc, gold, docs, scores)
        result["sets"][str(gold_dir)] = rows
        print(f"\n{gold_dir} ({len(gold)} articles)")
        print(f"  {'variant':14}" + "".join(f" {lv + ' P':>8} {'R':>6} {'F1':>6} {'tp/fp/fn':>10}" for lv in LEVELS))
        for name, r in rows.items():
            print(f"  {name:14}" + "".join(
                f" {r[lv]['p']:8.3f} {r[lv]['r']:6.3f} {r[lv]['f1']:6.3f} "
                f"{str(r[lv]['tp']) + '/' + str(r[lv]['fp']) + '/' + str(r[lv]['fn']):>10}" for lv in LEVELS))
    for gold_dir, diag in result.get("diagnosis", {}).items():
        print(f"\nclassifier on {gold_dir}'s sentences: top-1 type among the gold types of the sentence "
              f"{diag['top1']} (top-3 {diag['top3']}) over {diag['sentences_with_gold_events']} sentences with "
              f"gold events; median best score {diag['median_best_score_with_events']} there, "
              f"{diag['median_best_score_without']} in sentences without")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
