"""Golden outputs: the bundled example builds to exactly the stored wikitext and Markdown.

A change that alters the article shows up here as a diff to review. When the change is
intended, regenerate with ``WIKIWIRE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_example.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import mwparserfromhell
import pytest

from conftest import EXAMPLE
from wikiwire import pipeline
from wikiwire.render import record, render
from wikiwire.render.wikitext import parse_infobox

GOLDEN = Path(__file__).resolve().parent / "golden" / "homs-2023"
UPDATE = os.environ.get("WIKIWIRE_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def example_build(nlp):  # type: ignore[no-untyped-def]
    return pipeline.run([str(EXAMPLE)], nlp=nlp)


@pytest.mark.parametrize(("fmt", "name"), [("wiki", "article.wiki"), ("md", "article.md")])
def test_example_matches_golden(example_build, fmt: str, name: str) -> None:  # type: ignore[no-untyped-def]
    text = render(example_build, fmt)
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_example_wikitext_infobox_equals_record(example_build) -> None:  # type: ignore[no-untyped-def]
    wiki = render(example_build, "wiki")
    assert parse_infobox(wiki) == record.event_record(example_build)["infobox"]
    templates = {str(t.name).strip() for t in mwparserfromhell.parse(wiki).filter_templates()}
    assert templates == {"Infobox civilian attack", "coord", "cite news", "reflist"}


def test_example_facts(example_build) -> None:  # type: ignore[no-untyped-def]
    facts = record.event_record(example_build)["facts"]
    assert facts["date"]["value"] == "2023-10-05"
    assert facts["type"]["value"] == "drone strike"
    assert facts["timezone"]["value"] == "UTC+03:00"
    location = facts["location"]["value"]
    assert (location["city"], location["country"]) == ("Homs", "Syria")
    assert facts["perpetrators"]["value"] == ["Unknown"]
    fatalities = facts["fatalities"]["value"]
    # The health ministry's latest figure and the monitor's are both inside the range.
    assert fatalities["low"] <= 89 <= fatalities["high"]
    assert fatalities["high"] >= 120


def test_every_sentence_cited_and_no_relative_dates(example_build) -> None:  # type: ignore[no-untyped-def]
    article = record.event_record(example_build)["article"]
    sentences = list(article["lead"])
    stack = list(article["sections"])
    while stack:
        section = stack.pop()
        sentences.extend(section["sentences"])
        stack.extend(section["subsections"])
    assert sentences
    assert all(s["sources"] for s in sentences)
    text = " ".join(s["text"] for s in sentences)
    for word in ("this Thursday", "on Thursday", "yesterday", "today"):
        assert word not in text
