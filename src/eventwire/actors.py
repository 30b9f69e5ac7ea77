"""The actors stage: find who acts in an article and give each a CAMEO-style code.

Reading order, one pass over the parse for each step:

1. **Units**: gazetteer hits (:mod:`eventwire.gazetteer`: countries, capitals,
   seats, adjectives, organisations, role nouns) and spaCy's person names.
2. **Noun phrases around roles**: ``[Country's|Country-adj|Org] [title] [to|for X]
   [Name]``, ``[Name], [the] [Country-adj] [title]``, ``[adj] [role-noun group]``
   ("Iraqi special forces"). "to X" names the host, never the sender; "of X" and
   "at X" name the employer; "for X" is the host for envoys and the employer for
   spokespeople.
3. **Places**: a country or city that is only where something happens ("in
   Tokyo") is a ``PLACE`` mention: listed for locations, never an acting actor.
4. **Coreference** within the article: surnames, titles alone ("the
   ambassador"), subject pronouns ("he", "she"; "it"/"they" for a subject actor
   of the sentence before), a lede's unnamed title followed by a new name.
5. **Memory** across articles (:class:`~eventwire.memory.ActorMemory`):
   persons resolved from titles are remembered; user actor files win.

An actor that cannot be placed gets a null code, never a guessed one. Later
stages ask :func:`ref_for` (or :func:`refs_for` for "the United States and
NATO") which actor stands in a stretch of text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from functools import cached_property

from .config import DEFAULT, Settings
from .gazetteer import BODY_KINDS, GEO_ACTING, Gazetteer, Unit
from .lexicons import LexiconError, cached_yaml
from .memory import ActorDictionary, ActorMemory, MemoryEntry, builtin_dictionary, builtin_people
from .model import Actor, ActorRef, Article, Mention, Span, entity, fold
from .nlp import ANY_SUBJECTS

NOT_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}  # "on social media Friday"
CO_AGENT_HEADS = {"along", "together"}  # "along with X", "together with X": X does the act too
HOST_PREPS = {"to", "in"}
EMPLOYER_PREPS = {"of", "at", "with", "from"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
POSSESSIVE = {"'s", "’s", "'", "’"}
PERSON_PRONOUNS = {"he", "she"}
PERSON_POSSESSIVES = {"his", "her"}  # "his wife", "her spokesman": the person named last
THING_PRONOUNS = {"it", "they"}
MAX_LEFT = 8
PRONOUN_REACH = 3
AFFILIATION_PREPS = {"of", "at", "with", "from", "for"}  # "X of the Y Institute", "a professor at Y"
AFFILIATION_STOPS = {'"', "“", "”", ";", "(", ":", "."}
NOW_LINKS = {",", "who", "is", "was", "and", "but"}  # between a former title and its "now"
AFFILIATION_REACH = 20  # tokens after a name in which its affiliation is looked for
BODY_LINKS = {"of", "for", "on", "and", "&"}  # words inside a body's name ("Center for Political Analysis")
ACRONYM_SECTORS = frozenset({"NGO", "HRI"})  # a stateless body of no home country is an international NGO
HOME_SHARE = 0.5  # share of country mentions from which an actor of no stated country is the home country's
# a person titled with no sector ("a director", "an analyst") and given no body: the home country's only where it
# holds two thirds of the country mentions (the body the text leaves out may well be another country's)
HOME_SHARE_NO_SECTOR = 2 / 3


@dataclass(frozen=True)
class ActorWords:
    """The word lists the actors stage reads, from ``data/modality.yaml`` (each list is
    explained there) and ``data/reporting_verbs.tsv``, extended by the user's lexicon
    folders (``Settings.lexicon_dirs``). Loaded once per :class:`Actors` stage; a list
    missing from every file is an error naming it."""

    place_preps: frozenset[str]  # "in Kenya": a place (one list with the events stage)
    target_place_preps: frozenset[str]  # "at Kenya" is no place
    office_acts: dict[tuple[str, ...], str]  # ("hear", "case") -> JUD
    past_title_words: frozenset[str]  # "former NATO chief X"
    armed_group_nouns: frozenset[str]  # "the militants" (one list with the events stage)
    armed_sectors: frozenset[str]
    kinship_nouns: frozenset[str]  # "his son, X": a relative
    definite_dets: frozenset[str]  # "the militants": one named before
    honorifics: frozenset[str]  # "Mr. Putin": the surname is the name
    body_labels: frozenset[str]  # "the newspaper Kompas": a body's kind
    thing_labels: frozenset[str]  # "the trawler Hekla": a named thing
    party_countries: dict[str, str]  # "Republican Representative X": USA
    body_takers: frozenset[str]  # sector of their body ("leader of a gang")
    stateless_sectors: frozenset[str]  # sectors of a body that need no country (upper case)
    international_words: frozenset[str]  # "World ... Foundation"
    state_body_words: frozenset[str]  # "the Bureau of Immigration"
    hazard_words: frozenset[str]  # "Cyclone Jude": a storm's name
    national_words: frozenset[str]  # "National ... Institute"
    generic_title_heads: dict[str, tuple[str, ...]]  # "the Israeli leader" -> its offices
    place_nouns: frozenset[str]  # "Phalombe district", "the village of X"
    first_word_name_countries: frozenset[str]  # "Xi Jinping ... Xi": the family name first
    envoy_words: frozenset[str]  # "British Deputy U.N. Ambassador": a country's envoy to a body
    title_modifier_words: frozenset[str]  # "former", "acting", "deputy": words inside a title phrase
    appointing_words: frozenset[str]  # "U.N.-appointed special rapporteur": the body before the hyphen's office
    name_particles: frozenset[str]  # "Ursula von der Leyen"
    nickname_verbs: frozenset[str]  # "Smith, nicknamed Bud"
    nickname_nouns: frozenset[str]  # "known by his nickname Lula"
    not_home_nouns: frozenset[str]  # "governments", "nations": several countries', no home country's
    domestic_sectors: frozenset[str]  # an unnamed actor of these sectors is the home country's
    speech_verbs: frozenset[str]  # every reporting verb (reporting_verbs.tsv)
    statement_verbs: frozenset[str]  # those that state or claim ("said", "insisted"), not "urged"

    @classmethod
    def load(cls, settings: Settings = DEFAULT) -> "ActorWords":
        from .quotes import report_verbs  # quotes reads this module's mentions: imported when first needed
        dirs = tuple(settings.lexicon_dirs)
        lists = cached_yaml("modality.yaml", dirs)
        missing = [f.name for f in fields(cls) if f.name not in lists and f.name not in ("speech_verbs", "statement_verbs")]
        if missing:
            raise LexiconError(f"modality.yaml has no word list {', '.join(missing)}")
        words = {f.name: frozenset(lists[f.name]) for f in fields(cls) if f.name in lists}
        words["office_acts"] = {tuple(act.split()): sector for sector, acts in lists["office_acts"].items()
                                for act in acts}
        words["party_countries"] = dict(lists["party_countries"])
        words["generic_title_heads"] = {noun: tuple(offices) for noun, offices in lists["generic_title_heads"].items()}
        words["stateless_sectors"] = frozenset(s.upper() for s in lists["stateless_sectors"])
        words["domestic_sectors"] = frozenset(s.upper() for s in lists["domestic_sectors"])
        words["speech_verbs"] = report_verbs(settings)
        words["statement_verbs"] = report_verbs(settings, ("speech", "claim"))
        return cls(**words)


@dataclass
class _Mention(Mention):
    """A :class:`~eventwire.model.Mention` with the working state of one article's reading."""

    _parts: dict | None = field(default=None, repr=False, compare=False)  # what the role phrase says
    _det: str | None = field(default=None, repr=False, compare=False)  # its determiner
    _head: str | None = field(default=None, repr=False, compare=False)  # its role noun
    _person: "_Person | None" = field(default=None, repr=False, compare=False)  # the name it is
    _link: "_Person | None" = field(default=None, repr=False, compare=False)  # the person it stands for
    _same: "Mention | None" = field(default=None, repr=False, compare=False)  # the mention a pronoun takes
    _also: list | None = field(default=None, repr=False, compare=False)  # the same unnamed title again
    _drop: bool = field(default=False, repr=False, compare=False)  # not an actor after all
    _key: tuple | None = field(default=None, repr=False, compare=False)  # its canonical actor's key
    _label: str | None = field(default=None, repr=False, compare=False)  # a group's name where not its text
    _level: str | None = field(default=None, repr=False, compare=False)  # "regional"/"local" office (roles.tsv)


@dataclass
class _Person:
    """A person name span with what the text says of it."""

    start: int
    end: int
    title: str | None = None
    code: str | None = None
    entity_from: "_Person | None" = None  # a _Person whose entity the code takes ("Zelenskyy's chief of staff")
    sector: str | None = None
    cover_start: int | None = None  # where the whole titled phrase starts
    titled: bool = False
    past_office: bool = False  # the title is a past office of an organisation ("former NATO chief"): not its code
    fuller: str | None = None  # the fullest form of the name seen ("Pedersen" -> "Geir Pedersen")
    from_memory: bool = False  # coded from the memory, not from the text
    role_spans: list = field(default_factory=list)  # (start, end) of role phrases the text gives this person
    poss_body: Unit | None = None  # the role noun of a body whose title this is ("the court's president")
    level: str | None = None  # "regional"/"local": a province's or city's office (roles.tsv)
    unplaced: bool = False  # coded with the home country alone: no title, body, entry or description


@dataclass
class Actors:
    """Pipeline stage: fill ``Article.actors`` and the mention index ``Article.mentions``.

    ``memory`` is a read-only snapshot, loaded from ``Settings.actor_memory`` and
    ``Settings.actor_files`` when those are set: how an article is coded depends
    only on its own text, its metadata and this snapshot, never on the articles
    coded before it. With ``learn=True`` the persons each article resolves from
    titles are collected in ``learned`` (an :class:`ActorMemory` of their own),
    and :meth:`save_memory` merges them into the saved memory at the end of a run.
    """

    settings: Settings = field(default_factory=lambda: DEFAULT)
    memory: ActorMemory | None = None
    learn: bool = False
    learned: ActorMemory = field(default_factory=ActorMemory)

    def __post_init__(self):
        if self.memory is None:
            self.memory = ActorMemory()
            path = self.settings.actor_memory
            if path is not None and path.exists():
                self.memory.load(path)
            for actor_file in self.settings.actor_files:
                self.memory.load_actor_file(actor_file)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.settings)

    @cached_property
    def dictionary(self) -> ActorDictionary | None:
        """The built-in actor dictionary (``Settings.builtin_actors``), below the memory and actor files."""
        return builtin_dictionary() if self.settings.builtin_actors else None

    @cached_property
    def people(self) -> ActorMemory:
        """The built-in people (data/leaders.tsv): below the actor files and memory, above the dictionary."""
        return builtin_people(tuple(self.settings.lexicon_dirs))

    @cached_property
    def words(self) -> ActorWords:
        """The stage's word lists (data/modality.yaml and data/reporting_verbs.tsv, with the user's folders)."""
        return ActorWords.load(self.settings)

    def __call__(self, art: Article) -> Article:
        if not art.ok or art.doc is None:
            return art
        reader = _Reader(art, self.gazetteer, self.memory, self.words, self.dictionary, self.people)
        art.mentions = reader.read()
        art.actors = reader.actors
        if self.learn:
            reader.remember(self.learned)
        return art

    def pipe(self, articles):
        for art in articles:
            yield self(art)

    def merged_memory(self) -> ActorMemory:
        """The snapshot with what this stage learned merged in (order-free)."""
        merged = self.memory.snapshot()
        merged.merge(self.learned)
        return merged

    def save_memory(self, path=None) -> None:
        """Write the snapshot plus what was learned to ``path`` (default ``Settings.actor_memory``)."""
        path = path or self.settings.actor_memory
        if path is not None:
            self.merged_memory().save(path)


