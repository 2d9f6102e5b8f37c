"""Extract dates claims. OWNER: a facts helper; the body is to be written."""

from __future__ import annotations

from wikiwire.records import AnalysedSource, Claim


def extract(source: AnalysedSource) -> list[Claim]:
    """Claims about dates stated in source."""
    return []


def anchor_date(source, sentences):  # type: ignore[no-untyped-def]
    """(date relative expressions are resolved against, note why the publication date was rejected)."""
    return source.published, None
