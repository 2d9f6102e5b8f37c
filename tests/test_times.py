"""Time-of-day claims (facts.times)."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.analyse import analyse
from wikiwire.facts import times
from wikiwire.facts.times import find_times
from wikiwire.records import Source


def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(t.value, t.value_end, t.qualifier) for t in find_times(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drones hit at 14:00 local time.", [("14:00", None, None)]),
        ("The drones hit at 2 p.m. on the parade ground.", [("14:00", None, None)]),
        ("The first call came at 6:56 p.m. from the bowling alley.", [("18:56", None, None)]),
        ("The shootings happened just before 7 p.m. at the bar.", [("19:00", None, "about")]),
        ("A ship hit the bridge around 1:30 a.m. as it left port.", [("01:30", None, "about")]),
        ("The quake struck at 11am local time.", [("11:00", None, None)]),
        ("Shots were fired between 6:56 and 7:08 p.m. in two places.", [("18:56", "19:08", None)]),
        ("It struck at 12:15 a.m., just after midnight.", [("00:15", None, None), ("00:00", None, "about")]),
    ],
)
def test_clock_times(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _found(text) == expected


def test_numbers_that_are_not_times() -> None:
    assert _found("A magnitude 6.3 quake killed 7 to 8 people and cost 1.27 billion dollars.") == []
    # UTC is not the local time the infobox gives; the local one is read instead.
    assert _found("At 1:27 a.m. ET (0527 GMT) the ship struck a pylon.") == [("01:27", None, None)]


def test_parts_of_day() -> None:
    assert _found("The gunman opened fire on Wednesday night.") == [("night", None, None)]
    assert _found("The bridge collapsed early on Tuesday.") == [("early morning", None, None)]
    assert _found("The attack came in the early afternoon.") == [("early afternoon", None, None)]
    # A newspaper's name and a news conference are not times of the event.
    assert _found("The Maine Morning Star reported it.") == []
    assert _found("Officials spoke at a morning news conference.") == []


def test_event_time_outweighs_statement_time(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A gunman opened fire at a bowling alley at about 6:56 p.m. on Wednesday, killing 18 people.\n"
        "Police will hold a news conference at 10 p.m. at city hall."
    )
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2023, 10, 25))], nlp)
    claims = times.extract(source)
    weights = {c.display: c.weight for c in claims}
    assert weights["about 18:56"] > 2 * weights.get("22:00", 0.0)
    event = next(c for c in claims if c.display == "about 18:56")
    assert (event.value, event.qualifier, event.reported) == ("18:56", "about", dt.date(2023, 10, 25))


def test_clock_time_outweighs_part_of_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The bridge collapsed early on Tuesday, at 1:28 a.m., after a ship struck a pier."
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text)], nlp)
    claims = sorted(times.extract(source), key=lambda c: -c.weight)
    assert [c.value for c in claims] == ["01:28", "early morning"]


def test_time_of_the_retaliation_is_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "Drones struck a graduation ceremony at the military academy in Homs on Thursday, killing dozens.",
            "In retaliation, government artillery shelled towns in Idlib.",
            "By early night, rescuers had counted six dead in those strikes and the city of Idlib had lost power.",
        ]
    )
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2023, 10, 5))], nlp)
    assert times.extract(source) == []


def test_time_in_the_lead_about_the_event_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Drones struck a graduation ceremony at the military academy in Homs on Thursday afternoon, killing dozens."
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2023, 10, 5))], nlp)
    assert [c.value for c in times.extract(source)] == ["afternoon"]


def test_times_that_date_a_count_are_not_the_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A missile struck a cafe in the town centre at about 7:30 p.m. on Tuesday.\n"
        "As of 7 a.m. on Wednesday, rescuers had pulled nine bodies from the rubble.\n"
        "By Thursday night, officials had confirmed 12 deaths, the governor told a 10 p.m. briefing."
    )
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2023, 6, 28))], nlp)
    assert [c.display for c in times.extract(source)] == ["about 19:30"]


def test_a_time_the_event_lasted_until_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shots were first heard at 2:54 p.m., and the gunman kept firing until 3:19 p.m. on Thursday."
    (source,) = analyse([Source(id="s1", input="s1.txt", text=text, published=dt.date(2023, 12, 21))], nlp)
    assert {c.value for c in times.extract(source)} == {"14:54", "15:19"}
