"""The local clustering engine: reports in (in any number of chunks), events out.

``Clusterer.add`` takes documents chunk by chunk: each chunk is cleaned, framed (one
streamed spaCy pass), indexed in the blocks, and its candidate pairs decided. ``result``
groups everything added so far. Because pair decisions depend on the pair only and the
grouping on the set of reports only, ``add(a); add(b)`` gives the same events as
``add(a + b)``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wikiwire import embed, gazetteer
from wikiwire.cluster import decide
from wikiwire.cluster.block import BlockIndex
from wikiwire.cluster.frame import Prepared, frames, prepare
from wikiwire.cluster.group import group
from wikiwire.cluster.records import Cluster, Evidence, Frame, Member, Unclustered
from wikiwire.records import Document

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["CHUNK_SIZE", "MIN_EVENT_REPORTS", "ClusterResult", "Clusterer", "event_id"]

# Reports framed per spaCy pass: a few batches of ``analyse.PIPE_BATCH_SIZE``, so a 10,000-
# report feed is framed in flat memory while each pass stays long enough to be efficient.
CHUNK_SIZE = 1024
# An event needs this many reports: one report alone is uncorroborated and is listed with
# the reason it joined nothing, not built into an article.
MIN_EVENT_REPORTS = 2
# Characters of a slug part in an event id (place, kind): readable, bounded.
SLUG_CHARS = 24
# Hex digits of the content hash in an event id: enough to tell apart events of one kind,
# place and day.
ID_HASH_DIGITS = 8

_SLUG = re.compile(r"[^a-z0-9]+")

# Embedding function: texts -> one vector per text (lists of floats), see ``wikiwire.embed``.
Embedder = Callable[[Sequence[str]], Sequence[Sequence[float]]]


# Letters without an ASCII decomposition that place names often hold (Turkish dotless i...).
_ASCII_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def _slug(text: str | None) -> str:
    bare = gazetteer.normalize((text or "").translate(_ASCII_LETTERS))
    return _SLUG.sub("-", bare).strip("-")[:SLUG_CHARS].strip("-")


def event_id(first: Frame, kind: str | None, place: str | None) -> str:
    """A readable, stable event id: the earliest report's date, the event's place and kind,
    and a hash of that report's content key ("2023-10-05-homs-drone-strike-1a2b3c4d")."""
    digest = hashlib.sha256(f"{first.key}|{kind}|{place}".encode()).hexdigest()[:ID_HASH_DIGITS]
    parts = [first.date.isoformat() if first.date else "undated", _slug(place), _slug(kind), digest]
    return "-".join(p for p in parts if p)


@dataclass
class ClusterResult:
    """Events and the reports that joined none, with the documents behind each member."""

    clusters: tuple[Cluster, ...]
    unclustered: tuple[Unclustered, ...]
    documents: dict[str, tuple[Document, ...]] = field(default_factory=dict)  # event id -> docs

    def assignments(self) -> dict[str, str]:
        """Input name -> event id, for every clustered report."""
        return {m.input: c.id for c in self.clusters for m in c.members}


@dataclass
class _Best:
    score: float = -1.0
    other: int | None = None
    needed: float = decide.LINK_THRESHOLD


