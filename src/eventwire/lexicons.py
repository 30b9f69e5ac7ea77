"""Loading the data files (lexicons, gazetteers, patterns) that drive the stages.

Built-in files live in ``eventwire/data``. Users extend them without editing the
package: a folder given in ``Settings.lexicon_dirs`` (or ``EVENTWIRE_LEXICONS``)
may hold files of the same names; their rows are read after the built-in ones,
so that for keyed lookups the user's entry wins.

TSV files: UTF-8, a header line naming the columns, one row per line, ``#``
starts a comment line, empty cells are ``None``. YAML files: a mapping of lists
(or of mappings); a user's file extends each list and updates each mapping.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


class LexiconError(ValueError):
    """A data file that cannot be read: names the file, the line and the reason."""


def data_path(name: str) -> Path:
    """The path of a built-in data file."""
    return Path(str(resources.files("eventwire") / "data" / name))


def sources(name: str, extra_dirs: Iterable[Path] = ()) -> list[Path]:
    """The built-in data file of that name (if any), then each user folder's, in order."""
    found = [data_path(name)] if data_path(name).exists() else []
    found += [Path(d) / name for d in extra_dirs if (Path(d) / name).exists()]
    return found


def read_tsv(path: Path, required: Iterable[str] = (),
             nonempty: Iterable[str] | None = None) -> list[dict[str, str | None]]:
    """Rows of one TSV file as dicts; checks the ``required`` columns are present and
    the ``nonempty`` ones (default: the required ones) filled in every row."""
    text = path.read_text(encoding="utf-8")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    header_no, header = lines[0]
    columns = [c.strip() for c in header.split("\t")]
    required = tuple(required)
    nonempty = required if nonempty is None else tuple(nonempty)
    missing = [c for c in required if c not in columns]
    if missing:
        raise LexiconError(f"{path}:{header_no}: missing column(s) {', '.join(missing)}")
    rows = []
    for n, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(columns):
            raise LexiconError(f"{path}:{n}: {len(cells)} cells for {len(columns)} columns")
        cells += [""] * (len(columns) - len(cells))
        row = {c: (v.strip() or None) for c, v in zip(columns, cells)}
        for c in nonempty:
            if row.get(c) is None:
                raise LexiconError(f"{path}:{n}: empty '{c}'")
        row["_where"] = f"{path.name}:{n}"
        rows.append(row)
    return rows


def load_tsv(name: str, required: Iterable[str] = (), extra_dirs: Iterable[Path] = ()) -> list[dict]:
    """All rows of a data file: the built-in ones first, then each user folder's."""
    rows: list[dict] = []
    for path in sources(name, extra_dirs):
        rows += read_tsv(path, required)
    return rows


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a key given twice in one mapping is an error:
    plain YAML keeps the last silently, and a lexicon would lose the first list."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice in one mapping", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(name: str, extra_dirs: Iterable[Path] = ()) -> dict:
    """A YAML mapping: user files extend lists and update mappings of the built-in one."""
    merged: dict = {}
    for path in sources(name, extra_dirs):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader) or {}
        except yaml.YAMLError as err:
            raise LexiconError(f"{path}: {err}") from None
        if not isinstance(data, dict):
            raise LexiconError(f"{path}: expected a mapping at the top level")
        for key, value in data.items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            elif isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


@lru_cache(maxsize=64)
def cached_yaml(name: str, extra_dirs: tuple[Path, ...] = ()) -> dict:
    return load_yaml(name, extra_dirs)


@lru_cache(maxsize=64)
def cached_tsv(name: str, required: tuple[str, ...] = (), extra_dirs: tuple[Path, ...] = ()) -> tuple[dict, ...]:
    return tuple(load_tsv(name, required, extra_dirs))
