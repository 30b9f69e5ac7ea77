"""Corpus mode: coded articles in a DuckDB database, queried and exported.

A :class:`Store` keeps articles, actors, events and quotes in DuckDB tables
(schema below, versioned by migrations; see ``docs/corpus.md``). The whole output
document of each article is stored as JSON too, so :meth:`Store.article` gives
back exactly what ``eventwire code`` printed.

* **Idempotent.** An article is keyed by a content hash (its id and cleaned
  text); one already stored is skipped. An article stored under the same id with
  other text is replaced.
* **Resumable.** Each article is written in one transaction (all its rows or
  none), so a run killed at any point, even with ``kill -9``, keeps every
  article it committed and no half of any other; rerunning finishes the job.
* **Duplicates.** Near-duplicate articles (the same wire story on several sites)
  are linked to one canonical article (:mod:`eventwire.dedup`). An event of a
  copy that matches an event of its canonical article (same type, source, target
  and date) is counted as a further mention of that event (``num_mentions``,
  ``num_articles``, ``num_sources``: distinct sites), not stored as a new one.
* **Boilerplate.** A paragraph repeated in several distinct articles of one site
  is learned as boilerplate; its events and quotes are flagged and left out of
  queries by default.
* **Errors.** An article that failed to code (or to store) lands in the
  ``errors`` table; it never stops the run.

Every query is parameterised: user input never becomes SQL text.

>>> with Store("corpus.duckdb") as store:                    # doctest: +SKIP
...     stats = store.ingest(Pipeline().code_paths(["feed.jsonl"]))
...     store.events(source="RUS", target="JPN", type="ACCUSE", since="2022-03-01")
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from . import dedup
from .filters import PERIODS, SORT_COLUMNS, EventFilters, FilterError, auto_period, next_period, period_start
from .model import Article, split_code
from .when import parse_published as to_date
from .when import period_date

log = logging.getLogger("eventwire.store")

SCHEMA_VERSION = 2
BOILERPLATE_MIN_ARTICLES = 3  # distinct non-duplicate articles of a site sharing a paragraph
TABLES = ("articles", "actors", "events", "event_mentions", "quotes", "errors", "paragraphs", "boilerplate",
          "minhashes")

# Each migration takes the database from version i to i + 1 (index i of this list).
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE articles (
            article_id VARCHAR NOT NULL,     -- the input's id, or a hash of its text
            seq BIGINT NOT NULL,             -- order of ingest
            content_hash VARCHAR NOT NULL,   -- sha256 of id and cleaned text
            input_key VARCHAR,               -- sha1 of id and raw input (skips re-coding on reruns)
            title VARCHAR, published VARCHAR, date DATE, url VARCHAR, author VARCHAR,
            source VARCHAR, site VARCHAR, language VARCHAR,
            text VARCHAR,
            n_sentences INTEGER, n_events INTEGER, n_quotes INTEGER, n_actors INTEGER,
            canonical_id VARCHAR,            -- the article this one copies (NULL: it is canonical)
            similarity DOUBLE,               -- estimated Jaccard similarity to canonical_id
            doc JSON NOT NULL,               -- the output document, as `eventwire code` writes it
            ingested_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE actors (
            article_id VARCHAR NOT NULL, actor_id INTEGER NOT NULL,
            name VARCHAR, type VARCHAR, code VARCHAR, entity VARCHAR, sector VARCHAR,
            title VARCHAR, mentions VARCHAR[], n_mentions INTEGER)""",
        """CREATE TABLE events (
            event_id BIGINT NOT NULL,        -- stable: a hash of article_id and event_index
            article_id VARCHAR NOT NULL, event_index INTEGER NOT NULL,
            sentence_index INTEGER, sentence_start INTEGER, sentence_end INTEGER,
            type VARCHAR, mode VARCHAR, cameo VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            source_code VARCHAR, source_entity VARCHAR, source_name VARCHAR, source_text VARCHAR,
            source_actor_id INTEGER,
            target_code VARCHAR, target_entity VARCHAR, target_name VARCHAR, target_text VARCHAR,
            target_actor_id INTEGER,
            trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            status VARCHAR, negated BOOLEAN,
            event_date VARCHAR,              -- the event's own date as coded (may be NULL)
            date DATE,                       -- event_date, else the article's publication date
            location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
            sentence VARCHAR, confidence DOUBLE,
            boilerplate BOOLEAN NOT NULL DEFAULT FALSE,
            num_mentions INTEGER NOT NULL DEFAULT 1, num_sources INTEGER NOT NULL DEFAULT 1,
            num_articles INTEGER NOT NULL DEFAULT 1)""",
        """CREATE TABLE event_mentions (
            event_id BIGINT NOT NULL, article_id VARCHAR NOT NULL, event_index INTEGER NOT NULL,
            site VARCHAR)""",
        """CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, quote_index INTEGER NOT NULL,
            text VARCHAR, kind VARCHAR, cue VARCHAR,
            speaker_text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR, speaker_actor_id INTEGER,
            sentence VARCHAR, sentence_index INTEGER, quote_start INTEGER, quote_end INTEGER,
            boilerplate BOOLEAN NOT NULL DEFAULT FALSE)""",
        """CREATE TABLE errors (
            article_id VARCHAR, source VARCHAR, kind VARCHAR NOT NULL, message VARCHAR,
            input_key VARCHAR, seen_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE paragraphs (
            article_id VARCHAR NOT NULL, para_index INTEGER NOT NULL, site VARCHAR NOT NULL,
            para_hash VARCHAR NOT NULL, para_start INTEGER, para_end INTEGER)""",
        """CREATE TABLE boilerplate (
            site VARCHAR NOT NULL, para_hash VARCHAR NOT NULL, text VARCHAR)""",
        """CREATE TABLE minhashes (article_id VARCHAR NOT NULL, hashvalues BLOB NOT NULL)""",
        "CREATE INDEX articles_id ON articles (article_id)",
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE INDEX mentions_article ON event_mentions (article_id)",
        "CREATE INDEX paragraphs_hash ON paragraphs (site, para_hash)",
    ],
    [   # 2: dates a statistics package reads (YYYY-MM-DD + precision), retold events counted once
        "ALTER TABLE events ADD COLUMN date_precision VARCHAR",
        "ALTER TABLE events ADD COLUMN date_text VARCHAR",
        lambda con: _migrate_event_dates(con),
        lambda con: _merge_retold_events(con),
    ],
]

EVENT_COLUMNS = (
    "event_id", "article_id", "event_index", "sentence_index", "type", "mode", "cameo", "quad_class", "goldstein",
    "source_code", "source_name", "source_text", "target_code", "target_name", "target_text",
    "trigger", "trigger_start", "trigger_end", "status", "negated", "event_date", "date", "date_precision",
    "date_text", "location_name", "location_country", "lat", "lon", "sentence", "confidence",
    "num_mentions", "num_sources", "num_articles",
)
#: The columns of :meth:`Store.series`.
SERIES_COLUMNS = ("period", "events", "articles", "quad1", "quad2", "quad3", "quad4", "goldstein_total",
                  "goldstein_mean")
