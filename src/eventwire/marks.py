"""Quotation marks in news text: where each quotation opens and closes.

Scrapes mix straight and curly marks (``"... world”``), so a mark is read as
opening or closing by the characters around it first and by its shape only when
those do not tell. A quotation left open at the end of a paragraph continues when
the next paragraph opens with a mark, and otherwise ends there, so an odd number
of marks never swallows the rest of the text. Used by the cleaner (to tell the
site's own words from quoted ones) and by the quotes stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»"
MARKS = '"' + OPENING + CLOSING
# One pass over the text finds every double quotation mark and every paragraph break.
_EVENTS = re.compile(r'["“”«»„]|\n')


@dataclass
class Marked:
    """A stretch of text between quotation marks.

    ``pieces`` are the quoted stretches (one per paragraph for a quote that runs
    over paragraphs), without the marks; ``open``/``close`` are the offsets of the
    first and last mark (``close`` is ``None`` for a quote never closed).
    """

    open: int
    close: int | None
    pieces: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def mark_role(text: str, pos: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at ``pos``, read from the
    characters around it first and from its shape only when those do not tell."""
    left = text[pos - 1] if pos > 0 else " "
    right = text[pos + 1] if pos + 1 < len(text) else " "
    opens = (left.isspace() or left in "([{—–-/" or left in MARKS) and not right.isspace()
    closes = not left.isspace() and (right.isspace() or right in ".,;:!?)]}—–-/…" or right in MARKS)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    mark = text[pos]
    return "open" if mark in OPENING else "close" if mark in CLOSING else "either"


def find_marked(text: str) -> list[Marked]:
    """Every stretch between double quotation marks, in one pass over ``text``.

    Handles straight and curly marks in any mix, a quote re-opened at the start
    of each paragraph it continues into, and a mark left unclosed (the quote ends
    with its paragraph, or before the next clearly opening mark).
    """
    found: list[Marked] = []
    current: Marked | None = None
    seg_start = 0
    skip = -1
    for m in _EVENTS.finditer(text):
        pos = m.start()
        if pos == skip:
            continue
        if text[pos] == "\n":
            if current is None:
                continue
            current.pieces.append((seg_start, pos))
            nxt = _next_visible(text, pos + 1)
            if nxt is not None and text[nxt] in MARKS and mark_role(text, nxt) != "close":
                seg_start, skip = nxt + 1, nxt  # the quote goes on in the next paragraph
            else:
                found.append(current)  # never closed: it ends with its paragraph
                current = None
            continue
        role = mark_role(text, pos)
        if current is None:
            if role != "close":
                current, seg_start = Marked(open=pos, close=None, pieces=[]), pos + 1
            continue
        if role == "open":  # a clear opening mark: the quote before it was never closed
            _end_unclosed(text, current, seg_start, pos, found)
            current, seg_start = Marked(open=pos, close=None, pieces=[]), pos + 1
            continue
        current.pieces.append((seg_start, pos))
        current.close = pos
        found.append(current)
        current = None
    if current is not None:
        current.pieces.append((seg_start, len(text)))
        found.append(current)
    return [q for q in (_trimmed(text, q) for q in found) if q is not None]


def _next_visible(text: str, pos: int) -> int | None:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos if pos < len(text) else None


def _end_unclosed(text: str, quote: Marked, seg_start: int, pos: int, found: list[Marked]) -> None:
    """Keep an unclosed quote up to its last full sentence before ``pos``; drop it if none."""
    stop = max(text.rfind(c, seg_start, pos) for c in ".!?")
    if stop > seg_start:
        quote.pieces.append((seg_start, stop + 1))
        found.append(quote)


def _trimmed(text: str, quote: Marked) -> Marked | None:
    pieces = []
    for s, e in quote.pieces:
        while s < e and (text[s].isspace() or text[s] in ",;"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
            e -= 1
        if e > s:
            pieces.append((s, e))
    if not pieces:
        return None
    quote.pieces = pieces
    return quote
