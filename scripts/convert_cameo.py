#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary into eventwire's pattern file.

    python scripts/convert_cameo.py PATH/TO/CAMEO.2.0.txt [-o src/eventwire/data/cameo_verbs.tsv]

``CAMEO.2.0.txt`` (MIT, Open Event Data Alliance; see ``src/eventwire/data/NOTICE``)
is a list of verb blocks: the verbs of a block share a default CAMEO code, each
verb may carry its own, and pattern lines (``- * OBJECT [code]``) give the code of
a verb with its object, particle or preposition. This script keeps what a
dependency parse can check and writes one row per pattern, in the columns of
``triggers.tsv`` (see ``docs/events.md``):

* a verb with a code (its own or its block's)      -> ``lemma  V  -  -  code``
  (only with ``--plain-verbs``: measured on the dev articles, the bare verbs of the
  dictionary add about fifteen wrong events for each right one, see docs/events.md)
* ``+VERB_PARTICLE`` ("+ASK_FOR")                   -> ``lemma  V  particle``
* ``- * WORD`` / ``- * &SYNSET``                    -> ``object`` = the word(s)
* ``- * (PREP)`` / ``- * (PREP WORD)``              -> ``particle`` = PREP (+ ``object``)

A pattern applies to the verb(s) its comment names when they are in the block
(PETRARCH's own record of where the pattern was found), else to every verb of the
block. Every row carries the flag ``target``: like PETRARCH, a dictionary pattern
codes an event only where it finds a target actor. CAMEO codes are mapped to PLOVER through ``data/cameo.tsv``; a code with no
PLOVER type (public statements, 01x) or not in the table is dropped. Dropped and
why is counted on stderr: patterns with words before the verb, several phrases,
multi-word nouns (``{FINANCIAL AID}``), actor slots (``$ + % ^``), verbs written
with words before them (``WIRE_+TAP``), and codes with no PLOVER type.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "eventwire" / "data" / "cameo_verbs.tsv"
CAMEO_TABLE = ROOT / "src" / "eventwire" / "data" / "cameo.tsv"

HEADER = """\
# CAMEO verb patterns converted from PETRARCH2's CAMEO.2.0.txt by scripts/convert_cameo.py
# (rerun it to regenerate; do not edit by hand: put corrections in triggers.tsv, which is
# read after this file and wins). MIT licence, Copyright (c) 2015 Open Event Data Alliance:
# see NOTICE beside this file.
# Columns as in triggers.tsv: lemma, pos (V), particle, object ("|"-separated lemmas),
# cameo (the CAMEO code; cameo.tsv maps it to PLOVER), type, negated, flags.
"""

CODE = re.compile(r"\[([0-9]{2,4}|---)(?::[0-9]*)?\]")  # "[042:043]": the source's code first
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def plover_table(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        cells = line.split("\t")
        if len(cells) >= 5 and cells[4].strip():
            out[cells[0]] = cells[4].strip()
        elif cells:
            out.setdefault(cells[0], "")
    return out


def resolve_code(code: str, table: dict[str, str]) -> str | None:
    """The code itself, or its nearest parent in cameo.tsv, if it has a PLOVER type."""
    while code:
        if code in table:
            return code if table[code] else None
        code = code[:-1]
    return None


def forms(word: str) -> list[str]:
    """A dictionary word as lemmas: lower case, with a plural's singular beside it."""
    w = word.strip("_").lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    elif w.endswith("sses"):
        out.append(w[:-2])
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    return out


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            name = text.rstrip("_")
            sets[name] = []
        elif text.startswith("+") and name:
            sets[name].append(text[1:])
        elif not text:
            continue
        else:
            name = None
    return sets


AUXILIARIES = {"be", "is", "are", "was", "were", "been", "have", "has", "had", "do", "does", "did"}


def status_words() -> set[str]:
    """Verbs the events stage reads as the status or the report of another verb's event
    ("plans to", "is considering", "said"): CAMEO codes them alone only because PETRARCH
    combines them with the verb under them; alone they are no event here."""
    import yaml
    data = yaml.safe_load((ROOT / "src" / "eventwire" / "data" / "modality.yaml").read_text(encoding="utf-8"))
    words = set()
    for key in ("intention_verbs", "hypothetical_verbs", "refusal_verbs"):
        words |= {w.lower() for w in data.get(key, [])}
    for line in (ROOT / "src" / "eventwire" / "data" / "reporting_verbs.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "lemma" or len(cells) < 2:
            continue
        if cells[1] in ("speech", "claim", "bare", "question"):
            words.add(cells[0].lower())
    return words


def convert(src: Path, table: dict[str, str], dropped: Counter, plain_verbs: bool = False) -> list[tuple]:
    lines = src.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    synsets = read_synsets(lines[:start])
    rows: dict[tuple, str] = {}  # (lemma, particle, object word) -> code, first wins
    order: list[tuple] = []

    def add(lemma: str, particle: str, obj: str, code: str) -> None:
        key = (lemma, particle, obj)
        if key not in rows:
            rows[key] = code
            order.append(key)

    def object_words(token: str) -> list[str] | None:
        if token.startswith("&"):
            members = synsets.get(token.rstrip("_"))
            if members is None:
                return None
            words = [m for m in members if "_" not in m.strip("_")]
            return [f for m in words for f in forms(m)] or None
        if re.fullmatch(r"[A-Z][A-Z'-]*_?", token):
            return forms(token)
        return None

    status_verbs = status_words()
    block_code = "---"
    verbs: list[tuple[str, str]] = []  # (lemma, particle) of the current block

    for raw in lines[start + 1:]:
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = BLOCK.match(line)
        if m:
            block_code = m.group(2).strip()
            verbs = []
            continue
        if line.startswith("~"):
            dropped["transformation"] += 1
            continue
        body, _, comment = line.partition("#")
        if line.startswith("-"):
            cm = CODE.search(body)
            if cm is None:
                dropped["pattern without a code"] += 1
                continue
            code = cm.group(1)
            pattern = body[1:cm.start()].strip()
            pre, star, post = pattern.partition("*")
            if not star:
                dropped["pattern without a verb slot"] += 1
                continue
            if pre.strip():
                dropped["pattern with words before the verb"] += 1
                continue
            post = post.strip()
            if code == "---":
                dropped["pattern coded --- (no event)"] += 1
                continue
            cameo = resolve_code(code, table)
            if cameo is None:
                dropped["pattern whose code has no PLOVER type"] += 1
                continue
            if any(ch in post for ch in "$+%^{}"):
                dropped["pattern with an actor slot or a multi-word noun"] += 1
                continue
            pm = re.fullmatch(r"\(\s*([A-Z]+)(?:\s+(\S+))?\s*\)", post)
            if pm:
                particle, word = pm.group(1).lower(), pm.group(2)
            elif re.fullmatch(r"\S+", post):
                particle, word = "", post
            else:
                dropped["pattern with several phrases"] += 1
                continue
            words = object_words(word) if word else [""]
            if words is None:
                dropped["pattern with an unknown synonym set or odd word"] += 1
                continue
            named = {v.strip().lower() for v in comment.replace(",", " ").split()}
            targets = [v for v in verbs if v[0] in named] or verbs
            for lemma, vpart in targets:
                if vpart and particle and vpart != particle:
                    continue
                for w in words:
                    add(lemma, particle or vpart, w, cameo)
            continue
        # a verb line: WORD {forms} [code]  or  +VERB_PARTICLE
        head = body.split("{")[0]
        cm = CODE.search(body)
        word = CODE.sub("", head).strip().split()
        if not word:
            continue
        word = word[0]
        if "_" in word:
            parts = word.split("_")
            if not parts[0].startswith("+") or len(parts) != 2:
                dropped["verb written with words before it or three words"] += 1
                continue
            lemma, particle = parts[0][1:].lower(), parts[1].lower()
        else:
            lemma, particle = word.lstrip("+").lower(), ""
        if not re.fullmatch(r"[a-z][a-z-]*", lemma) or lemma in AUXILIARIES:
            dropped["verb that is not one word, or an auxiliary"] += 1
            continue
        verbs.append((lemma, particle))
        code = cm.group(1) if cm else block_code
        if code == "---" or not code:
            continue
        if not particle and lemma in status_verbs:
            dropped["plain verb that eventwire reads as status or report (modality.yaml, reporting_verbs.tsv)"] += 1
            continue
        cameo = resolve_code(code, table)
        if cameo is None:
            dropped["verb whose code has no PLOVER type"] += 1
            continue
        if not particle and not plain_verbs:
            dropped["plain verb (no object or particle; --plain-verbs keeps them)"] += 1
            continue
        add(lemma, particle, "", cameo)

    # one row per (lemma, particle, code), objects joined
    merged: dict[tuple, list[str]] = {}
    for lemma, particle, obj in order:
        key = (lemma, particle, rows[(lemma, particle, obj)], bool(obj))
        merged.setdefault(key, [])
        if obj and obj not in merged[key]:
            merged[key].append(obj)
    return [(lemma, "V", particle, "|".join(objs), code, "", "", "target")
            for (lemma, particle, code, _), objs in merged.items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="PETRARCH2 CAMEO.2.0.txt")
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--plain-verbs", action="store_true", help="also write the bare verbs (noisy)")
    args = ap.parse_args(argv)
    dropped: Counter = Counter()
    rows = convert(args.source, plover_table(CAMEO_TABLE), dropped, args.plain_verbs)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(["lemma", "pos", "particle", "object", "cameo", "type", "negated", "flags"])
        w.writerows(rows)
    print(f"{args.out}: {len(rows)} rows", file=sys.stderr)
    for why, n in dropped.most_common():
        print(f"  dropped {n:5d}  {why}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
