"""Scoring rules of ``wikiwire eval``: one function per infobox field, and the content metrics.

Every field scorer takes the reference infobox string (as written in the reference, e.g.
``"112+"``, ``"Homs, Syria"``), our prediction as it appears under ``facts`` in event.json
(``{"value": ..., "display": ...}``, or None when we have nothing) and the ``Evidence`` (the
raw input reports), and returns a ``FieldScore``:

- ``score`` in [0, 1]: 1 correct, 0 wrong or missing; only ``location`` (share of its parts)
  and a part-of-day ``time`` give partial credit.
- ``attainable``: whether any input report states the reference value at all. A reference
  value no report states cannot be extracted, only guessed; it is reported, never hidden, and
  accuracy is given both over all fields and over attainable ones.
- ``attainable_score``: the score counting only what the reports state (differs from
  ``score`` for ``location`` only, where some parts can be stated and others not).

The rules, field by field (each function's docstring says the details):

- figures (fatalities, injuries): the reference's figure is its first number ("112+" -> 112,
  "19 (including the perpetrator)" -> 19, "1,482 dead (October 7 events); 3 dead ..." -> 1482:
  infoboxes list the main event first); a reference range "2,100–2,400" is kept as a range.
  Correct when the reference figure lies within our reconciled [low, high] (ranges: overlap).
- date: equal calendar day.
- time: within ``TIME_TOLERANCE_MINUTES`` of the reference time or time range.
- timezone: the same UTC offset.
- location: share of the reference's comma-separated parts found among ours.
- type: normalised token containment either way, against each comma-separated alternative.
- perpetrators: "Unknown" against "Unknown"; names by token containment.
- target, part_of: token-set similarity of at least ``PHRASE_MATCH_THRESHOLD``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

Prediction = Mapping[str, Any] | None

# ---------------------------------------------------------------------------------------------
# Named constants

# Minutes a predicted clock time may differ from the reference: infoboxes write "~14:00" and
# "about 1:30 a.m." while reports round to the quarter hour ("around 2 p.m."), so an exact
# match would punish a correct extraction; 15 minutes still separates morning from afternoon.
TIME_TOLERANCE_MINUTES = 15

# Credit for a part of day ("afternoon") that contains the reference time: right but coarser
# than the clock time the reference gives, so half.
PART_OF_DAY_CREDIT = 0.5

# Hours [start, end) of the parts of day our time fact may hold instead of a clock time.
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "early morning": (0, 6),
    "night": (0, 6),
    "morning": (5, 12),
    "midday": (11, 14),
    "noon": (11, 14),
    "afternoon": (12, 18),
    "evening": (17, 22),
    "late evening": (20, 24),
}

# Sørensen–Dice similarity of content-word sets needed for a target/part_of phrase to count:
# "the graduation ceremony" vs "Syrian military graduation ceremony" is 0.67 and
# "the Syrian war" vs "the Syrian civil war" 0.8 (both right), while "gun violence in the
# United States" vs "mass shootings in the United States" is 0.5 (a different thing).
PHRASE_MATCH_THRESHOLD = 0.6

# Offsets (minutes east of UTC) of the zone abbreviations infoboxes write instead of an offset.
# "ET" names a zone, not an offset: either of its two offsets is accepted.
ZONE_ABBREVIATIONS: dict[str, tuple[int, ...]] = {
    "utc": (0,), "gmt": (0,), "wet": (0,), "west": (60,), "bst": (60,), "cet": (60,),
    "cest": (120,), "eet": (120,), "eest": (180,), "msk": (180,), "ast": (180, -240),
    "irst": (210,), "aft": (270,), "pkt": (300,), "ist": (330, 120), "npt": (345,),
    "ict": (420,), "wib": (420,), "cst": (480, -360), "jst": (540,), "kst": (540,),
    "aest": (600,), "nzst": (720,), "edt": (-240,), "est": (-300,), "et": (-240, -300),
    "cdt": (-300,), "ct": (-300, -360), "mdt": (-360,), "mst": (-420,), "mt": (-360, -420),
    "pdt": (-420,), "pst": (-480,), "pt": (-420, -480), "akdt": (-480,), "hst": (-600,),
}

# Country names written several ways; folded forms on the left, one canonical form on the right.
PLACE_ALIASES: dict[str, str] = {
    "u s": "united states", "us": "united states", "usa": "united states",
    "u s a": "united states", "united states of america": "united states",
    "america": "united states", "uk": "united kingdom", "u k": "united kingdom",
    "great britain": "united kingdom", "britain": "united kingdom",
    "uae": "united arab emirates", "drc": "democratic republic of the congo",
}

# Abbreviations of country names rewritten before comparing phrases word by word ("mass
# shootings in the U.S." states "United States"); "us" is left out, being also a pronoun.
PHRASE_ALIASES: dict[str, str] = {
    "u s": "united states", "u s a": "united states", "usa": "united states",
    "u k": "united kingdom", "uk": "united kingdom", "uae": "united arab emirates",
}
_PHRASE_ALIAS = re.compile(r"(?<= )(?:" + "|".join(sorted(map(re.escape, PHRASE_ALIASES), key=len, reverse=True)) + r")(?= )")

# Administrative words that infoboxes and gazetteers add or leave out ("Herat Province" is
# "Herat"); dropped before comparing places.
GENERIC_PLACE_WORDS = frozenset(
    {"province", "governorate", "district", "county", "state", "city", "region", "municipality",
     "prefecture", "oblast", "department", "parish", "the", "of"}
)

# Words that carry no content in types and phrases.
STOP_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "and", "or", "with", "from",
     "after", "before", "during", "its", "their", "his", "her", "was", "were", "is", "as"}
)

# Name suffixes left out of name comparison ("Robert Russell Card II").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Reference values meaning nobody is known to be responsible.
UNKNOWN_WORDS = frozenset({"unknown", "unidentified", "unclaimed", "none claimed"})

# Phrases in a report that state the perpetrator is unknown.
_UNKNOWN_STATED = re.compile(
    r"\b(?:no (?:group|one|organi[sz]ation|party)|nobody|none)\b[^.]{0,60}\b(?:claimed|responsibility)"
    r"|\bunknown (?:attackers?|assailants?|perpetrators?|group)|\bunidentified (?:drones?|attackers?|gunm[ae]n|assailants?)"
    r"|\bnot (?:yet )?(?:been )?claimed\b|\bresponsibility (?:is|was|remains) unclear",
    re.IGNORECASE,
)

MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")

# A number with optional thousands separators, optionally a range "2,100–2,400".
_FIGURE = re.compile(r"(?P<low>\d{1,3}(?:,\d{3})+|\d+)(?:\s*(?:–|—|-|to)\s*(?P<high>\d{1,3}(?:,\d{3})+|\d+))?")

# A clock time: "14:00", "6:54 p.m.", "2 pm", "2 p.m."; a bare number is not a time.
_CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<meridiem>[ap])\.?\s?m\b\.?|\b(?P<hour24>\d{1,2}):(?P<minute24>\d{2})\b",
    re.I,
)
_PARENTHESES = re.compile(r"\([^)]*\)")
_UTC_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*(?P<sign>[+\-−–])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_SPLIT_PARTS = re.compile(r"[,;]")
_SPLIT_NAMES = re.compile(r"[;,]|\band\b", re.I)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# How many days after the event a report may say only its weekday ("on Thursday"): a week,
# after which the weekday names another date.
WEEKDAY_REACH_DAYS = 6

# Words that date an event relative to the report's day ("yesterday", "today").
_RELATIVE_DAY = re.compile(r"\b(?:today|yesterday|tonight|last night|this morning|this afternoon|this evening|earlier today)\b", re.I)

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


# ---------------------------------------------------------------------------------------------
# Text helpers


def fold(text: str) -> str:
    """Casefolded, accent-free text with punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(stripped.casefold()))


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text``."""
    return fold(text).split()


def fold_phrase(text: str) -> str:
    """``fold`` with country abbreviations spelled out (``PHRASE_ALIASES``), space-padded."""
    return _PHRASE_ALIAS.sub(lambda m: PHRASE_ALIASES[m.group(0)], " " + fold(text) + " ")


# Shortest stem ``Evidence.states_word`` compares on: below five letters, prefixes of
# different words collide ("war" and "ward").
MIN_WORD_PREFIX = 5

# Demonyms made from a country name by adding "n" ("Syrian", "Russian", "Kenyan", "Korean",
# "American"); folded back onto the name so "the war in Syria" compares with "the Syrian civil
# war". Only these endings: "-ese", "-ish" and irregular demonyms are not attempted.
_DEMONYM = re.compile(r"^(\w{3,}[iyec]a)n$")


def _stem(word: str) -> str:
    """A crude stemmer: plurals stripped ("shootings" -> "shooting"), then "-ian"/"-yan"
    demonyms folded onto their country ("syrians" -> "syria")."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    demonym = _DEMONYM.match(word)
    return demonym[1] if demonym else word


