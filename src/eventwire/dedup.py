"""Near-duplicate articles and learned boilerplate paragraphs.

The same wire story runs on many sites with small edits. :class:`DuplicateIndex`
finds such copies with MinHash signatures over word shingles of the cleaned
text and a MinHash LSH index (datasketch); every copy is linked to one
*canonical* article, the first of its group that was stored.

A paragraph that recurs, word for word, across several distinct (non-duplicate)
articles of one site is that site's boilerplate ("Follow us on ...", a standing
editor's note, a stock background line). :func:`paragraphs` cuts an article's
text into paragraphs (or, for a text with no paragraph breaks, sentences) with
their offsets and a hash of their normalised words, which the store counts per
site to learn such paragraphs.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.8  # estimated Jaccard similarity of shingle sets at which two articles are copies
LSH_THRESHOLD = 0.5  # the LSH bands are tuned lower, so that pairs at THRESHOLD are (almost) never missed
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one
SHINGLE = 3  # words per shingle
MIN_SHINGLES = 8  # shorter texts are too small to call copies
MIN_PARAGRAPH_WORDS = 5  # shorter paragraphs are never learned as boilerplate

_TOKEN = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation and quote style ignored."""
    return _TOKEN.findall(text.lower())


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """The set of ``k``-word shingles of ``text``."""
    toks = words(text)
    return {" ".join(toks[i:i + k]).encode("utf-8") for i in range(max(0, len(toks) - k + 1))}


def signature(text: str) -> LeanMinHash | None:
    """The MinHash of ``text``'s shingles, or ``None`` when the text is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(grams))
    return LeanMinHash(mh)


def to_bytes(mh: LeanMinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


@dataclass
class Match:
    """The canonical article a new one copies, and their estimated similarity."""

    canonical_id: str
    similarity: float


@dataclass
class DuplicateIndex:
    """An LSH index over the stored articles' MinHash signatures.

    ``add(id, sig)`` indexes an article; ``find(sig)`` returns the canonical
    article of the most similar indexed one at or above ``threshold``. The LSH
    finds candidates at a lower similarity; each is then checked against the
    threshold with its full signature.
    """

    threshold: float = THRESHOLD
    _lsh: MinHashLSH = field(init=False, repr=False)
    _sigs: dict[str, LeanMinHash] = field(default_factory=dict, init=False, repr=False)
    _canonical: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _order: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=min(self.threshold, LSH_THRESHOLD), num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._sigs

    def add(self, article_id: str, sig: LeanMinHash, canonical_id: str | None = None) -> None:
        """Index ``article_id`` (a copy of ``canonical_id`` when given)."""
        if article_id in self._sigs:
            self.remove(article_id)
        self._lsh.insert(article_id, sig)
        self._sigs[article_id] = sig
        self._canonical[article_id] = canonical_id or article_id
        self._order[article_id] = len(self._order)

    def remove(self, article_id: str) -> None:
        if article_id in self._sigs:
            self._lsh.remove(article_id)
            del self._sigs[article_id]
            del self._canonical[article_id]

    def find(self, sig: LeanMinHash, exclude: str | None = None) -> Match | None:
        """The canonical article of the closest indexed copy of ``sig``, if any."""
        best: tuple[float, int, str] | None = None
        for key in self._lsh.query(sig):
            if key == exclude:
                continue
            sim = sig.jaccard(self._sigs[key])
            if sim < self.threshold:
                continue
            rank = (-sim, self._order[key], key)
            if best is None or rank < best:
                best = rank
        if best is None:
            return None
        return Match(self._canonical[best[2]], -best[0])


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    hash: str
    text: str


def paragraphs(text: str, sentences: Iterable[dict] | None = None) -> Iterator[Paragraph]:
    """The paragraphs of a cleaned text (blank-line separated), long enough to learn.

    A text without paragraph breaks (many feeds flatten their articles to one
    line) is cut into its ``sentences`` (the output document's, with offsets)
    instead, so that a site's stock lines are still found.
    """
    blocks = re.split(r"(\n\s*\n)", text)
    if len(blocks) == 1 and sentences is not None:
        spans = [(s["start"], s["end"]) for s in sentences]
    else:
        spans, pos = [], 0
        for block in blocks:
            start, pos = pos, pos + len(block)
            if block.strip() and not block.startswith("\n"):
                spans.append((start, pos))
    for index, (start, end) in enumerate(spans):
        block = text[start:end]
        toks = words(block)
        if len(toks) >= MIN_PARAGRAPH_WORDS:
            digest = hashlib.sha1(" ".join(toks).encode("utf-8")).hexdigest()[:20]
            yield Paragraph(index, start, end, digest, block.strip())


def site_of(url: str | None, metadata: dict | None = None) -> str | None:
    """The site an article came from: its ``site`` metadata or its URL's host."""
    meta = metadata or {}
    site = meta.get("site")
    if isinstance(site, str) and site.strip():
        return site.strip().lower()
    if url:
        match = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url.strip(), re.I)
        if match:
            host = match.group(1).lower()
            return host[4:] if host.startswith("www.") else host
    return None


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
