"""Scoring of the phrase fields: type, target and part_of."""

from __future__ import annotations

from wikiwire.evaluation.scoring.common import (
    _SPLIT_PARTS,
    Evidence,
    FieldScore,
    Prediction,
    _display,
    _no_evidence,
    _result,
    content_tokens,
    dice,
)

__all__ = ["PHRASE_MATCH_THRESHOLD", "score_phrase", "score_type"]

# Sørensen–Dice similarity of content-word sets needed for a target/part_of phrase to count:
# "the graduation ceremony" vs "Syrian military graduation ceremony" is 0.67 and
# "the Syrian war" vs "the Syrian civil war" 0.8 (both right), while "gun violence in the
# United States" vs "mass shootings in the United States" is 0.5 (a different thing).
PHRASE_MATCH_THRESHOLD = 0.6


# ---------------------------------------------------------------------------------------------
# Type


def score_type(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Type: correct when, for some comma-separated alternative of the reference ("Mass
    shooting, mass murder, ..."), our type's content words are all in it or its words are all
    in ours ("bridge collapse" in "Bridge collapse after the container ship ... struck").
    A less specific type inside a more specific reference ("bombing" for "Suicide bombing")
    therefore counts. The reference is scored as written: an earthquake's "Thrust" is a fault
    type, and a report that never says "thrust" makes it unattainable. A type is attainable when
    some report uses every word of an alternative, in any inflection ("collapsed")."""
    evidence = evidence or _no_evidence()
    alternatives = [content_tokens(a) for a in _SPLIT_PARTS.split(reference)]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return _result("type", reference, predicted, 0.0, False, "reference has no type")
    attainable = any(all(evidence.states_word(w) for w in a) for a in alternatives)
    candidates = [content_tokens(str(predicted.get(k) or "")) for k in ("value", "display")] if predicted else []
    candidates = [c for c in candidates if c]
    if not candidates:
        return _result("type", reference, predicted, 0.0, attainable, "no type")
    correct = any(c <= a or a <= c for c in candidates for a in alternatives)
    return _result("type", reference, predicted, 1.0 if correct else 0.0, attainable, "")


# ---------------------------------------------------------------------------------------------
# Target, part_of


def score_phrase(name: str, reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Target or part_of: correct when the content-word sets of ours and the reference have a
    Dice similarity of at least ``PHRASE_MATCH_THRESHOLD``. Attainable by the same rule: when
    the reference's words that the reports use would by themselves make a correct phrase
    ("the war in Syria" is stated where "the Syrian civil war" is not)."""
    evidence = evidence or _no_evidence()
    ref = content_tokens(reference)
    if not ref:
        return _result(name, reference, predicted, 0.0, False, "reference is empty")
    attainable = dice(ref, ref & evidence.token_set) >= PHRASE_MATCH_THRESHOLD
    candidates = [content_tokens(_display(predicted))]
    if predicted and isinstance(predicted.get("value"), str):
        candidates.append(content_tokens(predicted["value"]))
    similarity = max(dice(ref, c) for c in candidates)
    if not any(candidates):
        return _result(name, reference, predicted, 0.0, attainable, f"no {name}")
    return _result(name, reference, predicted, 1.0 if similarity >= PHRASE_MATCH_THRESHOLD else 0.0,
                   attainable, f"similarity {similarity:.2f}")
