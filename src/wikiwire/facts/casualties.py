"""Extract fatalities and injuries claims: attributed tolls, their breakdowns, and not the tolls
of other events that the same report mentions.

A figure is a casualty count when a casualty word sits right after it ("89 people were
killed", "125 injured", "seven dead") or a casualty verb or "toll ... at" sits right before it
("killing 18", "placed the toll at over 120"). A figure after "including" / "among them", or a
group noun with "among the dead", is a breakdown (``Claim.scope``). Figures in a window that
names retaliation, another place than the report's main one, an earlier year or the wider war
belong to other events and are dropped; so are figures "there" when the paragraph last named
another place than the event's. The event's places are those named next to its kind in
relevant sentences (``main_places``), the headline only as a fallback. Ages, years, clock
times, distances and addresses are never read as tolls.

Attribution is per clause ("89 according to the ministry, and more than 120 according to the
Observatory"), and a generic role ("the monitor said") is read as the body an appositive
described by it or the body of that kind named just before.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from wikiwire.facts import attribution, kinds, numbers, places
from wikiwire.facts.claim import claim_in
from wikiwire.facts.dates import YEAR_RE
from wikiwire.facts.memo import TEXT_CACHE_SIZE, per_source
from wikiwire.facts.numbers import Quantity
from wikiwire.facts.prefilter import fold, required_needles
from wikiwire.records import AnalysedSource, Claim, Qualifier, Sentence
from wikiwire.taxonomy import KINDS
from wikiwire.textkeys import lookup_key

__all__ = ["extract", "is_main_place", "main_places"]

# ---------------------------------------------------------------------------------------------
# Vocabulary

_DEATH_WORDS = (
    r"killed|dead|died|die|deaths?|fatalities|fatality|martyred|martyrs?|martyrdom|perished|"
    r"lost their lives|lost his life|lost her life|lives lost|slain|murdered|shot dead|"
    r"(?:missing and )?(?:are |were )?presumed dead|bodies|victims? died"
)
# "two crew were rescued with injuries": the survivors of a crash counted as injured.
_INJURY_WORDS = r"injured|wounded|hurt|injuries|injury|wounds|hospitali[sz]ed|rescued with (?:\w+ )?injuries"
_CASUALTY_WORD = re.compile(rf"\b(?:(?P<death>{_DEATH_WORDS})|(?P<injury>{_INJURY_WORDS}))\b", re.IGNORECASE)

# Words that may sit between a figure and its casualty word ("89 people were killed",
# "13 others had been injured", "seven Syrian security personnel were killed").
_LINK_WORDS = (
    r"were|was|are|is|have|has|had|been|being|reported|reportedly|said|confirmed|also|later|"
    r"believed|feared|thought|known|to|be|who|that|remain|remained|would|will|others|more|"
    r"people|persons|of|them|whom|other|additional|further|critically|seriously|badly|"
    r"severely|slightly|fatally|now|since|already|still|all|so|far|in|total"
)
# Up to this many free words (nouns, adjectives: "Syrian security personnel", "construction
# workers") between a figure and the casualty word; more and the word belongs to another clause.
MAX_NOUN_WORDS = 4
# Up to this many link words ("had also been") after the nouns.
MAX_LINK_WORDS = 6
_STOP_GAP = (
    r"and|or|but|while|whereas|after|before|when|with|" + _DEATH_WORDS + "|" + _INJURY_WORDS
)
_AFTER = re.compile(
    rf"^(?:\s+(?!(?:{_STOP_GAP})\b)[\w’'#\-]+){{0,{MAX_NOUN_WORDS}}}?"
    rf"(?:\s+(?:{_LINK_WORDS})){{0,{MAX_LINK_WORDS}}}\s+(?={_CASUALTY_WORD.pattern})",
    re.IGNORECASE,
)
_BEFORE_DEATH = (
    r"killing|killed|kills|kill|murdering|murdered|shooting dead|shot dead|claimed the lives of|"
    r"claiming the lives of|claims the lives of|took the lives of|taking the lives of|"
    r"deaths? of|martyrdom of|death toll (?:of|at|to)|remains of|bodies of"
)
_BEFORE_INJURY = r"injuring|injured|injures|wounding|wounded|wounds|hurting|hurt"
_BEFORE = re.compile(
    rf"\b(?:(?P<death>{_BEFORE_DEATH})|(?P<injury>{_BEFORE_INJURY}))"
    r"(?:\s+(?:a|an|the|another|some|an additional|more than|at least))?\s*$",
    re.IGNORECASE,
)
_ANY_CASUALTY_WORD = re.compile(
    rf"\b(?:(?P<death>{_DEATH_WORDS}|{_BEFORE_DEATH})|(?P<injury>{_INJURY_WORDS}|{_BEFORE_INJURY}))\b",
    re.IGNORECASE,
)
_OBJECT_FIGURE = re.compile(r"^\s+" + numbers.QUANTITY.pattern, re.IGNORECASE)
# "the death toll from the quakes has risen sharply to", "placed the toll at", "put the figures
# at": a toll word then, within this many characters, the preposition right before the figure.
# 130 covers "the death toll from Thursday's drone attack on a graduation ceremony at the
# <venue> has risen to"; digits and clause punctuation still end the gap.
MAX_TOLL_GAP_CHARS = 130
_TOLL_BEFORE = re.compile(
    rf"\b(?:(?:(?P<injury>injury|injuries|wounded) )?(?:death )?(?:toll|tally|figures?|count)|"
    rf"number of (?:(?:the )?dead|deaths|victims|fatalities|(?:people |persons )?(?:killed|dead)|"
    rf"(?:people |persons )?(?P<injured>injured|wounded|injuries|hurt)))\b"
    rf"[^.;:\d]{{0,{MAX_TOLL_GAP_CHARS}}}?\b(?:at|to|of|is|was|reached|hit|(?P<over>passed|crossed|"
    r"exceeded|topped|surpassed)|stood at|stands at)\s*$",
    re.IGNORECASE,
)

# Units and contexts that make a number something other than a head count.
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:[\s-]*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|year-old|"
    r"km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m\b|feet|foot|ft|percent|per cent|%|"
    r"a\.m\.?|p\.m\.?|am\b|pm\b|GMT|UTC|ET\b|EDT|EST|magnitude|houses|homes|buildings|"
    r"villages|vehicles|cars|tons|tonnes|TEU|dollars|times|fold|st\b|nd\b|rd\b|th\b)|:\d|\.\d|/|-\d)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[-$#£€/]|\b(?:magnitude|route|interstate|no\.|aged?))\s*$", re.IGNORECASE)
_NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})

# A figure after these is one group of the toll, not the toll ("including six children").
_BREAKDOWN_BEFORE = re.compile(
    r"\b(?:including|includes|include|among them|among whom|among those|of whom|of them|"
    r"among the (?:dead|victims|injured|wounded)|among which)\b(?P<gap>[^.;]{0,60})$",
    re.IGNORECASE,
)
# No comma in the gap: in "100 people had died, many of them young officers" the "of them"
# belongs to "many", not to the figure.
_BREAKDOWN_AFTER = re.compile(
    r"^[^.;,]{0,50}\b(?:(?:were|are|was) (?:said to be |reported to be )?among the "
    r"(?:dead|victims|killed|injured|wounded)|of them were|of those killed|of the dead|"
    r"of the victims|of the (?:injured|wounded|hurt)|of (?:those|these|them|whom) (?:people )?(?:were |have |had )?"
    r"(?P<verb>\w+))\b",
    re.IGNORECASE,
)
# "81 people including 31 women and 5 children were martyred": the casualty word comes after
# the breakdown list.
_LIST_THEN_WORD = re.compile(
    rf"^(?:\s+[\w\-]+){{0,3}}?,?\s+(?:including|among them)\b[^.;]{{0,80}}?\b(?:were|are|have been|had been)"
    rf"\s+(?:{_CASUALTY_WORD.pattern})",
    re.IGNORECASE,
)
# Breakdown groups: the group noun right after the figure names the scope.
_SCOPES: tuple[tuple[str, str], ...] = (
    ("women", r"women|females?|girls"),
    ("children", r"children|kids|minors|boys|child"),
    ("civilians", r"civilians?|non-?military"),
    ("soldiers", r"soldiers|troops|servicemen|military personnel|security personnel|army personnel|fighters"),
    ("officers", r"officers|cadets|students|graduates|generals"),
    ("men", r"men|males?"),
)
# The group right after the figure, within this many words ("31 women", "nine Syrian civilians").
MAX_SCOPE_WORDS = 3
_SCOPE_RES = tuple(
    (name, re.compile(rf"^(?:\s+[\w\-]+){{0,{MAX_SCOPE_WORDS}}}?\s+(?:{pattern})\b", re.IGNORECASE))
    for name, pattern in _SCOPES
)
_GROUP_AND = re.compile(
    r"\b(?:" + "|".join(p for _, p in _SCOPES) + r")\s+and\s*$", re.IGNORECASE
)

# An elliptical parallel clause: ", and more than 120 according to the Observatory".
_PARALLEL_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|while|whereas|but|or)\s*$", re.IGNORECASE)
_PARALLEL_AFTER = re.compile(r"^(?:\s+(?:people|persons|dead|deaths))?\s+(?:according to|by the count of|per)\b", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Cues that a figure is about another event

# Retaliation, reprisals and other incidents reported alongside the event.
_OTHER_EVENT = re.compile(
    r"\b(?:retaliat\w*|in response|in revenge|reprisals?|counter-?attacks?|bombardment|"
    r"on the other hand|separately|elsewhere|in a separate incident|in another incident|"
    r"(?:war|conflict|fighting|violence)(?: that| which)?(?: has| had)? (?:killed|left|claimed)|"
    r"since (?:19|20)\d\d|last year|previous year|years ago|a year ago|in which an estimated)\b",
    re.IGNORECASE,
)
# Characters either side of a figure searched for other-event cues and other places: about a
# clause, so a sentence that reports both the event and its retaliation keeps the event's toll.
CUE_WINDOW_BEFORE = 100
CUE_WINDOW_AFTER = 60
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might)\b)", re.IGNORECASE)
# Prepositions that put a figure in a place ("killed 14 in Idlib", "an attack on X").
_LOCATIVE = re.compile(r"\b(?:in|at|on|near|across|of|from|to|outside|inside)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Cues that a figure is an early count the report itself says was overtaken.
_SUPERSEDED_CUE = re.compile(
    r"\b(?:initially|(?:initial|earlier|early|first) (?:reports?|tolls?|figures?|counts?|estimates?)|"
    r"at first|had earlier|was earlier|previously|but later)\b",
    re.IGNORECASE,
)
# A figure the report itself calls early ("initial reports said 100") may set no bound: tolls
# rise and the report usually gives the newer figure too.
SUPERSEDED_WEIGHT = 0.3
# A figure the report calls provisional is current but expected to change: still counted.
_PROVISIONAL_CUE = re.compile(r"\b(?:preliminary|provisional|so far|expected to rise)\b", re.IGNORECASE)
PROVISIONAL_WEIGHT = 0.8
# Vague counts ("dozens") are lower bounds of little precision.
VAGUE_WEIGHT = 0.6
VAGUE_ENDINGS = ("dozens", "scores", "hundreds", "thousands")
# "hospitalized" implies injury but is also said of shock or precautionary checks.
HOSPITAL_WEIGHT = 0.7

# "others", "more" after a figure add it to the figures before it ("8 at the bar, 7 at the
# alley and 3 others in hospital"); "presumed dead" beside "found dead" adds too.
_ADDITIVE_AFTER = re.compile(r"^\s+(?:others|more|additional|further|other people)\b", re.IGNORECASE)
_ADDITIVE_BEFORE = re.compile(r"\b(?:another|an additional|a further)\s*$", re.IGNORECASE)

# "Seven people were killed at the bowling alley": one site's share when the source also
# gives a larger total (checked per source in ``extract``); otherwise it is the toll.
_AT_SITE = re.compile(
    rf"^(?:\s+[\w\-]+){{0,{MAX_NOUN_WORDS}}}?(?:\s+(?:{_LINK_WORDS}))*\s+(?:{_DEATH_WORDS})\s+"
    r"(?:at|inside|outside)\s+(?:the\s+)?[A-Z]",
)
SITE_SCOPE = "at one site"
# Scope of a total that says it counts the perpetrator ("19 dead, including the gunman").
INCLUDING_PERPETRATORS_SCOPE = "including perpetrators"
PERPETRATORS_SCOPE = "perpetrators"
# A sentence whose first this-many characters name an earlier year is about that earlier
# event ("In June 2022, a powerful earthquake ..."), and so is the rest of its paragraph.
HISTORY_OPENING_CHARS = 40

# The perpetrator's own death, counted in the toll as Wikipedia does ("19 including the
# perpetrator").
_PERPETRATOR = (
    r"gunm[ae]n|shooter|suspect|attackers?|assailants?|perpetrators?|bombers?|killer|"
    r"man suspected|woman suspected|hijackers?"
)
_PERPETRATOR_DEATH = re.compile(
    rf"\b(?:{_PERPETRATOR})\b(?:['’]s body|[^.;]{{0,80}}?\b(?:found dead|was found dead|"
    rf"killed (?:himself|herself|themselves)|took (?:his|her|their) own li(?:fe|ves)|"
    rf"self-inflicted|shot dead|was killed|were killed|blew (?:himself|herself|themselves) up|"
    rf"died))",
    re.IGNORECASE,
)
_PERPETRATOR_INCLUDED = re.compile(rf"\bincluding (?:the |one |two |three )?(?:{_PERPETRATOR})\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|denied|unconfirmed)\b", re.IGNORECASE)
# "Both attackers were killed": two.
_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)

# A pronoun speaker ("he told the Guardian") takes the last named speaker of the source, if it
# was named at most this many sentences earlier.
# Casualty figures above this are not read as this event's toll: no single event has a
# recorded toll near it (the deadliest floods and earthquakes are estimated at a few million
# at most), so such a figure is a population, a sum of money or garbled digits.
MAX_PLAUSIBLE_COUNT = 10_000_000

MAX_SPEAKER_CARRY = 3
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|it|the (?:official|spokesman|spokeswoman|spokesperson|ministry|agency|"
    r"group|organi[sz]ation|monitor))\s+(?:said|told|added|reported|stated|confirmed)\b",
    re.IGNORECASE,
)
_FORWARD_SPEAKER = re.compile(r"^\s*(?:This|That|These figures?|The figures?) (?:was|were|is) ", re.IGNORECASE)

_QUOTES = re.compile(r"[“”\"‘’«»]")
# A dash- or bracket-enclosed aside is blanked before matching, so "Six workers — who were
# repairing the road — are presumed dead" reads as "Six workers ... are presumed dead".
_ASIDE = re.compile(r"\s[—–]\s[^—–]{1,160}?\s[—–]\s|\([^()]{1,160}\)")

# Characters either side of a mention of the event's kind searched for its place ("a drone
# strike on a military academy in Homs"): about a clause.
KIND_PLACE_WINDOW = 80
_KIND_RES = tuple(
    (kind.key, kind.specificity, re.compile(r"\b(?:" + "|".join(kind.patterns) + r")\b", re.IGNORECASE))
    for kind in KINDS
)
_KIND_RE_NEEDLES = tuple(required_needles(pattern) for _, _, pattern in _KIND_RES)


@dataclass
class _Context:
    """Per-source facts the extractor needs: main places, event year, speaker carry-over."""

    main_places: frozenset[str]
    year: int | None
    last_speaker: str | None = None
    last_speaker_index: int = -100
    last_fatality: tuple[int, int] | None = None  # (sentence index, figure) for "N others"
    perpetrator_counted: bool = False
    other_paragraph: int | None = None  # paragraph given over to an earlier event
    recent_place: tuple[int, str] | None = None  # (paragraph, place) "there" may point back to


def _norm_place(text: str) -> str:
    return re.sub(r"['’]s$|^the\s+", "", text.strip().lower())


# A place is one of the event's main places when its summed relevance near mentions of the
# dominant kind reaches this share of the best place's: the event's place is named in the lead
# and across the report, a retaliation's place in a later paragraph or two.
MAIN_PLACE_SHARE = 0.5


def _main_places(source: AnalysedSource) -> frozenset[str]:
    """Places named next to mentions of the source's dominant kind of event.

    The dominant kind is the taxonomy kind matched in most sentences (ties to the more
    specific), not counting sentences about retaliation or history; each place named within
    KIND_PLACE_WINDOW characters of a mention of it scores the sentence's relevance (lead
    sentences count more, retaliation less, see ``kinds.relevance``), and places reaching
    MAIN_PLACE_SHARE of the best score are kept. The most frequent place overall may be the
    place of the retaliation.
    """
    counts: Counter[str] = Counter()
    specificity: dict[str, int] = {}
    spans: dict[str, list[tuple[Sentence, int, int, float]]] = {}
    for sentence, carried in zip(source.sentences, kinds.carried_flags(source), strict=True):
        named = _kinds_named(sentence.text)
        if not named:
            continue
        rel = kinds.relevance(sentence, carried)
        for key, spec, found in named:
            counts[key] += 1
            specificity[key] = spec
            spans.setdefault(key, []).extend((sentence, a, b, rel) for a, b in found)
    places: dict[str, float] = {}
    if counts:
        dominant = max(counts, key=lambda k: (counts[k], specificity[k]))
        for sentence, a, b, rel in spans[dominant]:
            for ent in {
                e for e in sentence.entities
                if e.label in _PLACE_LABELS and e.start < b + KIND_PLACE_WINDOW and e.end > a - KIND_PLACE_WINDOW
            }:
                name = _norm_place(ent.text)
                places[name] = places.get(name, 0.0) + rel
    best = max(places.values(), default=0.0)
    main = {name for name, score in places.items() if score >= MAIN_PLACE_SHARE * best}
    # The title is a fallback only: headlines join the event to its aftermath ("toll passes
    # 120 as strikes pound X"), so their places are not all the event's.
    if source.source.title and not main:
        main |= {_norm_place(p) for p in re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", source.source.title)}
    return frozenset(main)


# Sentences repeat across reports of one event: the kinds they name are read once.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _kinds_named(text: str) -> tuple[tuple[str, int, tuple[tuple[int, int], ...]], ...]:
    """(kind key, specificity, spans of its matches) for each kind ``text`` names, in
    taxonomy order; nothing for a sentence about retaliation or another event."""
    # Most sentences name no kind: one search of all kinds' patterns spares a pass of each.
    if not kinds.names_any_kind(text):
        return ()
    if _OTHER_EVENT.search(text) or kinds.is_retaliation_text(text):
        return ()
    out = []
    folded = fold(text)
    for (key, spec, pattern), needles in zip(_KIND_RES, _KIND_RE_NEEDLES, strict=True):
        if not needles.in_folded(folded):
            continue  # the kind's regex cannot match
        found = tuple((m.start(), m.end()) for m in pattern.finditer(text))
        if found:
            out.append((key, spec, found))
    return tuple(out)


def _is_main(place: str, main: frozenset[str]) -> bool:
    return any(place == m or place in m or m in place for m in main if len(m) > 2)


def is_main_place(name: str, main: frozenset[str]) -> bool:
    """True when the place ``name`` (as written) is, contains or is contained in one of the
    ``main`` places (from ``main_places``)."""
    return _is_main(_norm_place(name), main)


# Times and casualties each ask for the same source's main places in turn.
@per_source
def _cached_main_places(source: AnalysedSource) -> frozenset[str]:
    """``_main_places(source)``, computed once per source object (sources are immutable)."""
    return _main_places(source)


def main_places(source: AnalysedSource) -> frozenset[str]:
    """The places ``source`` sets its event in, normalised lower-case (see ``_main_places``)."""
    return _cached_main_places(source)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _blank(text: str) -> str:
    """The sentence with quote marks and asides blanked (same length, offsets unchanged)."""
    text = _QUOTES.sub(" ", text)
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), text)


def _is_count(q: Quantity, text: str, sentence: Sentence, *, word_after: bool) -> bool:
    """False for ages, years, clock times, distances, magnitudes, addresses and the like.

    ``word_after``: a casualty word follows the figure directly; spaCy's entity label is then
    overruled (it tags "Eighteen are dead" as a DATE).
    """
    if _not_a_count_around(q, text):
        return False
    if q.value > MAX_PLAUSIBLE_COUNT:
        return False
    if not q.is_word and q.qualifier == "exactly" and 1900 <= q.value <= 2100 and "," not in q.text:
        return False  # a bare year
    if not word_after:
        for ent in sentence.entities:
            if ent.label in _NOT_COUNT_LABELS and ent.start < q.end and ent.end > q.start:
                return False
    # "Robert Card, 40," / "Jane Doe, 55": an age after a person's name.
    before = text[: q.start].rstrip()
    if before.endswith(","):
        name_end = len(before[:-1].rstrip())
        if any(ent.label == "PERSON" and abs(ent.end - name_end) <= 1 for ent in sentence.entities):
            return False
    return True


# The helpers below that take only (figure, text) are pure: a sentence repeated across
# reports, or figures read again by ``_new_clause``, cost one regex pass.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _not_a_count_around(q: Quantity, text: str) -> bool:
    """True when the words right around the figure make it a unit, a time, an address..."""
    return bool(_NOT_A_COUNT_AFTER.match(text[q.end :]) or _NOT_A_COUNT_BEFORE.search(text[: q.start]))


def _fact_of(match: re.Match[str]) -> str:
    return "fatalities" if match.group("death") else "injuries"


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _which_fact(q: Quantity, text: str) -> tuple[str, bool, bool] | None:
    """(fact, casualty word right after, toll verb says "exceeded") for a casualty figure."""
    before_text = text[: q.start]
    before = _BEFORE.search(before_text)
    # A verb right before the figure binds tighter than a word after a following noun
    # ("killed at least 15 and injured nearly 40": 15 is killed, 40 injured).
    if before:
        return _fact_of(before), False, False
    after = _AFTER.match(text[q.end :])
    if after:
        word = _CASUALTY_WORD.match(text, q.end + after.end())
        # "Two earthquakes killed at least 15": the figure before an active verb with its own
        # object is the agent, not the victims.
        if word and not _OBJECT_FIGURE.match(text[word.end() :]):
            return _fact_of(word), True, False
    # "81 people including 31 women and 5 children were martyred": the verb after the list.
    listed = _LIST_THEN_WORD.match(text[q.end :])
    if listed:
        # "10 people, including 3 children, died and 61, including a baby, are wounded": the
        # first casualty word after the figure is its own, not the list's last verb.
        first = _CASUALTY_WORD.search(text, q.end, q.end + listed.end())
        if first is not None:
            return _fact_of(first), True, False
        return ("fatalities" if listed.group("death") else "injuries"), True, False
    toll = _TOLL_BEFORE.search(before_text)
    if toll:
        injured = toll.group("injury") or toll.group("injured")
        return ("injuries" if injured else "fatalities"), False, bool(toll.group("over"))
    return None


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _scope(q: Quantity, text: str) -> tuple[str | None, str | None]:
    """(breakdown group or None for a total, fact named by the breakdown cue if any)."""
    before = _BREAKDOWN_BEFORE.search(text[: q.start])
    if before and _CASUALTY_WORD.search(before.group("gap")):
        before = None  # "including 31 women ... were killed and 239 others": a new clause
    if before and _new_clause(before.group("gap"), q, text):
        before = None  # "women among them, and that dozens more ...": a new clause
    after = _BREAKDOWN_AFTER.match(text[q.end :])
    group = next((name for name, pattern in _SCOPE_RES if pattern.match(text[q.end :])), None)
    hint = None
    if after:
        cue = lookup_key(after.group(0))
        hint = "injuries" if re.search(r"injur|wound", cue) else "fatalities"
        if after.group("verb") and not _CASUALTY_WORD.fullmatch(after.group("verb")):
            hint = None
    if before or after:
        return group or "other", hint
    # "Syrian soldiers and 14 civilians were also killed": a group beside another group, or
    # "also", is a part of the toll.
    if group and (_GROUP_AND.search(text[: q.start]) or re.match(r"^[^.;,]{0,40}\balso\b", text[q.end :])):
        return group, None
    return None, None


# A comma then a conjunction ends a breakdown list's clause.
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas)\b(?P<rest>[^,]*)$", re.IGNORECASE)


def _new_clause(gap: str, q: Quantity, text: str) -> bool:
    """True when the figure after a breakdown cue starts a new clause, not another group.

    "among them, and that dozens more": words after the joint; "31 women and 5 children, and
    277 people were wounded": the figure has its own casualty word and no group noun.
    """
    joint = _CLAUSE_BREAK.search(gap)
    if joint is None:
        return False
    if joint.group("rest").strip():
        return True
    has_group = any(pattern.match(text[q.end :]) for _, pattern in _SCOPE_RES)
    own_word = _AFTER.match(text[q.end :]) is not None
    return own_word and not has_group


def _other_event(q: Quantity, text: str, sentence: Sentence, ctx: _Context) -> bool:
    """True when the clause around the figure is about retaliation, history or elsewhere."""
    lo, hi = max(0, q.start - CUE_WINDOW_BEFORE), min(len(text), q.end + CUE_WINDOW_AFTER)
    other_cue, years, there = _window_cues(text, lo, hi)
    if other_cue:
        return True
    if ctx.year is not None and any(y < ctx.year for y in years):
        return True
    if ctx.main_places:
        # Only places the clause puts the figure in ("in Idlib", "on the village of X"); a
        # "UK-based" monitor or "Syria's" army names no place of the event.
        # The place nearest the figure decides: "killed 89 in Homs, while shelling in Idlib
        # killed 14" puts 89 in Homs and 14 in Idlib.
        places = [
            (min(abs(e.start - q.end), abs(q.start - e.end)), _norm_place(e.text))
            for e in sentence.entities
            if e.label in _PLACE_LABELS and e.end > lo and e.start < hi
            and _LOCATIVE.search(text[max(0, e.start - 30) : e.start])
        ]
        if places and not _is_main(min(places)[1], ctx.main_places):
            return True
        # "20 people had been killed there": "there" is the place the paragraph last named.
        if (
            not places and there and ctx.recent_place is not None
            and ctx.recent_place[0] == sentence.paragraph and not _is_main(ctx.recent_place[1], ctx.main_places)
        ):
            return True
    return False


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _window_cues(text: str, lo: int, hi: int) -> tuple[bool, tuple[int, ...], bool]:
    """For ``text[lo:hi]`` around a figure: (names another event, years named, says "there")."""
    window = text[lo:hi]
    years = tuple(int(y) for y in YEAR_RE.findall(window))
    return bool(_OTHER_EVENT.search(window)), years, bool(_THERE.search(window))


def _recent_place(sentence: Sentence, ctx: _Context) -> None:
    """Remember the last non-country place the sentence names, for a later "there"."""
    named = [
        e for e in sentence.entities
        if e.label in _PLACE_LABELS and not places.is_country(e.text.removeprefix("the "))
    ]
    if named:
        ctx.recent_place = (sentence.paragraph, _norm_place(named[-1].text))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _weight(q: Quantity, text: str, fact: str) -> float:
    """Confidence that the figure is a current toll of this event (see the weight constants)."""
    weight = 1.0
    window = text[max(0, q.start - CUE_WINDOW_BEFORE) : q.end + CUE_WINDOW_AFTER]
    if _SUPERSEDED_CUE.search(window):
        weight = min(weight, SUPERSEDED_WEIGHT)
    elif _PROVISIONAL_CUE.search(window):
        weight = min(weight, PROVISIONAL_WEIGHT)
    if q.is_word and q.qualifier == "at least" and q.text.strip().lower().endswith(VAGUE_ENDINGS):
        weight = min(weight, VAGUE_WEIGHT)
    if fact == "injuries" and re.search(r"hospitali[sz]ed", text[q.end : q.end + 60], re.IGNORECASE):
        weight = min(weight, HOSPITAL_WEIGHT)
    return weight


def _speaker(sentence: Sentence, following: Sentence | None, ctx: _Context) -> str | None:
    """Who states the sentence's figures, using pronoun carry-over and "This was reported by"."""
    who = attribution.attribute(sentence)
    if (
        who is None and _PRONOUN_SPEAKER.search(sentence.text) and ctx.last_speaker
        and sentence.index - ctx.last_speaker_index <= MAX_SPEAKER_CARRY
    ):
        who = ctx.last_speaker
    if who is None and following is not None and _FORWARD_SPEAKER.match(following.text):
        who = attribution.attribute(following)
    return who


