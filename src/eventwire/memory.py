"""Actor memory across articles, user actor files and PETRARCH/TABARI dictionaries.

When eventwire codes a corpus, the actors stage remembers every person it
resolved from a title in the text ("Russian President Vladimir Putin" ->
``RUSGOV``) with the dates it was seen, so that a later article's bare "Putin
said" is coded too. Users add their own entries, which win over learned ones:

- TSV (``.tsv``): a header line ``name<TAB>code`` with optional ``title``,
  ``aliases`` (``|``-separated), ``type`` and ``start``/``end`` (dated codes:
  rows with the same name are one entry) columns; ``#`` starts a comment line.
- YAML (``.yaml``/``.yml``): a list of mappings with ``name``, ``code`` and
  optional ``title`` and ``aliases`` (a list), or a mapping ``{actors: [...]}``.
- PETRARCH/TABARI ``.actors`` dictionaries: ``VLADIMIR_PUTIN_ [RUSGOV]``, dated
  codes ``[RUSELI 950101-991231] [RUSGOV >000507]`` on the phrase line or on
  indented lines of their own, ``+ALIAS_`` lines naming the same actor, comments
  after ``#`` or ``;``.

Below the memory lies the built-in dictionary (:class:`ActorDictionary`,
``data/phoenix_actors.tsv``, converted from the Phoenix dictionaries by
``scripts/import_phoenix.py``): whole names only, dated codes resolved by the
article's publication date (:meth:`MemoryEntry.code_on`).

The memory is saved and loaded as TSV (``name code title first_seen last_seen
source seen``); see ``docs/actors.md``.

Learning is order-free: :meth:`ActorMemory.learn` counts votes, and an entry's
code is the code seen most often (ties: the alphabetically first), its title
likewise, ``first_seen`` the earliest date and ``last_seen`` the latest. So the
same observations give the same memory in any order, split in any way
(:meth:`ActorMemory.merge`). The actors stage never learns while it codes: it
reads a snapshot and hands what it observed over to be merged at the end of a
run (see ``docs/actors.md``).
"""
from __future__ import annotations

import copy
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .gazetteer import BODY_KINDS, org_words
from .lexicons import LexiconError, data_path, read_tsv, sources
from .model import entity, fold

ACTOR_TYPES = ("PERSON", "ORG", "COUNTRY")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MEMORY_COLUMNS = ("name", "code", "title", "first_seen", "last_seen", "source", "seen")


class ActorFileError(ValueError):
    """An actor file that cannot be read: names the file, the line and the reason."""


@dataclass
class MemoryEntry:
    """What is known of one named actor.

    ``code`` is the default (undated) code; ``spans`` are dated codes ``(start,
    end, code)`` with ISO dates, ``None`` for an open end. ``type`` is ``PERSON``,
    ``ORG`` or ``COUNTRY`` where known (``None``: a person, as learned entries are).
    """

    name: str
    code: str | None
    title: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    source: str = "learned"  # "learned" from text, "user" from an actor file, "builtin" from the package
    spans: list[tuple[str | None, str | None, str]] = field(default_factory=list)  # dated codes
    codes: Counter = field(default_factory=Counter)  # learned entries: times seen with each code
    titles: Counter = field(default_factory=Counter)  # learned entries: times seen with each title
    type: str | None = None

    @property
    def seen(self) -> int:
        """How many observations a learned entry holds (its code's votes)."""
        return self.codes.get(self.code, 0) if self.code else 0

    def _settle(self) -> None:
        """Code and title from the votes: most often seen, ties to the alphabetically first."""
        if self.codes:
            self.code = min(self.codes, key=lambda c: (-self.codes[c], c))
        if self.titles:
            self.title = min(self.titles, key=lambda t: (-self.titles[t], t))

    def code_on(self, date: str | None) -> str | None:
        """The code valid on ``date`` (YYYY-MM-DD).

        A dated span holding the date wins (the latest-starting one where several
        do); else the default code; else, for a date outside every span, the
        entity alone (``JPNGOV 2006-2007`` in 2020 is ``JPN``: a closed span never
        makes a former official a sitting one). With no date: an open-ended span,
        else the default, else the entity.
        """
        if not self.spans:
            return self.code
        if date:
            holding = [s for s in self.spans if (s[0] is None or date >= s[0]) and (s[1] is None or date <= s[1])]
            if holding:
                return max(holding, key=lambda s: s[0] or "")[2]
        else:
            open_ended = [s for s in self.spans if s[1] is None]
            if open_ended:
                return max(open_ended, key=lambda s: s[0] or "")[2]
        if self.code:
            return self.code
        return entity(max(self.spans, key=lambda s: s[1] or s[0] or "")[2])


