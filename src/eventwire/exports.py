"""Exports for statistics packages: Stata ``.dta`` with labels, Feather, and the codebook.

Every export folder gets ``codebook.csv`` (table, column, type, label, values),
read from ``data/codebook.tsv``. The Stata files (format 118, Unicode) carry the
codebook's labels as variable labels, and value labels for ``type`` (the 16 PLOVER
types, coded 1-16 in PLOVER order) and ``quad_class``; Stata has no 64-bit
integers, so ``event_id`` is written as text, and lists (actors' ``mentions``) as
JSON text, and a missing text is empty (Stata's own missing text). The ``doc`` column (the whole JSON document) is left out of Stata files.

>>> import pandas as pd                                                    # doctest: +SKIP
>>> events = pd.read_stata("export/events.dta")          # type as labelled categories
>>> pd.io.stata.StataReader("export/events.dta").variable_labels()["goldstein"]
'Goldstein scale value (-10 conflict to 10 cooperation)'
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .lexicons import data_path, read_tsv
from .model import PLOVER_TYPES

if TYPE_CHECKING:
    from .store import Store

CODEBOOK_FILE = "codebook.tsv"
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
#: Value labels: column -> {code: label}. ``type`` is written as its code (1-16, PLOVER order).
VALUE_LABELS = {"type": {i + 1: t for i, t in enumerate(PLOVER_TYPES)}, "quad_class": QUAD_CLASSES}
STATA_LEFT_OUT = ("doc",)
STATA_STR_MAX = 2045  # longer text columns are written as strL


@lru_cache(maxsize=1)
def codebook() -> dict[tuple[str, str], str]:
    """``(table, column) -> label`` from ``data/codebook.tsv``."""
    return {(r["table"], r["column"]): r["label"]
            for r in read_tsv(data_path(CODEBOOK_FILE), ("table", "column", "label"))}


def write_codebook(frames: dict[str, list[tuple[str, str]]], path: Path, *, coded: bool = False) -> Path:
    """``codebook.csv``: one row per (table, column) written, with its type, label and, where the
    values are written as codes (``coded``: Stata), their value labels."""
    labels = codebook()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["table", "column", "type", "label", "values"])
        for table, columns in frames.items():
            for column, dtype in columns:
                values = "; ".join(f"{k}={v}" for k, v in VALUE_LABELS.get(column, {}).items()) \
                    if table == "events" and coded else ""
                writer.writerow([table, column, dtype, labels.get((table, column), ""), values])
    return path


def stata_frame(table: str, df: pd.DataFrame) -> tuple[pd.DataFrame, dict, dict, list[str]]:
    """A table made ready for ``DataFrame.to_stata``: (frame, convert_dates, value_labels, strL columns)."""
    df = df.drop(columns=[c for c in STATA_LEFT_OUT if c in df.columns])
    dates, strl = {}, []
    value_labels: dict[str, dict[int, str]] = {}
    for col in list(df.columns):
        series = df[col]
        if table == "events" and col == "type":
            codes = {t: i for i, t in VALUE_LABELS["type"].items()}
            df[col] = pd.array([codes.get(v) for v in series], dtype="Int8").astype("float64")
            value_labels[col] = VALUE_LABELS["type"]
        elif table == "events" and col == "quad_class":
            df[col] = series.astype("float64")
            value_labels[col] = QUAD_CLASSES
        elif col == "event_id":
            df[col] = [None if pd.isna(v) else str(int(v)) for v in series]
        elif pd.api.types.is_bool_dtype(series):
            df[col] = series.astype("int8")
        elif pd.api.types.is_datetime64_any_dtype(series):
            dates[col] = "tc"
        elif series.dtype == object and any(hasattr(v, "isoformat") for v in series if v is not None):
            df[col] = pd.to_datetime(series)  # DATE columns hold datetime.date
            dates[col] = "td"
        elif series.dtype == object or pd.api.types.is_string_dtype(series):
            df[col] = ["" if _missing(v) else (json.dumps(list(v), ensure_ascii=False)
                                               if not isinstance(v, str) else v) for v in series]  # Stata's missing text is ""
            if max((len(v.encode("utf-8")) for v in df[col] if v), default=0) > STATA_STR_MAX:
                strl.append(col)
        elif pd.api.types.is_integer_dtype(series) and str(series.dtype) in ("int64", "Int64", "uint64"):
            df[col] = series.astype("float64")  # Stata's largest integer is 32-bit
    return df, dates, value_labels, strl


def write_stata(store: "Store", table: str, path: Path) -> list[tuple[str, str]]:
    """One table as a Stata 118 file with variable and value labels; returns its (column, type) pairs."""
    df, dates, value_labels, strl = stata_frame(table, store.sql(f"SELECT * FROM {table}"))
    labels = codebook()
    variable_labels = {c: labels[(table, c)][:80] for c in df.columns if (table, c) in labels}
    df.to_stata(path, write_index=False, version=118, convert_dates=dates, convert_strl=strl,
                variable_labels=variable_labels, value_labels=value_labels or None,
                data_label=f"eventwire {table}"[:80])
    return [(c, str(t)) for c, t in df.dtypes.items()]


def write_feather(store: "Store", table: str, path: Path) -> list[tuple[str, str]]:
    """One table as a Feather (Arrow IPC) file, read by R's arrow and pandas."""
    import pyarrow.feather as feather

    data = store.arrow(f"SELECT * FROM {table}")
    feather.write_feather(data, str(path))
    return [(f.name, str(f.type)) for f in data.schema]


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


__all__ = ["codebook", "write_codebook", "write_stata", "write_feather", "stata_frame", "VALUE_LABELS",
           "QUAD_CLASSES"]
