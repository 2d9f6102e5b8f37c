"""Cheap tests run before an expensive regex: can it match this text at all?

Most sentences name no weapon, no clock time, no war. A regex built from a long alternation
costs tens of microseconds per sentence even when it finds nothing, while a handful of
substring tests cost well under one. ``required_needles`` reads off a regex the literal
strings of which every match must contain one; when none occurs in a text, the regex cannot
match there, so skipping it changes no result. The needles are derived from the regex
itself, so they follow any edit of it (``tests/test_prefilter.py`` checks the rule on
generated text for every regex that is prefiltered).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean
from typing import Any

from wikiwire.textkeys import lookup_key

__all__ = ["Needles", "fold", "has_digit", "required_needles"]

_DIGIT = re.compile(r"\d")


def fold(text: str) -> str:
    """``text`` lower-cased for ``Needles.in_folded``, with the four non-ASCII letters that
    re.IGNORECASE matches to ASCII ones (``textkeys.lookup_key``) turned into those letters,
    so a needle occurs in the folded text wherever the regex can match."""
    return text.lower() if text.isascii() else lookup_key(text)


def has_digit(text: str) -> bool:
    """True when ``text`` holds a character regexes read as ``\\d`` (any Unicode digit)."""
    return _DIGIT.search(text) is not None


@dataclass(frozen=True)
class Needles:
    """Lower-case ASCII strings one of which every match of some regex contains, case aside.

    Invariant (kept by whoever builds them, checked by tests): if the regex matches a text,
    ``may_match`` is True for it. The empty needle occurs in every text: a set holding it
    rules nothing out.
    """

    needles: tuple[str, ...]

    @classmethod
    def of(cls, needles: Iterable[str]) -> Needles:
        """Needles from any strings (lower-cased; repeats dropped)."""
        return cls(tuple(dict.fromkeys(n.lower() for n in needles)))

    @classmethod
    def union(cls, *sets: Needles) -> Needles:
        """Needles for an alternation of the regexes of ``sets``: any one of theirs."""
        return cls.of(_minimal({n for s in sets for n in s.needles}))

    def may_match(self, text: str) -> bool:
        """False only when no needle occurs in ``text``, case aside: the regex cannot match."""
        return self.in_folded(fold(text))

    def in_folded(self, folded: str) -> bool:
        """``may_match`` given ``fold(text)``, to fold a text once for many needle sets."""
        return any(needle in folded for needle in self.needles)


# Nothing is certainly required: every text may match.
ANYTHING = Needles(("",))


def required_needles(pattern: re.Pattern[str]) -> Needles:
    """Needles read off ``pattern`` itself: literal runs every match must contain.

    Walks the parsed regex: a run of literal ASCII characters in a sequence is required, a
    branch requires one of its alternatives' needles, a repeat its body's when it repeats at
    least once; anything else (classes, lookarounds, optional parts) requires nothing. Of the
    sets found in a sequence, the most selective is kept (longest shortest needle, then
    longest on average). Case is folded whatever the flags: a case-sensitive match also
    matches lower-cased. Returns ``ANYTHING`` when nothing is certainly required or the regex
    cannot be read.
    """
    try:
        # CPython's own regex parser (private, stable since 3.11); without it, no prefilter.
        codes = importlib.import_module("re._constants")
        tree = importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError, re.error):
        return ANYTHING
    found = _sequence_needles(list(tree), codes)
    if not found:
        return ANYTHING
    return Needles.of(_minimal(found))


def _minimal(needles: Iterable[str]) -> list[str]:
    """The needles that hold no other one, sorted: wherever a longer needle holding a
    shorter one occurs, the shorter one does too. The empty needle holds in every text."""
    found = set(needles)
    if "" in found:
        return [""]
    return sorted(n for n in found if not any(m != n and m in n for m in found))


def _sequence_needles(items: list[tuple[Any, Any]], codes: Any) -> frozenset[str] | None:
    """Best needle set a sequence of parsed regex items requires (see required_needles).

    ``items`` are ``re._parser`` (opcode, argument) pairs; ``codes`` is ``re._constants``.
    """
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(("".join(run).lower(),)))
            run.clear()

    for op, av in items:
        if op is codes.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close_run()
        found: frozenset[str] | None = None
        if op is codes.SUBPATTERN:
            found = _sequence_needles(list(av[3]), codes)
        elif op is codes.ATOMIC_GROUP:
            found = _sequence_needles(list(av), codes)
        elif op is codes.BRANCH:
            alternatives = [_sequence_needles(list(alt), codes) for alt in av[1]]
            if all(alternatives):
                found = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT):
            low, _, body = av
            if low >= 1:
                found = _sequence_needles(list(body), codes)
        if found:
            candidates.append(found)
    close_run()
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), mean(map(len, c)), -len(c)))
