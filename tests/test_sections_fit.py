"""Section fit: prayers are reactions, victims named are casualties, what a place is and does
every day is background; suspects named and "Friday prayers" are not moved."""

from __future__ import annotations

import pytest

from conftest import ents as _ents
from wikiwire.compose.sections import classify


@pytest.mark.parametrize(
    ("text", "spans", "role"),
    [
        ("County Executive Johnny Olszewski asked residents for prayers for the missing workers.",
         [("Johnny Olszewski", "PERSON")], "reactions"),
        ("The mayor of Lewiston said her thoughts were with the families of the victims.",
         [("Lewiston", "GPE")], "reactions"),
        ("Governor Wes Moore ordered flags across Maryland lowered to half-staff.",
         [("Wes Moore", "PERSON"), ("Maryland", "GPE")], "reactions"),
        ("The two men were identified as a 35-year-old from Baltimore and a 26-year-old from Dundalk.",
         [("Baltimore", "GPE"), ("Dundalk", "GPE")], "casualties"),
        ("All eighteen victims of the shooting have now been identified by the medical examiner.",
         [], "casualties"),
        ("The span is a four-lane steel truss structure rising high above the harbour.", [], "background"),
        ("The bridge carries 11.3 million vehicles a year across the river mouth.", [], "background"),
        ("The bridge, part of the ring road, crosses the river at the harbour entrance.", [], "background"),
    ],
)
def test_section_fit(text: str, spans: list[tuple[str, str]], role: str) -> None:
    assert classify(text, _ents(text, *spans), event_year=2024) == role


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A suspect named is not a casualty.
        ("Police identified the suspected gunman as a 40-year-old army reservist.", []),
        ("The two men were identified as suspects and arrested at the border.", []),
        # Friday prayers name a practice, not a reaction.
        ("Authorities in Idlib cancelled Friday prayers after the shelling of the city.", [("Idlib", "GPE")]),
        # Prayers without anyone offering them are not a reaction.
        ("Prayers for the missing were held at the harbour church.", []),
    ],
)
def test_not_moved(text: str, spans: list[tuple[str, str]]) -> None:
    role = classify(text, _ents(text, *spans), event_year=2024)
    assert role not in ("casualties", "reactions")