class _Reader:
    """Reads the actors of one article; one instance per article."""

    def __init__(self, art: Article, gazetteer: Gazetteer, memory: ActorMemory, words: ActorWords,
                 dictionary: ActorDictionary | None = None, people: ActorMemory | None = None):
        self.art, self.doc, self.gaz, self.memory, self.words = art, art.doc, gazetteer, memory, words
        self.dictionary = dictionary
        self.people = people if people is not None else ActorMemory()
        self.date = (art.published or "")[:10] or None
        # the tokens and named entities, once: spaCy makes a new Token on every ``doc[i]`` and builds the
        # tuple anew on every ``doc.ents``; the passes over every token below read these lists
        self.tokens = list(self.doc)
        self.ents = self.doc.ents
        # the last word of each person name of two or more words -> the start tokens of those names,
        # for :meth:`_surname_here` (asked hundreds of times an article)
        self._full_name_ends: dict[str, list[int]] = {}
        for ent in self.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                self._full_name_ends.setdefault(ent[-1].text, []).append(ent.start)
        self.units = [self._dated(u) for u in gazetteer.units(self.doc)]
        self.unit_of: list[Unit | None] = [None] * len(self.doc)
        for u in self.units:
            for i in range(u.start, u.end):
                self.unit_of[i] = u
        self.persons: list[_Person] = []
        self.person_of: list[_Person | None] = [None] * len(self.doc)
        self.mentions: list[Mention] = []
        self.consumed: set[int] = set()  # unit starts used inside a longer mention
        self.swallowed: set[int] = set()  # unit starts that are part of a name and no mention ("VOA Albanian")
        self.labelled: set[int] = set()  # tokens of a body named after its kind ("the newspaper Kompas")
        self.actors: list[Actor] = []
        self._aliases: dict[str, Mention] = {}  # "(NISA)" -> the body it abbreviates
        self.place_bodies: set[int] = set()  # first tokens of bodies' names holding a place ("Kenya Institute")
        self._cover: list | None = None  # token -> the role mention covering it
        self._chain: dict[int, _Person] = {}  # id of a name -> the person it is
        self._nickname_pairs: list | None = None  # ("Mohamed", "Farmajo") name pairs, found on demand
        self._home_share = 0.0  # the home country's share of country mentions
        self._home_early: tuple[str] | None = None  # the home country from the mentions read before coding
        self._named: set[int] = set()  # ids of actors named in the text with a title of their own

    def _dated(self, u: Unit) -> Unit:
        """A named organisation with a dated code in the actor files or built-in entries (type ORG) takes the
        code it holds on the article's date ("the Taliban": AFGREB before 2021-08-15, AFGGOV since)."""
        if u.cat != "ORG":
            return u
        text = self.doc[u.start:u.end].text
        entry = (self.memory.exact(text) if len(self.memory) else None) or self.people.exact(text)
        code = entry.code_on(self.date) if entry is not None and entry.type == "ORG" and entry.spans else None
        return replace(u, code=code) if code and code != u.code else u

    # -- 1. person names --------------------------------------------------------

    def _find_persons(self) -> None:
        doc = self.doc
        spans = []
        self._person_over_places()
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            while start < end and (self.unit_of[start] is not None or not doc[start].is_title
                                   or doc[start].text in POSSESSIVE or doc[start].text in self.words.honorifics):
                start += 1
            while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
                end -= 1
            while end < len(doc) - 1 and doc[end - 1].lower_ in self.words.name_particles and doc[end].is_title:
                end += 1  # "Ursula von der" + "Leyen"
            while start == ent.start and start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and doc[start - 1].ent_type_ == "" and self.unit_of[start - 1] is None \
                    and doc[start - 1].text not in self.words.honorifics:
                start -= 1  # a first name the tagger left out ("Hector" + "Paul Joseph")
            if start == ent.start and end - start == 2 and start > 0 and self._name_opener(doc[start - 1]):
                start -= 1  # "Precious" + "Tendai Moyo": a capitalised word opening a three-word name
            if doc[start:end].text in self.gaz.cities and (end - start >= 2 or not self._surname_here(doc[start])):
                continue  # "Banja Luka", "Beledweyne" read as a person; not "Houston" after "Anna Houston"
            if self._no_name(start, end):
                continue  # "Borneo", "Brexit", "Coordinated" read as a person
            label = self.unit_of[start - 1] if start > 0 else None
            if label is not None and label.cat == "ROLE" and label.end == start and \
                    doc[start - 1].lower_ in self.words.body_labels and end - start <= 2:
                continue  # "the newspaper Kompas", "the think tank Lumenhuis" read as a person: the body
            if end > start and not any(self.unit_of[i] for i in range(start, end)):
                spans.append((start, end))
        # names spaCy missed after a title ("Ambassador to Japan Rahm Emanuel")
        taken = {i for s, e in spans for i in range(s, e)}
        for u in self.units:
            if u.cat != "ROLE":
                continue
            k = self._skip_complement(u.end)
            run = self._propn_run(k, taken) or self._copula_subject(u.start, taken) or \
                self._appositive_name(u, k, taken)
            if run:
                spans.append(run)
                taken.update(range(*run))
        full_names = {tuple(t.text for t in doc[s:e]) for s, e in spans if e - s >= 2}
        surnames = {n[-1] for n in full_names}
        surnames |= {n[-2] + " " + n[-1] for n in full_names if len(n) >= 3}
        for s, e in list(spans):  # "Silva, known by his nickname Lula": Lula is a name too
            k = self._nickname_start(e)
            run = self._propn_run(k, taken) if k is not None else None
            if run is None and k is not None and k < len(doc) and doc[k].pos_ == "PROPN" \
                    and (doc[k].is_title or (doc[k].is_upper and len(doc[k]) >= 2)) \
                    and k not in taken and self.unit_of[k] is None:
                run = (k, k + 1)
            if run is not None:
                spans.append(run)
                taken.update(range(*run))
                surnames.add(doc[run[0]:run[1]].text)
        # surnames and known names tagged as organisations or places ("Galuzin said")
        for ent in self.ents:
            if ent.label_ in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
                continue
            start, end = ent.start, ent.end
            while end > start and doc[end - 1].text in POSSESSIVE:
                end -= 1
            if start in taken or any(self.unit_of[i] for i in range(start, end)) or end <= start:
                continue
            text = doc[start:end].text
            if text in surnames or tuple(t.text for t in doc[start:end]) in full_names or \
                    self._memory_person(text, learned_only=ent.label_ == "ORG") or \
                    self._listed_with_person(doc[start:end], taken) or self._who_follows(doc[start:end]) or \
                    (ent.label_ == "ORG" and self._kin_name(doc[start:end])):
                spans.append((start, end))
                taken.update(range(start, end))
        # bare surnames and remembered names the NER left untagged
        remember = len(self.memory) > 0 or len(self.people) > 0 or self.dictionary is not None
        tokens = self.tokens
        i = 0
        while i < len(doc):
            tok = tokens[i]
            if ((tok.pos_ == "NOUN" and tok.is_title) or (tok.is_upper and len(tok) >= 2)) and tok.text in surnames \
                    and i not in taken and self.unit_of[i] is None:
                # a surname the tagger read as a common noun ("Trump at first ..."), or initials ("MBZ")
                spans.append((i, i + 1))
                taken.add(i)
                i += 1
                continue
            if tok.pos_ != "PROPN" or i in taken or not tok.is_title or self.unit_of[i] is not None:
                i += 1
                continue
            j = i
            while j < len(doc) and j not in taken and tokens[j].pos_ == "PROPN" and tokens[j].is_title \
                    and self.unit_of[j] is None:
                j += 1
            text = doc[i:j].text
            if text in surnames or (remember and self._memory_person(text)):
                spans.append((i, j))
                taken.update(range(i, j))
            i = j
        for s, e in sorted(spans):
            p = _Person(s, e)
            self.persons.append(p)
            for i in range(s, e):
                self.person_of[i] = p

    def _listed_with_person(self, span, taken: set[int]) -> bool:
        """"Frankie Bontemps and Maxwell Evenor": a name of two or three capitalised words, no
        organisation word, joined by "and" to a person's name, is a person too (the tagger's ORG)."""
        root = span.root
        if not 2 <= len(span) <= 3 or root.dep_ != "conj" or root.head.i not in taken \
                or not all(t.pos_ == "PROPN" and t.is_title for t in span):
            return False
        return self.gaz.org_word_kind(span[-1].lower_) not in BODY_KINDS

    def _name_opener(self, tok) -> bool:
        """A capitalised word the tagger read as an adjective, noun or verb ("Precious", "Blessed") right before
        a two-word name, inside a sentence and no gazetteer word, opens a three-word name."""
        return tok.is_title and not tok.is_sent_start and tok.ent_type_ == "" and self.unit_of[tok.i] is None \
            and tok.pos_ in ("ADJ", "NOUN", "VERB") and tok.text not in self.words.honorifics and tok.i > 0 \
            and not self.doc[tok.i - 1].is_punct and not self.doc[tok.i - 1].is_title

    @cached_property
    def _storm_names(self) -> frozenset[str]:
        """The names of storms the article gives ("Cyclone Jude" -> "Jude")."""
        doc = self.doc
        return frozenset(doc[i + 1].text for i in range(len(doc) - 1)
                         if doc[i].text in self.words.hazard_words and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN")

    def _no_name(self, start: int, end: int) -> bool:
        """The words are no actor's name whatever the tagger read: a concept of data/concepts.tsv (a faith, a
        region with no code, a named policy: "Islam", "the Sahel region", "Brexit"), a name after a thing's label of ``self.words.thing_labels``
        ("the tanker Hekla"), a place (see
        :meth:`_place_named`), a name ending in a document word of org_words.tsv ("the Maritime Safety Law"), or
        one word the tagger read as a verb, adjective, adverb or preposition ("Suffice to say", "Coordinated
        airstrikes")."""
        doc = self.doc
        if start < end and doc[start].lower_ == "the":
            start += 1
        if end - start >= 2 and doc[end - 1].lower_ == "region":
            end -= 1
        if doc[start:end].text in self.gaz.concepts or self._place_named(start, end):
            return True
        if start > 0 and doc[start - 1].lemma_.lower() in self.words.thing_labels:
            return True  # "the Icelandic trawler Hekla": the name of a thing
        if (end - start >= 2 and doc[start].text in self.words.hazard_words) or (
                end - start == 1 and doc[start].text in self._storm_names):
            return True  # "Cyclone Jude", "Hurricane Maria", and "Jude" again: a storm
        last = end - 1
        while last > start and (doc[last].lower_ == "of" or doc[last].is_punct or doc[last].text in POSSESSIVE):
            last -= 1  # "the Immigration Act of", "the Law's"
        if end - start >= 2 and doc[last].is_title and \
                self.gaz.org_word_kind(doc[last].lower_) == "document":
            return True  # "the Maritime Safety Law", "the Global Peace Index": a document, no actor
        return end - start == 1 and doc[start].pos_ in ("VERB", "ADJ", "ADV", "ADP", "AUX")

    def _place_named(self, start: int, end: int) -> bool:
        """A name right before a place noun of ``self.words.place_nouns`` (one lower-case modifier between: "Phalombe
        district", "the Dadaab refugee complex") or after "<place noun> of" ("the village of Jangebe"), that
        ends no person's full name in the article, names a place."""
        doc = self.doc
        if end - start > 3 or (end - start == 1 and self._surname_here(doc[start])):
            return False
        k = end
        if k + 1 < len(doc) and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ") and doc[k + 1].lower_ in self.words.place_nouns:
            k += 1
        if k < len(doc) and doc[k].is_lower and doc[k].lower_ in self.words.place_nouns:
            return True
        return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self.words.place_nouns

    def _surname_here(self, tok, other_than: int | None = None) -> bool:
        """The word ends a longer person name somewhere in the article ("Anna Houston ... Houston said"); one
        that does not start at token ``other_than``, where given."""
        return any(start != other_than for start in self._full_name_ends.get(tok.text, ()))

    def _who_follows(self, span) -> bool:
        """"Chalida Tajaroensuk, who heads ...", "Lena Odhiambo, 29, works ...", "Pieter Vos, assistant professor
        at ...": a name of two to four capitalised words, no organisation word, followed by ", who", by an age
        between commas, or by a title role noun (after at most two modifiers) is a person's (a body is "which",
        and is set off by a group noun), whatever the tagger called it."""
        doc = self.doc
        if not 2 <= len(span) <= 4 or span.end + 2 >= len(doc) or doc[span.end].text != "," \
                or not all(t.pos_ == "PROPN" and t.is_title for t in span) \
                or any(self.gaz.org_word_kind(t.lower_) in BODY_KINDS for t in span):
            return False
        k = span.end + 1
        if doc[k].lower_ == "who":
            return True
        if doc[k].like_num and doc[k + 1].text == ",":
            return True  # an age
        for j in range(k, min(k + 3, len(doc))):
            u = self.unit_of[j]
            if u is not None:
                return u.cat == "ROLE" and u.kind == "title"
            if doc[j].pos_ not in ("ADJ", "NOUN") or not doc[j].is_lower:
                return False
        return False

    def _kin_name(self, span) -> bool:
        """"Jimmy Lai ... his son Sebastien Lai": a name of two or three capitalised words, no organisation word,
        that ends with the last word of a person's full name in the article is a person (a relative)."""
        return 2 <= len(span) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in span) \
            and not any(self.gaz.org_word_kind(t.lower_) in BODY_KINDS for t in span) \
            and self._surname_here(span[-1], other_than=span.start)

    def _person_over_places(self) -> None:
        """"Michael Jordan", "George Washington": a full person name beats a country or city inside it."""
        doc = self.doc
        drop = set()
        for ent in self.ents:
            if ent.label_ != "PERSON" or len(ent) < 2 or self.unit_of[ent.start] is not None \
                    or not doc[ent.start].is_title:
                continue
            for i in range(ent.start + 1, ent.end):
                u = self.unit_of[i]
                if u is not None and u.cat == "GEO" and u.kind in ("name", "capital") and u.start > ent.start \
                        and u.end <= ent.end:
                    drop.add(u)
        if drop:
            self.units = [u for u in self.units if u not in drop]
            for u in drop:
                for i in range(u.start, u.end):
                    self.unit_of[i] = None

    def _memory_person(self, text: str, learned_only: bool = False) -> bool:
        """A remembered or known person (learned entries are all people; user entries may be bodies;
        the built-in dictionary is asked for a whole name of two words or more only)."""
        entry = self._known(text, ("PERSON",)) if " " in text.strip() else \
            ((self.memory.lookup(text, self.date) if len(self.memory) else None) or self.people.exact(text))
        if entry is None or entry.type not in (None, "PERSON"):
            return False
        code = entry.code_on(self.date)
        if code is None or ":" in code:
            return False
        return entry.source != "user" or not learned_only

    def _known(self, name: str, types: tuple[str, ...]) -> MemoryEntry | None:
        """What the actor files and memory know of a name, else the built-in people (data/leaders.tsv,
        listed names and aliases only), else the built-in dictionary (whole names only)."""
        entry = self.memory.lookup(name, self.date) if len(self.memory) else None
        if entry is not None:
            return entry
        entry = self.people.exact(name)
        if entry is not None and (entry.type or "PERSON") in types:
            return entry
        return self.dictionary.lookup(name, types) if self.dictionary is not None else None

    def _propn_run(self, k: int, taken: set[int]) -> tuple[int, int] | None:
        doc = self.doc
        end = k
        while end < len(doc) and end - k < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and self.unit_of[end] is None and doc[end].ent_type_ not in ("ORG", "DATE", "TIME", "MONEY"):
            end += 1
        if end - k >= 2 and k not in taken and \
                self.gaz.org_word_kind(doc[end - 1].lower_) not in BODY_KINDS:
            return k, end
        return None

    def _appositive_name(self, u: Unit, k: int, taken: set[int]) -> tuple[int, int] | None:
        """"his daughter, Argita Berisha Malltezi,": two to four capitalised words set off by commas right
        after a person's title are the name of that person, whatever the tagger called them, unless a
        word of theirs is an organisation's or a place's ("the minister, Public Agenda,")."""
        doc = self.doc
        if u.kind != "title" or k >= len(doc) or doc[k].text != ",":
            return None
        start = end = k + 1
        while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and end not in taken and self.unit_of[end] is None:
            end += 1
        if end - start < 2 or end >= len(doc) or doc[end].text not in (",", ".") or \
                any(t.lower_ in self.gaz.org_words for t in doc[start:end]) or \
                doc[start:end].text in self.gaz.cities:
            return None
        return start, end

    def _copula_subject(self, i: int, taken: set[int]) -> tuple[int, int] | None:
        """The name opening "X Y is the [former, executive ...] <title> ...": a person even where NER
        missed it."""
        doc = self.doc
        k = i - 1
        while k >= 0 and (doc[k].pos_ == "ADJ" or doc[k].lower_ in ("former", "current", "new", "acting")):
            k -= 1
        if k < 0 or doc[k].lower_ not in ("the", "a", "an"):
            return None
        k -= 1
        if k < 2 or doc[k].lemma_ != "be":
            return None
        start = doc[k].sent.start
        run = self._propn_run(start, taken)
        return run if run is not None and run[1] == k else None

    def _skip_complement(self, k: int) -> int:
        """After a title: past a "to/for/of X" complement naming a country or organisation."""
        comp = self._complement(k)
        return comp[0] if comp else k

    # -- 2. noun phrases around role nouns -------------------------------------

    def _left(self, i: int, floor: int) -> dict:
        """Scan left from token ``i`` over the modifiers of a role noun."""
        doc = self.doc
        out = {"start": i + 1, "entity": None, "poss_person": None, "det": None, "country_ref": False,
               "former": False, "units": [], "poss_body": None}
        j = i
        steps = 0
        while j >= floor and steps < MAX_LEFT:
            t, u, p = doc[j], self.unit_of[j], self.person_of[j]
            steps += 1
            if u is not None and u.cat in ("GEO", "ORG"):
                if out["entity"] is None or self._possessor_over_host(u, out["entity"]):
                    out["entity"] = u
                out["units"].append(u)
                j = u.start - 1
            elif u is not None and u.cat == "ROLE":
                out["units"].append(u)
                if u.end < len(doc) and doc[u.end].text in POSSESSIVE and out["entity"] is None:
                    out["poss_body"] = u  # "the court's president": the body's own code
                j = u.start - 1
            elif p is not None and j + 1 < len(doc) and doc[p.end].text in POSSESSIVE:
                if out["entity"] is None and out["poss_person"] is None:
                    out["poss_person"] = p
                j = p.start - 1
            elif t.text in POSSESSIVE:
                j -= 1
                continue
            elif t.text == ")" and j > floor and self._adj_at(j - 1) is not None:  # "(Turkish and Egyptian) officers"
                j -= 1
                continue
            elif t.text in self.words.party_countries and u is None and p is None and out["entity"] is None and not (
                    j > 0 and (doc[j - 1].text in ("-", "–") or (doc[j - 1].is_title and doc[j - 1].pos_ in (
                        "PROPN", "ADJ")))):  # not "Social Democratic", "Christian Democratic"
                # "Republican Representative X", "Democratic lawmakers": the party's country
                out["entity"] = Unit(j, j + 1, "GEO", "adj", self.words.party_countries[t.text])
                j -= 1
            elif t.lower_ in self.words.appointing_words and j > floor and doc[j - 1].text in ("-", "–"):
                j -= 2  # "United Nations-appointed special rapporteur": the body before the hyphen appoints
                continue
            elif t.lower_ in ("country", "nation") and j + 1 < len(doc) and doc[j + 1].text in POSSESSIVE:
                out["country_ref"] = True
                j -= 1
            elif t.lower_ in DETERMINERS:
                out["det"] = t.lower_
                out["start"] = j
                break
            elif t.lower_ in PERSON_POSSESSIVES and t.tag_ == "PRP$":  # "his wife": the person's country
                host = self._envoy_host(i, out["entity"])
                if (out["entity"] is None or host) and out["poss_person"] is None:
                    out["poss_person"] = self._person_before(j)
                    if host and out["poss_person"] is not None:
                        out["entity"] = None  # "his U.N. mission": the envoy of the person's country to the body
                    elif host:  # "Iran's U.N. ambassador ... his U.N. mission": the unnamed envoy's country
                        out["entity"] = self._envoy_country_before(j) or out["entity"]
                out["det"] = t.lower_
                out["start"] = j
                break
            elif t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or t.lower_ in self.words.title_modifier_words \
                    or t.lower_ in self.words.past_title_words or t.text in ("-", "–"):
                if t.lower_ in self.words.past_title_words:
                    out["former"] = True
                if p is not None:  # a name as a modifier ("Assad loyalists")
                    j = p.start - 1
                else:
                    j -= 1
            else:
                break
            out["start"] = j + 1
        return out

    def _envoy_host(self, i: int, found: Unit | None) -> bool:
        """``found`` is an international body before an envoy noun of ``envoy_words`` that starts at
        token ``i + 1`` ("his U.N. mission", "her U.N. ambassador"): the body the envoy is sent to."""
        role = self.unit_of[i + 1] if i + 1 < len(self.doc) else None
        return (found is not None and found.cat == "ORG" and (found.code or "").startswith("IGO:")
                and role is not None and role.cat == "ROLE" and self.doc[role.end - 1].lower_ in self.words.envoy_words)

    def _envoy_country_before(self, j: int) -> Unit | None:
        """The country of the last envoy named by title before token ``j`` in its sentence ("Iran's U.N.
        ambassador"), over an international body between them."""
        doc, k = self.doc, j - 1
        while k >= doc[j].sent.start:
            role = self.unit_of[k]
            if role is not None and role.cat == "ROLE" and doc[role.end - 1].lower_ in self.words.envoy_words:
                m = role.start - 1
                while m >= 0 and self.unit_of[m] is not None and self.unit_of[m].cat == "ORG" \
                        and (self.unit_of[m].code or "").startswith("IGO:"):
                    m = self.unit_of[m].start - 1
                while m >= 0 and doc[m].text in POSSESSIVE:
                    m -= 1
                geo = self.unit_of[m] if m >= 0 else None
                return geo if geo is not None and geo.cat == "GEO" and ":" not in geo.code else None
            k = role.start - 1 if role is not None else k - 1
        return None

    def _possessor_over_host(self, u: Unit, found: Unit) -> bool:
        """A country's possessive before a city or an international body that modifies the role noun
        ("Guatemala's Washington embassy", "Iran's U.N. mission"): the city or body is where the office
        sits, the possessor whose it is."""
        return (u.cat == "GEO" and u.kind == "name" and u.end < len(self.doc)
                and self.doc[u.end].text in POSSESSIVE and found.start >= u.end
                and ((found.cat == "GEO" and found.kind == "capital")
                     or (found.cat == "ORG" and (found.code or "").startswith("IGO:"))))

    @staticmethod
    def _past_office(entity: Unit | None, left: dict) -> bool:
        """A past office of an organisation of no country ("former NATO Secretary General X"): the person no
        longer acts for it, so the title gives neither its code nor a sector. A past office of a country or
        of a country's body ("former State Department official") keeps both: the role the article gives."""
        return left["former"] and entity is not None and entity.cat == "ORG" and ":" in entity.code

    def _armed_group_before(self, m: Mention) -> Mention | None:
        """"the Islamist militants", "the terror group" (a definite armed-group noun of modality.yaml
        armed_group_nouns, no country of its own): the armed group the article named last before it (an NSA: code or one of
        armed_sectors: "al-Shabab" -> SOMREB), not the rebels of the article's own country."""
        if self.doc[m.tok_start:m.tok_end].root.lemma_.lower() not in self.words.armed_group_nouns \
                or m._det not in self.words.definite_dets:  # "armed groups" in general refer back to no one
            return None
        return self._named_armed_group(m.tok_start)

    def _named_armed_group(self, i: int) -> Mention | None:
        """The armed group named last before token ``i`` (an NSA: code or one of armed_sectors)."""
        for prev in reversed(self.mentions):
            if prev.tok_start < i and prev.kind == "name" and prev.code and not prev._drop and (
                    prev.code.startswith("NSA:") or prev.code[3:].lower() in self.words.armed_sectors):
                return prev
        return None

    def _person_before(self, j: int) -> _Person | None:
        """The person named last before token ``j``, in its sentence or the one before ("his")."""
        floor = _sent_back(self.doc, self.doc[j].sent, 1)
        for p in reversed(self.persons):
            if p.end <= j:
                return p if p.start >= floor else None
        return None

    def _nationality(self, p: _Person) -> str | None:
        """The country of "X is a Kenyan", "X and Y are Chagossians": a person the text describes by
        nationality alone (a copula whose complement is a country's demonym, no role noun)."""
        tok = self.doc[p.start:p.end].root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.lemma_ != "be":
            return None
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        u = self.unit_of[attr.i] if attr is not None else None
        if u is None or u.cat != "GEO" or u.kind not in ("demonym_plural", "adj") or u.end - 1 != attr.i \
                or ":" in u.code or any(self.unit_of[i] is not None and self.unit_of[i].cat == "ROLE"
                                        for i in range(attr.left_edge.i, attr.i)):
            return None
        return u.code[:3]

    def _tied_country(self, p: _Person, home: str | None) -> str | None:
        """A country the text ties a person of no stated country to, other than the article's home country:
        a nationality in the noun phrase put before the name ("a French national, X", "a Russian video
        blogger, X") or a country or city right after it ("X from the Philippines", "X in Hong Kong")."""
        doc = self.doc
        code = None
        if p.start >= 3 and doc[p.start - 1].text == ",":
            for j in range(p.start - 2, max(p.start - 7, -1), -1):
                if doc[j].lower_ in ("a", "an"):
                    u = self.unit_of[j + 1]
                    if u is not None and u.cat == "GEO" and u.kind in ("adj", "demonym_plural") and u.start == j + 1:
                        code = u.code
                    break
                if not (doc[j].is_lower or self.unit_of[j] is not None) or doc[j].is_punct:
                    break
        k = p.end
        if code is None and k + 1 < len(doc) and doc[k].lower_ in ("from", "in"):
            j = k + 2 if doc[k + 1].lower_ == "the" and self.unit_of[k + 1] is None and k + 2 < len(doc) else k + 1
            u = self.unit_of[j]
            if u is not None and u.cat == "GEO" and u.start == j and u.kind in ("name", "capital", "adj") \
                    and (u.kind != "adj" or u.end == len(doc) or self.unit_of[u.end] is None
                         and not doc[u.end].is_alpha):
                code = u.code
        if code is None or ":" in code or len(code) != 3 or code == home:
            return None
        return code

    def _envoy_to(self, p: _Person, country: str) -> bool:
        """"X, who was the special envoy for North Korea": a relative clause makes the person an envoy
        (``self.words.envoy_words``) for or to the country, so none of its own people."""
        doc = self.doc
        end = min(doc[p.start].sent.end, p.end + 16)
        if not any(doc[k].lower_ == "who" for k in range(p.end, min(p.end + 3, end))):
            return False
        for k in range(p.end, end - 1):
            if doc[k].lower_ in self.words.envoy_words and doc[k + 1].lower_ in ("for", "to"):
                j = k + 2
                u = self.unit_of[j] if j < end else None
                if u is None and j + 1 < end and doc[j].lower_ == "the":
                    u = self.unit_of[j + 1]
                return u is not None and u.cat == "GEO" and u.code[:3] == country
        return False

    def _aged(self, p: _Person) -> bool:
        """"Peter Mwangi, 34, said": a person the text describes by age alone."""
        doc, k = self.doc, p.end
        if p.start >= 3 and doc[p.start - 1].lower_ == "old" and doc[p.start - 3].lower_ in ("year", "years"):
            return True  # "Twenty-year-old Bilai Abdi", "the 34-year-old Peter Mwangi"
        return k + 2 < len(doc) and doc[k].text == "," and doc[k + 2].text == "," and doc[k + 1].like_num \
            and doc[k + 1].text.isdigit() and 0 < int(doc[k + 1].text) < 120

    def _complement(self, k: int) -> tuple[int, str, Unit | None, Unit | None] | None:
        """"to/for/of/at/in [the] [modifiers] X" after a role: (end, prep, GEO/ORG unit, role unit)."""
        doc = self.doc
        if k >= len(doc) or doc[k].lower_ not in HOST_PREPS | EMPLOYER_PREPS | {"for"}:
            return None
        prep = doc[k].lower_
        j = k + 1
        entity = role = body = None
        end = None
        while j < len(doc) and j - k <= MAX_LEFT:
            t, u = doc[j], self.unit_of[j]
            if u is not None:
                inside_name = u.cat == "GEO" and (_based(doc, u.end) or (
                    u.start > k + 1 and doc[u.start - 1].pos_ == "PROPN" and self.unit_of[u.start - 1] is None))
                if u.cat in ("GEO", "ORG") and entity is None and not inside_name:
                    entity = u
                elif u.cat == "ROLE" and role is None:
                    role = u
                j = u.end
                end = j
            elif t.lower_ in DETERMINERS or t.text in POSSESSIVE or t.text in ("-", "–") or (
                    t.lower_ in self.words.name_particles and j > k + 1 and doc[j - 1].pos_ == "PROPN"):  # "Village de Dieu"
                j += 1
            elif t.pos_ in ("ADJ", "NOUN", "PROPN") and self.person_of[j] is None:
                if (entity or role) and t.pos_ == "PROPN" and (t.ent_type_ == "PERSON" or (
                        j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")):
                    break  # a name after the complement ("Ambassador to Japan Rahm Emanuel")
                if entity is not None and entity.cat == "GEO" and entity.code in self.gaz.countries and t.pos_ != "ADJ":
                    sector = self.gaz.org_words.get(t.lower_, (None, ""))
                    if sector[1] == "body" and sector[0] not in (None, "-"):
                        body = Unit(j, j + 1, "ROLE", "body", sector[0])  # "of Ghana's Farmers Association"
                j += 1
                if entity or role:
                    end = j
            else:
                break
        if entity is None and role is None:
            return None
        if role is None and body is not None and end is not None and body.start < end:
            role = body  # a country's body named after it: its sector, not the title's
        return end, prep, entity, role

    def _roles(self) -> None:
        doc = self.doc
        for u in self.units:
            if u.cat == "ROLE" and u.start not in self.consumed:
                self._role_phrase(u, doc[u.start].sent)

    def _role_phrase(self, u: Unit, sent) -> None:
        doc = self.doc
        k = u.end
        while k < len(doc) and self.unit_of[k] is not None and self.unit_of[k].cat in ("GEO", "ORG") \
                and self.unit_of[k].start == k:
            k = self.unit_of[k].end
        nxt = self.unit_of[k] if k < len(doc) else None
        if nxt is not None and nxt.cat == "ROLE" and nxt.start == k:
            return  # "member states", "Deputy U.N. Ambassador": the first noun modifies the last
        if u.kind == "title" and self._title_modifier(k):
            return  # "deputy project director", "deputy health director": a title of the last noun's
        left = self._left(u.start - 1, sent.start)
        for inner in left["units"]:
            self.consumed.add(inner.start)
        comp = self._complement(u.end)
        end = u.end
        entity: Unit | None = left["entity"]
        sector = u.code
        head = doc[u.end - 1].lower_
        if head in self.words.envoy_words and entity is not None and entity.cat == "ORG":
            # "British Deputy U.N. Ambassador": the country sends the envoy to the body
            sender = next((x for x in left["units"] if x.cat == "GEO" and ":" not in x.code), None)
            entity = sender or entity
        title_end = u.end
        if comp is not None:
            c_end, prep, c_entity, c_role = comp
            host = prep in HOST_PREPS or (prep == "for" and (entity is not None or head in self.words.envoy_words)
                                          and (c_entity is None or c_entity.cat == "GEO"))
            if u.kind == "group" and prep == "in" and entity is None and c_entity is not None:
                host = False  # "forces in Somalia's Puntland region": the place tells whose
            if not host:
                if entity is None and c_entity is not None:
                    entity = c_entity
                elif prep in ("at", "with") and c_entity is not None and c_entity.cat == "ORG" and entity is not None \
                        and entity.cat == "GEO" and sector in self.words.stateless_sectors | {None}:
                    entity = c_entity  # "a North Korean expert at X", "the Japan chair at X": the subject, X employs
                if c_role is not None and (sector is None or head in self.words.body_takers or c_role.kind == "body"):
                    sector = c_role.code
            if not host and sector is None and c_role is None and (c_entity is None or c_entity.cat == "GEO"):
                body = self._body_code(u.end + 1, sent.end, None)  # "director of the White House National
                if body is not None and ":" not in body and len(body) > 3:  # Economic Council": the body's sector
                    sector = body[3:]
            for cu in (c_entity, c_role):
                if cu is not None:
                    self.consumed.add(cu.start)
            end = title_end = c_end
        if head in self.words.envoy_words and any(x is not None and x.cat == "ORG" and x.code.startswith("IGO:") for x in (
                *left["units"], comp[2] if comp is not None else None)):
            # "Mexico's representative to the United Nations", "representatives at a U.N. meeting": a country's
            # envoy to an international body is its diplomat (the sector of "envoy" in roles.tsv), not LEG
            sector = self.gaz.roles["envoy"][0]
        # an organisation named around the role ("U.S. Central Command", "National Intelligence Agency")
        ent_end = self._org_ent_end(u.end - 1)
        if ent_end and ent_end > end and self._name_at(end) is None:  # not "DP Rigathi Gachagua" read as one ORG
            end = ent_end
        name = self._name_at(end)
        if name is not None and comp is not None and comp[3] is not None and comp[3].kind == "title" \
                and comp[3].end == name.start and comp[1] == "for" and not name.titled:
            # "a spokesman for Afghan President X": X is the president; the spokesman is someone else
            inner = comp[3]
            name.title, name.sector, name.titled = doc[inner.start:inner.end].text, inner.code, True
            name.code = self._combine(comp[2], inner.code) if comp[2] else None
            name.cover_start = comp[2].start if comp[2] is not None and comp[2].end == inner.start else inner.start
            end = title_end = u.end
            name = None
        start = left["start"]
        title = doc[u.start:title_end].text
        if left["former"]:
            title = "former " + title
        level = u.level if entity is None or entity.cat == "GEO" else None  # not "governor of the X Bank"
        code_parts = dict(entity=entity, sector=sector, poss_person=left["poss_person"],
                          country_ref=left["country_ref"])
        if name is not None and name.titled and name.cover_start is not None and name.cover_start < start \
                and doc[start - 1].text == ",":
            # "Pakistan's military spokesman, Lt. Gen. X": the office before the comma is the role; the rank
            # only fills a code the office did not give
            self.consumed.add(u.start)
            if name.code is None and entity is not None:
                name.code = self._combine(entity, sector)
            return
        if name is not None:
            name.poss_body = left["poss_body"] or name.poss_body
            name.level = level or name.level
            past = self._past_office(entity, left)
            name.title, name.sector, name.titled = title, None if past else sector, True
            name.past_office = past
            name.code = None if past or entity is None else self._combine(entity, sector)
            name.entity_from = left["poss_person"]
            name.cover_start = start
            self.consumed.add(u.start)
            if doc[u.end - 1].tag_ in ("NNS", "NNPS"):  # "Judges A, B and C": the plural title is each one's
                for other in self._conjoined_names(name):
                    if not other.titled:
                        other.title, other.sector, other.titled = title, sector, True
                        other.code, other.level = name.code, name.level
                        other.entity_from, other.poss_body = name.entity_from, name.poss_body
            return
        if head in self.words.body_labels and comp is None and self._labelled_body(u, left, code_parts, end):
            return
        if u.kind == "group" and left["det"] in ("a", "an") and self._body_by_apposition(u, left, start, end):
            return
        appos = self._apposition_person(start, sent)
        plural = head.endswith("s") and doc[u.end - 1].tag_ in ("NNS", "NNPS")
        if appos is not None and not plural:
            appos.role_spans.append((start, end))
            if not appos.titled:
                appos.poss_body = left["poss_body"]
                appos.level = level
                past = self._past_office(entity, left)
                appos.title, appos.sector, appos.titled = title, None if past else sector, True
                appos.past_office = past
                appos.code = None if past or entity is None else self._combine(entity, sector)
                appos.entity_from = left["poss_person"]
            self._add(_Mention(doc[start].idx, _end_char(doc, end), doc[start:end].text, "PERSON",
                              kind="title", title=title, tok_start=start, tok_end=end), person=appos)
            return
        kind = "group" if u.kind == "group" or plural else "title"
        m = _Mention(doc[start].idx, _end_char(doc, end), doc[start:end].text,
                    "GROUP" if kind == "group" else "PERSON", kind=kind, title=title,
                    tok_start=start, tok_end=end)
        m._parts = code_parts  # resolved in the coreference pass
        m._det = left["det"]
        m._head = head
        m._level = level
        self._add(m)
        if kind == "group":
            self._acronym_after(end, m)  # "the Haitian National Police (HNP)": "HNP" later is the same group
        if kind == "group" and entity is not None and self._adj_at(entity.start) is entity:
            self._coordinated(m, start, sent)

    def _title_modifier(self, k: int) -> bool:
        """One or two lower-case nouns or adjectives at ``k``, then a title: the title before ``k``
        modifies that later title ("deputy project director")."""
        doc, j = self.doc, k
        while j < len(doc) and j - k < 2 and self.unit_of[j] is None and doc[j].pos_ in ("NOUN", "ADJ") \
                and doc[j].is_lower:
            j += 1
        later = self.unit_of[j] if k < j < len(doc) else None
        return later is not None and later.cat == "ROLE" and later.start == j and later.kind == "title"

    def _labelled_body(self, u: Unit, left: dict, parts: dict, k: int) -> bool:
        """"the newspaper Kompas", "Afghan broadcaster Shamshad TV": a capitalised name right after a role noun
        that labels a kind of body (modality.yaml body_labels) is that body, with the role's sector and its
        modifier's country (else the home country, in :meth:`_resolve`); a known organisation there keeps its
        own code and the label is no actor of its own. True where the role phrase is read so."""
        doc = self.doc
        if k >= len(doc) or u.kind != "group" and doc[u.end - 1].tag_ not in ("NN", "NNP"):
            return False
        nxt = self.unit_of[k]
        if nxt is not None and nxt.cat == "ORG" and nxt.start == k:
            return True  # "state broadcaster CCTV": the outlet's own code
        end = k
        while end < len(doc) and end - k < 5 and self.unit_of[end] is None and self.person_of[end] is None \
                and (doc[end].pos_ == "PROPN" or (end > k and doc[end].ent_iob_ == "I")) \
                and doc[end].ent_type_ not in NOT_NAME_ENTS \
                and (doc[end].is_title or doc[end].is_upper or doc[end].text[:1].isupper()):
            end += 1
        if end == k or (end - k == 1 and doc[k].ent_type_ == "PERSON" and u.kind != "group"):
            return False
        m = _Mention(doc[k].idx, _end_char(doc, end), doc[k:end].text, "ORG", kind="name", tok_start=k, tok_end=end)
        m._parts = dict(parts)
        self.labelled.update(range(k, end))
        self._add(m)
        self._acronym_after(end, m)
        return True

    def _body_by_apposition(self, u: Unit, left: dict, start: int, end: int) -> bool:
        """"The Ledger, an Indian online publication, said": a capitalised name (no person's, no gazetteer
        word) set off before ", a <country> <body noun>," is that body, with the country and the role's sector
        (roles.tsv, kind group, singular); the apposition is no actor of its own. True where read so."""
        doc = self.doc
        entity = left["entity"]
        if entity is None or entity.cat != "GEO" or ":" in entity.code or u.code is None or start < 2 \
                or doc[start - 1].text != "," or doc[u.end - 1].tag_ in ("NNS", "NNPS") or end >= len(doc) \
                or doc[end].text not in (",", "."):
            return False
        k = j = start - 1
        while j > 0 and k - j < 4 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title \
                and self.unit_of[j - 1] is None and self.person_of[j - 1] is None:
            j -= 1
        if j == k:
            return False
        if j > 0 and doc[j - 1].text == "The":
            j -= 1
        m = _Mention(doc[j].idx, _end_char(doc, k), doc[j:k].text, "ORG", code=self._combine(entity, u.code),
                     kind="name", tok_start=j, tok_end=k)
        self.labelled.update(range(j, k))
        self._add(m)
        return True

    def _adj_at(self, j: int) -> Unit | None:
        u = self.unit_of[j] if 0 <= j < len(self.doc) else None
        return u if u is not None and u.cat == "GEO" and u.kind in ("adj", "demonym_plural") else None

    def _coordinated(self, m: _Mention, start: int, sent) -> None:
        """"Turkish and Egyptian intelligence officers", "Kenyan, Somali and Ethiopian troops": one group
        per country adjective; each other adjective is a mention of its own country's group."""
        doc = self.doc
        first = start + 1 if doc[start].pos_ == "DET" else start  # "and the Ugandan ministers"
        own = self._adj_at(first)
        if own is None:
            return
        k = start - 1
        while k > sent.start and doc[k].text in ("(", ")"):
            k -= 1
        while k > sent.start and (doc[k].lower_ in ("and", "or") or doc[k].text == ","):
            j = k - 1
            while j > sent.start and doc[j].text == ",":
                j -= 1
            u = self._adj_at(j)
            if u is None:
                return
            extra = _Mention(doc[u.start].idx, _end_char(doc, u.end), doc[u.start:u.end].text, "GROUP",
                             kind="group", title=m.title, tok_start=u.start, tok_end=u.end)
            extra._parts = dict(m._parts, entity=u)
            extra._head = m._head
            extra._label = self._group_label(u, m, first)
            self.consumed.add(u.start)
            self._add(extra)
            m._label = self._group_label(own, m, first)  # "Egyptian intelligence officers", not "Egyptian) ..."
            k = u.start - 1
            while k > sent.start and doc[k].text in ("(", ")"):
                k -= 1

    def _group_label(self, u: Unit, m: _Mention, start: int) -> str:
        """The name of a coordinated adjective's group: "Turkish" + the group's words after its own adjective."""
        doc = self.doc
        main = self.unit_of[start] if self._adj_at(start) is not None else None
        rest = doc[main.end if main is not None else start:m.tok_end].text.lstrip(") ")
        return f"{doc[u.start:u.end].text} {rest}".strip()

    def _org_ent_end(self, i: int) -> int | None:
        """The end of the organisation entity holding token ``i``, if any."""
        doc = self.doc
        if doc[i].ent_type_ not in ("ORG", "FAC"):
            return None
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end

    def _name_at(self, k: int) -> _Person | None:
        doc = self.doc
        if k < len(doc) and self.person_of[k] is not None and self.person_of[k].start == k:
            return self.person_of[k]
        if k + 1 < len(doc) and doc[k].text == "," and self.person_of[k + 1] is not None \
                and self.person_of[k + 1].start == k + 1 and (k + 2 >= len(doc) or
                                                              self.person_of[k + 1].end < len(doc)):
            p = self.person_of[k + 1]
            if p.end < len(doc) and doc[p.end].text == ",":  # "the ambassador, Ann Lee, said"
                return p
        u = self.unit_of[k + 1] if k + 1 < len(doc) and doc[k].text == "," else None
        if u is not None and u.cat == "ROLE" and u.kind == "title" and u.start == k + 1 and u.end < len(doc):
            p = self.person_of[u.end]  # "the court's president, Judge Ann Lee, said"; "Chief of Staff, General
            if p is not None and p.start == u.end and p.end < len(doc) and \
                    (doc[p.end].text == "," or doc[p.end].pos_ in ("VERB", "AUX")):  # Ann Lee said"
                return p
        return None

    def _conjoined_names(self, p: _Person) -> list[_Person]:
        """The names listed after ``p`` ("A, B and C", "A and B", "A, B, and C"): each joined by a comma,
        "and" or ", and"; the list must close with its "and", else it is no list of names ("A, B said")."""
        doc, out, k = self.doc, [], p.end
        while k < len(doc):
            j = k
            while j < len(doc) and j - k < 2 and (doc[j].text == "," or doc[j].lower_ == "and"):
                j += 1
            seps = [t.lower_ for t in doc[k:j]]
            q = self.person_of[j] if seps and j < len(doc) and seps.count(",") <= 1 else None
            if q is None or q.start != j:
                return []
            out.append(q)
            if "and" in seps:
                return out
            k = q.end
        return []

    def _apposition_person(self, start: int, sent) -> _Person | None:
        """The person before ", [the] <title>" or "is [also] [the] <title>" ("Ilyas Hassan, a member of the upper
        house"), also for a second role joined by "and" to the first ("X, co-founder and executive director of Y",
        "X, a lawmaker and deputy chair of Y")."""
        doc = self.doc
        j = start - 1
        while j > sent.start and doc[j].pos_ == "ADV" and doc[j - 1].lemma_ == "be":
            j -= 1  # "X is also president of Y"
        if j > sent.start and doc[j].lower_ == "and":  # "X, co-founder and executive director of Y"
            k = j - 1
            while k > sent.start and k > j - 8 and doc[k].text not in (",", "—", "–") \
                    and doc[k].pos_ not in ("VERB", "AUX"):
                k -= 1
            if doc[k].text in (",", "—", "–") and \
                    any(self.unit_of[i] is not None and self.unit_of[i].cat == "ROLE" for i in range(k + 1, j)):
                j = k
        # "X, the ...", "X — leader of ... —", "X is the ..."
        if j > sent.start and (doc[j].text in (",", "—", "–") or doc[j].lemma_ == "be"):
            p = self.person_of[j - 1]
            if p is not None and p.end == j:
                return p
        return None

    @staticmethod
    def _combine(entity: Unit | str | None, sector: str | None) -> str | None:
        code = entity.code if isinstance(entity, Unit) else entity
        if not code:
            return None
        if isinstance(entity, Unit) and entity.kind == "region" and sector is None:
            sector = "GOV"  # "the leaders of Puntland": the regional government
        if ":" in code or len(code) > 3:  # an organisation's own code wins
            return code
        return code + (sector or "")

    # -- 3. countries, organisations, places ------------------------------------

    def _names(self) -> None:
        doc = self.doc
        for ent in self.ents:  # "the Kenya Institute for Water Research": the country is inside a body's name
            if ent.label_ == "ORG" and self._place_in_body(ent):
                self.place_bodies.add(ent.start)
                self.consumed.update(self.unit_of[i].start for i in range(ent.start, ent.end) if self.unit_of[i])
        for u in self.units:
            if u.cat == "ROLE":
                continue
            text = doc[u.start:u.end].text
            start_char, end_char = doc[u.start].idx, _end_char(doc, u.end)
            nested = u.start in self.consumed or any(
                m.tok_start <= u.start and u.end <= m.tok_end for m in self._containers_near(u.start))
            if u.cat == "ORG":
                typ = "GROUP" if u.code.startswith("NSA:") or u.code.endswith("REB") else "ORG"
                end = self._affiliate_end(u)
                if end > u.end:  # "IS-Somalia": the group's branch in a country; "VOA Albanian"
                    self.consumed.add(end - 1 if self.unit_of[end - 1] is None else self.unit_of[end - 1].start)
                    if doc[u.end].text != "-":  # a language service: the adjective is no actor
                        self.swallowed.add(u.end)
                    end_char, text = _end_char(doc, end), doc[u.start:end].text
                m = _Mention(start_char, end_char, text, typ, code=u.code, kind="name",
                            tok_start=u.start, tok_end=end, nested=nested)
                self._add(m)
                self._acronym_after(u.end, m)
                continue
            if u.start in self.swallowed:
                continue
            code = u.code
            if self._is_place(u):
                kind, typ = "place", "PLACE"
            elif u.kind == "region":  # a self-governing region acting: its regional government
                kind, typ, code = "region", "COUNTRY", u.code + "GOV"
            elif u.kind in GEO_ACTING and self._modifies_thing(u):
                kind, typ = "modifier", "COUNTRY"  # "the Copenhagen Charter", "the Ukraine war"
            elif u.kind in GEO_ACTING or self._nominal_adj(u):
                kind, typ = "name", "COUNTRY"
            else:
                kind, typ = "modifier", "COUNTRY"
            self._add(_Mention(start_char, end_char, text, typ, code=code, kind=kind,
                              tok_start=u.start, tok_end=u.end, nested=nested))

    def _place_in_body(self, ent) -> bool:
        """An organisation's name of three words or more holding a country or city and no other gazetteer word or
        person, whose head (its last word, or the word before "of"/"for"/"on") is a body word of org_words.tsv:
        "the Kenya Institute for Water Research", "Ghana Cocoa Association". A region inside ("Asia") says no
        seat."""
        doc = self.doc
        if len(ent) < 3 or any(self.person_of[i] is not None or (self.unit_of[i] is not None and
                                                                 self.unit_of[i].cat != "GEO")
                               for i in range(ent.start, ent.end)):
            return False
        places = [self.unit_of[i] for i in range(ent.start, ent.end) if self.unit_of[i] is not None]
        if not places or any(u.code[:3] not in self.gaz.countries for u in places):
            return False  # not a region's name ("Asia Society Texas Center", "Asia-Pacific Center")
        head = next((doc[i - 1] for i in range(ent.start + 1, ent.end) if doc[i].lower_ in ("of", "for", "on")),
                    doc[ent.end - 1])
        return head.is_title and self.unit_of[head.i] is None and \
            self.gaz.org_word_kind(head.lower_) == "body"

    def _affiliate_end(self, u: Unit) -> int:
        """The end of "ORG-Country" written as one word ("IS-Somalia"), or of a news outlet's
        language service ("VOA Albanian", "BBC Persian": an outlet, not the country), else the
        unit's end."""
        doc = self.doc
        k = u.end
        if u.code.endswith("MED") and k < len(doc):
            g = self.unit_of[k]
            if g is not None and g.cat == "GEO" and g.start == k and g.kind == "adj":
                return g.end
        if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_:
            g = self.unit_of[k + 1]
            if g is not None and g.cat == "GEO" and g.start == k + 1:
                return g.end
        return u.end

    def _containers_near(self, i: int) -> list[Mention]:
        """The role mentions (groups, titles) covering token ``i``."""
        if self._cover is None:
            self._cover = [None] * len(self.doc)
            for m in self.mentions:
                if m.kind in ("group", "title"):
                    for k in range(m.tok_start, m.tok_end):
                        self._cover[k] = m
        found = self._cover[i]
        return [found] if found is not None else []

    def _modifies_thing(self, u: Unit) -> bool:
        """A country or city name used as a modifier of an ordinary noun."""
        root = self.doc[u.start:u.end].root
        head = root.head
        if root.dep_ not in ("compound", "amod", "nmod") or u.start <= head.i < u.end:
            return False
        return head.pos_ in ("NOUN", "PROPN") and self.unit_of[head.i] is None and self.person_of[head.i] is None

    def _nominal_adj(self, u: Unit) -> bool:
        """A demonym used as a noun ("the Japanese said")."""
        tok = self.doc[u.end - 1]
        return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ANY_SUBJECTS | {"dobj", "pobj", "conj"}

    def _is_place(self, u: Unit) -> bool:
        """Only a location: the object of "in/at/near..." or a "-based" modifier."""
        doc = self.doc
        if u.kind not in GEO_ACTING:
            return False
        if _based(doc, u.end):
            return True
        tok = doc[u.end - 1]
        while tok.dep_ in ("poss", "compound", "appos", "conj", "nmod") and tok.head.i != tok.i:
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.ent_type_ == "":
                break  # "the Ukraine war": a modifier, not a place
            tok = tok.head
        prev = doc[u.start - 1] if u.start > 0 else None
        if u.kind == "name" and prev is not None and prev.lower_ in self.words.target_place_preps and tok.i == u.end - 1:
            return False  # "lashed out at Kenya": a country named directly after "at" is an actor
        if tok.dep_ == "pobj" and tok.head.lower_ in self.words.place_preps:
            return True
        return prev is not None and prev.lower_ in self.words.place_preps and tok.dep_ != "nsubj"

    def _acronym_after(self, k: int, m: Mention) -> None:
        """"(NISA)" or ", or NISA," after a named body or an unnamed group ("the Haitian National Police
        (HNP)"): the acronym is the same actor, here and later."""
        doc = self.doc
        if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].is_upper:
            self._aliases[doc[k + 1].text] = m
        elif k + 3 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "or" and doc[k + 2].is_upper \
                and len(doc[k + 2]) >= 2 and doc[k + 3].is_punct:
            self._aliases[doc[k + 2].text] = m

    # -- 4. people, pronouns, coreference ----------------------------------------

    def _person_mentions(self) -> None:
        doc = self.doc
        for p in self.persons:
            start = p.cover_start if p.cover_start is not None else p.start
            if not p.titled and p.start >= 2 and doc[p.start - 1].text in POSSESSIVE:
                u = self.unit_of[p.start - 2]
                if u is not None and u.cat == "GEO":  # "Hungary's Viktor Orban": the country; the sector
                    entry = self._known(doc[p.start:p.end].text, ("PERSON",))  # of a known official of it
                    known = entry.code_on(self.date) if entry is not None else None
                    if known and ":" not in known and known[:3] == u.code[:3] and p.code is None:
                        p.code, p.from_memory = known, True
                    p.code = p.code or u.code
                    start = u.start
                    self.consumed.add(u.start)
            m = _Mention(doc[start].idx, _end_char(doc, p.end), doc[start:p.end].text, "PERSON",
                        kind="name", title=p.title, tok_start=start, tok_end=p.end)
            m._person = p
            self._add(m)

    def _pronouns(self) -> None:
        for tok in self.tokens:
            low = tok.lower_
            if (low in PERSON_PRONOUNS or low in THING_PRONOUNS) and tok.dep_ in ANY_SUBJECTS:
                self._add(_Mention(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", kind="pronoun",
                                  tok_start=tok.i, tok_end=tok.i + 1))

    def _unknown_orgs(self) -> None:
        """Organisations spaCy found that the gazetteer does not know: listed, code from aliases or null."""
        doc = self.doc
        for ent in self.ents:
            if ent.label_ not in ("ORG", "NORP", "GPE", "LOC", "FAC"):
                continue
            if any((self.unit_of[i] and ent.start not in self.place_bodies) or self.person_of[i] or i in self.labelled
                   for i in range(ent.start, ent.end)):
                continue
            if any(m.tok_start <= ent.start < m.tok_end for m in self._containers_near(ent.start)):
                continue
            text = ent.text
            if text in self._aliases:
                src = self._aliases[text]
                if src.kind == "group":  # an unnamed group's acronym: coded from the same phrase, in the same pass
                    alias = _Mention(ent.start_char, ent.end_char, text, src.type, kind="group", title=src.title,
                                     tok_start=ent.start, tok_end=ent.end)
                    alias._parts, alias._head, alias._level = src._parts, src._head, src._level
                    self._add(alias)
                    continue
                self._add(_Mention(ent.start_char, ent.end_char, text, src.type, code=src.code, kind="name",
                                  tok_start=ent.start, tok_end=ent.end))
                continue
            if ent.label_ != "ORG" or self._no_name(ent.start, ent.end):
                continue
            if len(ent) == 1 and text in self.gaz.cities and not self._surname_here(ent[0]):
                continue  # "from Quetta to Peshawar" read as organisations: places
            entry = self._known(text, ("ORG",))
            code = entry.code_on(self.date) if entry else None
            if code is None:  # "the Kestrel Institute in Nairobi": sector from its name, country from its place
                k = ent.start  # "the Berlin-based Y Center": from the seat
                if k >= 3 and _based(doc, k - 2) and self.unit_of[k - 3] is not None:
                    k = self.unit_of[k - 3].start
                elif k >= 3 and _based(doc, k - 2):
                    k = k - 3
                code = self._body_code(k, ent.sent.end, None)
            m = _Mention(ent.start_char, ent.end_char, text, "ORG", code=code, kind="name",
                        tok_start=ent.start, tok_end=ent.end)
            self._add(m)
            self._acronym_after(ent.end, m)

    def _add(self, m: Mention, person: _Person | None = None) -> None:
        if person is not None:
            m._person = person
        self.mentions.append(m)

    # -- the whole reading --------------------------------------------------------

    def read(self) -> list[Mention]:
        self._find_persons()
        self._roles()
        self._person_mentions()
        self._names()
        self._unknown_orgs()
        self._pronouns()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._resolve()
        self.mentions = [m for m in self.mentions if not m._drop]
        self._build_actors()
        return self.mentions

    def _home_country(self) -> str | None:
        """The country the article is about: the entity named most, if clearly ahead."""
        counts = Counter()
        for m in self.mentions:
            if m.type in ("COUNTRY", "PLACE") and m.code and len(m.code) == 3:
                counts[m.code] += 1
        for p in self.persons:
            if p.code and len(p.code) >= 3 and ":" not in p.code:
                counts[p.code[:3]] += 1
        ranked = counts.most_common(2)
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            self._home_share = ranked[0][1] / sum(counts.values())
            return ranked[0][0]
        return None

    def _resolve(self) -> None:
        """Codes for every mention, in reading order, with coreference."""
        doc = self.doc
        home = self._home_country()
        by_name: dict[str, _Person] = {}  # full name text -> the person chain head
        people: list[_Person] = []  # chain heads in order of last mention
        last_country: Mention | None = None
        pending: list[Mention] = []  # unnamed titled persons waiting for a name (a lede)
        subjects: list[tuple[int, Mention]] = []  # (sentence start, mention) of subject mentions
        for m in self.mentions:
            sent = self.tokens[m.tok_start].sent if m.tok_start >= 0 else None
            if m.type == "COUNTRY" and m.kind == "name":
                last_country = m
            if m.kind == "name" and m.type == "PERSON":
                p = m._person
                head = self._link_person(p, by_name, people)
                subject_titles = [c for c in pending if doc[c.tok_start:c.tok_end].root.dep_ in ANY_SUBJECTS]
                if head is p and not p.titled and subject_titles and doc[p.start:p.end].root.dep_ in ANY_SUBJECTS:
                    cand = max(subject_titles, key=lambda c: c.tok_start)  # the title doing the last act
                    if cand.tok_start < p.start and sent is not None and \
                            doc[cand.tok_start].sent.start >= _sent_back(doc, sent, 2):
                        p.title, p.code, p.titled = cand.title, cand.code, True
                        for c in [cand, *(cand._also or [])]:
                            c._link, c._drop = p, False
                        pending.remove(cand)
                if head.title and head.title.startswith("former "):
                    # "X, a former minister, now an analyst at Y"; "... X said. X is now an analyst at Y"
                    now = self._now_affiliation(p) if p is not head else self._now_affiliation(head)
                    if now is not None:
                        head.code, head.entity_from = now, None
                if head.code is None:
                    self._code_person(head, sent, home)
                m._link = head
            elif m.kind == "title" and m.type == "PERSON":
                if m._person is not None:  # an apposition
                    m._link = self._chain.get(id(m._person), m._person)
                    continue
                parts = m._parts
                if m._det in ("a", "an"):
                    m._drop = True  # "a member", "an official": nobody in particular, unless named next
                    code = self._code_parts(parts, last_country, None)
                    if code is not None and doc[m.tok_start:m.tok_end].root.dep_ in ANY_SUBJECTS:
                        m.code = code  # "A spokesman for X rejected it. '...,' Y told VOA": Y is the spokesman
                        pending.append(m)
                    continue
                code = self._code_parts(parts, last_country, None)
                match = self._title_antecedent(m, people, code)
                same = next((c for c in reversed(pending) if c.code == code and fold(c.title) == fold(m.title)),
                            None)
                if match is not None:
                    m._link = match
                elif same is not None:  # the headline's title again in the first sentence
                    m.code = code
                    group = (same._also or [same]) + [m]
                    for x in group:
                        x._also = group
                    pending.remove(same)
                    pending.append(m)
                elif code is not None:
                    m.code = code
                    if doc[m.tok_start:m.tok_end].root.dep_ in ANY_SUBJECTS:
                        pending.append(m)  # a lede's "Sweden's foreign minister said ...": a name may follow
                else:
                    m._drop = True  # "the minister" with nobody to be: not an actor
            elif m.kind == "name" and m.type == "ORG" and m._parts is not None:  # "the newspaper Kompas"
                m.code = self._code_parts(m._parts, None, home if self._home_share >= HOME_SHARE else None)
            elif m.kind == "name" and m.type == "ORG" and m.code is None and home and self._home_share >= HOME_SHARE:
                sector = self._state_body_sector(m)  # "the Bureau of Immigration": the home country's
                if sector is not None:
                    m.code = home + sector
            elif m.kind == "group" and self._named_body(m) is not None:
                body = self._named_body(m)  # "the court" after "the International Court of Justice"
                m.code, m.type, m._same = body.code, body.type, body
            elif m.kind == "group":
                parts = m._parts
                sector = parts["sector"]
                fallback = home if (sector in self.words.domestic_sectors and m._head not in self.words.not_home_nouns
                                    and self._home_share >= HOME_SHARE) else None
                armed = self._armed_group_before(m) if sector == "REB" and parts["entity"] is None \
                    and parts["poss_person"] is None and not parts["country_ref"] else None
                m.code = armed.code if armed is not None else self._code_parts(parts, last_country, fallback)
            elif m.kind == "pronoun":
                self._resolve_pronoun(m, people, subjects, sent)
            if m.tok_start >= 0 and m.kind != "pronoun" and not m.nested and m.type != "PLACE":
                root = doc[m.tok_start:m.tok_end].root
                if root.dep_ in ANY_SUBJECTS:
                    subjects.append((sent.start if sent is not None else 0, m))
        # codes of persons whose title came after (apposition) or from a possessor
        self._speakers_only(home)
        for m in self.mentions:
            link = m._link
            if link is not None:
                self._finish_person(link)
                m.code, m.title = link.code, link.title
                m.type = "PERSON"

    def _state_body_sector(self, m: Mention) -> str | None:
        """The sector of a named body whose head word only a state's body has (``self.words.state_body_words``),
        with no place and no international opening ("the Bureau of Immigration"); else None."""
        if m.tok_start < 0:
            return None
        words = [t for t in self.doc[m.tok_start:m.tok_end] if t.lower_ != "the"]
        if not words or words[0].text in self.words.international_words or any(self.unit_of[t.i] is not None for t in words):
            return None
        head = next((t for t in words if t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "of"), words[-1])
        if head.lower_ not in self.words.state_body_words:
            return None
        sector = self.gaz.org_words.get(head.lower_, (None, ""))[0]
        return sector if sector not in (None, "-") else None

    def _speakers_only(self, home: str | None) -> None:
        """Private people asked for a view: a person of the home country named with no title, body, entry or
        description who only ever speaks (every mention by name is the subject of a reporting verb: "'It
        was unfair,' said X", "X told VOA") is the country's civilian: the article gives them no role but
        a voice. (Asking two such speakers in the article was measured too: one fewer right on the dev
        set, no wrong code fewer.)"""
        if home is None:
            return
        mentions: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.kind == "name" and m._link is not None and m._link.unplaced and m._link.code == home:
                mentions.setdefault(id(m._link), []).append(m)
        heads = {id(m._link): m._link for ms in mentions.values() for m in ms}
        speakers = [heads[k] for k, ms in mentions.items() if all(self._speaks(m) for m in ms)]
        for p in speakers:
            p.code = home + "CVL"
        for k, ms in mentions.items():
            sector = next((s for s in map(self._office_act, ms) if s is not None), None)
            if sector is not None and heads[k].code == home:
                heads[k].code = home + sector

    def _office_act(self, m: Mention) -> str | None:
        """The sector of an office whose act the mention does (data/modality.yaml office_acts): its subject
        ("A and B heard the appeal"), or its partner ("who heard the case along with A")."""
        tok = self.doc[m.tok_start:m.tok_end].root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        verb = None
        if tok.dep_ == "nsubj":
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lower_ in CO_AGENT_HEADS:
            verb = tok.head.head.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "alongside":
            verb = tok.head.head
        if verb is None or verb.pos_ != "VERB":
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"] + \
            [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return next((self.words.office_acts[(verb.lemma_.lower(), o.lemma_.lower())] for o in objects
                     if (verb.lemma_.lower(), o.lemma_.lower()) in self.words.office_acts), None)

    def _speaks(self, m: Mention) -> bool:
        """The mention is the subject of a reporting verb ("X said", "said X", "X told VOA")."""
        root = self.doc[m.tok_start:m.tok_end].root
        return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in self.words.speech_verbs

    def _named_body(self, m: Mention) -> Mention | None:
        """"the court", "the agency": the organisation named last whose name holds the noun, where the
        phrase says nothing else of whose it is."""
        parts = m._parts
        if m._det != "the" or parts is None or parts["entity"] is not None or parts["poss_person"] is not None \
                or m.tok_end - m.tok_start != 2 or self.doc[m.tok_end - 1].tag_ != "NN":
            return None
        return self._body_before(m._head, m.tok_start)

    def _body_before(self, noun: str, tok: int) -> Mention | None:
        """The organisation named last before token ``tok`` whose name holds ``noun`` ("Court")."""
        return next((b for b in reversed(self.mentions) if b.type == "ORG" and b.kind == "name" and b.code
                     and b.tok_end <= tok and noun in b.text.lower().split()), None)

    def _nicknames(self) -> list[tuple[list[str], list[str]]]:
        """Pairs of names the text gives as one person's: "Mohamed, known by his nickname
        Farmajo", "Ali, known as Bashir", "Smith, nicknamed Bud" (both found as names)."""
        doc = self.doc
        pairs = []
        for p in self.persons:
            k = self._nickname_start(p.end)
            q = self.person_of[k] if k is not None and k < len(doc) else None
            if q is not None and q is not p and q.start == k:
                pairs.append((_name_words(doc[p.start:p.end].text), _name_words(doc[q.start:q.end].text)))
        return pairs

    def _nickname_start(self, k: int) -> int | None:
        """After a name ending at token ``k``: where the other name of ", known by his
        nickname X" / ", nicknamed X" starts, or None."""
        doc = self.doc
        k += k < len(doc) and doc[k].text == ","
        if k < len(doc) and doc[k].lower_ in ("commonly", "widely", "popularly", "better", "also", "often"):
            k += 1  # "commonly known by ..."
        if k >= len(doc):
            return None
        word = doc[k].lower_
        if word == "known" and k + 1 < len(doc) and doc[k + 1].lower_ in ("as", "by"):
            k += 2
        elif word in self.words.nickname_verbs:
            k += 1
        else:
            return None
        if k < len(doc) and doc[k].lower_ in ("his", "her", "the", "their"):
            k += 1
        if k < len(doc) and doc[k].lower_ in self.words.nickname_nouns:
            k += 1
        return k

    def _nickname_head(self, words: list[str], people: list) -> "_Person | None":
        """The known person a name is another name of (see :meth:`_nicknames`)."""
        if self._nickname_pairs is None:
            self._nickname_pairs = self._nicknames()
        for a, b in self._nickname_pairs:
            for mine, other in ((a, b), (b, a)):
                if words[-len(mine):] != mine:
                    continue
                for cand in reversed(people):
                    cwords = _name_words(self.doc[cand.start:cand.end].text)
                    if cwords[-len(other):] == other:
                        return cand
        return None

    def _relative(self, p: _Person) -> bool:
        """A person the text introduces as someone's relative ("his son, X"; modality.yaml kinship_nouns)."""
        if p.title and p.title.lower().split()[-1] in self.words.kinship_nouns:
            return True
        k = p.start - 1
        if k >= 0 and self.doc[k].text == ",":
            k -= 1
        return k >= 0 and self.doc[k].lower_ in self.words.kinship_nouns

    def _non_relative(self, words: list[str], people: list) -> "_Person | None":
        """The latest person whose name ends in ``words`` and who is not introduced as a relative: a bare
        surname shared with relatives named as such is the main person's (news names relatives in full)."""
        for cand in reversed(people):
            cwords = _name_words(self.doc[cand.start:cand.end].text)
            if len(words) < len(cwords) and cwords[-len(words):] == words and not self._relative(cand):
                return cand
        return None

    def _link_person(self, p: _Person, by_name: dict, people: list) -> _Person:
        """The chain a person name belongs to: same full name, a known name ending in it,
        or a name the text gives as its nickname."""
        text = self.doc[p.start:p.end].text
        words = _name_words(text)
        head = by_name.get(text)
        if head is None and people:
            head = self._nickname_head(words, people)
        if head is None:
            for cand in reversed(people):
                cwords = _name_words(self.doc[cand.start:cand.end].text)
                if len(words) < len(cwords) and cwords[-len(words):] == words:
                    head = cand
                    if self._relative(cand):  # "X, his son, Y X": a bare "X" later is still the father
                        head = self._non_relative(words, people) or cand
                    break
                if len(words) > len(cwords) and words[-len(cwords):] == cwords and not cand.titled:
                    head = cand  # "Pedersen ... Geir Pedersen": the fuller name takes over below
                    break
        if head is None and len(words) == 1:
            head = self._family_name_head(words[0], people)
        if head is None:
            head = p
            by_name[text] = p
        elif head is not p:
            if len(words) > len(_name_words(self.doc[head.start:head.end].text)):
                by_name[text] = head
                head.fuller = text
            if p.titled and not head.titled:
                head.title, head.code, head.titled, head.sector = p.title, p.code, True, p.sector
                head.level = p.level
                head.entity_from = p.entity_from
            head.role_spans += [r for r in p.role_spans if r not in head.role_spans]
        if head in people:
            people.remove(head)
        people.append(head)
        self._chain[id(p)] = head
        return head

    def _family_name_head(self, word: str, people: list) -> "_Person | None":
        """"Xi Jinping ... Xi", "Kim Jong Un ... Kim": a lone name that opens a full name of two or three words
        is that person's family name where the name is written family name first (a person of a country that
        writes names so, or one the text gives no country), and no one named so far ends in it."""
        for cand in reversed(people):
            cwords = _name_words(self.doc[cand.start:cand.end].text)
            if 2 <= len(cwords) <= 3 and cwords[0] == word and (cand.code is None
                                                                 or cand.code[:3] in self.words.first_word_name_countries):
                return cand
        return None

    def _code_person(self, p: _Person, sent, home: str | None) -> None:
        """A person with a title of no stated country, or no title: an affiliation the text gives,
        then the actor files, memory and dictionary, then the sentence, then home."""
        if p.entity_from is not None and (id(p.entity_from) not in self._chain
                                          or self._chain[id(p.entity_from)].code):
            # the possessor's country ("Zelenskyy's chief of staff", "his wife"): _finish_person; also where the
            # possessor is read after this name ("Guterres' spokesman, X": the phrase opens at the possessor)
            return
        if p.poss_body is not None:  # "the court's president, Judge X": the court named before
            body = self._body_before(self.doc[p.poss_body.end - 1].lower_, p.poss_body.start)
            if body is not None:
                p.code = body.code
                return
        code = self._affiliation(p) or self._led_body(p)
        if code is not None:
            p.code = code
            p.level = None  # a body's office ("Governor X of the Bank of Ghana"), not a province's
            return
        name = p.fuller or self.doc[p.start:p.end].text
        entry = self._known(name, ("PERSON",))
        if entry is not None and entry.code_on(self.date):
            p.code = entry.code_on(self.date)
            if len(p.code) == 3 and p.sector and p.titled:  # the text gives the role, the entry the country
                p.code += p.sector
            p.title = p.title or entry.title
            p.from_memory = True
            return
        if not p.titled:
            # a full name with no role, no body and no entry: a person of the article's country, sector
            # unknown (about half of them are civilians; the rest officials the text does not title)
            nationality = self._nationality(p)
            if nationality is not None:  # "X and Y are second-generation Chagossians": private people
                p.code = nationality + "CVL"
            elif self._tied_country(p, home) is not None:  # "a French national, X"; "X from the Philippines"
                p.code = self._tied_country(p, home)
            elif home and self._home_share >= HOME_SHARE and len(_name_words(name)) >= 2 \
                    and not self._envoy_to(p, home):
                p.code = home + ("CVL" if self._aged(p) else "")  # "Peter Mwangi, 34,": a civilian
                p.unplaced = not self._aged(p)
            return
        tied = self._tied_country(p, home)
        if tied is not None:  # the text ties the person to another country than the article's
            p.code = tied + (p.sector or "")
            return
        if p.sector is None:
            if home and self._home_share >= HOME_SHARE_NO_SECTOR and len(_name_words(name)) >= 2 \
                    and not p.past_office:
                p.code = home  # "X, the deputy project director": a title of no sector, the country as untitled
            return
        if sent is not None:  # "Galuzin said Foreign Minister Sergey Lavrov will attend"; lists of titles
            for q in reversed(self.persons):
                if q.end <= p.start and q.start >= sent.start and q is not p:
                    chain = self._chain.get(id(q), q)
                    if chain.code and ":" not in chain.code and self._same_side(q, p) \
                            and not (chain.title and p.title and fold(chain.title) == fold(p.title)):
                        p.code = chain.code[:3] + p.sector
                        return
                    break
        # a title with no country: the article's own country, when it clearly is one
        share = self._home_share
        if home and p.sector in self.words.domestic_sectors and share >= HOME_SHARE:
            p.code = home + p.sector

    # -- affiliations: "X of the Y Institute", "X, a professor at Y", "Y's X" ---------------

    def _affiliation(self, p: _Person) -> str | None:
        """The code of the body a person is given to belong to, where the text names one.

        Read after the name (and inside a title before it: "a spokesperson for Y, X"):
        "of/at/with/from/for [the] Body" up to the next verb, quote or other person,
        and "Body's [title] X" before it. A body is a known organisation (its code),
        or a capitalised name holding an organisation word (data/org_words.tsv: its
        sector) whose country is a place in or after it ("the National University of
        Singapore", "Istanbul's Kadir Has University", "the Y Foundation in New
        Delhi"). No country, no code: the body is not guessed.
        """
        doc = self.doc
        sent_end = doc[p.start].sent.end
        start = p.cover_start if p.cover_start is not None else p.start
        k = p.end
        if k + 2 < sent_end and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an", "the"):
            u = self.unit_of[k + 2]  # "X, an Italian sinologist": X is Italian
            if u is not None and u.cat == "GEO" and u.kind == "adj" and u.start == k + 2 and ":" not in u.code:
                return u.code[:3] + (p.sector or "")
        if p.past_office:  # "former NATO chief X": the body in the title is no longer the person's
            start = p.start
        if start < p.start:  # "University of Melbourne professor X": a body's name, with its place, before the role
            code = self._body_code(start, p.start, p)
            if code is not None:
                return code
        windows = [(start, p.start), (p.end, min(sent_end, p.end + AFFILIATION_REACH))]
        for a, b in p.role_spans:  # "Ombongi is the former chair of ... at the University of Nairobi"
            windows.append((a, min(doc[a].sent.end, b + AFFILIATION_REACH)))
        for lo, hi in windows:
            k = lo
            while k < hi:
                t = doc[k]
                q = self.person_of[k]
                works = t.pos_ == "VERB" and self.gaz.org_word_kind(t.lemma_.lower()) == "works" \
                    and (k == p.end or doc[k - 1].lower_ == "who")
                if works:  # "X, who heads the Y Institute in Z", "X lectures on politics at the University of Z"
                    code = self._body_code(k + 1, t.sent.end, p) or self._role_body(k + 1, t.sent.end)
                    if code is not None:
                        return code
                    k += 1
                    continue
                if t.lemma_ == "be" and k > lo and doc[k - 1].lower_ in ("and", "but"):
                    k += 1  # "the former chair of X and is now dean at Y": the role goes on
                    continue
                if (q is not None and q is not p) or t.text in AFFILIATION_STOPS or \
                        (t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN"):
                    break
                if t.lower_ in AFFILIATION_PREPS:
                    code = self._body_code(k + 1, t.sent.end, p)
                    if code is not None:
                        return code
                k += 1
        if start >= 2 and doc[start - 1].text in POSSESSIVE:  # "the Hudson Institute's Jane Doe"
            j = start - 2
            while j > doc[start].sent.start and (doc[j - 1].is_title or doc[j - 1].lower_ in BODY_LINKS):
                j -= 1
            return self._body_code(j, start - 1, p)
        return None

    def _role_body(self, k: int, limit: int) -> str | None:
        """"who heads the Kenyan health ministry", "who runs Ghana's central bank": a body named by a role noun
        (roles.tsv, kind group) with its country before it; the code the role phrase has."""
        doc = self.doc
        j = k
        while j < limit and j - k < MAX_LEFT:
            u = self.unit_of[j]
            if u is not None and u.cat == "ROLE":
                if u.kind != "group" or doc[u.end - 1].tag_ in ("NNS", "NNPS"):
                    return None
                left = self._left(u.start - 1, k)
                return self._combine(left["entity"], u.code) if left["entity"] is not None else None
            if u is not None:
                j = u.end
            elif doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or doc[j].text in POSSESSIVE:
                j += 1
            else:
                return None
        return None

    def _led_body(self, p: _Person) -> str | None:
        """"the group is now led by X", "a militia headed by X": the person the body is led by (a verb of heading
        a body, org_words.tsv kind works, in the passive) takes the body's code, where the body is a coded group
        or organisation named before; a bare "the group" (armed_group_nouns) is the armed group named last."""
        doc = self.doc
        tok = doc[p.start:p.end].root
        if tok.dep_ != "pobj" or tok.head.lower_ != "by":
            return None
        verb = tok.head.head
        if verb.tag_ != "VBN" or self.gaz.org_word_kind(verb.lemma_.lower()) != "works":
            return None
        led = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "the group is led by X"
        if led is None and verb.dep_ == "acl":
            led = verb.head  # "a militia headed by X"
        if led is None:
            return None
        for m in self.mentions:
            if m.tok_start <= led.i < m.tok_end and m.kind in ("group", "name") and m.type in ("GROUP", "ORG") \
                    and m.code and not m._drop:
                return m.code
        if led.lemma_.lower() in self.words.armed_group_nouns and any(c.dep_ == "det" and c.lower_ in self.words.definite_dets for c in
                                                           led.children) and len(list(led.children)) == 1:
            armed = self._named_armed_group(led.i)  # a bare "the group is now led by X": the group named before
            return armed.code if armed is not None else None
        return None

    def _now_affiliation(self, p: _Person) -> str | None:
        """The body a person with a former title is "now" with: "X, a former defense minister who is now
        an analyst at the Y Institute in Z", "X, former ambassador, now heads the Y Foundation in Z"."""
        doc = self.doc
        for end in [p.end] + [b for _, b in p.role_spans]:
            sent_end = doc[end - 1].sent.end
            k = end
            while k < sent_end and k - end < 4 and doc[k].lower_ in NOW_LINKS:
                k += 1  # ", who is now", ", and now"
            if k >= sent_end or doc[k].lower_ != "now":
                continue
            for j in range(k + 1, min(sent_end, k + AFFILIATION_REACH)):
                t = doc[j]
                if t.text in AFFILIATION_STOPS or self.person_of[j] is not None:
                    break
                works = t.pos_ == "VERB" and self.gaz.org_word_kind(t.lemma_.lower()) == "works"
                if t.lower_ in AFFILIATION_PREPS or works:
                    code = self._body_code(j + 1, sent_end, None)
                    if code is not None:
                        return code
            return None
        return None

    def _body_code(self, k: int, limit: int, p: _Person | None) -> str | None:
        """The code of the body named from token ``k`` (see :meth:`_affiliation`), or None."""
        doc = self.doc
        words = self.gaz.org_words
        if k < limit and doc[k].lower_ == "the":
            k += 1
        seat = None  # "the Berlin-based Y Center": the seat the text gives, before any place inside the name
        u = self.unit_of[k] if k < limit else None
        if k < limit and u is not None and u.cat == "GEO" and u.end + 2 < limit and _based(doc, u.end):
            seat, k = u.code[:3], u.end + 2
        elif k + 3 < limit and _based(doc, k + 1) and doc[k].is_title:
            seat = self.gaz.city_country.get(doc[k].text)
            k = k + 3 if seat else k
        u = self.unit_of[k] if k < limit else None
        if u is not None and u.cat == "ORG" and u.start == k:
            return u.code
        geo = seat
        sector = found = None
        runs: list[tuple[int, int, str]] = []  # capitalised runs and the word before each
        end = k
        while end < limit and end - k < 12:
            t, u = doc[end], self.unit_of[end]
            if self.person_of[end] is not None:
                break
            if u is not None and u.cat == "GEO":
                if end == k or doc[end - 1].lower_ not in ("on", "for", "against", "and"):
                    geo = geo or u.code[:3]  # "Alliance on China": the subject, not the seat
                end = u.end
                continue
            if u is not None and u.cat == "ORG":
                return u.code if ":" in u.code or len(u.code) > 3 else None
            linked = t.lower_ in BODY_LINKS and end + 1 < limit and \
                (doc[end + 1].is_title or doc[end + 1].lower_ == "the")
            if t.is_title or (t.is_upper and len(t) > 1) or t.text in POSSESSIVE or t.text == "-" or linked \
                    or (t.lower_ == "the" and end > k and doc[end - 1].lower_ in BODY_LINKS):
                w = words.get(t.lower_)
                if w is not None and w[1] == "body" and found is None and t.is_title:
                    found, sector = t.lower_, w[0]
                if t.is_title:
                    if runs and runs[-1][1] == end:
                        runs[-1] = (runs[-1][0], end + 1, runs[-1][2])
                    else:
                        runs.append((end, end + 1, doc[end - 1].lower_ if end > 0 else ""))
                end += 1
                continue
            break
        if found is None:
            return self._labelled_code(end, limit)
        if geo is None:  # a city named where a place goes: "Istanbul's ...", "University of Nairobi"
            for a, b, before in runs:
                after = doc[b].text if b < len(doc) else ""
                if before in ("of", "in") or after in POSSESSIVE:
                    geo = self.gaz.city_country.get(doc[a:b].text)
                    if geo:
                        break
        if geo is None:  # ", a think tank in Ankara", "in New Delhi"
            j = end
            if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an") and \
                    self.unit_of[j + 2] is not None and self.unit_of[j + 2].cat == "GEO":
                j = len(doc)  # "the Y Foundation, a Thai rights group": the apposition's country
                geo = self.unit_of[end + 2].code[:3]
            while j < min(len(doc), end + 8) and doc[j].text not in AFFILIATION_STOPS and doc[j].pos_ not in ("VERB", "AUX"):
                if doc[j].lower_ == "in" and j + 1 < len(doc):
                    u = self.unit_of[j + 1]
                    if u is not None and u.cat == "GEO":
                        geo = u.code[:3]
                    else:
                        b = j + 1
                        while b < len(doc) and doc[b].is_title:
                            b += 1
                        geo = self.gaz.city_country.get(doc[j + 1:b].text) if b > j + 1 else None
                    break
                j += 1
        if geo is None:
            return self._stateless_code(k, end, sector)
        return geo + (sector or (p.sector if p is not None else None) or "")

    def _labelled_code(self, k: int, limit: int) -> str | None:
        """"of the Dutch think tank Lumenhuis": the code of a body named after its label (see
        :meth:`_labelled_body`) a few lower-case words or role nouns on from ``k``, read from its label phrase."""
        doc = self.doc
        j = k
        while j < limit and j - k < 6 and j not in self.labelled and \
                (doc[j].is_lower or (self.unit_of[j] is not None and self.unit_of[j].cat == "ROLE")):
            j += 1
        if j >= limit or j not in self.labelled:
            return None
        m = next((m for m in self.mentions if m.tok_start == j and m.kind == "name" and m._parts is not None), None)
        if m is None:
            return None
        return m.code or self._code_parts(m._parts, None, None)

    def _stateless_code(self, k: int, end: int, sector: str | None) -> str | None:
        """A body of a sector that needs no country (``self.words.stateless_sectors``) whose name gives no place: named as
        international ("the World Lumen Foundation"), ``NGO:`` + the acronym printed after it or else the
        initials of its capitalised words (NGO:WLF; of two words, the first: "the Birchwood Foundation" ->
        NGO:BIRCHWOOD); else the home country's (KENNGO), with no home country
        ``NGO:`` + its acronym. None for other sectors, and for a name holding a place, a city or a document word
        ("the Extended Fund Program")."""
        doc = self.doc
        if sector not in self.words.stateless_sectors:
            return None
        if doc[k].lower_ == "the":
            k += 1
        span = doc[k:end]
        if any(self.unit_of[t.i] is not None or t.ent_type_ in ("GPE", "NORP") or t.text in self.gaz.cities
               or self.gaz.org_word_kind(t.lower_) == "document" for t in span):
            return None
        words = [t for t in span if (t.is_title or t.is_upper) and t.is_alpha]
        if len(words) < 2:
            return None
        if words[0].text not in self.words.international_words:
            home = self._early_home()
            if home is not None:
                return home + sector
            if sector not in ACRONYM_SECTORS or words[0].text in self.words.national_words:
                return None
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].is_upper and doc[end + 2].text == ")":
            return "NGO:" + doc[end + 1].text
        if len(words) == 2:  # "the Birchwood Foundation": its one own word
            return "NGO:" + words[0].text.upper()
        return "NGO:" + "".join(t.text[0].upper() for t in words)

    def _early_home(self) -> str | None:
        """The home country as the mentions read so far give it, when it holds at least ``HOME_SHARE``."""
        if self._home_early is None:
            home = self._home_country()
            self._home_early = (home if home is not None and self._home_share >= HOME_SHARE else "",)
        return self._home_early[0] or None

    def _same_side(self, q: _Person, p: _Person) -> bool:
        """``q`` lists ``p`` with it ("Sybiha; Defense Minister Umerov") or speaks of it ("Galuzin said Foreign
        Minister Lavrov ...")."""
        start = p.cover_start if p.cover_start is not None else p.start
        between = self.doc[q.end:start]
        if all(t.text in (",", ";", "-", "–") or t.lower_ == "and" for t in between):
            return True
        return len(between) <= 2 and any(t.lemma_ in self.words.statement_verbs for t in between) and \
            any(t.dep_ in ANY_SUBJECTS and q.start <= t.i < q.end for t in self.doc[q.start:q.end])

    def _finish_person(self, p: _Person) -> None:
        if p.code is None and p.entity_from is not None:
            src = self._chain.get(id(p.entity_from), p.entity_from)
            if src.code and ":" not in src.code:
                p.code = src.code[:3] + (p.sector or "")
            elif src.code:
                p.code = src.code

    def _code_parts(self, parts: dict, last_country: Mention | None, fallback: str | None) -> str | None:
        unit, sector = parts["entity"], parts["sector"]
        if unit is not None:
            return self._combine(unit, sector)
        if parts["poss_person"] is not None:
            src = self._chain.get(id(parts["poss_person"]), parts["poss_person"])
            if src.code:
                return self._combine(entity(src.code), sector)
            return None
        if parts["country_ref"] and last_country is not None:
            return self._combine(last_country.code, sector)
        if fallback:
            return self._combine(fallback, sector)
        return None

    def _title_antecedent(self, m: Mention, people: list[_Person], code: str | None) -> _Person | None:
        """"the ambassador": the last person whose title holds the same head noun (and entity)."""
        head = m._head
        for p in reversed(people):
            if p.title and head in p.title.lower().split():
                if code is None or p.code is None or p.code[:3] == code[:3]:
                    return p
        offices = self.words.generic_title_heads.get(head or "")
        if offices and code is not None:  # "the Israeli leader": the last Israeli prime minister named
            for p in reversed(people):
                office = fold(p.title or "").split(" to ")[0].split(" of ")[0]  # "representative to the U.N."
                if p.code and p.code[:3] == code[:3] and not office.startswith("former") and \
                        any(office == o or office.endswith(" " + o) for o in offices):
                    return p
        return None

    def _resolve_pronoun(self, m: Mention, people: list[_Person], subjects: list, sent) -> None:
        low = m.text.lower()
        doc = self.doc
        floor = _sent_back(doc, sent, PRONOUN_REACH if low in PERSON_PRONOUNS else 1)
        if low in PERSON_PRONOUNS:
            for s_start, cand in reversed(subjects):
                if s_start >= floor and cand._link is not None:
                    m._link = cand._link
                    return
            if people and people[-1].start >= floor:
                m._link = people[-1]
                return
            m._drop = True
            return
        want = ("COUNTRY", "ORG") if low == "it" else ("GROUP",)
        for s_start, cand in reversed(subjects):
            if s_start < floor or s_start == sent.start and cand.tok_end > m.tok_start:
                continue
            # "it" is also a body named by a singular noun ("Somalia's government", "the Kenyan army")
            single = low == "it" and cand.type == "GROUP" and cand.tok_end > 0 and doc[cand.tok_end - 1].tag_ == "NN"
            if (cand.type in want or single) and cand.code and cand.kind in ("name", "group"):
                m.type, m.code, m._same = cand.type, cand.code, cand
                return
            break
        m._drop = True

    # -- 5. canonical actors ------------------------------------------------------

    def _build_actors(self) -> None:
        doc = self.doc
        actors: list[Actor] = []
        key_of: dict = {}
        acting: set = set()
        named: set = set()  # keys of persons named in the text with a title of their own
        for m in self.mentions:
            link = m._link
            same = m._same
            if link is not None:
                key = ("P", id(link))
                name = link.fuller or doc[link.start:link.end].text
                typ = "PERSON"
                if link.titled and not link.from_memory:
                    named.add(key)
            elif same is not None:
                key = same._key
                name, typ = same.text, same.type
            elif m.type == "PERSON" and m.kind == "title":
                key, name, typ = ("T", m.start), m.text, "PERSON"
            elif m.kind == "region":
                key, name, typ = ("R", m.text), m.text, "COUNTRY"
            elif m.type in ("COUNTRY", "PLACE"):
                if not m.code:
                    continue
                key = ("C", entity(m.code))
                name, typ = self.gaz.display.get(key[1], m.text), "COUNTRY"
            elif m.kind == "group":
                key = ("G", m.code, m._head)
                name, typ = m._label or m.text, "GROUP"
            elif m.code and ":" in m.code:  # an international body: one actor per code
                key = ("O", m.code)
                name, typ = self.gaz.org_display.get(m.code, m.text), m.type
            else:
                key = ("O", m.code, m.text)
                name, typ = m.text, m.type
            if key is None:
                continue
            m._key = key
            actor = key_of.get(key)
            if actor is None:
                level = link.level if link is not None else m._level if same is None else same._level
                actor = Actor(id=len(actors), name=name, type=typ, code=m.code, title=m.title, level=level)
                actors.append(actor)
                key_of[key] = actor
            elif typ == "PERSON" and len(name) > len(actor.name):
                actor.name = name
            if actor.code is None and m.code:
                actor.code = m.code
            if m.type != "PLACE" and not (typ == "GROUP" and not m.code and m.kind == "group"):
                acting.add(actor.id)  # places and unplaced common nouns ("companies") are not listed
            m.actor_id = actor.id
            m.name = actor.name
            if m.text not in actor.mentions:
                actor.mentions.append(m.text)
            actor.spans.append(Span(text=m.text, start=m.start, end=m.end))
        self._named = {key_of[k].id for k in named}
        keep = [a for a in actors if a.id in acting]
        renumber = {a.id: n for n, a in enumerate(keep)}
        for a in keep:
            a.id = renumber[a.id]
        self._named = {renumber[i] for i in self._named if i in renumber}
        for m in self.mentions:
            m.actor_id = renumber.get(m.actor_id)
            if m.actor_id is not None:
                m.code = keep[m.actor_id].code if m.type in ("PERSON",) else m.code
        self.actors = keep

    def remember(self, into: ActorMemory) -> None:
        """Teach ``into`` the persons this article named and coded from their titles (not from memory)."""
        for actor in self.actors:
            if actor.id in self._named and actor.code and actor.title and len(actor.name.split()) >= 2:
                into.learn(actor.name, actor.code, actor.title, self.date)


