"""A date resting only on "on Thursday" in one report whose header date nothing backs is
flagged in every output: {{dubious}} in the wikitext infobox, "(unconfirmed: ...)" in the
Markdown and HTML infoboxes, "reportedly" in the lead, ``confidence: low`` in event.json.
A build whose date is corroborated by a second dated report shows none of it.

The two reports below are written for this test (a car bombing in Mosul; the names are
real places, the event and its figures are made up).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import mwparserfromhell
import pytest

from render_fixture import homs_build
from wikiwire import pipeline
from wikiwire.compose import uncertainty
from wikiwire.facts.dates import UNCORROBORATED_RULE
from wikiwire.records import Build, Fact
from wikiwire.render import record, render
from wikiwire.render.wikitext import SOURCE_DATE_ENV, parse_infobox, tag_month

# Tuesday 19 March 2024: "on Thursday" counted from it is 14 March.
DATED_REPORT = """\
 date 2024-03-19
A car bomb tore through the crowded central market in Mosul on Thursday, killing 23 people and wounding 41 others, the provincial health directorate said.
The explosion struck at midday as shoppers gathered to buy food before the holiday.
No group has claimed responsibility for the bombing.
Funerals for several of the victims were held across the city as relatives waited for news of the wounded.
"""
UNDATED_REPORT = """\
At least 20 people died when a car bomb exploded in a busy market in Mosul, Iraq.
Witnesses said the blast set several stalls on fire and shattered windows along the street.
Security forces sealed off the area after the explosion, police said.
"""
# A second header date a day after the bombing backs the first report's anchor.
CORROBORATING_DATE_LINE = " date 2024-03-15\n"

REASON = 'date from "Thursday" in one report dated 19 March 2024, not confirmed by another report'
# 20 March 2024, 12:00 UTC: the month the {{dubious}} tag is dated.
EPOCH = str(int(dt.datetime(2024, 3, 20, 12, tzinfo=dt.UTC).timestamp()))


def _build(folder: Path, nlp: Any, *, corroborated: bool) -> Build:
    folder.mkdir()
    (folder / "a.txt").write_text(DATED_REPORT, encoding="utf-8")
    undated = (CORROBORATING_DATE_LINE if corroborated else "") + UNDATED_REPORT
    (folder / "b.txt").write_text(undated, encoding="utf-8")
    return pipeline.run([str(folder / "a.txt"), str(folder / "b.txt")], nlp=nlp)


@pytest.fixture(scope="module")
def weak(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _build(tmp_path_factory.mktemp("weak") / "reports", nlp, corroborated=False)


@pytest.fixture(scope="module")
def backed(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _build(tmp_path_factory.mktemp("backed") / "reports", nlp, corroborated=True)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SOURCE_DATE_ENV, EPOCH)


# ---------------------------------------------------------------------------------------------
# the weakly dated build


def test_date_rests_on_the_uncorroborated_weekday(weak: Build) -> None:
    date = weak.facts.get("date")
    assert (date.value, date.display, date.rule) == ("2024-03-14", "14 March 2024", UNCORROBORATED_RULE)
    found = uncertainty.doubt(date)
    assert found is not None
    assert (found.fact, found.confidence, found.reason) == ("date", "low", REASON)
    assert list(uncertainty.doubts(weak.facts)) == ["date"]


def test_wikitext_tags_the_infobox_date_as_dubious(weak: Build) -> None:
    wiki = render(weak, "wiki")
    assert (
        "\n| date = 14 March 2024{{dubious|reason=date from \"Thursday\" in one report dated "
        "19 March 2024, not confirmed by another report|date=March 2024}}\n"
    ) in wiki
    tags = [t for t in mwparserfromhell.parse(wiki).filter_templates(recursive=True) if t.name.strip() == "dubious"]
    assert len(tags) == 1
    assert {str(p.name): str(p.value) for p in tags[0].params} == {"reason": REASON, "date": "March 2024"}


def test_tagged_wikitext_round_trips_to_the_infobox(weak: Build) -> None:
    parsed = parse_infobox(render(weak, "wiki"))
    assert parsed["date"] == "14 March 2024"
    assert parsed == weak.article.infobox.params == record.event_record(weak)["infobox"]


def test_markdown_infobox_notes_the_date(weak: Build) -> None:
    assert f"\n| Date | 14 March 2024 (unconfirmed: {REASON}) |\n" in render(weak, "md")


def test_html_infobox_notes_the_date(weak: Build) -> None:
    reason = REASON.replace('"', "&quot;")
    assert (
        '<tr><th scope="row">Date</th><td>14 March 2024 '
        f'<span class="muted">(unconfirmed: {reason})</span></td></tr>'
    ) in render(weak, "html")


def test_lead_hedges_the_date(weak: Build) -> None:
    assert weak.article.lead[0].text == (
        "The 2024 Mosul bombing was a car bombing in Mosul, Iraq, reportedly on 14 March 2024."
    )


def test_event_record_flags_only_the_date(weak: Build) -> None:
    facts = record.event_record(weak)["facts"]
    assert facts["date"]["confidence"] == "low"
    assert facts["date"]["confidence_reason"] == REASON
    assert facts["date"]["rule"] == UNCORROBORATED_RULE
    flagged = [name for name, entry in facts.items() if "confidence" in entry or "confidence_reason" in entry]
    assert flagged == ["date"]


# ---------------------------------------------------------------------------------------------
# the corroborated build


def test_corroborated_build_has_no_flags(backed: Build) -> None:
    date = backed.facts.get("date")
    assert date.display == "14 March 2024"
    assert date.rule != UNCORROBORATED_RULE
    assert uncertainty.doubts(backed.facts) == {}
    wiki, md, page = render(backed, "wiki"), render(backed, "md"), render(backed, "html")
    assert "\n| date = 14 March 2024\n" in wiki
    assert "dubious" not in wiki
    assert "\n| Date | 14 March 2024 |\n" in md
    assert "unconfirmed" not in md and "unconfirmed" not in page
    assert '<tr><th scope="row">Date</th><td>14 March 2024</td></tr>' in page
    assert backed.article.lead[0].text == "The 2024 Mosul bombing was a car bombing in Mosul, Iraq, on 14 March 2024."
    facts = record.event_record(backed)["facts"]
    assert all("confidence" not in entry and "confidence_reason" not in entry for entry in facts.values())


# ---------------------------------------------------------------------------------------------
# the decision and the wikitext details, on hand-built records (no spaCy)


def _with_date_rule(build: Build, rule: str) -> Build:
    date = build.facts.get("date").model_copy(update={"rule": rule})
    facts = build.facts.model_copy(update={"facts": {**build.facts.facts, "date": date}})
    return build.model_copy(update={"facts": facts})


def test_other_rules_and_empty_facts_raise_no_doubt() -> None:
    assert uncertainty.doubt(Fact(name="date", rule=UNCORROBORATED_RULE)) is None
    assert uncertainty.doubt(Fact(name="date", value="2023-10-05", display="5 October 2023", rule="single value")) is None
    assert uncertainty.doubts(homs_build().facts) == {}


def test_reason_names_the_words_as_written_and_the_report_date() -> None:
    build = _with_date_rule(homs_build(), UNCORROBORATED_RULE)
    found = uncertainty.infobox_doubts(build)
    assert list(found) == ["date"]
    assert found["date"].reason == (
        'date from "Thursday afternoon" in one report dated 5 October 2023, not confirmed by another report'
    )


def test_reason_counts_several_reports() -> None:
    build = homs_build()
    claim = build.facts.get("date").claims[0]
    later = claim.model_copy(update={"source": "s2", "sentence": "s2.0", "reported": dt.date(2023, 10, 6),
                                     "quote": "Drones struck the academy last Thursday."})
    fact = build.facts.get("date").model_copy(update={"claims": (claim, later), "rule": UNCORROBORATED_RULE})
    found = uncertainty.doubt(fact)
    assert found is not None
    assert found.reason == (
        'date from "Thursday afternoon" and "last Thursday" in 2 reports dated 5 October 2023 and '
        "6 October 2023, not confirmed by any other report"
    )


def test_a_new_rule_is_one_entry_and_its_reason_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = "told | {{x}} [[y]] <br> '' & \n* z"
    monkeypatch.setitem(uncertainty.REASONS, "test rule", lambda fact: hostile)
    build = _with_date_rule(homs_build(), "test rule")
    wiki = render(build, "wiki")
    code = mwparserfromhell.parse(wiki)
    assert [str(t.name).strip() for t in code.filter_templates(recursive=True)].count("dubious") == 1
    assert code.filter_wikilinks(recursive=True) == []
    assert parse_infobox(wiki) == build.article.infobox.params
    assert "&lt;br&gt;" in render(build, "html")
    assert record.event_record(build)["facts"]["date"]["confidence_reason"] == hostile


def test_tag_month_follows_the_fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    assert tag_month() == "March 2024"
    assert tag_month(dt.date(2025, 1, 31)) == "January 2025"
    monkeypatch.delenv(SOURCE_DATE_ENV)
    today = dt.datetime.now(dt.UTC).date()
    assert tag_month() in {tag_month(today), tag_month(today + dt.timedelta(days=1))}


def test_parse_infobox_leaves_maintenance_tags_out_of_values() -> None:
    text = "{{Infobox event\n| date = 1 May 2020{{Dubious|reason=one source|date=June 2020}}\n| location = Lyon{{citation needed}}\n}}"
    assert parse_infobox(text) == {"date": "1 May 2020", "location": "Lyon"}


# ---------------------------------------------------------------------------------------------
# article sentences whose dates come from the uncorroborated header

ARREST_LINE = "Police arrested two suspects in connection with the bombing on Saturday, officials said.\n"
ARREST_REASON = 'date from "Saturday" in one report dated 19 March 2024, not confirmed by another report'


def _arrest_build(folder: Path, nlp: Any, *, corroborated: bool) -> Build:
    folder.mkdir()
    (folder / "a.txt").write_text(DATED_REPORT + ARREST_LINE, encoding="utf-8")
    (folder / "b.txt").write_text((CORROBORATING_DATE_LINE if corroborated else "") + UNDATED_REPORT, encoding="utf-8")
    return pipeline.run([str(folder / "a.txt"), str(folder / "b.txt")], nlp=nlp)


def _arrest(build: Build) -> Any:
    found = [s for section in build.article.sections for s in section.sentences if "arrested" in s.text]
    assert len(found) == 1
    return found[0]


def test_body_sentence_dated_from_the_uncorroborated_header_is_flagged_everywhere(nlp: Any, tmp_path: Path) -> None:
    build = _arrest_build(tmp_path / "weak", nlp, corroborated=False)
    arrest = _arrest(build)
    assert arrest.text == "Police arrested two suspects in connection with the bombing on 16 March 2024, officials said."
    assert arrest.doubt == ARREST_REASON
    wiki = render(build, "wiki")
    line = next(x for x in wiki.splitlines() if "arrested" in x)
    assert line.endswith('{{dubious|reason=date from "Saturday" in one report dated 19 March 2024, not confirmed by another report|date=March 2024}}')
    assert f"(unconfirmed: {ARREST_REASON})" in render(build, "md")
    assert f'<span class="muted">(unconfirmed: {ARREST_REASON.replace(chr(34), "&quot;")})</span>' in render(build, "html")
    sentences = [s for section in record.event_record(build)["article"]["sections"] for s in section["sentences"]]
    flagged = [s for s in sentences if "confidence" in s]
    assert [(s["text"], s["confidence"], s["confidence_reason"]) for s in flagged] == [(arrest.text, "low", ARREST_REASON)]


def test_body_sentence_dated_from_a_corroborated_header_is_not(nlp: Any, tmp_path: Path) -> None:
    build = _arrest_build(tmp_path / "backed", nlp, corroborated=True)
    arrest = _arrest(build)
    assert (arrest.text, arrest.doubt) == ("Police arrested two suspects in connection with the bombing on 16 March 2024, officials said.", None)
    assert "dubious" not in render(build, "wiki")
