"""The opening metric of ``wikiwire eval``: the article's first whole sentences up to the
reference's length, scored beside a LexRank summary of the same length; summary means and
ratios; the printed report. On texts written for the test."""

from __future__ import annotations

from typing import Any

from wikiwire.evaluation import evaluate
from wikiwire.evaluation.scoring.content import opening, word_count

LEAD = "The 2031 Keel Point ferry sinking was a maritime disaster off Keel Point, Norland, on 3 May 2031."  # 18 words
TOLL = "The sinking killed 41 people."  # 5 words
BODY = "The ferry Morning Star took on water in a storm and sank within an hour."  # 15 words
TEXTS = [LEAD, TOLL, BODY]


def test_opening_takes_whole_sentences_up_to_the_budget() -> None:
    assert [word_count(t) for t in TEXTS] == [18, 5, 15]
    assert opening(TEXTS, 23) == [LEAD, TOLL]
    assert opening(TEXTS, 37) == [LEAD, TOLL]  # the body would pass 37 words (38)
    assert opening(TEXTS, 38) == TEXTS
    assert opening(TEXTS, 1000) == TEXTS


def test_opening_stops_at_the_first_sentence_that_would_pass_the_budget() -> None:
    # The toll (5 words) would fit after the body but is never reached: an opening is read
    # in order, not packed.
    assert opening([LEAD, BODY, TOLL], 30) == [LEAD]


def test_opening_always_holds_the_first_sentence() -> None:
    assert opening(TEXTS, 5) == [LEAD]
    assert opening(TEXTS, 0) == [LEAD]
    assert opening([], 50) == []


def _content(opening_ours: float, opening_lex: float, whole_ours: float, whole_lex: float) -> dict[str, Any]:
    def scores(rouge: float, words: int) -> dict[str, Any]:
        return {"rouge1": rouge, "rouge2": rouge, "rougeL": rouge, "entity_recall": rouge,
                "entity_recall_attainable": rouge, "words": words, "sentences": 2}

    return {
        "reference_entities": 4, "stated_entities": 3, "reference_words": 22,
        "wikiwire": {**scores(whole_ours, 60), "citation_coverage": 1.0, "verification_pass_rate": 1.0},
        "lexrank": scores(whole_lex, 60),
        "opening": {"wikiwire": scores(opening_ours, 22), "lexrank": scores(opening_lex, 21)},
    }


def test_summary_means_and_ratios_of_opening_and_whole_article() -> None:
    lint = {"sentences": 10, "captions": 0, "notices": 0, "present": 1, "openers": 0, "repeats": 2}
    events = [
        {"fields": {}, "content": _content(0.4, 0.2, 0.3, 0.3), "prose": lint},
        {"fields": {}, "content": _content(0.2, 0.2, 0.1, 0.1), "prose": lint},
        {"fields": {}, "content": None, "prose": None},
    ]
    content = evaluate.summarise(events)["content"]
    assert content["events"] == 2
    assert content["opening"]["wikiwire"]["rougeL"] == 0.3
    assert content["opening"]["lexrank"]["rougeL"] == 0.2
    assert content["opening"]["ratio"]["rougeL"] == 1.5
    assert content["opening"]["ratio"]["entity_recall"] == 1.5
    assert content["ratio"]["rougeL"] == 1.0
    assert content["wikiwire"]["citation_coverage"] == 1.0
    assert evaluate.summarise(events)["prose"] == {"events": 2, **{k: 2 * v for k, v in lint.items()}}


def test_report_prints_opening_whole_article_and_prose_lint() -> None:
    lint = {"sentences": 10, "captions": 0, "notices": 0, "present": 1, "openers": 0, "repeats": 2}
    event = {"id": "keel", "title": "2031 Keel Point ferry sinking", "fields": {},
             "content": _content(0.4, 0.2, 0.3, 0.3), "prose": lint}
    report = {"events_file": "events.jsonl", "split": None, "events": [event], "summary": evaluate.summarise([event])}
    text = evaluate.format_report(report)
    assert "opening = the article's first sentences up to the reference's length" in text
    assert "ROUGE-L F1                    0.40      0.20   2.00x         0.30      0.30   1.00x" in text
    assert "Prose lint (sum over 1 article(s)): 10 sentences; captions/credits 0, page notices 0," in text
    assert "opening (22 words of the reference's 22): ROUGE-L 0.40 (lexrank 0.20)" in text
    assert "  prose lint: 10 sentences;" in text
