"""Stage 7, verify: check every article sentence against the sources it cites.

Every number, date and name in an article sentence must appear in a source it cites, or be
derived from one: a number written in words in the source ("eighty-nine" supports 89), an
absolute date resolved from a weekday or "today" with the source's anchor date, a year from
any date of the source or its anchor. A sentence that fails is re-cited to sources that
support it (searching every source's text, greedily covering what is missing), or dropped with
the reason. Cited sources that support nothing in a sentence are removed from it.

Article sentences have no spaCy parse, so their checkable items are found by regular
expressions: dates, times, numbers (digits and words), and capitalised names. Names are
matched word by word, case- and accent-insensitively, with a light stem so that a demonym
matches its country ("Syrian" / "Syria").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from wikiwire.compose.rewrite import explicit_dates, relative_dates
from wikiwire.facts.dates import YEAR_RE
from wikiwire.facts.numbers import find_quantities
from wikiwire.records import (
    AnalysedSource,
    Article,
    ArticleSentence,
    DroppedSentence,
    EventFacts,
    Section,
    Verification,
)

__all__ = ["Item", "SourceIndex", "checkable_items", "index_source", "verify"]

# A year in prose: only 1900-2099 counts as a year rather than a figure.
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\.?)?", re.IGNORECASE)
# Figures in a source, units glued on or not ("30km", "6.3-magnitude", "1,482").
_DIGITS = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]\d)")
# Capitalised names, allowing lower-case connectors inside ("Ministry of Health",
# "Bashar al-Assad").
_NAME = re.compile(
    r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|for|al|el|de|del|da|bin|ibn|la|le|du|von|van)\s+)*[A-Z][\w'’.-]*)*"
)
_CONNECTORS = frozenset({"of", "the", "for", "and", "al", "el", "de", "del", "da", "bin", "ibn", "la", "le", "du", "von", "van"})
# Vague counts ("dozens") name no figure that a number in the article could stand on.
_VAGUE = re.compile(r"dozen|score|hundreds|thousands|millions", re.IGNORECASE)
# Shortest stem used to match word forms ("Syrian"/"Syria"): shorter stems match unrelated
# words.
MIN_STEM = 5
# Words of a name shorter than this are not checked ("A", "U.", initials).
MIN_NAME_WORD = 2
# Sentence-opening words that are capitalised only because they open the sentence.
_OPENERS = frozenset(
    ["the", "a", "an", "on", "in", "at", "no", "after", "before", "during", "following", "as", "while", "when", "with", "some", "several", "many", "more", "most", "it", "its", "his", "her", "their", "they", "he", "she", "this", "these", "those", "there", "among", "according", "by", "from", "of", "for", "and", "but", "both", "other", "others", "all", "one", "two", "three", "four", "five"]
)


def _fold(text: str) -> str:
    """Lower-case, accents stripped, typographic apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SourceIndex:
    """What one source can support: its words (and their stems), numbers, dates, years."""

    source_id: str
    words: frozenset[str]
    prefixes: frozenset[str]
    numbers: frozenset[int]
    dates: frozenset[dt.date]
    years: frozenset[int]
    folded: str


def index_source(source: AnalysedSource) -> SourceIndex:
    """Index a source's full cleaned text (and its anchor date) for support checks."""
    text = source.source.text
    folded = _fold(text)
    words = frozenset(_TOKEN.findall(folded))
    prefixes = frozenset(w[:k] for w in words if len(w) >= MIN_STEM for k in range(MIN_STEM, len(w) + 1))
    numbers = {int(float(m.group(0).replace(",", ""))) for m in _DIGITS.finditer(text)}
    # Quantities as the article's items read them: word numbers and scaled figures ("11.3
    # million"), which the digit runs alone would index as 11 and 3.
    numbers |= {q.value for q in find_quantities(text) if not (q.is_word and _VAGUE.search(q.text))}
    anchor = source.anchor_date
    default_year = anchor.year if anchor else (source.source.published.year if source.source.published else None)
    dates = {d for _, _, d in explicit_dates(text, default_year)}
    dates |= {d for _, _, d in relative_dates(text, anchor)}
    years = {int(y) for y in YEAR_RE.findall(text)} | {d.year for d in dates}
    if anchor:
        years.add(anchor.year)
    return SourceIndex(source.source.id, words, prefixes, frozenset(numbers), frozenset(dates), frozenset(years), folded)


