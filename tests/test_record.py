"""The event record (event.json): keys the evaluation reads, fact shapes, JSON round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from render_fixture import homs_build
from wikiwire.records import Build, Fact
from wikiwire.render import FILENAMES, write_outputs
from wikiwire.render.record import event_record
from wikiwire.render.wikitext import parse_infobox


@pytest.fixture(scope="module")
def rec() -> dict[str, Any]:
    return event_record(homs_build())


def _with_fact(name: str, **fields: Any) -> Build:
    build = homs_build()
    facts = dict(build.facts.facts)
    facts[name] = Fact.model_validate({"name": name, **fields})
    return build.model_copy(update={"facts": build.facts.model_copy(update={"facts": facts})})


def test_top_level_keys(rec: dict[str, Any]) -> None:
    assert set(rec) >= {"title", "infobox", "facts", "article", "sources", "skipped", "conflicts",
                        "verification", "kind", "generator"}
    assert rec["title"] == "2023 Homs drone strike"
    assert rec["kind"] == "drone strike"
    assert rec["generator"] == {"name": "wikiwire", "version": "0.1.0"}
    assert rec["infobox_template"] == "Infobox civilian attack"


def test_record_is_json_and_survives_a_round_trip(rec: dict[str, Any]) -> None:
    assert json.loads(json.dumps(rec, allow_nan=False)) == rec


def test_infobox_is_what_the_wikitext_holds(rec: dict[str, Any]) -> None:
    from wikiwire.render.wikitext import render

    build = homs_build()
    assert rec["infobox"] == build.article.infobox.params
    assert parse_infobox(render(build)) == rec["infobox"]


def test_every_fact_has_an_entry(rec: dict[str, Any]) -> None:
    assert list(rec["facts"]) == ["date", "time", "timezone", "location", "type", "magnitude", "target",
                                  "weapons", "perpetrators", "part_of", "fatalities", "injuries"]
    for entry in rec["facts"].values():
        assert {"value", "display", "sources", "rule", "claims"} <= set(entry)
    assert rec["facts"]["weapons"] == {"value": None, "display": "", "sources": [], "rule": None, "claims": []}


def test_scalar_facts(rec: dict[str, Any]) -> None:
    facts = rec["facts"]
    assert facts["date"]["value"] == "2023-10-05"
    assert facts["date"]["display"] == "5 October 2023"
    assert facts["date"]["sources"] == ["s1"]
    assert facts["date"]["claims"][0]["value"] == "2023-10-05"
    assert facts["date"]["claims"][0]["reported"] == "2023-10-05"
    assert facts["timezone"]["value"] == "UTC+03:00"
    assert facts["type"]["value"] == "drone strike"
    assert facts["part_of"]["value"] == "the Syrian civil war"


def test_part_of_day_is_not_a_clock_time(rec: dict[str, Any]) -> None:
    time = rec["facts"]["time"]
    assert time["value"] is None
    assert time["part_of_day"] == "afternoon"
    assert time["display"] == "Afternoon"


def test_location_keeps_all_parts_and_extras(rec: dict[str, Any]) -> None:
    assert rec["facts"]["location"]["value"] == {
        "venue": "Homs Military Academy", "city": "Homs", "region": "Homs Governorate",
        "country": "Syria", "lat": 34.73, "lon": 36.71, "tz": "Asia/Damascus", "coordinates_of": "city",
    }


def test_casualties_value_claims_and_breakdown(rec: dict[str, Any]) -> None:
    deaths = rec["facts"]["fatalities"]
    assert deaths["value"] == {"low": 89, "high": 123, "best": None}
    assert deaths["display"] == "89–123+"
    assert deaths["breakdown"] == {"women": 31, "children": 5}
    assert deaths["rule"] == "latest per attributed source"
    assert [(c["figure"], c["qualifier"], c["attributed_to"], c["source"], c["reported"]) for c in deaths["claims"]] == [
        (80, "exactly", "the Ministry of Health", "s1", "2023-10-05"),
        (100, "more than", "the Syrian Observatory for Human Rights", "s2", "2023-10-06"),
        (89, "exactly", "the Ministry of Health", "s2", "2023-10-06"),
        (123, "at least", "a monitoring group", "s3", "2023-10-28"),
    ]
    assert deaths["claims"][3]["quote"] == "A monitoring group said at least 123 people died in the strike on the academy."
    # A single figure becomes a range of one.
    assert rec["facts"]["injuries"]["value"] == {"low": 277, "high": 277, "best": 277}
    assert rec["facts"]["injuries"]["breakdown"] == {}


def test_perpetrators_are_a_list(rec: dict[str, Any]) -> None:
    assert rec["facts"]["perpetrators"]["value"] == ["Unknown"]
    assert rec["facts"]["perpetrators"]["claims"][0]["stance"] == "unknown"
    two = event_record(_with_fact("perpetrators", value="Hurras al-Din; Ansar al-Tawhid", display="x"))
    assert two["facts"]["perpetrators"]["value"] == ["Hurras al-Din", "Ansar al-Tawhid"]
    listed = event_record(_with_fact("perpetrators", value=["Movement for Justice and Equality"], display="x"))
    assert listed["facts"]["perpetrators"]["value"] == ["Movement for Justice and Equality"]
    nobody = event_record(_with_fact("perpetrators"))
    assert nobody["facts"]["perpetrators"]["value"] == []


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("date", {"start": "2023-10-07", "end": "2023-10-15"}, "2023-10-07"),
        ("date", "7 October 2023", None),
        ("time", "9:05", "09:05"),
        ("time", "2:30 pm", None),
        ("timezone", "UTC−04:00", "UTC-04:00"),
        ("timezone", "Eastern Time", None),
        ("fatalities", {"low": "12", "high": 18.0, "best": True}, {"low": 12, "high": 18, "best": None}),
        ("fatalities", None, {"low": None, "high": None, "best": None}),
        ("location", "Lewiston, Maine", {"venue": None, "city": None, "region": None, "country": None,
                                         "lat": None, "lon": None, "text": "Lewiston, Maine"}),
    ],
)
def test_values_are_normalised_to_one_shape(name: str, value: Any, expected: Any) -> None:
    rec = event_record(_with_fact(name, value=value, display="shown"))
    assert rec["facts"][name]["value"] == expected
    assert rec["facts"][name]["display"] == "shown"


def test_article_sentences_carry_their_sources(rec: dict[str, Any]) -> None:
    article = rec["article"]
    assert article["lead"][2] == {"text": "No group claimed responsibility for the attack.", "sources": ["s3"], "evidence": ["s3.1"]}
    assert [s["heading"] for s in article["sections"]] == ["Attack", "Casualties", "Aftermath"]
    assert article["sections"][1]["sentences"][0]["sources"] == ["s1", "s2"]
    assert article["sections"][0]["subsections"] == []


def test_sources_skipped_conflicts_verification(rec: dict[str, Any]) -> None:
    first = rec["sources"][0]
    assert {k: first[k] for k in ("id", "url", "outlet", "published", "input")} == {
        "id": "s1",
        "url": "https://www.reuters.com/world/middle-east/drone-attack-homs-academy-2023-10-05/",
        "outlet": "Reuters",
        "published": "2023-10-05",
        "input": "reports/01-wire.html",
    }
    assert first["duplicates"] == [{
        "input": "reports/02-copy.txt", "url": "https://www.example-daily.com/world/syria-drone",
        "outlet": "Example Daily", "title": None, "published": "2023-10-05", "similarity": 0.94,
    }]
    assert rec["sources"][2]["url"] is None
    assert rec["sources"][2]["anchor_date"] == "2023-10-28"
    assert rec["skipped"] == [{"input": "reports/photo.jpg", "reason": "binary file, not a text report"}]
    assert len(rec["conflicts"]) == 1
    assert rec["conflicts"][0]["fact"] == "fatalities"
    assert [c["figure"] for c in rec["conflicts"][0]["claims"]] == [80, 100, 89, 123]
    assert rec["conflicts"][0]["resolution"].startswith("Range from the health ministry")
    assert rec["verification"] == {
        "checked": 10, "passed": 8, "recited": 1,
        "dropped": [{"text": "The attack took place on Tuesday.", "reason": "date not in any cited source"}],
    }


def test_write_outputs_writes_all_four_files(tmp_path: Path) -> None:
    build = homs_build()
    written = write_outputs(build, tmp_path / "out")
    assert {p.name for p in written.values()} == set(FILENAMES.values())
    assert json.loads((tmp_path / "out" / "event.json").read_text(encoding="utf-8")) == event_record(build)
    wiki = (tmp_path / "out" / "article.wiki").read_text(encoding="utf-8")
    assert parse_infobox(wiki) == event_record(build)["infobox"]


def test_python_api_writes_every_format_by_default(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import wikiwire
    from conftest import EXAMPLE
    from wikiwire.render import FILENAMES, FORMATS

    record_ = wikiwire.build([str(EXAMPLE)], outdir=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILENAMES[f] for f in FORMATS)
    assert record_["title"] == "2023 Homs drone strike"