def _display(value: int, qualifier: Qualifier | None) -> str:
    prefix = {"at least": "at least ", "more than": "more than ", "about": "about ", "up to": "up to "}
    return f"{prefix.get(qualifier or '', '')}{value:,}"


@dataclass(frozen=True)
class _Figure:
    fact: str
    value: int
    qualifier: Qualifier
    scope: str | None
    weight: float
    additive: bool
    start: int


def _last_casualty_word(text: str) -> str | None:
    """The fact of the last casualty word in ``text``, if any."""
    found = list(_ANY_CASUALTY_WORD.finditer(text))
    return _fact_of(found[-1]) if found else None


def _figures(sentence: Sentence, ctx: _Context) -> list[_Figure]:
    """Casualty figures of this event in one sentence (other events' figures left out)."""
    text = _blank(sentence.text)
    found: list[_Figure] = []
    last_fact: str | None = None
    for q in numbers.find_quantities(text):
        which = _which_fact(q, text)
        if not _is_count(q, text, sentence, word_after=bool(which and which[1])):
            continue
        scope, hint = _scope(q, text)
        if which is not None:
            fact = which[0]
        elif hint is not None:
            fact = hint
        elif last_fact and _PARALLEL_BEFORE.search(text[: q.start]) and _PARALLEL_AFTER.match(text[q.end :]):
            # "killed at least 89 according to X, and more than 120 according to Y": the
            # second clause elides the verb of the first.
            fact = last_fact
        elif scope is not None and (last_fact or _last_casualty_word(text[: q.start])):
            # A breakdown figure with no casualty word of its own ("including 31 women and 5
            # children", "killing soldiers and civilians, including six children") inherits
            # the fact of the figure or verb it breaks down.
            fact = last_fact or _last_casualty_word(text[: q.start]) or "fatalities"
        else:
            continue
        if _other_event(q, text, sentence, ctx):
            continue
        if SPECULATION_BEFORE.search(text[max(0, q.start - 40) : q.start]):
            continue
        if SHARE_OF_BEFORE.search(text[max(0, q.start - 25) : q.start]):
            continue  # "most of the 181 passengers are presumed dead": 181 is who was aboard
        if INJURED_WHO_DIED_AFTER.match(text[q.end :]):
            fact, scope = "fatalities", scope or "other"
        if scope is None and PART_BEFORE.search(text[max(0, q.start - 20) : q.start]):
            scope = "other"
        if scope is None and fact == "fatalities" and BODIES_TAKEN_AFTER.match(text[q.end :]):
            scope = SITE_SCOPE
        qualifier: Qualifier = "more than" if which and which[2] and q.qualifier == "exactly" else q.qualifier
        additive = bool(_ADDITIVE_AFTER.match(text[q.end :]) or _ADDITIVE_BEFORE.search(text[: q.start]))
        if fact == "fatalities" and re.match(r"^[^.;,]{0,40}presumed dead", text[q.end :], re.IGNORECASE):
            additive = additive or any(f.fact == "fatalities" and f.scope is None for f in found)
        if scope is None and fact == "fatalities" and _AT_SITE.match(text[q.end :]):
            scope = SITE_SCOPE
        found.append(_Figure(fact, q.value, qualifier, scope, _weight(q, text, fact), additive, q.start))
        last_fact = fact
    return _fold_additions(found)


