"""Hostile input, faults and order: no batch lost, no state between users or runs, the same data every run.

The long versions (20 kills, the VOA corpus, 40 fuzzed files) are in bench/faults.py.
"""
from __future__ import annotations

import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from eventwire.config import Settings
from eventwire.ingest import read, read_stream
from eventwire.parallel import code_corpus
from eventwire.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("hostile", ROOT / "bench" / "hostile.py")
hostile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hostile)

# Invented articles; the fourth and sixth name a person the second and fifth give a title to.
CORPUS = [
    {"id": "a1", "published": "2024-03-01", "text": "Chilean President Ana Vera accused Peru of closing the "
                                                    "border on Friday. Peru rejected the claim."},
    {"id": "a2", "published": "2024-03-02", "text": "Japan imposed new sanctions on Russia on Saturday after "
                                                    "a missile strike on a port city."},
    {"id": "a3", "published": "2024-03-03", "text": "Vera met Argentine Foreign Minister Luis Campos in "
                                                    "Santiago on Sunday and praised Argentina."},
    {"id": "a4", "published": "2024-03-04", "text": "Police arrested two protesters outside the parliament "
                                                    "in Oslo on Monday."},
    {"id": "a5", "published": "2024-03-05", "text": "Campos criticized Bolivia on Tuesday over a trade dispute."},
    {"id": "a6", "published": "2024-03-06", "text": "Kenya and Ethiopia signed an agreement on Wednesday to "
                                                    "share water from a river along their border."},
]
EVENTS = ("SELECT type, source_code, target_code, CAST(date AS VARCHAR), sentence FROM events ORDER BY ALL")


