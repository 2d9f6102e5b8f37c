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
matches its country ("Syrian" / "Syria"). A country in a name is matched as a country, in
any of its spellings (``aliases``: "United States" is supported by "U.S."), or by a
first-level region of it that the source names ("Maine" supports "the United States", as
``facts.context`` derives a national series from a state's); its words alone do not
support it ("United Kingdom" is not in "the United States ... the kingdom"). A capitalised
word that opens a sentence alone is no name when the sources write it in lower case
("Reports gave death tolls ..."). A hyphenated name matches its joined spelling, an
abbreviated title its full word ("Gov." / "Governor"); a date without a year matches the
same day in a source that gives none; clock times are compared by the time they state
("4:20 p.m." / "16:20").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from wikiwire import aliases, gazetteer
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

# A clock time: hour, minute and, when written, the half of the day ("4:20 p.m.", "4.20pm").
_TIME = re.compile(r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})\b(?:\s*(?P<mer>[ap])\.?\s?m\b\.?)?", re.IGNORECASE)
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


# Latin letters that Unicode does not decompose into a base letter and an accent, written
# as English-language reports write them ("Kılıçdaroğlu" / "Kilicdaroglu", "Ødegaard").
_UNDECOMPOSED = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d"})
# Apostrophes reports type for the possessive.
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})
# A leap year given to dates written without one, so that "29 February" is still read.
_ANY_LEAP_YEAR = 2000
# Entity labels of spaCy that name places (a source's first-level regions are among them).
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _fold(text: str) -> str:
    """Lower-case, accents stripped, typographic apostrophes straightened."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


_TOKEN = re.compile(r"[a-z0-9]+")
_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


@dataclass(frozen=True)
class SourceIndex:
    """What one source can support: its words (and their stems), numbers, dates, years, the
    (month, day) of every date it writes (with a year or without), its clock times
    (``_clock_readings``), the countries it names in any spelling (ISO codes) and the place
    names spaCy found in it."""

    source_id: str
    words: frozenset[str]
    prefixes: frozenset[str]
    numbers: frozenset[int]
    dates: frozenset[dt.date]
    years: frozenset[int]
    folded: str
    month_days: frozenset[tuple[int, int]] = frozenset()
    times: frozenset[tuple[str, int, int]] = frozenset()
    countries: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


def index_source(source: AnalysedSource) -> SourceIndex:
    """Index a source's full cleaned text (and its anchor date) for support checks."""
    text = source.source.text
    folded = _fold(text)
    # A compound is also indexed joined ("Sang-mok" as "sangmok"), as other reports write it.
    words = frozenset(_TOKEN.findall(folded)) | {m.group(0).replace("-", "") for m in _COMPOUND.finditer(folded)}
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
    # A date without a year in a source with no date to take the year from is still a day
    # of a month, which an article date written without a year can match.
    month_days = frozenset((d.month, d.day) for _, _, d in explicit_dates(text, _ANY_LEAP_YEAR)) | {(d.month, d.day) for d in dates}
    places = frozenset(e.text for s in source.sentences for e in s.entities if e.label in _PLACE_LABELS)
    times = frozenset(reading for m in _TIME.finditer(text) for reading in _clock_readings(m.group(0)))
    return SourceIndex(source.source.id, words, prefixes, frozenset(numbers), frozenset(dates), frozenset(years), folded,
                       month_days, times, aliases.countries_named(text), places)


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
                return (day.month, day.day) in index.month_days
            return day in index.dates
        if self.kind == "year":
            return self.value in index.years or self.value in index.numbers
        if self.kind == "time":
            readings = _clock_readings(self.text)
            return bool(readings) and readings[0] in index.times
        if self.kind == "number":
            return self.value in index.numbers
        return _name_supported(self.text, index)


def _clock_readings(time: str) -> list[tuple[str, int, int]]:
    """What a written time states, most specific first: ("at", hour 0-23, minute) when it says
    which half of the day ("4:20 p.m.", "16:20", "04:20"), and ("clock", hour, minute) as the
    clock face reads ("4:20"). An article's time is supported by the source's reading of its
    first kind: "4:20 p.m." by "16:20" or "4.20pm", never by "4:20 a.m."; a bare "4:20" by
    any 4:20."""
    m = _TIME.fullmatch(time.strip())
    if m is None:
        return []
    hour, minute, meridiem = int(m.group("h")), int(m.group("m")), (m.group("mer") or "").lower()
    clock = ("clock", hour % 12 or 12, minute)
    if meridiem:
        return [("at", hour % 12 + (12 if meridiem == "p" else 0), minute), clock]
    if hour > 12 or hour == 0 or m.group("h").startswith("0"):
        return [("at", hour, minute), clock]
    return [clock]


def _name_words(name: str) -> list[str]:
    words = [w for w in _TOKEN.findall(_fold(_POSSESSIVE.sub("", name))) if w not in _CONNECTORS]
    return [w for w in words if len(w) >= MIN_NAME_WORD]


_POSSESSIVE = re.compile(r"['’]s\b")


