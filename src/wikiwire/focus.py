"""Event focus: which event the reports are about, read from their headlines and ledes.

News is written as an inverted pyramid: the headline and the first sentences say what
happened, where and when; what follows adds detail, reactions and background -- including
other events (the earlier quake, the previous attack on the same town, the war, the
retaliation, the relief flights for another disaster). Counting a kind over every sentence
lets such a related event win when every report mentions it. So the frame is voted on the
lede alone, each independent report once, earlier sentences weighing more (Giveme5W1H's
position weighting: the first sentences carry the main event), and every claim is then
judged against it: a claim read from a sentence about another event is *context* (it may
inform Background), never an infobox value.

The frame holds the kind (and the kinds compatible with it, see ``taxonomy.RELATED_KINDS``),
the trigger words that named it, the place and date the ledes give, and the sentences that
decided each, so event.json can show why the article is about what it is about.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from wikiwire import gazetteer
from wikiwire.facts import kinds as kind_facts
from wikiwire.facts import places as place_facts
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.gazetteer import Place
from wikiwire.reconcile import SPECIFIC_SHARE
from wikiwire.records import AnalysedSource, Claim, EventFrame, FrameEvidence, Sentence
from wikiwire.taxonomy import UNKNOWN_KIND, kind_for, related_kinds

__all__ = ["attach", "frame_of", "is_context_text"]

# --- the lede ---------------------------------------------------------------------------------

# Sentences read as the headline and lede: the dev reports open with a headline line (or
# not), then one or two lede sentences; a fourth catches a lede pushed down by a dateline or
# a one-line summary.
LEDE_SENTENCES = 4
# Weight of the lede sentences by position (Giveme5W1H weighs candidates by how early they
# appear; a flat 1, 1, 1, 1 lets a second-sentence aside tie the headline). The headline is
# as good as the first sentence; later ones fade.
POSITION_WEIGHTS = (1.0, 0.9, 0.75, 0.6)
# A source's own headline (HTML <title>, JSONL "title") weighs like a first sentence.
HEADLINE_WEIGHT = 1.0
# A lede sentence that recalls another time ("last year", "in 2019") or hedges still counts,
# at its context score (``kinds`` relevance factors), never more than this.
MAX_CONTEXT_FACTOR = 1.0

# --- kinds -----------------------------------------------------------------------------------

# A kind's related kinds (the drone strike's explosion, the quake's landslides) lend it this
# share of their votes when choosing the frame's kind: related mentions are evidence for the
# family, but less than the kind's own name.
RELATED_CREDIT = 0.5

# --- place -------------------------------------------------------------------------------------

# A lede sentence that names neither the event's kind nor one of its verbs still gives a
# place ("Kramatorsk is a city in the east"), at this share of its weight.
NO_TRIGGER_PLACE_FACTOR = 0.5
# The frame names a city (or region) only when its lede votes reach this share of the votes
# of the frame's country: one report's aside ("felt as far as the capital") does not make it
# the place; most reports' ledes do.
PLACE_MIN_SHARE = 0.35
# The top city must also lead the runner-up by this factor, or the frame stays at region or
# country level (two towns named equally often: a disaster over an area).
PLACE_LEAD = 1.5

# --- attaching claims ------------------------------------------------------------------------

# Facts a sentence about another event must not give: what happened, how strong, how many
# died or were hurt, where and when.
EVENT_FACTS = frozenset({"type", "magnitude", "fatalities", "injuries", "location", "date", "time", "target", "weapons"})
# Location claims placing the event in another city or country than the frame's keep only
# this share of their weight: still votes when the frame's place is wrong, never the winner
# against the ledes' place.
OFF_FRAME_PLACE_FACTOR = 0.2


def _lede(source: AnalysedSource) -> list[tuple[Sentence, float]]:
    """The source's lede sentences with their position weights."""
    out: list[tuple[Sentence, float]] = []
    for sentence in source.sentences:
        if sentence.index >= LEDE_SENTENCES:
            break
        out.append((sentence, POSITION_WEIGHTS[min(sentence.index, len(POSITION_WEIGHTS) - 1)]))
    return out


