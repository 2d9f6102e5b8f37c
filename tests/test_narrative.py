"""The event's own section opens with sentences written from the facts: where and when, down to
the district and region; what the attack was carried out with; the magnitude each body
measured; who blamed whom. Each is left out when its fact is missing, not stated by enough
reports, or disputed with no body to attribute it to."""

from __future__ import annotations

from wikiwire.compose import compose
from wikiwire.compose.lead import compose_lead
from wikiwire.compose.narrative import (
    accusation_sentence,
    magnitude_sentence,
    narrative,
    occurrence_sentence,
    weapon_sentence,
)
from wikiwire.reconcile import reconcile
from wikiwire.records import Claim, EventFacts
from wikiwire.taxonomy import kind_for


def _claim(fact: str, value: object, source: str, quote: str, **extra: object) -> Claim:
    display = extra.pop("display", value if isinstance(value, str) else "")
    return Claim(fact=fact, value=value, display=display, source=source, sentence=f"{source}.0",  # type: ignore[arg-type]
                 quote=quote, **extra)  # type: ignore[arg-type]


def _place(district: str | None, region: str, country: str, source: str, quote: str) -> Claim:
    value = {"venue": None, "city": None, "district": district, "region": region, "country": country,
             "lat": None, "lon": None}
    return _claim("location", value, source, quote, display=", ".join(p for p in (district, region, country) if p))


def _facts(*claims: Claim) -> EventFacts:
    return reconcile(list(claims), [])


# ---------------------------------------------------------------------------------------------
# where and when


def _quake(time_quote: str | None = None) -> EventFacts:
    claims = [
        _claim("type", "earthquake", "s1", "An earthquake struck the hills of Dorvan district."),
        _claim("date", "2024-03-02", "s1", "The earthquake struck on 2 March 2024.", display="2 March 2024"),
        _place("Dorvan district", "Kessel Province", "Marovia", "s1",
               "The quake hit Dorvan district in Kessel Province, Marovia, late on Saturday."),
        _place("Dorvan district", "Kessel Province", "Marovia", "s2",
               "Dorvan district of Kessel Province in Marovia was worst hit."),
    ]
    if time_quote is not None:
        claims.append(_claim("time", "23:10", "s2", time_quote))
    facts = _facts(*claims)
    # The district is the focus stage's (the reports' own words), not reconcile's: set here.
    location = facts.get("location")
    value = {**location.value, "district": "Dorvan district"}  # type: ignore[dict-item]
    return facts.model_copy(update={"facts": {**facts.facts, "location": location.model_copy(update={"value": value})}})


def test_the_occurrence_sentence_names_the_district_the_lead_does_not() -> None:
    facts = _quake("The quake struck at 11:10 p.m. on Saturday, the national seismic centre said.")
    kind = kind_for("earthquake")
    lead = compose_lead(facts, kind, "2024 Kessel earthquake")
    sentence = occurrence_sentence(facts, kind, "2024 Kessel earthquake", lead)
    assert sentence is not None
    assert sentence.text == "The earthquake struck at 11:10 p.m. local time in Dorvan district, Kessel Province, Marovia."
    assert set(sentence.sources) == {"s1", "s2"}


def test_the_occurrence_sentence_leaves_out_a_time_no_report_writes_so() -> None:
    facts = _quake("The quake struck at 2310 hours on Saturday.")
    kind = kind_for("earthquake")
    lead = compose_lead(facts, kind, "2024 Kessel earthquake")
    sentence = occurrence_sentence(facts, kind, "2024 Kessel earthquake", lead)
    assert sentence is not None
    assert sentence.text == "The earthquake struck in Dorvan district, Kessel Province, Marovia."


def test_no_occurrence_sentence_when_the_lead_names_every_part_of_the_place() -> None:
    facts = _facts(
        _claim("type", "earthquake", "s1", "An earthquake struck Kessel Province."),
        _claim("date", "2024-03-02", "s1", "It struck on 2 March 2024.", display="2 March 2024"),
        _place(None, "Kessel Province", "Marovia", "s1", "The quake hit Kessel Province, Marovia."),
    )
    kind = kind_for("earthquake")
    lead = compose_lead(facts, kind, "2024 Kessel earthquake")
    assert occurrence_sentence(facts, kind, "2024 Kessel earthquake", lead) is None


