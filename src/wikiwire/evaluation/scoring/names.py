"""Scoring of the perpetrators field: named people or groups, or "Unknown"."""

from __future__ import annotations

import re

from wikiwire.evaluation.scoring.common import (
    _PARENTHESES,
    STOP_WORDS,
    Evidence,
    FieldScore,
    Prediction,
    _display,
    _no_evidence,
    _result,
    fold,
    tokens,
)

__all__ = [
    "NAME_SUFFIXES",
    "UNKNOWN_WORDS",
    "name_stated",
    "names_match",
    "predicted_names",
    "score_perpetrators",
]

# Name suffixes left out of name comparison ("Robert Russell Card II").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Reference values meaning nobody is known to be responsible.
UNKNOWN_WORDS = frozenset({"unknown", "unidentified", "unclaimed", "none claimed"})

# Phrases in a report that state the perpetrator is unknown.
_UNKNOWN_STATED = re.compile(
    r"\b(?:no (?:group|one|organi[sz]ation|party)|nobody|none)\b[^.]{0,60}\b(?:claimed|responsibility)"
    r"|\bunknown (?:attackers?|assailants?|perpetrators?|group)|\bunidentified (?:drones?|attackers?|gunm[ae]n|assailants?)"
    r"|\bnot (?:yet )?(?:been )?claimed\b|\bresponsibility (?:is|was|remains) unclear",
    re.IGNORECASE,
)

_SPLIT_NAMES = re.compile(r"[;,]|\band\b", re.I)


def _is_unknown(text: str) -> bool:
    return fold(text) in UNKNOWN_WORDS


def _name_tokens(name: str) -> set[str]:
    return {t for t in tokens(_PARENTHESES.sub(" ", name)) if t not in NAME_SUFFIXES and t not in STOP_WORDS}


def predicted_names(predicted: Prediction) -> list[str]:
    """Our perpetrators as a list of names (the value list, else the display split on commas)."""
    if not predicted:
        return []
    value = predicted.get("value")
    if isinstance(value, list):
        names = [str(v) for v in value if v]
    elif isinstance(value, str) and value:
        names = _SPLIT_NAMES.split(value)
    else:
        names = _SPLIT_NAMES.split(_display(predicted))
    return [n.strip() for n in names if n and n.strip()]


def names_match(reference_name: str, our_name: str) -> bool:
    """Equal token sets, or the smaller has two or more tokens all in the larger ("Robert
    Card" in "Robert Russell Card II"); a lone surname is too weak to count."""
    a, b = _name_tokens(reference_name), _name_tokens(our_name)
    if not a or not b:
        return False
    if a == b:
        return True
    small, big = sorted((a, b), key=len)
    return len(small) >= 2 and small <= big


def name_stated(name: str, evidence: Evidence) -> bool:
    """Whether some report writes the name: its first and last tokens both appear."""
    words = [t for t in tokens(_PARENTHESES.sub(" ", name)) if t not in NAME_SUFFIXES]
    if not words:
        return False
    return all(f" {w} " in evidence.folded for w in {words[0], words[-1]})


def score_perpetrators(reference: str, predicted: Prediction, evidence: Evidence | None = None) -> FieldScore:
    """Perpetrators: a reference "Unknown" is matched only by our "Unknown"; named
    perpetrators score the share of reference names one of ours matches (``names_match``).
    "Unknown" is attainable when a report says nobody claimed the attack or the attackers are
    unknown; a name when a report writes it."""
    evidence = evidence or _no_evidence()
    ours = predicted_names(predicted)
    if _is_unknown(reference):
        attainable = bool(_UNKNOWN_STATED.search(evidence.raw))
        if not ours:
            return _result("perpetrators", reference, predicted, 0.0, attainable, "no perpetrators")
        correct = all(_is_unknown(n) for n in ours)
        return _result("perpetrators", reference, predicted, 1.0 if correct else 0.0, attainable, "")
    names = [n.strip() for n in _SPLIT_NAMES.split(reference) if n.strip()]
    if not names:
        return _result("perpetrators", reference, predicted, 0.0, False, "reference names nobody")
    attainable = any(name_stated(n, evidence) for n in names)
    found = [n for n in names if any(names_match(n, o) for o in ours)]
    return _result("perpetrators", reference, predicted, len(found) / len(names), attainable,
                   "" if found else "no reference name matched")
