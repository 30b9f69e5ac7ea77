"""Coding a corpus in parallel: worker processes on one machine, or a Dask cluster.

:func:`code_corpus` reads the inputs, codes them and (given a database) stores
them, and returns a :class:`CorpusStats`. It is what ``eventwire ingest`` and
``bench/throughput.py`` call.

* ``workers=1``: the pipeline runs in this process.
* ``workers=N``: N spawned processes each load the pipeline once and code
  chunks of articles; this process reads the inputs and is the single writer to
  the store. Results come back in input order, so a run with N workers stores
  the same database as a run with one.
* ``dask="tcp://host:8786"`` (or a ``distributed.Client``): the inputs are cut
  into partitions (line-aligned byte ranges of JSONL files, groups of other
  files), read on the workers through fsspec (local paths, ``s3://``,
  ``gs://``...), coded there, and either sent back to be stored here, or, with
  ``out=``, written as Parquet partitions under ``out`` (``articles/`` holds
  the documents, ``events/``, ``quotes/``, ``actors/`` the rows) that
  :func:`load_parquet` stores into DuckDB and DuckDB can query in place.

On reruns, inputs already in the store (by id and raw text) are not coded again.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .config import DEFAULT, Settings
from .ingest import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, InputError, read
from .model import Article
from .store import IngestStats, Store, article_rows, input_key

Item = tuple[dict, "str | None"]  # (output document, raw-input key)
DEFAULT_CHUNK = 4  # articles per task sent to a worker process (small: the last tasks balance)
WARM_UP_TEXT = ("The foreign minister of Chile said on Monday that Peru had agreed to reopen the border, "
                "and police arrested two people in Lima.")
DEFAULT_BLOCK = 2_000_000  # bytes of JSONL per Dask partition
IN_FLIGHT = 4  # tasks per worker read or submitted ahead of the writer (bounds memory on big corpora)


@dataclass
class CorpusStats:
    """What one corpus run did, and how fast."""

    articles: int = 0       # documents coded (including failed ones)
    skipped_inputs: int = 0  # inputs already in the store, not coded again
    errors: int = 0         # articles that failed to code
    events: int = 0         # events coded (before duplicate merging)
    quotes: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0  # of seconds: starting workers and loading the pipeline
    workers: int = 1
    mode: str = "local"     # local | processes | dask
    stored: IngestStats | None = None

    @property
    def articles_per_s(self) -> float:
        """Articles per second over the whole run, start-up included."""
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def steady_articles_per_s(self) -> float:
        """Articles per second once the workers were up and the pipeline loaded."""
        busy = self.seconds - self.startup_seconds
        return self.articles / busy if busy > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["articles_per_s"] = round(self.articles_per_s, 3)
        out["steady_articles_per_s"] = round(self.steady_articles_per_s, 3)
        return out


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def code_corpus(paths: Iterable[str | Path], *, workers: int | None = 1, dask: Any = None,
                db: str | Path | Store | None = None, settings: Settings | None = None,
                published: str | None = None, out: str | None = None, chunk_size: int = DEFAULT_CHUNK,
                blocksize: int = DEFAULT_BLOCK,
                on_article: Callable[[dict, str | None], None] | None = None,
                learn: bool = False, init: bool = False) -> CorpusStats:
    """Code (and with ``db``, store) every article under ``paths``.

    ``workers``: processes on this machine (``None``: one per core). ``dask``: a
    scheduler address, a ``distributed.Client``, or ``"local:N"`` for a Dask
    ``LocalCluster`` of N single-threaded worker processes started for the run;
    then ``workers`` is ignored. Call it under ``if __name__ == "__main__":`` in
    scripts: worker processes are spawned, and re-import the main module.
    ``out``: with ``dask``, write Parquet partitions there instead of returning
    documents. ``on_article(doc, outcome)`` is called for each article (outcome is
    the store's, or ``None`` without a store). ``learn``: first learn people's
    roles from all the inputs (:func:`eventwire.pipeline.learn`), then code every
    article with what was learned. ``init``: create the store's tables even in a
    DuckDB file that holds other tables.

    Every article is coded with the same actor memory snapshot, so the stored
    events do not depend on the order of the inputs, the number of workers, or
    how often the run was interrupted and resumed.
    """
    import tempfile

    settings = settings or DEFAULT
    paths = [str(p) for p in paths]
    workers = default_workers() if workers is None else max(1, int(workers))
    stats = CorpusStats(workers=workers, mode="dask" if dask is not None else "processes" if workers > 1 else "local")
    if learn and dask is not None:
        raise ValueError("learn=True needs the inputs on this machine: with Dask, run `eventwire learn` first "
                         "and pass the memory file (on a path every worker can read) as Settings.actor_memory")
    _check_actor_files(settings)  # here, not in each worker, so that a bad file is one clear error
    own_store = db is not None and not isinstance(db, Store)
    store = Store(db, init=init) if own_store else db
    started = time.perf_counter()
    scratch = tempfile.TemporaryDirectory(prefix="eventwire-learn-") if learn else None
    try:
        if scratch is not None:
            from .pipeline import learn as learn_pass

            memory_file = Path(scratch.name) / "actor-memory.tsv"
            learn_pass(paths, settings, published=published).save(memory_file)
            settings = settings.replace(actor_memory=memory_file)
        skip = store.known_inputs() if store is not None else set()
        if dask is not None:
            if out is not None:
                parts = code_to_parquet(paths, out, dask, settings=settings, published=published,
                                        skip=skip, blocksize=blocksize, stats=stats)
                for part in parts:
                    stats.articles += part["articles"]
                    stats.errors += part["errors"]
                    stats.events += part["events"]
                    stats.quotes += part["quotes"]
                    stats.skipped_inputs += part["skipped"]
                if store is not None:
                    stats.stored = load_parquet(store, out, on_article=on_article)
                stats.seconds = time.perf_counter() - started
                return stats
            items = _dask_items(paths, dask, settings, published, skip, blocksize, stats)
        else:
            articles = _unseen(read(paths, settings), published, skip, stats)
            items = _local_items(articles, settings, stats) if workers == 1 else \
                _process_items(articles, settings, workers, chunk_size, stats)
        ingest = IngestStats()
        for doc, key in items:
            stats.articles += 1
            if doc.get("error") is not None:
                stats.errors += 1
            stats.events += len(doc.get("events") or ())
            stats.quotes += len(doc.get("quotes") or ())
            outcome = store.ingest_doc(doc, key, ingest) if store is not None else None
            if on_article is not None:
                on_article(doc, outcome)
        if store is not None:
            stats.stored = ingest
    finally:
        if own_store and store is not None:
            store.close()
        if scratch is not None:
            scratch.cleanup()
    stats.seconds = time.perf_counter() - started
    if stats.stored is not None:
        stats.stored.seconds = stats.seconds
    return stats


def _check_actor_files(settings: Settings) -> None:
    """Raise :class:`~eventwire.memory.ActorFileError` for an actor or memory file that cannot be read."""
    from .memory import ActorMemory

    memory = ActorMemory()
    if settings.actor_memory is not None and settings.actor_memory.exists():
        memory.load(settings.actor_memory)
    for path in settings.actor_files:
        memory.load_actor_file(path)


# -- reading and skipping -----------------------------------------------------


def _unseen(articles: Iterable[Article], published: str | None, skip: set[str],
            stats: CorpusStats) -> Iterator[tuple[Article, str | None]]:
    """Articles with their input keys, less those already stored."""
    for art in articles:
        if published and not art.published:
            art.published = published
        key = input_key(art)
        if key is not None and key in skip:
            stats.skipped_inputs += 1
            continue
        yield art, key


# -- one process --------------------------------------------------------------

_PIPELINES: dict[tuple, Any] = {}
_PIPELINE_LOCK = threading.Lock()


def pipeline_for(settings: Settings):
    """This process's pipeline for ``settings``, loaded once (spaCy takes a while); loaded
    again when the actor memory file changed since."""
    from .pipeline import Pipeline

    key = (settings, _stamp(settings.actor_memory))
    with _PIPELINE_LOCK:
        if key not in _PIPELINES:
            for old in [k for k in _PIPELINES if k[0] == settings]:
                del _PIPELINES[old]
            _PIPELINES[key] = Pipeline(settings)
        return _PIPELINES[key]


def _stamp(path: Path | None) -> tuple | None:
    try:
        info = path.stat() if path is not None else None
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino) if info else None


def _local_items(articles: Iterable[tuple[Article, str | None]], settings: Settings,
                 stats: CorpusStats) -> Iterator[Item]:
    started = time.perf_counter()
    warm(settings)
    stats.startup_seconds = time.perf_counter() - started
    keys: deque[str | None] = deque()  # the pipeline yields articles in the order it takes them

    def arts() -> Iterator[Article]:
        for art, key in articles:
            keys.append(key)
            yield art

    for art in pipeline_for(settings).pipe(arts()):
        yield art.to_dict(), keys.popleft()


def code_articles(pairs: list[tuple[Article, str | None]], settings: Settings) -> list[Item]:
    """Code a chunk of articles in this process; the documents come back in order."""
    keys = [key for _, key in pairs]
    coded = pipeline_for(settings).pipe(art for art, _ in pairs)
    return [(art.to_dict(), key) for art, key in zip(coded, keys)]


# -- worker processes ---------------------------------------------------------

_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    warm(settings)


def warm(settings: Settings = DEFAULT) -> bool:
    """Load this process's pipeline and spaCy model now, and build every stage's
    lazy tables (gazetteer, matchers, lexicons) by coding one short text, so that
    none of it is paid on the first real articles."""
    from .nlp import load_model

    pipeline = pipeline_for(settings)
    try:
        load_model(settings.model)
    except RuntimeError:  # reported per article by the nlp stage
        return False
    pipeline.code_text(WARM_UP_TEXT, id="warm-up", published="2024-01-01")
    return True


def _code_chunk(pairs: list[tuple[Article, str | None]]) -> list[Item]:
    return code_articles(pairs, _WORKER_SETTINGS or DEFAULT)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ready(_: int) -> bool:
    return True


def _process_items(articles: Iterable[tuple[Article, str | None]], settings: Settings, workers: int,
                   chunk_size: int, stats: CorpusStats) -> Iterator[Item]:
    """Code chunks in ``workers`` spawned processes; documents come back in input order."""
    ctx = mp.get_context("spawn")
    started = time.perf_counter()
    window = threading.Semaphore(IN_FLIGHT * workers)  # chunks read ahead of the writer, at most
    stop = threading.Event()

    def feed() -> Iterator[list]:
        for chunk in _chunks(articles, max(1, chunk_size)):
            while not window.acquire(timeout=0.1):
                if stop.is_set():
                    return
            yield chunk

    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        try:
            pool.map(_ready, range(workers), chunksize=1)  # returns once workers have loaded the pipeline
            stats.startup_seconds = time.perf_counter() - started
            for chunk in pool.imap(_code_chunk, feed()):
                window.release()
                yield from chunk
        finally:
            stop.set()


# -- Dask -----------------------------------------------------------------------


@dataclass(frozen=True)
class Partition:
    """One Dask task's share of the inputs: a byte range of a JSONL file, or whole files."""

    kind: str  # "jsonl" | "files"
    paths: tuple[str, ...]
    start: int = 0
    end: int = -1
    first_line: int = 1


def partitions(paths: Iterable[str], settings: Settings = DEFAULT, blocksize: int = DEFAULT_BLOCK,
               files_per_part: int = 16, min_parts: int = 1) -> list[Partition]:
    """Cut the inputs (fsspec paths: local, s3://, ...) into tasks, in input order.

    A JSONL file is cut into line-aligned ranges of at most ``blocksize`` bytes,
    and into at least ``min_parts`` of them when it has the lines; other files go
    in groups of at most ``files_per_part`` (fewer when that leaves workers idle).
    """
    import fsspec

    parts: list[Partition] = []
    loose: list[str] = []

    def flush() -> None:
        per = max(1, min(files_per_part, -(-len(loose) // max(1, min_parts))))
        for i in range(0, len(loose), per):
            parts.append(Partition("files", tuple(loose[i:i + per])))
        loose.clear()

    for path in paths:
        fs, root = fsspec.core.url_to_fs(path)
        if fs.isdir(root):
            found = sorted(p for p in fs.find(root) if not Path(p).name.startswith("."))
            files = [_unstrip(path, root, p) for p in found
                     if Path(p).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES]
        else:
            files = [path]
        for f in files:
            ffs, local = fsspec.core.url_to_fs(f)
            if Path(f).suffix.lower() in JSONL_SUFFIXES and ffs.exists(local):
                flush()
                size = ffs.size(local) or 0
                parts += _jsonl_parts(f, max(1, min(blocksize, size // max(1, min_parts))))
            else:
                loose.append(f)
    flush()
    return parts


def _unstrip(given: str, root: str, found: str) -> str:
    """A path found under ``root`` in the form the user gave ``root`` (keeps the protocol)."""
    if given.rstrip("/") == root.rstrip("/"):
        return found
    return given.rstrip("/") + found[len(root.rstrip("/")):]


def _jsonl_parts(path: str, blocksize: int) -> list[Partition]:
    """Line-aligned byte ranges of about ``blocksize`` bytes, with their first line numbers."""
    import fsspec

    parts: list[Partition] = []
    start, line, pos = 0, 1, 0
    lines_in = 0
    with fsspec.open(path, "rb") as fh:
        for raw in fh:
            pos += len(raw)
            lines_in += 1
            if pos - start >= blocksize:
                parts.append(Partition("jsonl", (path,), start, pos, line))
                start, line, lines_in = pos, line + lines_in, 0
    if pos > start or not parts:
        parts.append(Partition("jsonl", (path,), start, pos, line))
    return parts


def read_partition(part: Partition, settings: Settings = DEFAULT) -> Iterator[Article]:
    """The articles of one partition, read through fsspec exactly as :func:`eventwire.ingest.read` would."""
    import fsspec

    from . import ingest

    if part.kind == "jsonl":
        path = part.paths[0]
        with fsspec.open(path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)
        yield from ingest.records(data.splitlines(keepends=True), path, settings, part.first_line)
        return
    for path in part.paths:
        stem = Path(path).stem
        try:
            fs, local = fsspec.core.url_to_fs(path)
            if not fs.exists(local):
                raise InputError("not_found", f"no such file: {path}")
            size = fs.size(local)
            if size > settings.max_bytes:
                raise InputError("too_large", f"{size:,} bytes is over the limit of {settings.max_bytes:,}")
            data = fs.cat_file(local)
        except InputError as err:
            yield ingest._failed(stem or path, path, err)
            continue
        except OSError as err:
            yield ingest._failed(stem or path, path, InputError("unreadable", str(err)))
            continue
        html = Path(path).suffix.lower() in HTML_SUFFIXES or None
        yield from ingest.read_bytes(data, path, settings, default_id=stem, html=html)


def code_partition(part: Partition, settings: Settings = DEFAULT, published: str | None = None,
                   skip: frozenset[str] | set[str] = frozenset()) -> dict:
    """A Dask task: read and code one partition; returns its documents and counts."""
    stats = CorpusStats()
    pairs = list(_unseen(read_partition(part, settings), published, set(skip), stats))
    return {"items": code_articles(pairs, settings), "skipped": stats.skipped_inputs}


def _min_parts(client) -> int:
    """Enough partitions to keep every worker thread busy and the load balanced."""
    threads = sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values())
    return 4 * max(1, threads)


def _client(dask: Any):
    """(client, close): a client for a scheduler address, a ``Client``, or ``"local:N"``."""
    from distributed import Client, LocalCluster

    if isinstance(dask, Client):
        return dask, lambda: None
    if isinstance(dask, str) and (dask == "local" or dask.startswith("local:")):
        n = int(dask.partition(":")[2] or default_workers())
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()
        return client, close
    client = Client(dask)
    return client, client.close


def _dask_items(paths: list[str], dask: Any, settings: Settings, published: str | None, skip: set[str],
                blocksize: int, stats: CorpusStats) -> Iterator[Item]:
    started = time.perf_counter()
    client, close = _client(dask)
    try:
        client.run(warm, settings)
        stats.startup_seconds = time.perf_counter() - started
        parts = partitions(paths, settings, blocksize, min_parts=_min_parts(client))
        skip_f = client.scatter(frozenset(skip), broadcast=True) if skip else frozenset()
        ahead = IN_FLIGHT * _min_parts(client)  # partitions submitted ahead of the writer, at most
        futures = []
        for i, part in enumerate(parts):
            futures.append(client.submit(code_partition, part, settings=settings, published=published,
                                         skip=skip_f, pure=False))
            if i + 1 >= ahead:
                yield from _take(futures.pop(0), stats)
        while futures:  # in input order; later partitions keep running meanwhile
            yield from _take(futures.pop(0), stats)
    finally:
        close()


def _take(future, stats: CorpusStats) -> list[Item]:
    result = future.result()
    future.release()
    stats.skipped_inputs += result["skipped"]
    return result["items"]


# -- Parquet partitions -------------------------------------------------------


def write_partition(index: int, part: Partition, out: str, settings: Settings = DEFAULT,
                    published: str | None = None, skip: frozenset[str] | set[str] = frozenset()) -> dict:
    """A Dask task: code one partition and write it as Parquet files under ``out``.

    ``out/articles/part-NNNNN.parquet`` holds (article_id, input_key, doc);
    ``events/``, ``quotes/`` and ``actors/`` hold the rows of the store's tables
    of the same names (before duplicate merging).
    """
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    result = code_partition(part, settings, published, skip)
    items: list[Item] = result["items"]
    tables: dict[str, list[dict]] = {"events": [], "quotes": [], "actors": []}
    docs = []
    for doc, key in items:
        docs.append({"article_id": str(doc.get("id")), "input_key": key, "doc": json.dumps(doc, ensure_ascii=False)})
        if doc.get("error") is None:
            for name, rows in article_rows(doc).items():
                tables[name] += rows
    fs, root = fsspec.core.url_to_fs(out)
    name = f"part-{index:05d}.parquet"
    written = {"articles": pa.Table.from_pylist(docs, schema=pa.schema(
        [("article_id", pa.string()), ("input_key", pa.string()), ("doc", pa.string())]))}
    for table, rows in tables.items():
        if rows:
            written[table] = pa.Table.from_pylist(rows)
    for table, data in written.items():
        fs.makedirs(f"{root}/{table}", exist_ok=True)
        with fs.open(f"{root}/{table}/{name}", "wb") as fh:
            pq.write_table(data, fh)
    return {"articles": len(items), "skipped": result["skipped"],
            "errors": sum(1 for d, _ in items if d.get("error") is not None),
            "events": len(tables["events"]), "quotes": len(tables["quotes"])}


def code_to_parquet(paths: Iterable[str], out: str, dask: Any, *, settings: Settings = DEFAULT,
                    published: str | None = None, skip: set[str] | None = None,
                    blocksize: int = DEFAULT_BLOCK, stats: CorpusStats | None = None) -> list[dict]:
    """Code ``paths`` on a Dask cluster into Parquet partitions under ``out``; one dict of counts per partition."""
    started = time.perf_counter()
    client, close = _client(dask)
    try:
        client.run(warm, settings)
        if stats is not None:
            stats.startup_seconds = time.perf_counter() - started
        parts = partitions(list(paths), settings, blocksize, min_parts=_min_parts(client))
        skip_f = client.scatter(frozenset(skip), broadcast=True) if skip else frozenset()
        futures = client.map(write_partition, range(len(parts)), parts, out=out, settings=settings,
                             published=published, skip=skip_f, pure=False)
        return client.gather(futures)
    finally:
        close()


def parquet_docs(out: str) -> Iterator[Item]:
    """The documents of Parquet partitions written by :func:`write_partition`, in order."""
    import fsspec
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(out)
    for path in sorted(fs.glob(f"{root}/articles/part-*.parquet")):
        with fs.open(path, "rb") as fh:
            table = pq.read_table(fh)
        for row in table.to_pylist():
            yield json.loads(row["doc"]), row["input_key"]


def load_parquet(store: Store, out: str, *,
                 on_article: Callable[[dict, str | None], None] | None = None) -> IngestStats:
    """Store the documents of Parquet partitions (duplicates, boilerplate and all)."""
    stats = IngestStats()
    started = time.perf_counter()
    for doc, key in parquet_docs(out):
        outcome = store.ingest_doc(doc, key, stats)
        if on_article is not None:
            on_article(doc, outcome)
    stats.seconds = time.perf_counter() - started
    return stats


__all__ = ["CorpusStats", "code_corpus", "code_partition", "code_to_parquet", "load_parquet", "parquet_docs",
           "partitions", "read_partition", "write_partition", "default_workers"]
