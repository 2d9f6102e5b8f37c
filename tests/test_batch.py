"""Batch mode: one folder per event, resumable, one failing event never stops the rest."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.console import Console

from wikiwire import batch
from wikiwire.batch import MARKER, build_events, read_events
from wikiwire.errors import EventsFileError
from wikiwire.records import Document

# Short reports written for these tests (facts of real events, our own words).
HOMS = {
    "id": "homs-2023",
    "title": "ignored",
    "articles": [
        {"url": "https://www.example-news.org/syria/homs", "date": "2023-10-05", "text": " date 2023-10-05 A drone attack hit a graduation ceremony at the military academy in Homs, Syria, on Thursday.\nThe health ministry said 89 people were killed."},
        {"url": "https://wire.example.com/a/1", "date": "2023-10-06", "text": " date 2023-10-06 The Syrian Observatory for Human Rights put the death toll at more than 120 on Friday. No group claimed the strike."},
        {"url": None, "date": None, "text": "Syria's army blamed armed groups for the drone strike on the academy in Homs on 5 October 2023."},
    ],
}
HERAT = {
    "id": "herat-2023",
    "articles": [
        {"url": "https://news.example.net/herat", "date": "2023-10-07", "text": " date 2023-10-07 Two strong earthquakes of magnitude 6.3 shook Herat province in western Afghanistan on Saturday."},
        {"url": "https://daily.example.org/quake", "date": "2023-10-08", "text": " date 2023-10-08 Officials in Herat said on Sunday that more than 2,000 people had died in the earthquakes."},
    ],
}
EMPTY = {"id": "empty-event", "articles": [{"url": "https://x.example.com/1", "text": "   "}, {"url": "https://y.example.com/2", "text": ""}]}


def _write_events(path: Path, *events: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


def fake_builder(docs: Sequence[Document], folder: Path, formats: Sequence[str], model: str | None) -> None:
    """Writes the documents' texts instead of running the pipeline (tests batch logic only)."""
    for fmt in formats:
        (folder / f"out.{fmt}").write_text("\n".join(d.text for d in docs), encoding="utf-8")


def exploding_builder(docs: Sequence[Document], folder: Path, formats: Sequence[str], model: str | None) -> None:
    """Fails on the earthquake event only, like a stage bug triggered by one event."""
    if any("earthquake" in d.text for d in docs):
        raise RuntimeError("stage crashed on this event")
    fake_builder(docs, folder, formats, model)


def _mtime_ns(folder: Path) -> int:
    return (folder / MARKER).stat().st_mtime_ns


def test_documents_take_date_line_and_outlet(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS)
    (event,) = read_events(events_path)
    docs = batch.documents(event, events_path)
    assert [d.published for d in docs] == [dt.date(2023, 10, 5), dt.date(2023, 10, 6), None]
    assert docs[0].text.startswith("A drone attack hit a graduation ceremony")
    assert [d.outlet for d in docs] == ["example-news.org", "wire.example.com", None]
    assert docs[0].input == f"{events_path}:1#1"


def test_second_run_skips_and_force_rebuilds(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, HERAT)
    out = tmp_path / "out"
    first = build_events(events_path, out, formats=["md", "json"], builder=fake_builder)
    assert first == {"built": ["homs-2023", "herat-2023"], "skipped": [], "failed": [], "table": None}
    assert sorted(p.name for p in (out / "homs-2023").iterdir()) == [MARKER, "out.json", "out.md"]
    stamp = _mtime_ns(out / "homs-2023")

    second = build_events(events_path, out, formats=["md", "json"], builder=fake_builder)
    assert second == {"built": [], "skipped": ["homs-2023", "herat-2023"], "failed": [], "table": None}
    assert _mtime_ns(out / "homs-2023") == stamp

    forced = build_events(events_path, out, formats=["md", "json"], force=True, builder=fake_builder)
    assert forced == {"built": ["homs-2023", "herat-2023"], "skipped": [], "failed": [], "table": None}
    # only finished folders are left, no temporary ones
    assert sorted(p.name for p in out.iterdir()) == ["herat-2023", "homs-2023"]


