"""The ``eventwire`` command line.

Exit status: 0 when every article was coded, 1 when some failed (the others are
still written, with an error record for each failure), 2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.text import Text

from . import __version__
from .config import DEFAULT, Settings
from .model import Article, json_schema
from .output import CSV_TABLES, FORMATS, render, write_csv, write_jsonl

PROGRESS_AFTER = 5  # show a progress bar once more than this many articles are seen


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn raw news text into event data: who did what to whom, who said what, when and where.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    code = sub.add_parser("code", help="code articles and print their events, quotes and actors",
                          description="Code articles (text, HTML or JSONL files, folders, or - for stdin) and "
                                      "print the results: a table on a terminal, JSONL when piped.")
    code.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for stdin")
    code.add_argument("--format", choices=FORMATS, help="output format (default: table on a terminal, else jsonl)")
    code.add_argument("--published", type=published_arg, metavar="DATE",
                      help="publication date for articles that carry none (YYYY-MM-DD)")
    code.add_argument("--table", choices=CSV_TABLES, default="events",
                      help="with --format csv: one row per event (default), quote or actor")
    code.add_argument("--max-bytes", type=_nonnegative, default=DEFAULT.max_bytes, help="largest input accepted, in bytes")
    code.add_argument("--max-chars", type=_nonnegative, default=DEFAULT.max_chars, help="longest article parsed, in characters")
    code.add_argument("--lexicons", action="append", default=[], metavar="DIR",
                      help="folder of user lexicons extending the built-in ones (repeatable)")
    code.add_argument("--actors", action="append", default=[], metavar="FILE",
                      help="user actor file (TSV, YAML or PETRARCH .actors; repeatable); wins over learned actors")
    code.add_argument("--actor-memory", metavar="FILE",
                      help="actor memory (TSV): read when it exists (every article is coded with it as it was at "
                           "the start), and saved at the end with the persons this run learned merged in")
    code.add_argument("--quiet", action="store_true", help="no progress bar")
    code.set_defaults(func=cmd_code)

    learn = sub.add_parser("learn", help="learn people's roles from a corpus into an actor memory file",
                           description="Read articles up to the actors stage and write the persons they name "
                                       "with a title (\"Chilean President Ana Vera\" -> CHLGOV) to an actor "
                                       "memory file, for `code`/`ingest --actor-memory`. The result does not "
                                       "depend on the order of the articles.")
    learn.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for stdin")
    learn.add_argument("--out", required=True, metavar="FILE", help="actor memory file (TSV) to write")
    learn.add_argument("--actor-memory", metavar="FILE", help="start from this memory file (default: --out if it "
                                                              "exists)")
    learn.add_argument("--actors", action="append", default=[], metavar="FILE",
                       help="user actor file (repeatable); its entries win over learned ones")
    learn.add_argument("--published", metavar="DATE", help="publication date for articles that carry none")
    learn.add_argument("--max-bytes", type=_nonnegative, default=DEFAULT.max_bytes,
                       help="largest input accepted, in bytes")
    learn.add_argument("--max-chars", type=_nonnegative, default=DEFAULT.max_chars,
                       help="longest article parsed, in characters")
    learn.add_argument("--lexicons", action="append", default=[], metavar="DIR",
                       help="folder of user lexicons extending the built-in ones (repeatable)")
    learn.set_defaults(func=cmd_learn)

    schema = sub.add_parser("schema", help="print the JSON Schema of the output document",
                            description="Print the JSON Schema of one output document (an article).")
    schema.set_defaults(func=cmd_schema)
    add_corpus_commands(sub)
    add_serve_command(sub)
    return parser


def settings_from(args) -> Settings:
    from pathlib import Path

    return DEFAULT.replace(max_bytes=args.max_bytes, max_chars=args.max_chars,
                           lexicon_dirs=tuple(DEFAULT.lexicon_dirs) + tuple(Path(d) for d in args.lexicons),
                           actor_files=tuple(Path(f) for f in getattr(args, "actors", []) or []),
                           actor_memory=Path(args.actor_memory) if getattr(args, "actor_memory", None) else None)


def cmd_code(args) -> int:
    from .pipeline import Pipeline

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    from .memory import ActorFileError

    settings = settings_from(args)
    try:
        pipeline = Pipeline(settings, learn=settings.actor_memory is not None)
    except ActorFileError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 2
    stats = {"articles": 0, "failed": 0}
    stream = _count(pipeline.code_paths(args.paths, published=args.published), stats)
    if not args.quiet:
        from .ingest import count_inputs

        stream = _progress(stream, count_inputs(args.paths))
    if fmt == "jsonl":
        write_jsonl(stream, sys.stdout)
    elif fmt == "json":
        docs = [a.to_dict() for a in stream]
        json.dump(docs[0] if len(docs) == 1 else docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        write_csv(_report_failures(stream), sys.stdout, args.table)
    else:
        console = Console()
        for art in stream:
            render(art, console)
    for stage in pipeline.stages:  # the actor memory learned in this run
        if hasattr(stage, "save_memory"):
            stage.save_memory()
    if stats["failed"]:
        print(f"eventwire: {stats['failed']} of {stats['articles']} article(s) failed", file=sys.stderr)
    return 1 if stats["failed"] else 0


def cmd_learn(args) -> int:
    from pathlib import Path

    from .memory import ActorFileError
    from .pipeline import learn

    start = args.actor_memory or (args.out if Path(args.out).is_file() else None)
    args.actor_memory = start
    settings = settings_from(args)
    try:
        memory = learn(args.paths, settings, published=args.published)
        memory.save(args.out)
    except (ActorFileError, OSError) as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 2
    print(f"eventwire: {len(memory.learned)} learned and {len(memory.user)} user name(s) in {args.out}",
          file=sys.stderr)
    return 0


def _nonnegative(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _positive(text: str) -> int:
    """An argparse type: a whole number, 1 or more."""
    value = _nonnegative(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _port(text: str) -> int:
    """An argparse type: a TCP port, 0-65535."""
    value = _nonnegative(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is 0-65535, not {value}")
    return value


def cmd_schema(args) -> int:
    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


# --- eventwire serve: the local web page and HTTP API (eventwire.web) ---------------------------

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SERVE_SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005


def add_serve_command(sub) -> None:
    serve = sub.add_parser("serve", help="serve the web page and HTTP API on this machine",
                           description="Serve the Try-it page, the article view, the corpus explorer (with --db) "
                                       "and the HTTP API (OpenAPI at /api/docs). Binds to loopback unless told "
                                       "otherwise; every asset is served by the app itself.")
    serve.add_argument("--db", metavar="PATH", help="corpus store (DuckDB) to explore, opened read-only")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    serve.add_argument("--max-body", type=_positive, default=None, metavar="BYTES",
                       help="largest request body accepted (default: 2,000,000)")
    serve.add_argument("--lexicons", action="append", default=[], metavar="DIR",
                       help="folder of user lexicons extending the built-in ones (repeatable)")
    serve.add_argument("--actors", action="append", default=[], metavar="FILE",
                       help="user actor file (TSV, YAML or PETRARCH .actors; repeatable)")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="a host name the server answers for besides loopback (repeatable; also "
                            "EVENTWIRE_ALLOWED_HOSTS); needed with --host when clients use a name or address")
    serve.add_argument("--queue", type=_positive, default=None, metavar="N",
                       help="coding requests waiting or running, at most (default: 16); more get 503")
    serve.add_argument("--deadline", type=_positive, default=None, metavar="SECONDS",
                       help="a coding request not answered within this is dropped with 503 (default: 30)")
    serve.set_defaults(func=cmd_serve)


def cmd_serve(args) -> int:
    import socket
    from pathlib import Path

    import uvicorn

    from .memory import ActorFileError
    from .web import MAX_BODY_BYTES, create_app
    from .web.app import QUEUE_SIZE, REQUEST_DEADLINE

    if args.db and not Path(args.db).is_file():
        print(f"eventwire: no corpus store at {args.db}", file=sys.stderr)
        return 2
    if args.host not in LOOPBACK_HOSTS:
        print(f"eventwire: warning: binding to {args.host}: the server has no authentication and anyone who can "
              f"reach this address can use it", file=sys.stderr)
    settings = DEFAULT.replace(lexicon_dirs=tuple(DEFAULT.lexicon_dirs) + tuple(Path(d) for d in args.lexicons),
                               actor_files=tuple(Path(f) for f in args.actors))
    hosts = list(args.allow_host) + ([args.host] if args.host not in ("0.0.0.0", "::") else [])
    try:
        from .parallel import _check_actor_files

        _check_actor_files(settings)
        app = create_app(args.db, settings, max_body=args.max_body or MAX_BODY_BYTES, hosts=hosts,
                         queue_size=args.queue or QUEUE_SIZE, deadline=args.deadline or REQUEST_DEADLINE)
    except ActorFileError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 2
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as err:
        sock.close()
        print(f"eventwire: cannot serve on {args.host}:{args.port}: {err.strerror or err} "
              f"(another server on that port? try --port)", file=sys.stderr)
        return 2
    port = sock.getsockname()[1]
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"eventwire: serving on http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    # Coding holds the GIL for long stretches; a short switch interval lets the event loop
    # answer health checks and queue 503s within milliseconds meanwhile.
    sys.setswitchinterval(SERVE_SWITCH_INTERVAL)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
    return 0


def _count(stream: Iterable[Article], stats: dict) -> Iterator[Article]:
    for art in stream:
        stats["articles"] += 1
        stats["failed"] += not art.ok
        yield art


def _report_failures(stream: Iterable[Article]) -> Iterator[Article]:
    """Formats without error records name each failure on stderr."""
    for art in stream:
        if not art.ok:
            print(f"eventwire: {art.id}: {art.error.kind}: {art.error.message}", file=sys.stderr)
        yield art


def progress_bar(console: Console, total: int | None, verb: str, *, show: bool) -> Progress:
    """The bar of ``code`` and ``ingest``: a spinner while the language model loads, then articles
    done of the total, rate, time left and time spent."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn())
    bar = Progress(*columns, console=console, transient=True, disable=not show)
    bar.add_task(f"{verb}: loading the language model", total=total, rate="", verb=verb)
    return bar


