"""The quotes stage: who said what.

Three kinds of quotation are read from an article:

* **direct**: words between quotation marks that make a sentence or more
  (``"We will consider," Galuzin said.``). A quote that runs over several
  sentences, or over paragraphs (each new paragraph re-opens the quote and only
  the last one closes it), is one quote.
* **mixed**: a quoted fragment inside a sentence of the writer's own
  (``demanded that she give "honest and accurate" answers``).
* **indirect**: the content clause of a reporting verb (``Galuzin said Japan
  should take the initiative``, ``warned that ...``, ``according to X, ...``).

Quotation marks are found in one pass over the text. Scrapes mix straight and
curly marks (``"... world”``), so a mark is read as opening or closing by the
characters around it first and by its shape only when those do not tell; single
quotes inside a quote are part of its words. A quote left open at the end of a
paragraph continues when the next paragraph opens with a mark, and otherwise
ends there, so an odd number of marks never swallows the rest of the article.

The speaker is found from the parse: the subject of the cue verb (a verb of
``data/reporting_verbs.tsv``) next to the quote or above it in the tree, the
object of "according to", or, for a sentence that is only a quote, the speaker
of the quote or reporting verb in the sentence before. The subject's words are
resolved to an actor through the actors stage (:func:`eventwire.actors.ref_for`),
which also resolves pronouns and titles ("he", "the ambassador"). A subject that is an unresolved
pronoun gives no speaker (``None``), never the nearest name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .actors import mentions_in, ref_for
from .config import DEFAULT, Settings
from .lexicons import LexiconError, cached_tsv
from .marks import MARKS, Marked, find_marked
from .model import ActorRef, Article, Quote
from .nlp import SUBJECTS, sentence_of

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = {".", "!", "?"}
# Dependents that end the core of a subject noun phrase ("Galuzin, who ...").
_NOT_CORE = {"punct", "relcl", "appos", "acl", "advcl", "parataxis", "cc", "conj"}
# Verbs a participle or coordinated cue borrows its subject from ("..., adding").
_CLIMB = {"conj", "advcl", "xcomp", "acl", "pcomp"}
_TITLE_SMALL = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "by"}
_PERSONAL = {"i", "me", "we", "us", "you", "my", "our", "your"}
_THIRD = {"he", "she"}
LAST_SPEAKER_REACH = 3  # sentences back that an unresolved "he said" may take the last quoted person
_COMPLEMENTS = {"dobj", "xcomp", "ccomp", "attr", "oprd", "acomp"}


@dataclass(frozen=True)
class ReportingVerb:
    """A cue verb of ``data/reporting_verbs.tsv``."""

    lemma: str
    kind: str
    that_clause: bool


def reporting_verbs(settings: Settings = DEFAULT) -> dict[str, ReportingVerb]:
    """Lemma -> reporting verb; the user's rows win."""
    rows = cached_tsv("reporting_verbs.tsv", ("lemma", "kind", "that_clause"), tuple(settings.lexicon_dirs))
    return {r["lemma"].lower(): ReportingVerb(r["lemma"].lower(), r["kind"],
                                              (r["that_clause"] or "").lower() in ("yes", "true", "1"))
            for r in rows if (r.get("cue") or "yes").lower() not in ("no", "false", "0")}


def report_verbs(settings: Settings = DEFAULT, kinds: tuple[str, ...] = ()) -> frozenset[str]:
    """Every verb of ``reporting_verbs.tsv``, quotation cues or not: the verbs whose "that"
    clause is the subject's report or claim (the events stage reads them too); with
    ``kinds``, only the verbs of those kinds ("speech", "claim", ...)."""
    rows = cached_tsv("reporting_verbs.tsv", ("lemma", "kind", "that_clause"), tuple(settings.lexicon_dirs))
    known = {r["kind"] for r in rows}
    unknown = [k for k in kinds if k not in known]
    if unknown:
        raise LexiconError(f"reporting_verbs.tsv has no verb of kind {', '.join(unknown)}")
    return frozenset(r["lemma"].lower() for r in rows if not kinds or r["kind"] in kinds)


# --------------------------------------------------------------------------- marks


# --------------------------------------------------------------------------- stage


@dataclass
class _Found:
    """A quote while the stage is working on it."""

    quote: Quote
    cue_token: object = None
    needs_context: bool = False  # a quote alone in its sentence: its speaker may come from the one before
    pronoun: bool = False  # the cue's subject is "he"/"she"