def _headline_sentence(source: AnalysedSource) -> Sentence | None:
    """The source's own headline as a pseudo-sentence, unless its text already opens with it."""
    title = (source.source.title or "").strip()
    if not title or (source.sentences and title in source.sentences[0].text):
        return None
    return Sentence(id=f"{source.source.id}.title", source_id=source.source.id, index=0, paragraph=0, text=title)


# A kind used as a modifier names another event the sentence only refers to: "a plane
# carrying aid for earthquake victims", "quake-hit villages", "flood relief".
_MODIFIER_AFTER = re.compile(
    r"^(?:[- ](?:hit|affected|stricken|ravaged|struck|damaged|prone|zone|related)\b"
    r"|\s+(?:victims|survivors|relief|aid|zone|area|region|anniversary|recovery|reconstruction|"
    r"memorial|commemoration|fund|appeal|donations?|refugees|displaced)\b)",
    re.IGNORECASE,
)


def _event_kinds(text: str) -> list[tuple[str, str]]:
    """(kind key, trigger words) named in ``text`` as this text's event: retaliations and
    kinds used as modifiers of another noun ("earthquake victims") left out."""
    matches = kind_facts.match_kinds(text)
    if not matches:
        return []
    retaliation = kind_facts._text_retaliation_spans(text)
    return [(m.kind.key, m.text) for i, m in enumerate(matches)
            if i not in retaliation and not _MODIFIER_AFTER.match(text[m.end :])]


def _sentence_weight(sentence: Sentence, position: float) -> float:
    return position * min(MAX_CONTEXT_FACTOR, kind_facts._text_context_score(sentence.text))


def _lede_sentences(source: AnalysedSource) -> list[tuple[Sentence, float]]:
    headline = _headline_sentence(source)
    lede = _lede(source)
    return ([(headline, HEADLINE_WEIGHT)] if headline is not None else []) + lede


def _vote_kind(analysed: Sequence[AnalysedSource]) -> tuple[dict[str, float], dict[str, list[FrameEvidence]]]:
    """Each kind's votes over the ledes (each source once per kind, at its best sentence)."""
    votes: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[FrameEvidence]] = defaultdict(list)
    for source in analysed:
        best: dict[str, tuple[float, FrameEvidence]] = {}
        for sentence, position in _lede_sentences(source):
            weight = round(_sentence_weight(sentence, position), 3)
            for key, trigger in _event_kinds(sentence.text):
                if key not in best or weight > best[key][0]:
                    best[key] = (weight, FrameEvidence(source=source.source.id, sentence=sentence.id, text=sentence.text,
                                                       decides="kind", value=key, trigger=trigger, weight=weight))
        for key, (weight, ev) in best.items():
            votes[key] += weight
            evidence[key].append(ev)
    return dict(votes), dict(evidence)


def _choose_kind(votes: dict[str, float]) -> str:
    """The kind with most lede votes, its related kinds lending RELATED_CREDIT of theirs;
    ties go to the more specific kind."""
    if not votes:
        return UNKNOWN_KIND.key

    def score(key: str) -> tuple[float, int]:
        lent = sum(v for k, v in votes.items() if k != key and k in related_kinds(key))
        return (round(votes[key] + RELATED_CREDIT * lent, 6), kind_facts.kind_specificity(key))

    top = max(votes, key=score)
    # Within the winner's family, the most specific kind with SPECIFIC_SHARE of the winner's
    # own votes names it: "bombing" in six ledes beats "explosion" in seven.
    family = [k for k in votes if k == top or k in related_kinds(top)]
    # (reconcile's SPECIFIC_SHARE: the same rule as for the type fact)
    specific = [k for k in family if votes[k] >= SPECIFIC_SHARE * votes[top]]
    return max(specific, key=lambda k: (kind_facts.kind_specificity(k), votes[k]))


