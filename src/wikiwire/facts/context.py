"""Extract ``part_of`` claims: the wider conflict or series a report puts the event in.

Recognised phrasings (no list of conflicts: the names come from the text):

- a named civil war: "the Yemeni civil war", "Yemen's civil war", "the civil war in Yemen"
  -> value "Yemeni civil war", display "the Yemeni civil war";
- a war or conflict in a country: "the war in Yemen", "Yemen's 12-year war", "the conflict
  in Yemen" -> value "war in Yemen", display "the war in Yemen";
- a named insurgency or conflict: "the Kashmir insurgency", "the Israeli-Palestinian
  conflict" -> as written;
- a named invasion: "the Russian invasion of Ukraine", "Russia's full-scale invasion of
  Ukraine" -> value "Russian invasion of Ukraine" (the invader's adjective from the report);
- a country the repeated target of attacks ("X has been the frequent target of attacks",
  "X was hit by a series of bomb attacks"), when the report calls its attack terrorism ->
  "terrorism in X";
- a national series of attacks of the event's kind: "the latest mass shooting in the US",
  "the tenth-deadliest shooting in U.S. history", "the latest in a string of stabbings in
  France" -> value and display "mass shootings in the United States" (no article: that is
  how the series is named).

Internal wars are civil wars. A war named only by its country ("the war in Syria",
"Syria's 12-year war", "the conflict in Syria", "Syria has been at war") is that country's
civil war when the same report describes the war as internal: it began from protests, an
uprising or a revolt against a president, the government or the regime, or it is fought
between the government (regime, army) and rebels (the opposition, insurgents), which a
report also says by naming territory held by them ("opposition-held areas"). Such a war is
claimed as "the <Demonym> civil war" (the demonym from the report's NORP entities, as
above), the name encyclopaedias use, with the "war in X" wording kept as supporting text.
A war between states ("the war in Ukraine" against an invasion) gets no such cue and keeps
its "war in X" name.

Display choice: wars and conflicts take "the" (Wikipedia's "Part of the Yemeni civil war"
reads from it); series do not ("Part of mass shootings in the United States").

The country's adjective ("Yemeni" for "Yemen") is taken from the report's own NORP
entities (spaCy's nationalities), so no demonym table is needed; without one the "war in
X" form is used. Background sentences are exactly where context is stated, so the weight
does not decay with position; it is lowered when the report is not about an attack
(disasters are rarely "part of" a war, though reports recall wars nearby).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import pycountry

from wikiwire.facts.claim import claim_in
from wikiwire.facts.kinds import dominant_kind, match_kinds
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.prefilter import Needles, required_needles
from wikiwire.records import AnalysedSource, Claim, Sentence
from wikiwire.taxonomy import kind_for

__all__ = ["civil_war_adjective", "country_name", "extract", "internal_war"]

# Weights by phrasing: a named civil war or conflict is explicit; "the war in X" names the
# setting loosely; a series ranking ("deadliest in U.S. history") states membership.
NAMED_WEIGHT = 1.0
WAR_IN_WEIGHT = 0.7
SERIES_WEIGHT = 0.85
# Reports on disasters and accidents mention wars as background, not as what the event is
# part of.
NON_ATTACK_FACTOR = 0.3
# Retaliation sentences name the same war, so they need no penalty here.

_NAME = r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?"
_DURATION = r"(?:\d+|[a-z]+)[- ]year(?:s)?(?:[- ]old|[- ]long)?\s+|(?:long-running|ongoing|brutal|bloody|devastating|protracted)\s+"
_CIVIL_WAR = (
    re.compile(rf"\b(?P<adj>{_NAME})\s+civil war\b"),
    re.compile(rf"\b(?P<country>{_NAME})['’]s\s+(?:{_DURATION})*civil war\b"),
    re.compile(rf"\bcivil war in\s+(?P<country>{_NAME})"),
)
_WAR_IN = (
    re.compile(rf"\b(?:the\s+)?(?:{_DURATION})*(?:war|conflict|fighting)\s+in\s+(?P<country>{_NAME})"),
    re.compile(rf"\b(?P<country>{_NAME})['’]s\s+(?:{_DURATION})*(?:war|conflict)\b"),
)
_AT_WAR = re.compile(rf"\b(?P<country>{_NAME})\s+(?:has|had)\s+been\s+(?:at war|in a state of war)\b")
# The report describes its war as internal: an uprising against the country's rulers, or a
# war between the government and rebels (module docstring). Checked only in sentences that
# speak of the war.
_INTERNAL_WAR = re.compile(
    r"\b(?:protests?|uprising|revolt|rebellion|revolution|demonstrations?)\b[^.;]{0,40}?\bagainst\s+"
    r"(?:the\s+)?(?:(?:country['’]s\s+)?(?:President|Prime Minister|government|regime|ruler|rulers|leader|king|"
    r"dictator|president)\b)"
    r"|\bbetween\s+(?:the\s+)?(?:government|regime|army|state|military)(?:\s+forces)?\s+and\s+(?:the\s+)?"
    r"(?:[A-Z][\w\-]*\s+)?(?:rebels?|opposition|insurgents?|armed groups|militias?)\b"
    r"|\b(?:rebels?|opposition|insurgents?)\s+(?:fighting|fought|battling)\s+(?:the\s+)?(?:government|regime|army)\b",
)
# Territory held by an armed opposition ("opposition-held areas", "rebel-held towns"): the
# government fights rebels inside its own country, whichever sentence says so.
_ARMED_OPPOSITION = re.compile(r"\b(?:rebel|opposition|insurgent)[- ](?:held|controlled)\b", re.IGNORECASE)
_WAR_WORD = re.compile(r"\b(?:war|conflict|fighting)\b", re.IGNORECASE)
_NAMED_CONFLICT = re.compile(
    r"\bthe\s+(?P<name>[A-Z][\w'’\-–]+(?:\s+[A-Z][\w'’\-–]+){0,2})\s+(?P<what>conflict|insurgency|uprising|war)\b"
)
_SERIES = (
    re.compile(
        r"\b(?:latest|deadliest|worst|(?:\w+-)(?:deadliest|worst)|most lethal)\b(?:\s+[\w-]+){0,2}?\s+in\s+"
        r"(?:the\s+)?(?P<place>U\.S\.|US|USA|United States|America|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
        r"(?:['’]s)?\s*(?P<when>history|this year|in (?:recent )?(?:years|decades|memory))?"
    ),
    re.compile(
        r"\blatest in an?\s+(?:long\s+)?(?:string|series|spate|wave|line|list)\s+of\s+[\w -]{3,40}?\s+in\s+"
        r"(?:the\s+)?(?P<place>U\.S\.|US|USA|United States|America|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    ),
)
# A named invasion: "the Russian invasion of Ukraine", "Russia's full-scale invasion of
# Ukraine". Named by the invader's adjective, as encyclopedias name such wars.
_INVASION = re.compile(
    r"\b(?:(?P<invader>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)['’]s|(?P<adj>[A-Z][\w\-]+))\s+(?:(?:full-scale|large-scale|unprovoked|ongoing)\s+)?"
    rf"invasion\s+of\s+(?P<country>{_NAME})"
)
# A country that is the repeated target of terror attacks ("X has been the frequent target of
# attacks by militants", "X was hit by a series of deadly bomb attacks"): encyclopedias file
# an attack there under "terrorism in X" when the reports call it terrorism (``_TERROR``).
_TARGET_OF_ATTACKS = (
    re.compile(
        rf"\b(?P<place>{_NAME})\s+(?:has|had)\s+(?:long\s+)?been\s+(?:the\s+|a\s+)?(?:\w+\s+)?target\s+of\s+"
        r"(?:[\w-]+\s+){0,2}(?:attacks|bombings)\b"
    ),
    re.compile(
        rf"\b(?P<place>{_NAME})\s+(?:has\s+been|had\s+been|was|were)\s+(?:hit|rocked|struck|targeted)\s+by\s+an?\s+"
        r"(?:series|spate|wave|string)\s+of\s+(?:[\w-]+\s+){0,3}(?:attacks|bombings)\b"
    ),
)
_TERROR = re.compile(r"\bterror(?:ism|ist)?\b", re.IGNORECASE)
# Weight of "terrorism in X": a setting the reports imply rather than name.
TERRORISM_WEIGHT = 0.6
# Words one of which every match of the war patterns holds (``prefilter``): most
# sentences name no war at all.
_WAR_NEEDLES = Needles.union(*map(required_needles, (*_CIVIL_WAR, *_WAR_IN, _AT_WAR, _NAMED_CONFLICT, _INVASION)))
_US = frozenset({"U.S.", "US", "USA", "United States", "America"})
# Words that look like names at a sentence start but are not countries or adjectives.
_NOT_NAMES = frozenset({"The", "This", "That", "A", "An", "Its", "Their", "His", "Her"})


@functools.cache
def country_name(text: str) -> str | None:
    """The country ``text`` names (a name, code-free), as pycountry spells it, or None."""
    if text in _US:
        return "the United States"
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        # Names pycountry files under another ("Turkey" under "Türkiye", "Russia" under
        # "Russian Federation"): the gazetteer knows the names reports use.
        from wikiwire import gazetteer

        place = gazetteer.lookup(text)
        return place.country if place is not None and place.kind == "country" and place.name == text else None
    name = getattr(country, "common_name", None) or country.name
    return str(name)


def _demonym(country: str, source: AnalysedSource) -> str | None:
    """The adjective the report itself uses for ``country`` ("Yemeni" for "Yemen")."""
    stem = country[:4].lower()
    for sentence in source.sentences:
        for ent in sentence.entities:
            if (
                ent.label == "NORP"
                and ent.text.lower().startswith(stem)
                and ent.text.lower() != country.lower()
                and not any(mark in ent.text for mark in "'’")  # "Russia's" is no adjective
            ):
                return ent.text
    return None


def internal_war(source: AnalysedSource) -> bool:
    """True when ``source`` describes its war as internal: a sentence speaking of the war
    tells an uprising against the rulers or a government-versus-rebels war (docstring)."""
    return any(_tells_internal_war(s.text) for s in source.sentences)


# Asked for every source of a build, and again by ``civil_war_adjective``.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _tells_internal_war(text: str) -> bool:
    return bool((_WAR_WORD.search(text) and _INTERNAL_WAR.search(text)) or _ARMED_OPPOSITION.search(text))


def civil_war_adjective(country: str, sources: Sequence[AnalysedSource]) -> str | None:
    """The demonym naming ``country``'s war a civil war ("Syrian"), when some report of the
    event describes the war as internal (``internal_war``) and some report uses the
    adjective; else None. For reports that name the war only as "the war in X" while others
    tell how it began."""
    if not any(internal_war(source) for source in sources):
        return None
    return next((adj for source in sources if (adj := _demonym(country, source))), None)


def _claim(source: AnalysedSource, sentence: Sentence, value: str, display: str,
           weight: float) -> Claim:
    return claim_in(source, sentence, "part_of", value, display, weight)


def _wars(sentence: Sentence, source: AnalysedSource, internal: bool = False) -> list[tuple[str, str, float]]:
    """(value, display, weight) for wars and conflicts named in ``sentence``; ``internal``:
    the report describes its war as internal (see ``internal_war``)."""
    text = sentence.text
    out: list[tuple[str, str, float]] = []
    if not _WAR_NEEDLES.may_match(text):
        return out
    for pattern in _CIVIL_WAR:
        for match in pattern.finditer(text):
            adj = match.groupdict().get("adj")
            if adj is None:
                country = match.group("country")
                adj = _demonym(country, source)
                if adj is None:
                    # No adjective in the report: name the war by its country instead.
                    out.append((f"civil war in {country}", f"the civil war in {country}", NAMED_WEIGHT))
                    continue
            if adj.split()[0] in _NOT_NAMES:
                continue
            out.append((f"{adj} civil war", f"the {adj} civil war", NAMED_WEIGHT))
    if out:
        return out
    for pattern in (*_WAR_IN, _AT_WAR):
        for match in pattern.finditer(text):
            country = country_name(match.group("country"))
            if country:
                country = country.removeprefix("the ")
                adj = _demonym(country, source) if internal else None
                if adj is not None:
                    out.append((f"{adj} civil war", f"the {adj} civil war", WAR_IN_WEIGHT))
                else:
                    out.append((f"war in {country}", f"the war in {country}", WAR_IN_WEIGHT))
    for match in _INVASION.finditer(text):
        country = country_name(match.group("country"))
        invader = match.group("invader")
        adj = match.group("adj") or (_demonym(invader, source) if invader else None)
        by = country_name(invader) if invader else None
        if country is None or (adj is None and by is None):
            continue  # not a country invaded, or no invader named
        if adj is not None and (adj.split()[0] in _NOT_NAMES or country_name(adj)):
            continue
        country = country.removeprefix("the ")
        # Without the report's own adjective for the invader, the invader is named after.
        name = f"{adj} invasion of {country}" if adj else f"invasion of {country} by {by}"
        out.append((name, f"the {name}", NAMED_WEIGHT))
    for match in _NAMED_CONFLICT.finditer(text):
        if match.group("what") == "war" and country_name(match.group("name")):
            continue  # "the Yemen war" is handled as a war in a country
        name = f"{match.group('name')} {match.group('what')}"
        out.append((name, f"the {name}", NAMED_WEIGHT))
    return out


# "The shooting is the deadliest in U.S. history": a generic noun standing for the event.
_EVENT_NOUN = re.compile(r"\b(?:attack|shooting|bombing|stabbing|massacre|incident|rampage)\b", re.IGNORECASE)


def _country_of_region(name: str) -> str | None:
    """The country of a first-level region ("Maine" -> United States), or None.

    A ranking within a region ("the deadliest mass shooting in Maine history") places the
    event in its country's series: encyclopedias group such series by country, not by state.
    Only regions count: a city ranking ("deadliest in Lewiston") is too local to imply one.
    """
    from wikiwire import gazetteer

    place = gazetteer.lookup(name)
    if place is None or place.kind != "region" or not place.country:
        return None
    return country_name(place.country) or place.country


def _series(sentence: Sentence, main: str | None) -> list[tuple[str, str, float]]:
    """(value, display, weight) for national series of attacks named in ``sentence``.

    The series is of the sentence's own attack kind, or of the report's main kind ``main``
    when the sentence calls the event by a generic noun.
    """
    kinds = [m.kind for m in match_kinds(sentence.text) if m.kind.category == "attack"]
    if not kinds and main and kind_for(main).category == "attack" and _names_event_noun(sentence.text):
        kinds = [kind_for(main)]
    if not kinds:
        return []
    plural = kinds[0].plural or f"{kinds[0].noun}s"
    out: list[tuple[str, str, float]] = []
    for place in _series_places(sentence.text):
        country = country_name(place) or _country_of_region(place)
        if country:
            series = f"{plural} in {country}"
            out.append((series, series, SERIES_WEIGHT))
    return out


_SERIES_NEEDLES = Needles.union(*map(required_needles, _SERIES))


# Pure functions of the text, asked of every sentence of every report.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _series_places(text: str) -> tuple[str, ...]:
    """The place of each series ranking in ``text`` ("in U.S. history" -> "U.S."), in order."""
    if not _SERIES_NEEDLES.may_match(text):
        return ()
    return tuple(match.group("place") for pattern in _SERIES for match in pattern.finditer(text))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _names_event_noun(text: str) -> bool:
    return _EVENT_NOUN.search(text) is not None


def _terrorism(sentence: Sentence, terror: bool) -> list[tuple[str, str, float]]:
    """("terrorism in X", ..., weight) when ``sentence`` tells that country X is the repeated
    target of attacks and the report (``terror``) calls its own event terrorism (then it is
    an attack, whatever noun the report mostly uses: "explosion" while the cause was open)."""
    if not terror:
        return []
    out: list[tuple[str, str, float]] = []
    for pattern in _TARGET_OF_ATTACKS:
        for match in pattern.finditer(sentence.text):
            country = country_name(match.group("place"))
            if country:
                series = f"terrorism in {country.removeprefix('the ')}"
                out.append((series, series, TERRORISM_WEIGHT))
    return out


def extract(source: AnalysedSource) -> list[Claim]:
    """``part_of`` claims stated in ``source`` (phrasings, values, weights: module docstring)."""
    main = dominant_kind(source)
    factor = 1.0 if main is None or kind_for(main).category == "attack" else NON_ATTACK_FACTOR
    claims: list[Claim] = []
    internal = internal_war(source)
    terror = any(_TERROR.search(s.text) for s in source.sentences)
    for sentence in source.sentences:
        seen: set[str] = set()
        found = _wars(sentence, source, internal) + _series(sentence, main) + _terrorism(sentence, terror)
        for value, display, weight in found:
            if value not in seen:
                seen.add(value)
                claims.append(_claim(source, sentence, value, display, weight * factor))
    return claims
