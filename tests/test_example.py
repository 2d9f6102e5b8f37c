"""Shape checks on the bundled example's inputs (examples/homs-2023).

These guard the difficulties the example is meant to carry, so that an edit to a report cannot
silently remove the case other tests rely on. They read the files only; no pipeline stage runs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from conftest import EXAMPLE

DATE_LINE = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})\n")


def _text_reports() -> dict[str, tuple[dt.date, str]]:
    reports = {}
    for path in sorted(EXAMPLE.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        match = DATE_LINE.match(raw)
        assert match, f"{path.name} lacks a ' date YYYY-MM-DD' first line"
        reports[path.name] = (dt.date.fromisoformat(match.group(1)), raw[match.end() :])
    return reports


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def test_example_has_six_reports_in_three_formats() -> None:
    names = sorted(p.name for p in EXAMPLE.iterdir() if p.name != "README.md")
    assert len(names) == 6
    assert {Path(n).suffix for n in names} == {".txt", ".html", ".jsonl"}


def test_every_text_report_is_dated_and_one_is_weeks_late() -> None:
    dates = {name: date for name, (date, _) in _text_reports().items()}
    assert dates["01-levant-wire.txt"] == dt.date(2023, 10, 5)
    late = dates["05-meridian-review.txt"]
    assert (late - dt.date(2023, 10, 5)).days >= 21
    # The trap: the late report's own date is a Thursday and it says "on Thursday".
    assert late.weekday() == 3
    assert "on Thursday" in _text_reports()["05-meridian-review.txt"][1]


def test_weekday_relative_dates_are_present() -> None:
    bodies = " ".join(body for _, body in _text_reports().values())
    bodies += (EXAMPLE / "06-daily-horizon.jsonl").read_text(encoding="utf-8")
    for phrase in ("on Thursday", "this Thursday", "yesterday", "last month"):
        assert phrase in bodies


def test_near_duplicate_wire_copy_differs_only_in_its_first_lines() -> None:
    reports = _text_reports()
    first = reports["01-levant-wire.txt"][1].splitlines()
    second = reports["02-gulf-morning-post.txt"][1].splitlines()
    assert first[0] != second[0]  # different headline
    assert first[3:] == second[3:]
    a, b = _words("\n".join(first)), _words("\n".join(second))
    assert len(a & b) / len(a | b) > 0.85


def test_rising_and_disagreeing_tolls_are_stated() -> None:
    corpus = " ".join(body for _, body in _text_reports().values())
    corpus += (EXAMPLE / "04-orient-ledger.html").read_text(encoding="utf-8")
    for figure in ("at least 7", "more than 100", "80 people", "89", "123", "277", "150"):
        assert figure in corpus
    # Retaliation tolls that belong to another event.
    assert "at least 20 people had been killed there" in corpus


def test_author_bio_is_the_last_line_of_a_text_report() -> None:
    last = _text_reports()["03-cedar-times.txt"][1].strip().splitlines()[-1]
    assert last.startswith("Nadia Haddad is our Levant correspondent.")


def test_html_page_has_metadata_and_furniture() -> None:
    html = (EXAMPLE / "04-orient-ledger.html").read_text(encoding="utf-8")
    for marker in (
        "<title>",
        'property="og:site_name"',
        'name="date" content="2023-10-07"',
        'property="article:published_time"',
        "<nav",
        "Share on Facebook",
        "<form",
        'class="byline"',
        'class="author-bio"',
    ):
        assert marker in html


def test_jsonl_report_has_all_metadata_fields() -> None:
    lines = (EXAMPLE / "06-daily-horizon.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"url", "outlet", "title", "date", "text"}
    assert record["date"] == "2023-10-05"
    assert record["url"].startswith("https://") and ".example." in record["url"]


def test_example_urls_are_fictional_hosts() -> None:
    for path in EXAMPLE.iterdir():
        for url in re.findall(r"https?://([^/\"\s]+)", path.read_text(encoding="utf-8")):
            assert ".example." in url, f"{path.name} names a real-looking host {url}"
