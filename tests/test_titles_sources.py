"""A source's title is the report's headline: from the page or events file, else a first line
that reads as one, else (marked) its first sentence; never a caption, credit or page notice."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wikiwire.clean import clean, furniture_reason, headline
from wikiwire.ingest import _read_jsonl
from wikiwire.records import Document, Sentence, Source
from wikiwire.render import view, wikitext

BODY = (
    "Flood water swept through the lower town of Marrow Creek overnight, and rescuers said on Sunday "
    "that 14 people had died.\n"
    "The county sheriff said 30 residents were still missing after the river rose eight metres in four hours."
)


def sentences_of(source: Source) -> tuple[Sentence, ...]:
    """The source's lines as sentences (one a line is enough for these reports)."""
    return tuple(
        Sentence(id=f"{source.id}.{i}", source_id=source.id, index=i, paragraph=i, text=line)
        for i, line in enumerate(source.text.split("\n"))
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
    assert (source.title, source.title_from) == (None, None)
    assert notice not in source.text
    title, origin = view.reference_title(source, sentences_of(source))
    assert origin == "first sentence" and title.startswith("Flood water swept through")


def test_a_notice_line_above_the_headline_is_removed_and_the_headline_found() -> None:
    text = "Your support helps us to tell the story\nFlash flood kills 14 in Marrow Creek\n" + BODY
    source = source_of(text)
    assert (source.title, source.title_from) == ("Flash flood kills 14 in Marrow Creek", "headline")
    assert "Your support helps us to tell the story" in source.removed_lines
    assert furniture_reason("This is AI generated summarization, which may have errors.") == "notice"


def test_a_caption_credit_line_is_not_taken_for_the_headline() -> None:
    text = "Dana Whitlow/Valley Courier\n" + BODY
    source = source_of(text)
    assert source.title is None
    assert "Dana Whitlow/Valley Courier" in source.removed_lines


def test_breadcrumbs_come_off_a_headline() -> None:
    source = source_of('Home " World " Flash flood kills 14 in Marrow Creek\n' + BODY)
    assert source.title == "Flash flood kills 14 in Marrow Creek"


def test_without_any_headline_the_first_prose_sentence_stands_in_and_is_marked() -> None:
    source = Source(id="s1", input="r.txt", text="")
    sentences = (
        Sentence(id="s1.0", source_id="s1", index=0, paragraph=0, text="Read more"),
        Sentence(id="s1.1", source_id="s1", index=1, paragraph=1, text="MARROW CREEK."),
        Sentence(id="s1.2", source_id="s1", index=2, paragraph=2, text="Residents wade through the flooded main street after the flood."),
        Sentence(id="s1.3", source_id="s1", index=3, paragraph=3, text="Gov. Alma Reyes said 14 people had died in the flood."),
    )
    # The prompt, the dateline and the photo caption are passed over; the stop comes off.
    assert view.reference_title(source, sentences) == (
        "Gov. Alma Reyes said 14 people had died in the flood",
        "first sentence",
    )


def test_a_long_first_sentence_is_cut_at_a_word() -> None:
    source = source_of(BODY)
    title, _ = view.reference_title(source, sentences_of(source))
    assert title.endswith("…") and len(title) <= view.FALLBACK_TITLE_MAX_CHARS + 1
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
    assert (source.title, source.title_from) == (None, None)
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


def test_event_json_marks_a_first_sentence_title() -> None:
    from render_fixture import homs_build
    from wikiwire.render.record import event_record

    sources = {s["id"]: s for s in event_record(homs_build())["sources"]}
    assert (sources["s1"]["title"], sources["s1"]["title_from"]) == (
        "Drone attack on Syrian military academy kills dozens",
        "page",
    )
    assert sources["s3"]["title_from"] == "first sentence"
    assert sources["s3"]["title"]
