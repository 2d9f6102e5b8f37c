"""The event frame of a report: what its headline and lede say happened, where and when.

News is written as an inverted pyramid: the headline and the first few sentences state the
event; background ("last year's earthquake", "the 2019 bombing") comes later. So a report's
frame is read from its headline and its first ``LEDE_SENTENCES`` sentences only, and kinds
named there are weighed by ``facts.kinds.relevance`` (position, the event's own verbs,
retaliation and background cues), the same rule the type extractor uses.

The frame holds: the trigger kind (a ``taxonomy`` key), the countries and places named
(resolved with the gazetteer), the named entities, the content words, and the publication
date. Only the lede goes through spaCy, and only its named-entity recogniser: the frames of a
large feed are computed in batches of ``analyse.PIPE_BATCH_SIZE`` texts, so memory stays
flat however long the feed is.

A light frame computed here, not ``wikiwire.focus`` (the full event frame of the facts
work): the clustering needs only keys that can be compared pair by pair.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wikiwire import clean, gazetteer, language
from wikiwire.analyse import PIPE_BATCH_SIZE
from wikiwire.cluster.records import Frame, Unclustered
from wikiwire.facts import kinds
from wikiwire.records import Document, Sentence

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["LEDE_SENTENCES", "Prepared", "entity_pass", "first_sentence", "frame_of", "frames", "is_country_name", "prepare", "report_key"]

# Sentences of the body read as the lede (after the headline). Three is where wire copy has
# said what, where, when and how many; later sentences drift to reactions and background.
LEDE_SENTENCES = 3
# The most characters of lede parsed: three long sentences fit; a page pasted onto one line
# does not make the parse slow.
LEDE_MAX_CHARS = 900
# Weight of a kind named in the headline, relative to the lede's first sentence (1.0): the
# headline is the editor's one-line statement of the event.
HEADLINE_KIND_WEIGHT = 1.5
# A kind must reach this summed relevance to be the report's trigger: one hedged mention in
# a background clause (about 0.3) is not enough, one plain lede mention (about 0.8) is.
MIN_KIND_WEIGHT = 0.5
# spaCy labels whose text is a name worth matching across reports.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "EVENT", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels spaCy's small model gives to foreign place names by mistake ("Homs" as ORG): such a
# name counts as a place when it is a place's primary name in a country the lede names.
MISLABELLED_PLACE_LABELS = frozenset({"ORG", "NORP", "FAC", "PERSON"})
# Names found by scanning capitalised words (not entities) count as places when they are a
# country, a region, or a city this big (or in a country the lede names): big enough that a
# capitalised ordinary word ("Mobile", "Independence") is rarely mistaken for a town.
SCAN_MIN_POPULATION = 100_000
# Longest run of capitalised words tried as one name ("Papua New Guinea").
SCAN_MAX_WORDS = 3
# Numbers below this are too common to tell events apart ("two people", "three children").
MIN_FIGURE = 10
# Numbers in this range are read as years, not figures.
YEARS = (1900, 2100)
# Content words shorter than this are mostly function words or numbers' units.
MIN_WORD_CHARS = 3
# Characters of the cleaned text hashed into a report's key: the whole text of any news
# report, but a bound for pathological inputs.
KEY_TEXT_CHARS = 200_000
# Hex digits of the SHA-256 kept as a report key: 64 bits, no collision in any real archive.
KEY_HEX_DIGITS = 16

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[a-z][a-z'-]+")
_NUMBER_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "hundred": 100}
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,4}\b")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")


def report_key(text: str) -> str:
    """The stable key of a report: a hash of its whitespace-normalised, casefolded text."""
    norm = " ".join(text[:KEY_TEXT_CHARS].split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:KEY_HEX_DIGITS]


@dataclass(frozen=True)
class Prepared:
    """A cleaned report ready for the entity pass: its key, headline, lede sentences."""

    key: str
    input: str
    headline: str
    sentences: tuple[str, ...]
    document: Document
    body: str  # the cleaned text, for near-duplicate sketches

    @property
    def text(self) -> str:
        """Headline and lede as one text for spaCy (headline on its own line)."""
        return "\n".join((self.headline, *self.sentences)) if self.headline else "\n".join(self.sentences)


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (the light splitter the lede is cut with)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _split_sentences(lines: Sequence[str]) -> list[str]:
    """The first LEDE_SENTENCES sentences of ``lines`` (a light splitter: the lede only)."""
    out: list[str] = []
    budget = LEDE_MAX_CHARS
    for line in lines:
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if not piece:
                continue
            out.append(piece[:budget])
            budget -= len(out[-1])
            if len(out) >= LEDE_SENTENCES or budget <= 0:
                return out
    return out


def prepare(document: Document) -> Prepared | Unclustered:
    """Clean ``document`` and cut its headline and lede; or say why it cannot be clustered
    (no news text left after cleaning, or not English, with the language named)."""
    cleaned = clean.clean_document(document)
    if not cleaned.lines:
        return Unclustered(input=document.input, reason=clean.NO_NEWS_LEFT)
    body = "\n".join(cleaned.lines)
    foreign = language.foreign_language(body)
    if foreign is not None:
        return Unclustered(input=document.input, reason=clean.NOT_ENGLISH.format(name=foreign.name, p=foreign.probability))
    headline = clean.normalise_text(cleaned.title or "").strip()
    sentences = _split_sentences(cleaned.lines)
    dated = document.model_copy(update={"published": cleaned.published}) if cleaned.published != document.published else document
    return Prepared(report_key(body), document.input, headline, tuple(sentences), dated, body)


@functools.lru_cache(maxsize=65_536)
def is_country_name(name: str) -> bool:
    """True when the normalised name ``name`` is a country's ("syria", "united states")."""
    place = gazetteer.get().lookup(name)
    return place is not None and place.kind == "country"


