"""Reading input: text and HTML files, JSONL records, folders of these, stdin.

Every input becomes an :class:`~eventwire.model.Article`. An input that cannot be
read becomes an article carrying an error (kind and reason), so that one bad
file or line never costs the rest of a batch.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .config import DEFAULT, Settings
from .model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
RECORD_FIELDS = ("id", "title", "published", "url", "author")

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


class InputError(Exception):
    """An input that cannot become an article; ``kind`` says why."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def read(paths: Iterable[str | Path], settings: Settings = DEFAULT, *, stdin=None) -> Iterator[Article]:
    """Yield one article per input document found under ``paths`` ("-" is stdin)."""
    for path in paths:
        if str(path) == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from read_bytes(data, "stdin", settings)
            continue
        for f in input_files(Path(path)):
            yield from read_file(f, settings)


def input_files(path: Path) -> list[Path]:
    """The files :func:`read` reads under ``path``: the file itself, or a folder's readable files."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """About how many articles :func:`read` will yield (non-blank JSONL lines, other files one
    each), for progress bars; None where it cannot tell (stdin, URLs, unreadable files)."""
    total = 0
    for path in paths:
        if str(path) == "-" or "://" in str(path):
            return None
        try:
            for f in input_files(Path(path)):
                if f.suffix.lower() in JSONL_SUFFIXES:
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
        except OSError:
            return None
    return total


def read_file(path: Path, settings: Settings = DEFAULT) -> Iterator[Article]:
    """Yield the article(s) in one file: many for JSONL, one otherwise."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise InputError("not_found", f"no such file: {path}")
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, settings)
            return
        if size > settings.max_bytes:
            raise InputError("too_large", f"{size:,} bytes is over the limit of {settings.max_bytes:,}")
        data = path.read_bytes()
    except InputError as err:
        yield _failed(path.stem or source, source, err)
        return
    except OSError as err:
        yield _failed(path.stem or source, source, InputError("unreadable", str(err)))
        return
    yield from read_bytes(data, source, settings, default_id=path.stem, html=suffix in HTML_SUFFIXES or None)


def read_bytes(data: bytes, source: str, settings: Settings = DEFAULT, *, default_id: str | None = None,
               html: bool | None = None) -> Iterator[Article]:
    """Articles from raw bytes whose kind (text, HTML or JSONL) is sniffed when not given."""
    try:
        if len(data) > settings.max_bytes:
            raise InputError("too_large", f"{len(data):,} bytes is over the limit of {settings.max_bytes:,}")
        if html is None and _looks_like_jsonl(data):
            yield from records(data.splitlines(), source, settings)
            return
        text = decode(data)
        if html is None:
            html = bool(_HTML_SNIFF.match(data[:2048]))
        yield from_html(text, source=source, id=default_id) if html else from_text(text, source=source, id=default_id)
    except InputError as err:
        yield _failed(default_id or source, source, err)


def read_jsonl(path: Path, settings: Settings = DEFAULT) -> Iterator[Article]:
    """One article per line; a bad line becomes an error record named ``path:line``."""
    with path.open("rb") as fh:
        yield from records(fh, str(path), settings)


def records(lines: Iterable[bytes], source: str, settings: Settings = DEFAULT,
            first_line: int = 1) -> Iterator[Article]:
    """One article per JSONL line; a bad line becomes an error record named
    ``source:line`` (lines counted from ``first_line``)."""
    for lineno, line in enumerate(lines, first_line):
        where = f"{source}:{lineno}"
        if not line.strip():
            continue
        try:
            if len(line) > settings.max_bytes:
                raise InputError("too_large", f"record of {len(line):,} bytes is over the limit of {settings.max_bytes:,}")
            try:
                record = json.loads(decode(line))
            except json.JSONDecodeError as err:
                raise InputError("bad_json", f"not a JSON object: {err.msg} at column {err.colno}") from None
            yield from_record(record, source=where)
        except InputError as err:
            yield _failed(_record_id(line) or where, where, err)


