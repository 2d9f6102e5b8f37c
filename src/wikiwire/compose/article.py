"""Stage 6, compose: the title, infobox, lead and sections of cited sentences.

Reads as the article is built:

1. title by the naming convention (``title``), infobox from the kind's template;
2. lead composed from the reconciled facts (``lead``), and the event's own section opened with
   sentences written from them too (``narrative``: where, down to district and region, and
   when in the day; the weapon; each body's magnitude; who blamed whom);
3. every report sentence is given its referent if it opens with a pronoun, rewritten into the
   encyclopedic register or refused (``rewrite``), kept only if it is about the event, and
   given a section role (``sections``);
4. near-duplicates across reports are clustered (MinHash LSH): one wording per cluster, the
   best attested, citing every report that states it; clusters are ranked by how many
   reports support them and ordered by time and source order;
5. the casualties section opens with the figures explained once (``lead.casualty_summary``);
   elsewhere a sentence whose toll contradicts the infobox without attribution is left out;
6. reactions are compacted and split into domestic and international (``reactions``).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from wikiwire import cues, focus
from wikiwire.compose import lead as lead_mod
from wikiwire.compose import narrative, reactions, rewrite, timeline, uncertainty
from wikiwire.compose.sections import (
    EventCues,
    classify,
    older_year,
    place_role,
    relocate,
    section_roles,
)
from wikiwire.compose.title import make_title
from wikiwire.facts import dates
from wikiwire.reconcile import FAULT_SCOPE
from wikiwire.records import (
    AnalysedSource,
    Article,
    ArticleSentence,
    Claim,
    Entity,
    EventFacts,
    FactName,
    Infobox,
    Section,
    Sentence,
)
from wikiwire.taxonomy import Kind, SectionSpec, kind_for, sections_for, template_for

__all__ = ["compose", "infobox"]

# Largest share of a narrative sentence's characters that may lie inside quotation marks:
# past it the sentence is a quotation with a speaker attached, which an encyclopedia tells in
# its own words (on the tune half such sentences repeated a statement already told; 0.5 also
# dropped sentences with a short quoted phrase in a long clause of their own).
MAX_QUOTED_SHARE = 0.6
# A sentence reporting the news as it broke rather than the event ("police said they were
# dealing with an active shooter", "the minister was yet to be fully briefed", "the comments
# were relayed by the agency", "it was not immediately clear how ..."): true of the hours the
# report was written in, not an encyclopedia's account of what happened.
_NEWS_PROCESS = re.compile(
    r"\b(?:(?:is|are|was|were) [\"“]?(?:dealing with|following up|in [\"“]?(?:regular )?contact)|yet to be (?:fully )?briefed|"
    r"(?:were|was) relayed by|there (?:were|had been) casualties|"
    r"(?:details|information) (?:is|are|was|were) (?:still )?(?:unclear|emerging|scarce)|"
    r"(?:it|this) (?:was|is) not (?:immediately |yet )?(?:clear|known))",
    re.IGNORECASE,
)
# Most sentences a section keeps, by role. A reader wants the best-attested few; the long
# tail of single-source detail is what makes machine-written articles unreadable.
MAX_SENTENCES: dict[str, int] = {
    "background": 4,
    "event": 8,
    "casualties": 6,
    "damage": 6,
    "aftermath": 8,
    "response": 6,
    "investigation": 5,
    "reactions": 10,
}
DEFAULT_MAX_SENTENCES = 6
# Near-duplicate threshold: estimated Jaccard similarity of two sentences' content words
# above which they say the same thing. 0.5 groups wire copies and light paraphrases ("killed
# at least 89 people" / "at least 89 people were killed") but not two different facts about
# the same subject, which share half their words far less often.
DUPLICATE_JACCARD = 0.5
# Within one section, a sentence sharing this share of its content words with a better
# supported one already chosen adds too little to keep (two reports' different wordings of
# the same background, which fall below DUPLICATE_JACCARD). Sections hold at most a few
# tens of candidates, so this comparison is cheap.
REDUNDANT_JACCARD = 0.3
# ... or this share of the shorter sentence's content words (the shorter one says little the
# longer does not, as with two wordings of the war's origins).
REDUNDANT_OVERLAP = 0.6
# MinHash permutations: 64 estimates a Jaccard of 0.5 within about ±0.06, enough to
# separate duplicates from merely related sentences at a fraction of 128's cost.
MINHASH_PERMUTATIONS = 64
# LSH (bands, rows per band): what datasketch's optimiser picks for DUPLICATE_JACCARD and
# MINHASH_PERMUTATIONS (a test keeps them in step), fixed because the optimiser integrates
# numerically each time an index is made, a few to 40 ms of every build.
LSH_BANDS = (14, 4)

_STOPWORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "which", "who", "this", "these", "those", "it", "its", "their", "his", "her", "they", "he", "she", "said", "says", "also", "after", "before", "into", "over", "than", "more", "least", "about"]
)
_WORD = re.compile(r"[\w'-]+")
_WORD_PART = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------------
# infobox


def infobox(facts: EventFacts, kind: Kind, title: str) -> Infobox:
    """The infobox: the kind's template, its parameters filled from the facts' displays in
    template order; unknown facts are left out. A template without a timezone parameter
    gets the zone inside its time. Coordinates, when known, are plain decimal "LAT, LON"
    here; the wikitext renderer writes them as {{coord}} and reads them back as such."""
    template = template_for(kind)
    params: dict[str, str] = {}
    for fact_name, param in template.params:
        if fact_name == "title":
            value = title
        elif fact_name == "coordinates":
            value = _coordinates(facts)
        elif fact_name == "fault":
            value = _fault(facts)
        elif fact_name == "time" and not template.has("timezone"):
            value = _time_with_zone(facts)
        else:
            value = facts.facts[fact_name].display if fact_name in facts.facts else ""
        if value:
            params[param] = value
    return Infobox(template=template.name, params=params)


def _fault(facts: EventFacts) -> str:
    """The fault mechanism most reports give ("Thrust"), from the type fact's fault claims
    (``reconcile.FAULT_SCOPE``); "" when none does."""
    votes = Counter(str(c.value) for c in facts.get("type").claims if c.scope == FAULT_SCOPE)
    return votes.most_common(1)[0][0] if votes else ""


def _time_with_zone(facts: EventFacts) -> str:
    """The time for a template without a timezone parameter ({{Infobox earthquake}}, whose
    documentation asks for the zone inside local-time): "11:00 (UTC+04:30)"."""
    time, zone = facts.get("time").display, facts.get("timezone").display
    return f"{time} ({zone})" if time and zone else time


def _coordinates(facts: EventFacts) -> str:
    location = facts.get("location").value
    if not isinstance(location, dict):
        return ""
    lat, lon = location.get("lat"), location.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return f"{lat:.4f}, {lon:.4f}"
    return ""


# ---------------------------------------------------------------------------------------------
# candidate sentences


@dataclass(frozen=True)
class _Candidate:
    """A report sentence rewritten for the article, with what ordering and ranking need."""

    sentence: Sentence
    text: str
    role: str
    rank: int  # position of its source in the input
    when: dt.date | None  # the date it speaks of, for ordering
    words: frozenset[str]
    entities: tuple[Entity, ...]  # the sentence's entities, offsets into ``text``
    doubt: str | None = None  # why a date in ``text`` is weakly known (ArticleSentence.doubt)
    # A date in ``text`` is weakly tied to its report: counted from the report's weekday
    # words, or a day and month with no year in a report with no date of its own (verification
    # then has to find another report that states it).
    weak_date: bool = False

    @functools.cached_property
    def figures(self) -> frozenset[str]:
        """The digits it states: two statements with different figures are different."""
        return frozenset(_DIGITS.findall(self.text))

    @functools.cached_property
    def number_words(self) -> frozenset[str]:
        """The figures, days and months it states in words ("eighty", "dozens", "Thursday",
        "October"): two statements that both give some and differ in them are different (a
        toll, a day each body gave); one giving none adds nothing to contradict."""
        return frozenset(m.lower() for m in _NUMBER_WORDS.findall(self.text))

    @functools.cached_property
    def specific(self) -> bool:
        """True when it names something (a place, body, person, date or figure): a sentence
        naming nothing ("Telephone connections went down") is the first a section can spare."""
        return any(e.label in _SPECIFIC_LABELS for e in self.entities)

    @functools.cached_property
    def all_words(self) -> frozenset[str]:
        """Every word of the text, lower-cased (stopwords included), also split at hyphens
        and apostrophes: "Britain-based" and "Syria's" name Britain and Syria as much as the
        entities do."""
        lowered = self.text.lower()
        return frozenset(_WORD.findall(lowered)).union(_WORD_PART.findall(lowered))

    @functools.cached_property
    def actor_words(self) -> tuple[frozenset[str], ...]:
        """The content words of each actor it names (countries, organisations, people)."""
        out = []
        for ent in self.entities:
            if ent.label in _ACTOR_LABELS:
                words = frozenset(w.lower() for w in _WORD.findall(ent.text)) - _STOPWORDS
                if words:
                    out.append(words)
        return tuple(out)


_PRONOUN_START = re.compile(r"^(?P<p>He|She|His|Her|It|Its|They|Their|This|These|That|Those)\b\s*(?P<rest>.*)$", re.DOTALL)
# A pronoun as the subject after an opening clause ("Expressing their anger, they ...").
_CLAUSE_PRONOUN = re.compile(r"^(?P<lead>[A-Z][^,“”\"]{2,80},\s*)(?P<p>he|she|they|it)\b\s*(?P<rest>.*)$", re.DOTALL)
# After "This"/"That" a verb means the pronoun stands alone ("This is", "That was"): no noun
# to turn into "The ...".
_VERB_AFTER_DEMONSTRATIVE = re.compile(
    r"^(?:is|was|are|were|has|had|have|will|would|could|came|comes|led|leads|means|meant|marks|marked|"
    r"follows|followed|represents|represented|comes|prompted|caused|included)\b"
)


# A general noun pointing back at the sentence before ("This incident", "The tragic
# incident"): unlike "the attack", it names no event of its own.
_ANAPHOR_OPENER = re.compile(
    r"^(?:This|That|The)\s+(?:[a-z]+\s+)?(?:incident|tragedy|development|episode|occurrence)\b"
)


# A standfirst, the summary line under a headline, is written in the headline's register:
# present-tense attribution ("..., officials say", "Governor of X says ...") where the story's
# own sentences say "said". It repeats the lede in clipped words (its figures stay in the
# claims), so it is not article prose.
_HEADLINE_SAYS = re.compile(r"\b(?:says|say)\b")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")


def _is_standfirst(source: AnalysedSource, sentence: Sentence) -> bool:
    """A sentence of a headlined report's first paragraph with present-tense attribution."""
    return bool(source.source.title) and sentence.paragraph == 0 and bool(
        _HEADLINE_SAYS.search(_QUOTED.sub(" ", sentence.text))
    )