@dataclass(frozen=True)
class Item:
    """One checkable thing in an article sentence: its kind, its text, its value."""

    kind: str  # "date" | "year" | "time" | "number" | "name"
    text: str
    value: object

    def supported_by(self, index: SourceIndex) -> bool:
        """True when the source indexed by ``index`` states or derives this item."""
        if self.kind == "date" and isinstance(self.value, dt.date):
            day = self.value
            if day.year == 1:  # written without a year: month and day must match
                return any((d.month, d.day) == (day.month, day.day) for d in index.dates)
            return day in index.dates
        if self.kind == "year":
            return self.value in index.years or self.value in index.numbers
        if self.kind == "time":
            return _fold(self.text).replace(".", ":") in index.folded.replace(".", ":")
        if self.kind == "number":
            return self.value in index.numbers
        return all(_word_supported(w, index) for w in _name_words(self.text))


def _name_words(name: str) -> list[str]:
    words = [w for w in _TOKEN.findall(_fold(re.sub(r"['’]s\b", "", name))) if w not in _CONNECTORS]
    return [w for w in words if len(w) >= MIN_NAME_WORD]


def _word_supported(word: str, index: SourceIndex) -> bool:
    if word in index.words:
        return True
    if len(word) < MIN_STEM:
        return False
    stem = word[: max(MIN_STEM, len(word) - 2)]
    return stem in index.prefixes


def checkable_items(text: str) -> list[Item]:
    """Every date, year, time, number and capitalised name in an article sentence."""
    items: list[Item] = []
    masked = list(text)

    def mask(start: int, end: int) -> None:
        masked[start:end] = " " * (end - start)

    for start, end, day in explicit_dates(text, 1):
        items.append(Item("date", text[start:end], day))
        mask(start, end)
    plain = "".join(masked)
    for m in _TIME.finditer(plain):
        items.append(Item("time", m.group(0), m.group(0)))
        mask(m.start(), m.end())
    plain = "".join(masked)
    for m in YEAR_RE.finditer(plain):
        items.append(Item("year", m.group(0), int(m.group(0))))
        mask(m.start(), m.end())
    plain = "".join(masked)
    for q in find_quantities(plain):
        if q.is_word and _VAGUE.search(q.text):
            continue
        if not q.is_word and not re.search(r"\d", q.text):
            continue
        items.append(Item("number", q.text, q.value))
        mask(q.start, q.end)
    plain = "".join(masked)
    for m in _NAME.finditer(plain):
        name = m.group(0).rstrip(".")
        words = name.split()
        opens = m.start() == len(plain) - len(plain.lstrip()) or plain[: m.start()].rstrip().endswith((".", ":", "“", '"', ";"))
        # The sentence's first word is capitalised by position, not because it is a name.
        if opens and words and words[0].lower() in _OPENERS:
            words = words[1:]
        name = " ".join(words)
        if name and _name_words(name):
            items.append(Item("name", name, name))
    return items


def _covering(items: Sequence[Item], cited: Sequence[str], indexes: Mapping[str, SourceIndex]) -> tuple[list[str], list[Item]]:
    """Sources covering ``items``: the cited ones that support something, then others added
    greedily (most missing items first). Returns (sources, items nobody supports)."""
    def supports(sid: str, wanted: Iterable[int]) -> set[int]:
        return {i for i in wanted if items[i].supported_by(indexes[sid])}

    everything = range(len(items))
    support = {sid: supports(sid, everything) for sid in cited if sid in indexes}
    chosen = [sid for sid in cited if support.get(sid)]
    covered: set[int] = set().union(*(support[s] for s in chosen)) if chosen else set()
    missing = set(everything) - covered
    if missing:
        # Only now look at every other source, and only for what is missing.
        order = list(indexes)
        support = {sid: supports(sid, missing) for sid in order if sid not in chosen}
    while missing and support:
        best = max(support, key=lambda sid: (len(support[sid] & missing), -order.index(sid)))
        gain = support.pop(best) & missing
        if not gain:
            break
        chosen.append(best)
        missing -= gain
    return chosen, [items[i] for i in sorted(missing)]