# A share of a group ("most of the 181 passengers", "half of the 40 workers") counts the group,
# not the dead or injured among it.
SHARE_OF_BEFORE = re.compile(r"\b(?:most|many|some|several|half|a\s+third|a\s+quarter|none)\s+of\s+(?:the\s+|its\s+|their\s+)?$",
                             re.IGNORECASE)
# Parts of a toll said of bodies: those brought to one hospital or morgue ("43 bodies had
# been brought to the district hospital") count like a figure for one site (``SITE_SCOPE``);
# "the remaining five bodies", "among three teenagers killed" are parts of a larger count
# ("an additional 1,663 injured" is not: it adds injuries to the deaths just given).
BODIES_TAKEN_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:bodies|corpses)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?"
    r"(?:brought|taken|moved|transferred|carried|sent|flown)\s+(?:in\s+)?to\b",
    re.IGNORECASE,
)
PART_BEFORE = re.compile(r"\b(?:remaining|among(?:\s+the)?)\s+$", re.IGNORECASE)
# A figure someone only expects or fears ("it's possible that there will be hundreds of
# injuries", "the toll could rise to 100") is no reported count. Looked for in the words
# right before the figure, within the clause.
SPECULATION_BEFORE = re.compile(
    r"\b(?:possible|possibly|likely|could|might|expected\s+to|will|would)\b[^.;,:]{0,30}$",
    re.IGNORECASE,
)
# "nine injured people succumbed to their injuries": deaths among the injured, a part of the
# death toll, never a count of the injured.
INJURED_WHO_DIED_AFTER = re.compile(
    r"^\s+(?:of\s+the\s+)?(?:injured|wounded)(?:\s+(?:people|persons|victims|patients))?\s+"
    r"(?:have\s+|had\s+|later\s+|also\s+)?(?:succumbed|died|passed\s+away)\b",
    re.IGNORECASE,
)


