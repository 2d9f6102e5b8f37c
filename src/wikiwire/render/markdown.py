"""Render a Build as markdown. OWNER: render helper; the body is to be written."""

from __future__ import annotations

from wikiwire.records import Build


def render(build: Build) -> str:
    """The markdown text of the article."""
    raise NotImplementedError