def _based(doc, k: int) -> bool:
    """"-based", "-born" after token ``k - 1``: the place is part of a description."""
    return k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].lower_ in ("based", "born", "headquartered")


def _name_words(text: str) -> list[str]:
    """A name's words for matching surnames: "Bashar al-Assad" -> ["bashar", "al", "assad"]."""
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower())


def _sent_back(doc, sent, n: int) -> int:
    """The start token of the sentence ``n`` sentences before ``sent`` (or of the doc)."""
    if sent is None:
        return 0
    start = sent.start
    for _ in range(n):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _end_char(doc, tok_end: int) -> int:
    tok = doc[tok_end - 1]
    return tok.idx + len(tok.text)


# -- the interface later stages use ----------------------------------------------------

def mentions_in(art: Article, start: int, end: int) -> list[Mention]:
    """The actor mentions that lie inside ``[start, end)`` (places included)."""
    mentions = art.mentions
    out = []
    for k in range(bisect_left(mentions, start, key=lambda m: m.start), len(mentions)):
        m = mentions[k]
        if m.start >= end:
            break
        if m.end <= end:
            out.append(m)
    return out


def _acting(art: Article, start: int, end: int) -> list[Mention]:
    return [m for m in mentions_in(art, start, end) if m.type != "PLACE" and m.kind != "modifier"]


