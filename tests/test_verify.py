"""Verification: every number, date and name in a sentence must be in a source it cites."""

from __future__ import annotations

import datetime as dt

from wikiwire.records import (
    AnalysedSource,
    Article,
    ArticleSentence,
    EventFacts,
    Infobox,
    Section,
    Sentence,
    Source,
)
from wikiwire.verify import checkable_items, index_source, verify

FRIDAY = dt.date(2023, 10, 6)


def _source(sid: str, *lines: str, anchor: dt.date | None = FRIDAY) -> AnalysedSource:
    text = "\n".join(lines)
    sentences = tuple(Sentence(id=f"{sid}.{i}", source_id=sid, index=i, paragraph=i, text=t) for i, t in enumerate(lines))
    return AnalysedSource(source=Source(id=sid, input=f"{sid}.txt", text=text), sentences=sentences, anchor_date=anchor)


SOURCES = (
    _source("s1", "Eighty-nine people were killed when drones struck the academy on Thursday, the health ministry said.",
            "Defence Minister Ali Mahmoud Abbas had left the ceremony minutes earlier."),
    _source("s2", "The Syrian Observatory for Human Rights put the toll at more than 120.",
            "Funerals were held in Homs on 6 October."),
)
FACTS = EventFacts(kind="drone strike", facts={})


def _article(*sentences: ArticleSentence, lead: tuple[ArticleSentence, ...] = ()) -> Article:
    return Article(title="T", infobox=Infobox(template="Infobox civilian attack", params={}), lead=lead,
                   sections=(Section(heading="Attack", sentences=sentences),))


def test_items_found_in_an_article_sentence() -> None:
    items = checkable_items("On 5 October 2023, drones killed 89 people at the Homs Military Academy, according to the Ministry of Health.")
    kinds = {(i.kind, i.text) for i in items}
    assert ("date", "5 October 2023") in kinds
    assert ("number", "89") in kinds
    assert ("name", "Homs Military Academy") in kinds
    assert ("name", "Ministry of Health") in kinds
    assert not any(i.text == "On" for i in items)


def test_supported_sentence_passes_with_derived_number_and_date() -> None:
    # "89" from "Eighty-nine"; "5 October 2023" from "on Thursday" read on Friday 6 October.
    sentence = ArticleSentence(text="Drones killed 89 people at the academy on 5 October 2023.", sources=("s1",), evidence=("s1.0",))
    checked, report = verify(_article(sentence), SOURCES, FACTS)
    assert report.checked == report.passed == 1
    assert checked.sections[0].sentences == (sentence,)


def test_wrongly_cited_sentence_is_recited() -> None:
    sentence = ArticleSentence(text="The Syrian Observatory for Human Rights put the toll at more than 120.", sources=("s1",), evidence=("s1.0",))
    checked, report = verify(_article(sentence), SOURCES, FACTS)
    assert report.recited == 1
    (fixed,) = checked.sections[0].sentences
    assert fixed.sources == ("s2",)
    assert fixed.evidence == ("s2.0",)


def test_sentence_needing_two_sources_cites_both() -> None:
    sentence = ArticleSentence(text="Ali Mahmoud Abbas attended the ceremony; funerals followed on 6 October.", sources=("s1",))
    checked, report = verify(_article(sentence), SOURCES, FACTS)
    assert report.recited == 1
    assert checked.sections[0].sentences[0].sources == ("s1", "s2")


def test_unsupported_sentence_is_dropped_with_reason_and_empty_section_removed() -> None:
    sentence = ArticleSentence(text="The strike killed 300 cadets, according to Damascus University.", sources=("s1", "s2"))
    checked, report = verify(_article(sentence), SOURCES, FACTS)
    assert checked.sections == ()
    assert report.passed == 0
    (dropped,) = report.dropped
    assert dropped.reason == "no source supports number '300', name 'Damascus University'"


def test_citation_that_supports_nothing_is_removed() -> None:
    sentence = ArticleSentence(text="Funerals were held in Homs on 6 October.", sources=("s1", "s2"))
    checked, report = verify(_article(sentence), SOURCES, FACTS)
    assert report.passed == 1
    assert checked.sections[0].sentences[0].sources == ("s2",)


def test_lead_sentences_are_checked_too() -> None:
    good = ArticleSentence(text="The 2023 Homs drone strike killed at least 89 people.", sources=("s1", "s2"))
    bad = ArticleSentence(text="It was the deadliest attack since 1982.", sources=("s1",))
    checked, report = verify(_article(lead=(good, bad)), SOURCES, FACTS)
    assert [s.text for s in checked.lead] == [good.text]
    assert report.checked == 2
    assert report.dropped[0].reason == "no source supports year '1982'"


def test_index_reads_weekdays_with_the_anchor() -> None:
    index = index_source(SOURCES[0])
    assert dt.date(2023, 10, 5) in index.dates
    assert 89 in index.numbers
    assert 2023 in index.years


def test_figures_with_units_glued_on_are_found() -> None:
    source = _source("s3", "The quake struck 19 miles (30km) from the provincial capital.")
    sentence = ArticleSentence(text="The epicentre was 30 kilometres from the capital.", sources=("s3",))
    _, report = verify(_article(sentence), (source,), FACTS)
    assert report.passed == 1


def test_scaled_figure_is_supported_by_the_same_figure() -> None:
    source = _source("s4", "About 11.3 million vehicles cross the harbour bridge each year, the port authority said.")
    sentence = ArticleSentence(text="The bridge carried about 11.3 million vehicles a year.", sources=("s4",))
    _, report = verify(_article(sentence), (source,), FACTS)
    assert report.passed == 1 and not report.dropped