class Clusterer:
    """Incremental clustering of a report stream (see the module docstring).

    ``nlp`` is a loaded spaCy pipeline (only its recogniser runs; None when frames come from
    elsewhere through ``add_frames``); ``embedder`` optional
    sentence embeddings for further evidence; ``progress`` a callback (done, total-so-far).
    """

    def __init__(self, nlp: Language | None, *, embedder: Embedder | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.nlp = nlp
        self.embedder = embedder
        self.progress = progress
        self.frames: list[Frame] = []
        self.documents: list[Document] = []
        self.bodies: list[str] = []
        self.vectors: list[Sequence[float]] = []
        self.links: list[tuple[int, int, Evidence]] = []
        self.candidates: list[tuple[int, int]] = []
        self.best: dict[int, _Best] = {}
        self.skipped: list[Unclustered] = []
        self.index = BlockIndex()

    # -- adding reports -------------------------------------------------------------------

    def add(self, documents: Iterable[Document]) -> None:
        """Clean, frame and link ``documents`` (streamed in chunks of CHUNK_SIZE)."""
        if self.nlp is None:
            raise ValueError("this Clusterer has no spaCy pipeline: give frames to add_frames")
        chunk: list[Prepared] = []
        for document in documents:
            prepared = prepare(document)
            if isinstance(prepared, Unclustered):
                self.skipped.append(prepared)
                continue
            chunk.append(prepared)
            if len(chunk) >= CHUNK_SIZE:
                self.add_frames(chunk, frames(chunk, self.nlp))
                chunk = []
        if chunk:
            self.add_frames(chunk, frames(chunk, self.nlp))

    def skip(self, items: Iterable[Unclustered]) -> None:
        """Record inputs the feed reader or an engine set aside, with their reasons."""
        self.skipped.extend(items)

    def add_frames(self, prepared: Sequence[Prepared], framed: Sequence[Frame]) -> None:
        """Index frames computed elsewhere (a Ray actor) for ``prepared`` reports, in order."""
        start = len(self.frames)
        self.frames.extend(framed)
        self.documents.extend(p.document for p in prepared)
        bodies = [gazetteer.normalize(p.body) for p in prepared]
        self.bodies.extend(bodies)
        if self.embedder is not None:
            self.vectors.extend(self.embedder([f"{f.headline}\n{f.lede}" for f in framed]))
        pairs = self.index.add(start, framed, [p.body for p in prepared])
        for (i, j), near in sorted(pairs.items()):
            self._decide(i, j, near)
        if self.progress is not None:
            self.progress(len(self.frames))

    def _decide(self, i: int, j: int, near: float | None) -> None:
        a, b = self.frames[i], self.frames[j]
        cosine = embed.cosine(self.vectors[i], self.vectors[j]) if self.vectors else None
        ev = decide.evidence(a, b, near_duplicate=near, embedding=cosine)
        if ev is None:
            return
        self.candidates.append((i, j))
        if decide.links(a, b, ev):
            self.links.append((i, j, ev))
        for me, other in ((i, j), (j, i)):
            best = self.best.setdefault(me, _Best())
            if ev.score > best.score:
                best.score, best.other, best.needed = ev.score, other, decide.threshold_for(a, b)

    # -- grouping ---------------------------------------------------------------------------

    def result(self, previous: Mapping[str, str] | None = None) -> ClusterResult:
        """Group everything added so far into events.

        ``previous`` maps report keys to the event ids an earlier run gave them
        (``clusters.jsonl``); an event keeps the id most of its earlier members had, so ids
        stay put as the feed grows. Events with fewer than MIN_EVENT_REPORTS reports are
        listed as unclustered with the reason.
        """
        groups = group(self.frames, self.links, self.bodies, self.candidates)
        clusters: list[Cluster] = []
        documents: dict[str, tuple[Document, ...]] = {}
        lone: list[Unclustered] = []
        taken: set[str] = set()
        for g in groups:
            if len(g.members) < MIN_EVENT_REPORTS:
                lone.append(self._lone(g.members[0]))
                continue
            cluster = self._cluster(g.members, g.why, previous or {}, taken)
            taken.add(cluster.id)
            clusters.append(cluster)
            documents[cluster.id] = tuple(self.documents[i] for i in sorted(g.members, key=self._order))
        clusters.sort(key=lambda c: (c.first_date or dt.date.max, c.id))
        return ClusterResult(clusters=tuple(clusters), unclustered=(*self.skipped, *lone), documents=documents)

    def _order(self, i: int) -> tuple[dt.date, str, str]:
        f = self.frames[i]
        return (f.date or dt.date.max, f.key, f.input)

    def _cluster(self, members: list[int], why: Mapping[int, Evidence], previous: Mapping[str, str], taken: set[str]) -> Cluster:
        ordered = sorted(members, key=self._order)
        fs = [self.frames[i] for i in ordered]
        kinds = Counter(f.kind for f in fs if f.kind)
        kind = max(kinds, key=lambda k: (kinds[k], k)) if kinds else None
        places = Counter(p for f in fs for p in f.places[:1])
        place = max(places, key=lambda p: (places[p], p)) if places else None
        countries = Counter(f.countries[0] for f in fs if f.countries)
        country = max(countries, key=lambda c: (countries[c], c)) if countries else None
        earlier = Counter(previous[f.key] for f in fs if f.key in previous and previous[f.key] not in taken)
        if earlier:
            ident = max(earlier, key=lambda e: (earlier[e], e))
        else:
            ident = event_id(fs[0], kind, place or country)
        dates = [f.date for f in fs if f.date is not None]
        return Cluster(
            id=ident,
            kind=kind,
            place=place,
            country=country,
            first_date=min(dates, default=None),
            members=tuple(
                Member(key=f.key, input=f.input, headline=f.headline, date=f.date, undated=f.undated, why=why.get(i))
                for i, f in zip(ordered, fs, strict=True)
            ),
        )

    def _lone(self, i: int) -> Unclustered:
        frame = self.frames[i]
        best = self.best.get(i)
        if best is None or best.other is None:
            reason = "no other report shares its place, kind and country, or a named entity, within the date window"
        elif best.score >= best.needed:
            other = self.frames[best.other]
            reason = (f"its closest report {other.input} (score {best.score:.2f}) joined an event published more than"
                      f" {decide.DATE_WINDOW_DAYS} days from this one")
        else:
            other = self.frames[best.other]
            reason = f"closest report {other.input} scored {best.score:.2f}, below the {best.needed:.2f} needed to link"
        if frame.undated:
            reason += " (undated: clustered by content alone)"
        return Unclustered(input=frame.input, reason=reason, key=frame.key, headline=frame.headline or None)
