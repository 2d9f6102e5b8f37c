"""``wikiwire replay``: an event's reports fed day by day, one revision per day (issue 12)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from wikiwire import pipeline, revisions
from wikiwire.cli import app
from wikiwire.records import Document
from wikiwire.store import Store

DAYS = Path(__file__).resolve().parent / "fixtures" / "update"
runner = CliRunner()


def _events_file(tmp_path: Path) -> Path:
    """The fixture event as an events file, its reports listed newest first and one undated."""
    articles = []
    for path in sorted(DAYS.glob("day*/*.txt"), reverse=True):
        text = path.read_text()
        if path.name.startswith("02-"):
            text = text.split("\n", 1)[1]  # no date line: joins the first day
        articles.append({"url": f"https://news.example/{path.stem}", "text": text})
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"id": "van-quake", "articles": articles}) + "\n" + json.dumps({"id": "other", "articles": []}) + "\n")
    return events


def test_days_of_groups_by_publication_day() -> None:
    def doc(name: str, day: dt.date | None) -> Document:
        return Document(input=name, text="x", published=day)

    d1, d2 = dt.date(2025, 3, 3), dt.date(2025, 3, 4)
    groups = revisions.days_of([doc("b", d2), doc("u", None), doc("a", d1), doc("c", d2)])
    assert [(day, [d.input for d in docs]) for day, docs in groups] == [(d1, ["u", "a"]), (d2, ["b", "c"])]
    assert revisions.days_of([doc("u", None)])[0][0] is None


def test_replay_makes_one_revision_per_day_and_ends_at_the_one_shot_facts(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events_file(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["replay", str(events), "--id", "van-quake", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2025-03-03: revision 1: Created from 2 reports")
    assert [line.split(":")[0] for line in lines if line.startswith("2025-")] == ["2025-03-03", "2025-03-04", "2025-03-05"]
    with Store.open(out) as store:
        assert store.latest() == 3
        final = store.revision(3).build
    from wikiwire.events import article_documents, iter_events

    entry = next(e for e in iter_events(events) if e.id == "van-quake")
    docs = article_documents(entry.articles, f"{events}:{entry.line}")
    ordered = [d for _, group in revisions.days_of(docs) for d in group]
    one_shot = pipeline.run(documents=ordered, nlp=nlp)
    assert final.facts == one_shot.facts
    assert final.article == one_shot.article


@pytest.mark.parametrize(
    ("event_id", "message"),
    [("nope", "no event with id 'nope'"), ("other", "event 'other' has no article with text")],
)
def test_replay_errors(tmp_path: Path, event_id: str, message: str) -> None:
    events = _events_file(tmp_path)
    result = runner.invoke(app, ["replay", str(events), "--id", event_id, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert message in result.output


def test_replay_refuses_a_folder_with_history(tmp_path: Path) -> None:
    events = _events_file(tmp_path)
    out = tmp_path / "out"
    Store.open(out, create=True).close()
    result = runner.invoke(app, ["replay", str(events), "--id", "van-quake", "-o", str(out)])
    assert result.exit_code == 2
    assert result.output == f"error: {out / 'wikiwire.db'}: already holds a revision history; replay into a new folder\n"


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus/dev.jsonl")
def test_every_dev_event_replays_to_its_one_shot_build(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from wikiwire.events import article_documents, iter_events

    for entry in iter_events(CORPUS):
        out = tmp_path / entry.id
        outcomes = revisions.replay(CORPUS, entry.id, out)
        docs = article_documents(entry.articles, f"{CORPUS}:{entry.line}")
        days = revisions.days_of(docs)
        ordered = [d for _, group in days for d in group]
        one_shot = pipeline.run(documents=ordered, nlp=nlp)
        with Store.open(out) as store:
            assert store.latest() == sum(1 for o in outcomes if o.revision is not None) <= len(days)
            final = store.revision(store.latest()).build
        assert final.facts == one_shot.facts, entry.id
        assert final.article == one_shot.article, entry.id


_days = st.one_of(st.none(), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2020, 1, 10)))


@given(st.lists(_days, max_size=12))
def test_days_of_keeps_every_report_once_in_day_order(published: list[dt.date | None]) -> None:
    docs = [Document(input=f"r{i}", text="x", published=day) for i, day in enumerate(published)]
    groups = revisions.days_of(docs)
    flat = [d.input for _, group in groups for d in group]
    assert sorted(flat) == sorted(d.input for d in docs)
    days = [day for day, _ in groups]
    if any(published):
        assert days == sorted({d for d in published if d})
        for day, group in groups:
            assert all(d.published in (day, None) for d in group)
            assert all(d.published is not None for d in group) or day == days[0]
    else:
        assert days == [None]
