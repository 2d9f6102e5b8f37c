"""Stage 1, ingest: read paths, folders, URLs and JSONL into plain-text Documents.

Inputs are expanded into a flat list of items first (a folder becomes its files, in sorted
order) so progress can report ``done`` of ``total``. An input named on its own that cannot be
used raises; a bad file found inside a folder is listed in ``skipped`` with its reason and the
rest of the folder still counts. A malformed JSONL line always raises, wherever the file came
from: a half-read data file is almost always a bug in whatever produced it, and the user has
to fix it rather than get an article built from part of it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from configparser import ConfigParser
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from wikiwire.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputError,
    MalformedJSONLError,
    MissingInputError,
    NoUsableReportError,
    TooLargeInputError,
    UnreadableInputError,
    UnsupportedInputError,
)
from wikiwire.progress import Progress
from wikiwire.records import Document, IngestResult, Skipped

log = logging.getLogger(__name__)

# Seconds to wait for a news page before giving up: long enough for a slow news site,
# short enough that a dead link does not stall a batch.
DEFAULT_FETCH_TIMEOUT = 20.0

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_NAME = "<stdin>"

# Files that document a folder of reports rather than being one (an example folder's
# README describes the reports; reading it as news would pollute every fact).
FOLDER_DOC_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})

# Share of control characters (other than tab, newline, carriage return and form feed) above
# which a decoded file is binary: real text has essentially none, while arbitrary bytes
# decode to roughly 10% of them, so 1% leaves room for a stray escape code yet catches binary.
MAX_CONTROL_RATIO = 0.01
# Skipped files named in the error for a folder with no usable report: enough to see the
# pattern (all binary, all the wrong type), short enough for one line.
FOLDER_REASONS_SHOWN = 3
# Bytes inspected to decide whether a file is binary: enough for any header, cheap to scan.
BINARY_SNIFF_BYTES = 8192
# The largest report read: a saved news page with all its scripts and styles stays under a
# few megabytes and an article's text under a few hundred kilobytes, so a file (or a JSONL
# line) past this is an archive or a dump, and parsing it would take minutes and gigabytes.
MAX_REPORT_BYTES = 20 * 1024 * 1024

# The seeds' first line: " date 2023-10-05" (leading space optional), either alone on its
# line or followed on the same line by the start of the body.
DATE_LINE = re.compile(r"\A[ \t\ufeff]*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]*(?:\r?\n|\Z)|[ \t]+)", re.IGNORECASE)
# Markdown syntax that is presentation, not text: heading marks and link targets.
MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
URL_SCHEME = re.compile(r"\Ahttps?://", re.IGNORECASE)

# trafilatura refuses loopback and private addresses by default (SSRF protection for servers
# that fetch URLs on behalf of strangers). Here the person running wikiwire chooses every URL
# on their own machine, so an intranet page or a local mirror is a legitimate input.
BLOCK_PRIVATE_HOSTS = False
# Redirects to follow for a news URL: outlets commonly hop http -> https -> canonical path.
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class _Item:
    """One unit of work after expanding the inputs: a file, a URL, or stdin.

    Files found by recursing a folder have ``folder`` set: their failures are skipped, not
    raised.
    """

    kind: str  # "file", "url", "stdin", "skip"
    name: str
    path: Path | None = None
    folder: str | None = None  # the folder input it was found in
    reason: str = ""  # for kind "skip"

    @property
    def in_folder(self) -> bool:
        return self.folder is not None


def ingest(
    inputs: Sequence[str],
    *,
    stdin: IO[str] | None = None,
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    progress: Progress | None = None,
) -> IngestResult:
    """Read every input into Documents; unusable documents among good ones go to ``skipped``.

    ``inputs`` are paths of files (.txt .md .html .htm .jsonl) or folders (recursed in sorted
    order), http(s) URLs (downloaded with trafilatura, ``timeout`` seconds each), or "-" for
    JSONL read from ``stdin`` (``sys.stdin`` when None). ``progress`` gets
    ``advance("ingest", done, total)`` after each file, URL or stdin.

    Raises an InputError subclass when an input as a whole cannot be used: MissingInputError,
    EmptyInputError, BinaryInputError, UnsupportedInputError, UnreadableInputError (a file given
    directly), NoUsableReportError (a folder yielding nothing), MalformedJSONLError (any bad
    JSONL line), FetchError (a URL that cannot be downloaded or has no article text).
    """
    items = [item for name in inputs for item in _expand(name)]
    documents: list[Document] = []
    skipped: list[Skipped] = []
    # Folder input -> documents it produced, to detect folders with nothing usable.
    folder_yield: dict[str, int] = {item.folder: 0 for item in items if item.folder is not None}
    folder_skips: dict[str, list[Skipped]] = {folder: [] for folder in folder_yield}
    for done, item in enumerate(items, start=1):
        if item.kind == "skip":
            skips = [Skipped(input=item.name, reason=item.reason)]
            docs: list[Document] = []
        else:
            try:
                docs, skips = _read_item(item, stdin=stdin, timeout=timeout)
            except (MalformedJSONLError, FetchError):
                raise
            except InputError as exc:
                if not item.in_folder:
                    raise
                docs, skips = [], [Skipped(input=item.name, reason=exc.problem)]
        documents.extend(docs)
        skipped.extend(skips)
        if item.folder is not None:
            folder_yield[item.folder] += len(docs)
            folder_skips[item.folder].extend(skips)
        if progress is not None:
            progress.advance("ingest", done, len(items))
    for folder, count in folder_yield.items():
        if count == 0:
            raise NoUsableReportError(folder, _no_usable_problem(folder_skips[folder]))
    return IngestResult(documents=tuple(documents), skipped=tuple(skipped))


# ---------------------------------------------------------------------------------------------
# expanding inputs


def _expand(name: str) -> Iterator[_Item]:
    """The items of one input; raises MissingInputError for a path that does not exist."""
    if name == "-":
        yield _Item("stdin", STDIN_NAME)
        return
    if URL_SCHEME.match(name):
        yield _Item("url", name)
        return
    path = Path(name)
    if not path.exists():
        raise MissingInputError(name, "no such file or folder")
    if not path.is_dir():
        yield _Item("file", name, path)
        return
    found = False
    for child in sorted(path.rglob("*")):
        rel = child.relative_to(path)
        # Hidden files and folders (.git, .DS_Store) are tooling, never reports.
        if any(part.startswith(".") for part in rel.parts) or not child.is_file():
            continue
        shown = str(child)
        found = True
        if child.stem.lower() in FOLDER_DOC_STEMS:
            yield _Item("skip", shown, folder=name, reason=f"{child.name} documents the folder, it is not a report")
        elif child.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield _Item("skip", shown, folder=name, reason=_unsupported(child))
        else:
            yield _Item("file", shown, child, folder=name)
    if not found:
        raise NoUsableReportError(name, "folder holds no files")


def _unsupported(path: Path) -> str:
    suffix = path.suffix.lower()
    return f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"


def _no_usable_problem(skipped: list[Skipped]) -> str:
    if not skipped:
        return "no usable report in this folder"
    shown = "; ".join(f"{Path(s.input).name}: {s.reason}" for s in skipped[:FOLDER_REASONS_SHOWN])
    more = len(skipped) - FOLDER_REASONS_SHOWN
    return f"no usable report in this folder: {shown}" + (f"; and {more} more skipped" if more > 0 else "")


# ---------------------------------------------------------------------------------------------
# reading one item


def _read_item(item: _Item, *, stdin: IO[str] | None, timeout: float) -> tuple[list[Document], list[Skipped]]:
    """Documents and skipped reports of one item; raises InputError when it is unusable."""
    if item.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin
        return _read_jsonl(stream.read(), STDIN_NAME)
    if item.kind == "url":
        return [_fetch(item.name, timeout)], []
    if item.path is None:  # _expand sets it on every file item
        raise UnreadableInputError(item.name, "not a file")
    suffix = item.path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedInputError(item.name, _unsupported(item.path))
    if suffix not in JSONL_SUFFIXES:  # a JSONL file holds many reports: its lines are checked
        _check_size(item.path, item.name)
    text = _read_text(item.path, item.name)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(text, item.name)
    if suffix in HTML_SUFFIXES:
        return [_html_document(text, item.name, url=None)], []
    return [_text_document(text, item.name, markdown=suffix == ".md")], []


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _too_large(size: int) -> str:
    return f"{_size(size)} is more than any news report (limit {_size(MAX_REPORT_BYTES)})"


def _check_size(path: Path, name: str) -> None:
    """Raise TooLargeInputError when the file at ``path`` is over MAX_REPORT_BYTES."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say what is wrong
    if size > MAX_REPORT_BYTES:
        raise TooLargeInputError(name, _too_large(size))