def _name_supported(name: str, index: SourceIndex) -> bool:
    """Every country of ``name`` named by the source (``_country_supported``) and every
    other word of it written there."""
    words = _POSSESSIVE.sub("", name).split()
    for start, end, code in aliases.country_spans(words):
        if not _country_supported(code, index):
            return False
        words[start:end] = [""] * (end - start)
    return all(_written_supported(w, index) for w in words if w)


def _written_supported(written: str, index: SourceIndex) -> bool:
    """One word of a name as written between spaces: each of its parts (split at hyphens and
    apostrophes) in the source, itself or as an abbreviation ("Governor" / "Gov."), or its
    parts joined ("Sang-mok" / "Sangmok")."""
    parts = _name_words(written)
    if all(_word_supported(p, index) or not aliases.word_forms(p).isdisjoint(index.words) for p in parts):
        return True
    return len(parts) > 1 and "".join(_TOKEN.findall(_fold(written))) in index.words


def _country_supported(code: str, index: SourceIndex) -> bool:
    """The source names the country ``code``: in any spelling (``aliases.countries_named``), or
    by a first-level region of it and of no other country."""
    return code in index.countries or any(_region_country(place) == code for place in index.places)


@functools.lru_cache(maxsize=4096)
def _region_country(place: str) -> str | None:
    """The country code of ``place`` when every region and country the gazetteer knows by that
    name lies in one country and one of them is a region ("Maine"), else None ("Georgia",
    "Punjab"): a region names its country, an ambiguous name names none."""
    candidates = [p for p, _ in gazetteer.get().candidates(place) if p.kind in ("region", "country")]
    codes = {p.country_code for p in candidates}
    if len(codes) != 1 or not any(p.kind == "region" for p in candidates):
        return None
    return codes.pop()


def _word_supported(word: str, index: SourceIndex) -> bool:
    if word in index.words:
        return True
    if len(word) < MIN_STEM:
        return False
    stem = word[: max(MIN_STEM, len(word) - 2)]
    return stem in index.prefixes


def checkable_items(text: str, lowercase: Callable[[str], bool] | None = None) -> list[Item]:
    """Every date, year, time, number and capitalised name in an article sentence.

    ``lowercase`` tells whether the sources write a word in lower case; a capitalised word
    that opens the sentence, is such a word and is not followed by another capitalised word
    ("Reports", not "South Korea") is capitalised by position, not a name. Without it only the
    listed openers (articles, prepositions, pronouns) are."""
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
        start = m.start()
        # A name glued to a figure masked above ("7C2216") is read whole, as the source has it.
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        name = (text[start:m.start()] + m.group(0)).rstrip(".")
        words = name.split()
        opens = start == len(plain) - len(plain.lstrip()) or plain[:start].rstrip().endswith((".", ":", "“", '"', ";"))
        # The sentence's first word is capitalised by position, not because it is a name.
        if opens and words and _positional(words[0], lowercase if len(words) == 1 else None):
            words = words[1:]
        name = " ".join(words)
        # "U.S." has no word long enough to check by its words, but is a country to check.
        if name and (_name_words(name) or aliases.country_spans(name.split())):
            items.append(Item("name", name, name))
    return items


def _positional(word: str, lowercase: Callable[[str], bool] | None) -> bool:
    """True when ``word``, opening a sentence, is capitalised only for that: a listed opener,
    or a word written with one capital ("IS" and "U.S." are names) that the sources write in
    lower case and that spells no country ("Turkey")."""
    folded = _fold(word)
    if folded in _OPENERS:
        return True
    if lowercase is None or word[1:] != word[1:].lower():
        return False
    return lowercase(folded) and aliases.country_code(word) is None


class _Lowercase:
    """The words the sources write in lower case, gathered on first use (a build whose
    sentences all open with a listed opener or a longer name never asks)."""

    def __init__(self, analysed: Sequence[AnalysedSource]) -> None:
        self._analysed = analysed
        self._words: frozenset[str] | None = None

    def __call__(self, folded_word: str) -> bool:
        if self._words is None:
            self._words = frozenset(
                _fold(m.group(0)) for a in self._analysed for m in _WORD.finditer(a.source.text) if m.group(0)[0].islower()
            )
        return folded_word in self._words


# A whole word as written: a run of letters that does not continue a word or an apostrophe
# (the "s" of "Nepal's" is no word of its own).
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+")


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
    lowercase: Callable[[str], bool],
) -> ArticleSentence | None:
    tally.checked += 1
    items = checkable_items(sentence.text, lowercase)
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
    lowercase = _Lowercase(analysed)
    lead = tuple(s for s in (_check(x, indexes, by_id, tally, dropped, lowercase) for x in article.lead) if s is not None)
    sections = tuple(s for s in (_check_section(x, indexes, by_id, tally, dropped, lowercase) for x in article.sections)
                     if s is not None)
    checked = article.model_copy(update={"lead": lead, "sections": sections})
    return checked, Verification(checked=tally.checked, passed=tally.passed, recited=tally.recited, dropped=tuple(dropped))
