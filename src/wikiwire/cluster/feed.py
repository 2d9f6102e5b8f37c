"""Reading a feed: every input ``build`` takes, streamed report by report.

Unlike ``build`` (where a half-read file would make a wrong article), a feed is an archive
or a crawl: one malformed line must not stop it. So a bad JSONL line is skipped and listed
with its file and line; files and URLs that cannot be used are skipped with ingest's reason.
The reports themselves are read by ``wikiwire.ingest`` (the same fields, limits and HTML
extraction as ``build``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from wikiwire import ingest
from wikiwire.cluster.records import Unclustered
from wikiwire.errors import EmptyFeedError, InputError, MissingInputError
from wikiwire.records import Document

__all__ = ["read_feed"]


def _jsonl_lines(lines: Iterator[str], name: str) -> Iterator[Document | Unclustered]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        if len(line) > ingest.MAX_REPORT_BYTES // 4 and len(line.encode("utf-8")) > ingest.MAX_REPORT_BYTES:
            yield Unclustered(input=where, reason="line is larger than any news report")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Unclustered(input=where, reason=f"malformed line skipped: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict) or not (isinstance(record.get("text"), str) or isinstance(record.get("html"), str)):
            yield Unclustered(input=where, reason=f"malformed line skipped: {ingest.NOT_A_REPORT}")
            continue
        try:
            # One line is a one-line JSONL text: ingest reads its fields as build does.
            docs, skipped = ingest._read_jsonl(line, name)
        except InputError as exc:
            yield Unclustered(input=where, reason=exc.problem)
            continue
        for doc in docs:
            yield doc.model_copy(update={"input": where})
        for skip in skipped:
            yield Unclustered(input=where, reason=skip.reason)


def _jsonl_file(path: Path, name: str) -> Iterator[Document | Unclustered]:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from _jsonl_lines(iter(handle), name)
    except OSError as exc:
        yield Unclustered(input=name, reason=f"cannot read the file ({exc.strerror or exc})")


def _other(name: str) -> Iterator[Document | Unclustered]:
    try:
        result = ingest.ingest([name])
    except InputError as exc:
        yield Unclustered(input=name, reason=exc.problem)
        return
    yield from result.documents
    for skip in result.skipped:
        yield Unclustered(input=skip.input, reason=skip.reason)


def _files(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.rglob("*")):
        rel = child.relative_to(folder)
        if child.is_file() and not any(part.startswith(".") for part in rel.parts):
            yield child


def read_feed(inputs: Sequence[str], *, stdin: IO[str] | None = None) -> Iterator[Document | Unclustered]:
    """Every report of ``inputs`` (JSONL feeds, folders, report files, URLs, "-" for JSONL on
    stdin) as a Document, or an Unclustered naming what was skipped and why, in input order.

    Raises MissingInputError for a path that does not exist, and EmptyFeedError when the
    inputs hold nothing at all (no line, no file) to read.
    """
    seen = False
    for name in inputs:
        if name == "-":
            for item in _jsonl_lines(iter(stdin if stdin is not None else sys.stdin), ingest.STDIN_NAME):
                seen = True
                yield item
            continue
        if ingest.URL_SCHEME.match(name):
            seen = True
            yield from _other(name)
            continue
        path = Path(name)
        if not path.exists():
            raise MissingInputError(name, "no such file or folder")
        paths = list(_files(path)) if path.is_dir() else [path]
        for file in paths:
            if file.suffix.lower() in ingest.JSONL_SUFFIXES:
                for item in _jsonl_file(file, str(file)):
                    seen = True
                    yield item
            elif file.stem.lower() not in ingest.FOLDER_DOC_STEMS or not path.is_dir():
                seen = True
                yield from _other(str(file))
    if not seen:
        raise EmptyFeedError(", ".join(inputs) or "<no input>", "the feed holds no report (no JSONL line and no report file)")
