"""Quantities as news reports write them: digits, number words, vague counts and hedges.

"at least 89" -> (89, "at least"); "more than 100", "over 100", "100+" -> (100, "more than");
"nearly 90", "about 90", "~90" -> (90, "about"); "up to 90" -> (90, "up to");
"Eighteen" -> (18, "exactly"); "dozens" -> (24, "at least"). ``find_quantities`` finds every
such phrase in a sentence with its character span, for the casualties extractor.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.prefilter import Needles, has_digit
from wikiwire.records import Qualifier
from wikiwire.textkeys import lookup_key

__all__ = ["Quantity", "find_quantities", "parse", "parse_number"]

_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# "dozen" multiplies like a scale word: "two dozen" is 24 (a count written that way is round,
# so it is read as "about"; see ``_quantity``).
_SCALES: dict[str, int] = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}

# Vague counts. Each maps to the smallest number the word can honestly mean, with "at least",
# so a vague report never inflates a range: "dozens" is at least two dozen, "scores" at least
# two score, "hundreds" at least two hundred. ACLED's coding rule is likewise conservative.
_VAGUE: dict[str, tuple[int, Qualifier]] = {
    "a hundred": (100, "exactly"),
    "a thousand": (1_000, "exactly"),
    "a dozen": (12, "about"),
    "half a dozen": (6, "about"),
    "dozens": (24, "at least"),
    "scores": (40, "at least"),
    "hundreds": (200, "at least"),
    "thousands": (2_000, "at least"),
    "tens of thousands": (20_000, "at least"),
    "hundreds of thousands": (200_000, "at least"),
}

# Hedge words before a figure, longest first so "more than" wins over "more".
_HEDGES: tuple[tuple[str, Qualifier], ...] = (
    ("at least", "at least"),
    ("a minimum of", "at least"),
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("not less than", "at least"),
    ("more than", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("greater than", "more than"),
    ("over", "more than"),
    ("above", "more than"),
    ("nearly", "about"),
    ("almost", "about"),
    ("close to", "about"),
    ("just under", "about"),
    ("around", "about"),
    ("about", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("~", "about"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("at most", "up to"),
)

_WORD_NUMBER = (
    r"(?:(?:" + "|".join(sorted((*_UNITS, *_TENS), key=len, reverse=True)) + r")"
    r"(?:[\s-]+(?:and\s+)?(?:" + "|".join(sorted((*_UNITS, *_TENS, *_SCALES), key=len, reverse=True))
    + r"))*)"
)
# Digits with thousands separators or decimals ("1,482", "2.5"), optionally a scale word
# ("2.5 million", "1.2 thousand").
_DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand|hundred))?"
_VAGUE_PATTERN = "|".join(re.escape(v) for v in sorted(_VAGUE, key=len, reverse=True))
_HEDGE_PATTERN = r"~|\b(?:" + "|".join(re.escape(h) for h, _ in _HEDGES if h != "~") + r")\b"

QUANTITY = re.compile(
    rf"(?:(?P<hedge>{_HEDGE_PATTERN})\s*)?"
    rf"(?:(?P<vague>\b(?:{_VAGUE_PATTERN})\b)|(?P<digits>\b{_DIGIT_NUMBER})|(?P<words>\b{_WORD_NUMBER}\b))"
    r"(?P<plus>\+)?",
    re.IGNORECASE,
)
_HEDGE_MAP: dict[str, Qualifier] = dict(_HEDGES)
# Every QUANTITY match holds a digit, a number word (units and tens open ``_WORD_NUMBER``) or
# a vague count, whose longest word is required; the hedge alone never matches.
_QUANTITY_NEEDLES = Needles.of((*_UNITS, *_TENS, *(max(v.split(), key=len) for v in _VAGUE)))


@dataclass(frozen=True)
class Quantity:
    """A quantity found in text: its value, qualifier, and character span in that text."""

    value: int
    qualifier: Qualifier
    start: int
    end: int
    text: str
    is_word: bool = False  # written in words ("Eighteen"), not digits


def parse_number(text: str) -> int | None:
    """An integer for a bare number in digits or words ("1,482", "twenty-five"), else None."""
    text = lookup_key(text.strip())
    if not text:
        return None
    digit = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|thousand|hundred))?", text)
    if digit:
        plain = digit.group(1).replace(",", "")
        scale = _SCALES[digit.group(2)] if digit.group(2) else 1
        if "." not in plain:  # whole numbers stay exact integers, however long
            return int(plain) * scale
        return round(float(plain) * scale)
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1_000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _quantity(match: re.Match[str], offset: int = 0) -> Quantity | None:
    hedge = lookup_key(match.group("hedge") or "")
    qualifier: Qualifier = _HEDGE_MAP.get(hedge, "exactly")
    if match.group("vague"):
        vague_value, vague_q = _VAGUE[lookup_key(match.group("vague"))]
        # A hedge on a vague count only matters when it widens it ("more than a dozen").
        qualifier = qualifier if hedge and qualifier != "about" else vague_q
        return Quantity(vague_value, qualifier, match.start() + offset, match.end() + offset, match.group(0), True)
    raw = match.group("digits") or match.group("words") or ""
    value = parse_number(raw)
    if value is None:
        return None
    if match.group("plus"):
        qualifier = "more than"
    elif qualifier == "exactly" and "dozen" in lookup_key(raw):
        qualifier = "about"
    return Quantity(value, qualifier, match.start() + offset, match.end() + offset, match.group(0),
                    bool(match.group("words")))


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity phrase in ``text``, in order, with its qualifier and span."""
    return list(_quantities(text))


# Casualties, compose and verify each read the figures of the same sentences.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _quantities(text: str) -> tuple[Quantity, ...]:
    if not (has_digit(text) or _QUANTITY_NEEDLES.may_match(text)):
        return ()
    out = []
    for match in QUANTITY.finditer(text):
        quantity = _quantity(match)
        if quantity is not None:
            out.append(quantity)
    return tuple(out)


def parse(text: str) -> tuple[int, Qualifier] | None:
    """(value, qualifier) for a whole quantity phrase such as "more than 100", "120+",
    "nearly 90", "Eighteen", "dozens"; None when ``text`` is not one quantity."""
    match = QUANTITY.fullmatch(text.strip())
    if match is None:
        return None
    quantity = _quantity(match)
    return None if quantity is None else (quantity.value, quantity.qualifier)
