"""Render a Build as wikitext. OWNER: render helper; the body is to be written."""

from __future__ import annotations

from wikiwire.records import Build


def render(build: Build) -> str:
    """The wikitext text of the article."""
    raise NotImplementedError
