"""Load test of ``eventwire serve`` on loopback: many coding clients, health latency, memory.

Starts the real server (``python -m eventwire serve``) on a free loopback port
with a corpus store, then for each of ``--rounds`` rounds runs ``--concurrency``
client threads that send ``POST /api/code`` for ``--seconds``, while one more
thread polls ``GET /api/health``. After the rounds, ``--abandon`` clients send
a coding request each and hang up at once; then one more request is timed (the
work of clients that left must not delay it).

    python bench/load.py                                   # 50 clients, 30 s, 2 rounds
    python bench/load.py --concurrency 8 --seconds 10 --rounds 1 --json

Reports per round: answers by status, whether every 503 carried Retry-After,
other errors, p50/p95/max latency of /api/code and of /api/health in
milliseconds, and the server's resident memory (RSS) after the round.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "web-corpus.jsonl"
ARTICLE = ROOT / "examples" / "wire-story.txt"


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


def start_server(db: Path, port: int, extra: list[str]) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read()}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 120 s")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (Linux /proc)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def ms_stats(values: list[float]) -> dict:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1), "max_ms": round(ms[-1], 1)}


def round_of_load(base: str, body: dict, seconds: float, concurrency: int) -> dict:
    """``concurrency`` clients code for ``seconds`` while one thread polls /api/health."""
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()
    statuses: Counter = Counter()
    code_ok: list[float] = []
    no_retry_after = 0
    other_errors: Counter = Counter()
    health: list[float] = []
    health_bad = 0

    def client() -> None:
        nonlocal no_retry_after
        with httpx.Client(base_url=base, timeout=120) as c:
            while time.monotonic() < stop_at:
                t0 = time.perf_counter()
                try:
                    resp = c.post("/api/code", json=body)
                except httpx.HTTPError as err:
                    with lock:
                        other_errors[type(err).__name__] += 1
                    continue
                elapsed = time.perf_counter() - t0
                with lock:
                    statuses[resp.status_code] += 1
                    if resp.status_code == 200:
                        code_ok.append(elapsed)
                    elif resp.status_code == 503:
                        no_retry_after += "retry-after" not in resp.headers
                    else:
                        other_errors[resp.status_code] += 1
                if resp.status_code == 503:  # back off as told
                    time.sleep(min(float(resp.headers.get("retry-after") or 1), 2.0))

    def poll_health() -> None:
        nonlocal health_bad
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < stop_at:
                t0 = time.perf_counter()
                try:
                    ok = c.get("/api/health").status_code == 200
                except httpx.HTTPError:
                    ok = False
                health.append(time.perf_counter() - t0)
                health_bad += not ok
                time.sleep(0.05)

    threads = [threading.Thread(target=client) for _ in range(concurrency)] + [threading.Thread(target=poll_health)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"seconds": round(time.perf_counter() - started, 1), "statuses": dict(sorted(statuses.items())),
            "coded_per_s": round(len(code_ok) / seconds, 2), "503_without_retry_after": no_retry_after,
            "other_errors": dict(other_errors), "code": ms_stats(code_ok), "health": ms_stats(health),
            "health_failures": health_bad}


def abandoned(base: str, body: dict, clients: int) -> dict:
    """``clients`` requests whose clients hang up at once; then the time of one fresh request."""
    def leave() -> None:
        try:
            httpx.post(base + "/api/code", json=body, timeout=0.2)
        except httpx.HTTPError:
            pass
    threads = [threading.Thread(target=leave) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(0.5)  # the server notices the hang-ups
    t0 = time.perf_counter()
    status = None
    while time.perf_counter() - t0 < 120:
        resp = httpx.post(base + "/api/code", json=body, timeout=120)
        status = resp.status_code
        if status != 503:
            break
        time.sleep(0.2)
    return {"abandoned": clients, "next_request_s": round(time.perf_counter() - t0, 2), "status": status}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="corpus store to serve (default: a small one built for the run)")
    parser.add_argument("--seconds", type=float, default=30.0, help="seconds per round (default 30)")
    parser.add_argument("--concurrency", type=int, default=50, help="coding clients (default 50)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds (default 2)")
    parser.add_argument("--abandon", type=int, default=60, help="clients that hang up at once, after the rounds")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "corpus.duckdb"
            build_store(db)
        port = free_port()
        proc = start_server(db, port, [])
        base = f"http://127.0.0.1:{port}"
        try:
            body = {"text": ARTICLE.read_text(encoding="utf-8"), "published": "2024-03-08"}
            warm = httpx.post(base + "/api/code", json=body, timeout=120)  # loads spaCy once
            warm.raise_for_status()
            n_events = len(warm.json()["events"])
            httpx.get(base + "/api/events", timeout=60).raise_for_status()  # opens the store once
            rss = [round(rss_mb(proc.pid), 1)]
            rounds = []
            for _ in range(args.rounds):
                rounds.append(round_of_load(base, body, args.seconds, args.concurrency))
                rss.append(round(rss_mb(proc.pid), 1))
                rounds[-1]["server_rss_mb"] = rss[-1]
            gone = abandoned(base, body, args.abandon) if args.abandon else None
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    growth = (rss[-1] - rss[1]) / rss[1] if len(rss) > 2 and rss[1] else 0.0
    result = {"rounds": rounds, "rss_mb": rss, "rss_growth_between_rounds": round(growth, 3), "abandoned": gone,
              "article_chars": len(body["text"]), "article_events": n_events, "cpus": os.cpu_count(),
              "concurrency": args.concurrency}
    ok = all(not r["other_errors"] and not r["503_without_retry_after"] and not r["health_failures"]
             for r in rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0 if ok else 1
    print(f"loopback load test: {args.concurrency} coding clients x {args.seconds:g} s x {args.rounds} round(s); "
          f"article {len(body['text']):,} chars, {n_events} events; {os.cpu_count()} CPUs")
    for i, r in enumerate(rounds, 1):
        print(f"round {i}: answers {r['statuses']}, 503 without Retry-After {r['503_without_retry_after']}, "
              f"other errors {r['other_errors'] or 0}; coded {r['coded_per_s']}/s")
        print(f"  /api/code   p50 {r['code']['p50_ms']} ms, p95 {r['code']['p95_ms']} ms, max {r['code']['max_ms']} ms")
        print(f"  /api/health p50 {r['health']['p50_ms']} ms, p95 {r['health']['p95_ms']} ms, "
              f"max {r['health']['max_ms']} ms ({r['health']['n']} polls, {r['health_failures']} failed)")
    print(f"server RSS (MB): after warm-up {rss[0]}, after each round {rss[1:]}; "
          f"growth between rounds {growth:+.1%}")
    if gone:
        print(f"{gone['abandoned']} clients hung up at once; the next request took {gone['next_request_s']} s "
              f"(status {gone['status']})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