QUOTE_COLUMNS = ("article_id", "quote_index", "speaker_name", "speaker_code", "speaker_text", "kind", "cue", "text",
                 "sentence_index", "sentence", "quote_start", "quote_end")
ARTICLE_COLUMNS = ("article_id", "seq", "title", "published", "date", "url", "site", "source", "author",
                   "n_sentences", "n_events", "n_quotes", "n_actors", "canonical_id", "similarity", "ingested_at")


class StoreError(Exception):
    """The database cannot be used (not an eventwire store, newer schema, bad query argument)."""


@dataclass
class IngestStats:
    """What one ingest did."""

    seen: int = 0          # articles offered
    added: int = 0         # stored new
    replaced: int = 0      # stored over an older version with the same id
    skipped: int = 0       # already stored with the same content
    duplicates: int = 0    # of the stored ones, near-duplicates of an earlier article
    errors: int = 0        # failed to code or to store (see the errors table)
    events: int = 0        # new event rows
    merged_events: int = 0  # events of duplicates counted as mentions of canonical events
    retold_events: int = 0  # events told again in a later sentence of the same article, counted once
    quotes: int = 0
    actors: int = 0
    boilerplate: int = 0   # paragraphs newly learned as boilerplate
    seconds: float = 0.0

    def add(self, other: "IngestStats") -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- helpers ------------------------------------------------------------------


