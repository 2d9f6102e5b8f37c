"""Which section of the article a report's sentence belongs to, and whether it is about the event.

Rules on cue words plus the sentence's named entities, checked in a fixed precedence: a
sentence that condemns the attack is a reaction even if it names the toll; a sentence about the
war since 2011 is background even though it counts the dead. The roles are the ``role`` values of
``taxonomy.SectionSpec``; ``place_role`` maps a role the event's kind has no section for onto
one it has (an attack has no "Damage" section: damage is narrated in the attack section).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from wikiwire.cues import ACTOR_LABELS, CONDEMNATION, PRAYERS, SYMPATHY
from wikiwire.facts.dates import YEAR_RE
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.records import Entity, EventFacts
from wikiwire.taxonomy import Kind, SectionSpec

__all__ = ["ROLES", "EventCues", "Role", "classify", "place_role", "relocate", "section_roles"]

Role = Literal[
    "background", "event", "casualties", "damage", "aftermath", "response", "investigation",
    "reactions",
]
ROLES: tuple[Role, ...] = (
    "background", "event", "casualties", "damage", "aftermath", "response", "investigation",
    "reactions",
)

# The attack itself in set phrases ("described the strike as", "after the bombing").
_ATTACK_NOUN = r"(?:attack|strike|bombing|shooting)"
_REACTION = re.compile(
    rf"\b(?:{CONDEMNATION}|condemnation|{SYMPATHY}|{PRAYERS}|"
    r"(?:deep(?:ly)? )?concern(?:ed)?|called for (?:calm|restraint|de-?escalation)|called on all parties|"
    r"urged (?:all parties|restraint|calm)|exercise (?:the utmost )?restraint|solidarity|"
    r"expressed (?:(?:its|his|her|their) )?(?:shock|sorrow|sadness|grief)|paid tribute|"
    rf"described the {_ATTACK_NOUN} as|called the {_ATTACK_NOUN})\b",
    re.IGNORECASE,
)
# A declared period of mourning is the government's reaction to the event (editors list it
# under Reactions beside condolences), whatever else the sentence says.
_MOURNING = re.compile(
    r"\b(?:declared|declares|announced|announces|proclaimed|ordered)\b[^.;]{0,60}\bmourning\b|"
    r"\b(?:days?|period|week) of (?:national |official )?mourning\b|\bmourning period\b|"
    # Flags lowered to half-staff are the same gesture.
    r"\bflags?\b[^.;]{0,60}\bhalf[- ](?:staff|mast)\b",
    re.IGNORECASE,
)
# The dead or injured named: "The men were identified as ...", "All 18 victims have been
# identified", "Police named the dead as ...". A casualty sentence even without a figure.
# Most words between the victims' noun and "were identified" ("victims of the shooting have").
MAX_VICTIM_NOUN_GAP = 4
_VICTIMS_NAMED = re.compile(
    r"\b(?:victims?|dead|deceased|bodies|body|men|women|workers|people|those killed|"
    rf"two|three|four|five|six|seven|eight|nine|ten|\d+)\b(?:\s+[\w'’-]+){{0,{MAX_VICTIM_NOUN_GAP}}}?\s+"
    r"(?:were|was|have been|has been|had been)\s+(?:\w+ly\s+)?(?:identified|named)\b|"
    r"\b(?:identified|named) the (?:victims|dead|deceased|bodies)\b",
    re.IGNORECASE,
)
# Whoever is identified in a sentence naming these is a suspect, not a victim.
_SUSPECT = re.compile(
    r"\b(?:suspects?|suspected|gunm[ae]n|shooters?|attackers?|assailants?|perpetrators?|bombers?|"
    r"person of interest|wanted|sought|charged|arrested|accused|hijackers?|militants?)\b",
    re.IGNORECASE,
)
_INVESTIGATION = re.compile(
    r"\b(?:investigat\w+|probe|inquiry|inquest|forensic\w*|black box(?:es)?|flight recorders?|"
    r"NTSB|cause of the|autopsy|prosecutors?|charged with)\b",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:since (?:19|20)\d\d|began in (?:19|20)\d\d|erupted|broke out in|civil war|years of (?:war|conflict|fighting)|"
    r"for (?:many )?years|for decades|decades (?:of|ago)|decades-long|historically|(?:has|have) a history of|prior to the|came after|"
    r"followed (?:weeks|months|days|years)|in recent (?:weeks|months|years)|heavily dependent|"
    # What a place is ("is held by", "is located in"), said of the sentence's subject: in a
    # relative clause ("the building, which is located in Old Town") it only places the event.
    r"remains? in the hands|recaptured|the (?:war|conflict) (?:in|has|began)|protests?|protesters|"
    r"(?<!\bwhich )(?<!\bthat )(?<!\bwhere )(?:is|are) (?:held|controlled|home to|located|known for)|"
    r"(?:second|third|fourth|fifth)-largest|"
    # What the place is and does every day, in the present tense: "is a four-lane structure",
    # "carries 11.3 million vehicles a year".
    r"(?:is|are) an? (?:[\w-]+ ){0,3}?(?:structure|bridge|building|city|town|village|province|district|"
    r"region|facility|complex|port|highway|landmark|hub|venue)|(?:crosses|spans|links|connects) the|"
    r"(?:carries|handles|serves|receives|hosts|attracts|draws|transports)\b[^;]{0,60}?\b(?:a|per|each|every) (?:year|day)|annually)\b",
    re.IGNORECASE,
)
# Time counted from the event onward: its anniversary, a year or years after it.
_LATER = re.compile(
    r"\b(?:(?:first|one|two|three|\d+)[- ]year anniversary|anniversary of (?:the|its|their)|"
    r"(?:a|one|two|three|several|\d+) years? (?:later|after (?:the|its))|years later)\b",
    re.IGNORECASE,
)
_AFTERMATH = re.compile(
    r"\b(?:retaliat\w*|in response|promised (?:to respond|to retaliate|an? (?:answer|response|reply))|responded(?! to (?:reports?|calls?|a call|the scene))|vow(?:ed|s) to|respond with|funerals?|mourning|mourned|"
    r"buried(?!\s+(?:by|under|beneath|in)\b)|burials?|manhunt|(?:was|body was) found dead|(?:his|her) body was found|arrest(?:ed|s)?|detained|curfew|lockdown|shelled|bombardment|"
    rf"intensified|counter-?attacks?|reprisals?|aftermath|response to the (?:\w+ )?{_ATTACK_NOUN}|(?:following|after) the (?:\w+ )?{_ATTACK_NOUN}|"
    r"in the days after|the next day|state of emergency|cancel(?:l?ed)|closed|escalation|what followed|since then|"
    r"in the (?:hours|days|weeks|months) (?:since|after|that followed))\b",
    re.IGNORECASE,
)
_RESPONSE = re.compile(
    r"\b(?:rescu\w+|search(?:ing)? (?:for|through)|search and rescue|relief|humanitarian (?:aid|assistance|teams?)|aid|ambulances|"
    r"evacuat\w+|shelters?|donat\w+|emergency (?:teams|services|workers|response)|Red Crescent|"
    r"Red Cross|volunteers|dispatched|deployed|tents|field hospitals?|pledged)\b",
    re.IGNORECASE,
)
_DAMAGE = re.compile(
    r"\b(?:destroy\w*|damag\w+|collaps\w+|flatten\w+|razed|levell?ed|homes|houses|buildings|villages|"
    r"infrastructure|rubble|power outages?|cut off)\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    r"\b(?:killed|killing|dead|deaths?|died|death toll|toll|injur\w+|wounded|wounding|casualties|"
    r"victims|bodies|lost their lives|claimed the lives|fatalities|survivors?)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?|scores)\b",
    re.IGNORECASE,
)
_PLACE_LABELS = frozenset({"GPE", "LOC"})


@functools.cache
def _country_of(name: str, event_country: str) -> str | None:
    """The country a place name is in, preferring the event's country when the name is
    ambiguous; None when the gazetteer does not know it (or cannot be loaded)."""
    try:
        from wikiwire import gazetteer

        home = gazetteer.lookup(event_country)
        codes = (home.country_code,) if home is not None and home.country_code else ()
        place = gazetteer.lookup(name, codes)
    except (ImportError, OSError):
        return None
    return place.country if place is not None else None

# A definite mention of "the attack"/"the earthquake": in a report about one event it refers
# to that event. Up to two modifiers ("the drone attack", "the surprise suicide bombing").
_EVENT_ANAPHOR = re.compile(
    r"\b(?:the|this|Thursday's|today's) (?:[\w-]+ ){0,2}?(?:attacks?|strikes?|bombings?|blasts?|explosions?|"
    r"shootings?|stabbings?|massacre|earthquakes?|quakes?|tremors?|floods?|flooding|collapse|crash|"
    r"derailment|fires?|wildfires?|disaster|incident|tragedy|assault|raid|storm|cyclone|hurricane|"
    r"typhoon|landslide|sinking|stampede|crush)\b",
    re.IGNORECASE,
)
# A place named right after the anaphor ("the bombing in Ankara") that is not one of the
# event's places means another event.
_PLACE_AFTER = re.compile(r"\s+(?:in|at|on|near)\s+(?:the\s+)?([A-Z][\w'-]+)")


@dataclass(frozen=True)
class EventCues:
    """What marks a sentence as being about this event: its places, its kind's patterns,
    names of perpetrators, and the country (a weaker cue, for background and reactions)."""

    places: tuple[str, ...] = ()
    country: str | None = None
    kind_patterns: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    _place_re: re.Pattern[str] | None = field(default=None, repr=False)
    _kind_re: re.Pattern[str] | None = field(default=None, repr=False)
    _country_re: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def from_facts(cls, facts: EventFacts, kind: Kind) -> EventCues:
        """Cues from the reconciled location, perpetrators and the kind's patterns."""
        location = facts.get("location").value
        places: list[str] = []
        country = None
        if isinstance(location, dict):
            for key in ("venue", "city", "region"):
                value = location.get(key)
                if isinstance(value, str) and value:
                    places.append(value)
            raw_country = location.get("country")
            country = raw_country if isinstance(raw_country, str) and raw_country else None
        names: list[str] = []
        perp = facts.get("perpetrators")
        if isinstance(perp.value, str) and perp.value and perp.value.lower() != "unknown":
            names.append(perp.value)
        return cls.build(places, country, kind.patterns, names)

    @classmethod
    def build(cls, places: Iterable[str], country: str | None, kind_patterns: Sequence[str],
              names: Iterable[str] = ()) -> EventCues:
        """Compile the cue regexes once."""
        place_words = _place_words((*places, *names))
        place_re = re.compile(r"\b(?:" + "|".join(map(re.escape, place_words)) + r")\b", re.IGNORECASE) if place_words else None
        kind_re = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in kind_patterns) + r")", re.IGNORECASE) if kind_patterns else None
        country_re = None
        if country:
            stem = country[:-1] if len(country) > 4 and country[-1] in "aey" else country
            country_re = re.compile(rf"\b(?:{re.escape(country)}|{re.escape(stem)}\w*)\b", re.IGNORECASE)
        return cls(tuple(places), country, tuple(kind_patterns), tuple(names), place_re, kind_re, country_re)

    def mentions_event(self, text: str) -> bool:
        """True when ``text`` names the event: its place, its kind, or "the attack"."""
        if self._place_re is not None and self._place_re.search(text):
            return True
        if self._kind_re is not None and self._kind_re.search(text):
            return True
        for m in _EVENT_ANAPHOR.finditer(text):
            after = _PLACE_AFTER.match(text, m.end())
            if after is None or (self._place_re is not None and self._place_re.search(after.group(1))):
                return True
        return False

    def mentions_place(self, text: str) -> bool:
        """True when ``text`` names one of the event's places (its venue, city or region)."""
        return self._place_re is not None and bool(self._place_re.search(text))

    def elsewhere(self, text: str, entities: Sequence[Entity]) -> bool:
        """True when the sentence's places are all known places outside the event's
        country (and none is the event's own): it is about something else ("Turkey struck
        positions after the bombing in Ankara"). Places the gazetteer does not know are no
        evidence either way."""
        if not self.country or self.mentions_country(text):
            return False
        foreign = False
        for ent in entities:
            if ent.label not in _PLACE_LABELS:
                continue
            if (self._place_re is not None and self._place_re.search(ent.text)) or self.mentions_country(ent.text):
                return False
            country = _country_of(ent.text, self.country)
            if country == self.country:
                return False
            foreign = foreign or country is not None
        return foreign

    @property
    def country_pattern(self) -> re.Pattern[str] | None:
        """The compiled pattern for the country and its demonym, None when unknown."""
        return self._country_re

    def mentions_country(self, text: str) -> bool:
        """True when ``text`` names the event's country or its people ("Syria", "Syrian")."""
        return self._country_re is not None and bool(self._country_re.search(text))