def _read_text(path: Path, name: str) -> str:
    """The decoded text of a file; raises Empty/Binary/UnreadableInputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInputError(name, f"cannot read the file ({exc.strerror or exc})") from None
    if not data.strip():
        raise EmptyInputError(name, "file is empty")
    text = decode_bytes(data)
    if text is None:
        raise BinaryInputError(name, "binary file, not text")
    if not text.strip():
        raise EmptyInputError(name, "file is empty")
    return text


def decode_bytes(data: bytes) -> str | None:
    """Decode a report's bytes as text, or None when they look binary.

    UTF-8 (with or without BOM) first, then UTF-16 when a BOM says so, then Windows-1252, the
    usual encoding of text saved from older news sites.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _unless_binary(data.decode("utf-16"))
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return _unless_binary(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return None


def _unless_binary(text: str) -> str | None:
    sample = text[:BINARY_SNIFF_BYTES]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return None if sample and controls / len(sample) > MAX_CONTROL_RATIO else text


def split_date_line(text: str) -> tuple[dt.date | None, str]:
    """Split a leading " date YYYY-MM-DD" line off ``text``: (the date or None, the body).

    The body may start on the same line as the date (as in the seeds). An impossible date
    (2023-02-30) leaves the text untouched.
    """
    match = DATE_LINE.match(text)
    if match is None:
        return None, text
    try:
        published = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None, text
    return published, text[match.end() :]


def _text_document(text: str, name: str, *, markdown: bool) -> Document:
    published, body = split_date_line(text)
    if markdown:
        body = MD_LINK.sub(r"\1", MD_HEADING.sub(r"\1", body))
    if not body.strip():
        raise EmptyInputError(name, "no report text after the date line")
    return Document(input=name, text=body.strip(), published=published)


# ---------------------------------------------------------------------------------------------
# HTML and URLs


def _html_document(
    html: str,
    name: str,
    *,
    url: str | None,
    title: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
) -> Document:
    """A Document from a news page's HTML; given metadata wins over what the page says.

    Raises EmptyInputError when trafilatura finds no main text.
    """
    import trafilatura  # heavy import, only needed for HTML

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not reporting
        include_tables=False,  # tables on news pages are mostly widgets and scores
        include_images=False,
    )
    meta: dict[str, Any] = {}
    if extracted is not None:
        meta = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (meta.get("text") or "").strip()
    if not text:
        raise EmptyInputError(name, "no article text found in the HTML")
    page_url = meta.get("url")
    if url is None and isinstance(page_url, str) and URL_SCHEME.match(page_url):
        url = page_url  # a saved page's canonical address, the one a citation should give
    return Document(
        input=name,
        text=text,
        url=url,
        title=title or _clean_meta(meta.get("title")),
        outlet=outlet or _clean_meta(meta.get("sitename")) or outlet_from_url(url),
        published=published or parse_date(meta.get("date")),
    )


