"""Caches shared by the extractors: results per sentence text and per source.

Several extractors (and compose, verify) ask the same questions of the same sentence, and
reports of one event repeat sentences (wire copies, quotes, leads). Functions of the text
alone are cached with ``functools.lru_cache(maxsize=TEXT_CACHE_SIZE)`` and return tuples or
frozen records, so a cached result cannot be changed by a caller. Functions of a whole
source (its dominant kind, its sentences' relevance) use ``per_source``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from wikiwire.records import AnalysedSource

__all__ = ["SOURCE_CACHE_SIZE", "TEXT_CACHE_SIZE", "per_source"]

T = TypeVar("T")

# Entries each text-keyed cache keeps (a sentence, or a figure in a sentence): enough for
# the distinct sentences of a build of several hundred reports. All these caches together
# hold about 8 KB per distinct sentence (measured on the benchmark), so this bound keeps a
# long batch under about 130 MB; beyond it the least recently used entries are recomputed.
TEXT_CACHE_SIZE = 16_384
# Sources whose results are remembered: extract runs every extractor over one source before
# the next, so the extractors asking for a source's dominant kind find it; a few more cover
# callers that revisit recent sources.
SOURCE_CACHE_SIZE = 64


def per_source(fn: Callable[[AnalysedSource], T], *, size: int = SOURCE_CACHE_SIZE) -> Callable[[AnalysedSource], T]:
    """``fn`` computed once per source object (sources are frozen records).

    Entries hold the source itself, so its ``id()`` cannot be reused by another object while
    cached; the oldest entry goes when ``size`` are held. ``fn`` must return a value
    callers do not mutate (a tuple, a frozenset, a frozen record). The wrapper has
    ``cache_clear()`` like an lru_cache.
    """
    cache: dict[int, tuple[AnalysedSource, T]] = {}

    @functools.wraps(fn)
    def cached(source: AnalysedSource) -> T:
        hit = cache.get(id(source))
        if hit is not None and hit[0] is source:
            return hit[1]
        result = fn(source)
        if len(cache) >= size:
            # Oldest first: dicts keep insertion order.
            del cache[next(iter(cache))]
        cache[id(source)] = (source, result)
        return result

    cached.cache_clear = cache.clear  # type: ignore[attr-defined]
    return cached
