"""Events files: the one reader behind batch builds (``build --events``) and ``wikiwire eval``.

An events file is JSONL, one event a line: ``{"id", "articles": [{"url", "date", "text"}],
...}``, optionally with ``"title"``, ``"kind"`` and ``"reference": {"infobox", "text"}`` (the
dev corpus format). ``iter_events`` reads the file once and checks what every caller needs:
readable UTF-8, each line a JSON object with a non-blank string ``id`` and a list of article
objects. It yields one ``EventLine`` per event as it goes, so a caller's own checks (a safe
folder name, a reference infobox) run in line order and the first bad line is the one
reported. Every problem raises EventsFileError naming the file and the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wikiwire import ingest
from wikiwire.errors import EventsFileError
from wikiwire.records import Document

__all__ = ["EMPTY_FILE", "REQUIRED_KEYS", "EventLine", "article_documents", "iter_events"]

# The keys every event needs; a caller whose format needs more names them for the message.
REQUIRED_KEYS: tuple[str, ...] = ("id", "articles")
# Said of a file with no event when the caller needs at least one.
EMPTY_FILE = "holds no event (one JSON object a line expected)"


@dataclass(frozen=True)
class EventLine:
    """One well-formed line of an events file.

    ``id`` is the event's id as written, ``line`` its 1-based line number, ``articles`` the raw
    article objects and ``fields`` the whole JSON object, for the keys only one caller reads
    (``reference``, ``title``, ``kind``).
    """

    id: str
    line: int
    articles: tuple[dict[str, Any], ...]
    fields: dict[str, Any]


def _keys_phrase(keys: Sequence[str]) -> str:
    quoted = [f'"{k}"' for k in keys]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _read_text(path: str, events_path: Path, missing_hint: str) -> str:
    try:
        return events_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EventsFileError(path, f"no such events file ({missing_hint})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EventsFileError(path, f"cannot be read as UTF-8 text ({exc})") from None


def _event_line(raw: str, path: str, number: int, shape: str) -> EventLine:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise EventsFileError(path, f"not valid JSON ({exc.msg} at column {exc.colno})", line=number) from None
    if not isinstance(obj, dict):
        raise EventsFileError(path, f"each line must be a JSON object with {shape}", line=number)
    event_id = obj.get("id")
    if not isinstance(event_id, str):
        raise EventsFileError(path, 'the event has no string "id"', line=number)
    if not event_id.strip():
        raise EventsFileError(path, 'the event\'s "id" is blank (give every event a name of its own)', line=number)
    articles = obj.get("articles")
    if not isinstance(articles, list) or not all(isinstance(a, dict) for a in articles):
        raise EventsFileError(path, f'event {event_id!r}: "articles" must be a list of objects with "text"', line=number)
    return EventLine(event_id, number, tuple(articles), obj)


def iter_events(
    events_path: Path,
    *,
    required: Sequence[str] = REQUIRED_KEYS,
    missing_hint: str = "check the path",
    allow_empty: bool = True,
) -> Iterator[EventLine]:
    """The events of ``events_path`` in file order, one ``EventLine`` a non-blank line.

    ``required`` lists the keys the caller's format needs, named in the message for a line that
    is not an object (only ``id`` and ``articles`` are checked here); ``missing_hint`` says how
    to fix a path that does not exist; ``allow_empty`` False makes a file without any event an
    error. Raises EventsFileError naming the file, and the line when one is at fault: the file
    is missing or not UTF-8, a line is not JSON, not an object, has no non-blank string ``id``
    or no list of article objects. The file is read when iteration starts.
    """
    path = str(events_path)
    text = _read_text(path, events_path, missing_hint)
    shape = _keys_phrase(required)
    found = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            found = True
            yield _event_line(raw, path, number, shape)
    if not found and not allow_empty:
        raise EventsFileError(path, EMPTY_FILE)


def article_documents(articles: Sequence[Mapping[str, Any]], where: str) -> tuple[Document, ...]:
    """The articles with text as Documents, named ``<where>#<n>`` (n counts from 1 over all
    articles, so the name points at the article in the file); see ``ingest.article_document``.
    Empty when no article has text: each caller says so in its own error."""
    found = (ingest.article_document(a, f"{where}#{n}") for n, a in enumerate(articles, start=1))
    return tuple(d for d in found if d is not None)
