"""Date claims, the anchor date of each report, and rewriting relative dates into absolute ones.

Three jobs:

- ``anchor_date``: the day a report's relative expressions ("on Thursday", "yesterday") are
  counted from. Normally its publication date; the rules that reject it are documented on
  ``anchor_date`` and ``check_anchors``.
- ``extract``: one claim per date a sentence states (explicit, weekday or relative), weighted
  by how likely it is to be the date of *this* event (see "Weighting" below).
- ``resolve_relative`` / ``rewrite_relative`` / ``format_date``: for prose that must not say
  "on Thursday" once it is read out of its report's context.

Explicit dates are read with our own patterns (exact and fast); dateparser is only asked
about spaCy DATE entities that name a month our patterns did not cover, and its answers are
cached. Weekday rule: a bare weekday ("on Thursday", "this Thursday", "Thursday night")
means the most recent such day on or before the anchor; "last Thursday" the most recent one
strictly before it; in a future-tense context ("will meet on Friday") the first such day on
or after the anchor.

This module also holds the event-proximity weighting shared by ``times`` and ``places``
(``EventCues``): a date, time or place named next to the event's own noun or verb ("the
strike in Homs", "killed on Thursday") is far more likely to be the event's than one named
in a sentence about a retaliation, a statement or the background.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wikiwire.facts.claim import claim_in
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.prefilter import fold, has_digit, required_needles
from wikiwire.records import AnalysedSource, Claim, Sentence, Source
from wikiwire.taxonomy import KINDS
from wikiwire.textkeys import lookup_key

__all__ = [
    "UNCORROBORATED_RULE",
    "EventCues",
    "anchor_corroborated",
    "anchor_date",
    "check_anchors",
    "event_cues",
    "extract",
    "find_dates",
    "format_date",
    "is_stated",
    "position_factor",
    "resolve_relative",
    "rewrite_relative",
    "url_date",
]

# ---------------------------------------------------------------------------------------------
# Patterns

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

# Month names must be capitalised: "may" and "march" are also verbs.
_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_WEEKDAY_FULL = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
# A year as a whole word, for "is this about another year?" tests across the stages.
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR = r"(?P<{name}>(?:19|20)\d\d)(?!\d)"

# "Thursday, 5 October 2023", "5 Oct 2023", "5th of October", "5-7 October 2023".
_DMY = (
    rf"(?:(?P<wd1>{_WEEKDAY}),?\s+)?{_DAY.format(name='d1')}"
    rf"(?:\s*(?:-|–|—|to|and)\s*{_DAY.format(name='d1e')})?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    rf"(?:,?\s+{_YEAR.format(name='y1')})?"
)
# "Thursday, October 5, 2023", "Oct. 25, 2023", "October 5", "October 7-8".
_MDY = (
    rf"(?:(?P<wd2>{_WEEKDAY}),?\s+)?(?P<m2>{_MONTH})\s+{_DAY.format(name='d2')}"
    rf"(?:\s*(?:-|–|—|to|through)\s*{_DAY.format(name='d2e')})?(?:,?\s+{_YEAR.format(name='y2')})?"
)
_ISO = r"(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)(?!\d)"
EXPLICIT_RE = re.compile(rf"\b(?:{_DMY}|{_MDY}|{_ISO})")

# Two explicit dates joined into a range: "from 5 October to 7 October", "between ... and ...".
RANGE_JOIN_RE = re.compile(r"^\s*(?:-|–|—|to|until|till|through|and)\s*$")
RANGE_OPEN_RE = re.compile(r"\b(?:from|between)\s*$", re.IGNORECASE)

_POD = r"(?:morning|afternoon|evening|night)"
# Weekday expressions. The modifier decides the rule (see module docstring); a weekday used
# as an adjective ("Friday prayers") is not a date of anything and is filtered afterwards.
WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<mod>on|this|last|past|next|early|late|earlier|later)\s+(?:on\s+)?)?"
    rf"(?P<wd>{_WEEKDAY_FULL})(?:\s+(?P<pod>{_POD}))?\b"
)
# Other relative expressions and the day offset each means from the anchor.
RELATIVE_RE = re.compile(
    r"\b(?P<rel>(?:earlier\s+|later\s+)?today|tonight|(?:early\s+)?yesterday(?:\s+" + _POD + r")?"
    r"|the\s+day\s+before\s+yesterday|last\s+night|overnight|(?:earlier\s+|early\s+|late\s+)?this\s+(?:morning|afternoon|evening)"
    r"|(?P<n>one|two|three|four|five|six|\d)\s+days?\s+ago"
    r"|last\s+week|(?:on\s+)?the\s+same\s+day)\b",
    re.IGNORECASE,
)
# Words one of which every match holds (``prefilter``); EXPLICIT_RE needs a digit.
_RELATIVE_NEEDLES = required_needles(RELATIVE_RE)
_WEEKDAY_NEEDLES = required_needles(WEEKDAY_RE)
NUMBER_WORDS: dict[str, int] = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
RELATIVE_OFFSETS: tuple[tuple[str, int], ...] = (
    ("day before yesterday", -2),
    ("yesterday", -1),
    ("last night", -1),
    # "overnight" in a report means the night that ended on the publication day; the date
    # most outlets then give is the anchor's.
    ("overnight", 0),
    ("today", 0),
    ("tonight", 0),
    ("this ", 0),
)

# Nouns after which a weekday is an adjective, not a date ("Friday prayers"); "Saturday's
# quake" is a date.
ADJECTIVAL_WEEKDAY_RE = re.compile(r"^\s*(?:prayers?|sermons?|services?|markets?|editions?|papers?|briefings?|newsletters?)", re.IGNORECASE)

# A future-tense context before a weekday: it names a day to come, not a day of the event.
# ("would" is left out: narrative past, "others would also die on Wednesday night".)
FUTURE_RE = re.compile(
    r"\b(?:will|shall|is\s+expected|are\s+expected|expected\s+to|scheduled|set\s+(?:to|for)|plans?\s+to|planned|upcoming)\b[^.;]{0,60}$",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Weighting constants (calibrated together on hand-written reports and checked on the dev
# corpus; change them as a set)

# Sentences further into a report are more often background or aftermath; the headline and
# the first sentences state the event itself.
POSITION_DECAY = 0.05
# ...but a date stated late in a report is still evidence.
POSITION_FLOOR = 0.4
# Characters between a mention and an event cue for the two to count as one phrase
# ("killed on Thursday", "the drone strike on the military academy in Homs").
NEAR_CHARS = 60
# Tighter distance: the mention completes the event noun's own phrase ("the strike in Homs").
TIGHT_CHARS = 25
# Factors for where the nearest event cue is. A cue of the report's own kind of event
# (the "main" kind) counts more than a generic casualty verb, which retaliation and
# background sentences share.
KIND_NEAR = 1.0
KIND_SAME_SENTENCE = 0.75
GENERIC_NEAR = 0.7
GENERIC_SAME_SENTENCE = 0.5
NO_CUE = 0.3
# A sentence about another event (a retaliation, a previous attack, the background): its
# mentions belong to that event unless tightly bound to this event's noun.
OTHER_EVENT_FACTOR = 0.3
OTHER_EVENT_TIGHT_FACTOR = 0.8
# A date or time given as when something was *said* ("the ministry said on Sunday").
REPORTING_FACTOR = 0.3
# A date on a dateline or "Published/Updated" line: when the report came out, often but not
# necessarily the event's day.
DATELINE_WEIGHT = 0.2
# Relative expressions are one inference away from the text; explicit dates win ties.
RELATIVE_FACTOR = 0.85
# ...and two inferences away when the anchor was inferred rather than the publication date.
INFERRED_ANCHOR_FACTOR = 0.6
# A week is not a day: "last week" is evidence of the period only.
WEEK_FACTOR = 0.3
# Future-tense dates are plans (funerals, hearings), not the event.
FUTURE_FACTOR = 0.15
# Claims below this weight are noise for every reconciliation rule: not emitted.
MIN_WEIGHT = 0.08
# Sentences read to decide which kind(s) of event a report is about.
MAIN_KIND_SENTENCES = 4

# ---------------------------------------------------------------------------------------------
# Anchor-date constants

# A report whose explicit dates all lie more than this before its publication date, yet
# which speaks of "Thursday" or "yesterday", was not written on that date (a re-post or a
# crawl date): news style names weekdays only for the past week.
STALE_DAYS = 7
# Only dates at most this far before publication count as evidence of re-dating; older ones
# are background (a quarter: re-posts and late crawls seen in practice are weeks, not years).
REDATE_WINDOW_DAYS = 92
# Lines at the top of a report where a dateline or "Published ..." line sits.
DATELINE_LINES = 6
# Cross-source check: a report dated this many days after the median of the other reports'
# dates, whose only date cues are relative ones, cannot be resolved against its own date.
CROSS_SOURCE_STALE_DAYS = 14
# ...and the median needs this many other dated reports to mean anything.
MIN_OTHER_SOURCES = 2
# "Saturday, October 7" without a year: the weekday fixes the year among the last this many
# (a weekday-date pair repeats every 5, 6 or 11 years, so older matches are ambiguous anyway).
WEEKDAY_YEAR_LOOKBACK = 6
# An explicit date without a year may lie this many days after the anchor (time-zone skew,
# an event late the same night) and still be this year's; beyond it, it is last year's.
YEARLESS_TOLERANCE_DAYS = 1

# ---------------------------------------------------------------------------------------------
# Event cues (shared with times and places)

# Casualty and impact verbs: every kind of event has them, and so do retaliation sentences.
GENERIC_CUES = (
    r"kill(?:ed|ing|s)?", r"died", r"dead", r"deaths?", r"lost their lives", r"injur(?:ed|ing|ies)",
    r"wounded", r"struck", r"hit", r"attack(?:ed|s)?", r"strikes?", r"targeted", r"victims?",
    r"collapsed?", r"crash(?:ed)?", r"exploded", r"blast", r"explosion", r"rampage",
    r"incident", r"disaster", r"tragedy", r"happened", r"occurred", r"took place", r"unfolded",
    r"began", r"started",
)
GENERIC_CUE_RE = re.compile(r"\b(?:" + "|".join(GENERIC_CUES) + r")\b", re.IGNORECASE)

# A sentence about something other than the event itself.
OTHER_EVENT_RE = re.compile(
    r"\b(?:in\s+response|responded|retaliat\w*|reprisal\w*|meanwhile|previous(?:ly)?|earlier\s+this\s+year"
    r"|last\s+year|years?\s+ago|months\s+ago|anniversary|since\s+(?:19|20)\d\d|in\s+(?:19|20)\d\d|erupted|began\s+in"
    r"|following\s+the|after\s+the|intensified|continued|history|historic(?:al)?)\b",
    re.IGNORECASE,
)
# "said on Sunday", "told reporters Wednesday", "news conference Friday", "a letter dated
# Sunday": when it was said or written.
REPORTING_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|confirmed|added|according\s+to|news\s+conference|press\s+conference|briefing|statement|posted|published|updated|speaking|dated|signed|issued|letter)\b",
    re.IGNORECASE,
)
# Characters between a reporting word and a date for the date to belong to the reporting.
REPORTING_CHARS = 30
# Right after the mention: "... Thursday morning news conference", "Sunday, officials said".
REPORTING_AFTER_RE = re.compile(
    r"^\W{0,3}(?:(?:news|press)\s+conference|briefing|,?\s*(?:officials|police|authorities|the\s+\w+)?\s*(?:said|announced|told))",
    re.IGNORECASE,
)
# A dateline or metadata line: "Published October 5, 2023", "Posted at 9:01 PM, ...".
DATELINE_RE = re.compile(r"^\W*(?:published|posted|updated|last\s+updated|date)\b", re.IGNORECASE)
# Lines at most this long, holding at most this many lowercase words besides the date, are
# datelines ("Thursday 5 October 2023 - 22:17") rather than prose ("It struck on 5 October.").
DATELINE_MAX_CHARS = 60
DATELINE_MAX_WORDS = 1
LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}\b")


@functools.cache
def _kind_cue_re(keys: tuple[str, ...]) -> re.Pattern[str]:
    patterns = [p for kind in KINDS if not keys or kind.key in keys for p in kind.patterns]
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")", re.IGNORECASE)


def position_factor(index: int) -> float:
    """How much a mention in sentence ``index`` (0 = first) weighs by position alone."""
    return max(POSITION_FLOOR, 1.0 - POSITION_DECAY * index)


@dataclass(frozen=True)
class EventCues:
    """Where a report names its event: the kinds of event it is about and their cue pattern.

    ``kinds`` are the taxonomy keys found in the report's first sentences (empty when none
    was: then every kind's patterns count as cues).
    """

    kinds: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """Regex of the report's own event nouns and verbs."""
        return _kind_cue_re(self.kinds)

    def proximity(self, text: str, start: int, end: int) -> float:
        """Factor in (0, 1] for a mention at ``text[start:end]`` by its nearest event cue.

        Combines how near the report's own event noun (or a generic casualty verb) is with a
        penalty when the sentence is about another event, unless the mention completes the
        event noun's own phrase.
        """
        kind_gap = _span_gap(_cue_spans(self.pattern, text), start, end)
        generic_gap = _span_gap(_cue_spans(GENERIC_CUE_RE, text), start, end)
        if kind_gap is not None and kind_gap <= NEAR_CHARS:
            factor = KIND_NEAR
        elif kind_gap is not None:
            factor = KIND_SAME_SENTENCE
        elif generic_gap is not None and generic_gap <= NEAR_CHARS:
            factor = GENERIC_NEAR
        elif generic_gap is not None:
            factor = GENERIC_SAME_SENTENCE
        else:
            factor = NO_CUE
        if _names_other_event(text):
            tight = _tight_after_cue(self.pattern, text, start)
            factor *= OTHER_EVENT_TIGHT_FACTOR if tight else OTHER_EVENT_FACTOR
        return factor


