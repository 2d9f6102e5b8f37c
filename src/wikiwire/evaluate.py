"""``wikiwire eval``: score builds against reference infoboxes (and texts), beside a baseline.

OWNER: eval helper. Contract below is fixed; the body is to be written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def evaluate(events_path: Path, *, model: str | None = None, content: bool = True) -> dict[str, Any]:
    """Build every event of ``events_path`` and score it; returns the JSON-ready report."""
    raise NotImplementedError


def format_report(report: dict[str, Any]) -> str:
    """The report as the plain-text table the CLI prints."""
    raise NotImplementedError