def content_tokens(text: str) -> set[str]:
    """Stemmed folded tokens of ``text`` without stop words."""
    return {_stem(t) for t in fold_phrase(text).split() if t not in STOP_WORDS}


def dice(a: set[str], b: set[str]) -> float:
    """Sørensen–Dice similarity of two sets (0 when both are empty)."""
    if not a and not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def number_words(n: int) -> str | None:
    """English words for 0..99 ("twenty-three"), else None."""
    if 0 <= n < 20:
        return _UNITS[n]
    if 20 <= n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + ("-" + _UNITS[unit] if unit else "")
    return None


def _number_pattern(n: int) -> re.Pattern[str]:
    """A regex finding ``n`` written with or without thousands separators, or in words."""
    digits = str(n)
    grouped = f"{n:,}"
    forms = [re.escape(grouped), re.escape(digits)]
    words = number_words(n)
    if words:
        forms.append(re.escape(words).replace(r"\-", r"[- ]"))
    return re.compile(r"(?<![\d,.])(?:" + "|".join(forms) + r")(?![\d]|,\d)", re.I)


# ---------------------------------------------------------------------------------------------
# Evidence: the raw input reports


@dataclass(frozen=True)
class Report:
    """One raw input report: its text and the publication date it claims."""

    text: str
    published: dt.date | None = None


