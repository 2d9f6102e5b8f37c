"""Prose composed from the reconciled facts: the lead, and the casualty figures paragraph.

The lead says what happened, where, when, the toll (attributed when sources disagree) and who
is responsible (or that nobody is known to be), in 2–4 sentences, grammatical for every kind
in the taxonomy. The casualties paragraph explains a disputed toll once, figure by figure,
each attributed to whoever gave it. Every sentence cites the sources of the claims behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wikiwire.records import ArticleSentence, Claim, EventFacts, Fact, FactName
from wikiwire.taxonomy import UNKNOWN_KIND, Kind

__all__ = ["Figure", "Toll", "casualty_summary", "compose_lead", "event_word", "toll"]

# Evidence sentence ids kept per fact in a lead sentence: enough for a reader to check the
# fact (the hover text), without listing every report that repeats it.
MAX_EVIDENCE_PER_FACT = 3
# Attributed figures listed in the casualties paragraph; beyond this the list stops being
# readable, and the bodies with the most reports behind them are kept.
MAX_ATTRIBUTED_FIGURES = 4


@dataclass(frozen=True)
class Figure:
    """One figure as a claim gave it: value, hedge, who gave it, and the claims behind it."""

    value: int
    qualifier: str | None
    by: str | None
    claims: tuple[Claim, ...]

    def text(self, *, hedge: bool = True) -> str:
        """The figure as prose: "more than 120", "1,482"."""
        number = f"{self.value:,}"
        if hedge and self.qualifier and self.qualifier != "exactly":
            return f"{self.qualifier} {number}"
        return number


@dataclass(frozen=True)
class Toll:
    """A casualty count: the low and high figures (equal when undisputed)."""

    low: Figure
    high: Figure

    @property
    def disputed(self) -> bool:
        """True when sources give different figures."""
        return self.low.value != self.high.value

    def text(self) -> str:
        """"between 89 and more than 120" or "at least 89"."""
        if self.disputed:
            return f"between {self.low.text(hedge=False)} and {self.high.text()}"
        return self.low.text()

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The claims behind both figures."""
        return tuple(dict.fromkeys((*self.low.claims, *self.high.claims)))


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return None


def _main_claims(fact: Fact, facts: EventFacts | None = None) -> list[Claim]:
    """Claims for the whole toll (no breakdown group), including those only in conflicts."""
    claims = list(fact.claims)
    if facts is not None:
        for conflict in facts.conflicts:
            if conflict.fact == fact.name:
                claims.extend(conflict.claims)
    seen: set[tuple[str, str, object]] = set()
    out = []
    for claim in claims:
        key = (claim.source, claim.sentence, claim.value)
        if claim.scope is None and _int(claim.value) is not None and key not in seen:
            seen.add(key)
            out.append(claim)
    return out


def _figure(value: int, claims: Sequence[Claim]) -> Figure:
    """The figure ``value`` with its best-attested qualifier and attribution."""
    matching = [c for c in claims if _int(c.value) == value]
    attributed = [c for c in matching if c.attributed_to]
    chosen = max(attributed or matching, key=lambda c: c.weight) if matching else None
    qualifier = chosen.qualifier if chosen else None
    by = chosen.attributed_to if chosen and chosen.attributed_to else None
    return Figure(value, qualifier, by, tuple(matching))


def toll(fact: Fact, facts: EventFacts | None = None) -> Toll | None:
    """The reconciled count of ``fact`` (fatalities or injuries) as low/high figures, or None
    when the fact is unknown. Reads ``Fact.value`` ({"low", "high", "best"} or an int)."""
    value = fact.value
    low = high = None
    if isinstance(value, dict):
        low = _int(value.get("low"))
        high = _int(value.get("high"))
        best = _int(value.get("best"))
        low = low if low is not None else best
        high = high if high is not None else best
    else:
        low = high = _int(value)
    if low is None or high is None:
        return None
    claims = _main_claims(fact, facts)
    return Toll(_figure(low, claims), _figure(high, claims))


