"""From linked pairs to events, in passes, each a function of the set of reports.

1. **Pairs**: dated reports linked by ``decide.links`` are joined, strongest link first, and
   only while the joined component stays consistent (``_Span.fits``: dates within the
   window, no two disjoint country sets, no conflicting kinds), so single linkage cannot
   chain two events through one report that fits both.
2. **Profiles**: components are compared as wholes (majority kind, every place, entity and
   figure their members name, their date range), so a report whose lede says little can join
   the event its neighbours describe; they merge at ``MERGE_THRESHOLD``, under the same
   consistency rule.
3. **Undated reports** each join the one dated event they fit clearly (``_best_host``);
   those left are grouped among themselves by passes 1 and 2.
4. **Look-back**: a lone dated report whose headline or first sentence tells an earlier
   event ("a year after the bombing", "the May landslide") joins that event, past the
   window, when it fits it clearly.
5. **Attachment**: a report still alone joins the one event whose signature names (names
   most of that event's reports give, not a country) its opening names at least
   ``ATTACH_MIN_SIGNATURES`` of. Background mentions in a report that has its own event in
   its lede never move it: only reports left alone by passes 1-4 are attached.

No pass depends on the order reports arrive in (ties are broken by content keys), so feeding
a stream in chunks and clustering the union gives the same events as feeding it at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wikiwire.cluster import decide
from wikiwire.cluster.frame import first_sentence, is_country_name
from wikiwire.cluster.records import Evidence, Frame
from wikiwire.facts import kinds

__all__ = ["ATTACH_MIN_SIGNATURES", "MERGE_THRESHOLD", "Group", "group"]

# Profiles of two components merge at this score: the pair threshold, since a profile's
# evidence is the same kind of evidence summed over more reports.
MERGE_THRESHOLD = 0.6
# Each shared entity counts ``decide.ENTITY_WEIGHT`` up to this cap for profiles: a whole
# event's reports name more of its people and places than one lede does.
PROFILE_ENTITY_CAP = 0.4
# A name is part of an event's signature when at least this share of its reports name it in
# their lede (and at least two do): "Kramatorsk", "Jeju Air", "Charles University".
SIGNATURE_SHARE = 0.4
SIGNATURE_MIN_REPORTS = 2
# Weight of sharing an event's signature name in a profile comparison: like a shared place.
SIGNATURE_WEIGHT = 0.3
# A lone report joins an event when its body names at least this many of the event's
# signature names (distinct): one name in passing is background, two is the story.
ATTACH_MIN_SIGNATURES = 2
# A group whose reports name no trigger kind merges with a group that does only while it has
# fewer reports than this: one report may just not say "earthquake" in its lede ("Death toll
# rises to 57"); several agreeing reports that never name it tell something else.
UNKNOWN_KIND_MAX_REPORTS = 2
# An undated group joins a dated event only when its best fit beats the second best by this
# much: two similar events of different years are exactly where a date would have decided.
CLEAR_MARGIN = 0.1
# Dated events of at least this many reports are preferred hosts for an undated group.
UNDATED_TARGET_MIN_REPORTS = 2
# Only the opening of a lone report's body is searched: the inverted pyramid puts the story
# first, and background mentions of other events come after (about the first three paragraphs).
ATTACH_OPENING_CHARS = 1200
# Only events of at least this many reports have a signature worth attaching to.
ATTACH_MIN_EVENT_SIZE = 3
# Signature names shorter than this are abbreviations too ambiguous to search for in a body.
MIN_SIGNATURE_CHARS = 4


@dataclass
class Group:
    """One event being formed: member indices and the links that joined them."""

    members: list[int]
    why: dict[int, Evidence] = field(default_factory=dict)  # member index -> its reason


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller index is the root, so roots do not depend on the order of unions.
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Profile:
    members: list[int]
    kind: str | None
    countries: set[str]
    places: set[str]
    entities: Counter[str]
    signature: set[str]
    first: dt.date | None
    last: dt.date | None
    figures: set[int] = field(default_factory=set)


def _profile(members: list[int], frames: Sequence[Frame]) -> _Profile:
    fs = [frames[i] for i in members]
    kinds = Counter(f.kind for f in fs if f.kind)
    kind = max(kinds, key=lambda k: (kinds[k], k)) if kinds else None
    entities: Counter[str] = Counter(e for f in fs for e in f.entities)
    needed = max(SIGNATURE_MIN_REPORTS, SIGNATURE_SHARE * len(fs))
    places = {p for f in fs for p in f.places}
    signature = {
        e
        for e, n in entities.items()
        if n >= needed and len(e) >= MIN_SIGNATURE_CHARS and not is_country_name(e)
    }
    dates = [f.date for f in fs if f.date is not None]
    return _Profile(
        members=members,
        kind=kind,
        countries={c for f in fs for c in f.countries},
        places=places,
        entities=entities,
        signature=signature,
        first=min(dates, default=None),
        last=max(dates, default=None),
        figures={n for f in fs for n in f.figures},
    )


def _profile_score(a: _Profile, b: _Profile, frames: Sequence[Frame], *, date_gate: bool = True) -> float | None:
    """Evidence that two components are one event (None when a gate rules it out)."""
    if date_gate and a.first and a.last and b.first and b.last:
        gap = max(0, (b.first - a.last).days, (a.first - b.last).days)
        if gap > decide.DATE_WINDOW_DAYS:
            return None
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    relation = decide.kind_relation(a.kind, b.kind)
    if relation == "conflict":
        return None
    if relation == "unknown" and min(len(a.members), len(b.members)) >= UNKNOWN_KIND_MAX_REPORTS:
        # Several reports, none naming the other side's kind: their own event, most likely.
        return None
    score = {"same": decide.SAME_KIND_WEIGHT, "related": decide.RELATED_KIND_WEIGHT}.get(relation, 0.0)
    if a.places & b.places:
        score += decide.SHARED_PLACE_WEIGHT
    elif a.countries & b.countries:
        score += decide.SHARED_COUNTRY_WEIGHT
    if a.places and b.places and not a.places & b.places:
        score -= decide.OTHER_PLACE_PENALTY
    shared = set(a.entities) & set(b.entities)
    score += min(PROFILE_ENTITY_CAP, decide.ENTITY_WEIGHT * len(shared))
    if (a.signature & set(b.entities)) or (b.signature & set(a.entities)):
        score += SIGNATURE_WEIGHT
    score += decide.WORD_WEIGHT * max(decide.jaccard(frames[i].words, frames[j].words) for i in a.members for j in b.members)
    if a.figures & b.figures:
        score += decide.FIGURE_WEIGHT
    return score


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\W+".join(re.escape(w) for w in name.split()) + r"\b")


def _attach(lone: int, frames: Sequence[Frame], body: str, profiles: Sequence[_Profile]) -> tuple[int, tuple[str, ...]] | None:
    """The one profile whose signature the lone report's body names enough, with the names."""
    frame = frames[lone]
    scored: list[tuple[int, int, tuple[str, ...]]] = []
    for index, prof in enumerate(profiles):
        if len(prof.members) < ATTACH_MIN_EVENT_SIZE or not prof.signature:
            continue
        if frame.date and prof.first and prof.last:
            gap = max(0, (prof.first - frame.date).days, (frame.date - prof.last).days)
            if gap > decide.DATE_WINDOW_DAYS:
                continue
        if frame.countries and prof.countries and not set(frame.countries) & prof.countries:
            continue
        if decide.kind_relation(frame.kind, prof.kind) == "conflict":
            continue
        opening = body[:ATTACH_OPENING_CHARS]
        found = tuple(sorted(n for n in prof.signature if _name_pattern(n).search(opening)))
        if len(found) >= ATTACH_MIN_SIGNATURES:
            scored.append((len(found), index, found))
    if not scored:
        return None
    scored.sort(key=lambda s: (-s[0], s[1]))
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None  # two events fit as well: leave it alone rather than guess
    return scored[0][1], scored[0][2]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
