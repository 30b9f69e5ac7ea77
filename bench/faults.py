"""Fault injection: the stored events must not depend on kills, workers, order or hostile input.

    python bench/faults.py                      # VOA corpus from ../shared, 20 kills, hostile corpus
    python bench/faults.py --corpus feed.jsonl --kills 5 --json
    python bench/faults.py --learn              # the same with `ingest --learn` (cross-article learning on)

Runs ``eventwire ingest`` as a user would (a subprocess each time) and compares
every database with one clean run on the full event table (``type, source,
target, date, sentence``, as a multiset), which must be identical:

1. **kill -9**: ``--kills`` times, start an ingest on one database and have it
   SIGKILLed at a random point (after a random number of stored articles plus
   a random fraction of a second, seeded), then run it to the end;
2. **workers**: ``--workers 2`` against the clean run's one worker;
3. **order**: the same corpus with its lines in reverse order;
4. **hostile input** (``bench/hostile.py``): good articles mixed with bad and
   fuzzed inputs, through ``code`` and ``ingest``: no traceback, every good
   record coded, every bad one an error record of the right kind; peak memory.

Prints the figures; exit status 1 when anything differs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
VOA = SHARED / "corpora" / "voa" / "voa_stories.jsonl"
FALLBACK = ROOT / "tests" / "data" / "web-corpus.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402  (bench/hostile.py)

EVENT_QUERY = ("SELECT type, source_code, target_code, CAST(date AS VARCHAR) AS date, sentence FROM events "
               "ORDER BY ALL")


def eventwire(*args: str, timeout: float = 3600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "eventwire", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def event_table(db: Path) -> Counter:
    """The full event table as a multiset of (type, source, target, date, sentence)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return Counter(tuple(r) for r in con.execute(EVENT_QUERY).fetchall())
    finally:
        con.close()


