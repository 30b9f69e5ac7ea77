"""The events stage: who did what to whom, typed in PLOVER with CAMEO codes.

For each sentence the stage looks for *patterns*: rows of ``data/triggers.tsv``
(ours) read over ``data/cameo_verbs.tsv`` (PETRARCH2's CAMEO verb dictionary,
converted by ``scripts/convert_cameo.py``), with word classes from
``data/synsets.tsv``: verbs with their particles, objects or predicates
("accused", "pulled out", "imposed sanctions", "called X unacceptable") and event
nouns under a light verb ("held talks with"). A row may say where its source and
target sit (``source``/``target`` positions, see docs/events.md); otherwise the
dependency parse gives each trigger its arguments:

* the source is the subject, or the ``by`` agent of a passive; a clause with no
  subject of its own takes it from the clause it hangs on ("Japan joined the
  United States in sanctioning Russia": Japan sanctions), or from the object of
  a control verb ("urged Farmajo to return": Farmajo returns);
* the target is the object, the subject of a passive, the object of a
  preposition ("talks with Tokyo", "sanctions on Moscow"), or, for speech acts,
  the subject of the reported clause ("demanded that Galuzin answer").

Conjoined actors give one event each. :func:`eventwire.actors.ref_for` names the
actors. The clause's shape sets the status (``data/modality.yaml``): negated
events are left out of ``Article.events`` (they are kept in
``Article.metadata["negated_events"]``), "will"/"plans to" make it ``future``,
"could"/"if" ``hypothetical``, and "X said Y did Z"/"X accused Y of Z" make
Z ``claimed``; "X said Y did Z" with Z a conflict act also gives X ACCUSE Y.
Acts are also read from a clause's shape: "X said Y should V" (REQUEST), "X said
it will strike Y" (THREATEN), "X refused to meet Y" (REJECT), "A and B met"
(CONSULT), agentless passives (null source).
Dates come from :mod:`eventwire.when`, places from :mod:`eventwire.places`.
CAMEO codes carry their quad class and Goldstein value from ``data/cameo.tsv``.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from .actors import ref_for
from .config import DEFAULT, Settings
from .lexicons import LexiconError, cached_tsv, cached_yaml
from .model import ActorRef, Article, Event, Location, Sentence, entity, split_code
from .nlp import PASSIVE_SUBJECTS, SUBJECTS
from .places import lookup as place_lookup
from .quotes import report_verbs
from .when import EventDate, event_date, parse_published

OBJECTS = {"dobj", "obj"}
MODIFIERS = {"amod", "compound", "nmod", "poss", "npadvmod"}
CLAUSE_LINKS = {"xcomp", "ccomp", "pcomp", "advcl", "conj", "acl", "relcl", "csubj"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
RELATIVE_TAGS = {"WDT", "WP", "WP$"}
#: flags a pattern row may carry (docs/events.md)
FLAGS = frozenset({"speech", "claim", "target", "intransitive", "force"})
#: the word class (synsets.tsv) of armed forces: "troops were deployed" is the troops' side mobilizing
FORCE_NOUNS = "&force_nouns"
#: the word class (synsets.tsv) of relations between sides: "A and B restored ties" is each one's act to the other
RELATION_NOUNS = "&relation_nouns"
#: where a pattern's source or target may sit, besides ``prep:WORD`` (docs/events.md)
POSITIONS = frozenset({"subj", "obj", "agent", "poss", "clause_subj", "passive_subj", "none"})
STATUS_RANK = {"asserted": 0, "claimed": 1, "future": 2, "hypothetical": 3}
_REQUESTED = object()  # stands for the reporter of an act asked for ("urged X to V")


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


@dataclass(frozen=True)
class Trigger:
    """One row of ``triggers.tsv``, with its PLOVER type resolved."""

    lemma: str
    pos: str
    particle: str | None
    objects: frozenset[str]
    cameo: str
    type: str
    mode: str | None
    negated: tuple[str, str] | None
    flags: frozenset[str]
    source_at: tuple[str, ...] = ()  # where the source sits (POSITIONS); () = the general rules
    target_at: tuple[str, ...] = ()  # where the target sits, tried in order
    dictionary: bool = False  # a row of the field's dictionary (cameo_verbs.tsv), not ours

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + 2 * bool(self.objects)


class Lexicon:
    """Triggers by lemma and the clause-shape word lists, loaded once."""

    def __init__(self, settings: Settings = DEFAULT):
        dirs = tuple(settings.lexicon_dirs)
        self.cameo = cameo_table(settings)
        self.synsets: dict[str, tuple[str, ...]] = {}
        for row in cached_tsv("synsets.tsv", ("set", "word"), dirs):
            name = row["set"].lstrip("&").lower()
            self.synsets[name] = self.synsets.get(name, ()) + (row["word"].lower(),)
        self.verbs: dict[str, list[Trigger]] = {}
        self.nouns: dict[str, list[Trigger]] = {}
        # the field's dictionary first, then ours: a row of ours with the same lemma,
        # particle and objects replaces the dictionary's
        files = (["cameo_verbs.tsv"] if settings.cameo_verbs else []) + ["triggers.tsv"]
        keyed: dict[tuple, Trigger] = {}
        for name in files:
            for row in cached_tsv(name, ("lemma", "pos", "cameo"), dirs):
                for trig in self._triggers(row, dictionary=name == "cameo_verbs.tsv"):
                    keyed[(trig.lemma, trig.pos, trig.particle, trig.objects)] = trig
        for trig in keyed.values():
            table = self.verbs if trig.pos == "V" else self.nouns
            table.setdefault(trig.lemma, []).append(trig)
        for table in (self.verbs, self.nouns):
            for rows in table.values():
                # the most specific first; among equals ours before the dictionary's, then file order
                rows.sort(key=lambda t: (-t.specificity, t.dictionary))
        # every lemma an event-noun row can end with ("strike" of "hunger strike"): most nouns end none,
        # and _noun_key need not look at their modifiers
        self.noun_ends = frozenset(" ".join(words[i:]) for key in self.nouns
                                   for words in [key.split(" ")] for i in range(len(words)))
        words = cached_yaml("modality.yaml", dirs)
        self.words: dict[str, frozenset[str]] = {}
        for key, values in words.items():
            if not isinstance(values, list):
                continue
            bad = [w for w in values if not isinstance(w, str)]
            if bad:
                raise ValueError(f"modality.yaml: {key}: {bad!r} are not words (quote on/off/yes/no)")
            self.words[key] = frozenset(w.lower() for w in values)
        self.words["report_verbs"] = report_verbs(settings)  # one list, data/reporting_verbs.tsv
        self.words["assertion_verbs"] = report_verbs(settings, ("speech", "claim", "warn"))  # "said", "alleged"
        self._codes = {str(k): str(v) for k, v in (words.get("derived_codes") or {}).items()}
        for act in ("threaten", "request", "reject", "strike", "yield"):
            if self._codes.get(act) not in self.cameo:
                raise LexiconError(f"modality.yaml: derived_codes: {act!r} needs a CAMEO code of cameo.tsv")
        self._counts = {str(k).lower(): v for k, v in (words.get("count_words") or {}).items()}
        bad = [k for k, v in self._counts.items() if not isinstance(v, int) or isinstance(v, bool) or v < 1]
        if bad:
            raise LexiconError(f"modality.yaml: count_words: {bad!r} need a whole number of one or more")
        judgements = {str(k).lstrip("&").lower(): str(v) for k, v in (words.get("reported_judgements") or {}).items()}
        for name, code in judgements.items():
            if name not in self.synsets or code not in self.cameo:
                raise LexiconError(f"modality.yaml: reported_judgements: {name!r} needs a synonym set of "
                                   f"synsets.tsv and a CAMEO code of cameo.tsv")
        self._judgements = {w: code for name, code in judgements.items() for w in self.synsets[name]}

    def _triggers(self, row: dict, dictionary: bool = False) -> list[Trigger]:
        """The triggers of one pattern row: one per word of a ``&SET`` in its lemma."""
        where = row["_where"]
        code = row["cameo"]
        info = self.cameo.get(code)
        if info is None:
            raise LexiconError(f"{where}: unknown CAMEO code {code!r}")
        type_ = row.get("type") or info.plover
        if not type_:
            raise LexiconError(f"{where}: CAMEO {code} has no PLOVER type; give one")
        negated = None
        if row.get("negated"):
            neg_type, _, neg_code = row["negated"].partition(":")
            negated = (neg_type, neg_code)
        objects = frozenset(w for o in (row.get("object") or "").split("|") if o for w in self.words_of(o, where))
        flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
        unknown = flags - FLAGS
        if unknown:
            raise LexiconError(f"{where}: unknown flag(s) {', '.join(sorted(unknown))}")
        roles = {}
        for role in ("source", "target"):
            spec = tuple(r.strip() for r in (row.get(role) or "").split("|") if r.strip())
            bad = [r for r in spec if not _valid_position(r)]
            if bad:
                raise LexiconError(f"{where}: {role}: unknown position(s) {', '.join(bad)} "
                                   f"(known: {', '.join(sorted(POSITIONS))}, prep:WORD)")
            roles[role] = spec
        pos = row["pos"].upper()
        if pos not in ("V", "N"):
            raise LexiconError(f"{where}: pos must be V or N, not {row['pos']!r}")
        return [Trigger(lemma, pos, row.get("particle"), objects, code, type_, info.mode, negated, flags,
                        roles["source"], roles["target"], dictionary)
                for lemma in self.words_of(row["lemma"], where)]

    def words_of(self, word: str, where: str = "") -> tuple[str, ...]:
        """A word, or the members of a ``&SET`` of ``synsets.tsv``; an unknown set is an error."""
        word = word.strip().lower()
        if not word.startswith("&"):
            return (word,)
        members = self.synsets.get(word[1:])
        if members is None:
            raise LexiconError(f"{where}: unknown synonym set {word!r} (not in synsets.tsv)")
        return members

    @property
    def codes(self) -> dict[str, str]:
        """The CAMEO codes of acts read from a clause's shape (``derived_codes`` in modality.yaml)."""
        return self._codes

    @property
    def counts(self) -> dict[str, int]:
        """How many a counting word says ("both", "two", "three": ``count_words`` in modality.yaml)."""
        return self._counts

    @property
    def judgements(self) -> dict[str, str]:
        """The CAMEO code of a judgement, by the word of a synonym set that makes it
        (``reported_judgements`` in modality.yaml: "X said Y's decision was unacceptable")."""
        return self._judgements

    #: how many mentions back a bare definite actor noun ("the officials") may refer
    window: int = 8
    #: how many sentences back a bare "the spokesperson" may find "a ministry spokesperson"
    sentences_back: int = 6

    def __getitem__(self, key: str) -> frozenset[str]:
        try:
            return self.words[key]
        except KeyError:
            raise LexiconError(f"modality.yaml has no word list {key!r}") from None


@dataclass
class _Found:
    """An event before it becomes an :class:`Event`: tokens, not yet text."""

    trigger: Trigger
    token: object  # the trigger token
    governor: object  # the verb whose clause sets status, date and place
    sources: list[ActorRef | None]  # None: an agentless passive names no source
    targets: list[ActorRef | None]
    status: str
    negated: bool
    reporter: object | None = None  # the "say" verb this event is reported under
    basis: object | None = None  # the event this one was read from (a threat's act)


class _ArticleIndex:
    """Per-article lookups built once: mentions by offset, dates, pronoun antecedents."""

    def __init__(self, art: Article):
        self.art = art
        # places are where things happen, never who acts ("talks in Tokyo")
        self.all_mentions = art.mentions
        self.mentions = [m for m in self.all_mentions if m.type != "PLACE"]
        self.starts = [m.start for m in self.mentions]
        self.published = parse_published(art.published)
        # direct quotes with a coded speaker: "I"/"we" inside one is the speaker
        self.quotes = sorted(((q.start, q.end, q.speaker) for q in art.quotes
                              if q.kind in ("direct", "mixed") and q.speaker is not None),
                             key=lambda q: (q[0], q[1]))
        self.recent_targets: list[ActorRef] = []  # coded targets of the sentence so far
        self.accusers: dict[str, ActorRef] = {}  # the previous sentence's accusations: accused -> accuser
        self.accused_by: dict[str, ActorRef] = {}  # every earlier sentence's accusations: accused -> latest accuser
        self.by_token: dict[int, object] = {}
        self.obliged: set[int] = set()  # tokens with an obligation auxiliary child (set by Events)
        doc = art.doc
        # the named entities, once: spaCy builds them anew on every ``doc.ents`` and ``sent.ents``
        self.ents = doc.ents if doc is not None else ()
        for m in self.mentions:
            first, last = m.tok_start, m.tok_end
            if first < 0 and doc is not None:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                first, last = span.start, span.end
            for i in range(first, last):
                old = self.by_token.get(i)
                if old is None or _rank(m) > _rank(old):
                    self.by_token[i] = m

    def ents_in(self, sent) -> list:
        """The named entities inside ``sent``, as spaCy's ``sent.ents`` gives them (from the article's
        entities read once, not rebuilt for every event)."""
        out = []
        for ent in self.ents:
            if ent.start >= sent.start:
                if ent.end > sent.end:
                    break
                out.append(ent)
        return out

    def mention_at(self, tok):
        """The mention holding a token (the fullest where mentions nest), or None."""
        return self.by_token.get(tok.i)

    def mentions_between(self, start: int, end: int) -> list:
        lo = bisect.bisect_left(self.starts, start)
        out = []
        for m in self.mentions[lo:]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def quote_speaker(self, char: int) -> ActorRef | None:
        """The speaker of the direct quote holding ``char``, or None."""
        for start, end, speaker in self.quotes:
            if start > char:
                break
            if char < end:
                return speaker
        return None

    def last_person_before(self, char: int):
        i = bisect.bisect_left(self.starts, char) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.type == "PERSON":
                return m
            i -= 1
        return None