@dataclass
class Quotes:
    """Pipeline stage: fill ``Article.quotes``."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def verbs(self) -> dict[str, ReportingVerb]:
        return reporting_verbs(self.settings)

    def __call__(self, art: Article) -> Article:
        if not art.ok or art.doc is None:
            return art
        reader = _Reader(art, self.verbs)
        art.quotes = reader.read()
        return art

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for art in articles:
            yield self(art)


class _Reader:
    """Reads the quotes of one parsed article."""

    def __init__(self, art: Article, verbs: dict[str, ReportingVerb]):
        self.art = art
        self.doc = art.doc
        self.verbs = verbs
        self.marked = find_marked(art.text)
        self.spans = [(q.open, (q.close + 1) if q.close is not None else q.end) for q in self.marked]

    # -- helpers over the parse

    def in_marks(self, char: int) -> bool:
        """Whether ``char`` lies inside a marked quote (marks included)."""
        lo, hi = 0, len(self.spans) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.spans[mid]
            if char < s:
                hi = mid - 1
            elif char >= e:
                lo = mid + 1
            else:
                return True
        return False

    def token_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def is_cue(self, token) -> bool:
        """A reporting verb of the lexicon ("bare" ones only with no object or complement)."""
        verb = self.verbs.get(token.lemma_.lower())
        if verb is None or token.pos_ not in ("VERB", "AUX"):
            return False
        if token.i > 0 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
            return False  # "so-called", "self-declared": part of a word, not a cue
        if verb.kind == "bare":
            return not any(c.dep_ in _COMPLEMENTS and not self.in_marks(c.idx) for c in token.children)
        return True

    # -- the whole article

    def read(self) -> list[Quote]:
        """Every quote of the article, in reading order."""
        found: list[_Found] = []
        for marked in self.marked:
            item = self.direct(marked)
            if item is not None:
                found.append(item)
        found += self.indirect()
        found.sort(key=lambda f: f.quote.start)
        self.not_named_inside(found)
        self.inherit(found)
        self.not_named_inside(found)
        return [f.quote for f in found]

    def not_named_inside(self, found: list[_Found]) -> None:
        """Drop a pronoun's speaker who is named in the quote itself.

        "He said Trump's tariffs ...": the "he" cannot be Trump (a pronoun does not
        co-refer with a name in its own complement), so that resolution is wrong.
        """
        for item in found:
            ref = item.quote.speaker
            if not item.pronoun or ref is None or ref.actor_id is None:
                continue
            inside = mentions_in(self.art, item.quote.start, item.quote.end)
            if any(m.actor_id == ref.actor_id and m.kind == "name" for m in inside):
                item.quote.speaker = None

    # -- quotes in marks

    def direct(self, marked: Marked) -> _Found | None:
        """A quote in marks as a direct or mixed quote with its cue and speaker; None if not a quote."""
        art = self.art
        text = " ".join(art.text[s:e] for s, e in marked.pieces)
        words = _WORD.findall(text)
        raw_end = art.text[marked.close - 1] if marked.close is not None else ""
        if not words or (raw_end not in ".,!?" and _is_title(words, text)):
            return None
        sent = sentence_of(art, marked.start)
        if sent is None:
            return None
        before, after = self.frame(marked)
        multi = bool(re.search(r"[.!?][\"'’”]?\s+[\"'‘“]?[A-Z]", text)) or len(marked.pieces) > 1
        led = not before or before[-1].text in (":", ",")
        whole = multi or (text[:1].isupper() or text[:1].isdigit() or text[:1] in "[…") and led
        kind = "direct" if whole else "mixed"
        if kind == "mixed" and (len(words) < 2 or len(text.split()) < 2):
            return None  # a single word (or an unbroken token like a=b.c) in marks is a term, not a quotation
        cue = None
        if kind == "mixed" and not _attribution_follows(after, self.is_cue):
            cue = self.cue_in_tree(marked)  # a fragment is said by the speaker of the verb it hangs on
        else:
            cue = self.cue_in_frame(before, after)
        if kind == "mixed" and cue is None and before:
            return None  # words in marks inside the writer's own sentence, said by no one: a scare quote
        speaker = self.speaker_of(cue) if cue is not None else None
        pronoun = cue is not None and self._pronoun_subject(cue)
        quote = Quote(text=text, start=marked.start, end=marked.end, kind=kind, speaker=speaker,
                      cue=cue.text if cue is not None else None, sentence=sent.text, sentence_index=sent.index)
        needs = speaker is None and cue is None and (kind == "direct" or not before)
        return _Found(quote, cue, needs, pronoun)

    def frame(self, marked: Marked) -> tuple[list, list]:
        """The tokens around a quote, up to the sentence ends or other quotes."""
        doc = self.doc
        first = self.token_at(marked.open)
        before = []
        if first is not None:
            i = first.i - 1
            while i >= 0 and len(before) < 60:
                tok = doc[i]
                if tok.text in _SENTENCE_END or "\n" in tok.whitespace_ or "\n" in tok.text \
                        or self.in_marks(tok.idx):
                    break
                before.append(tok)
                if tok.is_sent_start and not (tok.i + 1 < len(doc) and doc[tok.i + 1].idx == marked.open):
                    break
                i -= 1
            before.reverse()
        after = []
        close = marked.close
        last = self.token_at(close) if close is not None else None
        if last is not None and not ("\n" in last.whitespace_):
            ends_sentence = _char_at(self.art.text, marked.end - 1) in ".!?"
            i = last.i + 1
            while i < len(doc) and len(after) < 40:
                tok = doc[i]
                if tok.is_space or "\n" in tok.text or self.in_marks(tok.idx):
                    break
                if not after and ends_sentence and tok.text[:1].isupper() and tok.text != "I" \
                        and _char_at(self.art.text, marked.end - 1) == ".":
                    break  # the quote ended its sentence; what follows is a new one
                after.append(tok)
                if tok.text in _SENTENCE_END or "\n" in tok.whitespace_:
                    break
                i += 1
        return before, after

    def cue_in_frame(self, before: list, after: list):
        """The cue verb (or "according") of a quote's attribution."""
        def cues(tokens):
            return [t for t in tokens if self.is_cue(t) or _according(t) is not None]
        b, a = cues(before), cues(after)
        if b and before and before[-1].text in (":", ",") and b[-1].i >= before[-1].i - 8:
            return b[-1]
        if a:
            return a[0]
        return b[-1] if b else None

    def cue_in_tree(self, marked: Marked):
        """The reporting verb above a quoted fragment in the parse."""
        span = self.doc.char_span(marked.start, marked.end, alignment_mode="expand")
        if span is None:
            return None
        roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
        for root in roots[:1]:
            node, steps = root, 0
            while node.head is not node and steps < 8:
                node, steps = node.head, steps + 1
                if node.i >= span.start and node.i < span.end:
                    continue
                if self.is_cue(node) and not self.in_marks(node.idx):
                    return node
                if _according(node) is not None:
                    return node
        return None

    # -- speakers

    def speaker_of(self, cue) -> ActorRef | None:
        """The speaker of a cue: the subject of the verb, or the object of "according to"."""
        obj = _according(cue)
        if obj is not None:
            return self.ref(obj)
        subject = self.subject_of(cue)
        return self.ref(subject) if subject is not None else None

    def subject_of(self, verb):
        """The subject of ``verb``, borrowed from the verb it hangs on for participles and conjuncts."""
        node = verb
        for _ in range(4):
            found = self._own_subject(node)
            if found is not None:
                return found
            if node.dep_ not in _CLIMB or node.head is node:
                break
            node = node.head
            if node.pos_ in ("NOUN", "PROPN") and node.head is not node:
                node = node.head  # "a statement saying ..." -> the verb the noun hangs on
            if node.dep_ == "ccomp" and self.is_cue(node.head):
                node = node.head  # "X said Y did Z, saying ..." -> X
        if verb.tag_ == "VBG":  # ", announcing ..." in a sentence the parser got wrong
            return self._nearest_subject_before(verb)
        return None

    def _own_subject(self, node):
        """A verb's own subject: nsubj, the agent of a passive, or a name the parser left as 'dep'."""
        fallback = None
        for child in node.children:
            if child.dep_ in SUBJECTS and not self.in_marks(child.idx):
                if child.pos_ == "NOUN" and any(self.in_marks(t.idx) for t in child.subtree):
                    fallback = fallback or child  # "... “Sunday Futures” show, said": likely a misparse
                    continue
                return child
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and not self.in_marks(obj.idx):
                    return obj
        named = next((c for c in node.lefts if c.dep_ in ("dep", "intj") and not self.in_marks(c.idx)
                      and mentions_in(self.art, c.idx, c.idx + len(c.text))), None)
        return named or fallback

    def _nearest_subject_before(self, verb):
        sent = verb.sent
        for tok in reversed(self.doc[sent.start: verb.i]):
            if tok.dep_ in SUBJECTS and tok.head.i < verb.i and not self.in_marks(tok.idx):
                return tok
        return None

    def _pronoun_subject(self, cue) -> bool:
        subject = self.subject_of(cue) if _according(cue) is None else None
        return subject is not None and subject.lower_ in _THIRD

    def ref(self, head) -> ActorRef | None:
        """The actor a subject stands for, through the actors stage; ``None`` for an unresolved pronoun.

        The subject's whole subtree goes to :func:`eventwire.actors.ref_for`, which
        picks the mention heading it (resolved pronouns and titles included). Where
        no mention heads it, a person named inside it ("a letter signed by X",
        "critics, including X") is the speaker; else a noun phrase stands as itself
        with no canonical name ("civil society groups").
        """
        doc = self.doc
        end_i = head.i
        for child in head.rights:
            if child.dep_ in _NOT_CORE:
                break
            end_i = child.right_edge.i
        core = doc[head.left_edge.i: end_i + 1]
        sub = doc[head.left_edge.i: head.right_edge.i + 1]
        if self.in_marks(core.start_char) and self.in_marks(core.end_char - 1):
            return None
        found = ref_for(self.art, sub.start_char, sub.end_char)
        if found is not None and self._unnamed_group(head):
            found = None  # "critics, including X, said": the named member is the speaker
        if found is None and head.pos_ != "PRON":
            people = [m for m in mentions_in(self.art, sub.start_char, sub.end_char)
                      if m.type == "PERSON" and m.name and not self.in_marks(m.start)
                      and m.kind != "pronoun"]
            if people:
                found = ref_for(self.art, people[0].start, people[0].end)
        if found is None or (head.pos_ == "PRON" and not found.name):
            if head.pos_ not in ("NOUN", "PROPN"):
                return None
            return ActorRef(text=core.text, start=core.start_char, end=core.end_char)
        return found.model_copy(update={"text": core.text, "start": core.start_char, "end": core.end_char})

    def _unnamed_group(self, head) -> bool:
        """Whether the subject's head is a role noun for a group with no name of its own."""
        at = [m for m in mentions_in(self.art, head.idx, head.idx + len(head.text))]
        return bool(at) and all(m.kind == "group" for m in at) and head.tag_ == "NNS"

    # -- indirect quotes

    def indirect(self) -> list[_Found]:
        """Content clauses of reporting verbs with a speaker, and "according to X" sentences."""
        found: list[_Found] = []
        verbs = self.verbs
        for token in self.doc:
            if token.lower_ != "according" and token.lemma_.lower() not in verbs:
                continue  # most words: neither "according to" nor a reporting verb (the checks below say no)
            if self.in_marks(token.idx):
                continue
            if _according(token) is not None:
                item = self.according(token)
                if item is not None:
                    found.append(item)
                continue
            if not self.is_cue(token) or not self.verbs[token.lemma_.lower()].that_clause:
                continue
            heads = [c for c in token.children if c.dep_ == "ccomp" and c.i > token.i]
            if not any(c.dep_ in SUBJECTS or c.dep_ in ("nsubjpass", "expl") for h in heads for c in h.children):
                continue
            subject = self.subject_of(token)
            if subject is None or subject.lower_ in _PERSONAL:
                continue
            speakers = [self.ref(s) for s in [subject, *_conjuncts(subject)]]
            speakers = [s for s in speakers if s is not None]
            pronoun = subject.lower_ in _THIRD
            if not speakers and not pronoun:
                continue
            for part in self.clause_parts(heads):
                for speaker in speakers or [None]:
                    item = self.clause_quote(part, token, speaker)
                    if item is not None:
                        item.pronoun = pronoun
                        found.append(item)
        return found

    def clause_parts(self, heads: list) -> list[list]:
        """The content clause(s) under ``heads`` as token lists, one per coordinated "and that ..." clause."""
        parts: list[list] = []
        cut: set[int] = set()
        tokens: list = []
        for clause in heads:
            for child in clause.rights:
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and \
                        any(c.dep_ in SUBJECTS or c.dep_ in ("mark", "nsubjpass", "expl") for c in child.children):
                    if _reported_conjunct(child):
                        parts += self.clause_parts([child])  # "..., and that ...": reported too
                        cut.update(t.i for t in child.subtree)
                    elif not _inline_conjunct(child) or any(_according(t) is not None for t in child.subtree):
                        # "..., but <clause>": the writer's own words (or someone else's)
                        cut.update(t.i for t in child.subtree)
                        cut.update(t.i for t in child.lefts if t.dep_ in ("cc", "punct"))
                elif child.dep_ in ("advcl", "conj") and self.is_cue(child) and child.tag_ == "VBG":
                    cut.update(t.i for t in child.subtree)  # "..., saying ..." belongs to the speaker
            tokens += [t for t in clause.subtree if t.i not in cut]
        tokens = _without_trailing_aside(sorted(tokens, key=lambda t: t.i))
        parts.insert(0, tokens)
        return parts

    def clause_quote(self, tokens: list, cue, speaker: ActorRef | None) -> _Found | None:
        """An indirect quote of ``tokens`` (trimmed of "that" and punctuation), unless marks carry it."""
        tokens = sorted(tokens, key=lambda t: t.i)
        while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc") and tokens[-1].text not in MARKS:
            tokens = tokens[:-1]
        if len(tokens) < 3:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        inside = sum(min(e, end) - max(s, start) for s, e in self.spans if s < end and e > start)
        if inside > 0.5 * (end - start):
            return None  # the clause is a quote in marks: that quote carries it
        text = "".join(t.text_with_ws for t in tokens).strip()
        sent = sentence_of(self.art, start)
        if sent is None:
            return None
        quote = Quote(text=text, start=start, end=end, kind="indirect", speaker=speaker, cue=cue.text,
                      sentence=sent.text, sentence_index=sent.index)
        return _Found(quote, cue)

    def according(self, token) -> _Found | None:
        """ "According to X, <clause>": the clause, said by X."""
        obj = _according(token)
        head = token.head
        while head.dep_ != "ROOT" and not (head.dep_ in ("conj", "ccomp") and _has_subject(head)):
            head = head.head  # "..., leaving five dead, according to X": the whole clause
        if head is token or obj is None or self.in_marks(head.idx):
            return None
        speaker = self.ref(obj)
        if speaker is None:
            return None
        skip = {t.i for t in token.subtree}
        for child in head.rights:
            if child.dep_ == "conj" and _has_subject(child) and token.i not in {t.i for t in child.subtree}:
                skip.update(t.i for t in child.subtree)  # another clause, not under "according to"
        tokens = [t for t in head.subtree if t.i not in skip]
        # keep the longer side of the clause when the phrase splits it
        left = [t for t in tokens if t.i < token.i]
        right = [t for t in tokens if t.i > token.i]
        tokens = left if len(left) >= len(right) else right
        return self.clause_quote(tokens, token, speaker)

    # -- quotes attributed from their neighbours

    def inherit(self, found: list[_Found]) -> None:
        """A sentence that is only a quote takes the speaker of the quote or cue just before it,
        or of a bare attribution just after it ("“...” \n\n Smith said this on Monday.")."""
        for n, item in enumerate(found):
            q = item.quote
            if item.pronoun:
                # "“A,” Smith said. “B,” he added.": a pronoun cue right after a quote is that speaker's;
                # a pronoun the actors stage left unresolved is the last quoted person's, a few sentences back
                prev = next((f for f in reversed(found[:n]) if f.quote.speaker is not None), None)
                reach = 1 if q.speaker is not None else LAST_SPEAKER_REACH
                if prev is not None and prev.quote.kind != "indirect" and self._adjacent(prev, q, reach) \
                        and self._is_person(prev.quote.speaker):
                    q.speaker = prev.quote.speaker.model_copy(update={"text": (q.speaker or prev.quote.speaker).text})
                continue
            if not item.needs_context:
                continue
            prev = next((f for f in reversed(found[:n]) if f.quote.speaker is not None), None)
            if prev is not None and self._adjacent(prev, q):
                q.speaker, q.cue = prev.quote.speaker, prev.quote.cue
                continue
            speaker, cue = self.cue_in_sentence(q.sentence_index - 1)
            if speaker is None:
                last = sentence_of(self.art, q.end - 1)
                if last is not None:
                    speaker, cue = self.cue_in_sentence(last.index + 1, bare=True)
            if speaker is not None:
                q.speaker, q.cue = speaker, cue

    def _is_person(self, ref: ActorRef) -> bool:
        if ref.actor_id is None or ref.actor_id >= len(self.art.actors):
            return False
        return self.art.actors[ref.actor_id].type == "PERSON"

    def _adjacent(self, prev: _Found, q: Quote, reach: int = 1) -> bool:
        """Whether ``q`` starts at most ``reach`` sentences after ``prev`` ends (1: the next sentence)."""
        last = sentence_of(self.art, max(prev.quote.end - 1, prev.quote.start))
        if last is None:
            return False
        end_index = max(last.index, prev.quote.sentence_index)
        return q.sentence_index - end_index <= reach and prev.quote.start < q.start

    def cue_in_sentence(self, index: int, bare: bool = False) -> tuple[ActorRef | None, str | None]:
        """The speaker of the last cue verb of sentence ``index`` (outside quotes).

        ``bare``: only a sentence with no quote of its own and a cue with no content
        clause, which can only be attributing what came before.
        """
        if index < 0 or index >= len(self.art.sentences):
            return None, None
        s = self.art.sentences[index]
        span = self.doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None or (bare and any(self.in_marks(t.idx) for t in span)):
            return None, None
        for token in reversed(list(span)):
            if bare and any(c.dep_ in ("ccomp", "xcomp") for c in token.children):
                continue
            if self.is_cue(token) and not self.in_marks(token.idx):
                speaker = self.speaker_of(token)
                if speaker is not None:
                    return speaker, token.text
        return None, None


