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

``Phoenix.agents.txt`` (generic role nouns) is not converted: tried as a role table
below ``roles.tsv`` it coded common nouns ("prisons", "neighborhood") and lawyers as
courts; eventwire's own ``roles.tsv`` and ``org_words.tsv`` give the sector words.

Output: one entry a line, names already folded, so that loading is a split per line (see the header
the script writes and ``eventwire.memory.ActorDictionary``).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.lexicons import read_tsv  # noqa: E402
from eventwire.memory import fold_name, read_petrarch_actors  # noqa: E402
from eventwire.model import entity  # noqa: E402

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
SECTORS = {"GOV", "MIL", "POL", "JUD", "LEG", "OPP", "REB", "PTY", "MED", "BUS", "CVL", "REF", "HRI", "EDU",
           "HLH", "NGO", "LAB", "CRM", "SPY"}
RENAME = {"COP": "POL", "UAF": "REB", "INS": "REB", "SEP": "REB", "RAD": "OPP", "ELI": ""}

HEADER = """\
# eventwire built-in actor dictionary, converted from the Phoenix (PETRARCH2) actor dictionaries
# by scripts/import_phoenix.py -- do not edit by hand; rerun the script. MIT licence: phoenix_actors.LICENSE.
# One entry a line. Columns: key (the name folded as eventwire.memory.fold_name), keys (other folded names of
#   the entry, |-separated; a name two entries share with different codes is left out of both), name, type
#   (PERSON, ORG or COUNTRY), code (the default code, eventwire's scheme; empty: none), dated (|-separated
#   "CODE START END" spans, dates YYYY-MM-DD or - for an open end).
# User actor files (--actors) and the actor memory win over every entry here.
"""
COLUMNS = "key\tkeys\tname\ttype\tcode\tdated\n"


def countries() -> set[str]:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    for row in read_tsv(ROOT / "src/eventwire/data/countries.tsv", ("code",)):
        if len(row["code"]) == 3:
            codes.add(row["code"])
    return codes


def title_words() -> tuple[str, ...]:
    """Folded role phrases and country adjectives: an alias that starts with one ("president putin",
    "russian president vladimir putin") is a title and a name, never looked up as it stands."""
    words = {row["text"].lower() for row in read_tsv(ROOT / "src/eventwire/data/roles.tsv", ("text",))}
    words |= {row["text"].lower() for row in read_tsv(ROOT / "src/eventwire/data/countries.tsv", ("kind", "text"))
              if row["kind"] in ("adj", "name")}
    return tuple(sorted(w + " " for w in words))


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
    titled = title_words()
    entries = []  # (key, alias keys, name, type, default, spans)
    seen: set[str] = set()
    dropped = 0
    for name in FILES:
        for entry, aliases in read_petrarch_actors(src / name):
            default = convert(entry.code, known) if entry.code else None
            spans = []
            for start, end, code in entry.spans:
                new = convert(code, known)
                if new:
                    spans.append((start or "-", end or "-", new))
            key = fold_name(entry.name)
            if (default is None and not spans) or key in seen:  # the first entry of a name wins, as in PETRARCH
                dropped += 1
                continue
            seen.add(key)
            typ = entry.type
            if typ == "COUNTRY" and default and len(default) != 3:
                typ = "ORG"
            keys = [k for k in dict.fromkeys(fold_name(a) for a in aliases)
                    if k and k != key and not (typ == "PERSON" and k.startswith(titled))]
            entries.append((key, keys, entry.name, typ, default, spans))
    # a name two entries share with a different entity or type is ambiguous: left out of both
    owner: dict[str, set] = {}
    for key, keys, _, typ, default, spans in entries:
        ident = (entity(default or spans[-1][2]), typ)
        for k in (key, *keys):
            owner.setdefault(k, set()).add(ident)
    ambiguous = {k for k, v in owner.items() if len(v) > 1}
    lines = []
    for key, keys, name, typ, default, spans in entries:
        if key in ambiguous:
            continue
        keys = [k for k in keys if k not in ambiguous and k not in seen]
        dated = "|".join(" ".join(span[::-1][:1] + span[:2]) for span in spans)
        lines.append("\t".join([key, "|".join(keys), name, typ, default or "", dated]))
    out.write_text(HEADER + COLUMNS + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} entries ({dropped} dropped: no code eventwire can use, or repeated; "
          f"{len(ambiguous)} ambiguous names left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
