"""The naive fact baseline and the LexRank summary baseline of ``wikiwire eval``."""

from __future__ import annotations

import datetime as dt

from wikiwire.evaluation import baseline
from wikiwire.evaluation.baseline import BaselineSentence, OfflineTokenizer

REPORT = (
    "Drones loaded with explosives struck a graduation ceremony at a military academy in Homs on Thursday. "
    "The health ministry said 89 people were killed, including 31 women, and 277 were wounded. "
    "A monitor in Britain said more than 120 were dead. "
    "Officials in Damascus declared mourning, and Homs hospitals asked for blood. "
    "No group has claimed the attack, which came in the 12th year of the war that began in 2011."
)


def _sentences(nlp, text: str = REPORT, published: dt.date | None = dt.date(2023, 10, 5)):  # type: ignore[no-untyped-def]
    return baseline.sentences_from_docs([(nlp(text), published)])


def test_naive_facts_on_a_report(nlp) -> None:  # type: ignore[no-untyped-def]
    facts = baseline.naive_facts(_sentences(nlp))
    assert facts["date"] == {"value": "2023-10-05", "display": "Thursday"}  # same day as the report
    assert facts["location"] is not None and facts["location"]["display"] == "Homs"
    assert facts["type"] is not None and facts["type"]["value"] == "drone strike"
    assert facts["fatalities"] == {"value": {"low": 120, "high": 120, "best": 120}, "display": "120"}
    assert facts["injuries"] is not None and facts["injuries"]["value"]["best"] == 277
    assert facts["perpetrators"] == {"value": ["Unknown"], "display": "Unknown"}


def test_naive_figure_takes_the_biggest_number_near_the_keyword_even_if_wrong() -> None:
    # The naive rule has no notion of another event: the retaliation's toll wins.
    sentences = [
        BaselineSentence("Drones killed 89 people at the academy."),
        BaselineSentence("Shelling in the north-west killed 240 people over the week."),
    ]
    assert baseline.naive_facts(sentences)["fatalities"]["value"]["best"] == 240  # type: ignore[index]


def test_naive_date_takes_the_first_date_entity_even_a_background_one() -> None:
    sentences = [
        BaselineSentence("The war began in March 2011.", (("March 2011", "DATE"),), dt.date(2023, 10, 6)),
        BaselineSentence("Drones struck yesterday.", (("yesterday", "DATE"),), dt.date(2023, 10, 6)),
    ]
    assert baseline.naive_facts(sentences)["date"]["value"].startswith("2011-03-")  # type: ignore[index]


def test_naive_figure_reads_number_words_and_skips_years() -> None:
    sentences = [BaselineSentence("In 2024 six workers died when the bridge collapsed.")]
    facts = baseline.naive_facts(sentences)
    assert facts["fatalities"]["value"]["best"] == 6  # type: ignore[index]
    assert facts["type"]["value"] == "bridge collapse"  # type: ignore[index]


def test_naive_perpetrator_is_the_first_person_near_a_claim_word(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Police said the suspect, Robert Card, was found dead two days later."
    facts = baseline.naive_facts(_sentences(nlp, text, dt.date(2023, 10, 27)))
    assert facts["perpetrators"] == {"value": ["Robert Card"], "display": "Robert Card"}


def test_naive_facts_with_nothing_to_find() -> None:
    facts = baseline.naive_facts([BaselineSentence("It was a quiet day.")])
    assert facts["date"] is None and facts["location"] is None and facts["fatalities"] is None
    assert facts["perpetrators"] == {"value": ["Unknown"], "display": "Unknown"}


def test_offline_tokenizer_splits_sentences_and_words() -> None:
    tokenizer = OfflineTokenizer()
    assert tokenizer.to_sentences('He said "it is over." Then he left. 89 died.') == (
        'He said "it is over."',
        "Then he left.",
        "89 died.",
    )
    assert tokenizer.to_words("The drone's payload hit co-workers.") == ("The", "drone's", "payload", "hit", "co-workers")


def test_lexrank_summary_keeps_to_the_word_budget_and_input_order() -> None:
    sentences = [
        "Drones struck a military academy in Homs during a graduation ceremony.",
        "The attack on the academy in Homs killed at least 89 people, the ministry said.",
        "The weather in the capital was mild.",
        "Drones hit the academy in Homs minutes after the defence minister left the ceremony.",
        "A football match was postponed.",
    ]
    summary = baseline.lexrank_summary(sentences, 25)
    lines = summary.splitlines()
    assert 15 <= len(summary.split()) <= 35
    assert all(line in sentences for line in lines)
    assert lines == sorted(lines, key=sentences.index)
    assert "The weather in the capital was mild." not in lines
    assert baseline.lexrank_summary([], 20) == ""
