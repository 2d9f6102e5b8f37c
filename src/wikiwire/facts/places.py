"""Location claims: where the event happened (venue, city, region, country, coordinates, zone).

Each sentence's place names (spaCy GPE/LOC entities, resolved with ``wikiwire.gazetteer``)
are grouped into chains ("Lewiston, Maine", "Syria's Homs", "Herat province in
Afghanistan"), each chain completed from the gazetteer (a city's region and country,
coordinates, IANA zone) and given a venue when one is named with it (a FAC entity, an
organisation named like a facility, "the X bowling alley", or "the military academy in
Homs", which Wikipedia calls "Homs Military Academy").

One claim per chain. The weight says how likely the chain is the event's own place: it
combines the sentence's position, how near the event's own noun or verb it is (``dates.
EventCues``: "the strike in Homs" beats a town named in a sentence about the retaliation),
and penalties for datelines (where the reporter filed from) and for vaguer places (a
country alone). A place given as a reference point ("40 km northwest of Herat", "near
Herat") yields its region, not the city (no region when it is far: "380 km north of Athens").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from wikiwire import gazetteer
from wikiwire.captions import is_photo_caption
from wikiwire.facts.claim import claim_in
from wikiwire.facts.dates import EventCues, event_cues, position_factor
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.gazetteer import Place
from wikiwire.records import AnalysedSource, Claim, Sentence

__all__ = ["Place", "extract", "is_country", "lookup"]

# Labels whose text may name a place the gazetteer knows.
PLACE_LABELS = frozenset({"GPE", "LOC"})
# spaCy's small model often labels foreign place names as organisations, nationalities or
# people ("Herat" as NORP, "Homs" as ORG): such a text counts as a place only when it is a
# place's own name in a country the report names.
# People's names are left out: too many surnames are towns ("Moore"). And only places big
# enough to be news by name.
MISLABELLED = frozenset({"ORG", "NORP", "FAC"})
MISLABELLED_MIN_POPULATION = 50_000
# ...except a "person" the sentence puts somewhere as a place: right after "in", "near", "the
# outskirts of", "the town of" or a region's possessive ("Bajaur's Khar"), a town of the
# report's countries at least this big ("on the outskirts of Khar", tagged PERSON) is the town.
LOCATIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:in|near|outside|(?:the\s+)?outskirts\s+of|(?:the\s+)?(?:town|city|village)\s+of)|[A-Z][\w-]+['’]s)\s+$"
)
PERSON_AS_PLACE_MIN_POPULATION = 5_000
# A small town outside every country the report names is more likely a false match ("Zenda"
# for part of "Zenda Jan") than the event's place; big cities abroad are kept.
OUTSIDE_CONTEXT_MIN_POPULATION = 100_000
# A region word right after or before a name makes it the region ("Herat province",
# "the province of Herat").
REGION_AFTER_RE = re.compile(r"^\s+(?P<word>province|governorate|region|state|oblast|prefecture)\b", re.IGNORECASE)
REGION_BEFORE_RE = re.compile(r"\b(?P<word>province|governorate|region|state|oblast|prefecture)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Labels whose text may name a venue.
VENUE_LABELS = frozenset({"FAC", "ORG", "PERSON"})

# Last words that make a name a venue or facility ("Schemengees Bar & Grille").
FACILITY_WORDS = frozenset(
    {
        "academy", "college", "university", "school", "hospital", "clinic", "airport", "stadium",
        "arena", "mall", "market", "hotel", "mosque", "church", "cathedral", "synagogue", "temple",
        "shrine", "station", "bar", "grille", "grill", "restaurant", "cafe", "café", "club",
        "nightclub", "theater", "theatre", "cinema", "center", "centre", "plaza", "base", "prison",
        "barracks", "lanes", "recreation", "tower", "building", "port", "harbor", "harbour", "dam",
        "mine", "factory", "plant", "refinery", "camp", "square", "park", "bridge", "tunnel",
        "highway", "embassy", "consulate", "compound", "palace", "concert", "festival",
    }
)
# Words of a venue name that does not name one venue by itself ("Military Academy"): such a
# name is completed with its city ("Homs Military Academy").
GENERIC_VENUE_WORDS = FACILITY_WORDS | frozenset(
    {
        "military", "national", "central", "general", "public", "main", "police", "army", "naval",
        "air", "force", "state", "city", "regional", "medical", "memorial", "community",
        "international",
    }
)
# Facilities named in English after their city ("the military academy in Homs" -> "Homs
# Military Academy"): institutions of which a city has one of each kind, with a modifier.
INSTITUTION_RE = re.compile(
    r"\b(?:the|a|an)\s+(?P<mods>(?:[A-Za-z]+\s+){1,2})(?P<noun>academy|college|university|hospital|airport|stadium|prison|barracks)"
    r"\s+(?:in|at|of)\s+(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?(?:[A-Z]\w+(?:'s|’s)\s+)?$",
    re.IGNORECASE,
)
# "at the Just-In-Time Recreation bowling alley", "at Schemengees Bar": a proper name right
# before a generic facility noun.
NAMED_FACILITY_RE = re.compile(
    r"\b(?:at|inside|into|on|near)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’&.-]*\s+){1,5})"
    r"(?:bowling\s+alley|bar|restaurant|nightclub|club|mosque|church|synagogue|school|hospital|market|mall|hotel|stadium|supermarket|store|concert|festival)\b"
)
# What may stand between a venue and the place it lies in: "the X bowling alley in
# Lewiston", "X, Baltimore", "Baltimore's X".
VENUE_BEFORE_PLACE_RE = re.compile(r"^\s*(?:\([^)]{0,20}\)\s*)?(?:,|\b(?:in|at|near|of|outside)\b)?\s*(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$")
VENUE_AFTER_PLACE_RE = re.compile(r"^(?:'s|’s)?\s*(?:the\s+)?$")
# A possessive before a venue name is its place, not part of its name ("Baltimore's").
POSSESSIVE_RE = re.compile(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s)\s+")

# What may stand between two names of one chain: ", ", " (", "'s ", " in ", " in the
# province of ", compass words ("Homs (central Syria)").
CONNECTOR_RE = re.compile(
    r"^(?:[\s,(’']|'s\b|’s\b|\b(?:in|of|the|city|town|province|state|region|governorate|district|county|central"
    r"|north\w*|south\w*|east\w*|west\w*)\b)*$",
    re.IGNORECASE,
)
# A place given as a reference point: the event was near it, not in it.
REFERENCE_POINT_RE = re.compile(
    r"(?:\b\d[\d,.]*\s*(?:km|kilometers?|kilometres?|miles?|mi)\s*\(?[^)]{0,30}\)?\s*(?:\w+\s+)?of\s+"
    r"|\b(?:near|outside|off)\s+"
    # "north of Athens", "south-west of the capital": a direction from a place is not in it.
    r"|\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+)"
    r"(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
# A place given as a reference point lies in the reference city's region when it is near
# it ("near", "outside", "off") or within this many km: about the radius of a province or
# oblast; a bare direction ("north of Athens") or a longer distance may lie in another region.
REFERENCE_REGION_MAX_KM = 50.0
KM_PER_MILE = 1.609
_NEAR_WORD_RE = re.compile(r"\b(?:near|outside|off)\s", re.IGNORECASE)
_DISTANCE_RE = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>km|kilomet\w*|mi\w*)", re.IGNORECASE)


def _near(reference: str) -> bool:
    """True when a reference-point phrase ("40 km northwest of ") puts the place near it."""
    if _NEAR_WORD_RE.search(reference):
        return True
    m = _DISTANCE_RE.search(reference)
    if m is None:
        return False
    km = float(m.group("n").replace(",", "")) * (KM_PER_MILE if m.group("unit").lower().startswith("mi") else 1.0)
    return km <= REFERENCE_REGION_MAX_KM


# A dateline: "BEIRUT:", "LEWISTON, Maine —", "ANKARA (AA) -".
DATELINE_AFTER_RE = re.compile(r"^\s*(?:\([^)]{0,40}\)\s*)?(?:[-–—:]|\(\w)")

# Weight factors (calibrated together with those in ``dates``).
# Where the reporter filed from, not necessarily where it happened.
DATELINE_FACTOR = 0.3
# A country alone or a region alone is true of the event but vaguer than a city: it should
# not outvote a city named as often.
COUNTRY_ONLY_FACTOR = 0.6
REGION_ONLY_FACTOR = 0.8
# A misspelling guessed by fuzzy matching is less certain than an exact name.
FUZZY_FACTOR = 0.8
# A venue named with no place in its sentence: placed in the report's main place.
VENUE_ONLY_FACTOR = 0.8
# A venue we composed from "the military academy in Homs" rather than read as a name.
COMPOSED_VENUE_FACTOR = 0.8
# The event's country is the one a report names most; a place in another country named in
# the same report is usually a comparison, an ally or a reaction ("after tremors in Turkey").
OTHER_COUNTRY_FACTOR = 0.5
# Claims below this weight are noise for every reconciliation rule.
MIN_WEIGHT = 0.08
# At most this many claims from one sentence: a list of towns shelled is one statement.
MAX_PER_SENTENCE = 3


def lookup(name: str) -> Place | None:
    """The place ``name`` most likely means (see ``gazetteer.lookup``), or None."""
    return gazetteer.lookup(name)


def is_country(name: str) -> bool:
    """True when ``name`` is (a common name of) a country."""
    return _is_country(gazetteer.get(), name)


# Casualties and times ask this of every place named in every sentence; the gazetteer is
# part of the key (held, so compared by identity safely).
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _is_country(gaz: gazetteer.Gazetteer, name: str) -> bool:
    place = gaz.lookup(name)
    return place is not None and place.kind == "country"


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    place: Place
    fuzzy: bool = False
    text: str = ""


@dataclass(frozen=True)
class _Chain:
    start: int
    end: int
    mentions: tuple[_Mention, ...]

    def most(self, kind: str) -> Place | None:
        return next((m.place for m in self.mentions if m.place.kind == kind), None)


def _context_countries(source: AnalysedSource) -> tuple[str, ...]:
    """ISO codes of the countries a report names (directly or through a region or city),
    most named first; ties go to the country named first."""
    gaz = gazetteer.get()
    counts: Counter[str] = Counter()
    for sentence in source.sentences:
        for ent in sentence.entities:
            if ent.label in PLACE_LABELS:
                code = _country_code(gaz, ent.text)
                if code:
                    counts[code] += 1
    return tuple(code for code, _ in counts.most_common())


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _country_code(gaz: gazetteer.Gazetteer, name: str) -> str | None:
    """ISO code of the country of the place ``name`` most likely means, if any."""
    place = gaz.lookup(name)
    return place.country_code if place is not None else None


def _resolve(gaz: gazetteer.Gazetteer, label: str, name: str, countries: tuple[str, ...]) -> tuple[Place | None, bool]:
    """(place, found by fuzzy matching) for one entity, by the label rules above."""
    if label in PLACE_LABELS:
        place = gaz.lookup(name, countries)
        if place is None and label == "GPE":
            fuzzy = gaz.fuzzy(name, countries)
            return fuzzy, fuzzy is not None
        return place, False
    own = [
        p
        for p, primary in gaz.candidates(name)
        if primary and p.country_code in countries and (p.kind != "city" or p.population >= MISLABELLED_MIN_POPULATION)
    ]
    return (max(own, key=lambda p: p.population), False) if own else (None, False)


# A venue named to say where the event was *not* quite ("near Taksim Square", "a street that
# leads to the square", "next to the station") is a landmark for the reader, not the venue.
VENUE_REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:near|nearby|close\s+to|next\s+to|not\s+far\s+from|adjacent\s+to|opposite|leads?\s+to|leading\s+to|"
    r"towards?|a\s+short\s+walk\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
REFERENCE_VENUE_FACTOR = 0.3


def _landmark(text: str, venue_start: int) -> bool:
    """True when the venue at ``venue_start`` is named as a landmark (VENUE_REFERENCE_BEFORE_RE)."""
    return VENUE_REFERENCE_BEFORE_RE.search(text[max(0, venue_start - 30) : venue_start]) is not None


def _person_as_place(gaz: gazetteer.Gazetteer, name: str, countries: tuple[str, ...]) -> Place | None:
    """The town a locative "person" names (see LOCATIVE_BEFORE_RE), or None."""
    if not countries:
        return None
    own = [
        p for p, primary in gaz.candidates(name)
        if primary and p.kind == "city" and p.country_code in countries and p.population >= PERSON_AS_PLACE_MIN_POPULATION
    ]
    return max(own, key=lambda p: p.population) if own else None


def _entity_fields(sentence: Sentence) -> tuple[tuple[str, str, int, int], ...]:
    """(label, text, start, end) of the sentence's entities: all the helpers below read."""
    return tuple((e.label, e.text, e.start, e.end) for e in sentence.entities)


