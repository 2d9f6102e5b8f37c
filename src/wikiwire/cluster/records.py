"""Typed, frozen records of the clustering stage (feed -> frames -> clusters).

Flow::

    feed    -> Document | Unclustered (one report of the stream, or why it was skipped)
    frame   -> Frame              (what a report's headline and lede say happened: kind,
                                   place, date, named entities, word sets for similarity)
    decide  -> Link               (a candidate pair that passed the thresholds, with why)
    cluster -> Cluster, Unclustered

Every record is a pydantic model (``model_dump(mode="json")`` / ``model_validate``) so each
stage's output can be saved, reloaded, and shipped to Ray workers unchanged.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class ClusterRecord(BaseModel):
    """Base: immutable, unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Frame(ClusterRecord):
    """The event frame of one report, read from its headline and lede only.

    Invariants: ``key`` is a content hash of the report (stable across runs and feeds: the
    same text always has the same key); ``kind`` is a taxonomy key or None; ``countries`` are
    ISO alpha-2 codes, most named first; ``places`` are normalised city/region names;
    ``entities`` are lower-cased names (people, organisations, facilities, places) from the
    lede; ``words`` its content words; ``figures`` the numbers it states (not years); ``date`` the publication date (None when the report
    has none, then ``undated`` is True and the report is clustered by content alone).
    """

    key: str
    input: str
    headline: str
    lede: str
    date: dt.date | None = None
    kind: str | None = None
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    figures: tuple[int, ...] = ()  # numbers the lede states (tolls, counts), not years

    @property
    def undated(self) -> bool:
        """True when the report carries no publication date."""
        return self.date is None


class Evidence(ClusterRecord):
    """Why two reports were linked: each shared feature and the pair's score."""

    a: str  # Frame.key
    b: str
    score: float
    kind: str | None = None  # the shared trigger kind, when both name one
    places: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    figures: tuple[int, ...] = ()  # numbers both ledes state
    days_apart: int | None = None  # None when either report is undated
    word_similarity: float = 0.0
    embedding_similarity: float | None = None
    near_duplicate: bool = False


class Member(ClusterRecord):
    """One report of a cluster and why it joined (the strongest link to another member)."""

    key: str
    input: str
    headline: str
    date: dt.date | None = None
    undated: bool = False
    why: Evidence | None = None  # None for a cluster of one, or the first member


class Cluster(ClusterRecord):
    """One event: its stable id, its frame (majority kind, place, first date), its members."""

    id: str
    kind: str | None
    place: str | None
    country: str | None
    first_date: dt.date | None
    members: tuple[Member, ...]


class Unclustered(ClusterRecord):
    """A report that joined no event, or an input that yielded no report, and why."""

    input: str
    reason: str
    key: str | None = None
    headline: str | None = None
