"""Editor's decisions (``wikiwire serve``): applied to a build on every rebuild and update.

An editor overrules the machine in four ways, each stored in the event's store as one
decision (kind, target, value, note, time) and undone by marking it undone:

- ``choose_claim``: a fact takes the value of one of its claims (target: the fact's name;
  value: ``{"source", "sentence", "display"}`` naming the claim);
- ``set_value``: a fact takes a value typed by hand, citing one of the sources (target: the
  fact's name; value: ``{"display", "source"}``);
- ``drop_sentence``: a sentence is left out of the article (target: its text);
- ``title``: the article's title (target ``"title"``; value ``{"title"}``).

``apply`` is a pure function: the build and the active decisions in, the build with the
decisions applied and what became of each out. Fact and title decisions are applied to the
reconciled facts, and the article is composed and verified again from them, so the lead,
infobox and casualty summary all state the editor's value; sentence drops come last. A
decision that no longer fits the event (its claim or sentence is gone after an update) is
kept and reported as not applied, with the reason, so the editor can see it and undo it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from pydantic import JsonValue

from wikiwire.errors import DecisionError
from wikiwire.records import FACT_NAMES, Article, Build, Claim, EventFacts, Fact, Section
from wikiwire.render import FILENAMES, FORMATS, render
from wikiwire.render.record import event_record
from wikiwire.render.view import inline_text

__all__ = [
    "CHOOSE_CLAIM",
    "DROP_SENTENCE",
    "KINDS",
    "SET_VALUE",
    "TITLE",
    "Applied",
    "DecisionLike",
    "apply",
    "check",
    "outcome_records",
    "stored",
    "summary_lines",
    "write_outputs",
]

CHOOSE_CLAIM = "choose_claim"
SET_VALUE = "set_value"
DROP_SENTENCE = "drop_sentence"
TITLE = "title"
KINDS: tuple[str, ...] = (CHOOSE_CLAIM, SET_VALUE, DROP_SENTENCE, TITLE)
# The kinds applied before the article is composed again (they change facts or the title).
_RECOMPOSING = frozenset({CHOOSE_CLAIM, SET_VALUE, TITLE})
CASUALTY_FACTS = frozenset({"fatalities", "injuries"})
# An infobox value or title longer than this is not a value but a paragraph; the longest real
# infobox values (a venue, city, region and country) stay well under it.
MAX_VALUE_CHARS = 200
# The longest sentence the composer writes is a few hundred characters; a "sentence" far
# longer than this names nothing in the article.
MAX_SENTENCE_CHARS = 2000
# An editor's note is a line of explanation, like a wiki edit summary (which allows 500).
MAX_NOTE_CHARS = 500
# A hand-set toll: "123", "100–123", "100-123" or "100 to 123" (commas in thousands allowed).
_TOLL = re.compile(r"^\s*(\d[\d,]*)\s*(?:(?:[-–—]|to)\s*(\d[\d,]*))?\s*\+?\s*$")
_LONG_DATE = "%d %B %Y"


class DecisionLike(Protocol):
    """What ``apply`` reads of a decision (``store.db.Decision`` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def created_at(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def value(self) -> JsonValue: ...
    @property
    def note(self) -> str | None: ...
    @property
    def undone_at(self) -> str | None: ...


class Outcome:
    """What became of one decision in one build: applied, or not and why."""

    __slots__ = ("decision", "reason")

    def __init__(self, decision: DecisionLike, reason: str | None) -> None:
        self.decision = decision
        self.reason = reason

    @property
    def applied(self) -> bool:
        return self.reason is None


class Applied:
    """The build with the decisions applied, and one outcome per active decision in order."""

    __slots__ = ("build", "outcomes")

    def __init__(self, build: Build, outcomes: list[Outcome]) -> None:
        self.build = build
        self.outcomes = outcomes

    def records(self) -> list[dict[str, Any]]:
        """The ``decisions`` list of event.json."""
        return outcome_records(self.outcomes)


def outcome_records(outcomes: Sequence[Outcome]) -> list[dict[str, Any]]:
    """JSON-ready entries for event.json's ``decisions``: the decision and whether it applied."""
    return [
        {
            "id": o.decision.id,
            "created_at": o.decision.created_at,
            "kind": o.decision.kind,
            "target": o.decision.target,
            "value": o.decision.value,
            "note": o.decision.note,
            "applied": o.applied,
            "reason": o.reason,
        }
        for o in outcomes
    ]


def check(kind: str, target: str, value: JsonValue, note: str | None, build_sources: Sequence[str]) -> None:
    """Refuse a decision that could never apply, before it is stored.

    ``build_sources`` are the event's source ids. Raises DecisionError naming the problem.
    """
    if kind not in KINDS:
        raise DecisionError(kind, f"unknown decision kind; choose from {', '.join(KINDS)}")
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise DecisionError(kind, f"the note is {len(note)} characters; keep it under {MAX_NOTE_CHARS}")
    fields = value if isinstance(value, dict) else {}
    if kind in (CHOOSE_CLAIM, SET_VALUE) and target not in FACT_NAMES:
        raise DecisionError(kind, f"{target!r} is not a fact; choose from {', '.join(FACT_NAMES)}")
    if kind == SET_VALUE:
        display = inline_text(str(fields.get("display") or ""))
        if not display or len(display) > MAX_VALUE_CHARS:
            raise DecisionError(kind, f"the value must be 1 to {MAX_VALUE_CHARS} characters")
        if fields.get("source") not in build_sources:
            raise DecisionError(kind, "cite one of the event's sources for a value set by hand")
        if _typed_value(target, display) is None and target in {*CASUALTY_FACTS, "date"}:
            expected = "a figure or range such as 123 or 100–123" if target in CASUALTY_FACTS else "a date such as 5 October 2023"
            raise DecisionError(kind, f"{display!r} is not {expected}")
    if kind == CHOOSE_CLAIM and not (fields.get("source") and fields.get("sentence")):
        raise DecisionError(kind, "name the claim by its source and sentence")
    if kind == TITLE:
        title = inline_text(str(fields.get("title") or ""))
        if not title or len(title) > MAX_VALUE_CHARS:
            raise DecisionError(kind, f"the title must be 1 to {MAX_VALUE_CHARS} characters")
    if kind == DROP_SENTENCE and not 0 < len(inline_text(target)) <= MAX_SENTENCE_CHARS:
        raise DecisionError(kind, f"name the sentence to drop by its text (at most {MAX_SENTENCE_CHARS} characters)")


def apply(build: Build, decisions: Sequence[DecisionLike]) -> Applied:
    """``build`` with the active (not undone) ``decisions`` applied, in the order made.

    Later decisions about the same fact or title win. Returns the new Build and one Outcome
    per active decision. Raises nothing for decisions that do not fit: they are reported as
    not applied.
    """
    active = [d for d in decisions if d.undone_at is None]
    if not active:
        return Applied(build, [])
    reasons: dict[int, str | None] = {}
    facts = build.facts
    title: str | None = None
    for d in active:
        if d.kind not in KINDS:
            reasons[d.id] = f"unknown decision kind {d.kind!r}"
        elif d.kind == TITLE:
            title = inline_text(str(_fields(d).get("title") or "")) or None
            reasons[d.id] = None if title else "no title given"
        elif d.kind in (CHOOSE_CLAIM, SET_VALUE):
            facts, reasons[d.id] = _override(facts, d, {s.id for s in build.sources})
    if any(d.kind in _RECOMPOSING and reasons[d.id] is None for d in active):
        build = _recompose(build, facts, title)
    for d in active:
        if d.kind == DROP_SENTENCE:
            article, dropped = _drop(build.article, inline_text(d.target))
            reasons[d.id] = None if dropped else "the sentence is no longer in the article"
            build = build.model_copy(update={"article": article})
    return Applied(build, [Outcome(d, reasons[d.id]) for d in active])


def stored(outdir: Path) -> list[DecisionLike]:
    """The active decisions in ``outdir``'s store; none when the folder has no store.
    Raises StoreError subclasses when a store is there but cannot be read."""
    from wikiwire.store import DB_NAME, Store

    if not (outdir / DB_NAME).exists():
        return []
    with Store.open(outdir) as store:
        return list(store.list_decisions())


def write_outputs(build: Build, outdir: Path, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """``render.write_outputs`` with the editor's decisions stored in ``outdir`` applied, and
    listed under event.json's ``decisions``: what ``build`` and ``update`` write. Each file is
    written to a temporary name and renamed, so ``wikiwire serve`` never reads half a file.
    Returns format -> path."""
    applied = apply(build, stored(outdir))
    record = event_record(applied.build, decisions=applied.records())
    outdir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in formats:
        path = outdir / FILENAMES[fmt]
        partial = outdir / f".{FILENAMES[fmt]}.partial"
        partial.write_text(render(applied.build, fmt, record), encoding="utf-8")
        partial.replace(path)
        written[fmt] = path
    return written


def describe(entry: dict[str, Any]) -> str:
    """One decision of event.json's ``decisions`` in words ("fatalities set by hand to 100,
    citing s2")."""
    value: dict[str, Any] = entry["value"] if isinstance(entry.get("value"), dict) else {}
    kind, target = entry.get("kind"), inline_text(str(entry.get("target") or ""))
    if kind == SET_VALUE:
        what = f"{target} set by hand to {inline_text(str(value.get('display') or ''))}, citing {value.get('source')}"
    elif kind == CHOOSE_CLAIM:
        what = f"{target}: the claim {inline_text(str(value.get('display') or ''))} ({value.get('source')}) chosen"
    elif kind == DROP_SENTENCE:
        what = f"sentence dropped: “{target[:80]}{'…' if len(target) > 80 else ''}”"
    elif kind == TITLE:
        what = f"title set to {inline_text(str(value.get('title') or ''))}"
    else:
        what = f"{kind} {target}"
    return what + (f" ({inline_text(str(entry['note']))})" if entry.get("note") else "")


def summary_lines(outdir: Path) -> list[str]:
    """What the editor's decisions did to the outputs just written in ``outdir`` (read from its
    event.json), one line each, for the change summary of ``update``; none without decisions."""
    from wikiwire.render import FILENAMES as NAMES

    path = outdir / NAMES["json"]
    try:
        entries = json.loads(path.read_text(encoding="utf-8")).get("decisions") or []
    except (OSError, ValueError, AttributeError):
        return []
    return [
        f"editor's decision {e.get('id')} {'kept' if e.get('applied') else 'no longer applies'}: {describe(e)}"
        + ("" if e.get("applied") else f" ({e.get('reason')})")
        for e in entries
    ]


def _fields(d: DecisionLike) -> dict[str, Any]:
    return d.value if isinstance(d.value, dict) else {}


def _recompose(build: Build, facts: EventFacts, title: str | None) -> Build:
    """Compose and verify the article again from the overruled facts (as the pipeline does)."""
    from wikiwire import compose, verify

    # Without a title decision the build's own title is kept (it may have come from --title).
    article = compose.compose(facts, build.analysed, title=title or build.article.title)
    checked, verification = verify.verify(article, build.analysed, facts)
    return build.model_copy(update={"facts": facts, "article": checked, "title": checked.title, "verification": verification})


def _override(facts: EventFacts, d: DecisionLike, source_ids: set[str]) -> tuple[EventFacts, str | None]:
    """``facts`` with fact ``d.target`` overruled by ``d``, or unchanged and the reason."""
    name = d.target
    if name not in FACT_NAMES:
        return facts, f"{name!r} is not a fact"
    fields = _fields(d)
    current = facts.facts.get(name) or Fact(name=name)
    note = f" ({inline_text(d.note)})" if d.note else ""
    if d.kind == CHOOSE_CLAIM:
        claim = _find_claim(facts, name, fields)
        if claim is None:
            return facts, f"the chosen claim ({fields.get('source')}, sentence {fields.get('sentence')}) is no longer among the claims"
        value: JsonValue = _claim_value(name, claim)
        display = claim.display
        sources: tuple[str, ...] = (claim.source,)
        who = f"{claim.attributed_to}, " if claim.attributed_to else ""
        rule = f"editor's decision {d.id}: chose the claim {display} ({who}{claim.source}){note}"
    else:
        display = inline_text(str(fields.get("display") or ""))
        source = str(fields.get("source") or "")
        if source not in source_ids:
            return facts, f"the cited source {source!r} is no longer in the event"
        value = _typed_value(name, display)
        if value is None and name in {*CASUALTY_FACTS, "date"}:
            return facts, f"{display!r} cannot be read as a {name} value"
        if value is None:
            value = display
        sources = (source,)
        rule = f"editor's decision {d.id}: set by hand to {display}, citing {source}{note}"
    if name in CASUALTY_FACTS and isinstance(value, dict) and isinstance(current.value, dict):
        value = {**value, **{k: v for k, v in current.value.items() if k not in value}}
    fact = current.model_copy(update={"value": value, "display": display, "sources": sources, "rule": rule})
    conflicts = tuple(
        c.model_copy(update={"resolution": f"{c.resolution}; overruled by the editor (decision {d.id})"})
        if c.fact == name and "overruled by the editor" not in c.resolution
        else c
        for c in facts.conflicts
    )
    return facts.model_copy(update={"facts": {**facts.facts, name: fact}, "conflicts": conflicts}), None


def _find_claim(facts: EventFacts, name: str, fields: dict[str, Any]) -> Claim | None:
    claims = [*facts.get(name).claims, *(c for conflict in facts.conflicts if conflict.fact == name for c in conflict.claims)]  # type: ignore[arg-type]
    want = (fields.get("source"), fields.get("sentence"))
    matches = [c for c in claims if (c.source, c.sentence) == want]
    exact = [c for c in matches if fields.get("display") in (None, c.display)]
    found = exact or matches
    return found[0] if found else None


def _claim_value(name: str, claim: Claim) -> JsonValue:
    if name in CASUALTY_FACTS and isinstance(claim.value, int):
        return {"low": claim.value, "high": claim.value, "best": claim.value}
    return claim.value


def _typed_value(name: str, display: str) -> JsonValue:
    """A hand-typed ``display`` as the fact's value shape, or None when it does not read as one."""
    if name in CASUALTY_FACTS:
        m = _TOLL.match(display)
        if not m:
            return None
        low = int(m.group(1).replace(",", ""))
        high = int(m.group(2).replace(",", "")) if m.group(2) else low
        if high < low:
            return None
        return {"low": low, "high": high, "best": low}
    if name == "date":
        for fmt in ("%Y-%m-%d", _LONG_DATE):
            try:
                return dt.datetime.strptime(display, fmt).date().isoformat()
            except ValueError:
                continue
        return None
    return None


def _drop(article: Article, text: str) -> tuple[Article, bool]:
    """``article`` without its sentences reading ``text``; and whether any was there."""
    dropped = False

    def keep(sentences: Sequence[Any]) -> tuple[Any, ...]:
        nonlocal dropped
        kept = tuple(s for s in sentences if inline_text(s.text) != text)
        dropped = dropped or len(kept) != len(sentences)
        return kept

    def section(s: Section) -> Section:
        return s.model_copy(update={"sentences": keep(s.sentences), "subsections": tuple(section(x) for x in s.subsections)})

    new = article.model_copy(update={"lead": keep(article.lead), "sections": tuple(section(s) for s in article.sections)})
    return new, dropped
