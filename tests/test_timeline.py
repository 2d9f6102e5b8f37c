"""The toll timeline: each body's figures over report dates, the Casualties sentence when a
toll moved, the event.json list and the HTML chart."""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree

from hypothesis import given
from hypothesis import strategies as st

from wikiwire.compose.timeline import TollPoint, timeline_record, timeline_sentences, toll_timeline
from wikiwire.records import Claim, Conflict, EventFacts, Fact
from wikiwire.render.html import toll_chart

APR5, APR6, APR7 = dt.date(2025, 4, 5), dt.date(2025, 4, 6), dt.date(2025, 4, 7)


def claim(
    value: int,
    who: str | None,
    reported: dt.date | None,
    source: str,
    *,
    fact: str = "fatalities",
    display: str | None = None,
    scope: str | None = None,
    weight: float = 1.0,
) -> Claim:
    return Claim(
        fact=fact,
        value=value,
        display=display or str(value),
        source=source,
        sentence=f"{source}.0",
        quote="",
        attributed_to=who,
        reported=reported,
        scope=scope,
        weight=weight,
    )


def facts_of(*claims: Claim) -> EventFacts:
    deaths = [c for c in claims if c.fact == "fatalities"]
    injured = [c for c in claims if c.fact == "injuries"]
    return EventFacts(
        kind="flood",
        facts={"fatalities": Fact(name="fatalities", claims=tuple(deaths[:1])),
               "injuries": Fact(name="injuries", claims=tuple(injured))},
        conflicts=(Conflict(fact="fatalities", claims=tuple(deaths), resolution="range"),),
    )


FLOOD = facts_of(
    claim(9, "the county sheriff", APR5, "s1"),
    claim(14, "The County Sheriff", APR6, "s2"),
    claim(14, "the county sheriff's office", APR7, "s3"),
    claim(3, "the river authority", APR5, "s1", display="at least 3"),
    claim(20, "the river authority", APR6, "s2", display="more than 20"),
    claim(31, "the river authority", APR7, "s4", display="more than 30"),
    # Out of the history: no body, no report date, a breakdown group, a hedged reading.
    claim(12, None, APR6, "s2"),
    claim(40, "a local radio station", None, "s5"),
    claim(5, "the county sheriff", APR6, "s2", scope="children"),
    claim(60, "the county sheriff", APR7, "s3", weight=0.4),
    claim(30, "the county sheriff", APR6, "s2", fact="injuries"),
)


def test_each_body_figures_over_report_dates() -> None:
    series = toll_timeline(FLOOD)
    assert [(s.fact, s.body, [(p.reported, p.figure) for p in s.points]) for s in series] == [
        ("fatalities", "the county sheriff", [(APR5, 9), (APR6, 14), (APR7, 14)]),
        ("fatalities", "the river authority", [(APR5, 3), (APR6, 20), (APR7, 31)]),
        ("injuries", "the county sheriff", [(APR6, 30)]),
    ]
    assert [s.moved for s in series] == [True, True, False]


def test_the_sentence_names_each_moved_toll_and_cites_every_report() -> None:
    (sentence,) = timeline_sentences(toll_timeline(FLOOD))
    assert sentence.text == (
        "The death toll given by the county sheriff rose from 9 to 14; that given by the river authority "
        "rose from at least 3 to more than 20 and then to more than 30."
    )
    assert sentence.sources == ("s1", "s2", "s3", "s4")


def test_a_lowered_or_revised_toll_says_so() -> None:
    lowered = facts_of(claim(2000, "the government", APR5, "s1"), claim(162, "the government", APR7, "s2"))
    assert timeline_sentences(toll_timeline(lowered))[0].text == "The death toll given by the government fell from 2000 to 162."
    revised = facts_of(
        claim(7, "the monitor", APR5, "s1"), claim(100, "the monitor", APR6, "s2"), claim(90, "the monitor", APR7, "s3")
    )
    assert timeline_sentences(toll_timeline(revised))[0].text == (
        "The death toll given by the monitor was revised from 7 to 100 and then to 90."
    )


def test_no_sentence_when_no_toll_moved() -> None:
    steady = facts_of(claim(14, "the sheriff", APR5, "s1"), claim(14, "the sheriff", APR6, "s2"))
    assert timeline_sentences(toll_timeline(steady)) == ()


def test_a_vague_name_that_fits_two_bodies_stays_apart() -> None:
    facts = facts_of(
        claim(9, "health officials", APR5, "s1"),
        claim(11, "police officials", APR5, "s2"),
        claim(12, "officials", APR6, "s3"),
    )
    assert sorted(s.body for s in toll_timeline(facts)) == ["health officials", "officials", "police officials"]


def test_the_record_lists_every_point_with_its_citation() -> None:
    first = timeline_record(toll_timeline(FLOOD))[0]
    assert first["body"] == "the county sheriff" and first["moved"] is True
    assert first["points"][0] == {
        "reported": "2025-04-05", "figure": 9, "display": "9", "sources": ["s1"], "sentences": ["s1.0"],
    }


def test_the_chart_links_each_point_and_runs_nothing() -> None:
    series = [s for s in toll_timeline(FLOOD) if s.fact == "fatalities"]

    def link(point: TollPoint) -> tuple[str, str] | None:
        return (f"#ref-{point.sources[0][1:]}", "<Courier>") if point.sources[0] != "s4" else None

    svg = toll_chart(series, link, "Death toll <by body>")
    ElementTree.fromstring(svg.replace("<figure class=\"toll-chart\">", "<figure>"))  # well-formed XML
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert re.findall(r'<a href="([^"]+)">', svg) == ["#ref-1", "#ref-2", "#ref-3", "#ref-1", "#ref-2"]
    assert svg.count("<circle") == 6
    assert "&lt;Courier&gt;" in svg and "Death toll &lt;by body&gt;" in svg


@given(st.lists(st.tuples(st.integers(0, 5000), st.sampled_from([APR5, APR6, APR7])), min_size=1, max_size=8))
def test_any_history_charts_inside_the_frame(points: list[tuple[int, dt.date]]) -> None:
    facts = facts_of(*(claim(v, "the ministry", d, f"s{i}") for i, (v, d) in enumerate(points)))
    series = list(toll_timeline(facts))
    svg = toll_chart(series, lambda p: None, "Deaths")
    for cx, cy in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg):
        assert 0 <= float(cx) <= 640 and 0 <= float(cy) <= 240
