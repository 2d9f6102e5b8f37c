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
