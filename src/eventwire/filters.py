"""The event filters analysts use, defined once for the store, the command line and the HTTP API.

:class:`EventFilters` reads the filters from keyword arguments (Python), from
option strings (``--source RUS,BLR``) or from query parameters (``?source=RUS,BLR``),
checks every value and builds the parameterised SQL condition the store runs.
A value that makes no sense raises :class:`FilterError` (a ``ValueError``) with a
message that names the filter and says what it takes.

>>> f = EventFilters.parse(source="RUS,BLR", quad="3,4", since="2022-03-01")
>>> f.source, f.quad
(('RUS', 'BLR'), (3, 4))
>>> EventFilters.parse(type="BANANA")
Traceback (most recent call last):
...
eventwire.filters.FilterError: type: 'BANANA' is not a PLOVER event type; types: AGREE, CONSULT, SUPPORT, REQUEST, CONCEDE, COOPERATE, AID, RETREAT, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, get_args

from .model import PLOVER_TYPES, EventStatus

STATUSES: tuple[str, ...] = get_args(EventStatus)
PERIODS = ("day", "week", "month", "quarter", "year")
#: The columns events can be sorted by (``Store.events(sort=...)``, ``/api/events?sort=``, ``--sort``).
SORT_COLUMNS = ("date", "type", "cameo", "quad_class", "goldstein", "source_code", "target_code", "status",
                "confidence", "num_mentions", "num_articles", "num_sources", "article_id", "location_country",
                "trigger", "event_id")
_CODE = re.compile(r"[A-Z0-9][A-Z0-9:_.-]{0,63}")
_SECTOR = re.compile(r"[A-Z]{3}")
_COUNTRY = re.compile(r"[A-Z]{3}")
_CAMEO = re.compile(r"[0-9]{2,4}")
_YMD = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _list_of(item: str) -> str:
    return f"^{item}(,{item})*$"


#: The values each list filter takes, as regular expressions (the API's query-parameter schema;
#: :meth:`EventFilters.parse` also accepts spaces after commas and lower case).
PATTERNS = {
    "actor": _list_of("[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}"),
    "source": _list_of("[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}"),
    "target": _list_of("[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}"),
    "sector": _list_of("[A-Za-z]{3}"),
    "type": _list_of("(" + "|".join(PLOVER_TYPES) + ")"),
    "cameo": _list_of("[0-9]{2,4}"),
    "quad": _list_of("[1-4]"),
    "status": _list_of("(" + "|".join(STATUSES) + ")"),
    "place": _list_of("[A-Za-z]{3}"),
}

#: What each filter takes, for help texts and error messages.
HELP = {
    "actor": "actor code prefixes, either side of the event (RUS matches RUSGOV); several: RUS,BLR",
    "source": "source actor code prefixes (RUS matches RUSGOV); several: RUS,BLR",
    "target": "target actor code prefixes; several: UKR,POL",
    "sector": "actor sectors on either side, e.g. GOV,MIL (RUSGOV is sector GOV)",
    "type": "PLOVER event types, e.g. ACCUSE,SANCTION",
    "cameo": "CAMEO codes or roots, by prefix: 11 matches 111 and 112",
    "quad": "quad classes 1-4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)",
    "goldstein_min": "lowest Goldstein value, -10 to 10",
    "goldstein_max": "highest Goldstein value, -10 to 10",
    "status": f"event status: {', '.join(STATUSES)}",
    "confidence_min": "lowest confidence, 0 to 1",
    "place": "ISO 3166-1 alpha-3 country of the event's place, e.g. UKR",
    "since": "first date, YYYY-MM-DD (inclusive)",
    "until": "last date, YYYY-MM-DD (inclusive)",
    "article_id": "events reported by this article",
}


class FilterError(ValueError):
    """A filter value that makes no sense; the message names the filter and what it takes."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name}: {message}")
        self.name = name


def split(value: Any) -> tuple[str, ...]:
    """``"RUS, BLR"`` or ``["RUS", "BLR,UKR"]`` as ``("RUS", "BLR", "UKR")``; None as ()."""
    if value is None:
        return ()
    items: Iterable[Any] = [value] if isinstance(value, (str, int, float)) else value
    out: list[str] = []
    for item in items:
        out += [part.strip() for part in str(item).split(",") if part.strip()]
    return tuple(out)


