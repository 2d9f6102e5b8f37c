"""Stage 3: sentence splitting respects line breaks; entities and ids are as documented."""

from __future__ import annotations

import datetime as dt

from wikiwire.analyse import analyse
from wikiwire.records import Source


def _source(text: str, sid: str = "s1", published: dt.date | None = None) -> Source:
    return Source(id=sid, input=f"{sid}.txt", text=text, published=published)


def test_headings_never_merge_into_prose(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Timeline\nThe first call came in at 6:56 p.m. Officers arrived minutes later.\nReactions"
    (result,) = analyse([_source(text)], nlp)
    texts = [s.text for s in result.sentences]
    assert texts[0] == "Timeline"
    assert texts[-1] == "Reactions"
    assert "The first call came in at 6:56 p.m." in texts
    assert [s.paragraph for s in result.sentences] == [0, 1, 1, 2]


def test_sentence_ids_and_entity_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A drone struck a ceremony in Homs, Syria. The ministry gave a toll of 89."
    a, b = analyse([_source(text, "s1"), _source("Rescuers reached Herat on Sunday.", "s2")], nlp)
    assert [s.id for s in a.sentences] == ["s1.0", "s1.1"]
    assert [s.id for s in b.sentences] == ["s2.0"]
    first = a.sentences[0]
    for ent in first.entities:
        assert first.text[ent.start : ent.end] == ent.text
    assert "Homs" in {e.text for e in first.entities if e.label == "GPE"}


def test_blank_lines_are_not_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    (result,) = analyse([_source("\n\n   \nOne line of news.\n\n")], nlp)
    assert [s.text for s in result.sentences] == ["One line of news."]
    assert result.sentences[0].paragraph == 3


def test_processes_only_for_full_batches() -> None:
    from wikiwire.analyse import MIN_LINES_PER_PROCESS, processes_for

    assert processes_for(0, 4) == 1
    assert processes_for(MIN_LINES_PER_PROCESS - 1, 2) == 1
    assert processes_for(2 * MIN_LINES_PER_PROCESS, 2) == 2
    assert processes_for(10 * MIN_LINES_PER_PROCESS, 2) == 2
    assert processes_for(10 * MIN_LINES_PER_PROCESS, 1) == 1


def test_two_spacy_processes_give_the_same_analysis(nlp) -> None:  # type: ignore[no-untyped-def]
    from wikiwire.analyse import MIN_LINES_PER_PROCESS

    towns = ["Homs", "Idlib", "Hama", "Aleppo", "Latakia"]
    lines = [
        f"Report {i}: officials in {towns[i % 5]} said {i + 3} people were hurt on Thursday, 5 October 2023."
        for i in range(2 * MIN_LINES_PER_PROCESS + 10)
    ]
    sources = [Source(id=f"s{k}", input=f"s{k}.txt", text="\n".join(lines[k::3]), published=dt.date(2023, 10, 6)) for k in range(3)]
    assert analyse(sources, nlp, n_process=2) == analyse(sources, nlp, n_process=1)
