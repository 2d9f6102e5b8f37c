"""Rewriting report sentences into the encyclopedic register: dates, framing, quotes, junk."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.compose.rewrite import (
    absolutise_dates,
    explicit_dates,
    is_well_formed,
    relative_dates,
    rewrite,
)
from wikiwire.records import Entity

FRIDAY = dt.date(2023, 10, 6)  # a report published the day after a Thursday attack


def _ent(text: str, sentence: str, label: str) -> Entity:
    start = sentence.index(text)
    return Entity(text=text, label=label, start=start, end=start + len(text))


def test_weekday_becomes_the_date_it_names() -> None:
    out = rewrite("Drones struck the parade ground of the academy on Thursday, killing dozens of cadets.", FRIDAY)
    assert out.text == "Drones struck the parade ground of the academy on 5 October 2023, killing dozens of cadets."


def test_this_weekday_and_bare_weekday() -> None:
    assert absolutise_dates("The toll rose this Thursday.", FRIDAY) == "The toll rose on 5 October 2023."
    assert absolutise_dates("Seven soldiers were killed Thursday when drones hit.", FRIDAY) == (
        "Seven soldiers were killed on 5 October 2023 when drones hit."
    )


def test_weekday_on_the_anchor_day_is_that_day() -> None:
    thursday = dt.date(2023, 10, 5)
    assert absolutise_dates("Funerals were held on Thursday.", thursday) == "Funerals were held on 5 October 2023."


def test_part_of_day_words() -> None:
    assert absolutise_dates("Drones hit the ceremony this afternoon.", dt.date(2023, 10, 5)) == (
        "Drones hit the ceremony on the afternoon of 5 October 2023."
    )
    assert absolutise_dates("Rescuers found two more bodies yesterday.", FRIDAY) == (
        "Rescuers found two more bodies on 5 October 2023."
    )


def test_weekday_decorating_an_explicit_date_is_removed() -> None:
    assert absolutise_dates("The strike came on Thursday, October 5, after the parade.", FRIDAY) == (
        "The strike came on October 5, after the parade."
    )


def test_friday_prayers_is_not_a_date() -> None:
    text = "Authorities cancelled Friday prayers in the province for fear of more strikes."
    assert absolutise_dates(text, FRIDAY) == text


@pytest.mark.parametrize(
    "text",
    [
        "The town has recently seen a wave of arrests by security forces.",
        "Officials said this week that the dam had been inspected in the spring.",
    ],
)
def test_unresolvable_relative_time_drops_the_sentence(text: str) -> None:
    out = rewrite(text, FRIDAY)
    assert out.text is None
    assert out.reason == "relative time that cannot be made absolute"


def test_relative_date_without_anchor_is_dropped() -> None:
    assert rewrite("The ministry raised the toll to 89 on Thursday evening.", None).text is None


def test_so_far_is_removed_not_fatal() -> None:
    out = rewrite("So far, no group has claimed responsibility for the attack.", FRIDAY)
    assert out.text == "No group has claimed responsibility for the attack."


def test_wire_attribution_becomes_according_to() -> None:
    out = rewrite("The minister had left the ceremony minutes before the drones hit, a security source cited by Reuters said.", FRIDAY)
    assert out.text == "The minister had left the ceremony minutes before the drones hit, according to a security source."


def test_anonymous_witness_told_the_agency_is_dropped() -> None:
    out = rewrite("The courtyard was full of families when it happened, a man who worked at the hall told the news agency.", FRIDAY)
    assert out.text is None


def test_journalist_bio_line_is_dropped() -> None:
    text = "Lena Haddad, a broadcast journalist who has covered the region for a decade, said the strike was a turning point."
    out = rewrite(text, FRIDAY, (_ent("Lena Haddad", text, "PERSON"),))
    assert out.text is None
    assert out.reason == "reporter or commentator voice"


def test_framing_opener_is_removed() -> None:
    out = rewrite("In a recent wave of violence, government artillery shelled three villages near the front line.", FRIDAY)
    assert out.text == "Government artillery shelled three villages near the front line."


def test_dateline_is_removed() -> None:
    out = rewrite("BEIRUT (Wire) – Drones struck a graduation ceremony at a military academy on Thursday.", FRIDAY)
    assert out.text == "Drones struck a graduation ceremony at a military academy on 5 October 2023."


@pytest.mark.parametrize(
    "text",
    [
        "Photos shared with the agency showed soldiers carrying the wounded across a courtyard.",
        "Watch the moment the drones struck the parade pic.twitter.com/abc123 — a monitor (@monitor) October 5, 2023",
        "(Reporting by two staff writers; Editing by a desk editor.)",
    ],
)
def test_captions_and_embeds_are_dropped(text: str) -> None:
    assert rewrite(text, FRIDAY).text is None


def test_quote_without_a_named_speaker_is_dropped() -> None:
    assert rewrite("“We ran to the gate and saw smoke everywhere,” one man recalled afterwards.", FRIDAY).text is None


def test_quote_with_a_named_speaker_is_kept() -> None:
    text = "“This was a cowardly act,” the foreign ministry said in a statement on Thursday."
    out = rewrite(text, FRIDAY)
    assert out.text == "“This was a cowardly act,” the foreign ministry said in a statement on 5 October 2023."


def test_questions_are_dropped() -> None:
    assert rewrite("Who could have launched drones so deep inside government territory?", FRIDAY).text is None


def test_machine_translation_junk_is_dropped() -> None:
    assert rewrite("Drones In a country that has known twelve years of war.", FRIDAY).text is None
    assert rewrite("More than 90 people died this Thursday drone Launched against the academy in the city.", FRIDAY).text is None


def test_loaded_words_replaced_outside_quotes_only() -> None:
    out = rewrite("The regime said 14 soldiers were martyred, calling the strike a “regime-change plot”.", FRIDAY)
    assert out.text == "The government said 14 soldiers were killed, calling the strike a “regime-change plot”."


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Keen traveller. Coffee lover.", False),
        ("Drone attack on academy leaves dozens dead", False),
        ("The drones were launched from territory held by armed groups to the north-west.", True),
        ("Is the war over?", False),
    ],
)
def test_well_formedness(text: str, ok: bool) -> None:
    assert is_well_formed(text) is ok


def test_explicit_and_relative_date_spans() -> None:
    text = "The attack on 5 October was confirmed on Friday by the ministry."
    assert [d for _, _, d in explicit_dates(text, 2023)] == [dt.date(2023, 10, 5)]
    assert [d for _, _, d in relative_dates(text, dt.date(2023, 10, 7))] == [dt.date(2023, 10, 6)]


# ---------------------------------------------------------------------------------------------
# article-quality pass: connectives, sourcing frames, dangling references, stale tense

SUNDAY = dt.date(2023, 10, 8)


def test_discourse_connective_is_stripped() -> None:
    out = rewrite("Meanwhile, the Turkish foreign minister phoned his Syrian counterpart to offer help.", FRIDAY)
    assert out.text == "The Turkish foreign minister phoned his Syrian counterpart to offer help."
    out = rewrite("Separately, rescuers in the north reported two more bodies under a collapsed school.", FRIDAY)
    assert out.text is not None and out.text.startswith("Rescuers in the north")


@pytest.mark.parametrize(
    "text",
    [
        "The suspect was found dead inside a parked trailer, sources tell the Night Desk.",
        "Two officers spoke on condition of anonymity about the search for the gunman.",
        "The officials were not authorized to publicly discuss the search for the gunman.",
        "A nurse who answered the phone at the hospital said no details could be given out.",
    ],
)
def test_outlet_sourcing_frame_is_dropped(text: str) -> None:
    assert rewrite(text, FRIDAY).text is None


@pytest.mark.parametrize(
    "text",
    [
        "Four others died later in the regional hospital, the health ministry said.",
        "A police spokesman confirmed this, adding that all roads into the town were closed.",
    ],
)
def test_sentence_pointing_at_the_previous_one_is_dropped(text: str) -> None:
    assert rewrite(text, FRIDAY).reason == "refers to something the report said before"


@pytest.mark.parametrize(
    "text",
    [
        "The gunman remains at large as officers search the woods near the river.",
        "The death toll is expected to rise as rescuers reach the remote villages.",
        "The manhunt for the gunman, which is still ongoing, has closed schools across the county.",
        "Families had gathered at the bowling hall for a Wednesday night league for children.",
    ],
)
def test_stale_or_generic_time_is_dropped(text: str) -> None:
    assert rewrite(text, FRIDAY).text is None


def test_day_word_before_the_same_date_is_not_written_twice() -> None:
    out = rewrite("Yesterday, 7 October 2023, two strong earthquakes struck the west of the country.", SUNDAY)
    assert out.text == "On 7 October 2023, two strong earthquakes struck the west of the country."


def test_city_and_state_dateline_is_removed() -> None:
    out = rewrite("Lewiston, Maine: Police closed every road into the town centre after the shooting.", FRIDAY)
    assert out.text == "Police closed every road into the town centre after the shooting."


def test_live_blog_timestamp_entry_is_dropped() -> None:
    assert rewrite("7:10 p.m. A resident saw police cars racing toward the bar on the main street.", FRIDAY).text is None


def test_reported_pronoun_needs_a_named_person() -> None:
    text = "The Army said he had enlisted in 2002 and had never been deployed to a combat zone."
    assert rewrite(text, FRIDAY).reason == "pronoun without a referent"
    named = "The Army said he had enlisted in 2002, and Robert Card had never been deployed."
    assert rewrite(named, FRIDAY, [_ent("Robert Card", named, "PERSON")]).text == named
    believed = "Investigators believe he carried out both attacks in the city that night."
    assert rewrite(believed, FRIDAY).text is None


def test_told_outlet_becomes_said_only_where_said_reads() -> None:
    text = "Mounir Mustafa told Al Jazeera that rescuers were searching the rubble of the school."
    assert rewrite(text, FRIDAY).text == "Mounir Mustafa said that rescuers were searching the rubble of the school."
    garbled = "Shelling hit the outskirts of the city, Mounir Mustafa told Al-Jazeera with a group of volunteers."
    assert rewrite(garbled, FRIDAY).text is None


def test_machine_translated_few_is_not_well_formed() -> None:
    assert not is_well_formed("The minister of the defence had abandoned the place few minutes before.")
    assert is_well_formed("The defence minister had left the parade ground a few minutes before.")
