"""The baselines ``wikiwire eval`` prints beside wikiwire, so its margin is visible.

- ``naive_facts``: the naive spaCy extractor issue 3 names — first DATE entity parsed with
  dateparser, most frequent GPE as the place, biggest number next to "killed"/"dead" as
  fatalities (next to "injured"/"wounded" as injuries), first taxonomy keyword as the type,
  first PERSON/ORG in a sentence saying "claimed"/"suspect" as perpetrator, else "Unknown".
  It reads the same spaCy sentences and entities as wikiwire and answers in event.json's
  ``facts`` shape, so the same scoring functions score both.
- ``lexrank_summary``: an extractive LexRank summary (sumy) of a given word length, the
  content baseline. sumy's own English tokenizer needs NLTK's punkt data, which is not
  available offline, so ``OfflineTokenizer`` stands in for it (regex sentence and word
  splitting, no downloads).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wikiwire import taxonomy
from wikiwire.evaluation.scoring import number_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from wikiwire.records import AnalysedSource

# Words either side of a "killed"/"injured" keyword in which the naive extractor looks for a
# number: "killing 80 people" and "80 people were killed" both fall within three.
NUMBER_WINDOW = 3

# Four-digit numbers in this span are years, not tolls; even a naive reader skips them.
YEAR_SPAN = (1900, 2100)

_DEATH_WORD = re.compile(r"^(?:killed|killing|kills?|dead|deaths?|died|dies|toll|lives)$", re.I)
_INJURY_WORD = re.compile(r"^(?:injured|injuring|injuries|wounded|wounding|hurt)$", re.I)
_CLAIM_WORD = re.compile(r"\b(?:claim(?:ed|s|ing)?|suspects?|suspected)\b", re.I)
_TOKEN = re.compile(r"[\w,'’-]+")
_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_WORD_NUMBERS = {w: n for n in range(100) if (w := number_words(n))}


@dataclass(frozen=True)
class BaselineSentence:
    """One sentence as the naive baseline sees it: text, (entity text, label) pairs, and the
    publication date its report claims (used, naively, to resolve relative dates)."""

    text: str
    entities: tuple[tuple[str, str], ...] = ()
    published: dt.date | None = None


def sentences_from_analysed(analysed: Iterable[AnalysedSource]) -> list[BaselineSentence]:
    """The baseline's view of wikiwire's analysed sources (the same spaCy sentences)."""
    return [
        BaselineSentence(s.text, tuple((e.text, e.label) for e in s.entities), a.source.published)
        for a in analysed
        for s in a.sentences
    ]


def sentences_from_docs(docs: Iterable[tuple[Doc, dt.date | None]]) -> list[BaselineSentence]:
    """The baseline's view of spaCy docs, each with its report's publication date."""
    out: list[BaselineSentence] = []
    for doc, published in docs:
        for sent in doc.sents:
            ents = tuple((e.text, e.label_) for e in sent.ents)
            out.append(BaselineSentence(sent.text, ents, published))
    return out


def _fact(value: Any, display: str) -> dict[str, Any]:
    return {"value": value, "display": display}


def naive_date(sentences: Sequence[BaselineSentence]) -> dict[str, Any] | None:
    """The first DATE entity dateparser can read, relative to its report's date."""
    import dateparser

    for sentence in sentences:
        for text, label in sentence.entities:
            if label != "DATE":
                continue
            # dateparser's defaults: a bare weekday is read in the week of the report's date.
            settings: dict[str, Any] = {}
            if sentence.published:
                settings["RELATIVE_BASE"] = dt.datetime.combine(sentence.published, dt.time(12))
            parsed = dateparser.parse(text, languages=["en"], settings=settings)
            if parsed:
                return _fact(parsed.date().isoformat(), text)
    return None


def naive_location(sentences: Sequence[BaselineSentence]) -> dict[str, Any] | None:
    """The most frequent GPE entity (first seen wins ties)."""
    counts = Counter(text for s in sentences for text, label in s.entities if label == "GPE")
    if not counts:
        return None
    place = counts.most_common(1)[0][0]
    return _fact({"venue": None, "city": place, "region": None, "country": None, "lat": None, "lon": None}, place)


