"""Scoring rules of ``wikiwire eval``: one function per infobox field, and the content metrics.

Every field scorer takes the reference infobox string (as written in the reference, e.g.
``"112+"``, ``"Homs, Syria"``), our prediction as it appears under ``facts`` in event.json
(``{"value": ..., "display": ...}``, or None when we have nothing) and the ``Evidence`` (the
raw input reports), and returns a ``FieldScore``:

- ``score`` in [0, 1]: 1 correct, 0 wrong or missing; only ``location`` (share of its parts)
  and a part-of-day ``time`` give partial credit.
- ``attainable``: whether any input report states the reference value at all. A reference
  value no report states cannot be extracted, only guessed; it is reported, never hidden, and
  accuracy is given both over all fields and over attainable ones.
- ``attainable_score``: the score counting only what the reports state (differs from
  ``score`` for ``location`` only, where some parts can be stated and others not).

The rules, field by field (each function's docstring says the details):

- figures (fatalities, injuries): the reference's figure is its first number ("112+" -> 112,
  "19 (including the perpetrator)" -> 19, "1,482 dead (October 7 events); 3 dead ..." -> 1482:
  infoboxes list the main event first); a reference range "2,100–2,400" is kept as a range.
  Correct when the reference figure lies within our reconciled [low, high] (ranges: overlap).
- date: equal calendar day.
- time: within ``TIME_TOLERANCE_MINUTES`` of the reference time or time range.
- timezone: the same UTC offset.
- location: share of the reference's comma-separated parts found among ours.
- type: normalised token containment either way, against each comma-separated alternative.
- perpetrators: "Unknown" against "Unknown"; names by token containment.
- target, part_of: token-set similarity of at least ``PHRASE_MATCH_THRESHOLD``.

The package holds one module per field family: ``common`` (the result type, text folding and
the ``Evidence``), ``counts`` (fatalities, injuries), ``dates`` (date, time, timezone),
``places`` (location), ``names`` (perpetrators), ``phrases`` (type, target, part_of),
``fields`` (which scorer scores which field) and ``content`` (ROUGE, entity recall).
"""

from __future__ import annotations

from wikiwire.evaluation.scoring.common import (
    Evidence,
    FieldScore,
    Report,
    content_tokens,
    number_words,
)
from wikiwire.evaluation.scoring.content import (
    entity_recall,
    mean,
    reference_entities,
    rouge_f1,
    word_count,
)
from wikiwire.evaluation.scoring.counts import reference_figure, score_figure
from wikiwire.evaluation.scoring.dates import (
    PART_OF_DAY_CREDIT,
    parse_reference_date,
    reference_time,
    score_date,
    score_time,
    score_timezone,
)
from wikiwire.evaluation.scoring.fields import CORE_FIELDS, FIELDS, score_fields
from wikiwire.evaluation.scoring.names import score_perpetrators
from wikiwire.evaluation.scoring.phrases import score_phrase, score_type
from wikiwire.evaluation.scoring.places import places_match, score_location

__all__ = [
    "CORE_FIELDS",
    "FIELDS",
    "PART_OF_DAY_CREDIT",
    "Evidence",
    "FieldScore",
    "Report",
    "content_tokens",
    "entity_recall",
    "mean",
    "number_words",
    "parse_reference_date",
    "places_match",
    "reference_entities",
    "reference_figure",
    "reference_time",
    "rouge_f1",
    "score_date",
    "score_fields",
    "score_figure",
    "score_location",
    "score_perpetrators",
    "score_phrase",
    "score_time",
    "score_timezone",
    "score_type",
    "word_count",
]
