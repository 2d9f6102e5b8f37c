"""What every field scorer shares: the prediction and result types (``Prediction``,
``FieldScore``), text folding and content words, and the raw reports as ``Evidence`` that
decide whether a reference value is attainable."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

__all__ = [
    "MIN_WORD_PREFIX",
    "PHRASE_ALIASES",
    "STOP_WORDS",
    "Evidence",
    "FieldScore",
    "Prediction",
    "Report",
    "content_tokens",
    "dice",
    "fold",
    "fold_phrase",
    "number_words",
    "tokens",
]

Prediction = Mapping[str, Any] | None

# Abbreviations of country names rewritten before comparing phrases word by word ("mass
# shootings in the U.S." states "United States"); "us" is left out, being also a pronoun.
PHRASE_ALIASES: dict[str, str] = {
    "u s": "united states", "u s a": "united states", "usa": "united states",
    "u k": "united kingdom", "uk": "united kingdom", "uae": "united arab emirates",
}
_PHRASE_ALIAS = re.compile(r"(?<= )(?:" + "|".join(sorted(map(re.escape, PHRASE_ALIASES), key=len, reverse=True)) + r")(?= )")

# Words that carry no content in types and phrases.
STOP_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "and", "or", "with", "from",
     "after", "before", "during", "its", "their", "his", "her", "was", "were", "is", "as"}
)

_PARENTHESES = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+")
_SPLIT_PARTS = re.compile(r"[,;]")

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
    """The score of one field of one event; see the ``wikiwire.evaluation.scoring`` package docstring."""

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
