"""Earthquake magnitudes: reading them, attributing them, keeping them for earthquakes only,
and showing them (with the zone inside the time) in {{Infobox earthquake}}."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.analyse import analyse
from wikiwire.compose import infobox
from wikiwire.facts.magnitude import extract, find_magnitudes
from wikiwire.reconcile import reconcile
from wikiwire.records import AnalysedSource, Claim, Source
from wikiwire.taxonomy import kind_for

REPORT_DAY = dt.date(2023, 10, 8)


def _analyse(nlp, text: str) -> AnalysedSource:  # type: ignore[no-untyped-def]
    return analyse([Source(id="s1", input="test", text=text, published=REPORT_DAY)], nlp)[0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("A magnitude 6.3 earthquake shook the valley before dawn.", ["6.3"]),
        ("The 6.2-magnitude quake flattened two villages.", ["6.2"]),
        ("The tremor measured 5.8 on the Richter scale.", ["5.8"]),
        ("Seismologists logged an M6.4 event near the border.", ["6.4"]),
        ("It was a quake of magnitude 7, the agency said.", ["7.0"]),
        ("The quake, measuring 6.1, was felt in three provinces.", ["6.1"]),
        ("The agency revised it to magnitude 6.25 after review.", ["6.25"]),
        # Not magnitudes: another number after the word, a road, a figure over any quake's.
        ("Crews drove along the M5 for 6.3 miles.", []),
        ("The magnitude of the damage is 12.5 times last year's.", []),
        ("Engineers measured 6.3 metres of subsidence.", []),
    ],
)
def test_find_magnitudes(text: str, values: list[str]) -> None:
    assert [m.value for m in find_magnitudes(text)] == values


def test_claims_keep_their_agency_and_aftershocks_weigh_little(nlp) -> None:  # type: ignore[no-untyped-def]
    source = _analyse(
        nlp,
        "A magnitude 6.3 earthquake struck the western province on Saturday, the U.S. Geological Survey said.\n"
        "It was followed by an aftershock of magnitude 5.4 an hour later.\n"
        "In June 2022, a magnitude 5.9 quake killed hundreds in the east of the country.",
    )
    claims = extract(source)
    main = [c for c in claims if c.value == "6.3"]
    assert [(c.value, c.attributed_to) for c in main] == [("6.3", "the U.S. Geological Survey")]
    weights = {c.value: c.weight for c in claims}
    assert weights.get("5.4", 0.0) < main[0].weight / 3
    assert weights.get("5.9", 0.0) < main[0].weight / 3


def _claim(fact: str, value: str, source: str, body: str | None = None) -> Claim:
    return Claim(fact=fact, value=value, display=value, source=source, sentence=f"{source}.0", quote=f"{value} stated", attributed_to=body)  # type: ignore[arg-type]


def test_agencies_disagreeing_is_a_conflict_and_only_quakes_keep_a_magnitude() -> None:
    quake = [
        _claim("type", "earthquake", "s1"), _claim("type", "earthquake", "s2"), _claim("type", "earthquake", "s3"),
        _claim("magnitude", "6.3", "s1", "the USGS"), _claim("magnitude", "6.3", "s2"), _claim("magnitude", "6.2", "s3", "a national agency"),
    ]
    facts = reconcile(quake, [])
    assert facts.get("magnitude").display == "6.3"
    (conflict,) = [c for c in facts.conflicts if c.fact == "magnitude"]
    assert {(c.value, c.attributed_to) for c in conflict.claims} == {("6.3", "the USGS"), ("6.3", None), ("6.2", "a national agency")}

    blast = [_claim("type", "explosion", "s1"), _claim("magnitude", "6.3", "s1")]
    assert reconcile(blast, []).get("magnitude").display == ""


def test_earthquake_infobox_shows_magnitude_the_zone_inside_the_time_and_the_fault() -> None:
    claims = [
        _claim("type", "earthquake", "s1"), _claim("magnitude", "6.3", "s1"),
        _claim("time", "11:00", "s1"), _claim("timezone", "UTC+04:30", "s1"),
    ]
    facts = reconcile(claims, [])
    box = infobox(facts, kind_for("earthquake"), "2023 Example earthquake")
    assert box.template == "Infobox earthquake"
    assert box.params["magnitude"] == "6.3"
    assert box.params["local-time"] == "11:00 (UTC+04:30)"
    # "type" in this template is the fault mechanism: left out when no report gives one.
    assert list(box.params) == ["name", "local-time", "magnitude"]
    faulted = reconcile([*claims, Claim(fact="type", value="Thrust", display="Thrust", source="s2", sentence="s2.0",
                                        quote="thrust faulting", scope="fault")], [])
    assert infobox(faulted, kind_for("earthquake"), "2023 Example earthquake").params["type"] == "Thrust"


def test_the_lead_states_an_agreed_magnitude_and_leaves_a_disputed_one_to_the_body() -> None:
    from wikiwire.compose.lead import compose_lead

    base = [
        _claim("type", "earthquake", "s1"), _claim("type", "earthquake", "s2"),
        Claim(fact="date", value="2023-10-07", display="7 October 2023", source="s1", sentence="s1.0", quote="7 October 2023"),
    ]
    agreed = reconcile([*base, _claim("magnitude", "6.3", "s1"), _claim("magnitude", "6.3", "s2")], [])
    first = compose_lead(agreed, kind_for("earthquake"), "2023 Example earthquake")[0]
    assert first.text == "The 2023 Example earthquake was a magnitude 6.3 earthquake on 7 October 2023."
    assert first.sources == ("s1", "s2")

    disputed = reconcile([*base, _claim("magnitude", "6.3", "s1"), _claim("magnitude", "6.1", "s2")], [])
    first = compose_lead(disputed, kind_for("earthquake"), "2023 Example earthquake")[0]
    assert first.text == "The 2023 Example earthquake was an earthquake on 7 October 2023."



def test_earthquake_infobox_gives_no_epicentre_coordinates() -> None:
    place = {"venue": None, "city": "Herat", "region": "Herat Province", "country": "Afghanistan", "lat": 34.35, "lon": 62.2}
    claims = [
        _claim("type", "earthquake", "s1"),
        Claim(fact="location", value=place, display="Herat, Afghanistan", source="s1", sentence="s1.0", quote="Herat"),
    ]
    box = infobox(reconcile(claims, []), kind_for("earthquake"), "2023 Herat earthquake")
    # The city's position is not the epicentre: "location" (the epicentre) stays out.
    assert "location" not in box.params
    assert box.params["affected"].startswith("Herat")
