#!/usr/bin/env python3
"""The cleaner against site noise it was not written against.

    python bench/noise.py [CORPUS.jsonl] [--insertions N] [--seed S] [--repeat R]
                          [--json OUT] [--show-kept] [--show-lost]

Each story of CORPUS (default ../shared/corpora/voa/voa_stories.jsonl: 89 VOA
stories whose bodies hold no site noise) gets N (default 24) pieces of invented
site furniture from ``bench/noisegen.py`` at random (seeded) places, on a line of
their own or glued without a space to a story sentence at either end. It is run
three times: with the families the cleaner was developed on (dev), with the
families held out from development (heldout) and with a second held-out set
written before later rule changes and never tuned on (heldout2). For each it reports

* noise lines removed (% of those inserted; per family with ``--families``),
* story sentences lost (a sentence of the original story not found, character for
  character up to white space, in the clean text) and stories with a loss,
* throughput of the cleaner stage alone (articles per CPU second of the process,
  best of R repeats), also on the stories without noise.

``--show-kept`` / ``--show-lost`` print the kept noise lines and lost sentences of
the DEV run only: held-out wordings (both sets) are measured, never read while tuning.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import noisegen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa" / "voa_stories.jsonl"


def run(records: list[dict], families: tuple[str, ...], insertions: int, seed: int, cleaner) -> dict:
    from eventwire.ingest import from_record

    rng = random.Random(seed)
    per_family: dict[str, list[int]] = {}
    lost_total, stories_lost, total_sents = 0, 0, 0
    kept_lines: list[tuple[str, str, str]] = []
    lost_list: list[tuple[str, str]] = []
    arts = []
    for rec in records:
        noisy = noisegen.insert_noise(rec["text"], rng, insertions, families)
        art = cleaner(from_record(dict(rec, text=noisy.raw), source="bench"))
        arts.append(dict(rec, text=noisy.raw))
        if not art.ok:
            lost = list(noisy.sentences)
        else:
            lost = noisegen.lost_sentences(noisy.sentences, art)
        total_sents += len(noisy.sentences)
        lost_total += len(lost)
        stories_lost += bool(lost)
        lost_list.extend((rec.get("id"), s) for s in lost)
        for family, mode, line in noisy.noise:
            kept = art.ok and noisegen.kept_noise(line, art)
            counts = per_family.setdefault(family, [0, 0])
            counts[0] += 1
            counts[1] += not kept
            if kept:
                kept_lines.append((family, mode, line))
    inserted = sum(c[0] for c in per_family.values())
    removed = sum(c[1] for c in per_family.values())
    return {
        "families": list(families), "stories": len(records), "insertions_per_story": insertions,
        "noise_lines": inserted, "noise_removed": removed, "noise_removed_pct": 100 * removed / max(inserted, 1),
        "story_sentences": total_sents, "sentences_lost": lost_total, "stories_with_loss": stories_lost,
        "per_family": {f: {"inserted": c[0], "removed_pct": 100 * c[1] / c[0]} for f, c in sorted(per_family.items())},
        "_kept": kept_lines, "_lost": lost_list, "_records": arts,
    }


def throughput(records: list[dict], cleaner, repeat: int) -> float:
    """Articles per second of the cleaner stage alone, best of ``repeat`` runs, timed
    in CPU seconds of this process (so that other work on a shared machine counts less)."""
    from eventwire.ingest import from_record

    best = float("inf")
    for _ in range(repeat):
        arts = [from_record(r, source="bench") for r in records]
        start = time.process_time()
        for art in arts:
            cleaner(art)
        best = min(best, time.process_time() - start)
    return len(records) / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--insertions", type=int, default=24)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--families", action="store_true", help="print the removal rate of each family")
    ap.add_argument("--show-kept", action="store_true", help="print kept noise lines (dev families only)")
    ap.add_argument("--show-lost", action="store_true", help="print lost story sentences (dev run only)")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}; pass one (JSONL with a 'text' field)", file=sys.stderr)
        return 2
    from eventwire.clean import Cleaner

    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    cleaner = Cleaner()
    cleaner(__import__("eventwire.model", fromlist=["Article"]).Article.from_raw("Warm up. The rules load."))
    report = {"corpus": str(args.corpus)}
    for name, families in (("dev", noisegen.DEV), ("heldout", noisegen.HELDOUT),
                           ("heldout2", noisegen.HELDOUT2)):
        result = run(records, families, args.insertions, args.seed, cleaner)
        result["articles_per_s_noisy"] = throughput(result.pop("_records"), cleaner, args.repeat)
        kept, lost = result.pop("_kept"), result.pop("_lost")
        report[name] = result
        print(f"{name:8s} {result['stories']} stories x {args.insertions} insertions: "
              f"{result['noise_removed_pct']:.1f}% of {result['noise_lines']} noise lines removed; "
              f"{result['sentences_lost']} of {result['story_sentences']} story sentences lost "
              f"({result['stories_with_loss']} stories); {result['articles_per_s_noisy']:.0f} articles/s")
        if args.families:
            for fam, row in result["per_family"].items():
                print(f"    {fam:18s} {row['removed_pct']:5.1f}% of {row['inserted']}")
        if name == "dev" and args.show_kept:
            for fam, mode, line in kept:
                print(f"  kept [{fam}/{mode}] {line}")
        if name == "dev" and args.show_lost:
            for rid, sentence in lost:
                print(f"  lost [{rid}] {sentence}")
    report["articles_per_s_clean"] = throughput(records, cleaner, args.repeat)
    print(f"clean stories: {report['articles_per_s_clean']:.0f} articles/s (cleaner stage alone)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