def _according(token):
    """The object of "according to X" when ``token`` is "according", else None."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        to = token.doc[token.i + 1]
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


def _char_at(text: str, pos: int) -> str:
    return text[pos] if 0 <= pos < len(text) else ""


def _is_title(words: list[str], text: str) -> bool:
    """A name in marks (a show, a book, an operation): short, every word capitalised."""
    if len(words) > 6 or text.rstrip()[-1:] in ".!?,":
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content) \
        and words[0][:1].isupper()


def _conjuncts(token) -> list:
    """Names coordinated with a subject ("X and Y said")."""
    return [c for c in token.conjuncts if c.pos_ in ("PROPN", "NOUN") and c.i > token.i]


def _attribution_follows(after: list, is_cue) -> bool:
    """Whether the words after a quote are ``, X said`` (a cue within a few words of a comma)."""
    return bool(after) and after[0].text == "," and any(is_cue(t) for t in after[1:6])


def _without_trailing_aside(tokens: list) -> list:
    """A clause without a closing ", who/which ..." about its last noun (background, not the claim)."""
    if not tokens:
        return tokens
    last = tokens[-1].i
    for n, tok in enumerate(tokens):
        if tok.dep_ in ("relcl", "appos") and tok.right_edge.i >= last and tok.left_edge.i > tokens[0].i:
            left = tok.left_edge.i
            k = next(j for j, t in enumerate(tokens) if t.i == left)
            if k > 0 and tokens[k - 1].text == ",":
                return tokens[:k - 1]
    return tokens


def _reported_conjunct(verb) -> bool:
    """A coordinated clause that repeats the "that" of reported speech ("..., and that ...")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
        and not any(_according(t) is not None for t in verb.subtree)


def _inline_conjunct(verb) -> bool:
    """A clause joined by a bare "and"/"or" (no comma): part of the same report ("X said A and B")."""
    cc = next((t for t in verb.lefts if t.dep_ == "cc"), None)
    if cc is None and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].dep_ == "cc":
        cc = verb.doc[verb.left_edge.i - 1]
    if cc is None or cc.lower_ not in ("and", "or"):
        return False
    i = cc.i - 1
    while i >= 0 and verb.doc[i].text in MARKS:
        i -= 1
    return i < 0 or verb.doc[i].text != ","


def _has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECTS or c.dep_ in ("nsubjpass", "expl") for c in verb.children)
