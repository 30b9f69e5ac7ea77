#!/usr/bin/env python3
"""Throughput of eventwire against spaCy's nlp.pipe alone, on the same texts, in one run.

    python bench/throughput.py [CORPUS.jsonl] [--limit N] [--repeat R] [--json OUT]
                               [--workers N [N ...]] [--dask local|ADDRESS]

CORPUS defaults to ../shared/corpora/voa/voa_stories.jsonl. Both runs use the same
loaded model and batch size; each is timed after a warm-up on a few articles, and
the best of R repeats is reported (least disturbed by the machine's other work).

``--startup`` instead measures start-up, in fresh processes, with the built-in
actor dictionary (data/phoenix_actors.tsv) loaded and without it
(``EVENTWIRE_BUILTIN_ACTORS=0``): seconds to import eventwire, load the pipeline
and code one article, seconds the dictionary itself takes to load, and the
process's peak memory (best of R runs).

``--workers 1 2`` also times ``eventwire.parallel.code_corpus`` (what ``eventwire
ingest`` runs, without a database) with that many worker processes, and ``--dask
local`` (a ``distributed.LocalCluster`` of 2 single-threaded worker processes, i.e.
``local:2``) or ``--dask tcp://host:8786`` the same on a Dask cluster. The overall
figures include starting the workers and loading the model in each, as a user's
run does; "steady" leaves that start-up out.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "voa" / "voa_stories.jsonl"


def load_records(path: Path, limit: int | None, copies: int = 1) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[:limit] if limit else records
    return [dict(r, id=f"{r.get('id')}~{n}" if n else r.get("id")) for n in range(copies) for r in records]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def time_spacy(texts: list[str], batch_size: int) -> float:
    from eventwire.nlp import load_model

    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


WARM_UP = ("Chilean Foreign Minister Ana Ruiz met Japan's ambassador in Tokyo on Monday and criticized "
           "the plan. The Berlin-based group said it would protest.")


def time_eventwire(records: list[dict], batch_size: int) -> tuple[float, dict]:
    from eventwire.config import Settings
    from eventwire.ingest import from_record
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(Settings(batch_size=batch_size))
    # load what the stages read lazily (dictionaries, gazetteer indexes) before the clock starts,
    # as spaCy's model is loaded before its run: start-up is measured apart (--startup)
    pipeline.code_text(WARM_UP, published="2021-06-01")
    counts = {"events": 0, "quotes": 0, "actors": 0, "failed": 0}
    start = time.perf_counter()
    for art in pipeline.pipe(from_record(r, source="bench") for r in records):
        counts["failed"] += not art.ok
        counts["events"] += len(art.events)
        counts["quotes"] += len(art.quotes)
        counts["actors"] += len(art.actors)
    return time.perf_counter() - start, counts


def time_corpus(corpus: Path, workers: int = 1, dask=None) -> tuple[float, dict]:
    from eventwire.parallel import code_corpus

    stats = code_corpus([corpus], workers=workers, dask=dask)
    return stats.seconds, {"events": stats.events, "quotes": stats.quotes, "failed": stats.errors,
                           "articles": stats.articles, "startup_seconds": round(stats.startup_seconds, 3),
                           "steady_articles_per_s": round(stats.steady_articles_per_s, 2)}


def parallel_runs(args, n_articles: int, n_words: int, spacy_s: float) -> dict:
    """Figures for worker processes and Dask, each against spaCy alone."""
    runs: dict[str, dict] = {}
    corpus = args.corpus
    if args.limit or args.copies > 1:
        import tempfile
        tmp = Path(tempfile.mkdtemp()) / "corpus.jsonl"
        tmp.write_text("".join(json.dumps(r) + "\n" for r in load_records(corpus, args.limit, args.copies)))
        corpus = tmp
    for n in args.workers or ():
        seconds, counts = time_corpus(corpus, workers=n)
        runs[f"workers={n}"] = {"seconds": round(seconds, 3), "articles_per_s": round(n_articles / seconds, 2),
                                "words_per_s": round(n_words / seconds), **counts}
    if args.dask:
        dask = "local:2" if args.dask == "local" else args.dask  # code_corpus starts a LocalCluster for local:N
        seconds, counts = time_corpus(corpus, dask=dask)
        runs[f"dask={args.dask}"] = {"seconds": round(seconds, 3), "articles_per_s": round(n_articles / seconds, 2),
                                     "words_per_s": round(n_words / seconds), **counts}
    for run in runs.values():
        run["ratio_to_spacy"] = round(spacy_s / run["seconds"], 3)
    return runs


STARTUP = """
import json, resource, sys, time
t0 = time.perf_counter()
from eventwire.pipeline import Pipeline
pipe = Pipeline()
pipe.code_text("Chilean Foreign Minister Ana Ruiz met Japan's ambassador in Tokyo on Monday and criticized "
               "the plan.", published="2021-06-01")  # every stage and its lazily read data, the same both ways
total = time.perf_counter() - t0
stage = next(s for s in pipe.stages if type(s).__name__ == "Actors")
dict_s = 0.0
if stage.dictionary is not None:
    from eventwire.lexicons import data_path
    from eventwire.memory import BUILTIN_ACTORS, ActorDictionary
    t1 = time.perf_counter()
    ActorDictionary(data_path(BUILTIN_ACTORS))  # a second load, timed alone
    dict_s = time.perf_counter() - t1
