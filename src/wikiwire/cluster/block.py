"""Candidate pairs by blocking: never all pairs.

Two reports are compared only when they share a block key:

- a place (city or region) named in both ledes;
- a kind family and a country (``("ground", "NP")``: an earthquake in Nepal);
- a specific named entity (not a country, not a news agency);
- a MinHash LSH bucket of their bodies' word shingles (near-duplicate wire copies).

Inside a key, dated reports are sorted by date and paired only within
``decide.DATE_WINDOW_DAYS`` of each other (sorted neighbourhood), so a key shared by a
year of reports costs pairs per window, not per year; undated reports pair with every
report of the key. The index is incremental: ``add`` returns the new candidate pairs (new x
old and new x new) and never revisits old pairs, and the set of pairs after several ``add``
calls equals that of one call with all the frames.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Sequence

from datasketch import MinHash, MinHashLSH

from wikiwire import clean
from wikiwire.cluster import decide
from wikiwire.cluster.frame import is_country_name
from wikiwire.cluster.records import Frame

__all__ = ["BlockIndex", "keys"]

# Names every outlet's copy carries whatever the event: blocking on them would compare
# everything with everything. Agencies are bylines, not parties to an event.
GENERIC_ENTITIES = frozenset(
    {"reuters", "ap", "afp", "associated press", "agence france presse", "xinhua", "anadolu", "anadolu agency",
     "pti", "ani", "ians", "bbc", "cnn", "dpa", "efe", "upi", "bloomberg", "tass", "kyodo", "yonhap"}
)
# Entities shorter than this are initials and numbers read as names: too ambiguous to block on.
MIN_ENTITY_KEY_CHARS = 4
# LSH bands for near-duplicate search: the same setting clean.py uses for its merge (recall of
# pairs at 0.7 Jaccard above 99%), so a copy clean would merge is always a candidate here.
LSH_BANDS = clean.LSH_BANDS


def keys(frame: Frame) -> set[tuple[str, ...]]:
    """The block keys of a frame (see the module docstring). Entity names of countries are
    left out: a country is the (family, country) key's job."""
    out: set[tuple[str, ...]] = {("place", p) for p in frame.places}
    family = decide.kind_family(frame.kind)
    for country in frame.countries:
        out.add(("kind", family or "", country))
    for entity in frame.entities:
        if len(entity) >= MIN_ENTITY_KEY_CHARS and entity not in GENERIC_ENTITIES and not is_country_name(entity):
            out.add(("entity", entity))
    if not out and family:
        out.add(("kind", family, ""))
    return out


class _Block:
    """One key's reports: dated ones sorted by date, undated ones apart."""

    def __init__(self) -> None:
        self.dates: list[dt.date] = []
        self.dated: list[int] = []
        self.undated: list[int] = []

    def candidates(self, index: int, date: dt.date | None) -> Iterator[int]:
        yield from self.undated
        if date is None:
            yield from self.dated
            return
        window = dt.timedelta(days=decide.DATE_WINDOW_DAYS)
        lo = bisect.bisect_left(self.dates, date - window)
        hi = bisect.bisect_right(self.dates, date + window)
        yield from self.dated[lo:hi]

    def add(self, index: int, date: dt.date | None) -> None:
        if date is None:
            self.undated.append(index)
            return
        at = bisect.bisect_right(self.dates, date)
        self.dates.insert(at, date)
        self.dated.insert(at, index)


class BlockIndex:
    """Block keys and an LSH index over every frame added so far (frames are indices)."""

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, ...], _Block] = {}
        self.lsh = MinHashLSH(threshold=decide.NEAR_DUPLICATE_SIMILARITY, num_perm=clean.MINHASH_PERMUTATIONS, params=LSH_BANDS)
        self.sketches: dict[int, MinHash] = {}

    def add(self, start: int, frames: Sequence[Frame], bodies: Sequence[str]) -> dict[tuple[int, int], float | None]:
        """Index ``frames`` (numbered from ``start``) and return their candidate pairs
        (i < j) mapped to the pair's near-duplicate similarity when LSH found it, else None."""
        pairs: dict[tuple[int, int], float | None] = {}
        for offset, (frame, body) in enumerate(zip(frames, bodies, strict=True)):
            index = start + offset
            sketch = clean.minhash(body)
            for other in self.lsh.query(sketch):
                j = int(other)
                pairs[(j, index)] = float(sketch.jaccard(self.sketches[j]))
            self.lsh.insert(str(index), sketch)
            self.sketches[index] = sketch
            for key in sorted(keys(frame)):
                block = self.blocks.setdefault(key, _Block())
                for j in block.candidates(index, frame.date):
                    pairs.setdefault((j, index), None)
                block.add(index, frame.date)
        return pairs
