"""Which scorer scores which infobox field, and scoring a whole infobox at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from wikiwire.evaluation.scoring.common import Evidence, FieldScore, Prediction
from wikiwire.evaluation.scoring.counts import score_figure
from wikiwire.evaluation.scoring.dates import score_date, score_time, score_timezone
from wikiwire.evaluation.scoring.names import score_perpetrators
from wikiwire.evaluation.scoring.phrases import score_phrase, score_type
from wikiwire.evaluation.scoring.places import score_location

__all__ = ["CORE_FIELDS", "EXTRA_FIELDS", "FIELDS", "SCORERS", "Scorer", "score_fields"]

Scorer = Callable[[str, Prediction, Evidence | None], FieldScore]

SCORERS: dict[str, Scorer] = {
    "date": score_date,
    "time": score_time,
    "timezone": score_timezone,
    "location": score_location,
    "type": score_type,
    "fatalities": lambda r, p, e: score_figure("fatalities", r, p, e),
    "injuries": lambda r, p, e: score_figure("injuries", r, p, e),
    "perpetrators": score_perpetrators,
    "target": lambda r, p, e: score_phrase("target", r, p, e),
    "part_of": lambda r, p, e: score_phrase("part_of", r, p, e),
}

# The fields every event is scored on (when its reference has them), and those scored only
# where the reference has them; the naive baseline predicts the core fields only.
CORE_FIELDS = ("date", "location", "type", "fatalities", "injuries", "perpetrators")
EXTRA_FIELDS = ("time", "timezone", "target", "part_of")
FIELDS = CORE_FIELDS + EXTRA_FIELDS


def score_fields(reference: Mapping[str, Any], predicted: Mapping[str, Prediction], evidence: Evidence,
                 fields: Iterable[str] = FIELDS) -> dict[str, FieldScore]:
    """Score every field in ``fields`` whose reference value is a non-empty string.

    ``predicted`` maps a field name to its prediction ({"value", "display"}) or None.
    """
    scores: dict[str, FieldScore] = {}
    for name in fields:
        ref = reference.get(name)
        if not isinstance(ref, str) or not ref.strip():
            continue
        scores[name] = SCORERS[name](ref.strip(), predicted.get(name), evidence)
    return scores