def tick(bar: Progress) -> None:
    """One more article done."""
    task = bar.tasks[0]
    if task.completed == 0:
        bar.update(task.id, description=task.fields["verb"])
    elapsed = task.elapsed or 0
    done = task.completed + 1
    bar.update(task.id, advance=1, rate=f"{done / elapsed:.1f} articles/s" if elapsed else "")


def _progress(stream: Iterable[Article], total: int | None = None) -> Iterator[Article]:
    """A progress bar on stderr for batches of more than a few articles (``total`` when known)."""
    console = Console(stderr=True)
    show = console.is_terminal and (total is None or total > PROGRESS_AFTER)
    with progress_bar(console, total, "coding", show=show) as bar:
        for art in stream:
            tick(bar)
            yield art


# -- corpus mode: a DuckDB store of coded articles (eventwire.store) -----------------------

DEFAULT_DB = "corpus.duckdb"
QUERY_FORMATS = ("table", "csv", "jsonl")
EXPORT_FORMATS = ("parquet", "csv", "stata", "feather", "gdelt")
TABLE_ROWS = 40  # rows a terminal table shows unless --limit says otherwise


def day_arg(value: str) -> str:
    """argparse type of date options: YYYY-MM-DD (a real day), else a usage error (exit 2)."""
    from .filters import FilterError, parse_day

    try:
        return parse_day(value, "date").isoformat()
    except FilterError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write it YYYY-MM-DD, e.g. 2022-03-01") from None