def fold_name(name: str) -> str:
    """A name folded for lookups: :func:`eventwire.model.fold` with dots as spaces ("U.S." = "U S")."""
    return fold(name.replace(".", " "))


@dataclass
class ActorMemory:
    """Name -> code memory shared by the articles of one run; user entries win."""

    user: dict[str, MemoryEntry] = field(default_factory=dict)
    learned: dict[str, MemoryEntry] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.user) + len(self.learned)

    def lookup(self, name: str, date: str | None = None) -> MemoryEntry | None:
        """The entry for a full name, or for a lone surname that only one entry holds."""
        key = fold_name(name)
        for table in (self.user, self.learned):
            if key in table:
                return table[key]
        if " " in key or not key:
            return None
        for table in (self.user, self.learned):
            found = {id(table[k]): table[k] for k in self._surnames(table).get(key, ())}
            if len(found) == 1:
                return next(iter(found.values()))
            if found:
                return None
        return None

    def exact(self, name: str) -> MemoryEntry | None:
        """The entry of a name exactly as listed (a name or an alias), never a guessed surname."""
        key = fold_name(name)
        return self.user.get(key) or self.learned.get(key)

    def _surnames(self, table: dict[str, MemoryEntry]) -> dict[str, set[str]]:
        """Last word -> full keys, rebuilt only when the table grew."""
        cache = self.__dict__.setdefault("_surname_cache", {})
        known = cache.get(id(table))
        if known is None or known[0] != len(table):
            index: dict[str, set[str]] = {}
            for k in table:
                index.setdefault(k.rsplit(" ", 1)[-1], set()).add(k)
            known = cache[id(table)] = (len(table), index)
        return known[1]

    def learn(self, name: str, code: str, title: str | None = None, date: str | None = None,
              times: int = 1) -> None:
        """Count one observation of a person resolved from a title; never overrides a user entry.

        Order-free: any order of the same calls gives the same entries (see the module doc)."""
        key = fold_name(name)
        if not key or key in self.user or not code:
            return
        entry = self.learned.get(key)
        if entry is None:
            entry = self.learned[key] = MemoryEntry(name, code, title)
        entry.name = min(entry.name, name)
        entry.codes[code] += times
        if title:
            entry.titles[title] += times
        dates = [d for d in (entry.first_seen, date) if d]
        entry.first_seen = min(dates) if dates else None
        dates = [d for d in (entry.last_seen, date) if d]
        entry.last_seen = max(dates) if dates else None
        entry._settle()

    def merge(self, other: "ActorMemory") -> None:
        """Add the learned entries of ``other`` (votes, dates) to this memory; order-free."""
        for entry in other.learned.values():
            for code, times in entry.codes.items():
                self.learn(entry.name, code, None, entry.first_seen, times)
                if entry.last_seen != entry.first_seen:
                    self.learn(entry.name, code, None, entry.last_seen, 0)
            key = fold_name(entry.name)
            if key in self.learned:
                self.learned[key].titles.update(entry.titles)
                self.learned[key]._settle()

    def snapshot(self) -> "ActorMemory":
        """A copy to code with: what a run codes never depends on what it learned meanwhile."""
        snap = copy.deepcopy(self)
        snap.__dict__.pop("_surname_cache", None)
        return snap

    def add_user(self, entry: MemoryEntry, aliases: list[str] = ()) -> None:
        entry.source = "user"
        for name in [entry.name, *aliases]:
            if fold_name(name):
                self.user[fold_name(name)] = entry

    # -- files ---------------------------------------------------------------

    def load_actor_file(self, path: str | Path) -> int:
        """Add a user actor file (TSV, YAML or PETRARCH ``.actors``); returns the entries read."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            pairs = read_yaml_actors(path)
        elif suffix == ".actors" or suffix == ".txt":
            pairs = read_petrarch_actors(path)
        else:
            pairs = read_tsv_actors(path)
        for entry, aliases in pairs:
            self.add_user(entry, aliases)
        return len(pairs)

    def load(self, path: str | Path) -> None:
        """Read a saved memory (TSV); its ``user`` rows stay user rows."""
        for row in _tsv_rows(Path(path), ("name", "code")):
            if (row.get("source") or "learned") == "user":
                entry = MemoryEntry(row["name"], row["code"], row.get("title"), row.get("first_seen"),
                                    row.get("last_seen"), "user")
                self.user[fold_name(entry.name)] = entry
                continue
            try:
                times = max(1, int(row.get("seen") or 1))
            except ValueError:
                raise ActorFileError(f"{path}: 'seen' must be a whole number, not {row.get('seen')!r}") from None
            self.learn(row["name"], row["code"], row.get("title"), row.get("first_seen"), times)
            if row.get("last_seen"):
                self.learn(row["name"], row["code"], None, row.get("last_seen"), 0)

    def save(self, path: str | Path) -> None:
        """Write the memory as TSV, one row per distinct entry, sorted by name (the same
        memory always gives the same file). The file is replaced atomically."""
        seen: set[int] = set()
        rows = []
        for table in (self.user, self.learned):
            for entry in table.values():
                if id(entry) in seen:
                    continue
                seen.add(id(entry))
                cells = [entry.name, entry.code or "", entry.title or "", entry.first_seen or "",
                         entry.last_seen or "", entry.source, str(entry.seen) if entry.source == "learned" else ""]
                rows.append([c.replace("\t", " ").replace("\n", " ") for c in cells])
        rows.sort(key=lambda cells: (cells[5], fold_name(cells[0]), cells[0]))
        lines = ["# eventwire actor memory: " + "\t".join(MEMORY_COLUMNS), "\t".join(MEMORY_COLUMNS)]
        lines += ["\t".join(cells) for cells in rows]
        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _tsv_rows(path: Path, required: tuple[str, ...]) -> list[dict]:
    """A user TSV file's rows (format as for lexicons): every row needs a name."""
    try:
        return read_tsv(path, required, nonempty=("name",))
    except (OSError, LexiconError) as err:
        raise ActorFileError(str(err) if isinstance(err, LexiconError) else f"{path}: {err}") from None


