"""Scoring of the location field."""

from __future__ import annotations

from collections.abc import Mapping

from wikiwire.evaluation.scoring.common import (
    _SPLIT_PARTS,
    Evidence,
    FieldScore,
    Prediction,
    _no_evidence,
    _result,
    fold,
)

__all__ = [
    "GENERIC_PLACE_WORDS",
    "PLACE_ALIASES",
    "place_key",
    "place_stated",
    "places_match",
    "predicted_places",
    "score_location",
]

# Country names written several ways; folded forms on the left, one canonical form on the right.
PLACE_ALIASES: dict[str, str] = {
    "u s": "united states", "us": "united states", "usa": "united states",
    "u s a": "united states", "united states of america": "united states",
    "america": "united states", "uk": "united kingdom", "u k": "united kingdom",
    "great britain": "united kingdom", "britain": "united kingdom",
    "uae": "united arab emirates", "drc": "democratic republic of the congo",
}

# Administrative words that infoboxes and gazetteers add or leave out ("Herat Province" is
# "Herat"); dropped before comparing places.
GENERIC_PLACE_WORDS = frozenset(
    {"province", "governorate", "district", "county", "state", "city", "region", "municipality",
     "prefecture", "oblast", "department", "parish", "the", "of"}
)


def place_key(part: str) -> str:
    """A place name folded for comparison: aliases resolved, administrative words dropped."""
    folded = fold(part)
    folded = PLACE_ALIASES.get(folded, folded)
    words = [w for w in folded.split() if w not in GENERIC_PLACE_WORDS]
    key = " ".join(words) or folded
    return PLACE_ALIASES.get(key, key)


def places_match(reference_part: str, our_part: str) -> bool:
    """Two place names match when their keys are equal, or the shorter one has two or more
    words and all of them are in the longer ("Key Bridge" in "Francis Scott Key Bridge"); one
    word inside a longer name ("Homs" in "Homs Military Academy") is not a match."""
    a, b = place_key(reference_part), place_key(our_part)
    if not a or not b:
        return False
    if a == b:
        return True
    small, big = sorted((set(a.split()), set(b.split())), key=len)
    return len(small) >= 2 and small <= big


def predicted_places(predicted: Prediction) -> list[str]:
    """Every place name in our location: the value's parts and the display's comma parts."""
    if not predicted:
        return []
    parts: list[str] = []
    value = predicted.get("value")
    if isinstance(value, Mapping):
        parts += [str(value[k]) for k in ("venue", "city", "region", "country") if value.get(k)]
    elif isinstance(value, str):
        parts += _SPLIT_PARTS.split(value)
    display = predicted.get("display")
    if isinstance(display, str):
        parts += _SPLIT_PARTS.split(display)
    return [p.strip() for p in parts if p and p.strip()]


def place_stated(part: str, evidence: Evidence) -> bool:
    """Whether some report names the place ``part`` (in any of its alias forms)."""
    key = place_key(part)
    forms = {fold(part), key} | {alias for alias, canonical in PLACE_ALIASES.items() if canonical == key}
    return any(evidence.states_phrase(form) for form in forms if form)


def score_location(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Location: the share of the reference's comma-separated parts ("Homs, Syria") that match
    one of our place names (``places_match``). The attainable score counts only the parts some
    report names."""
    evidence = evidence or _no_evidence()
    ref_parts = [p.strip() for p in _SPLIT_PARTS.split(reference) if p.strip()]
    if not ref_parts:
        return _result("location", reference, predicted, 0.0, False, "reference has no place")
    ours = predicted_places(predicted)
    found = [p for p in ref_parts if any(places_match(p, o) for o in ours)]
    stated = [p for p in ref_parts if place_stated(p, evidence)]
    score = len(found) / len(ref_parts)
    attainable_score = sum(p in found for p in stated) / len(stated) if stated else 0.0
    missed = [p for p in ref_parts if p not in found]
    unstated = [p for p in ref_parts if p not in stated]
    note = (f"missed {', '.join(missed)}" if missed else "all parts found") + (
        f"; not in any report: {', '.join(unstated)}" if unstated else "")
    return _result("location", reference, predicted, score, bool(stated), note, attainable_score)