def published_arg(value: str) -> str:
    """argparse type of --published: YYYY-MM-DD, or an ISO 8601 timestamp starting with one."""
    from .when import parse_published

    if len(value) >= 10 and parse_published(value) and (len(value) == 10 or value[10] in "T "):
        return value
    raise argparse.ArgumentTypeError(f"{value!r} is not a date; write it YYYY-MM-DD, e.g. 2022-11-11")


def count_arg(value: str) -> int:
    """argparse type of --limit: a whole number, 0 or more."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a count; give a whole number, 0 or more")
    return number


def add_corpus_commands(sub) -> None:
    """``ingest``, ``load``, ``events``, ``series``, ``dyads``, ``quotes``, ``actors``, ``sql``, ``export``."""
    import os

    db_default = os.environ.get("EVENTWIRE_DB", DEFAULT_DB)

    def with_db(p):
        p.add_argument("--db", default=db_default, metavar="FILE",
                       help=f"DuckDB database (default: $EVENTWIRE_DB or {DEFAULT_DB})")
        return p

    def listing(p, limit: bool = True):
        p.add_argument("--format", choices=QUERY_FORMATS,
                       help="output format (default: table on a terminal, else jsonl)")
        p.add_argument("--columns", metavar="A,B,...", help="only these columns, in this order")
        if limit:
            p.add_argument("--limit", type=count_arg, metavar="N",
                           help=f"at most N rows (a terminal table shows {TABLE_ROWS} unless told)")
        return p

    ing = with_db(sub.add_parser(
        "ingest", help="code articles into a corpus database",
        description="Code articles and store them in a DuckDB corpus. Idempotent (articles already stored "
                    "are skipped) and resumable (rerun after an interruption to finish)."))
    ing.add_argument("paths", nargs="+", metavar="PATH", help="file, folder (or fsspec URL with --dask)")
    ing.add_argument("--workers", type=_positive, default=None, metavar="N",
                     help="worker processes on this machine (default: one per core)")
    ing.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster: scheduler address (tcp://host:8786), or local:N for a "
                          "local cluster of N processes")
    ing.add_argument("--out", metavar="URL", help="with --dask: write Parquet partitions here (fsspec URL), then load")
    ing.add_argument("--no-store", action="store_true", help="with --dask --out: only write the Parquet partitions")
    ing.add_argument("--published", type=published_arg, metavar="DATE",
                     help="publication date for articles that carry none (YYYY-MM-DD)")
    ing.add_argument("--max-bytes", type=_nonnegative, default=DEFAULT.max_bytes, help="largest input accepted, in bytes")
    ing.add_argument("--max-chars", type=_nonnegative, default=DEFAULT.max_chars, help="longest article parsed, in characters")
    ing.add_argument("--lexicons", action="append", default=[], metavar="DIR",
                     help="folder of user lexicons extending the built-in ones (repeatable)")
    ing.add_argument("--actors", action="append", default=[], metavar="FILE",
                     help="user actor file (TSV, YAML or PETRARCH .actors; repeatable)")
    ing.add_argument("--actor-memory", metavar="FILE",
                     help="actor memory (TSV, see `eventwire learn`) every article is coded with; never written")
    ing.add_argument("--learn", action="store_true",
                     help="first learn people's roles from all the inputs (as `eventwire learn`), then code with "
                          "what was learned: the same database whatever the order, the workers or the reruns")
    ing.add_argument("--init", action="store_true",
                     help="create the eventwire tables even in an existing DuckDB file that has other tables")
    ing.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    ing.set_defaults(func=cmd_ingest)

    load = with_db(sub.add_parser("load", help="store coded documents: Parquet partitions or `code` JSONL output",
                                  description="Store already coded documents in the database: the Parquet "
                                              "partitions of `eventwire ingest --dask ... --out URL`, or a JSONL "
                                              "file written by `eventwire code --format jsonl`."))
    load.add_argument("url", metavar="URL",
                      help="folder (fsspec URL) holding articles/part-*.parquet, or a .jsonl file of documents")
    load.add_argument("--quiet", action="store_true", help="no summary")
    load.add_argument("--init", action="store_true",
                      help="create the eventwire tables even in an existing DuckDB file that has other tables")
    load.set_defaults(func=cmd_load)

    ev = listing(with_db(sub.add_parser("events", help="query the events of a corpus",
                                        description="Events of a corpus, filtered. Codes match by prefix: "
                                                    "--source RUS matches RUS and RUSGOV; a comma list matches "
                                                    "any of its values: --source RUS,BLR.")))
    _event_filters(ev)
    ev.add_argument("--sort", metavar="COLUMN", help="sort by this column (date, goldstein, num_articles, ...)")
    ev.add_argument("--desc", action="store_true", help="with --sort: largest first")
    ev.set_defaults(func=cmd_events)

    se = listing(with_db(sub.add_parser(
        "series", help="event counts per day, week, month, quarter or year",
        description="The standard event-data series: per period, distinct events and articles, total and "
                    "mean Goldstein value, and with --quad the events of each quad class (verbal "
                    "cooperation, material cooperation, verbal conflict, material conflict). Every event "
                    "counts, with or without a coded target; periods without events are rows of zeros.")))
    se.add_argument("--by", choices=("day", "week", "month", "quarter", "year", "auto"), default="month",
                    help="period (default: month; auto picks from the span)")
    se.add_argument("--quad", action="store_true", help="add the four quad-class series (quad1..quad4)")
    se.add_argument("--dyad", metavar="SOURCE:TARGET", help="one directed dyad, e.g. RUS:UKR (codes by prefix)")
    _event_filters(se)
    se.set_defaults(func=cmd_series)

    dy = listing(with_db(sub.add_parser("dyads", help="event counts and mean Goldstein by pair and period",
                                        description="Distinct events, distinct articles and mean Goldstein "
                                                    "value by (source, target) pair and period; events with "
                                                    "no coded target are rows with an empty target.")))
    _event_filters(dy)
    dy.add_argument("--period", choices=("day", "week", "month", "quarter", "year"), default="week",
                    help="default: week")
    dy.add_argument("--level", choices=("entity", "code"), default="entity",
                    help="group by entity (RUS for RUSGOV, default) or by full code")
    dy.set_defaults(func=cmd_dyads)

    qu = listing(with_db(sub.add_parser("quotes", help="query the quotes of a corpus",
                                        description="Quotes of a corpus; --speaker matches part of a "
                                                    "speaker's name, any case. --actor/--source match the "
                                                    "speaker's code, --since/--until the article's date; the "
                                                    "other event filters keep the quotes of articles "
                                                    "reporting a matching event.")))
    qu.add_argument("--speaker", metavar="NAME")
    _event_filters(qu)
    qu.set_defaults(func=cmd_quotes)

    ac = listing(with_db(sub.add_parser("actors", help="the actors of a corpus, with counts",
                                        description="Actors of a corpus by name and code, with the number "
                                                    "of articles and mentions.")))
    ac.add_argument("--code", metavar="CODE", help="code prefix (RUS matches RUSGOV)")
    ac.add_argument("--name", metavar="TEXT", help="part of the name, any case")
    ac.set_defaults(func=cmd_actors)

    sq = listing(with_db(sub.add_parser("sql", help="run SQL over a corpus (read-only)",
                                        description="Run one SQL query over the corpus tables (see "
                                                    "docs/corpus.md), read-only: it can neither change the "
                                                    "store nor read or write other files (no COPY, read_csv, "
                                                    "ATTACH).")))
    sq.add_argument("query", metavar="SQL")
    sq.set_defaults(func=cmd_sql)

    ex = with_db(sub.add_parser(
        "export", help="export a corpus for R, Stata, pandas or GDELT tools",
        description="Export each table as Parquet, CSV, Stata (.dta, with variable and value labels) or "
                    "Feather, with a codebook (codebook.md) describing every column; or the events as a "
                    "GDELT 2.0 event table (tab-separated, no header, GDELT's 61 columns)."))
    ex.add_argument("--format", choices=EXPORT_FORMATS, default="parquet")
    ex.add_argument("--out", required=True, metavar="PATH",
                    help="folder for parquet/csv/stata/feather; file for gdelt (e.g. events.gdelt.tsv)")
    ex.add_argument("--extended", metavar="FILE",
                    help="with gdelt: also write GDELT columns plus eventwire's ids and sentence, with a header")
    ex.add_argument("--table", action="append", metavar="NAME", help="only these tables (repeatable)")
    ex.set_defaults(func=cmd_export)


def _event_filters(p) -> None:
    from .filters import HELP

    p.add_argument("--actor", metavar="CODES", help=HELP["actor"])
    p.add_argument("--source", metavar="CODES", help=HELP["source"])
    p.add_argument("--target", metavar="CODES", help=HELP["target"])
    p.add_argument("--sector", metavar="SECTORS", help=HELP["sector"])
    p.add_argument("--type", metavar="TYPES", help=HELP["type"])
    p.add_argument("--cameo", metavar="CODES", help=HELP["cameo"])
    p.add_argument("--quad-class", metavar="N,...", help=HELP["quad"])
    p.add_argument("--goldstein-min", type=float, metavar="X", help=HELP["goldstein_min"])
    p.add_argument("--goldstein-max", type=float, metavar="X", help=HELP["goldstein_max"])
    p.add_argument("--status", metavar="STATUS", help=HELP["status"])
    p.add_argument("--confidence-min", type=float, metavar="X", help=HELP["confidence_min"])
    p.add_argument("--place", metavar="ISO3", help=HELP["place"])
    p.add_argument("--since", type=day_arg, metavar="DATE", help=HELP["since"])
    p.add_argument("--until", type=day_arg, metavar="DATE", help=HELP["until"])
    p.add_argument("--article", metavar="ID", help=HELP["article_id"])


def _filters(args) -> dict:
    """The event filters given on the command line (checked when the store reads them)."""
    return {"actor": args.actor, "source": args.source, "target": args.target, "sector": args.sector,
            "type": args.type, "cameo": args.cameo, "quad": args.quad_class, "goldstein_min": args.goldstein_min,
            "goldstein_max": args.goldstein_max, "status": args.status, "confidence_min": args.confidence_min,
            "place": args.place, "since": args.since, "until": args.until, "article_id": args.article}


def _open_store(args, read_only: bool = True):
    from .store import Store, StoreError

    try:  # read-only: DuckDB's access to files and the network is off too (`sql` reads the store, nothing else)
        return Store(args.db, read_only=read_only, external_access=not read_only, init=getattr(args, "init", False))
    except StoreError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return None


# The order of priority of the columns of a terminal table: the first ones stay when the terminal
# is narrow; the others follow in the result's order.
TABLE_COLUMNS = ("period", "date", "type", "source", "source_code", "target", "target_code", "events", "articles",
                 "quad1", "quad2", "quad3", "quad4", "goldstein_total", "goldstein_mean", "mean_goldstein",
                 "speaker_name", "speaker_code", "name", "code", "trigger", "text", "goldstein", "status",
                 "date_precision", "kind", "cameo", "quad_class", "mentions", "first_seen", "last_seen",
                 "location_country", "num_articles", "article_id", "sentence")
NO_WRAP = {"date", "period", "type", "source", "source_code", "target", "target_code", "code", "goldstein",
           "speaker_code", "cameo", "status", "date_precision", "first_seen", "last_seen"}


def _print_frame(df, fmt: str | None, *, columns: str | None = None, limit: int | None = None,
                 total: int | None = None) -> int:
    """A query result as a terminal table (fitted to the terminal), CSV or JSONL on stdout;
    returns the exit status (2 for unknown --columns)."""
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if columns:
        wanted = [c.strip() for c in columns.split(",") if c.strip()]
        unknown = [c for c in wanted if c not in df.columns]
        if unknown:
            print(f"eventwire: --columns: no column {', '.join(map(repr, unknown))}; columns: "
                  f"{', '.join(map(str, df.columns))}", file=sys.stderr)
            return 2
        df = df[wanted]
    total = len(df) if total is None else total
    if fmt == "table" and limit is None and len(df) > TABLE_ROWS:
        df = df.head(TABLE_ROWS)
    elif limit is not None:
        df = df.head(limit)
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False)
    elif fmt == "jsonl":
        for record in df.to_dict(orient="records"):
            clean = {k: (None if _missing(v) else v) for k, v in record.items()}
            sys.stdout.write(json.dumps(clean, ensure_ascii=False, default=_json_value) + "\n")
    else:
        from .output import fit_table, shorten

        console = Console()
        order = list(df.columns) if columns else (
            [c for c in TABLE_COLUMNS if c in df.columns] + [c for c in df.columns if c not in TABLE_COLUMNS])
        rows = [[_cell(v, shorten) for v in row] for row in df[order].itertuples(index=False)]
        table, hidden = fit_table(order, rows, console.width, priority=order, no_wrap=NO_WRAP)
        console.print(table)
        notes = [f"{len(df)} of {total} row(s)" if total > len(df) else f"{len(df)} row(s)"]
        if total > len(df) and limit is None:
            notes.append("--limit N for more")
        if hidden:
            names = ", ".join(hidden[:4]) + (", ..." if len(hidden) > 4 else "")
            notes.append(f"{len(hidden)} column(s) left out to fit the terminal ({names}): --columns to choose, "
                         "--format csv or jsonl for all")
        Console(stderr=True).print(Text("; ".join(notes), style="dim"))
    return 0


def _cell(value, shorten) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.1f}"
    return shorten(str(value))


def _json_value(value):
    """JSON for the values pandas frames hold: dates, timestamps, numpy scalars, arrays."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


