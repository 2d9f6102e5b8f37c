"""What the pages of ``wikiwire serve`` show, worked out from an event's files (and its store)
as plain data for the templates. Nothing here produces markup: the templates autoescape
every string, so source text can hold anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wikiwire.records import FACT_NAMES
from wikiwire.render.view import MONTHS, SENTENCES_PER_PARAGRAPH, inline_text, param_label, web_url
from wikiwire.serve.library import article_sentences
from wikiwire.taxonomy import kind_for, template_for

__all__ = ["Cite", "EventPage", "SentenceView", "Summary", "event_page", "summary"]

# Infobox parameters the template fills from something other than one fact.
DERIVED_PARAMS = {"coordinates": "location"}
TITLE_PARAMS = frozenset({"title", "name"})
CASUALTY_FACTS = ("fatalities", "injuries")


@dataclass(frozen=True)
class Summary:
    """One row of the events list."""

    id: str
    title: str
    date: str  # ISO date, "" when unknown (sorts first)
    date_display: str
    kind: str
    toll: str
    toll_number: int  # the best (else highest) figure, -1 when unknown, for sorting
    sources: int
    open_conflicts: int
    revision: str  # "revision N, <time>" from the store, else ""
    error: str | None = None  # why the record could not be read


def summary(event_id: str, record: dict[str, Any], revision: str = "") -> Summary:
    """The events-list row of one event record."""
    facts = record.get("facts") or {}
    date = facts.get("date") or {}
    deaths = facts.get("fatalities") or {}
    value: dict[str, Any] = deaths["value"] if isinstance(deaths.get("value"), dict) else {}
    number = next((v for v in (value.get("best"), value.get("high"), value.get("low")) if isinstance(v, int)), -1)
    overruled = {d.get("target") for d in record.get("decisions") or [] if d.get("applied") and d.get("kind") in ("choose_claim", "set_value")}
    return Summary(
        id=event_id,
        title=inline_text(str(record.get("title") or event_id)),
        date=str(date.get("value") or ""),
        date_display=inline_text(str(date.get("display") or "")),
        kind=inline_text(str(record.get("kind") or "")),
        toll=inline_text(str(deaths.get("display") or "")),
        toll_number=number,
        sources=len(record.get("sources") or []),
        open_conflicts=sum(1 for c in record.get("conflicts") or [] if c.get("fact") not in overruled),
        revision=revision,
    )


@dataclass(frozen=True)
class Cite:
    number: int
    source: str
    tip: str
    tip_id: str


@dataclass(frozen=True)
class SentenceView:
    text: str
    cites: tuple[Cite, ...]
    note: str | None


@dataclass(frozen=True)
class SectionView:
    heading: str
    anchor: str
    level: int
    paragraphs: tuple[tuple[SentenceView, ...], ...]
    subsections: tuple[SectionView, ...]


@dataclass(frozen=True)
class ClaimView:
    display: str
    qualifier: str
    attributed_to: str
    source: str
    source_number: int | None
    sentence: str
    quote: str
    reported: str
    reported_iso: str = ""


@dataclass(frozen=True)
class ClaimGroup:
    """Claims stating the same value, attributed to the same body: one line of a claims panel.

    ``examples`` are the latest few claims in full (sentence, report, date); ``more`` the
    reports of the rest, as (source id, reference number or None); ``choice`` names the
    latest claim for the choose-claim form ("source|sentence|display").
    """

    display: str
    qualifier: str
    attributed_to: str
    count: int
    examples: tuple[ClaimView, ...]
    more: tuple[tuple[str, int | None], ...]
    choice: str


@dataclass(frozen=True)
class FactView:
    name: str
    label: str
    display: str
    rule: str
    resolution: str
    claims: tuple[ClaimGroup, ...]
    note: str | None
    param: str = ""
    total: int = 0  # claims in all, shown or not


@dataclass(frozen=True)
class SourceView:
    id: str
    number: int | None
    title: str
    outlet: str
    url: str | None
    published: str
    input: str
    duplicates: tuple[dict[str, str], ...]
    note: str


@dataclass
class EventPage:
    """Everything the event page shows."""

    id: str
    title: str
    kind: str
    infobox: list[FactView]
    other_facts: list[FactView]
    lead: list[tuple[SentenceView, ...]]
    sections: list[SectionView]
    sources: list[SourceView]
    skipped: list[dict[str, str]]
    conflicts: list[dict[str, Any]]
    verification: dict[str, Any]
    decisions: list[dict[str, Any]]
    source_ids: list[str]
    wikitext: str
    timeline: dict[str, Any] | None = None


def long_date(iso: Any) -> str:
    """"2023-10-07" as "7 October 2023"; anything else as given."""
    text = str(iso or "")
    try:
        year, month, day = (int(x) for x in text[:10].split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return inline_text(text)


def event_page(event_id: str, record: dict[str, Any], tips: dict[tuple[int, str], str], wikitext: str) -> EventPage:
    """The event page of ``record``; ``tips`` are the citation tooltips (``library.tooltips``)."""
    numbers: dict[str, int] = {}
    for sentence in article_sentences(record):
        for sid in dict.fromkeys(sentence.get("sources") or []):
            numbers.setdefault(sid, len(numbers) + 1)
    counter = iter(range(1 << 30))

    def view(sentence: dict[str, Any]) -> SentenceView:
        n = next(counter)
        cites = tuple(
            Cite(number=numbers[sid], source=sid, tip=tips.get((n, sid), ""), tip_id=f"tip-{n}-{k}")
            for k, sid in enumerate(dict.fromkeys(sentence.get("sources") or []))
        )
        reason = sentence.get("confidence_reason")
        return SentenceView(text=inline_text(str(sentence.get("text") or "")), cites=cites,
                            note=f"unconfirmed: {inline_text(str(reason))}" if reason else None)

    def paragraphs(sentences: list[dict[str, Any]]) -> tuple[tuple[SentenceView, ...], ...]:
        views = [view(s) for s in sentences]
        return tuple(tuple(views[i : i + SENTENCES_PER_PARAGRAPH]) for i in range(0, len(views), SENTENCES_PER_PARAGRAPH))

    taken: set[str] = set()

    def section(s: dict[str, Any], depth: int) -> SectionView:
        heading = inline_text(str(s.get("heading") or ""))
        base = "s-" + ("".join(c if c.isalnum() else "-" for c in heading.lower()).strip("-") or "section")
        anchor, k = base, 2
        while anchor in taken:
            anchor, k = f"{base}-{k}", k + 1
        taken.add(anchor)
        paras = paragraphs(s.get("sentences") or [])
        subs = tuple(section(x, depth + 1) for x in s.get("subsections") or [])
        return SectionView(heading=heading, anchor=anchor, level=min(2 + depth, 6), paragraphs=paras, subsections=subs)

    article = record.get("article") or {}
    lead = list(paragraphs(article.get("lead") or []))
    sections = [section(s, 0) for s in article.get("sections") or []]

    facts = record.get("facts") or {}
    conflicts = record.get("conflicts") or []
    resolutions = {c.get("fact"): inline_text(str(c.get("resolution") or "")) for c in conflicts}

    def claim_view(c: dict[str, Any]) -> ClaimView:
        return ClaimView(
            display=inline_text(str(c.get("display") or c.get("figure") or c.get("value") or "")),
            qualifier=inline_text(str(c.get("qualifier") or "")),
            attributed_to=inline_text(str(c.get("attributed_to") or "")),
            source=str(c.get("source") or ""),
            source_number=numbers.get(str(c.get("source") or "")),
            sentence=str(c.get("sentence") or ""),
            quote=inline_text(str(c.get("quote") or "")),
            reported=long_date(c.get("reported")) if c.get("reported") else "",
            reported_iso=str(c.get("reported") or ""),
        )

    def fact_view(name: str, param: str = "", display: str | None = None) -> FactView:
        fact = facts.get(name) or {}
        reason = fact.get("confidence_reason")
        return FactView(
            name=name,
            label=param_label(param) if param else param_label(name),
            display=inline_text(display if display is not None else str(fact.get("display") or "")),
            rule=inline_text(str(fact.get("rule") or "")),
            resolution=resolutions.get(name, ""),
            claims=group_claims([claim_view(c) for c in fact.get("claims") or []]),
            note=f"unconfirmed: {inline_text(str(reason))}" if reason else None,
            param=param,
            total=len(fact.get("claims") or []),
        )

    template = template_for(kind_for(str(record.get("kind") or "")))
    by_param = {param: name for name, param in template.params}
    title = inline_text(str(record.get("title") or event_id))
    infobox: list[FactView] = []
    shown: set[str] = set()
    for param, display in (record.get("infobox") or {}).items():
        text = inline_text(str(display))
        if not text or (param in TITLE_PARAMS and text == title):
            continue
        name = DERIVED_PARAMS.get(param) or by_param.get(param, "")
        if name in FACT_NAMES:
            shown.add(name)
            infobox.append(fact_view(name, param, text))
        else:
            infobox.append(FactView(name="", label=param_label(param), display=text, rule="", resolution="", claims=(), note=None, param=param))
    other = [fact_view(n) for n in FACT_NAMES if n not in shown and (facts.get(n) or {}).get("display")]

    sources = []
    for s in record.get("sources") or []:
        sid = str(s.get("id") or "")
        sources.append(SourceView(
            id=sid,
            number=numbers.get(sid),
            title=inline_text(str(s.get("title") or "")) or f"Report {sid}",
            outlet=inline_text(str(s.get("outlet") or "")),
            url=web_url(s.get("url")),
            published=long_date(s.get("published")) if s.get("published") else "",
            input=inline_text(str(s.get("input") or "")),
            duplicates=tuple(
                {"outlet": inline_text(str(d.get("outlet") or d.get("title") or "copy")), "input": inline_text(str(d.get("input") or "")),
                 "similarity": f"{d.get('similarity', 0):.2f}" if isinstance(d.get("similarity"), int | float) else ""}
                for d in s.get("duplicates") or []
            ),
            note=inline_text(str(s.get("anchor_note") or "")),
        ))
    conflict_views = [
        {"fact": str(c.get("fact") or ""), "label": param_label(str(c.get("fact") or "")),
         "resolution": inline_text(str(c.get("resolution") or "")),
         "claims": group_claims([claim_view(x) for x in c.get("claims") or []]), "total": len(c.get("claims") or [])}
        for c in conflicts
    ]
    return EventPage(
        id=event_id,
        title=title,
        kind=inline_text(str(record.get("kind") or "")),
        infobox=infobox,
        other_facts=other,
        lead=lead,
        sections=sections,
        sources=sources,
        skipped=[{"input": inline_text(str(s.get("input") or "")), "reason": inline_text(str(s.get("reason") or ""))} for s in record.get("skipped") or []],
        conflicts=conflict_views,
        verification=record.get("verification") or {},
        decisions=list(record.get("decisions") or []),
        source_ids=[s.id for s in sources],
        wikitext=wikitext,
        timeline=timeline(record),
    )


# A 100-report event has hundreds of claims per fact, most repeating a few values: each value
# (with who said it) is one line showing its latest few claims in full and the other reports
# as links, and the rarest values beyond the first dozen are counted, not listed. Keeps a
# 100-report event page near 200 KB instead of 2 MB.
EXAMPLES_PER_GROUP = 2
MAX_GROUPS = 12


def group_claims(claims: list[ClaimView]) -> tuple[ClaimGroup, ...]:
    """``claims`` grouped by (value, qualifier, attributed to), largest groups first."""
    groups: dict[tuple[str, str, str], list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault((claim.display, claim.qualifier, claim.attributed_to.casefold()), []).append(claim)
    ordered = sorted(groups.values(), key=lambda g: -len(g))[:MAX_GROUPS]
    out = []
    for group in ordered:
        latest = sorted(group, key=lambda c: c.reported_iso, reverse=True)
        seen: dict[str, int | None] = {}
        for c in latest[EXAMPLES_PER_GROUP:]:
            seen.setdefault(c.source, c.source_number)
        first = latest[0]
        out.append(ClaimGroup(
            display=first.display, qualifier=first.qualifier, attributed_to=first.attributed_to, count=len(group),
            examples=tuple(latest[:EXAMPLES_PER_GROUP]), more=tuple(seen.items()),
            choice=f"{first.source}|{first.sentence}|{first.display}",
        ))
    return tuple(out)


# The chart's plotting area in SVG user units; the page scales it to its width.
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 600, 160, 30


# One colour per attributing body, in order (colour-blind-safe: the Okabe–Ito palette).
SERIES_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")


def timeline(record: dict[str, Any]) -> dict[str, Any] | None:
    """The death-toll chart: one line per attributing body through its figures by report date,
    from the record's ``timeline`` (the toll as the revisions and reports show it), else from
    the fatality claims. SVG user units; None when fewer than two report dates."""
    series: list[tuple[str, list[tuple[str, int, str]]]] = []
    entries = [t for t in record.get("timeline") or [] if t.get("fact") == "fatalities"]
    if entries:
        for t in entries:
            points = [(str(p.get("reported") or ""), p.get("figure"), inline_text(str(p.get("display") or ""))) for p in t.get("points") or []]
            series.append((inline_text(str(t.get("body") or "unattributed")), [(d, f, x) for d, f, x in points if d and isinstance(f, int)]))
    else:
        bodies: dict[str, list[tuple[str, int, str]]] = {}
        for c in ((record.get("facts") or {}).get("fatalities") or {}).get("claims") or []:
            if not c.get("scope") and isinstance(c.get("figure"), int) and c.get("reported"):
                body = inline_text(str(c.get("attributed_to") or "unattributed"))
                bodies.setdefault(body, []).append((str(c["reported"]), int(c["figure"]), inline_text(str(c.get("display") or c["figure"]))))
        series = list(bodies.items())
    days = sorted({d for _, points in series for d, _, _ in points})
    if len(days) < 2:
        return None
    top = max(f for _, points in series for _, f, _ in points) or 1
    step = (CHART_WIDTH - 2 * CHART_PAD) / (len(days) - 1)

    def xy(day: str, figure: int) -> tuple[float, float]:
        return (round(CHART_PAD + days.index(day) * step, 1),
                round(CHART_HEIGHT - CHART_PAD - figure / top * (CHART_HEIGHT - 2 * CHART_PAD), 1))

    lines = []
    for n, (body, points) in enumerate(series):
        points = sorted(points)
        dots = [{"x": xy(d, f)[0], "y": xy(d, f)[1], "label": f"{body}: {shown}, reported {long_date(d)}", "figure": f} for d, f, shown in points]
        lines.append({"body": body, "colour": SERIES_COLOURS[n % len(SERIES_COLOURS)], "dots": dots,
                      "path": " ".join(f"{p['x']},{p['y']}" for p in dots)})
    return {"series": lines, "days": [{"x": xy(d, 0)[0], "label": long_date(d)} for d in days]}
