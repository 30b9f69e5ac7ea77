"""Reading input: text and HTML files, JSONL records, folders of these, stdin.

Every input becomes an :class:`~eventwire.model.Article`. An input that cannot be
read becomes an article carrying an error (kind and reason), so that one bad
file or line never costs the rest of a batch.

The reader is bounded everywhere: size limits are enforced while reading (a file,
stdin, a JSONL line is never read past ``max_bytes``), only regular files are
read (a FIFO, a device or a socket is an ``unreadable`` error, never opened for
a blocking read), JSON is parsed with limits on nesting and on number length,
and every text is made valid Unicode (lone surrogates become U+FFFD) before it
reaches the pipeline or the output.
"""
from __future__ import annotations

import io
import json
import os
import re
import stat
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
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")
MAX_NUMBER_DIGITS = 100  # a JSON number longer than this is not data
READ_CHUNK = 1 << 20


class InputError(Exception):
    """An input that cannot become an article; ``kind`` says why."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def read(paths: Iterable[str | Path], settings: Settings = DEFAULT, *, stdin=None) -> Iterator[Article]:
    """Yield one article per input document found under ``paths`` ("-" is stdin)."""
    for path in paths:
        if str(path) == "-":
            yield from read_stream(stdin or sys.stdin.buffer, "stdin", settings)
            continue
        for f in input_files(Path(path)):
            yield from read_file(f, settings)


def input_files(path: Path) -> list[Path]:
    """The files :func:`read` reads under ``path``: the file itself, or a folder's readable files."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if not p.is_dir() and not p.name.startswith(".")
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


def read_stream(stream, source: str, settings: Settings = DEFAULT) -> Iterator[Article]:
    """Articles from a byte stream (stdin): JSONL line by line, else one document of at
    most ``max_bytes`` (the rest is never read)."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream, 65536)
    head = stream.peek(65536)[:65536].lstrip()
    if head[:1] == b"{":
        line_end = head.find(b"\n")
        if line_end == -1 or _looks_like_jsonl(head[:line_end]):
            yield from records(_lines(stream, settings.max_bytes), source, settings)
            return
    data = _read_at_most(stream, settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield _failed(source, source, InputError("too_large", f"the input is over the limit of "
                                                              f"{settings.max_bytes:,} bytes; not read further"))
        return
    yield from read_bytes(data, source, settings)


def read_file(path: Path, settings: Settings = DEFAULT) -> Iterator[Article]:
    """Yield the article(s) in one file: many for JSONL, one otherwise. Only regular files
    are read; one over ``max_bytes`` is rejected unread."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        fh = _open_regular(path)
    except InputError as err:
        yield _failed(path.stem or source, source, err)
        return
    with fh:
        if suffix in JSONL_SUFFIXES:
            yield from records(_lines(fh, settings.max_bytes), source, settings)
            return
        try:
            size = os.fstat(fh.fileno()).st_size
            if size > settings.max_bytes:
                raise InputError("too_large", f"{size:,} bytes is over the limit of {settings.max_bytes:,}")
            data = _read_at_most(fh, settings.max_bytes + 1)
            if len(data) > settings.max_bytes:  # grew while we read
                raise InputError("too_large", f"over the limit of {settings.max_bytes:,} bytes")
        except InputError as err:
            yield _failed(path.stem or source, source, err)
            return
        except OSError as err:
            yield _failed(path.stem or source, source, InputError("unreadable", _os_message(err)))
            return
    yield from read_bytes(data, source, settings, default_id=path.stem, html=suffix in HTML_SUFFIXES or None)


def _open_regular(path: Path):
    """A binary file object for ``path`` if it is a regular file; opened without
    blocking, so a FIFO or a device is refused, never waited on or read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError("not_found", f"no such file: {path}") from None
    except OSError as err:
        raise InputError("unreadable", _os_message(err)) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as err:
        os.close(fd)
        raise InputError("unreadable", _os_message(err)) from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = ("a directory" if stat.S_ISDIR(mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "not a regular file")
        raise InputError("unreadable", f"{path} is {kind}: only regular files are read")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _os_message(err: OSError) -> str:
    return f"{err.strerror or type(err).__name__}: {err.filename}" if err.filename else str(err)


def _read_at_most(stream, limit: int) -> bytes:
    """Up to ``limit`` bytes of a stream, read in chunks."""
    parts, total = [], 0
    while total < limit:
        chunk = stream.read(min(READ_CHUNK, limit - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


class Oversize:
    """A JSONL line over the size limit, skipped unread: only its size is kept."""

    def __init__(self, size: int):
        self.size = size


def _lines(fh, limit: int) -> Iterator[bytes | Oversize]:
    """The lines of a stream, none read past ``limit`` bytes: a longer line is skipped
    in chunks and stands as an :class:`Oversize` marker."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not (len(line) == limit + 1 and line.endswith(b"\n")):
            size = len(line)
            while not line.endswith(b"\n"):
                line = fh.readline(READ_CHUNK)
                if not line:
                    break
                size += len(line)
            yield Oversize(size)
            continue
        yield line


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
    try:
        fh = _open_regular(path)
    except InputError as err:
        yield _failed(path.stem or str(path), str(path), err)
        return
    with fh:
        yield from records(_lines(fh, settings.max_bytes), str(path), settings)