def _ref(art: Article, m: Mention, start: int, end: int) -> ActorRef:
    return ActorRef(text=art.text[start:end], name=m.name, code=m.code, actor_id=m.actor_id,
                    start=start, end=end)


def _head_mentions(art: Article, start: int, end: int) -> list[Mention]:
    """The mentions heading ``[start, end)``: the one holding the span's root, else ones not under a preposition."""
    inside = _acting(art, start, end)
    if not inside:
        return []
    doc = art.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return inside[:1]
    root = span.root
    holding = [m for m in inside if m.tok_start <= root.i < m.tok_end]
    if holding:
        return [max(holding, key=lambda m: (m.end - m.start, -m.start))]
    free, by_agent, under_of = [], [], []
    for m in inside:
        if m.tok_start < 0:
            continue
        tok = doc[m.tok_start:m.tok_end].root
        path = []
        while tok.i != root.i and tok.head.i != tok.i and span.start <= tok.head.i < span.end:
            path.append(tok)
            tok = tok.head
        preps = [t for t in path if t.dep_ in ("prep", "agent")]
        clauses = [t for t in path if t.dep_ in ("relcl", "acl", "advcl", "ccomp")]
        if preps and preps[-1].dep_ == "agent" and all(t.dep_ in ("acl", "agent", "pobj", "compound", "appos")
                                                        for t in path):
            by_agent.append(m)  # "a letter issued by the ambassador": its author
        elif clauses:
            continue
        elif not preps:
            free.append(m)
        elif all(t.lower_ == "of" for t in preps):
            under_of.append(m)
    return free[:1] or by_agent[:1] or under_of[:1]


