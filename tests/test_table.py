"""event.csv: one flat row per event, derived from the event record, safe to open in a
spreadsheet; and the batch's events.csv gathering every built event."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLE
from wikiwire import pipeline
from wikiwire.batch import build_events
from wikiwire.render import record, render, table


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def example(nlp):  # type: ignore[no-untyped-def]
    build = pipeline.run([str(EXAMPLE)], nlp=nlp)
    return build, record.event_record(build)


def test_example_row_flattens_the_record(example: Any) -> None:
    build, rec = example
    (row,) = _read(render(build, "csv"))
    assert list(row) == list(table.COLUMNS)
    facts = rec["facts"]
    place = facts["location"]["value"]
    assert (row["event_date"], row["event_type"], row["category"]) == ("2023-10-05", "drone strike", "attack")
    assert (row["country"], row["iso3"], row["location"]) == ("Syria", "SYR", "Homs")
    assert rec["acled"] == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    assert (row["acled_event_type"], row["acled_sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (float(row["latitude"]), float(row["longitude"]), row["geo_precision"]) == (place["lat"], place["lon"], "1")
    for name in ("fatalities", "injuries"):
        figures = facts[name]["value"]
        assert [int(row[f"{name}_{k}"]) for k in ("best", "low", "high")] == [figures["best"], figures["low"], figures["high"]]
        assert row[name] == facts[name]["display"]
    assert int(row["sources"]) == len(rec["sources"])
    assert row["conflicting_facts"].split("; ") == list(dict.fromkeys(c["fact"] for c in rec["conflicts"]))
    assert row["notes"] == " ".join(s["text"] for s in rec["article"]["lead"])


def _record(**facts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"value": None, "display": "", "claims": []}
    return {"title": facts.pop("title", "Example"), "kind": "explosion", "facts": {k: {**base, **v} for k, v in facts.items()},
            "sources": [], "conflicts": [], "article": {"lead": []}}


def test_region_only_place_has_no_coordinates_and_precision_3() -> None:
    row = table.row(_record(location={"value": {"venue": None, "city": None, "region": "Herat Province", "country": "Afghanistan", "lat": None, "lon": None}}))
    assert (row["admin1"], row["iso3"], row["latitude"], row["geo_precision"]) == ("Herat Province", "AFG", "", "3")


def test_formula_like_text_is_neutralised_but_numbers_are_not() -> None:
    rec = _record(
        title="=HYPERLINK(\"http://evil.example\",\"click\")",
        target={"display": "+SUM(A1:A9)"},
        weapons={"display": "@cmd"},
        location={"value": {"venue": None, "city": "Baltimore", "region": "Maryland", "country": "United States", "lat": 39.29, "lon": -76.61}},
    )
    row = table.row(rec)
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert (row["target"], row["weapons"]) == ("'+SUM(A1:A9)", "'@cmd")
    assert row["longitude"] == "-76.61"


@given(st.text(max_size=60))
def test_any_title_round_trips_through_csv_and_never_starts_a_formula(title: str) -> None:
    (row,) = _read(table.write_rows([table.row(_record(title=title))]))
    cell = row["title"]
    assert not cell.startswith(table.FORMULA_STARTS)
    assert cell in (title, "'" + title)


def test_batch_gathers_every_built_event_into_events_csv(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from test_batch import HERAT, HOMS

    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps(HOMS) + "\n" + json.dumps(HERAT) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = build_events(events, out, formats=["json", "csv"])
    assert summary["table"] == out / "events.csv"
    rows = _read((out / "events.csv").read_text(encoding="utf-8"))
    assert [r["event_id"] for r in rows] == ["homs-2023", "herat-2023"]
    assert [(r["iso3"], r["event_type"]) for r in rows] == [("SYR", "drone strike"), ("AFG", "earthquake")]
    assert rows[1]["magnitude"] == "6.3"
    # ACLED does not code natural disasters.
    assert (rows[1]["acled_event_type"], rows[1]["acled_sub_event_type"]) == ("", "")
    for row in rows:
        (own,) = _read((out / row.pop("event_id") / "event.csv").read_text(encoding="utf-8"))
        assert row == own


def test_acled_codes_cover_attack_kinds_only() -> None:
    from wikiwire.taxonomy import ACLED_TYPES, KINDS

    by_key = {k.key: k for k in KINDS}
    assert set(ACLED_TYPES) <= set(by_key)
    assert {by_key[k].category for k in ACLED_TYPES} == {"attack"}
    # Every attack kind is coded except arson (see ACLED_TYPES).
    assert {k.key for k in KINDS if k.category == "attack"} - set(ACLED_TYPES) == {"arson"}


def test_batch_table_neutralises_formula_like_event_ids(tmp_path: Path) -> None:
    from wikiwire.batch import read_events, write_table

    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"id": "@SUM(1+1)", "articles": []}) + "\n", encoding="utf-8")
    (event,) = read_events(events)
    folder = tmp_path / event.folder
    folder.mkdir()
    (folder / ".wikiwire-done").write_text("", encoding="utf-8")
    (folder / "event.csv").write_text(table.write_rows([table.row(_record(title="Plain"))]), encoding="utf-8")
    (row,) = _read(write_table(tmp_path, [event]).read_text(encoding="utf-8"))
    assert (row["event_id"], row["title"]) == ("'@SUM(1+1)", "Plain")