# Words with which a report's lede looks back at an earlier event rather than telling a new one.
_LOOK_BACK = re.compile(
    r"\b(?:anniversary|remembers?|remembered|commemorat\w+|memorial|"
    r"(?:a|one|two|three|four|five|six|\d+) (?:years?|months?|weeks?) (?:after|since|on from)|"
    r"(?:months|weeks) after)\b",
    re.IGNORECASE,
)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")


def looks_back(frame: Frame) -> bool:
    """Whether a report's headline or first sentence looks back at an earlier event as its
    subject: names the event's kind, with a retrospective cue or a month that is not the
    month the report was published in. (A lede that only mentions an earlier event in a later
    sentence is background, not the story.)"""
    text = f"{frame.headline} {first_sentence(frame.lede)}"
    if not kinds.match_kinds(text):
        return False
    if _LOOK_BACK.search(text):
        return True
    if frame.date is None:
        return False
    return any(_MONTHS.index(m) + 1 != frame.date.month for m in _MONTH.findall(text))


def _look_back(finals: list[list[int]], frames: Sequence[Frame], why: dict[int, Evidence]) -> list[list[int]]:
    """Pass 3a (see ``group``): lone dated reports that look back join the earlier event they
    fit clearly (profile score at least MERGE_THRESHOLD, CLEAR_MARGIN above the next)."""
    profiles = [_profile(m, frames) for m in finals]
    hosts = [i for i, p in enumerate(profiles) if len(p.members) >= UNDATED_TARGET_MIN_REPORTS and p.last is not None]
    moves: dict[int, int] = {}
    for index, members in enumerate(finals):
        if len(members) != 1 or frames[members[0]].date is None or not looks_back(frames[members[0]]):
            continue
        lone = profiles[index]
        day = frames[members[0]].date
        scored = sorted(
            ((score, h) for h in hosts
             if (last := profiles[h].last) is not None and day is not None and last < day
             and (score := _profile_score(lone, profiles[h], frames, date_gate=False)) is not None),
            key=lambda s: (-s[0], s[1]),
        )
        if scored and scored[0][0] >= MERGE_THRESHOLD and (len(scored) == 1 or scored[0][0] - scored[1][0] >= CLEAR_MARGIN):
            moves[index] = scored[0][1]
            why[members[0]] = _shared(lone, profiles[scored[0][1]], frames, scored[0][0])
    out = [list(m) for m in finals]
    for index, host in moves.items():
        out[host].extend(out[index])
        out[index] = []
    return [sorted(m) for m in out if m]