def _mentions(sentence: Sentence, countries: tuple[str, ...]) -> list[_Mention]:
    return list(_mentions_of(gazetteer.get(), sentence.text, _entity_fields(sentence), countries))


# Gazetteer look-ups per place name are the cost here; a sentence repeated across reports
# (with the same entities and the same countries in context) resolves to the same mentions.
# The gazetteer is part of the key (held, so compared by identity safely).
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _mentions_of(gaz: gazetteer.Gazetteer, text: str, entities: tuple[tuple[str, str, int, int], ...],
                 countries: tuple[str, ...]) -> tuple[_Mention, ...]:
    out: list[_Mention] = []
    for label, ent_text, ent_start, ent_end in entities:
        if label == "PERSON" and LOCATIVE_BEFORE_RE.search(text[max(0, ent_start - 30) : ent_start]):
            place, fuzzy = _person_as_place(gaz, ent_text, countries), False
        elif label not in PLACE_LABELS and label not in MISLABELLED:
            continue
        else:
            place, fuzzy = _resolve(gaz, label, ent_text, countries)
        if place is None:
            continue
        start, end = ent_start, ent_end
        after = REGION_AFTER_RE.match(text[end:])
        before = REGION_BEFORE_RE.search(text[:start])
        if place.kind == "city" and (after or before):
            word = (after or before).group("word")  # type: ignore[union-attr]
            region = gaz.lookup(f"{ent_text} {word}", (place.country_code or "",))
            if region is not None and region.kind == "region":
                place = region
                end = end + after.end() if after else end
        if (
            countries
            and place.country_code not in countries
            and (place.kind == "region" or (place.kind == "city" and place.population < OUTSIDE_CONTEXT_MIN_POPULATION))
        ):
            continue
        out.append(_Mention(start, end, place, fuzzy, ent_text))
    return tuple(out)