def naive_type(sentences: Sequence[BaselineSentence]) -> dict[str, Any] | None:
    """The taxonomy kind whose keyword occurs first in the text."""
    compiled = [(kind.key, re.compile(r"\b(?:" + "|".join(kind.patterns) + r")", re.I)) for kind in taxonomy.KINDS]
    for sentence in sentences:
        hits = [(m.start(), key) for key, pattern in compiled if (m := pattern.search(sentence.text))]
        if hits:
            key = min(hits)[1]
            return _fact(key, key)
    return None


def _to_number(word: str) -> int | None:
    if _NUMBER.match(word):
        n = int(word.replace(",", ""))
        return None if YEAR_SPAN[0] <= n <= YEAR_SPAN[1] and "," not in word else n
    return _WORD_NUMBERS.get(word.casefold())


def naive_figure(sentences: Sequence[BaselineSentence], keyword: re.Pattern[str]) -> dict[str, Any] | None:
    """The biggest number within ``NUMBER_WINDOW`` words of a keyword, in any sentence."""
    best: int | None = None
    for sentence in sentences:
        words = _TOKEN.findall(sentence.text)
        keys = [i for i, w in enumerate(words) if keyword.match(w)]
        if not keys:
            continue
        for i, word in enumerate(words):
            n = _to_number(word)
            if n is not None and any(abs(i - k) <= NUMBER_WINDOW for k in keys) and (best is None or n > best):
                best = n
    if best is None:
        return None
    return _fact({"low": best, "high": best, "best": best}, str(best))


def naive_perpetrators(sentences: Sequence[BaselineSentence]) -> dict[str, Any]:
    """The first PERSON/ORG in a sentence about a claim or a suspect, else "Unknown"."""
    for sentence in sentences:
        if not _CLAIM_WORD.search(sentence.text):
            continue
        for text, label in sentence.entities:
            if label in ("PERSON", "ORG"):
                return _fact([text], text)
    return _fact(["Unknown"], "Unknown")


def naive_facts(sentences: Sequence[BaselineSentence]) -> dict[str, dict[str, Any] | None]:
    """The naive baseline's core facts, in event.json's ``facts`` shape (None when absent)."""
    return {
        "date": naive_date(sentences),
        "location": naive_location(sentences),
        "type": naive_type(sentences),
        "fatalities": naive_figure(sentences, _DEATH_WORD),
        "injuries": naive_figure(sentences, _INJURY_WORD),
        "perpetrators": naive_perpetrators(sentences),
    }


# ---------------------------------------------------------------------------------------------
# LexRank

# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before a space and a
# capital, digit or opening quote; good enough for news prose and needs no trained model.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")


class OfflineTokenizer:
    """A sumy-compatible tokenizer (``to_sentences``, ``to_words``) that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of ``paragraph`` by the regex rule above."""
        return tuple(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens of ``sentence``."""
        return tuple(_WORDS.findall(sentence))


def lexrank_summary(sentences: Sequence[str], word_budget: int) -> str:
    """An extractive LexRank summary of about ``word_budget`` words, in input order.

    ``sentences`` are the input's sentences (one string each; repeated ones are dropped).
    Sentences are taken best-rated first; one that would overshoot the budget by more than it
    fills is skipped, so the summary's length is as close to the budget as the sentences allow.
    Returns "" for no sentences or a zero budget.
    """
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    unique = list(dict.fromkeys(s.strip() for s in sentences if s.strip()))
    if not unique or word_budget <= 0:
        return ""
    # One sentence per paragraph: the input is already split, and PlaintextParser would
    # otherwise join lines and re-split them.
    parser = PlaintextParser.from_string("\n\n".join(unique), OfflineTokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def within_budget(infos: list[Any]) -> list[Any]:
        chosen, total = [], 0
        for info in infos:
            if total >= word_budget:
                break
            words = len(str(info.sentence).split())
            if total + words - word_budget > word_budget - total:
                continue
            chosen.append(info)
            total += words
        return chosen

    picked = summarizer(parser.document, within_budget)
    return "\n".join(str(s) for s in picked)
