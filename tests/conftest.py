"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from wikiwire.records import Entity

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "homs-2023"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Reference material that users will not have: tests that read it skip cleanly without it.
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from wikiwire.analyse import load_nlp

    return load_nlp()


def ents(text: str, *spans: tuple[str, str]) -> tuple[Entity, ...]:
    """Entities for hand-written test sentences: each (name, label) at its first place in ``text``."""
    out = []
    for name, label in spans:
        start = text.index(name)
        out.append(Entity(text=name, label=label, start=start, end=start + len(name)))
    return tuple(out)
