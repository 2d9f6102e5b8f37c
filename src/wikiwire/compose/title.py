"""The article title, by the naming convention for event articles: "<year> <place> <event type>".

"2023 Homs drone strike", "2023 Herat earthquakes". The place is the most specific settled
place that reads as a name (city, else region, else country); the event type is the kind's
noun, plural when the kind has one and the reports speak of several events.

A named structure that failed gives its name to the article instead, without a year, as
encyclopedias title such events: "Francis Scott Key Bridge collapse", not "2024 Baltimore
bridge collapse".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wikiwire.records import AnalysedSource, EventFacts
from wikiwire.taxonomy import Kind, kind_for

__all__ = ["event_place", "is_plural", "make_title"]

# Administrative words dropped from a region in a title ("Herat Province" -> "Herat"), as
# event titles do ("2023 Herat earthquakes", not "2023 Herat Province earthquakes").
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:Province|Governorate|District|Region|County|Oblast|Prefecture|State|Department|Municipality)$",
    re.IGNORECASE,
)
# How many more sentences must use the plural than the singular before the title does. A
# single plural mention ("earthquakes are common here") must not make one event several.
PLURAL_MARGIN = 1


def event_place(facts: EventFacts, analysed: Sequence[AnalysedSource] = ()) -> str | None:
    """The place a title names: city, else (for an attack) the district the reports name,
    else region (without "Province"), else country. An attack is named after the narrowest
    place ("2023 Bajaur bombing", not the province); a disaster's district is often only its
    epicentre, so a disaster goes from city to region.

    With the reports (``analysed``), a city or region is named only as some report writes
    it: a gazetteer's name no report uses ("Jeollanam-do" where reports say "South Jeolla")
    gives way to the next wider place. The country is always nameable."""
    location = facts.get("location").value
    if not isinstance(location, dict):
        display = facts.get("location").display
        return display.split(",")[0].strip() or None if display else None
    kind = kind_for(facts.kind) if facts.kind else None
    keys = ("city_as_written", "city", "district", "region", "country") if kind and kind.category == "attack" else (
        "city_as_written", "city", "region", "country")
    for key in keys:
        value = location.get(key)
        if isinstance(value, str) and value.strip():
            name = _ADMIN_SUFFIX.sub("", value.strip())
            if key != "country" and analysed and not _written(name, analysed):
                continue
            return name
    return None


def _written(name: str, analysed: Sequence[AnalysedSource]) -> bool:
    """True when some report (headline or text) writes ``name`` as a word."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    return any(pattern.search(a.source.title or "") or pattern.search(a.source.text) for a in analysed)


def _nouns(kind: Kind) -> tuple[str, str | None]:
    """The singular and plural nouns a title uses for ``kind``."""
    if kind.title_noun:
        return kind.title_noun, kind.title_plural
    return kind.noun, kind.plural


def is_plural(kind: Kind, analysed: Sequence[AnalysedSource]) -> bool:
    """True when the kind has a plural noun and the reports speak of several events: at
    least ``MIN_COUNTING_SOURCES`` reports count them ("a pair of earthquakes", "five
    powerful earthquakes"), or the plural outnumbers the singular."""
    noun, plural_noun = _nouns(kind)
    if not plural_noun:
        return False
    plural = re.compile(rf"\b{re.escape(plural_noun)}\b", re.IGNORECASE)
    singular = re.compile(rf"\b{re.escape(noun)}\b(?!s)", re.IGNORECASE)
    counted = re.compile(rf"\b(?:{_COUNT})\s+(?:[\w.-]+\s+){{0,3}}?{re.escape(plural_noun)}\b", re.IGNORECASE)
    if kind.category == "attack":
        # An attack at several sites is several attacks ("2015 Paris attacks", "2023 Lewiston
        # shootings"): "at two locations", "another shooting at" count them too.
        counted = re.compile(
            rf"{counted.pattern}|{_SITES}|\banother\s+{re.escape(noun)}\s+(?:at|in)\b", re.IGNORECASE
        )
    n_plural = n_singular = counting = 0
    for source in analysed:
        counts_here = False
        for sentence in source.sentences:
            n_plural += len(plural.findall(sentence.text))
            n_singular += len(singular.findall(sentence.text))
            counts_here = counts_here or bool(counted.search(sentence.text))
        counting += counts_here
    return counting >= MIN_COUNTING_SOURCES or n_plural >= n_singular + PLURAL_MARGIN


# Words that count events ("two earthquakes", "a series of earthquakes").
_COUNT = r"two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|a pair of|a series of|twin|a string of"
# Several sites named as such ("at two locations", "three separate venues").
_SITES = r"\b(?:two|three|four|five|several|multiple)\s+(?:separate\s+|different\s+)?(?:locations|sites|venues)\b"
# Reports that must count the events before the title calls them several: one report's
# "two earthquakes" may be a slip or a different pair; two independent ones are not.
MIN_COUNTING_SOURCES = 2


