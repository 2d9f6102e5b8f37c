"""Stage 5, reconcile: turn claims into one Fact per infobox field, recording conflicts.

OWNER: casualties/reconcile helper. Contract below is fixed; the body is to be written.
"""

from __future__ import annotations

from collections.abc import Sequence

from wikiwire.records import FACT_NAMES, AnalysedSource, Claim, EventFacts, Fact


def reconcile(claims: Sequence[Claim], analysed: Sequence[AnalysedSource]) -> EventFacts:
    """Reconcile ``claims`` (from ``analysed`` sources) into EventFacts."""
    return EventFacts(kind="event", facts={name: Fact(name=name) for name in FACT_NAMES})
