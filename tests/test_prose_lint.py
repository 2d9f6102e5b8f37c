"""The prose lint of ``wikiwire eval``: each defect class is counted on sentences written for
the test, and clean encyclopedic prose counts zero."""

from __future__ import annotations

import pytest

from wikiwire.evaluation.prose import ProseCounts, lint_article, lint_texts, repeats
from wikiwire.records import Article, ArticleSentence, Infobox, Section

CLEAN = [
    "The 2031 Keel Point ferry sinking was a maritime disaster off Keel Point, Norland, on 3 May 2031.",
    "The ferry Morning Star took on water in a storm and sank within an hour.",
    "The coast guard reported 41 deaths; the harbour authority reported 38.",
    "Divers recovered the last bodies on 6 May.",
    "The transport minister ordered an inquiry into the ferry's licence.",
]


def test_clean_prose_counts_zero() -> None:
    assert lint_texts(CLEAN) == ProseCounts(sentences=5)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Rescuers carry a survivor ashore (Photo: Harbour Daily).", "captions"),
        ("The wreck lies on its side off the pier. Picture: NORLAND NEWS/J. Smith", "captions"),
        ("In this photo, relatives wait at the ferry terminal on 4 May.", "captions"),
        ("A REUTERS/Anna Berg frame shows the listing hull.", "captions"),
        ("This is AI generated summarization, which may have errors.", "notices"),
        ("We use cookies to improve your experience of the site.", "notices"),
        ("Subscribe to our newsletter for the latest updates on the sinking.", "notices"),
        ("Read more about the ferry's owners here.", "notices"),
        ("The search for the missing is underway along the coast.", "present"),
        ("A warehouse on the quay is on fire.", "present"),
        ("The minister says the port will stay closed this week.", "present"),
        ("He said the ferry had been overloaded.", "openers"),
        ("They were taken to the regional hospital.", "openers"),
        ("But the captain survived the sinking.", "openers"),
        ("The men were later identified as crew members.", "openers"),
    ],
)
def test_each_defect_class_is_counted(text: str, field: str) -> None:
    counts = lint_texts([*CLEAN, text]).to_dict()
    assert counts[field] == 1
    assert counts["sentences"] == 6
    assert all(v == 0 for k, v in counts.items() if k not in (field, "sentences"))


def test_a_quotation_in_the_present_is_not_the_article_framing() -> None:
    text = 'The harbour master said: "The search is underway and the minister says it will go on."'
    assert lint_texts([text]).present == 0


def test_repeated_facts_are_pairs_with_the_same_figures() -> None:
    again = "The coast guard said 41 people died when the ferry sank, and the harbour authority reported 38."
    assert repeats([*CLEAN, again]) == 1
    # The same words with another figure state another fact (a later toll).
    later = "The coast guard reported 44 deaths; the harbour authority reported 38."
    assert repeats([*CLEAN, later]) == 0
    # Too short to call a repeat.
    assert repeats(["Schools closed.", "Schools closed."]) == 0


def test_an_article_is_read_lead_then_sections_and_counts_add_up() -> None:
    cite = ("s1",)
    article = Article(
        title="2031 Keel Point ferry sinking",
        infobox=Infobox(template="Infobox event", params={}),
        lead=(ArticleSentence(text=CLEAN[0], sources=cite),),
        sections=(
            Section(heading="Sinking", sentences=(ArticleSentence(text="He said the ferry had been overloaded.", sources=cite),),
                    subsections=(Section(heading="Rescue", sentences=(ArticleSentence(text=CLEAN[3], sources=cite),)),)),
        ),
    )
    counts = lint_article(article)
    assert counts == ProseCounts(sentences=3, openers=1)
    assert ProseCounts.total([counts, counts]) == ProseCounts(sentences=6, openers=2)
    assert ProseCounts.from_dict(counts.to_dict()) == counts
