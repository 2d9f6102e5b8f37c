"""Stage 1, ingest: files, folders, JSONL, stdin and URLs into Documents; errors per input."""

from __future__ import annotations

import datetime as dt
import io
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES
from wikiwire.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    MalformedJSONLError,
    MissingInputError,
    NoUsableReportError,
    UnsupportedInputError,
)
from wikiwire.ingest import decode_bytes, ingest, outlet_from_url, split_date_line

REPORTS = FIXTURES / "ingest" / "reports"


class Recorder:
    """A Progress that remembers every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []

    def stage(self, name: str) -> None:
        return None

    def advance(self, stage: str, done: int, total: int) -> None:
        self.calls.append((stage, done, total))


# ---------------------------------------------------------------------------------------------
# date line


def test_date_line_on_its_own_line() -> None:
    published, body = split_date_line(" date 2023-10-08\nQuakes hit Herat.\n")
    assert published == dt.date(2023, 10, 8)
    assert body == "Quakes hit Herat.\n"


def test_date_line_followed_by_body_on_the_same_line() -> None:
    published, body = split_date_line(" date 2023-11-14 In a new wave of shelling, seven people died.")
    assert published == dt.date(2023, 11, 14)
    assert body == "In a new wave of shelling, seven people died."


def test_date_line_without_leading_space() -> None:
    assert split_date_line("date 2024-03-26\nThe bridge fell.")[0] == dt.date(2024, 3, 26)


def test_impossible_date_leaves_the_text_alone() -> None:
    text = " date 2023-02-30 The bridge fell."
    assert split_date_line(text) == (None, text)


def test_text_that_only_mentions_a_date_is_not_a_date_line() -> None:
    text = "The date 2023-10-05 was chosen for the ceremony."
    assert split_date_line(text) == (None, text)


# ---------------------------------------------------------------------------------------------
# files


def test_text_file_reads_date_and_body() -> None:
    (doc,) = ingest([str(REPORTS / "01-wire.txt")]).documents
    assert doc.input == str(REPORTS / "01-wire.txt")
    assert doc.published == dt.date(2023, 10, 8)
    assert doc.text.startswith("Quakes in western Afghanistan leave more than 2,000 dead\n")
    assert doc.url is None and doc.outlet is None


def test_seed_style_file_with_body_on_the_date_line() -> None:
    (doc,) = ingest([str(REPORTS / "02-copy.txt")]).documents
    assert doc.published == dt.date(2023, 10, 8)
    assert doc.text.startswith("HERAT, Afghanistan - A series of powerful earthquakes")


def test_markdown_heading_marks_and_links_are_removed() -> None:
    (doc,) = ingest([str(REPORTS / "later" / "05-review.md")]).documents
    assert doc.published == dt.date(2023, 11, 2)
    first, second = doc.text.split("\n\n")[:2]
    assert first == "A month after the Herat earthquakes"
    assert second.endswith("interviewed by our reporter.")


def test_html_file_gives_main_text_title_date_and_site_name() -> None:
    (doc,) = ingest([str(REPORTS / "03-page.html")]).documents
    assert doc.title == "Survivors search rubble in Herat villages"
    assert doc.outlet == "The Plains Courier"
    assert doc.published == dt.date(2023, 10, 9)
    lines = doc.text.split("\n")
    assert "Aid groups said tents, blankets and drinking water were the most urgent needs" in lines[-1]
    # paragraphs stay separate lines; navigation, comment form and footer are gone
    assert len(lines) == 4
    for furniture in ("Home", "Leave a comment", "All rights reserved", "Sport"):
        assert furniture not in doc.text


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("The caf\xe9 on the square was destroyed \x96 witnesses said.".encode("latin-1"))
    (doc,) = ingest([str(path)]).documents
    assert doc.text == "The café on the square was destroyed – witnesses said."


def test_decode_bytes_rejects_binary() -> None:
    assert decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") is None
    assert decode_bytes(bytes(range(1, 32)) * 20) is None
    assert decode_bytes("Plain text, with an é.".encode()) == "Plain text, with an é."
    assert decode_bytes("\ufeffWith a byte-order mark.".encode()) == "With a byte-order mark."


# ---------------------------------------------------------------------------------------------
# JSONL and stdin


def test_jsonl_lines_become_documents_with_line_numbers() -> None:
    docs = ingest([str(REPORTS / "04-feed.jsonl")]).documents
    assert [d.input for d in docs] == [f"{REPORTS / '04-feed.jsonl'}:1", f"{REPORTS / '04-feed.jsonl'}:3"]
    first, second = docs
    assert first.url == "https://www.kabul-evening.example.com/news/herat-toll"
    assert first.outlet == "kabul-evening.example.com"  # from the host, without www.
    assert first.title == "Herat toll rises as rescuers reach remote villages"
    assert first.published == dt.date(2023, 10, 9)
    assert first.text.split("\n")[1] == "A provincial health official said hospitals in Herat had treated hundreds of injured people."
    # an html report: main text through trafilatura, outlet and "published" from the record
    assert second.outlet == "Example Asia Desk"
    assert second.published == dt.date(2023, 10, 11)
    assert "Another earthquake of magnitude 6.3 struck near Herat on Wednesday morning" in second.text


def test_stdin_jsonl() -> None:
    stdin = io.StringIO('{"text": "A bridge in Baltimore collapsed after a ship hit it.", "url": "http://example.net/a"}\n\n')
    (doc,) = ingest(["-"], stdin=stdin).documents
    assert doc.input == "<stdin>:1"
    assert doc.outlet == "example.net"
    assert doc.published is None


def test_blank_text_in_jsonl_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "   "}\n{"text": "Rescuers found two bodies in the river."}\n')
    result = ingest([str(path)])
    assert [d.input for d in result.documents] == [f"{path}:2"]
    assert [(s.input, s.reason) for s in result.skipped] == [(f"{path}:1", "report text is empty")]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("this is not json", "line is not valid JSON (Expecting value at column 1)"),
        ("[1, 2, 3]", 'line is not a JSON object with "text" or "html"'),
        ('{"url": "https://example.com/a", "title": "No body"}', 'line is not a JSON object with "text" or "html"'),
        ('{"text": 42}', 'line is not a JSON object with "text" or "html"'),
    ],
)
def test_malformed_jsonl_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "A first good report."}\n\n' + line + "\n")
    with pytest.raises(MalformedJSONLError) as info:
        ingest([str(path)])
    assert (info.value.path, info.value.line, info.value.problem) == (str(path), 3, problem)
    assert str(info.value) == f"{path}:3: {problem}"


def test_malformed_jsonl_inside_a_folder_still_raises(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A good report about the earthquake.")
    (tmp_path / "b.jsonl").write_text("{oops\n")
    with pytest.raises(MalformedJSONLError):
        ingest([str(tmp_path)])


def test_empty_stdin_raises() -> None:
    with pytest.raises(EmptyInputError) as info:
        ingest(["-"], stdin=io.StringIO("\n \n"))
    assert str(info.value) == "<stdin>: input is empty"


# ---------------------------------------------------------------------------------------------
# folders


def test_folder_is_recursed_in_sorted_order_and_unsupported_files_are_listed() -> None:
    progress = Recorder()
    result = ingest([str(REPORTS)], progress=progress)
    assert [d.input for d in result.documents] == [
        str(REPORTS / "01-wire.txt"),
        str(REPORTS / "02-copy.txt"),
        str(REPORTS / "03-page.html"),
        f"{REPORTS / '04-feed.jsonl'}:1",
        f"{REPORTS / '04-feed.jsonl'}:3",
        str(REPORTS / "later" / "05-review.md"),
    ]
    assert [(s.input, s.reason) for s in result.skipped] == [(str(REPORTS / "raw-feed.xyz"), "unsupported file type .xyz")]
    assert progress.calls == [("ingest", i, 6) for i in range(1, 7)]


def test_bad_files_among_good_ones_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text(" date 2023-10-25\nA gunman opened fire at a bowling alley.")
    (tmp_path / "b-empty.txt").write_text("")
    (tmp_path / "c-image.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00")
    (tmp_path / "README.md").write_text("# About these reports\n")
    (tmp_path / ".hidden.txt").write_text("editor swap file")
    result = ingest([str(tmp_path)])
    assert [d.input for d in result.documents] == [str(tmp_path / "a-good.txt")]
    assert [(Path(s.input).name, s.reason) for s in result.skipped] == [
        ("README.md", "README.md documents the folder, it is not a report"),
        ("b-empty.txt", "file is empty"),
        ("c-image.txt", "binary file, not text"),
    ]


def test_folder_with_no_usable_report_raises_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "blank.txt").write_text("\n\n")
    with pytest.raises(NoUsableReportError) as info:
        ingest([str(tmp_path)])
    assert str(info.value) == f"{tmp_path}: no usable report in this folder: blank.txt: file is empty; scan.pdf: unsupported file type .pdf"


def test_empty_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(NoUsableReportError) as info:
        ingest([str(tmp_path)])
    assert info.value.problem == "folder holds no files"


# ---------------------------------------------------------------------------------------------
# inputs given directly


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError) as info:
        ingest([str(tmp_path / "nope.txt")])
    assert info.value.problem == "no such file or folder"


def test_empty_file_given_directly_raises(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(EmptyInputError):
        ingest([str(path)])


def test_date_line_without_body_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "only-date.txt"
    path.write_text(" date 2023-10-05\n")
    with pytest.raises(EmptyInputError) as info:
        ingest([str(path)])
    assert info.value.problem == "no report text after the date line"


def test_binary_file_given_directly_raises(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    with pytest.raises(BinaryInputError) as info:
        ingest([str(path)])
    assert str(info.value) == f"{path}: binary file, not text"


def test_unsupported_file_given_directly_raises(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("not really a docx")
    with pytest.raises(UnsupportedInputError) as info:
        ingest([str(path)])
    assert info.value.problem == "unsupported file type .docx"


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.reuters.com/world/middle-east/x") == "reuters.com"
    assert outlet_from_url("http://apnews.com:8080/a") == "apnews.com"
    assert outlet_from_url(None) is None


# ---------------------------------------------------------------------------------------------
# URLs, against a server on loopback

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ship strikes Baltimore bridge | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="date" content="2024-03-26">
</head><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Ship strikes Baltimore bridge</h1>
<p>A container ship lost power and struck a support of the Francis Scott Key Bridge in Baltimore early on Tuesday, bringing most of the span down into the Patapsco River.</p>
<p>Six road workers who were filling potholes on the bridge were missing and presumed dead by the evening, state officials said.</p>
</article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/news/bridge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # silence the test log
        return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_downloaded_and_extracted(server: str) -> None:
    url = f"{server}/news/bridge"
    (doc,) = ingest([url], timeout=5).documents
    assert (doc.input, doc.url) == (url, url)
    assert doc.title == "Ship strikes Baltimore bridge"
    assert doc.outlet == "Harbour Gazette"
    assert doc.published == dt.date(2024, 3, 26)
    assert "Six road workers who were filling potholes" in doc.text
    assert "Local" not in doc.text


def test_url_with_http_error(server: str) -> None:
    with pytest.raises(FetchError) as info:
        ingest([f"{server}/missing"], timeout=5)
    assert info.value.problem == "the server answered HTTP 404"


def test_unreachable_url() -> None:
    # A port that was free a moment ago: nothing listens there, so the connection is refused.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news"
    with pytest.raises(FetchError) as info:
        ingest([url], timeout=2)
    assert str(info.value) == f"{url}: could not download the page (unreachable, refused or no answer within 2 s)"


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.text(alphabet=st.sampled_from(list("abc XYZ.,\n")), min_size=1, max_size=80).filter(lambda s: not s[0].isspace()),
    st.sampled_from([" ", "\n", "  ", " \n"]),
)
def test_date_line_round_trip(date: dt.date, body: str, gap: str) -> None:
    assert split_date_line(f" date {date.isoformat()}{gap}{body}") == (date, body)


def test_article_document_reads_an_events_file_article() -> None:
    from wikiwire.ingest import article_document

    doc = article_document(
        {"url": "https://www.example.org/news/1", "date": None, "text": " date 2024-03-26 A ship struck the bridge."},
        "events.jsonl:3#1",
    )
    assert doc is not None
    assert (doc.input, doc.text, doc.outlet, doc.published) == (
        "events.jsonl:3#1",
        "A ship struck the bridge.",
        "example.org",
        dt.date(2024, 3, 26),
    )
    assert article_document({"text": "  "}, "x") is None
    assert article_document({"text": "Body only.", "date": "2023-10-25"}, "x").published == dt.date(2023, 10, 25)  # type: ignore[union-attr]


def test_an_oversized_jsonl_line_is_skipped_and_the_rest_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wikiwire import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MAX_REPORT_BYTES", 2048)
    path = tmp_path / "reports.jsonl"
    small = json.dumps({"text": "A drone struck a ceremony in Homs on Thursday, killing 89 people."})
    big = json.dumps({"text": "word " * 1000})
    path.write_text(small + "\n" + big + "\n", encoding="utf-8")
    result = ingest_module.ingest([str(path)])
    assert len(result.documents) == 1
    assert [(s.input, s.reason) for s in result.skipped] == [(f"{path}:2", "5 KB is more than any news report (limit 2 KB)")]
