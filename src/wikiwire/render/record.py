"""The event record (event.json): the structured, analyst-facing result of a build.

Shape (the evaluation reads these keys; see the README)::

    title, kind, acled {event_type, sub_event_type} | null   (``taxonomy.ACLED_TYPES``)
    generator {name, version},
    infobox {param: display}                      exactly what the wikitext infobox holds
    infobox_template
    facts {name: {value, display, sources, rule, claims[, breakdown]
                  [, confidence, confidence_reason]}}   one per FACT_NAMES
    article {lead: [sentence], sections: [{heading, sentences, subsections}]}
    sources [{id, url, outlet, title, title_from, published, input, duplicates, anchor_date, anchor_note}]
    skipped [{input, reason}]
    timeline [{fact, body, moved, points: [{reported, figure, display, sources, sentences}]}]
                                        each body's toll over report dates (``timeline``)
    focus {kind, allowed_kinds, triggers, place, date_start, date_end, kind_votes, evidence,
           context_claims} | null   the event frame (``focus``) and the claims it set aside
    conflicts [{fact, claims, resolution}]
    verification {checked, passed, recited, dropped: [{text, reason}]}
    decisions [{id, created_at, kind, target, value, note, applied, reason}]   editor's (serve)

Fact values are normalised to one JSON shape per fact, whatever the reconciler produced:
date "YYYY-MM-DD"|null; time "HH:MM"|null (a part of day such as "afternoon" goes to
``part_of_day``); timezone "UTC±HH:MM"|null; location a dict with at least venue, city,
region, country, lat, lon (extra keys such as "tz" kept; "coordinates_of": "city" when lat/lon
are set, as they are the city's position, not the venue's); casualties {low, high, best};
perpetrators a list of names. Casualty claims are {figure, qualifier, attributed_to, source,
quote, reported, ...}; other claims carry ``value`` instead of ``figure``.

A fact whose rule makes it weakly known (``uncertainty.doubt``) also carries
``"confidence": "low"`` and ``"confidence_reason"`` (the plain-words reason every output
shows); other facts have neither key, so a record's shape only grows where there is doubt.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from wikiwire.compose import timeline, uncertainty
from wikiwire.records import (
    FACT_NAMES,
    AnalysedSource,
    ArticleSentence,
    Build,
    Claim,
    EventFacts,
    Fact,
    Section,
    Source,
)
from wikiwire.render import view
from wikiwire.taxonomy import acled_type

__all__ = ["event_record"]

CASUALTY_FACTS = frozenset({"fatalities", "injuries"})
LOCATION_KEYS = ("venue", "city", "region", "country", "lat", "lon")
# What lat/lon locate (see ``_location``).
COORDINATES_OF = "city"
# Perpetrators given as one string list several names separated by ";". Not "," or "and":
# they occur inside organisation names ("Movement for Justice and Equality").
_NAME_SEPARATORS = re.compile(r"\s*;\s*")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_UTC_OFFSET = re.compile(r"UTC[+\-−]\d{2}:\d{2}")


def event_record(build: Build, *, decisions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON-ready event record of ``build`` (plain dicts, lists, strings, numbers, None).

    ``decisions`` are the editor's decisions applied to the build (``decisions.Applied.records``),
    listed under ``decisions``; an event nobody has edited lists none.

    ``infobox`` holds the infobox parameters exactly as ``render.wikitext`` writes them (the
    same characters ``wikitext.parse_infobox`` reads back). Raises nothing for odd fact
    shapes: a value that cannot be normalised becomes null and its display is kept.
    """
    from wikiwire import __version__

    facts = build.facts
    names = [*FACT_NAMES, *(n for n in facts.facts if n not in FACT_NAMES)]
    analysed = {a.source.id: a for a in build.analysed}
    return {
        "title": build.title,
        "kind": facts.kind,
        "acled": _acled(facts.kind),
        "generator": {"name": "wikiwire", "version": __version__},
        "infobox": {k: view.clean_text(v) for k, v in build.article.infobox.params.items()},
        "infobox_template": build.article.infobox.template,
        "facts": {name: _fact(name, facts.facts.get(name)) for name in names},
        "article": {
            "lead": [_sentence(s) for s in build.article.lead],
            "sections": [_section(s) for s in build.article.sections if view.has_content(s)],
        },
        "sources": [
            {
                "id": s.id,
                "url": s.url,
                "outlet": s.outlet,
                **_title_fields(s, analysed),
                "published": _iso(s.published),
                "input": s.input,
                "duplicates": [d.model_dump(mode="json") for d in s.duplicates],
                "anchor_date": _iso(analysed[s.id].anchor_date) if s.id in analysed else None,
                "anchor_note": analysed[s.id].anchor_note if s.id in analysed else None,
            }
            for s in build.sources
        ],
        "skipped": [{"input": s.input, "reason": s.reason} for s in build.skipped],
        "timeline": timeline.timeline_record(timeline.toll_timeline(facts)),
        "focus": _focus(facts),
        "conflicts": [
            {
                "fact": c.fact,
                "claims": [_claim(c.fact, claim) for claim in c.claims],
                "resolution": c.resolution,
            }
            for c in facts.conflicts
        ],
        "verification": build.verification.model_dump(mode="json"),
        "decisions": list(decisions or []),
    }


