"""Reconciliation rules, on claims built by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wikiwire.reconcile import reconcile
from wikiwire.records import FACT_NAMES, Claim

OCT5, OCT6 = dt.date(2023, 10, 5), dt.date(2023, 10, 6)


def claim(fact: str, value: Any, source: str = "s1", **kw: Any) -> Claim:
    n = kw.pop("n", 0)
    return Claim(
        fact=fact,  # type: ignore[arg-type]
        value=value,
        display=kw.pop("display", str(value)),
        source=source,
        sentence=f"{source}.{n}",
        quote=kw.pop("quote", f"a sentence stating {value}"),
        **kw,
    )


def toll(value: int, source: str, body: str | None = None, day: dt.date | None = OCT5, **kw: Any) -> Claim:
    return claim("fatalities", value, source, attributed_to=body, reported=day, **kw)


# --- numbers ---------------------------------------------------------------------------------


def test_disagreeing_bodies_give_an_attributed_range() -> None:
    claims = [
        toll(89, "s1", "the Ministry of Health", qualifier="at least"),
        toll(120, "s2", "the Syrian Observatory for Human Rights", qualifier="more than"),
    ]
    fact = reconcile(claims, []).get("fatalities")
    assert fact.display == "89–120+"
    assert fact.value == {"low": 89, "high": 120, "best": 89}
    assert fact.sources == ("s1", "s2")
    conflicts = [c for c in reconcile(claims, []).conflicts if c.fact == "fatalities"]
    assert conflicts[0].resolution == (
        "range of latest figures per attributing body: the Ministry of Health 89+ (s1), "
        "the Syrian Observatory for Human Rights 120+ (s2)"
    )


def test_tolls_rise_each_body_counts_with_its_latest_report() -> None:
    claims = [
        toll(7, "s1", "the Syrian Observatory for Human Rights", qualifier="at least"),
        toll(100, "s2", "SOHR", qualifier="more than"),
        toll(120, "s3", "the Observatory", day=OCT6, qualifier="more than"),
        toll(89, "s4", "the health ministry", day=OCT6, qualifier="at least"),
        toll(80, "s5", "Syria's Ministry of Health", qualifier="at least"),
    ]
    facts = reconcile(claims, [])
    fact = facts.get("fatalities")
    assert fact.display == "89–120+"
    assert {c.source for c in fact.claims} == {"s3", "s4"}
    superseded = next(c for c in facts.conflicts if c.resolution.startswith("superseded"))
    assert {c.source for c in superseded.claims} == {"s1", "s2", "s5"}


def test_agreeing_sources_give_one_lower_bound() -> None:
    claims = [toll(120, "s1", qualifier="at least"), toll(120, "s2", qualifier="more than"), toll(120, "s3", qualifier="at least")]
    fact = reconcile(claims, []).get("fatalities")
    assert (fact.display, fact.value) == ("120+", {"low": 120, "high": 120, "best": 120})
    about = reconcile([toll(300, "s1", qualifier="about")], []).get("fatalities")
    assert about.display == "~300"


def test_an_early_count_far_below_the_others_is_superseded() -> None:
    claims = [toll(7, "s1", "a war monitor"), toll(89, "s2", "the ministry"), toll(112, "s3"), toll(120, "s4", "the Observatory")]
    fact = reconcile(claims, []).get("fatalities")
    assert (fact.value, fact.display) == ({"low": 89, "high": 120, "best": 112}, "89–120")


def test_a_newer_lower_count_from_another_body_is_a_dispute_not_an_outlier() -> None:
    claims = [toll(9240, "s1", "the Taliban", day=OCT5), toll(9249, "s2", day=OCT5), toll(1663, "s3", "the UN", day=OCT6)]
    assert reconcile(claims, []).get("fatalities").display == "1,663–9,249"


def test_majority_figure_drops_lower_stale_ones_and_adds_the_perpetrator() -> None:
    claims = [
        toll(16, "s1", qualifier="at least", day=None),
        *(toll(18, f"s{i}", day=None) for i in range(2, 6)),
        toll(1, "s6", scope="perpetrators", day=None),
    ]
    fact = reconcile(claims, []).get("fatalities")
    assert fact.display == "19 (including the perpetrator)"
    assert fact.value == {"low": 19, "high": 19, "best": 19}
    assert fact.breakdown == {"perpetrators": 1}


def test_breakdowns_are_kept_apart_from_the_total() -> None:
    claims = [
        toll(81, "s1", "the Ministry of Health", qualifier="at least"),
        toll(31, "s1", "the Ministry of Health", scope="women"),
        toll(5, "s1", "the Ministry of Health", scope="children"),
        claim("injuries", 239, "s1", attributed_to="the Ministry of Health", reported=OCT5),
    ]
    facts = reconcile(claims, [])
    assert facts.get("fatalities").display == "81+"
    assert facts.get("fatalities").breakdown == {"women": 31, "children": 5}
    assert facts.get("injuries").display == "239"


def test_vague_counts_only_when_nothing_precise() -> None:
    vague = toll(24, "s1", qualifier="at least", weight=0.6)
    assert reconcile([vague], []).get("fatalities").display == "24+"
    assert reconcile([vague, toll(60, "s2", qualifier="more than")], []).get("fatalities").display == "60+"


# --- categorical -----------------------------------------------------------------------------


def test_votes_by_independent_source_not_by_repetition() -> None:
    claims = [
        *(claim("date", "2023-10-06", "s1", n=i) for i in range(3)),
        claim("date", "2023-10-05", "s2"),
        claim("date", "2023-10-05", "s3"),
    ]
    facts = reconcile(claims, [])
    assert (facts.get("date").value, facts.get("date").display) == ("2023-10-05", "5 October 2023")
    assert [c.fact for c in facts.conflicts] == ["date"]


def test_ties_go_to_official_attribution() -> None:
    claims = [claim("type", "drone strike", "s1"), claim("target", "a wedding", "s1"),
              claim("target", "a graduation ceremony", "s2", attributed_to="the army")]
    assert reconcile(claims, []).get("target").display == "a graduation ceremony"


def test_the_more_specific_type_wins_with_half_the_votes() -> None:
    claims = [
        *(claim("type", "explosion", f"s{i}") for i in range(1, 5)),
        *(claim("type", "drone strike", f"s{i}") for i in range(5, 7)),
    ]
    facts = reconcile(claims, [])
    assert (facts.kind, facts.get("type").display) == ("drone strike", "Drone strike")
    assert reconcile([], []).kind == "event"


def place(source: str, venue: str | None = None, city: str | None = None, region: str | None = None,
          country: str | None = None, tz: str | None = None, weight: float = 1.0) -> Claim:
    value = {"venue": venue, "city": city, "region": region, "country": country, "lat": None, "lon": None, "tz": tz}
    return claim("location", value, source, weight=weight)


def test_location_parts_are_consistent_with_the_winning_city() -> None:
    claims = [
        place("s1", "Homs Military Academy", "Homs", "Homs Governorate", "Syria", "Asia/Damascus"),
        place("s2", None, "Homs", None, "Syria"),
        place("s3", "Military Academy", "Homs", None, "Syria"),
        place("s4", None, "Idlib", "Idlib Governorate", "Syria"),
        place("s5", None, None, None, "Turkey"),
    ]
    facts = reconcile([*claims, claim("date", "2023-10-05", "s1")], [])
    location = facts.get("location")
    assert location.display == "Homs Military Academy, Homs, Syria"
    assert location.value["region"] == "Homs Governorate"  # type: ignore[index]
    timezone = facts.get("timezone")
    assert (timezone.value, timezone.display) == ("UTC+03:00", "UTC+03:00")
    assert timezone.sources == location.sources


def test_region_shown_when_most_reports_name_no_city_and_with_us_states() -> None:
    regional = [place(f"s{i}", None, None, "Herat Province", "Afghanistan") for i in range(1, 4)]
    regional.append(place("s4", None, "Herat", "Herat Province", "Afghanistan"))
    assert reconcile(regional, []).get("location").display == "Herat Province, Afghanistan"
    us = [place("s1", None, "Lewiston", "Maine", "United States", "America/New_York"), claim("date", "2023-10-25", "s1")]
    facts = reconcile(us, [])
    assert facts.get("location").display == "Lewiston, Maine, United States"
    assert (facts.get("timezone").value, facts.get("timezone").display) == ("UTC-04:00", "EDT (UTC-04:00)")


def test_split_venues_are_not_shown() -> None:
    claims = [place("s1", "Sparetime Recreation", "Lewiston"), place("s2", "Schemengees Bar", "Lewiston"),
              place("s3", None, "Lewiston")]
    assert reconcile(claims, []).get("location").display == "Lewiston"


def test_no_claim_of_responsibility_shows_unknown_and_keeps_the_accusation() -> None:
    claims = [
        claim("perpetrators", "Unknown", "s1", stance="unknown", quote="No group has claimed responsibility."),
        claim("perpetrators", "terrorist groups", "s2", stance="accused", attributed_to="the army"),
    ]
    facts = reconcile(claims, [])
    assert facts.get("perpetrators").display == "Unknown"
    conflict = next(c for c in facts.conflicts if c.fact == "perpetrators")
    assert "terrorist groups (by the army)" in conflict.resolution


def test_a_named_suspect_beats_an_accusation() -> None:
    claims = [
        claim("perpetrators", "robert card", "s1", stance="suspected", display="Robert Card"),
        claim("perpetrators", "robert card", "s2", stance="suspected", display="Robert Card"),
        claim("perpetrators", "terrorist groups", "s3", stance="accused"),
    ]
    assert reconcile(claims, []).get("perpetrators").display == "Robert Card"


def test_time_part_of_day_supports_a_clock_time() -> None:
    claims = [claim("time", "14:00", "s1", qualifier="about"), claim("time", "afternoon", "s2"), claim("time", "afternoon", "s3"),
              claim("time", "09:00", "s4"), claim("time", "09:00", "s5")]
    assert reconcile(claims, []).get("time").display == "~14:00"


def test_every_fact_is_present_and_multi_day_dates_display_as_ranges() -> None:
    facts = reconcile([claim("date", "2023-10-07", "s1", value_end="2023-10-15")], [])
    assert set(facts.facts) == set(FACT_NAMES)
    assert facts.get("date").display == "7–15 October 2023"
    assert facts.get("fatalities").display == ""


def test_nearby_clock_times_support_each_other() -> None:
    claims = [
        claim("time", "01:27", "s1"), claim("time", "01:28", "s2"), claim("time", "01:28", "s3"),
        claim("time", "01:30", "s4", qualifier="about"), claim("time", "06:30", "s5"), claim("time", "06:00", "s6"),
        claim("time", "early morning", "s7"),
    ]
    fact = reconcile(claims, []).get("time")
    assert (fact.value, fact.display, fact.sources) == ("01:28", "01:28", ("s2", "s3"))


def test_aliases_merge_but_distinct_bodies_stay_apart() -> None:
    claims = [
        toll(2400, "s1", "the Taliban administration", day=OCT6),
        toll(2053, "s2", "a Taliban spokesperson", day=OCT6),
        toll(2060, "s3", "the Taliban regime in Kabul", day=OCT6),
        toll(1023, "s4", "the UN humanitarian office", day=OCT6),
        toll(900, "s5", "the UN", day=OCT6),
    ]
    conflict = next(c for c in reconcile(claims, []).conflicts if c.resolution.startswith("range"))
    assert conflict.resolution == (
        "range of latest figures per attributing body: the UN humanitarian office 1,023 (s4), "
        "the Taliban regime in Kabul 2,400 (s1)"
    )
    armies = [toll(30, "s1", "the Israeli army"), toll(50, "s2", "the Syrian army"), toll(40, "s3", "the ministry")]
    assert reconcile(armies, []).get("fatalities").display == "30–50"


def test_an_exact_clock_time_breaks_a_tie_with_a_rough_one() -> None:
    claims = [claim("time", "12:00", "s1", qualifier="about"), claim("time", "11:00", "s2")]
    assert reconcile(claims, []).get("time").display == "11:00"


# --- extraction-quality pass: time support, fault claims, attack-only facts, names, wars ----


def test_single_weak_part_of_day_is_not_shown() -> None:
    fact = reconcile([claim("time", "early night", "s2", weight=0.14)], []).get("time")
    assert fact.value is None and fact.display == ""


def test_part_of_day_from_two_sources_is_shown() -> None:
    claims = [claim("time", "afternoon", "s1", weight=0.14), claim("time", "afternoon", "s2", weight=0.09)]
    assert reconcile(claims, []).get("time").display == "afternoon"


def test_clock_time_needs_no_minimum_support() -> None:
    fact = reconcile([claim("time", "14:00", "s1", weight=0.2, qualifier="about")], []).get("time")
    assert fact.display == "~14:00"


def test_fault_claims_do_not_vote_on_the_type() -> None:
    claims = [
        claim("type", "earthquake", "s1", weight=0.6),
        claim("type", "Thrust", "s1", weight=0.9, scope="fault", n=1),
        claim("type", "Thrust", "s2", weight=0.9, scope="fault", n=1),
    ]
    facts = reconcile(claims, [])
    fact = facts.get("type")
    assert fact.value == "earthquake" and facts.kind == "earthquake"
    assert "Thrust" in (fact.rule or "")
    assert any(c.scope == "fault" for c in fact.claims)


def test_target_and_weapons_only_for_attacks() -> None:
    claims = [
        claim("type", "bridge collapse", "s1"),
        claim("target", "the bridge", "s1"),
        claim("weapons", "container ship", "s1"),
    ]
    facts = reconcile(claims, [])
    assert facts.get("target").display == "" and facts.get("weapons").display == ""
    attack = [claim("type", "mass shooting", "s1"), claim("target", "a bowling alley", "s1")]
    assert reconcile(attack, []).get("target").display == "a bowling alley"


def test_suspect_shown_with_the_fullest_name_written() -> None:
    claims = [
        claim("perpetrators", "Robert Card", "s1", display="Robert Card", stance="suspected"),
        claim("perpetrators", "Robert Card", "s2", display="Robert R. Card", stance="suspected"),
        claim("perpetrators", "Robert Card", "s3", display="Robert Card", stance="suspected"),
    ]
    assert reconcile(claims, []).get("perpetrators").display == "Robert R. Card"


def test_war_in_country_supports_the_same_countrys_civil_war() -> None:
    claims = [
        claim("part_of", "war in Syria", "s1", display="the war in Syria"),
        claim("part_of", "war in Syria", "s2", display="the war in Syria"),
        claim("part_of", "Syrian civil war", "s3", display="the Syrian civil war", weight=0.7),
    ]
    fact = reconcile(claims, []).get("part_of")
    assert fact.display == "the Syrian civil war"
    assert fact.sources == ("s1", "s2", "s3")


def test_a_bridge_collapse_is_placed_on_the_water_most_reports_name() -> None:
    import datetime as dt

    from wikiwire.records import AnalysedSource, EventFrame, Sentence, Source

    def report(sid: str, text: str) -> AnalysedSource:
        sentence = Sentence(id=f"{sid}.0", source_id=sid, index=0, paragraph=0, text=text)
        return AnalysedSource(source=Source(id=sid, input=f"{sid}.txt", text=text), sentences=(sentence,),
                              anchor_date=dt.date(2024, 3, 26))

    analysed = [
        report("s1", "The Elm Street Bridge collapsed into the Wren River after a barge struck a pier."),
        report("s2", "Cars fell into the Wren River when the bridge gave way."),
        report("s3", "Divers searched the Wren River near Millbrook Harbor for the missing workers."),
        report("s4", "The bridge collapsed early on Tuesday."),
    ]
    place = {"venue": "Elm Street Bridge", "city": "Millbrook", "region": None, "country": "Freedonia", "lat": None, "lon": None}
    claims = [Claim(fact="location", value=place, display="Elm Street Bridge, Millbrook", source=a.source.id,
                    sentence=f"{a.source.id}.0", quote=a.sentences[0].text) for a in analysed]
    frame = EventFrame(kind="bridge collapse")
    facts = reconcile(claims, analysed, frame=frame)
    assert facts.get("location").value["water"] == "Wren River"  # type: ignore[index]
    assert facts.get("location").display.startswith("Elm Street Bridge, Wren River, Millbrook")
    # A shooting's place has no water part, whatever the reports say of a river.
    shooting = reconcile(claims, analysed, frame=EventFrame(kind="mass shooting"))
    assert "water" not in shooting.get("location").value  # type: ignore[operator]
