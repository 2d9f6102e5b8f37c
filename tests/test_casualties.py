"""Casualty claims: tolls, hedges, breakdowns, attribution, and other events' tolls left out."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.analyse import analyse
from wikiwire.facts.casualties import extract
from wikiwire.records import AnalysedSource, Claim, Source

REPORT_DAY = dt.date(2023, 10, 6)


def _analyse(nlp, text: str, published: dt.date | None = REPORT_DAY) -> AnalysedSource:  # type: ignore[no-untyped-def]
    source = Source(id="s1", input="test", text=text, published=published)
    return analyse([source], nlp)[0]


def _figures(claims: list[Claim], fact: str) -> list[tuple[int, str | None, str | None]]:
    return [(int(c.value), c.qualifier, c.scope) for c in claims if c.fact == fact]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def strike(nlp):  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "Drones struck a graduation ceremony at the military academy in Homs on Thursday.",
            "The Ministry of Health said at least 89 people were killed, including 31 women and five children.",
            "The Syrian Observatory for Human Rights placed the toll at over 120.",
            "In response, government forces shelled villages in Idlib, killing 14 civilians.",
            "The White Helmets said the shelling killed six people in Idlib.",
            "The war has killed hundreds of thousands of people since 2011.",
            "No group has claimed responsibility for the attack.",
        ]
    )
    return extract(_analyse(nlp, text))


def test_attributed_tolls_with_hedges(strike: list[Claim]) -> None:
    totals = [(int(c.value), c.qualifier, c.attributed_to) for c in strike if c.fact == "fatalities" and c.scope is None]  # type: ignore[arg-type]
    assert totals == [
        (89, "at least", "the Ministry of Health"),
        (120, "more than", "the Syrian Observatory for Human Rights"),
    ]


def test_breakdowns_carry_their_group(strike: list[Claim]) -> None:
    groups = {c.scope: int(c.value) for c in strike if c.scope}  # type: ignore[arg-type]
    assert groups == {"women": 31, "children": 5}


def test_retaliation_and_war_tolls_are_not_this_events(strike: list[Claim]) -> None:
    values = {c.value for c in strike}
    assert not values & {14, 6, 200_000}
    assert all(c.reported == REPORT_DAY for c in strike)


def test_number_words_injuries_and_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = extract(_analyse(nlp, "Eighteen are dead and 13 injured after the shootings, the governor said."))
    assert _figures(claims, "fatalities") == [(18, "exactly", None)]
    assert _figures(claims, "injuries") == [(13, "exactly", None)]
    assert {c.attributed_to for c in claims} == {"the governor"}


def test_verbs_before_and_after_the_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two strong earthquakes killed at least 15 and injured nearly 40 others in the province."
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == [(15, "at least", None)]
    assert _figures(claims, "injuries") == [(40, "about", None)]


def test_toll_phrases(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The death toll from the quakes has since risen to 1,482, officials said.",
            "By evening the toll had exceeded 2,000.",
            "Dozens of people were wounded.",
        ]
    )
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == [(1482, "exactly", None), (2000, "more than", None)]
    assert _figures(claims, "injuries") == [(24, "at least", None)]
    dozens = next(c for c in claims if c.fact == "injuries")
    assert dozens.weight < 1.0  # vague counts weigh less


def test_ages_years_times_and_distances_are_not_tolls(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The 40-year-old suspect, Robert Card, 40, fled after 7 p.m. on Oct. 25, 2023.",
            "The ship struck the bridge 185 feet above the water, 24 hours before dawn.",
            "A 6.3 magnitude quake hit 40 kilometers from the city.",
        ]
    )
    assert extract(_analyse(nlp, text)) == []


def test_impossible_tolls_are_not_read(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "Officials said 99999999999999999999 people were killed in the strike.",
            "The blast killed 2,000,000,000 residents, a garbled wire copy claimed.",
            "At least 12 people were killed and 30 wounded, officials said.",
        ]
    )
    assert _figures(extract(_analyse(nlp, text)), "fatalities") == [(12, "at least", None)]


def test_previous_years_event_is_not_counted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The earthquake killed at least 2,000 people in Herat province, the authorities said.",
            "In June 2022, a powerful quake struck the east of the country. It killed more than 1,000 people.",
        ]
    )
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == [(2000, "at least", None)]


def test_parts_add_up_and_presumed_dead_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "Two workers were found dead, and four others are missing and presumed dead.",
            "Police said eight people died at the bar, seven were killed at the bowling alley and three others died in hospital.",
        ]
    )
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == [(6, "exactly", None), (18, "exactly", None)]


def test_early_counts_are_marked(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = extract(_analyse(nlp, "Initial reports from local officials put the number of deaths at 100."))
    assert [(c.value, c.weight < 0.5) for c in claims] == [(100, True)]


def test_perpetrator_death_is_its_own_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The gunman killed 18 people and wounded 13 at a bowling alley.",
            "Two days later the suspect was found dead of a self-inflicted gunshot wound.",
        ]
    )
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == [(18, "exactly", None), (1, "exactly", "perpetrators")]


def test_civilians_beside_soldiers_are_a_breakdown(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The attack killed soldiers and civilians, including six children; at least nine of them were civilians."
    claims = extract(_analyse(nlp, text))
    assert sorted(_figures(claims, "fatalities")) == [(6, "exactly", "children"), (9, "at least", "civilians")]


def test_no_claim_of_responsibility_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    assert extract(_analyse(nlp, "No group has claimed responsibility, and none of the 3 suspects spoke.")) == []


def test_a_mention_of_the_wider_war_keeps_the_events_own_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The strike, one of the deadliest of the country's civil war, killed at least 89 people.",
            "The civil war that has killed more than 500,000 people began with protests.",
        ]
    )
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == [(89, "at least", None)]


def test_a_pronoun_speaker_takes_the_last_named_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "A Taliban spokesman said the toll had risen sharply overnight.",
            "More than 2,060 people are dead and over 10,000 are injured, he told reporters.",
        ]
    )
    claims = extract(_analyse(nlp, text))
    assert {(c.fact, c.value, c.attributed_to) for c in claims} == {
        ("fatalities", 2060, "a Taliban spokesman"),
        ("injuries", 10000, "a Taliban spokesman"),
    }


def test_the_nearest_place_decides_whose_toll_it_is(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "A drone strike hit the military academy in Homs on Thursday.",
            "The strike in Homs killed 89 people, while a mortar attack on a market in Idlib killed 14.",
        ]
    )
    assert _figures(extract(_analyse(nlp, text)), "fatalities") == [(89, "exactly", None)]


# --- other places, aftermath, per-clause attribution (extraction-quality pass) -------------


def test_there_after_a_paragraph_about_another_place_is_not_this_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "A drone attack on a cadets' graduation at the military academy in Homs killed 89 people, the health ministry said.",
            "Since then, government jets have pounded towns in Idlib almost every day. "
            "Rescuers say more than 70 people have been killed there.",
        ]
    )
    totals = [int(c.value) for c in extract(_analyse(nlp, text)) if c.fact == "fatalities" and c.scope is None]  # type: ignore[arg-type]
    assert totals == [89]


def test_headline_places_do_not_make_the_aftermath_main(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "Drones struck a graduation ceremony at the Homs Military Academy in Homs on Thursday, killing 80 people.",
            "Government forces then shelled towns in Idlib province. Medics said 20 people had been killed there.",
        ]
    )
    source = Source(id="s1", input="t", text=text, published=REPORT_DAY, title="Homs toll rises as strikes pound Idlib")
    analysed = analyse([source], nlp)[0]
    totals = [int(c.value) for c in extract(analysed) if c.fact == "fatalities" and c.scope is None]  # type: ignore[arg-type]
    assert totals == [80]


def test_each_clause_keeps_its_own_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The strike killed at least 89 people according to the health ministry, and more than 120 "
        "according to the Syrian Observatory for Human Rights, which counted 123 dead."
    )
    found = {(int(c.value), c.attributed_to) for c in extract(_analyse(nlp, text)) if c.fact == "fatalities"}  # type: ignore[arg-type]
    assert found == {
        (89, "the health ministry"),
        (120, "the Syrian Observatory for Human Rights"),
        (123, "the Syrian Observatory for Human Rights"),
    }


def test_temporal_opener_is_not_part_of_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "By the evening the monitor said more than 100 people had been killed."
    claims = [c for c in extract(_analyse(nlp, text)) if c.fact == "fatalities"]
    assert [(int(c.value), c.attributed_to) for c in claims] == [(100, "the monitor")]  # type: ignore[arg-type]


def test_generic_role_resolves_to_the_body_an_appositive_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The Syrian Observatory for Human Rights, a Britain-based monitor, first put the toll at 7.",
            "Later the monitor said more than 100 people had been killed.",
        ]
    )
    bodies = {c.attributed_to for c in extract(_analyse(nlp, text)) if c.fact == "fatalities"}
    assert bodies == {"the Syrian Observatory for Human Rights"}


def test_number_of_people_killed_has_risen_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The number of people killed in Thursday's drone attack on a graduation ceremony at the "
        "military academy has risen to 89, the health ministry said on Friday."
    )
    claims = [c for c in extract(_analyse(nlp, text)) if c.fact == "fatalities"]
    assert [(int(c.value), c.attributed_to) for c in claims] == [(89, "the health ministry")]  # type: ignore[arg-type]


def test_a_new_clause_after_a_breakdown_is_not_a_breakdown(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry gave a figure of 89 dead, including 31 women and 5 children, and 277 injured."
    claims = extract(_analyse(nlp, text))
    assert [(int(c.value), c.scope, c.attributed_to) for c in claims if c.fact == "injuries"] == [(277, None, "the ministry")]  # type: ignore[arg-type]
    assert _figures(claims, "fatalities") == [(89, "exactly", None), (31, "exactly", "women"), (5, "exactly", "children")]


def test_many_of_them_is_not_a_breakdown_of_the_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Observatory gave a higher figure, saying more than 100 people had died, many of them young officers."
    claims = extract(_analyse(nlp, text))
    assert [(int(c.value), c.scope, c.attributed_to) for c in claims if c.fact == "fatalities"] == [(100, None, "the Observatory")]  # type: ignore[arg-type]


def test_dozens_more_being_treated_is_not_a_death_breakdown(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said 80 people had been killed, women and children among them, and that dozens more were being treated."
    assert _figures(extract(_analyse(nlp, text)), "fatalities") == [(80, "exactly", None)]


def test_generic_role_resolves_to_the_body_named_just_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(
        [
            "The toll from the drone attack has risen to 123, the Syrian Observatory for Human Rights said.",
            "The monitor said about 150 other people were wounded.",
            "The health ministry said 277 people were wounded.",
        ]
    )
    found = {(int(c.value), c.attributed_to) for c in extract(_analyse(nlp, text))}  # type: ignore[arg-type]
    assert found == {
        (123, "the Syrian Observatory for Human Rights"),
        (150, "the Syrian Observatory for Human Rights"),
        (277, "the health ministry"),
    }


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        # Each figure takes the first casualty word after it, not the list's last verb.
        (
            "By midnight, 10 people, including 3 children, had died and 61, including a baby, were wounded.",
            [(10, "exactly", None), (3, "exactly", "children")],
            [(61, "exactly", None)],
        ),
        # A share of the wounded in critical condition is a part, not the toll.
        (
            "Doctors said at least 10 of the wounded were in critical condition.",
            [],
            [(10, "at least", "other")],
        ),
        # The injured who later died add to the deaths; they are no count of the injured.
        (
            "The toll rose after nine injured people succumbed to their wounds overnight.",
            [(9, "exactly", "other")],
            [],
        ),
        # A figure someone fears or expects is no reported count.
        ("The officer said it was possible that there would be hundreds of injuries.", [], []),
        ("Officials warned that the death toll could rise to 300.", [], []),
        # "feared dead" is how tolls of the missing are reported, and stays a claim.
        ("At least 100 people are feared dead after the landslide.", [(100, "at least", None)], []),
        # A multiplier is no count; the figure it multiplies still is.
        (
            "The government's figure is about three times the United Nations estimate of 670 dead.",
            [(670, "exactly", None)],
            [],
        ),
        # Bodies brought to one hospital are a figure for one site; the remaining bodies and
        # those "among" a group are parts.
        (
            "The toll rose to 63 dead, and 43 bodies had been brought to the district hospital.",
            [(63, "exactly", None), (43, "exactly", "at one site")],
            [],
        ),
        ("Two sisters were among three teenagers killed in the attack.", [(3, "exactly", "other")], []),
        # "an additional" adds injuries to the deaths just given: a total of its own.
        (
            "The agency put the toll at 1,023 dead, with an additional 1,663 people injured.",
            [(1023, "exactly", None)],
            [(1663, "exactly", None)],
        ),
        # A share of a group counts the group, not the dead among it.
        ("Yonhap said most of the 181 passengers are presumed dead.", [], []),
        ("Police said all 12 passengers were killed.", [(12, "exactly", None)], []),
        # A toll that "crossed" a figure is more than it.
        ("Party officials said the death toll had crossed 75 by Tuesday.", [(75, "more than", None)], []),
        # "two dozen" is 24, not 2.
        (
            "The gunman killed 15 people and injured two dozen others at the college.",
            [(15, "exactly", None)],
            [(24, "about", None)],
        ),
    ],
)
def test_figures_that_are_parts_guesses_or_the_wrong_fact(nlp, text, fatalities, injuries) -> None:  # type: ignore[no-untyped-def]
    claims = extract(_analyse(nlp, text))
    assert _figures(claims, "fatalities") == fatalities
    assert _figures(claims, "injuries") == injuries
