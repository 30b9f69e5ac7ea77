"""Actor memory across articles, user actor files and PETRARCH/TABARI dictionaries.

When eventwire codes a corpus, the actors stage remembers every person it
resolved from a title in the text ("Russian President Vladimir Putin" ->
``RUSGOV``) with the dates it was seen, so that a later article's bare "Putin
said" is coded too. Users add their own entries, which win over learned ones:

- TSV (``.tsv``): a header line ``name<TAB>code`` with optional ``title`` and
  ``aliases`` (``|``-separated) columns; ``#`` starts a comment line.
- YAML (``.yaml``/``.yml``): a list of mappings with ``name``, ``code`` and
  optional ``title`` and ``aliases`` (a list), or a mapping ``{actors: [...]}``.
- PETRARCH/TABARI ``.actors`` dictionaries: ``VLADIMIR_PUTIN_ [RUSGOV]``, dated
  codes ``[RUSELI 950101-991231] [RUSGOV >000507]``, ``+ALIAS_`` lines naming
  the same actor, comments after ``#`` or ``;``.

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
from pathlib import Path

import yaml

from .lexicons import LexiconError, read_tsv

MEMORY_COLUMNS = ("name", "code", "title", "first_seen", "last_seen", "source", "seen")


class ActorFileError(ValueError):
    """An actor file that cannot be read: names the file, the line and the reason."""


@dataclass
class MemoryEntry:
    """What is known of one named actor."""

    name: str
    code: str | None
    title: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    source: str = "learned"  # "learned" from text, or "user" from an actor file
    spans: list[tuple[str | None, str | None, str]] = field(default_factory=list)  # dated codes
    codes: Counter = field(default_factory=Counter)  # learned entries: times seen with each code
    titles: Counter = field(default_factory=Counter)  # learned entries: times seen with each title

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
        """The code valid on ``date`` (YYYY-MM-DD) for dated dictionary entries, else ``code``."""
        if date and self.spans:
            for start, end, code in self.spans:
                if (start is None or date >= start) and (end is None or date <= end):
                    return code
        return self.code


def fold_name(name: str) -> str:
    """Case, curly apostrophes, dots and spacing folded for name lookups."""
    name = name.replace("’", "'").replace(".", " ").lower()
    return " ".join(name.split())


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
    """A user TSV actor file: ``name code [title] [aliases]``."""
    out = []
    for row in _tsv_rows(path, ("name", "code")):
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        out.append((MemoryEntry(row["name"], row.get("code"), row.get("title")), aliases))
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
        out.append((MemoryEntry(str(item["name"]), item.get("code"), item.get("title")), aliases))
    return out


_CODE = re.compile(r"\[([^\]]*)\]")


def _tabari_date(text: str) -> str:
    """TABARI's YYMMDD (or YYYYMMDD) as YYYY-MM-DD."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 50 else 1900 + year}{text[2:]}"
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _tabari_codes(line: str) -> list[tuple[str | None, str | None, str]]:
    """``[RUSGOV 000507-120507] [RUSELI >120508]`` -> dated (start, end, code) triples."""
    spans = []
    for inner in _CODE.findall(line):
        parts = inner.split()
        if not parts:
            continue
        code, start, end = parts[0], None, None
        if len(parts) > 1:
            when = parts[1]
            if when.startswith(">"):
                start = _tabari_date(when[1:])
            elif when.startswith("<"):
                end = _tabari_date(when[1:])
            elif "-" in when:
                a, b = when.split("-", 1)
                start = _tabari_date(a) if a else None
                end = _tabari_date(b) if b else None
        spans.append((start, end, code.replace("~", "")))
    return spans


def _tabari_phrase(text: str) -> str:
    return " ".join(w for w in text.strip().strip("_").replace("_", " ").split())


def read_petrarch_actors(path: Path) -> list[tuple[MemoryEntry, list[str]]]:
    """A PETRARCH/TABARI ``.actors`` dictionary: phrase lines with codes, ``+`` alias lines."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise ActorFileError(f"{path}: {err}") from None
    out: list[tuple[MemoryEntry, list[str]]] = []
    for raw in text.splitlines():
        line = re.split(r"\s[#;]|^[#;]", raw, maxsplit=1)[0].strip()
        if not line or line.startswith("<") or line.startswith("="):
            continue
        if line.startswith("+"):
            if out:
                out[-1][1].append(_tabari_phrase(line[1:].split("[")[0]))
            continue
        phrase = _tabari_phrase(line.split("[")[0])
        spans = _tabari_codes(line)
        if not phrase:  # a code line under the name and aliases (Phoenix-style files)
            if spans and out:
                out[-1][0].spans.extend(spans)
                out[-1][0].code = _current(out[-1][0].spans)
            continue
        entry = MemoryEntry(phrase.title() if phrase.isupper() else phrase, _current(spans), spans=spans)
        out.append((entry, []))
    return out


def _current(spans: list[tuple[str | None, str | None, str]]) -> str | None:
    """The code of an entry with no date to go by: the undated one, else the latest."""
    undated = [c for s, e, c in spans if s is None and e is None]
    if undated:
        return undated[-1]
    open_ended = [c for s, e, c in spans if e is None]
    return open_ended[-1] if open_ended else (spans[-1][2] if spans else None)