def write_corpus(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def event_table(db: Path) -> Counter:
    with Store(db, read_only=True) as store:
        return Counter(tuple(r) for r in store.sql(EVENTS).itertuples(index=False))


# -- the reader ------------------------------------------------------------------------------------

def test_hostile_corpus_through_code(tmp_path, capsys):
    from eventwire.cli import main

    manifest = hostile.make(tmp_path / "in", fuzz=4)
    rc = main(["code", str(tmp_path / "in"), "--format", "jsonl", "--quiet", "--max-bytes",
               str(manifest["max_bytes"])])
    out = capsys.readouterr()
    assert rc == 1 and "Traceback" not in out.err
    records = [json.loads(line) for line in out.out.splitlines()]
    result = hostile.check(records, manifest)
    assert result["good_lost"] == [] and result["bad_not_as_expected"] == {} and result["fuzz_not_one_record"] == {}
    assert result["coded"] >= len(manifest["good"])
    for fmt in ("csv", "json", "table"):  # a lone surrogate in a title crashes no output format
        assert main(["code", str(tmp_path / "in" / "feed.jsonl"), "--format", fmt, "--quiet", "--max-bytes",
                     str(manifest["max_bytes"])]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_hostile_corpus_through_ingest(tmp_path):
    manifest = hostile.make(tmp_path / "in", fuzz=4)
    db = tmp_path / "h.duckdb"
    settings = Settings(max_bytes=manifest["max_bytes"])
    for _ in range(2):  # the rerun gets past every bad line too
        code_corpus([tmp_path / "in"], workers=1, db=db, settings=settings)
    with Store(db, read_only=True) as store:
        rows = [{"id": a, "source": s} for a, s in store.sql("SELECT article_id, source FROM articles")
                .itertuples(index=False)]
        rows += [{"id": a, "source": s, "error": {"kind": k}}
                 for a, s, k in store.sql("SELECT article_id, source, kind FROM errors").itertuples(index=False)]
    result = hostile.check(rows, manifest)
    assert result["good_lost"] == [] and result["bad_not_as_expected"] == {} and result["fuzz_not_one_record"] == {}


class CountingStream(io.RawIOBase):
    """An endless stream that counts the bytes taken from it."""

    def __init__(self, line: bytes, limit: int = 50_000_000):
        self.line, self.taken, self.limit = line, 0, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self.taken >= self.limit:
            return 0
        n = min(len(buf), self.limit - self.taken)
        chunk = (self.line * (n // len(self.line) + 1))[:n]
        buf[:n] = chunk
        self.taken += n
        return n


def test_stdin_is_not_read_past_the_limit():
    stream = CountingStream(b"Japan imposed sanctions on Russia. ")
    arts = list(read_stream(stream, "stdin", Settings(max_bytes=100_000)))
    assert [a.error.kind for a in arts] == ["too_large"]
    assert stream.taken < 400_000  # not the 50 MB on offer


def test_a_long_jsonl_line_on_stdin_is_skipped_not_kept():
    data = (b'{"id": "big", "text": "' + b"a" * 3_000_000 + b'"}\n'
            + b'{"id": "ok", "text": "Japan imposed sanctions on Russia on Friday."}\n')
    arts = list(read(["-"], Settings(max_bytes=100_000), stdin=io.BytesIO(data)))
    assert [(a.source, a.error.kind if a.error else None) for a in arts] == [("stdin:1", "too_large"),
                                                                             ("stdin:2", None)]


def test_fifo_and_device_paths_are_error_records(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    started = time.perf_counter()
    arts = list(read([fifo, "/dev/zero", tmp_path], Settings()))
    assert time.perf_counter() - started < 5  # nothing waited on a writer or read forever
    assert [a.error.kind for a in arts] == ["unreadable"] * 3
    assert "FIFO" in arts[0].error.message and "device" in arts[1].error.message


@pytest.mark.parametrize("text, kind", [
    ("北京时间周一，中国外交部发言人表示，中方反对这一做法。", "not_english"),
    ("Министр иностранных дел заявил в понедельник, что Москва не примет новые санкции.", "not_english"),
    ("قال وزير الخارجية يوم الاثنين إن الحكومة لن تقبل العقوبات الجديدة", "not_english"),
    ("Russia criticized Japan.", None),
])
def test_language_of_short_and_non_latin_texts(code, text, kind):
    art = code(text)
    assert (art.error.kind if art.error else None) == kind


def test_json_limits_and_broken_utf16(tmp_path):
    feed = tmp_path / "d.jsonl"
    feed.write_bytes(b'{"x":' + b"[" * 2000 + b"]" * 2000 + b',"text":"a"}\n{"x":' + b"1" * 4301
                     + b',"text":"a"}\n{"id": "fine", "text": "Japan imposed sanctions on Russia."}\n')
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00\xd8A\x00")
    arts = list(read([feed, tmp_path / "c.txt"], Settings()))
    assert [a.error.kind if a.error else None for a in arts] == ["bad_json", "bad_json", None, "undecodable"]


# -- the store -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def coded_docs(pipeline):
    return [pipeline.code_text(r["text"], id=r["id"], published=r["published"]).to_dict() for r in CORPUS]


def small_store(path: Path, docs) -> Path:
    with Store(path) as store:
        store.ingest(docs)
    return path


def test_damaged_store_files_are_clear_errors(tmp_path, coded_docs, capsys):
    from eventwire.cli import main

    good = small_store(tmp_path / "good.duckdb", coded_docs)
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    noise = tmp_path / "noise.duckdb"
    noise.write_bytes(os.urandom(20_000))
    words = small_store(tmp_path / "words.duckdb", coded_docs)
    con = duckdb.connect(str(words))
    con.execute("UPDATE meta SET value = 'abc'")
    con.close()
    gone = small_store(tmp_path / "gone.duckdb", coded_docs)
    con = duckdb.connect(str(gone))
    con.execute("DELETE FROM meta")
    con.close()
    for db in (cut, noise, words, gone):
        assert main(["events", "--db", str(db)]) == 2, db
        assert main(["ingest", str(tmp_path / "none.jsonl"), "--db", str(db), "--quiet"]) == 2, db
        err = capsys.readouterr().err
        assert "Traceback" not in err and ("damaged" in err or "not an eventwire" in err), err


def test_a_foreign_duckdb_file_gets_no_tables_without_init(tmp_path, coded_docs):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store.*--init"):
        Store(other)
    con = duckdb.connect(str(other), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["sales"]
    con.close()
    with Store(other, init=True) as store:
        store.ingest(coded_docs[:1])
    with Store(other) as store:  # from then on it is a store
        assert store.summary()["articles"] == 1


def test_disk_full_stops_the_run_commits_nothing_half_and_the_rerun_finishes(tmp_path, coded_docs, monkeypatch):
    db = tmp_path / "full.duckdb"
    real = Store._insert
    calls = {"n": 0}

    def failing(self, table, rows):
        if table == "events" and rows:
            calls["n"] += 1
            if calls["n"] == 3:
                raise duckdb.IOException("IO Error: Could not write file: No space left on device")
        return real(self, table, rows)

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(StoreError, match="No space left.*rerun"):
        with Store(db) as store:
            store.ingest(coded_docs)
    monkeypatch.setattr(Store, "_insert", real)
    with Store(db, read_only=True) as store:
        stored = store.summary()
        assert stored["errors"] == 0 and 0 < stored["articles"] < len(coded_docs)
        events = store.sql("SELECT count(*) AS n FROM events").n[0]
        per_article = store.sql("SELECT sum(n_events) AS n FROM articles").n[0]
        assert events == per_article  # no half of any article
    small_store(db, coded_docs)
    assert event_table(db) == event_table(small_store(tmp_path / "clean.duckdb", coded_docs))


def test_sql_is_read_only_for_files_too(tmp_path, coded_docs, capsys, monkeypatch):
    from eventwire.cli import main

    db = small_store(tmp_path / "c.duckdb", coded_docs)
    secret = tmp_path / "secret.csv"
    secret.write_text("a,b\n1,2\n")
    monkeypatch.chdir(tmp_path)
    assert main(["sql", "--db", str(db), "COPY (SELECT 1) TO 'out.csv'"]) == 2
    assert not (tmp_path / "out.csv").exists()
    assert main(["sql", "--db", str(db), f"SELECT * FROM read_csv('{secret}')"]) == 2
    assert main(["sql", "--db", str(db), "DELETE FROM events"]) == 2
    assert main(["sql", "--db", str(db), "SELECT count(*) AS n FROM events", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["n"] > 0


def test_load_reports_bad_lines_as_errors(tmp_path, coded_docs):
    from eventwire.cli import main

    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps(coded_docs[0]) + "\n{broken\n[1]\n" + json.dumps({"id": "x", "error": "no"}) + "\n")
    db = tmp_path / "l.duckdb"
    assert main(["load", str(docs), "--db", str(db), "--quiet"]) == 0
    with Store(db, read_only=True) as store:
        assert store.summary()["articles"] == 1
        assert sorted(store.errors().kind) == ["bad_json", "bad_record", "bad_record"]


# -- the same data whatever the order, the workers or the interruptions -----------------------------

def test_order_and_learning_give_the_same_event_table(tmp_path):
    forward = write_corpus(tmp_path / "f.jsonl", CORPUS)
    backward = write_corpus(tmp_path / "b.jsonl", CORPUS[::-1])
    tables = {}
    for name, corpus, learn in (("f", forward, False), ("b", backward, False), ("fl", forward, True),
                                ("bl", backward, True)):
        code_corpus([corpus], workers=1, db=tmp_path / f"{name}.duckdb", learn=learn)
        tables[name] = event_table(tmp_path / f"{name}.duckdb")
    assert tables["f"] == tables["b"] and sum(tables["f"].values()) > 0
    assert tables["fl"] == tables["bl"]
    # learning stays a feature: "Vera" in a3 is CHLGOV only once learned from a1's title
    with Store(tmp_path / "bl.duckdb", read_only=True) as store:
        assert "CHLGOV" in set(store.actors(name="Vera").code)
    with Store(tmp_path / "b.duckdb", read_only=True) as store:
        vera = store.sql("SELECT code FROM actors WHERE article_id = 'a3' AND name LIKE '%Vera%'")
        assert "CHLGOV" not in set(vera.code)


def test_a_run_codes_with_the_snapshot_it_started_with(tmp_path):
    """`code --actor-memory`: articles of a run do not see what the run learned; the next run does."""
    from eventwire.cli import main

    corpus = write_corpus(tmp_path / "c.jsonl", CORPUS[:3])
    memory = tmp_path / "people.tsv"

    def vera_codes() -> set:
        out = io.StringIO()
        sys_stdout, sys.stdout = sys.stdout, out
        try:
            main(["code", str(corpus), "--format", "jsonl", "--quiet", "--actor-memory", str(memory)])
        finally:
            sys.stdout = sys_stdout
        doc = [json.loads(line) for line in out.getvalue().splitlines()][2]
        return {a["code"] for a in doc["actors"] if "Vera" in a["name"]}

    assert "CHLGOV" not in vera_codes()  # a3 coded with the empty memory the run started with
    assert "Ana Vera\tCHLGOV" in memory.read_text(encoding="utf-8")
    assert "CHLGOV" in vera_codes()  # the next run starts from the saved memory


@pytest.mark.slow
def test_one_and_two_workers_give_the_same_event_table(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", CORPUS)
    code_corpus([corpus], workers=1, db=tmp_path / "one.duckdb", learn=True)
    code_corpus([corpus], workers=2, db=tmp_path / "two.duckdb", learn=True, chunk_size=1)
    assert event_table(tmp_path / "one.duckdb") == event_table(tmp_path / "two.duckdb")


KILLER = """
import os, signal, sys
from eventwire.parallel import code_corpus
stop = int(sys.argv[3])
seen = []
def tick(doc, outcome):
    seen.append(doc["id"])
    if len(seen) == stop:
        os.kill(os.getpid(), signal.SIGKILL)
code_corpus([sys.argv[1]], workers=1, db=sys.argv[2], learn=True, on_article=tick)
"""


@pytest.mark.slow
def test_kill_9_at_two_points_then_resume_gives_the_clean_event_table(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", CORPUS)
    code_corpus([corpus], workers=1, db=tmp_path / "clean.duckdb", learn=True)
    db = tmp_path / "killed.duckdb"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for stop in (2, 2):  # two articles stored, killed; then two more, killed
        proc = subprocess.run([sys.executable, "-c", KILLER, str(corpus), str(db), str(stop)], env=env,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
    with Store(db, read_only=True) as store:
        assert store.summary()["articles"] == 4
    code_corpus([corpus], workers=1, db=db, learn=True)
    assert event_table(db) == event_table(tmp_path / "clean.duckdb")


@pytest.mark.slow
def test_disk_full_for_real_then_rerun(tmp_path):
    """An ingest whose database file may not grow (RLIMIT_FSIZE) stops with a message, then finishes."""
    corpus = ROOT / "tests" / "data" / "web-corpus.jsonl"
    script = ("import resource, signal, sys\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
              "resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))\n"
              "from eventwire.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    db = tmp_path / "full.duckdb"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = ["ingest", str(corpus), "--db", str(db), "--quiet", "--workers", "1"]
    first = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 2 and "Traceback" not in first.stderr and "cannot write" in first.stderr
    second = subprocess.run([sys.executable, "-m", "eventwire", *args], env=env, capture_output=True, text=True,
                            timeout=300)
    assert second.returncode == 0, second.stderr
    code_corpus([corpus], workers=1, db=tmp_path / "clean.duckdb")
    assert event_table(db) == event_table(tmp_path / "clean.duckdb")
    with Store(db, read_only=True) as store:
        assert store.summary()["errors"] == 0


# -- the web server --------------------------------------------------------------------------------

@pytest.fixture
def web(pipeline):
    from fastapi.testclient import TestClient

    from eventwire.web import create_app

    def make(**kw):
        return TestClient(create_app(pipeline=kw.pop("pipeline", pipeline), **kw), raise_server_exceptions=False)
    return make


def test_requests_do_not_change_each_other(web):
    macron = {"text": "Macron condemned the missile strike on Kyiv on Wednesday.", "published": "2024-03-06"}
    with web() as client:
        before = client.post("/api/code", json=macron).json()
        client.post("/api/code", json={"text": "North Korean leader Emmanuel Macron threatened Japan on Monday."})
        after = client.post("/api/code", json=macron).json()
    assert after == before
    assert not any((a["code"] or "").startswith("PRK") for a in after["actors"])


@pytest.mark.parametrize("host, status", [("evil.example", 400), ("127.0.0.1:8000", 200), ("localhost", 200),
                                          ("[::1]:8000", 200), ("LOCALHOST.", 200)])
def test_host_allow_list(web, host, status):
    with web() as client:
        resp = client.get("/api/health", headers={"host": host})
    assert resp.status_code == status
    if status == 400:
        assert resp.json()["error"]["kind"] == "bad_host"


def test_allowed_host_can_be_added(web):
    with web(hosts=["news.example"]) as client:
        assert client.get("/api/health", headers={"host": "news.example:8000"}).status_code == 200


class Blocking:
    """A pipeline that waits until released: stands for a long article."""

    def __init__(self, real):
        self.real, self.release, self.started = real, threading.Event(), threading.Event()

    def code_text(self, *a, **kw):
        self.started.set()
        self.release.wait(20)
        return self.real.code_text(*a, **kw)


def test_full_queue_is_503_with_retry_after_and_health_stays_fast(web, pipeline):
    slow = Blocking(pipeline)
    body = {"text": "Japan imposed sanctions on Russia on Friday."}
    with web(pipeline=slow, queue_size=1, deadline=20) as client:
        answers = []
        first = threading.Thread(target=lambda: answers.append(client.post("/api/code", json=body)))
        first.start()
        assert slow.started.wait(10)
        busy = client.post("/api/code", json=body)
        assert busy.status_code == 503 and busy.json()["error"]["kind"] == "busy"
        assert int(busy.headers["retry-after"]) > 0
        t0 = time.perf_counter()
        assert client.get("/api/health").status_code == 200
        assert time.perf_counter() - t0 < 1.0
        slow.release.set()
        first.join(20)
    assert answers[0].status_code == 200


def test_deadline_is_503(web, pipeline):
    slow = Blocking(pipeline)
    with web(pipeline=slow, queue_size=4, deadline=0.5) as client:
        t0 = time.perf_counter()
        resp = client.post("/api/code", json={"text": "Japan imposed sanctions on Russia on Friday."})
        slow.release.set()
    assert resp.status_code == 503 and "retry-after" in resp.headers
    assert time.perf_counter() - t0 < 5


def test_unavailable_store_names_no_path_or_pid(web, tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(os.urandom(5000))
    with web(db=str(bad)) as client:
        resp = client.get("/api/events")
    assert resp.status_code == 503
    message = resp.json()["error"]["message"]
    assert str(tmp_path) not in message and "bad.duckdb" not in message and "PID" not in message


def test_upload_of_broken_utf16_is_422(web):
    with web() as client:
        resp = client.post("/api/code/file", files={"file": ("c.txt", b"\xff\xfe\x00\xd8A\x00", "text/plain")})
    assert resp.status_code == 422 and resp.json()["error"]["kind"] == "undecodable"


def test_articles_with_slashes_and_long_ids_open(web, tmp_path, pipeline):
    ids = ["site/2024/03/story", "x" * 500]
    docs = [pipeline.code_text("Japan imposed sanctions on Russia on Friday.", id=i).to_dict() for i in ids]
    db = small_store(tmp_path / "ids.duckdb", docs)
    from urllib.parse import quote

    with web(db=str(db)) as client:
        for i in ids:
            assert client.get("/api/articles/" + quote(i, safe="")).json()["id"] == i
            assert client.get("/article/" + quote(i, safe="")).status_code == 200


def test_open_errors_speak_eventwire_not_duckdb(tmp_path):
    """A CSV given as --db, or a store another process is writing, is explained in eventwire's
    terms: no DuckDB catalog errors, no advice about DuckDB's own CLI."""
    csv = tmp_path / "events.csv"
    csv.write_text("a,b\n1,2\n")
    with pytest.raises(StoreError) as err:
        Store(csv, read_only=True)
    assert "eventwire ingest" in str(err.value) and "Catalog" not in str(err.value)

    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError) as err:
            Store(db, read_only=True)
        message = str(err.value)
        assert "writing to it" in message and "-readonly" not in message and "PID" not in message
    finally:
        holder.kill()
        holder.wait()
