"""Stage 5, reconcile: turn claims into one Fact per infobox field, recording conflicts.

Claims are the single source of truth; every Fact lists the claims behind it and every
disagreement between sources becomes a Conflict naming the rule that resolved it. The rules,
each a named function or constant below, are those of a careful editor:

Numbers (fatalities, injuries) -- tolls rise, and bodies disagree:
  1. ``MIN_FIGURE_WEIGHT``: figures the report itself calls early ("initially 100") set no bound.
  2. ``_supersede_by_later_reports``: a figure reported on an earlier day than a higher figure
     (by any body) is an earlier stage of the count.
  3. ``_latest_per_body``: each attributing body (unattributed text: each source its own body;
     aliases such as "SOHR" / "the Observatory" / "Syrian Observatory for Human Rights" merged)
     counts once, with its latest report (by report date, then the higher figure).
  4. ``_supersede_stale_minority``: when most bodies agree on a figure, lower dissenters are
     stale early counts; a body far below the median is too (``OUTLIER_FRACTION``).
  5. What is left is shown as a range "89–120+" with attribution when bodies still disagree,
     a single "120+" / "~120" / "120" when they agree. ``best`` is the lower median of the
     bodies' figures (conservative like ACLED's rule, yet one stale body cannot set it).
  6. The perpetrator's death, when reported, is added as Wikipedia does ("19 (including the
     perpetrator)"); breakdowns (women, children, civilians ...) are kept in Fact.breakdown.

Categorical facts (date, time, location, type, target, weapons, perpetrators, part_of):
  votes by independent source (a source's claims for one value count once, at its highest
  weight), ties broken by specificity and then by attribution to an official body.
  - type: the more specific kind wins with SPECIFIC_SHARE of the top votes (a drone strike is
    also an explosion);
  - location: the city first (only if CITY_MAJORITY of city/region votes name one), then the
    region and country consistent with it, then a venue if VENUE_MAJORITY of venue votes
    name it; displayed venue, city, country (region after the city in federations, or when
    there is no city);
  - time: parts of day and nearby clock times (CLOCK_SUPPORT_MINUTES) support a clock time;
  - perpetrators: claimed > suspected > accused; accusations alone show "Unknown";
  - target, weapons, part_of: a phrase contained in a longer attested one supports it.
  Timezone is derived, not voted: the UTC offset in force at the event's date in the
  location's IANA zone (zoneinfo), displayed with its abbreviation when it has one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wikiwire import gazetteer
from wikiwire.facts import context, dates
from wikiwire.records import (
    FACT_NAMES,
    AnalysedSource,
    Claim,
    Conflict,
    EventFacts,
    EventFrame,
    Fact,
    FactName,
    JSONValue,
)
from wikiwire.taxonomy import UNKNOWN_KIND, kind_for
from wikiwire.textkeys import lookup_key

__all__ = ["reconcile"]

# ---------------------------------------------------------------------------------------------
# Rule constants

# A figure whose claim weight is below this sets no bound of the range (the casualties
# extractor gives 0.3 to counts the report itself calls initial or overtaken, 0.6 to vague
# "dozens"); it stays in Fact.claims' conflicts so the reader sees it was considered.
MIN_FIGURE_WEIGHT = 0.5
# Vague counts ("dozens" = at least 24) only bound the range when nothing precise is known.
VAGUE_FIGURE_WEIGHT = 0.6
# A body's latest figure below this fraction of the median of all bodies' figures is an
# early count repeated by a later report (tolls rise): 7 beside 89, 112 and 120.
OUTLIER_FRACTION = 0.25
# When at least this share of bodies (and at least MIN_AGREEING_BODIES of them) state the
# same figure, lower figures from other bodies are stale early counts, not a dispute.
AGREEMENT_SHARE = 2 / 3
MIN_AGREEING_BODIES = 3
# Scopes the casualties extractor uses (see facts.casualties).
PERPETRATORS_SCOPE = "perpetrators"
INCLUDING_PERPETRATORS_SCOPE = "including perpetrators"
# Scopes that are parts of a toll but not a named group worth an infobox breakdown.
UNNAMED_SCOPES = frozenset({"other", "at one site"})

# A less specific type or a shorter phrase still wins unless the more specific candidate has
# at least this share of its votes: "explosion" in five reports does not beat "drone strike"
# in three, since both can be true and the specific one says more.
SPECIFIC_SHARE = 0.5
# Float tolerance when comparing vote totals.
VOTE_EPSILON = 1e-9

# Words that mark an official or monitoring body: a tie between values goes to the one an
# official source attributes.
_OFFICIAL = re.compile(
    r"\b(?:ministry|minister|police|government|authorit(?:y|ies)|army|military|officials?|"
    r"governor|gov\.|mayor|sheriff|agency|department|office|observatory|monitor|un|u\.n\.|"
    r"united nations|red crescent|red cross|coroner|commissioner|president|spokes\w+)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Helpers shared by the rules


def _source_order(analysed: Sequence[AnalysedSource]) -> dict[str, int]:
    return {a.source.id: i for i, a in enumerate(analysed)}


def _sources_of(claims: Iterable[Claim], order: dict[str, int]) -> tuple[str, ...]:
    ids = {c.source for c in claims}
    return tuple(sorted(ids, key=lambda s: (order.get(s, len(order)), s)))


def _natural(source_id: str) -> tuple[int, str]:
    """Sort key putting "s2" before "s10"."""
    return len(source_id), source_id


def _is_official(claim: Claim) -> bool:
    return bool(claim.attributed_to and _OFFICIAL.search(claim.attributed_to))


def _day(claim: Claim) -> dt.date:
    """Report date for ordering; undated reports sort before every dated one."""
    return claim.reported or dt.date.min


def _fmt(n: int) -> str:
    return f"{n:,}"


# ---------------------------------------------------------------------------------------------
# Bodies: who states a figure, aliases merged

# Words that say nothing about which body it is.
_BODY_STOP = frozenset(
    {
        "the", "a", "an", "of", "for", "and", "in", "on", "at", "from", "by", "to", "its", "their",
        "his", "her", "based", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
        "official", "officials", "statement", "statements", "source", "sources", "report",
        "reports", "figures", "data", "state-run", "state", "run", "news", "national", "local",
        "senior", "top", "chief", "head", "group",
    }
)
_MINISTER = re.compile(r"^minist(?:er|ry|ries|ers)$")


@functools.cache
def _country_words() -> frozenset[str]:
    """Lower-case words of country names, so "Syria's" and "Syrian" say nothing of the body."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return frozenset()
    words: set[str] = set()
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", "")):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", name or "") if len(w) > 3)
    return frozenset(words)


# Shortest stem matched against country names: "syri" finds "syria", but "hum" (from "human")
# must not find a country.
MIN_DEMONYM_STEM = 4
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "n", "ese", "i", "")