def _query(args, method: str, *, total: bool = False, **kwargs) -> int:
    """Run a store query and print it; a bad filter value is a usage error (exit 2) naming it."""
    from .filters import FilterError
    from .store import StoreError

    store = _open_store(args)
    if store is None:
        return 2
    with store:
        try:
            df = getattr(store, method)(**kwargs)
            count = store.count_events(**{k: v for k, v in kwargs.items() if k not in ("limit", "sort", "order")}) \
                if total else None
        except (FilterError, StoreError) as err:
            print(f"eventwire: {err}", file=sys.stderr)
            return 2
    return _print_frame(df, args.format, columns=args.columns, limit=getattr(args, "limit", None), total=count)


def cmd_events(args) -> int:
    return _query(args, "events", total=True, limit=args.limit, sort=args.sort,
                  order="desc" if args.desc else "asc", **_filters(args))


def cmd_series(args) -> int:
    filters = _filters(args)
    if args.dyad:
        source, sep, target = args.dyad.partition(":")
        if not (sep and source and target) or args.source or args.target:
            print("eventwire: --dyad takes SOURCE:TARGET (e.g. RUS:UKR), without --source or --target",
                  file=sys.stderr)
            return 2
        filters.update(source=source, target=target)
    if not args.columns and not args.quad:
        args.columns = "period,events,articles,goldstein_total,goldstein_mean"
    return _query(args, "series", by=args.by, **filters)


