"""Stage 2, clean: normalisation, non-news line rules, headline/dateline, near-duplicates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wikiwire.clean import (
    DUPLICATE_THRESHOLD,
    NO_NEWS_LEFT,
    clean,
    furniture_reason,
    is_tagline,
    minhash,
    normalise_text,
)
from wikiwire.records import Document

# ---------------------------------------------------------------------------------------------
# normalisation


def test_quotes_spaces_and_invisible_characters_are_normalised() -> None:
    text = "The army vowed to respond \u201cwith full force\u201d.\u00a0 It\u2019s the\u200b  worst\u00ad attack\u2026\n\n\n  Second\tparagraph.  "
    assert normalise_text(text) == "The army vowed to respond \"with full force\". It's the worst attack...\nSecond paragraph."


def test_full_width_and_ligatures_become_plain() -> None:
    assert normalise_text("\uff11\uff12 people were of\ufb01cially confirmed dead") == "12 people were officially confirmed dead"


def test_mojibake_is_repaired() -> None:
    broken = "The governor\u00e2\u20ac\u2122s office said the caf\u00c3\u00a9 was closed."
    assert normalise_text(broken) == "The governor's office said the café was closed."
    # the same slip after the invisible bytes were lost: repaired only before contractions
    assert normalise_text("We\u00e2ll rebuild, the mayor said at the ch\u00e2teau.") == "We'll rebuild, the mayor said at the château."


# ---------------------------------------------------------------------------------------------
# line rules


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Share this article", "prompt"),
        ("Share this: Facebook", "prompt"),
        ("Leave a comment", "prompt"),
        ("Your email address will not be published. Required fields are marked *", "prompt"),
        ("Sign up for our morning newsletter", "prompt"),
        ("Read more", "prompt"),
        ("Click here to get alerts on your phone", "prompt"),
        ("Comments (4)", "prompt"),
        ("READ MORE: Rescuers race to reach villages cut off by landslides", "promo"),
        ("Watch: Footage shows the moment the span fell into the river", "promo"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("Home | World | Asia | Sport | Opinion", "navigation"),
        ("Home › News › Middle East", "navigation"),
        ("NewsLocal NewsWeather", "navigation"),
        ("in World Europe", "menu"),
        ("By Sara Lindqvist", "byline"),
        ("By Omar Haddad and Leah Brandt, Reuters", "byline"),
        ("BY NORTHLINE WIRE STAFF", "byline"),
        ("Reporting by Amina Rahimi; Editing by Paul Greene", "credit"),
        ("(Additional reporting by Tom Ellis in London)", "credit"),
        ("AFP", "agency"),
        ("(Reuters)", "agency"),
        ("Published October 5, 2023", "timestamp"),
        ("Updated: 12 March 2024, 14:05", "timestamp"),
        ("Posted at 6:40 PM, Oct 26, 2023", "timestamp"),
        ("Wednesday, 25 October 2023", "timestamp"),
        ("2024-03-26T06:12:00Z", "timestamp"),
        ("© 2024 The Harbour Gazette. All rights reserved.", "copyright"),
        ("We use cookies to improve your experience. By continuing to browse you accept our policy.", "cookie"),
        ("Photo: Rescue workers carry a stretcher through the debris", "photo"),
        ("(Photo credit: Local authorities)", "photo"),
        ("Firefighters spray water on the burning wreck on Tuesday. (Jane Roe/Harbour Gazette)", "caption"),
        ("Relatives wait outside the hospital in Lewiston. Sam Doyle/Valley Herald", "caption"),
        ("A very big moment for the region. - Some Analyst (@some_analyst) October 5, 2023", "embed"),
        ("BREAKING: dozens hurt in #Herat as #earthquake hits the city", "embed"),
        ('"Relentless optimist. Amateur gardener. Coffee snob. Prone to long walks."', "tagline"),
    ],
)
def test_non_news_lines(line: str, rule: str) -> None:
    assert furniture_reason(normalise_text(line)) == rule


@pytest.mark.parametrize(
    "line",
    [
        "By Thursday evening, the toll had risen to 40, the ministry said.",
        "By Monday, rescuers had reached all twelve villages.",
        "Share prices of the shipping company fell on Wednesday.",
        "Subscribers to the emergency alert service received a warning at 7:05 p.m.",
        "More than 100 people were killed, the monitor said.",
        "The bridge carried about 30,000 vehicles a day.",
        "Victims identified",
        "What we know",
        "Smoke. Sirens. Silence.",
        "The rifle was found in his car. Police said it was his. Nobody else was hurt.",
        "The cookies and cakes prepared for the celebration were left on the tables.",
        "In a statement on Friday, the ministry said it would respond with full force.",
        "Reuters could not independently verify the figures.",
    ],
)
def test_news_lines_are_kept(line: str) -> None:
    assert furniture_reason(line) is None


def test_author_bio_only_counts_at_the_end_of_a_report() -> None:
    bio = "Nora Lind is our Central Asia correspondent and has covered the region since 2015."
    assert furniture_reason(bio, from_end=0) == "bio"
    assert furniture_reason(bio, from_end=10) is None
    assert furniture_reason("Tom Ellis writes about shipping and ports.", from_end=1) == "bio"


def test_tagline_rule_needs_several_short_verbless_fragments() -> None:
    assert is_tagline("Web fanatic. Friendly travel scholar. Devoted reader. Typical music buff.")
    assert not is_tagline("Web fanatic. Friendly travel scholar.")  # too few fragments
    assert not is_tagline("He was a father. He was a coach. He was 57.")  # sentences, digits
    assert not is_tagline("Rescuers dug. Families waited. Night fell over Herat.")  # a name


# ---------------------------------------------------------------------------------------------
# whole documents


def doc(text: str, name: str = "a.txt", **fields: object) -> Document:
    return Document(input=name, text=text, **fields)  # type: ignore[arg-type]


WIRE = """Ship hits Baltimore bridge, six workers missing