def _clean_meta(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _fetch(url: str, timeout: float) -> Document:
    """Download ``url`` with trafilatura and extract its report; raises FetchError."""
    from trafilatura.downloads import fetch_response

    response = fetch_response(url, decode=True, config=_download_config(timeout))
    if response is None:
        raise FetchError(url, f"could not download the page (unreachable, refused or no answer within {timeout:g} s)")
    if response.status != 200:
        raise FetchError(url, f"the server answered HTTP {response.status}")
    html = response.html or (decode_bytes(response.data) if response.data else None)
    if not html or not html.strip():
        raise FetchError(url, "the page is empty")
    try:
        return _html_document(html, url, url=url)
    except EmptyInputError:
        raise FetchError(url, "no article text found on the page") from None


def _download_config(timeout: float) -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura reads the timeout as an int; round up so a short timeout never becomes 0.
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, math.ceil(timeout))))
    config.set("DEFAULT", "MAX_REDIRECTS", str(MAX_REDIRECTS))
    config.set("DEFAULT", "SSRF_PROTECTION", "on" if BLOCK_PRIVATE_HOSTS else "off")
    # No pause between requests: each URL is a separate input named by the user.
    config.set("DEFAULT", "SLEEP_TIME", "0")
    return config


def outlet_from_url(url: str | None) -> str | None:
    """The outlet named by a URL's host, without "www." ("https://www.reuters.com/x" -> "reuters.com")."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    host = host.removeprefix("www.")
    return host or None


def parse_date(value: Any) -> dt.date | None:
    """A date from "YYYY-MM-DD" or an ISO timestamp; None for anything else."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def article_document(article: Mapping[str, Any], where: str) -> Document | None:
    """An events-file article ({"url", "date", "text", "title"?}) as a Document, or None when
    it has no text. A leading date line (or ``date``) becomes ``published``; the URL's host
    the outlet. Shared by batch builds and ``wikiwire eval`` so both read events alike.
    """
    text = article.get("text")
    if not isinstance(text, str):
        return None
    published, body = split_date_line(text)
    body = body.strip()
    if not body:
        return None
    url = article.get("url") if isinstance(article.get("url"), str) else None
    title = article.get("title") if isinstance(article.get("title"), str) else None
    return Document(
        input=where,
        text=body,
        url=url,
        title=title,
        outlet=outlet_from_url(url),
        published=published or parse_date(article.get("date")),
    )


