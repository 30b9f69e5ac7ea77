"""The pipeline: read -> clean -> nlp -> actors -> quotes -> events.

Each stage is a small class over :class:`~eventwire.model.Article` with
``__call__(article)`` and ``pipe(articles)``, like a spaCy component. The
pipeline streams articles through them in batches. Quotes run before
events: a statement inside a direct quote is its speaker's ("I"/"we" there is
the speaker). A stage that raises on one
article marks that article failed (kind ``internal``) and the rest go on.
"""
from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .actors import Actors
from .clean import Cleaner
from .config import DEFAULT, Settings
from .events import Events
from .ingest import from_html, from_text, read
from .memory import ActorMemory
from .model import Article
from .nlp import NLP
from .quotes import Quotes

log = logging.getLogger("eventwire")


@dataclass
class Pipeline:
    """The whole of eventwire over a stream of articles.

    >>> pipe = Pipeline()
    >>> art = pipe.code_text("Japan imposed sanctions on Russia on Friday.", published="2022-11-11")
    """

    settings: Settings = field(default_factory=lambda: DEFAULT)
    stages: list = field(default_factory=list)
    learn: bool = False  # collect the persons resolved from titles (see Actors and docs/actors.md)
    memory: ActorMemory | None = None  # the actor memory snapshot (default: loaded as settings say)

    def __post_init__(self):
        if not self.stages:
            s = self.settings
            self.stages = [Cleaner(s), NLP(s), Actors(s, memory=self.memory, learn=self.learn), Quotes(s), Events(s)]

    @property
    def stage_names(self) -> list[str]:
        return [type(stage).__name__.lower() for stage in self.stages]

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream of articles; failed ones pass through."""
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = _guarded(stage, stream)
        return iter(stream)

    def code_paths(self, paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Article]:
        """Read and code every article under ``paths``."""
        return self.pipe(_with_date(read(paths, self.settings), published))

    def code_text(self, text: str, *, id: str | None = None, title: str | None = None,
                  published: str | None = None, html: bool = False) -> Article:
        """Code one article given as a string (plain text, or HTML with ``html=True``)."""
        from .ingest import InputError

        try:
            art = (from_html if html else from_text)(text, source="text", id=id, title=title, published=published)
        except InputError as err:
            return Article(id=id or "text", source="text").fail(err.kind, str(err))
        return next(self.pipe([art]))


def learn(paths: Iterable[str | Path], settings: Settings = DEFAULT, *, published: str | None = None,
          memory: ActorMemory | None = None) -> ActorMemory:
    """The learning pass: read every article under ``paths`` up to the actors stage and
    return ``memory`` (default: the one ``settings`` loads) with the persons they
    resolve from titles merged in. The pass codes every article with the same
    snapshot, and merging is order-free, so the result does not depend on the
    order of the articles (see docs/actors.md)."""
    actors = Actors(settings, memory=memory, learn=True)
    stages = [Cleaner(settings), NLP(settings), actors]
    for _ in Pipeline(settings, stages=stages).pipe(_with_date(read(paths, settings), published)):
        pass
    return actors.merged_memory()


def _with_date(articles: Iterable[Article], published: str | None) -> Iterator[Article]:
    for art in articles:
        if published and not art.published:
            art.published = published
        yield art


def _guarded(stage, articles: Iterable[Article]) -> Iterator[Article]:
    """``stage.pipe`` with per-article failure isolation."""
    name = type(stage).__name__
    if getattr(stage, "batched", False):  # batches (through spaCy) and isolates failures itself
        yield from stage.pipe(articles)
        return
    for art in articles:
        if not art.ok:
            yield art
            continue
        try:
            yield stage(art)
        except Exception as err:  # noqa: BLE001 - one article must not stop the batch
            log.debug("stage %s failed on %s\n%s", name, art.id, traceback.format_exc())
            yield art.fail("internal", f"{name} stage failed: {type(err).__name__}: {err}")