# Kinds whose article is titled after the structure that failed, with the word that follows
# its name.
NAMED_STRUCTURE_KINDS: dict[str, str] = {"bridge collapse": "collapse", "building collapse": "collapse", "dam failure": "failure"}
# Lower-case words a structure's proper name may hold ("Bridge of Sighs", "Tower of London").
_NAME_PARTICLES = frozenset({"of", "the", "and", "de", "la", "del"})
# Fewer words than this do not make a structure's name ("Bridge" alone is not one).
MIN_STRUCTURE_NAME_WORDS = 2


def structure_name(facts: EventFacts, kind: Kind) -> str | None:
    """The venue's proper name when the event is the failure of a named structure (see
    NAMED_STRUCTURE_KINDS): "Francis Scott Key Bridge". None otherwise."""
    if kind.key not in NAMED_STRUCTURE_KINDS:
        return None
    location = facts.get("location").value
    venue = location.get("venue") if isinstance(location, dict) else None
    if not isinstance(venue, str):
        return None
    words = venue.split()
    if len(words) < MIN_STRUCTURE_NAME_WORDS or words[0].lower() in _NAME_PARTICLES:
        return None
    if all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return venue
    return None


def _year(facts: EventFacts) -> str | None:
    value = facts.get("date").value
    text = value if isinstance(value, str) else facts.get("date").display
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", text or "")
    return m.group(1) if m else None


# "<Airline> Flight <number>": encyclopedias title a scheduled flight's accident by the
# flight, not by year and place ("Jeju Air Flight 2216"). The airline is one to four
# capitalised words; the number has one to five digits.
_FLIGHT = re.compile(r"\b((?:[A-Z][\w&'’-]*\s+){1,4})[Ff]light\s+(?:No\.?\s*)?([A-Z]{0,2}\d{1,5})\b")
# Words that start a sentence or name the plane, not the airline ("The flight", "Boeing").
_NOT_AIRLINE = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "passenger", "cargo", "domestic",
                          "international", "boeing", "airbus", "embraer", "bombardier", "atr", "when", "after", "on", "in"})
# Reports that must name the same flight before the title does: one report's slip is not a
# name.
MIN_FLIGHT_SOURCES = 2
# Kinds titled by the flight when the reports name one.
FLIGHT_KINDS = frozenset({"aviation accident"})


def flight_name(analysed: Sequence[AnalysedSource]) -> str | None:
    """The flight ("Jeju Air Flight 2216") most reports name, if MIN_FLIGHT_SOURCES do."""
    votes: dict[str, set[str]] = {}
    spelling: dict[str, str] = {}
    for source in analysed:
        for text in (source.source.title or "", *(s.text for s in source.sentences)):
            for m in _FLIGHT.finditer(text):
                words = m.group(1).split()
                while words and words[0].lower() in _NOT_AIRLINE:
                    words = words[1:]
                if not words:
                    continue
                airline = " ".join(words)
                key = f"{airline.casefold()} {m.group(2)}"
                votes.setdefault(key, set()).add(source.source.id)
                spelling.setdefault(key, f"{airline} Flight {m.group(2)}")
    if not votes:
        return None
    best = max(votes, key=lambda k: (len(votes[k]), -len(k)))
    return spelling[best] if len(votes[best]) >= MIN_FLIGHT_SOURCES else None


# A place name the reports put before the event's noun ("the Nepal earthquake", "Wayanad
# landslides", "Greece train crash"): up to three capitalised words, then at most one
# lower-case word ("restaurant") before the noun.
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*[\w]\s+){1,3})(?:[a-z]+\s+)?$")
# Reports that must call the event by the same place name before the title uses it, and the
# share of all such namings it must have: the spelling most reports use, not one headline's.
MIN_NAMING_SOURCES = 2
NAMING_SHARE = 0.4
# Words that are never a place name even when capitalised before the noun.
_NOT_PLACE = frozenset({"the", "a", "an", "deadly", "massive", "powerful", "strong", "major", "latest", "new", "fatal",
                        "tragic", "devastating", "huge", "twin", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday", "breaking", "live", "update", "updates", "watch", "photos", "video",
                        # Counts open sentences ("Two trains collided"), and a site's section
                        # label opens headlines ("World Greece train crash").
                        "two", "three", "four", "five", "several", "multiple", "many", "both", "another",
                        "world", "news"})


def _locative(name: str) -> re.Pattern[str]:
    """``name`` used as a place: "in Tempe", "near the town of Tempe", "struck Jajarkot"."""
    return re.compile(
        rf"\b(?:in|near|at|outside|hit|struck|rocked|jolted|shook)\s+(?:the\s+(?:town|city|village|district|area|region|province)\s+of\s+)?"
        rf"{re.escape(name)}\b(?![-'’]|\s+[A-Z])"
    )


