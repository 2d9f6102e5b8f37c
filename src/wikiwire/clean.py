"""Stage 2, clean: normalise text, drop non-news lines, merge near-duplicate reports.

OWNER: ingest/clean helper. Contract below is fixed; the body is to be written.
"""

from __future__ import annotations

from collections.abc import Sequence

from wikiwire.records import CleanResult, Document


def clean(documents: Sequence[Document]) -> CleanResult:
    """Clean ``documents`` into Sources with ids "s1", "s2"... in input order.

    Near-duplicates are merged into the first copy's Source (listed in ``duplicates``);
    documents left with no news text go to ``skipped`` with the reason.
    """
    raise NotImplementedError