# What precedes a place the parser took for a person: a locative word, or the end of a
# facility's name ("District Headquarters Hospital (DHQ) Khar").
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|from|of|outside)|\))\s+$", re.IGNORECASE)


def _place_as_person(ent: Entity, text: str) -> bool:
    """A one-word "person" placed like a place and known to the gazetteer ("... Hospital (DHQ)
    Khar"): the parser's slip, never the "he" of the next sentence. A surname that is also a
    town ("Mills said") is not placed so, and stays a person."""
    if ent.label != "PERSON" or len(ent.text.split()) > 1 or not _PLACE_BEFORE.search(text[max(0, ent.start - 12) : ent.start]):
        return False
    from wikiwire import gazetteer

    return gazetteer.lookup(ent.text) is not None


def _referent(prev: Sentence | None, labels: frozenset[str]) -> str | None:
    """The last entity of ``prev`` with one of ``labels``, with its "the" if it had one."""
    if prev is None:
        return None
    found = [e for e in prev.entities if e.label in labels and not _place_as_person(e, prev.text)]
    if not found:
        return None
    ent = found[-1] if "PERSON" in labels else found[0]
    name = ent.text
    if prev.text[max(0, ent.start - 4): ent.start].lower() == "the " and not name.lower().startswith("the "):
        name = "the " + name
    return name


def _resolve_pronoun(sentence: Sentence, prev: Sentence | None) -> str | None:
    """The sentence with an opening pronoun replaced by its referent from the previous
    sentence of the same report; the text unchanged when it opens otherwise; None when the
    pronoun has no referent (the sentence cannot stand alone)."""
    m = _PRONOUN_START.match(sentence.text)
    lead = ""
    if m is None:
        m = _CLAUSE_PRONOUN.match(sentence.text)
        if m is None:
            return sentence.text
        lead = m.group("lead")
    pronoun, rest = m.group("p").capitalize(), m.group("rest")
    if pronoun in ("This", "These", "That", "Those"):
        if not rest[:1].islower() or _VERB_AFTER_DEMONSTRATIVE.match(rest):
            return None
        return f"{lead}{'the' if lead else 'The'} {rest}"
    if pronoun in ("They", "Their"):
        return None
    labels = frozenset({"PERSON"}) if pronoun in ("He", "She", "His", "Her") else frozenset({"ORG"})
    name = _referent(prev, labels)
    if name is None:
        return None
    if not lead:
        name = name[:1].upper() + name[1:]
    if pronoun in ("His", "Her", "Its"):
        return f"{lead}{name}'s {rest}"
    return f"{lead}{name} {rest}"


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (t.lower() for t in _WORD.findall(text)) if w not in _STOPWORDS)


def _when(sentence: Sentence, anchor: dt.date | None) -> dt.date | None:
    """The earliest date the sentence speaks of (explicit or relative), for ordering."""
    year = anchor.year if anchor else None
    found = [d for _, _, d in rewrite.explicit_dates(sentence.text, year)]
    found += [d for _, _, d in rewrite.relative_dates(sentence.text, anchor)]
    return min(found) if found else None


def _weak_date(text: str, original: str, anchor: dt.date | None) -> bool:
    """True when a date in ``text`` (rewritten from ``original``) is weakly tied to its
    report (``_Candidate.weak_date``): weekday words resolved from ``anchor``, or, with no
    anchor, a day and month without a year ("On June 27, ...")."""
    if rewrite.resolved_words(original, anchor):
        return True
    # Any year completes a yearless date; with none it is skipped: a difference means one.
    return anchor is None and len(rewrite.explicit_dates(text, 2000)) > len(rewrite.explicit_dates(text, None))


