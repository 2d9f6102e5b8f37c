"""Cities' regions and villages from the GeoNames admin table (gazetteer), and how the
location shows them (reconcile)."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire import gazetteer
from wikiwire.analyse import analyse
from wikiwire.facts import places
from wikiwire.reconcile import reconcile
from wikiwire.records import Source


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.get()


def _location(nlp, text: str) -> str:  # type: ignore[no-untyped-def]
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2024, 5, 6))], nlp)
    facts = reconcile(places.extract(source), [source])
    return facts.facts["location"].display


def test_cities_outside_federations_get_their_own_region(gaz: gazetteer.Gazetteer) -> None:
    # Linked by the table's region name matched to the ISO subdivision, not by a shared code
    # number (Nairobi's geonames code is Elgeyo/Marakwet's ISO code) or a namesake town.
    expected = {
        "Bochum": ("Germany", "North Rhine-Westphalia"),  # English, not "Nordrhein-Westfalen"
        "Thessaloniki": ("Greece", "Central Macedonia"),
        "Lyon": ("France", "Auvergne-Rhône-Alpes"),  # the table's "Rhone-Alpes" merged in 2016
        "Nairobi": ("Kenya", "Nairobi City"),
        "Drohobych": ("Ukraine", "Lviv Oblast"),  # the adjective "Lvivska oblast" matched by its stem
        "Pohang": ("South Korea", "North Gyeongsang Province"),
        "Lewiston": ("United States", "Maine"),
    }
    for name, (country, region) in expected.items():
        place = gaz.lookup(name)
        assert place is not None and (place.country, place.region) == (country, region), name


def test_names_older_than_a_reform_link_nothing(gaz: gazetteer.Gazetteer) -> None:
    # The table still has Nepal's development regions, which match no current province.
    place = gaz.lookup("Pokhara")
    assert place is not None and place.country == "Nepal" and place.region is None


def test_region_follows_the_city_in_the_location(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A gas explosion tore through an apartment block in Bochum, Germany, on Monday, killing "
        "three residents, the fire service said.\n\nFirefighters in Bochum searched the rubble "
        "through the night."
    )
    assert _location(nlp, text) == "Bochum, North Rhine-Westphalia, Germany"


def test_region_named_after_its_city_is_not_repeated(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A missile struck a shopping centre in Kharkiv, Ukraine, on Saturday, killing four people, "
        "the regional governor said.\n\nRescuers in Kharkiv worked through the night."
    )
    assert _location(nlp, text) == "Kharkiv, Ukraine"


def test_region_as_the_reports_write_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bus carrying pilgrims overturned near Pohang in South Korea's North Gyeongsang province "
        "on Friday, killing six, officials said.\n\nThe crash happened in Pohang, North Gyeongsang."
    )
    location = _location(nlp, text)
    assert "North Gyeongsang" in location and location.endswith("South Korea")


def test_ambiguous_village_name_stays_unlinked(gaz: gazetteer.Gazetteer) -> None:
    # Two villages of this name lie in two regions of Spain, and no city has it: which one a
    # report means is unknown, so the place has neither region nor coordinates.
    place = gaz.lookup("Villaescusa", ("ES",))
    assert place is not None and place.population == gazetteer.VILLAGE_POPULATION
    assert (place.region, place.lat, place.lon) == (None, None, None)


def test_village_from_the_table_is_found(gaz: gazetteer.Gazetteer, nlp) -> None:  # type: ignore[no-untyped-def]
    place = gaz.lookup("Metsovo", ("GR",))
    assert place is not None and (place.kind, place.region, place.country) == ("city", "Epirus", "Greece")
    assert place.population == gazetteer.VILLAGE_POPULATION and place.lat is not None
    text = (
        "A landslide buried houses in the mountain village of Metsovo in Greece on Sunday, killing "
        "two people, the fire brigade said.\n\nRescuers reached Metsovo before dawn."
    )
    assert _location(nlp, text) == "Metsovo, Epirus, Greece"


def test_village_never_outvotes_a_known_city(gaz: gazetteer.Gazetteer) -> None:
    # Villages named like big cities abroad, in the report's country or not.
    for name, village_country, city_country in (("Tripoli", "US", "LY"), ("Berlin", "HN", "DE"), ("Alexandria", "JM", "EG")):
        assert any(p.population == gazetteer.VILLAGE_POPULATION and p.country_code == village_country
                   for p, _ in gaz.candidates(name)), name
        for context in ((), (village_country,), (village_country, city_country)):
            place = gaz.lookup(name, context)
            assert place is not None and place.country_code == city_country, (name, context)


def test_region_named_after_its_city() -> None:
    assert gazetteer.named_after("Homs Province", "Homs")
    assert gazetteer.named_after("Nairobi City", "Nairobi")  # the city's name and its status
    assert gazetteer.named_after("Praha", "Prague")  # another name of the city
    assert not gazetteer.named_after("Bavaria", "Munich")
    assert not gazetteer.named_after("North Rhine-Westphalia", "Bochum")