@dataclass
class _Span:
    """What a component holds that a gate reads: its dates, country sets and kind families."""

    first: dt.date | None
    last: dt.date | None
    countries: set[frozenset[str]]
    families: set[str]

    @classmethod
    def of(cls, frame: Frame) -> _Span:
        family = decide.kind_family(frame.kind)
        return cls(frame.date, frame.date, {frozenset(frame.countries)} if frame.countries else set(),
                   {family} if family else set())

    def fits(self, other: _Span) -> bool:
        """Whether every member of one could stand with every member of the other: dates
        within the window, no two disjoint country sets, no two conflicting kinds."""
        window = dt.timedelta(days=decide.DATE_WINDOW_DAYS)
        if self.first and self.last and other.first and other.last and max(self.last, other.last) - min(self.first, other.first) > window:
            return False
        if any(not a & b for a in self.countries for b in other.countries):
            return False
        return not any(decide.family_conflict(a, b) for a in self.families for b in other.families)

    def join(self, other: _Span) -> _Span:
        firsts = [d for d in (self.first, other.first) if d]
        lasts = [d for d in (self.last, other.last) if d]
        return _Span(min(firsts, default=None), max(lasts, default=None), self.countries | other.countries, self.families | other.families)


def _shared(a: _Profile, b: _Profile, frames: Sequence[Frame], score: float) -> Evidence:
    """Evidence for two profiles joined at ``score``: what they share (for clusters.jsonl)."""
    relation = decide.kind_relation(a.kind, b.kind)
    dated = [f for f in (a.first, a.last, b.first, b.last) if f is not None]
    days = None
    if a.first and a.last and b.first and b.last:
        days = max(0, (b.first - a.last).days, (a.first - b.last).days)
    return Evidence(
        a=frames[a.members[0]].key,
        b=frames[b.members[0]].key,
        score=round(score, 4),
        kind=b.kind if relation in ("same", "related") else None,
        places=tuple(sorted(a.places & b.places)),
        countries=tuple(sorted(a.countries & b.countries)),
        entities=tuple(sorted(set(a.entities) & set(b.entities))),
        figures=tuple(sorted(a.figures & b.figures)),
        days_apart=days if dated else None,
    )


