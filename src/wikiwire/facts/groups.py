"""Armed groups known by several names: one canonical name each, so "IS", "ISIS", "ISIL",
"Daesh" and "the Islamic State group" vote together, and an affiliate stays apart from its
parent. Data, not logic: general knowledge of group names, no event's particulars.
"""

from __future__ import annotations

import functools
import re

__all__ = ["ALIASES", "canonical_group"]

# Canonical name -> patterns of its other names (matched whole, case-sensitive where an
# acronym could be an ordinary word). Affiliates come first: "Islamic State Khorasan" must
# not fall into "Islamic State".
ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Islamic State – Khorasan Province", (
        r"(?:the )?Islamic State[ -–—]+Khorasan(?: Province)?", r"(?:the )?Islamic State Khorasan(?: Province)?",
        r"IS[- ]?K", r"ISIS[- ]?K", r"ISKP", r"ISKP", r"Daesh[- ]Khorasan",
    )),
    ("Islamic State – West Africa Province", (r"(?:the )?Islamic State West Africa(?: Province)?", r"ISWAP")),
    ("Islamic State", (
        r"(?:the )?Islamic State(?: group| of Iraq and (?:Syria|the Levant))?", r"IS", r"ISIS", r"ISIL", r"Daesh", r"Da'esh",
    )),
    ("al-Qaeda in the Arabian Peninsula", (r"AQAP", r"al-Qaeda in the Arabian Peninsula")),
    ("al-Qaeda", (r"[Aa]l[- ]Qa'?[ie]da", r"Al Qaeda")),
    ("al-Shabaab", (r"[Aa]l[- ]Shabaa?b",)),
    ("Tehrik-i-Taliban Pakistan", (r"Tehreek?-[ei]-Taliban Pakistan", r"Tehrik-i-Taliban Pakistan", r"TTP", r"Pakistani Taliban")),
    ("Boko Haram", (r"Boko Haram",)),
    ("Hamas", (r"Hamas",)),
    ("Hezbollah", (r"Hez?bb?oll?ah", r"Hizbullah")),
    ("Kurdistan Workers' Party", (r"PKK", r"Kurdistan Workers'? Party")),
)

_COMPILED = tuple((name, re.compile(r"^(?:" + "|".join(patterns) + r")$")) for name, patterns in ALIASES)


@functools.lru_cache(maxsize=4096)
def canonical_group(phrase: str) -> str | None:
    """The canonical name of ``phrase`` when it is a known group's name, else None."""
    text = " ".join(phrase.replace("’", "'").split())
    for name, pattern in _COMPILED:
        if pattern.match(text):
            return name
    return None