# An earlier event named only to compare ("the deadliest since the 2014 ferry sinking",
# "worse than the flood of 2010") is not what the sentence is about.
_COMPARISON = re.compile(
    r"\b(?:since|than|like|similar to|recalling|reminiscent of|compared (?:to|with)|worst|deadliest|largest|biggest)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_context_text(text: str, allowed: frozenset[str]) -> bool:
    """True when ``text`` tells of another event (the earlier quake, the war's shelling, a
    plane crash elsewhere): it names some event kind, none the frame allows, and not merely
    to compare (``_COMPARISON``)."""
    matches = kind_facts.match_kinds(text)
    if not matches:
        return False
    named = {key for key, _ in _event_kinds(text)}
    if not named or named & allowed:
        return False
    return not all(_COMPARISON.search(text[: m.start]) for m in matches)


# Capitalised runs of one to three words: candidate place names the parser did not label
# (spaCy's small model misses many foreign towns: "Kramatorsk" as nothing, "Herat" as NORP).
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*[\w](?:\s+[A-Z][\w'’.-]*[\w]){0,2}")
# A town named only by this scan must be at least this big: smaller towns share names with
# surnames and common words more often than they make the news by name.
SCAN_MIN_POPULATION = 20_000


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _scanned_places(text: str, countries: tuple[str, ...]) -> tuple[tuple[str, Place], ...]:
    """(name, place) for capitalised names in ``text`` that the gazetteer places in one of
    ``countries`` (cities of SCAN_MIN_POPULATION or more, regions, the countries themselves)."""
    gaz = gazetteer.get()
    found: list[tuple[str, Place]] = []
    for run in _NAME_RUN.finditer(text):
        words = re.sub(r"(?:'s|’s)$", "", run.group(0)).split()
        # Longest sub-run first: "Rukum West" before "Rukum".
        for size in range(len(words), 0, -1):
            hit = None
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size])
                place = gaz.lookup(name, countries)
                if place is None or place.country_code not in countries:
                    continue
                if place.kind == "city" and place.population < SCAN_MIN_POPULATION:
                    continue
                hit = (name, place)
                break
            if hit:
                found.append(hit)
                break
    return tuple(found)


def _lede_places(sentence: Sentence, countries: tuple[str, ...]) -> list[tuple[str, Place]]:
    """Places named in a lede sentence: the place extractor's mentions, and names it missed."""
    named = [(m.text, m.place) for m in place_facts._mentions(sentence, countries)]
    seen = {p.name for _, p in named}
    named += [(t, p) for t, p in _scanned_places(sentence.text, countries) if p.name not in seen]
    return named


def _vote_place(analysed: Sequence[AnalysedSource], allowed: frozenset[str]
                ) -> tuple[dict[str, str | None], list[FrameEvidence], dict[str, float]]:
    """The place the ledes give: country first, then the city or region inside it with
    enough of the country's votes (PLACE_MIN_SHARE, PLACE_LEAD)."""
    country_votes: dict[str, float] = defaultdict(float)
    city_votes: dict[tuple[str, str], float] = defaultdict(float)
    region_votes: dict[tuple[str, str], float] = defaultdict(float)
    evidence: dict[tuple[str, str], FrameEvidence] = {}
    for source in analysed:
        countries = place_facts._context_countries(source)
        best: dict[tuple[str, str, str], float] = {}
        for sentence, position in _lede_sentences(source):
            if is_context_text(sentence.text, allowed):
                continue
            names_event = bool({k for k, _ in _event_kinds(sentence.text)} & allowed) or kind_facts._EVENT_VERB.search(sentence.text)
            weight = _sentence_weight(sentence, position) * (1.0 if names_event else NO_TRIGGER_PLACE_FACTOR)
            for trigger, named in _lede_places(sentence, countries):
                country = named.country if named.kind != "country" else named.name
                if not country:
                    continue
                for kind, name in (("country", country), (named.kind, named.name)):
                    key = (kind, name, country)
                    if weight > best.get(key, 0.0):
                        best[key] = weight
                        if (kind, name) not in evidence or evidence[(kind, name)].weight < weight:
                            evidence[(kind, name)] = FrameEvidence(
                                source=source.source.id, sentence=sentence.id, text=sentence.text, decides="place",
                                value=name, trigger=trigger, weight=round(weight, 3))
        for (kind, name, country), weight in best.items():
            if kind == "country":
                country_votes[name] += weight
            elif kind == "city":
                city_votes[(name, country)] += weight
            elif kind == "region":
                region_votes[(name, country)] += weight
    place: dict[str, str | None] = {"city": None, "region": None, "country": None}
    if not country_votes:
        return place, [], {}
    country = max(country_votes, key=lambda c: country_votes[c])
    place["country"] = country
    chosen: list[FrameEvidence] = [evidence[("country", country)]] if ("country", country) in evidence else []
    for level, table in (("city", city_votes), ("region", region_votes)):
        inside = sorted(((v, n) for (n, c), v in table.items() if c == country), reverse=True)
        if not inside:
            continue
        top_votes, top = inside[0]
        runner = inside[1][0] if len(inside) > 1 else 0.0
        if top_votes >= PLACE_MIN_SHARE * country_votes[country] and top_votes >= PLACE_LEAD * runner:
            place[level] = top
            if (level, top) in evidence:
                chosen.append(evidence[(level, top)])
            break
    return place, chosen, dict(country_votes)


# A district (or county) the ledes name: "the Wayanad district", "Jajarkot district". The
# gazetteer stops at first-level regions, so the reports' own words are the evidence.
_DISTRICT = re.compile(r"\b((?:[A-Z][\w'’-]*[\w]\s+){1,2})(district|District|county|County)\b")
# Ledes of at least this many reports must name the same district before the frame has one.
MIN_DISTRICT_SOURCES = 2


def _vote_district(analysed: Sequence[AnalysedSource], allowed: frozenset[str]) -> str | None:
    """The district most ledes name (MIN_DISTRICT_SOURCES at least), as "<Name> district"."""
    votes: dict[str, set[str]] = defaultdict(set)
    for source in analysed:
        for sentence, _ in _lede_sentences(source):
            if is_context_text(sentence.text, allowed):
                continue
            for m in _DISTRICT.finditer(sentence.text):
                name = m.group(1).strip()
                if name.split()[0].lower() in {"the", "a", "in", "of"}:
                    continue
                votes[f"{name} {m.group(2).lower()}"].add(source.source.id)
    if not votes:
        return None
    best = max(votes, key=lambda k: len(votes[k]))
    return best if len(votes[best]) >= MIN_DISTRICT_SOURCES else None


# A natural disaster spans two countries when the second is named in the ledes with at least
# this share of the first's votes ("the quake that hit Turkey and Syria"); a country named
# only as where the shaking was felt, or where aid came from, stays far below it.
SECOND_COUNTRY_SHARE = 0.6


def _second_country(kind: str, place: dict[str, str | None], votes: dict[str, float]) -> str | None:
    """The second country of a disaster that struck two (SECOND_COUNTRY_SHARE), or None."""
    first = place.get("country")
    if not first or kind_for(kind).category != "disaster" or place.get("city"):
        return None
    others = sorted(((v, c) for c, v in votes.items() if c != first), reverse=True)
    if others and others[0][0] >= SECOND_COUNTRY_SHARE * votes[first]:
        return others[0][1]
    return None


def _vote_date(claims: Iterable[Claim], lede_ids: set[str]) -> tuple[dt.date | None, dt.date | None, list[FrameEvidence]]:
    """The date most lede sentences give (each source once per date), as a window."""
    votes: dict[str, float] = defaultdict(float)
    ends: dict[str, str | None] = {}
    seen: set[tuple[str, str]] = set()
    evidence: dict[str, FrameEvidence] = {}
    for claim in claims:
        if claim.fact != "date" or claim.sentence not in lede_ids or not isinstance(claim.value, str):
            continue
        if (claim.source, claim.value) in seen:
            continue
        seen.add((claim.source, claim.value))
        votes[claim.value] += claim.weight
        ends[claim.value] = claim.value_end if isinstance(claim.value_end, str) else None
        if claim.value not in evidence:
            evidence[claim.value] = FrameEvidence(source=claim.source, sentence=claim.sentence, text=claim.quote,
                                                  decides="date", value=claim.value, trigger=claim.display, weight=claim.weight)
    if not votes:
        return None, None, []
    top = max(votes, key=lambda d: (votes[d], d))
    start = dt.date.fromisoformat(top)
    end_text = ends.get(top)
    return start, dt.date.fromisoformat(end_text) if end_text else start, [evidence[top]]


# A day of slack for time zones between the event and a report's dateline.
REPORT_DATE_SLACK = dt.timedelta(days=1)


def latest_report_date(analysed: Sequence[AnalysedSource]) -> dt.date | None:
    """The latest anchor date of any report: no report describes an event after it."""
    return max((a.anchor_date for a in analysed if a.anchor_date is not None), default=None)


def _after_reports(claim: Claim, latest: dt.date | None) -> bool:
    """True for a date claim later than every report (a year guessed wrong for an undated
    report, a date that names a later event): the event happened before it was reported."""
    if latest is None or claim.fact != "date" or not isinstance(claim.value, str):
        return False
    try:
        return dt.date.fromisoformat(claim.value) > latest + REPORT_DATE_SLACK
    except ValueError:
        return False


def frame_of(analysed: Sequence[AnalysedSource], claims: Sequence[Claim] = ()) -> EventFrame:
    """The event frame of ``analysed`` reports, voted on their headlines and ledes.

    ``claims`` (the extract stage's) give the lede's dates. Returns an EventFrame whose
    ``kind`` is UNKNOWN_KIND's key when no lede names a kind; ``place`` has city, region,
    country and district (None where the ledes do not settle it). Never raises on odd input.
    """
    votes, kind_evidence = _vote_kind(analysed)
    kind = _choose_kind(votes)
    allowed = frozenset({kind, *related_kinds(kind)}) if kind != UNKNOWN_KIND.key else frozenset()
    place, place_evidence, country_votes = (_vote_place(analysed, allowed) if allowed
                                            else ({"city": None, "region": None, "country": None}, [], {}))
    place["district"] = _vote_district(analysed, allowed) if allowed else None
    place["also_country"] = _second_country(kind, place, country_votes)
    lede_ids = {s.id for a in analysed for s, _ in _lede(a)}
    latest = latest_report_date(analysed)
    start, end, date_evidence = _vote_date([c for c in claims if not _after_reports(c, latest)], lede_ids)
    kind_ev = sorted(kind_evidence.get(kind, []), key=lambda e: -e.weight)
    triggers = tuple(dict.fromkeys(e.trigger.lower() for e in kind_ev))
    return EventFrame(
        kind=kind,
        allowed_kinds=tuple(sorted(allowed)),
        triggers=triggers,
        place=place,
        date_start=start,
        date_end=end,
        kind_votes={k: round(v, 3) for k, v in sorted(votes.items(), key=lambda kv: -kv[1])},
        evidence=(*kind_ev, *place_evidence, *date_evidence),
    )


def _venue_unanchored(claim: Claim, text: str, allowed: frozenset[str], in_lede: bool) -> bool:
    """True when a location claim names a venue in a sentence that does not place the event
    there: no kind the frame allows (nor, in a lede, one of the event's verbs), or a sentence
    recalling another time (the square where protesters gathered a year later)."""
    value = claim.value if isinstance(claim.value, dict) else {}
    if not value.get("venue"):
        return False
    names_event = bool({k for k, _ in _event_kinds(text)} & allowed) or (in_lede and kind_facts._EVENT_VERB.search(text) is not None)
    return not names_event or kind_facts._BACKGROUND.search(text) is not None


def _other_country(claim: Claim, place: dict[str, str | None]) -> bool:
    """True when a location claim is in another country than the frame's."""
    value = claim.value if isinstance(claim.value, dict) else {}
    mine, theirs = place.get("country"), value.get("country")
    return bool(mine and theirs and mine != theirs)


def _city_not_in_ledes(claim: Claim, place: dict[str, str | None], lede_text: str) -> bool:
    """True when the frame settles no city and the claim's city is named in no lede: it is
    where the wounded were taken, where a train came from, or the capital that reacted."""
    value = claim.value if isinstance(claim.value, dict) else {}
    city = value.get("city")
    return bool(not place.get("city") and isinstance(city, str) and city and city not in lede_text)


def _off_frame_place(claim: Claim, place: dict[str, str | None]) -> bool:
    """True when a location claim puts the event in another country, city or region."""
    value = claim.value if isinstance(claim.value, dict) else {}
    for part in ("country", "city", "region"):
        mine, theirs = place.get(part), value.get(part)
        if mine and theirs and mine != theirs:
            return True
    # A city outside the frame's region ("Mosul" when the ledes say "Nineveh province").
    region, city_region = place.get("region"), value.get("region")
    return bool(region and value.get("city") and city_region and city_region != region)


def attach(claims: Sequence[Claim], frame: EventFrame, analysed: Sequence[AnalysedSource]
           ) -> tuple[tuple[Claim, ...], tuple[Claim, ...]]:
    """Split ``claims`` into those about the framed event and context (about another event).

    A claim of an event fact (``EVENT_FACTS``) read from a sentence that names only kinds the
    frame does not allow is context; a ``type`` claim of a kind the frame does not allow is
    context wherever it was read, and so is a location claim in another country than the
    frame's; location claims putting the event in another city or region of it keep
    ``OFF_FRAME_PLACE_FACTOR`` of their weight. With no frame kind (no
    lede names one) only dates later than every report are set aside. A date claim later than
    every report's date (``_after_reports``) is context in any case.
    """
    if frame.kind == UNKNOWN_KIND.key:
        latest = latest_report_date(analysed)
        late = tuple(c for c in claims if _after_reports(c, latest))
        return tuple(c for c in claims if not _after_reports(c, latest)), late
    allowed = frozenset(frame.allowed_kinds)
    texts = {s.id: s.text for a in analysed for s in a.sentences}
    lede_text = "\n".join(s.text for a in analysed for s, _ in _lede_sentences(a))
    lede_ids = {s.id for a in analysed for s, _ in _lede(a)}
    latest = latest_report_date(analysed)
    kept: list[Claim] = []
    context: list[Claim] = []
    for claim in claims:
        if _after_reports(claim, latest):
            context.append(claim)
            continue
        if claim.fact == "type" and claim.scope is None and str(claim.value) not in allowed:
            context.append(claim)
            continue
        if claim.fact in EVENT_FACTS and is_context_text(texts.get(claim.sentence, claim.quote), allowed):
            context.append(claim)
            continue
        if claim.fact == "location" and _other_country(claim, frame.place):
            context.append(claim)  # the flight's origin, the donor country, the capital abroad
            continue
        if claim.fact == "location" and _venue_unanchored(claim, texts.get(claim.sentence, claim.quote), allowed,
                                                          claim.sentence in lede_ids):
            claim = claim.model_copy(update={"value": {**claim.value, "venue": None}})  # type: ignore[dict-item]
        if claim.fact == "location" and (_off_frame_place(claim, frame.place) or _city_not_in_ledes(claim, frame.place, lede_text)):
            claim = claim.model_copy(update={"weight": round(claim.weight * OFF_FRAME_PLACE_FACTOR, 3)})
        kept.append(claim)
    return tuple(kept), tuple(context)
