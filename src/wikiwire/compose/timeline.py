"""How each body's casualty figures moved from report to report: the toll timeline.

A death toll is rarely one number: a health ministry gives 80, then 89; a monitor 7, then
more than 100, then more than 120. The reconciled fact keeps the range, and this module keeps
the history: for each body that gave figures (the claims' ``attributed_to``), its figures in
the order of the reports' dates, each with the source and sentence it was read from.

``toll_timeline`` is a pure function of the reconciled facts, so anything that holds
``EventFacts`` (a build, a stored revision) can compute it again; ``timeline_sentences``
turns the series that moved into the Casualties sentence; ``timeline_record`` is the
``timeline`` list of event.json.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Literal

from wikiwire.records import ArticleSentence, Claim, EventFacts, Record

__all__ = ["TollPoint", "TollSeries", "timeline_record", "timeline_sentences", "toll_timeline"]

TollFact = Literal["fatalities", "injuries"]
TOLL_FACTS: tuple[TollFact, ...] = ("fatalities", "injuries")

# Claims the extractor doubts (hedged or indirect: it gives those 0.6 and less) say less
# about what a body reported than about what a reporter guessed; they stay out of the history.
MIN_CLAIM_WEIGHT = 0.75
# Bodies named in one sentence of prose: past three the sentence stops being readable; the
# chart and event.json still show every series.
MAX_BODIES_IN_PROSE = 3
# Words that do not tell two bodies apart ("the", "a UK-based", a possessive country).
_NOISE_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "in"})
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


class TollPoint(Record):
    """One figure a body gave, on the date of the report that carried it.

    ``figure`` is the number; ``display`` how it was qualified ("at least 89"); ``sources``
    and ``sentences`` every report sentence that gave this figure on this date (ids).
    """

    reported: dt.date
    figure: int
    display: str
    sources: tuple[str, ...]
    sentences: tuple[str, ...]


class TollSeries(Record):
    """The figures one body gave for one toll, in report order.

    Invariants: ``points`` is sorted by (reported, figure) and holds no two points with the
    same date and figure; ``body`` is the name reports most often used for the body.
    """

    fact: TollFact
    body: str
    points: tuple[TollPoint, ...]

    @property
    def moved(self) -> bool:
        """Whether the body gave more than one figure."""
        return len({p.figure for p in self.points}) > 1


def _body_words(name: str) -> frozenset[str]:
    """The words that identify a body: lower case, without articles, "-based" labels and an
    opening possessive ("Syria's health ministry" -> {"health", "ministry"}; "the county
    sheriff's office" -> {"county", "sheriff", "office"})."""
    words = [w for w in _WORD.findall(name.casefold().replace("’", "'")) if w not in _NOISE_WORDS]
    words = [w for w in words if not w.endswith("-based")]
    if words and words[0].endswith("'s"):
        words = words[1:]
    return frozenset(w.removesuffix("'s") for w in words)


def _claims(facts: EventFacts, fact: TollFact) -> list[Claim]:
    """Whole-event claims of ``fact`` with a body, a report date and a firm figure, once each."""
    pool = [*facts.get(fact).claims, *(c for conflict in facts.conflicts for c in conflict.claims)]
    seen: set[tuple[str, str, object]] = set()
    out: list[Claim] = []
    for claim in pool:
        key = (claim.source, claim.sentence, claim.value)
        if (
            claim.fact != fact or key in seen or claim.scope is not None or not claim.attributed_to
            or claim.reported is None or not isinstance(claim.value, int) or isinstance(claim.value, bool)
            or claim.weight < MIN_CLAIM_WEIGHT
        ):
            continue
        seen.add(key)
        out.append(claim)
    return out


def _group_bodies(names: Sequence[str]) -> dict[str, int]:
    """Each body name mapped to a group number. Names whose identifying words are a subset
    of exactly one other group's ("the Health Ministry" of "the Syrian Ministry of Health")
    join it; a name that fits several groups ("officials") stays on its own."""
    words = {n: _body_words(n) for n in names}
    order = sorted(dict.fromkeys(names), key=lambda n: (-len(words[n]), n))
    groups: list[frozenset[str]] = []
    out: dict[str, int] = {}
    for name in order:
        w = words[name]
        fits = [i for i, g in enumerate(groups) if w and w <= g]
        if len(fits) == 1:
            out[name] = fits[0]
        else:
            out[name] = len(groups)
            groups.append(w)
    return out


def toll_timeline(facts: EventFacts) -> tuple[TollSeries, ...]:
    """Every body's toll figures over report dates, deaths first, then injuries; within a
    fact, bodies in the order of their first report (then name). Pure."""
    series: list[TollSeries] = []
    for fact in TOLL_FACTS:
        claims = _claims(facts, fact)
        groups = _group_bodies([c.attributed_to or "" for c in claims])
        by_group: dict[int, list[Claim]] = defaultdict(list)
        for claim in claims:
            by_group[groups[claim.attributed_to or ""]].append(claim)
        built = [_series(fact, members) for members in by_group.values()]
        built.sort(key=lambda s: (s.points[0].reported, s.body))
        series.extend(built)
    return tuple(series)


def _series(fact: TollFact, claims: Sequence[Claim]) -> TollSeries:
    names = Counter((c.attributed_to or "").casefold() for c in claims)
    # The name most reports used; on a tie the longer, more specific one. Written as a report
    # wrote it, in running-text case ("the county sheriff") when one did.
    key = min(names, key=lambda n: (-names[n], -len(n), n))
    forms = sorted({c.attributed_to or "" for c in claims if (c.attributed_to or "").casefold() == key})
    body = next((f for f in forms if f[:1].islower()), forms[0])
    points: dict[tuple[dt.date, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.reported is not None and isinstance(claim.value, int):  # always, by _claims
            points[(claim.reported, claim.value)].append(claim)
    return TollSeries(
        fact=fact,
        body=body,
        points=tuple(
            TollPoint(
                reported=day,
                figure=figure,
                display=_display(group),
                sources=tuple(dict.fromkeys(c.source for c in group)),
                sentences=tuple(dict.fromkeys(c.sentence for c in group)),
            )
            for (day, figure), group in sorted(points.items())
        ),
    )


def _display(claims: Sequence[Claim]) -> str:
    """The figure as most reports qualified it ("at least 89"), plain digits on a tie."""
    counts = Counter(c.display for c in claims)
    return min(counts, key=lambda d: (-counts[d], len(d), d))


# ---------------------------------------------------------------------------------------------
# prose


_TOLL_NOUN: dict[TollFact, str] = {"fatalities": "death toll", "injuries": "number of injured"}


def _movement(series: TollSeries) -> str:
    """"rose from 7 to more than 100 and then to more than 120" (or "fell", "was revised")."""
    # One figure per step: a body repeating a figure on a later day did not move it.
    steps: list[TollPoint] = []
    for point in series.points:
        if not steps or point.figure != steps[-1].figure:
            steps.append(point)
    first, last = steps[0], steps[-1]
    figures = [p.figure for p in steps]
    if all(a < b for a, b in pairwise(figures)):
        verb = "rose"
    elif all(a > b for a, b in pairwise(figures)):
        verb = "fell"
    else:
        verb = "was revised"
    if len(steps) == 2:
        return f"{verb} from {first.display} to {last.display}"
    middle = "".join(f", then to {p.display}" for p in steps[2:-1])
    return f"{verb} from {first.display} to {steps[1].display}{middle} and then to {last.display}"


def timeline_sentences(series: Sequence[TollSeries]) -> tuple[ArticleSentence, ...]:
    """One sentence per toll whose figures moved for some body, citing every report the
    figures came from: "The death toll given by the health ministry rose from 80 to 89; that
    given by the monitor rose from 7 to more than 100." Dates stay out of the prose (they are
    the reports' dates, which the reports rarely write); the chart and event.json carry them."""
    out: list[ArticleSentence] = []
    for fact in TOLL_FACTS:
        moved = [s for s in series if s.fact == fact and s.moved][:MAX_BODIES_IN_PROSE]
        if not moved:
            continue
        clauses = [f"given by {s.body} {_movement(s)}" for s in moved]
        text = f"The {_TOLL_NOUN[fact]} {clauses[0]}" + "".join(f"; that {c}" for c in clauses[1:]) + "."
        sources = tuple(dict.fromkeys(sid for s in moved for p in s.points for sid in p.sources))
        evidence = tuple(dict.fromkeys(sid for s in moved for p in s.points for sid in p.sentences))
        out.append(ArticleSentence(text=text, sources=sources, evidence=evidence))
    return tuple(out)


def timeline_record(series: Sequence[TollSeries]) -> list[dict[str, Any]]:
    """The ``timeline`` list of event.json: one entry per series, points in report order."""
    return [
        {
            "fact": s.fact,
            "body": s.body,
            "moved": s.moved,
            "points": [p.model_dump(mode="json") for p in s.points],
        }
        for s in series
    ]
