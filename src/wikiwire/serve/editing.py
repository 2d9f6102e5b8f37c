"""What ``wikiwire serve`` changes: editor decisions, undo, and uploads of new reports, all
through the event's store (``wikiwire.db``); and the outputs written again afterwards.

The outputs are always re-rendered from the latest revision's stored build (the machine's
article) with every active decision applied (``wikiwire.decisions.apply``), so undoing a
decision gives back exactly what the machine wrote.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.datastructures import UploadFile

from wikiwire import decisions
from wikiwire.errors import ServeError, StoreMissingError, UploadError
from wikiwire.ingest import SUPPORTED_SUFFIXES
from wikiwire.render import FILENAMES
from wikiwire.serve.library import EventFolder, Library

__all__ = ["LIMITS", "decide", "last_revision", "rerender", "revision_changes", "store_info", "undo", "upload"]

DB_NAME = "wikiwire.db"
# One upload may hold a few dozen reports: a news report is rarely over 100 KB, and a JSONL
# of fifty of them a few MB. Far larger is a mistake (a PDF, an archive) to refuse at once.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UPLOAD_FILES = 50
# A decision form holds a handful of short fields (a note of 500 characters at most).
MAX_FORM_BYTES = 64 * 1024
MAX_FORM_FIELDS = 20
LIMITS = {"bytes": MAX_UPLOAD_BYTES, "files": MAX_UPLOAD_FILES, "types": sorted(SUPPORTED_SUFFIXES)}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
NO_STORE = "this folder has no store (wikiwire.db): build it again with this wikiwire to review and edit it"


def _store_path(library: Library, folder: EventFolder) -> Path | None:
    return folder.file(library.root, DB_NAME)


def _open(library: Library, folder: EventFolder) -> Any:
    from wikiwire.store.db import Store

    if _store_path(library, folder) is None:
        raise StoreMissingError(str(folder.path / DB_NAME), NO_STORE)
    return Store.open(folder.path)


def last_revision(library: Library, folder: EventFolder) -> str:
    """"N (time)" of the latest revision, or "" without a store."""
    if _store_path(library, folder) is None:
        return ""
    try:
        with _open(library, folder) as store:
            history = store.history()
    except ServeError:
        return ""
    except Exception:  # an unreadable store shows as no revision here; the event page says why
        return ""
    return f"{history[-1].number} ({history[-1].created_at})" if history else ""


def store_info(library: Library, folder: EventFolder) -> dict[str, Any]:
    """The store's revisions and decisions (undone ones too) for the event page."""
    if _store_path(library, folder) is None:
        return {"exists": False, "history": [], "decisions": [], "error": None}
    try:
        with _open(library, folder) as store:
            return {"exists": True, "history": list(reversed(store.history())),
                    "decisions": store.list_decisions(include_undone=True), "error": None}
    except Exception as exc:  # shown on the page: the article itself can still be read
        return {"exists": True, "history": [], "decisions": [], "error": str(exc)}


def revision_changes(library: Library, folder: EventFolder, number: int) -> str:
    """What revision ``number`` changed, as ``article.diff.md`` words it. Raises StoreError
    (NoSuchRevisionError for a number the store does not hold)."""
    from wikiwire.store.changes import Changes, markdown

    with _open(library, folder) as store:
        revision = store.revision(number)
    return markdown(Changes.model_validate(revision.changes))


def decide(library: Library, folder: EventFolder, form: dict[str, str]) -> str:
    """Store the decision the form describes and write the outputs again; returns the page
    anchor to show. Raises DecisionError (bad decision), StoreError, ServeError."""
    kind = form.get("kind", "")
    target = form.get("target", "")
    note = form.get("note", "").strip() or None
    value: dict[str, Any]
    if kind == decisions.CHOOSE_CLAIM:
        # The form's one field names the claim as "source|sentence|display" (ids hold no "|").
        source, _, rest = form.get("claim", "").partition("|")
        sentence, _, display = rest.partition("|")
        value = {"source": source, "sentence": sentence, "display": display}
    elif kind == decisions.SET_VALUE:
        value = {"display": form.get("display", "").strip(), "source": form.get("source", "")}
    elif kind == decisions.TITLE:
        target, value = "title", {"title": form.get("title", "").strip()}
    else:
        value = {}
    record = library.record(folder)
    decisions.check(kind, target, value, note, [str(s.get("id")) for s in record.get("sources") or []])
    with _open(library, folder) as store:
        store.add_decision(kind, target, value, note)
    rerender(library, folder)
    return f"fact-{target}" if kind in (decisions.CHOOSE_CLAIM, decisions.SET_VALUE) else "decisions"