# Words in a place name too generic to mark a sentence on their own ("Province", "City").
_GENERIC_PLACE_WORDS = frozenset(
    {"province", "governorate", "district", "city", "county", "state", "region", "military",
     "academy", "bridge", "river", "the", "of", "street", "school", "college", "hospital",
     "university", "airport", "station", "port", "center", "centre", "square", "market",
     "mosque", "church", "north", "south", "east", "west", "central", "new", "unknown"}
)
# Shortest place word used as a cue: shorter ones ("Al", "US") match too much.
MIN_PLACE_WORD = 3


def _place_words(names: Iterable[str]) -> list[str]:
    """Full names plus their distinctive words ("Homs Military Academy" -> "Homs")."""
    out: set[str] = set()
    for name in names:
        out.add(name)
        for word in re.findall(r"[\w'-]+", name):
            if len(word) >= MIN_PLACE_WORD and word.lower() not in _GENERIC_PLACE_WORDS and word[:1].isupper():
                out.add(word)
    return sorted(out, key=len, reverse=True)


def relocate(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """The entities found again in ``text`` (a rewritten sentence), with offsets into it;
    entities the rewriting removed are left out. Each is looked up after the previous one,
    so repeated names keep their order."""
    out: list[Entity] = []
    start = 0
    for ent in entities:
        at = text.find(ent.text, start)
        if at < 0:
            at = text.find(ent.text)
        if at < 0:
            continue
        out.append(Entity(text=ent.text, label=ent.label, start=at, end=at + len(ent.text)))
        start = at + len(ent.text)
    return tuple(out)


def _has_actor(text: str, entities: Sequence[Entity]) -> bool:
    """True when a country, organisation, person or nationality is named outside quotes."""
    quotes = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    return any(e.label in ACTOR_LABELS and not any(s <= e.start < t for s, t in quotes) for e in entities)


# Figures that count no one: clock times ("7:45 p.m."), ages (", 40,"), magnitudes ("6.3").
_NOT_A_COUNT = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|,\s*\d{1,3}\s*,|\b\d+\.\d+\b|\bmagnitude[- ]\S+",
    re.IGNORECASE,
)


