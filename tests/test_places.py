"""The gazetteer and location claims (gazetteer, facts.places)."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire import gazetteer
from wikiwire.analyse import analyse
from wikiwire.facts import places
from wikiwire.records import Claim, Source


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.get()


def _claims(nlp, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2023, 10, 6))], nlp)
    return sorted(places.extract(source), key=lambda c: -c.weight)


def test_lookup_is_accent_and_case_insensitive(gaz: gazetteer.Gazetteer) -> None:
    for name in ("Herat", "herāt", "HERAT"):
        place = gaz.lookup(name)
        assert place is not None
        assert (place.name, place.kind, place.country, place.region, place.tz) == (
            "Herat", "city", "Afghanistan", "Herat Province", "Asia/Kabul"
        )
    assert gaz.lookup("As-Suwayda") == gaz.lookup("as suwayda") == gaz.lookup("Suwayda")


def test_regions_and_countries(gaz: gazetteer.Gazetteer) -> None:
    province = gaz.lookup("Herat province")
    assert province is not None and (province.name, province.kind, province.tz) == ("Herat Province", "region", "Asia/Kabul")
    maryland = gaz.lookup("Maryland")
    assert maryland is not None and (maryland.kind, maryland.country) == ("region", "United States")
    for name in ("the U.S.", "USA", "United States of America"):
        assert gazetteer.lookup(name) == gazetteer.lookup("United States")
    assert places.is_country("Syria") and places.is_country("Britain")
    assert not places.is_country("Homs") and not places.is_country("Maine")
    # One zone covers Syria; none covers the whole United States.
    syria, us = gaz.lookup("Syria"), gaz.lookup("United States")
    assert syria is not None and syria.tz == "Asia/Damascus"
    assert us is not None and us.tz is None
    assert gaz.lookup("northwest Syria") == syria


def test_ambiguous_names_follow_the_report_country(gaz: gazetteer.Gazetteer) -> None:
    lewiston = gaz.lookup("Lewiston", ("US",))
    assert lewiston is not None and lewiston.region == "Maine" and lewiston.tz == "America/New_York"
    lisbon_pt, lisbon_us = gaz.lookup("Lisbon"), gaz.lookup("Lisbon", ("US",))
    assert lisbon_pt is not None and lisbon_pt.country == "Portugal"
    assert lisbon_us is not None and lisbon_us.country == "United States"


def test_misspelled_city_is_found_fuzzily_in_context(gaz: gazetteer.Gazetteer) -> None:
    assert gaz.lookup("Sweda") is None
    found = gaz.fuzzy("Sweda", ("SY",))
    assert found is not None and (found.name, found.country) == ("As-Suwayda", "Syria")
    # Without a country to restrict to, only near-identical spellings are accepted.
    assert gaz.fuzzy("Sweda") is None
    assert gaz.fuzzy("Baltimor") is not None


def test_venue_city_and_country(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Drones struck a graduation ceremony at the military academy in Homs, Syria, on Thursday.")
    top = claims[0]
    assert top.value == {
        "venue": "Homs Military Academy",
        "city": "Homs",
        "region": "Homs Province",
        "country": "Syria",
        "lat": pytest.approx(34.72, abs=0.01),
        "lon": pytest.approx(36.73, abs=0.01),
        "tz": "Asia/Damascus",
    }
    assert top.display == "Homs Military Academy, Homs, Homs Province, Syria"


def test_retaliation_place_does_not_win(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone strike on a military academy in Homs killed at least 89 people.\n"
        "In response, government forces shelled Idlib, killing seven civilians.\n"
        "Meanwhile, rockets fell on villages near Aleppo."
    )
    claims = _claims(nlp, text)
    best = {c.value["city"]: c.weight for c in claims if isinstance(c.value, dict)}  # type: ignore[index]
    assert claims[0].value["city"] == "Homs"  # type: ignore[index]
    assert best["Homs"] > 2 * best.get("Idlib", 0.0)


def test_us_city_with_state_and_named_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A gunman opened fire at Schemengees Bar & Grille in Lewiston, Maine, killing 18 people on Wednesday."
    top = _claims(nlp, text)[0]
    assert top.value["city"] == "Lewiston"  # type: ignore[index]
    assert top.value["region"] == "Maine"  # type: ignore[index]
    assert top.value["country"] == "United States"  # type: ignore[index]
    assert top.value["tz"] == "America/New_York"  # type: ignore[index]
    assert top.value["venue"] == "Schemengees Bar & Grille"  # type: ignore[index]


def test_namesake_in_other_state_is_refitted(nlp) -> None:  # type: ignore[no-untyped-def]
    top = _claims(nlp, "A fire destroyed a warehouse in Lewiston, Idaho, killing two workers.")[0]
    assert (top.value["city"], top.value["region"]) == ("Lewiston", "Idaho")  # type: ignore[index]
    assert top.value["tz"] == "America/Los_Angeles"  # type: ignore[index]


def test_reference_point_gives_the_region(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Strong earthquakes struck western Afghanistan, 40 kilometres northwest of Herat, killing hundreds."
    values = [c.value for c in _claims(nlp, text)]
    assert {"city": None, "region": "Herat Province", "country": "Afghanistan"}.items() <= values[0].items()  # type: ignore[union-attr]


def test_misspelled_city_in_a_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protests were held in Syria on Friday.\nA car bomb exploded in Sweda, killing four people."
    cities = {c.value["city"] for c in _claims(nlp, text)}  # type: ignore[index]
    assert "As-Suwayda" in cities


def test_dateline_city_weighs_less(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "BEIRUT (Wire) - A drone strike on a military academy in Homs killed dozens, a monitor said."
    by_city = {c.value["city"]: c.weight for c in _claims(nlp, text)}  # type: ignore[index]
    assert by_city["Homs"] > 2 * by_city.get("Beirut", 0.0)


def _city_weights(claims: list[Claim]) -> dict[str, float]:
    out: dict[str, float] = {}
    for c in claims:
        city = c.value.get("city") if isinstance(c.value, dict) else None  # type: ignore[union-attr]
        if isinstance(city, str):
            out[city] = max(out.get(city, 0.0), c.weight)
    return out


def test_the_city_whose_hospitals_treat_the_wounded_is_not_the_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A suicide bomber struck a political rally in Mardan on Sunday, killing 40 people.\n"
        "Some of the wounded are still being treated at hospitals in Peshawar, the provincial capital."
    )
    weights = _city_weights(_claims(nlp, text))
    assert weights["Mardan"] > 3 * weights.get("Peshawar", 0.0)


def test_a_missile_that_hit_a_hospital_keeps_its_city(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A missile hit a children's hospital in Kharkiv on Monday, killing two nurses."
    assert "Kharkiv" in _city_weights(_claims(nlp, text))
    assert _claims(nlp, text)[0].value["city"] == "Kharkiv"  # type: ignore[index]


def test_a_photo_caption_places_the_photo_not_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    lede = "A suicide bomber struck a political rally in Mardan on Sunday, killing 40 people.\n"
    caption = "A paramedic carries an injured man to an ambulance following the blast, in Peshawar, Pakistan, July 30, 2023."
    prose = "A paramedic carried an injured man to an ambulance after the blast in Peshawar, Pakistan, on July 30, 2023."
    as_caption = _city_weights(_claims(nlp, lede + caption)).get("Peshawar", 0.0)
    as_prose = _city_weights(_claims(nlp, lede + prose)).get("Peshawar", 0.0)
    assert as_prose > 0 and as_caption < as_prose / 3


def test_who_held_a_gathering_is_no_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A bomb killed 20 people at the Awami Unity Front workers' convention in Mardan on Sunday."
    assert {c.value.get("venue") for c in _claims(nlp, text)} <= {None}  # type: ignore[union-attr]


def test_a_post_at_a_hospital_is_no_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb killed 20 people in Mardan on Sunday.\n"
        "Dr Ali, who serves as the Medical Superintendent of District Headquarters Hospital (DHQ) Mardan, "
        "said that 20 persons had died so far."
    )
    assert {c.value.get("venue") for c in _claims(nlp, text)} <= {None}  # type: ignore[union-attr]


def test_the_hospital_the_wounded_were_taken_to_is_no_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A bomb killed 20 people in Mardan on Sunday. The wounded were taken to the main hospital in Mardan."
    assert {c.value.get("venue") for c in _claims(nlp, text)} <= {None}  # type: ignore[union-attr]


def test_a_town_the_parser_took_for_a_person_is_placed_after_a_locative(nlp) -> None:  # type: ignore[no-untyped-def]
    # spaCy tags the town "Khar" as a PERSON; after "the outskirts of" in a report set in its
    # country it is the town.
    text = "A suicide bomber struck a rally on the outskirts of Khar in Pakistan's Bajaur district on Sunday."
    assert "Khar" in _city_weights(_claims(nlp, text))
    # A person after "in" who is no town of the report's country places nothing.
    other = "The bombing in Pakistan was a blow in Imran Qureshi's campaign, officials said."
    assert _city_weights(_claims(nlp, other)) == {}


def test_a_landmark_near_the_scene_is_not_the_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police said the explosion took place at a spot near Union Square in Springfield on Sunday.\n"
        "The blast hit Elm Avenue, a busy shopping street that leads to Union Square."
    )
    weights: dict[str, float] = {}
    for c in _claims(nlp, text):
        venue = c.value.get("venue")  # type: ignore[union-attr]
        if isinstance(venue, str):
            weights[venue] = weights.get(venue, 0.0) + c.weight
    assert weights["Elm Avenue"] > weights["Union Square"]
