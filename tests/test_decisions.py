"""Editor decisions: applied to builds (a pure function), and kept through update and build --force."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wikiwire import decisions, pipeline
from wikiwire.cli import app as cli_app
from wikiwire.errors import DecisionError
from wikiwire.records import Build
from wikiwire.render.view import sentences_in_order
from wikiwire.store import Store

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "homs-2023"
LATE_REPORT = (
    "date 2023-10-09\nFunerals held in Homs for cadets killed in academy drone strike\n\n"
    "Families in Homs buried more of the cadets killed in Thursday's drone attack on the graduation ceremony "
    "at the Homs Military Academy, residents said on Monday. Syria's health ministry said 89 people had been "
    "killed and that dozens of the wounded were still being treated in hospitals in Homs.\n"
)


@dataclass(frozen=True)
class D:
    """A decision as the store hands it over."""

    id: int
    kind: str
    target: str
    value: Any
    note: str | None = None
    created_at: str = "2026-12-04T10:00:00Z"
    undone_at: str | None = None


@pytest.fixture(scope="module")
def homs(nlp: Any) -> Build:
    return pipeline.run([str(EXAMPLE)], nlp=nlp)


def texts(build: Build) -> list[str]:
    return [s.text for s in sentences_in_order(build.article)]


def test_no_decision_leaves_the_build_as_it_is(homs: Build) -> None:
    applied = decisions.apply(homs, [])
    assert applied.build is homs and applied.records() == []
    undone = decisions.apply(homs, [D(1, "title", "title", {"title": "Other"}, undone_at="2026-12-04T11:00:00Z")])
    assert undone.build is homs and undone.records() == []


def test_choosing_a_claim_sets_the_fact_infobox_and_lead(homs: Build) -> None:
    claim = next(c for c in homs.facts.get("fatalities").claims if c.value == 123)
    applied = decisions.apply(homs, [D(3, "choose_claim", "fatalities", {"source": claim.source, "sentence": claim.sentence, "display": claim.display}, "SOHR counts names")])
    fact = applied.build.facts.get("fatalities")
    assert fact.value == {"low": 123, "high": 123, "best": 123}
    assert fact.display == "123" and fact.sources == (claim.source,)
    assert fact.rule == f"editor's decision 3: chose the claim 123 (the Syrian Observatory for Human Rights, {claim.source}) (SOHR counts names)"
    assert applied.build.article.infobox.params["fatalities"] == "123"
    assert any("123" in t for t in texts(applied.build)[:3])
    conflict = next(c for c in applied.build.facts.conflicts if c.fact == "fatalities")
    assert conflict.resolution.endswith("; overruled by the editor (decision 3)")
    assert applied.records()[0]["applied"] is True


def test_a_value_set_by_hand_is_typed_and_cited(homs: Build) -> None:
    applied = decisions.apply(homs, [
        D(1, "set_value", "injuries", {"display": "1,200 to 1,300", "source": "s3"}),
        D(2, "set_value", "date", {"display": "6 October 2023", "source": "s2"}),
        D(3, "set_value", "weapons", {"display": "explosive-laden drones", "source": "s1"}),
    ])
    facts = applied.build.facts
    assert facts.get("injuries").value == {"low": 1200, "high": 1300, "best": 1200}
    assert facts.get("date").value == "2023-10-06" and facts.get("date").sources == ("s2",)
    assert facts.get("weapons").value == "explosive-laden drones"
    assert applied.build.article.infobox.params["weapons"] == "explosive-laden drones"
    assert [r["applied"] for r in applied.records()] == [True, True, True]


def test_later_decisions_win_and_misfits_say_why(homs: Build) -> None:
    applied = decisions.apply(homs, [
        D(1, "set_value", "fatalities", {"display": "95", "source": "s2"}),
        D(2, "set_value", "fatalities", {"display": "97", "source": "s2"}),
        D(3, "choose_claim", "fatalities", {"source": "s9", "sentence": "s9.4", "display": "400"}),
        D(4, "set_value", "fatalities", {"display": "100", "source": "s77"}),
        D(5, "drop_sentence", "A sentence no report ever held.", {}),
        D(6, "paint", "infobox", {}),
    ])
    assert applied.build.facts.get("fatalities").display == "97"
    reasons = {r["id"]: r["reason"] for r in applied.records()}
    assert reasons == {
        1: None, 2: None,
        3: "the chosen claim (s9, sentence s9.4) is no longer among the claims",
        4: "the cited source 's77' is no longer in the event",
        5: "the sentence is no longer in the article",
        6: "unknown decision kind 'paint'",
    }


def test_dropping_a_sentence_and_retitling(homs: Build) -> None:
    body = texts(homs)[-1]
    dropped = decisions.apply(homs, [D(1, "drop_sentence", body, {})])
    assert texts(dropped.build) == [t for t in texts(homs) if t != body]
    assert dropped.build.facts == homs.facts  # nothing recomposed for a drop
    retitled = decisions.apply(homs, [D(2, "title", "title", {"title": "Homs Military Academy attack"})])
    assert retitled.build.title == retitled.build.article.title == "Homs Military Academy attack"
    assert retitled.build.article.infobox.params["title"] == "Homs Military Academy attack"
    assert "Homs Military Academy attack" in texts(retitled.build)[0]


@pytest.mark.parametrize(("kind", "target", "value", "message"), [
    ("set_value", "fatalities", {"display": "many", "source": "s1"}, "set_value: 'many' is not a figure or range such as 123 or 100–123"),
    ("set_value", "fatalities", {"display": "10", "source": "s8"}, "set_value: cite one of the event's sources for a value set by hand"),
    ("set_value", "fatalities", {"display": "x" * 201, "source": "s1"}, "set_value: the value must be 1 to 200 characters"),
    ("choose_claim", "fatalities", {"source": "s1"}, "choose_claim: name the claim by its source and sentence"),
    ("choose_claim", "weather", {"source": "s1", "sentence": "s1.1"}, "choose_claim: 'weather' is not a fact; choose from date, time, timezone, location, type, magnitude, target, weapons, perpetrators, part_of, fatalities, injuries"),
    ("drop_sentence", "   ", {}, "drop_sentence: name the sentence to drop by its text (at most 2000 characters)"),
    ("drop_sentence", "word " * 500, {}, "drop_sentence: name the sentence to drop by its text (at most 2000 characters)"),
    ("rename", "x", {}, "rename: unknown decision kind; choose from choose_claim, set_value, drop_sentence, title"),
])
def test_check_refuses_decisions_that_cannot_apply(kind: str, target: str, value: Any, message: str) -> None:
    with pytest.raises(DecisionError) as caught:
        decisions.check(kind, target, value, None, ["s1", "s2"])
    assert str(caught.value) == message


def test_check_refuses_long_notes() -> None:
    with pytest.raises(DecisionError, match="the note is 501 characters; keep it under 500"):
        decisions.check("title", "title", {"title": "T"}, "n" * 501, ["s1"])


@settings(max_examples=60, deadline=None)
@given(low=st.integers(0, 100_000), extra=st.integers(0, 5_000), dash=st.sampled_from(["-", "–", "—", " to "]))
def test_hand_typed_tolls_read_back_as_ranges(low: int, extra: int, dash: str) -> None:
    assert decisions._typed_value("fatalities", f"{low:,}{dash}{low + extra:,}") == {"low": low, "high": low + extra, "best": low}
    assert decisions._typed_value("injuries", str(low)) == {"low": low, "high": low, "best": low}


# ---------------------------------------------------------------------------------------------
# decisions survive update and build --force (through the CLI, as an editor would run them)


def test_a_decision_survives_update_and_build_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli_app, ["build", str(EXAMPLE), "-o", str(out), "-q"]).exit_code == 0
    with Store.open(out) as store:
        store.add_decision("set_value", "fatalities", {"display": "100", "source": "s2"}, "confirmed with the ministry")
        drop = store.add_decision("title", "title", {"title": "Homs Military Academy drone strike"}, None)

    def record() -> dict[str, Any]:
        return json.loads((out / "event.json").read_text(encoding="utf-8"))

    late = tmp_path / "late.txt"
    late.write_text(LATE_REPORT, encoding="utf-8")
    updated = runner.invoke(cli_app, ["update", str(out), str(late)])
    assert updated.exit_code == 0, updated.output
    assert "editor's decision 1 kept: fatalities set by hand to 100, citing s2 (confirmed with the ministry)\n" in updated.stdout
    assert "editor's decision 2 kept: title set to Homs Military Academy drone strike\n" in updated.stdout
    rec = record()
    assert len(rec["sources"]) == 6
    assert rec["infobox"]["fatalities"] == "100" and rec["title"] == "Homs Military Academy drone strike"
    assert [(d["id"], d["applied"]) for d in rec["decisions"]] == [(1, True), (2, True)]
    assert "fatalities = 100" in (out / "article.wiki").read_text(encoding="utf-8")

    rebuilt = runner.invoke(cli_app, ["build", str(EXAMPLE), "-o", str(out), "-q"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert record()["infobox"]["fatalities"] == "100"
    assert record()["decisions"][0]["note"] == "confirmed with the ministry"

    with Store.open(out) as store:
        store.undo_decision(1)
        store.undo_decision(drop.id)
    runner.invoke(cli_app, ["build", str(EXAMPLE), "-o", str(out), "-q"])
    assert record()["infobox"]["fatalities"] != "100"
    assert record()["decisions"] == []


def test_summary_lines_name_each_decision_and_what_became_of_it(homs: Build, tmp_path: Path) -> None:
    from wikiwire.render.record import event_record

    applied = decisions.apply(homs, [
        D(4, "drop_sentence", "A sentence no report ever held.", {}, "repetitive"),
        D(5, "set_value", "weapons", {"display": "kamikaze drones", "source": "s2"}),
    ])
    (tmp_path / "event.json").write_text(json.dumps(event_record(applied.build, decisions=applied.records())), encoding="utf-8")
    assert decisions.summary_lines(tmp_path) == [
        "editor's decision 4 no longer applies: sentence dropped: “A sentence no report ever held.” (repetitive)"
        " (the sentence is no longer in the article)",
        "editor's decision 5 kept: weapons set by hand to kamikaze drones, citing s2",
    ]
    assert decisions.summary_lines(tmp_path / "nowhere") == []