BALTIMORE (Harbour Wire) - A cargo ship that had lost power struck the Francis Scott Key Bridge in Baltimore at about 1:30 a.m. on Tuesday, and most of the bridge collapsed into the Patapsco River.

Six members of a road crew who were filling potholes on the span were missing, and the Coast Guard said later in the day that they were presumed dead.

Two other workers were pulled from the water; one of them was taken to hospital.

The ship had sent a mayday call minutes before the crash, which allowed police to stop traffic onto the bridge.

Share this story

Reporting by Lena Ortiz; Editing by Mark Bell"""

COPY = """Baltimore bridge collapses after ship strike

A cargo ship that had lost power struck the Francis Scott Key Bridge in Baltimore at about 1:30 a.m. on Tuesday, and most of the bridge collapsed into the Patapsco River.

Six members of a road crew who were filling potholes on the span were missing, and the Coast Guard said later in the day that they were presumed dead.

Two other workers were pulled from the water; one of them was taken to hospital.

The ship had sent a mayday call minutes before the crash, which allowed police to stop traffic onto the bridge.

By Harbour Wire staff"""

OTHER = """The governor of Maryland said on Wednesday that divers had recovered the bodies of two of the six missing workers from a pickup truck in the river.

Officials said the wreckage of the bridge was too dangerous for divers to search further, and that the remaining four would be looked for once debris had been lifted.

The National Transportation Safety Board said it had recovered the ship's voyage data recorder."""


def test_clean_document_keeps_news_and_records_what_it_removed() -> None:
    (source,) = clean([doc(WIRE, published=dt.date(2024, 3, 26))]).sources
    assert source.id == "s1"
    assert source.title == "Ship hits Baltimore bridge, six workers missing"
    lines = source.text.split("\n")
    assert lines[0].startswith("A cargo ship that had lost power struck")
    assert len(lines) == 4
    assert source.removed_lines == ("Share this story", "Reporting by Lena Ortiz; Editing by Mark Bell", "BALTIMORE (Harbour Wire) -")
    assert source.published == dt.date(2024, 3, 26)


def test_given_title_is_kept_and_its_repeat_in_the_text_dropped() -> None:
    text = "Ship hits Baltimore bridge, six workers missing\n" + OTHER
    (source,) = clean([doc(text, title="Ship hits Baltimore bridge, six workers missing")]).sources
    assert source.title == "Ship hits Baltimore bridge, six workers missing"
    assert source.text == normalise_text(OTHER)


def test_timestamp_line_supplies_a_missing_publication_date() -> None:
    text = "Published March 27, 2024\nUpdated March 28, 2024\n" + OTHER
    (source,) = clean([doc(text)]).sources
    assert source.published == dt.date(2024, 3, 27)
    assert source.removed_lines[:2] == ("Published March 27, 2024", "Updated March 28, 2024")


def test_repeated_paragraph_is_kept_once() -> None:
    line = "Two other workers were pulled from the water; one of them was taken to hospital."
    (source,) = clean([doc(f"{line}\nThe port was closed.\n{line}")]).sources
    assert source.text == f"{line}\nThe port was closed."
    assert source.removed_lines == (line,)