class _Indexes(Mapping[str, SourceIndex]):
    """Source indexes by source id, each built on first use: most sentences are checked
    against the few sources they cite, and only a sentence its sources do not support makes
    every source's index needed (a 1,000-report build cites a few dozen)."""

    def __init__(self, analysed: Sequence[AnalysedSource]) -> None:
        self._sources = {a.source.id: a for a in analysed}
        self._built: dict[str, SourceIndex] = {}

    def __getitem__(self, source_id: str) -> SourceIndex:
        built = self._built.get(source_id)
        if built is None:
            built = self._built[source_id] = index_source(self._sources[source_id])
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._sources


@dataclass
class _Tally:
    checked: int = 0
    passed: int = 0
    recited: int = 0


def _evidence_for(sentence: ArticleSentence, sources: Sequence[str], analysed: dict[str, AnalysedSource]) -> tuple[str, ...]:
    """Evidence kept for the sources still cited, plus the best-matching sentence of each
    newly cited source."""
    kept = [e for e in sentence.evidence if e.split(".")[0] in sources]
    have = {e.split(".")[0] for e in kept}
    words = set(_TOKEN.findall(_fold(sentence.text)))
    for sid in sources:
        if sid in have or sid not in analysed:
            continue
        best = max(analysed[sid].sentences, key=lambda s: len(words & set(_TOKEN.findall(_fold(s.text)))), default=None)
        if best is not None:
            kept.append(best.id)
    return tuple(kept)


def _check(
    sentence: ArticleSentence,
    indexes: Mapping[str, SourceIndex],
    analysed: dict[str, AnalysedSource],
    tally: _Tally,
    dropped: list[DroppedSentence],
) -> ArticleSentence | None:
    tally.checked += 1
    items = checkable_items(sentence.text)
    if not items:
        if sentence.sources:
            tally.passed += 1
            return sentence
        dropped.append(DroppedSentence(text=sentence.text, reason="no source cited and nothing checkable to find one by"))
        return None
    sources, missing = _covering(items, sentence.sources, indexes)
    if missing:
        what = ", ".join(f"{m.kind} {m.text!r}" for m in missing[:3])
        dropped.append(DroppedSentence(text=sentence.text, reason=f"no source supports {what}"))
        return None
    if all(s in sentence.sources for s in sources):
        tally.passed += 1
        if tuple(sources) == sentence.sources:
            return sentence
        # Only unsupporting citations were removed: the sentence passed as cited.
        return sentence.model_copy(update={"sources": tuple(sources), "evidence": _evidence_for(sentence, sources, analysed)})
    tally.recited += 1
    return sentence.model_copy(update={"sources": tuple(sources), "evidence": _evidence_for(sentence, sources, analysed)})


def _check_section(section: Section, *args: object) -> Section | None:
    sentences = tuple(s for s in (_check(x, *args) for x in section.sentences) if s is not None)  # type: ignore[arg-type]
    subsections = tuple(s for s in (_check_section(x, *args) for x in section.subsections) if s is not None)
    if not sentences and not subsections:
        return None
    return Section(heading=section.heading, sentences=sentences, subsections=subsections)


def verify(article: Article, analysed: Sequence[AnalysedSource], facts: EventFacts) -> tuple[Article, Verification]:
    """Return the article with unsupported sentences re-cited or dropped, and the record of it.

    Takes the composed article, the analysed sources (their full text and anchor dates are
    the evidence) and the facts (unused by the checks themselves; part of the stage's
    contract). Sections left empty are removed. ``Verification.passed`` counts sentences
    supported as cited, ``recited`` those that needed other sources, ``dropped`` the rest.
    """
    del facts  # every check reads the sources themselves
    indexes = _Indexes(analysed)
    by_id = {a.source.id: a for a in analysed}
    tally = _Tally()
    dropped: list[DroppedSentence] = []
    lead = tuple(s for s in (_check(x, indexes, by_id, tally, dropped) for x in article.lead) if s is not None)
    sections = tuple(s for s in (_check_section(x, indexes, by_id, tally, dropped) for x in article.sections) if s is not None)
    checked = article.model_copy(update={"lead": lead, "sections": sections})
    return checked, Verification(checked=tally.checked, passed=tally.passed, recited=tally.recited, dropped=tuple(dropped))