@functools.lru_cache(maxsize=4096)
def _country_of(token: str) -> str:
    """A demonym as its country's word ("syrian" -> "syria"), so "Syria's health ministry"
    and "the Syrian Ministry of Health" read alike while "Israeli army" and "Syrian army"
    stay apart; other tokens unchanged."""
    # The shortest country word sharing a stem: "syrian" and "syria" both give "syria".
    for suffix in _DEMONYM_SUFFIXES:
        if not token.endswith(suffix):
            continue
        stem = token[: len(token) - len(suffix)]
        if len(stem) < MIN_DEMONYM_STEM:
            continue
        found = [c for c in _country_words() if c.startswith(stem)]
        if found:
            return min(found, key=lambda c: (len(c), c))
    return token


@functools.lru_cache(maxsize=4096)
def _body_tokens(name: str) -> frozenset[str]:
    """Significant tokens of a body's name: "Syria's health ministry" -> {syria, health,
    ministry}."""
    tokens = set()
    for raw in re.findall(r"[\w.'’\-]+", name.lower()):
        token = re.sub(r"['’]s$", "", raw).replace(".", "").strip("-")
        if not token or token in _BODY_STOP or token.endswith("-based"):
            continue
        if _MINISTER.match(token):
            token = "ministry"
        tokens.add(_country_of(token))
    return frozenset(tokens)


# Institution nouns that are capitalised in names but identify no body on their own.
_GENERIC_NOUNS = frozenset(
    {
        "ministry", "army", "police", "government", "office", "department", "agency", "authority",
        "authorities", "administration", "regime", "observatory", "council", "commission",
        "service", "forces", "military", "state", "national", "health", "defence", "defense",
        "interior", "command", "general", "media", "television", "news",
    }
)


def _proper_name(name: str) -> bool:
    """True when ``name`` holds a capitalised word that is neither a country nor an
    institution noun ("Taliban" in "a Taliban spokesperson")."""
    return any(
        w.lower() not in _GENERIC_NOUNS and _country_of(w.lower()) not in _country_words()
        for w in re.findall(r"\b[A-Z][a-z][\w\-]*", name)
        if w.lower() not in ("the", "a", "an")
    )


def _too_generic(name: str) -> bool:
    """A name of nothing but country words ("Syria", "Afghan") identifies no body."""
    return all(t in _country_words() for t in _body_tokens(name))


def _acronym(name: str) -> str:
    words = re.findall(r"\b[A-Z][\w\-]*", name)
    return "".join(w[0] for w in words if not w.lower().endswith("-based")).lower()


def _same_body(a: str, b: str) -> bool:
    """Two attributions name the same body: one's tokens within the other's, or an acronym."""
    ta, tb = _body_tokens(a), _body_tokens(b)
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    for short, long in ((a, b), (b, a)):
        word = re.sub(r"^the\s+", "", short.strip(), flags=re.IGNORECASE)
        if re.fullmatch(r"[A-Z]{2,}", word) and _acronym(long).startswith(word.lower()) and len(_acronym(long)) == len(word):
            return True
    return False


# Nouns that name an institution: a group of aliases is labelled by one of these names
# ("the Syrian Ministry of Health") rather than by a spokesperson's name.
_INSTITUTION = re.compile(
    r"\b(?:Ministry|Observatory|Police|Department|Office|Agency|Authority|Government|Army|"
    r"Administration|Crescent|Cross|Helmets|Nations|Council|Commission|Service|Survey|Defen[cs]e|"
    r"UN|U\.N\.|WHO|OCHA|[A-Z]{3,})\b",
    re.IGNORECASE,
)


def _label_rank(name: str) -> tuple[int, int, int, int]:
    """Sort key of a body's names, best label first: an institution's name, with the most
    identifying words, written as a proper name, most briefly ("the Syrian Observatory for
    Human Rights" before "the UK-based Syrian Observatory ..." and "SOHR"; "the Syrian
    Ministry of Health" before "Syria's health ministry")."""
    institution = bool(_INSTITUTION.search(name)) and not re.search(r"\bminister\b", name, re.IGNORECASE)
    capitals = sum(1 for w in re.findall(r"\b[A-Z][\w\-]*", name) if not w.lower().endswith("-based"))
    return (0 if institution else 1, -len(_body_tokens(name)), -capitals, len(name))


def _bodies(claims: Sequence[Claim]) -> dict[int, str]:
    """Body label per claim (by index): aliases merged, each unattributed source its own body.

    The label is the body's fullest name as written ("the Syrian Observatory for Human
    Rights"), or "source s3" for a source's own unattributed statements.
    """
    names = sorted(
        {c.attributed_to for c in claims if c.attributed_to and _body_tokens(c.attributed_to)},
        key=lambda n: (-len(_body_tokens(n)), n),
    )
    # Fullest names first found the groups; a shorter name joins the one group all of whose
    # members it matches. A name that fits several groups ("the ministry" beside a health and
    # a defence ministry) is ambiguous and stays a body of its own, so aliases never chain
    # two different bodies together. Few distinct names per event, so this is cheap.
    grouped: list[list[str]] = []
    for name in names:
        fits = [g for g in grouped if all(_same_body(name, member) for member in g)]
        if _too_generic(name) or not fits:
            grouped.append([name])
        elif len(fits) == 1:
            fits[0].append(name)
        elif _proper_name(name):
            # "a Taliban spokesperson" fits "the Taliban administration" and "the Taliban
            # regime": a proper name shared by all of them makes them one body.
            merged = [m for g in fits for m in g] + [name]
            grouped = [g for g in grouped if g not in fits] + [merged]
        else:
            grouped.append([name])
    groups = {member: g for g in grouped for member in g}
    label = {n: min(groups[n], key=_label_rank) for n in names}
    out = {}
    for i, c in enumerate(claims):
        if c.attributed_to and c.attributed_to in label:
            out[i] = label[c.attributed_to]
        else:
            out[i] = f"source {c.source}"
    return out


# ---------------------------------------------------------------------------------------------
# Numbers


@dataclass(frozen=True)
class _Figure:
    """One body's figure: the claim stating it and the body."""

    claim: Claim
    body: str

    @property
    def value(self) -> int:
        return int(self.claim.value)  # type: ignore[arg-type]

    @property
    def lower_bound(self) -> bool:
        return self.claim.qualifier in ("at least", "more than")


def _supersede_by_later_reports(figures: list[_Figure]) -> tuple[list[_Figure], list[_Figure]]:
    """Tolls rise: a figure reported on an earlier day than a higher figure is superseded.

    Undated figures are neither superseded by this rule nor supersede others (their place in
    time is unknown). Returns (kept, superseded).
    """
    # Highest figure reported strictly after each report day (one pass over sorted days).
    best_by_day: dict[dt.date, int] = {}
    for f in figures:
        if f.claim.reported is not None:
            best_by_day[f.claim.reported] = max(best_by_day.get(f.claim.reported, 0), f.value)
    later_max: dict[dt.date, int] = {}
    running = -1
    for day in sorted(best_by_day, reverse=True):
        later_max[day] = running
        running = max(running, best_by_day[day])
    kept: list[_Figure] = []
    dropped: list[_Figure] = []
    for f in figures:
        later_higher = f.claim.reported is not None and later_max[f.claim.reported] > f.value
        (dropped if later_higher else kept).append(f)
    return kept, dropped