def test_bullets_and_trailing_site_names_are_stripped() -> None:
    text = "• The ship lost power twice before the crash.\n- Divers recovered two bodies. examplenews.com"
    (source,) = clean([doc(text)]).sources
    assert source.text == "The ship lost power twice before the crash.\nDivers recovered two bodies."


def test_document_with_only_furniture_is_skipped() -> None:
    result = clean([doc("Share this article\nFacebook\nTwitter\n© 2024 Harbour Gazette", "junk.txt"), doc(OTHER, "b.txt")])
    assert [(s.input, s.reason) for s in result.skipped] == [("junk.txt", NO_NEWS_LEFT)]
    assert [(s.id, s.input) for s in result.sources] == [("s1", "b.txt")]


# ---------------------------------------------------------------------------------------------
# near-duplicates


def test_wire_copy_in_two_outlets_is_merged_into_the_first() -> None:
    result = clean(
        [
            doc(WIRE, "wire.txt", outlet="Harbour Wire", url="https://harbourwire.example.com/a"),
            doc(OTHER, "other.txt", outlet="Bay Times"),
            doc(COPY, "copy.txt", outlet="Chesapeake Daily", url="https://chesapeake.example.org/b"),
        ]
    )
    assert [(s.id, s.input) for s in result.sources] == [("s1", "wire.txt"), ("s2", "other.txt")]
    (duplicate,) = result.sources[0].duplicates
    assert (duplicate.input, duplicate.outlet, duplicate.url) == ("copy.txt", "Chesapeake Daily", "https://chesapeake.example.org/b")
    assert duplicate.title == "Baltimore bridge collapses after ship strike"
    assert duplicate.similarity >= DUPLICATE_THRESHOLD
    assert result.sources[1].duplicates == ()


def test_copy_that_lost_its_last_paragraph_is_still_merged() -> None:
    trimmed = COPY.replace("The ship had sent a mayday call minutes before the crash, which allowed police to stop traffic onto the bridge.", "")
    result = clean([doc(WIRE, "wire.txt"), doc(trimmed, "trimmed.txt")])
    assert len(result.sources) == 1
    assert result.sources[0].duplicates[0].input == "trimmed.txt"


def test_reports_sharing_a_quote_are_not_merged() -> None:
    quote = 'The governor said: "We will not stop until every family has answers."'
    result = clean([doc(quote + "\n" + OTHER, "a.txt"), doc(quote + "\n" + WIRE, "b.txt")])
    assert len(result.sources) == 2


def test_minhash_similarity_separates_copies_from_distinct_reports() -> None:
    wire, copy, other = (minhash(normalise_text(t)) for t in (WIRE, COPY, OTHER))
    assert wire.jaccard(copy) > DUPLICATE_THRESHOLD
    assert wire.jaccard(other) < 0.2


def test_many_documents_get_sequential_ids() -> None:
    docs = [doc(f"Report number {i} says the toll rose to {i * 7} after the storm hit village {i}.", f"r{i}.txt") for i in range(300)]
    result = clean(docs)
    assert [s.id for s in result.sources] == [f"s{i + 1}" for i in range(300)]


# ---------------------------------------------------------------------------------------------
# properties

TEXT = st.text(
    alphabet=st.sampled_from([*list("abcdefgh ABC.,;:'\"-\n\t0123456789"), "“", "”", "’", "\xa0", "\u200b", "é", "—"]),
    max_size=300,
)


@given(TEXT)
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert all(line == line.strip() and line for line in once.split("\n")) or once == ""


@given(st.lists(TEXT, max_size=8))
def test_clean_accounts_for_every_document(texts: list[str]) -> None:
    docs = [doc(text, f"r{i}.txt") for i, text in enumerate(texts) if text.strip()]
    result = clean(docs)
    merged = sum(len(s.duplicates) for s in result.sources)
    assert len(result.sources) + merged + len(result.skipped) == len(docs)
    assert [s.id for s in result.sources] == [f"s{i + 1}" for i in range(len(result.sources))]
    assert all(s.text.strip() for s in result.sources)


def test_bare_author_name_next_to_the_timestamp_is_a_byline() -> None:
    text = "ELENA MARQUEZ\nMarch 26, 2024\n" + OTHER
    (source,) = clean([doc(text)]).sources
    assert source.removed_lines[:2] == ("ELENA MARQUEZ", "March 26, 2024")
    assert source.text == normalise_text(OTHER)
    # the same kind of line elsewhere is a heading and stays
    (source,) = clean([doc(OTHER + "\nRescue Efforts\nDivers went back into the water on Thursday.")]).sources
    assert "Rescue Efforts" in source.text.split("\n")