@dataclass
class Events:
    """Pipeline stage: fill ``Article.events``."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon(self.settings)

    _matches: dict = field(default_factory=dict, init=False, repr=False)

    @cached_property
    def cameo(self) -> dict[str, Cameo]:
        return self.lexicon.cameo

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for art in articles:
            yield self(art)

    def __call__(self, art: Article) -> Article:
        if not art.ok or art.doc is None:
            return art
        index = _ArticleIndex(art)
        # the tokens with an obligation auxiliary ("should", "must") among their children, found in one
        # pass over the article for _reported_requests instead of looking at every token's children
        obligation = self.lexicon["obligation_aux"]
        index.obliged = {a.head.i for a in art.doc if a.dep_ == "aux" and a.lower_ in obligation and a.head.i != a.i}
        index.obliged |= self._obligation_verbs(art.doc)
        self._matches = {}  # _match_verb's answers for this article's tokens
        by_start = {s.start: s for s in art.sentences}
        events: list[Event] = []
        negated: list[Event] = []
        for sent in art.doc.sents:
            first = next((t for t in sent if not t.is_space), None)
            info = by_start.get(first.idx) if first is not None else None
            if info is None:
                continue
            found = self._sentence(index, sent)
            seen: set[tuple] = set()
            here: list[Event] = []
            for f in found:
                for ev in self._events(index, sent, info, f):
                    key = (ev.type, ev.negated, _key(ev.source), _key(ev.target))
                    if key in seen:
                        continue
                    seen.add(key)
                    here.append(ev)
            # "intensified attacks, inflicting casualties on X": an act with no target (or an
            # uncoded one: "sanctions on Berisha and members of his family") is the same act
            # as one of its type and source in the sentence that names a coded target
            aimed = {(ev.type, ev.negated, _key(ev.source)) for ev in here
                     if ev.source is not None and ev.target is not None and ev.target.code}
            here = [ev for ev in here if (ev.target is not None and ev.target.code)
                    or (ev.type, ev.negated, _key(ev.source)) not in aimed]
            # "the police returned fire and X was killed": a passive with no agent beside one
            # act of its type with no target is that act, done to the passive's subject
            for ev in [e for e in here if e.source is None and e.target is not None and e.target.code]:
                doers = [e for e in here if e.type == ev.type and e.negated == ev.negated
                         and e.source is not None and e.source.code and e.target is None]
                if len(doers) == 1:
                    doer = doers[0]
                    here = [e for e in here if e is not ev and e is not doer] + [
                        doer.model_copy(update={"target": ev.target})]
            for ev in here:
                (negated if ev.negated else events).append(ev)
            index.accusers = {entity(ev.target.code): ev.source for ev in here
                              if ev.type == "ACCUSE" and not ev.negated and ev.source is not None
                              and ev.source.code and ev.target is not None and ev.target.code}
            index.accused_by.update(index.accusers)
        art.events = events
        if negated:
            art.metadata["negated_events"] = [e.model_dump(mode="json") for e in negated]
        return art

    # ------------------------------------------------------------------ finding
    def _sentence(self, index: _ArticleIndex, sent) -> list[_Found]:
        found: list[_Found] = []
        lex = self.lexicon
        index.recent_targets = []
        tokens = list(sent)  # made once for the five scans of the sentence below (spaCy makes each token anew)
        for tok in tokens:
            pos = tok.pos_
            if pos not in ("VERB", "AUX", "NOUN", "PROPN"):
                continue  # no verb or noun: no trigger
            lemma = self._lemma(tok)
            if pos in ("VERB", "AUX") or (pos == "NOUN" and tok.tag_.startswith("VB")):
                trig = self._match_verb(tok, lemma)
                if trig is not None and trig.dictionary and any(
                        c.dep_ in OBJECTS and self._noun_key(c, c.lemma_.lower()) is not None
                        for c in tok.children):
                    # "lodged a protest", "launched a disinformation campaign": our event noun
                    # (or two-word noun) wins over the dictionary's verb; a verb row of ours
                    # still holds ("rejected Peru's calls": REJECT)
                    trig = next((t for t in lex.verbs[lemma] if not t.dictionary and not t.particle
                                 and not t.objects and lemma not in lex["light_verbs"]), None)
                if (trig is None or trig.type == "CONSULT") and lemma in lex["request_verbs"] \
                        and any(c.dep_ in OBJECTS for c in tok.children) \
                        and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children):
                    # "told Peru to withdraw": a request of a coded actor
                    trig = replace(self._derived(lex.codes["request"], tok), flags=frozenset({"speech", "target"}))
                if trig is not None:
                    f = self._verb_event(index, tok, trig)
                    if f is None and trig.dictionary:
                        f = self._own_row_event(index, tok, lemma, trig)
                    if f is not None:
                        found.append(f)
                        index.recent_targets = [t for t in f.targets if t is not None and t.code] \
                            or index.recent_targets
            elif pos in ("NOUN", "PROPN") and (key := self._noun_key(tok, lemma)) is not None:
                f = self._noun_event(index, tok, key)
                if f is not None:
                    found.append(f)
        found = [self._promised_yield(f) for f in found
                 if f.reporter is not _REQUESTED and not self._habitual(f.governor)]
        found += self._reported_accusations(index, found)
        threats = self._threats(index, found)
        # the threatened act is not done: the threat stands for it (PETRARCH's "A said A will
        # attack B" = A THREATEN B)
        threatened = {id(t.basis) for t in threats}
        # "X warned Y it would seize the region": the warning is the threat, not a second act of
        # the reporting verb's own row (warn: ACCUSE) on the same pair
        said = {(t.token.i, _key(s), _key(g)) for t in threats for s in t.sources for g in t.targets}
        # "X vowed to strike Y": the vow is the threat, no promise (AGREE) of its own
        vowed = {t.token.i for t in threats if t.token.lemma_.lower() in self.lexicon["vow_verbs"]}
        found = [f for f in found if id(f) not in threatened and f.token.i not in vowed
                 and not all((f.token.i, _key(s), _key(g)) in said for s in f.sources for g in f.targets)] + threats
        found += self._refusals(index, found, tokens)
        found += self._conditional_threats(index, tokens)
        found += self._floated_threats(index, tokens)
        found += self._reported_requests(index, tokens)
        found += self._reported_judgements(index, tokens, found)
        found += self._judging_adjectives(index, tokens, found)
        found += self._for_clause_requests(index, tokens)
        return found

    def _obligation_verbs(self, doc) -> set[int]:
        """ "X said Y needs to act", "Y has to pay": a verb of obligation (``obligation_verbs``)
        with a "to" infinitive asks the act of its subject as "should" does; not an act of
        knowing ("needs to understand", ``cognition_verbs``)."""
        lex = self.lexicon
        return {v.i for v in doc if v.lemma_.lower() in lex["obligation_verbs"] and v.pos_ in ("VERB", "AUX")
                and any(x.dep_ == "xcomp" and x.pos_ == "VERB" and x.lemma_.lower() not in lex["cognition_verbs"]
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in v.children)}

    def _goods_origin(self, index: _ArticleIndex, obj) -> list[ActorRef]:
        """ "tariffs on $20 billion worth of Canadian exports", "tariffs on exports from Canada":
        goods (``goods_nouns``), counted by their value (``value_nouns``) or not, stand for the
        side they come from (a "from" phrase)."""
        lex = self.lexicon
        if obj.lemma_.lower() in lex["value_nouns"]:
            obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), obj)
            if obj.lemma_.lower() in lex["goods_nouns"] and (refs := self._actors(index, [obj], deep=True)):
                return [r for r in refs if r.code]
        if obj.lemma_.lower() not in lex["goods_nouns"]:
            return []
        return [r for r in self._actors(index, [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "from"
                                                for p in c.children if p.dep_ == "pobj"]) if r.code]

    def _claimed_responsibility(self, tok) -> bool:
        """ "Al-Shabab claimed responsibility for the attack": an event noun in the "for" phrase of
        ``responsibility_nouns`` as the object of ``responsibility_verbs`` is the subject's own act,
        carried as a light verb carries it."""
        lex = self.lexicon
        owner = tok.head.head
        return tok.dep_ == "pobj" and tok.head.lower_ == "for" and owner.dep_ in OBJECTS \
            and owner.lemma_.lower() in lex["responsibility_nouns"] \
            and owner.head.lemma_.lower() in lex["responsibility_verbs"]

    def _act_agents(self, index: _ArticleIndex, heads: list, trig: Trigger) -> list[ActorRef]:
        """ "Airstrikes by the Somali army killed 50 militants": an event noun of the verb's own
        type as the subject does the act of its "by" phrase's actor (``agent_preps``)."""
        lex = self.lexicon
        out = []
        for h in heads:
            key = self._noun_key(h, h.lemma_.lower()) if h.pos_ == "NOUN" else None
            if key is None or lex.nouns[key][0].type != trig.type:
                continue
            out += [r for c in h.children if c.dep_ == "prep" and c.lower_ in lex["agent_preps"]
                    for r in self._actors(index, [p for p in c.children if p.dep_ == "pobj"]) if r.code]
        return out

    def _participle_passive(self, verb) -> bool:
        """ "The rebels escape to Kenya when attacked by Somali troops": a past participle
        clause opened by a time or condition word (``participle_marks``) with a "by" agent and no
        subject of its own is passive; the subject of the clause it hangs on is its patient."""
        return verb.dep_ == "advcl" and verb.tag_ == "VBN" \
            and any(c.dep_ == "agent" for c in verb.children) \
            and any(c.dep_ in ("advmod", "mark") and c.lower_ in self.lexicon["participle_marks"]
                    for c in verb.children) \
            and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)

    def _for_requested(self, clause) -> bool:
        """Whether ``clause`` is a "for" infinitive asked for by a request verb: "called for
        Russia to withdraw", "pressed for Kenya to release ..." (``request_marks``)."""
        lex = self.lexicon
        return clause.dep_ == "advcl" and clause.head.lemma_.lower() in lex["request_verbs"] \
            and any(c.dep_ == "mark" and c.lower_ in lex["request_marks"] for c in clause.children) \
            and any(c.dep_ in SUBJECTS for c in clause.children)

    def _for_clause_requests(self, index: _ArticleIndex, tokens) -> list[_Found]:
        """ "Japan called for Russia to withdraw its troops": the subject of a "for" infinitive
        a request verb asks for is asked (X REQUEST Y, as "called on Y to V"); the act itself is
        only asked for (no event: ``_status``)."""
        lex = self.lexicon
        out = []
        for clause in tokens:
            if not self._for_requested(clause):
                continue
            verb = clause.head
            asked = [t for t in self._actors(index, [c for c in clause.children if c.dep_ in SUBJECTS])
                     if t.code]
            speakers = [s for s in self._actors(index, self._subjects(verb)) if s.code]
            said = {self._side(s.code) for s in speakers}
            asked = [t for t in asked if self._side(t.code) not in said]
            if not speakers or not asked:
                continue
            status, negated, reporter = self._status(verb)
            out.append(_Found(self._derived(lex.codes["request"], verb), verb, verb, speakers, asked,
                              status, negated, reporter))
        return out

    def _own_row_event(self, index: _ArticleIndex, verb, lemma: str, trig: Trigger) -> _Found | None:
        """ "Kenya called for a ceasefire": where the dictionary's row for a particular object
        (PETRARCH's "call for ceasefire", coded only with a target) gives no event, our row for
        the same verb and particle with any object still reads the clause, where that row is a
        request ("call for", "appeal for": REQUEST, asked of no one named)."""
        own = next((t for t in self.lexicon.verbs.get(lemma, ()) if not t.dictionary and not t.objects
                    and t.particle == trig.particle and t.type == "REQUEST"
                    and not t.flags & {"intransitive", "force"}), None)
        return self._verb_event(index, verb, own) if own is not None else None

    def _habitual(self, verb) -> bool:
        """ "The group frequently conducts bombings": a present-tense habit told with a
        frequency adverb (``habitual_adverbs``) describes the actor, it reports no event."""
        return verb is not None and verb.tag_ in ("VBZ", "VBP") \
            and any(c.dep_ == "advmod" and c.lower_ in self.lexicon["habitual_adverbs"] for c in verb.children)

    def _lemma(self, tok) -> str:
        """A token's lemma; for a past form the tagger's lemmatiser cut too far ("staged" ->
        "stag"), the form less its "d" where that is a verb pattern's lemma."""
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if tok.tag_ in ("VBD", "VBN") and low.endswith("ed") and lemma not in self.lexicon.verbs \
                and low[:-1] in self.lexicon.verbs:
            return low[:-1]
        if tok.pos_ == "VERB" and lemma not in self.lexicon.verbs:
            # "rearrested", "reimposed": the act done again (again_verbs, where "re" keeps the
            # meaning); the lemmatiser may not know the form ("rearrested" -> "rearreste")
            forms = [lemma] + ([low[:-2], low[:-1]] if tok.tag_ in ("VBD", "VBN") and low.endswith("ed") else [])
            for form in forms:
                if self._again(form) != form:
                    return self._again(form)
        return lemma

    def _again(self, lemma: str) -> str:
        """ "reimpose" -> "impose": the verb of a "re" form that is the act done again (again_verbs)."""
        for prefix in ("re-", "re"):
            if lemma.startswith(prefix) and lemma[len(prefix):] in self.lexicon["again_verbs"]:
                return lemma[len(prefix):]
        return lemma

    def _derived(self, code: str, token) -> Trigger:
        """The trigger of an act read from a clause's shape (no word of its own)."""
        info = self.cameo[code]
        return Trigger(token.lemma_.lower(), "V", None, frozenset(), code, info.plover, info.mode, None,
                       frozenset({"speech"}))

    def _promised_yield(self, f: _Found) -> _Found:
        """ "The rebels agreed to withdraw", "promised to lift the curfew", "agreed to concessions",
        "promised concessions to X": a promise of a concession (an act of ``yield_types`` under an
        intention verb, or its event noun in a "to" phrase or as its object) is the intent to yield, CAMEO 035 (PLOVER CONCEDE), not a
        plain agreement."""
        lex = self.lexicon
        if f.trigger.type != "AGREE" or f.token.lemma_.lower() not in lex["intention_verbs"]:
            return f
        for c in f.token.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                trig = self._match_verb(c, c.lemma_.lower())
                if (trig is not None and trig.type.lower() in lex["yield_types"]) or self._stops_conflict(c):
                    return replace(f, trigger=self._derived(lex.codes["yield"], f.token))
            # "agreed to concessions", "to a compromise"; "promised concessions to X"
            nouns = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "to" \
                else [c] if c.dep_ in OBJECTS else []
            for p in nouns:
                key = self._noun_key(p, p.lemma_.lower())
                if key is not None and lex.nouns[key][0].type.lower() in lex["yield_types"]:
                    return replace(f, trigger=self._derived(lex.codes["yield"], f.token))
        return f

    def _stops_conflict(self, verb) -> bool:
        """ "agreed to stop fighting", "agreed to halt protests", "promised to end the attacks": a verb
        of ending (``cessation_verbs``) whose object or gerund is an act of material conflict (quad
        class 4, or a protest) is a yield, the intent to de-escalate."""
        lex = self.lexicon
        if verb.lemma_.lower() not in lex["cessation_verbs"]:
            return False
        for c in verb.children:
            if c.dep_ in OBJECTS and c.pos_ in ("NOUN", "PROPN"):
                key = self._noun_key(c, c.lemma_.lower())
                rows = lex.nouns.get(key, []) if key is not None else []
            elif c.dep_ in ("xcomp", "dobj") and c.pos_ == "VERB" and c.tag_ == "VBG":
                rows = [t for t in lex.verbs.get(c.lemma_.lower(), []) if not t.objects and not t.particle]
            else:
                continue
            if any(self.cameo[t.cameo].quad_class == 4 or t.type == "PROTEST" for t in rows[:1]):
                return True
        return False

    def _speakers(self, index: _ArticleIndex, verb) -> list[ActorRef]:
        heads = self._subjects(verb)
        return [s for s in self._actors(index, heads) if s.code] or self._issuers(index, heads)

    def _issuers(self, index: _ArticleIndex, heads: list) -> list[ActorRef]:
        """ "The U.S. statement said ...", "a Chilean report accused ...": a report noun
        (``report_nouns``) that speaks has the voice of the actor its phrase names."""
        report = [h for h in heads if h.pos_ == "NOUN" and h.lemma_.lower() in self.lexicon["report_nouns"]]
        return [s for s in self._actors(index, report, deep=True) if s.code]

    def _threats(self, index: _ArticleIndex, found: list[_Found]) -> list[_Found]:
        """ "X warned it would strike Y", "'We will impose sanctions on Y,' X said": an act
        of material conflict an actor says it will or could do is its THREATEN."""
        out = []
        for f in found:
            threat = self._threat_verb(f.governor)
            vow = self._vow_verb(f) if threat is None else None
            if vow is not None and not f.negated:
                # "X vowed to retaliate against Y": a blow vowed on a named side is a threat
                sources = [s for s in f.sources if s is not None and s.code]
                own = {self._side(s.code) for s in sources}
                targets = [t for t in f.targets if t is not None and t.code and self._side(t.code) not in own]
                if sources and targets:
                    status, negated, _ = self._status(vow)
                    out.append(_Found(self._derived(self.lexicon.codes["threaten"], vow), vow, vow,
                                      sources, targets, status, negated, basis=f))
                continue
            if threat is not None and not f.negated:
                # "X threatened to cut ties with Y": the act is threatened, not done
                sources = [s for s in f.sources if s is not None and s.code]
                own = {self._side(s.code) for s in sources}
                targets = [t for t in f.targets if t is not None and t.code and self._side(t.code) not in own]
                if sources and not targets:
                    # "police threatened to arrest anyone", "to kill his deputy" (no coded actor):
                    # a threat, the target unnamed; the threatened act is still not done
                    targets = [None]
                if sources and targets:
                    status, negated, _ = self._status(threat)
                    out.append(_Found(self._derived(self.lexicon.codes["threaten"], threat), threat, threat,
                                      sources, targets, status, negated, basis=f))
                continue
            reporter = f.reporter if f.reporter is not None else self._reporting_verb(f.governor)
            if reporter is None or reporter is _REQUESTED or f.negated \
                    or f.status not in ("future", "hypothetical") or self.cameo[f.trigger.cameo].quad_class != 4:
                continue
            speakers = self._speakers(index, reporter)
            own = {self._side(s.code) for s in speakers}
            if not speakers or not any(s is not None and s.code and self._side(s.code) in own for s in f.sources):
                continue
            targets = [t for t in f.targets if t is not None and t.code and self._side(t.code) not in own]
            if not targets:  # "X warned Y it would seize the region": the one told is threatened
                targets = [t for t in self._actors(index, [c for c in reporter.children if c.dep_ in OBJECTS])
                           if t.code and self._side(t.code) not in own]
            if not targets:
                continue
            status, negated, _ = self._status(reporter)
            out.append(_Found(self._derived(self.lexicon.codes["threaten"], reporter), reporter, reporter,
                              speakers, targets, status, negated, basis=f))
        return out

    def _conditional_threats(self, index: _ArticleIndex, tokens) -> list[_Found]:
        """ "If Y escalates, I will not hesitate to V": the speaker's resolve to act should Y
        do something is X THREATEN Y (``resolve_verbs`` negated, under a condition)."""
        lex = self.lexicon
        out = []
        for verb in tokens:
            if verb.lemma_.lower() not in lex["resolve_verbs"] or not any(c.dep_ == "neg" for c in verb.children) \
                    or not any(c.dep_ == "xcomp" for c in verb.children):
                continue
            conds = [c for c in verb.children if c.dep_ == "advcl"
                     and any(m.dep_ == "mark" and m.lower_ in lex["condition_marks"] for m in c.children)]
            acts = conds + [c for c in verb.children if c.dep_ == "xcomp"]
            if not conds or any(t is not None and self.cameo[t.cameo].quad_class in (1, 2)
                                for a in acts for t in [self._match_verb(a, self._lemma(a))]):
                continue  # "if Y agrees, X will not hesitate to sign": a promise, no threat
            sources = [s for s in self._actors(index, self._subjects(verb)) if s.code]
            own = {self._side(s.code) for s in sources}
            targets = [t for t in self._actors(index, [k for c in conds for k in c.children if k.dep_ in SUBJECTS])
                       if t.code and self._side(t.code) not in own]
            if sources and targets:
                out.append(_Found(self._derived(lex.codes["threaten"], verb), verb, verb, sources, targets,
                                  "hypothetical", False))
        return out

    def _floated_threats(self, index: _ArticleIndex, tokens) -> list[_Found]:
        """ "X raised the possibility of expelling Y's diplomats", "floated the prospect of
        sanctions against Y": an act of material conflict (quad class 4) an actor puts forward
        as possible (a ``prospect_nouns`` object of ``floating_verbs``) is X THREATEN Y; the act
        is not done (and has no subject of its own to be coded with)."""
        lex = self.lexicon
        out = []
        for verb in tokens:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex["floating_verbs"]:
                continue
            acts = [a for n in verb.children if n.dep_ in OBJECTS and n.lemma_.lower() in lex["prospect_nouns"]
                    for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for a in p.children]
            for act in acts:
                if act.dep_ == "pcomp" and act.pos_ == "VERB":
                    # whom the act is owed to, else the other side of its object ("talks with Y")
                    trig, targets = self._match_verb(act, self._lemma(act)), self._owed(index, act)
                    targets = targets or self._actors(index, [
                        o for b in act.children if b.dep_ in OBJECTS for c in b.children
                        if c.dep_ == "prep" and c.lower_ in lex["target_preps"] for o in c.children if o.dep_ == "pobj"])
                elif act.dep_ == "pobj" and (key := self._noun_key(act, act.lemma_.lower())) is not None:
                    trig = lex.nouns[key][0]
                    targets = self._actors(index, [o for c in act.children if c.dep_ == "prep"
                                                   and c.lower_ in lex["target_preps"]
                                                   for o in c.children if o.dep_ == "pobj"])
                else:
                    continue
                if trig is None or self.cameo[trig.cameo].quad_class != 4:
                    continue  # "raised the possibility of talks with Y" threatens no one
                sources = [s for s in self._actors(index, self._subjects(verb)) if s.code]
                own = {self._side(s.code) for s in sources}
                targets = [t for t in targets if t.code and self._side(t.code) not in own]
                if sources and targets:
                    status, negated, _ = self._status(verb)
                    out.append(_Found(self._derived(lex.codes["threaten"], verb), verb, verb, sources,
                                      targets, status, negated))
        return out

    def _threat_verb(self, verb):
        """The verb of threat (``threat_verbs``) whose infinitive ``verb`` is ("threatened
        to expel")."""
        if verb is None:
            return None
        while verb.dep_ == "conj" and verb.head.i != verb.i:  # "threatened to expel X and (to) close Y"
            verb = verb.head
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lexicon["threat_verbs"]:
            return verb.head
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in self.lexicon["threat_nouns"]:
            return verb.head  # "X's threat to expel Y's diplomats": the act is not done
        return None

    def _vow_verb(self, f: _Found):
        """The verb of vowing (``vow_verbs``: "vowed to retaliate against Y", "pledged to crush
        Y") whose infinitive is ``f``'s act, where that act is of material conflict (quad class 4)."""
        verb = f.governor
        if verb is None or self.cameo[f.trigger.cameo].quad_class != 4:
            return None
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.lexicon["vow_verbs"]:
            return verb.head
        return None

    def _reporting_verb(self, verb):
        """The reporting verb whose "that" clause ``verb`` stands in ("warned it would strike")."""
        tok = verb
        for _ in range(6):
            if tok.dep_ == "ccomp":
                head = tok.head
                return head if head.lemma_.lower() in self.lexicon["report_verbs"] else None
            if tok.dep_ not in ("xcomp", "conj", "advcl") or tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _refusals(self, index: _ArticleIndex, found: list[_Found], tokens=()) -> list[_Found]:
        """ "X refused to attend a hearing of Y": the act is not done, and X rejects Y."""
        lex = self.lexicon
        out = []
        done = set()
        for f in found:
            verb = f.token
            if not f.negated or verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in lex["rejection_verbs"]:
                continue
            done.add(verb.i)
            targets = [t for t in f.targets if t is not None and t.code]
            sources = [s for s in f.sources if s is not None and s.code]
            if not targets or not sources:
                continue
            status, negated, _ = self._status(verb.head)
            out.append(_Found(self._derived(lex.codes["reject"], verb.head), verb.head, verb.head, sources,
                              targets, status, negated))
        # "X refused to attend a hearing of Y", "declined to meet Y": the refused act is no
        # event of its own, but the refusal is X's REJECT of the actor the act was owed to
        done |= {f.token.i for f in found}
        for verb in tokens:
            if verb.lemma_.lower() not in lex["rejection_verbs"] or verb.pos_ not in ("VERB", "AUX"):
                continue
            for act in verb.children:
                if act.dep_ != "xcomp" or act.i in done or act.pos_ not in ("VERB", "AUX"):
                    continue
                sources = [s for s in self._actors(index, self._subjects(verb)) if s.code]
                if not sources:
                    continue
                trig = self._derived(lex.codes["reject"], verb)
                own = {self._side(s.code) for s in sources}
                targets = [t for t in self._owed(index, act) if t.code and self._side(t.code) not in own]
                if not targets:
                    continue
                status, negated, _ = self._status(verb)
                out.append(_Found(trig, verb, verb, sources, targets, status, negated))
        return out

    def _owed(self, index: _ArticleIndex, act) -> list[ActorRef]:
        """Whom a refused act was owed to: its object ("refused to meet the envoy"), the
        doer or owner of its object ("a hearing by the court", "the plan of the EU"), or
        the object of its target preposition ("declined to talk with X")."""
        lex = self.lexicon
        objs = [c for c in act.children if c.dep_ in OBJECTS]
        refs = self._actors(index, objs)
        if not refs:
            refs = self._actors(index, [p for o in objs for c in o.children
                                        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in
                                                                 lex["source_preps"] | {"of"})
                                        for p in ([c] if c.dep_ == "poss" else c.children)
                                        if c.dep_ == "poss" or p.dep_ == "pobj"], deep=True)
        if not refs:
            refs = self._actors(index, [p for c in act.children if c.dep_ == "prep" and c.lower_ in lex["target_preps"]
                                        for p in c.children if p.dep_ == "pobj"])
        return refs

    def _reported_requests(self, index: _ArticleIndex, tokens) -> list[_Found]:
        """ "X said Y should/must V": X asks Y to V (REQUEST), the annotation guide's reading;
        also "X said talks with Y must continue" (asks it of Y, the other side of the talks),
        and "Y must V" inside X's direct quote with no reporting verb of its own."""
        lex = self.lexicon
        out = []
        for clause in tokens:
            if clause.i not in index.obliged:  # no "should"/"must" of its own
                continue
            if any(c.dep_ == "neg" for c in clause.children) or clause.lemma_.lower() in lex["cognition_verbs"]:
                continue  # "Y should know that ..." asks nothing of Y
            verb = clause.head
            if clause.dep_ == "ccomp" and verb.lemma_.lower() in lex["report_verbs"]:
                speakers = self._speakers(index, verb)
            elif clause.dep_ in ("ROOT", "conj") and index.quote_speaker(clause.idx) is not None \
                    and self._reporting_verb(clause) is None:
                verb = clause
                said = self._speaker(index, index.quote_speaker(clause.idx))
                speakers = [said] if said is not None else []
            else:
                continue
            heads = [c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
            asked = [t for t in self._actors(index, heads) if t.code]
            if not asked:  # "talks with Y must continue"
                asked = [t for h in heads if (key := self._noun_key(h, h.lemma_.lower())) is not None
                         and lex.nouns[key][0].type.lower() in lex["mutual_types"]
                         for t in self._noun_targets(index, h, lex.nouns[key][0]) if t.code]
            said = {self._side(s.code) for s in speakers}
            asked = [t for t in asked if self._side(t.code) not in said]
            if not speakers or not asked:
                continue
            # the speaker asks in saying it: the quote's "must" makes no request hypothetical
            status, negated, _ = self._status(verb) if verb is not clause else ("asserted", False, None)
            out.append(_Found(self._derived(lex.codes["request"], verb), verb, verb, speakers, asked,
                              status, negated))
        return out

    def _reported_judgements(self, index: _ArticleIndex, tokens, found: list[_Found]) -> list[_Found]:
        """ "X said Y's decision was unacceptable", "X said Y is corrupt": a judgement word
        (``reported_judgements``) as the predicate of a clause X reports is X's judgement of Y,
        the clause's subject or the doer or owner of the act it names (the annotation guide:
        "X said that Y did Z" is X ACCUSE Y where the report is an allegation against Y)."""
        lex = self.lexicon
        judgements = lex.judgements
        out = []
        for clause in tokens:
            verb = clause.head
            if clause.dep_ != "ccomp" or verb.lemma_.lower() not in lex["report_verbs"] \
                    or any(c.dep_ == "neg" for c in clause.children) \
                    or any(f.token is verb for f in found):  # "criticized Y, saying ...": coded already
                continue
            words = [c for c in clause.children if c.dep_ in ("acomp", "attr", "advmod")]
            words += [a for w in words if w.dep_ == "attr" for a in w.children if a.dep_ == "amod"]
            codes = [judgements[w.lemma_.lower()] for w in words if w.lemma_.lower() in judgements]
            if not codes:
                continue
            speakers = [s for s in self._speakers(index, verb) if _sector(s.code) not in lex["witness_sectors"]]
            heads = [c for c in clause.children if c.dep_ in SUBJECTS]
            judged = [t for t in self._actors(index, heads, deep=True) if t.code]
            said = {self._side(s.code) for s in speakers}
            judged = [t for t in judged if self._side(t.code) not in said]
            if not speakers or not judged:
                continue
            status, negated, _ = self._status(verb)
            out.append(_Found(self._derived(codes[0], verb), verb, verb, speakers, judged, status, negated))
        return out

    def _judging_adjectives(self, index: _ArticleIndex, tokens, found: list[_Found]) -> list[_Found]:
        """ "X is critical of Y", "X said it was deeply concerned about Y's buildup", "X is
        disappointed by Y's decision": an adjective of judgement with the preposition that names
        what it judges (``disapproving_adjectives``, ``approving_adjectives``: "adjective
        preposition"), said of an actor, is the actor's judgement of the one named there (or of
        the owner or doer of the act named there): the codes of the ``reported_judgements``
        sets disapproval and approval. Both sides must be coded, and not the same side."""
        lex = self.lexicon
        kinds = (("disapproving_adjectives", "disapproval"), ("approving_adjectives", "approval"))
        out = []
        for adj in tokens:
            if adj.pos_ not in ("ADJ", "VERB") or any(f.token is adj for f in found):
                continue
            subjects = [c for c in adj.children if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass"]
            verb = adj
            if not subjects and adj.dep_ == "acomp":  # "X is critical of Y": the copula's subject
                verb = adj.head
                subjects = self._subjects(verb)
            if not subjects or (adj.dep_ != "acomp" and not any(c.dep_ == "auxpass" for c in adj.children)):
                continue  # an adjective said of its subject: "is critical", "was disappointed by"
            for list_name, set_name in kinds:
                preps = [c for c in adj.children if c.dep_ in ("prep", "agent")
                         and f"{adj.lower_} {c.lower_}" in lex[list_name]]
                if not preps:
                    continue
                status, negated, _ = self._status(verb)
                if status == "hypothetical" or any(c.dep_ == "mark" and c.lower_ in lex["concessive_marks"]
                                                   for c in verb.children):
                    continue  # "whether X will be satisfied with", "although X is concerned about"
                sources = [r for r in self._actors(index, subjects) if r.code]
                targets = [t for o in self._judged(adj, preps) for t in self._actors(index, [o], deep=True)
                           if t.code and self._own_part(o, t.start)]
                own = {self._side(r.code) for r in sources}
                targets = [t for t in targets if self._side(t.code) not in own]
                if not sources or not targets:
                    continue
                code = next(lex.judgements[w] for w in lex.synsets[set_name])
                out.append(_Found(self._derived(code, adj), adj, verb, sources, targets, status, negated))
        return out

    def _judged(self, adj, preps) -> list:
        """What an adjective of judgement judges: the object of its preposition, or where that is
        a report ("concerned about the agency's report about X's programme": ``report_nouns``),
        what the report is about."""
        objs = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        return [q for o in objs for q in (
            [p for c in o.children if c.dep_ == "prep" and c.lower_ in ("about", "on", "into", "of")
             for p in c.children if p.dep_ == "pobj"] if o.lemma_.lower() in self.lexicon["report_nouns"] else [o])]

    @staticmethod
    def _own_part(tok, start: int) -> bool:
        """Whether an actor at offset ``start`` is named by ``tok`` (or a conjunct of it) itself,
        its owner or modifiers ("Sweden", "Sweden's buildup", "Chinese aggression") or its "of"
        object ("the treatment of Swedish prisoners"), not in another phrase or a clause after it
        ("the implications of the deal for Europe", "the impact of the war in Asia, where China's
        army ..."), which names other parties."""
        for head in (tok, *tok.conjuncts):
            for c in head.children:
                if c.i > head.i and c.dep_ in ("prep", "relcl", "acl", "advcl", "ccomp") \
                        and c.left_edge.idx <= start <= c.right_edge.idx:
                    return c.lower_ == "of" and any(Events._own_part(p, start) for p in c.children
                                                    if p.dep_ == "pobj")
        return True

    def _match_verb(self, tok, lemma: str) -> Trigger | None:
        """The first pattern row of ``lemma`` that fits the verb ``tok`` (most specific first)."""
        rows = self.lexicon.verbs.get(lemma)
        if not rows:
            return None
        key = (id(tok.doc), tok.i, lemma)
        if key in self._matches:
            return self._matches[key]
        # a particle follows its verb: "On Monday, X called ..." is no "call on"
        # (an adverb right after the verb is a particle the parser missed: "stepped down")
        after = [c for c in tok.children if (c.dep_ in ("prt", "prep", "agent") and c.i > tok.i)
                 or (c.dep_ == "advmod" and c.pos_ == "ADV" and c.i == tok.i + 1)]
        particles = {c.lower_ for c in after}
        words = None
        match = None
        for trig in rows:
            if trig.particle and trig.particle not in particles:
                continue
            if "intransitive" in trig.flags and any(c.dep_ in OBJECTS for c in tok.children):
                continue  # "demonstrated against X" protests; "demonstrated its strength" shows
            if "force" in trig.flags and not self._forces(self._subjects(tok)):
                continue  # "troops massed on the border" mobilize; "protesters massed" do not
            if trig.objects:
                if words is None:  # the object, and what the verb says of it
                    objs = [o for c in tok.children if c.dep_ in OBJECTS for o in [c, *c.conjuncts]]
                    # "troops were sent" = "sent troops", for the rows of a movement (motion_types)
                    moved = [o for c in tok.children if c.dep_ in PASSIVE_SUBJECTS for o in [c, *c.conjuncts]] \
                        if any(c.dep_ == "auxpass" for c in tok.children) else []
                    moved += [p for o in moved if o.lemma_.lower() in self.lexicon["multitude_nouns"]
                              for c in o.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                    moved_words = {o.lemma_.lower() for o in moved}
                    # "sent ten tons of aid": the "of" object of a quantity is the object too
                    objs += [p for o in objs if o.lemma_.lower() in self.lexicon["quantity_nouns"]
                             for c in o.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
                    # "pledged $10 million in aid": what a sum of money is, is the object too
                    objs += [p for o in objs if self._amount(o) for c in o.children
                             if c.dep_ == "prep" and c.lower_ in self.lexicon["amount_preps"]
                             for p in c.children if p.dep_ == "pobj"]
                    words = {o.lemma_.lower() for o in objs} | self._predicates(tok)
                found = words | moved_words if trig.type.lower() in self.lexicon["motion_types"] else words
                if trig.particle:  # "ask for aid": the object of the particle counts
                    found = words | {o.lemma_.lower() for c in after if c.lower_ == trig.particle
                                     for p in c.children if p.dep_ == "pobj" for o in [p, *p.conjuncts]}
                if not found & trig.objects:
                    continue
            match = trig
            break
        self._matches[key] = match
        return match

    def _at(self, verb, position: str) -> list:
        """The tokens at a pattern position (POSITIONS, ``prep:WORD``) of a verb."""
        kids = list(verb.children)
        if position == "subj":
            return self._subjects(verb)
        if position == "obj":
            return [c for c in kids if c.dep_ in OBJECTS]
        if position == "passive_subj":
            return [c for c in kids if c.dep_ in PASSIVE_SUBJECTS]
        if position == "agent":
            return [p for c in kids if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if position == "poss":  # the owner of the object: "rejected Kenya's request"
            return [p for c in kids if c.dep_ in OBJECTS for p in c.children if p.dep_ == "poss"]
        if position == "clause_subj":
            return [s for c in kids if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECTS]
        if position.startswith("prep:"):
            word = position[5:]
            return [p for c in kids if c.dep_ in ("prep", "agent") and c.lower_ == word
                    for p in c.children if p.dep_ == "pobj"]
        return []

    def _forces(self, heads) -> bool:
        """Whether one of ``heads`` names armed forces (``FORCE_NOUNS``): "troops", "Indian
        soldiers", "thousands of soldiers" (the "of" object of a count, ``multitude_nouns``)."""
        lex = self.lexicon
        words = set(lex.words_of(FORCE_NOUNS, "events"))
        for h in heads:
            lemmas = {h.lemma_.lower()}
            if h.lemma_.lower() in lex["multitude_nouns"]:
                lemmas |= {p.lemma_.lower() for c in h.children if c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"}
            if lemmas & words:
                return True
        return False

    def _amount(self, tok) -> bool:
        """Whether ``tok`` is a sum: a number ("$10 million") or a money word ("5 million euros")."""
        return tok.tag_ == "CD" or tok.lemma_.lower() in self.lexicon["amount_nouns"]

    @staticmethod
    def _predicates(verb) -> set[str]:
        """What a verb says of its object: "called the remarks *insulting*", "described
        the move *as a provocation*", "dismissed the report as *baseless*"."""
        out = set()
        for c in verb.children:
            if (c.dep_ in ("oprd", "acomp") and c.pos_ in ("ADJ", "NOUN", "VERB")) or \
                    (c.dep_ in ("advcl", "xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN")):
                out.add(c.lemma_.lower())
                out.add(c.lower_)
                out |= {a.lemma_.lower() for a in c.children if a.dep_ == "amod"}  # "a positive step"
            elif c.dep_ in OBJECTS:  # "called X's comments egregious and insulting" read as a
                # noun with adjectives after it: an adjective after its noun is what is said of it
                for a in c.children:
                    if a.dep_ == "amod" and a.i > c.i:
                        out |= {w.lemma_.lower() for w in [a, *a.conjuncts]} | {w.lower_ for w in [a, *a.conjuncts]}
            elif c.dep_ == "prep" and c.lower_ == "as":
                for p in c.children:
                    if p.dep_ in ("pobj", "amod", "acomp", "pcomp"):
                        out.add(p.lemma_.lower())
                        out |= {a.lemma_.lower() for a in p.children if a.dep_ == "amod"}
        return out

    def _verb_event(self, index: _ArticleIndex, verb, trig: Trigger) -> _Found | None:
        found = self._verb_found(index, verb, trig)
        patients = [c for c in verb.children if c.dep_ in OBJECTS or c.dep_ in PASSIVE_SUBJECTS]
        if found is not None and any(d.dep_ == "det" and d.lower_ == "no" for o in patients for d in o.children):
            return replace(found, negated=True)  # "imposed no sanctions", "no civilians were killed"
        return found

    def _verb_found(self, index: _ArticleIndex, verb, trig: Trigger) -> _Found | None:
        objs = [c for c in verb.children if c.dep_ in OBJECTS]
        if any(o.lower_ in self.lexicon["routine_objects"] for o in objs):
            return None  # "requesting comment", "offered no evidence"
        passive = any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children) or (
            # "was arrested and sentenced": a participle conjoined to a passive is passive
            verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children)) or self._participle_passive(verb)
        agent = None
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            source_heads = [p for p in agent.children if p.dep_ == "pobj"] if agent is not None else []
            target_heads = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
            if not target_heads and self._participle_passive(verb):  # "when attacked by X"
                target_heads = self._subjects(verb)
            if not target_heads and verb.dep_ == "acl":  # "the letter signed by 42 diplomats"
                target_heads = [verb.head]
            if not target_heads and verb.dep_ == "conj":
                target_heads = self._patients(verb)
        else:
            source_heads = self._subjects(verb)
            target_heads = []
        if trig.source_at:  # the pattern says where its source sits
            source_heads = next(([h] for at in trig.source_at for h in self._at(verb, at)), [])
        if trig.target_at:
            target_heads = next(([h] for at in trig.target_at for h in self._at(verb, at)
                                 if self._actors(index, [h], deep=True)), [])
            if not target_heads and "none" not in trig.target_at:
                return None
        sources: list[ActorRef | None] = self._actors(index, source_heads)
        if not any(s is not None and s.code for s in sources):
            sources = self._issuers(index, source_heads) or sources  # "the U.S. statement condemned ..."
        if not any(s is not None and s.code for s in sources) and not passive:
            sources = self._act_agents(index, source_heads, trig) or sources
        if not sources and passive and agent is None and target_heads:
            sources = self._battle_side(index, verb, trig)
        if not sources and passive and agent is None and target_heads:
            # "he was arrested": no agent named, so no source, never an invented one; the
            # patient must be a coded actor
            targets = [t for t in self._actors(index, target_heads) if t.code]
            if targets and trig.type.lower() in self.lexicon["motion_types"] and self._forces(target_heads):
                # "Indian troops were deployed to the border": the forces' side mobilizes
                status, negated, reporter = self._status(verb)
                return _Found(trig, verb, verb, targets, [None], status, negated, reporter)
            if not targets and trig.type.lower() in self.lexicon["civilian_target_types"]:
                # "twelve people were killed in Mali": the civilians of the place named, no doer
                targets = next((r for h in target_heads
                                for r in [self._civilians(index, h) or self._people(index, h, verb, [])] if r), [])
            if not targets or trig.type.lower() in self.lexicon["agent_needed_types"]:
                return None
            status, negated, reporter = self._status(verb)
            return _Found(trig, verb, verb, [None], targets, status, negated, reporter)
        if not sources and not passive and trig.type.lower() in self.lexicon["device_types"] \
                and any(h.lemma_.lower() in self.lexicon["device_nouns"] and index.mention_at(h) is None
                        for h in source_heads):
            # "a car bomb killed ten people in Kenya": no doer named, never an invented one
            objs = [c for c in verb.children if c.dep_ in OBJECTS]
            targets = [t for t in self._actors(index, objs) if t.code] or next(
                (r for o in objs for r in [self._civilians(index, o) or self._people(index, o, verb, [])] if r), [])
            if not targets:  # "killed ten people in Somalia" (the place on the people), "a bomb exploded
                # in Kenya, killing twelve people" (the place on the verb the act hangs on)
                targets = next((r for o in objs if o.lemma_.lower() in self.lexicon["civilian_nouns"]
                                for r in [self._place_civilians(index, o, o)
                                          or (self._place_civilians(index, verb.head, o) if verb.dep_ == "advcl"
                                              else [])] if r), [])
            if not targets:
                return None
            status, negated, reporter = self._status(verb)
            return _Found(trig, verb, verb, [None], targets, status, negated, reporter)
        if not sources:
            return None
        denial = self._denial(verb, trig)
        if denial == "clause":  # "X denied that its troops ...": the clause's subject is not who is rejected
            targets = []
        else:
            targets = self._actors(index, target_heads) if target_heads else self._verb_targets(index, verb, trig,
                                                                                                  sources)
        coded = [s for s in sources if s is not None and s.code]
        own = {self._side(s.code) for s in coded}
        if denial:  # a denial rejects no one of its own side ("denied involvement by its troops")
            targets = [t for t in targets if t is not None and t.code and self._side(t.code) not in own]
        # an act on relations (one not done together, ``mutual_types``: those are the first's with
        # the others) is each side's
        relation = trig.type.lower() not in self.lexicon["mutual_types"] and any(
            o.lemma_.lower() in self.lexicon.words_of(RELATION_NOUNS, "events") for o in objs)
        if (verb.lemma_.lower() in self.lexicon["reciprocal_verbs"] or relation) \
                and not any(t is not None for t in targets) and len({entity(s.code) for s in coded}) >= 2:
            # "A and B exchanged fire", "A and B restored diplomatic relations": each side's act
            # on the other
            targets = coded
        if len({entity(s.code) for s in coded}) >= 2 and (self._each_other(verb, trig) or (
                not any(t is not None and t.code for t in targets) and self._own_withdrawal(verb, trig))):
            # "A and B accused each other of ...", "A and B recalled their ambassadors": each
            # side's act on the others
            sources, targets = self._each_on_other(trig, coded)
        sources, targets = self._mutual(trig, sources, targets, [verb, *(c for c in verb.children if c.dep_ in OBJECTS)])
        if not targets and not passive and trig.type.lower() in self.lexicon["reaction_types"]:
            targets = self._act_owner(index, verb, sources)
        if not targets and not passive and trig.type.lower() in self.lexicon["answer_types"]:
            targets = self._asker(index, verb, sources)  # "Y asked X to V, but X refused"
        if not targets and not passive and trig.type.lower() in self.lexicon["answer_types"]:
            # "Afghan officials accused the Taliban of ... The insurgent group denied involvement":
            # a denial with no one named answers the accusation of the sentence before
            targets = [index.accusers[entity(s.code)] for s in sources
                       if s is not None and s.code and entity(s.code) in index.accusers][:1]
        if denial == "object" and not targets:
            # "denied the allegations by Y": the accuser in a phrase the parser hangs on the verb
            objs_end = max(o.right_edge.i for o in objs)
            targets = [t for t in self._actors(index, [p for c in verb.children if c.dep_ in ("prep", "agent")
                                                       and c.lower_ in self.lexicon["source_preps"]
                                                       and c.i > objs_end
                                                       for p in c.children if p.dep_ == "pobj"])
                       if t.code and self._side(t.code) not in own]
        if not targets and trig.type.lower() in self.lexicon["public_restriction_types"] \
                and any(o.lemma_.lower() in self.lexicon["public_restriction_nouns"] for o in objs):
            # "Thailand lifted the curfew in Bangkok": eased for the people of the place
            targets = self._place_civilians(index, verb, objs[0]) or self._own_civilians(sources, objs[0], index)
        act = self._threatened_act(verb, trig)
        if denial and not any(t is not None and t.code for t in targets):
            targets = [None]  # "X denied the allegations": X's REJECT, no one named
        elif act is not None and not any(t is not None and t.code for t in targets):
            # "X threatened to abandon the talks with Y", "refused to hand over the suspect": an
            # act no pattern names, threatened or refused; its object or partner is the target,
            # else no one is named
            targets = [t for t in self._actors(index, [o for c in act.children for o in (
                [c] if c.dep_ in OBJECTS else [p for p in c.children if p.dep_ == "pobj"]
                if c.dep_ == "prep" and c.lower_ in self._target_preps(trig) | {"with"} else [])])
                       if t.code and self._side(t.code) not in own] or [None]
        elif not targets and self._dyadic(trig):
            return None
        elif self._needs_target(trig) and not any(t.code for t in targets or ()):
            return None
        status, negated, reporter = self._status(verb)
        return _Found(trig, verb, verb, sources, targets or [None], status, negated, reporter)

    def _each_other(self, word, trig: Trigger) -> bool:
        """Whether the object of ``word``, or the object of one of its target prepositions, is a
        reciprocal pronoun (``reciprocal_pronouns``: "accused each other", "fired at one another")."""
        heads = [c for c in word.children if c.dep_ in OBJECTS]
        heads += [p for c in word.children if c.dep_ in ("prep", "dative")
                  and (c.lower_ in self._target_preps(trig) or c.lower_ == trig.particle)
                  for p in c.children if p.dep_ == "pobj"]
        pronouns = self.lexicon["reciprocal_pronouns"]
        return any(" ".join(t.lower_ for t in h.doc[h.left_edge.i: h.right_edge.i + 1]) in pronouns for h in heads)

    def _asker(self, index: _ArticleIndex, verb, sources: list) -> list[ActorRef]:
        """ "Y asked X to V, but X refused": a bare refusal (a ``rejection_verbs`` verb with no
        object, clause or preposition of its own) joined by a ``contrast_conjunctions`` word to
        the clause before answers that clause's subject, where it is another side."""
        lex = self.lexicon
        if verb.lemma_.lower() not in lex["rejection_verbs"] or verb.dep_ != "conj" or any(
                c.dep_ in OBJECTS | {"xcomp", "ccomp", "prep", "dative"} for c in verb.children):
            return []
        head = verb.head
        if not any(c.dep_ == "cc" and c.lower_ in lex["contrast_conjunctions"] and head.i < c.i < verb.i
                   for c in [*head.children, *verb.children]):
            return []
        own = {self._side(s.code) for s in sources if s is not None and s.code}
        return [t for t in self._actors(index, self._subjects(head)) if t.code and self._side(t.code) not in own]

    def _denial(self, verb, trig: Trigger) -> str | None:
        """ "X denied the allegations", "X rejected the plan" ("object": a REJECT pattern whose
        object is one of ``denied_objects``, or of ``rejected_proposals`` naming no proposer)
        or "X denied (that) ..." ("clause": a REJECT speech pattern with a clause and no
        object): a denial, X's REJECT whether or not the accuser is named."""
        if trig.type != "REJECT":
            return None
        objs = [o for c in verb.children if c.dep_ in OBJECTS for o in [c, *c.conjuncts]]
        if any(o.lemma_.lower() in self.lexicon["denied_objects"] for o in objs):
            return "object"
        if any(o.lemma_.lower() in self.lexicon["rejected_proposals"] and not any(
                c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in self.lexicon["source_preps"])
                for c in o.children) for o in objs):
            return "object"  # "rejected the plan"; one whose proposer is named ("its offer") is his
        if not objs and "speech" in trig.flags and any(c.dep_ == "ccomp" for c in verb.children):
            return "clause"
        return None

    def _threatened_act(self, verb, trig: Trigger):
        """The infinitive of a verb of threat (``threat_verbs``: "threatened to abandon the
        summit") or of refusal (``rejection_verbs``: "refused to hand over the suspect") that is
        no event of its own (an act a pattern names is coded as the threat or refusal of that
        act, ``_threats``, ``_refusals``); not a routine refusal ("declined to comment",
        ``routine_refusals``, a reporting verb, a passive); None where there is none."""
        lex = self.lexicon
        lemma = verb.lemma_.lower()
        if not (trig.type == "THREATEN" and lemma in lex["threat_verbs"]) \
                and not (trig.type == "REJECT" and lemma in lex["rejection_verbs"]):
            return None
        for c in verb.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and not any(k.dep_ == "neg" for k in c.children) \
                    and c.lemma_.lower() not in lex["routine_refusals"] \
                    and c.lemma_.lower() not in lex["report_verbs"] \
                    and not any(k.dep_ == "auxpass" for k in c.children):
                acts = [c, *c.conjuncts]
                if all(self._match_verb(a, self._lemma(a)) is None for a in acts):
                    return c
        return None

    def _own_withdrawal(self, verb, trig: Trigger) -> bool:
        """ "A and B recalled their ambassadors": a diplomatic withdrawal (``withdrawal_codes``)
        of an object its subjects own together (``shared_possessives``, or a bare plural:
        "recalled ambassadors")."""
        lex = self.lexicon
        return trig.cameo in lex["withdrawal_codes"] and any(
            any(p.dep_ == "poss" and p.lower_ in lex["shared_possessives"] for p in c.children)
            or self._bare_plural(c)
            for c in verb.children if c.dep_ in OBJECTS)

    @staticmethod
    def _bare_plural(noun) -> bool:
        """ "Both countries withdrew ambassadors": a plural object with no determiner, owner or
        number is the subjects' own, as "their ambassadors" is."""
        return noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "prep") for c in noun.children)

    def _each_on_other(self, trig: Trigger, coded: list[ActorRef]) -> tuple[list, list]:
        """The sides of an act each of ``coded`` does to the others: every pair, or for an act
        done together (``mutual_types``: "met each other") the first with the others."""
        if trig.type.lower() in self.lexicon["mutual_types"]:
            return coded[:1], coded[1:]
        return coded, coded

    def _battle_side(self, index: _ArticleIndex, verb, trig: Trigger) -> list[ActorRef]:
        """ "X was killed in a gun battle with Y": the other side of the fight the passive act
        happened in is its source."""
        if trig.type != "ASSAULT":
            return []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for fight in prep.children:
                key = self._noun_key(fight, fight.lemma_.lower()) if fight.dep_ == "pobj" else None
                if key is None or self.lexicon.nouns[key][0].type != "ASSAULT":
                    continue
                refs = [r for r in self._actors(index, [p for c in fight.children if c.dep_ == "prep"
                                                        and c.lower_ in ("with", "by")
                                                        for p in c.children if p.dep_ == "pobj"]) if r.code]
                if refs:
                    return refs
        return []

    def _mutual(self, trig: Trigger, sources: list, targets: list, words=()) -> tuple[list, list]:
        """ "Duterte and Suga spoke by phone", "Japan and India held a joint exercise": an act
        done together (``mutual_types``) with no other target is the first's with the others;
        not where a "with" phrase names the partner, coded or not ("India and China built
        ties with island states": the partners are the islands, not each other)."""
        partner = any(c.dep_ == "prep" and c.lower_ == "with" and any(p.dep_ == "pobj" for p in c.children)
                      for w in words if w is not None
                      for c in (w.children if w.pos_ in ("VERB", "AUX") else w.subtree))
        if not partner and not any(t is not None for t in targets or ()) \
                and trig.type.lower() in self.lexicon["mutual_types"]:
            coded = [s for s in sources if s is not None and s.code]
            if len({entity(s.code) for s in coded}) >= 2:
                return coded[:1], coded[1:]
        return sources, targets

    def _needs_target(self, trig: Trigger) -> bool:
        """Whether the event is coded only with a coded target: rows flagged ``target``, and
        the types always done to someone (``dyadic_types``): an accusation of an actor the
        actors stage could not code is no accusation of a known actor. An investigation
        (``investigation_codes``) is coded with the one investigated where named, else none."""
        return not self._open_inquiry(trig) and (
            "target" in trig.flags or trig.type.lower() in self.lexicon["dyadic_types"])

    def _dyadic(self, trig: Trigger) -> bool:
        """Whether the event is always done to someone (``dyadic_types``), an investigation
        aside (``investigation_codes``: "police are investigating the killing" names no one)."""
        return trig.type.lower() in self.lexicon["dyadic_types"] and not self._open_inquiry(trig)

    def _open_inquiry(self, trig: Trigger) -> bool:
        return trig.cameo in self.lexicon["investigation_codes"]

    def _target_preps(self, trig: Trigger) -> frozenset[str]:
        lex = self.lexicon
        return lex["target_preps_motion"] if trig.type.lower() in lex["motion_types"] else lex["target_preps"]

    def _verb_targets(self, index: _ArticleIndex, verb, trig: Trigger,
                      sources: list[ActorRef] = ()) -> list[ActorRef]:
        lex = self.lexicon
        preps = self._target_preps(trig)
        children = list(verb.children)
        if trig.particle:
            for c in children:
                if c.dep_ == "prep" and c.lower_ == trig.particle:
                    pobjs = [p for p in c.children if p.dep_ == "pobj"]
                    refs = self._actors(index, pobjs, deep=True)
                    if not refs and trig.type == "THREATEN":  # "warned of action against X"
                        refs = next((r for p in pobjs for r in [self._noun_targets(index, p, trig)] if r), [])
                    if refs:
                        return refs
        objs = [verb.head if c.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl" and index.mention_at(verb.head)
                else c for c in children if c.dep_ in OBJECTS]  # "Bolivia, which Chile attacked"
        if not objs:  # "assured visiting Foreign Minister X": the parser's participle verb is X's modifier
            objs = self._premodified_object(verb)
        if not objs and not trig.objects:  # "attacking and fighting Kenyan troops": the object they share
            objs = [o for c in children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
                    and not any(k.dep_ in SUBJECTS | PASSIVE_SUBJECTS for k in c.children)
                    for o in c.children if o.dep_ in OBJECTS][:1]
        if not objs and trig.objects:  # a small model reads "called X's remarks insulting" as two predicates
            objs = [c for c in children if c.dep_ == "oprd" and c.pos_ == "NOUN"
                    and c.lemma_.lower() not in trig.objects][:1]
        if not objs and trig.objects:  # "called [Y's remarks] insulting": the small clause's subject
            objs = [k for c in children if c.dep_ in ("oprd", "xcomp", "ccomp")
                    and (c.lemma_.lower() in trig.objects or c.lower_ in trig.objects)
                    for k in c.children if k.dep_ in SUBJECTS]
        if not objs and verb.lemma_.lower() in lex["object_control"]:
            # "helped Mauritius build an airstrip": the small model reads the object of a verb
            # with a bare infinitive as the subject of a clause of its own
            objs = [k for c in children if c.dep_ == "ccomp" and c.tag_ == "VB"
                    and not any(a.dep_ in ("aux", "mark") for a in c.children)
                    for k in c.children if k.dep_ in SUBJECTS][:1]
        if not objs and verb.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.tag_ not in RELATIVE_TAGS
                                                     for c in children):
            objs = [verb.head]  # "the charge (that) the spokesman rejected": the noun is the object
        # the object a pattern names ("send troops") is the act's theme, not its target
        # (a word said about is no theme: "dismissed the Chinese findings" rejects China's)
        theme = bool(trig.objects) and not trig.dictionary and self.cameo[trig.cameo].quad_class not in (1, 3) \
            and any(o.lemma_.lower() in trig.objects for o in objs)
        whole = self._clause_judged(index, verb, trig, sources)
        if whole:
            return whole
        if objs and not theme:
            refs = self._actors(index, objs)
            if not refs and trig.type.lower() in self.lexicon["civilian_target_types"]:
                refs = self._civilians(index, objs[0]) or self._people(index, objs[0], verb, sources)
            if refs:
                return refs
        for c in children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                refs = self._actors(index, [p for p in c.children if p.dep_ == "pobj"])
                refs = refs or next((r for p in c.children if p.dep_ == "pobj"
                                     for r in [self._goods_origin(index, p)] if r), [])
                if refs:
                    return refs
        refs = self._dative_recipient(index, verb, trig)
        if refs:
            return refs
        if "speech" in trig.flags or "claim" in trig.flags:
            for c in children:
                if c.dep_ == "ccomp":
                    subjects = [s for s in c.children if s.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
                    refs = self._actors(index, subjects)
                    if not refs:  # "warned that the government's actions would ..."
                        refs = self._actors(index, [p for s in subjects for p in s.children if p.dep_ == "poss"])
                    if not refs and trig.type == "ACCUSE":  # "countered that it is what the US does"
                        refs = self._first_actor(index, c)
                    if refs:
                        return refs
        judged = self.cameo[trig.cameo].quad_class in (1, 3)
        objs = objs + self._amount_themes(objs)  # "provided $2 billion in loans to Uganda": the loans'
        for obj in objs:  # "rejected the plan of the EU", "sanctions on a treaty with Tokyo"
            # what is judged is its doer's: "condemned the attack by X on Y" accuses X
            refs = self._actors(index, [p for c in obj.children if c.dep_ == "prep"
                                        and c.lower_ in lex["source_preps"]
                                        for p in c.children if p.dep_ == "pobj"]) if judged else []
            refs = refs or self._noun_targets(index, obj, trig)
            if not refs and judged:
                # "rejected the charge that Egypt made": the maker of what is judged
                refs = self._actors(index, [k for c in obj.children if c.dep_ in ("relcl", "acl")
                                            and c.i != verb.i and not _complete(c)
                                            for k in c.children if k.dep_ in SUBJECTS
                                            and k.tag_ not in RELATIVE_TAGS])
            if not refs and not theme:
                refs = self._actors(index, [obj], deep=True)
            if refs:
                return refs
        return []

    def _clause_judged(self, index: _ArticleIndex, verb, trig: Trigger, sources) -> list[ActorRef]:
        """ "Uganda sent aid to Kenya, which the Kenyan president described as a gesture of
        friendship", "Uganda signed the deal on Monday, which Kenya called a positive step": a
        judgement (quad class 1 or 3) whose object is a "which" after a comma, where the word it
        hangs on names no actor or only the judge's own side, judges the act of the clause before:
        its subject is the target (one does not praise or condemn one's own side there)."""
        head = verb.head
        if verb.dep_ != "relcl" or self.cameo[trig.cameo].quad_class not in (1, 3) \
                or not any(c.dep_ in OBJECTS and c.lower_ == "which" for c in verb.children) \
                or head.i + 1 >= len(head.doc) or head.nbor(1).lower_ != "," or head.nbor(2).lower_ != "which":
            return []
        own = {self._side(s.code) for s in sources if s is not None and s.code}
        named = [r for r in self._actors(index, [head]) if r.code]
        if not own or any(self._side(r.code) not in own for r in named):
            return []
        main = self._clause_verb(head)
        if main is None:
            return []
        return [r for r in self._actors(index, self._subjects(main)) if r.code and self._side(r.code) not in own]

    def _premodified_object(self, verb) -> list:
        """ "X assured visiting Foreign Minister Y that ...", "met visiting President Y": a small
        model reads a participle that modifies a title (``title_participles``) as a verb of its
        own, right after the verb, with the person as its object; that person is the verb's object."""
        return [o for c in verb.children if c.dep_ == "xcomp" and c.i == verb.i + 1
                and c.lower_ in self.lexicon["title_participles"]
                for o in c.children if o.dep_ in OBJECTS][:1]

    def _dative_recipient(self, index: _ArticleIndex, verb, trig: Trigger) -> list[ActorRef]:
        """ "China gave Uganda $2 billion in aid", "offered Kenya military support": in the
        double-object shape the first object (the parser's bare "dative", no preposition) is the
        one the act is done for, where the act is a transfer (``transfer_types``)."""
        if trig.type.lower() not in self.lexicon["transfer_types"]:
            return []
        return [r for r in self._actors(index, [c for c in verb.children if c.dep_ == "dative"
                                               and c.pos_ in ("PROPN", "NOUN")]) if r.code]

    def _amount_themes(self, objs) -> list:
        """ "provided $2 billion in loans to Uganda": the thing an amount counts (the object of
        its ``amount_preps`` preposition), whose own phrase may name the target."""
        return [p for o in objs if self._amount(o) for c in o.children
                if c.dep_ == "prep" and c.lower_ in self.lexicon["amount_preps"]
                for p in c.children if p.dep_ == "pobj"]

    def _civilians(self, index: _ArticleIndex, obj) -> list[ActorRef]:
        """An attack on a hotel, market or village is one on the civilians of its country."""
        if obj.lemma_.lower() not in self.lexicon["civilian_places"]:
            return []
        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
        phrases = [(start, end)] + [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
                                    for c in obj.head.children if c.dep_ == "prep" and c.lower_ in self.lexicon["place_preps"]]
        for lo, hi in phrases:  # places count here: "a hotel in the Somali city of X"
            for m in index.all_mentions:
                if m.start >= hi:
                    break
                if lo <= m.start and m.end <= hi and m.code and ":" not in m.code:
                    return [ActorRef(text=index.art.text[start:end], code=m.code[:3] + "CVL", start=start, end=end)]
        return []

    def _act_owner(self, index: _ArticleIndex, verb, sources: list[ActorRef]) -> list[ActorRef]:
        """ "denounced the move", "spoke out against the decision": a definite act noun with
        no actor of its own refers to the act of the previous sentence, whose subject is
        the target; "denied the charge" (``accusation_nouns``) after a sentence that reports
        no speech answers whoever accused the source earlier in the article, where known. Only for a main clause that opens its sentence's argument (no actor
        in this sentence before the verb other than the source)."""
        lex = self.lexicon
        nouns = [c for c in verb.children if c.dep_ in OBJECTS]
        nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "over")
                  for p in c.children if p.dep_ == "pobj"]
        noun = next((n for n in nouns if n.lemma_.lower() in lex["act_nouns"]), None)
        if noun is None or not any(c.dep_ == "det" and c.lower_ in lex["act_dets"] for c in noun.children):
            return []
        if any(c.dep_ in ("poss", "prep", "compound", "relcl", "acl") for c in noun.children):
            return []  # "the EU's move", "the decision to ...": named or explained in place
        sent = verb.sent
        if sent.start == 0:
            return []
        prev = verb.doc[sent.start - 1].sent
        root = prev.root
        if noun.lemma_.lower() in lex["accusation_nouns"] and root.lemma_.lower() not in lex["assertion_verbs"]:
            # "X accused Iceland of ... The EU urged talks. Iceland's prime minister denied the
            # charge": where the sentence before asserts nothing, the source's latest accuser
            accusers = [index.accused_by[entity(s.code)] for s in sources
                        if s is not None and s.code and entity(s.code) in index.accused_by]
            if accusers:
                return accusers[:1]
        if root.pos_ not in ("VERB", "AUX"):
            return []
        own = {s.code for s in sources}
        refs = [r for r in self._actors(index, self._subjects(root)) if r.code and r.code not in own]
        return refs[:1]

    def _people(self, index: _ArticleIndex, obj, verb, sources: list[ActorRef]) -> list[ActorRef]:
        """ "killed ten people", "shot civilians": the civilians of the country named as the
        clause's place ("in Somalia"), else of the source's own country (a domestic actor
        such as SOMREB or SOMMIL; never an IGO or a transnational group)."""
        if obj.lemma_.lower() not in self.lexicon["civilian_nouns"] or index.mention_at(obj) is not None:
            return []
        return self._place_civilians(index, verb, obj) or self._own_civilians(sources, obj, index)

    @staticmethod
    def _own_civilians(sources, people, index: _ArticleIndex) -> list[ActorRef]:
        """The civilians (CVL) of the sources' one country (a domestic actor such as SOMREB or
        SOMMIL; never an IGO or a transnational group), as the actor ``people`` stands for."""
        countries = {s.code[:3] for s in sources if s is not None and s.code and ":" not in s.code
                     and len(s.code) >= 3}
        if len(countries) != 1:
            return []
        start, end = people.left_edge.idx, people.right_edge.idx + len(people.right_edge.text)
        return [ActorRef(text=index.art.text[start:end], code=countries.pop() + "CVL", start=start, end=end)]

    def _place_civilians(self, index: _ArticleIndex, tok, people) -> list[ActorRef]:
        """The civilians (CVL) of the country named in a place phrase (``place_preps``) of ``tok``
        ("killed ten people in Somalia", "protests in Kenya"), as the actor ``people`` stands for."""
        start, end = people.left_edge.idx, people.right_edge.idx + len(people.right_edge.text)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in self.lexicon["place_preps"]:
                lo, hi = c.idx, c.right_edge.idx + len(c.right_edge.text)
                for m in index.all_mentions:
                    if m.start >= hi:
                        break
                    if lo <= m.start and m.code and ":" not in m.code:
                        return [ActorRef(text=index.art.text[start:end], code=m.code[:3] + "CVL",
                                         start=start, end=end)]
        return []

    def _first_actor(self, index: _ArticleIndex, clause) -> list[ActorRef]:
        """The first coded actor named in a clause."""
        for m in index.mentions_between(clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)):
            if m.code and m.kind != "pronoun":
                return [_ref(index.art, m, m.start, m.end)]
        return []

    def _noun_targets(self, index: _ArticleIndex, noun, trig: Trigger, depth: int = 0) -> list[ActorRef]:
        """The target of an event noun: the object of its preposition ("sanctions on Russia"),
        or of a preposition further down the chain ("talks on a treaty with Tokyo")."""
        preps = self._target_preps(trig)
        if "speech" in trig.flags and trig.pos == "N":  # "expressed concern about X's buildup"
            preps = preps | self.lexicon["speech_topic_preps"]
        objects = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
                   for p in c.children if p.dep_ == "pobj"]
        if depth == 0:  # "drills threatening Taiwan", "strikes targeting rebels"
            objects += [o for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
                        and not any(k.dep_ in SUBJECTS or k.dep_ == "mark" for k in c.children)
                        for o in c.children if o.dep_ in OBJECTS]
        if depth == 0 and "speech" in trig.flags and trig.pos == "N":  # "expressed concern that Uganda was arming"
            objects += [k for c in noun.children if c.dep_ in ("acl", "ccomp")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                        for k in c.children if k.dep_ in SUBJECTS]
        for obj in objects:
            refs = self._actors(index, [obj], deep=True)
            if refs:
                return refs
        if depth < 2:
            for obj in objects:
                refs = self._noun_targets(index, obj, trig, depth + 1)
                if refs:
                    return refs
            for obj in objects:
                refs = self._goods_origin(index, obj)
                if refs:
                    return refs
        if depth == 0 and noun.lemma_.lower() in self.lexicon["patient_of_nouns"]:  # "the arrest of X"
            return self._actors(index, [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                        for p in c.children if p.dep_ == "pobj"], deep=True)
        return []

    def _noun_key(self, noun, lemma: str) -> str | None:
        """The event-noun row of ``noun``: a two-word row ("hunger strike", "joint exercise")
        where its modifier makes one, else the noun's own lemma, else None."""
        nouns = self.lexicon.nouns
        if lemma not in self.lexicon.noun_ends:
            return None
        # the modifiers before the noun, and theirs: "Joint Maritime Exercise" (joint -> maritime)
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        for c in mods:
            mods += [g for g in c.children if g.dep_ in ("compound", "amod") and g.i < c.i]
        for c in mods:
            key = f"{c.lemma_.lower()} {lemma}"
            if key in nouns:
                return key
        return lemma if lemma in nouns else None

    def _noun_event(self, index: _ArticleIndex, noun, lemma: str) -> _Found | None:
        lex = self.lexicon
        rows = lex.nouns[lemma]
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in lex["figurative_modifiers"]
               for c in noun.children) and rows[0].type in ("ASSAULT", "MOBILIZE"):
            return None  # "trade war"
        preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        trig = next((t for t in rows if not t.particle or t.particle in preps), None)
        if trig is None:
            return None
        head = noun
        while head.dep_ == "conj":
            head = head.head
        for _ in range(3):  # "a series of airstrikes", "the transfer of ten tons of aid"
            if head.dep_ == "pobj" and head.head.lower_ == "of" \
                    and head.head.head.lemma_.lower() in lex["quantity_nouns"] | lex["conveyance_nouns"]:
                head = head.head.head
            elif head.dep_ == "pobj" and head.head.lower_ in lex["amount_preps"] and self._amount(head.head.head):
                head = head.head.head  # "announced $5 million in aid"
            elif self._claimed_responsibility(head):
                head = head.head.head  # "claimed responsibility for the attack"
            else:
                break
        gov = head.head
        sources: list[ActorRef] = []
        governor = None
        undergo = self._undergoing_verb(head)
        if undergo is not None:  # "came under attack from X": X acts on the subject
            sources = self._actors(index, [p for c in noun.children if c.dep_ == "prep"
                                           and c.lower_ in lex["source_preps"]
                                           for p in c.children if p.dep_ == "pobj"])
            if not sources:
                # "received funding from China": the phrase may hang on the verb
                sources = self._actors(index, [p for c in undergo.children if c.dep_ == "prep"
                                               and c.lower_ in lex["source_preps"] and c.i > noun.i
                                               for p in c.children if p.dep_ == "pobj"])
            if not sources:  # "received Chinese funding", "came under Russian attack"
                sources = [r for r in self._actors(index, [c for c in noun.children if c.dep_ in MODIFIERS
                                                           and c.i < noun.i]) if r.code]
            targets = self._actors(index, self._subjects(undergo))
            if not sources:
                return None
            status, negated, reporter = self._status(undergo)
            return _Found(trig, noun, undergo, sources, targets or [None], status, negated, reporter)
        if head.dep_ == "pobj" and gov.lower_ == "with" and gov.head.pos_ in ("VERB", "AUX") \
                and gov.head.lemma_.lower() in lex["instrument_verbs"]:
            head, gov = gov, gov.head  # "retaliated with tariffs on X": the verb carries the noun
            head_is_instrument = True
        elif head.dep_ == "pobj" and (taking := self._participation(gov)) is not None:
            head, gov = gov, taking  # "took part in exercises with X", "participated in talks"
            head_is_instrument = True
            if lemma in lex["strike_words"]:  # "workers who took part in the strike"
                trig = replace(self._derived(lex.codes["strike"], noun), flags=trig.flags)
            elif trig.type.lower() in lex["mutual_types"] and not self._noun_targets(index, noun, trig):
                return None  # "participated in the meeting": with whom is not said
        elif head.dep_ == "pobj" and gov.lower_ in lex["state_preps"] and gov.head.pos_ in ("VERB", "AUX") \
                and gov.head.lemma_.lower() in lex["state_verbs"] and gov.head.i < gov.i:
            head, gov = gov, gov.head  # "teachers have been on strike", "was on a visit to X"
            head_is_instrument = True
            if lemma in lex["strike_words"]:  # one is "on strike" only from work, never in a fight
                trig = replace(self._derived(lex.codes["strike"], noun), flags=trig.flags)
        else:
            head_is_instrument = False
        if head.dep_ in SUBJECTS and gov.pos_ in ("VERB", "AUX") and trig.type.lower() in lex["occurrence_types"] \
                and " ".join([gov.lemma_.lower()] + [c.lower_ for c in gov.children if c.dep_ == "prt"]) \
                in lex["occurrence_verbs"]:
            # "protests erupted in Kenya": the people of the place (or of the noun's modifier) act
            # ("Kenyan protests": a bare country is its people)
            sources = [r.model_copy(update={"code": r.code + "CVL"}) if len(r.code) == 3 and ":" not in r.code else r
                       for r in self._actors(index, [c for c in noun.children if c.dep_ in MODIFIERS]) if r.code] \
                or self._place_civilians(index, noun, noun) or self._place_civilians(index, gov, noun)
            if not sources:
                return None
            status, negated, reporter = self._status(gov)
            return _Found(trig, noun, gov, sources, self._noun_targets(index, noun, trig) or [None],
                          status, negated, reporter)
        if head.dep_ == "pobj" and gov.lower_ in lex["adverbial_preps"] and gov.head.pos_ in ("VERB", "AUX") \
                and trig.type.lower() in lex["mutual_types"] \
                and not any(c.dep_ in ("poss", "compound", "amod") or (c.dep_ == "prep" and c.lower_ in
                                                                       lex["source_preps"]) for c in noun.children):
            # "After talks with Tokyo, Canberra announced ...": an act done together, told
            # as the time of the clause's own act (and with no doer of its own), is the
            # clause subject's
            verb = gov.head
            sources = [s for s in self._actors(index, self._subjects(verb)) if s.code]
            own = {entity(s.code) for s in sources}
            targets = [t for t in self._noun_targets(index, noun, trig) if t.code and entity(t.code) not in own]
            if sources and targets:
                status, negated, reporter = self._status(verb)
                return _Found(trig, noun, verb, sources, targets, status, negated, reporter)
        considered = gov.lemma_.lower() in lex["hypothetical_verbs"]  # "is considering sanctions"
        reciprocal = gov.lemma_.lower() in lex["reciprocal_verbs"]  # "A and B exchanged fire"
        # "sanctions were imposed on X by Y": the passive's agent carries the noun as its subject does
        by_agent = head.dep_ in PASSIVE_SUBJECTS and any(c.dep_ == "agent" for c in gov.children)
        if (head.dep_ in OBJECTS or head_is_instrument or by_agent) and gov.pos_ in ("VERB", "AUX") \
                and (self._again(self._lemma(gov)) in lex["light_verbs"] or considered or head_is_instrument
                     or (head is not noun and head.lemma_.lower() in lex["responsibility_nouns"]
                         and gov.lemma_.lower() in lex["responsibility_verbs"])
                     or self._lemma(gov) in lex["founding_verbs"]
                     or reciprocal):
            own = self._match_verb(gov, gov.lemma_.lower())
            if own is not None and not (own.dictionary and not trig.dictionary):
                return None  # the verb is a trigger of its own ("imposed tariffs")
            if gov.lemma_.lower() in lex["expression_verbs"] and "speech" not in trig.flags:
                return None  # "voiced concern" is said; only a spoken act is expressed
            governor = gov
            passive = any(c.dep_ == "auxpass" for c in gov.children)
            if passive:
                agent = next((c for c in gov.children if c.dep_ == "agent"), None)
                if agent is not None:
                    sources = self._actors(index, [p for p in agent.children if p.dep_ == "pobj"])
            else:
                sources = self._actors(index, self._subjects(gov))
        else:
            part = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                         and c.lemma_.lower() in lex["light_verbs"]), None)
            agent = next((c for c in part.children if c.dep_ == "agent"), None) if part is not None else None
            if agent is not None:  # "an operation conducted by X"
                governor = part
                sources = self._actors(index, [p for p in agent.children if p.dep_ == "pobj"])
            elif trig.type.lower() in lex["between_types"] and (sides := self._between(index, noun)):
                # "talks between Britain and Mauritius": the first side's with the others
                governor = self._clause_verb(noun)
                status, negated, reporter = self._status(governor) if governor is not None \
                    else ("asserted", False, None)
                return _Found(trig, noun, governor or noun, sides[:1], sides[1:], status, negated, reporter)
            else:  # "Rubio's visit to Riyadh": both actors in the phrase
                mods = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
                by = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in lex["source_preps"]
                      for p in c.children if p.dep_ == "pobj"]
                sources = self._actors(index, mods) or self._actors(index, by)
                if sources:
                    targets = self._noun_targets(index, noun, trig)
                    if not targets or trig.type.lower() not in lex["phrase_types"]:
                        return None
                    governor = self._clause_verb(noun)
                    status, negated, reporter = self._status(governor) if governor is not None \
                        else ("asserted", False, None)
                    return _Found(trig, noun, governor or noun, sources, targets, status, negated, reporter)
        if not sources or governor is None:
            return None
        targets = self._noun_targets(index, noun, trig)
        if not targets and head.i != noun.i and head.dep_ != "prep":  # "the transfer of aid to X"
            targets = self._noun_targets(index, head, trig)
        if not targets and governor is not None:
            for c in governor.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in self._target_preps(trig):
                    targets = self._actors(index, [p for p in c.children if p.dep_ == "pobj"], deep=True)
                    if targets:
                        break
        coded = [s for s in sources if s is not None and s.code]
        if reciprocal and len({entity(s.code) for s in coded}) >= 2 \
                and not any(t is not None and t.code and entity(t.code) not in {entity(s.code) for s in coded}
                            for t in targets):
            # each side's act on the other (a side's own pair is dropped); a "with" phrase
            # naming one of the sides again ("..., with Erdogan at one point suggesting")
            # names no other partner
            targets = coded
        if self._each_other(noun, trig) and len({entity(s.code) for s in coded}) >= 2:
            sources, targets = self._each_on_other(trig, coded)  # "A and B launched attacks on each other"
        sources, targets = self._mutual(trig, sources, targets, [noun, governor])
        if not targets and self._dyadic(trig):
            return None
        if self._needs_target(trig) and not any(t.code for t in targets or ()):
            return None
        status, negated, reporter = self._status(governor)
        if considered and governor.i == gov.i:
            status = "hypothetical"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            negated = True
        return _Found(trig, noun, governor, sources, targets or [None], status, negated, reporter)

    def _participation(self, prep):
        """The verb of "took part in", "participated in" (``participation_verbs``) whose
        preposition ``prep`` is; else None."""
        if prep.dep_ != "prep":
            return None
        verb, words = prep.head, [prep.lower_]
        if verb.pos_ == "NOUN" and verb.dep_ in OBJECTS:  # "took [part in]": the "in" hangs on "part"
            words.insert(0, verb.lemma_.lower())
            verb = verb.head
        elif verb.pos_ in ("VERB", "AUX"):
            words[:0] = [c.lemma_.lower() for c in verb.children if c.dep_ in OBJECTS and c.i < prep.i]
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        return verb if " ".join([verb.lemma_.lower(), *words]) in self.lexicon["participation_verbs"] else None

    def _between(self, index: _ArticleIndex, noun) -> list[ActorRef]:
        """The coded sides of "between A and B" on an event noun, where there are two or more."""
        sides = [r for r in self._actors(index, [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                                                 for p in c.children if p.dep_ == "pobj"]) if r.code]
        return sides if len({entity(r.code) for r in sides}) >= 2 else []

    def _undergoing_verb(self, head):
        """The verb of "came under attack", "faced sanctions" for the event noun ``head``."""
        words = self.lexicon["undergo_verbs"]
        if head.dep_ in OBJECTS and head.head.lemma_.lower() in words:
            return head.head
        prep = head.head
        if head.dep_ == "pobj" and prep.dep_ == "prep" and f"{prep.head.lemma_.lower()} {prep.lower_}" in words:
            return prep.head
        return None

    @staticmethod
    def _clause_verb(tok):
        while tok.head.i != tok.i:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
        return None

    # ---------------------------------------------------------------- arguments
    def _subjects(self, verb, depth: int = 0) -> list:
        """The tokens that stand for the doer of ``verb``, following control and relatives."""
        if depth > 6:
            return []
        subs = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subs:
            out = []
            for s in subs:
                if s.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                    out.append(verb.head)
                else:
                    out.append(s)
                    out += self._companions(s)
            return out + self._companions(verb)
        if any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
            return []
        # a subject the parser hung on the verb's auxiliary: "Iran is "flagrantly" defying"
        on_aux = [s for a in verb.children if a.dep_ == "aux" for s in a.children if s.dep_ in SUBJECTS]
        if on_aux:
            return on_aux
        dep, head = verb.dep_, verb.head
        if head.i == verb.i:
            return []
        if dep in ("acl", "relcl") and verb.tag_ == "VBG":
            if head.lemma_.lower() in self.lexicon["report_nouns"] and head.dep_ in OBJECTS \
                    and head.head.pos_ in ("VERB", "AUX"):
                return self._subjects(head.head, depth + 1)  # "X issued a statement saying ..."
            return [head]  # "gunmen storming the hotel"
        if dep == "acl" and verb.tag_ == "VB" and head.pos_ == "NOUN":
            owners = [c for c in head.children if c.dep_ == "poss"]
            if owners:
                return owners[:1]  # "Seoul's decision to suspend talks": Seoul suspends
            if head.dep_ in OBJECTS and head.head.pos_ in ("VERB", "AUX") \
                    and head.head.lemma_.lower() in self.lexicon["light_verbs"]:
                return self._subjects(head.head, depth + 1)  # "X launched an operation to flush out Y"
        if dep in ("conj", "dep") and head.pos_ in ("VERB", "AUX"):
            return self._subjects(head, depth + 1)
        if dep in ("ccomp", "acl", "relcl", "dep") and head.i < verb.i and head.dep_ == "ROOT" \
                and head.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN") \
                and not any(c.dep_ == "auxpass" for c in verb.children):
            return [head]  # a subject misread as the root: "Trump at first imposed ..."
        finite = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in OBJECTS for c in verb.children))
        if dep == "pcomp" and finite and head.dep_ == "prep" and head.head.dep_ in ("ROOT", "nsubj") \
                and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < head.i:
            return [head.head]  # a finite verb misread under a preposition: "Japan at first imposed ..."
        if dep == "pcomp" and head.dep_ in ("prep", "agent"):
            head = head.head
        if (dep == "xcomp" or (dep == "pcomp" and head.lemma_.lower() in self.lexicon["intention_verbs"])) \
                and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
            # "X is ready to resume talks", "X is close to reaching a deal" (not "interested in V-ing")
            return self._subjects(head.head, depth + 1)
        if dep in ("xcomp", "pcomp", "advcl", "ccomp"):
            if head.pos_ not in ("VERB", "AUX"):
                return []
            if head.lemma_.lower() in self.lexicon["object_control"]:
                objs = [c for c in head.children if c.dep_ in OBJECTS]
                if objs:
                    return objs[:1]
                pats = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
                if dep == "xcomp" and pats and head.lemma_.lower() not in self.lexicon["intention_verbs"]:
                    return pats[:1]  # the passive's patient: "X was forced to withdraw" (not "is expected to")
            return self._subjects(head, depth + 1)
        return []

    def _companions(self, tok) -> list:
        """ "X, along with Y and Z, condemned ...": the objects of a companion phrase
        (``companion_preps``) on the subject or on its verb act with the subject."""
        out = []
        phrases = self.lexicon["companion_preps"]
        for c in tok.children:
            if c.dep_ != "prep":
                continue
            words = [c.lower_]
            words += [f"{c.lower_} {w.lower_}" for w in c.children if w.dep_ == "prep"]  # "along" -> "with"
            words += [f"{a.lower_} {c.lower_}" for a in c.children if a.dep_ == "advmod"]  # "together" "with"
            if not any(w in phrases for w in words):
                continue
            for p in [c, *(w for w in c.children if w.dep_ == "prep")]:
                out += [o for o in p.children if o.dep_ == "pobj"]
        return out

    def _patients(self, verb) -> list:
        head = verb
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
            pats = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
            if pats:
                return pats
        return []

    def _actors(self, index: _ArticleIndex, heads: list, deep: bool = False) -> list[ActorRef]:
        """One ActorRef per conjoined actor among ``heads``."""
        refs: list[ActorRef] = []
        seen: set[tuple] = set()
        for head in heads:
            # "Greece, Panama and South Korea" read as an apposition with a conjunct: a list
            listed = [p for a in head.children if a.dep_ == "appos" and a.conjuncts for p in [a, *a.conjuncts]]
            for tok in [head, *head.conjuncts, *listed]:
                for ref in self._refs(index, tok, deep):
                    key = (ref.start, ref.code)
                    if key not in seen:
                        seen.add(key)
                        refs.append(ref)
        return refs

    def _refs(self, index: _ArticleIndex, tok, deep: bool) -> list[ActorRef]:
        art = index.art
        lower = tok.lower_
        lex = self.lexicon
        if tok.pos_ == "PRON":
            if lower in lex["first_person_pronouns"]:  # "'I will not hesitate ...,' Ford said"
                speaker = self._reporting_subject(tok)
                if speaker is not None:
                    return self._refs(index, speaker, deep)
                said = index.quote_speaker(tok.idx)  # "'We urge the police to ...,' the minister said"
                said = self._speaker(index, said) if said is not None else None
                if said is None:
                    return []
                return [_stand_in(tok, said)]
            if tok.dep_ == "poss" and lower in lex["person_possessives"]:  # "his request": its owner
                owner = self._owner(index, tok)
                if owner:
                    return owner
            if lower in lex["person_pronouns"]:
                m = index.mention_at(tok) or index.last_person_before(tok.idx)
                if m is not None:
                    return [_stand_in(tok, m)]
            elif lower in lex["owner_possessives"] and tok.dep_ == "poss":
                return self._owner(index, tok)
            elif lower in lex["group_pronouns"]:
                if tok.dep_ in OBJECTS or tok.dep_ == "pobj":  # "tariffs on Mexico ... to pressure them"
                    return list(index.recent_targets)
                speaker = self._reporting_subject(tok)
                if speaker is not None:
                    return self._refs(index, speaker, deep)
                # "Kenya sent troops and said it would ...", "The rebels ... They attacked": the
                # subject actor the actors stage took the pronoun for (``Mention.kind`` pronoun);
                # not inside a direct quote, whose "they" is the speaker's to name
                m = index.mention_at(tok)
                if m is not None and m.kind == "pronoun" and m.code and index.quote_speaker(tok.idx) is None:
                    return [_stand_in(tok, m)]
                if m is None and lower in lex["plural_pronouns"] and tok.dep_ in SUBJECTS \
                        and index.quote_speaker(tok.idx) is None:
                    return self._owner(index, tok)  # "Kenya and Uganda held talks. They agreed ..."
            return []
        if tok.lemma_.lower() in lex["multitude_nouns"] and index.mention_at(tok) is None:
            # "thousands of Kenyan protesters", "tens of thousands of Sudanese": the people counted
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
            if of:
                return self._refs(index, of[0], deep)
        start = tok.left_edge.idx
        end = tok.idx + len(tok.text)
        own = index.mention_at(tok)
        if own is None:  # "another key ally, France", "his counterpart, Emmanuel Macron": the appositive
            for app in (c for c in tok.children if c.dep_ == "appos"):
                m = index.mention_at(app)
                if m is not None and m.code:
                    return [_ref(art, m, m.start, m.end)]
        if own is not None:
            ref = _ref(art, own, own.start, max(end, own.end))
            if ref.code:
                # "German, French and British representatives": one actor per coordinated modifier
                mods = [r for r in self._modifier_refs(index, tok) if r.code]
                if len(mods) > 1 and any(entity(r.code) == entity(ref.code) for r in mods):
                    return [ref if entity(r.code) == entity(ref.code) else r for r in mods]
                return [ref]
            # an uncoded mention: its modifiers may still name the actor ("European
            # military and political heads"), or it is a bare "the officials" named before
            return [r for r in self._modifier_refs(index, tok) if r.code] \
                or self._pair_antecedent(index, tok) or self._definite_antecedent(index, tok) \
                or self._pair_antecedent(index, tok, definite=True) or [ref]
        refs = self._modifier_refs(index, tok)
        if refs:
            return refs
        actor_noun = tok.pos_ == "PROPN" or tok.lemma_.lower() in lex["actor_nouns"]
        inside = index.mentions_between(start, end) if actor_noun or deep else []
        if inside:
            ref = ref_for(art, inside[0].start, end)
            if ref is None and deep and not actor_noun:  # "the Guatemalan decision": Guatemala's
                ref = _ref(art, inside[0], inside[0].start, inside[0].end)
            return [ref] if ref is not None else []
        # the noun's own phrase, without clauses and conjuncts: "officials in Iraq"
        stop = tok.right_edge.i
        for c in tok.children:
            if c.i > tok.i and (c.dep_ in ("conj", "cc", "relcl", "acl", "appos", "punct", "ccomp", "advcl")
                                or (c.dep_ == "prep" and c.lower_ not in lex[
                                    "actor_of_preps" if actor_noun else "phrase_of_preps"])):
                stop = min(stop, c.left_edge.i - 1)
        if stop > tok.i:
            tail = tok.doc[tok.i + 1: stop + 1]
            inside = index.mentions_between(tail.start_char, tail.end_char)
            if inside and (deep or actor_noun):
                listed = self._of_listed(index, tok, stop)
                if listed:
                    return listed
                ref = ref_for(art, inside[0].start, tail.end_char)
                return [ref] if ref is not None else []
        if tok.lemma_.lower() in lex["owned_country_nouns"]:  # "his country": the person's country
            owners = [r for p in tok.children if p.dep_ == "poss" and p.lower_ in lex["person_possessives"]
                      for r in self._owner(index, p)]
            countries = {entity(r.code) for r in owners if r.code and ":" not in r.code}
            if len(owners) == 1 and len(countries) == 1 and len(next(iter(countries))) == 3:
                r = owners[0]
                return [ActorRef(text=tok.doc[tok.left_edge.i: tok.i + 1].text, name=r.name,
                                 code=entity(r.code), actor_id=None, start=tok.left_edge.idx,
                                 end=tok.idx + len(tok.text))]
        if deep and not actor_noun:  # "rejected its offer": the offer's owner
            owner = [r for p in tok.children if p.dep_ == "poss" and p.lower_ in lex["owner_possessives"]
                     for r in self._owner(index, p)]
            if owner:
                return owner
        if actor_noun and tok.pos_ == "NOUN":  # "the officials", "the group": named before
            refs = self._pair_antecedent(index, tok) or self._definite_antecedent(index, tok) \
                or self._pair_antecedent(index, tok, definite=True)
            if refs:
                return refs
        # "a letter issued by X": the agent of a participle on a thing
        for c in ([] if actor_noun else tok.children):
            if c.dep_ == "acl":
                for part in [c, *c.conjuncts]:
                    agent = next((a for a in part.children if a.dep_ == "agent"), None)
                    if agent is not None:
                        pobj = [p for p in agent.children if p.dep_ == "pobj"]
                        refs = self._actors(index, pobj[:1])
                        if refs:
                            return refs[:1]
        return []

    def _of_listed(self, index: _ArticleIndex, tok, stop: int) -> list[ActorRef]:
        """ "the withdrawal of U.S. and NATO troops", "the arrest of Kenyan and Ugandan
        activists": where the "of" object of a noun lists several coded actors (conjoined
        modifiers or conjoined nouns), one each; a single actor is left to the phrase as a
        whole (empty list)."""
        objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i <= stop
                for p in c.children if p.dep_ == "pobj"]
        refs = self._actors(index, objs[:1]) if objs else []
        if len(refs) > 1 and all(r.code for r in refs) and len({entity(r.code) for r in refs}) > 1:
            return refs
        return []

    def _owner(self, index: _ArticleIndex, tok) -> list[ActorRef]:
        """The actor a possessive pronoun (``owner_possessives``: "its decision", "their demand")
        stands for: the nearest subject before it, in its sentence or else the one before, and
        only where that subject is a coded actor of the pronoun's kind (a country or organisation,
        or a singular group noun, for "its"; a group of a plural noun or "they" for
        ``plural_pronouns``; sides joined by "and" give each). A person, a place or an uncoded subject nearest gives none."""
        lex = self.lexicon
        plural = tok.lower_ in lex["plural_pronouns"]
        person = tok.lower_ in lex["person_possessives"]
        doc = tok.doc
        sents = [tok.sent]
        if tok.sent.start > 0:
            sents.append(doc[tok.sent.start - 1].sent)
        for sent in sents:
            subjects = [s for s in sent if s.dep_ in ("nsubj", "nsubjpass") and s.i < tok.i
                        and not s.left_edge.i <= tok.i <= s.right_edge.i]
            if not subjects:
                continue
            subj = subjects[-1]
            m = index.mention_at(subj)
            if m is None or not m.code or m.type == "PLACE" or (m.type == "PERSON") != person:
                return []
            if person:
                return [_stand_in(tok, m)]
            sides = [subj, *subj.conjuncts]  # "Kenya and Uganda ... their"/"They": both
            many = subj.tag_ in ("NNS", "NNPS") or subj.lower_ == "they" or len(sides) > 1
            if plural != many and not (not plural and m.type in ("COUNTRY", "ORG") and subj.pos_ == "PROPN"):
                return []
            if subj.pos_ == "PRON":
                refs = [_stand_in(subj, m)]
            elif len(sides) > 1:
                found = [index.mention_at(c) for c in sides]
                if any(f is None or not f.code or f.type in ("PERSON", "PLACE") for f in found):
                    return []
                refs = [r for r in self._actors(index, [subj]) if r.code]
            else:
                refs = [r for r in self._refs(index, subj, False) if r.code]
            if len(refs) != len(sides):
                return []
            return [_stand_in(tok, r) for r in refs]
        return []

    def _pair_antecedent(self, index: _ArticleIndex, tok, definite: bool = False) -> list[ActorRef]:
        """ "Egypt and Turkey ... both countries withdrew their ambassadors", "the two leaders
        met": a plural noun of ``pair_nouns`` counted (``count_words``: two for "both") stands
        for the last so many sides named before it (distinct countries or groups, the nearest
        mention of each, within a few sentences); for ``pair_country_nouns`` the countries
        themselves. "The other three countries" (``other_words``) leaves out the sides named
        before it in its own sentence ("Japan held drills with the other three countries").
        ``definite``: also a bare "the countries", "the prime ministers" as two
        (``pair_definite_dets``), asked only where no mention of the same noun came before."""
        lex = self.lexicon
        lemma = tok.lemma_.lower()
        if tok.tag_ != "NNS" or lemma not in lex["pair_nouns"]:
            return []
        counts = [lex.counts[c.lower_] for c in tok.children
                  if c.dep_ in ("det", "predet", "nummod") and c.lower_ in lex.counts]
        if not counts and definite and any(c.dep_ == "det" and c.lower_ in lex["pair_definite_dets"]
                                           for c in tok.children):
            counts = [2]
        if len(counts) != 1:
            return []
        wanted = counts[0]
        doc = tok.doc
        lo, back = tok.sent.start, 0
        while lo and back < 2:  # its sentence and the two before that name anyone
            lo = doc[lo - 1].sent.start
            back += bool(index.mentions_between(doc[lo].idx, doc[lo].sent.end_char))
        floor = doc[lo].idx
        country = lemma in lex["pair_country_nouns"]
        i = bisect.bisect_left(index.starts, tok.idx) - 1
        left_out: set[str] = set()
        if any(c.dep_ == "amod" and c.lower_ in lex["other_words"] for c in tok.children):
            left_out = {entity(m.code) for m in index.mentions_between(tok.sent.start_char, tok.idx) if m.code}
        gov = _governor(tok)  # "the EU urged both governments": the doer of an act done to the pair is not one of them
        if gov is not None:
            left_out |= {entity(r.code) for r in self._actors(index, self._subjects(gov)) if r.code}
        sides: dict[str, object] = {}
        while i >= 0 and len(sides) < wanted:
            m = index.mentions[i]
            i -= 1
            if m.start < floor:
                break
            if not m.code or m.kind == "pronoun" or m.nested or entity(m.code) in left_out:
                continue
            sides.setdefault(entity(m.code), m)
        if len(sides) < wanted:
            return []
        text = doc[tok.left_edge.i: tok.i + 1].text
        if lemma in lex["pair_government_nouns"]:  # "both governments": each side's government
            return [ActorRef(text=text, code=side + "GOV" if len(side) == 3 else m.code,
                             name=m.name if m.code == side + "GOV" else None,
                             actor_id=m.actor_id if m.code == side + "GOV" else None,
                             start=tok.left_edge.idx, end=tok.idx + len(tok.text))
                    for side, m in reversed(list(sides.items()))]
        return [ActorRef(text=text, name=m.name, code=side if country else m.code, actor_id=m.actor_id,
                         start=tok.left_edge.idx, end=tok.idx + len(tok.text))
                for side, m in reversed(list(sides.items()))]

    def _definite_antecedent(self, index: _ArticleIndex, tok) -> list[ActorRef]:
        """A bare definite actor noun refers back to the latest coded mention of its kind:
        "Iraqi officials said ... The officials added ..." -> IRQGOV; "the group" after a
        named armed group. Only a bare "the/those/these N" (no modifier or phrase of its
        own) within the last few mentions is resolved; anything else is left unknown."""
        lex = self.lexicon
        if not any(c.dep_ == "det" and c.lower_ in lex["definite_dets"] for c in tok.children):
            return []
        if any(c.dep_ in MODIFIERS or c.dep_ in ("prep", "amod") for c in tok.children):
            return []
        lemma, lower = tok.lemma_.lower(), tok.lower_
        armed = lemma in lex["armed_group_nouns"]
        i = bisect.bisect_left(index.starts, tok.idx) - 1
        for m in index.mentions[max(0, i - lex.window + 1): i + 1][::-1]:
            if not m.code or m.kind in ("pronoun", "modifier"):
                continue
            head = m.text.split()[-1].lower() if m.text.split() else ""
            span = tok.doc.char_span(m.start, m.end, alignment_mode="expand")
            # the phrase's own head noun: "the leaders of Puntland and Jubaland" -> leaders
            heads = {head} | ({span.root.lower_, span.root.lemma_.lower()} if span is not None else set())
            if armed and (m.code.startswith("NSA:") or _sector(m.code) in lex["armed_sectors"]):
                pass
            elif not heads & {lower, lemma} or head in ("the",):
                continue
            return [ActorRef(text=tok.doc[tok.left_edge.i: tok.i + 1].text, name=m.name, code=m.code,
                             actor_id=m.actor_id, start=tok.left_edge.idx, end=tok.idx + len(tok.text))]
        # "A State Department spokesperson said ... the spokesperson added": the same noun
        # named before with its owner in its phrase
        doc = tok.doc
        lo = tok.sent.start
        for _ in range(lex.sentences_back):
            lo = doc[lo - 1].sent.start if lo else 0
        for prev in reversed(doc[lo: tok.i]):
            if prev.lemma_.lower() != lemma or prev.pos_ != "NOUN" or \
                    any(c.dep_ == "det" and c.lower_ in lex["definite_dets"] for c in prev.children):
                continue
            refs = [r for r in self._refs(index, prev, False) if r.code]
            if len(refs) == 1:
                r = refs[0]
                return [ActorRef(text=tok.doc[tok.left_edge.i: tok.i + 1].text, name=r.name, code=r.code,
                                 actor_id=r.actor_id, start=tok.left_edge.idx, end=tok.idx + len(tok.text))]
            break
        return []

    def _speaker(self, index: _ArticleIndex, speaker: ActorRef) -> ActorRef | None:
        """A quote's speaker as a coded actor: the quotes stage's, or for a bare "the
        spokesperson" the one named before (:meth:`_definite_antecedent`)."""
        if speaker.code:
            return speaker
        span = index.art.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None:
            return None
        refs = self._definite_antecedent(index, span.root) or \
            [r for r in self._refs(index, span.root, True) if r.code]  # "the U.S. statement said"
        return refs[0] if refs else None

    def _modifier_refs(self, index: _ArticleIndex, tok) -> list[ActorRef]:
        """Coordinated modifiers as actors: "Canadian and Mexican exports" -> CAN, MEX."""
        refs = []
        for mod in tok.children:
            if mod.dep_ in MODIFIERS and mod.i < tok.i and mod.conjuncts:
                for part in [mod, *mod.conjuncts]:
                    m = index.mention_at(part)
                    if m is not None:
                        refs.append(_ref(index.art, m, m.start, m.end))
        return refs

    def _reporting_subject(self, tok):
        """For "it"/"they" in "X said it would ...": the token for X."""
        clause = tok.head
        while clause.dep_ in ("conj", "xcomp", "aux") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.lemma_.lower() not in self.lexicon["report_verbs"]:
            return None
        subs = [c for c in verb.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
        return subs[0] if subs else None

    # ------------------------------------------------------------------- status
    def _status(self, verb) -> tuple[str, bool, object | None]:
        """(status, negated, the reporting verb) for the clause of ``verb``."""
        lex = self.lexicon
        status = "asserted"
        negated = False
        reporter = None
        requested = False

        def bump(new: str) -> None:
            nonlocal status
            if STATUS_RANK[new] > STATUS_RANK[status]:
                status = new

        def own(tok) -> None:
            nonlocal negated
            for c in tok.children:
                low = c.lower_
                if c.dep_ == "neg" or (c.dep_ == "advmod" and low == "never"):
                    negated = not negated  # "will not hesitate to strike": two negations cancel
                elif c.dep_ == "advmod" and low == "longer" and any(g.lower_ == "no" for g in c.children):
                    negated = True
                elif c.dep_ in ("aux", "auxpass"):
                    if low in lex["future_aux"]:
                        bump("future")
                    elif low in lex["hypothetical_aux"]:
                        bump("hypothetical")
                elif c.dep_ == "mark" and low in lex["condition_marks"]:
                    bump("hypothetical")

        own(verb)
        tok = verb
        for _ in range(8):
            dep, head = tok.dep_, tok.head
            if head.i == tok.i or dep not in CLAUSE_LINKS | {"pobj"}:
                break
            if dep == "pcomp" and head.i > 0 and \
                    f"{head.doc[head.i - 1].lower_} {head.lower_}" in lex["alternative_preps"]:
                negated = True  # "attacked Y instead of negotiating": the act not taken
            if dep == "pcomp" or dep == "pobj":
                head = head.head if head.dep_ in ("prep", "agent") else head
            hl = head.lemma_.lower()
            if dep in ("xcomp", "conj"):
                if dep == "xcomp" and hl in lex["request_verbs"]:
                    requested = True
                if dep == "xcomp" and hl in lex["refusal_verbs"]:
                    negated = not negated
                elif dep == "xcomp" and hl in lex["intention_verbs"]:
                    bump("future")
                elif dep == "xcomp" and hl in lex["hypothetical_verbs"]:
                    bump("hypothetical")
                own(head)
            elif dep == "ccomp":
                said_by = self._match_verb(head, hl)
                if hl in lex["report_verbs"] or said_by is not None:
                    bump("claimed")
                    if reporter is None and said_by is None:
                        reporter = head
                if hl in lex["hypothetical_verbs"]:
                    bump("hypothetical")
            elif dep == "pcomp" and "claim" in getattr(self._match_verb(head, hl), "flags", ()):
                bump("claimed")
            elif dep == "pcomp" and head.pos_ == "ADJ" and hl in lex["intention_verbs"]:
                bump("future")  # "X is close to reaching a deal"
            elif dep == "pobj" and hl in lex["hypothetical_verbs"]:
                bump("hypothetical")
            if self._for_requested(tok):
                requested = True  # "called for Russia to withdraw": only asked for
            if dep in ("acl", "ccomp") and head.pos_ == "NOUN" and hl in lex["report_nouns"]:
                bump("claimed")  # "the charge that Russia is occupying Ukraine"
            if (dep in ("acl", "pcomp", "pobj") and head.pos_ == "NOUN" and head.dep_ in OBJECTS
                    and head.head.lemma_.lower() in lex["expression_verbs"]) \
                    or (dep == "pcomp" and hl in lex["expression_verbs"]
                        and any(o.dep_ in OBJECTS and o.right_edge.i + 1 == tok.head.i for o in head.children)):
                # "voiced interest in sending aid" (the phrase on the noun or, as the parser
                # may read it, on the verb right after the noun): only wished for
                bump("future")
            if head.pos_ not in ("VERB", "AUX", "ADP") and dep not in ("pcomp", "pobj"):
                break
            tok = head
        if requested:
            bump("hypothetical")
            reporter = _REQUESTED
        return status, negated, reporter

    def _reported_accusations(self, index: _ArticleIndex, found: list[_Found]) -> list[_Found]:
        """ "X said Y attacked Z": X ACCUSE Y, read from a reported conflict act."""
        out = []
        accuse = next((t for t in self.lexicon.verbs.get("accuse", ()) if not t.particle and not t.objects), None)
        if accuse is None:
            return out
        for f in found:
            if f.reporter is None or f.negated or self.cameo[f.trigger.cameo].quad_class < 3 \
                    or f.status in ("future", "hypothetical"):  # "if Y attacks" alleges nothing
                continue
            speakers = [s for s in self._actors(index, self._subjects(f.reporter))
                        if s.code and _sector(s.code) not in self.lexicon["witness_sectors"]]
            if not speakers:
                continue
            said = {self._side(s.code) for s in speakers}
            accused = [s for s in f.sources if s is not None and s.code and self._side(s.code) not in said]
            if not accused:
                continue
            status, negated, _ = self._status(f.reporter)
            out.append(_Found(accuse, f.reporter, f.reporter, speakers, accused, status, negated))
        return out

    def _side(self, code: str | None) -> tuple:
        """The side an actor code speaks for: a country's state bodies are one side."""
        sector = _sector(code) or ""
        return (entity(code), "state" if not sector or sector in self.lexicon["state_sectors"] else sector)

    # ------------------------------------------------------------------- output
    def _events(self, index: _ArticleIndex, sent, info: Sentence, f: _Found) -> Iterator[Event]:
        trig = f.trigger
        type_, code = trig.type, trig.cameo
        negated = f.negated
        if negated and trig.negated:
            type_, code = trig.negated
            negated = False
        cameo = self.cameo.get(code)
        date = self._date(index, sent, f)
        place = self._place(index, sent, f)
        confidence = _confidence(f, trig)
        tok = f.token
        media = self.lexicon["media_sectors"]
        hearing = self.lexicon["hearing_nouns"]
        for source in f.sources:
            if source is not None and not source.code:
                continue  # an actor the actors stage could not place is not known to be political
            for target in f.targets:
                if target is not None and source is not None and (
                        (source.start == target.start and source.code == target.code)  # one mention
                        or (source.actor_id is not None and source.actor_id == target.actor_id)):
                    continue  # no actor acts on itself
                if type_ == "CONSULT" and target is not None and (
                        _sector(target.code) in media or _head_lemma(tok.doc, target) in hearing):
                    continue
                pair_type, pair_code, pair_cameo = type_, code, cameo
                if self._verbal_attack(f, source, target):
                    pair_type, pair_code = "ACCUSE", "111"
                    pair_cameo = self.cameo.get(pair_code)
                elif self._work_stoppage(f, source):
                    pair_type, pair_code = "PROTEST", self.lexicon.codes["strike"]
                    pair_cameo = self.cameo.get(pair_code)
                yield Event(
                    type=pair_type, mode=pair_cameo.mode if pair_cameo else trig.mode, cameo=pair_code,
                    quad_class=pair_cameo.quad_class if pair_cameo else None,
                    goldstein=pair_cameo.goldstein if pair_cameo else None,
                    source=source, target=target, sentence=info.text, sentence_index=info.index,
                    sentence_start=info.start, sentence_end=info.end, trigger=tok.text,
                    trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
                    negated=negated, status=f.status if not negated else "asserted",
                    date=date and date.date, date_precision=date and date.precision,
                    date_text=date and date.text, location=place, confidence=confidence,
                )

    def _verbal_attack(self, f: _Found, source: ActorRef, target: ActorRef | None) -> bool:
        """ "The president attacked the newspaper": a politician's attack on a newspaper, a
        party or a court is one in words (ACCUSE), not the use of force."""
        lex = self.lexicon
        if f.trigger.type != "ASSAULT" or target is None or source is None or f.token.lemma_.lower() not in lex["verbal_attack_verbs"]:
            return False
        return _sector(source.code) in lex["speaking_sectors"] and _sector(target.code) in lex["verbal_target_sectors"]

    def _work_stoppage(self, f: _Found, source: ActorRef | None) -> bool:
        """ "Teachers began strikes", "dock workers struck": a strike by workers, students or
        civilians (``strike_sectors``) is a labour strike (PROTEST), not the use of force."""
        lex = self.lexicon
        if f.trigger.type != "ASSAULT" or source is None or f.token.lemma_.lower() not in lex["strike_words"]:
            return False
        return _sector(source.code) in lex["strike_sectors"]

    def _date(self, index: _ArticleIndex, sent, f: _Found) -> EventDate | None:
        published = index.published
        if published is None:
            return None
        gov = f.governor
        for ent in index.ents_in(sent):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if _attached(ent.root, gov):
                value = event_date(ent.text, published, future=f.status == "future")
                if value:
                    return value
        return EventDate(published.isoformat(), "day")

    def _place(self, index: _ArticleIndex, sent, f: _Found) -> Location | None:
        gov = f.governor
        for ent in index.ents_in(sent):
            if ent.label_ not in PLACE_LABELS:
                continue
            prep = ent.root.head
            if ent.root.dep_ != "pobj" or prep.lower_ not in self.lexicon["place_preps"]:
                continue
            if _attached(prep, gov):
                loc = place_lookup(ent.text, ent.start_char, ent.end_char, tuple(self.settings.lexicon_dirs))
                if loc is not None:
                    return loc
        dateline = index.art.metadata.get("dateline")
        if isinstance(dateline, str) and dateline.strip():
            name = dateline.split(",")[0].strip()
            return place_lookup(name, lexicon_dirs=tuple(self.settings.lexicon_dirs))
        return None




def _governor(tok):
    """The verb whose object ``tok`` is, directly or through a preposition ("urged both governments",
    "called on both sides"); None where ``tok`` is no verb's object."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
    elif tok.dep_ not in OBJECTS and tok.dep_ != "dative":
        return None
    return tok.head if tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i else None


def _complete(clause) -> bool:
    """Whether a clause on a noun has an object of its own ("the charge that Russia occupies
    Ukraine": a content clause), so the noun is no gap in it (a relative clause: "the
    charge (that) Egypt made")."""
    return any(c.dep_ in OBJECTS and c.tag_ not in RELATIVE_TAGS and c.lower_ != "that" for c in clause.children)


def _valid_position(spec: str) -> bool:
    return spec in POSITIONS or (spec.startswith("prep:") and len(spec) > 5)


def _attached(tok, gov) -> bool:
    """Whether ``tok`` hangs on ``gov`` without passing through a finite clause of its own
    ("at a news conference in Tokyo" hangs on "said"; a non-finite verb on the way,
    as in "accused X of harassing ships in Y", is passed)."""
    for _ in range(7):
        if tok.i == gov.i:
            return True
        if tok.head.i == tok.i:
            return False
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("pcomp", "xcomp", "advcl", "acl"):
            return False
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG", "VBN", "VB"):
            return False
        tok = tok.head
    return tok.i == gov.i


def _rank(m) -> tuple:
    """Which of two nested mentions stands for a token: an acting one, then the longer."""
    return (m.kind != "modifier", m.end - m.start)


def _ref(art: Article, m, start: int, end: int) -> ActorRef:
    """The actors stage's ref for ``[start, end)``; a country adjective ("Canadian
    exports") is no acting actor there but is the target of "tariffs on" it."""
    ref = ref_for(art, start, end)
    if ref is None or ref.start != start:
        ref = ActorRef(text=art.text[start:end], name=m.name, code=m.code, actor_id=m.actor_id,
                       start=start, end=end)
    return ref


def _stand_in(tok, actor) -> ActorRef:
    """A ref for the word ``tok`` that stands for ``actor`` (a mention or a ref: "he", "its", "they")."""
    return ActorRef(text=tok.text, name=actor.name, code=actor.code, actor_id=actor.actor_id,
                    start=tok.idx, end=tok.idx + len(tok.text))


def _head_lemma(doc, ref: ActorRef) -> str:
    """The lemma of the head noun of an actor's span, lower case ("a court in Nairobi" -> ``court``)."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else ""


def _sector(code: str | None) -> str | None:
    """A code's sector in lower case, as the modality lists hold them (``RUSGOV`` -> ``gov``)."""
    sector = split_code(code)[1]
    return sector.lower() if sector else None


def _key(ref: ActorRef | None) -> tuple:
    if ref is None:
        return (None,)
    return (entity(ref.code), ref.actor_id if ref.code is None else None)


def _confidence(f: _Found, trig: Trigger) -> float:
    score = 0.9 if trig.pos == "V" else 0.75
    if f.targets == [None]:
        score -= 0.1
    if f.status != "asserted":
        score -= 0.1
    if trig.specificity:
        score += 0.05
    return round(min(score, 0.95), 2)