def reported_naming(analysed: Sequence[AnalysedSource], kind: Kind, country: str | None) -> tuple[str, bool] | None:
    """The place name most reports put before the event's noun ("Nepal earthquake"), when
    it names a place: the gazetteer knows it by that very name (in ``country``, when given;
    a demonym such as "Russian" is no place), or MIN_NAMING_SOURCES reports use it as a place
    ("near Tempe"). Returns (name, whether those namings use the plural noun more often than
    the singular: "Wayanad landslides"), or None when no name has MIN_NAMING_SOURCES reports
    and NAMING_SHARE of the namings."""
    from wikiwire import gazetteer
    from wikiwire.facts.kinds import _KIND_PATTERNS, match_kinds

    pattern = next((p for k, p in _KIND_PATTERNS if k.key == kind.key), None)
    if pattern is None:
        return None
    votes: dict[str, set[str]] = {}
    plural: dict[str, int] = {}
    for source in analysed:
        # The headline names the event most often ("Death toll rises in Nepal earthquake").
        texts = [source.source.title or "", *(s.text for s in source.sentences)]
        for text in texts:
            if not any(m.kind.key == kind.key for m in match_kinds(text)):
                continue
            for m in pattern.finditer(text):
                before = _NAME_BEFORE.search(text[: m.start()])
                if not before:
                    continue
                words = before.group(1).split()
                while words and words[0].lower() in _NOT_PLACE:
                    words = words[1:]
                if not words or any(w.lower() in _NOT_PLACE for w in words):
                    continue
                name = re.sub(r"['’]s$", "", " ".join(words))
                votes.setdefault(name, set()).add(source.source.id)
                plural[name] = plural.get(name, 0) + (1 if m.group(0).lower().endswith("s") else -1)
    if not votes:
        return None
    total = sum(len(v) for v in votes.values())
    gaz = gazetteer.get()
    for name in sorted(votes, key=lambda n: -len(votes[n])):
        n = len(votes[name])
        if n < MIN_NAMING_SOURCES or n < NAMING_SHARE * total:
            return None
        place = gaz.lookup(name)
        if place is not None:
            if place.name.casefold() != name.casefold() and place.kind == "country":
                continue  # a demonym or an abbreviation, not the name reports give the place
            if country and place.country != country and not (place.kind == "country" and place.name == country):
                continue
            return name, plural[name] > 0
        pattern = _locative(name)
        if sum(1 for a in analysed if any(pattern.search(s.text) for s in a.sentences)) >= MIN_NAMING_SOURCES:
            return name, plural[name] > 0
    return None


def _wider_than(name: str, facts: EventFacts) -> bool:
    """True when ``name`` is the region or country of the event's settled city ("Maine" for
    Lewiston): the title keeps the city, the narrower name."""
    location = facts.get("location").value
    if not isinstance(location, dict) or not location.get("city"):
        return False
    folded = name.casefold()
    return any(isinstance(location.get(k), str) and folded in str(location[k]).casefold() for k in ("region", "country"))


def make_title(facts: EventFacts, kind: Kind, analysed: Sequence[AnalysedSource] = ()) -> str:
    """The title for the event: "<year> <place> <noun>", leaving out the parts not known, or
    "<structure> collapse" for a named structure that failed (``structure_name``).

    Takes the reconciled facts, the event's taxonomy kind and the analysed sources (to tell
    one event from several). Never empty: with nothing known it is the kind's noun,
    capitalised.
    """
    structure = structure_name(facts, kind)
    if structure:
        return f"{structure} {NAMED_STRUCTURE_KINDS[kind.key]}"
    flight = flight_name(analysed) if kind.key in FLIGHT_KINDS else None
    if flight:
        return flight
    singular, plural = _nouns(kind)
    noun = plural if plural and is_plural(kind, analysed) else singular
    location = facts.get("location").value
    country = location.get("country") if isinstance(location, dict) else None
    naming = reported_naming(analysed, kind, country if isinstance(country, str) else None)
    place = event_place(facts, analysed)
    frame = facts.frame
    if (kind.category == "disaster" and frame is not None and frame.place.get("country")
            and not frame.place.get("city") and not frame.place.get("region")):
        # A disaster whose ledes settle no city or region is named after its country, as
        # encyclopedias do ("2023 Nepal earthquake"), not after a region a few reports name.
        place = frame.place["country"]
        if frame.place.get("also_country"):
            place = f"{place}–{frame.place['also_country']}"  # "2023 Turkey–Syria earthquakes"
    if naming and not _wider_than(naming[0], facts):
        place = naming[0]
        if naming[1] and plural:
            noun = plural
    parts = [p for p in (_year(facts), place, noun) if p]
    title = " ".join(parts)
    return title[:1].upper() + title[1:]
