"""Load test of ``eventwire serve`` on loopback: throughput and latency of /api/code and /api/events.

Starts the real server (``python -m eventwire serve``) on a free loopback port
with a corpus store, then sends requests from a few client threads. Each
endpoint's run is bounded both in count (``--requests``) and in time
(``--seconds``), whichever comes first.

    python bench/load.py                          # a small corpus built from tests/data/web-corpus.jsonl
    python bench/load.py --db corpus.duckdb --requests 500 --concurrency 8 --json

Reports, per endpoint: requests sent, non-2xx answers, requests per second,
p50/p95/max latency in milliseconds.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "web-corpus.jsonl"
ARTICLE = ROOT / "examples" / "wire-story.txt"
EVENT_QUERIES = [{}, {"type": "ACCUSE"}, {"source": "RUS"}, {"quad_class": 4}, {"since": "2024-03-10", "limit": 50},
                 {"source": "JPN", "target": "RUS"}]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(path: Path) -> None:
    """A small corpus for the run: the test articles, coded and stored."""
    from eventwire.pipeline import Pipeline
    from eventwire.store import Store

    with Store(path) as store:
        store.ingest(Pipeline().code_paths([CORPUS]))


def start_server(db: Path, port: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read()}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def run(base: str, name: str, make_request, requests: int, seconds: float, concurrency: int) -> dict:
    """Send up to ``requests`` requests for at most ``seconds`` from ``concurrency`` threads."""
    counter = itertools.count()
    latencies: list[float] = []
    failures: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while time.monotonic() < stop_at:
                i = next(counter)
                if i >= requests:
                    return
                t0 = time.perf_counter()
                resp = make_request(client, i)
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    if not resp.is_success:
                        failures.append(resp.status_code)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)
    return {"endpoint": name, "requests": len(ms), "errors": len(failures), "seconds": round(wall, 2),
            "per_second": round(len(ms) / wall, 1) if wall else 0.0,
            "p50_ms": round(statistics.median(ms), 1) if ms else None,
            "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1) if ms else None,
            "max_ms": round(ms[-1], 1) if ms else None, "concurrency": concurrency}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="corpus store to serve (default: a small one built for the run)")
    parser.add_argument("--requests", type=int, default=200, help="most requests per endpoint (default 200)")
    parser.add_argument("--seconds", type=float, default=20.0, help="most seconds per endpoint (default 20)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "corpus.duckdb"
            build_store(db)
        port = free_port()
        proc = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            body = {"text": ARTICLE.read_text(encoding="utf-8"), "published": "2024-03-08"}
            warm = httpx.post(base + "/api/code", json=body, timeout=120)  # loads spaCy once
            warm.raise_for_status()
            n_events = len(warm.json()["events"])
            httpx.get(base + "/api/events", timeout=60).raise_for_status()  # opens the store once
            results = [
                run(base, "POST /api/code", lambda c, i: c.post("/api/code", json=body),
                    args.requests, args.seconds, args.concurrency),
                run(base, "GET /api/events", lambda c, i: c.get("/api/events", params=EVENT_QUERIES[i % len(EVENT_QUERIES)]),
                    args.requests, args.seconds, args.concurrency),
            ]
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    if args.json:
        print(json.dumps({"results": results, "article_chars": len(body["text"]), "article_events": n_events,
                          "cpus": os.cpu_count()}, indent=2))
        return 0
    print(f"loopback load test: {args.concurrency} client threads, at most {args.requests} requests or "
          f"{args.seconds:g} s per endpoint; /api/code article: {len(body['text']):,} chars, {n_events} events")
    print(f"{'endpoint':<18} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for r in results:
        print(f"{r['endpoint']:<18} {r['requests']:>8} {r['errors']:>6} {r['per_second']:>8} {r['p50_ms']:>8} "
              f"{r['p95_ms']:>8} {r['max_ms']:>8}")
    return 1 if any(r["errors"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