def cmd_dyads(args) -> int:
    return _query(args, "dyads", period=args.period, level=args.level, **_filters(args))


def cmd_quotes(args) -> int:
    return _query(args, "quotes", speaker=args.speaker, **_filters(args))


def cmd_actors(args) -> int:
    return _query(args, "actors", code=args.code, name=args.name)


def cmd_sql(args) -> int:
    import duckdb

    from .store import StoreError

    store = _open_store(args)
    if store is None:
        return 2
    with store:
        try:
            df = store.sql(args.query)
        except (duckdb.Error, StoreError) as err:
            print(f"eventwire: {err}", file=sys.stderr)
            return 2
    return _print_frame(df, args.format, columns=args.columns, limit=args.limit)


def cmd_export(args) -> int:
    from .store import StoreError

    store = _open_store(args)
    if store is None:
        return 2
    with store:
        try:
            if args.format == "gdelt":
                n = store.export_gdelt(args.out, extended=args.extended)
                print(f"eventwire: wrote {n} event(s) to {args.out}", file=sys.stderr)
            else:
                for path in store.export(args.out, args.format, args.table):
                    print(f"eventwire: wrote {path}", file=sys.stderr)
        except StoreError as err:
            print(f"eventwire: {err}", file=sys.stderr)
            return 2
    return 0


