"""Time-of-day claims: a clock time ("6:56 p.m." -> "18:56") or a part of the day ("evening").

Clock times are read in 12-hour ("2 p.m.", "just before 7 p.m.", "1:27 a.m. ET") and 24-hour
("14:00") forms, and as ranges ("between 6:56 and 7:08 p.m."); times given in UTC/GMT are
skipped (the infobox gives local time, and the local time is nearly always stated too).
Parts of the day come from "Wednesday night", "early morning", "last night", "this
afternoon", "early on Tuesday" (news style for the small hours).

Weighting follows ``dates``: position, nearness to the event's own noun or verb, and
penalties for times of statements ("a 10 p.m. news conference"), of datelines ("Posted at
9:01 PM") and of other events. A clock time outweighs a part of the day when both are given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wikiwire.facts.casualties import is_main_place, main_places
from wikiwire.facts.claim import claim_in
from wikiwire.facts.dates import (
    REPORTING_FACTOR,
    EventCues,
    event_cues,
    is_dateline,
    position_factor,
    reporting_near,
)
from wikiwire.facts.kinds import carried_flags, is_retaliation_text
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.places import is_country
from wikiwire.facts.prefilter import has_digit, required_needles
from wikiwire.records import AnalysedSource, Claim, Qualifier, Sentence
from wikiwire.textkeys import lookup_key

__all__ = ["extract", "find_times"]

_AMPM = r"(?P<{name}>[ap])\.?\s?m\b\.?"
_CLOCK = r"(?P<{h}>[01]?\d|2[0-3])(?:[:.](?P<{m}>[0-5]\d))?"
# "6:56 p.m.", "7 p.m.", "14:00", "between 6:56 and 7:08 p.m.", "6:54-7:08 pm".
CLOCK_RE = re.compile(
    rf"(?<![\d:.,])(?P<approx>(?:just|shortly|right|a\s+little)\s+(?:before|after)\s+|(?:at\s+)?(?:about|around|approximately|roughly|nearly|some|circa|ca\.)\s+)?"
    rf"{_CLOCK.format(h='h1', m='m1')}\s*(?:{_AMPM.format(name='ap1')})?"
    rf"(?:\s*(?:-|–|—|to|and|until)\s*{_CLOCK.format(h='h2', m='m2')}\s*(?:{_AMPM.format(name='ap2')})?)?"
    rf"(?P<zone>\s*(?:\(?\s*(?:local\s+time|[ECMP][SD]?T|GMT|UTC|Z)\b\)?))?",
    re.IGNORECASE,
)
# Part-of-day words must be lowercase: "Maine Morning Star" is a newspaper.
# Phrases that make a bare number a clock time even without a.m./p.m. or minutes.
NOON_RE = re.compile(r"\b(?P<approx>(?:around|about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<word>noon|midday|midnight)\b", re.IGNORECASE)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
PART_OF_DAY_RE = re.compile(
    rf"\b(?:(?P<mod>early|late|mid)[- ])?(?:(?:on\s+)?{_WEEKDAY}\s+|this\s+|last\s+|yesterday\s+)?(?P<pod>(?-i:morning|afternoon|evening|night|overnight|dawn|dusk))\b"
    rf"|\b(?P<early>early|late)\s+(?:on\s+)?{_WEEKDAY}\b",
    re.IGNORECASE,
)
# Words one of which each match holds (``prefilter``); CLOCK_RE needs a digit.
_NOON_NEEDLES = required_needles(NOON_RE)
_PART_OF_DAY_NEEDLES = required_needles(PART_OF_DAY_RE)
# Words after a time of day that make it the time of a statement or a routine, not of the
# event ("Tuesday night news", "a 10 p.m. news conference").
NOT_EVENT_POD_RE = re.compile(r"^\s*(?:news|press|briefing|conference|prayers?|shift|show|edition|flight|service)", re.IGNORECASE)

# A clock time said of a schedule ("the rally began at 2 p.m.", "was due to start at") is
# not the event's time, though often beside it.
SCHEDULE_BEFORE_RE = re.compile(
    r"\b(?:began|begun|started|starting|start|opened|ended|finished|was due|were due|scheduled|set to begin|convened)"
    r"(?:\s+(?:to\s+)?(?:start|begin))?\s+(?:at\s+|around\s+|about\s+)?$",
    re.IGNORECASE,
)
SCHEDULE_FACTOR = 0.3
# A time that dates a status ("as of 7 a.m. Wednesday, eight bodies were found", "by Saturday
# night 357 deaths were confirmed", "up to 2:30 p.m.") says when a count stood, never when
# the event happened: no claim at all. ("until 3:19 p.m." is left alone: it ends the event.)
STATUS_BEFORE_RE = re.compile(r"\b(?:as\s+of|as\s+at|by|up\s+to)\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
# Times of remembrance ("a minute's silence at noon", "a vigil at 7 p.m.") belong to later
# events of their own.
COMMEMORATION_RE = re.compile(r"\b(?:silence|vigils?|memorial|funerals?|mourning|commemorat\w+|minute's|moment of)\b", re.IGNORECASE)
# "... began at 2 p.m., and the explosion occurred two hours later": the event's time is the
# clock time plus the offset. Only whole hours, up to OFFSET_MAX_HOURS, in the same sentence.
LATER_RE = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|\d)\s+hours?\s+later\b", re.IGNORECASE)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
OFFSET_MAX_HOURS = 6

# Weight constants (calibrated with those in ``dates``).
# A part of the day says less than a clock time; both are often given, and the clock wins.
PART_OF_DAY_FACTOR = 0.5
# A time in a sentence about a retaliation, a sequel or another place is most likely that
# event's time: weighed down so far that it falls below MIN_WEIGHT unless in the lead.
OTHER_EVENT_FACTOR = 0.15
# Claims below this weight are noise for every reconciliation rule.
MIN_WEIGHT = 0.08


@dataclass(frozen=True)
class TimeMention:
    """A time of day in a text: its span, value ("HH:MM" or a part of day), optional end,
    and the qualifier ("about" for around/approximately/just before)."""

    start: int
    end: int
    value: str
    value_end: str | None
    qualifier: Qualifier | None
    clock: bool


def _hhmm(hour: int, minute: int, ampm: str | None) -> str | None:
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}"


def _clock(m: re.Match[str]) -> TimeMention | None:
    ap1, ap2 = m.group("ap1"), m.group("ap2")
    zone = (m.group("zone") or "").strip(" ()").upper()
    if zone in ("GMT", "UTC", "Z"):
        return None
    # A bare number is a time only with minutes ("14:00"); "7" alone is a count.
    if not (ap1 or ap2 or m.group("m1")):
        return None
    if m.group("m1") and m.string[m.end("h1")] == "." and not (ap1 or ap2):
        return None  # "1.27 billion", "6.30": a decimal, unless a.m./p.m. follows
    h2 = m.group("h2")
    if h2 is not None and not (m.group("m2") or ap2):
        h2 = None  # "7 to 8 people"
    first_ap = ap1 or (ap2 if h2 is not None else None)
    start = _hhmm(int(m.group("h1")), int(m.group("m1") or 0), first_ap)
    end = _hhmm(int(h2), int(m.group("m2") or 0), ap2 or ap1) if h2 is not None else None
    if start is None:
        return None
    approx = m.group("approx")
    qualifier: Qualifier | None = "about" if approx and approx.strip().lower() not in ("at",) else None
    span_end = m.start() + len(m.group(0).rstrip())
    return TimeMention(m.start(), span_end, start, end, qualifier, True)


def find_times(text: str) -> list[TimeMention]:
    """Every time of day ``text`` states, in text order (clock times first at one position)."""
    return list(_times(text))


# A pure function of the text; reports of one event repeat sentences.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _times(text: str) -> tuple[TimeMention, ...]:
    out: list[TimeMention] = []
    for m in CLOCK_RE.finditer(text) if has_digit(text) else ():
        mention = _clock(m)
        if mention is not None:
            out.append(mention)
    later = LATER_RE.search(text)
    if later and out:
        base = next((t for t in reversed(out) if t.start < later.start() and t.value_end is None), None)
        n = later.group("n").lower()
        hours = int(n) if n.isdigit() else _NUMBER_WORDS.get(n, 0)
        if base is not None and 0 < hours <= OFFSET_MAX_HOURS:
            hh, mm = (int(x) for x in base.value.split(":"))
            value = f"{(hh + hours) % 24:02d}:{mm:02d}"
            out.append(TimeMention(later.start(), later.end(), value, None, "about", True))
    for m in NOON_RE.finditer(text) if _NOON_NEEDLES.may_match(text) else ():
        value = "00:00" if lookup_key(m.group("word")) == "midnight" else "12:00"
        out.append(TimeMention(m.start(), m.end(), value, None, "about" if m.group("approx") else None, True))
    for m in PART_OF_DAY_RE.finditer(text) if _PART_OF_DAY_NEEDLES.may_match(text) else ():
        if NOT_EVENT_POD_RE.match(text[m.end() :]):
            continue
        if m.group("early"):
            # "early Tuesday" / "late Tuesday": the small hours / the evening.
            value = "early morning" if lookup_key(m.group("early")) == "early" else "late evening"
        else:
            pod = lookup_key(m.group("pod"))
            value = "night" if pod == "overnight" else pod
            if m.group("mod"):
                value = f"{lookup_key(m.group('mod'))} {value}"
        out.append(TimeMention(m.start(), m.end(), value, None, None, False))
    return tuple(sorted(out, key=lambda t: (t.start, not t.clock)))


def _elsewhere(sentence: Sentence, main: frozenset[str]) -> bool:
    """True when the sentence names places, none of them the event's (see
    ``casualties.main_places``): "By nightfall the city of X was in darkness"."""
    named = [
        e.text for e in sentence.entities
        if e.label in ("GPE", "LOC", "FAC") and not is_country(e.text.removeprefix("the "))
    ]
    return bool(main) and bool(named) and not any(is_main_place(name, main) for name in named)


def _weight(mention: TimeMention, sentence: Sentence, cues: EventCues, *, other_event: bool = False) -> float:
    """Confidence that the time is the event's: position, nearness to the event's words, and
    OTHER_EVENT_FACTOR when the sentence tells a retaliation or is set in another place."""
    if is_dateline(sentence, mention.start, mention.end):
        return 0.0
    if STATUS_BEFORE_RE.search(sentence.text[max(0, mention.start - 20) : mention.start]):
        return 0.0
    if mention.clock and NOT_EVENT_POD_RE.match(sentence.text[mention.end :]):
        return 0.0  # "a 10 p.m. news conference": the time of a statement
    weight = position_factor(sentence.index) * cues.proximity(sentence.text, mention.start, mention.end)
    if other_event:
        weight *= OTHER_EVENT_FACTOR
    if reporting_near(sentence.text, mention.start, mention.end, cues):
        weight *= REPORTING_FACTOR
    if not mention.clock:
        weight *= PART_OF_DAY_FACTOR
    if SCHEDULE_BEFORE_RE.search(sentence.text[max(0, mention.start - 40) : mention.start]):
        weight *= SCHEDULE_FACTOR
    return round(min(1.0, weight), 3)


def extract(source: AnalysedSource) -> list[Claim]:
    """Time claims stated in ``source``: value "HH:MM" (24-hour, local) or a part of the day;
    ``value_end`` for ranges; qualifier "about" for approximate times."""
    cues = event_cues(source)
    claims: list[Claim] = []
    main = main_places(source)
    for sentence, carried in zip(source.sentences, carried_flags(source), strict=True):
        mentions = find_times(sentence.text)
        if not mentions:
            continue
        other = (carried or is_retaliation_text(sentence.text) or _elsewhere(sentence, main)
                 or COMMEMORATION_RE.search(sentence.text) is not None)
        for mention in mentions:
            weight = _weight(mention, sentence, cues, other_event=other)
            if weight < MIN_WEIGHT:
                continue
            display = mention.value if mention.value_end is None else f"{mention.value}–{mention.value_end}"
            if mention.qualifier == "about":
                display = f"about {display}"
            claims.append(claim_in(source, sentence, "time", mention.value, display, weight,
                                   value_end=mention.value_end, qualifier=mention.qualifier))
    return claims
