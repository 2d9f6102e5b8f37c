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
from wikiwire.taxonomy import Kind

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


def event_place(facts: EventFacts) -> str | None:
    """The place a title names: city, else region (without "Province"), else country."""
    location = facts.get("location").value
    if not isinstance(location, dict):
        display = facts.get("location").display
        return display.split(",")[0].strip() or None if display else None
    for key in ("city", "region", "country"):
        value = location.get(key)
        if isinstance(value, str) and value.strip():
            return _ADMIN_SUFFIX.sub("", value.strip())
    return None


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
    singular, plural = _nouns(kind)
    noun = plural if plural and is_plural(kind, analysed) else singular
    parts = [p for p in (_year(facts), event_place(facts), noun) if p]
    title = " ".join(parts)
    return title[:1].upper() + title[1:]