@dataclass(frozen=True)
class Evidence:
    """The raw input reports of one event, with folded forms computed once."""

    reports: tuple[Report, ...]

    @cached_property
    def raw(self) -> str:
        """Every report's text, one after the other."""
        return "\n\n".join(r.text for r in self.reports)

    @cached_property
    def folded(self) -> str:
        """``raw`` folded, padded with spaces so " word " finds whole words."""
        return " " + fold(self.raw) + " "

    @cached_property
    def token_set(self) -> set[str]:
        """Stemmed folded tokens of every report."""
        return {_stem(t) for t in fold_phrase(self.raw).split()}

    def states_phrase(self, phrase: str) -> bool:
        """Whether the folded ``phrase`` occurs as whole words in some report."""
        folded = fold(phrase)
        return bool(folded) and f" {folded} " in self.folded

    def states_word(self, word: str) -> bool:
        """Whether some report uses ``word`` (a stemmed token) or a form of it that differs
        only in its last two letters ("collapse" in "collapsed", "flood" in "flooding")."""
        if word in self.token_set:
            return True
        prefix = word[: max(MIN_WORD_PREFIX, len(word) - 2)]
        return len(word) >= MIN_WORD_PREFIX and any(t.startswith(prefix) for t in self.token_set)

    def states_number(self, n: int) -> bool:
        """Whether some report writes the number ``n`` (digits, separators, or words)."""
        return bool(_number_pattern(n).search(self.raw))


def _no_evidence() -> Evidence:
    return Evidence(())


@dataclass(frozen=True)
class FieldScore:
    """The score of one field of one event; see the module docstring."""

    field: str
    reference: str
    predicted: str
    score: float
    attainable: bool
    attainable_score: float
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "field": self.field,
            "reference": self.reference,
            "predicted": self.predicted,
            "score": round(self.score, 4),
            "attainable": self.attainable,
            "attainable_score": round(self.attainable_score, 4),
            "note": self.note,
        }


