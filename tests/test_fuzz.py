"""Hostile text never crashes a build: reports garbled with stray characters (control
characters, bidi marks, the letters re.IGNORECASE folds, markup openers, huge numbers) still
build, and every output renders, with the wikitext infobox reading back as the record's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wikiwire import ingest, pipeline
from wikiwire.errors import NoUsableReportError
from wikiwire.render import FORMATS, record, render
from wikiwire.render.wikitext import parse_infobox

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "homs-2023"
BASES = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
HOSTILE = [
    "\x00", "\x1b", "\u202e", "\u200b", "\ufeff", "\u2028", "ſ", "\u212a", "ı", "İ", "{{", "}}", "[[", "]]", "|",
    "<ref>", "<script>", "'''", "&amp;", "~~~~", "=", "99999999999999999999999", "1e309", "½", "٣", "Ⅻ",
    "killed", "at least", "Thursday", "yesterday", "31 February 2023", "25:61", "\n", " date 2023-13-45\n",
]

# Edits: (position as a fraction of the text, what to insert).
edits = st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.sampled_from(HOSTILE)), min_size=1, max_size=25)


def _garble(text: str, changes: list[tuple[float, str]]) -> str:
    for where, what in changes:
        at = int(where * len(text))
        text = text[:at] + what + text[at:]
    return text


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(range(len(BASES))), edits), min_size=1, max_size=3))
def test_garbled_reports_build_and_render(nlp: Any, reports: list[tuple[int, list[tuple[float, str]]]]) -> None:
    docs = [
        ingest.article_document({"text": _garble(BASES[base], changes), "url": f"https://outlet{n}.example/story"}, f"report {n}")
        for n, (base, changes) in enumerate(reports)
    ]
    usable = [d for d in docs if d]
    if not usable:
        return  # every report garbled to nothing: ingest's own tests cover that error
    try:
        build = pipeline.run(documents=usable, nlp=nlp)
    except NoUsableReportError:
        return  # garbled past use: reported as such, which is the documented outcome
    outputs = {fmt: render(build, fmt) for fmt in FORMATS}
    assert all(outputs.values())
    assert parse_infobox(outputs["wiki"]) == record.event_record(build)["infobox"]