def test_interrupted_build_is_rebuilt(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, HERAT)
    out = tmp_path / "out"
    build_events(events_path, out, formats=["md"], builder=fake_builder)
    # a run killed mid-event: outputs half written, no marker, and its temporary folder left
    (out / "herat-2023" / MARKER).unlink()
    (out / "herat-2023" / "out.md").write_text("half a file", encoding="utf-8")
    (out / ".homs-2023.partial-99999").mkdir()

    again = build_events(events_path, out, formats=["md"], builder=fake_builder)
    assert again == {"built": ["herat-2023"], "skipped": ["homs-2023"], "failed": [], "table": None}
    assert (out / "herat-2023" / "out.md").read_text(encoding="utf-8").startswith("Two strong earthquakes")
    assert (out / "herat-2023" / MARKER).exists()
    assert not (out / ".homs-2023.partial-99999").exists()


def test_changed_event_or_formats_rebuild(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, HERAT)
    out = tmp_path / "out"
    build_events(events_path, out, formats=["md"], builder=fake_builder)
    edited = {**HERAT, "articles": [*HERAT["articles"], {"url": None, "text": "Aid agencies sent tents to Herat."}]}
    _write_events(events_path, HOMS, edited)
    assert build_events(events_path, out, formats=["md"], builder=fake_builder)["built"] == ["herat-2023"]
    assert build_events(events_path, out, formats=["md", "html"], builder=fake_builder)["built"] == ["homs-2023", "herat-2023"]


def test_failing_events_do_not_stop_the_rest(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", EMPTY, HOMS, HERAT)
    out = tmp_path / "out"
    result = build_events(events_path, out, formats=["md"], builder=exploding_builder)
    assert result["built"] == ["homs-2023"]
    assert result["skipped"] == []
    assert result["failed"] == [
        {"id": "empty-event", "error": f"{events_path}:1: event 'empty-event' has no article with text"},
        {"id": "herat-2023", "error": "RuntimeError: stage crashed on this event"},
    ]
    # failed events leave no folder, so the next run tries them again
    assert sorted(p.name for p in out.iterdir()) == ["homs-2023"]
    retry = build_events(events_path, out, formats=["md"], builder=fake_builder)
    assert retry["built"] == ["herat-2023"]
    assert retry["skipped"] == ["homs-2023"]
    assert [f["id"] for f in retry["failed"]] == ["empty-event"]


def test_two_processes_build_every_event(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, EMPTY, HERAT)
    out = tmp_path / "out"
    result = build_events(events_path, out, jobs=2, formats=["md"], builder=exploding_builder)
    assert result["built"] == ["homs-2023"]
    assert [f["id"] for f in result["failed"]] == ["empty-event", "herat-2023"]
    assert result["failed"][1]["error"] == "RuntimeError: stage crashed on this event"
    assert (out / "homs-2023" / MARKER).exists()


def test_malformed_line_names_file_and_line_and_builds_nothing(tmp_path: Path) -> None:
    events_path = tmp_path / "events.jsonl"
    events_path.write_text(json.dumps(HOMS) + "\n\n" + '{"id": "broken", "articles": [\n', encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(EventsFileError) as info:
        build_events(events_path, out, builder=fake_builder)
    assert str(info.value) == f"{events_path}:3: not valid JSON (Expecting value at column 31)"
    assert info.value.line == 3
    assert not (out / "homs-2023").exists()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('["a list"]', 'each line must be a JSON object with "id" and "articles"'),
        ('{"articles": []}', 'the event has no string "id"'),
        ('{"id": " ", "articles": []}', 'the event\'s "id" is blank (give every event a name of its own)'),
        ('{"id": "x", "articles": "text"}', "event 'x': \"articles\" must be a list of objects with \"text\""),
    ],
)
def test_malformed_event_shapes(tmp_path: Path, line: str, problem: str) -> None:
    events_path = tmp_path / "events.jsonl"
    events_path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EventsFileError) as info:
        read_events(events_path)
    assert str(info.value) == f"{events_path}:1: {problem}"


def test_path_traversal_id_is_rejected(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, {**HERAT, "id": "../../escaped"})
    out = tmp_path / "out"
    with pytest.raises(EventsFileError) as info:
        build_events(events_path, out, builder=fake_builder)
    assert str(info.value) == f"{events_path}:2: the id '../../escaped' contains a path separator; ids must be plain folder names"
    assert not (tmp_path / "escaped").exists()
    assert not (out / "homs-2023").exists()