def _contains(outer: Place, inner: Place) -> bool:
    if outer.kind == "country":
        return inner.country_code == outer.country_code and inner.kind != "country"
    if outer.kind == "region":
        return inner.kind == "city" and inner.country_code == outer.country_code and inner.region in (None, outer.name)
    return False


def _refit(mention: _Mention, outer: Place) -> _Mention:
    """Re-resolve a name inside ``outer`` ("Lewiston, Idaho" is not Lewiston, Maine)."""
    if _contains(outer, mention.place):
        return mention
    candidates = [p for p, _ in gazetteer.get().candidates(mention.text) if _contains(outer, p)]
    if not candidates:
        return mention
    return replace(mention, place=max(candidates, key=lambda p: p.population))


def _chains(text: str, mentions: Sequence[_Mention]) -> list[_Chain]:
    chains: list[list[_Mention]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if chains:
            last = chains[-1][-1]
            if CONNECTOR_RE.match(text[last.end : mention.start]):
                # Either order: "Lewiston, Maine" (inner first) or "Syria's Homs" (outer first).
                refit = _refit(last, mention.place)
                if _contains(mention.place, refit.place):
                    chains[-1][-1] = refit
                    chains[-1].append(mention)
                    continue
                refit = _refit(mention, last.place)
                if _contains(last.place, refit.place):
                    chains[-1].append(refit)
                    continue
        chains.append([mention])
    return [_Chain(c[0].start, c[-1].end, tuple(c)) for c in chains]


def _value(chain: _Chain, text: str) -> dict[str, object]:
    city = chain.most("city")
    region = chain.most("region")
    country = chain.most("country")
    anchor_place = city or region or country or chain.mentions[0].place
    reference = REFERENCE_POINT_RE.search(text[: chain.start]) if city is not None else None
    if city is not None and reference is not None:
        # "40 km northwest of Herat": in the city's region, not in the city; "380 km north of
        # Athens" or "north of Athens" says nothing of the region.
        near = city.region and _near(reference.group(0))
        city_region = gazetteer.get().lookup(city.region, (city.country_code or "",)) if near and city.region else None
        region = region or city_region
        city = None
    region_name = region.name if region is not None else (city.region if city is not None else None)
    tz = next((p.tz for p in (city, region, country, anchor_place) if p is not None and p.tz), None)
    # How the report spells the city when the gazetteer transliterates it otherwise ("Larissa"
    # for GeoNames' "Larisa"): titles and the infobox use the reports' spelling.
    written = next((m.text for m in chain.mentions if city is not None and m.place == city), None)
    spelling = written if written and written != city.name and written[:1].isupper() and not _ABBREVIATION.match(written) else None  # type: ignore[union-attr]
    value: dict[str, object] = {
        "venue": None,
        "city": city.name if city is not None else None,
        "region": region_name,
        "country": country.name if country is not None else anchor_place.country,
        "lat": city.lat if city is not None else None,
        "lon": city.lon if city is not None else None,
        "tz": tz,
    }
    if spelling:
        value["city_as_written"] = spelling
    # And the region as the report writes it, when the chain names it by one of its own names
    # ("Donetsk region"; not "Baltimore County", which names a county of the region's city):
    # reconcile shows the name most reports write.
    written_region = next((m.text for m in chain.mentions if region is not None and m.place == region), None)
    if written_region and region is not None:
        written_region = POSSESSIVE_END_RE.sub("", written_region)
        if _names_region(written_region, region) and written_region[:1].isupper() and not _ABBREVIATION.match(written_region):
            value["region_as_written"] = written_region
    return value


def _names_region(written: str, region: Place) -> bool:
    """True when ``written`` (administrative words aside) is one of ``region``'s own names."""
    key = gazetteer.admin_key(written)
    return bool(key) and any(p == region for p, _ in gazetteer.get().candidates(key))


# A possessive after a name ("Enga province's") is no part of it.
POSSESSIVE_END_RE = re.compile(r"(?:'s|’s|')$")
# All-capital forms (datelines: "KYIV") and short abbreviations are no spelling to adopt.
_ABBREVIATION = re.compile(r"^(?:[A-Z]{2,}|[A-Z][a-z]?\.?)$")


def _display(value: dict[str, object]) -> str:
    return ", ".join(str(value[k]) for k in ("venue", "city", "region", "country") if value.get(k))


# Names that end like a facility ("... Seismological Centre", "... Monitoring Center",
# "... Research Institute") but are agencies that measure or report the event, never where it
# happened.
AGENCY_WORDS_RE = re.compile(
    r"\b(?:seismolog\w*|geolog\w*|geophysic\w*|meteorolog\w*|survey|monitoring|research|"
    r"ministry|agency|authority|department|office|commission|council|institute|observatory|"
    r"service|operations|emergency|press|news|media|information|statistics|command)\b",
    re.IGNORECASE,
)
# Where the wounded were taken, treated or died is not where the event happened: a hospital
# (or clinic) is the venue only when nothing before it says the victims were brought there.
CARE_FACILITY_RE = re.compile(r"\b(?:hospital|clinic|infirmary|medical (?:center|centre))\b", re.IGNORECASE)
BROUGHT_TO_RE = re.compile(
    r"\b(?:to|taken|treated|admitted|transferred|transported|rushed|evacuated|airlifted|hospitali[sz]ed|"
    r"died|dies|succumbed|recovering|receiving treatment|being treated)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


# A hospital that receives, treats or speaks ("X Hospital received 45 wounded", "... said")
# is where the wounded went, not where the event happened.
CARE_AFTER_RE = re.compile(
    r"^[^.;]{0,12}?\b(?:alone\s+)?(?:has\s+|had\s+|have\s+|was\s+|were\s+)?"
    r"(?:received|receiving|treated|treating|admitted|took in|taken in|said|says|reported|confirmed|spokes\w+|director)\b",
    re.IGNORECASE,
)


# A job title inside a name ("Medical Superintendent of District Headquarters Hospital") makes
# it a person's post, said to introduce a speaker, not a place.
ROLE_IN_NAME_RE = re.compile(
    r"\b(?:superintendent|director|chief|spokes(?:man|woman|person)|minister|officer|secretary|commissioner|"
    r"chairman|chairwoman|president|governor|mayor|head)\s+(?:of|at)\b",
    re.IGNORECASE,
)


def _not_a_venue(text: str, name: str, start: int) -> bool:
    """True when ``name`` (at ``start`` in ``text``) is an agency, or a hospital the victims
    were brought to or that received them, rather than the place of the event."""
    if AGENCY_WORDS_RE.search(name) or ROLE_IN_NAME_RE.search(name):
        return True
    if not CARE_FACILITY_RE.search(name):
        return False
    after = text[start + len(name):] if text[start : start + len(name)] == name else text[start:].split(name, 1)[-1]
    return bool(BROUGHT_TO_RE.search(text[:start]) or CARE_AFTER_RE.match(after))


# A name the parser took for a facility, followed by a gathering it held ("at the Jamiat
# ... workers' convention", "at the Labour Party rally"), is an organiser, not a venue; a name
# headed by a facility word keeps its place ("the Homs Military Academy graduation ceremony").
GATHERING_AFTER_RE = re.compile(
    r"^(?:['’]s?)?\s*(?:\([^)]{0,20}\)\s*)?(?:[\w'’-]+\s+){0,2}?(?:convention|rally|rallies|gathering|meeting|conference|congress|"
    r"ceremony|wedding|funeral|march|protest|procession|celebration|campaign|event)\b",
    re.IGNORECASE,
)


def _venues(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Venues named in a sentence: (start, end, name)."""
    return list(_venues_of(sentence.text, _entity_fields(sentence)))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _venues_of(text: str, entities: tuple[tuple[str, str, int, int], ...]) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    for label, ent_text, ent_start, ent_end in entities:
        if label not in VENUE_LABELS:
            continue
        name = POSSESSIVE_RE.sub("", re.sub(r"^(?:the|a|an)\s+", "", ent_text.strip(), flags=re.IGNORECASE))
        words = name.split()
        if not words or not name[:1].isupper():
            continue
        # An organisation or (mislabelled) person counts only when named like a facility.
        if label == "FAC" or words[-1].lower() in FACILITY_WORDS:
            if _not_a_venue(text, name, ent_start):
                continue
            if words[-1].lower() not in FACILITY_WORDS and GATHERING_AFTER_RE.match(text[ent_end:]):
                continue  # "the X party's workers' convention": who held the gathering, not where
            out.append((ent_start, ent_end, name))
    for m in NAMED_FACILITY_RE.finditer(text):
        name = m.group("name").strip()
        if _not_a_venue(text, name + " " + m.group(0).split()[-1], m.start("name")):
            continue
        if not any(s <= m.start("name") < e for s, e, _ in out):
            out.append((m.start("name"), m.start("name") + len(name), name))
    return tuple(sorted(out))


def _venue_in(name: str, city: object) -> str:
    """A venue's name as it goes with its city: a generic name gets the city ("Military
    Academy" -> "Homs Military Academy"); a city said before a proper name is dropped
    ("Baltimore Key Bridge" -> "Key Bridge")."""
    words = name.split()
    if not city:
        return name
    if all(w.lower() in GENERIC_VENUE_WORDS for w in words):
        return f"{city} {name}"
    if len(words) > 1 and words[0] == city and not all(w.lower() in GENERIC_VENUE_WORDS for w in words[1:]):
        return " ".join(words[1:])
    return name


def _composed_venue(text: str, chain: _Chain) -> str | None:
    """ "the military academy in Homs" -> "Homs Military Academy" (see INSTITUTION_RE)."""
    city = chain.most("city")
    m = INSTITUTION_RE.search(text[: chain.start])
    if city is None or m is None:
        return None
    mods = [w for w in m.group("mods").split() if w.islower() or m.group("mods").istitle()]
    if not mods:
        return None
    name = " ".join([city.name, *(w.capitalize() for w in mods), m.group("noun").capitalize()])
    # "taken to the main hospital in Khar": where the wounded went, as for a named venue.
    return None if _not_a_venue(text, m.group(0), m.start()) else name


def _is_dateline(text: str, chain: _Chain) -> bool:
    if chain.start > 2:
        return False
    head = text[chain.start : chain.mentions[0].end]
    return head.isupper() or bool(DATELINE_AFTER_RE.match(text[chain.end :]))


def _specificity(value: dict[str, object]) -> float:
    if value["city"] or value["venue"]:
        return 1.0
    return REGION_ONLY_FACTOR if value["region"] else COUNTRY_ONLY_FACTOR


# A place on a journey's route ("a train travelling from Athens to Thessaloniki", "a flight
# from Bangkok") is where the travellers came from or went, not where the event happened.
ROUTE_BEFORE_RE = re.compile(
    r"(?:\bfrom\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?"
    r"|\bfrom\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:,\s*[A-Z][\w'’-]*)?\s+(?:to|for|towards|bound\s+for)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:city\s+of\s+)?"
    r"|\b(?:bound|headed|heading|en route)\s+(?:for|to)\s+(?:the\s+)?"
    # Where survivors, the wounded or the bodies were taken is not where it happened: the port
    # a shipwreck's survivors reached, the city whose hospitals took the wounded.
    r"|\b(?:brought|taken|transferred|transported|rushed|evacuated|airlifted|flown|ferried|moved|carried)\s+"
    r"(?:back\s+)?(?:to|into)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:port|harbou?r|city|town|capital|hospitals?)\s+(?:of|in)\s+)?(?:[a-z]+\s+){0,2})$"
)
ROUTE_FACTOR = 0.2
# The city of the hospitals that treat the wounded ("still being treated at hospitals in X",
# "visited the wounded at a hospital in X", "airlifted to hospitals in the provincial capital
# X") is where the care is, not the event: a care word in the words before "hospital(s) in".
# An attack on a hospital ("a missile hit a hospital in X") has no care word and keeps its place.
CARE_CITY_BEFORE_RE = re.compile(
    r"\b(?:treated|treating|treatment|admitted|hospitali[sz]ed|transferred|transported|taken|brought|rushed|"
    r"evacuated|airlifted|flown|visit(?:ed|ing)?|died|succumbed)\b[^.;]{0,90}?"
    r"\b(?:hospitals?|clinics?|medical (?:centers?|centres?))\s+(?:in|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
# A photo caption places the photo ("... carries the wounded to a hospital following the
# blast, in X, Pakistan"), often where the wounded were taken, not the event.
CAPTION_FACTOR = 0.2
# Characters before a place searched for such a care phrase: "one person died at the X
# Hospital in A, four at the Y Hospital in B" puts B ninety characters after its care word.
CARE_WINDOW = 140


def _chain_weight(
    sentence: Sentence, chain: _Chain, value: dict[str, object], cues: EventCues, countries: tuple[str, ...]
) -> float:
    weight = position_factor(sentence.index) * cues.proximity(sentence.text, chain.start, chain.end)
    before = sentence.text[max(0, chain.start - CARE_WINDOW) : chain.start]
    if ROUTE_BEFORE_RE.search(before[-80:]) or CARE_CITY_BEFORE_RE.search(before):
        weight *= ROUTE_FACTOR
    if countries and chain.mentions[0].place.country_code != countries[0]:
        weight *= OTHER_COUNTRY_FACTOR
    weight *= _specificity(value)
    if _is_dateline(sentence.text, chain):
        weight *= DATELINE_FACTOR
    if is_photo_caption(sentence.text):
        weight *= CAPTION_FACTOR
    if any(m.fuzzy for m in chain.mentions):
        weight *= FUZZY_FACTOR
    return weight


def _longest_venue(name: str, known: Sequence[str]) -> str:
    """The fullest form of a venue the report uses ("Key Bridge" -> "Francis Scott Key Bridge")."""
    words = name.lower().split()
    fuller = [k for k in known if len(k) > len(name) and k.lower().split()[-len(words) :] == words]
    return max(fuller, key=len) if fuller else name


def extract(source: AnalysedSource) -> list[Claim]:
    """Location claims stated in ``source``, one per place chain (module docstring).

    Value {"venue", "city", "region", "country", "lat", "lon", "tz"}, missing parts None;
    ``tz`` is the IANA zone of the most specific part that has one; "city_as_written" and
    "region_as_written" when the report writes them (see ``_value``).
    """
    countries = _context_countries(source)
    cues = event_cues(source)
    pending: list[tuple[Sentence, dict[str, object], float]] = []
    orphans: list[tuple[Sentence, str, float]] = []
    venue_names: list[str] = []
    for sentence in source.sentences:
        text = sentence.text
        venues = _venues(sentence)
        venue_names += [v for _, _, v in venues]
        chains = _chains(text, _mentions(sentence, countries))
        used: set[int] = set()
        found: list[tuple[dict[str, object], float]] = []
        for chain in chains:
            value = _value(chain, text)
            weight = _chain_weight(sentence, chain, value, cues, countries)
            near = [
                (i, v)
                for i, v in enumerate(venues)
                if (v[1] <= chain.start and VENUE_BEFORE_PLACE_RE.match(text[v[1] : chain.start]))
                or (v[0] >= chain.end and VENUE_AFTER_PLACE_RE.match(text[chain.end : v[0]]))
            ]
            composed = _composed_venue(text, chain)
            if near:
                used.add(near[0][0])
                value["venue"] = _venue_in(near[0][1][2], value["city"])
                if _landmark(text, near[0][1][0]):
                    weight *= REFERENCE_VENUE_FACTOR
            elif composed:
                value["venue"] = composed
                weight *= COMPOSED_VENUE_FACTOR
            found.append((value, weight))
        for i, (start, end, name) in enumerate(venues):
            if i not in used:
                weight = position_factor(sentence.index) * cues.proximity(text, start, end) * VENUE_ONLY_FACTOR
                if _landmark(text, start):
                    weight *= REFERENCE_VENUE_FACTOR
                orphans.append((sentence, name, weight))
        found.sort(key=lambda vw: -vw[1])
        pending += [(sentence, value, weight) for value, weight in found[:MAX_PER_SENTENCE]]

    # Venues with no place in their sentence lie in the report's main place.
    if orphans and pending:
        main = max(pending, key=lambda p: p[2])[1]
        for sentence, name, weight in orphans:
            pending.append((sentence, {**main, "venue": _venue_in(name, main["city"])}, weight))

    claims: list[Claim] = []
    for sentence, value, weight in pending:
        if value.get("venue"):
            value["venue"] = _longest_venue(str(value["venue"]), venue_names)
        if weight < MIN_WEIGHT:
            continue
        claims.append(claim_in(source, sentence, "location", value, _display(value), weight))
    return claims