def _latest_per_body(figures: list[_Figure]) -> tuple[list[_Figure], list[_Figure]]:
    """Each body's latest report (by report date, then the higher figure); others superseded."""
    best: dict[str, _Figure] = {}
    for f in figures:
        cur = best.get(f.body)
        if cur is None or (_day(f.claim), f.value) > (_day(cur.claim), cur.value):
            best[f.body] = f
    kept = list(best.values())
    chosen = {id(f) for f in kept}
    return kept, [f for f in figures if id(f) not in chosen]


def _supersede_stale_minority(figures: list[_Figure]) -> tuple[list[_Figure], list[_Figure]]:
    """Drop lower figures when most bodies agree, and old figures far below the median.

    A figure far below the others counts as stale only when it is not newer than every
    higher figure: a later, lower count from another body (a UN office revising a
    government's figure) is a dispute, kept in the range.
    """
    if len(figures) < 2:
        return figures, []
    values = [f.value for f in figures]
    counts: dict[int, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    top, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if n >= MIN_AGREEING_BODIES and n / len(figures) >= AGREEMENT_SHARE:
        kept = [f for f in figures if f.value >= top]
        return kept, [f for f in figures if f.value < top]
    median = statistics.median(values)

    def stale(f: _Figure) -> bool:
        higher = [g for g in figures if g.value > f.value]
        newer = f.claim.reported is not None and all(
            g.claim.reported is not None and f.claim.reported > g.claim.reported for g in higher
        )
        return f.value < OUTLIER_FRACTION * median and not newer

    return [f for f in figures if not stale(f)], [f for f in figures if stale(f)]


def _lower_median(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def _single_display(figures: list[_Figure], value: int) -> str:
    """"120+" when most bodies give it as a lower bound, "~120" when as an estimate."""
    at = [f for f in figures if f.value == value]
    if sum(f.lower_bound for f in at) * 2 > len(at):
        return f"{_fmt(value)}+"
    if sum(f.claim.qualifier == "about" for f in at) * 2 > len(at):
        return f"~{_fmt(value)}"
    if at and all(f.claim.qualifier == "up to" for f in at):
        return f"up to {_fmt(value)}"
    return _fmt(value)


def _figure_label(f: _Figure) -> str:
    suffix = "+" if f.lower_bound else ""
    prefix = "~" if f.claim.qualifier == "about" else ""
    return f"{f.body} {prefix}{_fmt(f.value)}{suffix} ({f.claim.source})"


def _breakdown(claims: Sequence[Claim]) -> tuple[dict[str, int], list[Claim]]:
    """Latest figure per named group (women, children, civilians...), and its claims."""
    chosen: dict[str, Claim] = {}
    for c in claims:
        if c.scope is None or c.scope in UNNAMED_SCOPES or c.weight < MIN_FIGURE_WEIGHT:
            continue
        if c.scope in (PERPETRATORS_SCOPE, INCLUDING_PERPETRATORS_SCOPE):
            continue
        cur = chosen.get(c.scope)
        if cur is None or (_day(c), int(c.value)) > (_day(cur), int(cur.value)):  # type: ignore[arg-type]
            chosen[c.scope] = c
    return {k: int(v.value) for k, v in chosen.items()}, list(chosen.values())  # type: ignore[arg-type]


def _perpetrator_deaths(claims: Sequence[Claim]) -> tuple[int, list[Claim]]:
    """How many perpetrators died, by the reports that say so (the highest count stated)."""
    perps = [c for c in claims if c.scope == PERPETRATORS_SCOPE and c.weight >= MIN_FIGURE_WEIGHT]
    return max((int(c.value) for c in perps), default=0), perps  # type: ignore[arg-type]


def _numbers(name: FactName, claims: Sequence[Claim], order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Reconcile a casualty count (rules 1-6 of the module docstring)."""
    claims = [c for c in claims if isinstance(c.value, int) and not isinstance(c.value, bool)]
    if not claims:
        return Fact(name=name), []
    perp_count, perp_claims = _perpetrator_deaths(claims) if name == "fatalities" else (0, [])
    # The encyclopedia's forms: one perpetrator counted in ("19 (including the perpetrator)"),
    # several shown apart ("9 (+2 attackers)"); the value counts all of them either way.
    counted_in = perp_count if perp_count == 1 else 0
    breakdown, breakdown_claims = _breakdown(claims)
    totals = [c for c in claims if c.scope in (None, INCLUDING_PERPETRATORS_SCOPE)]
    bodies = _bodies(totals)
    every = [
        # Totals that count the perpetrator become victims-only figures, so all compare alike.
        _Figure(c.model_copy(update={"value": int(c.value) - perp_count}) if c.scope else c, bodies[i])  # type: ignore[arg-type]
        for i, c in enumerate(totals)
    ]
    conflicts: list[Conflict] = []
    weak = [f for f in every if f.claim.weight < MIN_FIGURE_WEIGHT]
    strong = [f for f in every if f.claim.weight >= MIN_FIGURE_WEIGHT]
    # Vague counts ("dozens") only matter when no precise figure exists.
    precise = [f for f in strong if f.claim.weight > VAGUE_FIGURE_WEIGHT]
    vague = [f for f in strong if f.claim.weight <= VAGUE_FIGURE_WEIGHT]
    candidates = precise or vague
    if precise:
        weak += vague
    superseded: list[tuple[_Figure, str]] = [(f, "called early or vague by its report") for f in weak]
    kept, dropped = _supersede_by_later_reports(candidates)
    superseded += [(f, "a higher figure was reported on a later day") for f in dropped]
    kept, dropped = _latest_per_body(kept)
    superseded += [(f, "its body gave a later or higher figure") for f in dropped]
    kept, dropped = _supersede_stale_minority(kept)
    superseded += [(f, "most bodies agree on a higher figure, or it is far below the others") for f in dropped]

    if not kept and not breakdown:
        return Fact(name=name, claims=tuple(claims), rule="no usable figure"), conflicts

    values = [f.value for f in kept]
    if values:
        low, high, best = min(values), max(values), _lower_median(values)
    else:
        low = high = best = 0
    supporting = [f.claim for f in every if f.value in values and f.claim.weight >= MIN_FIGURE_WEIGHT]
    if low != high:
        high_fig = max(kept, key=lambda f: (f.value, f.lower_bound))
        display = f"{_fmt(low + counted_in)}–{_fmt(high + counted_in)}{'+' if high_fig.lower_bound else ''}"
        rule = "range of latest figures per attributing body"
        labels = ", ".join(_figure_label(f) for f in sorted(kept, key=lambda f: f.value))
        conflicts.append(Conflict(fact=name, claims=tuple(f.claim for f in kept), resolution=f"{rule}: {labels}"))
    elif values:
        display = _single_display(kept, low) if not perp_count else _fmt(low + counted_in)
        rule = "latest figures agree" if len(kept) > 1 else "single attributing body"
    else:
        display, rule = "", "breakdown only"
    if superseded:
        detail = "; ".join(f"{_figure_label(f)}: {why}" for f, why in superseded)
        conflicts.append(
            Conflict(
                fact=name,
                claims=tuple(f.claim for f, _ in superseded),
                resolution=f"superseded earlier or stale figures (tolls rise): {detail}",
            )
        )
    if perp_count and values:
        if counted_in:
            display = f"{display} (including the perpetrator)"
        else:
            display = f"{display} (+{perp_count} attackers)"
        breakdown = {**breakdown, PERPETRATORS_SCOPE: perp_count}
        rule += f"; {perp_count} perpetrator death(s) added as reported"
        low, high, best = low + perp_count, high + perp_count, best + perp_count
    value: JSONValue = {"low": low, "high": high, "best": best} if values else None
    behind = [*supporting, *perp_claims, *breakdown_claims]
    return (
        Fact(
            name=name,
            value=value,
            display=display,
            sources=_sources_of(supporting or behind, order),
            claims=tuple(behind),
            breakdown=breakdown,
            rule=rule,
        ),
        conflicts,
    )


# ---------------------------------------------------------------------------------------------
# Categorical facts


def _key(value: JSONValue) -> str:
    """A comparable key for a categorical value (case, articles and punctuation ignored)."""
    if isinstance(value, dict):
        return "|".join(f"{k}={_key(v)}" for k, v in sorted(value.items()))
    text = str(value).casefold().strip()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    return re.sub(r"[^\w:+\-]+", " ", text).strip()


@dataclass
class _Candidate:
    key: str
    claims: list[Claim]
    votes: float = 0.0

    @property
    def official(self) -> bool:
        return any(_is_official(c) for c in self.claims)


def _tally(claims: Sequence[Claim], key: Callable[[Claim], str] = lambda c: _key(c.value)) -> list[_Candidate]:
    """Votes per value: each source counts once per value, at its highest claim weight."""
    by_key: dict[str, _Candidate] = {}
    for c in claims:
        k = key(c)
        by_key.setdefault(k, _Candidate(k, [])).claims.append(c)
    for cand in by_key.values():
        cand.votes = _source_votes(cand.claims)
    return list(by_key.values())


def _pick(cands: list[_Candidate], specificity: Callable[[_Candidate], float], order: dict[str, int]) -> _Candidate:
    """Most votes; the more specific candidate wins when it has SPECIFIC_SHARE of the top
    votes; remaining ties go to official attribution, then to the earliest source."""
    top = max(c.votes for c in cands)
    eligible = [c for c in cands if c.votes + VOTE_EPSILON >= SPECIFIC_SHARE * top]
    most_specific = max(specificity(c) for c in eligible)
    eligible = [c for c in eligible if specificity(c) == most_specific]
    return max(
        eligible,
        key=lambda c: (round(c.votes, 9), c.official, -min(order.get(x.source, 0) for x in c.claims)),
    )


def _display_of(claims: Sequence[Claim]) -> str:
    """The display most claims use (ties: the longest, which is usually the fullest)."""
    counts: dict[str, int] = defaultdict(int)
    for c in claims:
        counts[c.display] += 1
    return max(counts, key=lambda d: (counts[d], len(d)))


def _resolution(cands: list[_Candidate], winner: _Candidate, why: str,
                label: Callable[[_Candidate], str] | None = None) -> str:
    """"votes by independent source: A 2.00 (s1, s2), B 1.00 (s3); chose A (why)"."""
    name_of = label or (lambda c: _display_of(c.claims))
    parts = ", ".join(
        f"{name_of(c)} {c.votes:.2f} ({', '.join(sorted({x.source for x in c.claims}, key=_natural))})"
        for c in sorted(cands, key=lambda c: -c.votes)
    )
    return f"votes by independent source: {parts}; chose {name_of(winner)} ({why})"


def _categorical(
    name: FactName,
    claims: Sequence[Claim],
    order: dict[str, int],
    specificity: Callable[[_Candidate], float] = lambda c: 0.0,
    display: Callable[[_Candidate], str] | None = None,
) -> tuple[Fact, list[Conflict]]:
    """Generic vote for one categorical fact."""
    if not claims:
        return Fact(name=name), []
    cands = _tally(claims)
    winner = _pick(cands, specificity, order)
    conflicts = []
    if len(cands) > 1:
        why = "most votes, then specificity, then official attribution"
        conflicts.append(Conflict(fact=name, claims=tuple(claims), resolution=_resolution(cands, winner, why)))
    shown = display(winner) if display else _display_of(winner.claims)
    return (
        Fact(
            name=name,
            value=winner.claims[0].value,
            display=shown,
            sources=_sources_of(winner.claims, order),
            claims=tuple(winner.claims),
            rule="votes by independent source" if len(cands) > 1 else "single value",
        ),
        conflicts,
    )


def _merge_contained(claims: Sequence[Claim]) -> list[Claim]:
    """A phrase contained in a longer attested one supports it: "graduation ceremony" is
    re-keyed as "military graduation ceremony" when both occur, so they vote together."""
    keyed = [(_key(c.value), c) for c in claims]
    counts: dict[str, int] = defaultdict(int)
    donors: dict[str, Claim] = {}
    for k, c in keyed:
        counts[k] += 1
        donors.setdefault(k, c)
    # Few distinct phrases per fact, so comparing every pair of them is cheap.
    target: dict[str, str] = {}
    for k in counts:
        longer = [o for o in counts if o != k and re.search(rf"\b{re.escape(k)}\b", o)]
        if longer:
            target[k] = max(longer, key=lambda o: (counts[o], -len(o)))
    out = []
    for k, c in keyed:
        if k in target:
            donor = donors[target[k]]
            c = c.model_copy(update={"value": donor.value, "display": donor.display})
        out.append(c)
    return out


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def _date_display(value: JSONValue, end: JSONValue) -> str:
    try:
        d = dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    single = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if not end:
        return single
    try:
        e = dt.date.fromisoformat(str(end))
    except ValueError:
        return single
    if (e.year, e.month) == (d.year, d.month):
        return f"{d.day}–{e.day} {_MONTHS[d.month - 1]} {d.year}"
    if e.year == d.year:
        return f"{d.day} {_MONTHS[d.month - 1]} – {e.day} {_MONTHS[e.month - 1]} {d.year}"
    return f"{single} – {e.day} {_MONTHS[e.month - 1]} {e.year}"


def _date_rule(winner: Sequence[Claim], analysed: Sequence[AnalysedSource], rule: str) -> str:
    """``rule``, or ``dates.UNCORROBORATED_RULE`` when no claim behind the date writes it out
    and no supporting source's anchor is backed by anything but its own header."""
    by_id = {a.source.id: a for a in analysed}
    sources = [by_id[c.source] for c in winner if c.source in by_id]
    if len(sources) < len(winner) or not sources:
        return rule
    if any(dates.is_stated(c, by_id[c.source]) for c in winner):
        return rule
    if any(dates.anchor_corroborated(src, analysed) for src in {s.source.id: s for s in sources}.values()):
        return rule
    return dates.UNCORROBORATED_RULE


def _date(claims: Sequence[Claim], order: dict[str, int],
          analysed: Sequence[AnalysedSource] = ()) -> tuple[Fact, list[Conflict]]:
    """Date: votes on (start, end); an explicit range counts as more specific than a day.
    A date resting only on weekdays counted from unbacked publication dates keeps its value
    but its rule says so (``_date_rule``)."""
    if not claims:
        return Fact(name="date"), []
    keyed = [c.model_copy(update={"value": str(c.value)}) for c in claims]
    cands = _tally(keyed, key=lambda c: f"{c.value}/{c.value_end or ''}")
    winner = _pick(cands, lambda c: 0.0, order)
    first = winner.claims[0]
    conflicts = []
    if len(cands) > 1:
        conflicts.append(
            Conflict(fact="date", claims=tuple(claims), resolution=_resolution(cands, winner, "most votes"))
        )
    return (
        Fact(
            name="date",
            value=first.value,
            display=_date_display(first.value, first.value_end),
            sources=_sources_of(winner.claims, order),
            claims=tuple(winner.claims),
            rule=_date_rule(winner.claims, analysed,
                            "votes by independent source" if len(cands) > 1 else "single value"),
        ),
        conflicts,
    )


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
# Parts of day and the clock hours they cover: a report saying "afternoon" supports "14:00".
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "early morning": (0, 8), "morning": (5, 12), "midday": (11, 14), "noon": (11, 13),
    "afternoon": (12, 18), "evening": (17, 22), "night": (19, 30), "late night": (22, 30),
    "overnight": (21, 31), "dawn": (4, 8),
}


# Reports of one moment differ by a few minutes ("1:27 a.m.", "1:28 a.m.", "around 1:30"):
# clock times this close support each other.
CLOCK_SUPPORT_MINUTES = 15


# A part of the day alone ("evening") reaches the infobox only with this much summed source
# support: one source stating it in its lead sentence (weight about 0.5 after the
# part-of-day factor) passes, a single passing mention deep in a report does not. Better no
# time than the time of the retaliation.
MIN_PART_OF_DAY_SUPPORT = 0.3
# ... or this many independent sources agreeing on it, however weakly each states it.
MIN_PART_OF_DAY_SOURCES = 2


def _minutes(value: str) -> int | None:
    m = _CLOCK.match(value)
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def _time_display(claim: Claim) -> str:
    value = str(claim.value)
    if _CLOCK.match(value):
        end = f"–{claim.value_end}" if claim.value_end else ""
        return f"{'~' if claim.qualifier == 'about' else ''}{value}{end}"
    return value


def _time_specificity(cand: _Candidate) -> float:
    """A clock time stated exactly ("at 11am") over one stated roughly ("around noon"), and
    either over a part of day."""
    if not _CLOCK.match(str(cand.claims[0].value)):
        return 0.0
    return 2.0 if any(c.qualifier in (None, "exactly") for c in cand.claims) else 1.0


def _time(claims: Sequence[Claim], order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Time: a part of day and clock times within CLOCK_SUPPORT_MINUTES add their votes to a
    clock time; most votes win, ties going to an exact clock time over a rough one over a
    part of day; inside the winning cluster the time most sources state themselves wins."""
    if not claims:
        return Fact(name="time"), []
    cands = _tally(claims)
    own = {id(c): c.votes for c in cands}
    minutes = {id(c): _minutes(str(c.claims[0].value)) for c in cands}
    for cand in cands:
        at = minutes[id(cand)]
        if at is None:
            continue
        for other in cands:
            if other is cand:
                continue
            span = PARTS_OF_DAY.get(str(other.claims[0].value).lower())
            hour = at // 60
            if span and (span[0] <= hour < span[1] or span[0] <= hour + 24 < span[1]):
                cand.votes += own[id(other)]
            near = minutes[id(other)]
            if near is not None and abs(near - at) <= CLOCK_SUPPORT_MINUTES:
                cand.votes += own[id(other)]
    # Times of day are rival values, not nested ones: votes decide, exactness breaks ties.
    winner = max(cands, key=lambda c: (round(c.votes, 9), _time_specificity(c), c.official,
                                       -min(order.get(x.source, 0) for x in c.claims)))
    at = minutes[id(winner)]
    if at is not None:
        # Within the winning cluster, the time most sources state themselves.
        cluster = [c for c in cands if minutes[id(c)] is not None and abs(minutes[id(c)] - at) <= CLOCK_SUPPORT_MINUTES]  # type: ignore[operator]
        winner = max(cluster, key=lambda c: (round(own[id(c)], 9), c.official, -min(order.get(x.source, 0) for x in c.claims)))
    conflicts = []
    if len(cands) > 1:
        conflicts.append(
            Conflict(fact="time", claims=tuple(claims),
                     resolution=_resolution(cands, winner, "most votes with support, then exactness"))
        )
    first = winner.claims[0]
    if at is None and own[id(winner)] < MIN_PART_OF_DAY_SUPPORT and len({c.source for c in winner.claims}) < MIN_PART_OF_DAY_SOURCES:
        # A part of the day with no clock time behind it and little support is more likely
        # the time of something else the reports tell (a retaliation, a statement): none.
        conflicts.append(
            Conflict(fact="time", claims=tuple(claims),
                     resolution=f"no time: part of day {first.value!r} has support {own[id(winner)]:.2f} "
                                f"< MIN_PART_OF_DAY_SUPPORT {MIN_PART_OF_DAY_SUPPORT}")
        )
        return Fact(name="time"), conflicts
    return (
        Fact(
            name="time",
            value=first.value,
            display=_time_display(first),
            sources=_sources_of(winner.claims, order),
            claims=tuple(winner.claims),
            rule="votes by independent source" if len(cands) > 1 else "single value",
        ),
        conflicts,
    )


def _part(value: JSONValue, part: str) -> str | None:
    if isinstance(value, dict):
        v = value.get(part)
        return str(v) if v not in (None, "") else None
    return None


# A region named without the chosen city completes the city's place only from a claim this
# strong (a lede sentence near the event's words); weaker ones name regions of other places.
REGION_ALONE_MIN_WEIGHT = 0.5

# Kinds that happen at one structure, which is their venue even for a natural cause.
STRUCTURE_KINDS = frozenset({"dam failure", "bridge collapse", "building collapse"})

# The city is part of the event's place only when claims naming a city hold more than this
# share of the votes of claims at city or region level; otherwise the event is regional
# (an earthquake "in Herat province", whose nearest city only some reports name).
CITY_MAJORITY = 0.5


def _part_key(claim: Claim, part: str) -> str:
    return _key(_part(claim.value, part))


def _candidate_part(cand: _Candidate, part: str) -> str:
    return _part(cand.claims[0].value, part) or ""


def _source_votes(claims: Sequence[Claim]) -> float:
    """Votes of independent sources: each source once, at its highest claim weight."""
    per_source: dict[str, float] = {}
    for c in claims:
        per_source[c.source] = max(per_source.get(c.source, 0.0), c.weight)
    return sum(per_source.values())


def _area_event(frame: EventFrame | None) -> tuple[bool, bool]:
    """(no venue, no city) for the framed event: a natural disaster strikes an area, not a
    building (the airport the injured were flown to is no venue); and when the ledes name no
    city for it, neither does the location (a city named later is where reporters, agencies
    or the wounded were)."""
    if frame is None:
        return False, False
    # A dam's failure happens at the dam: structures keep their venue (``title`` names them).
    area = kind_for(frame.kind).category == "disaster" and frame.kind not in STRUCTURE_KINDS
    return area, area and not frame.place.get("city") and bool(frame.place.get("region") or frame.place.get("country"))


# When the ledes settle no city, a city needs at least this share of the reports that place
# the event at all: a town named by a few reports (the train's origin, the capital where
# protests followed) is not where it happened.
UNSETTLED_CITY_SHARE = 0.4


def _city_spelling(claims: Sequence[Claim], city: str | None) -> str | None:
    """The spelling of ``city`` most of the supporting reports use, when they mostly spell it
    otherwise than the gazetteer ("Larissa" for "Larisa"); else None."""
    if not city:
        return None
    forms: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if _part(c.value, "city") == city:
            forms[_part(c.value, "city_as_written") or city].add(c.source)
    if not forms:
        return None
    best = max(forms, key=lambda f: (len(forms[f]), f == city))
    return best if best != city else None


def _region_spelling(claims: Sequence[Claim], region: str | None) -> str | None:
    """The name most of the reports that name ``region`` write, when it is another name than
    the gazetteer's and not only by its administrative word ("Donetsk region" is "Donetsk
    Oblast", shown so); else None."""
    if not region:
        return None
    forms: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        written = _part(c.value, "region_as_written")
        if _part(c.value, "region") == region and written:
            forms[written].add(c.source)
    if not forms:
        return None
    best = max(forms, key=lambda f: (len(forms[f]), gazetteer.admin_key(f) == gazetteer.admin_key(region), f))
    return best if gazetteer.admin_key(best) != gazetteer.admin_key(region) else None


def _city_unsettled(claims: Sequence[Claim], frame: EventFrame | None) -> bool:
    """True when the frame has no city and no city is named by UNSETTLED_CITY_SHARE of the
    votes of the reports that give a location (each report once, at its best weight)."""
    if frame is None or frame.place.get("city") or not frame.place.get("country"):
        return False
    total = _source_votes(claims)
    by_city: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        city = _part(c.value, "city")
        if city:
            by_city[city].append(c)
    best = max((_source_votes(v) for v in by_city.values()), default=0.0)
    return total > 0 and best < UNSETTLED_CITY_SHARE * total


# Kinds whose place encyclopedias give with the body of water the structure spans or the ship
# sailed ("Francis Scott Key Bridge, Patapsco River, Baltimore").
WATER_KINDS = frozenset({"bridge collapse", "maritime accident", "dam failure"})
# A river, lake, bay or sea named by this many reports (and this share of them) is the
# event's water; fewer name one in passing (the harbour a ship was bound for).
WATER_MIN_SOURCES = 3
WATER_MIN_SHARE = 0.3
_WATER_RE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}(?:River|Lake|Bay|Harbou?r|Strait|Channel|Sea|Gulf|Canal|Estuary))\b"
)


