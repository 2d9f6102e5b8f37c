"""Which reports are not in English, so the clean stage can skip them with a reason.

Every later stage reads English: spaCy's English pipeline, English cue words, English date
and number words. A report in another language would put untranslated sentences into the
article and misread its figures, so it is listed in ``skipped`` instead.

The verdict is langdetect's (Google's language-detection profiles, seeded so it is
repeatable). Asking it costs about 2 ms a report and 0.3 s to load its profiles, so it is
asked only about texts that do not already read as English by a cheap test: the share of
words that are English function words from spaCy's stop list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["ENGLISH", "Verdict", "foreign_language"]

ENGLISH = "en"
# English news text, page furniture included, measured at 27-50% English function words
# (dev corpus, seeds, example); French, Spanish, Italian, German and Indonesian news prose at
# 0-11%. At or above this share a text is English without asking the detector; below it the
# detector decides, so an odd English text (a list of names) is still kept.
MIN_ENGLISH_STOPWORD_SHARE = 0.2
# Texts with fewer words than this are kept unasked: too short for a sure verdict, and a
# short text adds little to an article anyway.
MIN_WORDS = 20
# Characters the detector reads: plenty for prose, and its cost grows with the length.
DETECT_CHARS = 1_500
# The detector's probability for a language other than English above which the report is
# skipped; an unsure verdict keeps the report (a wrongly skipped report loses its facts).
MIN_FOREIGN_PROBABILITY = 0.9

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Verdict:
    """A language other than English and the detector's probability for it."""

    language: str  # ISO 639-1 code ("fr"), or langdetect's own code ("zh-cn")
    probability: float

    @property
    def name(self) -> str:
        """The language's English name ("French"), or its code when pycountry has none."""
        import pycountry

        found = pycountry.languages.get(alpha_2=self.language.split("-")[0])
        return str(found.name) if found is not None else self.language


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def _detector() -> Callable[[str], list[Any]]:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it repeatable
    return detect_langs


def foreign_language(text: str) -> Verdict | None:
    """The language of ``text`` when it is surely not English, else None (English, too
    short to tell, or an unsure verdict)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    stop = _stop_words()
    if sum(w in stop for w in words) / len(words) >= MIN_ENGLISH_STOPWORD_SHARE:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        found = _detector()(text[:DETECT_CHARS])
    except LangDetectException:
        return None  # no letters it knows: nothing to say
    best = max(found, key=lambda f: f.prob, default=None)
    if best is None or best.lang == ENGLISH or best.prob < MIN_FOREIGN_PROBABILITY:
        return None
    return Verdict(best.lang, round(best.prob, 2))