# Dates, times and places each weigh several mentions of the same sentence by its cues.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _cue_spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every match of ``pattern`` in ``text``."""
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


def _span_gap(spans: Iterable[tuple[int, int]], start: int, end: int) -> int | None:
    """Characters between [start, end) and the nearest span (0 when they touch), None if none."""
    best: int | None = None
    for m_start, m_end in spans:
        gap = start - m_end if m_end <= start else (m_start - end if m_start >= end else 0)
        best = gap if best is None else min(best, gap)
    return best


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _names_other_event(text: str) -> bool:
    return OTHER_EVENT_RE.search(text) is not None


def _tight_after_cue(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """True when an event cue ends at most TIGHT_CHARS before ``start`` ("strike in |Homs")."""
    return any(0 <= start - m.end() <= TIGHT_CHARS for m in pattern.finditer(text, 0, start))


def event_cues(source: AnalysedSource) -> EventCues:
    """The event cues of a report: the kinds named in the first sentence (of the first
    MAIN_KIND_SENTENCES) that names any. Reports lead with their event; a retaliation or an
    earlier event comes later, so its kind is not a cue ("shelled" after "drone strike")."""
    for sentence in source.sentences[:MAIN_KIND_SENTENCES]:
        kinds = _kinds_named(sentence.text)
        if kinds:
            return EventCues(kinds)
    return EventCues(())


# One alternation per kind: a match of the union exists exactly when one of the kind's
# patterns matches, so this finds the same kinds as testing the patterns one by one.
_KIND_CUE_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k.key, re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in k.patterns) + ")", re.IGNORECASE))
    for k in KINDS
    if k.patterns
)
# All of them in one alternation: it matches exactly where one kind's does, and most
# sentences name no kind, so one search usually spares a search per kind.
_ANY_KIND_CUE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?:{p})" for k in KINDS for p in k.patterns) + ")", re.IGNORECASE
)
# Literal words each of these regexes needs (``prefilter.required_needles``).
_KIND_CUE_NEEDLES = tuple(required_needles(pattern) for _, pattern in _KIND_CUE_RES)
_ANY_KIND_CUE_NEEDLES = required_needles(_ANY_KIND_CUE_RE)

