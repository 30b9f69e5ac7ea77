"""Corpus mode: the DuckDB store, its queries and exports, the corpus commands.

Most tests store a small corpus of hand-made documents (articles as eventwire
writes them, with invented text), so the expected rows are exact whatever the
coding stages do; a few run the real pipeline end to end.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from eventwire import cli, gdelt
from eventwire.dedup import DuplicateIndex, paragraphs, signature, site_of
from eventwire.model import Actor, ActorRef, Article, Event, Quote, Sentence
from eventwire.filters import FilterError
from eventwire.store import SCHEMA_VERSION, Store, StoreError, event_id, split_code

D = dt.date

# -- a small corpus of our own ---------------------------------------------------------

P_ACCUSE = ("Russia's foreign ministry accused Japan on Monday of staging provocative naval drills near "
            "the disputed islands, and said the exercises were planned to threaten its eastern regions.")
P_REJECT = ("Japan rejected the accusation within hours, telling reporters in the capital that its forces "
            "acted inside its own waters and in line with international law and earlier agreements.")
P_BOILER = "Japan urged China to help calm the region, as it has in every statement this season."
P_CONSULT = "Japan consulted the United States later."  # a copy may add a line


def _doc(aid: str, paras: list[str], published: str, url: str | None, events=(), quotes=(), actors=(),
         title: str | None = None) -> Article:
    """An article as the pipeline writes it: events given as (paragraph, type, cameo, quad, goldstein,
    (source code, name), (target code, name), trigger)."""
    text = "\n\n".join(paras)
    starts = [text.index(p) for p in paras]
    sents = [Sentence(text=p, start=s, end=s + len(p), index=i) for i, (p, s) in enumerate(zip(paras, starts))]
    evs = []
    for para, typ, cameo, quad, gold, src, tgt, trig in events:
        s = sents[para]
        pos = s.text.index(trig)
        evs.append(Event(type=typ, cameo=cameo, quad_class=quad, goldstein=gold,
                         source=ActorRef(text=src[1], name=src[1], code=src[0]) if src else None,
                         target=ActorRef(text=tgt[1], name=tgt[1], code=tgt[0]) if tgt else None,
                         sentence=s.text, sentence_index=s.index, sentence_start=s.start, sentence_end=s.end,
                         trigger=trig, trigger_start=s.start + pos, trigger_end=s.start + pos + len(trig),
                         date=published[:10]))
    qs = []
    for para, speaker, code, words in quotes:
        s = sents[para]
        pos = s.text.index(words)
        qs.append(Quote(text=words, start=s.start + pos, end=s.start + pos + len(words), kind="indirect",
                        speaker=ActorRef(text=speaker, name=speaker, code=code), cue="said",
                        sentence=s.text, sentence_index=s.index))
    acts = [Actor(id=i, name=name, type=typ, code=code, mentions=[name]) for i, (name, typ, code) in enumerate(actors)]
    return Article(id=aid, title=title or f"Story {aid}", published=published, url=url, source="test", language="en",
                   text=text, sentences=sents, events=evs, quotes=qs, actors=acts)


RUSGOV, JPN, RUS, USA, CHN = (("RUSGOV", "Russia's foreign ministry"), ("JPN", "Japan"), ("RUS", "Russia"),
                              ("USA", "United States"), ("CHN", "China"))


def corpus() -> list[Article]:
    """Six documents: two sites, a near-duplicate on a third, a boilerplate paragraph, one failure."""
    site = "https://www.tokyo-ledger.example/news/"
    a1 = _doc("a1", [P_ACCUSE, P_REJECT, P_BOILER], "2022-03-07", site + "a1",
              events=[(0, "ACCUSE", "112", 3, -2.0, RUSGOV, JPN, "accused"),
                      (1, "REJECT", "120", 3, -4.0, JPN, RUS, "rejected"),
                      (2, "REQUEST", "020", 1, 3.0, JPN, CHN, "urged")],
              quotes=[(0, "Pavel Orlov", "RUSGOV", "the exercises were planned to threaten its eastern regions")],
              actors=[("Russia", "COUNTRY", "RUS"), ("Japan", "COUNTRY", "JPN"), ("Pavel Orlov", "PERSON", "RUSGOV")])
    a2 = _doc("a2", ["Moscow accused Japan again on Tuesday of hostile steps against Russian fishing boats.",
                     "Japan imposed sanctions on Russia's largest fishing company the same afternoon.", P_BOILER],
              "2022-03-15", site + "a2",
              events=[(0, "ACCUSE", "112", 3, -2.0, RUS, JPN, "accused"),
                      (1, "SANCTION", "163", 4, -8.0, JPN, RUS, "imposed")],
              quotes=[(0, "Pavel Orlov", "RUSGOV", "hostile steps against Russian fishing boats")],
              actors=[("Russia", "COUNTRY", "RUS"), ("Japan", "COUNTRY", "JPN")])
    a3 = _doc("a3", ["The United States imposed new sanctions on Russian banks on Saturday.", P_BOILER],
              "2022-04-02", site + "a3",
              events=[(0, "SANCTION", "163", 4, -8.0, USA, RUS, "imposed")],
              actors=[("United States", "COUNTRY", "USA"), ("Russia", "COUNTRY", "RUS")])
    a4 = _doc("a4", [P_ACCUSE, P_REJECT.replace("within hours", "within the hour"), P_BOILER, P_CONSULT],
              "2022-03-07", "https://wire-copies.example/world/a4",
              events=[(0, "ACCUSE", "112", 3, -2.0, RUSGOV, JPN, "accused"),
                      (3, "CONSULT", "040", 1, 1.0, JPN, USA, "consulted")],
              quotes=[(0, "Pavel Orlov", "RUSGOV", "the exercises were planned to threaten its eastern regions")],
              actors=[("Russia", "COUNTRY", "RUS"), ("Japan", "COUNTRY", "JPN"), ("United States", "COUNTRY", "USA")])
    a5 = Article(id="a5", source="feed.jsonl:5").fail("binary", "the input holds NUL bytes")
    a6 = _doc("a6", ["Russia accused Japan of spying on its embassy in an unusually sharp note in January."],
              "2022-01-20", "https://www.pacific-wire.example/a6",
              events=[(0, "ACCUSE", "112", 3, -2.0, RUS, JPN, "accused")],
              actors=[("Russia", "COUNTRY", "RUS"), ("Japan", "COUNTRY", "JPN")])
    return [a1, a2, a3, a4, a5, a6]


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "corpus.duckdb") as s:
        s.ingest(corpus())
        yield s


def rows(df: pd.DataFrame, cols: list[str]) -> list[tuple]:
    return [tuple(None if (isinstance(v, float) and v != v) else v for v in r)
            for r in df[cols].itertuples(index=False)]


# -- schema, idempotence, errors -------------------------------------------------------


def test_schema_version_and_tables(tmp_path):
    with Store(tmp_path / "x.duckdb") as s:
        assert s.version == SCHEMA_VERSION
        assert set(s.counts()) >= {"articles", "actors", "events", "quotes", "errors"}
    with Store(tmp_path / "x.duckdb", read_only=True) as s:  # reopening does not migrate again
        assert s.version == SCHEMA_VERSION
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_an_eventwire_database(tmp_path):
    import duckdb

    con = duckdb.connect(str(tmp_path / "other.duckdb"))
    con.execute("CREATE TABLE t (x INT)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire database"):
        Store(tmp_path / "other.duckdb", read_only=True)


def test_ingest_stats_and_idempotence(tmp_path):
    with Store(tmp_path / "c.duckdb") as s:
        first = s.ingest(corpus())
        counts = s.counts()
        again = s.ingest(corpus())
        assert s.counts() == counts
    assert (first.seen, first.added, first.duplicates, first.errors) == (6, 5, 1, 1)
    assert (first.events, first.merged_events, first.boilerplate) == (8, 1, 1)
    assert (again.added, again.skipped, again.errors, again.events) == (0, 5, 1, 0)
    assert counts["articles"] == 5 and counts["events"] == 8 and counts["errors"] == 1
    assert counts["event_mentions"] == 9


def test_changed_article_replaces_the_old_one(store):
    new = corpus()[2]
    new.text = new.text.replace("Saturday", "Sunday")
    new.events = []
    stats = store.ingest([new])
    assert stats.replaced == 1
    assert store.events(article_id="a3").empty
    assert store.article("a3")["text"].count("Sunday") == 1
    assert store.counts()["articles"] == 5


def test_article_document_round_trip(store):
    docs = {a.id: a.to_dict() for a in corpus()}
    assert store.article("a1") == docs["a1"]
    assert store.article("a4") == docs["a4"]
    assert store.article("nope") is None


def test_errors_are_stored_not_fatal(store):
    errs = store.errors()
    assert rows(errs, ["article_id", "source", "kind"]) == [("a5", "feed.jsonl:5", "binary")]
    assert store.article("a5") is None


def test_a_document_that_cannot_be_stored_becomes_an_error(tmp_path):
    good = corpus()[0].to_dict()
    bad = dict(good, id="b1", actors=[{"id": "not a number", "name": "X"}])  # fails after its article row
    with Store(tmp_path / "c.duckdb") as s:
        stats = s.ingest([bad, good])
        assert (stats.errors, stats.added) == (1, 1)
        assert rows(s.errors(), ["article_id", "kind"]) == [("b1", "store")]
        assert s.article("b1") is None  # rolled back: no half-written article
        assert s.sql("SELECT count(*) AS n FROM events WHERE article_id = 'b1'")["n"][0] == 0
        assert s.article("a1") == good


# -- duplicates and boilerplate --------------------------------------------------------


def test_near_duplicate_is_linked_and_merged(store):
    arts = store.articles()
    canon = dict(zip(arts["article_id"], arts["canonical_id"]))
    assert canon["a4"] == "a1"
    assert all(pd.isna(canon[a]) for a in ("a1", "a2", "a3", "a6"))
    ev = store.events(article_id="a1")
    accuse = ev[ev["type"] == "ACCUSE"].iloc[0]
    assert (accuse.num_mentions, accuse.num_articles, accuse.num_sources) == (2, 2, 2)
    # the copy reports the merged event and its own new one
    assert rows(store.events(article_id="a4"), ["article_id", "type", "num_articles"]) == [
        ("a1", "ACCUSE", 2), ("a4", "CONSULT", 1)]


def test_duplicates_found_across_runs(tmp_path):
    path = tmp_path / "c.duckdb"
    arts = corpus()
    with Store(path) as s:
        s.ingest(arts[:3])
    with Store(path) as s:  # the LSH index is rebuilt from the stored signatures
        stats = s.ingest(arts[3:4])
        assert stats.duplicates == 1
        assert s.articles()["canonical_id"].tolist()[-1] == "a1"


def test_boilerplate_paragraph_is_learned(store):
    bp = store.boilerplate()
    assert rows(bp, ["site", "text"]) == [("tokyo-ledger.example", P_BOILER)]
    assert "REQUEST" not in store.events()["type"].tolist()
    assert "REQUEST" in store.events(boilerplate=True)["type"].tolist()


def test_boilerplate_is_learned_at_the_third_article_and_across_runs(tmp_path):
    arts = corpus()
    path = tmp_path / "b.duckdb"
    with Store(path) as s:
        assert s.ingest(arts[:2]).boilerplate == 0
        assert "REQUEST" in s.events()["type"].tolist()  # two articles: not yet boilerplate
    with Store(path) as s:  # counts are rebuilt from the database
        assert s.ingest(arts[2:3]).boilerplate == 1
        assert "REQUEST" not in s.events()["type"].tolist()  # flagged back in a1 too


def test_flat_texts_learn_repeated_sentences(tmp_path):
    stock = "Officials have blamed several recent attacks on groups based across the border."
    arts = [_doc(f"s{i}", [f"Story number {i} says something quite new about the region today.", stock],
                 "2023-01-0" + str(i + 1), f"https://flat.example/s{i}",
                 events=[(1, "ACCUSE", "112", 3, -2.0, ("PAK", "Pakistan"), ("AFG", "Afghanistan"), "blamed")])
            for i in range(3)]
    for art in arts:  # one line of text, as many feeds deliver it
        art.text = art.text.replace("\n\n", " ")
        for sent, shift in zip(art.sentences, (0, -1)):
            sent.start += shift if sent.index else 0
            sent.end += shift if sent.index else 0
    units = list(paragraphs(arts[0].text, [x.model_dump() for x in arts[0].sentences]))
    assert [u.text for u in units][-1] == stock
    with Store(tmp_path / "f.duckdb") as s:
        s.ingest(arts)
        assert rows(s.boilerplate(), ["site", "text"]) == [("flat.example", stock)]
        assert s.events().empty and len(s.events(boilerplate=True)) == 3


def test_dedup_helpers():
    assert site_of("https://www.example.org/a/b") == "example.org"
    assert site_of(None, {"site": "Tokyo Ledger"}) == "tokyo ledger"
    assert site_of("not a url") is None
    text = P_ACCUSE + "\n\n" + P_REJECT
    paras = list(paragraphs(text))
    assert [text[p.start:p.end] for p in paras] == [P_ACCUSE, P_REJECT]
    assert signature("too short") is None
    index = DuplicateIndex()
    index.add("x", signature(text))
    assert index.find(signature(text.replace("within hours", "within the hour"))).canonical_id == "x"
    assert index.find(signature(P_CONSULT + " " + P_BOILER)) is None


def test_split_code_and_event_id():
    assert split_code("RUSGOV") == ("RUS", "GOV")
    assert split_code("IGO:UN") == ("IGO:UN", None)
    assert split_code(None) == (None, None)
    assert event_id("a1", 0) == event_id("a1", 0) != event_id("a1", 1)
    assert all(0 < event_id(f"a{i}", j) <= 2 ** 53 - 1 for i in range(50) for j in range(20))  # exact in JS


# -- queries ---------------------------------------------------------------------------


def test_events_query_exact_rows(store):
    df = store.events(source="RUS", target="JPN", type="accuse", since="2022-03-01")
    assert rows(df, ["article_id", "date", "source_code", "target_code", "cameo", "goldstein", "num_articles"]) == [
        ("a1", D(2022, 3, 7), "RUSGOV", "JPN", "112", -2.0, 2),
        ("a2", D(2022, 3, 15), "RUS", "JPN", "112", -2.0, 1),
    ]
    assert rows(store.events(source="RUSGOV"), ["article_id"]) == [("a1",)]
    assert rows(store.events(until="2022-01-31"), ["article_id", "type"]) == [("a6", "ACCUSE")]
    assert rows(store.events(quad_class=4), ["article_id", "type"]) == [("a2", "SANCTION"), ("a3", "SANCTION")]
    assert len(store.events(limit=2)) == 2
    assert store.events(limit=2, offset=2)["event_id"].tolist() == store.events()["event_id"].tolist()[2:4]
    assert store.articles(offset=3)["article_id"].tolist() == ["a4", "a6"]
    needed = {"event_id", "article_id", "sentence_index", "type", "mode", "cameo", "quad_class", "goldstein",
              "source_code", "source_name", "source_text", "target_code", "target_name", "target_text", "trigger",
              "trigger_start", "trigger_end", "status", "negated", "date", "location_name", "location_country",
              "lat", "lon", "sentence", "num_sources", "num_articles"}
    assert needed <= set(df.columns)


def test_query_input_is_never_sql(store):
    with pytest.raises(FilterError, match="source: .* is not an actor code"):
        store.events(source="RUS' OR 1=1 --")
    assert store.events(article_id="a1' OR 1=1 --").empty
    assert store.quotes(speaker="%").empty
    with pytest.raises(FilterError, match="since: 'last march' is not a date; write it YYYY-MM-DD"):
        store.events(since="last march")
    with pytest.raises(FilterError, match="period"):
        store.dyads(period="fortnight")


def test_dyads_by_month(store):
    df = store.dyads(period="month")
    assert rows(df, ["period", "source", "target", "events", "articles", "mean_goldstein"]) == [
        (D(2022, 1, 1), "RUS", "JPN", 1, 1, -2.0),
        (D(2022, 3, 1), "JPN", "RUS", 2, 2, -6.0),
        (D(2022, 3, 1), "RUS", "JPN", 2, 3, -2.0),
        (D(2022, 3, 1), "JPN", "USA", 1, 1, 1.0),
        (D(2022, 4, 1), "USA", "RUS", 1, 1, -8.0),
    ]
    weekly = store.dyads(source="RUS", target="JPN", since="2022-03-01")
    assert rows(weekly, ["period", "source", "events"]) == [(D(2022, 3, 7), "RUS", 1), (D(2022, 3, 14), "RUS", 1)]
    by_code = store.dyads(period="year", level="code", source="RUS")
    assert rows(by_code, ["source", "target", "events"]) == [("RUS", "JPN", 2), ("RUSGOV", "JPN", 1)]


def test_quotes_and_actors(store):
    q = store.quotes(speaker="orlov")
    assert rows(q, ["article_id", "speaker_name", "speaker_code"]) == [
        ("a1", "Pavel Orlov", "RUSGOV"), ("a2", "Pavel Orlov", "RUSGOV")]  # not the copy a4
    assert len(store.quotes(speaker="orlov", duplicates=True)) == 3
    assert len(store.quotes(article_id="a4")) == 1
    acts = store.actors(code="RUS")
    assert rows(acts, ["name", "code", "articles"]) == [("Russia", "RUS", 4), ("Pavel Orlov", "RUSGOV", 1)]
    assert rows(store.actors(name="united"), ["name", "articles"]) == [("United States", 1)]


def test_sql_and_articles(store):
    df = store.sql("SELECT type, count(*) AS n FROM events WHERE NOT boilerplate GROUP BY type ORDER BY type")
    assert rows(df, ["type", "n"]) == [("ACCUSE", 3), ("CONSULT", 1), ("REJECT", 1), ("SANCTION", 2)]
    assert store.sql("SELECT count(*) AS n FROM articles WHERE site = ?", ["tokyo-ledger.example"])["n"][0] == 3
    assert store.articles()["article_id"].tolist() == ["a1", "a2", "a3", "a4", "a6"]
    assert store.articles(limit=2, duplicates=False)["article_id"].tolist() == ["a1", "a2"]


def test_queries_from_many_threads(store):
    from concurrent.futures import ThreadPoolExecutor

    def work(i: int) -> tuple[int, int]:
        return len(store.events()), len(store.quotes(speaker="orlov"))

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(work, range(64))) == {(7, 2)}


def test_read_only_store_refuses_writes(tmp_path, store):
    store.close()
    with Store(store.path, read_only=True) as ro:
        assert len(ro.events()) == 7
        with pytest.raises(StoreError):
            ro.ingest(corpus()[:1])


# -- exports ---------------------------------------------------------------------------


def test_parquet_and_csv_exports(store, tmp_path):
    written = store.export(tmp_path / "pq")
    assert {p.name for p in written} >= {"articles.parquet", "events.parquet", "quotes.parquet", "actors.parquet"}
    events = pd.read_parquet(tmp_path / "pq" / "events.parquet")
    assert len(events) == 8 and set(events["article_id"]) == {"a1", "a2", "a3", "a4", "a6"}
    store.export(tmp_path / "csv", "csv", ["actors"])
    actors = pd.read_csv(tmp_path / "csv" / "actors.csv")
    assert json.loads(actors["mentions"][0]) == ["Russia"]


def test_gdelt_fraction_date():
    assert gdelt._fraction_date(D(2022, 1, 1)) == 2022.0
    assert gdelt._fraction_date(D(2024, 12, 31)) == 2024.9973
    assert gdelt._fraction_date(D(2022, 7, 2)) == 2022.4986  # 182 of 365 days gone


def test_gdelt_columns_file():
    names = gdelt.column_names()
    assert len(names) == 61
    assert names[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert names[26:29] == ["EventCode", "EventBaseCode", "EventRootCode"]
    assert names[-2:] == ["DATEADDED", "SOURCEURL"]


def test_gdelt_export_loads_with_gdelt_columns(store, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    n = store.export_gdelt(out, extended=tmp_path / "events.ext.tsv")
    assert n == 7
    df = pd.read_csv(out, sep="\t", names=gdelt.column_names(), dtype={"EventCode": str, "EventBaseCode": str,
                                                                       "EventRootCode": str})
    assert df.shape == (7, 61)
    first = df.iloc[0]  # a6, the earliest event
    assert (first.SQLDATE, first.MonthYear, first.Year) == (20220120, 202201, 2022)
    assert (first.Actor1Code, first.Actor1CountryCode, first.Actor2Code) == ("RUS", "RUS", "JPN")
    assert (first.EventCode, first.EventBaseCode, first.EventRootCode, first.QuadClass) == ("112", "112", "11", 3)
    assert first.GoldsteinScale == -2.0 and first.SOURCEURL == "https://www.pacific-wire.example/a6"
    accuse = df[(df.SQLDATE == 20220307) & (df.EventCode == "112")].iloc[0]
    assert (accuse.Actor1Code, accuse.Actor1Type1Code, accuse.NumArticles, accuse.NumSources) == ("RUSGOV", "GOV", 2, 2)
    assert accuse.IsRootEvent == 1 and accuse.GLOBALEVENTID == event_id("a1", 0)
    ext = pd.read_csv(tmp_path / "events.ext.tsv", sep="\t", dtype={"EventCode": str})
    assert list(ext.columns[:61]) == gdelt.column_names()
    assert ext["sentence"].iloc[0].startswith("Russia accused Japan of spying")
    assert set(ext["article_id"]) == {"a1", "a2", "a3", "a4", "a6"}


# -- resumability: kill -9 halfway -----------------------------------------------------

CHILD = textwrap.dedent("""
    import json, sys
    from eventwire.store import Store
    with Store(sys.argv[1]) as store:
        for line in open(sys.argv[2], encoding="utf-8"):
            doc = json.loads(line)
            store.ingest_doc(doc)
            print(doc["id"], flush=True)