def _entity_name(text: str) -> str:
    name = _POSSESSIVE.sub("", " ".join(text.split())).strip(" .,;:-–—\"'“”")
    return gazetteer.normalize(name)


def _kind(prepared: Prepared) -> str | None:
    """The trigger kind: the taxonomy kind with the most relevance-weighted mentions."""
    totals: dict[str, float] = {}
    texts = ([prepared.headline] if prepared.headline else []) + list(prepared.sentences)
    for index, text in enumerate(texts):
        matches = kinds.match_kinds(text)
        if not matches:
            continue
        position = index - 1 if prepared.headline else index
        sentence = Sentence(id=f"{prepared.key}.{index}", source_id=prepared.key, index=max(0, position), paragraph=index, text=text)
        weight = kinds.relevance(sentence) * (HEADLINE_KIND_WEIGHT if prepared.headline and index == 0 else 1.0)
        for match in matches:
            totals[match.kind.key] = totals.get(match.kind.key, 0.0) + weight
    if not totals:
        return None
    best = max(totals, key=lambda k: (totals[k], kinds.kind_specificity(k), k))
    return best if totals[best] >= MIN_KIND_WEIGHT else None


@functools.lru_cache(maxsize=65_536)
def _scanned_place(name: str) -> gazetteer.Place | None:
    """The place whose primary name is ``name`` (the most populous), or None."""
    found = [p for p, primary in gazetteer.get().candidates(name) if primary]
    return max(found, key=lambda p: p.population) if found else None


def scan_names(text: str) -> list[str]:
    """Capitalised runs of one to SCAN_MAX_WORDS words inside sentences (not sentence-initial), the
    place names the recogniser may have missed or folded into an organisation ("the Papua New
    Guinea government", "the city of Kramatorsk")."""
    out: list[str] = []
    for match in _CAPITALISED.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before[-1] in ".!?:\n\"“":
            continue  # sentence-initial: any word is capitalised there
        # The whole run only: a part of a name is often another place ("Victoria" of "Lake
        # Victoria" is a city in Hong Kong).
        if len(match.group(0).split()) <= SCAN_MAX_WORDS:
            out.append(match.group(0))
    return out