def read_tsv_actors(path: Path) -> list[tuple[MemoryEntry, list[str]]]:
    """A TSV actor file: ``name code [title] [aliases] [type] [start] [end]``.

    ``start``/``end`` (YYYY-MM-DD, either may be empty) make the row's code a dated
    one; several rows with the same name are one entry with several codes (a row
    with neither date gives its default code). ``type`` is ``PERSON``, ``ORG`` or
    ``COUNTRY``; left empty, it is read from the name (:func:`actor_type`).
    """
    out: list[tuple[MemoryEntry, list[str]]] = []
    by_name: dict[str, tuple[MemoryEntry, list[str]]] = {}
    for row in _tsv_rows(path, ("name", "code")):
        start, end = row.get("start"), row.get("end")
        for value in (start, end):
            if value is not None and not _ISO_DATE.fullmatch(value):
                raise ActorFileError(f"{row['_where']}: date {value!r} is not YYYY-MM-DD")
        typ = (row.get("type") or "").upper() or None
        if typ is not None and typ not in ACTOR_TYPES:
            raise ActorFileError(f"{row['_where']}: type {typ!r} is not one of {', '.join(ACTOR_TYPES)}")
        key = fold_name(row["name"])
        pair = by_name.get(key)
        if pair is None:
            pair = by_name[key] = (MemoryEntry(row["name"], None, row.get("title"), type=typ), [])
            out.append(pair)
        entry, aliases = pair
        aliases += [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        if start or end:
            entry.spans.append((start, end, row.get("code")))
        else:
            entry.code = row.get("code")
        entry.title = entry.title or row.get("title")
    for entry, _ in out:
        entry.type = entry.type or actor_type(entry.name, entry.code, bool(entry.spans))
    return out


def read_yaml_actors(path: Path) -> list[tuple[MemoryEntry, list[str]]]:
    """A user YAML actor file: a list of ``{name, code, title?, aliases?}``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as err:
        raise ActorFileError(f"{path}: {err}") from None
    if isinstance(data, dict):
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise ActorFileError(f"{path}: expected a list of actors")
    out = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict) or not item.get("name"):
            raise ActorFileError(f"{path}: actor {n} has no name")
        aliases = [str(a) for a in item.get("aliases") or []]
        entry = MemoryEntry(str(item["name"]), item.get("code"), item.get("title"))
        entry.type = str(item.get("type") or actor_type(entry.name, entry.code, False)).upper()
        out.append((entry, aliases))
    return out


_CODE = re.compile(r"\[([^\]]*)\]")
_TABARI_DATE = re.compile(r"(\d{8}|\d{6})")
CENTURY_PIVOT = 30  # a two-digit year below this is 20YY, else 19YY ("080507" -> 2008, "470101" -> 1947)


def _tabari_date(text: str) -> str | None:
    """TABARI's YYMMDD or YYYYMMDD as YYYY-MM-DD (None when it is neither)."""
    if not _TABARI_DATE.fullmatch(text):
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < CENTURY_PIVOT else 1900 + year}{text[2:]}"
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _tabari_codes(line: str) -> list[tuple[str | None, str | None, str | None]]:
    """``[RUSGOV 000507-120507] [RUSELI >120508] [X < 990816] [---]`` -> (start, end, code) triples.

    Every restriction PETRARCH reads: ``>date`` (from), ``<date`` (until),
    ``date-date``, with or without spaces around the sign or dash; ``[code]`` alone
    is a default. The null code ``---`` is ``None``. A restriction with an
    unreadable date is left out.
    """
    spans = []
    for inner in _CODE.findall(line):
        parts = inner.split(None, 1)
        if not parts:
            continue
        code = parts[0].replace("~", "")
        code = None if code.startswith("---") else code
        when = "".join(parts[1].split()) if len(parts) > 1 else ""
        start = end = None
        if when.startswith(">"):
            start = _tabari_date(when[1:])
            if start is None:
                continue
        elif when.startswith("<"):
            end = _tabari_date(when[1:])
            if end is None:
                continue
        elif "-" in when:
            a, b = when.split("-", 1)
            start, end = (_tabari_date(a) if a else None), (_tabari_date(b) if b else None)
            if (a and start is None) or (b and end is None):
                continue
        elif when:
            continue
        spans.append((start, end, code))
    return spans