# Sentence texts whose cue kinds are remembered: times, dates and places each ask for the
# same report's cues, and duplicate reports share lead sentences; bounded so a long batch
# does not keep every lead sentence alive.
KIND_CUE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=KIND_CUE_CACHE_SIZE)
def _kinds_named(text: str) -> tuple[str, ...]:
    """The keys of the event kinds whose patterns occur in ``text``, in taxonomy order."""
    folded = fold(text)
    if not _ANY_KIND_CUE_NEEDLES.in_folded(folded):
        return ()
    if not _ANY_KIND_CUE_RE.search(text):
        return ()
    return tuple(
        key for (key, pattern), needles in zip(_KIND_CUE_RES, _KIND_CUE_NEEDLES, strict=True)
        if needles.in_folded(folded) and pattern.search(text)
    )


def reporting_near(text: str, start: int, end: int, cues: EventCues) -> bool:
    """True when the mention says when something was *said*: a reporting word ("said",
    "news conference") right before it with no event cue in between, or right after it."""
    before = text[max(0, start - REPORTING_CHARS) : start]
    said = list(REPORTING_RE.finditer(before))
    if said:
        last = said[-1]
        between = before[last.end() :]
        if not (GENERIC_CUE_RE.search(between) or cues.pattern.search(between)):
            return True
    return bool(REPORTING_AFTER_RE.match(text[end : end + REPORTING_CHARS]))


