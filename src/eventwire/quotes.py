"""The quotes stage: who said what.

Direct quotations are the words between quotation marks (straight or curly, read
by position since scrapes mix them); the speaker is the subject of a reporting
verb in the same sentence ("..., Galuzin said"), resolved to its actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import ref_for
from .config import DEFAULT, Settings
from .model import Article, Quote
from .nlp import sentence_of

REPORTING_VERBS = {"say", "tell", "add", "state", "write", "announce", "declare", "insist", "warn", "note"}
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


@dataclass
class Quotes:
    """Pipeline stage: fill ``Article.quotes``."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    def __call__(self, art: Article) -> Article:
        if not art.ok or art.doc is None:
            return art
        quotes = []
        for match in _QUOTE.finditer(art.text):
            start, end = match.span(1)
            text = match.group(1).strip().rstrip(",")
            sent = sentence_of(art, start)
            if sent is None or len(text.split()) < 2:
                continue
            speaker, cue = self._speaker(art, sent.start, sent.end, start, end)
            whole = sent.text.strip(" \"“”").startswith(text[:20])
            quotes.append(Quote(text=text, start=start, end=start + len(text),
                                kind="direct" if whole else "mixed", speaker=speaker, cue=cue,
                                sentence=sent.text, sentence_index=sent.index))
        art.quotes = quotes
        return art

    def pipe(self, articles):
        for art in articles:
            yield self(art)

    @staticmethod
    def _speaker(art: Article, s_start: int, s_end: int, q_start: int, q_end: int):
        span = art.doc.char_span(s_start, s_end, alignment_mode="expand")
        if span is None:
            return None, None
        for token in span:
            if token.lemma_ in REPORTING_VERBS and not (q_start <= token.idx < q_end):
                for child in token.children:
                    if child.dep_ in ("nsubj", "nsubjpass"):
                        sub = child.doc[child.left_edge.i: child.right_edge.i + 1]
                        ref = ref_for(art, sub.start_char, sub.end_char)
                        if ref is not None:
                            return ref, token.text
                return None, token.text
        return None, None
