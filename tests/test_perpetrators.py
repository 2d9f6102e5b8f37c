"""Perpetrator claims: claimed, suspected, accused (by whom) and unknown stances."""

from __future__ import annotations

import datetime as dt

from wikiwire.analyse import analyse
from wikiwire.facts import perpetrators
from wikiwire.records import AnalysedSource, Source


def _source(nlp, text: str) -> AnalysedSource:  # type: ignore[no-untyped-def]
    src = Source(id="s1", input="test", text=text, published=dt.date(2024, 5, 2))
    return analyse([src], nlp)[0]


def test_no_group_claimed_gives_unknown_plus_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone attack on an army base in Deir Hafer killed 31 soldiers on Sunday.\n"
        "No group has claimed responsibility for the attack, but the Interior Ministry accused \"terrorist organisations backed by foreign states\"."
    )
    claims = perpetrators.extract(_source(nlp, text))
    unknown = [c for c in claims if c.stance == "unknown"]
    accused = [c for c in claims if c.stance == "accused"]
    assert [c.value for c in unknown] == ["Unknown"]
    assert [c.value for c in accused] == ["terrorist groups"]
    assert accused[0].attributed_to == "the Interior Ministry"
    assert unknown[0].weight > accused[0].weight


def test_blamed_the_attack_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The defence ministry blamed the bombing on Kurdish militants, and there was no immediate claim."
    claims = perpetrators.extract(_source(nlp, text))
    accused = {c.value: c for c in claims if c.stance == "accused"}
    assert accused["Kurdish militants"].attributed_to == "the defence ministry"
    assert any(c.value == "Unknown" for c in claims)


def test_claimed_responsibility(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Islamic State group claimed responsibility for the suicide bombing in a statement on Telegram."
    claims = perpetrators.extract(_source(nlp, text))
    claimed = [c for c in claims if c.stance == "claimed"]
    assert len(claimed) == 1
    assert "Islamic State" in str(claimed[0].value)
    assert not any(c.stance == "unknown" for c in claims)


def test_named_suspect_and_surname_resolution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police identified Daniel Roy Kessler, 34, as the suspected gunman in the shooting at the mall.\n"
        "An arrest warrant was issued for Kessler on Saturday."
    )
    claims = [c for c in perpetrators.extract(_source(nlp, text)) if c.stance == "suspected"]
    assert {c.value for c in claims} == {"Daniel Kessler"}
    assert claims[0].display == "Daniel Roy Kessler"
    assert len(claims) == 2
    assert claims[0].attributed_to == "police"


def test_victims_are_not_suspects(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Lopez, 52, was killed at the bowling alley, her brother Tom Lopez said."
    assert [c for c in perpetrators.extract(_source(nlp, text)) if c.stance == "suspected"] == []


def test_unknown_phrasings(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The perpetrators remain unknown.",
        "Unidentified gunmen on motorbikes fired at the checkpoint.",
        "The attack has not been claimed.",
    ):
        claims = perpetrators.extract(_source(nlp, text))
        assert [c.value for c in claims] == ["Unknown"], text


def test_keys() -> None:
    assert perpetrators.person_key("Robert R. Card") == "Robert Card"
    assert perpetrators.person_key("John Smith Jr.") == "John Smith"
    assert perpetrators.normalise_group('"terrorists"') == "terrorist groups"
    assert perpetrators.normalise_group("militants supported by known powers") == "militants"
    assert perpetrators.normalise_group("the weather") is None


def test_claim_by_a_lower_case_prefixed_name_and_no_self_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The militant group al-Shabaab claimed responsibility for the car bombing, "
        "saying its fighters targeted officials at the hotel."
    )
    claims = perpetrators.extract(_source(nlp, text))
    assert [(c.value, c.stance) for c in claims] == [("al-Shabaab", "claimed")]


def test_accusation_of_a_named_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Provincial officials blamed the Baloch Liberation Front (BLF) for the blast, which the group denied."
    accused = [c for c in perpetrators.extract(_source(nlp, text)) if c.stance == "accused"]
    assert [(c.value, c.attributed_to) for c in accused] == [("Baloch Liberation Front", "Provincial officials")]


def test_named_the_suspect_as(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A man stabbed three commuters at the station. Prosecutors named the suspect as Lukas Brenner."
    suspected = [c for c in perpetrators.extract(_source(nlp, text)) if c.stance == "suspected"]
    assert [(c.value, c.attributed_to) for c in suspected] == [("Lukas Brenner", "prosecutors")]


def test_a_place_the_parser_took_for_a_person_is_no_suspect(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two trains collided head-on in a valley on Tuesday night.\n"
        "Police said the station master in the city of Larissa has been arrested following the crash."
    )
    assert perpetrators.extract(_source(nlp, text)) == []


def test_rescue_work_carried_out_by_a_body_names_no_perpetrator(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A landslide buried dozens of homes before dawn on Tuesday.\n"
        "Rescue operations are being carried out by the NDRF and the army, the collector said."
    )
    assert perpetrators.extract(_source(nlp, text)) == []


def test_an_attack_carried_out_by_a_group_still_names_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A bomb exploded at a bus stop on Sunday. The minister said the attack was carried out by militants."
    assert [(c.value, c.stance) for c in perpetrators.extract(_source(nlp, text))] == [("militants", "accused")]