def _places(ents: Sequence[tuple[str, str]], scanned: Sequence[str] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(country codes most named first, normalised names of cities and regions) of a lede,
    from its place entities, then ``scanned`` names (``scan_names``) that are countries,
    regions or cities of SCAN_MIN_POPULATION (or in a country already named)."""
    gaz = gazetteer.get()
    countries: Counter[str] = Counter()
    places: list[str] = []
    order: dict[str, int] = {}
    for label, raw in ents:
        text = _POSSESSIVE.sub("", raw.strip())
        # A country's name is a place whatever label the small model gave it ("Nepal" as PERSON).
        if label not in PLACE_LABELS and not is_country_name(gazetteer.normalize(text)):
            continue
        place = gaz.lookup(text)
        if place is None or place.country_code is None:
            continue
        countries[place.country_code] += 1
        order.setdefault(place.country_code, len(order))
        if place.kind != "country":
            places.append(gazetteer.normalize(place.name))
            if place.region:
                places.append(gazetteer.normalize(place.region))
    context = set(countries)
    for name in scanned:
        place = _scanned_place(name)
        if place is None or place.country_code is None:
            continue
        if place.kind == "country" or place.population >= SCAN_MIN_POPULATION or place.country_code in context:
            countries[place.country_code] += 1
            order.setdefault(place.country_code, len(order))
            if place.kind != "country":
                places.append(gazetteer.normalize(place.name))
    context = set(countries)
    for label, raw in ents:
        if label not in MISLABELLED_PLACE_LABELS or not context:
            continue
        text = _POSSESSIVE.sub("", raw.strip())
        own = [p for p, primary in gaz.candidates(text) if primary and p.country_code in context and p.kind != "country"]
        if own:
            place = max(own, key=lambda p: p.population)
            places.append(gazetteer.normalize(place.name))
    ranked = sorted(countries, key=lambda c: (-countries[c], order[c]))
    return tuple(ranked), tuple(dict.fromkeys(p for p in places if p))


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _words(text: str) -> tuple[str, ...]:
    stop = _stop_words()
    found = {w.strip("'-") for w in _WORD.findall(text.lower())}
    return tuple(sorted(w for w in found if len(w) >= MIN_WORD_CHARS and w not in stop))


def _figures(text: str) -> tuple[int, ...]:
    """Numbers of at least MIN_FIGURE the text states in digits or words, years left out."""
    found: set[int] = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(0).replace(",", "")
        value = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw.lower())
        if value is not None and value >= MIN_FIGURE and not YEARS[0] <= value <= YEARS[1]:
            found.add(value)
    return tuple(sorted(found))


def frame_of(prepared: Prepared, ents: Sequence[tuple[str, str]]) -> Frame:
    """The frame of a prepared report, given its lede's (label, text) entities."""
    countries, places = _places(ents, scan_names(prepared.text))
    names = {_entity_name(text) for label, text in ents if label in ENTITY_LABELS}
    return Frame(
        key=prepared.key,
        input=prepared.input,
        headline=prepared.headline,
        lede=" ".join(prepared.sentences),
        date=prepared.document.published,
        kind=_kind(prepared),
        countries=countries,
        places=places,
        entities=tuple(sorted(n for n in names if n)),
        words=_words(prepared.text),
        figures=_figures(prepared.text),
    )


def entity_pass(nlp: Language, texts: Iterable[str]) -> Iterator[tuple[tuple[str, str], ...]]:
    """(label, text) entities of each text, from spaCy's recogniser alone, in batches."""
    disable = [name for name in nlp.pipe_names if name != "ner"]
    for doc in nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE, disable=disable):
        yield tuple((ent.label_, ent.text) for ent in doc.ents)


def frames(prepared: Sequence[Prepared], nlp: Language) -> list[Frame]:
    """Frames of ``prepared`` reports, in order (one streamed spaCy pass over their ledes)."""
    return [frame_of(p, ents) for p, ents in zip(prepared, entity_pass(nlp, (p.text for p in prepared)), strict=True)]
