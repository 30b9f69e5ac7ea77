"""The typed document model: what every pipeline stage reads and writes.

An :class:`Article` goes into the pipeline with its raw text and metadata and
comes out with its cleaned text, sentences, actors, events and quotes. Every
span carries character offsets into ``Article.text`` so that each result can be
traced to the words it was read from. The JSON form follows
``spec/output-and-gold.md``; ``eventwire schema`` prints its JSON Schema.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from pydantic.json_schema import SkipJsonSchema

SCHEMA_VERSION = "1"

ActorType = Literal["PERSON", "ORG", "COUNTRY", "GROUP"]
EventStatus = Literal["asserted", "claimed", "hypothetical", "future"]
DatePrecision = Literal["day", "week", "month", "year"]
QuoteKind = Literal["direct", "indirect", "mixed"]
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "REQUEST", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


class Sentence(Span):
    index: int = Field(description="position of the sentence in the article, from 0")


class ActorRef(_Model):
    """An actor as it appears in one event or quote."""

    text: str = Field(description="the words in the sentence")
    name: str | None = Field(None, description="canonical name where known")
    code: str | None = Field(None, description="CAMEO-style code, e.g. RUSGOV, IGO:UN")
    actor_id: int | None = Field(None, description="index into Article.actors")
    start: int | None = None
    end: int | None = None


class Actor(_Model):
    """One canonical actor of an article, with every mention of it."""

    id: int
    name: str
    type: ActorType
    code: str | None = None
    title: str | None = Field(None, description="role the article gives, e.g. 'ambassador to Tokyo'")
    level: str | None = Field(None, description="level of a provincial or local office the article gives: "
                              "'regional' (a governor, a provincial government) or 'local' (a mayor, a county); "
                              "the code stays the country's (e.g. CANGOV)")
    mentions: list[str] = Field(default_factory=list, description="distinct mention texts")
    spans: list[Span] = Field(default_factory=list, description="every mention with offsets")


class Location(_Model):
    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


class Event(_Model):
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    sentence: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    negated: bool = False
    status: EventStatus = "asserted"
    date: str | None = Field(None, description="YYYY-MM-DD: the day, or the first day of the week, month or "
                                               "year the text names (see date_precision)")
    date_precision: DatePrecision | None = Field(None, description="how precise `date` is")
    date_text: str | None = Field(None, description="the time expression the date was read from "
                                                    "(null: the article's publication date)")
    location: Location | None = None
    confidence: float | None = None


class Quote(_Model):
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: ActorRef | None = None
    cue: str | None = None
    sentence: str
    sentence_index: int


class ErrorInfo(_Model):
    kind: str = Field(description="machine-readable reason, e.g. empty, binary, too_large")
    message: str


@dataclass
class Mention:
    """One stretch of ``Article.text`` that names (or stands for) an actor: the
    actors stage's index for the events and quotes stages (``Article.mentions``).

    ``type``: ``PERSON``, ``ORG``, ``COUNTRY``, ``GROUP``, or ``PLACE`` for a place
    that is only a location. ``kind``: how it was found: ``name``, ``title`` (a
    role with no name), ``group`` (a role noun), ``pronoun``, ``modifier`` (a
    country adjective before an ordinary noun), ``region``, ``place``. ``code``,
    ``name`` and ``actor_id`` are those of the actor it resolved to (``actor_id``
    indexes ``Article.actors``). ``tok_start``/``tok_end`` are token offsets in
    ``Article.doc``; ``nested`` marks a mention inside a longer one ("Russia" in
    "Russia's ambassador to Tokyo").
    """

    start: int
    end: int
    text: str
    type: str
    code: str | None = None
    name: str | None = None
    actor_id: int | None = None
    title: str | None = None
    kind: str = "name"
    tok_start: int = -1
    tok_end: int = -1
    nested: bool = False


class Article(_Model):
    """One news article and everything eventwire read from it."""

    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    source: str | None = Field(None, description="where the input came from: path, path:line, stdin")
    language: str | None = None
    credits: list[str] = Field(default_factory=list, description="credit lines removed from the text")
    metadata: dict[str, Any] = Field(default_factory=dict)
    text: str = ""
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    error: ErrorInfo | None = None
    mentions: SkipJsonSchema[list[Mention]] = Field(
        default_factory=list, exclude=True, repr=False,
        description="the actors stage's mention index, sorted by start (never serialised)")

    # Working state of the reading; never serialised.
    _raw: str = PrivateAttr(default="")
    _doc: Any = PrivateAttr(default=None)  # spacy.tokens.Doc once the nlp stage ran

    @property
    def raw(self) -> str:
        """The text as read, before cleaning."""
        return self._raw

    @property
    def doc(self):
        """The spaCy ``Doc`` of ``text`` (``None`` before the nlp stage)."""
        return self._doc

    @property
    def ok(self) -> bool:
        return self.error is None

    def fail(self, kind: str, message: str) -> "Article":
        """Mark this article as failed; later stages leave it alone."""
        self.error = ErrorInfo(kind=kind, message=message)
        return self

    def to_dict(self) -> dict[str, Any]:
        """The output document: an error record for failed articles."""
        if self.error is not None:
            out = {"id": self.id, "error": self.error.model_dump()}
            if self.source:
                out["source"] = self.source
            return out
        return self.model_dump(mode="json")

    @classmethod
    def from_raw(cls, raw: str, **fields: Any) -> "Article":
        """An article ready for the pipeline; its id defaults to a hash of the text."""
        if not fields.get("id"):
            fields["id"] = text_id(raw)
        art = cls(**fields)
        art._raw = raw
        return art


def fold(text: str) -> str:
    """Text folded for lookups: case, curly apostrophes and runs of white space ("U.S." stays "u.s.")."""
    return " ".join(text.replace("\u2019", "'").lower().split())


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """A CAMEO-style code's entity and sector: ``RUSGOV`` -> (``RUS``, ``GOV``); ``IGO:UN`` -> (``IGO:UN``, None)."""
    if not code:
        return None, None
    if ":" in code:
        return code, None
    return code[:3], (code[3:6] or None)


def entity(code: str | None) -> str | None:
    """The entity part of a code: ``RUSGOV`` -> ``RUS``; ``IGO:UN`` stays ``IGO:UN``."""
    return split_code(code)[0]


def text_id(text: str) -> str:
    """A stable id for a text with none of its own."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output document."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "eventwire article"
    schema["x-schema-version"] = SCHEMA_VERSION
    return schema
