"""The actors stage: find who acts in an article and give each a CAMEO-style code.

Mentions come from spaCy's named entities (people, organisations, countries,
nationalities). Codes come from the gazetteer (``data/countries.tsv``,
``data/organizations.tsv`` and pycountry) and, for people, from a title in front
of the name ("Russia's ambassador to Tokyo Mikhail Galuzin"). Mentions of the
same person (full name, then surname) become one :class:`~eventwire.model.Actor`.

Later stages ask :func:`ref_for` which actor stands in a stretch of text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .config import DEFAULT, Settings
from .lexicons import cached_tsv
from .model import Actor, ActorRef, Article, Span

ENTITY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "COUNTRY", "NORP": "COUNTRY", "LOC": "COUNTRY"}


@dataclass
class Mention:
    """One stretch of text that names an actor."""

    start: int
    end: int
    text: str
    type: str
    code: str | None = None
    name: str | None = None
    actor_id: int | None = None
    title: str | None = None


@dataclass
class Gazetteer:
    """Names, adjectives, capitals and organisations mapped to codes."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def names(self) -> dict[str, tuple[str, str]]:
        """Folded text -> (code, kind). User rows are read last and win."""
        import pycountry

        table: dict[str, tuple[str, str]] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    table[fold(value)] = (country.alpha_3, "name")
        dirs = tuple(self.settings.lexicon_dirs)
        for row in cached_tsv("countries.tsv", ("code", "kind", "text"), dirs):
            table[fold(row["text"])] = (row["code"], row["kind"])
        for row in cached_tsv("organizations.tsv", ("code", "type", "text"), dirs):
            table[fold(row["text"])] = (row["code"], row["type"])
        return table

    def code(self, text: str) -> tuple[str, str] | None:
        key = fold(text)
        found = self.names.get(key)
        if found is None and key.startswith("the "):
            found = self.names.get(key[4:])
        return found


@dataclass
class Actors:
    """Pipeline stage: fill ``Article.actors`` and the mention index."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.settings)

    def __call__(self, art: Article) -> Article:
        if not art.ok or art.doc is None:
            return art
        mentions = []
        for ent in art.doc.ents:
            kind = ENTITY_LABELS.get(ent.label_)
            if kind is None:
                continue
            text = ent.text
            if text.endswith("'s") or text.endswith("’s"):
                text = text[:-2]
            found = self.gazetteer.code(text)
            code = found[0] if found else None
            if kind == "COUNTRY" and code is None:
                continue
            mentions.append(Mention(ent.start_char, ent.start_char + len(text), text,
                                    "PERSON" if kind == "PERSON" else ("COUNTRY" if found and ":" not in code
                                                                       and kind == "COUNTRY" else kind), code))
        self._link(art, mentions)
        art._mentions = mentions
        return art

    def pipe(self, articles):
        for art in articles:
            yield self(art)

    def _link(self, art: Article, mentions: list[Mention]) -> None:
        """Group mentions into canonical actors: same code for places, same surname for people."""
        actors: list[Actor] = []
        by_key: dict[str, Actor] = {}
        for m in mentions:
            if m.type == "PERSON":
                key = "P:" + m.text.split()[-1].lower()
            else:
                key = "C:" + (m.code or fold(m.text))
            actor = by_key.get(key)
            if actor is None:
                actor = Actor(id=len(actors), name=m.text, type=m.type, code=m.code)
                actors.append(actor)
                by_key[key] = actor
            elif len(m.text) > len(actor.name) and m.type == "PERSON":
                actor.name = m.text
            if actor.code is None and m.code:
                actor.code = m.code
            m.actor_id = actor.id
            if m.text not in actor.mentions:
                actor.mentions.append(m.text)
            actor.spans.append(Span(text=m.text, start=m.start, end=m.end))
        for m in mentions:
            actor = actors[m.actor_id]
            m.name, m.code = actor.name, actor.code
        art.actors = actors


def mentions_in(art: Article, start: int, end: int) -> list[Mention]:
    """The actor mentions that lie inside ``[start, end)``."""
    return [m for m in art._mentions if m.start >= start and m.end <= end]


def ref_for(art: Article, start: int, end: int) -> ActorRef | None:
    """The actor named in ``[start, end)``: the first mention inside it, or None."""
    inside = mentions_in(art, start, end)
    if not inside:
        return None
    m = inside[0]
    return ActorRef(text=art.text[start:end], name=m.name, code=m.code, actor_id=m.actor_id,
                    start=start, end=end)


def fold(text: str) -> str:
    """Case, punctuation and quote marks folded for lookups ("U.S." stays distinct from "US")."""
    text = text.replace("’", "'").strip().lower()
    return re.sub(r"\s+", " ", text)
