"""Lookup keys for words that case-insensitive regexes matched.

Python's ``re.IGNORECASE`` treats four non-ASCII letters as ASCII ones: the long s "ſ" as
"s", the Kelvin sign "K" as "k", and the dotless "ı" and dotted "İ" as "i". ``str.lower``
keeps them apart, so a word such as "explosıves" matches a pattern written for
"explosives" and then misses the lower-case table it is looked up in (a KeyError that
stopped the whole build). Report text is untrusted, so every table lookup of a matched
word goes through ``lookup_key``.
"""

from __future__ import annotations

__all__ = ["lookup_key"]

# The only characters outside ASCII that re.IGNORECASE equates with ASCII letters (checked
# over the Basic Multilingual Plane in tests/test_textkeys.py).
_IGNORECASE_TWINS = str.maketrans({"ſ": "s", "\u212a": "k", "ı": "i", "İ": "i"})


def lookup_key(word: str) -> str:
    """``word`` lower-cased, with the letters that re.IGNORECASE equates with ASCII ones
    replaced by those ASCII letters."""
    return word.translate(_IGNORECASE_TWINS).lower()
