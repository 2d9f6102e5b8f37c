"""Stage 4, extract: run every fact extractor over every analysed source.

Each module in ``wikiwire.facts`` owns one fact (or a family) and exposes
``extract(source: AnalysedSource) -> list[Claim]``. Claims are the single source of truth:
the infobox and the prose are derived from them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


def extract(analysed: Sequence[AnalysedSource]) -> tuple[Claim, ...]:
    """Every claim found in every source, in source order then extractor order."""
    return tuple(claim for source in analysed for fn in EXTRACTORS for claim in fn(source))