def records(lines: Iterable[bytes | Oversize], source: str, settings: Settings = DEFAULT,
            first_line: int = 1) -> Iterator[Article]:
    """One article per JSONL line; a bad line becomes an error record named
    ``source:line`` (lines counted from ``first_line``)."""
    for lineno, line in enumerate(lines, first_line):
        where = f"{source}:{lineno}"
        if isinstance(line, Oversize):
            yield _failed(where, where, InputError("too_large", f"record of {line.size:,} bytes is over the limit "
                                                                f"of {settings.max_bytes:,}; not read"))
            continue
        if not line.strip():
            continue
        try:
            if len(line) > settings.max_bytes:
                raise InputError("too_large", f"record of {len(line):,} bytes is over the limit of {settings.max_bytes:,}")
            record = parse_json(decode(line), settings.max_json_depth)
            yield from_record(record, source=where, settings=settings)
        except InputError as err:
            yield _failed(_record_id(line) or where, where, err)


def parse_json(text: str, max_depth: int = DEFAULT.max_json_depth) -> object:
    """One JSON value, with limits: nesting at most ``max_depth`` deep, numbers at most
    :data:`MAX_NUMBER_DIGITS` long, no NaN or Infinity. Raises :class:`InputError` (``bad_json``)."""
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > max_depth:
                raise InputError("bad_json", f"the record is nested more than {max_depth} levels deep")
    try:
        return json.loads(text, parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant)
    except json.JSONDecodeError as err:
        raise InputError("bad_json", f"not a JSON object: {err.msg} at column {err.colno}") from None
    except RecursionError:
        raise InputError("bad_json", "the record is nested too deeply") from None


def _json_int(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise InputError("bad_json", f"a number of {len(text):,} digits is over the limit of {MAX_NUMBER_DIGITS}")
    return int(text)


def _json_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise InputError("bad_json", f"a number of {len(text):,} characters is over the limit of {MAX_NUMBER_DIGITS}")
    return float(text)


def _json_constant(text: str) -> float:
    raise InputError("bad_json", f"{text} is not a JSON number")


def valid_unicode(text: str) -> str:
    """``text`` with any lone surrogate (from JSON ``\\ud800`` escapes) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def from_record(record: object, source: str | None = None, settings: Settings = DEFAULT) -> Article:
    """An article from a JSONL record: ``text`` (or ``html``) plus optional metadata."""
    if not isinstance(record, dict):
        raise InputError("bad_record", f"expected a JSON object, got {type(record).__name__}")
    meta = {k: _str_or_none(record.get(k)) for k in RECORD_FIELDS}
    meta["id"] = meta["id"] or None
    if meta["id"] and len(meta["id"]) > settings.max_id_chars:
        raise InputError("bad_record", f"the id of {len(meta['id']):,} characters is over the limit of "
                                       f"{settings.max_id_chars:,}")
    body = record.get("text")
    if body is None and isinstance(record.get("html"), str):
        return from_html(record["html"], source=source, **meta)
    if not isinstance(body, str):
        raise InputError("bad_record", "the record has no 'text' string" if body is None
                         else f"'text' must be a string, got {type(body).__name__}")
    extra = {k: v for k, v in record.items() if k not in RECORD_FIELDS + ("text", "html")}
    art = from_text(body, source=source, **meta)
    art.metadata.update({valid_unicode(k): valid_unicode(v) if isinstance(v, str) else v
                         for k, v in extra.items() if isinstance(v, (str, int, float, bool))})
    return art


def from_text(text: str, *, source: str | None = None, **meta) -> Article:
    """An article from plain text (cleaning happens in the clean stage); the text and
    metadata are made valid Unicode first."""
    text = valid_unicode(text)
    _check_text(text)
    meta = {k: valid_unicode(v) if isinstance(v, str) else v for k, v in meta.items() if v is not None}
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
        except (TypeError, ValueError, OverflowError, IndexError):
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
            try:
                return valid_unicode(data.decode("utf-16"))
            except UnicodeDecodeError as err:
                raise InputError("undecodable", f"broken UTF-16 at byte {err.start}: {err.reason}") from None
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