def undo(library: Library, folder: EventFolder, decision_id: int) -> None:
    """Mark decision ``decision_id`` undone and write the outputs again."""
    with _open(library, folder) as store:
        store.undo_decision(decision_id)
    rerender(library, folder)


def rerender(library: Library, folder: EventFolder) -> None:
    """Write the folder's outputs again from the latest revision with the active decisions.
    Only the formats already in the folder are written."""
    from wikiwire.decisions import write_outputs

    formats = [fmt for fmt, name in FILENAMES.items() if folder.file(library.root, name) is not None]
    # Under the store's write lock: an update running meanwhile either finished its revision
    # first (and this writes it with the decisions) or waits for these outputs to be written.
    with _open(library, folder) as store, store.transaction():
        latest = store.latest()
        if not latest:
            raise ServeError(str(folder.path / DB_NAME), "the store holds no revision yet")
        write_outputs(store.revision(latest).build, folder.path, formats)


async def upload(library: Library, folder: EventFolder, files: Sequence[Any]) -> str:
    """Check uploaded reports (count, size, type, UTF-8 text), then add them to the event with
    ``update``; returns the update's one-line summary. Raises UploadError with what to fix."""
    reports = [f for f in files if isinstance(f, UploadFile) and f.filename]
    if not reports:
        raise UploadError("upload", "choose one or more report files to add")
    if len(reports) > MAX_UPLOAD_FILES:
        raise UploadError("upload", f"{len(reports)} files sent; at most {MAX_UPLOAD_FILES} at once")
    if _store_path(library, folder) is None:
        raise StoreMissingError(str(folder.path / DB_NAME), NO_STORE)
    total = 0
    with tempfile.TemporaryDirectory(prefix="wikiwire-upload-") as tmp:
        paths = []
        for n, report in enumerate(reports, start=1):
            name = Path(report.filename or "").name
            suffix = Path(name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                raise UploadError(name or "upload", f"not a report file; upload {', '.join(sorted(SUPPORTED_SUFFIXES))} files")
            data = await report.read(MAX_UPLOAD_BYTES + 1)
            total += len(data)
            if total > MAX_UPLOAD_BYTES:
                raise UploadError(name, f"the upload is over {MAX_UPLOAD_BYTES} bytes; send fewer or smaller files")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise UploadError(name, "not UTF-8 text; save the report as UTF-8 text") from None
            if "\x00" in text or not text.strip():
                raise UploadError(name, "holds no report text (empty or binary)")
            safe = _UNSAFE_NAME.sub("-", Path(name).stem).strip("-.")[:60] or "report"
            path = Path(tmp) / f"{n:02d}-{safe}{suffix}"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        return _update(library, folder, paths)


def _update(library: Library, folder: EventFolder, inputs: list[str]) -> str:
    """Run ``update`` on the folder with ``inputs`` (it writes the outputs, decisions applied);
    returns what it did in one line."""
    from wikiwire import revisions

    outcome = revisions.update(folder.path, inputs)
    skipped = "; ".join(f"{Path(s.input).name.split('-', 1)[-1]}: {s.reason}" for s in outcome.skipped)
    if outcome.revision is None:
        return "Nothing new: no revision written." + (f" Skipped: {skipped}." if skipped else "")
    summary = outcome.changes.edit_summary if outcome.changes else ""
    return f"Revision {outcome.revision}: {summary}" + (f" Skipped: {skipped}." if skipped else "")
