"""Export a store's events as a GDELT 2.0 event table.

The file has GDELT's 61 columns (``data/gdelt_events_columns.tsv``), tab
separated, no header, one event per line, so that code written for GDELT's
``*.export.CSV`` files reads it unchanged::

    from eventwire.gdelt import column_names, dtypes
    df = pandas.read_csv("events.gdelt.tsv", sep="\\t", names=column_names(), dtype=dtypes())

(``dtypes()`` reads the code columns as text: ``EventRootCode`` is ``"06"``, not 6.)

How eventwire's fields fill GDELT's:

* ``GLOBALEVENTID``: eventwire's stable ``event_id``. ``SQLDATE``, ``MonthYear``,
  ``Year``, ``FractionDate``: the event's date (else its article's).
* ``ActorNCode``: the CAMEO-style code without its colon (``RUSGOV``, ``IGOUN``);
  ``ActorNName``: the canonical name, upper case; ``ActorNCountryCode``: the
  3-letter entity when it is a country or region; ``ActorNKnownGroupCode``: the
  acronym of an ``IGO:``/``NGO:``/``NSA:`` code; ``ActorNType1Code``: the sector
  (``GOV``, ``MIL``...) or ``IGO``/``NGO``/``NSA``. Ethnic and religion codes are empty.
* ``IsRootEvent``: 1 for events of the article's first sentence.
* ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code and its first
  three and two digits; ``QuadClass``, ``GoldsteinScale`` as coded.
* ``NumMentions``/``NumSources``/``NumArticles``: eventwire's counts over
  duplicate articles. ``AvgTone``: empty (eventwire does not score tone).
* ``ActionGeo_*``: the event's location (type 1 for a country, 4 for a place with
  coordinates; country as FIPS 10-4 like GDELT). Actor geography: type 0, empty.
* ``DATEADDED``: when the article was stored (UTC, ``YYYYMMDDHHMMSS``);
  ``SOURCEURL``: the article's URL, else where it was read from.

The *extended* file holds the same columns and then eventwire's own
(``event_id``, ``article_id``, ``sentence_index``, ``type``, ``mode``, ``status``,
``negated``, ``trigger``, ``source_code``, ``target_code``, ``sentence``), with a
header line and CSV quoting (tab separated).
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .lexicons import data_path, read_tsv

if TYPE_CHECKING:
    from .store import Store

COLUMNS_FILE = "gdelt_events_columns.tsv"
EXTENDED = ("event_id", "article_id", "sentence_index", "type", "mode", "status", "negated", "trigger",
            "source_code", "target_code", "sentence")
_QUERY = """
SELECT e.event_id, e.date, e.source_code, e.source_name, e.target_code, e.target_name, e.sentence_index,
       e.cameo, e.quad_class, e.goldstein, e.num_mentions, e.num_sources, e.num_articles,
       e.location_name, e.location_country, e.lat, e.lon, a.ingested_at, coalesce(a.url, a.source) AS url,
       e.article_id, e.type, e.mode, e.status, e.negated, e.trigger, e.sentence
FROM events e JOIN articles a USING (article_id)
WHERE NOT e.boilerplate
ORDER BY e.date NULLS LAST, e.article_id, e.event_index
"""


@lru_cache(maxsize=1)
def columns() -> tuple[dict, ...]:
    """GDELT 2.0's event-table columns: ``position``, ``name``, ``type``."""
    return tuple(read_tsv(data_path(COLUMNS_FILE), ("position", "name", "type")))


def column_names() -> list[str]:
    return [c["name"] for c in columns()]


def dtypes() -> dict[str, str]:
    """pandas dtypes of the columns (``read_csv(..., dtype=dtypes())``): codes such as
    ``EventRootCode`` ("06") and ``EventCode`` ("010") stay text, counts nullable integers."""
    kinds = {"string": "string", "int": "Int64", "float": "float64"}
    return {c["name"]: kinds[c["type"]] for c in columns()}


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    from .places import geonames

    return {c["iso3"]: c["fips"] for c in geonames().get_countries().values()
            if c.get("iso3") and c.get("fips")}