def parse_day(value: Any, name: str = "date") -> dt.date | None:
    """A ``YYYY-MM-DD`` date (or a ``datetime.date``); anything else raises :class:`FilterError`."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if _YMD.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise FilterError(name, f"{value!r} is not a date; write it YYYY-MM-DD, e.g. 2022-03-01")


def _number(value: Any, name: str, low: float, high: float) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FilterError(name, f"{value!r} is not a number; {HELP[name]}") from None
    if not low <= number <= high:
        raise FilterError(name, f"{value!r} is out of range; {HELP[name]}")
    return number


def _codes(value: Any, name: str, pattern: re.Pattern, what: str) -> tuple[str, ...]:
    codes = tuple(v.upper() for v in split(value))
    for code in codes:
        if not pattern.fullmatch(code):
            raise FilterError(name, f"{code!r} is not {what}; {HELP[name]}")
    return codes


@dataclass(frozen=True)
class EventFilters:
    """Which events a query reads. Every field is optional; lists are OR-ed within a field,
    fields are AND-ed. Build it with :meth:`parse`, which checks every value."""

    actor: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    cameo: tuple[str, ...] = ()
    quad: tuple[int, ...] = ()
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    status: tuple[str, ...] = ()
    confidence_min: float | None = None
    place: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse(cls, **values: Any) -> "EventFilters":
        """Filters from keyword arguments: strings (comma lists), lists, numbers or dates.
        ``quad_class`` is read as ``quad``. Unknown names raise ``TypeError``."""
        if "quad_class" in values:
            legacy = values.pop("quad_class")
            if legacy is not None and values.get("quad") is None:
                values["quad"] = legacy
        unknown = set(values) - set(cls.names())
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}; filters: {', '.join(cls.names())}")
        types = tuple(t.upper() for t in split(values.get("type")))
        for t in types:
            if t not in PLOVER_TYPES:
                raise FilterError("type", f"{t!r} is not a PLOVER event type; types: {', '.join(PLOVER_TYPES)}")
        quads = []
        for q in split(values.get("quad")):
            if q not in ("1", "2", "3", "4"):
                raise FilterError("quad", f"{q!r} is not a quad class; {HELP['quad']}")
            quads.append(int(q))
        statuses = tuple(s.lower() for s in split(values.get("status")))
        for s in statuses:
            if s not in STATUSES:
                raise FilterError("status", f"{s!r} is not an event status; {HELP['status']}")
        gmin = _number(values.get("goldstein_min"), "goldstein_min", -10, 10)
        gmax = _number(values.get("goldstein_max"), "goldstein_max", -10, 10)
        if gmin is not None and gmax is not None and gmin > gmax:
            raise FilterError("goldstein_min", f"{gmin:g} is above goldstein_max {gmax:g}")
        since = parse_day(values.get("since"), "since")
        until = parse_day(values.get("until"), "until")
        if since and until and since > until:
            raise FilterError("since", f"{since} is after until {until}")
        article = values.get("article_id")
        return cls(
            actor=_codes(values.get("actor"), "actor", _CODE, "an actor code"),
            source=_codes(values.get("source"), "source", _CODE, "an actor code"),
            target=_codes(values.get("target"), "target", _CODE, "an actor code"),
            sector=_codes(values.get("sector"), "sector", _SECTOR, "a three-letter sector code"),
            type=types,
            cameo=_codes(values.get("cameo"), "cameo", _CAMEO, "a CAMEO code or root (2 to 4 digits)"),
            quad=tuple(quads), goldstein_min=gmin, goldstein_max=gmax, status=statuses,
            confidence_min=_number(values.get("confidence_min"), "confidence_min", 0, 1),
            place=_codes(values.get("place"), "place", _COUNTRY, "an ISO 3166-1 alpha-3 country code"),
            since=since, until=until, article_id=None if article in (None, "") else str(article))

    def without(self, *names: str) -> "EventFilters":
        """These filters with some fields cleared."""
        return EventFilters(**{f: getattr(self, f) for f in self.names() if f not in names})

    def __bool__(self) -> bool:
        return any(getattr(self, f) not in (None, ()) for f in self.names())

    def as_params(self) -> dict[str, str]:
        """The filters set, as query-string values (comma lists)."""
        out = {}
        for name in self.names():
            value = getattr(self, name)
            if value in (None, ()):
                continue
            out[name] = ",".join(map(str, value)) if isinstance(value, tuple) else str(value)
        return out

    def where(self, alias: str = "e") -> tuple[list[str], list]:
        """SQL conditions over the ``events`` table (as ``alias``) and their parameters."""
        e = alias
        where: list[str] = []
        params: list = []

        def prefixes(column_sets: tuple[str, ...], codes: tuple[str, ...]) -> None:
            if codes:
                where.append("(" + " OR ".join(f"starts_with({alias}.{col}, ?)" for col in column_sets
                                               for _ in codes) + ")")
                params.extend(list(codes) * len(column_sets))

        prefixes(("source_code", "target_code"), self.actor)
        prefixes(("source_code",), self.source)
        prefixes(("target_code",), self.target)
        if self.sector:
            pattern = r"^[A-Z]{3}(?:[A-Z]{3})*?(?:" + "|".join(self.sector) + ")"  # sectors checked: [A-Z]{3}
            where.append(f"(regexp_matches({e}.source_code, ?) OR regexp_matches({e}.target_code, ?))")
            params += [pattern, pattern]
        prefixes(("cameo",), self.cameo)
        for column, values in (("type", self.type), ("quad_class", self.quad), ("status", self.status),
                               ("location_country", self.place)):
            if values:
                where.append(f"list_contains(?, {e}.{column})")
                params.append(list(values))
        for column, op, bound in (("goldstein", ">=", self.goldstein_min), ("goldstein", "<=", self.goldstein_max),
                                  ("confidence", ">=", self.confidence_min), ("date", ">=", self.since),
                                  ("date", "<=", self.until)):
            if bound is not None:
                where.append(f"{e}.{column} {op} ?")
                params.append(bound)
        if self.article_id is not None:
            where.append(f"{e}.event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
            params.append(self.article_id)
        return where, params


def auto_period(first: dt.date | None, last: dt.date | None) -> str:
    """The period a timeline of this span reads best in: days under two months, weeks up
    to about a year, months up to ten years, years beyond."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    if days < 62:
        return "day"
    if days <= 400:
        return "week"
    return "month" if days <= 3660 else "year"


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the period holding ``day`` (weeks start on Monday)."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise FilterError("by", f"{by!r} is not a period; periods: {', '.join(PERIODS)}")


def next_period(start: dt.date, by: str) -> dt.date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    index = start.year * 12 + start.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


__all__ = ["EventFilters", "FilterError", "HELP", "PATTERNS", "PERIODS", "SORT_COLUMNS", "STATUSES", "auto_period", "parse_day",
           "period_start", "next_period", "split"]