def from_record(record: object, source: str | None = None) -> Article:
    """An article from a JSONL record: ``text`` (or ``html``) plus optional metadata."""
    if not isinstance(record, dict):
        raise InputError("bad_record", f"expected a JSON object, got {type(record).__name__}")
    meta = {k: _str_or_none(record.get(k)) for k in RECORD_FIELDS}
    meta["id"] = meta["id"] or None
    body = record.get("text")
    if body is None and isinstance(record.get("html"), str):
        return from_html(record["html"], source=source, **meta)
    if not isinstance(body, str):
        raise InputError("bad_record", "the record has no 'text' string" if body is None
                         else f"'text' must be a string, got {type(body).__name__}")
    extra = {k: v for k, v in record.items() if k not in RECORD_FIELDS + ("text", "html")}
    art = from_text(body, source=source, **meta)
    art.metadata.update({k: v for k, v in extra.items() if isinstance(v, (str, int, float, bool))})
    return art


def from_text(text: str, *, source: str | None = None, **meta) -> Article:
    """An article from plain text (cleaning happens in the clean stage)."""
    _check_text(text)
    meta = {k: v for k, v in meta.items() if v is not None}
    raw_date = meta.get("published")
    if raw_date:
        meta["published"] = normalize_date(raw_date)
    art = Article.from_raw(text, source=source, **meta)
    if raw_date and art.published is None:
        art.metadata["published_unparsed"] = raw_date
    return art


def normalize_date(value: str) -> str | None:
    """An ISO 8601 date or timestamp ("2025-03-14T20:30:26Z", "2022-11-11"), or None
    when the value is not a date. Timestamps are given in UTC where they carry a zone."""
    from datetime import datetime, timezone

    value = str(value).strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            parsed = parsedate_to_datetime(value)  # RFC 2822, as in RSS feeds
        except (TypeError, ValueError):
            return None
    if len(value) == 10 and parsed.hour == parsed.minute == parsed.second == 0:
        return parsed.date().isoformat()
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
        return parsed.isoformat(timespec="seconds") + "Z"
    return parsed.isoformat(timespec="seconds")


def from_html(html: str, *, source: str | None = None, **meta) -> Article:
    """An article from an HTML page: trafilatura finds the main text and metadata."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    except Exception as err:  # trafilatura raises many kinds on broken markup
        raise InputError("bad_html", f"could not parse the HTML: {err}") from None
    if found is None or not (found.text or "").strip():
        raise InputError("empty", "no article text found in the HTML")
    page = {"title": found.title, "published": found.date, "author": found.author, "url": found.url}
    for key, value in page.items():
        if value and not meta.get(key):
            meta[key] = value
    art = from_text(found.text, source=source, **meta)
    art.metadata["format"] = "html"
    if found.sitename:
        art.metadata["site"] = found.sitename
    return art


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, otherwise the detected encoding."""
    if not data.strip():
        raise InputError("empty", "the input is empty")
    if b"\x00" in data[:65536]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        raise InputError("binary", "the input holds NUL bytes: it is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("undecodable", "the bytes are in no text encoding we can detect")
    text = data.decode(best.encoding, errors="replace")
    if _control_share(text) > 0.05:
        raise InputError("binary", "the input is mostly control characters: it is binary, not text")
    return text


def _check_text(text: str) -> None:
    if not text.strip():
        raise InputError("empty", "the article has no text")
    if "\x00" in text:
        raise InputError("binary", "the text holds NUL characters")
    if _control_share(text[:10000]) > 0.05:
        raise InputError("binary", "the text is mostly control characters")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    return bad / len(text)


def _looks_like_jsonl(data: bytes) -> bool:
    head = data.lstrip()[:1]
    if head != b"{":
        return False
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _record_id(line: bytes) -> str | None:
    match = re.search(rb'"id"\s*:\s*"?([^",}\s]{1,100})', line)
    return match.group(1).decode("utf-8", "replace") if match else None


def _str_or_none(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _failed(id_: str, source: str, err: InputError) -> Article:
    art = Article(id=str(id_), source=source)
    return art.fail(err.kind, str(err))
