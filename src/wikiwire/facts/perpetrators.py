"""Extract perpetrators claims. OWNER: a facts helper; the body is to be written."""

from __future__ import annotations

from wikiwire.records import AnalysedSource, Claim


def extract(source: AnalysedSource) -> list[Claim]:
    """Claims about perpetrators stated in source."""
    return []