def _event_year(facts: EventFacts) -> int | None:
    value = facts.get("date").value
    m = re.match(r"(\d{4})-", value) if isinstance(value, str) else None
    return int(m.group(1)) if m else None


# Reactions that need no object to be about the event: condolences, sympathy and prayers
# are offered for its victims, and mourning is declared for them ("Condolences came from
# Russia, Iran ..."), whereas a condemnation may target what followed it.
_OBJECTLESS_REACTION = re.compile(
    rf"\b(?:{cues.SYMPATHY}|mourning|{cues.PRAYERS})\b", re.IGNORECASE
)
# Sections that tell what happened after the event.
_AFTER_ROLES = frozenset({"aftermath", "response", "investigation", "reactions"})


def _candidates(analysed: Sequence[AnalysedSource], facts: EventFacts, cues: EventCues) -> list[_Candidate]:
    """Every report sentence that can go into the article, rewritten and given a role."""
    year = _event_year(facts)
    event_date = _parse_date(facts.get("date").value)
    out: list[_Candidate] = []
    corroborated: dict[str, bool] = {}

    def doubted(source: AnalysedSource, text: str) -> str | None:
        """The doubt on the dates ``text`` gets from ``source``'s weekday words: they are
        counted from its publication date, weakly known when nothing else backs that date."""
        words = rewrite.resolved_words(text, source.anchor_date)
        if not words or source.anchor_date is None:
            return None
        if source.source.id not in corroborated:
            corroborated[source.source.id] = dates.anchor_corroborated(source, analysed)
        if corroborated[source.source.id]:
            return None
        return uncertainty.relative_date_reason(words, source.anchor_date)

    for rank, source in enumerate(analysed):
        on_topic = {s.paragraph for s in source.sentences if cues.mentions_event(s.text)}
        prev: Sentence | None = None
        last_role: str | None = None  # role of the last sentence read in this report
        for sentence in source.sentences:
            if _is_standfirst(source, sentence):
                continue
            # "The tragic incident occurred as people mourned the victims of the strike in
            # <place>": the incident is not the event the sentence then names, but what the
            # previous sentence (about something else) told.
            opener = _ANAPHOR_OPENER.match(sentence.text)
            if (opener and prev is not None and prev.paragraph == sentence.paragraph
                    and not cues.mentions_event(prev.text) and cues.mentions_event(sentence.text[opener.end():])):
                prev = sentence
                continue
            resolved = _resolve_pronoun(sentence, prev)
            prev = sentence
            if resolved is None:
                continue
            # Offsets move when the text is rewritten: entities are found again in it.
            entities = sentence.entities if resolved == sentence.text else relocate(sentence.entities, resolved)
            result = rewrite.rewrite(resolved, source.anchor_date, entities)
            if result.text is None:
                continue
            entities = relocate(sentence.entities, result.text)
            role = classify(result.text, entities, event_year=year)
            names_event = cues.mentions_event(result.text)
            # A toll or narrative sentence that follows an aftermath sentence, without naming
            # the event, continues the aftermath (the dead of the retaliation are not the
            # event's dead).
            if role in ("casualties", "event") and not names_event and last_role == "aftermath":
                role = "aftermath"
            # A "reaction" that names neither the event nor its country reacts to something
            # else (a rescuer condemning the shelling that followed).
            if (role == "reactions" and not names_event and not cues.mentions_country(result.text)
                    and not _OBJECTLESS_REACTION.search(result.text)):
                role = "aftermath"
            last_role = role
            # "on Thursday" resolved to before the event in a sentence about what followed
            # it: the report's anchor date was wrong, and so is the date now in the text.
            if role in _AFTER_ROLES and event_date is not None and any(
                    d < event_date for _, _, d in rewrite.relative_dates(sentence.text, source.anchor_date)):
                continue
            # Off the event: a toll that names neither the event nor its paragraph (another
            # attack's dead), or a sentence whose places are all in another country.
            about = names_event or sentence.paragraph in on_topic
            if not about and (role == "casualties" or (role != "reactions" and cues.elsewhere(result.text, entities))):
                continue
            out.append(_Candidate(sentence, result.text, role, rank, _when(sentence, source.anchor_date),
                                  _words(result.text), entities, doubted(source, resolved),
                                  _weak_date(result.text, resolved, source.anchor_date)))
    return out


# ---------------------------------------------------------------------------------------------
# figures in prose must agree with the infobox


# What a casualty figure counts, within a few words after it ("89 people", "60 were killed").
_TOLL_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:people|persons|civilians|soldiers|cadets|officers|individuals|personnel|"
    r"troops|students|children|women|men|workers|residents|members|passengers|"
    r"were killed|killed|dead|died|deaths|injured|wounded|casualties|victims)\b",
    re.IGNORECASE,
)
# "the death toll has risen to 89", "the number of people killed stood at 80".
_TOLL_BEFORE = re.compile(
    r"\b(?:death toll|toll|number of (?:people |those )?(?:killed|dead|injured|wounded)|casualties|fatalities)\b"
    r"[^.;]*?\b(?:to|at|of|reached|was|is)\s+$",
    re.IGNORECASE,
)
# Characters before a figure searched for a toll phrase: a long clause ("the number of people
# killed in the attack on ... has risen to 89"), not a whole paragraph.
TOLL_LOOKBACK = 150
_VAGUE_COUNT = re.compile(r"dozen|score|hundreds|thousands|numerous|several", re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r"\baccording to\b|\b(?:said|says|reported|confirmed|stated|announced|put|placed|estimated|recorded|"
    r"counted|documented|told)\b",
    re.IGNORECASE,
)


def _allowed_figures(facts: EventFacts) -> set[int]:
    """Every figure the infobox's casualty counts state (bounds, best, breakdown groups)."""
    allowed: set[int] = set()
    names: tuple[FactName, ...] = ("fatalities", "injuries")
    for name in names:
        fact = facts.get(name)
        value = fact.value
        if isinstance(value, dict):
            allowed |= {v for v in value.values() if isinstance(v, int)}
        elif isinstance(value, int):
            allowed.add(value)
        allowed |= set(fact.breakdown.values())
    return allowed


def _toll_figures(text: str) -> list[int]:
    """Casualty figures ``text`` states ("89 people", "60 were killed"); vague counts such
    as "dozens" are not figures."""
    from wikiwire.facts.numbers import find_quantities

    return [
        q.value for q in find_quantities(text)
        if not (q.is_word and _VAGUE_COUNT.search(q.text))
        and (_TOLL_NOUN.match(text, q.end) or _TOLL_BEFORE.search(text[max(0, q.start - TOLL_LOOKBACK): q.start]))
    ]


# Fewest figures a sentence must give to be a breakdown of the toll ("eight died at the
# bar, seven at the bowling alley and three in hospital") rather than a toll of its own.
MIN_BREAKDOWN_FIGURES = 2