def article_count(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def ingest(corpus: Path, db: Path, *extra: str) -> float:
    started = time.perf_counter()
    done = eventwire("ingest", str(corpus), "--db", str(db), "--quiet", *extra)
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise SystemExit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started


def compare(name: str, clean: Counter, other: Counter) -> dict:
    missing, extra = clean - other, other - clean
    return {"run": name, "events": sum(other.values()), "identical": not missing and not extra,
            "missing": sum(missing.values()), "extra": sum(extra.values()),
            "example": str(next(iter(missing or extra), ""))[:200]}


KILLER = """
import os, random, signal, sys, threading
from eventwire.parallel import code_corpus
corpus, db, stop, delay, learn = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1"
done = []
def tick(doc, outcome):
    done.append(outcome)
    if len(done) == stop:  # then die a moment later: between articles or in the middle of one
        threading.Timer(delay, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
code_corpus([corpus], workers=1, db=db, learn=learn, on_article=tick)
"""


def kill_runs(corpus: Path, db: Path, kills: int, seed: int, learn: bool) -> dict:
    """``kills`` ingests, each killed with SIGKILL at a random point (after a random number of
    articles, plus a random fraction of a second), then one run to the end."""
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    total = sum(1 for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip())
    points, stored_after, statuses = [], [], []
    for k in range(kills):
        left = max(1, total - (stored_after[-1] if stored_after else 0))
        stop = rng.randint(1, max(1, min(left - 1, 2 * left // max(1, kills - k))))
        delay = round(rng.uniform(0, 0.4), 3)
        points.append((stop, delay))
        proc = subprocess.run([sys.executable, "-c", KILLER, str(corpus), str(db), str(stop), str(delay),
                               "1" if learn else "0"], env=env, capture_output=True, text=True, timeout=3600)
        if "Traceback" in proc.stderr:
            raise SystemExit(f"an interrupted ingest printed a traceback: {proc.stderr[-2000:]}")
        statuses.append(proc.returncode)
        stored_after.append(article_count(db) if db.exists() else 0)
    ingest(corpus, db, "--workers", "1", *(["--learn"] if learn else []))
    return {"kills": kills, "points": points, "articles_after_each_kill": stored_after,
            "killed_by_sigkill": sum(1 for s in statuses if s == -signal.SIGKILL), "corpus_articles": total}


def hostile_runs(folder: Path, fuzz: int, seed: int) -> dict:
    manifest = hostile.make(folder / "hostile", seed=seed, fuzz=fuzz)
    inputs = folder / "hostile"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = eventwire("code", str(inputs), "--format", "jsonl", "--quiet", "--max-bytes", str(manifest["max_bytes"]))
    code_s = time.perf_counter() - started
    records = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    code_check = hostile.check(records, manifest)
    db = folder / "hostile.duckdb"
    ing = eventwire("ingest", str(inputs), "--db", str(db), "--quiet", "--workers", "1",
                    "--max-bytes", str(manifest["max_bytes"]))
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = [{"id": a, "source": s} for a, s in con.execute("SELECT article_id, source FROM articles").fetchall()]
    rows += [{"id": a, "source": s, "error": {"kind": k}} for a, s, k in
             con.execute("SELECT article_id, source, kind FROM errors").fetchall()]
    con.close()
    ingest_check = hostile.check(rows, manifest)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"inputs": {"good": len(manifest["good"]), "bad": len(manifest["bad"]), "fuzz": len(manifest["fuzz"])},
            "code": {"exit": done.returncode, "tracebacks": done.stderr.count("Traceback"), "seconds": round(code_s, 1),
                     **code_check},
            "ingest": {"exit": ing.returncode, "tracebacks": ing.stderr.count("Traceback"), **ingest_check},
            "peak_rss_mb": round(peak_mb, 1), "peak_rss_mb_before": round(before / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="JSONL corpus (default: the VOA corpus in ../shared, else "
                                                    "tests/data/web-corpus.jsonl)")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fuzz", type=int, default=40, help="fuzzed files in the hostile corpus")
    parser.add_argument("--learn", action="store_true", help="every ingest with --learn")
    parser.add_argument("--skip", action="append", default=[], choices=("kills", "workers", "order", "hostile"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    corpus = args.corpus or (VOA if VOA.is_file() else FALLBACK)
    extra = ["--workers", "1"] + (["--learn"] if args.learn else [])
    results: dict = {"corpus": str(corpus), "learn": args.learn, "comparisons": []}
    with tempfile.TemporaryDirectory(prefix="eventwire-faults-") as tmp:
        tmp = Path(tmp)
        clean_s = ingest(corpus, tmp / "clean.duckdb", *extra)
        clean = event_table(tmp / "clean.duckdb")
        results.update(clean_events=sum(clean.values()), clean_seconds=round(clean_s, 1))
        ingest(corpus, tmp / "again.duckdb", *extra)
        results["comparisons"].append(compare("second clean run", clean, event_table(tmp / "again.duckdb")))
        if "workers" not in args.skip:
            ingest(corpus, tmp / "workers2.duckdb", *extra[2:], "--workers", "2")
            results["comparisons"].append(compare("2 workers", clean, event_table(tmp / "workers2.duckdb")))
        if "order" not in args.skip:
            lines = [l for l in corpus.read_text(encoding="utf-8").splitlines() if l.strip()]
            reverse = tmp / "reversed.jsonl"
            reverse.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
            ingest(reverse, tmp / "reversed.duckdb", *extra)
            results["comparisons"].append(compare("reversed order", clean, event_table(tmp / "reversed.duckdb")))
        if "kills" not in args.skip:
            results["kill"] = kill_runs(corpus, tmp / "killed.duckdb", args.kills, args.seed, args.learn)
            results["comparisons"].append(compare(f"{args.kills} x kill -9 then resume", clean,
                                                  event_table(tmp / "killed.duckdb")))
        if "hostile" not in args.skip:
            results["hostile"] = hostile_runs(tmp, args.fuzz, args.seed)
    ok = all(c["identical"] for c in results["comparisons"])
    if "hostile" in results:
        h = results["hostile"]
        ok = ok and not any(h[k]["tracebacks"] or h[k]["good_lost"] or h[k]["bad_not_as_expected"]
                            or h[k]["fuzz_not_one_record"] for k in ("code", "ingest"))
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return 0 if ok else 1
    print(f"corpus: {corpus} ({'with' if args.learn else 'without'} --learn); clean run: "
          f"{results['clean_events']} events in {results['clean_seconds']} s")
    for c in results["comparisons"]:
        print(f"  {c['run']:<32} {c['events']:>6} events  {'identical' if c['identical'] else 'DIFFERENT'}"
              + ("" if c["identical"] else f" (missing {c['missing']}, extra {c['extra']}: {c['example']})"))
    if "kill" in results:
        k = results["kill"]
        print(f"  kills: {k['kills']} ({k['killed_by_sigkill']} died by SIGKILL); articles stored after each "
              f"(of {k['corpus_articles']}): {k['articles_after_each_kill']}")
    if "hostile" in results:
        h = results["hostile"]
        print(f"  hostile corpus: {h['inputs']}; peak memory {h['peak_rss_mb']} MB")
        for k in ("code", "ingest"):
            r = h[k]
            print(f"    {k:<7} exit {r['exit']}, tracebacks {r['tracebacks']}, good lost {len(r['good_lost'])}, "
                  f"bad not as expected {len(r['bad_not_as_expected'])}, fuzz not one record "
                  f"{len(r['fuzz_not_one_record'])}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