def _display(predicted: Prediction) -> str:
    if not predicted:
        return ""
    display = predicted.get("display")
    if isinstance(display, str) and display:
        return display
    value = predicted.get("value")
    return "" if value is None else str(value)


def _result(name: str, reference: str, predicted: Prediction, score: float, attainable: bool,
            note: str, attainable_score: float | None = None) -> FieldScore:
    return FieldScore(name, reference, _display(predicted), score, attainable,
                      score if attainable_score is None else attainable_score, note)


# ---------------------------------------------------------------------------------------------
# Figures: fatalities, injuries


def reference_figure(reference: str) -> tuple[int, int] | None:
    """The first figure of a reference string as (low, high); None when it has no number.

    "112+" -> (112, 112); "~277+" -> (277, 277); "2,100–2,400 injured (...)" -> (2100, 2400).
    """
    match = _FIGURE.search(reference)
    if not match:
        return None
    low = int(match["low"].replace(",", ""))
    high = int(match["high"].replace(",", "")) if match["high"] else low
    return (min(low, high), max(low, high))


def predicted_range(predicted: Prediction) -> tuple[int, int] | None:
    """Our reconciled [low, high] from a casualty fact value; a missing bound is the other
    bound (or ``best``): an open "120+" is scored as the figure 120 it states."""
    if not predicted:
        return None
    value = predicted.get("value")
    if not isinstance(value, Mapping):
        return None
    bounds = [value.get(k) for k in ("low", "high", "best")]
    numbers = [b for b in bounds if isinstance(b, int)]
    if not numbers:
        return None
    low = value.get("low") if isinstance(value.get("low"), int) else None
    high = value.get("high") if isinstance(value.get("high"), int) else None
    best = value.get("best") if isinstance(value.get("best"), int) else None
    low = low if low is not None else (best if best is not None else high)
    high = high if high is not None else (best if best is not None else low)
    assert low is not None and high is not None  # numbers is non-empty
    return (min(low, high), max(low, high))