def _water_body(analysed: Sequence[AnalysedSource], frame: EventFrame | None) -> str | None:
    """The body of water most reports name for a bridge, ship or dam event, or None."""
    if frame is None or frame.kind not in WATER_KINDS or not analysed:
        return None
    sources: dict[str, set[str]] = defaultdict(set)
    for source in analysed:
        for sentence in source.sentences:
            for m in _WATER_RE.finditer(sentence.text):
                name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name"))
                if len(name.split()) > 1:
                    sources[name].add(source.source.id)
    if not sources:
        return None
    name, seen = max(sources.items(), key=lambda kv: (len(kv[1]), kv[0]))
    return name if len(seen) >= WATER_MIN_SOURCES and len(seen) >= WATER_MIN_SHARE * len(analysed) else None


def _location(claims: Sequence[Claim], order: dict[str, int], frame: EventFrame | None = None,
              water: str | None = None) -> tuple[Fact, list[Conflict]]:
    """Location: vote the city, then the region/country consistent with it, then the venue.

    Parts are chosen in that order so they never contradict each other (a city of one
    country with another country's name). Without any city, the region and then the country
    are voted on all claims. A natural disaster has no venue, and no city unless the ledes
    name one (``_area_event``).
    """
    claims = [c for c in claims if isinstance(c.value, dict)]
    if not claims:
        return Fact(name="location"), []
    conflicts: list[Conflict] = []
    chosen: dict[str, str | None] = {}
    pool = claims
    # A venue places the event more precisely than a city: its claims count at city level
    # (the airport named without its town is no regional event).
    city_level = _source_votes([c for c in claims if _part(c.value, "city") or _part(c.value, "venue")])
    region_level = _source_votes([c for c in claims if _part(c.value, "region") and not _part(c.value, "city")])
    no_venue, no_city = _area_event(frame)
    unsettled = _city_unsettled(claims, frame)
    regional = no_city or city_level <= CITY_MAJORITY * (city_level + region_level)
    for part in ("city", "region", "country"):
        having = [c for c in pool if _part(c.value, part)]
        if part == "city" and (regional or unsettled):
            # Most reports place it in a region, not a city (an earthquake's province).
            having = []
        if part == "region" and chosen.get("city"):
            # The city's own region, not one a report names in passing for somewhere else
            # (the town a suspect came from); a region named on its own counts only when the
            # city's is unknown and a report states it with weight (in its lede, near the event).
            own = [c for c in having if _part(c.value, "city") == chosen["city"]]
            having = own or [c for c in having if not _part(c.value, "city") and c.weight >= REGION_ALONE_MIN_WEIGHT]
        if not having:
            chosen[part] = None
            continue
        cands = _tally(having, key=functools.partial(_part_key, part=part))
        winner = _pick(cands, lambda c: 0.0, order)
        chosen[part] = _part(winner.claims[0].value, part)
        if len(cands) > 1:
            conflicts.append(
                Conflict(fact="location", claims=tuple(having),
                         resolution=f"{part}: " + _resolution(
                             cands, winner, "most votes", label=functools.partial(_candidate_part, part=part)))
            )
        # Later parts are voted among claims consistent with this choice (or silent on it).
        consistent = [c for c in pool if _part(c.value, part) in (None, chosen[part])]
        pool = consistent or pool
    venue = _venue([c for c in pool if _part(c.value, "venue")], order)
    support = [
        c for c in pool
        if all(_part(c.value, p) in (None, chosen[p]) for p in ("city", "region", "country"))
    ] or pool
    if regional or no_venue:
        venue = None
    # Coordinates and zone from the most specific supporting claim that has them.
    coords = next(
        (c.value for c in sorted(support, key=lambda c: -c.weight)
         if isinstance(c.value, dict) and c.value.get("lat") is not None and _part(c.value, "city") == chosen["city"]),
        None,
    )
    tz = next((_part(c.value, "tz") for c in support if _part(c.value, "tz")), None)
    spelling = _city_spelling(support, chosen["city"])
    value: dict[str, JSONValue] = {
        "venue": venue,
        "city": chosen["city"],
        "district": frame.place.get("district") if frame is not None else None,
        "also_country": frame.place.get("also_country") if frame is not None else None,

        "region": chosen["region"],
        "country": chosen["country"],
        "lat": coords.get("lat") if isinstance(coords, dict) else None,
        "lon": coords.get("lon") if isinstance(coords, dict) else None,
        "tz": tz,
    }
    if spelling:
        value["city_as_written"] = spelling
    # When the ledes name a district the reports use, it goes before the region ("Wayanad
    # district, Kerala"). The region follows the city ("Kramatorsk, Donetsk Oblast"): the
    # gazetteer links a city to a region only where its data agree (``gazetteer``), and a
    # report's chain names it. A region named after its city is not repeated ("Homs, Syria",
    # as encyclopedias write it, not "Homs, Homs Province").
    region = _region_spelling(support, chosen["region"]) or chosen["region"]
    show_region = bool(region) and not (chosen["city"] and gazetteer.named_after(str(region), str(chosen["city"])))
    if region != chosen["region"]:
        value["region_as_written"] = region
    district = frame.place.get("district") if frame is not None else None
    # A disaster that struck two countries names both ("Turkey, Syria"), as its ledes do.
    also = frame.place.get("also_country") if frame is not None else None
    if water:
        value["water"] = water
    parts = [venue, water, spelling or chosen["city"], district, region if show_region else None, chosen["country"], also]
    display = ", ".join(dict.fromkeys(p for p in parts if p))
    return (
        Fact(
            name="location",
            value=value,
            display=display,
            sources=_sources_of(support, order),
            claims=tuple(support),
            rule="city voted first, then region and country consistent with it, then venue",
        ),
        conflicts,
    )


