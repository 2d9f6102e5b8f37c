"""Content metrics of ``wikiwire eval``: ROUGE, entity recall and word counts of an article
(or its opening, ``opening``) against a reference text, and the small helpers the report
aggregates with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from wikiwire.evaluation.scoring.common import fold

__all__ = [
    "ENTITY_LABELS",
    "entity_key",
    "entity_recall",
    "mean",
    "opening",
    "parse_iso",
    "reference_entities",
    "rouge_f1",
    "word_count",
]

# Entity labels whose mentions make up an article's factual content; counts, times and
# ordinals are left out because their wording varies too much to match.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE"})


def rouge_f1(reference: str, candidate: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of ``candidate`` against ``reference`` (Porter stemming)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scores = scorer.score(reference, candidate)
    return {name: round(score.fmeasure, 4) for name, score in scores.items()}


def entity_key(text: str) -> str:
    """An entity mention folded for matching: no leading article, no possessive."""
    folded = fold(text.replace("’s", "").replace("'s", ""))
    return folded.removeprefix("the ").strip()


def reference_entities(doc_ents: Iterable[tuple[str, str]]) -> set[str]:
    """The distinct entity keys of (text, label) pairs whose label is in ``ENTITY_LABELS``."""
    return {entity_key(text) for text, label in doc_ents if label in ENTITY_LABELS and entity_key(text)}


def entity_recall(entities: set[str], candidate: str) -> float:
    """Share of ``entities`` (keys) that appear as whole words in ``candidate``; 0 when none."""
    if not entities:
        return 0.0
    folded = " " + fold(candidate) + " "
    return sum(f" {e} " in folded for e in entities) / len(entities)


def word_count(text: str) -> int:
    """Words in ``text`` (whitespace-separated)."""
    return len(text.split())


def opening(texts: Sequence[str], budget: int) -> list[str]:
    """The article's opening: its first sentences (``texts`` in reading order, lead first)
    up to ``budget`` words, whole sentences only. It stops before the first sentence that
    would take it past the budget, but always holds the first sentence, so an article whose
    lead opens long is still scored on what it opens with. [] for no sentences.

    The dev corpus's references are the encyclopedia article's opening (its lead and first
    sections), so the article is compared with them at their length, not at its own.
    """
    out: list[str] = []
    total = 0
    for text in texts:
        words = word_count(text)
        if out and total + words > budget:
            break
        out.append(text)
        total += words
    return out


def parse_iso(value: object) -> dt.date | None:
    """A date from "YYYY-MM-DD" (or a date), else None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, None for no values."""
    return sum(values) / len(values) if values else None
