"""Scoring rules of ``wikiwire eval``: each field scorer on reference strings as infoboxes
write them, and the attainability check against the raw reports."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.evaluation import scoring
from wikiwire.evaluation.scoring import Evidence, Report

HOMS = Evidence(
    (
        Report(
            "Explosive-laden drones hit a graduation ceremony at the Homs Military Academy in Homs, "
            "Syria, on Thursday at about 2 p.m. No group has claimed responsibility. The health "
            "ministry said 89 people were killed and 277 wounded; a monitor counted 123 dead. The "
            "attack is part of the Syrian civil war.",
            dt.date(2023, 10, 5),
        ),
    )
)


def _casualties(low: int | None, high: int | None, best: int | None = None) -> dict[str, object]:
    return {"value": {"low": low, "high": high, "best": best}, "display": f"{low}–{high}"}


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("112+", (112, 112)),
        ("~277+", (277, 277)),
        ("19 (including the perpetrator)", (19, 19)),
        ("1,482 dead (October 7 events); 3 dead (October 11 event)", (1482, 1482)),
        ("2,100–2,400 injured (October 7 events); 169 injured", (2100, 2400)),
        ("6", (6, 6)),
        ("none reported", None),
    ],
)
def test_reference_figure_takes_the_first_number_or_range(reference: str, expected: tuple[int, int] | None) -> None:
    assert scoring.reference_figure(reference) == expected


def test_figure_inside_the_reconciled_range_counts() -> None:
    result = scoring.score_figure("fatalities", "112+", _casualties(89, 123), HOMS)
    assert result.score == 1.0
    # 112 is in no report: the range contains it, but nobody stated it.
    assert result.attainable is False


def test_figure_outside_the_range_is_wrong_and_stated_figure_is_attainable() -> None:
    result = scoring.score_figure("injuries", "~277+", _casualties(150, 240), HOMS)
    assert result.score == 0.0
    assert result.attainable is True


def test_open_lower_bound_is_scored_as_its_figure() -> None:
    assert scoring.score_figure("fatalities", "120", _casualties(120, None), HOMS).score == 1.0
    assert scoring.score_figure("fatalities", "130", _casualties(120, None), HOMS).score == 0.0


def test_reference_range_counts_when_it_overlaps_ours() -> None:
    assert scoring.score_figure("injuries", "2,100–2,400 injured", _casualties(2000, 2200), None).score == 1.0
    assert scoring.score_figure("injuries", "2,100–2,400 injured", _casualties(1000, 2000), None).score == 0.0


def test_missing_figure_scores_zero() -> None:
    assert scoring.score_figure("fatalities", "6", None, None).score == 0.0
    assert scoring.score_figure("fatalities", "6", {"value": {"low": None, "high": None, "best": None}}, None).score == 0.0


def test_number_written_in_words_or_with_separators_is_stated() -> None:
    evidence = Evidence((Report("Six workers are missing; 1,482 people died in the quake."),))
    assert evidence.states_number(6)
    assert evidence.states_number(1482)
    assert not evidence.states_number(148)
    assert not evidence.states_number(48)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("5 October 2023", dt.date(2023, 10, 5)),
        ("October 25, 2023", dt.date(2023, 10, 25)),
        ("26 March 2024", dt.date(2024, 3, 26)),
        ("2023-10-07", dt.date(2023, 10, 7)),
        ("Sept. 3, 2022", dt.date(2022, 9, 3)),
        ("unknown", None),
    ],
)
def test_reference_dates_parse(reference: str, expected: dt.date | None) -> None:
    assert scoring.parse_reference_date(reference) == expected


def test_date_equal_is_correct_and_weekday_in_a_fresh_report_is_attainable() -> None:
    good = scoring.score_date("5 October 2023", {"value": "2023-10-05", "display": "5 October 2023"}, HOMS)
    assert (good.score, good.attainable) == (1.0, True)
    assert scoring.score_date("5 October 2023", {"value": "2023-11-02"}, HOMS).score == 0.0


def test_weekday_in_a_late_report_does_not_make_the_date_attainable() -> None:
    late = Evidence((Report("The drones struck on Thursday afternoon last month.", dt.date(2023, 11, 2)),))
    assert scoring.score_date("5 October 2023", {"value": "2023-10-05"}, late).attainable is False


def test_reference_times() -> None:
    assert scoring.reference_time("~14:00") == (840, 840)
    assert scoring.reference_time("6:54 – 7:08 p.m.") == (18 * 60 + 54, 19 * 60 + 8)
    assert scoring.reference_time("11:11 AFT (UTC+4:30)") == (671, 671)
    assert scoring.reference_time("about 1:30 a.m. (reported as 1:27–1:28 a.m.)") == (90, 90)


def test_time_within_tolerance_and_part_of_day() -> None:
    assert scoring.score_time("~14:00", {"value": "14:10"}, HOMS).score == 1.0
    assert scoring.score_time("~14:00", {"value": "15:00"}, HOMS).score == 0.0
    assert scoring.score_time("~14:00", {"value": "afternoon"}, HOMS).score == scoring.PART_OF_DAY_CREDIT
    assert scoring.score_time("~14:00", {"value": "morning"}, HOMS).score == 0.0
    assert scoring.score_time("~14:00", None, HOMS).attainable is True  # "2 p.m." is in the report


@pytest.mark.parametrize(
    ("reference", "ours", "score"),
    [
        ("UTC+03:00", "UTC+03:00", 1.0),
        ("AFT (UTC+4:30)", "UTC+04:30", 1.0),
        ("EDT; UTC-04:00", "UTC-04:00", 1.0),
        ("ET", "UTC-04:00", 1.0),
        ("ET", "UTC+00:00", 0.0),
        ("UTC+03:00", "UTC+02:00", 0.0),
    ],
)
def test_timezone_by_offset(reference: str, ours: str, score: float) -> None:
    assert scoring.score_timezone(reference, {"value": ours, "display": ours}, None).score == score


def test_location_scores_the_share_of_parts_found() -> None:
    ours = {"value": {"venue": "Homs Military Academy", "city": "Homs", "region": "Homs Governorate",
                      "country": "Syria", "lat": 34.7, "lon": 36.7},
            "display": "Homs Military Academy, Homs, Syria"}
    assert scoring.score_location("Homs, Syria", ours, HOMS).score == 1.0
    country_only = {"value": {"venue": None, "city": None, "region": None, "country": "Syria"}, "display": "Syria"}
    assert scoring.score_location("Homs, Syria", country_only, HOMS).score == 0.5


def test_location_aliases_and_administrative_words() -> None:
    ours = {"value": {"city": "Lewiston", "region": "Maine", "country": "United States"}, "display": "Lewiston, Maine, United States"}
    assert scoring.score_location("Lewiston, Maine, U.S.", ours, None).score == 1.0
    herat = {"value": {"region": "Herat", "country": "Afghanistan"}, "display": "Herat, Afghanistan"}
    assert scoring.score_location("Herat Province, Afghanistan", herat, None).score == 1.0


def test_one_word_inside_a_venue_is_not_the_city() -> None:
    venue_only = {"value": {"venue": "Homs Military Academy"}, "display": "Homs Military Academy"}
    assert scoring.score_location("Homs, Syria", venue_only, HOMS).score == 0.0
    assert scoring.places_match("Francis Scott Key Bridge", "Key Bridge")


def test_location_attainable_score_counts_only_stated_parts() -> None:
    evidence = Evidence((Report("The bridge in Baltimore fell into the river."),))
    ours = {"value": {"city": "Baltimore"}, "display": "Baltimore"}
    result = scoring.score_location("Baltimore, Maryland, United States", ours, evidence)
    assert result.score == pytest.approx(1 / 3)
    assert result.attainable_score == 1.0


@pytest.mark.parametrize(
    ("reference", "ours", "score"),
    [
        ("Drone strike", "drone strike", 1.0),
        ("Mass shooting, mass murder, spree shooting, murder–suicide", "mass shooting", 1.0),
        ("Bridge collapse after the container ship Dali struck a bridge support", "bridge collapse", 1.0),
        ("Suicide bombing", "bombing", 1.0),
        ("Drone strike", "airstrike", 0.0),
        ("Thrust", "earthquake", 0.0),
    ],
)
def test_type_by_containment(reference: str, ours: str, score: float) -> None:
    assert scoring.score_type(reference, {"value": ours, "display": ours}, None).score == score


def test_type_unstated_in_reports_is_unattainable() -> None:
    quake = Evidence((Report("A magnitude 6.3 earthquake struck western Afghanistan."),))
    assert scoring.score_type("Thrust", {"value": "earthquake"}, quake).attainable is False
    assert scoring.score_type("Drone strike", {"value": "drone strike"}, HOMS).attainable is False
    struck = Evidence((Report("A drone strike hit the academy."),))
    assert scoring.score_type("Drone strike", {"value": "drone strike"}, struck).attainable is True


def test_perpetrators_unknown_and_names() -> None:
    unknown = scoring.score_perpetrators("Unknown", {"value": ["Unknown"], "display": "Unknown"}, HOMS)
    assert (unknown.score, unknown.attainable) == (1.0, True)
    assert scoring.score_perpetrators("Unknown", {"value": ["terrorist groups"]}, HOMS).score == 0.0
    assert scoring.score_perpetrators("Robert Russell Card II", {"value": ["Robert Card"]}, None).score == 1.0
    assert scoring.score_perpetrators("Robert Russell Card II", {"value": ["Card"]}, None).score == 0.0
    assert scoring.score_perpetrators("Robert Russell Card II", {"value": ["Unknown"]}, None).score == 0.0


def test_named_perpetrator_attainable_when_first_and_last_names_appear() -> None:
    evidence = Evidence((Report("Police named the suspect as Robert Card, 40, of Bowdoin."),))
    assert scoring.score_perpetrators("Robert Russell Card II", None, evidence).attainable is True


def test_target_and_part_of_by_similarity() -> None:
    ref = "Syrian military graduation ceremony"
    assert scoring.score_phrase("target", ref, {"value": "the graduation ceremony", "display": "the graduation ceremony"}, HOMS).score == 1.0
    assert scoring.score_phrase("target", ref, {"value": "military academy", "display": "military academy"}, HOMS).score == 0.0
    part = scoring.score_phrase("part_of", "the Syrian civil war", {"display": "Syrian civil war"}, HOMS)
    assert (part.score, part.attainable) == (1.0, True)
    assert scoring.score_phrase("part_of", "mass shootings in the United States",
                                {"display": "gun violence in the United States"}, None).score == 0.0


def test_score_fields_skips_empty_reference_fields() -> None:
    reference = {"date": "5 October 2023", "target": "", "perpetrators": "Unknown"}
    predicted = {"date": {"value": "2023-10-05"}, "perpetrators": {"value": ["Unknown"]}}
    scores = scoring.score_fields(reference, predicted, HOMS)
    assert set(scores) == {"date", "perpetrators"}
    assert all(s.score == 1.0 for s in scores.values())


def test_content_metrics() -> None:
    rouge = scoring.rouge_f1("Drones struck the academy in Homs.", "Drones struck the academy in Homs.")
    assert rouge == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}
    entities = scoring.reference_entities([("the Homs Military Academy", "FAC"), ("Syria", "GPE"), ("89", "CARDINAL")])
    assert entities == {"homs military academy", "syria"}
    assert scoring.entity_recall(entities, "Drones hit Homs Military Academy.") == 0.5


def test_phrase_tokens_spell_out_country_abbreviations() -> None:
    evidence = Evidence((Report("It was the deadliest mass shooting in the U.S. this year."),))
    result = scoring.score_phrase("part_of", "mass shootings in the United States", None, evidence)
    assert result.attainable is True


def test_demonyms_match_their_country() -> None:
    ours = {"value": "the war in Syria", "display": "the war in Syria"}
    assert scoring.score_phrase("part_of", "the Syrian civil war", ours, None).score == 1.0
    assert scoring.content_tokens("Russian forces") == {"russia", "force"}
    assert scoring.content_tokens("Syrians") == {"syria"}
    assert scoring.content_tokens("civilians") == scoring.content_tokens("civilian")


def test_phrase_attainable_when_the_stated_words_would_match() -> None:
    evidence = Evidence((Report("It is one of the deadliest attacks of the war in Syria."),))
    assert scoring.score_phrase("part_of", "the Syrian civil war", None, evidence).attainable is True
    elsewhere = Evidence((Report("The war has lasted twelve years."),))
    assert scoring.score_phrase("part_of", "the Syrian civil war", None, elsewhere).attainable is False


def test_type_stated_by_an_inflected_verb_is_attainable() -> None:
    evidence = Evidence((Report("The bridge collapsed after a ship hit a pier."),))
    assert scoring.score_type("Bridge collapse", {"value": "bridge collapse"}, evidence).attainable is True
    assert scoring.score_type("Dam failure", None, evidence).attainable is False


def test_states_word_accepts_inflections_but_not_short_prefixes() -> None:
    evidence = Evidence((Report("Flooding hit the ward after the storm."),))
    assert evidence.states_word("flood")
    assert not evidence.states_word("war")