def test_no_occurrence_sentence_without_a_place() -> None:
    facts = _facts(_claim("date", "2024-03-02", "s1", "It struck on 2 March 2024.", display="2 March 2024"))
    assert occurrence_sentence(facts, kind_for("earthquake"), "2024 earthquake", ()) is None


# ---------------------------------------------------------------------------------------------
# what the attack was carried out with


def _weapon(value: str, source: str, quote: str) -> Claim:
    return _claim("weapons", value, source, quote)


def test_a_weapon_two_reports_write_is_told() -> None:
    facts = _facts(
        _claim("type", "mass shooting", "s1", "A gunman opened fire at a wedding hall."),
        _weapon("semi-automatic rifle", "s1", "The gunman fired a semi-automatic rifle into the hall."),
        _weapon("semi-automatic rifle", "s2", "Police recovered a semi-automatic rifle from his car."),
    )
    sentence = weapon_sentence(facts, kind_for("mass shooting"))
    assert sentence is not None
    assert sentence.text == "The attack was carried out with a semi-automatic rifle."
    assert sentence.sources == ("s1", "s2")


def test_a_weapon_one_report_writes_is_not_told() -> None:
    facts = _facts(
        _claim("type", "mass shooting", "s1", "A gunman opened fire at a wedding hall."),
        _weapon("semi-automatic rifle", "s1", "The gunman fired a semi-automatic rifle into the hall."),
    )
    assert facts.get("weapons").display == "semi-automatic rifle"
    assert weapon_sentence(facts, kind_for("mass shooting")) is None


def test_a_weapon_the_kind_already_says_is_not_told() -> None:
    drones = _facts(
        _claim("type", "drone strike", "s1", "A drone strike hit the parade."),
        _weapon("drones", "s1", "Two drones struck the parade."),
        _weapon("drones", "s2", "The drones came from the west."),
    )
    assert drones.get("weapons").display == "drones"
    assert weapon_sentence(drones, kind_for("drone strike")) is None
    explosives = _facts(
        _claim("type", "bombing", "s1", "A bomb went off in the market."),
        _weapon("explosives", "s1", "The bomb was packed with explosives."),
        _weapon("explosives", "s2", "Explosives were found nearby."),
    )
    assert explosives.get("weapons").display == "explosives"
    assert weapon_sentence(explosives, kind_for("bombing")) is None


def test_no_weapon_sentence_without_a_weapon_or_for_a_disaster() -> None:
    assert weapon_sentence(_facts(_claim("type", "mass shooting", "s1", "A shooting.")), kind_for("mass shooting")) is None
    facts = _facts(
        _claim("type", "mass shooting", "s1", "A gunman opened fire."),
        _weapon("semi-automatic rifle", "s1", "a semi-automatic rifle"),
        _weapon("semi-automatic rifle", "s2", "a semi-automatic rifle"),
    )
    assert weapon_sentence(facts, kind_for("earthquake")) is None


# ---------------------------------------------------------------------------------------------
# the magnitude each body measured


def _magnitude(value: str, by: str | None, source: str, quote: str) -> Claim:
    return _claim("magnitude", value, source, quote, attributed_to=by)


def _quake_facts(*claims: Claim) -> EventFacts:
    """Facts of an earthquake (reconcile keeps a magnitude for earthquakes only)."""
    return _facts(_claim("type", "earthquake", "s1", "An earthquake struck Kessel Province."), *claims)


def test_each_body_s_magnitude_is_attributed() -> None:
    facts = _quake_facts(
        _magnitude("6.4", "the Marovian Seismological Centre", "s1", "The Marovian Seismological Centre said the quake measured 6.4."),
        _magnitude("5.6", "the U.S. Geological Survey", "s2", "The U.S. Geological Survey put its magnitude at 5.6."),
        _magnitude("5.6", "the US Geological Survey", "s3", "The quake had a magnitude of 5.6, the US Geological Survey said."),
    )
    sentence = magnitude_sentence(facts, kind_for("earthquake"))
    assert sentence is not None
    assert sentence.text == (
        "The U.S. Geological Survey put the earthquake's magnitude at 5.6; "
        "the Marovian Seismological Centre put it at 6.4."
    )
    assert set(sentence.sources) == {"s1", "s2"}