def _actor(code: str | None, name: str | None) -> dict[str, str]:
    """The ten GDELT actor fields (without the ``ActorN`` prefix) of one eventwire actor."""
    out = dict.fromkeys(("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                         "Religion2Code", "Type1Code", "Type2Code", "Type3Code"), "")
    if not code and not name:
        return out
    out["Name"] = (name or "").upper()
    if not code:
        return out
    out["Code"] = code.replace(":", "")
    if ":" in code:
        kind, _, group = code.partition(":")
        out["KnownGroupCode"] = group
        out["Type1Code"] = kind
    else:
        entity, sector = code[:3], code[3:6]
        if entity.isalpha():
            out["CountryCode"] = entity
        if sector:
            out["Type1Code"] = sector
    return out


def _fraction_date(date: dt.date) -> float:
    """GDELT's YYYY.FFFF: the year plus the share of it gone by (0 to 0.9999)."""
    days = 366 if (date.year % 4 == 0 and date.year % 100 != 0) or date.year % 400 == 0 else 365
    return round(date.year + min(0.9999, (date.timetuple().tm_yday - 1) / days), 4)


def _geo_type(country: str | None, lat: Any, lon: Any) -> int:
    if lat is not None and lon is not None:
        return 4
    return 1 if country else 0


def _clean(value: Any) -> str:
    """A field as GDELT writes it: no tabs, line breaks or double quotes; empty for missing."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return repr(round(value, 6))
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ").replace('"', "'")


def gdelt_row(row: dict) -> list[Any]:
    """The 61 GDELT values of one event row (as selected by ``_QUERY``)."""
    date: dt.date | None = row["date"]
    if isinstance(date, dt.datetime):
        date = date.date()
    a1 = _actor(row["source_code"], row["source_name"])
    a2 = _actor(row["target_code"], row["target_name"])
    cameo = row["cameo"] or ""
    country = row["location_country"]
    added: dt.datetime | None = row["ingested_at"]
    values: list[Any] = [
        row["event_id"],
        date.strftime("%Y%m%d") if date else None,
        date.strftime("%Y%m") if date else None,
        date.year if date else None,
        _fraction_date(date) if date else None,
    ]
    values += [a1[k] for k in a1] + [a2[k] for k in a2]
    values += [1 if row["sentence_index"] == 0 else 0, cameo, cameo[:3], cameo[:2], row["quad_class"],
               row["goldstein"], row["num_mentions"], row["num_sources"], row["num_articles"], None]
    values += [0, "", "", "", "", None, None, ""] * 2
    values += [_geo_type(country, row["lat"], row["lon"]), row["location_name"] or "",
               _fips().get(country or "", ""), "", "", row["lat"], row["lon"], ""]
    values += [added.strftime("%Y%m%d%H%M%S") if added else None, row["url"]]
    return values


def write_gdelt(store: "Store", path: str | Path, *, extended: str | Path | None = None) -> int:
    """Write the store's events (boilerplate left out) in GDELT 2.0 form; returns the row count."""
    names = column_names()
    n = 0
    cur = store._cursor()
    ext_fh = open(extended, "w", encoding="utf-8", newline="") if extended else None
    try:
        ext = csv.writer(ext_fh, delimiter="\t", lineterminator="\n") if ext_fh else None
        if ext:
            ext.writerow(names + list(EXTENDED))
        result = cur.execute(_QUERY)
        fields = [d[0] for d in result.description]
        with open(path, "w", encoding="utf-8", newline="") as out:
            while batch := result.fetchmany(4096):
                for values in batch:
                    row = dict(zip(fields, values))
                    gdelt = gdelt_row(row)
                    out.write("\t".join(_clean(v) for v in gdelt) + "\n")
                    if ext:
                        ext.writerow([_clean(v) for v in gdelt] + [row["event_id"], row["article_id"],
                                     row["sentence_index"], row["type"], row["mode"], row["status"],
                                     row["negated"], row["trigger"], row["source_code"], row["target_code"],
                                     row["sentence"]])
                    n += 1
    finally:
        cur.close()
        if ext_fh:
            ext_fh.close()
    return n