# ---------------------------------------------------------------------------------------------
# JSONL


def _read_jsonl(text: str, name: str) -> tuple[list[Document], list[Skipped]]:
    """Documents from JSONL text; blank lines are ignored.

    Raises EmptyInputError when there is no line at all, MalformedJSONLError on the first
    line that is not a JSON object with a "text" or "html" string. A line whose text is
    present but blank is skipped, not fatal: it is an empty report, not a broken file.
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        where = f"{name}:{number}"
        # A UTF-8 character is at most 4 bytes: only lines long enough can be over the limit.
        if len(line) > MAX_REPORT_BYTES // 4 and (size := len(line.encode("utf-8"))) > MAX_REPORT_BYTES:
            skipped.append(Skipped(input=where, reason=_too_large(size)))
            continue
        record = _parse_line(line, name, number)
        try:
            documents.append(_jsonl_document(record, where))
        except EmptyInputError as exc:
            skipped.append(Skipped(input=where, reason=exc.problem))
    if not seen:
        raise EmptyInputError(name, "input is empty" if name == STDIN_NAME else "file is empty")
    return documents, skipped


NOT_A_REPORT = 'line is not a JSON object with "text" or "html"'


def _parse_line(line: str, name: str, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedJSONLError(name, f"line is not valid JSON ({exc.msg} at column {exc.colno})", line=number) from None
    if not isinstance(record, dict):
        raise MalformedJSONLError(name, NOT_A_REPORT, line=number)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise MalformedJSONLError(name, NOT_A_REPORT, line=number)
    return record


def _jsonl_document(record: dict[str, Any], where: str) -> Document:
    url = _str_field(record, "url")
    title = _str_field(record, "title")
    outlet = _str_field(record, "outlet")
    published = parse_date(record.get("date")) or parse_date(record.get("published"))
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        date_in_text, body = split_date_line(text)
        if not body.strip():
            raise EmptyInputError(where, "report text is empty")
        return Document(
            input=where,
            text=body.strip(),
            url=url,
            title=title,
            outlet=outlet or outlet_from_url(url),
            published=published or date_in_text,
        )
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        return _html_document(html, where, url=url, title=title, outlet=outlet, published=published)
    raise EmptyInputError(where, "report text is empty")


def _str_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return value.strip() or None if isinstance(value, str) else None
