"""Stage 1, ingest: read paths, folders, URLs and JSONL into plain-text Documents.

OWNER: ingest/clean helper. Contract below is fixed; the body is to be written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from wikiwire.progress import Progress
from wikiwire.records import IngestResult

# Seconds to wait for a news page before giving up: long enough for a slow news site,
# short enough that a dead link does not stall a batch.
DEFAULT_FETCH_TIMEOUT = 20.0


def ingest(
    inputs: Sequence[str],
    *,
    stdin: IO[str] | None = None,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    progress: Progress | None = None,
) -> IngestResult:
    """Read every input into Documents; unusable documents among good ones go to ``skipped``.

    Raises an InputError subclass when an input as a whole cannot be used (missing path,
    empty input, folder with no usable report, malformed JSONL line, unreachable URL).
    """
    raise NotImplementedError
