"""Scoring of the figure fields: fatalities and injuries."""

from __future__ import annotations

import re
from collections.abc import Mapping

from wikiwire.evaluation.scoring.common import (
    Evidence,
    FieldScore,
    Prediction,
    _no_evidence,
    _result,
)

__all__ = ["predicted_range", "reference_figure", "score_figure"]

# A number with optional thousands separators, optionally a range "2,100–2,400".
_FIGURE = re.compile(r"(?P<low>\d{1,3}(?:,\d{3})+|\d+)(?:\s*(?:–|—|-|to)\s*(?P<high>\d{1,3}(?:,\d{3})+|\d+))?")


def reference_figure(reference: str) -> tuple[int, int] | None:
    """The first figure of a reference string as (low, high); None when it has no number.

    "112+" -> (112, 112); "~277+" -> (277, 277); "2,100–2,400 injured (...)" -> (2100, 2400).
    """
    match = _FIGURE.search(reference)
    if not match:
        return None
    low = int(match["low"].replace(",", ""))
    high = int(match["high"].replace(",", "")) if match["high"] else low
    return (min(low, high), max(low, high))


def predicted_range(predicted: Prediction) -> tuple[int, int] | None:
    """Our reconciled [low, high] from a casualty fact value; a missing bound is the other
    bound (or ``best``): an open "120+" is scored as the figure 120 it states."""
    if not predicted:
        return None
    value = predicted.get("value")
    if not isinstance(value, Mapping):
        return None
    bounds = [value.get(k) for k in ("low", "high", "best")]
    numbers = [b for b in bounds if isinstance(b, int)]
    if not numbers:
        return None
    low = value.get("low") if isinstance(value.get("low"), int) else None
    high = value.get("high") if isinstance(value.get("high"), int) else None
    best = value.get("best") if isinstance(value.get("best"), int) else None
    low = low if low is not None else (best if best is not None else high)
    high = high if high is not None else (best if best is not None else low)
    assert low is not None and high is not None  # numbers is non-empty
    return (min(low, high), max(low, high))


def score_figure(name: str, reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Fatalities or injuries: correct when the reference figure (or range) overlaps our
    reconciled [low, high]. Attainable when some report writes the figure (either bound of a
    reference range)."""
    evidence = evidence or _no_evidence()
    ref = reference_figure(reference)
    if ref is None:
        return _result(name, reference, predicted, 0.0, False, "reference has no figure")
    attainable = any(evidence.states_number(n) for n in set(ref))
    ours = predicted_range(predicted)
    if ours is None:
        return _result(name, reference, predicted, 0.0, attainable, "no figure")
    correct = ours[0] <= ref[1] and ref[0] <= ours[1]
    note = f"reference {ref[0]}" + (f"–{ref[1]}" if ref[1] != ref[0] else "") + f", ours {ours[0]}–{ours[1]}"
    return _result(name, reference, predicted, 1.0 if correct else 0.0, attainable, note)