def _is_breakdown(text: str, allowed: set[int]) -> bool:
    """True when ``text`` breaks the toll down: several casualty figures, not all already in
    the infobox, adding up to no more than the largest toll ("eight died at the bar, seven
    at the bowling alley, three in hospital"). A sentence that also counts the injured gives
    totals, not parts."""
    if not allowed or _INJURY_WORD.search(text):
        return False
    # Dates and measurements ("on 8 October 2023", "a 6.3 magnitude quake") count no one.
    plain = text
    for start, end, _ in reversed(rewrite.explicit_dates(text, None)):
        plain = plain[:start] + " " * (end - start) + plain[end:]
    plain = _DECIMAL.sub(lambda m: " " * len(m.group(0)), plain)
    figures = _toll_figures(plain)
    return (len(set(figures)) >= MIN_BREAKDOWN_FIGURES and sum(figures) <= max(allowed)
            and not set(figures) <= allowed)


# A breakdown of the dead: a sentence that also counts the injured gives two totals instead.
_INJURY_WORD = re.compile(r"\b(?:injur\w*|wounded|wounding|hurt)\b", re.IGNORECASE)
_DECIMAL = re.compile(r"\b\d+\.\d+\b")


def _contradicts_toll(text: str, allowed: set[int]) -> bool:
    """True when ``text`` states an unattributed casualty figure the infobox does not."""
    if not allowed or _ATTRIBUTED.search(text):
        return False
    return any(v not in allowed for v in _toll_figures(text))


# ---------------------------------------------------------------------------------------------
# clustering near-duplicates


def _clusters(candidates: Sequence[_Candidate]) -> list[list[_Candidate]]:
    """Groups of candidates saying the same thing, by MinHash LSH on their content words
    (no all-pairs comparison: each sentence is compared only with its LSH bucket mates).

    Candidates identical in everything the comparison reads (text, content words, actors)
    are one statement whatever else holds, so each such set is hashed and compared once
    (wire copy repeats sentences across outlets verbatim); the groups are the same as
    comparing every copy. Groups come in the order of their first member.
    """
    from datasketch import MinHash, MinHashLSH

    if not candidates:
        return []
    first_of: dict[tuple[str, frozenset[str], tuple[frozenset[str], ...]], int] = {}
    uniq: list[_Candidate] = []
    uniq_of: list[int] = []  # candidate -> its statement's position in ``uniq``
    for c in candidates:
        key = (c.text, c.words, c.actor_words)
        if key not in first_of:
            first_of[key] = len(uniq)
            uniq.append(c)
        uniq_of.append(first_of[key])
    hashes = MinHash.bulk(
        [[w.encode("utf-8") for w in c.words] or [b""] for c in uniq],
        num_perm=MINHASH_PERMUTATIONS,
    )
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=MINHASH_PERMUTATIONS, params=LSH_BANDS)
    for i, h in enumerate(hashes):
        lsh.insert(i, h)
    parent = list(range(len(uniq)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hashes):
        if not uniq[i].words:
            continue
        for j in lsh.query(h):
            # Pairs already joined (wire copies join in one step) need no further check.
            if (find(i) != find(j) and _compatible(uniq[i], uniq[j])
                    and hashes[i].jaccard(hashes[j]) >= DUPLICATE_JACCARD):
                parent[find(i)] = find(j)
    groups: dict[int, list[_Candidate]] = defaultdict(list)
    for u, candidate in zip(uniq_of, candidates, strict=True):
        groups[find(u)].append(candidate)
    return list(groups.values())


_ACTOR_LABELS = frozenset({"GPE", "ORG", "PERSON"})
_SPECIFIC_LABELS = frozenset(
    {"GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
)


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = re.compile(
    # "one" is left out: "one of the deadliest", "one person" / "a person" are no figure.
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"dozens?|scores?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|noon|midnight)\b",
    re.IGNORECASE,
)


def _unmatched_names(a: _Candidate, b: _Candidate) -> bool:
    """True when ``a`` names an actor none of whose words appear in ``b``."""
    other = b.all_words
    return any(words.isdisjoint(other) for words in a.actor_words)


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    """Two similar sentences are the same statement only if they give the same figures and
    do not name entirely different actors ("Algeria expressed condolences" is not "Brazil
    expressed condolences", however alike the words)."""
    if a.figures != b.figures:
        return False
    if a.number_words and b.number_words and a.number_words != b.number_words:
        return False
    # A name only one side has is a detail one report adds; a name on each side that the
    # other does not mention at all means two different actors. Word-level, so that
    # "President Bashar al-Assad" and "Bashar al-Assad" are one name.
    return not (_unmatched_names(a, b) and _unmatched_names(b, a))


def _best_wording(cluster: Sequence[_Candidate]) -> _Candidate:
    """The member sharing most words with the others (the wording most reports attest):
    the highest sum of Jaccard similarities to the other members; ties go to the earlier
    report.

    A wire story reprinted by hundreds of outlets makes a cluster that size, and all pairs
    in Python grow with its square; so the similarities are computed once per distinct
    wording, by one sparse product, and weighted by how many members share it.
    """
    if len(cluster) == 1:
        return cluster[0]
    import numpy as np
    from scipy import sparse

    wordings: dict[frozenset[str], int] = {}
    wording_of = [wordings.setdefault(c.words, len(wordings)) for c in cluster]
    copies = np.bincount(wording_of, minlength=len(wordings)).astype(float)
    vocabulary: dict[str, int] = {}
    rows = [i for i, words in enumerate(wordings) for _ in words]
    cols = [vocabulary.setdefault(w, len(vocabulary)) for words in wordings for w in words]
    incidence = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(wordings), max(1, len(vocabulary))))
    shared = (incidence @ incidence.T).toarray()
    sizes = np.array([len(words) for words in wordings], dtype=float)
    similarity = shared / np.maximum(1.0, sizes[:, None] + sizes[None, :] - shared)
    # Each member's sum over the others: every copy of every wording, less itself once.
    scores = similarity @ copies - similarity.diagonal()
    best = max(range(len(cluster)), key=lambda i: (scores[wording_of[i]], -cluster[i].rank, -cluster[i].sentence.index))
    return cluster[best]


@dataclass(frozen=True)
class _Item:
    """A cluster ready for a section: its sentence, support and ordering key."""

    sentence: ArticleSentence
    role: str
    support: int
    key: tuple[dt.date, int, int]
    rep: _Candidate


def _items(candidates: Sequence[_Candidate], event_date: dt.date | None) -> list[_Item]:
    out = []
    for cluster in _clusters(candidates):
        rep = _best_wording(cluster)
        members = sorted(cluster, key=lambda c: (c.rank, c.sentence.index))
        sources = tuple(dict.fromkeys([rep.sentence.source_id, *(c.sentence.source_id for c in members)]))
        evidence = tuple(dict.fromkeys([rep.sentence.id, *(c.sentence.id for c in members)]))
        first = members[0]
        when = rep.when or event_date or dt.date.min
        out.append(_Item(ArticleSentence(text=rep.text, sources=sources, evidence=evidence, doubt=rep.doubt), rep.role,
                         len(sources), (when, first.rank, first.sentence.index), rep))
    return out


