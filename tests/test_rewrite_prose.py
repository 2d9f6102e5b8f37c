"""Prose, not clippings: captions and notices wherever they sit, grammatical attribution,
present-tense report framing put in the past, and subjects with no antecedent dropped."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.compose.article import _without_unresolved_subjects
from wikiwire.compose.rewrite import past_framing, rewrite, tidy_attribution
from wikiwire.records import ArticleSentence, Section

SUNDAY = dt.date(2025, 4, 6)  # a report published the day after a Saturday flood


@pytest.mark.parametrize(
    "text",
    [
        "In this photo provided by the county fire service, a rescuer wades through the flooded main street of Marrow Creek.",
        "Residents of Marrow Creek stand beside their damaged homes (Valley Courier file photo) after the flood receded.",
        "Image of the bridge over the Marrow river, where the water rose eight metres in four hours.",
        "This is AI generated summarization, which may have errors, of the report on the Marrow Creek flood.",
        "A crane, firefighters and rescuers operate after the flood in Marrow Creek on April 5, 2025.",
    ],
)
def test_captions_and_notices_inside_a_sentence_are_refused(text: str) -> None:
    assert rewrite(text, SUNDAY).text is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the interior ministry reported 19 deaths.", "The interior ministry reported 19 deaths."),
        ("Of the county sheriff reported 30 people missing.", "The county sheriff reported 30 people missing."),
        (
            "The river authority and and the sheriff reported 14 deaths; a United Nations' reported 16.",
            "The river authority and the sheriff reported 14 deaths; a United Nations reported 16.",
        ),
        ("The sheriff reported 14 deaths.", "The sheriff reported 14 deaths."),
    ],
)
def test_attribution_is_made_grammatical(text: str, expected: str) -> None:
    assert tidy_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A search for the missing is underway along the lower river, the sheriff said.",
            "A search for the missing was under way along the lower river, the sheriff said.",
        ),
        ("Two warehouses by the river are on fire, officials said.", "Two warehouses by the river were on fire, officials said."),
        (
            "Rescuers are searching the riverbank for 30 missing residents, a county spokesman says.",
            "Rescuers were searching the riverbank for 30 missing residents, a county spokesman said.",
        ),
        ("Officials say the levee failed shortly after midnight.", "Officials said the levee failed shortly after midnight."),
        # Quotes are left as spoken; stative background is not framing.
        (
            '"We are searching every house," the sheriff said.',
            '"We are searching every house," the sheriff said.',
        ),
        ("The town lies on a bend of the Marrow river.", "The town lies on a bend of the Marrow river."),
        ("The river is missing its old levee.", "The river is missing its old levee."),
    ],
)
def test_present_framing_is_put_in_the_past(text: str, expected: str) -> None:
    assert past_framing(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The death toll now stands at 14, the sheriff said.",
        "Now the county is asking for federal help after the flood.",
        "The main road into Marrow Creek is now closed to traffic.",
    ],
)
def test_a_present_tied_to_the_day_of_the_report_is_dropped(text: str) -> None:
    out = rewrite(text, SUNDAY)
    assert (out.text, out.reason) == (None, "present-tense report framing")


def test_rewrite_puts_framing_in_the_past_and_drops_openers() -> None:
    out = rewrite("But rescuers are searching the riverbank for 30 missing residents, a county spokesman says.", SUNDAY)
    assert out.text == "Rescuers were searching the riverbank for 30 missing residents, a county spokesman said."
    assert rewrite("April 6: The county sheriff said 14 people had died in the flood.", SUNDAY).text == (
        "The county sheriff said 14 people had died in the flood."
    )
    assert rewrite("Sheriff Dana Ortiz also said that 30 people were still unaccounted for in the county.", SUNDAY).text == (
        "Sheriff Dana Ortiz said that 30 people were still unaccounted for in the county."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The sheriff said at least nine of them were children from the lower town.",
        "Among them, there are three children from the lower town of Marrow Creek.",
    ],
)
def test_a_group_named_only_in_the_previous_sentence_is_refused(text: str) -> None:
    assert rewrite(text, SUNDAY).reason == "refers to something the report said before"


def test_a_group_the_sentence_names_itself_is_kept() -> None:
    text = "The flood killed 14 people in Marrow Creek, among them three children from the lower town."
    assert rewrite(text, SUNDAY).text == text


def _sentence(text: str, source: str = "s1") -> ArticleSentence:
    return ArticleSentence(text=text, sources=(source,))


FLOOD_LEAD = (_sentence("The 2025 Marrow Creek flood was a flash flood in Marrow Creek, Valleyshire, on 5 April 2025."),)


def _flood(*sentences: ArticleSentence) -> list[Section]:
    return [Section(heading="Flood", sentences=sentences)]


def test_subjects_the_article_never_introduced_are_dropped() -> None:
    sections = _flood(
        _sentence("The men were identified as two farm workers from the upper valley."),
        _sentence("Sheriff Dana Ortiz said the levee failed shortly after midnight."),
        _sentence("Ortiz said 30 people were still missing on 6 April 2025."),
        _sentence("Tsaka said the main road had been cut off by the water."),
        _sentence("Police said the river rose eight metres in four hours."),
        _sentence("Valleyshire said it would pay for temporary housing."),
        _sentence("Two men were swept away from a bridge near the school."),
        _sentence("The men had been trying to cross the bridge by car."),
    )
    (kept,) = _without_unresolved_subjects(FLOOD_LEAD, sections, frozenset({"ortiz", "tsaka"}))
    assert [s.text for s in kept.sentences] == [
        "Sheriff Dana Ortiz said the levee failed shortly after midnight.",
        "Ortiz said 30 people were still missing on 6 April 2025.",
        "Police said the river rose eight metres in four hours.",
        "Valleyshire said it would pay for temporary housing.",
        "Two men were swept away from a bridge near the school.",
        "The men had been trying to cross the bridge by car.",
    ]


def test_a_surname_alone_is_made_explicit_from_its_own_report() -> None:
    sections = _flood(
        _sentence("Mr Tsaka, who spoke from the county seat, said the road was cut."),
        _sentence("Tsaka added that two bridges were gone."),
        _sentence("Hale's brother, Tom Hale, said the water came in minutes."),
        # Not named in full by its report: left out.
        _sentence("Dr Imre said the clinic had flooded.", "s2"),
        # Two people of that name in its report: which one is meant is unknown.
        _sentence("Mrs Lund said the school was closed.", "s3"),
    )
    full_names = {"s1": ("Dana Ortiz", "Sandis Tsaka", "Mara Hale", "Tom Hale"), "s2": ("Dana Ortiz",),
                  "s3": ("Ada Lund", "Bea Lund")}
    (kept,) = _without_unresolved_subjects(FLOOD_LEAD, sections, frozenset({"tsaka", "hale", "imre", "lund"}), full_names)
    assert [s.text for s in kept.sentences] == [
        "Sandis Tsaka, who spoke from the county seat, said the road was cut.",
        "Tsaka added that two bridges were gone.",
        "Mara Hale's brother, Tom Hale, said the water came in minutes.",
    ]


# ---------------------------------------------------------------------------------------------
# quotations cut by the sentence split, and sentences that are mostly a quotation


@pytest.mark.parametrize(
    "text",
    [
        # The tail of a quotation begun in the sentence before: its words would read as ours.
        "Rescue boats were trying to reach the farms cut off by the water.\"",
        "Our first task is to reopen the valley road before the next storm,\" he said.",
        # A quotation the split stopped inside.
        "A farmer who escaped the flood told the Valley Courier: \"The water came through the door and we ran...",
        "The mayor called it “the worst night this town has known.",
    ],
)
def test_a_quotation_cut_by_the_sentence_split_is_refused(text: str) -> None:
    result = rewrite(text, SUNDAY)
    assert result.text is None
    assert result.reason == "part of a quotation cut by the sentence split"


def test_whole_quotations_are_kept_and_their_share_is_measured() -> None:
    from wikiwire.compose.rewrite import quoted_share

    whole = 'The mayor of Marrow Creek said the flood was "the worst in living memory".'
    assert rewrite(whole, SUNDAY).text == whole
    assert 0.3 < quoted_share(whole) < 0.5
    assert quoted_share('"We lost everything in one night," the farmer said.') > 0.6
    assert quoted_share("The river rose eight metres in four hours.") == 0.0


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Valley Courier is a regional news channel launched in October 2002.", False),
        ("The Marrow Herald is an independent newspaper based in the valley.", False),
        # A broadcaster in the news is no note about the page.
        ("The flood reached the offices of Valley Radio, whose studio was evacuated.", True),
    ],
)
def test_an_outlet_describing_itself_is_refused(text: str, kept: bool) -> None:
    result = rewrite(text, SUNDAY)
    assert (result.text is not None) is kept
    if not kept:
        assert result.reason == "the outlet describing itself"
