"""Writing results: JSON, JSONL, CSV (one row per event) and terminal tables."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Table

from .model import Article

FORMATS = ("table", "json", "jsonl", "csv")
EVENT_COLUMNS = ("article_id", "sentence_index", "type", "mode", "cameo", "quad_class", "goldstein",
                 "source_code", "source_text", "target_code", "target_text", "trigger", "status",
                 "negated", "date", "location", "sentence")


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
            "location": e.location.name if e.location else None, "sentence": e.sentence,
        }


def write_csv(articles: Iterable[Article], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    for art in articles:
        if art.ok:
            writer.writerows(event_rows(art))


def render(art: Article, console: Console) -> None:
    """One article as readable tables: events, quotes, actors."""
    if not art.ok:
        console.print(f"[bold red]{art.id}[/]: {art.error.kind}: {art.error.message}")
        return
    head = f"[bold]{art.title or art.id}[/]"
    if art.published:
        head += f"  [dim]{art.published}[/]"
    console.rule(head)
    events = Table(title="Events", show_lines=False, expand=True)
    for col in ("#", "type", "cameo", "source", "target", "trigger", "status", "date"):
        events.add_column(col, overflow="fold", no_wrap=col in ("#", "type", "cameo", "date"))
    for e in art.events:
        events.add_row(str(e.sentence_index), e.type, e.cameo or "", _ref(e.source), _ref(e.target), e.trigger,
                       e.status + (" (negated)" if e.negated else ""), e.date or "")
    console.print(events)
    quotes = Table(title="Quotes", expand=True)
    for col in ("speaker", "kind", "cue", "text"):
        quotes.add_column(col, overflow="fold", ratio=4 if col == "text" else None)
    for q in art.quotes:
        quotes.add_row(_ref(q.speaker), q.kind, q.cue or "", _short(q.text, 120))
    console.print(quotes)
    actors = Table(title="Actors", expand=True)
    for col in ("name", "type", "code", "title", "mentions"):
        actors.add_column(col, overflow="fold")
    for a in art.actors:
        actors.add_row(a.name, a.type, a.code or "", a.title or "", ", ".join(a.mentions[:6]))
    console.print(actors)


def _ref(ref) -> str:
    if ref is None:
        return "-"
    label = ref.name or ref.text
    return f"{label} [{ref.code}]" if ref.code else label


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
