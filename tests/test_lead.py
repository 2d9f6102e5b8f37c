"""The lead's first sentence: several attacks name the place, one attack its target with the
right preposition; the bodies a figure is attributed to read as names, listed as a reader
lists them."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.compose.lead import casualty_summary, compose_lead, join_names, named_body
from wikiwire.reconcile import reconcile
from wikiwire.records import Claim, EventFacts, Fact
from wikiwire.taxonomy import kind_for


def _claim(fact: str, value: str, source: str) -> Claim:
    return Claim(fact=fact, value=value, display=value, source=source, sentence=f"{source}.0", quote=f"{value} stated")  # type: ignore[arg-type]


def test_several_attacks_lead_names_the_place_not_one_site() -> None:
    claims = [
        _claim("type", "mass shooting", "s1"),
        Claim(fact="date", value="2024-06-01", display="1 June 2024", source="s1", sentence="s1.0", quote="1 June 2024"),
        Claim(fact="target", value="a bar", display="a bar", source="s1", sentence="s1.0", quote="a bar"),
        Claim(fact="location", value={"venue": None, "city": "Springfield", "region": "Ohio", "country": "United States", "lat": None, "lon": None},
              display="Springfield, Ohio", source="s1", sentence="s1.0", quote="Springfield, Ohio, United States"),
    ]
    facts = reconcile(claims, [])
    assert compose_lead(facts, kind_for("mass shooting"), "2024 Springfield shootings")[0].text == (
        "The 2024 Springfield shootings were a series of mass shootings in Springfield, Ohio, United States, on 1 June 2024."
    )
    assert compose_lead(facts, kind_for("mass shooting"), "2024 Springfield shooting")[0].text == (
        "The 2024 Springfield shooting was a mass shooting at a bar in Springfield, Ohio, United States, on 1 June 2024."
    )


# ---------------------------------------------------------------------------------------------
# attributions: body names that read as names


@pytest.mark.parametrize(
    ("attribution", "body"),
    [
        # A name whose head noun was cut off after "a": the organisation, with "the".
        ("a United Nations", "the United Nations"),
        # A word left dangling at the end names nothing.
        ("the Ministry of Health of", "the Ministry of Health"),
        ("the Keel Point Coast Guard and", "the Keel Point Coast Guard"),
        # One unnamed person is no body a reader can look up, whatever modifies it.
        ("official", None),
        ("District official", None),
        ("South Korea's official", None),
        ("a security source", None),
        # Bodies, named people and plural officials stay.
        ("officials", "officials"),
        ("a Taliban spokesperson", "a Taliban spokesperson"),
        ("Istanbul Gov. Ali Yerlikaya", "Istanbul Gov. Ali Yerlikaya"),
        ("police", "police"),
        ("the monitor", None),
    ],
)
def test_named_body_reads_as_a_name(attribution: str, body: str | None) -> None:
    assert named_body(attribution) == body


def test_names_are_listed_with_commas_and_one_and() -> None:
    assert join_names(["police"]) == "police"
    assert join_names(["police", "the coroner"]) == "police and the coroner"
    assert join_names(["the governor", "police", "the coroner"]) == "the governor, police and the coroner"
    # An attribution naming two bodies is listed as two, once each.
    assert join_names(["President Ada Quill and security officials", "the coroner", "security officials"]) == (
        "President Ada Quill, security officials and the coroner")


def _toll_claim(value: int, by: str | None, source: str) -> Claim:
    return Claim(fact="fatalities", value=value, display=str(value), source=source, sentence=f"{source}.0",
                 quote=f"At least {value} people were killed, {by or 'reports'} said.", qualifier="at least",
                 attributed_to=by)


def test_casualty_bodies_giving_one_figure_read_as_a_list_without_bare_officials() -> None:
    claims = (
        _toll_claim(63, "Governor Ada Quill", "s1"),
        _toll_claim(63, "official", "s2"),
        _toll_claim(63, "the Sallow Fire Service", "s3"),
        _toll_claim(63, "the Keel Point coroner", "s4"),
    )
    facts = EventFacts(kind="maritime accident", facts={
        "fatalities": Fact(name="fatalities", value={"low": 63, "high": 63, "best": 63}, claims=claims)})
    (sentence,) = casualty_summary(facts)
    assert sentence.text == ("Governor Ada Quill, the Sallow Fire Service and the Keel Point coroner "
                             "reported at least 63 deaths.")
    assert " official " not in sentence.text


def test_one_unattributed_figure_opens_its_sentence() -> None:
    facts = EventFacts(kind="maritime accident", facts={
        "fatalities": Fact(name="fatalities", value=2, claims=(_toll_claim(2, "South Korea's official", "s1"),))})
    (sentence,) = casualty_summary(facts)
    assert sentence.text == "At least two people were killed, according to reports."
    assert sentence.sources == ("s1",)


def test_toll_attributed_to_a_cut_off_name_says_the_name() -> None:
    claims = (
        Claim(fact="fatalities", value=100, display="100", source="s1", sentence="s1.0", quote="100 died, the broadcaster said.",
              attributed_to="the Sallow Broadcasting Corp (SBC)"),
        Claim(fact="fatalities", value=670, display="670", source="s2", sentence="s2.0",
              quote="670 died, according to a United Nations official.", attributed_to="a United Nations"),
    )
    facts = EventFacts(kind="landslide", facts={
        "fatalities": Fact(name="fatalities", value={"low": 100, "high": 670, "best": 670}, claims=claims)})
    (sentence,) = [s for s in compose_lead(facts, kind_for("landslide"), "2031 Keel Point landslide") if "killed" in s.text]
    assert sentence.text.endswith("according to the Sallow Broadcasting Corp (SBC) and the United Nations.")


def test_a_place_in_one_name_takes_no_comma_before_the_date() -> None:
    facts = EventFacts(kind="rail accident", facts={
        "date": Fact(name="date", value="2031-05-03", display="3 May 2031", sources=("s1",)),
        "location": Fact(name="location", value={"city": None, "region": None, "country": "Greece"},
                         display="Greece", sources=("s1",)),
        "type": Fact(name="type", value="rail accident", display="Rail accident", sources=("s1",)),
    })
    first = compose_lead(facts, kind_for("rail accident"), "2031 Greece train crash")[0]
    assert first.text == "The 2031 Greece train crash was a rail accident in Greece on 3 May 2031."


def test_one_person_under_an_abbreviated_title_is_one_body() -> None:
    def claim(value: int, by: str, day: int) -> Claim:
        return Claim(fact="injuries", value=value, display=str(value), source=f"s{day}", sentence=f"s{day}.0",
                     quote=f"{value} people were injured, {by} said.", attributed_to=by, reported=dt.date(2031, 5, day))

    claims = (claim(38, "Governor Ada Quill", 3), claim(53, "Sallow Gov. Ada Quill", 4))
    facts = EventFacts(kind="maritime accident", facts={
        "injuries": Fact(name="injuries", value={"low": 38, "high": 53, "best": 53}, claims=claims)})
    (sentence,) = casualty_summary(facts)
    # The latest figure of the one governor, not two governors with two figures.
    assert sentence.text == "Sallow Gov. Ada Quill reported 53 people injured."


# ---------------------------------------------------------------------------------------------
# the time of day in the first sentence


def _timed_facts(time: str, quote: str) -> EventFacts:
    claim = Claim(fact="time", value=time.lstrip("~"), display=time, source="s2", sentence="s2.0", quote=quote)
    return EventFacts(kind="rail accident", facts={
        "date": Fact(name="date", value="2031-05-03", display="3 May 2031", sources=("s1",)),
        "time": Fact(name="time", value=time.lstrip("~"), display=time, sources=("s2",), claims=(claim,)),
        "location": Fact(name="location", value={"city": None, "region": None, "country": "Greece"},
                         display="Greece", sources=("s1",)),
        "type": Fact(name="type", value="rail accident", display="Rail accident", sources=("s1",)),
    })


@pytest.mark.parametrize(
    ("time", "quote", "when"),
    [
        # The reports' own 12-hour form, so verification finds the figures in the sources.
        ("~19:30", "The trains collided at about 7.30 p.m. near the tunnel.", "at about 7:30 p.m. local time on 3 May 2031"),
        ("23:47", "The crash came at 11:47 p.m. on Tuesday.", "at 11:47 p.m. local time on 3 May 2031"),
        ("~09:00", "Shortly after 9 a.m., the train left the rails.", "at about 9 a.m. local time on 3 May 2031"),
        # A whole hour is its figure before "am"/"pm", however spelt.
        ("11:00", "The first carriage overturned at 11am.", "at 11 a.m. local time on 3 May 2031"),
        ("~03:00", "Rescuers were called at around 3:00 am.", "at about 3 a.m. local time on 3 May 2031"),
        ("~00:00", "The trains met head-on shortly before midnight.", "at about midnight on 3 May 2031"),
        ("afternoon", "The crash happened on Tuesday afternoon.", "on the afternoon of 3 May 2031"),
        # A span of times is for the infobox; the sentence gives the day alone.
        ("~02:00–04:10", "The trains collided between 2 a.m. and 4.10 a.m.", "on 3 May 2031"),
        # A time no report writes as the sentence would ("19:30" for "7.30pm") is left out:
        # verification could not find it and would drop the first sentence.
        ("~19:30", "The trains collided at 19:30 near the tunnel.", "on 3 May 2031"),
        ("~19:30", "The trains collided at 7.30pm near the tunnel.", "on 3 May 2031"),
    ],
)
def test_the_first_sentence_gives_the_time_of_day_a_report_writes(time: str, quote: str, when: str) -> None:
    first = compose_lead(_timed_facts(time, quote), kind_for("rail accident"), "2031 Greece train crash")[0]
    assert first.text == f"The 2031 Greece train crash was a rail accident in Greece {when}."
    assert ("s2" in first.sources) == (when != "on 3 May 2031")  # the time's report is cited


def test_a_toll_bound_no_report_states_in_figures_gives_way_to_the_nearest_stated_one() -> None:
    def claim(value: int, quote: str, source: str) -> Claim:
        return Claim(fact="injuries", value=value, display=str(value), source=source, sentence=f"{source}.0", quote=quote)

    claims = (claim(12, "More than a dozen passengers were hurt in the sinking.", "s1"),
              claim(24, "At least 24 passengers were hurt, the coast guard said.", "s2"),
              claim(30, "Thirty passengers were taken to hospital with injuries.", "s3"))
    facts = EventFacts(kind="maritime accident", facts={
        "injuries": Fact(name="injuries", value={"low": 12, "high": 30, "best": 24}, claims=claims)})
    (sentence,) = [s for s in compose_lead(facts, kind_for("maritime accident"), "2031 Keel Point ferry sinking")
                   if "injured" in s.text]
    assert sentence.text == "Between 24 and 30 people were injured in the accident."
    assert set(sentence.sources) == {"s2", "s3"}


@pytest.mark.parametrize(
    ("quote", "place"),
    [
        # The gazetteer's region, which no report cited names: left out, or verification would
        # drop the whole first sentence.
        ("A car bomb exploded in a market in Sallow, Norland.", "Sallow, Norland"),
        # A region the report names stays, whatever its ending.
        ("A car bomb exploded in a market in Sallow, in Keel Province's north, Norland.", "Sallow, Keel Province, Norland"),
    ],
)
def test_a_region_no_cited_report_names_is_left_out(quote: str, place: str) -> None:
    value = {"venue": None, "city": "Sallow", "region": "Keel Province", "country": "Norland", "lat": None, "lon": None}
    claim = Claim(fact="location", value=value, display="Sallow, Norland", source="s1", sentence="s1.0", quote=quote)
    facts = EventFacts(kind="car bombing", facts={
        "date": Fact(name="date", value="2031-05-03", display="3 May 2031", sources=("s1",)),
        "location": Fact(name="location", value=value, display="Sallow, Norland", sources=("s1",), claims=(claim,)),
        "type": Fact(name="type", value="car bombing", display="Car bombing", sources=("s1",)),
    })
    first = compose_lead(facts, kind_for("car bombing"), "2031 Sallow bombing")[0]
    assert first.text == f"The 2031 Sallow bombing was a car bombing in {place}, on 3 May 2031."


def test_a_target_that_is_the_venue_is_named_once() -> None:
    claims = [
        _claim("type", "bombing", "s1"),
        Claim(fact="date", value="2022-11-13", display="13 November 2022", source="s1", sentence="s1.0", quote="13 November 2022"),
        Claim(fact="target", value="Larkin Avenue", display="Larkin Avenue", source="s1", sentence="s1.0",
              quote="A bomb went off on Larkin Avenue."),
        Claim(fact="location", value={"venue": "Larkin Avenue", "city": "Dunmore", "region": None, "country": "Marovia",
                                      "lat": None, "lon": None},
              display="Larkin Avenue, Dunmore, Marovia", source="s1", sentence="s1.0",
              quote="A bomb went off on Larkin Avenue in Dunmore, Marovia."),
    ]
    facts = reconcile(claims, [])
    assert compose_lead(facts, kind_for("bombing"), "2022 Dunmore bombing")[0].text == (
        "The 2022 Dunmore bombing was a bombing at Larkin Avenue in Dunmore, Marovia, on 13 November 2022."
    )


def test_a_group_counted_vaguely_keeps_the_hedge() -> None:
    # "dozens of children" is read as at least 24: the article must not print 24 as if counted.
    total = _toll_claim(40, "police", "s1")
    children = Claim(fact="fatalities", value=24, display="at least 24", source="s2", sentence="s2.0",
                     quote="Dozens of children were among the dead.", qualifier="at least", scope="children")
    women = Claim(fact="fatalities", value=7, display="7", source="s1", sentence="s1.1",
                  quote="Seven women were among the dead.", qualifier="exactly", scope="women")
    facts = EventFacts(kind="crowd crush", facts={"fatalities": Fact(
        name="fatalities", value={"low": 40, "high": 40, "best": 40}, claims=(total, children, women),
        breakdown={"children": 24, "women": 7})})
    assert casualty_summary(facts)[-1].text == "The dead included at least 24 children and seven women."


@pytest.mark.parametrize(
    ("part_of", "kind", "title", "sentence"),
    [
        # A war is what the event took place during.
        ("the Marovian civil war", "car bombing", "2031 Sallow bombing", "The attack took place during the Marovian civil war."),
        # Terrorism in a country (named when reports say it is attacked again and again).
        ("terrorism in Marovia", "bombing", "2031 Sallow bombing", "The attack was one of many acts of terrorism in Marovia."),
        # A series of the kind's events stays in the infobox: how many there were is not known.
        ("stabbings in Marovia", "stabbing", "2031 Sallow stabbing", None),
        ("mass shootings in Marovia", "mass shooting", "2031 Sallow shootings", None),
    ],
)
def test_the_wider_context_reads_as_a_war_or_terrorism(part_of: str, kind: str, title: str, sentence: str | None) -> None:
    facts = EventFacts(kind=kind, facts={"part_of": Fact(
        name="part_of", value=part_of, display=part_of, claims=(_claim("part_of", part_of, "s1"),))})
    lead = compose_lead(facts, kind_for(kind), title)
    assert [s.text for s in lead] == ([sentence] if sentence else [])
