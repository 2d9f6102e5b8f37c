"""Batch mode: build one article folder per event of an events file, over processes.

OWNER: speed/batch helper. Contract below is fixed; the body is to be written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any


def build_events(
    events_path: Path,
    outdir: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    formats: Iterable[str] = ("wiki", "md", "html", "json"),
    model: str | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    """Build each event into ``outdir/<id>/``; skip built ones unless ``force``; never stop
    on one failing event. Returns {"built": [...], "skipped": [...], "failed": [{"id", "error"}]}.
    """
    raise NotImplementedError
