"""The shared events-file reader: one JSON event a line, checked alike for batch builds and eval."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wikiwire import events
from wikiwire.errors import EventsFileError

# Short reports written for these tests (facts of real events, our own words).
LEWISTON = {
    "id": "lewiston-2023",
    "title": "2023 Lewiston shootings",
    "kind": "mass shooting",
    "reference": {"infobox": {"fatalities": "18"}, "text": "A gunman killed 18 people in Lewiston, Maine."},
    "articles": [
        {"url": "https://www.pinetree-news.example.com/maine/lewiston", "date": "2023-10-26",
         "text": " date 2023-10-26 A gunman opened fire at a bowling alley and a bar in Lewiston, Maine, on Wednesday evening, killing 18 people."},
        {"url": "https://wire.example.org/us/1", "date": None, "text": "   "},
        {"url": None, "date": "2023-10-28",
         "text": "Police found the suspect dead in Lisbon on Friday night after a two-day search."},
    ],
}
BRIDGE = {
    "id": "key-bridge-2024",
    "articles": [
        {"url": "https://harbour.example.net/bridge", "date": "2024-03-26",
         "text": "The container ship Dali struck a pier of the Francis Scott Key Bridge in Baltimore early on Tuesday."},
    ],
}


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_events_come_in_file_order_with_their_line_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path / "events.jsonl", json.dumps(LEWISTON), "", "   ", json.dumps(BRIDGE))
    found = list(events.iter_events(path))
    assert [(e.id, e.line) for e in found] == [("lewiston-2023", 1), ("key-bridge-2024", 4)]
    first = found[0]
    assert len(first.articles) == 3
    assert first.articles[2]["date"] == "2023-10-28"
    assert first.fields["reference"]["infobox"] == {"fatalities": "18"}
    assert first.fields["kind"] == "mass shooting"


def test_records_are_frozen(tmp_path: Path) -> None:
    (entry,) = events.iter_events(_write(tmp_path / "events.jsonl", json.dumps(BRIDGE)))
    with pytest.raises(AttributeError):
        entry.id = "other"  # type: ignore[misc]


def test_article_documents_skip_empty_articles_and_keep_their_numbers(tmp_path: Path) -> None:
    (entry,) = events.iter_events(_write(tmp_path / "events.jsonl", json.dumps(LEWISTON)))
    docs = events.article_documents(entry.articles, f"events.jsonl:{entry.line}")
    assert [d.input for d in docs] == ["events.jsonl:1#1", "events.jsonl:1#3"]
    assert docs[0].text.startswith("A gunman opened fire at a bowling alley")
    assert docs[0].published == dt.date(2023, 10, 26)
    assert docs[0].outlet == "pinetree-news.example.com"
    assert docs[1].published == dt.date(2023, 10, 28)
    assert docs[1].outlet is None
    assert events.article_documents([{"url": "u", "text": ""}, {"url": "v"}], "x:1") == ()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "broken", "articles": [', "not valid JSON (Expecting value at column 31)"),
        ('"just a string"', 'each line must be a JSON object with "id" and "articles"'),
        ('{"id": 7, "articles": []}', 'the event has no string "id"'),
        ('{"id": "  ", "articles": []}', 'the event\'s "id" is blank (give every event a name of its own)'),
        ('{"id": "herat", "articles": {"text": "A quake hit Herat."}}', "event 'herat': \"articles\" must be a list of objects with \"text\""),
        ('{"id": "herat", "articles": ["A quake hit Herat."]}', "event 'herat': \"articles\" must be a list of objects with \"text\""),
    ],
)
def test_bad_line_names_file_line_and_fix(tmp_path: Path, line: str, problem: str) -> None:
    path = _write(tmp_path / "events.jsonl", json.dumps(BRIDGE), line)
    with pytest.raises(EventsFileError) as caught:
        list(events.iter_events(path))
    assert str(caught.value) == f"{path}:2: {problem}"
    assert caught.value.line == 2


def test_events_before_a_bad_line_are_yielded_first(tmp_path: Path) -> None:
    reader = events.iter_events(_write(tmp_path / "events.jsonl", json.dumps(BRIDGE), "[1, 2]"))
    assert next(reader).id == "key-bridge-2024"
    with pytest.raises(EventsFileError, match=":2: each line must be a JSON object"):
        next(reader)


def test_required_keys_are_named_for_a_line_that_is_no_object(tmp_path: Path) -> None:
    path = _write(tmp_path / "events.jsonl", "[1, 2]")
    with pytest.raises(EventsFileError) as caught:
        list(events.iter_events(path, required=("id", "reference", "articles")))
    assert str(caught.value) == f'{path}:1: each line must be a JSON object with "id", "reference" and "articles"'


def test_missing_file_gives_the_callers_hint(tmp_path: Path) -> None:
    absent = tmp_path / "absent.jsonl"
    with pytest.raises(EventsFileError) as caught:
        list(events.iter_events(absent))
    assert str(caught.value) == f"{absent}: no such events file (check the path)"
    assert caught.value.line is None
    with pytest.raises(EventsFileError) as caught:
        list(events.iter_events(absent, missing_hint="check the path given to --events"))
    assert str(caught.value) == f"{absent}: no such events file (check the path given to --events)"


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(b'{"id": "caf\xe9", "articles": []}\n')
    with pytest.raises(EventsFileError, match=r"events\.jsonl: cannot be read as UTF-8 text \("):
        list(events.iter_events(path))


def test_empty_file_is_an_error_only_when_the_caller_needs_events(tmp_path: Path) -> None:
    path = _write(tmp_path / "events.jsonl", "", "  ")
    assert list(events.iter_events(path)) == []
    with pytest.raises(EventsFileError) as caught:
        list(events.iter_events(path, allow_empty=False))
    assert str(caught.value) == f"{path}: holds no event (one JSON object a line expected)"