def _fold_additions(found: list[_Figure]) -> list[_Figure]:
    """Sum the parts when a later figure says "others"/"more": the parts are not totals."""
    out: list[_Figure] = []
    for fig in found:
        if fig.additive and fig.scope is None:
            parts = [f for f in out if f.fact == fig.fact and f.scope in (None, SITE_SCOPE)]
            if parts:
                out = [f for f in out if f not in parts]
                total = sum(p.value for p in parts) + fig.value
                qualifier: Qualifier = "at least" if any(p.qualifier != "exactly" for p in [*parts, fig]) else "exactly"
                out.append(_Figure(fig.fact, total, qualifier, None, min(p.weight for p in [*parts, fig]), False, parts[0].start))
                continue
        out.append(fig)
    return out


def _event_year(source: AnalysedSource) -> int | None:
    """The anchor date's year, else the year the source names most often, else None."""
    if source.anchor_date is not None:
        return source.anchor_date.year
    years = Counter(int(y) for s in source.sentences for y in YEAR_RE.findall(s.text))
    return years.most_common(1)[0][0] if years else None


# "the Syrian Observatory for Human Rights, a Britain-based monitor with ...": a named body
# and the role noun the report later calls it by ("the monitor said").
_APPOSITIVE_ROLE = re.compile(r"^,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?P<role>[a-z]+)\b")
# A generic attribution: a determiner, at most two lower-case modifiers and a role noun.
_GENERIC_SPEAKER = re.compile(r"^(?:the|a|an)\s+(?:[a-z\-]+\s+){0,2}?(?P<role>[a-z]+)$")