def cmd_ingest(args) -> int:
    from .memory import ActorFileError
    from .parallel import code_corpus
    from .store import StoreError

    if args.out and not args.dask:
        print("eventwire: --out needs --dask", file=sys.stderr)
        return 2
    if args.dask and "-" in args.paths:
        print("eventwire: --dask reads files or URLs, not stdin", file=sys.stderr)
        return 2
    if args.learn and (args.dask or "-" in args.paths):
        print("eventwire: --learn reads the inputs twice: local files only (with --dask, run `eventwire learn` "
              "first and pass --actor-memory)", file=sys.stderr)
        return 2
    from .ingest import count_inputs

    db = None if args.no_store else args.db
    console = Console(stderr=True)
    show = not args.quiet and console.is_terminal
    with progress_bar(console, count_inputs(args.paths), "ingesting", show=show) as bar:
        try:
            stats = code_corpus(args.paths, workers=args.workers, dask=args.dask, db=db, settings=settings_from(args),
                                published=args.published, out=args.out,
                                on_article=lambda doc, outcome: tick(bar), learn=args.learn, init=args.init)
        except (StoreError, ActorFileError) as err:
            print(f"eventwire: {err}", file=sys.stderr)
            return 2
    if not args.quiet:
        _summary(console, stats, args.db if db else None)
    return 0


