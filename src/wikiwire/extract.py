"""Stage 4, extract: run every fact extractor over every analysed source.

Each module in ``wikiwire.facts`` owns one fact (or a family) and exposes
``extract(source: AnalysedSource) -> list[Claim]``. Claims are the single source of truth:
the infobox and the prose are derived from them.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
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


def extract_source(source: AnalysedSource) -> tuple[Claim, ...]:
    """Every claim of one source, in extractor order (a pure function of the source)."""
    return tuple(claim for fn in EXTRACTORS for claim in fn(source))


def fingerprint(source: AnalysedSource) -> str:
    """A key for ``extract_source``'s result: the hash of everything it reads (the source's
    text and metadata, its sentences and entities, its anchor date and note)."""
    return hashlib.sha256(source.model_dump_json().encode("utf-8")).hexdigest()


# The claims of the sources most recently extracted, by object: the revision store keeps them
# so an update re-extracts only new or re-anchored sources. Enough for a large build's
# sources; older entries are dropped first.
RECENT_SOURCES = 2_048
_recent: OrderedDict[int, tuple[AnalysedSource, tuple[Claim, ...], str | None]] = OrderedDict()


def recent_claims(source: AnalysedSource) -> tuple[tuple[Claim, ...], str] | None:
    """(claims, fingerprint) ``extract`` found for this very source object, if it still
    remembers them."""
    hit = _recent.get(id(source))
    if hit is None or hit[0] is not source:
        return None
    key = hit[2] or fingerprint(source)
    return hit[1], key


def extract(analysed: Sequence[AnalysedSource], cache: Mapping[str, tuple[Claim, ...]] | None = None) -> tuple[Claim, ...]:
    """Every claim found in every source, in source order then extractor order.

    ``cache`` maps ``fingerprint``s to claims extracted before (the revision store's): a
    source whose fingerprint is in it is not read again, since extraction is a pure function
    of the source.
    """
    out: list[Claim] = []
    for source in analysed:
        key = fingerprint(source) if cache is not None else None
        claims = cache.get(key) if cache is not None and key is not None else None
        if claims is None:
            claims = extract_source(source)
        _recent[id(source)] = (source, claims, key)
        _recent.move_to_end(id(source))
        while len(_recent) > RECENT_SOURCES:
            _recent.popitem(last=False)
        out.extend(claims)
    return tuple(out)
