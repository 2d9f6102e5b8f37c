"""Earthquake magnitude claims: "a magnitude 6.3 earthquake", "the 6.2-magnitude quake",
"measuring 6.3 on the Richter scale", "an M6.3 tremor", "a quake of magnitude 5.9".

The value is the magnitude as a string with one decimal ("6.3"; two when the report gives
two). Each claim is attributed to the body the sentence cites ("the U.S. Geological
Survey"), because agencies often publish different values for one quake and the reader
must see who said which. Reconciliation keeps the fact for earthquakes only.

Weighting: position in the report, and a steep penalty when the figure is an aftershock's
or a foreshock's ("followed by aftershocks of magnitude 5.9") or belongs to an earlier quake
(the sentence names another year than the report's own).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wikiwire.facts import attribution
from wikiwire.facts.claim import claim_in
from wikiwire.facts.dates import YEAR_RE, position_factor
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.prefilter import required_needles
from wikiwire.records import AnalysedSource, Claim, Sentence

__all__ = ["MagnitudeMention", "extract", "find_magnitudes"]

# Magnitudes are written with one decimal (sometimes two); a bare integer ("magnitude 6") is
# accepted after the word "magnitude" only, where it cannot be a count.
_VALUE = r"(?P<{name}>[1-9](?:\.\d{{1,2}})?)"
MAGNITUDE_RE = re.compile(
    # "magnitude 6.3", "magnitude-6.3", "magnitude of 6.3", "a magnitude 6.3 earthquake"
    rf"\bmagnitude(?:\s+of)?[\s-]+(?:M[wl]?\s*)?{_VALUE.format(name='after')}(?!\d|[.,]\d)"
    # "6.3 magnitude", "6.3-magnitude", "6.3 on the Richter scale", "6.3 Mw"
    rf"|(?<![\d.,]){_VALUE.format(name='before')}(?:[\s-]+(?:on\s+the\s+Richter\s+scale|(?:moment\s+)?magnitude|M[wl]\b))"
    # "M6.3", "M 6.3", "Mw 6.3"
    rf"|\bM[wl]?\s?(?P<symbol>[1-9]\.\d{{1,2}})\b",
    re.IGNORECASE,
)
# "measuring 6.3": only when the sentence speaks of a quake (checked in ``find_magnitudes``).
MEASURING_RE = re.compile(r"\bmeasur(?:ing|ed)\s+(?:a\s+)?(?P<value>[1-9]\.\d{1,2})\b(?!\d|[.,]\d)", re.IGNORECASE)
_QUAKE_WORD = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|temblors?|seismic)\b", re.IGNORECASE)
_NEEDLES = required_needles(MAGNITUDE_RE)

# The largest magnitude ever recorded is 9.5 (Chile, 1960); anything at or above this is not
# an earthquake magnitude (a misread figure, or another scale).
MAX_MAGNITUDE = 10.0
# An aftershock's or foreshock's magnitude (or a later quake's: "followed by a second of
# magnitude 5.5") is not the event's: it may still be the only
# figure a report gives, so it is weighed down rather than dropped.
AFTERSHOCK_FACTOR = 0.2
_AFTERSHOCK_BEFORE = re.compile(r"\b(?:(?:after|fore)shocks?|followed\s+by)\b[^.;]{0,60}$", re.IGNORECASE)
_AFTERSHOCK_AFTER = re.compile(r"^[^.;,]{0,25}\b(?:after|fore)shocks?\b", re.IGNORECASE)
# A figure in a sentence dated to another year than the report's is an earlier quake's
# ("In June 2022, a magnitude 5.9 earthquake struck eastern Afghanistan").
OTHER_YEAR_FACTOR = 0.15
# Claims below this weight are noise for every reconciliation rule (as in ``times``).
MIN_WEIGHT = 0.08


@dataclass(frozen=True)
class MagnitudeMention:
    """A magnitude in a text: its span and its value ("6.3")."""

    start: int
    end: int
    value: str


def _normalise(raw: str) -> str | None:
    number = float(raw)
    if not 0 < number < MAX_MAGNITUDE:
        return None
    return raw if "." in raw and len(raw.split(".")[1]) == 2 else f"{number:.1f}"


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _find(text: str) -> tuple[MagnitudeMention, ...]:
    found: list[MagnitudeMention] = []
    if _NEEDLES.may_match(text):
        for m in MAGNITUDE_RE.finditer(text):
            name = next(n for n in ("after", "before", "symbol") if m.group(n))
            value = _normalise(m.group(name))
            if value is not None:
                found.append(MagnitudeMention(m.start(name), m.end(name), value))
    if "measur" in text.lower() and _QUAKE_WORD.search(text):
        for m in MEASURING_RE.finditer(text):
            value = _normalise(m.group("value"))
            if value is not None and not any(f.start <= m.start("value") < f.end for f in found):
                found.append(MagnitudeMention(m.start("value"), m.end("value"), value))
    return tuple(sorted(found, key=lambda f: f.start))


def find_magnitudes(text: str) -> list[MagnitudeMention]:
    """Every earthquake magnitude stated in ``text``, in order."""
    return list(_find(text))


def _weight(mention: MagnitudeMention, sentence: Sentence, year: int | None) -> float:
    text = sentence.text
    weight = position_factor(sentence.index)
    if _AFTERSHOCK_BEFORE.search(text[: mention.start]) or _AFTERSHOCK_AFTER.match(text[mention.end :]):
        weight *= AFTERSHOCK_FACTOR
    years = {int(y) for y in YEAR_RE.findall(text)}
    if year is not None and years and year not in years:
        weight *= OTHER_YEAR_FACTOR
    return round(min(1.0, weight), 3)


def extract(source: AnalysedSource) -> list[Claim]:
    """Magnitude claims stated in ``source``, each attributed to the body its clause cites."""
    claims: list[Claim] = []
    year = source.anchor_date.year if source.anchor_date else None
    for sentence in source.sentences:
        for mention in find_magnitudes(sentence.text):
            weight = _weight(mention, sentence, year)
            if weight < MIN_WEIGHT:
                continue
            who = attribution.attribute_span(sentence, mention.start, mention.end)
            claims.append(claim_in(source, sentence, "magnitude", mention.value, mention.value, weight, attributed_to=who))
    return claims
