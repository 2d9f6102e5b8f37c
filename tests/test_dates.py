"""Date claims, anchor dates and relative-date rewriting (facts.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.analyse import analyse
from wikiwire.facts import dates
from wikiwire.facts.dates import (
    anchor_date,
    check_anchors,
    find_dates,
    format_date,
    resolve_relative,
    rewrite_relative,
)
from wikiwire.records import AnalysedSource, Claim, Sentence, Source

FRIDAY = dt.date(2023, 10, 6)
THURSDAY = dt.date(2023, 10, 5)


def _source(text: str, published: dt.date | None, sid: str = "s1") -> Source:
    return Source(id=sid, input=f"{sid}.txt", text=text, published=published)


def _sentences(*texts: str) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(id=f"s1.{i}", source_id="s1", index=i, paragraph=i, text=t) for i, t in enumerate(texts)
    )


def _days(text: str, anchor: dt.date | None) -> list[tuple[str, str, str | None]]:
    return [
        (text[d.start : d.end], d.day.isoformat(), d.end_day.isoformat() if d.end_day else None)
        for d in find_dates(text, anchor)
    ]


def test_format_date_has_no_leading_zero() -> None:
    assert format_date(dt.date(2023, 10, 5)) == "5 October 2023"
    assert format_date(dt.date(2024, 3, 26)) == "26 March 2024"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones struck the academy on 5 October 2023.", "2023-10-05"),
        ("The shooting on Oct. 25, 2023 shocked the state.", "2023-10-25"),
        ("It began on Wednesday, Oct. 25, at a bowling alley.", "2023-10-25"),
        ("The bridge fell on March 26, 2024.", "2024-03-26"),
        ("The quake of 2023-10-07 was the first of four.", "2023-10-07"),
        ("It happened on the 7th of October.", "2023-10-07"),
    ],
)
def test_explicit_dates(text: str, expected: str) -> None:
    anchor = dt.date(2023, 10, 30)
    assert [d for _, d, _ in _days(text, anchor)] == [expected]


def test_date_without_year_takes_the_anchor_year_or_the_one_before() -> None:
    assert _days("Fighting resumed on October 5.", FRIDAY)[0][1] == "2023-10-05"
    # "December 30" read on 6 October cannot be a date to come: it is last year's.
    assert _days("The talks collapsed on December 30.", FRIDAY)[0][1] == "2022-12-30"
    # Without an anchor a year-less date is not guessed at.
    assert _days("Fighting resumed on October 5.", None) == []


def test_ranges_of_days() -> None:
    assert _days("Aftershocks hit from 7 to 15 October 2023.", FRIDAY) == [("7 to 15 October 2023", "2023-10-07", "2023-10-15")]
    assert _days("Floods lasted between October 7 and October 11.", dt.date(2023, 10, 20)) == [
        ("October 7 and October 11", "2023-10-07", "2023-10-11")
    ]


def test_weekday_rule_on_or_before_the_anchor() -> None:
    # Published on a Friday: "this Thursday" and "on Thursday" are the day before.
    assert _days("At least 100 people died this Thursday in a drone attack.", FRIDAY)[0][1] == "2023-10-05"
    assert _days("A drone struck the ceremony on Thursday.", FRIDAY)[0][1] == "2023-10-05"
    # Published on the Thursday itself: the same day.
    assert _days("A drone struck the ceremony on Thursday.", THURSDAY)[0][1] == "2023-10-05"
    # "last Thursday" read on a Thursday is a week earlier.
    assert _days("Talks broke down last Thursday.", THURSDAY)[0][1] == "2023-09-28"
    # Part of day stays in the span.
    assert _days("The gunman opened fire Wednesday night.", THURSDAY) == [("Wednesday night", "2023-10-04", None)]


def test_relative_words() -> None:
    monday = dt.date(2023, 10, 9)
    assert _days("Yesterday a quake struck the west.", monday)[0][1] == "2023-10-08"
    assert _days("Eighteen died after last night's shootings.", monday)[0][1] == "2023-10-08"
    assert _days("A bridge fell two days ago.", monday)[0][1] == "2023-10-07"
    assert _days("Storms hit the coast last week.", monday) == [("last week", "2023-10-02", "2023-10-08")]


def test_same_day_means_the_previous_date() -> None:
    text = "Drones hit Homs on 5 October. On the same day, shelling began in the north."
    assert [d for _, d, _ in _days(text, dt.date(2023, 10, 9))] == ["2023-10-05", "2023-10-05"]
    assert _days("Shelling began on the same day.", FRIDAY) == []


def test_weekday_as_adjective_or_in_future_is_not_the_event_day() -> None:
    assert _days("Authorities cancelled Friday prayers.", FRIDAY) == []
    (future,) = find_dates("Funerals will be held on Sunday.", FRIDAY)
    assert future.future and future.day == dt.date(2023, 10, 8)
    assert resolve_relative("Funerals will be held on Sunday.", FRIDAY) == []


def test_resolve_and_rewrite_relative() -> None:
    text = "A drone struck on Thursday. Officials spoke yesterday."
    spans = resolve_relative(text, FRIDAY)
    assert [(text[s:e], d) for s, e, d in spans] == [("on Thursday", THURSDAY), ("yesterday", THURSDAY)]
    assert rewrite_relative(text, FRIDAY) == "A drone struck on 5 October 2023. Officials spoke on 5 October 2023."
    assert rewrite_relative("Yesterday, a quake struck.", dt.date(2023, 10, 8)) == "On 7 October 2023, a quake struck."
    assert rewrite_relative("The gunman opened fire Wednesday night.", THURSDAY) == (
        "The gunman opened fire on the night of 4 October 2023."
    )
    assert rewrite_relative("Mourners buried victims of Thursday's attack.", dt.date(2023, 10, 7)) == (
        "Mourners buried victims of the 5 October 2023 attack."
    )
    # An explicit date right after the relative one already says it.
    assert rewrite_relative("Yesterday, 7 October 2023, a quake struck.", dt.date(2023, 10, 8)) == (
        "Yesterday, 7 October 2023, a quake struck."
    )


def test_anchor_is_the_publication_date_when_consistent() -> None:
    sentences = _sentences("A drone hit the academy on Thursday, 5 October 2023.")
    assert anchor_date(_source("x", FRIDAY), sentences) == (FRIDAY, None)


def test_bad_publication_date_line_is_rejected() -> None:
    # Dated mid-November, but every date it states is early October and it speaks of
    # "Thursday": written then, re-dated later.
    sentences = _sentences(
        "Government shelling killed fourteen people on Thursday and three more on Friday.",
        "The campaign followed the attack on the academy on 5 October.",
    )
    anchor, note = anchor_date(_source("x", dt.date(2023, 11, 14)), sentences)
    assert anchor is None
    assert note is not None and "2023-11-14" in note and "relative dates left unresolved" in note


def test_bad_publication_date_with_weekday_agreeing_date_is_replaced() -> None:
    sentences = _sentences("On Thursday, October 5, drones struck the academy.", "Shelling followed on Friday.")
    anchor, note = anchor_date(_source("x", dt.date(2023, 11, 14)), sentences)
    assert anchor == THURSDAY
    assert note is not None and "anchored on 2023-10-05" in note


def test_missing_publication_date_is_inferred() -> None:
    sentences = _sentences("Published October 5, 2023", "A drone attack killed dozens on Thursday.")
    anchor, note = anchor_date(_source("x", None), sentences)
    assert anchor == THURSDAY and note is not None and "no publication date" in note
    # A weekday with a year-less date fixes the year.
    sentences = _sentences("On Saturday, October 7, strong earthquakes hit the west.")
    anchor, _ = anchor_date(_source("x", None), sentences)
    assert anchor == dt.date(2023, 10, 7)
    assert anchor_date(_source("x", None), _sentences("A quake hit on Saturday.")) == (
        None,
        "no publication date, and the report states no full date to infer one from",
    )


def test_check_anchors_rejects_a_report_dated_weeks_after_the_others() -> None:
    def analysed(sid: str, published: dt.date, text: str) -> AnalysedSource:
        sentences = (Sentence(id=f"{sid}.0", source_id=sid, index=0, paragraph=0, text=text),)
        return AnalysedSource(source=_source(text, published, sid), sentences=sentences, anchor_date=published)

    items = [
        analysed("s1", THURSDAY, "Drones struck the academy on Thursday."),
        analysed("s2", FRIDAY, "The toll from Thursday's attack rose to 89."),
        analysed("s3", FRIDAY, "Mourners buried the dead on Friday."),
        analysed("s4", dt.date(2023, 11, 14), "Shelling killed fourteen on Thursday and three on Friday."),
    ]
    checked = check_anchors(items)
    assert checked[:3] == tuple(items[:3])
    assert checked[3].anchor_date is None
    assert checked[3].anchor_note is not None and "median" in checked[3].anchor_note


def test_check_anchors_does_not_let_a_weekday_guessed_year_confirm_itself() -> None:
    # An undated report writes "Friday, May 22" where the other reports put the event on
    # Friday 24 May 2024: the weekday puts May 22 in 2026, and that guess must not stand on
    # the very date it was guessed from.
    text = "A landslide buried a village on Friday, May 22, and officials said on Saturday that dozens died."
    sentences = _sentences(text)
    source = _source(text, None, "s4")
    guessed, note = anchor_date(source, sentences)
    # The latest year (up to today) in which May 22 is a Friday: 2026 when this was written.
    assert guessed is not None and (guessed.month, guessed.day, guessed.weekday()) == (5, 22, 4)
    assert guessed.year >= 2026
    assert note is not None and note.startswith(dates.WEEKDAY_INFERRED)

    def dated(sid: str, day: dt.date) -> AnalysedSource:
        line = "The landslide struck on Friday."
        one = (Sentence(id=f"{sid}.0", source_id=sid, index=0, paragraph=0, text=line),)
        return AnalysedSource(source=_source(line, day, sid), sentences=one, anchor_date=day)

    friday = dt.date(2024, 5, 24)
    items = [
        dated("s1", friday),
        dated("s2", friday),
        dated("s3", dt.date(2024, 5, 25)),
        AnalysedSource(source=source, sentences=sentences, anchor_date=guessed, anchor_note=note),
    ]
    checked = check_anchors(items)
    assert checked[3].anchor_date is None
    assert checked[3].anchor_note is not None and "median" in checked[3].anchor_note


def _claims(nlp, text: str, published: dt.date | None) -> list[Claim]:  # type: ignore[no-untyped-def]
    (source,) = analyse([_source(text, published)], nlp)
    return dates.extract(source)


def test_event_date_outweighs_background_and_statements(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone attack on a military academy in Homs killed at least 89 people on Thursday.\n"
        "The health ministry said on Friday that 277 people were wounded.\n"
        "The war, which erupted in 2011 after protests began on 15 March 2011, has killed hundreds of thousands."
    )
    claims = _claims(nlp, text, FRIDAY)
    by_value = {c.value: c.weight for c in claims}
    assert set(by_value) == {"2023-10-05", "2023-10-06", "2011-03-15"}
    assert by_value["2023-10-05"] > 2 * by_value["2023-10-06"]
    assert by_value["2023-10-05"] > 2 * by_value["2011-03-15"]
    top = max(claims, key=lambda c: c.weight)
    assert (top.display, top.reported, top.source) == ("5 October 2023", FRIDAY, "s1")


def test_explicit_date_claim_with_range_and_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "March 26, 2024\nRescue teams searched the river from 26 to 28 March 2024 after the bridge collapsed."
    claims = _claims(nlp, text, dt.date(2024, 3, 29))
    dateline = next(c for c in claims if c.sentence == "s1.0")
    ranged = next(c for c in claims if c.value_end)
    assert dateline.weight == dates.DATELINE_WEIGHT
    assert (ranged.value, ranged.value_end, ranged.display) == ("2024-03-26", "2024-03-28", "26–28 March 2024")


def test_no_relative_claims_without_anchor(nlp) -> None:  # type: ignore[no-untyped-def]
    (source,) = analyse([_source("A gunman opened fire on Wednesday night.", None)], nlp)
    assert source.anchor_date is None
    assert dates.extract(source) == []


# --- a header date nothing else backs --------------------------------------------------------
#
# Decision: no content signal tells a re-dated report whose only dates are weekdays from a
# genuine one. A report dated Tuesday 14 November that says drones struck "on Thursday",
# that funerals are being held and that the toll is 89 or over 120 reads exactly like news
# written five days after a 9 November attack. So the weekday is resolved, and the date fact
# says how weakly it is known (dates.UNCORROBORATED_RULE).

TUESDAY_LATER = dt.date(2023, 11, 14)


def _analysed(nlp, *reports: tuple[str, dt.date | None]) -> list[AnalysedSource]:  # type: ignore[no-untyped-def]
    return list(analyse([_source(text, day, f"s{i + 1}") for i, (text, day) in enumerate(reports)], nlp))


def test_weekday_against_a_lone_header_is_flagged(nlp) -> None:  # type: ignore[no-untyped-def]
    from wikiwire.extract import extract as extract_all
    from wikiwire.reconcile import reconcile

    analysed = _analysed(
        nlp,
        ("Drones struck a graduation ceremony at the military academy in Homs on Thursday, killing 89 people.\n"
         "Families held funerals as the country mourned.", TUESDAY_LATER),
        ("At least 100 people died this Thursday when drones hit the academy in Homs.", None),
    )
    assert not dates.anchor_corroborated(analysed[0], analysed)
    fact = reconcile(extract_all(analysed), analysed).get("date")
    assert fact.value == "2023-11-09"
    assert fact.rule == dates.UNCORROBORATED_RULE


def test_weekday_backed_by_another_report_is_not_flagged(nlp) -> None:  # type: ignore[no-untyped-def]
    from wikiwire.extract import extract as extract_all
    from wikiwire.reconcile import reconcile

    analysed = _analysed(
        nlp,
        ("Drones struck a graduation ceremony at the military academy in Homs on Thursday, killing 80 people.", THURSDAY),
        ("The toll from yesterday's drone attack on the academy in Homs has risen to 89.", FRIDAY),
    )
    assert dates.anchor_corroborated(analysed[0], analysed)
    fact = reconcile(extract_all(analysed), analysed).get("date")
    assert fact.value == "2023-10-05"
    assert fact.rule != dates.UNCORROBORATED_RULE


def test_a_written_out_date_is_stated(nlp) -> None:  # type: ignore[no-untyped-def]
    (source,) = _analysed(nlp, ("The strike on 5 October killed at least 89 people.", FRIDAY))
    claims = [c for c in dates.extract(source) if c.value == "2023-10-05"]
    assert claims and all(dates.is_stated(c, source) for c in claims)
    (source,) = _analysed(nlp, ("The strike on Thursday killed at least 89 people.", FRIDAY))
    weekday = [c for c in dates.extract(source) if c.value == "2023-10-05"]
    assert weekday and not any(dates.is_stated(c, source) for c in weekday)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/world/2024/5/24/village-buried-by-landslide", dt.date(2024, 5, 24)),
        ("https://news.example.org/world/2024-05-24/village-buried", dt.date(2024, 5, 24)),
        ("https://paper.example.com/asia/landslide-buries-village-20240524-p5abcd.html", dt.date(2024, 5, 24)),
        ("https://wire.example.net/20231005/drone-attack-on-academy", dt.date(2023, 10, 5)),
        # An article number, a host or a query is no date; nor is an impossible or future one.
        ("https://news.example.org/story/350849/village-buried", None),
        ("https://2024.example.org/story?date=2024-05-24", None),
        ("https://news.example.org/2024/13/40/story", None),
        ("https://news.example.org/archive/20991231/story", None),
        (None, None),
    ],
)
def test_url_date_reads_the_paths_publication_date(url: str | None, expected: dt.date | None) -> None:
    assert dates.url_date(url) == expected


def test_an_undated_report_is_anchored_on_its_urls_date_before_the_dates_it_states() -> None:
    # The text's only full date is a later update; the URL says when the report appeared, and
    # "Friday" must resolve in that week.
    source = Source(
        id="s1",
        input="s1.txt",
        text="A landslide buried a village on Friday. Relief flights were planned from 2 June 2024.",
        url="https://news.example.org/asia/2024/05/24/landslide",
    )
    sentences = _sentences("A landslide buried a village on Friday.", "Relief flights were planned from 2 June 2024.")
    anchor, note = anchor_date(source, sentences)
    assert anchor == dt.date(2024, 5, 24)
    assert note == "no publication date; took 2024-05-24 from the report's URL"
