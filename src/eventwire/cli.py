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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .config import DEFAULT, Settings
from .model import Article, json_schema
from .output import FORMATS, render, write_csv, write_jsonl

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
    code.add_argument("--published", metavar="DATE", help="publication date for articles that carry none (YYYY-MM-DD)")
    code.add_argument("--max-bytes", type=int, default=DEFAULT.max_bytes, help="largest input accepted, in bytes")
    code.add_argument("--max-chars", type=int, default=DEFAULT.max_chars, help="longest article parsed, in characters")
    code.add_argument("--lexicons", action="append", default=[], metavar="DIR",
                      help="folder of user lexicons extending the built-in ones (repeatable)")
    code.add_argument("--actors", action="append", default=[], metavar="FILE",
                      help="user actor file (TSV, YAML or PETRARCH .actors; repeatable); wins over learned actors")
    code.add_argument("--actor-memory", metavar="FILE",
                      help="actor memory (TSV): loaded when it exists, saved after the run")
    code.add_argument("--quiet", action="store_true", help="no progress bar")
    code.set_defaults(func=cmd_code)

    schema = sub.add_parser("schema", help="print the JSON Schema of the output document",
                            description="Print the JSON Schema of one output document (an article).")
    schema.set_defaults(func=cmd_schema)
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

    try:
        pipeline = Pipeline(settings_from(args))
    except ActorFileError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 2
    stats = {"articles": 0, "failed": 0}
    stream = _count(pipeline.code_paths(args.paths, published=args.published), stats)
    if not args.quiet:
        stream = _progress(stream)
    if fmt == "jsonl":
        write_jsonl(stream, sys.stdout)
    elif fmt == "json":
        docs = [a.to_dict() for a in stream]
        json.dump(docs[0] if len(docs) == 1 else docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        write_csv(_report_failures(stream), sys.stdout)
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


def cmd_schema(args) -> int:
    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
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


def _progress(stream: Iterable[Article]) -> Iterator[Article]:
    """A progress bar on stderr once the batch has more than a few articles."""
    buffered: list[Article] = []
    it = iter(stream)
    for art in it:
        buffered.append(art)
        if len(buffered) > PROGRESS_AFTER:
            break
    else:
        yield from buffered
        return
    console = Console(stderr=True)
    columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("coding", total=None, rate="")
        for n, art in enumerate(_chain(buffered, it), 1):
            elapsed = bar.tasks[0].elapsed or 0
            bar.update(task, advance=1, rate=f"{n / elapsed:.1f} articles/s" if elapsed else "")
            yield art


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


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