def _role_aliases(source: AnalysedSource) -> dict[str, str]:
    """Role noun -> the one named body the source describes by it (appositives only).

    A role noun two different bodies are described by is ambiguous and left out.
    """
    found: dict[str, set[str]] = {}
    for sentence in source.sentences:
        for ent in sentence.entities:
            if ent.label not in ("ORG", "FAC", "GPE"):
                continue
            match = _APPOSITIVE_ROLE.match(sentence.text[ent.end :])
            if match:
                name = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
                det = "the " if sentence.text[: ent.start].lower().endswith("the ") or name != ent.text else ""
                found.setdefault(lookup_key(match.group("role")), set()).add(det + name)
    return {role: next(iter(names)) for role, names in found.items() if len(names) == 1}


# Role nouns and the words of a body's name they may stand for ("the monitor" for "the
# Syrian Observatory for Human Rights" named just before).
_ROLE_NAME_WORDS: dict[str, tuple[str, ...]] = {
    "monitor": ("observatory", "monitor", "watch"),
    "observatory": ("observatory",),
    "ministry": ("ministry",),
    "agency": ("agency",),
    "department": ("department",),
    "office": ("office",),
    "service": ("service",),
}


def _resolve_alias(who: str | None, aliases: dict[str, str], recent: list[tuple[int, str]] | None = None,
                   index: int = 0) -> str | None:
    """``who`` as the named body when it is a generic role phrase: the body an appositive
    described by that role, else the last body named in the previous MAX_SPEAKER_CARRY
    sentences whose name the role fits (``_ROLE_NAME_WORDS``); else ``who`` unchanged."""
    if who is None:
        return None
    match = _GENERIC_SPEAKER.match(who)
    if match is None:
        return who
    role = match.group("role")
    if role in aliases:
        return aliases[role]
    words = _ROLE_NAME_WORDS.get(role, ())
    for at, name in reversed(recent or []):
        if index - at > MAX_SPEAKER_CARRY:
            break
        if any(w in name.lower() for w in words):
            return name
    return who


