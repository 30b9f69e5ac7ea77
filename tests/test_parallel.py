"""Parallel corpus coding: worker processes and a real Dask LocalCluster give the local run's results."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire import parallel
from eventwire.config import DEFAULT
from eventwire.ingest import read
from eventwire.parallel import code_corpus, load_parquet, partitions, read_partition
from eventwire.store import Store

RECORDS = [
    {"id": "p1", "published": "2023-05-02", "url": "https://example.org/p1",
     "text": "Japan accused Russia of violating its airspace near Hokkaido on Tuesday. Russia denied the claim."},
    {"id": "p2", "published": "2023-05-03", "url": "https://example.org/p2",
     "text": "The United States imposed sanctions on three Russian banks on Wednesday."},
    {"id": "p3", "published": "2023-05-04", "url": "https://example.net/p3",
     "text": "China and Brazil signed a trade agreement in Beijing on Thursday, officials said."},
    {"id": "p4", "text": "Ukraine asked Germany for more air defence systems. \"We need them now,\" the minister said."},
]
EVENT_COLS = ["event_id", "article_id", "event_index", "type", "cameo", "source_code", "target_code", "date",
              "sentence", "num_articles"]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("feed")
    feed = root / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in RECORDS) + "{not json\n", encoding="utf-8")
    folder = root / "texts"
    folder.mkdir()
    (folder / "t1.txt").write_text("Israel and Egypt held talks in Cairo on Friday about a ceasefire.\n",
                                   encoding="utf-8")
    (folder / "t2.txt").write_bytes(b"\x00\x01\x02binary")
    return [str(feed), str(folder)]


@pytest.fixture(scope="module")
def local_db(inputs, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    stats = code_corpus(inputs, workers=1, db=db)
    assert stats.articles == 7 and stats.mode == "local"
    return db


def _events(db) -> list[tuple]:
    with Store(db, read_only=True) as s:
        return [tuple(r) for r in s.events()[EVENT_COLS].astype(str).itertuples(index=False)]


def _docs(db) -> dict:
    with Store(db, read_only=True) as s:
        ids = s.articles()["article_id"].tolist()
        return {i: s.article(i) for i in ids}


def _errors(db) -> list[tuple]:
    with Store(db, read_only=True) as s:
        return [tuple(r) for r in s.errors()[["article_id", "source", "kind"]].itertuples(index=False)]


def test_local_run_stores_everything(local_db):
    assert len(_docs(local_db)) == 5
    assert {k for _, _, k in _errors(local_db)} == {"bad_json", "binary"}
    assert _events(local_db)


def test_partitions_are_line_aligned_and_read_like_local(inputs):
    parts = partitions(inputs, blocksize=120)
    jsonl = [p for p in parts if p.kind == "jsonl"]
    assert len(jsonl) > 1 and jsonl[0].start == 0
    assert all(a.end == b.start for a, b in zip(jsonl, jsonl[1:]))
    assert [p.kind for p in parts][-1] == "files"
    local = [a.model_dump() | {"raw": a.raw} for a in read(inputs)]
    dist = [a.model_dump() | {"raw": a.raw} for p in parts for a in read_partition(p)]
    assert dist == local


@pytest.mark.slow
def test_two_workers_same_as_one(inputs, local_db, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "IN_FLIGHT", 1)  # the reader waits for the writer: 2 chunks ahead at most
    db = tmp_path / "w2.duckdb"
    stats = code_corpus(inputs, workers=2, db=db, chunk_size=2)
    assert stats.mode == "processes" and stats.articles == 7 and stats.errors == 2
    assert _events(db) == _events(local_db)
    assert _docs(db) == _docs(local_db)
    again = code_corpus(inputs, workers=2, db=db)  # a rerun codes only what is not stored
    assert again.skipped_inputs == 5 and again.articles == 2
    assert again.stored.added == 0


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.mark.slow
def test_dask_local_cluster_same_as_local(inputs, local_db, tmp_path, client):
    db = tmp_path / "dask.duckdb"
    stats = code_corpus(inputs, dask=client, db=db, blocksize=200)
    assert stats.mode == "dask" and stats.articles == 7
    assert _events(db) == _events(local_db)
    assert _docs(db) == _docs(local_db)
    assert _errors(db) == _errors(local_db)


@pytest.mark.slow
def test_dask_parquet_partitions(inputs, local_db, tmp_path, client):
    out = tmp_path / "parts"
    stats = code_corpus(inputs, dask=client, out=str(out), blocksize=200)
    assert stats.articles == 7 and stats.stored is None
    files = sorted((out / "articles").glob("part-*.parquet"))
    assert len(files) >= 2
    import duckdb

    con = duckdb.connect()
    n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / "events" / "*.parquet")]).fetchone()[0]
    assert n == len(_events(local_db))
    with Store(tmp_path / "loaded.duckdb") as s:
        loaded = load_parquet(s, str(out))
        assert loaded.added == 5 and loaded.errors == 2
    assert _events(tmp_path / "loaded.duckdb") == _events(local_db)


def test_default_workers_is_positive():
    assert parallel.default_workers() >= 1
    assert DEFAULT.batch_size > 0


@pytest.mark.slow
def test_cli_ingest_on_a_local_dask_cluster_through_parquet(inputs, local_db, tmp_path, capsys):
    from eventwire import cli

    db = tmp_path / "cli.duckdb"
    out = tmp_path / "parts"
    assert cli.main(["ingest", *inputs, "--db", str(db), "--dask", "local:1", "--out", str(out)]) == 0
    assert "dask" in capsys.readouterr().err
    assert (out / "articles").is_dir()
    assert _events(db) == _events(local_db)
    assert cli.main(["ingest", *inputs, "--db", str(db), "--out", str(out)]) == 2  # --out needs --dask
    again = tmp_path / "again.duckdb"
    assert cli.main(["load", str(out), "--db", str(again), "--quiet"]) == 0
    assert _events(again) == _events(local_db)