def cmd_load(args) -> int:
    import time

    from .parallel import load_parquet

    store = _open_store(args, read_only=False)
    if store is None:
        return 2
    from .store import iter_jsonl_docs

    started = time.perf_counter()
    with store:
        if args.url.lower().endswith((".jsonl", ".ndjson")):
            stored = store.ingest(iter_jsonl_docs(args.url))
        else:
            stored = load_parquet(store, args.url)
    if not args.quiet:
        from .parallel import CorpusStats

        stats = CorpusStats(articles=stored.seen, seconds=time.perf_counter() - started, mode="load", stored=stored)
        _summary(Console(stderr=True), stats, args.db)
    return 0


def _summary(console: Console, stats, db: str | None) -> None:
    """The end-of-run summary: articles, events, quotes, errors, duplicates, time."""
    from rich.table import Table

    table = Table(title=f"eventwire ingest ({stats.mode}, {stats.workers} worker(s))", show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    rows = [("articles coded", stats.articles), ("inputs already stored", stats.skipped_inputs),
            ("failed to code", stats.errors), ("events coded", stats.events), ("quotes coded", stats.quotes)]
    s = stats.stored
    if s is not None:
        rows += [("stored new", s.added), ("replaced", s.replaced), ("unchanged, skipped", s.skipped),
                 ("duplicates of stored articles", s.duplicates),
                 ("events stored", s.events), ("events merged into duplicates' originals", s.merged_events),
                 ("events retold in the same article, counted once", s.retold_events),
                 ("boilerplate paragraphs learned", s.boilerplate), ("errors recorded", s.errors)]
    rows += [("time", f"{stats.seconds:.1f} s"), ("rate", f"{stats.articles_per_s:.2f} articles/s")]
    for label, value in rows:
        table.add_row(label, str(value))
    console.print(table)
    if db and s is not None and s.errors:
        console.print(f"[yellow]{s.errors} article(s) failed; see: eventwire sql --db {db} "
                      "\"SELECT * FROM errors\"[/]")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