def event_word(kind: Kind) -> str:
    """How prose refers back to the event: "the attack", "the earthquake", "the collapse"."""
    if kind.category == "attack":
        return "attack"
    if kind is UNKNOWN_KIND:
        return "incident"
    return kind.noun.split()[-1] if kind.category == "accident" else kind.noun


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _cite(facts: Iterable[Fact], claims: Iterable[Claim] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sources, evidence) of the facts and claims a sentence states."""
    sources: list[str] = []
    evidence: list[str] = []
    for fact in facts:
        sources.extend(fact.sources or [c.source for c in fact.claims])
        supporting = [c for c in fact.claims if not fact.display or fact.display.lower() in c.quote.lower()] or list(fact.claims)
        evidence.extend(c.sentence for c in supporting[:MAX_EVIDENCE_PER_FACT])
    for claim in claims:
        sources.append(claim.source)
        evidence.append(claim.sentence)
    return tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(evidence))


def _location_phrase(facts: EventFacts, title: str) -> tuple[str | None, str | None]:
    """("the Homs Military Academy", "Homs, Syria"): the venue (unless the title already
    names it) and the place, from the location fact."""
    fact = facts.get("location")
    value = fact.value
    if not isinstance(value, dict):
        return None, fact.display or None
    parts = [value.get(k) for k in ("city", "region", "country")]
    names = [p for p in parts if isinstance(p, str) and p]
    # "Homs, Homs Governorate, Syria" reads as a repetition: keep the city and the country.
    if len(names) == 3 and names[1].split()[0] == names[0].split()[0]:
        names = [names[0], names[2]]
    place = ", ".join(dict.fromkeys(names)) or None
    venue = value.get("venue")
    if not isinstance(venue, str) or not venue or venue.lower() in title.lower():
        return None, place
    venue = venue if re.match(r"(?:the|a|an)\b", venue, re.IGNORECASE) else f"the {venue}"
    return venue, place


def _date_text(facts: EventFacts) -> str | None:
    fact = facts.get("date")
    if fact.display:
        return fact.display
    if isinstance(fact.value, str):
        try:
            from wikiwire.rewrite import format_date

            return format_date(dt.date.fromisoformat(fact.value))
        except ValueError:
            return None
    return None


def _subject(title: str) -> str:
    """The title as the subject of the first sentence ("The 2023 Homs drone strike")."""
    return title if re.match(r"the\b", title, re.IGNORECASE) else f"The {title}"


def _first_sentence(facts: EventFacts, kind: Kind, title: str) -> ArticleSentence | None:
    venue, place = _location_phrase(facts, title)
    date = _date_text(facts)
    if not (venue or place or date):
        # "The Incident was an incident." says nothing: without a place or a date there is
        # no first sentence to write.
        return None
    plural = kind.plural is not None and title.lower().endswith(kind.plural.lower())
    verb = "were" if plural else "was"
    target = facts.get("target").display
    used = [facts.get(n) for n in ("date", "location", "type")]
    if kind.category == "disaster" and kind is not UNKNOWN_KIND:
        what = f"a series of {kind.plural}" if plural else _article(kind.noun)
        text = f"{_subject(title)} {verb} {what} that struck"
        text += f" {venue}" if venue else ""
        text += f" {'in ' if venue else ''}{place}" if place else ""
        if not venue and not place:
            text = f"{_subject(title)} {verb} {what}"
    else:
        text = f"{_subject(title)} {verb} {_article(kind.noun)}"
        if target and kind.category == "attack":
            used.append(facts.get("target"))
            target_np = target if re.match(r"(?:the|a|an)\b", target, re.IGNORECASE) else _article(target)
            text += f" on {target_np[:1].lower() + target_np[1:] if target_np[:2] in ('A ', 'An') else target_np}"
        if venue:
            text += f" at {venue}"
        if place:
            text += f" in {place}"
    if date:
        text += f", on {date}" if place else f" on {date}"
    sources, evidence = _cite(f for f in used if f.display or f.value)
    return ArticleSentence(text=text + ".", sources=sources, evidence=evidence)


def _toll_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    dead = toll(facts.get("fatalities"), facts)
    hurt = toll(facts.get("injuries"), facts)
    if dead is None and hurt is None:
        return None
    subject = f"The {event_word(kind)}"
    claims: list[Claim] = []
    if dead is not None:
        claims.extend(dead.claims)
        text = f"{subject} killed {dead.text()} {'person' if dead.high.value == 1 else 'people'}"
        bys = list(dict.fromkeys(f.by for f in (dead.low, dead.high) if f.by)) if dead.disputed else []
        if bys:
            text += ", according to " + " and ".join(bys)
        if hurt is not None:
            claims.extend(hurt.claims)
            one = hurt.high.value == 1 and not hurt.disputed
            text += f"; {hurt.text()} {'person was' if one else 'people were'} injured" if bys else f" and injured {hurt.text()} others"
    elif hurt is not None:
        claims.extend(hurt.claims)
        text = f"{_capital(hurt.text())} {'person was' if hurt.high.value == 1 else 'people were'} injured in the {event_word(kind)}"
    facts_used = [f for f in (facts.get("fatalities"), facts.get("injuries")) if f.value is not None and not claims]
    sources, evidence = _cite(facts_used, claims)
    return ArticleSentence(text=text + ".", sources=sources, evidence=evidence)


def _quoted(text: str) -> str:
    return text if text.startswith('"') or text[:1].isupper() else f'"{text}"'


def _responsibility_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    """Who is responsible, or that no one claimed it and whom the authorities blamed."""
    fact = facts.get("perpetrators")
    if not fact.claims and not fact.display:
        return None
    word = event_word(kind)
    claimed = [c for c in fact.claims if c.stance == "claimed"]
    if claimed:
        name = str(claimed[0].value)
        sources, evidence = _cite((), claimed)
        return ArticleSentence(text=f"{_capital(name)} claimed responsibility for the {word}.", sources=sources, evidence=evidence)
    value = fact.value if isinstance(fact.value, str) else fact.display
    accused = [c for c in fact.claims if c.stance == "accused" and c.attributed_to]
    suspected = [c for c in fact.claims if c.stance == "suspected"]
    if value and value.lower() != "unknown" and suspected:
        by = suspected[0].attributed_to
        text = f"{_capital(by)} identified {value} as the suspected perpetrator" if by else f"{value} was identified as the suspected perpetrator"
        sources, evidence = _cite((), suspected[:MAX_EVIDENCE_PER_FACT])
        return ArticleSentence(text=text + ".", sources=sources, evidence=evidence)
    unknown = [c for c in fact.claims if c.stance in ("unknown", None) and str(c.value).lower() == "unknown"]
    if not unknown and not accused:
        return None
    parts: list[str] = []
    used: list[Claim] = []
    if unknown:
        parts.append(f"No group claimed responsibility for the {word}")
        used.extend(unknown[:MAX_EVIDENCE_PER_FACT])
    if accused:
        first = accused[0]
        by = first.attributed_to or ""
        parts.append(f"{by if parts else _capital(by)} blamed {_quoted(str(first.value))}")
        used.append(first)
    sources, evidence = _cite((), used)
    return ArticleSentence(text="; ".join(parts) + ".", sources=sources, evidence=evidence)


def _context_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    fact = facts.get("part_of")
    if not fact.display:
        return None
    sources, evidence = _cite([fact])
    return ArticleSentence(text=f"The {event_word(kind)} took place during {fact.display}.", sources=sources, evidence=evidence)


# Lead length bounds from the brief of a Wikipedia lead for a short event article.
MAX_LEAD_SENTENCES = 4


def compose_lead(facts: EventFacts, kind: Kind, title: str) -> tuple[ArticleSentence, ...]:
    """The lead: what/where/when (containing the title verbatim), toll, responsibility,
    context; sentences whose facts are unknown are left out. At most four sentences."""
    sentences = [_first_sentence(facts, kind, title), _toll_sentence(facts, kind)]
    if kind.category == "attack":
        sentences.append(_responsibility_sentence(facts, kind))
    sentences.append(_context_sentence(facts, kind))
    return tuple(s for s in sentences if s is not None)[:MAX_LEAD_SENTENCES]


# ---------------------------------------------------------------------------------------------
# the casualties paragraph

# How a body's figure is reported: the first clause names what is counted, later ones
# ("; the Observatory reported more than 120") let the reader carry it over.
_FIGURE_VERBS = {"fatalities": ("reported {fig} deaths", "reported {fig}"),
                 "injuries": ("reported {fig} people injured", "reported {fig}")}


def _norm_by(by: str) -> str:
    return re.sub(r"^the\s+", "", by.strip().lower())


def _latest_figures(claims: Sequence[Claim]) -> list[Figure]:
    """One figure per body that gave one: its latest, then highest, figure (tolls rise)."""
    by_body: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.attributed_to:
            by_body.setdefault(_norm_by(claim.attributed_to), []).append(claim)
    out = []
    for group in by_body.values():
        best = max(group, key=lambda c: (c.reported or dt.date.min, _int(c.value) or 0))
        same = tuple(c for c in group if c.value == best.value)
        out.append(Figure(_int(best.value) or 0, best.qualifier, best.attributed_to, same))
    out.sort(key=lambda f: -len({c.source for c in f.claims}))
    return out[:MAX_ATTRIBUTED_FIGURES]


def casualty_summary(facts: EventFacts) -> tuple[ArticleSentence, ...]:
    """The casualty figures explained once: each body's figure, attributed, and the range
    of unattributed reports; then the breakdown by group. Each sentence cites its claims."""
    out: list[ArticleSentence] = []
    names: tuple[FactName, ...] = ("fatalities", "injuries")
    for name in names:
        fact = facts.get(name)
        claims = _main_claims(fact, facts)
        if not claims:
            continue
        first, later = _FIGURE_VERBS[name]
        figures = [f for f in _latest_figures(claims) if f.by]
        clauses = [f"{f.by} {(later if i else first).format(fig=f.text())}" for i, f in enumerate(figures)]
        used = [c for f in figures for c in f.claims]
        if clauses:
            text = "; ".join(clauses)
            out.append(_sentence(_capital(text) + ".", used))
        rest = [c for c in claims if not c.attributed_to]
        values = sorted({v for c in rest if (v := _int(c.value)) is not None})
        if values and (len(values) > 1 or not clauses):
            what = "death tolls" if name == "fatalities" else "injury counts"
            if len(values) == 1:
                text = f"Reports gave {'a death toll' if name == 'fatalities' else 'an injury count'} of {values[0]:,}"
            else:
                text = f"{'Other reports' if clauses else 'Reports'} gave {what} ranging from {values[0]:,} to {values[-1]:,}"
            ends = [c for c in rest if _int(c.value) in (values[0], values[-1])]
            out.append(_sentence(text + ".", ends))
    breakdown = facts.get("fatalities").breakdown
    if breakdown:
        scoped = [c for c in facts.get("fatalities").claims if c.scope in breakdown and _int(c.value) == breakdown[c.scope]]
        if scoped:
            groups = [f"{breakdown[g]:,} {g}" for g in breakdown if any(c.scope == g for c in scoped)]
            joined = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " and " + groups[-1]
            out.append(_sentence(f"The dead included {joined}.", scoped))
    return tuple(out)


def _sentence(text: str, claims: Sequence[Claim]) -> ArticleSentence:
    sources, evidence = _cite((), claims)
    return ArticleSentence(text=text, sources=sources, evidence=evidence)