def _root_pairs(comps: dict[int, list[int]], candidates: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """(root, root) pairs of two different components of ``comps`` that a candidate joins."""
    root_of = {i: r for r, members in comps.items() for i in members}
    pairs = {(min(root_of[a], root_of[b]), max(root_of[a], root_of[b])) for a, b in candidates if a in root_of and b in root_of}
    return {p for p in pairs if p[0] != p[1]}


def _best_host(prof: _Profile, targets: Iterable[int], groups: Sequence[list[int]], profiles: Sequence[_Profile],
               frames: Sequence[Frame]) -> tuple[float, int] | None:
    """The one group of ``targets`` that ``prof`` fits clearly (at least MERGE_THRESHOLD, and
    the only one that does, or the only one of those sharing a figure with it, or CLEAR_MARGIN
    ahead of the next), preferring groups of several reports; else None."""
    scored = [(score, t) for t in sorted(targets) if (score := _profile_score(prof, profiles[t], frames)) is not None]
    # A dated event of several reports is better evidence of the event than one report
    # (an anniversary piece, a late follow-up): fit those first.
    corroborated = [(score, t) for score, t in scored if len(groups[t]) >= UNDATED_TARGET_MIN_REPORTS]
    passing = sorted(((score, t) for score, t in (corroborated or scored) if score >= MERGE_THRESHOLD), key=lambda s: (-s[0], s[1]))
    if len(passing) > 1:
        # Several events fit (one city's floods of two years): a figure the report shares with
        # only one of them (its toll) tells which; else the best must lead by CLEAR_MARGIN.
        sharing = [(score, t) for score, t in passing if prof.figures & profiles[t].figures]
        if len(sharing) == 1:
            return sharing[0]
        return passing[0] if passing[0][0] - passing[1][0] >= CLEAR_MARGIN else None
    return passing[0] if passing else None


def _components(members: Sequence[int], links: Sequence[tuple[int, int, Evidence]], frames: Sequence[Frame],
                why: dict[int, Evidence]) -> dict[int, list[int]]:
    """Components of ``members`` over the ``links`` between two of them, joined strongest link
    first and only while the joined component stays consistent (``_Span.fits``): single
    linkage cannot chain two events through a report that fits both."""
    inside = set(members)
    uf = _UnionFind(len(frames))
    spans = {i: _Span.of(frames[i]) for i in inside}
    for a, b, ev in links:
        if a not in inside or b not in inside:
            continue
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or not spans[ra].fits(spans[rb]):
            continue
        uf.union(ra, rb)
        spans[uf.find(ra)] = spans[ra].join(spans[rb])
        why.setdefault(max(a, b), ev)
        why.setdefault(min(a, b), ev)
    comps: dict[int, list[int]] = {}
    for i in sorted(inside):
        comps.setdefault(uf.find(i), []).append(i)
    return comps


def _merge_profiles(comps: dict[int, list[int]], frames: Sequence[Frame], pairs: set[tuple[int, int]],
                    why: dict[int, Evidence]) -> list[list[int]]:
    """Pass 2 inside one side (dated or undated): components whose profiles score at least
    MERGE_THRESHOLD merge. ``pairs`` are (root, root) pairs worth comparing."""
    profiles = {r: _profile(m, frames) for r, m in comps.items()}
    spans: dict[int, _Span] = {}
    for r, members in comps.items():
        span = _Span.of(frames[members[0]])
        for i in members[1:]:
            span = span.join(_Span.of(frames[i]))
        spans[r] = span
    scored = []
    for a, b in pairs:
        score = _profile_score(profiles[a], profiles[b], frames)
        if score is not None and score >= MERGE_THRESHOLD:
            scored.append((score, a, b))
    # Strongest first, ties by content keys; a merge must keep the component consistent.
    scored.sort(key=lambda s: (-s[0], frames[s[1]].key, frames[s[2]].key))
    uf = _UnionFind(len(frames))
    for score, a, b in scored:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or not spans[ra].fits(spans[rb]):
            continue
        uf.union(ra, rb)
        spans[uf.find(ra)] = spans[ra].join(spans[rb])
        ev = _shared(profiles[a], profiles[b], frames, score)
        for side in (a, b):
            if len(comps[side]) == 1:
                why.setdefault(side, ev)
    merged: dict[int, list[int]] = {}
    for r in sorted(comps):
        merged.setdefault(uf.find(r), []).extend(comps[r])
    return [sorted(m) for _, m in sorted(merged.items())]


def group(
    frames: Sequence[Frame],
    links: Iterable[tuple[int, int, Evidence]],
    bodies: Sequence[str],
    profile_pairs: Iterable[tuple[int, int]] | None = None,
) -> list[Group]:
    """Events from ``frames`` (indices into it), given accepted pair ``links`` and each
    report's normalised body (``gazetteer.normalize`` of its text, for attachment).

    Dated reports are grouped first (passes 1 and 2); then each undated report joins the one
    dated event it fits clearly, if any (``_best_host``), and the undated reports left are
    grouped among themselves. An undated report never bridges two dated events of different
    years, as it could if it were linked like the others.

    ``profile_pairs`` restricts pass 2 to components containing these report pairs (the
    blocked candidates); None compares every pair of components (small inputs only).
    Returns groups sorted by their smallest member index; members sorted.
    """
    n = len(frames)
    # Strongest first; ties by the reports' content keys, so the order reports arrived in
    # never decides which of two equal links is taken first.
    ordered = sorted(links, key=lambda link: (-link[2].score, link[2].a, link[2].b, link[0], link[1]))
    why: dict[int, Evidence] = {}
    dated = [i for i in range(n) if frames[i].date is not None]
    undated = [i for i in range(n) if frames[i].date is None]
    if profile_pairs is None:
        candidates = {(a, b) for a in range(n) for b in range(a + 1, n)}
    else:
        candidates = {(min(a, b), max(a, b)) for a, b in profile_pairs}
    comps = _components(dated, ordered, frames, why)
    dated_groups = _merge_profiles(comps, frames, _root_pairs(comps, candidates), why)
    neighbours: dict[int, set[int]] = {}
    for a, b in candidates:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    # Each undated report joins its best-fitting dated event on its own (one, never two):
    # undated reports grouped first could carry reports of two years' events in together.
    group_of = {i: g for g, members in enumerate(dated_groups) for i in members}
    dated_profiles = [_profile(m, frames) for m in dated_groups]
    finals = [list(m) for m in dated_groups]
    left: list[int] = []
    for u in undated:
        best = _best_host(_profile([u], frames), {group_of[v] for v in neighbours.get(u, ()) if v in group_of},
                          dated_groups, dated_profiles, frames)
        if best is None:
            left.append(u)
            continue
        score, index = best
        why.setdefault(u, _shared(_profile([u], frames), dated_profiles[index], frames, score))
        finals[index].append(u)
    # Undated reports no dated event fits clearly make their own events (passes 1 and 2).
    rest = _components(left, ordered, frames, why)
    for members in _merge_profiles(rest, frames, _root_pairs(rest, candidates), why):
        # A group of undated reports may still fit one dated event as a whole (its few dated
        # reports, when most of an event's coverage carries no date).
        targets = {group_of[v] for u in members for v in neighbours.get(u, ()) if v in group_of}
        best = _best_host(_profile(members, frames), targets, dated_groups, dated_profiles, frames) if len(members) > 1 else None
        if best is None:
            finals.append(members)
            continue
        score, index = best
        ev = _shared(_profile(members, frames), dated_profiles[index], frames, score)
        for i in members:
            why.setdefault(i, ev)
        finals[index].extend(members)
    finals = [sorted(m) for m in finals]
    # Pass 3a: a lone dated report that looks back ("a year after", "the May landslide")
    # joins the earlier event it fits clearly, past the date window.
    finals = _look_back(finals, frames, why)
    # Pass 3b: attach lone reports by the signature names their bodies give.
    final_profiles = [_profile(m, frames) for m in finals]
    attach: dict[int, list[int]] = {}
    for index, members in enumerate(finals):
        if len(members) != 1:
            continue
        found = _attach(members[0], frames, bodies[members[0]], final_profiles)
        if found is not None:
            target, names = found
            attach.setdefault(target, []).append(members[0])
            host = final_profiles[target].members[0]
            why[members[0]] = Evidence(a=frames[members[0]].key, b=frames[host].key, score=float(len(names)), entities=names)
            finals[index] = []
    for target, extra in attach.items():
        finals[target] = sorted(finals[target] + extra)
    out = [Group(members=m, why={i: why[i] for i in m if i in why and len(m) > 1}) for m in finals if m]
    out.sort(key=lambda g: g.members[0])
    return out