def score_figure(name: str, reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Fatalities or injuries: correct when the reference figure (or range) overlaps our
    reconciled [low, high]. Attainable when some report writes the figure (either bound of a
    reference range)."""
    evidence = evidence or _no_evidence()
    ref = reference_figure(reference)
    if ref is None:
        return _result(name, reference, predicted, 0.0, False, "reference has no figure")
    attainable = any(evidence.states_number(n) for n in set(ref))
    ours = predicted_range(predicted)
    if ours is None:
        return _result(name, reference, predicted, 0.0, attainable, "no figure")
    correct = ours[0] <= ref[1] and ref[0] <= ours[1]
    note = f"reference {ref[0]}" + (f"–{ref[1]}" if ref[1] != ref[0] else "") + f", ours {ours[0]}–{ours[1]}"
    return _result(name, reference, predicted, 1.0 if correct else 0.0, attainable, note)


# ---------------------------------------------------------------------------------------------
# Date, time, timezone


def parse_reference_date(reference: str) -> dt.date | None:
    """The first calendar date in ``reference``: "5 October 2023", "October 25, 2023",
    "2023-10-05"; None when there is none."""
    best: tuple[int, dt.date] | None = None
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO_DATE):
        match = pattern.search(reference)
        if not match:
            continue
        month_text = match["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.casefold()]
        try:
            date = dt.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
        if best is None or match.start() < best[0]:
            best = (match.start(), date)
    return best[1] if best else None


def date_attainable(date: dt.date, evidence: Evidence) -> bool:
    """Whether the reports let a reader get ``date``: written out ("5 October", "Oct. 5",
    "2023-10-05"), or said as its weekday or "today"/"yesterday" in a report published within
    ``WEEKDAY_REACH_DAYS`` after it."""
    month_names = [m for m, n in MONTHS.items() if n == date.month]
    day = str(date.day)
    for month in month_names:
        if re.search(rf"\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\b", evidence.raw, re.I):
            return True
        if re.search(rf"\b{month}\.?\s+{day}(?:st|nd|rd|th)?\b", evidence.raw, re.I):
            return True
    if date.isoformat() in evidence.raw:
        return True
    weekday = WEEKDAYS[date.weekday()]
    for report in evidence.reports:
        if report.published is None:
            continue
        lag = (report.published - date).days
        if 0 <= lag <= WEEKDAY_REACH_DAYS and re.search(rf"\b{weekday}\b", report.text, re.I):
            return True
        if 0 <= lag <= 1 and _RELATIVE_DAY.search(report.text):
            return True
    return False


def score_date(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Date: correct when our date equals the reference's first date."""
    evidence = evidence or _no_evidence()
    ref = parse_reference_date(reference)
    if ref is None:
        return _result("date", reference, predicted, 0.0, False, "reference has no date")
    attainable = date_attainable(ref, evidence)
    value = predicted.get("value") if predicted else None
    if not isinstance(value, str):
        return _result("date", reference, predicted, 0.0, attainable, "no date")
    try:
        ours = dt.date.fromisoformat(value[:10])
    except ValueError:
        return _result("date", reference, predicted, 0.0, attainable, f"unparsable date {value!r}")
    return _result("date", reference, predicted, 1.0 if ours == ref else 0.0, attainable,
                   f"reference {ref.isoformat()}, ours {ours.isoformat()}")


def clock_times(text: str) -> list[int]:
    """Clock times in ``text`` as minutes after midnight, in order. A time without a.m./p.m.
    followed by one that has it ("6:54 – 7:08 p.m.") takes the same meridiem."""
    found: list[tuple[int, int, str | None]] = []
    for match in _CLOCK.finditer(text):
        if match["hour24"] is not None:
            found.append((int(match["hour24"]), int(match["minute24"]), None))
        else:
            found.append((int(match["hour"]), int(match["minute"] or 0), match["meridiem"].lower()))
    minutes: list[int] = []
    for index, (hour, minute, meridiem) in enumerate(found):
        if meridiem is None and index + 1 < len(found) and found[index + 1][2] and hour <= 12:
            meridiem = found[index + 1][2]
        if meridiem == "p" and hour < 12:
            hour += 12
        elif meridiem == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            minutes.append(hour * 60 + minute)
    return minutes


def reference_time(reference: str) -> tuple[int, int] | None:
    """The reference's time span in minutes after midnight; parenthesised notes and UTC offsets
    are ignored ("11:11 AFT (UTC+4:30)" -> 11:11)."""
    text = _UTC_OFFSET.sub(" ", _PARENTHESES.sub(" ", reference))
    times = clock_times(text)
    if not times:
        return None
    return (min(times), max(times))


def score_time(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Time: correct when our "HH:MM" lies within ``TIME_TOLERANCE_MINUTES`` of the reference
    time or span; a part of day containing it earns ``PART_OF_DAY_CREDIT``. Attainable when
    some report gives a clock time within the same tolerance."""
    evidence = evidence or _no_evidence()
    span = reference_time(reference)
    if span is None:
        return _result("time", reference, predicted, 0.0, False, "reference has no clock time")
    low, high = span[0] - TIME_TOLERANCE_MINUTES, span[1] + TIME_TOLERANCE_MINUTES
    attainable = any(low <= t <= high for t in clock_times(evidence.raw))
    value = predicted.get("value") if predicted else None
    if not isinstance(value, str) or not value:
        return _result("time", reference, predicted, 0.0, attainable, "no time")
    clock = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())
    if clock:
        minutes = int(clock[1]) * 60 + int(clock[2])
        return _result("time", reference, predicted, 1.0 if low <= minutes <= high else 0.0, attainable,
                       f"ours {value}")
    hours = PARTS_OF_DAY.get(value.strip().casefold())
    if hours and hours[0] * 60 <= span[0] and span[1] < hours[1] * 60:
        return _result("time", reference, predicted, PART_OF_DAY_CREDIT, attainable, f"part of day {value}")
    return _result("time", reference, predicted, 0.0, attainable, f"ours {value}")


def utc_offsets(text: str) -> set[int]:
    """UTC offsets (minutes) a timezone string names: "UTC+03:00", "AFT (UTC+4:30)", "ET"."""
    offsets: set[int] = set()
    for match in _UTC_OFFSET.finditer(text):
        sign = -1 if match["sign"] in "-−–" else 1
        offsets.add(sign * (int(match["hours"]) * 60 + int(match["minutes"] or 0)))
    if offsets:
        return offsets
    if re.fullmatch(r"\s*(?:UTC|GMT)\s*", text, re.I):
        return {0}
    for word in tokens(text):
        offsets.update(ZONE_ABBREVIATIONS.get(word, ()))
    return offsets


def score_timezone(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Timezone: correct when our UTC offset is one the reference names. Always attainable:
    the offset is derived from the place and date, which reports do not need to state."""
    ref = utc_offsets(reference)
    if not ref:
        return _result("timezone", reference, predicted, 0.0, False, "reference names no known offset")
    ours = utc_offsets(_display(predicted)) | utc_offsets(str((predicted or {}).get("value") or ""))
    if not ours:
        return _result("timezone", reference, predicted, 0.0, True, "no timezone")
    return _result("timezone", reference, predicted, 1.0 if ours & ref else 0.0, True, "")


# ---------------------------------------------------------------------------------------------
# Location


def place_key(part: str) -> str:
    """A place name folded for comparison: aliases resolved, administrative words dropped."""
    folded = fold(part)
    folded = PLACE_ALIASES.get(folded, folded)
    words = [w for w in folded.split() if w not in GENERIC_PLACE_WORDS]
    key = " ".join(words) or folded
    return PLACE_ALIASES.get(key, key)


def places_match(reference_part: str, our_part: str) -> bool:
    """Two place names match when their keys are equal, or the shorter one has two or more
    words and all of them are in the longer ("Key Bridge" in "Francis Scott Key Bridge"); one
    word inside a longer name ("Homs" in "Homs Military Academy") is not a match."""
    a, b = place_key(reference_part), place_key(our_part)
    if not a or not b:
        return False
    if a == b:
        return True
    small, big = sorted((set(a.split()), set(b.split())), key=len)
    return len(small) >= 2 and small <= big


def predicted_places(predicted: Prediction) -> list[str]:
    """Every place name in our location: the value's parts and the display's comma parts."""
    if not predicted:
        return []
    parts: list[str] = []
    value = predicted.get("value")
    if isinstance(value, Mapping):
        parts += [str(value[k]) for k in ("venue", "city", "region", "country") if value.get(k)]
    elif isinstance(value, str):
        parts += _SPLIT_PARTS.split(value)
    display = predicted.get("display")
    if isinstance(display, str):
        parts += _SPLIT_PARTS.split(display)
    return [p.strip() for p in parts if p and p.strip()]


def place_stated(part: str, evidence: Evidence) -> bool:
    """Whether some report names the place ``part`` (in any of its alias forms)."""
    key = place_key(part)
    forms = {fold(part), key} | {alias for alias, canonical in PLACE_ALIASES.items() if canonical == key}
    return any(evidence.states_phrase(form) for form in forms if form)


def score_location(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Location: the share of the reference's comma-separated parts ("Homs, Syria") that match
    one of our place names (``places_match``). The attainable score counts only the parts some
    report names."""
    evidence = evidence or _no_evidence()
    ref_parts = [p.strip() for p in _SPLIT_PARTS.split(reference) if p.strip()]
    if not ref_parts:
        return _result("location", reference, predicted, 0.0, False, "reference has no place")
    ours = predicted_places(predicted)
    found = [p for p in ref_parts if any(places_match(p, o) for o in ours)]
    stated = [p for p in ref_parts if place_stated(p, evidence)]
    score = len(found) / len(ref_parts)
    attainable_score = sum(p in found for p in stated) / len(stated) if stated else 0.0
    missed = [p for p in ref_parts if p not in found]
    unstated = [p for p in ref_parts if p not in stated]
    note = (f"missed {', '.join(missed)}" if missed else "all parts found") + (
        f"; not in any report: {', '.join(unstated)}" if unstated else "")
    return _result("location", reference, predicted, score, bool(stated), note, attainable_score)


# ---------------------------------------------------------------------------------------------
# Type


def score_type(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Type: correct when, for some comma-separated alternative of the reference ("Mass
    shooting, mass murder, ..."), our type's content words are all in it or its words are all
    in ours ("bridge collapse" in "Bridge collapse after the container ship ... struck").
    A less specific type inside a more specific reference ("bombing" for "Suicide bombing")
    therefore counts. The reference is scored as written: an earthquake's "Thrust" is a fault
    type, and a report that never says "thrust" makes it unattainable. A type is attainable when
    some report uses every word of an alternative, in any inflection ("collapsed")."""
    evidence = evidence or _no_evidence()
    alternatives = [content_tokens(a) for a in _SPLIT_PARTS.split(reference)]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return _result("type", reference, predicted, 0.0, False, "reference has no type")
    attainable = any(all(evidence.states_word(w) for w in a) for a in alternatives)
    candidates = [content_tokens(str(predicted.get(k) or "")) for k in ("value", "display")] if predicted else []
    candidates = [c for c in candidates if c]
    if not candidates:
        return _result("type", reference, predicted, 0.0, attainable, "no type")
    correct = any(c <= a or a <= c for c in candidates for a in alternatives)
    return _result("type", reference, predicted, 1.0 if correct else 0.0, attainable, "")


# ---------------------------------------------------------------------------------------------
# Perpetrators


def _is_unknown(text: str) -> bool:
    return fold(text) in UNKNOWN_WORDS


def _name_tokens(name: str) -> set[str]:
    return {t for t in tokens(_PARENTHESES.sub(" ", name)) if t not in NAME_SUFFIXES and t not in STOP_WORDS}


def predicted_names(predicted: Prediction) -> list[str]:
    """Our perpetrators as a list of names (the value list, else the display split on commas)."""
    if not predicted:
        return []
    value = predicted.get("value")
    if isinstance(value, list):
        names = [str(v) for v in value if v]
    elif isinstance(value, str) and value:
        names = _SPLIT_NAMES.split(value)
    else:
        names = _SPLIT_NAMES.split(_display(predicted))
    return [n.strip() for n in names if n and n.strip()]


def names_match(reference_name: str, our_name: str) -> bool:
    """Equal token sets, or the smaller has two or more tokens all in the larger ("Robert
    Card" in "Robert Russell Card II"); a lone surname is too weak to count."""
    a, b = _name_tokens(reference_name), _name_tokens(our_name)
    if not a or not b:
        return False
    if a == b:
        return True
    small, big = sorted((a, b), key=len)
    return len(small) >= 2 and small <= big


def name_stated(name: str, evidence: Evidence) -> bool:
    """Whether some report writes the name: its first and last tokens both appear."""
    words = [t for t in tokens(_PARENTHESES.sub(" ", name)) if t not in NAME_SUFFIXES]
    if not words:
        return False
    return all(f" {w} " in evidence.folded for w in {words[0], words[-1]})


def score_perpetrators(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Perpetrators: a reference "Unknown" is matched only by our "Unknown"; named
    perpetrators score the share of reference names one of ours matches (``names_match``).
    "Unknown" is attainable when a report says nobody claimed the attack or the attackers are
    unknown; a name when a report writes it."""
    evidence = evidence or _no_evidence()
    ours = predicted_names(predicted)
    if _is_unknown(reference):
        attainable = bool(_UNKNOWN_STATED.search(evidence.raw))
        if not ours:
            return _result("perpetrators", reference, predicted, 0.0, attainable, "no perpetrators")
        correct = all(_is_unknown(n) for n in ours)
        return _result("perpetrators", reference, predicted, 1.0 if correct else 0.0, attainable, "")
    names = [n.strip() for n in _SPLIT_NAMES.split(reference) if n.strip()]
    if not names:
        return _result("perpetrators", reference, predicted, 0.0, False, "reference names nobody")
    attainable = any(name_stated(n, evidence) for n in names)
    found = [n for n in names if any(names_match(n, o) for o in ours)]
    return _result("perpetrators", reference, predicted, len(found) / len(names), attainable,
                   "" if found else "no reference name matched")


# ---------------------------------------------------------------------------------------------
# Target, part_of


def score_phrase(name: str, reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Target or part_of: correct when the content-word sets of ours and the reference have a
    Dice similarity of at least ``PHRASE_MATCH_THRESHOLD``. Attainable by the same rule: when
    the reference's words that the reports use would by themselves make a correct phrase
    ("the war in Syria" is stated where "the Syrian civil war" is not)."""
    evidence = evidence or _no_evidence()
    ref = content_tokens(reference)
    if not ref:
        return _result(name, reference, predicted, 0.0, False, "reference is empty")
    attainable = dice(ref, ref & evidence.token_set) >= PHRASE_MATCH_THRESHOLD
    candidates = [content_tokens(_display(predicted))]
    if predicted and isinstance(predicted.get("value"), str):
        candidates.append(content_tokens(predicted["value"]))
    similarity = max(dice(ref, c) for c in candidates)
    if not any(candidates):
        return _result(name, reference, predicted, 0.0, attainable, f"no {name}")
    return _result(name, reference, predicted, 1.0 if similarity >= PHRASE_MATCH_THRESHOLD else 0.0,
                   attainable, f"similarity {similarity:.2f}")


# ---------------------------------------------------------------------------------------------
# Dispatch

Scorer = Callable[[str, Prediction, Evidence | None], FieldScore]

SCORERS: dict[str, Scorer] = {
    "date": score_date,
    "time": score_time,
    "timezone": score_timezone,
    "location": score_location,
    "type": score_type,
    "fatalities": lambda r, p, e: score_figure("fatalities", r, p, e),
    "injuries": lambda r, p, e: score_figure("injuries", r, p, e),
    "perpetrators": score_perpetrators,
    "target": lambda r, p, e: score_phrase("target", r, p, e),
    "part_of": lambda r, p, e: score_phrase("part_of", r, p, e),
}

# The fields every event is scored on (when its reference has them), and those scored only
# where the reference has them; the naive baseline predicts the core fields only.
CORE_FIELDS = ("date", "location", "type", "fatalities", "injuries", "perpetrators")
EXTRA_FIELDS = ("time", "timezone", "target", "part_of")
FIELDS = CORE_FIELDS + EXTRA_FIELDS


def score_fields(reference: Mapping[str, Any], predicted: Mapping[str, Prediction], evidence: Evidence,
                 fields: Iterable[str] = FIELDS) -> dict[str, FieldScore]:
    """Score every field in ``fields`` whose reference value is a non-empty string.

    ``predicted`` maps a field name to its prediction ({"value", "display"}) or None.
    """
    scores: dict[str, FieldScore] = {}
    for name in fields:
        ref = reference.get(name)
        if not isinstance(ref, str) or not ref.strip():
            continue
        scores[name] = SCORERS[name](ref.strip(), predicted.get(name), evidence)
    return scores


# ---------------------------------------------------------------------------------------------
# Content metrics


# Entity labels whose mentions make up an article's factual content; counts, times and
# ordinals are left out because their wording varies too much to match.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE"})


def rouge_f1(reference: str, candidate: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of ``candidate`` against ``reference`` (Porter stemming)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scores = scorer.score(reference, candidate)
    return {name: round(score.fmeasure, 4) for name, score in scores.items()}


def entity_key(text: str) -> str:
    """An entity mention folded for matching: no leading article, no possessive."""
    folded = fold(text.replace("’s", "").replace("'s", ""))
    return folded.removeprefix("the ").strip()


def reference_entities(doc_ents: Iterable[tuple[str, str]]) -> set[str]:
    """The distinct entity keys of (text, label) pairs whose label is in ``ENTITY_LABELS``."""
    return {entity_key(text) for text, label in doc_ents if label in ENTITY_LABELS and entity_key(text)}


def entity_recall(entities: set[str], candidate: str) -> float:
    """Share of ``entities`` (keys) that appear as whole words in ``candidate``; 0 when none."""
    if not entities:
        return 0.0
    folded = " " + fold(candidate) + " "
    return sum(f" {e} " in folded for e in entities) / len(entities)


def word_count(text: str) -> int:
    """Words in ``text`` (whitespace-separated)."""
    return len(text.split())


def parse_iso(value: object) -> dt.date | None:
    """A date from "YYYY-MM-DD" (or a date), else None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, None for no values."""
    return sum(values) / len(values) if values else None