def content_hash(article_id: str, text: str) -> str:
    """The key of an article's content: its id and cleaned text."""
    return hashlib.sha256(f"{article_id}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def input_key(article: Article) -> str | None:
    """The key of an article's raw input (before coding); ``None`` when the raw text is gone."""
    if not article.raw:
        return None
    return hashlib.sha1(f"{article.id}\0{article.raw}".encode("utf-8", "surrogatepass")).hexdigest()


def event_id(article_id: str, index: int) -> int:
    """A stable 53-bit integer id for an article's ``index``-th event: exact as a JSON
    number in JavaScript (at most 2**53 - 1)."""
    digest = hashlib.sha1(f"{article_id}:{index}".encode("utf-8", "surrogatepass")).hexdigest()
    return int(digest[:14], 16) >> 3


def _ref(ref: dict | None, key: str) -> Any:
    return ref.get(key) if ref else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


# -- rows from one document ---------------------------------------------------


def article_rows(doc: dict) -> dict[str, list[dict]]:
    """The normalised rows of one coded document (no dedup applied)."""
    aid = doc["id"]
    published = to_date(doc.get("published"))
    actors = [{
        "article_id": aid, "actor_id": a.get("id", i), "name": a.get("name"), "type": a.get("type"),
        "code": a.get("code"), "entity": split_code(a.get("code"))[0], "sector": split_code(a.get("code"))[1],
        "title": a.get("title"), "mentions": list(a.get("mentions") or []), "n_mentions": len(a.get("spans") or []),
    } for i, a in enumerate(doc.get("actors") or [])]
    events = []
    for i, e in enumerate(doc.get("events") or []):
        src, tgt, loc = e.get("source"), e.get("target"), e.get("location") or {}
        events.append({
            "event_id": event_id(aid, i), "article_id": aid, "event_index": i,
            "sentence_index": e.get("sentence_index"), "sentence_start": e.get("sentence_start"),
            "sentence_end": e.get("sentence_end"), "type": e.get("type"), "mode": e.get("mode"),
            "cameo": e.get("cameo"), "quad_class": e.get("quad_class"), "goldstein": e.get("goldstein"),
            "source_code": _ref(src, "code"), "source_entity": split_code(_ref(src, "code"))[0],
            "source_name": _ref(src, "name"), "source_text": _ref(src, "text"), "source_actor_id": _ref(src, "actor_id"),
            "target_code": _ref(tgt, "code"), "target_entity": split_code(_ref(tgt, "code"))[0],
            "target_name": _ref(tgt, "name"), "target_text": _ref(tgt, "text"), "target_actor_id": _ref(tgt, "actor_id"),
            "trigger": e.get("trigger"), "trigger_start": e.get("trigger_start"), "trigger_end": e.get("trigger_end"),
            "status": e.get("status"), "negated": bool(e.get("negated")),
            **_event_date(e, published),
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "lat": loc.get("lat"), "lon": loc.get("lon"),
            "sentence": e.get("sentence"), "confidence": e.get("confidence"),
            "boilerplate": False, "num_mentions": 1, "num_sources": 1, "num_articles": 1,
        })
    quotes = [{
        "article_id": aid, "quote_index": i, "text": q.get("text"), "kind": q.get("kind"), "cue": q.get("cue"),
        "speaker_text": _ref(q.get("speaker"), "text"), "speaker_name": _ref(q.get("speaker"), "name"),
        "speaker_code": _ref(q.get("speaker"), "code"), "speaker_actor_id": _ref(q.get("speaker"), "actor_id"),
        "sentence": q.get("sentence"), "sentence_index": q.get("sentence_index"),
        "quote_start": q.get("start"), "quote_end": q.get("end"), "boilerplate": False,
    } for i, q in enumerate(doc.get("quotes") or [])]
    return {"actors": actors, "events": events, "quotes": quotes}


def _event_date(event: dict, published: dt.date | None) -> dict:
    """An event's date columns: ``event_date`` (as coded, always YYYY-MM-DD), ``date`` (that day, else
    the article's publication date), ``date_precision`` and ``date_text``. Documents written before
    dates carried a precision (``2024-12``, ``2025-W11``, ``2019``) are read the same way."""
    found = period_date(event.get("date"))
    if found is None:
        return {"event_date": None, "date": published, "date_precision": "day" if published else None,
                "date_text": None}
    precision = event.get("date_precision") or found[1]
    return {"event_date": found[0], "date": dt.date.fromisoformat(found[0]), "date_precision": precision,
            "date_text": event.get("date_text")}


def event_key(row: dict) -> tuple:
    """What makes two events the same event: in two sentences of one article (a standfirst
    retelling its lead), or in copies of one story."""
    return (row["type"], row["source_code"], row["target_code"], row["event_date"])


def retold(events: list[dict]) -> tuple[list[dict], list[tuple[dict, dict]]]:
    """An article's events split into the first telling of each and the later retellings,
    each paired with the event it retells."""
    first: dict[tuple, dict] = {}
    again = []
    for row in events:
        key = event_key(row)
        if key in first:
            again.append((row, first[key]))
        else:
            first[key] = row
    return list(first.values()), again


# -- the store ----------------------------------------------------------------


class Store:
    """An eventwire corpus in a DuckDB file (``":memory:"`` for a throwaway one).

    Use it as a context manager, or call :meth:`close`. Query methods are safe to
    call from several threads (each runs on its own cursor); writes are
    serialised. A read-only store can be opened by many processes at once.
    """

    def __init__(self, path: str | Path, read_only: bool = False, *, init: bool = False,
                 external_access: bool = True):
        """Open (or, writable, create) a store.

        A writable store adds its tables only to a new or empty DuckDB file, or to
        one that already is an eventwire store; ``init=True`` adds them to a file
        that holds other tables. ``external_access=False`` turns off DuckDB's
        access to files and the network (``COPY``, ``read_csv``, ``ATTACH``...):
        queries can then read the store's tables and nothing else.
        """
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no such database: {self.path}")
        config = {} if external_access else {"enable_external_access": "false"}
        try:
            self._con = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.Error as err:
            raise StoreError(_open_problem(self.path, err)) from None
        self._lock = threading.RLock()  # one writer at a time
        self._cursor_lock = threading.Lock()
        self._index: dedup.DuplicateIndex | None = None
        self._seq: int | None = None
        self._columns: dict[str, list[str]] = {}
        self._paragraphs: tuple[dict[tuple[str, str], int], set[tuple[str, str]]] | None = None
        try:
            if read_only:
                self._check_version()
                if self.version < SCHEMA_VERSION:
                    self._upgrade(config)
            else:
                self._migrate(init)
        except (duckdb.Error, StoreError) as err:
            self.close()
            if isinstance(err, StoreError):
                raise
            raise StoreError(f"{self.path} cannot be read: the file is damaged or is not an eventwire store "
                             f"({_first_line(err)})") from None

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> "Store":
        return cls(path, read_only=read_only)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            con, self._con = self._con, None
            try:
                con.close()
            except duckdb.Error as err:
                if not self.read_only:
                    raise StoreError(f"cannot finish writing {self.path}: {_first_line(err)}; what was committed "
                                     "is kept, rerun to finish") from None

    # -- schema ----------------------------------------------------------------

    @property
    def version(self) -> int:
        """The schema version of the database (0 for an empty file)."""
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        if not row:
            return 0
        try:
            return int(row[0])
        except (TypeError, ValueError):
            raise StoreError(f"{self.path} has a schema version of {str(row[0])[:40]!r}, not a number: "
                             "it is damaged or not an eventwire store") from None

    def _user_tables(self) -> list[str]:
        return [r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "ORDER BY table_name").fetchall()]

    def _check_version(self) -> None:
        version = self.version
        if version == 0:
            raise StoreError(f"{self.path} is not an eventwire database (no schema version)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this eventwire reads up to {SCHEMA_VERSION}")
        missing = [t for t in TABLES if t not in self._user_tables()]
        if missing:
            raise StoreError(f"{self.path} is damaged: table(s) {', '.join(missing)} are missing")

    def _upgrade(self, config: dict) -> None:
        """A read-only open of a database of an older schema: migrate it once, then read it."""
        old = self.version
        self._con.close()
        try:
            self._con = duckdb.connect(self.path)
            self._migrate()
        except duckdb.Error as err:
            raise StoreError(f"{self.path} was written by an older eventwire (schema version {old}) and could not "
                             f"be upgraded to version {SCHEMA_VERSION} ({type(err).__name__}): close the program "
                             f"that is writing to it, then query it again") from None
        finally:
            if self._con is not None:
                self._con.close()
        self._con = duckdb.connect(self.path, read_only=True, config=config)

    def _migrate(self, init: bool = False) -> None:
        con = self._con
        tables = self._user_tables()
        if "meta" not in tables and tables and not init:
            raise StoreError(f"{self.path} is a DuckDB database but not an eventwire store (it holds "
                             f"{', '.join(tables[:5])}{' ...' if len(tables) > 5 else ''}); use another file, "
                             "or pass --init to add eventwire's tables to it")
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        version = self.version
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this eventwire reads up to {SCHEMA_VERSION}")
        if version == 0 and set(TABLES) & set(tables) and not init:
            raise StoreError(f"{self.path} is damaged: it has eventwire tables but no schema version")
        for target in range(version, SCHEMA_VERSION):
            con.begin()
            try:
                for statement in MIGRATIONS[target]:
                    statement(con) if callable(statement) else con.execute(statement)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target + 1)])
                con.commit()
            except Exception:
                con.rollback()
                raise
        if version:
            self._check_version()

    # -- ingest ----------------------------------------------------------------

    def known_inputs(self) -> set[str]:
        """The raw-input keys of the stored articles (see :func:`input_key`)."""
        cur = self._cursor()
        try:
            rows = cur.execute("SELECT input_key FROM articles WHERE input_key IS NOT NULL").fetchall()
        finally:
            cur.close()
        return {r[0] for r in rows}

    def ingest(self, articles: Iterable[Article | dict], *,
               on_article: Callable[[dict, str], None] | None = None) -> IngestStats:
        """Store coded articles (or their output documents); one transaction per article.

        ``on_article(doc, outcome)`` is called after each, with outcome one of
        ``added``, ``replaced``, ``duplicate``, ``skipped``, ``error``.
        """
        stats = IngestStats()
        started = time.perf_counter()
        for item in articles:
            doc, key = (item.to_dict(), input_key(item)) if isinstance(item, Article) else (item, None)
            outcome = self.ingest_doc(doc, key, stats)
            if on_article is not None:
                on_article(doc, outcome)
        stats.seconds += time.perf_counter() - started
        return stats

    def ingest_doc(self, doc: dict, key: str | None = None, stats: IngestStats | None = None) -> str:
        """Store one output document in its own transaction; returns the outcome."""
        stats = stats if stats is not None else IngestStats()
        stats.seen += 1
        if self.read_only:
            raise StoreError("the store is open read-only")
        with self._lock:
            try:
                if doc.get("error") is not None or "text" not in doc:
                    self._store_error(doc, key)
                    stats.errors += 1
                    return "error"
                try:
                    return self._store_article(doc, key, stats)
                except Exception as err:  # noqa: BLE001 - one article must not stop the run
                    if _fatal(err):
                        raise
                    log.warning("could not store %s: %s", doc.get("id"), err)
                    self._rollback()
                    self._store_error({"id": doc.get("id"), "source": doc.get("source"),
                                       "error": {"kind": "store", "message": f"{type(err).__name__}: {err}"}}, key)
                    stats.errors += 1
                    return "error"
            except Exception as err:
                if not _fatal(err):
                    raise
                self._rollback()
                raise StoreError(f"cannot write to {self.path}: {_first_line(err)}. The run stopped; every article "
                                 "stored before is kept and none is half stored. Free some space (or fix the "
                                 "disk) and rerun to finish.") from None

    def _rollback(self) -> None:
        try:
            self._con.rollback()
        except duckdb.Error:
            pass
        self._index = None  # rebuilt from the committed state on next use
        self._seq = None
        self._paragraphs = None

    def _store_error(self, doc: dict, key: str | None) -> None:
        err = doc.get("error") or {"kind": "bad_document", "message": "the document has no text"}
        con = self._con
        con.begin()
        con.execute("DELETE FROM errors WHERE article_id IS NOT DISTINCT FROM ? AND source IS NOT DISTINCT FROM ?",
                    [doc.get("id"), doc.get("source")])
        con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?)",
                    [doc.get("id"), doc.get("source"), err.get("kind"), err.get("message"), key, _now()])
        con.commit()

    def _duplicates(self) -> dedup.DuplicateIndex:
        if self._index is None:
            index = dedup.DuplicateIndex()
            rows = self._con.execute(
                "SELECT m.article_id, m.hashvalues, a.canonical_id FROM minhashes m "
                "JOIN articles a USING (article_id) ORDER BY a.seq").fetchall()
            for aid, blob, canonical in rows:
                index.add(aid, dedup.from_bytes(blob), canonical)
            self._index = index
        return self._index

    def _next_seq(self) -> int:
        if self._seq is None:
            self._seq = self._con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        self._seq += 1
        return self._seq

    def _store_article(self, doc: dict, key: str | None, stats: IngestStats) -> str:
        con = self._con
        aid = str(doc["id"])
        text = doc.get("text") or ""
        chash = content_hash(aid, text)
        old = con.execute("SELECT content_hash FROM articles WHERE article_id = ?", [aid]).fetchone()
        if old and old[0] == chash:
            stats.skipped += 1
            return "skipped"
        index = self._duplicates()
        sig = dedup.signature(text)
        con.begin()
        if old:
            self._delete_article(aid)
            index.remove(aid)
            self._paragraphs = None
        match = index.find(sig, exclude=aid) if sig is not None else None
        site = dedup.site_of(doc.get("url"), doc.get("metadata"))
        rows = article_rows(doc)
        canonical = match.canonical_id if match else None
        paras = list(dedup.paragraphs(text, doc.get("sentences")))
        self._mark_known_boilerplate(rows, paras, site or "")
        con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, self._next_seq(), chash, key, doc.get("title"), doc.get("published"), to_date(doc.get("published")),
             doc.get("url"), doc.get("author"), doc.get("source"), site, doc.get("language"), text,
             len(doc.get("sentences") or []), len(rows["events"]), len(rows["quotes"]), len(rows["actors"]),
             canonical, match.similarity if match else None, json.dumps(doc, ensure_ascii=False), _now()])
        self._insert("actors", rows["actors"])
        self._insert("quotes", rows["quotes"])
        unique, retellings = retold(rows["events"])
        new_events, merged = self._place_events(unique, canonical, site)
        final = {e["event_index"]: e["event_id"] for e in new_events} | {m["event_index"]: m["event_id"]
                                                                            for m in merged}
        merged += [{"event_id": final[first["event_index"]], "article_id": aid, "event_index": row["event_index"],
                    "site": site} for row, first in retellings]
        self._insert("events", new_events)
        self._insert("event_mentions", [{"event_id": e["event_id"], "article_id": aid, "event_index": e["event_index"],
                                         "site": site} for e in new_events] + merged)
        if merged:
            self._recount([m["event_id"] for m in merged])
        if sig is not None:
            con.execute("INSERT INTO minhashes VALUES (?, ?)", [aid, dedup.to_bytes(sig)])
        learned = self._learn_boilerplate(aid, paras, site or "", is_copy=canonical is not None)
        con.execute("DELETE FROM errors WHERE article_id = ?", [aid])
        con.commit()
        if sig is not None:
            index.add(aid, sig, canonical)
        stats.events += len(new_events)
        stats.merged_events += len(merged) - len(retellings)
        stats.retold_events += len(retellings)
        stats.quotes += len(rows["quotes"])
        stats.actors += len(rows["actors"])
        stats.boilerplate += learned
        if canonical:
            stats.duplicates += 1
        if old:
            stats.replaced += 1
            return "replaced"
        stats.added += 1
        return "duplicate" if canonical else "added"

    def _place_events(self, events: list[dict], canonical: str | None, site: str | None) -> tuple[list[dict], list[dict]]:
        """Split a copy's events into new rows and mentions of its canonical article's events."""
        if not canonical or not events:
            return events, []
        pool: dict[tuple, list[int]] = {}
        for eid, typ, src, tgt, date in self._con.execute(
                "SELECT event_id, type, source_code, target_code, event_date FROM events "
                "WHERE article_id = ? ORDER BY event_index", [canonical]).fetchall():
            pool.setdefault((typ, src, tgt, date), []).append(eid)
        new, merged = [], []
        for row in events:
            ids = pool.get(event_key(row))
            if ids:
                merged.append({"event_id": ids.pop(0), "article_id": row["article_id"],
                               "event_index": row["event_index"], "site": site})
            else:
                new.append(row)
        return new, merged

    def _recount(self, event_ids: list[int]) -> None:
        _recount(self._con, event_ids)

    def _mark_known_boilerplate(self, rows: dict[str, list[dict]], paras: list[dedup.Paragraph], site: str) -> None:
        """Flag the events and quotes that an article reads from its site's known boilerplate."""
        _, known = self._paragraph_state()
        spans = [(p.start, p.end) for p in paras if (site, p.hash) in known]
        if not spans:
            return
        for table, start in (("events", "sentence_start"), ("quotes", "quote_start")):
            for row in rows[table]:
                pos = row.get(start)
                if pos is not None and any(a <= pos < b for a, b in spans):
                    row["boilerplate"] = True

    def _learn_boilerplate(self, aid: str, paras: list[dedup.Paragraph], site: str, *, is_copy: bool) -> int:
        """Record the article's paragraphs; learn those now shared by enough articles of its site.

        A newly learned paragraph flags the events and quotes read from it in every
        article of the site, this one included.
        """
        if not paras:
            return 0
        counts, known = self._paragraph_state()  # as before this article's paragraphs
        self._insert("paragraphs", [{"article_id": aid, "para_index": p.index, "site": site, "para_hash": p.hash,
                                     "para_start": p.start, "para_end": p.end} for p in paras])
        if is_copy:
            return 0
        texts = {p.hash: p.text for p in paras}
        learned = 0
        for digest in dedup.unique(p.hash for p in paras):
            key = (site, digest)
            if key in known:
                continue
            counts[key] = counts.get(key, 0) + 1
            if counts[key] >= BOILERPLATE_MIN_ARTICLES:
                self._con.execute("INSERT INTO boilerplate VALUES (?, ?, ?)", [site, digest, texts[digest]])
                self._flag_boilerplate(site, digest)
                known.add(key)
                learned += 1
        return learned

    def _paragraph_state(self) -> tuple[dict[tuple[str, str], int], set[tuple[str, str]]]:
        """Per (site, paragraph hash): how many canonical articles hold it; and the learned ones."""
        if self._paragraphs is None:
            rows = self._con.execute(
                """SELECT p.site, p.para_hash, count(DISTINCT p.article_id) FROM paragraphs p
                   JOIN articles a USING (article_id) WHERE a.canonical_id IS NULL GROUP BY ALL""").fetchall()
            known = {(site, digest) for site, digest in self._con.execute(
                "SELECT site, para_hash FROM boilerplate").fetchall()}
            self._paragraphs = ({(site, digest): n for site, digest, n in rows}, known)
        return self._paragraphs

    def _flag_boilerplate(self, site: str, digest: str) -> None:
        """Flag the events and quotes read from a newly learned boilerplate paragraph, in all articles."""
        for table, start in (("events", "sentence_start"), ("quotes", "quote_start")):
            self._con.execute(
                f"""UPDATE {table} SET boilerplate = TRUE
                    FROM paragraphs p WHERE p.site = ? AND p.para_hash = ? AND p.article_id = {table}.article_id
                      AND {table}.{start} >= p.para_start AND {table}.{start} < p.para_end""",
                [site, digest])

    def _delete_article(self, aid: str) -> None:
        con = self._con
        gone = [r[0] for r in con.execute("SELECT event_id FROM events WHERE article_id = ?", [aid]).fetchall()]
        touched = [r[0] for r in con.execute("SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?",
                                              [aid]).fetchall()]
        for table in ("articles", "actors", "events", "event_mentions", "quotes", "paragraphs", "minhashes"):
            con.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
        if gone:
            con.execute("DELETE FROM event_mentions WHERE list_contains(?, event_id)", [gone])
        rest = sorted(set(touched) - set(gone))
        if rest:
            self._recount(rest)

    def _insert(self, table: str, rows: list[dict]) -> None:
        """Insert rows (dicts keyed by column) in one statement, through Arrow."""
        if not rows:
            return
        import pyarrow as pa

        cols = self._table_columns(table)
        try:
            data = pa.Table.from_pydict({c: [r.get(c) for r in rows] for c in cols})
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types in a column: row by row
            self._con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in cols)})",
                                  [[r.get(c) for c in cols] for r in rows])
            return
        self._con.register("_eventwire_rows", data)
        try:
            self._con.execute(f"INSERT INTO {table} SELECT * FROM _eventwire_rows")
        finally:
            self._con.unregister("_eventwire_rows")

    def _table_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            rows = self._con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                     "ORDER BY ordinal_position", [table]).fetchall()
            self._columns[table] = [r[0] for r in rows]
        return self._columns[table]

    # -- queries ---------------------------------------------------------------

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own for one query (DuckDB connections are not shared between threads)."""
        with self._cursor_lock:
            if self._con is None:
                raise StoreError("the store is closed")
            return self._con.cursor()

    def _frame(self, query: str, params: list | dict | None = None) -> pd.DataFrame:
        cur = self._cursor()
        try:
            result = cur.execute(query, params or [])
            dates = [d[0] for d in result.description or () if str(d[1]) == "DATE"]
            df = result.df()
        except (duckdb.IOException, duckdb.InternalException, duckdb.FatalException) as err:
            raise StoreError(f"{self.path} cannot be read: the file is damaged ({_first_line(err)})") from None
        finally:
            cur.close()
        for col in dates:  # DATE columns as datetime.date, not midnight timestamps
            if col in df.columns:
                df[col] = [None if pd.isna(v) else v.date() for v in df[col]]
        return df

    @staticmethod
    def _filters(filters: dict[str, Any], boilerplate: bool = False, alias: str = "e") -> tuple[list[str], list]:
        """The SQL conditions of the event filters (checked: :class:`~eventwire.filters.FilterError`)."""
        where, params = EventFilters.parse(**filters).where(alias)
        if not boilerplate:
            where.insert(0, f"NOT {alias}.boilerplate")
        return where, params

    def events(self, limit: int | None = None, *, offset: int | None = None, sort: str | None = None,
               order: str = "asc", boilerplate: bool = False, **filters: Any) -> pd.DataFrame:
        """Events, filtered by any of :class:`~eventwire.filters.EventFilters` (``actor``, ``source``,
        ``target``, ``sector``, ``type``, ``cameo``, ``quad``, ``goldstein_min``/``max``, ``status``,
        ``confidence_min``, ``place``, ``since``, ``until``, ``article_id``).

        Codes match by prefix (``RUS`` matches ``RUSGOV``); a comma list (or a list)
        matches any of its codes. ``since``/``until`` bound ``date`` (the event's
        date, else its article's), both inclusive. With ``article_id``, the events
        that article reports, including the canonical events a duplicate article was
        merged into. Events read from boilerplate paragraphs are left out unless
        ``boilerplate``. ``sort`` (one of :data:`SORT_COLUMNS`) and ``order``
        (``asc``/``desc``) order the rows, ``limit``/``offset`` page through them.
        A bad value raises :class:`~eventwire.filters.FilterError` (a ``ValueError``).
        """
        where, params = self._filters(filters, boilerplate)
        tail = "e.date NULLS LAST, e.article_id, e.event_index"
        if sort is not None:
            if sort not in SORT_COLUMNS:
                raise FilterError("sort", f"cannot sort by {sort!r}; columns: {', '.join(SORT_COLUMNS)}")
            if order not in ("asc", "desc"):
                raise FilterError("order", f"{order!r} is not an order; asc or desc")
            tail = f"e.{sort} {order.upper()} NULLS LAST, " + tail
        query = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e"
                 + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY " + tail)
        query, params = _limit(query, params, limit, offset)
        return self._frame(query, params)

    def count_events(self, *, boilerplate: bool = False, **filters: Any) -> int:
        """How many events the filters of :meth:`events` select (all pages)."""
        where, params = self._filters(filters, boilerplate)
        frame = self._frame("SELECT count(*) AS n FROM events e" + (" WHERE " + " AND ".join(where) if where else ""),
                            params)
        return int(frame["n"][0])

    def series(self, by: str = "month", **filters: Any) -> pd.DataFrame:
        """The standard event-data series: per period, ``events`` (distinct events), ``articles``
        (distinct articles reporting them), ``quad1``..``quad4`` (events per quad class),
        ``goldstein_total`` and ``goldstein_mean``.

        ``by``: ``day``, ``week`` (from Monday), ``month``, ``quarter``, ``year``, or
        ``auto`` (days for under two months, weeks up to about a year, months up to ten years, else years);
        the period used is in ``frame.attrs["by"]``. ``period`` is the period's first
        day; periods with no event between the first and last are rows of zeros.
        Every event counts, whether or not its target is coded. Filters as :meth:`events`.
        """
        if by not in PERIODS + ("auto",):
            raise FilterError("by", f"{by!r} is not a period; periods: {', '.join(PERIODS)}, auto")
        where, params = self._filters(filters)
        where.append("e.date IS NOT NULL")
        cond = " AND ".join(where)
        if by == "auto":
            span = self._frame(f"SELECT min(e.date) AS first, max(e.date) AS last FROM events e WHERE {cond}", params)
            by = auto_period(span["first"][0], span["last"][0])
        quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS quad{q}" for q in range(1, 5))
        query = f"""
            WITH p AS (SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, e.event_id, e.quad_class, e.goldstein
                       FROM events e WHERE {cond}),
                 ev AS (SELECT period, count(*) AS events, {quads}, round(sum(goldstein), 4) AS goldstein_total,
                               round(avg(goldstein), 4) AS goldstein_mean FROM p GROUP BY period),
                 ar AS (SELECT p.period, count(DISTINCT m.article_id) AS articles
                        FROM p JOIN event_mentions m USING (event_id) GROUP BY p.period)
            SELECT ev.period, ev.events, coalesce(ar.articles, 0) AS articles, quad1, quad2, quad3, quad4,
                   goldstein_total, goldstein_mean
            FROM ev LEFT JOIN ar USING (period) ORDER BY ev.period"""
        frame = _fill_periods(self._frame(query, [by] + params), by)
        frame.attrs["by"] = by
        return frame

    def dyads(self, period: str = "week", *, level: str = "entity", **filters: Any) -> pd.DataFrame:
        """Event counts and mean Goldstein value by (source, target) pair and period.

        ``level="entity"`` groups codes by their entity (``RUSGOV`` and ``RUS`` as
        ``RUS``); ``"code"`` keeps full codes. ``period`` is the start of the day,
        week (Monday), month, quarter or year. ``events`` counts distinct events,
        ``articles`` the distinct articles reporting them. Events with no coded
        target are rows with ``target`` null. Filters as :meth:`events`.
        """
        if period not in PERIODS:
            raise FilterError("period", f"{period!r} is not a period; periods: {', '.join(PERIODS)}")
        if level not in ("entity", "code"):
            raise FilterError("level", f"{level!r} is not a level; entity or code")
        src, tgt = ("e.source_entity", "e.target_entity") if level == "entity" else ("e.source_code", "e.target_code")
        where, params = self._filters(filters)
        where.append("e.date IS NOT NULL")
        query = f"""
            WITH p AS (SELECT e.event_id, {src} AS source, {tgt} AS target,
                              CAST(date_trunc(?, e.date) AS DATE) AS period, e.goldstein
                       FROM events e WHERE {' AND '.join(where)}),
                 ev AS (SELECT source, target, period, count(*) AS events, avg(goldstein) AS mean_goldstein
                        FROM p GROUP BY ALL),
                 ar AS (SELECT p.source, p.target, p.period, count(DISTINCT m.article_id) AS articles
                        FROM p JOIN event_mentions m USING (event_id) GROUP BY ALL)
            SELECT ev.source, ev.target, ev.period, ev.events, coalesce(ar.articles, 0) AS articles,
                   ev.mean_goldstein
            FROM ev LEFT JOIN ar ON ev.source IS NOT DISTINCT FROM ar.source
                 AND ev.target IS NOT DISTINCT FROM ar.target AND ev.period = ar.period
            ORDER BY ev.period, ev.events DESC, ev.source NULLS LAST, ev.target NULLS LAST"""
        return self._frame(query, [period] + params)

    def places(self, **filters: Any) -> pd.DataFrame:
        """Events per country of the event's place: ``country`` (ISO3), ``name``, ``lat``/``lon``
        (the capital's, else the mean of the events' places; for a map) and ``events``. Events with no place are left out.
        Filters as :meth:`events`."""
        from .places import country_point

        where, params = self._filters(filters)
        where.append("e.location_country IS NOT NULL")
        frame = self._frame(f"SELECT e.location_country AS country, count(*) AS events, avg(e.lat) AS lat, "
                            f"avg(e.lon) AS lon FROM events e WHERE {' AND '.join(where)} "
                            "GROUP BY 1 ORDER BY events DESC, country", params)
        points = [country_point(c) for c in frame["country"]]
        lat, lon = frame.pop("lat"), frame.pop("lon")  # the mean of the events' places where no capital is known
        frame.insert(1, "name", [p[0] for p in points])
        frame.insert(2, "lat", [p[1] if p[1] is not None else (None if pd.isna(a) else round(a, 5))
                                for p, a in zip(points, lat)])
        frame.insert(3, "lon", [p[2] if p[2] is not None else (None if pd.isna(o) else round(o, 5))
                                for p, o in zip(points, lon)])
        return frame

    def quotes(self, speaker: str | None = None, limit: int | None = None, *, offset: int | None = None,
               duplicates: bool = False, boilerplate: bool = False, **filters: Any) -> pd.DataFrame:
        """Quotes; ``speaker`` matches part of the speaker's name or words, any case.

        The event filters apply too: ``actor`` and ``source`` match the speaker's
        code (by prefix), ``since``/``until`` the article's date, ``article_id`` the
        article; every other filter (``type``, ``target``, ``sector``, ``quad``, ...)
        keeps the quotes of articles that report at least one event matching those
        other filters. Quotes of duplicate articles (copies of a stored story) are
        left out unless ``duplicates`` or an ``article_id`` is given.
        """
        f = EventFilters.parse(**filters)
        where: list[str] = []
        params: list = []
        if not boilerplate:
            where.append("NOT q.boilerplate")
        if speaker:
            where.append("(contains(lower(q.speaker_name), lower(?)) OR contains(lower(q.speaker_text), lower(?)))")
            params += [speaker, speaker]
        for codes in (f.actor, f.source):
            if codes:
                where.append("(" + " OR ".join("starts_with(q.speaker_code, ?)" for _ in codes) + ")")
                params += list(codes)
        if f.since is not None:
            where.append("a.date >= ?")
            params.append(f.since)
        if f.until is not None:
            where.append("a.date <= ?")
            params.append(f.until)
        if f.article_id is not None:
            where.append("q.article_id = ?")
            params.append(f.article_id)
        elif not duplicates:
            where.append("a.canonical_id IS NULL")
        rest = f.without("actor", "source", "since", "until", "article_id")
        if rest:
            sub, sub_params = rest.where("e")
            where.append("q.article_id IN (SELECT m.article_id FROM events e JOIN event_mentions m USING (event_id) "
                         f"WHERE NOT e.boilerplate AND {' AND '.join(sub)})")
            params += sub_params
        query = (f"SELECT {', '.join('q.' + c for c in QUOTE_COLUMNS)}, a.published, a.date, a.title, a.url "
                 "FROM quotes q JOIN articles a USING (article_id)"
                 + (" WHERE " + " AND ".join(where) if where else "")
                 + " ORDER BY a.date NULLS LAST, q.article_id, q.quote_index")
        query, params = _limit(query, params, limit, offset)
        return self._frame(query, params)

    def actors(self, code: str | None = None, name: str | None = None, *, duplicates: bool = False) -> pd.DataFrame:
        """The corpus's actors: one row per (name, code, type), with counts.

        ``code`` matches a code prefix, ``name`` part of the name (any case).
        ``articles`` counts the articles naming the actor, ``mentions`` its
        mentions, ``first_seen``/``last_seen`` the publication dates.
        """
        where, params = [], []
        if code:
            where.append("starts_with(x.code, ?)")
            params.append(code.upper())
        if name:
            where.append("contains(lower(x.name), lower(?))")
            params.append(name)
        if not duplicates:
            where.append("a.canonical_id IS NULL")
        query = ("SELECT x.name, x.code, x.type, count(DISTINCT x.article_id) AS articles, "
                 "CAST(sum(x.n_mentions) AS BIGINT) AS mentions, min(a.date) AS first_seen, max(a.date) AS last_seen, "
                 "any_value(x.title) FILTER (WHERE x.title IS NOT NULL) AS title "
                 "FROM actors x JOIN articles a USING (article_id)"
                 + (" WHERE " + " AND ".join(where) if where else "")
                 + " GROUP BY x.name, x.code, x.type ORDER BY articles DESC, mentions DESC, x.name, x.code")
        return self._frame(query, params)

    def article(self, article_id: str) -> dict | None:
        """The stored output document of one article, as ``eventwire code`` wrote it."""
        cur = self._cursor()
        try:
            row = cur.execute("SELECT doc FROM articles WHERE article_id = ?", [str(article_id)]).fetchone()
        finally:
            cur.close()
        return json.loads(row[0]) if row else None

    def articles(self, limit: int | None = None, *, offset: int | None = None,
                 duplicates: bool = True) -> pd.DataFrame:
        """The stored articles (without their text), in ingest order."""
        query = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
        if not duplicates:
            query += " WHERE canonical_id IS NULL"
        query, params = _limit(query + " ORDER BY seq", [], limit, offset)
        return self._frame(query, params)

    def errors(self) -> pd.DataFrame:
        """Articles that failed to code or to store: id, source, kind, message."""
        return self._frame("SELECT article_id, source, kind, message, seen_at FROM errors "
                           "ORDER BY article_id NULLS LAST, source")

    def boilerplate(self, site: str | None = None) -> pd.DataFrame:
        """The paragraphs learned as boilerplate, by site."""
        if site is None:
            return self._frame("SELECT site, para_hash, text FROM boilerplate ORDER BY site, para_hash")
        return self._frame("SELECT site, para_hash, text FROM boilerplate WHERE site = ? ORDER BY para_hash", [site])

    def sql(self, query: str, params: list | dict | None = None) -> pd.DataFrame:
        """Any SQL over the store's tables (see docs/corpus.md for the schema)."""
        return self._frame(query, params)

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        cur = self._cursor()
        try:
            return {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        finally:
            cur.close()

    def summary(self) -> dict[str, Any]:
        """Headline numbers of the corpus."""
        cur = self._cursor()
        try:
            row = cur.execute(
                "SELECT count(*), count(*) FILTER (WHERE canonical_id IS NOT NULL), min(date), max(date) "
                "FROM articles").fetchone()
            events = cur.execute("SELECT count(*) FROM events WHERE NOT boilerplate").fetchone()[0]
            quotes = cur.execute("SELECT count(*) FROM quotes WHERE NOT boilerplate").fetchone()[0]
            errors = cur.execute("SELECT count(*) FROM errors").fetchone()[0]
        finally:
            cur.close()
        return {"articles": row[0], "duplicates": row[1], "first": row[2], "last": row[3], "events": events,
                "quotes": quotes, "errors": errors, "schema_version": self.version}

    # -- exports ---------------------------------------------------------------

    def arrow(self, query: str, params: list | dict | None = None):
        """Any SQL over the store's tables, as a ``pyarrow.Table``."""
        cur = self._cursor()
        try:
            return cur.sql(query, params=params).to_arrow_table()
        finally:
            cur.close()

    def export(self, out_dir: str | Path, format: str = "parquet", tables: Iterable[str] | None = None) -> list[Path]:
        """Write each table (default: all but internal ones) as ``<table>.parquet``, ``.csv``, ``.dta``
        (Stata 118, with variable and value labels) or ``.feather``, and ``codebook.csv`` describing
        every column written (see :mod:`eventwire.exports`); returns the paths written."""
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        from . import exports

        suffix = {"parquet": "parquet", "csv": "csv", "stata": "dta", "feather": "feather"}.get(format)
        if suffix is None:
            raise StoreError(f"format must be parquet, csv, stata or feather, not {format!r}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        names = list(tables) if tables else [t for t in TABLES if t != "minhashes"]
        for table in names:
            if table not in TABLES:
                raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        written, columns = [], {}
        for table in names:
            path = out / f"{table}.{suffix}"
            if format == "stata":
                columns[table] = exports.write_stata(self, table, path)
            elif format == "feather":
                columns[table] = exports.write_feather(self, table, path)
            else:
                cur = self._cursor()
                try:
                    reader = cur.sql(f"SELECT * FROM {table}").to_arrow_reader(65536)
                    columns[table] = [(f.name, str(f.type)) for f in reader.schema]
                    if format == "parquet":
                        with pq.ParquetWriter(path, reader.schema) as writer:
                            for batch in reader:
                                writer.write_batch(batch)
                    else:
                        schema = reader.schema
                        flat = [i for i, f in enumerate(schema) if str(f.type).startswith(("list", "large_list"))]
                        with pacsv.CSVWriter(path, _csv_schema(schema, flat)) as writer:
                            for batch in reader:
                                writer.write_batch(_csv_batch(batch, flat))
                finally:
                    cur.close()
            written.append(path)
        written.append(exports.write_codebook(columns, out / "codebook.csv", coded=format == "stata"))
        return written

    def export_gdelt(self, path: str | Path, *, extended: str | Path | None = None) -> int:
        """Write events as a GDELT 2.0 event table (tab-separated, no header); returns the row count.

        ``extended``: also write the same rows with eventwire's columns added
        (event_id, article_id, sentence_index, type, ..., sentence), with a header.
        """
        from .gdelt import write_gdelt

        return write_gdelt(self, path, extended=extended)


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:300]


def _fatal(err: BaseException) -> bool:
    """A failure of the disk or of the database itself, not of one article: the run must stop."""
    if isinstance(err, OSError):
        return True
    if isinstance(err, (duckdb.IOException, duckdb.FatalException)):
        return True
    text = str(err).lower()
    return any(s in text for s in ("no space left", "disk full", "file too large", "database has been invalidated",
                                    "could not write", "could not fsync"))


def _open_problem(path: str, err: duckdb.Error) -> str:
    """Why a database file cannot be opened, in eventwire's words (DuckDB's own message
    speaks of its CLI and internals, so it is not passed on)."""
    text = _first_line(err).lower()
    if "lock" in text:
        return (f"cannot open {path}: another program (an `eventwire ingest`, or a server) is writing to it; "
                "wait for it to finish, or query a copy of the file")
    if "permission" in text:
        return f"cannot open {path}: permission denied"
    return (f"cannot open {path}: it is damaged or is not a DuckDB database; --db takes a corpus made by "
            "`eventwire ingest` (or a new file name to create one)")


def _limit(query: str, params: list, limit: int | None, offset: int | None = None) -> tuple[str, list]:
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise FilterError(name, f"{value!r} is not a count; give 0 or more")
    if limit is not None:
        query, params = query + " LIMIT ?", params + [limit]
    if offset:
        query, params = query + " OFFSET ?", params + [offset]
    return query, params


def _fill_periods(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """A series with a row of zeros for every period between the first and the last that has none."""
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c == "period" else "float64") for c in SERIES_COLUMNS})
    rows = {r["period"]: r for r in frame.to_dict(orient="records")}
    day, last = frame["period"].iloc[0], frame["period"].iloc[-1]
    out = []
    while day <= last:
        out.append(rows.get(day) or {"period": day, "events": 0, "articles": 0, "quad1": 0, "quad2": 0, "quad3": 0,
                                     "quad4": 0, "goldstein_total": None, "goldstein_mean": None})
        day = next_period(period_start(day, by), by)
    filled = pd.DataFrame(out, columns=list(SERIES_COLUMNS))
    for col in SERIES_COLUMNS[1:7]:
        filled[col] = filled[col].astype("int64")
    return filled