def ref_for(art: Article, start: int, end: int) -> ActorRef | None:
    """The actor heading ``[start, end)`` ("Russia's ambassador to Tokyo" -> RUSGOV), or None."""
    heads = _head_mentions(art, start, end)
    return _ref(art, heads[0], start, end) if heads else None


def refs_for(art: Article, start: int, end: int) -> list[ActorRef]:
    """Every actor of a compound subject or object ("the United States and NATO" -> two refs)."""
    heads = _head_mentions(art, start, end)
    if not heads:
        return []
    out = [heads[0]]
    doc = art.doc
    first = heads[0]
    if doc is not None and first.tok_start >= 0:
        root = doc[first.tok_start:first.tok_end].root
        by_tok = {}
        for m in _acting(art, start, end):
            for i in range(m.tok_start, m.tok_end):
                by_tok.setdefault(i, m)
        todo = list(root.children)
        while todo:
            tok = todo.pop(0)
            if tok.dep_ == "conj" and start <= tok.idx < end:
                m = by_tok.get(tok.i)
                if m is not None and m not in out:
                    out.append(m)
                todo.extend(tok.children)
    refs = []
    for m in out:
        refs.append(ActorRef(text=m.text, name=m.name, code=m.code, actor_id=m.actor_id,
                             start=m.start, end=m.end))
    if len(refs) == 1:
        refs[0] = _ref(art, first, start, end)
    return refs