def _redundant(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two sentences' content words overlap enough that one adds little."""
    common = len(a & b)
    return common / max(1, len(a | b)) >= REDUNDANT_JACCARD or common / max(1, min(len(a), len(b))) >= REDUNDANT_OVERLAP


# A name is widely reported when at least this share of the reports mention it, and at
# least MIN_WIDELY_REPORTED of them: with two reports, "both name it" says little.
WIDELY_REPORTED_SHARE = 0.5
MIN_WIDELY_REPORTED = 3
# Widely reported name words counted per sentence when ranking. A sentence naming the
# suspect and the police department is more central than one naming a bar and a bystander,
# but beyond four such words a sentence is just long, not more central (on the dev corpus a
# cap of 2 left the suspect's identification out).
MAX_SALIENCE = 4


def _name_words(candidate: _Candidate) -> frozenset[str]:
    """Lower-cased words of the names (people, bodies, places, groups) a sentence mentions."""
    return frozenset(w for words in candidate.actor_words for w in words)


def _salience(items: Sequence[_Item], reports: int) -> dict[int, int]:
    """Per item (by id): how many widely reported names it mentions, capped. A sentence about
    the names most reports mention (the suspect, the venue, the ministry) is more central to
    the event than colour about a name one report has. One pass over the items' names."""
    seen: dict[str, set[int]] = defaultdict(set)
    for item in items:
        for word in _name_words(item.rep):
            seen[word].add(item.key[1])
    need = max(MIN_WIDELY_REPORTED, math.ceil(reports * WIDELY_REPORTED_SHARE))
    widely = {w for w, ranks in seen.items() if len(ranks) >= need}
    return {id(item): min(MAX_SALIENCE, len(_name_words(item.rep) & widely)) for item in items}


# A report restates an item when one of its sentences is at least this similar to the item
# (cosine of idf-weighted content words); weaker likeness (the place and "killed") is not
# counted. On the tune half 0.3 did best: ROUGE-L 1.02x LexRank against 1.01x at 0.2 and 1.00x
# at 0.4.
CENTRAL_MIN_SIMILARITY = 0.3


class _WordSpace:
    """The candidates' content words weighted by idf, for cosine similarities between
    sentences (report sentences, items, the lead's sentences) as sparse products."""

    def __init__(self, candidates: Sequence[_Candidate]) -> None:
        import numpy as np

        frequency = Counter(w for c in candidates for w in c.words)
        self.vocabulary = {w: i for i, w in enumerate(frequency)}
        total = len(candidates)
        self.idf = np.array([math.log((1 + total) / (1 + frequency[w])) + 1.0 for w in self.vocabulary])

    def unit_rows(self, word_sets: Sequence[frozenset[str]]) -> Any:
        """One unit-length row (scipy CSR) per word set; words outside the vocabulary count
        for nothing."""
        import numpy as np
        from scipy import sparse

        vocabulary = self.vocabulary
        rows = [i for i, words in enumerate(word_sets) for w in words if w in vocabulary]
        cols = [vocabulary[w] for words in word_sets for w in words if w in vocabulary]
        matrix = sparse.csr_matrix((self.idf[cols], (rows, cols)), shape=(len(word_sets), max(1, len(vocabulary))))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        return sparse.csr_matrix(sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix)


def _centrality(items: Sequence[_Item], candidates: Sequence[_Candidate], space: _WordSpace | None = None) -> dict[int, float]:
    """Per item (by id): how strongly the other reports state it too, the sum over reports
    other than its own of its best similarity to one of their sentences (those at least
    CENTRAL_MIN_SIMILARITY). What many independent reports say is what an encyclopedia keeps;
    colour one report adds scores near zero. Sparse products, so a hundred reports cost a few
    matrix multiplications, not all pairs in Python."""
    if not items or not candidates:
        return {}
    import numpy as np

    space = space or _WordSpace(candidates)
    source_index: dict[str, int] = {}
    source_of = np.array([source_index.setdefault(c.sentence.source_id, len(source_index)) for c in candidates])
    similarity = (space.unit_rows([it.rep.words for it in items]) @ space.unit_rows([c.words for c in candidates]).T).tocoo()
    keep = similarity.data >= CENTRAL_MIN_SIMILARITY
    rows, cols, values = similarity.row[keep], similarity.col[keep], similarity.data[keep]
    best = np.zeros((len(items), len(source_index)))
    np.maximum.at(best, (rows, source_of[cols]), values)
    for i, item in enumerate(items):
        best[i, source_index[item.rep.sentence.source_id]] = 0.0
    totals = best.sum(axis=1)
    return {id(item): float(totals[i]) for i, item in enumerate(items)}


# Names (people, bodies, places, groups) and dates whose first mention makes a sentence worth
# more: the reader learns who, where and when.
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE"})
# What one name the article has not yet written adds to a sentence's rank, in units of
# centrality (one other report restating it in full). Central sentences come first; between
# two about equally central, the one that brings the reader a new widely reported name (the
# suspect, the agency, the district) wins. 0.6 on the dev corpus's tune half: 0.3 gained less
# entity recall (1.20x LexRank against 1.22x), 1.0 and 1.5 no more.
NEW_NAME_WEIGHT = 0.6
# A body sentence restates the lead when less than this share of its content words are new
# to the lead: a third new is a detail worth its sentence, less is the lead said again.
LEAD_NEW_SHARE = 1 / 3
# How much of an item's centrality the article's likeness to it takes away: the item's rank
# counts centrality x (1 - TOLD_DISCOUNT x its best cosine to the lead or an item already
# chosen), so the fourth wording of one statement (the army's statement quoted four ways)
# gives way to a sentence saying something else. On the tune half 1.0 and 0.5 chose the same
# sentences: repeated-fact pairs (prose lint) 17 -> 15; the opening's ROUGE-L 1.07x LexRank
# either way, its entity recall 1.38x -> 1.36x (the sentences that make way repeat names).
TOLD_DISCOUNT = 1.0
# A sentence whose date is weakly tied to its report (``_Candidate.weak_date``) keeps this
# share of its centrality and gains nothing for new names: another wording of the same fact
# with a firm date is the better pick, and verification would have to cite another report.
WEAK_DATE_SHARE = 0.5
# A name is a widely reported one, for NEW_NAME_WEIGHT, when at least this many reports name it.
MIN_NAME_REPORTS = 2
# Every section keeps its best few sentences whatever their support ...
MIN_SECTION_SENTENCES = 2
# ... but past those a sentence needs the other reports to state it too, at least this much
# centrality (one report restating it in full, two in part): single-source detail is what
# makes a machine-written article read like a pile of clippings. Reactions are exempt: each
# is one body's own statement, which its own report alone carries.
MIN_CENTRALITY = 0.0


@dataclass
class _Written:
    """What the article says so far, for novelty: the lead's sentences' words, the widely
    reported names already written (lead and sections chosen before) and, per item (by id),
    how closely the article already says it (``told``: the best cosine to the lead or an item
    chosen before, kept up to date by ``write``)."""

    lead_words: tuple[frozenset[str], ...]
    names: set[str]
    widely: frozenset[str]
    told: dict[int, float] = field(default_factory=dict)
    # The items' unit rows in the word space and each item's row, to update ``told``.
    rows: Any = None
    row_of: dict[int, int] = field(default_factory=dict)
    ids: tuple[int, ...] = ()

    def write(self, item: _Item) -> None:
        """Record ``item`` as written: its names, and how closely every item restates it."""
        self.names |= _name_keys(item.rep)
        if self.rows is None or id(item) not in self.row_of:
            return
        similarity = (self.rows @ self.rows[self.row_of[id(item)]].T).tocoo()
        for i, value in zip(similarity.row, similarity.data, strict=True):
            key = self.ids[i]
            if value > self.told.get(key, 0.0):
                self.told[key] = float(value)

    def new_names(self, item: _Item) -> int:
        """How many widely reported names ``item`` would write first."""
        return len(_name_keys(item.rep) & self.widely - self.names)

    def restates_lead(self, item: _Item) -> bool:
        """True when less than LEAD_NEW_SHARE of ``item``'s content words are not the lead's:
        the lead already told it ("On 7 October 2023, a violent series of earthquakes hit
        Afghanistan"), and a body sentence adding a detail ("... minutes after the new officers
        had received their commissions") is kept."""
        words = item.rep.words
        told = frozenset().union(*self.lead_words)
        return bool(words) and len(words - told) < LEAD_NEW_SHARE * len(words)


def _name_keys(candidate: _Candidate) -> frozenset[str]:
    """The names a sentence mentions, lower-cased."""
    return frozenset(e.text.lower() for e in candidate.entities if e.label in _NAMED_LABELS)


def _written_so_far(lead: Sequence[ArticleSentence], candidates: Sequence[_Candidate],
                    items: Sequence[_Item] = (), space: _WordSpace | None = None) -> _Written:
    """The novelty state before any section: the lead written, no section yet. With
    ``items`` and their word ``space``, each item's likeness to the lead is ``told``."""
    reports: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        for key in _name_keys(c):
            reports[key].add(c.sentence.source_id)
    widely = frozenset(k for k, ids in reports.items() if len(ids) >= MIN_NAME_REPORTS)
    lead_text = " ".join(s.text.lower() for s in lead)
    lead_words = tuple(_words(s.text) for s in lead)
    written = _Written(lead_words, {k for k in widely if k in lead_text}, widely)
    if items and space is not None:
        written.rows = space.unit_rows([it.rep.words for it in items])
        written.row_of = {id(it): i for i, it in enumerate(items)}
        written.ids = tuple(id(it) for it in items)
        if lead_words:
            import numpy as np

            likeness = (written.rows @ space.unit_rows(lead_words).T).toarray()
            written.told = {written.ids[i]: float(v) for i, v in enumerate(np.max(likeness, axis=1)) if v > 0}
    return written


def _select(items: Sequence[_Item], role: str, salience: dict[int, int] | None = None,
            centrality: dict[int, float] | None = None, written: _Written | None = None) -> list[_Item]:
    """The most central items of a section, at most its cap, in time/source order.

    Items are taken by ``centrality`` (how strongly the other reports state them), plus
    NEW_NAME_WEIGHT per widely reported name the article has not yet written (``written``,
    updated with the items taken); then by ``salience`` and specificity. An item that
    mostly repeats one already chosen is folded into it (said once, citing both reports); one
    restating the lead is left out; past MIN_SECTION_SENTENCES, one with less than
    MIN_CENTRALITY is left out (not in reactions)."""
    salience = salience or {}
    centrality = centrality or {}
    cap = MAX_SENTENCES.get(role, DEFAULT_MAX_SENTENCES)
    # Among equally ranked items, take each report's first before any report's second:
    # otherwise the first report in input order fills the section alone.
    turn: dict[int, int] = {}
    ordinal: dict[int, int] = {}
    for item in sorted(items, key=lambda it: it.key):
        ordinal[id(item)] = turn.get(item.key[1], 0)
        turn[item.key[1]] = ordinal[id(item)] + 1

    def rank(item: _Item) -> tuple[float, int, bool, int, tuple[dt.date, int, int]]:
        # What the article already says of the item is not new: its centrality counts only
        # for the share not yet told (maximal marginal relevance).
        new = 1.0 - TOLD_DISCOUNT * written.told.get(id(item), 0.0) if written is not None else 1.0
        if item.rep.weak_date:
            score = WEAK_DATE_SHARE * centrality.get(id(item), 0.0) * new
        else:
            score = centrality.get(id(item), 0.0) * new + NEW_NAME_WEIGHT * (written.new_names(item) if written else 0)
        return (-score, -salience.get(id(item), 0),
                not item.rep.specific, ordinal[id(item)], item.key)

    best: list[_Item] = []
    folded: dict[int, list[_Item]] = defaultdict(list)
    remaining = sorted(items, key=rank)
    while remaining:
        # Names change what is new: while the section fills, the next item is re-ranked.
        item = min(remaining, key=rank) if written is not None and len(best) < cap else remaining[0]
        remaining.remove(item)
        same = next((b for b in best if _redundant(item.rep.words, b.rep.words) and _compatible(item.rep, b.rep)), None)
        if same is not None:
            # The same fact in other words: said once, citing both reports.
            folded[id(same)].append(item)
            continue
        if written is not None and written.restates_lead(item):
            continue
        if (centrality and role != "reactions" and len(best) >= MIN_SECTION_SENTENCES
                and centrality.get(id(item), 0.0) < MIN_CENTRALITY):
            continue
        if len(best) < cap:
            best.append(item)
            if written is not None:
                written.write(item)
    return sorted((_cite_also(b, folded[id(b)]) for b in best), key=lambda it: it.key)


def _cite_also(item: _Item, paraphrases: Sequence[_Item]) -> _Item:
    """``item`` also citing the reports of ``paraphrases`` (other wordings of its fact)."""
    if not paraphrases:
        return item
    sentence = item.sentence
    sources = tuple(dict.fromkeys([*sentence.sources, *(sid for p in paraphrases for sid in p.sentence.sources)]))
    evidence = tuple(dict.fromkeys([*sentence.evidence, *(e for p in paraphrases for e in p.sentence.evidence)]))
    return replace(item, sentence=sentence.model_copy(update={"sources": sources, "evidence": evidence}))


def _fold_across_sections(chosen: Sequence[list[_Item]]) -> list[list[_Item]]:
    """Each section's items without those repeating (in other words, with the same figures
    and actors) an item of an earlier section, whose citations they join: a fact is told once,
    where the article first tells it."""
    kept: list[list[_Item]] = []
    earlier: list[tuple[int, int]] = []  # (section, position) of every item kept so far
    for k, items in enumerate(chosen):
        kept.append([])
        for item in items:
            hit = next(
                ((i, j) for i, j in earlier
                 if _redundant(item.rep.words, kept[i][j].rep.words) and _compatible(item.rep, kept[i][j].rep)),
                None,
            )
            if hit is not None and hit[0] < k:
                i, j = hit
                kept[i][j] = _cite_also(kept[i][j], [item])
                continue
            earlier.append((k, len(kept[k])))
            kept[k].append(item)
    return kept


# ---------------------------------------------------------------------------------------------
# sections


# A year that dates a birth or a founding, not what the sentence tells ("a baby born in 2022").
_YEAR_OF_ORIGIN = re.compile(
    r"\b(?:born|founded|built|established|opened)\s+(?:in\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\b|\b\d{4}-born\b"
)


def _own_role(item: _Item, event_year: int | None) -> str:
    """``item``'s role, except that Background holds context, not the event itself: a
    sentence put there only for a year that dates a birth or founding ("56 people, including a
    baby born in 2022, were wounded after the strike") takes the role it has without that
    year."""
    text = item.sentence.text
    if item.role != "background" or not _YEAR_OF_ORIGIN.search(text):
        return item.role
    return classify(_YEAR_OF_ORIGIN.sub("", text), item.rep.entities, event_year=event_year)


def _used_claim_sentences(summary: Sequence[ArticleSentence]) -> set[str]:
    return {e for s in summary for e in s.evidence}


def _reaction_sections(items: Sequence[_Item], spec: SectionSpec, cues: EventCues, noun: str) -> Section | None:
    """The reactions section: compacted reactions, split into its subsections by whether
    the actor is of the event's own country."""
    parsed = [(it, reactions.parse(it.sentence.text, it.rep.entities)) for it in items]
    country_re = cues.country_pattern
    groups: dict[str, list[tuple[ArticleSentence, reactions.Reaction | None]]] = {"domestic": [], "international": []}
    for it, reaction in parsed:
        if reaction is not None:
            domestic = reactions.is_domestic(reaction, country_re)
        else:
            domestic = reactions.is_domestic_text(it.sentence.text, country_re)
        groups["domestic" if domestic else "international"].append((it.sentence, reaction))
    if not spec.subsections:
        merged = reactions.compact([*groups["domestic"], *groups["international"]], noun=noun)
        return Section(heading=spec.heading, sentences=tuple(merged)) if merged else None
    subs = []
    for sub in spec.subsections:
        sentences = reactions.compact(groups.get(sub.role, []), noun=noun)
        if sentences:
            subs.append(Section(heading=sub.heading, sentences=tuple(sentences)))
    return Section(heading=spec.heading, subsections=tuple(subs)) if subs else None


def compose(facts: EventFacts, analysed: Sequence[AnalysedSource], *, title: str | None = None) -> Article:
    """Write the article from reconciled ``facts`` and the ``analysed`` sources' sentences.

    Takes the event's facts, its analysed sources (in input order) and an optional title
    overriding the naming convention. Returns the Article: title, infobox, lead and the
    kind's sections in order, empty ones omitted. Every sentence cites at least one source
    (verification then checks that the sources support it).
    """
    kind = kind_for(facts.kind)
    title = title or make_title(facts, kind, analysed)
    lead = tuple(s.model_copy(update={"text": rewrite.tidy_attribution(s.text)}) for s in lead_mod.compose_lead(facts, kind, title))
    specs = sections_for(kind)
    available = section_roles(specs)
    cues = EventCues.from_facts(facts, kind)
    event_date = _parse_date(facts.get("date").value)

    candidates = _candidates(analysed, facts, cues)
    by_role: dict[str, list[_Item]] = defaultdict(list)
    allowed = _allowed_figures(facts)
    summary = tuple(
        s.model_copy(update={"text": rewrite.tidy_attribution(s.text)}) for s in lead_mod.casualty_summary(facts)
    )
    summarised = _used_claim_sentences(summary) | _toll_claim_sentences(facts)
    # "No group claimed responsibility" is said once, in the lead.
    said_unclaimed = any(_NO_CLAIM.search(s.text) for s in lead)
    all_items = _items(candidates, event_date)
    salience = _salience(all_items, len(analysed))
    space = _WordSpace(candidates) if candidates else None
    centrality = _centrality(all_items, candidates, space)
    # The event's section opens with sentences written from the facts; what they tell, a
    # report sentence need not tell again.
    told = tuple(s.model_copy(update={"text": rewrite.tidy_attribution(s.text)}) for s in narrative.narrative(facts, kind, lead, title))
    written = _written_so_far((*lead, *told), candidates, all_items, space)
    allowed_kinds = frozenset(facts.frame.allowed_kinds) if facts.frame is not None else frozenset()
    for item in all_items:
        role = place_role(_own_role(item, _event_year(facts)), available)
        # A sentence about another event (the earlier quake, the war's shelling) is context:
        # Background's, or nowhere, never the event's own sections.
        if (role is not None and role != "background" and allowed_kinds
                and focus.is_context_text(item.sentence.text, allowed_kinds)):
            role = "background" if "background" in available else None
        if role is None or (said_unclaimed and _NO_CLAIM.search(item.sentence.text)):
            continue
        # An encyclopedia tells what happened in its own words; a sentence that is mostly
        # one body's quoted words belongs among the reactions, if anywhere.
        if role != "reactions" and rewrite.quoted_share(item.sentence.text) > MAX_QUOTED_SHARE:
            continue
        # The news cycle is not the event: who was dealing with what, who was briefed, who
        # relayed whose comments, what was not yet clear at the time of writing.
        if role != "reactions" and _NEWS_PROCESS.search(item.sentence.text):
            continue
        if role in ("event", "casualties") and _contradicts_toll(item.sentence.text, allowed):
            continue
        # Background may count another event's dead, but not one at the event's own place
        # and in its own year ("A man opens fire in <city>, killing at least 16").
        if (role == "background" and cues.mentions_place(item.sentence.text)
                and not older_year(item.sentence.text, _event_year(facts))
                and _contradicts_toll(item.sentence.text, allowed)):
            continue
        # The casualties section opens with every figure explained once: body sentences
        # that state figures again would repeat (or re-dispute) them.
        # A breakdown (so many at each place, of each group) is kept: the summary gives totals.
        if (role == "casualties" and summary and not _is_breakdown(item.sentence.text, allowed)
                and (item.rep.sentence.id in summarised or _toll_figures(item.sentence.text))):
            continue
        by_role[role].append(item)

    noun = lead_mod.event_word(kind)
    sections: list[Section] = []
    # Reactions are compacted into lists of who said what and are not folded.
    chosen_by_spec = _fold_across_sections(
        [_select(by_role.get(spec.role, []), spec.role, salience, centrality, written) if spec.role != "reactions" else [] for spec in specs]
    )
    for spec, chosen in zip(specs, chosen_by_spec, strict=True):
        if spec.role == "reactions":
            chosen = _select(by_role.get(spec.role, []), spec.role, salience, centrality)
            section = _reaction_sections(chosen, spec, cues, noun)
        else:
            sentences = tuple(it.sentence for it in chosen)
            if spec.role == "event":
                sentences = (*told, *sentences)
            if spec.role == "casualties":
                # How each body's toll moved follows the figures it moved between.
                sentences = (*summary, *timeline.timeline_sentences(timeline.toll_timeline(facts)), *sentences)
            section = Section(heading=spec.heading, sentences=sentences) if sentences else None
        if section is not None:
            sections.append(section)
    surnames = frozenset(
        e.text.split()[-1].casefold() for c in candidates for e in c.entities if e.label == "PERSON" and e.text.split()
    )
    sections = _without_unresolved_subjects(lead, sections, surnames, _full_names(analysed))
    return Article(title=title, infobox=infobox(facts, kind, title), lead=lead, sections=tuple(sections))


# A definite description that needs the report's previous sentence to say who or what it is
# ("The men were identified as ...", "The team also revealed ...", "The village is in ...").
_DEFINITE_SUBJECT = re.compile(
    r"^The\s+(?:(?:two|three|four|five|six|other|same|young|elderly|[a-z]+-year-old)\s+)?"
    r"(?P<noun>men|women|man|woman|boys?|girls?|pair|couple|team|command|village|settlement|minister|company|"
    r"firm|family|teenager|official|spokes(?:man|woman|person)|statement|letter|footage|video|driver|pilot|includes)\b"
)
# A bare surname as the speaker ("Khar said", "Tsaka stated"), which an article introduces
# by full name first.
_SURNAME_SPEAKER = re.compile(
    r"^(?P<name>[A-Z][a-z]{2,})\s+(?:said|says|stated|told|added|noted|explained|went on|warned|confirmed)\b"
)
# A person named by title and surname alone ("Mr Aktoprak, who spoke to ...", "Dr Okafor said"),
# or a surname's possessive ("Walker's father, ..."): the reader needs the full name first.
_TITLED_SURNAME = re.compile(r"^(?P<title>(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)(?P<name>[A-Z][\w'’-]+)\b")
_POSSESSIVE_SURNAME = re.compile(r"^(?P<name>[A-Z][a-z]{2,})['’]s\s")
# Speakers named by a common noun or an institution's one-word name: no antecedent needed.
_COMMON_SPEAKERS = frozenset(
    {"police", "officials", "authorities", "rescuers", "witnesses", "residents", "doctors", "investigators",
     "prosecutors", "survivors", "officers", "firefighters", "paramedics", "medics", "relatives", "neighbours",
     "neighbors", "locals", "analysts", "experts", "reports", "sources", "hospitals", "reuters", "xinhua",
     "yonhap", "tass", "sana", "irna", "kyodo", "bernama", "afp", "nato", "unicef", "who", "ministry"}
)
# Letters of a noun compared with earlier text ("suspect" matches "suspected", "men" "man").
NOUN_STEM_CHARS = 5


def _full_names(analysed: Sequence[AnalysedSource]) -> dict[str, tuple[str, ...]]:
    """Per source id, the people it names in full (two words or more, no leading title), in
    reading order: what a surname used alone in that report refers to."""
    names: dict[str, dict[str, None]] = {}
    for source in analysed:
        for sentence in source.sentences:
            for e in sentence.entities:
                words = e.text.split()
                if e.label == "PERSON" and len(words) >= 2 and not _TITLED_SURNAME.match(e.text) and words[-1][:1].isupper():
                    names.setdefault(sentence.source_id, {})[e.text.strip()] = None
    return {source: tuple(found) for source, found in names.items()}


# Generational suffixes written after a surname ("Leroy Walker Sr.").
_NAME_SUFFIX = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _last_name(name: str) -> str:
    """"walker" for "Leroy Walker Sr.": the last word of a full name that is not a suffix."""
    words = [w for w in name.casefold().split() if w not in _NAME_SUFFIX]
    return words[-1] if words else ""


def _explicit_name(surname: str, sentence: ArticleSentence, full_names: Mapping[str, Sequence[str]]) -> str | None:
    """The one full name ending in ``surname`` that the sentence's own report gives, if that
    report names exactly one such person (two Walkers leave "Walker" unresolved)."""
    key = surname.casefold()
    found = {n for source in sentence.sources[:1] for n in full_names.get(source, ())
             if _last_name(n) == key and n not in sentence.text}
    return found.pop() if len(found) == 1 else None


def _without_unresolved_subjects(
    lead: Sequence[ArticleSentence], sections: Sequence[Section], surnames: frozenset[str] = frozenset(),
    full_names: Mapping[str, Sequence[str]] | None = None,
) -> list[Section]:
    """``sections`` without the sentences whose subject points back at something the article
    never introduced: a definite description ("The men ...") or a surname alone ("Khar said",
    "Mr Tsaka, who ...", "Walker's father"; a bare surname only when the reports name it as a
    person's last name, ``surnames``, so "Israel said" and "Hamas said" stand) not named in
    any earlier sentence of the lead or sections, in reading order. A surname is made
    explicit instead when the sentence's own report names that one person in full
    (``full_names``: per source id, as ``_full_names`` gives them): "Mr Tsaka" becomes
    "Sandis Tsaka"."""
    seen = " ".join(s.text for s in lead).casefold()
    full_names = full_names or {}

    def unseen(name: str) -> bool:
        return re.search(rf"\b{re.escape(name.casefold())}\b", seen) is None

    def resolve(sentence: ArticleSentence) -> ArticleSentence | None:
        text = sentence.text
        if m := _DEFINITE_SUBJECT.match(text):
            noun = m.group("noun").casefold()
            return sentence if noun != "includes" and noun[:NOUN_STEM_CHARS].rstrip("e") in seen else None
        m = _TITLED_SURNAME.match(text) or _POSSESSIVE_SURNAME.match(text) or _SURNAME_SPEAKER.match(text)
        if m is None or not unseen(m.group("name")):
            return sentence
        titled = "title" in m.groupdict()
        if not titled and m.group("name").casefold() not in surnames - _COMMON_SPEAKERS:
            return sentence
        full = _explicit_name(m.group("name"), sentence, full_names)
        if full is None:
            return None
        return sentence.model_copy(update={"text": full + text[m.end("name"):]})

    def keep(sentence: ArticleSentence) -> ArticleSentence | None:
        nonlocal seen
        kept = resolve(sentence)
        if kept is not None:
            seen += " " + kept.text.casefold()
        return kept

    def walk(section: Section) -> Section | None:
        kept = tuple(k for k in (keep(s) for s in section.sentences) if k is not None)
        subsections = tuple(sub for sub in (walk(c) for c in section.subsections) if sub is not None)
        if not kept and not subsections:
            return None
        return section.model_copy(update={"sentences": kept, "subsections": subsections})

    return [w for w in (walk(s) for s in sections) if w is not None]


# A sentence saying nobody claimed the attack ("No group has claimed responsibility",
# "Nobody has claimed it", "No group immediately said it had carried out the attack", "There was
# no immediate claim of responsibility", "no immediate claim from rebel groups").
_NO_CLAIM = re.compile(
    r"\b(?:no|nobody|none|no one)\b(?:\s+\w+){0,3}?\s+(?:has\s+|have\s+|had\s+|immediately\s+|yet\s+)*"
    r"(?:claimed|said it had carried out|taken responsibility|took responsibility|acknowledged)"
    r"|\bno\s+(?:immediate\s+|known\s+)?claims?\s+(?:of\s+responsibility|from)\b",
    re.IGNORECASE,
)


def _toll_claim_sentences(facts: EventFacts) -> set[str]:
    """Sentence ids that state a whole-event toll (already said by the casualty summary)."""
    claims: list[Claim] = [*facts.get("fatalities").claims, *facts.get("injuries").claims]
    claims += [c for conflict in facts.conflicts for c in conflict.claims]
    return {c.sentence for c in claims if c.fact in ("fatalities", "injuries") and c.scope is None}


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
