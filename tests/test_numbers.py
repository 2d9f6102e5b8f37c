"""Quantities as reports write them: digits, number words, vague counts, hedges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wikiwire.facts.numbers import find_quantities, parse, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 89", (89, "at least")),
        ("more than 100", (100, "more than")),
        ("over 120", (120, "more than")),
        ("120+", (120, "more than")),
        ("nearly 90", (90, "about")),
        ("~277", (277, "about")),
        ("some 2,000", (2000, "about")),
        ("up to 300", (300, "up to")),
        ("1,482", (1482, "exactly")),
        ("Eighteen", (18, "exactly")),
        ("twenty-five", (25, "exactly")),
        ("one hundred and twenty", (120, "exactly")),
        ("more than a hundred", (100, "more than")),
        ("dozens", (24, "at least")),
        ("hundreds", (200, "at least")),
        ("more than a dozen", (12, "more than")),
        ("2.5 million", (2_500_000, "exactly")),
    ],
)
def test_parse(text: str, expected: tuple[int, str]) -> None:
    assert parse(text) == expected


def test_parse_rejects_non_quantities() -> None:
    assert parse("the ministry") is None
    assert parse("89 people") is None  # a whole phrase only


def test_find_quantities_spans_and_hedges() -> None:
    text = "Eighteen are dead and at least 13 were hurt, among them nearly forty children."
    found = [(q.value, q.qualifier, text[q.start : q.end]) for q in find_quantities(text)]
    assert found == [(18, "exactly", "Eighteen"), (13, "at least", "at least 13"), (40, "about", "nearly forty")]


def test_words_inside_other_words_are_not_numbers() -> None:
    assert find_quantities("someone often overtook the tone") == []


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse(f"at least {n:,}") == (n, "at least")


def test_long_digit_strings_stay_exact() -> None:
    # A float would round these (99999999999999999999999 -> ...991611392).
    assert parse_number("99999999999999999999999") == 99_999_999_999_999_999_999_999
    assert parse_number("12,345,678,901,234,567") == 12_345_678_901_234_567
    assert parse_number("2.5 million") == 2_500_000


def test_dozens_multiply_like_scale_words() -> None:
    from wikiwire.facts.numbers import find_quantities

    found = [(q.value, q.qualifier) for q in find_quantities("two dozen were hurt, three dozen fled and a dozen hid")]
    assert found == [(24, "about"), (36, "about"), (12, "about")]