# A venue is shown only when more than this share of the venue votes name it (after merging
# forms of one name): a shooting at a bowling alley and a bar has no single venue.
VENUE_MAJORITY = 0.5
# A name contained in another is a form of it only with at least this many words: "Key
# Bridge" is a form of "Francis Scott Key Bridge", but "Grille" names nothing on its own.
MIN_FORM_WORDS = 2


def _venue(claims: Sequence[Claim], order: dict[str, int]) -> str | None:
    """The venue most venue votes name (forms of one name merged), or None when split."""
    if not claims:
        return None
    cands = _tally(claims, key=lambda c: _key(_part(c.value, "venue")))
    keys = sorted((c.key for c in cands), key=len)
    root = {k: k for k in keys}
    for i, short in enumerate(keys):
        if len(short.split()) < MIN_FORM_WORDS:
            continue
        for long in keys[i + 1 :]:
            if re.search(rf"\b{re.escape(short)}\b", long):
                root[long] = root[short]
    clusters: dict[str, list[_Candidate]] = defaultdict(list)
    for cand in cands:
        clusters[root[cand.key]].append(cand)
    total = sum(c.votes for c in cands)
    best = max(clusters.values(), key=lambda group: sum(c.votes for c in group))
    if sum(c.votes for c in best) <= VENUE_MAJORITY * total:
        return None
    # The cluster is named by its most voted form.
    top = _pick(best, lambda c: 0.0, order)
    return _part(top.claims[0].value, "venue")


