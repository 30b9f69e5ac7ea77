"""Event dates: relative time expressions resolved against the publication date.

"on Friday", "Thursday", "last month", "next week", "yesterday", "March 14",
"earlier this month" are read from spaCy's DATE entities. :func:`resolve` turns
them into ISO 8601 forms (``YYYY-MM-DD`` for a day, ``YYYY-Www`` for a week,
``YYYY-MM`` for a month, ``YYYY`` for a year); :func:`event_date` gives what an
event carries: a day a statistics package reads (``YYYY-MM-DD``, the period's
first day when the text names only a week, month or year), the precision
(``day|week|month|year``) and the words it was read from.
A weekday named in a past-tense clause is the latest such day on or before
publication; in a future clause the next one after it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal, NamedTuple

DatePrecision = Literal["day", "week", "month", "year"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH_DAY = re.compile(r"\b(" + "|".join(list(MONTHS) + list(MONTH_ABBR)) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?"
                        r"(?:,?\s+(\d{4}))?\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PERIOD = re.compile(r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?)?")


class EventDate(NamedTuple):
    """An event's date: ``date`` always ``YYYY-MM-DD`` (the first day of the week, month or
    year the text names), its ``precision`` and the expression it was read from (``text``;
    None when the date is the article's publication date)."""

    date: str
    precision: DatePrecision
    text: str | None = None


def period_date(value: str | None) -> tuple[str, DatePrecision] | None:
    """An ISO 8601 day, week, month or year as (first day, precision); None where it is none.

    >>> period_date("2025-W11"), period_date("2024-12"), period_date("2019")
    (('2025-03-10', 'week'), ('2024-12-01', 'month'), ('2019-01-01', 'year'))
    """
    if not value or not isinstance(value, str):
        return None
    m = _PERIOD.fullmatch(value.strip())
    if not m:
        day = parse_published(value)
        return (day.isoformat(), "day") if day else None
    year, week, month, day_of_month = m.groups()
    try:
        if week:
            return dt.date.fromisocalendar(int(year), int(week), 1).isoformat(), "week"
        if day_of_month:
            return dt.date(int(year), int(month), int(day_of_month)).isoformat(), "day"
        if month:
            return dt.date(int(year), int(month), 1).isoformat(), "month"
        return dt.date(int(year), 1, 1).isoformat(), "year"
    except ValueError:
        return None


def event_date(expr: str, published: dt.date, future: bool = False) -> EventDate | None:
    """The date a time expression gives an event, or None where it names no date.

    >>> event_date("last month", dt.date(2022, 11, 11))
    EventDate(date='2022-10-01', precision='month', text='last month')
    """
    found = period_date(resolve(expr, published, future=future))
    return EventDate(found[0], found[1], expr) if found else None


def parse_published(published: str | None) -> dt.date | None:
    """The day of an ISO-8601 date or timestamp (``2022-11-11``, ``2022-11-11T08:00:00Z``), else None."""
    if not published or not isinstance(published, str):
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def resolve(expr: str, published: dt.date, future: bool = False) -> str | None:
    """An ISO date for a time expression, or None where it names no date.

    >>> resolve("on Friday", dt.date(2022, 11, 11))
    '2022-11-11'
    >>> resolve("last month", dt.date(2022, 11, 11))
    '2022-10'
    """
    text = expr.lower().replace("’", "'")
    if (m := _ISO.search(text)):
        return m.group(0)
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", text):
        return published.isoformat()
    if "yesterday" in text or "last night" in text:
        return (published - dt.timedelta(days=1)).isoformat()
    if "tomorrow" in text:
        return (published + dt.timedelta(days=1)).isoformat()
    for i, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            if future or re.search(r"\bnext\b", text):
                delta = (i - published.weekday()) % 7
                if delta == 0 and re.search(r"\bnext\b", text):
                    delta = 7
                return (published + dt.timedelta(days=delta)).isoformat()
            delta = (published.weekday() - i) % 7
            if re.search(r"\blast\b", text) and delta == 0:
                delta = 7
            return (published - dt.timedelta(days=delta)).isoformat()
    if (m := _MONTH_DAY.search(text)):
        month = MONTH_ABBR.get(m.group(1)[:4] if m.group(1).startswith("sept") else m.group(1)[:3])
        year = int(m.group(3)) if m.group(3) else published.year
        try:
            day = dt.date(year, month, int(m.group(2)))
        except (TypeError, ValueError):
            return None
        if not m.group(3) and not future and day > published + dt.timedelta(days=7):
            day = day.replace(year=year - 1)
        return day.isoformat()
    for unit, months in (("week", None), ("month", 1), ("year", 12)):
        if not re.search(rf"\b{unit}\b", text):
            continue
        step = -1 if re.search(r"\b(last|past|previous)\b", text) else (
            1 if re.search(r"\bnext\b|\bcoming\b", text) else (0 if "this" in text else None))
        if step is None:
            break
        if unit == "week":  # an ISO 8601 week: 2022-W46
            year, week, _ = (published + dt.timedelta(weeks=step)).isocalendar()
            return f"{year:04d}-W{week:02d}"
        y, mo = _shift_month(published, step * months)
        return f"{y:04d}-{mo:02d}" if unit == "month" else f"{y:04d}"
    if (m := _MONTH_YEAR.search(text)):
        return f"{int(m.group(2)):04d}-{MONTHS.index(m.group(1)) + 1:02d}"
    for i, name in enumerate(MONTHS):
        if re.search(rf"\b{name}\b", text) and not _YEAR.search(text):
            year = published.year
            if not future and i + 1 > published.month:
                year -= 1
            return f"{year:04d}-{i + 1:02d}"
    if (m := _YEAR.search(text)) and re.fullmatch(r"(in |since |by )?\d{4}", text.strip()):
        return m.group(1)
    return None