def test_ids_are_sanitised_and_must_not_collide(tmp_path: Path) -> None:
    assert batch.safe_folder_name("Key Bridge: collapse 2024") == "Key-Bridge-collapse-2024"
    with pytest.raises(ValueError, match="starts with a dot"):
        batch.safe_folder_name("..")
    events_path = _write_events(tmp_path / "events.jsonl", {**HOMS, "id": "a b"}, {**HERAT, "id": "a:b"})
    with pytest.raises(EventsFileError, match=r":2: event id 'a:b' repeats the folder of line 1"):
        read_events(events_path)


def test_missing_events_file(tmp_path: Path) -> None:
    with pytest.raises(EventsFileError, match="no such events file"):
        build_events(tmp_path / "nope.jsonl", tmp_path / "out", builder=fake_builder)


def test_progress_bar_names_events(tmp_path: Path) -> None:
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, HERAT)
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=False, width=100)
    build_events(events_path, tmp_path / "out", formats=["md"], progress=console, builder=fake_builder)
    drawn = sink.getvalue()
    assert "herat-2023" in drawn
    assert "2/2" in drawn


def test_real_pipeline_builds_event_folders(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    events_path = _write_events(tmp_path / "events.jsonl", HOMS, EMPTY)
    out = tmp_path / "out"
    result = build_events(events_path, out, formats=["json", "md"])
    assert result["built"] == ["homs-2023"]
    assert [f["id"] for f in result["failed"]] == ["empty-event"]
    record = json.loads((out / "homs-2023" / "event.json").read_text(encoding="utf-8"))
    assert len(record["sources"]) == 3
    assert record["facts"]["date"]["value"] == "2023-10-05"
    assert (out / "homs-2023" / "article.md").exists()
    assert sorted(p.name for p in out.iterdir()) == ["homs-2023"]


def _skipping_builder(docs, folder, formats, model) -> None:  # type: ignore[no-untyped-def]
    from wikiwire.errors import NoUsableReportError
    from wikiwire.records import Skipped

    skipped = tuple(Skipped(input=d.input, reason=f"no news text left after cleaning ({i})") for i, d in enumerate(docs))
    raise NoUsableReportError("the documents given", "no usable news report found: every input was skipped", skipped=skipped)


def test_event_with_nothing_usable_says_why(tmp_path: Path) -> None:
    furniture = {"id": "furniture-only", "articles": [{"text": f"Share this story. Subscribe ({i})."} for i in range(5)]}
    events_path = _write_events(tmp_path / "events.jsonl", furniture)
    result = build_events(events_path, tmp_path / "out", formats=["md"], builder=_skipping_builder)
    (failure,) = result["failed"]
    assert failure["error"] == (
        "the documents given: no usable news report found: every input was skipped ("
        f"{events_path}:1#1: no news text left after cleaning (0); "
        f"{events_path}:1#2: no news text left after cleaning (1); "
        f"{events_path}:1#3: no news text left after cleaning (2); and 2 more)"
    )


def test_shards_split_the_events_and_share_one_folder(tmp_path: Path) -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    many = [{**HOMS, "id": f"event-{i:03d}"} for i in range(12)]
    events_path = _write_events(tmp_path / "events.jsonl", *many)
    out = tmp_path / "out"
    built: list[str] = []
    for k in (1, 2, 3):
        result = build_events(events_path, out, formats=["md"], builder=fake_builder, shard=(k, 3))
        assert result["skipped"] == [] and result["failed"] == []
        assert result["other_shards"] == 12 - len(result["built"])
        built += result["built"]
    # Every event is built by exactly one shard.
    assert sorted(built) == [e["id"] for e in many]
    # A later run of any shard finds its events built.
    assert build_events(events_path, out, formats=["md"], builder=fake_builder, shard=(2, 3))["built"] == []

    @given(st.text(min_size=1, max_size=20), st.integers(min_value=1, max_value=9))
    def one_shard_each(event_id: str, n: int) -> None:
        assert sum(batch.in_shard(event_id, k, n) for k in range(1, n + 1)) == 1

    one_shard_each()
    with pytest.raises(ValueError, match="k must be between 1 and n"):
        batch.in_shard("x", 0, 3)


def test_a_shard_is_decided_by_the_id_not_the_line(tmp_path: Path) -> None:
    ids = [f"event-{i:03d}" for i in range(20)]
    first = {i for i in ids if batch.in_shard(i, 1, 4)}
    # Reordering or adding events keeps every event in its shard.
    more = [*reversed(ids), "event-new"]
    assert {i for i in more if batch.in_shard(i, 1, 4)} - {"event-new"} == first
