"""A source's title is the report's headline: from the page or events file, else a first line
that reads as one, else (marked) its first sentence; never a caption, credit or page notice."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wikiwire.clean import clean, first_sentence_title, furniture_reason, headline
from wikiwire.ingest import _read_jsonl
from wikiwire.records import Document, Source
from wikiwire.render import view, wikitext

BODY = (
    "Flood water swept through the lower town of Marrow Creek overnight, and rescuers said on Sunday "
    "that 14 people had died.\n"
    "The county sheriff said 30 residents were still missing after the river rose eight metres in four hours."
)


def source_of(text: str, **fields: object) -> Source:
    (source,) = clean([Document(input="r.txt", text=text, **fields)]).sources  # type: ignore[arg-type]
    return source


def test_a_headline_line_becomes_the_title() -> None:
    source = source_of("Flash flood kills 14 in Marrow Creek, dozens missing\n" + BODY)
    assert (source.title, source.title_from) == ("Flash flood kills 14 in Marrow Creek, dozens missing", "headline")
    assert source.text.startswith("Flood water swept")


def test_a_page_title_wins_and_loses_its_site_name() -> None:
    source = source_of(BODY, title="Flash flood kills 14 in Marrow Creek | The Valley Courier", outlet="valleycourier.example.com")
    assert (source.title, source.title_from) == ("Flash flood kills 14 in Marrow Creek", "page")


def test_a_site_suffix_that_is_not_the_outlet_stays() -> None:
    title = "Flash flood kills 14 in Marrow Creek - County Sheriff"
    assert headline(title, "valleycourier.example.com") == title


@pytest.mark.parametrize(
    "notice",
    [
        "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
        "Your support helps us to tell the story",
        "We're sorry, this feature is currently unavailable. We're working to restore it.",
        "Picture: REUTERS/Staff Photographer",
        "Expand / Collapse search",
        "July 3, 2023 / 7:17 AM",
    ],
)
def test_notices_credits_and_timestamps_are_never_a_title(notice: str) -> None:
    assert headline(notice, page=True) is None
    source = source_of(BODY, title=notice)
    assert source.title != notice
    assert source.title_from == "first sentence"
    assert notice not in source.text


def test_a_notice_line_above_the_headline_is_removed_and_the_headline_found() -> None:
    text = "Your support helps us to tell the story\nFlash flood kills 14 in Marrow Creek\n" + BODY
    source = source_of(text)
    assert (source.title, source.title_from) == ("Flash flood kills 14 in Marrow Creek", "headline")
    assert "Your support helps us to tell the story" in source.removed_lines
    assert furniture_reason("This is AI generated summarization, which may have errors.") == "notice"


def test_a_caption_credit_line_is_not_taken_for_the_headline() -> None:
    text = "Dana Whitlow/Valley Courier\n" + BODY
    source = source_of(text)
    assert source.title_from == "first sentence"
    assert "Dana Whitlow/Valley Courier" in source.removed_lines


def test_breadcrumbs_come_off_a_headline() -> None:
    source = source_of('Home " World " Flash flood kills 14 in Marrow Creek\n' + BODY)
    assert source.title == "Flash flood kills 14 in Marrow Creek"


def test_without_any_headline_the_first_sentence_stands_in_and_is_marked() -> None:
    source = source_of("Gov. Alma Reyes said on Sunday that 14 people had died in the flood. Rescuers kept searching.")
    assert source.title_from == "first sentence"
    # "Gov." does not end the sentence.
    assert source.title == "Gov. Alma Reyes said on Sunday that 14 people had died in the flood"


def test_a_long_first_sentence_is_cut_at_a_word() -> None:
    title = first_sentence_title(BODY.split("\n")[0])
    assert title.endswith("…") and len(title) <= 91
    assert title.startswith("Flood water swept through the lower town of Marrow Creek")


def test_widget_labels_glued_to_a_paragraph_come_off() -> None:
    source = source_of("Comment this story Comment Flood water swept through the lower town of Marrow Creek overnight.\n" + BODY)
    assert source.text.startswith("Flood water swept through the lower town")


def test_inline_markup_is_removed_and_the_credit_line_split_off() -> None:
    text = "<i>Dana Whitlow/Valley Courier</i><br/>Residents wade through the flooded main street.\n" + BODY
    source = source_of(text)
    assert "Dana Whitlow/Valley Courier" in source.removed_lines
    assert "<" not in source.text


def test_jsonl_title_is_checked_like_any_other() -> None:
    line = json.dumps({"url": "https://www.valleycourier.example.com/news/flood", "title": "Read more", "text": BODY})
    documents, _ = _read_jsonl(line, "events.jsonl")
    (source,) = clean(documents).sources
    assert source.title_from == "first sentence"
    assert source.outlet == "valleycourier.example.com"


def test_cite_news_gets_title_work_date_and_url() -> None:
    source = Source(
        id="s1", input="r.jsonl:1", text=BODY, url="https://www.valleycourier.example.com/news/flood",
        outlet="The Valley Courier", title="Flash flood kills 14 in Marrow Creek", published=dt.date(2025, 4, 6),
        title_from="page",
    )
    ref = view.Reference(
        number=1, source=source, name="valley-s1", title=source.title or "", url=source.url, outlet=source.outlet,
        date=source.published, also_published_by=(), also_published_as=(), uses=1,
    )
    assert wikitext._cite(ref) == (
        "{{cite news |url=https://www.valleycourier.example.com/news/flood |title=Flash flood kills 14 in Marrow Creek"
        " |work=The Valley Courier |date=2025-04-06}}"
    )