def _focus(facts: EventFacts) -> dict[str, Any] | None:
    """The event frame (why the article is about this event) and the claims set aside as
    being about other events, or None for facts reconciled without a frame."""
    if facts.frame is None:
        return None
    frame = facts.frame.model_dump(mode="json")
    frame["context_claims"] = [
        {"fact": c.fact, "value": c.value, "display": c.display, "source": c.source, "quote": c.quote}
        for c in facts.context
    ]
    return frame


def _title_fields(source: Source, analysed: dict[str, AnalysedSource]) -> dict[str, str]:
    """A source's title and where it came from; a report without a headline is titled by
    its first sentence, and marked so (``view.reference_title``)."""
    found = analysed.get(source.id)
    title, origin = view.reference_title(source, found.sentences if found else ())
    return {"title": title, "title_from": origin}


def _acled(kind: str) -> dict[str, str] | None:
    codes = acled_type(kind)
    return {"event_type": codes[0], "sub_event_type": codes[1]} if codes else None


def _fact(name: str, fact: Fact | None) -> dict[str, Any]:
    if fact is None:
        empty: dict[str, Any] = {"value": _value(name, None), "display": "", "sources": [],
                                 "rule": None, "claims": []}
        if name in CASUALTY_FACTS:
            empty["breakdown"] = {}
        return empty
    entry: dict[str, Any] = {
        "value": _value(name, fact.value),
        "display": fact.display,
        "sources": list(fact.sources),
        "rule": fact.rule,
        "claims": [_claim(name, c) for c in fact.claims],
    }
    if name == "time" and entry["value"] is None and isinstance(fact.value, str) and fact.value:
        entry["part_of_day"] = fact.value
    if name in CASUALTY_FACTS:
        entry["breakdown"] = dict(fact.breakdown)
    doubt = uncertainty.doubt(fact)
    if doubt is not None:
        entry["confidence"] = doubt.confidence
        entry["confidence_reason"] = doubt.reason
    return entry


def _value(name: str, value: Any) -> Any:
    """``value`` in the one JSON shape the record promises for fact ``name``."""
    if name == "date":
        if isinstance(value, dict):
            value = value.get("start") or value.get("value")
        return value[:10] if isinstance(value, str) and _ISO_DATE.match(value) else None
    if name == "time":
        match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
        return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None
    if name == "timezone":
        return value.replace("−", "-") if isinstance(value, str) and _UTC_OFFSET.fullmatch(value) else None
    if name == "location":
        return _location(value)
    if name in CASUALTY_FACTS:
        return _casualties(value)
    if name == "perpetrators":
        return _names(value)
    return value if value != "" else None


def _location(value: Any) -> dict[str, Any]:
    place: dict[str, Any] = dict.fromkeys(LOCATION_KEYS)
    if isinstance(value, dict):
        place.update(value)
    elif isinstance(value, str) and value:
        place["text"] = value
    if place.get("lat") is not None and place.get("lon") is not None:
        # The place index holds cities' positions only: say so, as the venue may lie kilometres
        # from the city's centre (event.csv's geo_precision says the same in ACLED's codes).
        place["coordinates_of"] = COORDINATES_OF
    return place


def _casualties(value: Any) -> dict[str, int | None]:
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        return {"low": value, "high": value, "best": value}
    if isinstance(value, dict):
        return {k: _int(value.get(k)) for k in ("low", "high", "best")}
    return {"low": None, "high": None, "best": None}


def _names(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [n for n in _NAME_SEPARATORS.split(value.strip()) if n]
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)]


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _claim(fact: str, claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if fact in CASUALTY_FACTS:
        out["figure"] = _int(claim.value)
    else:
        out["value"] = claim.value
        if claim.value_end is not None:
            out["value_end"] = claim.value_end
    out.update(
        {
            "display": claim.display,
            "qualifier": claim.qualifier,
            "attributed_to": claim.attributed_to,
            "source": claim.source,
            "sentence": claim.sentence,
            "quote": claim.quote,
            "reported": _iso(claim.reported),
            "weight": claim.weight,
        }
    )
    if claim.scope is not None:
        out["scope"] = claim.scope
    if claim.stance is not None:
        out["stance"] = claim.stance
    return out


def _sentence(sentence: ArticleSentence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": sentence.text,
        "sources": list(sentence.sources),
        "evidence": list(sentence.evidence),
    }
    if sentence.doubt:
        # As for facts: the keys appear only where there is doubt.
        out["confidence"] = uncertainty.LOW
        out["confidence_reason"] = sentence.doubt
    return out


def _section(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "sentences": [_sentence(s) for s in section.sentences],
        "subsections": [_section(s) for s in section.subsections if view.has_content(s)],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None
