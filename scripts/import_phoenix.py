#!/usr/bin/env python3
"""Convert the Phoenix (PETRARCH2) actor dictionaries into eventwire's actor TSV.

Usage: python scripts/import_phoenix.py [SRC_DIR] [OUT_FILE]
  SRC_DIR   default ../shared/data/petrarch2 (relative to the repository root)
  OUT_FILE  default src/eventwire/data/phoenix_actors.tsv

Rerunnable and deterministic: the same input gives the same bytes out. The
dictionaries are MIT-licensed (Open Event Data Alliance); the notice ships as
``src/eventwire/data/phoenix_actors.LICENSE``.

What is converted (see docs/actors.md, "Where codes come from"):

- entries of ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``
  and ``Phoenix.MilNonState.actors.txt``, each read with eventwire's own
  ``.actors`` reader (``eventwire.memory.read_petrarch_actors``), so every dated
  form PETRARCH accepts is read the same way here and in a user's file;
- Phoenix codes are rewritten into eventwire's scheme (spec section 2): entity
  (ISO alpha-3 or region) + the first sector eventwire knows (``RUSGOVMIL`` ->
  ``RUSGOV``, ``COP`` -> ``POL``); ``ELI`` (elites: a former office holder) keeps
  the entity only; ``MNC``+country -> country ``BUS``; ``NGO``+country -> country
  ``NGO``; ``IGOUNO...`` -> ``IGO:UN``. Codes with no country eventwire can name
  (``MNC``, ``IMG...``, ``INT...``, other IGOs) are left out, and an entry left
  with no code at all is dropped.
- Each entry is typed by what it is: ``PERSON`` (dated codes, or a CountryInfo
  person), ``COUNTRY`` (a bare country code and no dates) or ``ORG``.

Output: one row per name and code span (see the header the script writes).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.lexicons import read_tsv  # noqa: E402
from eventwire.memory import read_petrarch_actors  # noqa: E402

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "OPP", "REB", "PTY", "MED", "BUS", "CVL", "REF", "HRI", "EDU",
           "HLH", "NGO", "LAB", "CRM", "SPY"}
RENAME = {"COP": "POL", "UAF": "REB", "INS": "REB", "SEP": "REB", "RAD": "OPP", "ELI": ""}

HEADER = """\
# eventwire built-in actor dictionary, converted from the Phoenix (PETRARCH2) actor dictionaries
# by scripts/import_phoenix.py -- do not edit by hand; rerun the script. MIT licence: phoenix_actors.LICENSE.
# Columns: name, type (PERSON, ORG or COUNTRY), code (eventwire scheme; empty: no sector known),
#   start and end (YYYY-MM-DD, empty: open) of the span in which the code holds (both empty: the default code),
#   aliases (|-separated; on the entry's first row only). Several rows with the same name are one entry.
# User actor files (--actors) and the actor memory win over every row here.
"""


def countries() -> set[str]:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    for row in read_tsv(ROOT / "src/eventwire/data/countries.tsv", ("code",)):
        if len(row["code"]) == 3:
            codes.add(row["code"])
    return codes


def convert(code: str | None, known: set[str]) -> str | None:
    """A Phoenix code in eventwire's scheme, or None when it names no entity eventwire codes."""
    if not code or code.startswith("---"):
        return None
    code = code.replace("~", "").upper()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    head, rest = chunks[0], chunks[1:]
    if head == "IGO":
        return "IGO:UN" if rest[:1] == ["UNO"] else None
    if head in ("MNC", "NGO"):
        if rest and rest[0] in known:
            return rest[0] + ("BUS" if head == "MNC" else "NGO")
        return None
    if head not in known:
        return None
    for chunk in rest:
        chunk = RENAME.get(chunk, chunk)
        if chunk == "" or chunk in SECTORS:
            return head + chunk
    return head


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared/data/petrarch2"
    out = Path(argv[2]) if len(argv) > 2 else ROOT / "src/eventwire/data/phoenix_actors.tsv"
    known = countries()
    rows: list[str] = []
    seen: set[str] = set()
    kept = dropped = 0
    for name in FILES:
        for entry, aliases in read_petrarch_actors(src / name):
            default = convert(entry.code, known) if entry.code else None
            spans = []
            for start, end, code in entry.spans:
                new = convert(code, known)
                if new:
                    spans.append((start or "", end or "", new))
            if default is None and not spans:
                dropped += 1
                continue
            typ = entry.type
            if typ == "COUNTRY" and default and len(default) != 3:
                typ = "ORG"
            key = entry.name.lower()
            if key in seen:  # the first entry of a name wins, as PETRARCH reads it
                dropped += 1
                continue
            seen.add(key)
            names = [a for a in dict.fromkeys(aliases) if a.lower() != key]
            first = True
            for start, end, code in ([("", "", default)] if default else []) + spans:
                rows.append("\t".join([entry.name, typ, code, start, end, "|".join(names) if first else ""]))
                first = False
            kept += 1
    out.write_text(HEADER + "name\ttype\tcode\tstart\tend\taliases\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{out}: {kept} entries, {len(rows)} rows ({dropped} dropped: no code eventwire can use, or repeated)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