""")


def _many_docs(n: int) -> list[dict]:
    """n distinct documents (copies of the corpus with new ids and text)."""
    out = []
    for i in range(n):
        for art in corpus():
            doc = art.to_dict()
            doc["id"] = f"{doc['id']}-{i}"
            if "text" in doc:
                doc["text"] += f"\n\nEdition {i} of the corpus, for resumability tests only."
            out.append(doc)
    return out


def _snapshot(path) -> dict[str, list]:
    with Store(path, read_only=True) as s:
        snap = {}
        for table in s.counts():
            cols = [c for c in s.sql(f"SELECT * FROM {table} LIMIT 0").columns if c not in ("ingested_at", "seen_at")]
            df = s.sql(f"SELECT {', '.join(cols)} FROM {table}")
            snap[table] = sorted(json.dumps(r, default=str, sort_keys=True) for r in df.to_dict(orient="records"))
        return snap


@pytest.mark.slow
def test_kill_9_halfway_then_rerun_equals_clean_run(tmp_path):
    docs = _many_docs(8)  # 48 documents
    feed = tmp_path / "docs.jsonl"
    feed.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    clean = tmp_path / "clean.duckdb"
    subprocess.run([sys.executable, "-c", CHILD, str(clean), str(feed)], check=True, env=env, capture_output=True)

    killed = tmp_path / "killed.duckdb"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(killed), str(feed)], stdout=subprocess.PIPE,
                             env=env, text=True)
    for _ in range(len(docs) // 2):
        assert child.stdout.readline()
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    with Store(killed, read_only=True) as s:
        stored = s.counts()["articles"] + s.counts()["errors"]
    assert len(docs) // 2 <= stored < len(docs)  # it stopped halfway: all it reported is kept
    subprocess.run([sys.executable, "-c", CHILD, str(killed), str(feed)], check=True, env=env, capture_output=True)
    assert _snapshot(killed) == _snapshot(clean)


# -- the corpus commands ---------------------------------------------------------------


def _write_feed(path: Path) -> Path:
    recs = [
        {"id": "f1", "published": "2022-03-07", "url": "https://example.org/f1",
         "text": "Japan accused Russia of violating its airspace on Monday. Russia denied the claim."},
        {"id": "f2", "published": "2022-03-08", "url": "https://example.org/f2",
         "text": "Russia accused Japan of hostile acts on Tuesday."},
        {"id": "f3", "text": "\u0000\u0001"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs) + "{broken\n", encoding="utf-8")
    return path


def test_cli_ingest_twice_and_query(tmp_path, capsys, pipeline):
    feed = _write_feed(tmp_path / "feed.jsonl")
    db = str(tmp_path / "cli.duckdb")
    assert cli.main(["ingest", str(feed), "--db", db, "--workers", "1"]) == 0
    summary = capsys.readouterr().err
    assert "articles coded" in summary and "errors recorded" in summary
    with Store(db, read_only=True) as s:
        counts = s.counts()
        assert counts["articles"] == 2 and counts["errors"] == 2
        coded = {a.id: a.to_dict() for a in pipeline.code_paths([str(feed)]) if a.ok}
        assert s.article("f1") == coded["f1"]
        assert len(s.events()) == sum(len(d["events"]) for d in coded.values())
    assert cli.main(["ingest", str(feed), "--db", db, "--workers", "1", "--quiet"]) == 0
    with Store(db, read_only=True) as s:
        assert s.counts() == counts

    capsys.readouterr()
    assert cli.main(["events", "--db", db, "--article", "f2", "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines and all(r["article_id"] == "f2" for r in lines)
    assert cli.main(["sql", "--db", db, "SELECT count(*) AS n FROM articles", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "2"]
    assert cli.main(["dyads", "--db", db, "--period", "year", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("source,target,period,events")
    assert cli.main(["quotes", "--db", db, "--format", "csv"]) == 0
    assert cli.main(["actors", "--db", db, "--format", "table"]) == 0
    out = tmp_path / "g.tsv"
    assert cli.main(["export", "--db", db, "--format", "gdelt", "--out", str(out)]) == 0
    with Store(db, read_only=True) as s:
        n_events = len(s.events())
    if n_events:
        assert len(pd.read_csv(out, sep="\t", names=gdelt.column_names())) == n_events
    assert cli.main(["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "csv"), "--table", "articles"]) == 0
    assert pd.read_csv(tmp_path / "csv" / "articles.csv")["article_id"].tolist() == ["f1", "f2"]
    assert cli.main(["export", "--db", db, "--out", str(tmp_path / "pq"), "--table", "nope"]) == 2
    assert cli.main(["sql", "--db", db, "SELEKT nothing"]) == 2
    assert cli.main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2


def test_cli_load_documents_written_by_code(tmp_path, store):
    docs = tmp_path / "coded.jsonl"
    docs.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in corpus()), encoding="utf-8")
    db = tmp_path / "loaded.duckdb"
    assert cli.main(["load", str(docs), "--db", str(db), "--quiet"]) == 0
    store.close()
    assert _snapshot(db) == _snapshot(store.path)  # the same database as ingesting the Article objects


@pytest.mark.gold
@pytest.mark.slow
def test_voa_corpus_ingest_twice_same_counts(shared_dir, tmp_path, pipeline):
    """The VOA corpus ingested twice: the same rows. The first 12 stories by default, all with EVENTWIRE_SLOW=1."""
    from eventwire import parallel
    from eventwire.config import DEFAULT

    parallel._PIPELINES.setdefault(DEFAULT, pipeline)
    voa = shared_dir / "corpora" / "voa" / "voa_stories.jsonl"
    if not os.environ.get("EVENTWIRE_SLOW"):
        lines = voa.read_text(encoding="utf-8").splitlines(keepends=True)[:12]
        voa = tmp_path / "voa12.jsonl"
        voa.write_text("".join(lines), encoding="utf-8")
    n = sum(1 for line in voa.read_text(encoding="utf-8").splitlines() if line.strip())
    db = tmp_path / "voa.duckdb"
    first = parallel.code_corpus([str(voa)], workers=1, db=db)
    assert first.stored.added == n and first.errors == 0
    with Store(db, read_only=True) as s:
        counts = s.counts()
    second = parallel.code_corpus([str(voa)], workers=1, db=db)
    assert second.skipped_inputs == n and second.articles == 0
    third = Store(db)
    with third:  # documents offered again are skipped by content hash too
        again = third.ingest(pipeline.code_paths([str(voa)]))
        assert again.skipped == n and third.counts() == counts
    assert counts["articles"] == n and counts["events"] > 0


@pytest.mark.slow
def test_cli_ingest_killed_then_rerun_equals_clean_run(tmp_path, pipeline):
    """`eventwire ingest` killed with SIGKILL while storing, then rerun, gives the clean run's database."""
    import time

    from eventwire import parallel
    from eventwire.config import DEFAULT

    countries = ["Japan", "Russia", "China", "France", "Brazil", "Kenya", "Canada", "India", "Chile", "Egypt"]
    recs = [{"id": f"k{i:03d}", "published": f"2023-02-{1 + i % 28:02d}",
             "text": f"{countries[i % 10]} accused {countries[(i + 3) % 10]} of blocking shipment number {i} "
                     f"at the border on Monday."} for i in range(80)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    parallel._PIPELINES.setdefault(DEFAULT, pipeline)  # the clean run reuses the loaded pipeline
    clean = tmp_path / "clean.duckdb"
    parallel.code_corpus([str(feed)], workers=1, db=clean)

    killed = tmp_path / "killed.duckdb"
    wal = Path(str(killed) + ".wal")
    cmd = [sys.executable, "-m", "eventwire", "ingest", str(feed), "--db", str(killed), "--workers", "1", "--quiet"]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if wal.exists() and wal.stat().st_size > 200_000:  # articles are being committed
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    with Store(killed, read_only=True) as s:
        assert 0 < s.counts()["articles"] < len(recs)
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    assert _snapshot(killed) == _snapshot(clean)


# -- the analyst's workbench: filters, series, counting, dates ---------------------------------


def test_filter_lists_either_side_and_sectors(store):
    assert rows(store.events(source="USA,RUSGOV"), ["article_id", "type"]) == [("a1", "ACCUSE"), ("a3", "SANCTION")]
    assert rows(store.events(actor="USA"), ["article_id", "type"]) == [("a4", "CONSULT"), ("a3", "SANCTION")]
    assert rows(store.events(sector="GOV"), ["article_id", "source_code"]) == [("a1", "RUSGOV")]
    assert rows(store.events(cameo="16", quad="4"), ["article_id"]) == [("a2",), ("a3",)]
    assert rows(store.events(goldstein_min=-3, goldstein_max=0), ["article_id"]) == [("a6",), ("a1",), ("a2",)]
    assert store.count_events(type="ACCUSE,SANCTION") == 5
    assert store.events(status="claimed").empty and len(store.events(status="asserted")) == 7
    with pytest.raises(FilterError, match="type: 'BANANA' is not a PLOVER event type"):
        store.events(type="BANANA")
    with pytest.raises(FilterError, match="limit"):
        store.events(limit=-5)
    with pytest.raises(FilterError, match="sort"):
        store.events(sort="sentence")


def test_series_by_month_counts_every_event_once(store):
    df = store.series(by="month")
    assert df.attrs["by"] == "month"
    assert rows(df, ["period", "events", "articles", "quad1", "quad2", "quad3", "quad4", "goldstein_total"]) == [
        (D(2022, 1, 1), 1, 1, 0, 0, 1, 0, -2.0),
        (D(2022, 2, 1), 0, 0, 0, 0, 0, 0, None),  # a month without events is a row of zeros
        (D(2022, 3, 1), 5, 3, 1, 0, 3, 1, -15.0),
        (D(2022, 4, 1), 1, 1, 0, 0, 0, 1, -8.0),
    ]
    assert store.series(by="auto").attrs["by"] == "week"  # ten weeks
    assert store.series(by="auto", since="2022-03-01").attrs["by"] == "day"  # under two months
    assert rows(store.series(by="quarter", actor="USA"), ["period", "events"]) == [(D(2022, 1, 1), 1), (D(2022, 4, 1), 1)]
    assert store.series(by="year", since="2030-01-01").empty


def test_quotes_follow_the_event_filters(store):
    assert rows(store.quotes(source="RUS", until="2022-03-10"), ["article_id"]) == [("a1",)]
    assert rows(store.quotes(type="SANCTION"), ["article_id"]) == [("a2",)]  # articles reporting a sanction
    assert store.quotes(actor="JPN").empty


def test_an_event_retold_in_one_article_counts_once(tmp_path):
    lead = "Japan imposed sanctions on Russia's largest bank on Friday."
    retold_para = "Japan imposed the sanctions on Russia after weeks of debate in Tokyo."
    art = _doc("r1", [lead, retold_para, "Russia accused Japan of hostility."], "2022-03-11", None,
               events=[(0, "SANCTION", "163", 4, -8.0, JPN, RUS, "imposed"),
                       (1, "SANCTION", "163", 4, -8.0, JPN, RUS, "imposed"),
                       (2, "ACCUSE", "112", 3, -2.0, RUS, JPN, "accused")])
    with Store(tmp_path / "r.duckdb") as s:
        stats = s.ingest([art])
        assert (stats.events, stats.retold_events, stats.merged_events) == (2, 1, 0)
        ev = s.events()
        assert rows(ev, ["type", "num_mentions", "num_articles"]) == [("SANCTION", 2, 1), ("ACCUSE", 1, 1)]
        assert rows(s.dyads(period="year"), ["source", "target", "events", "articles"]) == [
            ("JPN", "RUS", 1, 1), ("RUS", "JPN", 1, 1)]
        assert len(s.events(article_id="r1")) == 2


def test_event_dates_carry_their_precision(tmp_path):
    art = _doc("d1", ["Japan imposed sanctions on Russia last month.", "Russia accused Japan in 2019."],
               "2022-03-11", None, events=[(0, "SANCTION", "163", 4, -8.0, JPN, RUS, "imposed"),
                                           (1, "ACCUSE", "112", 3, -2.0, RUS, JPN, "accused")])
    art.events[0].date, art.events[0].date_precision, art.events[0].date_text = "2022-02-01", "month", "last month"
    doc = art.to_dict()
    doc["events"][1]["date"] = "2019"  # a document written before dates had a precision
    with Store(tmp_path / "d.duckdb") as s:
        s.ingest([doc])
        assert rows(s.events(), ["event_date", "date", "date_precision", "date_text"]) == [
            ("2019-01-01", D(2019, 1, 1), "year", None), ("2022-02-01", D(2022, 2, 1), "month", "last month")]


def test_a_version_1_database_is_migrated(tmp_path):
    import duckdb

    path = tmp_path / "v1.duckdb"
    with Store(path) as s:
        s.ingest(corpus())
    con = duckdb.connect(str(path))  # make it what version 1 wrote: period dates, retold events kept apart
    con.execute("DROP INDEX events_article")
    con.execute("ALTER TABLE events DROP COLUMN date_precision")
    con.execute("ALTER TABLE events DROP COLUMN date_text")
    con.execute("CREATE INDEX events_article ON events (article_id)")
    con.execute("UPDATE events SET event_date = '2022-W11' WHERE article_id = 'a2' AND type = 'ACCUSE'")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.execute("""INSERT INTO events SELECT * REPLACE (event_id + 1 AS event_id, event_index + 10 AS event_index)
                   FROM events WHERE article_id = 'a3'""")
    con.execute("INSERT INTO event_mentions SELECT event_id, article_id, event_index, NULL FROM events "
                "WHERE article_id = 'a3' AND event_index >= 10")
    con.close()
    with Store(path, read_only=True) as s:  # the queries of the CLI and the server open it read-only
        assert s.version == SCHEMA_VERSION
        a2 = s.events(article_id="a2", type="ACCUSE")
        assert rows(a2, ["event_date", "date", "date_precision"]) == [("2022-03-14", D(2022, 3, 14), "week")]
        a3 = s.events(article_id="a3")
        assert rows(a3, ["type", "num_mentions", "num_articles"]) == [("SANCTION", 2, 1)]
        assert set(s.events()["date_precision"]) == {"day", "week"}


def test_stata_export_has_variable_and_value_labels(store, tmp_path):
    paths = store.export(tmp_path / "dta", "stata", ["events", "actors"])
    assert [p.name for p in paths] == ["events.dta", "actors.dta", "codebook.csv"]
    ev = pd.read_stata(tmp_path / "dta" / "events.dta")
    assert len(ev) == store.counts()["events"]
    assert set(ev["type"].astype(str)) == {"ACCUSE", "REJECT", "REQUEST", "SANCTION", "CONSULT"}
    assert set(ev["quad_class"].astype(str)) >= {"verbal conflict", "material conflict"}
    assert sorted(ev["event_id"].astype(int)) == sorted(store.sql("SELECT event_id FROM events")["event_id"])
    assert pd.api.types.is_datetime64_any_dtype(ev["date"]) and ev["date"].min() == pd.Timestamp("2022-01-20")
    with pd.io.stata.StataReader(tmp_path / "dta" / "events.dta") as reader:
        labels, values = reader.variable_labels(), reader.value_labels()
    assert labels["goldstein"].startswith("Goldstein scale value") and labels["date_precision"]
    assert values["quad_class"] == {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                                    4: "material conflict"}
    assert values["type"][9] == "ACCUSE" and len(values["type"]) == 16
    mentions = pd.read_stata(tmp_path / "dta" / "actors.dta")["mentions"]
    assert json.loads(mentions.iloc[0]) == ["Russia"]
    book = pd.read_csv(tmp_path / "dta" / "codebook.csv")
    row = book[(book["table"] == "events") & (book["column"] == "quad_class")].iloc[0]
    assert row["values"].startswith("1=verbal cooperation")


def test_feather_export_with_codebook(store, tmp_path):
    paths = store.export(tmp_path / "f", "feather", ["events"])
    df = pd.read_feather(paths[0])
    assert len(df) == store.counts()["events"] and {"date", "date_precision", "type"} <= set(df.columns)
    book = pd.read_csv(paths[-1])
    assert set(book["column"]) == set(df.columns) and book["label"].notna().all()


def _fixture_db(tmp_path) -> str:
    db = str(tmp_path / "fixture.duckdb")
    with Store(db) as s:
        s.ingest(corpus())
    return db


def test_cli_series_filters_and_columns(tmp_path, capsys):
    db = _fixture_db(tmp_path)
    assert cli.main(["series", "--db", db, "--by", "month", "--quad", "--format", "csv"]) == 0
    df = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert list(df.columns) == ["period", "events", "articles", "quad1", "quad2", "quad3", "quad4",
                                "goldstein_total", "goldstein_mean"]
    assert df["events"].tolist() == [1, 0, 5, 1]
    assert cli.main(["series", "--db", db, "--by", "year", "--dyad", "JPN:RUS", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["period,events,articles,goldstein_total,goldstein_mean",
                                                    "2022-01-01,2,2,-12.0,-6.0"]
    assert cli.main(["events", "--db", db, "--source", "USA,RUSGOV", "--columns", "article_id,type",
                     "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["article_id,type", "a1,ACCUSE", "a3,SANCTION"]
    assert cli.main(["actors", "--db", db, "--limit", "1", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


@pytest.mark.parametrize("argv, message", [
    (["events", "--type", "BANANA"], "type: 'BANANA' is not a PLOVER event type"),
    (["events", "--limit", "-5"], "--limit: '-5' is not a count"),
    (["events", "--since", "2022-13-45"], "--since: '2022-13-45' is not a date"),
    (["events", "--quad-class", "7"], "quad: '7' is not a quad class"),
    (["events", "--columns", "nope"], "--columns: no column 'nope'"),
    (["series", "--by", "fortnight"], "invalid choice: 'fortnight'"),
    (["series", "--dyad", "RUS"], "--dyad takes SOURCE:TARGET"),
    (["quotes", "--sector", "GOVERNMENT"], "sector: 'GOVERNMENT' is not a three-letter sector code"),
    (["ingest", "x.jsonl", "--published", "11/11/2022"], "--published: '11/11/2022' is not a date"),
])
def test_cli_bad_values_exit_2_with_a_clear_message(tmp_path, capsys, argv, message):
    db = _fixture_db(tmp_path)
    assert cli.main(argv + ["--db", db]) == 2
    assert message in capsys.readouterr().err