def _recount(con: duckdb.DuckDBPyConnection, event_ids: list[int] | None = None) -> None:
    """Set the events' mention, article and source counts from ``event_mentions`` (these events, or all)."""
    where = "WHERE list_contains(?, event_id)" if event_ids is not None else ""
    con.execute(
        f"""UPDATE events SET num_mentions = m.n, num_articles = m.a, num_sources = m.s
            FROM (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a,
                         count(DISTINCT coalesce(site, '#' || article_id)) AS s
                  FROM event_mentions {where} GROUP BY event_id) AS m
            WHERE events.event_id = m.event_id""", [sorted(set(event_ids))] if event_ids is not None else [])


def _migrate_event_dates(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: ``event_date`` as YYYY-MM-DD with its ``date_precision`` (it held 2024-12, 2025-W11, 2019)."""
    values = [r[0] for r in con.execute("SELECT DISTINCT event_date FROM events WHERE event_date IS NOT NULL").fetchall()]
    table = {"coded": [], "day": [], "precision": []}
    for value in values:
        found = period_date(value)
        table["coded"].append(value)
        table["day"].append(found[0] if found else None)
        table["precision"].append(found[1] if found else None)
    if values:
        import pyarrow as pa

        con.register("_eventwire_dates", pa.Table.from_pydict(table))
        try:
            con.execute("""UPDATE events SET event_date = d.day, date_precision = d.precision,
                               date = coalesce(CAST(d.day AS DATE), events.date)
                           FROM _eventwire_dates d WHERE events.event_date = d.coded""")
        finally:
            con.unregister("_eventwire_dates")
    con.execute("UPDATE events SET date_precision = 'day' WHERE date_precision IS NULL AND date IS NOT NULL")


def _merge_retold_events(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: an event retold in several sentences of one article is one event (see :func:`retold`)."""
    con.execute("""CREATE TEMP TABLE _eventwire_keep AS
                   SELECT event_id, first_value(event_id) OVER (
                       PARTITION BY article_id, type, source_code, target_code, event_date
                       ORDER BY event_index) AS keep_id FROM events""")
    try:
        con.execute("""UPDATE event_mentions SET event_id = k.keep_id FROM _eventwire_keep k
                       WHERE event_mentions.event_id = k.event_id AND k.keep_id <> k.event_id""")
        con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _eventwire_keep "
                    "WHERE keep_id <> event_id)")
        _recount(con)
    finally:
        con.execute("DROP TABLE _eventwire_keep")