def test_bodies_giving_one_magnitude_share_a_clause() -> None:
    facts = _quake_facts(
        _magnitude("6.3", "the U.S. Geological Survey", "s1", "The U.S. Geological Survey recorded a 6.3 quake."),
        _magnitude("6.3", "the Marovian Seismological Centre", "s2", "The Marovian Seismological Centre gave 6.3."),
    )
    sentence = magnitude_sentence(facts, kind_for("earthquake"))
    assert sentence is not None
    assert sentence.text == (
        "The U.S. Geological Survey and the Marovian Seismological Centre put the earthquake's magnitude at 6.3."
    )


def test_a_disputed_magnitude_with_no_body_is_not_told() -> None:
    facts = _quake_facts(
        _magnitude("6.4", None, "s1", "A 6.4 magnitude quake struck."),
        _magnitude("5.6", None, "s2", "The 5.6 quake was shallow."),
        # A capitalised adverb the extractor took for a body names no one.
        _magnitude("5.7", "Initially", "s3", "Initially reported as 5.7, the quake was later upgraded."),
        # A ministry repeating a magnitude did not measure it.
        _magnitude("5.9", "the Ministry of Health", "s4", "The 5.9 quake injured 40, the Ministry of Health said."),
    )
    assert facts.get("magnitude").claims or any(c.fact == "magnitude" for c in facts.conflicts)
    assert magnitude_sentence(facts, kind_for("earthquake")) is None


# ---------------------------------------------------------------------------------------------
# who blamed whom


def _perpetrator(value: str, stance: str, by: str | None, source: str, quote: str) -> Claim:
    return _claim("perpetrators", value, source, quote, stance=stance, attributed_to=by)


def test_accusations_beyond_the_lead_are_attributed_to_their_accusers() -> None:
    facts = _facts(
        _perpetrator("Unknown", "unknown", None, "s1", "No group has claimed the attack."),
        _perpetrator("the Red Hand Front", "accused", "the Interior Ministry", "s2",
                     "The Interior Ministry blamed the Red Hand Front."),
        _perpetrator("foreign-backed militia", "accused", "the Marovian government has already", "s3",
                     "The Marovian government has already blamed a foreign-backed militia."),
    )
    kind = kind_for("bombing")
    lead = compose_lead(facts, kind, "2024 Kessel bombing")
    sentence = accusation_sentence(facts, kind, lead)
    assert sentence is not None
    told = " ".join(s.text for s in lead)
    # The lead names the first accusation; the narrative tells the one it left out.
    assert "Red Hand Front" in told
    assert sentence.text == 'The Marovian government blamed a "foreign-backed militia".'
    assert sentence.sources == ("s3",)


def test_an_accusation_without_a_named_accuser_is_not_told() -> None:
    facts = _facts(
        _perpetrator("foreign-backed militia", "accused", "a source", "s1", "A source blamed a foreign-backed militia."),
        _perpetrator("foreign-backed militia", "accused", None, "s2", "A foreign-backed militia was blamed."),
    )
    assert accusation_sentence(facts, kind_for("bombing"), ()) is None


# ---------------------------------------------------------------------------------------------
# in the article


def test_the_event_section_opens_with_the_narrative() -> None:
    facts = _quake("The quake struck at 11:10 p.m. on Saturday, the national seismic centre said.")
    kind = kind_for("earthquake")
    article = compose(facts, [], title="2024 Kessel earthquake")
    expected = narrative(facts, kind, article.lead, "2024 Kessel earthquake")
    assert expected
    section = next(s for s in article.sections if s.heading == "Earthquake")
    assert section.sentences[: len(expected)] == expected
    assert all(s.sources for s in section.sentences)