def _blank(text: str, entities: Sequence[Entity], labels: frozenset[str]) -> str:
    """``text`` with the entities of ``labels`` replaced by spaces (offsets kept)."""
    chars = list(text)
    for ent in entities:
        if ent.label in labels and text[ent.start: ent.end] == ent.text:
            chars[ent.start: ent.end] = " " * (ent.end - ent.start)
    return "".join(chars)


def older_year(text: str, event_year: int | None) -> bool:
    """True when ``text`` names a year before the event's."""
    return event_year is not None and any(int(y) < event_year for y in YEAR_RE.findall(text))


def classify(text: str, entities: Sequence[Entity] = (), *, event_year: int | None = None) -> Role:
    """The section role of a sentence.

    Takes the (rewritten) sentence text, its named entities and the event's year (a sentence
    about an earlier year is background). Returns one of ``ROLES``; "event" when no other
    role's cues are present. Pure, so cached on its arguments (repeated wire copy).
    """
    return _classify(text, tuple(entities), event_year)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _classify(text: str, entities: tuple[Entity, ...], event_year: int | None) -> Role:
    if _MOURNING.search(text) or (_REACTION.search(text) and _has_actor(text, entities)):
        return "reactions"
    if _VICTIMS_NAMED.search(text) and not _SUSPECT.search(text):
        return "casualties"
    if _INVESTIGATION.search(text):
        return "investigation"
    # What happened on the event's anniversary, or years on, came after it, whatever it
    # shares with background ("protests" over the disaster a year later).
    if _LATER.search(text):
        return "aftermath"
    if _BACKGROUND.search(text) or older_year(text, event_year):
        return "background"
    if _AFTERMATH.search(text):
        return "aftermath"
    # A toll is casualties even when a relief organisation states it ("the Red Crescent said
    # 500 had died"): checked before the response cues.
    counted = _NOT_A_COUNT.sub(" ", text)
    if _TOLL.search(text) and (_NUMBER.search(counted) or re.search(r"\bamong the\b", text, re.IGNORECASE)):
        return "casualties"
    # Response cues are actions; an organisation's name ("Humanitarian Office", "Red
    # Crescent") saying something else is not one.
    if _RESPONSE.search(_blank(text, entities, frozenset({"ORG"}))):
        return "response"
    if _DAMAGE.search(text):
        return "damage"
    return "event"


def section_roles(specs: Sequence[SectionSpec]) -> frozenset[str]:
    """Every role the given section specs (and their subsections) accept."""
    roles: set[str] = set()
    for spec in specs:
        roles.add(spec.role)
        roles |= section_roles(spec.subsections)
    return frozenset(roles)


# Where a role goes when the kind's sections have no place for it, in order of preference.
_FALLBACK: dict[str, tuple[str, ...]] = {
    "damage": ("event",),
    "response": ("aftermath", "event"),
    "investigation": ("aftermath", "response", "event"),
    "aftermath": ("response", "event"),
    "reactions": ("response", "aftermath"),
    "casualties": ("event",),
    "background": (),
    "event": (),
}


def place_role(role: str, available: frozenset[str]) -> str | None:
    """The role of the section a sentence of ``role`` goes in, given the ``available`` roles;
    None when there is nowhere for it (the sentence is left out)."""
    if role in available:
        return role
    for other in _FALLBACK.get(role, ()):
        if other in available:
            return other
    return None