def _csv_schema(schema, flat: list[int]):
    import pyarrow as pa

    for i in flat:
        schema = schema.set(i, pa.field(schema.field(i).name, pa.string()))
    return schema


def _csv_batch(batch, flat: list[int]):
    """CSV has no lists: list columns are written as JSON arrays."""
    import pyarrow as pa

    if not flat:
        return batch
    cols = list(batch.columns)
    for i in flat:
        cols[i] = pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in cols[i].to_pylist()],
                           pa.string())
    return pa.RecordBatch.from_arrays(cols, schema=_csv_schema(batch.schema, flat))


def iter_jsonl_docs(path: str | Path) -> Iterator[dict]:
    """Output documents from a JSONL file written by ``eventwire code --format jsonl``.

    A line that is not such a document (bad JSON, not an object, no id, too long)
    comes as an error document naming ``path:line``, stored in the ``errors`` table."""
    from .config import DEFAULT
    from .ingest import InputError, Oversize, _lines, _open_regular, decode, parse_json

    try:
        fh = _open_regular(Path(path))
    except InputError as err:
        raise StoreError(f"cannot read {path}: {err}") from None
    limit = DEFAULT.max_bytes * 4  # a coded document is several times its text
    with fh:
        for n, line in enumerate(_lines(fh, limit), 1):
            where = f"{path}:{n}"
            try:
                if isinstance(line, Oversize):
                    raise InputError("too_large", f"document of {line.size:,} bytes is over the limit of {limit:,}")
                if not line.strip():
                    continue
                doc = parse_json(decode(line), DEFAULT.max_json_depth)
                if not isinstance(doc, dict):
                    raise InputError("bad_record", f"expected a JSON object, got {type(doc).__name__}")
                if not isinstance(doc.get("id"), str) or not doc["id"]:
                    raise InputError("bad_record", "the document has no 'id' string")
                if doc.get("error") is not None and not isinstance(doc["error"], dict):
                    raise InputError("bad_record", "'error' must be an object")
                if doc.get("error") is None and not isinstance(doc.get("text"), str):
                    raise InputError("bad_record", "the document has no 'text' string")
            except InputError as err:
                yield {"id": where, "source": where, "error": {"kind": err.kind, "message": str(err)}}
                continue
            yield doc


__all__ = ["Store", "StoreError", "FilterError", "IngestStats", "SCHEMA_VERSION", "SERIES_COLUMNS", "SORT_COLUMNS",
           "content_hash", "input_key", "event_id", "article_rows", "retold", "split_code", "to_date"]
