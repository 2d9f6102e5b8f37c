"""Stage 4, extract: run every fact extractor over every analysed source.

Each module in ``wikiwire.facts`` owns one fact (or a family) and exposes
``extract(source: AnalysedSource) -> list[Claim]``. Claims are the single source of truth:
the infobox and the prose are derived from them.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence

from wikiwire.facts import (
    casualties,
    context,
    dates,
    kinds,
    magnitude,
    perpetrators,
    places,
    target,
    times,
)
from wikiwire.facts.memo import per_source
from wikiwire.records import AnalysedSource, Claim

Extractor = Callable[[AnalysedSource], list[Claim]]

# Order does not matter for correctness; it is the order claims appear in event.json.
EXTRACTORS: tuple[Extractor, ...] = (
    dates.extract,
    times.extract,
    places.extract,
    kinds.extract,
    magnitude.extract,
    target.extract,
    perpetrators.extract,
    context.extract,
    casualties.extract,
)


# Sources whose claims and fingerprint stay remembered after ``extract``: all of a large
# build's, so the revision store can keep them without extracting or hashing again.
RECENT_SOURCES = 2_048


@functools.partial(per_source, size=RECENT_SOURCES)
def extract_source(source: AnalysedSource) -> tuple[Claim, ...]:
    """Every claim of one source, in extractor order (a pure function of the source; cached
    per source object)."""
    return tuple(claim for fn in EXTRACTORS for claim in fn(source))


@functools.partial(per_source, size=RECENT_SOURCES)
def fingerprint(source: AnalysedSource) -> str:
    """A key for ``extract_source``'s result: the hash of everything it reads (the source's
    text and metadata, its sentences and entities, its anchor date and note; cached per
    source object)."""
    return hashlib.sha256(source.model_dump_json().encode("utf-8")).hexdigest()


def extract(analysed: Sequence[AnalysedSource], cache: Mapping[str, tuple[Claim, ...]] | None = None) -> tuple[Claim, ...]:
    """Every claim found in every source, in source order then extractor order.

    ``cache`` maps ``fingerprint``s to claims extracted before (the revision store's): a
    source whose fingerprint is in it is not read again, since extraction is a pure function
    of the source.
    """
    out: list[Claim] = []
    for source in analysed:
        claims = cache.get(fingerprint(source)) if cache else None
        out.extend(claims if claims is not None else extract_source(source))
    return tuple(out)
