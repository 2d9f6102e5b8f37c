"""part_of claims: wars, conflicts and national series, named from the reports' own words."""

from __future__ import annotations

import datetime as dt

from wikiwire.analyse import analyse
from wikiwire.facts import context
from wikiwire.records import AnalysedSource, Claim, Source


def _claims(nlp, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    src = Source(id="s1", input="test", text=text, published=dt.date(2024, 5, 2))
    source: AnalysedSource = analyse([src], nlp)[0]
    return context.extract(source)


def test_named_civil_war(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "The airstrike on the market was among the deadliest since the start of the Yemeni civil war.")
    assert [(c.value, c.display) for c in claims] == [("Yemeni civil war", "the Yemeni civil war")]


def test_possessive_country_takes_the_reports_adjective(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb killed 20 Syrian soldiers in Latakia on Monday.\n"
        "Syria's 12-year civil war has killed hundreds of thousands of people."
    )
    assert {c.value for c in _claims(nlp, text)} == {"Syrian civil war"}


def test_war_in_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "A drone strike hit a fuel depot, a monitor of the war in Sudan said.")
    assert [(c.value, c.display) for c in claims] == [("war in Sudan", "the war in Sudan")]


def test_national_series(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A gunman killed seven people at a warehouse in Ohio, the latest mass shooting in the US this year."
    claims = _claims(nlp, text)
    assert [c.display for c in claims] == ["mass shootings in the United States"]


def test_state_history_ranks_the_event_in_its_countrys_series(nlp) -> None:  # type: ignore[no-untyped-def]
    # A ranking within a state names the series of such attacks; encyclopedias group it by country.
    claims = _claims(nlp, "It was the deadliest mass shooting in Maine history.")
    assert [c.display for c in claims] == ["mass shootings in the United States"]


def test_city_history_is_not_a_national_series(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _claims(nlp, "It was the deadliest mass shooting in Lewiston history.") == []


def test_disaster_reports_weigh_wars_less(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A strong earthquake struck the west of the country on Saturday, killing 200 people.\n"
        "The region is still recovering from the war in Afghanistan."
    )
    claims = _claims(nlp, text)
    assert claims and all(c.weight < 0.5 for c in claims)


def test_civil_war_without_an_adjective_in_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "A car bomb killed nine people, the deadliest attack since the civil war in Libya ended.")
    assert [c.value for c in claims] == ["civil war in Libya"]


def test_war_in_a_country_begun_by_protests_is_its_civil_war(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone strike hit a Syrian army graduation ceremony in Homs on Thursday.\n"
        "The war in Syria began in 2011 with protests against President Bashar al-Assad."
    )
    assert {(c.value, c.display) for c in _claims(nlp, text)} == {("Syrian civil war", "the Syrian civil war")}


def test_government_against_rebels_is_a_civil_war(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An airstrike killed 30 Yemeni civilians at a market in Saada on Monday.\n"
        "Yemen's nine-year war is fought between the government and Houthi rebels."
    )
    assert {c.value for c in _claims(nlp, text)} == {"Yemeni civil war"}


def test_war_between_states_stays_war_in_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A missile strike killed 12 Ukrainian civilians in Kharkiv on Friday.\n"
        "The war in Ukraine began with the Russian invasion in February 2022."
    )
    assert {c.value for c in _claims(nlp, text)} == {"war in Ukraine"}


def test_internal_war_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    src = Source(id="s1", input="t", text="Shelling hit opposition-held areas near the border.", published=dt.date(2024, 5, 2))
    assert context.internal_war(analyse([src], nlp)[0])
    src = Source(id="s1", input="t", text="The war between the two states entered its third year.", published=dt.date(2024, 5, 2))
    assert not context.internal_war(analyse([src], nlp)[0])


def test_a_named_invasion_is_what_a_strike_is_part_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Russian missile hit a shopping centre in the east of the country on Tuesday.\n"
        "The city has been shelled often since Russia's full-scale invasion of Ukraine began."
    )
    claims = _claims(nlp, text)
    assert [(c.value, c.display) for c in claims] == [
        ("Russian invasion of Ukraine", "the Russian invasion of Ukraine")
    ]


def test_an_invasion_without_the_reports_adjective_names_the_invader_after(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A missile hit a shopping centre on Tuesday, two years into Russia's invasion of Ukraine."
    assert [c.display for c in _claims(nlp, text)] == ["the invasion of Ukraine by Russia"]


def test_a_country_repeatedly_attacked_files_a_terror_attack_under_terrorism_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb exploded at a bus station, and the minister called it a terrorist attack.\n"
        "Turkey has been the frequent target of attacks by armed groups over the past decade."
    )
    assert [c.display for c in _claims(nlp, text)] == ["terrorism in Turkey"]


def test_a_repeated_target_is_no_terrorism_series_when_no_report_speaks_of_terror(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A gas explosion wrecked a bakery on Monday.\n"
        "Turkey has been the frequent target of attacks by armed groups over the past decade."
    )
    assert _claims(nlp, text) == []


def test_country_names_reports_use_that_pycountry_files_elsewhere() -> None:
    assert context.country_name("Turkey") == "Turkey"
    assert context.country_name("Russia") == "Russia"
    assert context.country_name("Istanbul") is None