def _is_named(who: str) -> bool:
    """A body named by a proper name (a capital after the first word), not a role phrase."""
    return any(w[:1].isupper() for w in who.split()[1:]) or (len(who.split()) == 1 and who[:1].isupper())


def extract(source: AnalysedSource) -> list[Claim]:
    """Fatalities and injuries claims stated in ``source``.

    Takes an analysed source; returns one Claim per casualty figure of this event (value an
    int, ``qualifier`` from the hedge, ``scope`` for breakdown groups, ``attributed_to`` the
    body stating it, ``reported`` the source's anchor date). Figures of retaliation, other
    places, earlier years and the wider war are left out. Never raises on odd text.
    """
    ctx = _Context(main_places=_cached_main_places(source), year=_event_year(source))
    claims: list[Claim] = []
    sentences = source.sentences
    aliases = _role_aliases(source)
    recent: list[tuple[int, str]] = []  # (sentence index, body) of bodies named by name
    for i, sentence in enumerate(sentences):
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        who = _speaker(sentence, following, ctx)
        if who is not None:
            ctx.last_speaker, ctx.last_speaker_index = who, sentence.index
        if _history_sentence(sentence, ctx):
            # A paragraph that opens on an earlier year ("In June 2022, a quake ...") goes on
            # about that event: its figures are not this event's.
            ctx.other_paragraph = sentence.paragraph
            continue
        if ctx.other_paragraph == sentence.paragraph:
            continue
        figures = _figures(sentence, ctx)
        _recent_place(sentence, ctx)
        for fig in figures:
            value, quote = fig.value, sentence.text
            previous = sentences[i - 1] if i else None
            if (
                fig.additive and fig.scope is None and fig.fact == "fatalities" and len(figures) == 1
                and ctx.last_fatality and previous is not None
                and ctx.last_fatality[0] == previous.index and previous.paragraph == sentence.paragraph - 0
            ):
                # "Four others are presumed dead" right after "two were killed": the sum.
                value += ctx.last_fatality[1]
                quote = f"{previous.text} {sentence.text}"
            scope = fig.scope
            if fig.fact == "fatalities" and scope is None and _PERPETRATOR_INCLUDED.search(sentence.text):
                scope = INCLUDING_PERPETRATORS_SCOPE
            claims.append(
                claim_in(
                    source, sentence, "fatalities" if fig.fact == "fatalities" else "injuries", value,
                    _display(value, fig.qualifier), fig.weight,
                    quote=quote,
                    qualifier=fig.qualifier,
                    attributed_to=_resolve_alias(
                        (attribution.attribute_span(sentence, fig.start, fig.start + 1) or who) if who else None,
                        aliases, recent, sentence.index,
                    ),
                    scope=scope,
                )
            )
            if fig.fact == "fatalities" and fig.scope is None:
                ctx.last_fatality = (sentence.index, value)
        claims.extend(_perpetrator_deaths(source, sentence, who, ctx))
        if who is not None and _is_named(who):
            recent.append((sentence.index, who))
    return _settle_sites(claims)


