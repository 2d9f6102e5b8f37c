"""``wikiwire eval``: reading events files, scoring builds beside the baseline, the report."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from wikiwire.cli import app
from wikiwire.errors import EventsFileError
from wikiwire.evaluation import evaluate

HOMS_REPORTS = [
    {
        "url": "https://www.levantwire.example.org/syria/homs-academy",
        "date": "2023-10-05",
        "text": " date 2023-10-05 Drones packed with explosives hit an officers' graduation ceremony at the "
        "Homs Military Academy in Homs, Syria, on Thursday afternoon, just after it ended.\n"
        "The health ministry said 89 people were killed, among them 31 women and 5 children, and 277 were "
        "wounded. The Syrian Observatory for Human Rights said more than 120 were killed.\n"
        "No group claimed responsibility for the attack.",
    },
    {
        "url": "https://cedartimes.example.org/news/homs",
        "date": None,
        "text": "Syria mourned on Friday the victims of the drone strike on the Homs Military Academy on 5 October "
        "2023, which the monitor said killed 123 people and wounded 150.",
    },
]

BRIDGE_REPORTS = [
    {
        "url": "https://harbourdaily.example.com/2024/03/26/bridge",
        "date": "2024-03-26",
        "text": " date 2024-03-26 The Francis Scott Key Bridge in Baltimore, Maryland, collapsed at about 1:30 a.m. "
        "on Tuesday after the container ship Dali struck one of its supports.\n"
        "Six construction workers who were filling potholes on the span are presumed dead, and one person was "
        "taken to hospital, officials said.",
    },
]


def _event(event_id: str, infobox: dict[str, str], articles: list[dict[str, Any]], text: str = "") -> str:
    return json.dumps({"id": event_id, "title": infobox["title"], "kind": "", "reference": {"infobox": infobox, "text": text},
                       "articles": articles})


HOMS_INFOBOX = {
    "title": "2023 Homs drone strike", "location": "Homs, Syria", "date": "5 October 2023", "time": "",
    "timezone": "UTC+03:00", "type": "Drone strike", "fatalities": "112+", "injuries": "~277+",
    "target": "", "perpetrators": "Unknown", "part_of": "",
}
BRIDGE_INFOBOX = {
    "title": "Francis Scott Key Bridge collapse", "location": "Francis Scott Key Bridge, Baltimore, Maryland, United States",
    "date": "26 March 2024", "time": "~01:30", "timezone": "UTC−04:00", "type": "Bridge collapse",
    "fatalities": "6", "injuries": "1", "target": "", "perpetrators": "", "part_of": "",
}
HOMS_REFERENCE_TEXT = (
    "On 5 October 2023, drones struck a graduation ceremony at the Homs Military Academy in Homs, Syria, "
    "killing at least 89 people. The Syrian Observatory for Human Rights put the toll above 120."
)


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text(
        _event("homs", HOMS_INFOBOX, HOMS_REPORTS, HOMS_REFERENCE_TEXT) + "\n\n" + _event("bridge", BRIDGE_INFOBOX, BRIDGE_REPORTS) + "\n",
        encoding="utf-8",
    )
    return path


def test_read_events_converts_articles_to_documents(events_file: Path) -> None:
    events = evaluate.read_events(events_file)
    assert [e.id for e in events] == ["homs", "bridge"]
    assert [e.line for e in events] == [1, 3]
    first, second = events[0].documents
    assert first.text.startswith("Drones packed with explosives")
    assert first.published == dt.date(2023, 10, 5)
    assert first.outlet == "levantwire.example.org"
    assert second.published is None and second.outlet == "cedartimes.example.org"
    assert events[0].reference_text == HOMS_REFERENCE_TEXT
    assert events[1].reference_text is None
    assert events[0].infobox["fatalities"] == "112+"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "events.jsonl:2: not valid JSON"),
        ("[1, 2]", "events.jsonl:2: each line must be a JSON object"),
        ('{"reference": {"infobox": {}}, "articles": []}', 'events.jsonl:2: the event has no string "id"'),
        ('{"id": "", "reference": {"infobox": {}}, "articles": []}', 'events.jsonl:2: the event\'s "id" is blank'),
        ("[1, 2]", 'events.jsonl:2: each line must be a JSON object with "id", "reference" and "articles"'),
        ('{"id": "x", "articles": [{"text": "a"}]}', "events.jsonl:2: event 'x': \"reference\" must be an object"),
        ('{"id": "x", "reference": {"infobox": {}}, "articles": "text"}', "events.jsonl:2: event 'x': \"articles\" must be a list"),
        ('{"id": "x", "reference": {"infobox": {}}, "articles": [{"url": "u"}]}', "events.jsonl:2: event 'x' has no article with text"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(_event("homs", HOMS_INFOBOX, HOMS_REPORTS) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(EventsFileError) as caught:
        evaluate.read_events(path)
    assert str(caught.value).endswith(message) or message in str(caught.value)
    assert caught.value.line == 2


def test_missing_and_empty_events_files(tmp_path: Path) -> None:
    with pytest.raises(EventsFileError, match="no such events file"):
        evaluate.read_events(tmp_path / "absent.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(EventsFileError, match="holds no event"):
        evaluate.read_events(empty)


def test_cli_reports_a_malformed_events_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1: not valid JSON" in result.output


def test_summarise_micro_averages_and_separates_unattainable() -> None:
    def row(score: float, attainable: bool, base: float | None) -> dict[str, Any]:
        ours = {"score": score, "attainable_score": score}
        return {"reference": "r", "attainable": attainable, "wikiwire": ours,
                "baseline": None if base is None else {"score": base, "attainable_score": base}}

    events = [
        {"fields": {"date": row(1.0, True, 0.0), "fatalities": row(1.0, False, 0.0), "timezone": row(1.0, True, None)}, "content": None},
        {"fields": {"date": row(0.0, True, 1.0), "fatalities": row(0.0, True, 0.0)}, "content": None},
    ]
    summary = evaluate.summarise(events)
    assert summary["fields"]["date"] == {"n": 2, "unattainable": 0, "wikiwire": 0.5, "wikiwire_attainable": 0.5,
                                         "baseline": 0.5, "baseline_attainable": 0.5}
    assert summary["fields"]["fatalities"]["unattainable"] == 1
    assert summary["fields"]["fatalities"]["wikiwire_attainable"] == 0.0
    assert summary["overall"] == {"wikiwire": 0.6, "wikiwire_attainable": 0.5, "n": 5}
    assert summary["core"]["wikiwire"] == 0.5 and summary["core"]["baseline"] == 0.25
    assert summary["content"] is None


def test_evaluate_scores_both_systems_on_every_reference_field(events_file: Path) -> None:
    report = evaluate.evaluate(events_file)
    homs, bridge = report["events"]
    assert set(homs["fields"]) == {"date", "location", "type", "fatalities", "injuries", "perpetrators", "timezone"}
    assert set(bridge["fields"]) == {"date", "time", "location", "type", "fatalities", "injuries", "timezone"}
    # The baseline's answers on these reports are fixed by its naive rules.
    assert bridge["fields"]["type"]["baseline"]["predicted"] == "bridge collapse"
    assert bridge["fields"]["type"]["baseline"]["score"] == 1.0
    assert homs["fields"]["perpetrators"]["baseline"]["score"] == 1.0  # "Unknown": no named claimant
    assert homs["fields"]["timezone"]["baseline"] is None
    # 112 is in no report, 277 is.
    assert homs["fields"]["fatalities"]["attainable"] is False
    assert homs["fields"]["injuries"]["attainable"] is True
    # wikiwire's own answers on the easy fields of these short reports.
    for event in (homs, bridge):
        assert event["error"] is None
        assert event["fields"]["date"]["wikiwire"]["score"] == 1.0
        assert event["fields"]["timezone"]["wikiwire"]["score"] == 1.0
    assert homs["fields"]["location"]["wikiwire"]["score"] == 1.0
    assert homs["content"] is not None and bridge["content"] is None
    assert set(homs["content"]["wikiwire"]) >= {"rouge1", "rouge2", "rougeL", "entity_recall", "citation_coverage"}
    # The opening: the article's first sentences up to the reference's 33 words, beside a
    # LexRank summary of the opening's length.
    first = homs["content"]["opening"]
    assert homs["content"]["reference_words"] == 33
    assert set(first["wikiwire"]) >= {"rougeL", "entity_recall", "words"}
    assert 0 < first["wikiwire"]["words"] <= max(33, homs["content"]["wikiwire"]["words"])
    assert first["lexrank"]["words"] <= first["wikiwire"]["words"] * 2
    assert report["summary"]["content"]["opening"]["ratio"]["rougeL"] is not None
    # Every built article is linted.
    assert homs["prose"]["sentences"] == homs["content"]["wikiwire"]["sentences"]
    assert report["summary"]["prose"]["events"] == 2
    assert report["summary"]["events"] == 2
    assert report["summary"]["fields"]["date"]["n"] == 2
    json.dumps(report)  # JSON-ready


def test_format_report_prints_the_tables(events_file: Path) -> None:
    text = evaluate.format_report(evaluate.evaluate(events_file, content=False))
    assert "Field accuracy" in text
    assert "core fields" in text and "all fields" in text
    assert "homs: 2023 Homs drone strike" in text
    assert "[unattainable: no report states it]" in text  # 112
    assert "Content (" not in text  # --no-content


def test_summary_counts_titles_equal_to_the_reference() -> None:
    from wikiwire.evaluation.evaluate import summarise

    events = [
        {"fields": {}, "title": "2023 Lewiston shootings", "built_title": "2023 Lewiston Shootings"},
        {"fields": {}, "title": "Francis Scott Key Bridge collapse", "built_title": "2024 Baltimore bridge collapse"},
        {"fields": {}, "title": None, "built_title": "2023 Homs drone strike"},
    ]
    assert summarise(events)["titles"] == {"matching": 1, "of": 2}


def test_cli_eval_split_without_splits_file_says_how_to_fix(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path), "--split", "tune"])
    assert result.exit_code == 2
    assert result.output.strip().replace("\n", "") == (
        f"error: {tmp_path / 'splits.json'}: no splits file for --split tune "
        '(give --splits FILE holding {"tune": [ids], "check": [ids]}, or leave out --split)'
    )