def _tabari_phrase(text: str) -> str:
    return " ".join(w for w in text.strip().strip("_").replace("_", " ").split())


def actor_type(name: str, code: str | None, dated: bool) -> str:
    """What a dictionary entry names, from its shape: ``ORG`` when its last word is an
    organisation word (data/org_words.tsv: "the Kabul police", "Hudson Institute"),
    ``PERSON`` when it has dated codes or is a name of two to four words, ``COUNTRY``
    for a bare country code, else ``ORG`` ("Hamas")."""
    words = fold(name).replace("-", " ").split()
    if words and org_words().get(words[-1], (None, ""))[1] in BODY_KINDS:
        return "ORG"
    if dated:
        return "PERSON"
    if code and len(code) == 3 and code.isalpha() and code.isupper():
        return "COUNTRY"
    if 2 <= len(words) <= 4 and not any(w in ("the", "of", "for", "and") for w in words):
        return "PERSON"
    return "ORG"


def read_petrarch_actors(path: Path) -> list[tuple[MemoryEntry, list[str]]]:
    """A PETRARCH/TABARI ``.actors`` dictionary.

    An entry is a phrase line (``VLADIMIR_PUTIN_``, codes on it optional), ``+``
    alias lines, and indented code lines (``\t[RUSGOV >000507]``), in any mix: an
    undated code is the entry's default, a dated one a span. Comments start at
    ``#`` or ``;``. Each entry is typed by :func:`actor_type`.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise ActorFileError(f"{path}: {err}") from None
    out: list[tuple[MemoryEntry, list[str]]] = []

    def add_codes(entry: MemoryEntry, codes) -> None:
        for start, end, code in codes:
            if start is None and end is None:
                entry.code = code
            elif code:
                entry.spans.append((start, end, code))

    for raw in text.splitlines():
        line = re.split(r"\s[#;]|^[#;]", raw, maxsplit=1)[0].strip()
        if not line or line.startswith("<") or line.startswith("="):
            continue
        if line.startswith("+"):
            if out:
                alias = _tabari_phrase(line[1:].split("[")[0])
                if alias:
                    out[-1][1].append(alias.title() if alias.isupper() else alias)
                add_codes(out[-1][0], _tabari_codes(line))
            continue
        phrase = _tabari_phrase(line.split("[")[0])
        if not phrase:  # a code line under the name and aliases
            if out:
                add_codes(out[-1][0], _tabari_codes(line))
            continue
        entry = MemoryEntry(phrase.title() if phrase.isupper() else phrase, None)
        add_codes(entry, _tabari_codes(line))
        out.append((entry, []))
    for entry, _ in out:
        entry.type = actor_type(entry.name, entry.code, bool(entry.spans))
    return out


# -- the built-in people (data/leaders.tsv) -----------------------------------------------

BUILTIN_PEOPLE = "leaders.tsv"


@lru_cache(maxsize=8)
def builtin_people(extra_dirs: tuple = ()) -> ActorMemory:
    """World leaders and senior officials with dated codes (data/leaders.tsv, in the user TSV
    actor format; a ``leaders.tsv`` in a ``--lexicons`` folder adds entries, and wins for the
    same name). Looked up by exact name or listed alias only (:meth:`ActorMemory.exact`)."""
    people = ActorMemory()
    for path in sources(BUILTIN_PEOPLE, extra_dirs):
        for entry, aliases in read_tsv_actors(path):
            people.add_user(entry, aliases)
            entry.source = "builtin"
    return people


# -- the built-in dictionary ------------------------------------------------------------

BUILTIN_ACTORS = "phoenix_actors.tsv"


class ActorDictionary:
    """Names -> dated codes from a large dictionary (the built-in Phoenix one, data/phoenix_actors.tsv).

    The file holds one entry a line with its names already folded
    (scripts/import_phoenix.py writes it): loading is one split per line, and an
    entry becomes a :class:`MemoryEntry` only when it is looked up. Whole names
    only, never a guessed surname; names two entries share were left out by the
    converter.
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self._lines: list[str] = []
        self._index: dict[str, int] = {}
        self._parsed: dict[int, MemoryEntry] = {}
        if path is not None and path.exists():
            self._read(path)

    def _read(self, path: Path) -> None:
        lines = [line for line in path.read_text(encoding="utf-8").split("\n")
                 if line and not line.startswith("#")]
        self._lines = lines[1:]  # after the header line
        index = self._index
        for n, line in enumerate(self._lines):
            key, keys, _ = line.split("\t", 2)
            index.setdefault(key, n)
            if keys:
                for k in keys.split("|"):
                    index.setdefault(k, n)

    def _entry(self, n: int) -> MemoryEntry:
        entry = self._parsed.get(n)
        if entry is None:
            try:
                _, _, name, typ, code, dated = self._lines[n].split("\t")
                spans = []
                for span in filter(None, dated.split("|")):
                    c, start, end = span.split(" ")
                    spans.append((None if start == "-" else start, None if end == "-" else end, c))
            except ValueError:
                raise ActorFileError(f"{self.path}: entry {n + 1}: expected key, keys, name, type, code, dated") \
                    from None
            entry = self._parsed[n] = MemoryEntry(name, code or None, source="builtin", spans=spans, type=typ)
        return entry

    def lookup(self, name: str, types: tuple[str, ...] = ACTOR_TYPES) -> MemoryEntry | None:
        """The entry of a whole name (a leading "the" may be left off), if its type is one of ``types``."""
        n = self._index.get(fold_name(name))
        if n is None and name.lower().startswith("the "):
            n = self._index.get(fold_name(name[4:]))
        if n is None:
            return None
        entry = self._entry(n)
        return entry if (entry.type or "PERSON") in types else None

    def __len__(self) -> int:
        return len(self._lines)


@lru_cache(maxsize=1)
def builtin_dictionary() -> ActorDictionary:
    """The package's own actor dictionary (data/phoenix_actors.tsv), read once per process."""
    return ActorDictionary(data_path(BUILTIN_ACTORS))