def _history_sentence(sentence: Sentence, ctx: _Context) -> bool:
    """True for a sentence that opens on an earlier year than the event's."""
    if ctx.year is None:
        return False
    opening = _blank(sentence.text)[:HISTORY_OPENING_CHARS]
    return any(int(y) < ctx.year for y in YEAR_RE.findall(opening))


def _settle_sites(claims: list[Claim]) -> list[Claim]:
    """A one-site figure is a part only when the source gives a larger total; else the total."""
    totals = [c.value for c in claims if c.fact == "fatalities" and c.scope is None and isinstance(c.value, int)]
    top = max(totals, default=0)
    out = []
    site_sentences = set()
    for claim in claims:
        if claim.scope == SITE_SCOPE and isinstance(claim.value, int):
            if claim.value >= top:
                claim = claim.model_copy(update={"scope": None})
            else:
                site_sentences.add(claim.sentence)
        out.append(claim)
    # Groups counted at one site ("including six males") are not groups of the whole toll.
    return [
        c.model_copy(update={"scope": SITE_SCOPE})
        if c.sentence in site_sentences and c.scope not in (None, SITE_SCOPE, PERPETRATORS_SCOPE) else c
        for c in out
    ]


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _perpetrator_death(text: str) -> tuple[int, int, str] | None:
    """(start, end, text) of the first statement in ``text`` that a perpetrator died."""
    match = _PERPETRATOR_DEATH.search(_blank(text))
    return None if match is None else (match.start(), match.end(), match.group(0))


def _perpetrator_deaths(source: AnalysedSource, sentence: Sentence, who: str | None, ctx: _Context) -> list[Claim]:
    """A claim that the perpetrator died (once per source), counted as Wikipedia counts it."""
    if ctx.perpetrator_counted:
        return []
    match = _perpetrator_death(sentence.text)
    if match is None:
        return []
    start, end, said = match
    if _NEGATION.search(said):
        return []
    plural = re.search(r"(?:attackers|assailants|perpetrators|bombers|gunmen|hijackers)\b", said, re.IGNORECASE)
    count = None
    if plural:
        before = sentence.text[max(0, start - 20) : end]
        near = numbers.find_quantities(before)
        both = _BOTH.search(before)
        count = near[0].value if near else (2 if both else None)
        if count is None:
            return []  # "the attackers were killed": how many is not said
    ctx.perpetrator_counted = True
    value = count or 1
    return [
        claim_in(source, sentence, "fatalities", value, f"{value} perpetrator" + ("s" if value > 1 else ""), 0.9,
                 qualifier="exactly", attributed_to=who, scope=PERPETRATORS_SCOPE)
    ]