# Claims of an earthquake's fault mechanism ("Thrust") carry this scope: not a taxonomy kind.
FAULT_SCOPE = "fault"
EARTHQUAKE_KIND = "earthquake"


def _type(claims: Sequence[Claim], order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Type: votes over kind claims, the taxonomy's more specific kind winning (see
    SPECIFIC_SHARE). Fault-mechanism claims (scope FAULT_SCOPE) never vote: their value is
    not a kind; when an earthquake wins they are appended to the fact's claims (after the
    kind claims) so a renderer may show the fault, and the rule names it."""
    kind_claims = [c for c in claims if c.scope != FAULT_SCOPE]
    faults = [c for c in claims if c.scope == FAULT_SCOPE]
    fact, conflicts = _categorical(
        "type", kind_claims, order, specificity=lambda c: float(kind_for(str(c.claims[0].value)).specificity),
        display=lambda c: kind_for(str(c.claims[0].value)).noun.capitalize()
        if kind_for(str(c.claims[0].value)) is not UNKNOWN_KIND else _display_of(c.claims),
    )
    if faults and fact.value == EARTHQUAKE_KIND:
        mechanism = _pick(_tally(faults), lambda c: 0.0, order).claims[0].value
        fact = fact.model_copy(update={
            "claims": (*fact.claims, *faults),
            "rule": f"{fact.rule}; fault mechanism {mechanism} from scope={FAULT_SCOPE!r} claims",
        })
    return fact, conflicts


def _attack_only(name: FactName, claims: Sequence[Claim], kind: JSONValue,
                 order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Target and weapons: facts of attacks only. With any other winning kind (an
    earthquake, a bridge collapse) the "target" and "weapon" phrases found are something
    else (a collapsed bridge is not a target), so the fact stays empty."""
    if not kind or kind_for(str(kind)).category != "attack":
        return Fact(name=name), []
    return _phrase(name, claims, order)