art = pipe.code_text("Recep Tayyip Erdogan said on Monday that talks would go on.", published="2021-06-01")
print(json.dumps({"seconds": total, "dictionary_seconds": dict_s,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "codes": [a.code for a in art.actors]}))
"""


def startup_runs(repeat: int) -> dict:
    """Start-up with and without the built-in actor dictionary, each in fresh processes."""
    import os
    import subprocess

    out = {}
    for name, flag in (("without dictionary", "0"), ("with dictionary", "1")):
        env = dict(os.environ, EVENTWIRE_BUILTIN_ACTORS=flag, PYTHONPATH=str(ROOT / "src"))
        runs = []
        for _ in range(repeat):
            done = subprocess.run([sys.executable, "-c", STARTUP], env=env, capture_output=True, text=True, check=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        best = min(runs, key=lambda r: r["seconds"])
        out[name] = {"seconds": round(best["seconds"], 3), "dictionary_seconds": round(best["dictionary_seconds"], 3),
                     "peak_mb": round(max(r["peak_mb"] for r in runs), 1), "codes": best["codes"]}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=2, help="timed repeats of each run (best is reported)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--copies", type=int, default=1,
                    help="run over N copies of the corpus (new ids), so worker start-up weighs as in a long feed")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--workers", type=int, nargs="+", metavar="N",
                    help="also time the corpus run with N worker processes (several values allowed)")
    ap.add_argument("--dask", metavar="ADDRESS", help="also time it on a Dask cluster ('local' starts a LocalCluster)")
    ap.add_argument("--startup", action="store_true",
                    help="only measure start-up and memory with and without the built-in actor dictionary")
    args = ap.parse_args(argv)
    if args.startup:
        result = startup_runs(args.repeat)
        print(f"{'start-up':20} {'seconds':>8} {'dictionary s':>13} {'peak MB':>8}  codes")
        for name, r in result.items():
            print(f"{name:20} {r['seconds']:8.2f} {r['dictionary_seconds']:13.3f} {r['peak_mb']:8.1f}  {r['codes']}")
        if args.json:
            args.json.write_text(json.dumps(result, indent=2))
        return 0
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass a JSONL path)", file=sys.stderr)
        return 2

    records = load_records(args.corpus, args.limit, args.copies)
    texts = [r["text"] for r in records]
    n_articles, n_words = len(records), sum(words(t) for t in texts)

    time_spacy(texts[:4], args.batch_size)          # warm-up: load the model, first batches
    time_eventwire(records[:4], args.batch_size)
    spacy_s = min(time_spacy(texts, args.batch_size) for _ in range(args.repeat))
    runs = [time_eventwire(records, args.batch_size) for _ in range(args.repeat)]
    ew_s, counts = min(runs, key=lambda r: r[0])

    result = {
        "corpus": str(args.corpus), "articles": n_articles, "words": n_words, "repeats": args.repeat,
        "spacy": {"seconds": round(spacy_s, 3), "articles_per_s": round(n_articles / spacy_s, 2),
                  "words_per_s": round(n_words / spacy_s)},
        "eventwire": {"seconds": round(ew_s, 3), "articles_per_s": round(n_articles / ew_s, 2),
                      "words_per_s": round(n_words / ew_s), **counts},
        "ratio_to_spacy": round(spacy_s / ew_s, 3),
    }
    print(f"{'run':12} {'seconds':>8} {'articles/s':>11} {'words/s':>9}")
    for name in ("spacy", "eventwire"):
        r = result[name]
        print(f"{name:12} {r['seconds']:8.2f} {r['articles_per_s']:11.2f} {r['words_per_s']:9,}")
    print(f"eventwire / spaCy alone throughput: {result['ratio_to_spacy']:.2f} "
          f"({n_articles} articles, {n_words:,} words; {counts['events']} events, "
          f"{counts['quotes']} quotes, {counts['failed']} failed)")
    if args.workers or args.dask:
        result["parallel"] = parallel_runs(args, n_articles, n_words, spacy_s)
        print(f"\n{'corpus run':22} {'seconds':>8} {'start-up':>9} {'articles/s':>11} {'steady/s':>9} "
              f"{'x spaCy alone':>14}")
        for name, r in result["parallel"].items():
            print(f"{name:22} {r['seconds']:8.2f} {r['startup_seconds']:9.2f} {r['articles_per_s']:11.2f} "
                  f"{r['steady_articles_per_s']:9.2f} {r['ratio_to_spacy']:14.2f}")
        one, two = result["parallel"].get("workers=1"), result["parallel"].get("workers=2")
        if one and two:
            result["speedup_2_workers"] = round(one["seconds"] / two["seconds"], 3)
            result["steady_speedup_2_workers"] = round(two["steady_articles_per_s"] / one["steady_articles_per_s"], 3)
            print(f"2 workers / 1 worker: {result['speedup_2_workers']:.2f}x overall, "
                  f"{result['steady_speedup_2_workers']:.2f}x steady (start-up left out)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
