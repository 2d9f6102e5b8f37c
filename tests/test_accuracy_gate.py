"""The accuracy gate: field accuracy on the dev corpus must not drop below eval/floors.json.

Floors sit slightly below the measured figures; raise them when accuracy improves, never lower
them quietly. Skipped when ../shared/corpus (reference material users do not have) is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from wikiwire.evaluation import evaluate

FLOORS = ROOT / "eval" / "floors.json"
CORPUS = SHARED / "corpus"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not present"),
]


def _floors() -> dict[str, dict[str, object]]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_floors_file_names_every_scored_field() -> None:
    from wikiwire.evaluation.scoring import FIELDS

    for corpus_file, floors in _floors().items():
        assert (CORPUS / corpus_file).exists(), corpus_file
        assert set(floors["fields"]) <= set(FIELDS)  # type: ignore[arg-type]


@pytest.mark.parametrize("corpus_file", sorted(_floors()) if FLOORS.exists() else [])
def test_field_accuracy_stays_above_its_floors(corpus_file: str) -> None:
    floors = _floors()[corpus_file]
    summary = evaluate.evaluate(Path(CORPUS / corpus_file), content=False)["summary"]
    below = []
    overall = summary["overall"]["wikiwire"]
    if overall < floors["overall"]:  # type: ignore[operator]
        below.append(f"overall {overall:.3f} < floor {floors['overall']}")
    for field, floor in floors["fields"].items():  # type: ignore[attr-defined]
        measured = summary["fields"].get(field, {}).get("wikiwire")
        if measured is None or measured < floor:
            below.append(f"{field} {measured} < floor {floor}")
    for key in ("titles", "kinds"):
        floor = floors.get(f"{key}_min")
        matching = summary.get(key, {}).get("matching", 0)
        if floor is not None and matching < floor:  # type: ignore[operator]
            below.append(f"{key} equal to the reference {matching} < floor {floor}")
    assert not below, "accuracy dropped below eval/floors.json: " + "; ".join(below)
