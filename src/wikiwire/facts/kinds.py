"""Extract ``type`` claims: which kind of event (a ``taxonomy.KINDS`` key) a report describes.

Each sentence is matched against every kind's patterns. When two kinds match overlapping
text ("car bomb" is both a car bombing and a bombing), only the more specific kind is
claimed for that span. A claim's ``weight`` says how sure we are that the sentence names
*this* event's type, not a retaliation's or a past event's:

- early sentences (the headline and lead) weigh most: reports open with what happened;
- sentences with the event's own verbs (killed, struck, collapsed...) weigh more;
- retaliation cues ("in response", "retaliatory") and background cues ("last year",
  "in 2019", "the previous") weigh much less, hedges ("apparent", "possibly") a little less.

The same relevance score (``relevance``) is used by the target, perpetrator and context
extractors, so every fact of the event is judged by one rule.

Optionally, an earthquake report stating its fault mechanism ("thrust faulting") yields a
``type`` claim with ``scope="fault"`` and the mechanism as value ("Thrust"), the value
Wikipedia's earthquake infobox shows as type. Reconciliation must read it separately from the
kind claims (its value is not a taxonomy key).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wikiwire.facts.claim import claim_in
from wikiwire.facts.memo import TEXT_CACHE_SIZE, per_source
from wikiwire.facts.prefilter import fold, required_needles
from wikiwire.records import AnalysedSource, Claim, Sentence
from wikiwire.taxonomy import KINDS, KINDS_BY_KEY, Kind

__all__ = [
    "KindMatch",
    "carried_flags",
    "dominant_kind",
    "extract",
    "is_retaliation_text",
    "kind_specificity",
    "match_kinds",
    "names_any_kind",
    "relevance",
    "sentence_relevance",
]

# --- relevance: is this sentence about the event itself? ---------------------------------

# Sentences up to this index are the headline and lead, where reports state the event
# itself; later sentences drift to reactions and background.
LEAD_SENTENCES = 3
# Weight lost per sentence after the lead, and the floor: a late sentence still counts (some
# reports open with a human story), but one lead sentence outweighs a few late ones.
DECAY_PER_SENTENCE = 0.04
POSITION_FLOOR = 0.45
# Retaliation and counter-attacks are other events in the same report: their sentences
# must not outvote the event's own (the army "shelled rebel towns in response" to a drone strike).
RETALIATION_FACTOR = 0.25
# Sentences after a retaliation sentence in the same paragraph usually continue that story
# ("...vowed to respond. Government forces shelled the region all day.").
CARRIED_RETALIATION_FACTOR = 0.5
# Earlier events recalled for context ("a powerful earthquake struck ... in June 2022").
BACKGROUND_FACTOR = 0.35
# A sentence naming only attack kinds other than the report's dominant kind is about another
# event (the artillery that "targeted residential areas" after a drone strike).
OTHER_KIND_FACTOR = 0.4
# Hedged statements ("an apparent suicide drone attack") are still evidence, a bit weaker.
HEDGE_FACTOR = 0.85
# Sentences without any of the event's own verbs mention the kind in passing.
NO_EVENT_VERB_FACTOR = 0.8

_RETALIATION = re.compile(
    r"\b(?:in response|in retaliation|retaliat\w*|in revenge|reprisals?|responded|"
    r"counter-?attacks?|in return|hit back|struck back|vowed to respond|intensif\w+|"
    r"escalat\w+)\b",
    re.IGNORECASE,
)
# "Following the strike on the city, forces shelled the rebel towns": what comes after such a phrase is a
# later event; the phrase's own noun is the event itself.
_SEQUEL = re.compile(
    r"\b(?:following|after|in the wake of|since) (?:the|this|that|last \w+'s) (?:[\w-]+ ){0,3}?"
    r"(?:attacks?|strikes?|bombings?|blasts?|assault|shootings?|massacre)\b",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:last (?:year|month|week)|(?:a|two|three|several|many) (?:years|decades) ago|"
    r"previous(?:ly)?|earlier this year|in (?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) (?:19|20)\d\d|in (?:19|20)\d\d|"
    r"since (?:19|20)\d\d|history of|has a history|on the other hand|separately|"
    r"in a separate|recent bombing|the recent|anniversary|a year after|years after)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:apparent(?:ly)?|possibl[ey]|reportedly|suspected|believed|may have)\b", re.IGNORECASE)
_EVENT_VERB = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|die|injur(?:ed|ing|ies)|wound(?:ed|ing)|"
    r"struck|strikes?|hit|targeted|targeting|attack(?:ed)?|destroy(?:ed)?|collapsed?|"
    r"crashed|exploded|opened fire|shot|stormed|claimed the lives|casualt(?:y|ies)|"
    r"martyr(?:ed|dom)?|victims?|toll)\b",
    re.IGNORECASE,
)


def _position_score(sentence: Sentence) -> float:
    extra = max(0, sentence.index - LEAD_SENTENCES + 1)
    return max(POSITION_FLOOR, 1.0 - DECAY_PER_SENTENCE * extra)


def _is_retaliation(sentence: Sentence) -> bool:
    return _text_retaliation(sentence.text)


@functools.lru_cache(maxsize=65_536)
def _text_retaliation(text: str) -> bool:
    return bool(_RETALIATION.search(text) or _SEQUEL.search(text))


def is_retaliation_text(text: str) -> bool:
    """True when ``text`` tells a retaliation or a sequel of the event (cached)."""
    return _text_retaliation(text)


def carried_flags(source: AnalysedSource) -> list[bool]:
    """For each sentence of ``source``: does an earlier sentence of its paragraph tell a
    retaliation (so this one probably continues that story)?"""
    flags: list[bool] = []
    paragraph, seen = -1, False
    for sentence in source.sentences:
        if sentence.paragraph != paragraph:
            paragraph, seen = sentence.paragraph, False
        flags.append(seen)
        seen = seen or _is_retaliation(sentence)
    return flags


def _context_score(sentence: Sentence) -> float:
    """Background, hedge and event-verb factors of a sentence (not retaliation)."""
    return _text_context_score(sentence.text)


# Every extractor scores the same sentences: cache by text (same size as MATCH_CACHE_SIZE).
@functools.lru_cache(maxsize=65_536)
def _text_context_score(text: str) -> float:
    score = 1.0
    if _BACKGROUND.search(text):
        score *= BACKGROUND_FACTOR
    if _HEDGE.search(text):
        score *= HEDGE_FACTOR
    if not _EVENT_VERB.search(text):
        score *= NO_EVENT_VERB_FACTOR
    return score


def relevance(sentence: Sentence, carried: bool = False) -> float:
    """How likely ``sentence`` is about the report's own event, in (0, 1].

    ``carried`` says an earlier sentence of the same paragraph told a retaliation (see
    ``carried_flags``). Combines position (lead sentences first), the presence of the
    event's verbs, and retaliation / sequel / background / hedge cues (module docstring).
    """
    score = _position_score(sentence) * _context_score(sentence)
    if _is_retaliation(sentence):
        score *= RETALIATION_FACTOR
    elif carried:
        score *= CARRIED_RETALIATION_FACTOR
    return round(score, 3)


def dominant_kind(source: AnalysedSource) -> str | None:
    """The kind ``source`` is mostly about: the key with the largest summed claim weight."""
    return _dominant_kind(source)


# Asked by target, perpetrators, context and sentence_relevance for the same source in turn.
@per_source
def _dominant_kind(source: AnalysedSource) -> str | None:
    totals: dict[str, float] = {}
    for claim in extract(source):
        if claim.scope is None:
            key = str(claim.value)
            totals[key] = totals.get(key, 0.0) + claim.weight
    return max(totals, key=lambda k: (totals[k], kind_specificity(k)), default=None)


def sentence_relevance(source: AnalysedSource) -> list[tuple[Sentence, float]]:
    """Every sentence of ``source`` with its ``relevance``, in reading order.

    Sentences that name only attack kinds other than the source's ``dominant_kind`` are
    further lowered (``OTHER_KIND_FACTOR``).
    """
    return list(_sentence_relevance(source))


# Target and perpetrators each read every sentence's relevance of the same source.
@per_source
def _sentence_relevance(source: AnalysedSource) -> tuple[tuple[Sentence, float], ...]:
    main = dominant_kind(source)
    out: list[tuple[Sentence, float]] = []
    for sentence, carried in zip(source.sentences, carried_flags(source), strict=True):
        score = relevance(sentence, carried)
        named = {m.kind.key for m in match_kinds(sentence.text) if m.kind.category == "attack"}
        if main and named and main not in named:
            score = round(score * OTHER_KIND_FACTOR, 3)
        out.append((sentence, score))
    return tuple(out)


# --- kind matching -------------------------------------------------------------------------


def _compile(kind: Kind) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in kind.patterns) + r")\b", re.IGNORECASE)


_KIND_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = tuple((k, _compile(k)) for k in KINDS if k.patterns)
# Every kind's patterns in one alternation: it matches exactly where some kind's pattern does
# (same words, same \b on both sides), and most sentences name no kind at all, so one search
# spares a pass of every kind's pattern.
_ANY_KIND = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for k, _ in _KIND_PATTERNS for p in k.patterns) + r")\b", re.IGNORECASE)


# Literal words each kind's regex (and the union) needs, read off the regexes themselves
# (``prefilter.required_needles``): a kind none of whose words occurs is not searched for.
_KIND_NEEDLES = tuple(required_needles(pattern) for _, pattern in _KIND_PATTERNS)
_ANY_KIND_NEEDLES = required_needles(_ANY_KIND)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def names_any_kind(text: str) -> bool:
    """True when ``text`` names some taxonomy kind (one of any kind's patterns matches)."""
    if not _ANY_KIND_NEEDLES.may_match(text):
        return False
    return _ANY_KIND.search(text) is not None


@dataclass(frozen=True)
class KindMatch:
    """A kind recognised in a text, with the span of its first match."""

    kind: Kind
    start: int
    end: int
    text: str


# Sentences are matched by several extractors (type, target, perpetrators, context); the
# cache makes that one regex pass per distinct sentence. Sized for a large build's sentences.
MATCH_CACHE_SIZE = 65_536


@functools.lru_cache(maxsize=MATCH_CACHE_SIZE)
def match_kinds(text: str) -> tuple[KindMatch, ...]:
    """Kinds named in ``text``, most specific first, without kinds subsumed by another.

    A kind whose every match overlaps a match of a more specific kind is dropped ("suicide
    bombing" swallows "bombing" for the same words), but a less specific kind named
    elsewhere in the text is kept.
    """
    if not names_any_kind(text):
        return ()
    found: list[tuple[Kind, list[re.Match[str]]]] = []
    folded = fold(text)
    for (kind, pattern), needles in zip(_KIND_PATTERNS, _KIND_NEEDLES, strict=True):
        if not needles.in_folded(folded):
            continue  # the kind's regex cannot match
        matches = list(pattern.finditer(text))
        if matches:
            found.append((kind, matches))
    found.sort(key=lambda item: -item[0].specificity)
    taken: list[tuple[int, int]] = []
    out: list[KindMatch] = []
    for kind, matches in found:
        free = [m for m in matches if not any(m.start() < e and m.end() > s for s, e in taken)]
        taken.extend((m.start(), m.end()) for m in matches)
        if free:
            first = free[0]
            out.append(KindMatch(kind, first.start(), first.end(), first.group(0)))
    return tuple(out)


def kind_specificity(key: str | None) -> int:
    """How specific the taxonomy kind ``key`` is (higher wins ties); 0 when unknown."""
    kind = KINDS_BY_KEY.get(key or "")
    return kind.specificity if kind else 0


# --- fault mechanism (earthquakes) ---------------------------------------------------------

_FAULT = re.compile(
    r"\b(thrust|strike-slip|normal|reverse|oblique(?:-slip)?)[- ]fault(?:ing|s)?\b"
    r"|\bfault(?:ing)? (?:mechanism|type) (?:was|is|of) (?:a |an )?(thrust|strike-slip|normal|reverse|oblique)\b",
    re.IGNORECASE,
)
# A fault mechanism is a technical statement (USGS and the like), rarely about another quake.
FAULT_WEIGHT = 0.8


def _claim(source: AnalysedSource, sentence: Sentence, value: str, weight: float,
           scope: str | None = None) -> Claim:
    return claim_in(source, sentence, "type", value, value if scope else KINDS_BY_KEY[value].noun, weight, scope=scope)


def _retaliation_spans(text: str, matches: tuple[KindMatch, ...]) -> set[int]:
    """Indices of ``matches`` that name a retaliation rather than the event.

    A retaliation cue marks the kind nearest to it ("the drone attack ... and retaliatory
    shelling": only the shelling); a sequel phrase ("following the strike, ...") marks every
    kind named after it.
    """
    marked: set[int] = set()
    if not matches:
        return marked
    for cue in _RETALIATION.finditer(text):
        nearest = min(
            range(len(matches)),
            key=lambda i: min(abs(matches[i].start - cue.end()), abs(cue.start() - matches[i].end)),
        )
        marked.add(nearest)
    for cue in _SEQUEL.finditer(text):
        marked.update(i for i, m in enumerate(matches) if m.start >= cue.end())
    return marked


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _text_retaliation_spans(text: str) -> frozenset[int]:
    """``_retaliation_spans`` of ``text`` and its own ``match_kinds`` (cached)."""
    return frozenset(_retaliation_spans(text, match_kinds(text)))


def extract(source: AnalysedSource) -> list[Claim]:
    """Type claims stated in ``source``: one per sentence and kind named in it.

    ``value`` is the taxonomy key, ``display`` the kind's noun, ``weight`` the sentence's
    relevance, lowered for the kinds a retaliation cue points at (module docstring).
    Fault-mechanism claims carry ``scope="fault"``.
    """
    return list(_claims(source))


# The extract stage, and ``dominant_kind`` for four other extractors, read the same claims.
@per_source
def _claims(source: AnalysedSource) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    for sentence, carried in zip(source.sentences, carried_flags(source), strict=True):
        matches = match_kinds(sentence.text)
        if not matches:
            continue
        base = _position_score(sentence) * _context_score(sentence)
        retaliation = _text_retaliation_spans(sentence.text)
        for i, m in enumerate(matches):
            weight = base
            if i in retaliation:
                weight *= RETALIATION_FACTOR
            elif carried:
                weight *= CARRIED_RETALIATION_FACTOR
            claims.append(_claim(source, sentence, m.kind.key, round(weight, 3)))
        claims.extend(_fault_claims(source, sentence, matches, base))
    return tuple(claims)


def _fault_claims(source: AnalysedSource, sentence: Sentence, matches: tuple[KindMatch, ...],
                  weight: float) -> list[Claim]:
    if not any(m.kind.key == "earthquake" for m in matches):
        return []
    fault = _FAULT.search(sentence.text)
    if not fault:
        return []
    mechanism = (fault.group(1) or fault.group(2)).capitalize()
    return [_claim(source, sentence, mechanism, FAULT_WEIGHT * weight, scope="fault")]