def is_dateline(sentence: Sentence, start: int, end: int) -> bool:
    """True when the mention sits on a dateline / metadata line rather than in prose: a
    "Published/Posted/Updated" line, or a short line that is the date and little else."""
    text = sentence.text
    if start < DATELINE_MAX_CHARS and DATELINE_RE.search(text[:start]):
        return True
    rest = text[:start] + " " + text[end:]
    return len(text) <= DATELINE_MAX_CHARS and len(LOWER_WORD_RE.findall(rest)) <= DATELINE_MAX_WORDS


# ---------------------------------------------------------------------------------------------
# Finding dates in text


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: its span, the day (and last day of a range) and how it was read.

    ``kind`` is "explicit" (a calendar date), "weekday", "relative", "week" ("last week":
    ``day``..``end`` is that week) or "same_day" (resolved to the previous mention's day).
    ``future`` marks weekdays read in a future-tense context.
    """

    start: int
    end: int
    day: dt.date
    end_day: dt.date | None
    kind: str
    has_year: bool = True
    future: bool = False


def format_date(d: dt.date) -> str:
    """A date as the article writes it: day month year, no leading zero ("5 October 2023")."""
    return f"{d.day} {d:%B} {d.year}"


def format_range(start: dt.date, end: dt.date | None) -> str:
    """A date or a range of days as the article writes it ("5–7 October 2023")."""
    if end is None or end == start:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def _month(token: str) -> int:
    return MONTHS[lookup_key(token.rstrip("."))]


def _year_for(month: int, day: int, anchor: dt.date | None) -> int | None:
    """The year of a date written without one: the anchor's, or the year before when that
    would put it more than YEARLESS_TOLERANCE_DAYS after the anchor."""
    if anchor is None:
        return None
    try:
        candidate = dt.date(anchor.year, month, day)
    except ValueError:
        return None
    if candidate > anchor + dt.timedelta(days=YEARLESS_TOLERANCE_DAYS):
        return anchor.year - 1
    return anchor.year


def _make_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit(text: str, anchor: dt.date | None) -> list[DateMention]:
    return list(_explicit_cached(text, anchor))


# The anchor checks, the date claims and compose read the same sentences' dates.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _explicit_cached(text: str, anchor: dt.date | None) -> tuple[DateMention, ...]:
    if not has_digit(text):
        return ()  # every explicit date has a day (or ISO) in digits
    out: list[DateMention] = []
    for m in EXPLICIT_RE.finditer(text):
        g = m.groupdict()
        year: int | None
        day_end: int | None
        if g["y3"]:
            year, month, day, day_end = int(g["y3"]), int(g["m3"]), int(g["d3"]), None
            has_year = True
        else:
            which = "1" if g["m1"] else "2"
            month = _month(g[f"m{which}"])
            day = int(g[f"d{which}"])
            day_end = int(g[f"d{which}e"]) if g[f"d{which}e"] else None
            has_year = bool(g[f"y{which}"])
            year = int(g[f"y{which}"]) if has_year else _year_for(month, day, anchor)
        first = _make_date(year, month, day)
        if first is None:
            continue
        last = _make_date(year, month, day_end) if day_end else None
        if last is not None and last <= first:
            last = None
        out.append(DateMention(m.start(), m.end(), first, last, "explicit", has_year))
    return tuple(_join_ranges(text, out))


def _join_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """Merge "from DATE to DATE" / "between DATE and DATE" into one ranged mention."""
    out: list[DateMention] = []
    for found_mention in found:
        mention = found_mention
        prev = out[-1] if out else None
        if prev is not None and not mention.has_year and mention.day.year != prev.day.year:
            # "between October 7 and October 11": the second shares the first's year.
            same_year = _make_date(prev.day.year, mention.day.month, mention.day.day)
            if same_year is not None and RANGE_JOIN_RE.match(text[prev.end : mention.start]):
                mention = DateMention(mention.start, mention.end, same_year, None, "explicit", False)
        if (
            prev is not None
            and prev.end_day is None
            and RANGE_JOIN_RE.match(text[prev.end : mention.start])
            and (RANGE_OPEN_RE.search(text[: prev.start]) or text[prev.end : mention.start].strip() in "-–—")
            and prev.day < mention.day
        ):
            out[-1] = DateMention(prev.start, mention.end, prev.day, mention.day, "explicit", prev.has_year)
            continue
        out.append(mention)
    return out


def _weekday_date(anchor: dt.date, weekday: int, modifier: str, future: bool) -> dt.date:
    """Apply the weekday rule (module docstring) to one weekday expression."""
    back = (anchor.weekday() - weekday) % 7
    if modifier in ("last", "past"):
        return anchor - dt.timedelta(days=back or 7)
    if modifier == "next" or future:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=back)


def _overlaps(start: int, end: int, spans: Sequence[DateMention]) -> bool:
    return any(start < s.end and s.start < end for s in spans)


def _relative(text: str, anchor: dt.date, explicit: Sequence[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for m in WEEKDAY_RE.finditer(text) if _WEEKDAY_NEEDLES.may_match(text) else ():
        if _overlaps(m.start(), m.end(), explicit) or (
            not m.group("pod") and ADJECTIVAL_WEEKDAY_RE.match(text[m.end() :])
        ):
            continue
        # "Thursday, 5 October": the explicit date right after says it all.
        if any(0 <= s.start - m.end() <= 3 for s in explicit):
            continue
        modifier = lookup_key(m.group("mod") or "")
        future = modifier == "next" or bool(FUTURE_RE.search(text[: m.start()]))
        day = _weekday_date(anchor, WEEKDAYS[lookup_key(m.group("wd"))], modifier, future)
        out.append(DateMention(m.start(), m.end(), day, None, "weekday", future=future))
    for m in RELATIVE_RE.finditer(text) if _RELATIVE_NEEDLES.may_match(text) else ():
        if _overlaps(m.start(), m.end(), explicit) or any(0 <= s.start - m.end() <= 3 for s in explicit):
            continue
        phrase = re.sub(r"\s+", " ", lookup_key(m.group("rel")))
        if "same day" in phrase:
            previous = [d for d in (*explicit, *out) if d.end <= m.start()]
            if previous:
                ref = max(previous, key=lambda d: d.end)
                out.append(DateMention(m.start(), m.end(), ref.day, None, "same_day"))
            continue
        if phrase == "last week":
            monday = anchor - dt.timedelta(days=anchor.weekday() + 7)
            out.append(DateMention(m.start(), m.end(), monday, monday + dt.timedelta(days=6), "week"))
            continue
        if m.group("n"):
            n = lookup_key(m.group("n"))
            offset = -(int(n) if n.isdigit() else NUMBER_WORDS[n])
        else:
            offset = next(off for key, off in RELATIVE_OFFSETS if key in phrase + " ")
        out.append(DateMention(m.start(), m.end(), anchor + dt.timedelta(days=offset), None, "relative"))
    return out


def find_dates(text: str, anchor: dt.date | None, year_anchor: dt.date | None = None) -> list[DateMention]:
    """Every date ``text`` states, in text order.

    Weekdays and relative expressions are resolved against ``anchor``; explicit dates
    without a year against ``year_anchor`` (default: ``anchor``). A publication date rejected
    as an anchor still gives the year: a report re-dated weeks later is rarely re-dated by
    a year. With neither, only dates that carry their year are returned.
    """
    return list(_find_dates(text, anchor, year_anchor))


# Date claims, compose and verify read the same sentences against the same anchors.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _find_dates(text: str, anchor: dt.date | None, year_anchor: dt.date | None) -> tuple[DateMention, ...]:
    explicit = _explicit(text, year_anchor or anchor)
    relative = _relative(text, anchor, explicit) if anchor is not None else []
    return tuple(sorted((*explicit, *relative), key=lambda d: d.start))


def resolve_relative(text: str, anchor: dt.date) -> list[tuple[int, int, dt.date]]:
    """Spans of ``text`` holding a relative date, and the day each one means.

    Covers weekday expressions ("on Thursday", "this Thursday", "Thursday night"),
    "yesterday", "today", "last night", "N days ago" and "on the same day" (the day of the
    previous date in ``text``). A span covers the whole adverbial, preposition and part of day
    included, so ``rewrite_relative`` can replace it. "last week" is not a day and is left out,
    as are weekdays in a future-tense context.
    """
    return [
        (d.start, d.end, d.day)
        for d in find_dates(text, anchor)
        if d.kind in ("weekday", "relative", "same_day") and not d.future
    ]


_POSSESSIVE_AFTER_RE = re.compile(r"['’]s\b")
_REWRITE_POD_RE = re.compile(rf"\b({_POD})\b", re.IGNORECASE)


def rewrite_relative(text: str, anchor: dt.date) -> str:
    """``text`` with each relative date replaced by the absolute one.

    "killed on Thursday" -> "killed on 5 October 2023"; "Thursday night" -> "on the night of
    5 October 2023"; "Yesterday, ..." -> "On 7 October 2023, ..."; "Thursday's attack" ->
    "the 5 October 2023 attack".
    """
    out = text
    for start, found_end, day in reversed(resolve_relative(text, anchor)):
        end = found_end
        phrase = text[start:end]
        pod = _REWRITE_POD_RE.search(phrase)
        possessive = _POSSESSIVE_AFTER_RE.match(text, end)
        if possessive:
            # "Thursday's attack" -> "the 5 October 2023 attack".
            end = possessive.end()
            new = f"the {format_date(day)}"
        elif pod:
            new = f"on the {lookup_key(pod.group(1))} of {format_date(day)}"
        elif "same day" in phrase.lower() and not phrase.lower().startswith("on"):
            new = format_date(day)
        else:
            new = f"on {format_date(day)}"
        # "killed on Thursday": the text's own "on" stays, ours is not doubled.
        if new.startswith("on ") and re.search(r"\b(?:on|of)\s*$", text[:start], re.IGNORECASE):
            new = new[3:]
        if start == 0 or re.search(r"[.!?]\s*$", text[:start]):
            new = new[:1].upper() + new[1:]
        out = out[:start] + new + out[end:]
    return out


# ---------------------------------------------------------------------------------------------
# dateparser fallback for DATE entities our patterns miss

DATEPARSER_SETTINGS_BASE: dict[str, object] = {
    "PREFER_DATES_FROM": "past",
    # A month alone or a year alone is not a day: never let dateparser fill in the rest.
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_MONTH_WORD_RE = re.compile(_MONTH)


@functools.lru_cache(maxsize=4096)
def _dateparse(text: str, anchor: dt.date) -> dt.date | None:
    import dateparser

    settings = {**DATEPARSER_SETTINGS_BASE, "RELATIVE_BASE": dt.datetime(anchor.year, anchor.month, anchor.day)}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _entity_dates(sentence: Sentence, anchor: dt.date | None, found: Sequence[DateMention]) -> list[DateMention]:
    if anchor is None:
        return []
    out = []
    for ent in sentence.entities:
        if ent.label != "DATE" or _overlaps(ent.start, ent.end, found) or not _MONTH_WORD_RE.search(ent.text):
            continue
        day = _dateparse(ent.text, anchor)
        if day is not None:
            out.append(DateMention(ent.start, ent.end, day, None, "explicit", has_year=bool(re.search(r"\d{4}", ent.text))))
    return out


# ---------------------------------------------------------------------------------------------
# Anchor date

IMMEDIACY_RE = re.compile(
    rf"\b(?:{_WEEKDAY_FULL}|yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening|week))\b",
    re.IGNORECASE,
)


# A publication date in a URL's path: "/2024/5/24/", "/2024-05-24/", "-20240524-",
# "/20240524/". Only whole path segments or dash-separated parts, so an article number that
# happens to start with 20 is not read as a date unless it is exactly eight digits that are one.
_URL_DATE_RE = re.compile(
    r"(?:(?<=/)|(?<=-)|(?<=_))(?P<y>(?:19|20)\d\d)(?:(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)|(?P<m8>[01]\d)(?P<d8>[0-3]\d))"
    r"(?=[/\-_.]|$)"
)
# A URL date this far after today is a typo or an identifier, not when the report appeared.
URL_DATE_FUTURE_DAYS = 2


def url_date(url: str | None) -> dt.date | None:
    """The publication date a news URL's path states ("/2024/05/24/slug", "slug-20240524-x"),
    or None. Only the path is read (hosts and queries carry ids, not dates); the first valid
    date wins; impossible dates (month 13, 30 February) and dates in the future are ignored."""
    if not url:
        return None
    path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    path = path[path.find("/") :] if "/" in path else ""
    latest_ok = dt.date.today() + dt.timedelta(days=URL_DATE_FUTURE_DAYS)
    for m in _URL_DATE_RE.finditer(path):
        month, day = (m.group("m"), m.group("d")) if m.group("m") else (m.group("m8"), m.group("d8"))
        try:
            found = dt.date(int(m.group("y")), int(month), int(day))
        except ValueError:
            continue
        if found <= latest_ok:
            return found
    return None


def anchor_date(source: Source, sentences: tuple[Sentence, ...]) -> tuple[dt.date | None, str | None]:
    """The date ``source``'s relative expressions are resolved against, and why, if it is not
    the publication date.

    Rules, in order:

    1. No publication date: the date in the report's URL (``url_date``), else the latest calendar date (with its year) on the report's first
       DATELINE_LINES lines, else the latest in the whole text, else None.
    2. A publication date is rejected when the report speaks in relative terms ("on
       Thursday", "yesterday") while every calendar date it states from the
       REDATE_WINDOW_DAYS before it lies more than STALE_DAYS before it (and it states at
       least one): the text was written soon after those dates and re-dated later. The anchor
       is then the latest stated date if a weekday in the same sentence agrees with it,
       else None (nothing gets resolved rather than something wrongly).
    3. Otherwise the publication date.

    Returns (anchor or None, note or None); the note says why the publication date was not
    used. Never raises.
    """
    stated = [
        (d, s.paragraph)
        for s in sentences
        for d in _explicit(s.text, source.published)
        if d.has_year or source.published is not None
    ]
    if source.published is None:
        from_url = url_date(source.url)
        if from_url is not None:
            return from_url, f"no publication date; took {from_url.isoformat()} from the report's URL"
        top = [d.day for d, paragraph in stated if paragraph < DATELINE_LINES and d.has_year]
        every = [d.day for d, _ in stated if d.has_year]
        if top or every:
            day = max(top or every)
            return day, f"no publication date; inferred {day.isoformat()} from the latest date the report states"
        dated = _weekday_dated(sentences)
        if dated is not None:
            return dated, (
                f"{WEEKDAY_INFERRED}: {dated.isoformat()}, from a weekday and date the report states "
                "without a year (the latest year they agree in)"
            )
        return None, "no publication date, and the report states no full date to infer one from"
    published = source.published
    if not any(IMMEDIACY_RE.search(s.text) for s in sentences):
        return published, None
    # Dates years back are background ("protests began on 15 March 2011"): they say nothing
    # about when the report was written. Dates after publication are plans.
    recent = [d.day for d, _ in stated if (published - d.day).days <= REDATE_WINDOW_DAYS and d.day <= published]
    if not recent:
        return published, None
    latest = max(recent)
    if (published - latest).days <= STALE_DAYS:
        return published, None
    why = (
        f"publication date {published.isoformat()} is {(published - latest).days} days after the "
        f"latest date the report states ({latest.isoformat()}) yet it uses relative dates"
    )
    for s in sentences:
        for d in _explicit(s.text, published):
            if d.day == latest and any(
                WEEKDAYS[lookup_key(m.group("wd"))] == latest.weekday() for m in WEEKDAY_RE.finditer(s.text)
            ):
                return latest, f"{why}; anchored on {latest.isoformat()}, whose weekday the text names"
    return None, f"{why}; relative dates left unresolved"


def _weekday_dated(sentences: Sequence[Sentence], today: dt.date | None = None) -> dt.date | None:
    """The latest "Saturday, October 7" a report states without a year, dated to the latest
    year up to ``today`` in which that day is that weekday (None when none is stated)."""
    today = today or dt.date.today()
    found: list[dt.date] = []
    for s in sentences:
        for m in EXPLICIT_RE.finditer(s.text):
            weekday = m.group("wd1") or m.group("wd2")
            if not weekday or m.group("y1") or m.group("y2") or m.group("y3"):
                continue
            which = "1" if m.group("m1") else "2"
            month, day = _month(m.group(f"m{which}")), int(m.group(f"d{which}"))
            wanted = next(v for k, v in WEEKDAYS.items() if k.startswith(weekday.rstrip(".").lower()[:3]))
            for year in range(today.year, today.year - WEEKDAY_YEAR_LOOKBACK, -1):
                candidate = _make_date(year, month, day)
                if candidate is not None and candidate <= today and candidate.weekday() == wanted:
                    found.append(candidate)
                    break
    return max(found) if found else None


# How ``anchor_date``'s note starts when the anchor's year was guessed from a weekday ("Friday,
# May 22" in the latest year where May 22 is a Friday): the report's own dates then confirm
# that anchor only circularly, and ``check_anchors`` does not count them.
WEEKDAY_INFERRED = "no publication date; year guessed from a weekday"


def check_anchors(analysed: Sequence[AnalysedSource]) -> tuple[AnalysedSource, ...]:
    """Reject anchors that disagree with the other reports of the same event.

    A report dated more than CROSS_SOURCE_STALE_DAYS after the median anchor of the other
    reports (at least MIN_OTHER_SOURCES of them), which uses relative dates and states no
    calendar date within STALE_DAYS of its own date (dates that set a weekday-guessed anchor do
    not count), was re-dated or crawled late: its
    anchor becomes None with a note, so none of its relative dates is resolved. A genuine
    follow-up weeks later loses its relative dates too: a missing date is better than a
    wrong one. Returns the sources in the same order (unchanged ones are the same objects).
    """
    anchors = [a.anchor_date for a in analysed]
    out: list[AnalysedSource] = []
    for i, item in enumerate(analysed):
        own = item.anchor_date
        others = sorted(d for j, d in enumerate(anchors) if j != i and d is not None)
        if own is None or len(others) < MIN_OTHER_SOURCES:
            out.append(item)
            continue
        median = others[len(others) // 2]
        gap = (own - median).days
        guessed = bool(item.anchor_note and item.anchor_note.startswith(WEEKDAY_INFERRED))
        confirmed = not guessed and any(
            abs((d.day - own).days) <= STALE_DAYS for s in item.sentences for d in _explicit(s.text, own)
        )
        if gap > CROSS_SOURCE_STALE_DAYS and not confirmed and any(IMMEDIACY_RE.search(s.text) for s in item.sentences):
            note = (
                f"anchor {own.isoformat()} is {gap} days after the other reports' median date "
                f"({median.isoformat()}) and nothing in the text confirms it; relative dates left unresolved"
            )
            out.append(item.model_copy(update={"anchor_date": None, "anchor_note": note}))
        else:
            out.append(item)
    return tuple(out)


# Fact.rule of a date that rests only on weekday or relative words counted from publication
# dates nothing else backs. Content cannot tell a re-dated report from a genuine one here: a
# report published on a Tuesday may well say "on Thursday" of the attack five days earlier,
# with funerals and mourning still under way and tolls still rising, so the header is kept
# and the date is shown, but flagged so renderers can say how weakly it is known.
UNCORROBORATED_RULE = "weekday resolved against an uncorroborated publication date"


def is_stated(claim: Claim, source: AnalysedSource) -> bool:
    """True when ``claim`` (a date claim of ``source``) writes its day out as a calendar
    date in its sentence, rather than as a weekday or relative expression."""
    year_anchor = source.anchor_date or source.source.published
    return any(
        m.kind == "explicit" and m.day.isoformat() == str(claim.value)
        for m in find_dates(claim.quote, source.anchor_date, year_anchor)
    )


def anchor_corroborated(source: AnalysedSource, analysed: Sequence[AnalysedSource]) -> bool:
    """True when ``source``'s anchor date is backed by more than its own header.

    Backing: the anchor was inferred from the content (it has a note), or some report
    states a calendar date within STALE_DAYS before it (or on it), or another report's
    anchor lies within STALE_DAYS of it. False without an anchor.
    """
    anchor = source.anchor_date
    if anchor is None:
        return False
    if source.anchor_note is not None:
        return True
    for other in analysed:
        if other is not source and other.anchor_date is not None and abs((other.anchor_date - anchor).days) <= STALE_DAYS:
            return True
        year_anchor = other.anchor_date or other.source.published or anchor
        for sentence in other.sentences:
            if any(0 <= (anchor - d.day).days <= STALE_DAYS for d in _explicit(sentence.text, year_anchor)):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Claims


def _weight(mention: DateMention, sentence: Sentence, cues: EventCues, inferred_anchor: bool) -> float:
    text = sentence.text
    if is_dateline(sentence, mention.start, mention.end):
        return DATELINE_WEIGHT
    weight = position_factor(sentence.index) * cues.proximity(text, mention.start, mention.end)
    if reporting_near(text, mention.start, mention.end, cues):
        weight *= REPORTING_FACTOR
    if mention.kind != "explicit":
        weight *= RELATIVE_FACTOR
        if inferred_anchor:
            weight *= INFERRED_ANCHOR_FACTOR
    if mention.kind == "week":
        weight *= WEEK_FACTOR
    if mention.future:
        weight *= FUTURE_FACTOR
    return round(min(1.0, weight), 3)


def extract(source: AnalysedSource) -> list[Claim]:
    """Date claims stated in ``source``: one per date mention, weighted (module docstring).

    Value "YYYY-MM-DD"; ``value_end`` for ranges and "last week". Relative expressions are
    skipped when the source has no anchor date.
    """
    anchor = source.anchor_date
    cues = event_cues(source)
    inferred = source.anchor_note is not None
    year_anchor = anchor or source.source.published
    claims: list[Claim] = []
    for sentence in source.sentences:
        found = find_dates(sentence.text, anchor, year_anchor)
        found = sorted((*found, *_entity_dates(sentence, anchor, found)), key=lambda d: d.start)
        for mention in found:
            weight = _weight(mention, sentence, cues, inferred)
            if weight < MIN_WEIGHT:
                continue
            end = mention.end_day.isoformat() if mention.end_day else None
            claims.append(claim_in(source, sentence, "date", mention.day.isoformat(),
                                   format_range(mention.day, mention.end_day), weight, value_end=end))
    return claims
