"""Scoring of the date, time and timezone fields."""

from __future__ import annotations

import datetime as dt
import re

from wikiwire.evaluation.scoring.common import (
    _PARENTHESES,
    Evidence,
    FieldScore,
    Prediction,
    _display,
    _no_evidence,
    _result,
    tokens,
)

__all__ = [
    "MONTHS",
    "PARTS_OF_DAY",
    "PART_OF_DAY_CREDIT",
    "TIME_TOLERANCE_MINUTES",
    "WEEKDAYS",
    "WEEKDAY_REACH_DAYS",
    "ZONE_ABBREVIATIONS",
    "clock_times",
    "date_attainable",
    "parse_reference_date",
    "reference_time",
    "score_date",
    "score_time",
    "score_timezone",
    "utc_offsets",
]

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

# A clock time: "14:00", "6:54 p.m.", "2 pm", "2 p.m."; a bare number is not a time.
_CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<meridiem>[ap])\.?\s?m\b\.?|\b(?P<hour24>\d{1,2}):(?P<minute24>\d{2})\b",
    re.I,
)
_UTC_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*(?P<sign>[+\-−–])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?", re.I)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# How many days after the event a report may say only its weekday ("on Thursday"): a week,
# after which the weekday names another date.
WEEKDAY_REACH_DAYS = 6

# Words that date an event relative to the report's day ("yesterday", "today").
_RELATIVE_DAY = re.compile(r"\b(?:today|yesterday|tonight|last night|this morning|this afternoon|this evening|earlier today)\b", re.I)


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
