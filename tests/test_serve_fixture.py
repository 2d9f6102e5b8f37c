"""Helpers shared by the serve tests (no tests here): built events with a store, and the XSS
corpus placed in reports and event records."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from wikiwire import decisions, pipeline, revisions

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "homs-2023"
VECTORS = [line for line in (FIXTURES / "xss" / "vectors.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def build_event(inputs: list[str], out: Path, nlp: Any, *, store: bool = True) -> Path:
    """Build ``inputs`` into ``out`` as ``wikiwire build`` does (outputs, then revision 1)."""
    result = pipeline.run(inputs, nlp=nlp)
    decisions.write_outputs(result, out)
    if store:
        revisions.record_build(out, result)
    return out


def hostile_reports(folder: Path) -> Path:
    """A JSONL file of news-like reports about one strike, each carrying XSS vectors in its
    text, title, outlet and URL. Returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for n, vector in enumerate(VECTORS):
        text = (
            f"A drone strike hit a wedding hall in Kafr Tala, Syria, on 3 March 2024, killing {10 + n % 3} people, "
            f"the regional health office said. Residents said the strike came at dusk. {vector}\n"
            f"A spokesman said {vector} and that rescue teams were still searching the rubble.\n"
            f"The regional health office said 25 people were wounded in the attack on the hall."
        )
        lines.append(json.dumps({
            "text": text,
            "title": f"Strike on Kafr Tala wedding hall {vector}",
            "outlet": f"Outlet {n} {vector}",
            "url": "javascript:alert(99)" if n % 2 else f"https://news{n}.example/story?q={vector}",
            "date": "2024-03-04",
        }))
    path = folder / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def poison_record(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with an XSS vector in every text field a page shows (title, infobox, facts
    and claims, sentences, sources, duplicates, skipped inputs, conflicts, decisions)."""
    vectors = iter(VECTORS * 20)

    def v(prefix: str = "") -> str:
        return f"{prefix}{next(vectors)}"

    record = json.loads(json.dumps(record))
    record["title"] = v("Title ")
    record["kind"] = v()
    record["infobox"] = {k: v(f"{val} ") for k, val in record["infobox"].items()}
    for fact in record["facts"].values():
        fact["display"] = v()
        fact["rule"] = v()
        for claim in fact["claims"]:
            claim["display"], claim["quote"], claim["attributed_to"] = v(), v(), v()
            claim["source"], claim["sentence"] = v(), v()

    def sentences(items: list[dict[str, Any]]) -> None:
        for s in items:
            s["text"] = v(s["text"] + " ")

    sentences(record["article"]["lead"])
    for section in record["article"]["sections"]:
        section["heading"] = v()
        sentences(section["sentences"])
        for sub in section["subsections"]:
            sub["heading"] = v()
            sentences(sub["sentences"])
    for source in record["sources"]:
        source["title"], source["outlet"], source["input"], source["anchor_note"] = v(), v(), v(), v()
        source["url"] = "javascript:alert(40)"
        for d in source["duplicates"]:
            d["outlet"], d["input"], d["title"] = v(), v(), v()
    record["skipped"] = [{"input": v(), "reason": v()} for _ in range(3)]
    for series in record.get("timeline") or []:
        series["body"] = v()
        for point in series["points"]:
            point["display"] = v()
    for conflict in record["conflicts"]:
        conflict["resolution"] = v()
    record["decisions"] = [{"id": 1, "created_at": v(), "kind": "set_value", "target": v(), "value": {"display": v()},
                            "note": v(), "applied": False, "reason": v()}]
    return record


def token(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)
