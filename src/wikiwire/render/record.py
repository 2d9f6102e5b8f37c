"""The event record (event.json): the structured, analyst-facing result of a build.

OWNER: render helper; the body is to be written.
"""

from __future__ import annotations

from typing import Any

from wikiwire.records import Build


def event_record(build: Build) -> dict[str, Any]:
    """The JSON-ready event record of ``build`` (schema in the README)."""
    raise NotImplementedError
