"""Lookup keys for regex-matched words, and whole builds on text full of the letters that
re.IGNORECASE equates with ASCII ones."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from wikiwire import ingest, pipeline
from wikiwire.textkeys import _IGNORECASE_TWINS, lookup_key

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "homs-2023"


def test_twins_are_exactly_the_characters_ignorecase_equates_with_ascii_letters() -> None:
    found = {
        chr(cp): letter
        for letter in string.ascii_lowercase
        for cp in range(128, 0x10000)
        if not 0xD800 <= cp <= 0xDFFF and re.fullmatch(letter, chr(cp), re.IGNORECASE)
    }
    assert found == {chr(k): v for k, v in _IGNORECASE_TWINS.items()}


@pytest.mark.parametrize(
    ("word", "key"),
    [("Explosıves", "explosives"), ("ſcores", "scores"), ("\u212aILLED", "killed"), ("İn", "in"), ("Türkiye", "türkiye")],
)
def test_lookup_key(word: str, key: str) -> None:
    assert lookup_key(word) == key


@pytest.mark.parametrize("twins", [{"s": "ſ"}, {"k": "\u212a"}, {"i": "ı"}, {"I": "İ"}, {"s": "ſ", "k": "\u212a", "i": "ı", "I": "İ"}])
def test_a_build_survives_reports_written_with_ignorecase_twins(nlp, twins: dict[str, str]) -> None:
    table = str.maketrans(twins)
    docs = [
        ingest.article_document({"text": path.read_text(encoding="utf-8").translate(table), "url": f"https://outlet{n}.example/story"}, path.name)
        for n, path in enumerate(sorted(EXAMPLE.glob("*.txt")))
    ]
    build = pipeline.run(documents=[d for d in docs if d], nlp=nlp)
    assert build.article.lead
    assert all(s.sources for s in build.article.lead)
    assert build.facts.get("date").value == "2023-10-05"


def test_vague_quantity_with_a_long_s_reads_like_the_plain_word() -> None:
    from wikiwire.facts import numbers

    twin, plain = numbers.find_quantities("ſcores of people were hurt"), numbers.find_quantities("scores of people were hurt")
    assert [(q.value, q.qualifier) for q in twin] == [(q.value, q.qualifier) for q in plain] == [(40, "at least")]
