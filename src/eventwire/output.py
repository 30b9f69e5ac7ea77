"""Writing results: JSON, JSONL, CSV (one row per event, quote or actor) and terminal tables.

Terminal tables fit the terminal: :func:`fit_table` keeps the columns that fit
its width, in order of priority, each at least as wide as its longest word
(so words are wrapped between words, never cut), and reports the columns it left out.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Article

FORMATS = ("table", "json", "jsonl", "csv")
EVENT_COLUMNS = ("article_id", "sentence_index", "type", "mode", "cameo", "quad_class", "goldstein",
                 "source_code", "source_text", "target_code", "target_text", "trigger", "status",
                 "negated", "date", "date_precision", "date_text", "location", "location_country", "sentence")
QUOTE_COLUMNS = ("article_id", "sentence_index", "speaker_name", "speaker_code", "speaker_text", "kind", "cue",
                 "text", "start", "end", "sentence")
ACTOR_COLUMNS = ("article_id", "actor_id", "name", "type", "code", "title", "mentions", "n_mentions")
#: What ``eventwire code --format csv --table T`` writes: one row per event, quote or actor.
CSV_TABLES = ("events", "quotes", "actors")
MAX_WORD = 24     # a longer word (a URL) may be folded; any shorter one is never cut
MAX_CELL = 300    # characters of a cell shown in a terminal table (cut between words)


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> None:
    for art in articles:
        out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
        out.flush()


def event_rows(art: Article) -> Iterable[dict]:
    for e in art.events:
        yield {
            "article_id": art.id, "sentence_index": e.sentence_index, "type": e.type, "mode": e.mode,
            "cameo": e.cameo, "quad_class": e.quad_class, "goldstein": e.goldstein,
            "source_code": e.source.code if e.source else None, "source_text": e.source.text if e.source else None,
            "target_code": e.target.code if e.target else None, "target_text": e.target.text if e.target else None,
            "trigger": e.trigger, "status": e.status, "negated": e.negated, "date": e.date,
            "date_precision": e.date_precision, "date_text": e.date_text,
            "location": e.location.name if e.location else None,
            "location_country": e.location.country if e.location else None, "sentence": e.sentence,
        }


def quote_rows(art: Article) -> Iterable[dict]:
    for q in art.quotes:
        yield {
            "article_id": art.id, "sentence_index": q.sentence_index,
            "speaker_name": q.speaker.name if q.speaker else None, "speaker_code": q.speaker.code if q.speaker else None,
            "speaker_text": q.speaker.text if q.speaker else None, "kind": q.kind, "cue": q.cue, "text": q.text,
            "start": q.start, "end": q.end, "sentence": q.sentence,
        }


def actor_rows(art: Article) -> Iterable[dict]:
    for a in art.actors:
        yield {"article_id": art.id, "actor_id": a.id, "name": a.name, "type": a.type, "code": a.code,
               "title": a.title, "mentions": "; ".join(a.mentions), "n_mentions": len(a.spans)}


def write_csv(articles: Iterable[Article], out: IO[str], table: str = "events") -> None:
    """One CSV row per event (or per quote, or per actor, with ``table``) of every coded article."""
    columns, rows = {"events": (EVENT_COLUMNS, event_rows), "quotes": (QUOTE_COLUMNS, quote_rows),
                     "actors": (ACTOR_COLUMNS, actor_rows)}[table]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for art in articles:
        if art.ok:
            writer.writerows(rows(art))


def fit_table(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int, *,
              priority: Sequence[str] = (), title: str | None = None,
              no_wrap: Iterable[str] = ()) -> tuple[Table, list[str]]:
    """A rich table of the columns that fit ``width``, chosen by ``priority`` (earlier first; the
    other columns after, in their order), shown in the order of ``headers``. Each column is at least as
    wide as its longest word (up to :data:`MAX_WORD`), so rich wraps between words and never cuts
    one. Returns the table and the headers left out."""
    index = {h: i for i, h in enumerate(headers)}
    order = [h for h in priority if h in index] + [h for h in headers if h not in priority]
    keep_fixed = set(no_wrap)
    need = {}
    for h in order:
        cells = [str(r[index[h]]) for r in rows]
        if h in keep_fixed:
            need[h] = max([len(h)] + [len(c) for c in cells])
        else:
            need[h] = max([min(len(h), MAX_WORD)] + [min(len(w), MAX_WORD) for c in cells for w in c.split()])
    shown, used = [], 1  # the table's left border
    for h in order:
        cost = need[h] + 3  # padding on both sides and a border
        if used + cost <= width or not shown:
            shown.append(h)
            used += cost
    shown = [h for h in headers if h in shown]
    table = Table(title=title, expand=False)
    for h in shown:
        table.add_column(h, min_width=need[h], overflow="fold", no_wrap=h in keep_fixed)
    for r in rows:
        table.add_row(*(Text(str(r[index[h]])) for h in shown))  # cells are text, never markup
    return table, [h for h in headers if h not in shown]


def shorten(text: str, n: int = MAX_CELL) -> str:
    """``text`` cut to about ``n`` characters between two words, with an ellipsis."""
    if len(text) <= n:
        return text
    cut = text[:n].rsplit(" ", 1)[0] if " " in text[:n] else text[:n]
    return cut.rstrip(" ,;:") + " …"


def render(art: Article, console: Console) -> None:
    """One article as readable tables that fit the console: events, quotes, actors."""
    if not art.ok:
        console.print(f"[bold red]{art.id}[/]: {art.error.kind}: {art.error.message}")
        return
    head = f"[bold]{art.title or art.id}[/]"
    if art.published:
        head += f"  [dim]{art.published}[/]"
    console.rule(head)
    width = console.width
    events = [(str(e.sentence_index), e.type, e.cameo or "", _ref(e.source), _ref(e.target), e.trigger,
               e.status + (" (negated)" if e.negated else ""), _date(e)) for e in art.events]
    _print_fitted(console, "Events", ("#", "type", "cameo", "source", "target", "trigger", "status", "date"), events,
                  width, ("type", "source", "target", "trigger", "date", "status", "cameo", "#"),
                  ("#", "type", "cameo"))
    quotes = [(_ref(q.speaker), q.kind, q.cue or "", _quoted(q.text, q.kind)) for q in art.quotes]
    _print_fitted(console, "Quotes", ("speaker", "kind", "cue", "text"), quotes, width,
                  ("speaker", "text", "kind", "cue"), ())
    actors = [(a.name, a.type, a.code or "", a.title or "", ", ".join(a.mentions[:6])) for a in art.actors]
    _print_fitted(console, "Actors", ("name", "type", "code", "title", "mentions"), actors, width,
                  ("name", "code", "type", "title", "mentions"), ("code",))


def _print_fitted(console: Console, title: str, headers, rows, width: int, priority, no_wrap) -> None:
    table, hidden = fit_table(headers, [[shorten(c) for c in r] for r in rows], width, priority=priority,
                              title=title, no_wrap=no_wrap)
    console.print(table)
    if hidden:
        console.print(f"[dim]{title}: {', '.join(hidden)} left out to fit {width} columns "
                      "(--format csv or json for everything)[/]")


def _date(e) -> str:
    """An event's date as read: the day, or the week, month or year the text named."""
    if not e.date:
        return ""
    return {"month": e.date[:7], "year": e.date[:4]}.get(e.date_precision or "day", e.date) + (
        " (week)" if e.date_precision == "week" else "")


def _quoted(text: str, kind: str) -> str:
    """Direct quotes in quotation marks; indirect ones (reported speech) without."""
    text = shorten(text, 200)
    return f"“{text}”" if kind == "direct" else text


def _ref(ref) -> str:
    if ref is None:
        return "-"
    label = ref.name or ref.text
    return f"{label} [{ref.code}]" if ref.code else label
