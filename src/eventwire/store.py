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
from .model import Article, split_code
from .when import parse_published as to_date

log = logging.getLogger("eventwire.store")

SCHEMA_VERSION = 1
PERIODS = ("day", "week", "month", "year")
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
]

EVENT_COLUMNS = (
    "event_id", "article_id", "event_index", "sentence_index", "type", "mode", "cameo", "quad_class", "goldstein",
    "source_code", "source_name", "source_text", "target_code", "target_name", "target_text",
    "trigger", "trigger_start", "trigger_end", "status", "negated", "event_date", "date",
    "location_name", "location_country", "lat", "lon", "sentence",
    "num_mentions", "num_sources", "num_articles",
)
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
    """A stable 60-bit integer id for an article's ``index``-th event."""
    return int(hashlib.sha1(f"{article_id}:{index}".encode("utf-8", "surrogatepass")).hexdigest()[:15], 16)


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
            "event_date": e.get("date"), "date": to_date(e.get("date")) or published,
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


def event_key(row: dict) -> tuple:
    """What makes two events of copies of one story the same event."""
    return (row["type"], row["source_code"], row["target_code"], row["event_date"])


# -- the store ----------------------------------------------------------------


class Store:
    """An eventwire corpus in a DuckDB file (``":memory:"`` for a throwaway one).

    Use it as a context manager, or call :meth:`close`. Query methods are safe to
    call from several threads (each runs on its own cursor); writes are
    serialised. A read-only store can be opened by many processes at once.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no such database: {self.path}")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"cannot open {self.path}: {err}") from None
        self._lock = threading.RLock()  # one writer at a time
        self._cursor_lock = threading.Lock()
        self._index: dedup.DuplicateIndex | None = None
        self._seq: int | None = None
        self._columns: dict[str, list[str]] = {}
        self._paragraphs: tuple[dict[tuple[str, str], int], set[tuple[str, str]]] | None = None
        if read_only:
            self._check_version()
        else:
            self._migrate()

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> "Store":
        return cls(path, read_only=read_only)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    # -- schema ----------------------------------------------------------------

    @property
    def version(self) -> int:
        """The schema version of the database (0 for an empty file)."""
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self.version
        if version == 0:
            raise StoreError(f"{self.path} is not an eventwire database (no schema version)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this eventwire reads up to {SCHEMA_VERSION}")

    def _migrate(self) -> None:
        con = self._con
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        version = self.version
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this eventwire reads up to {SCHEMA_VERSION}")
        for target in range(version, SCHEMA_VERSION):
            con.begin()
            try:
                for statement in MIGRATIONS[target]:
                    con.execute(statement)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target + 1)])
                con.commit()
            except Exception:
                con.rollback()
                raise

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
            if doc.get("error") is not None or "text" not in doc:
                self._store_error(doc, key)
                stats.errors += 1
                return "error"
            try:
                return self._store_article(doc, key, stats)
            except Exception as err:  # noqa: BLE001 - one article must not stop the run
                log.warning("could not store %s: %s", doc.get("id"), err)
                self._rollback()
                self._store_error({"id": doc.get("id"), "source": doc.get("source"),
                                   "error": {"kind": "store", "message": f"{type(err).__name__}: {err}"}}, key)
                stats.errors += 1
                return "error"

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
        new_events, merged = self._place_events(rows["events"], canonical, site)
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
        stats.merged_events += len(merged)
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
        self._con.execute(
            """UPDATE events SET num_mentions = m.n, num_articles = m.a, num_sources = m.s
               FROM (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a,
                            count(DISTINCT coalesce(site, '#' || article_id)) AS s
                     FROM event_mentions WHERE list_contains(?, event_id) GROUP BY event_id) AS m
               WHERE events.event_id = m.event_id""", [sorted(set(event_ids))])

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
        finally:
            cur.close()
        for col in dates:  # DATE columns as datetime.date, not midnight timestamps
            if col in df.columns:
                df[col] = [None if pd.isna(v) else v.date() for v in df[col]]
        return df

    def events(self, source: str | None = None, target: str | None = None, type: str | None = None,
               quad_class: int | None = None, since: str | dt.date | None = None,
               until: str | dt.date | None = None, article_id: str | None = None, limit: int | None = None,
               *, offset: int | None = None, boilerplate: bool = False) -> pd.DataFrame:
        """Events, filtered; ``source``/``target`` match a code prefix (``RUS`` matches ``RUSGOV``).

        ``since``/``until`` bound ``date`` (the event's date, else its article's),
        both inclusive. With ``article_id``, the events that article reports,
        including the canonical events a duplicate article was merged into.
        Events read from boilerplate paragraphs are left out unless ``boilerplate``.
        ``limit``/``offset`` page through the rows.
        """
        where, params = self._event_filters(source, target, type, quad_class, since, until, boilerplate)
        if article_id is not None:
            where.append("e.event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
            params.append(str(article_id))
        query = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e"
                 + (" WHERE " + " AND ".join(where) if where else "")
                 + " ORDER BY e.date NULLS LAST, e.article_id, e.event_index")
        query, params = _limit(query, params, limit, offset)
        return self._frame(query, params)

    @staticmethod
    def _event_filters(source, target, type, quad_class, since, until, boilerplate) -> tuple[list[str], list]:
        where: list[str] = []
        params: list = []
        if not boilerplate:
            where.append("NOT e.boilerplate")
        if source:
            where.append("starts_with(e.source_code, ?)")
            params.append(source.upper())
        if target:
            where.append("starts_with(e.target_code, ?)")
            params.append(target.upper())
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if quad_class is not None:
            where.append("e.quad_class = ?")
            params.append(int(quad_class))
        if since is not None:
            where.append("e.date >= ?")
            params.append(_as_date(since, "since"))
        if until is not None:
            where.append("e.date <= ?")
            params.append(_as_date(until, "until"))
        return where, params

    def dyads(self, period: str = "week", source: str | None = None, target: str | None = None,
              type: str | None = None, quad_class: int | None = None, since: str | dt.date | None = None,
              until: str | dt.date | None = None, *, level: str = "entity") -> pd.DataFrame:
        """Event counts and mean Goldstein value by (source, target) pair and period.

        ``level="entity"`` groups codes by their entity (``RUSGOV`` and ``RUS`` as
        ``RUS``); ``"code"`` keeps full codes. ``period`` is the start of the day,
        week (Monday), month or year. ``articles`` sums ``num_articles``.
        """
        if period not in PERIODS:
            raise StoreError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
        if level not in ("entity", "code"):
            raise StoreError(f"level must be 'entity' or 'code', not {level!r}")
        src, tgt = ("e.source_entity", "e.target_entity") if level == "entity" else ("e.source_code", "e.target_code")
        where, params = self._event_filters(source, target, type, quad_class, since, until, False)
        where += [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", "e.date IS NOT NULL"]
        query = (f"SELECT {src} AS source, {tgt} AS target, CAST(date_trunc(?, e.date) AS DATE) AS period, "
                 "count(*) AS events, CAST(sum(e.num_articles) AS BIGINT) AS articles, avg(e.goldstein) AS mean_goldstein "
                 f"FROM events e WHERE {' AND '.join(where)} "
                 "GROUP BY ALL ORDER BY period, events DESC, source, target")
        return self._frame(query, [period] + params)

    def quotes(self, speaker: str | None = None, article_id: str | None = None, limit: int | None = None,
               *, offset: int | None = None, duplicates: bool = False, boilerplate: bool = False) -> pd.DataFrame:
        """Quotes; ``speaker`` matches part of the speaker's name or words, any case.

        Quotes of duplicate articles (copies of a stored story) are left out unless
        ``duplicates`` or an ``article_id`` is given.
        """
        where, params = [], []
        if not boilerplate:
            where.append("NOT q.boilerplate")
        if speaker:
            where.append("(contains(lower(q.speaker_name), lower(?)) OR contains(lower(q.speaker_text), lower(?)))")
            params += [speaker, speaker]
        if article_id is not None:
            where.append("q.article_id = ?")
            params.append(str(article_id))
        elif not duplicates:
            where.append("a.canonical_id IS NULL")
        query = (f"SELECT {', '.join('q.' + c for c in QUOTE_COLUMNS)}, a.published, a.title, a.url "
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

    def export(self, out_dir: str | Path, format: str = "parquet", tables: Iterable[str] | None = None) -> list[Path]:
        """Write each table (default: all but internal ones) as ``<table>.parquet`` or ``.csv``."""
        import pyarrow.csv as pacsv
        import pyarrow.parquet as pq

        if format not in ("parquet", "csv"):
            raise StoreError(f"format must be parquet or csv, not {format!r}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        names = list(tables) if tables else [t for t in TABLES if t != "minhashes"]
        written = []
        for table in names:
            if table not in TABLES:
                raise StoreError(f"no table {table!r}; tables: {', '.join(TABLES)}")
            cur = self._cursor()
            try:
                reader = cur.sql(f"SELECT * FROM {table}").to_arrow_reader(65536)
                path = out / f"{table}.{format}"
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
        return written

    def export_gdelt(self, path: str | Path, *, extended: str | Path | None = None) -> int:
        """Write events as a GDELT 2.0 event table (tab-separated, no header); returns the row count.

        ``extended``: also write the same rows with eventwire's columns added
        (event_id, article_id, sentence_index, type, ..., sentence), with a header.
        """
        from .gdelt import write_gdelt

        return write_gdelt(self, path, extended=extended)


def _limit(query: str, params: list, limit: int | None, offset: int | None = None) -> tuple[str, list]:
    if limit is not None:
        query, params = query + " LIMIT ?", params + [max(0, int(limit))]
    if offset:
        query, params = query + " OFFSET ?", params + [max(0, int(offset))]
    return query, params


def _as_date(value: str | dt.date, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    date = to_date(str(value))
    if date is None:
        raise StoreError(f"{name} must be a date (YYYY-MM-DD), not {value!r}")
    return date


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
    """Output documents from a JSONL file written by ``eventwire code --format jsonl``."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


__all__ = ["Store", "StoreError", "IngestStats", "SCHEMA_VERSION", "content_hash", "input_key", "event_id",
           "article_rows", "split_code", "to_date"]
