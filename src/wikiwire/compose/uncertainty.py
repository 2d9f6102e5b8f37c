"""Which reconciled facts are weakly known, and why, in one place for every output.

The reconciler keeps a weakly supported value (a date resting only on "on Thursday" in one
report whose publication date nothing else backs) and names the rule that produced it in
``Fact.rule``. This module turns such a rule into a ``Doubt``: a plain-words reason a reader
can check. The renderers (infobox notes, the ``{{dubious}}`` tag, event.json's
``confidence``) and the lead (which hedges the fact) ask ``doubt`` and never test rules
themselves, so every output flags the same facts for the same reason.

Adding a rule: write a function ``Fact -> str`` giving the reason and register it in
``REASONS`` under the rule's name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from wikiwire.facts import dates
from wikiwire.records import Build, EventFacts, Fact
from wikiwire.taxonomy import TEMPLATES

__all__ = ["LOW", "NOTE_LABEL", "REASONS", "Confidence", "Doubt", "doubt", "doubts", "infobox_doubts", "relative_date_reason"]

Confidence = Literal["low"]
LOW: Confidence = "low"
# The word every output shows next to a doubtful value, before the reason.
NOTE_LABEL = "unconfirmed"

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
# The preposition of a relative date adds nothing to the reason: 'from "Thursday"', not
# 'from "on Thursday"'; "last"/"this" stay (they change which day is meant).
_PREPOSITION = re.compile(r"^(?:on|in|at)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Doubt:
    """Why a fact's value is weakly known.

    ``reason`` is one lower-case clause in plain words with no final stop (it quotes report
    text, so every renderer must escape it); ``rule`` is the ``Fact.rule`` that caused it.
    """

    fact: str
    rule: str
    reason: str
    confidence: Confidence = LOW

    @property
    def note(self) -> str:
        """The short note shown next to the value: "unconfirmed: <reason>"."""
        return f"{NOTE_LABEL}: {self.reason}"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _relative_words(fact: Fact) -> list[str]:
    """The weekday or relative expressions behind the date, as the reports wrote them."""
    return [
        claim.quote[mention.start : mention.end]
        for claim in fact.claims
        if claim.reported is not None
        for mention in dates.find_dates(claim.quote, claim.reported)
        if mention.kind != "explicit" and mention.day.isoformat() == str(claim.value)
    ]


def _reason(words: Sequence[str], reports: int, published: Sequence[dt.date]) -> str:
    """'date from "Thursday" in one report dated 14 November 2023, not confirmed by another
    report': ``words`` as written (prepositions and repeats dropped), the number of reports,
    their publication dates."""
    unique = list({_PREPOSITION.sub("", w).casefold(): _PREPOSITION.sub("", w) for w in words}.values())
    said = _and_list([f'"{w}"' for w in unique]) if unique else "a weekday or relative date"
    dated = f" dated {_and_list([_long_date(d) for d in published])}" if published else ""
    if reports <= 1:
        return f"date from {said} in one report{dated}, not confirmed by another report"
    return f"date from {said} in {reports} reports{dated}, not confirmed by any other report"


def relative_date_reason(words: Sequence[str], anchor: dt.date) -> str:
    """Why a date an article sentence gives is weakly known (its weekday ``words`` were
    counted from one report's date ``anchor``), in the words the infobox uses for such a date."""
    return _reason(words, 1, [anchor])


def _uncorroborated_date(fact: Fact) -> str:
    """The reason for a date fact resting on weekdays counted from uncorroborated report
    dates (the reports and words taken from the claims behind the date)."""
    reports = list(dict.fromkeys(c.source for c in fact.claims)) or list(fact.sources)
    published = sorted({c.reported for c in fact.claims if c.reported is not None})
    return _reason(_relative_words(fact), len(reports), published)


# Fact.rule -> the reason a fact produced by it is weakly known.
REASONS: dict[str, Callable[[Fact], str]] = {
    dates.UNCORROBORATED_RULE: _uncorroborated_date,
}


def doubt(fact: Fact) -> Doubt | None:
    """The doubt on ``fact``, or None when its rule gives no reason to doubt it (or it has
    no value to doubt)."""
    if fact.rule is None or not (fact.display or fact.value):
        return None
    explain = REASONS.get(fact.rule)
    if explain is None:
        return None
    return Doubt(fact=fact.name, rule=fact.rule, reason=explain(fact))


def doubts(facts: EventFacts) -> dict[str, Doubt]:
    """Every doubtful fact of the event, by fact name (empty when all are normal)."""
    return {name: d for name, fact in facts.facts.items() if (d := doubt(fact)) is not None}


def infobox_doubts(build: Build) -> dict[str, Doubt]:
    """The doubts on the infobox's values, by infobox parameter name ("date", "local-date").

    Parameters are mapped back to facts through the template's table in ``taxonomy``; a
    template it does not know is read as naming its parameters after the facts.
    """
    found = doubts(build.facts)
    if not found:
        return {}
    box = build.article.infobox
    template = TEMPLATES.get(box.template)
    pairs = template.params if template is not None else tuple((p, p) for p in box.params)
    return {param: found[name] for name, param in pairs if name in found and param in box.params}
