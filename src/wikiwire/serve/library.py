"""The events ``wikiwire serve`` shows: which folders under DIR hold a built event, and what
each holds, read only from files inside DIR.

Nothing here ever joins a name taken from a request onto a path: events are found by
listing DIR, requests name an event by the id this module gave it, and files are read from
a fixed list of output names. Every path is resolved (symlinks followed) and must still lie
inside DIR, so a symlink pointing elsewhere is treated as absent.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wikiwire.errors import ServeError
from wikiwire.render import FILENAMES
from wikiwire.render.view import inline_text

__all__ = ["DOWNLOADS", "EventFolder", "Library", "article_sentences", "tooltips"]

EVENT_FILE = FILENAMES["json"]
# The outputs an editor may download, with the media type each is served as. Only these names
# are ever read from an event folder for download.
DOWNLOADS: dict[str, str] = {
    FILENAMES["json"]: "application/json",
    FILENAMES["csv"]: "text/csv; charset=utf-8",
    FILENAMES["md"]: "text/markdown; charset=utf-8",
    FILENAMES["wiki"]: "text/plain; charset=utf-8",
}
# event.json of a 1,000-report event is a few MB; anything far larger is not ours.
MAX_EVENT_FILE_BYTES = 200 * 1024 * 1024


def inside(root: Path, path: Path) -> Path | None:
    """``path`` resolved (symlinks followed) when it exists and lies inside ``root`` (already
    resolved), else None."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    return real if real == root or real.is_relative_to(root) else None


@dataclass(frozen=True)
class EventFolder:
    """One built event: ``id`` is how URLs name it, ``path`` its folder (resolved, inside DIR)."""

    id: str
    path: Path

    def file(self, root: Path, name: str) -> Path | None:
        """The output file ``name`` (one of the fixed output names) when present inside DIR."""
        if name not in FILENAMES.values() and name != "wikiwire.db":
            raise ValueError(f"not an output file name: {name!r}")
        found = inside(root, self.path / name)
        return found if found is not None and found.is_file() else None


@dataclass
class Library:
    """The event folders of DIR: DIR itself when it holds event.json, else its subfolders that
    do (a batch or cluster folder). Records are cached until their file changes."""

    root: Path
    _cache: dict[Path, tuple[int, int, dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    def events(self) -> list[EventFolder]:
        """Every event folder, in name order (listed afresh: a batch may still be writing)."""
        if inside(self.root, self.root / EVENT_FILE) is not None:
            return [EventFolder(id=self.root.name or "event", path=self.root)]
        found = []
        for child in sorted(self.root.iterdir(), key=lambda p: p.name):
            # Batch mode writes ".<event>.partial-<pid>" folders before renaming them.
            if child.name.startswith("."):
                continue
            real = inside(self.root, child)
            if real is None or not real.is_dir() or real == self.root:
                continue
            if inside(self.root, real / EVENT_FILE) is not None:
                found.append(EventFolder(id=child.name, path=real))
        return found

    def get(self, event_id: str) -> EventFolder | None:
        """The event called ``event_id``, or None (ids are compared, never used as paths)."""
        return next((e for e in self.events() if e.id == event_id), None)

    def record(self, event: EventFolder) -> dict[str, Any]:
        """The event's event.json as a dict. Raises ServeError when it cannot be read."""
        path = event.file(self.root, EVENT_FILE)
        if path is None:
            raise ServeError(str(event.path / EVENT_FILE), "event.json is missing")
        stat = path.stat()
        cached = self._cache.get(path)
        if cached is not None and cached[:2] == (stat.st_mtime_ns, stat.st_size):
            return cached[2]
        if stat.st_size > MAX_EVENT_FILE_BYTES:
            raise ServeError(str(path), f"event.json is {stat.st_size} bytes, over the {MAX_EVENT_FILE_BYTES} limit")
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ServeError(str(path), f"event.json cannot be read: {exc}") from None
        if not isinstance(record, dict):
            raise ServeError(str(path), "event.json does not hold an event record")
        self._cache[path] = (stat.st_mtime_ns, stat.st_size, record)
        return record

    def text(self, event: EventFolder, name: str) -> str | None:
        """An output file's text (``name`` from the fixed output names), or None when absent."""
        path = event.file(self.root, name)
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None


def article_sentences(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every sentence of the record's article in reading order (lead, then sections depth
    first), the order the renderers number citations in."""
    article = record.get("article") or {}
    yield from article.get("lead") or []

    def walk(section: dict[str, Any]) -> Iterator[dict[str, Any]]:
        yield from section.get("sentences") or []
        for sub in section.get("subsections") or []:
            yield from walk(sub)

    for section in article.get("sections") or []:
        yield from walk(section)


# article.html (``render.html``) writes each citation as <sup class="cite">...<span class="tip"
# ...><q>quote</q><span class="tip-src">outlet, date</span></span></sup>, all text escaped, so
# no "<" inside is text: a regular expression reads the tooltips in order, ten times faster
# than an HTML parser on the 800 KB page of a 100-report event.
_TIP = re.compile(r'<span class="tip"[^>]*>(.*?)</span></sup>', re.DOTALL)
_TIP_SOURCE = re.compile(r'<span class="tip-src">')
_TAG = re.compile(r"<[^>]*>")


def _tip_texts(article_html: str) -> list[str]:
    """The text of every citation tooltip of article.html, in order ("quote — where")."""
    return [
        inline_text(html.unescape(_TAG.sub("", _TIP_SOURCE.sub(" — ", inner))))
        for inner in _TIP.findall(article_html)
    ]


def tooltips(record: dict[str, Any], article_html: str | None) -> dict[tuple[int, str], str]:
    """What each citation's tooltip says, by (sentence number in reading order, source id).

    article.html quotes the source sentences behind every citation; they are read from it
    when its citations line up one for one with the record's (same build). Otherwise, or for
    a citation it does not cover, the quote of a claim read from the same sentence stands in,
    and failing that the source's title.
    """
    keys = [
        (n, sid)
        for n, sentence in enumerate(article_sentences(record))
        for sid in dict.fromkeys(sentence.get("sources") or [])
    ]
    tips: dict[tuple[int, str], str] = {}
    if article_html:
        found = _tip_texts(article_html)
        if len(found) == len(keys):
            tips = dict(zip(keys, found, strict=True))
    quotes = {
        claim.get("sentence"): claim.get("quote")
        for fact in (record.get("facts") or {}).values()
        for claim in fact.get("claims") or []
    }
    titles = {s.get("id"): s.get("title") or s.get("outlet") or s.get("input") for s in record.get("sources") or []}
    sentences = list(article_sentences(record))
    for n, sid in keys:
        if (n, sid) in tips:
            continue
        evidence = [e for e in sentences[n].get("evidence") or [] if str(e).split(".")[0] == sid]
        found = [q for e in evidence if (q := quotes.get(e))]
        tips[(n, sid)] = inline_text(" … ".join(found)) if found else inline_text(str(titles.get(sid) or sid))
    return tips
