"""The events stage: who did what to whom, typed in PLOVER with CAMEO codes.

A trigger lexicon (``data/triggers.tsv``: lemma -> PLOVER type, CAMEO code) finds
event words; the dependency parse gives the source (subject) and target (object
or prepositional object); :func:`eventwire.actors.ref_for` names the actors.
CAMEO codes carry their quad class and Goldstein value from ``data/cameo.tsv``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .actors import ref_for
from .config import DEFAULT, Settings
from .lexicons import cached_tsv
from .model import Article, Event

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "obj", "attr"}


@dataclass(frozen=True)
class Cameo:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None


def cameo_table(settings: Settings = DEFAULT) -> dict[str, Cameo]:
    """CAMEO code -> its name, Goldstein value, quad class and PLOVER type."""
    rows = cached_tsv("cameo.tsv", ("code", "name", "goldstein", "quad_class"), tuple(settings.lexicon_dirs))
    return {r["code"]: Cameo(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]),
                             r.get("plover"), r.get("mode")) for r in rows}


@dataclass
class Events:
    """Pipeline stage: fill ``Article.events``."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def cameo(self) -> dict[str, Cameo]:
        return cameo_table(self.settings)

    @cached_property
    def triggers(self) -> dict[str, dict]:
        rows = cached_tsv("triggers.tsv", ("lemma", "type", "cameo"), tuple(self.settings.lexicon_dirs))
        return {r["lemma"]: r for r in rows}

    def __call__(self, art: Article) -> Article:
        if not art.ok or art.doc is None:
            return art
        events = []
        sentences = {s.start: s for s in art.sentences}
        for sent in art.doc.sents:
            first = next((t for t in sent if not t.is_space), None)
            info = sentences.get(first.idx) if first is not None else None
            if info is None:
                continue
            for token in sent:
                if token.pos_ != "VERB" or token.lemma_ not in self.triggers:
                    continue
                entry = self.triggers[token.lemma_]
                source = self._argument(art, token, SUBJECTS)
                target = self._argument(art, token, OBJECTS) or self._prep_object(art, token)
                if source is None and target is None:
                    continue
                cameo = self.cameo.get(entry["cameo"])
                events.append(Event(
                    type=entry["type"], mode=entry.get("mode"), cameo=entry["cameo"],
                    quad_class=cameo.quad_class if cameo else None,
                    goldstein=cameo.goldstein if cameo else None,
                    source=source, target=target, sentence=info.text, sentence_index=info.index,
                    sentence_start=info.start, sentence_end=info.end, trigger=token.text,
                    trigger_start=token.idx, trigger_end=token.idx + len(token.text),
                    negated=any(c.dep_ == "neg" for c in token.children),
                    date=(art.published or "")[:10] or None,
                ))
        art.events = [e for e in events if not e.negated]
        return art

    def pipe(self, articles):
        for art in articles:
            yield self(art)

    @staticmethod
    def _argument(art: Article, verb, deps):
        for child in verb.children:
            if child.dep_ in deps:
                span = child.doc[child.left_edge.i: child.right_edge.i + 1]
                ref = ref_for(art, span.start_char, span.end_char)
                if ref is not None:
                    return ref
        return None

    @staticmethod
    def _prep_object(art: Article, verb):
        for prep in verb.children:
            if prep.dep_ == "prep":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        span = pobj.doc[pobj.left_edge.i: pobj.right_edge.i + 1]
                        ref = ref_for(art, span.start_char, span.end_char)
                        if ref is not None:
                            return ref
        return None