def _quake_only(name: FactName, claims: Sequence[Claim], kind: JSONValue,
                order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Magnitude: a fact of earthquakes only (a "magnitude" in a report on anything else is
    a figure of speech or another scale). Agencies' differing values are a conflict, each
    claim keeping the body that gave it."""
    if kind != EARTHQUAKE_KIND:
        return Fact(name=name), []
    return _categorical(name, claims, order)


# Perpetrator stances by strength of evidence: a claim of responsibility beats a suspicion,
# which beats an accusation by a party to the conflict.
STANCE_RANK = {"claimed": 3, "suspected": 2, "accused": 1, "unknown": 0}
UNKNOWN_PERPETRATOR = "Unknown"


def _perpetrators(claims: Sequence[Claim], order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Claimed > suspected > accused; with only accusations and "unknown", show "Unknown"."""
    if not claims:
        return Fact(name="perpetrators"), []
    strongest = max(STANCE_RANK.get(c.stance or "unknown", 0) for c in claims)
    conflicts: list[Conflict] = []
    if strongest < STANCE_RANK["suspected"]:
        accusations = [c for c in claims if c.stance == "accused"]
        unknown = [c for c in claims if c.stance != "accused"]
        if accusations:
            who = "; ".join(sorted({f"{c.display} (by {c.attributed_to or 'source ' + c.source})" for c in accusations}))
            conflicts.append(
                Conflict(
                    fact="perpetrators", claims=tuple(claims),
                    resolution=f"no claim of responsibility and no named suspect: shown as Unknown; accusations kept as claims: {who}",
                )
            )
        return (
            Fact(
                name="perpetrators",
                value=UNKNOWN_PERPETRATOR,
                display=UNKNOWN_PERPETRATOR,
                sources=_sources_of(unknown or claims, order),
                claims=tuple(unknown or claims),
                rule="accusations alone do not establish a perpetrator",
            ),
            conflicts,
        )
    top = [c for c in claims if STANCE_RANK.get(c.stance or "unknown", 0) == strongest]
    fact, conflicts = _categorical("perpetrators", top, order)
    if len(top) < len(claims):
        conflicts.append(
            Conflict(fact="perpetrators", claims=tuple(claims),
                     resolution="evidence ranks claimed > suspected > accused; "
                                f"chose the strongest stance present ({top[0].stance})")
        )
    fact = _person_fullest(fact)
    return fact.model_copy(update={"rule": f"strongest stance ({top[0].stance}), then votes"}), conflicts


_CIVIL_WAR_VALUE = re.compile(r"^(?P<adj>[A-Z][\w\-]+) civil war$")
_WAR_IN_VALUE = re.compile(r"^(?:war|conflict|fighting) in (?P<country>[A-Z][\w\- ]+)$")


def _civil_war_support(claims: Sequence[Claim], analysed: Sequence[AnalysedSource]) -> list[Claim]:
    """A report that calls the war "the war in X" supports another report's "X-ian civil
    war" (see ``facts.context``: reports that describe the war as internal name it so):
    such claims are re-keyed to the civil war of the same country, so one war gets one vote
    per source instead of two names splitting them. With no civil-war claim, "war in X" is
    still X's civil war when any report of the event describes the war as internal
    (``context.civil_war_adjective``): the same rule, applied across reports."""
    civil: dict[str, tuple[str, str]] = {}
    for c in claims:
        m = _CIVIL_WAR_VALUE.match(str(c.value))
        if m:
            civil.setdefault(_country_of(lookup_key(m.group("adj"))), (str(c.value), c.display))
    out = []
    for c in claims:
        m = _WAR_IN_VALUE.match(str(c.value))
        if m is None:
            out.append(c)
            continue
        country = m.group("country")
        name = civil.get(_country_of(country.lower()))
        if name is None and (adj := context.civil_war_adjective(country, analysed)):
            name = civil.setdefault(_country_of(country.lower()), (f"{adj} civil war", f"the {adj} civil war"))
        out.append(c.model_copy(update={"value": name[0], "display": name[1]}) if name else c)
    return out


def _person_fullest(fact: Fact) -> Fact:
    """A suspected person's name shown in the fullest form the sources wrote ("Robert R.
    Card" over "Robert Card"): most words, then longest; only forms seen, never composed."""
    persons = [c for c in fact.claims if c.stance == "suspected" and c.display]
    if not persons:
        return fact
    fullest = max(persons, key=lambda c: (len(c.display.split()), len(c.display))).display
    return fact.model_copy(update={"display": fullest})


def _phrase(name: FactName, claims: Sequence[Claim], order: dict[str, int]) -> tuple[Fact, list[Conflict]]:
    """Target, weapons, part_of: votes, a phrase contained in a longer one supporting it."""
    return _categorical(name, _merge_contained(claims), order)


# ---------------------------------------------------------------------------------------------
# Timezone (derived)


def _utc_offset(tz: str, day: dt.date, clock: str | None) -> tuple[str, str | None] | None:
    """("UTC+03:00", abbreviation or None) in force in ``tz`` on ``day`` at ``clock`` (noon
    when unknown: offsets change at night, so noon is the safest instant of the day)."""
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    hour, minute = 12, 0
    m = _CLOCK.match(clock or "")
    if m:
        hour, minute = min(int(m.group(1)), 23), min(int(m.group(2)), 59)
    moment = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    offset = moment.utcoffset()
    if offset is None:
        return None
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    text = f"UTC{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
    abbrev = moment.tzname()
    # Zones without a letter abbreviation report "+03"; only real abbreviations are shown.
    return text, abbrev if abbrev and abbrev.isalpha() else None


def _timezone(location: Fact, date: Fact, time: Fact, claims: Sequence[Claim], order: dict[str, int]) -> Fact:
    """The UTC offset at the event's date in the location's IANA zone (claims as fallback)."""
    tz = _part(location.value, "tz")
    try:
        day = dt.date.fromisoformat(str(date.value)) if date.value else None
    except ValueError:
        day = None
    if tz and day:
        found = _utc_offset(tz, day, str(time.value) if time.value else None)
        if found:
            text, abbrev = found
            return Fact(
                name="timezone",
                value=text,
                display=f"{abbrev} ({text})" if abbrev else text,
                sources=location.sources,
                claims=location.claims,
                rule=f"derived: offset in force in {tz} on {day.isoformat()}",
            )
    if claims:
        fact, _ = _categorical("timezone", claims, order)
        return fact
    return Fact(name="timezone")


# ---------------------------------------------------------------------------------------------
# The stage


def reconcile(claims: Sequence[Claim], analysed: Sequence[AnalysedSource], *,
              frame: EventFrame | None = None, context: Sequence[Claim] = ()) -> EventFacts:
    """Reconcile ``claims`` (from ``analysed`` sources) into EventFacts.

    ``frame`` is the event focus (``focus.frame_of``) the claims were attached to, and
    ``context`` the claims it set aside; both are kept in the result for the record.

    Takes every claim of the build and the analysed sources (for source order); returns one
    Fact per name in FACT_NAMES (empty Fact when no claim supports it), the conflicts with the
    rule that resolved each, and ``kind`` (the winning type key, "event" when none).
    Never raises on odd claims: a claim whose value has the wrong shape is ignored by its rule.
    """
    order = _source_order(analysed)
    by_fact: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_fact[c.fact].append(c)
    facts: dict[str, Fact] = {}
    conflicts: list[Conflict] = []

    def add(result: tuple[Fact, list[Conflict]]) -> None:
        fact, found = result
        facts[fact.name] = fact
        conflicts.extend(found)

    add(_date(by_fact["date"], order, analysed))
    add(_time(by_fact["time"], order))
    add(_location(by_fact["location"], order, frame, water=_water_body(analysed, frame)))
    add(_type(by_fact["type"], order))
    add(_quake_only("magnitude", by_fact["magnitude"], facts["type"].value, order))
    add(_attack_only("target", by_fact["target"], facts["type"].value, order))
    add(_attack_only("weapons", by_fact["weapons"], facts["type"].value, order))
    add(_perpetrators(by_fact["perpetrators"], order))
    add(_phrase("part_of", _civil_war_support(by_fact["part_of"], analysed), order))
    add(_numbers("fatalities", by_fact["fatalities"], order))
    add(_numbers("injuries", by_fact["injuries"], order))
    facts["timezone"] = _timezone(facts["location"], facts["date"], facts["time"], by_fact["timezone"], order)
    kind = str(facts["type"].value) if facts["type"].value and kind_for(str(facts["type"].value)) is not UNKNOWN_KIND else UNKNOWN_KIND.key
    ordered = {name: facts.get(name) or Fact(name=name) for name in FACT_NAMES}
    return EventFacts(kind=kind, facts=ordered, conflicts=tuple(conflicts), frame=frame, context=tuple(context))
