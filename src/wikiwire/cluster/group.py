"""From linked pairs to events, in three passes, each a function of the set of reports.

1. **Pairs**: candidate pairs (``block``) that ``decide.links`` accepts are joined (union-find).
   These links are strict, so each component is one event's core.
2. **Profiles**: components are compared as wholes (their majority kind, every place and
   entity their members name, their date range), so a report whose lede says little can
   join the event its neighbours describe. Components whose profiles score at least
   ``MERGE_THRESHOLD`` merge.
3. **Attachment**: a report still alone joins the one event whose signature names (names
   most of that event's reports give, not a country) appear at least
   ``ATTACH_MIN_SIGNATURES`` times over in its body, when no gate rules it out. Background
   mentions in a report that has its own event in its lede never move it: only reports left
   alone after passes 1-2 are attached.

No pass depends on the order reports arrive in; so feeding a stream in chunks and clustering
the union gives the same events as feeding it at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wikiwire.cluster import decide
from wikiwire.cluster.frame import is_country_name
from wikiwire.cluster.records import Evidence, Frame

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
    )


def _profile_score(a: _Profile, b: _Profile, frames: Sequence[Frame]) -> float | None:
    """Evidence that two components are one event (None when a gate rules it out)."""
    if a.first and a.last and b.first and b.last:
        gap = max(0, (b.first - a.last).days, (a.first - b.last).days)
        if gap > decide.DATE_WINDOW_DAYS:
            return None
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    relation = decide.kind_relation(a.kind, b.kind)
    if relation == "conflict":
        return None
    score = {"same": decide.SAME_KIND_WEIGHT, "related": decide.RELATED_KIND_WEIGHT}.get(relation, 0.0)
    if a.places & b.places:
        score += decide.SHARED_PLACE_WEIGHT
    elif a.countries & b.countries:
        score += decide.SHARED_COUNTRY_WEIGHT
    shared = set(a.entities) & set(b.entities)
    score += min(PROFILE_ENTITY_CAP, decide.ENTITY_WEIGHT * len(shared))
    if (a.signature & set(b.entities)) or (b.signature & set(a.entities)):
        score += SIGNATURE_WEIGHT
    score += decide.WORD_WEIGHT * max(decide.jaccard(frames[i].words, frames[j].words) for i in a.members for j in b.members)
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


def group(
    frames: Sequence[Frame],
    links: Iterable[tuple[int, int, Evidence]],
    bodies: Sequence[str],
    profile_pairs: Iterable[tuple[int, int]] | None = None,
) -> list[Group]:
    """Events from ``frames`` (indices into it), given accepted pair ``links`` and each
    report's normalised body (``gazetteer.normalize`` of its text, for attachment).

    ``profile_pairs`` restricts pass 2 to components containing these report pairs (the
    blocked candidates); None compares every pair of components (small inputs only).
    Returns groups sorted by their smallest member index; members sorted.
    """
    n = len(frames)
    uf = _UnionFind(n)
    why: dict[int, Evidence] = {}
    for a, b, ev in sorted(links, key=lambda link: (-link[2].score, link[0], link[1])):
        if uf.find(a) != uf.find(b):
            uf.union(a, b)
            why.setdefault(max(a, b), ev)
            why.setdefault(min(a, b), ev)
    # Pass 2: profiles of components.
    comps: dict[int, list[int]] = {}
    for i in range(n):
        comps.setdefault(uf.find(i), []).append(i)
    roots = sorted(comps)
    profiles = {r: _profile(comps[r], frames) for r in roots}
    if profile_pairs is None:
        pairs = {(a, b) for i, a in enumerate(roots) for b in roots[i + 1 :]}
    else:
        pairs = {tuple(sorted((uf.find(a), uf.find(b)))) for a, b in profile_pairs}  # type: ignore[misc]
        pairs = {p for p in pairs if p[0] != p[1]}
    uf2 = _UnionFind(n)
    for a, b in sorted(pairs):
        score = _profile_score(profiles[a], profiles[b], frames)
        if score is not None and score >= MERGE_THRESHOLD:
            uf2.union(a, b)
            ev = Evidence(a=frames[a].key, b=frames[b].key, score=round(score, 4), kind=profiles[a].kind)
            for side in (a, b):
                if len(comps[side]) == 1:
                    why.setdefault(side, ev)
    merged: dict[int, list[int]] = {}
    for r in roots:
        merged.setdefault(uf2.find(r), []).extend(comps[r])
    # Pass 3: attach lone reports by the signature names their bodies give.
    finals = [sorted(m) for _, m in sorted(merged.items())]
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
