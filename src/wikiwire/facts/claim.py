"""The one way extractors make a Claim: the quote, source, sentence and report date come from
where the fact was read, and the weight is clamped to [0, 1] and rounded."""

from __future__ import annotations

from typing import Any

from wikiwire.records import AnalysedSource, Claim, FactName, Sentence

__all__ = ["WEIGHT_DIGITS", "claim_in"]

# Weights are products of several factors; three decimals keep event.json readable and are
# far finer than any threshold that reads them (the smallest, MIN_WEIGHT, is 0.08).
WEIGHT_DIGITS = 3


def claim_in(source: AnalysedSource, sentence: Sentence, fact: FactName, value: Any, display: str,
             weight: float, **extra: Any) -> Claim:
    """A ``fact`` claim read from ``sentence`` of ``source`` (``value`` is validated as JSON by
    the Claim record); ``extra`` sets the optional
    Claim fields (qualifier, attributed_to, scope, stance, value_end, or quote when the claim
    spans more than the sentence)."""
    return Claim(
        fact=fact,
        value=value,
        display=display,
        source=source.source.id,
        sentence=sentence.id,
        quote=extra.pop("quote", sentence.text),
        reported=source.anchor_date,
        weight=round(max(0.0, min(1.0, weight)), WEIGHT_DIGITS),
        **extra,
    )
