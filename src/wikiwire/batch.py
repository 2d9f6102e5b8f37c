"""Batch mode: build one article folder per event of an events file, over processes.

An events file is JSONL in the evaluation format (``{"id", "articles": [{"url", "date",
"text"}], ...}``); only ``id`` and ``articles`` are read. Each event is built into
``outdir/<id>/``. A build is written into a hidden temporary folder, the completion marker is
written last, and the folder is then renamed into place, so an interrupted build never looks
finished and the next run rebuilds it. A finished folder whose marker holds the same input
hash is skipped unless ``force``.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import csv
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wikiwire import events as events_file
from wikiwire.errors import EventsFileError, NoUsableReportError, WikiwireError
from wikiwire.records import Document
from wikiwire.render import FILENAMES, FORMATS

# Written last into a finished event folder; holds the hash of what was built (see _digest).
MARKER = ".wikiwire-done"

# Characters allowed in an event folder name; anything else becomes "-". Conservative so the
# names survive every filesystem and shell without quoting.
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")

# Longest folder name we create: well under every filesystem's 255-byte limit, leaving room for
# the temporary folder's prefix and suffix.
MAX_ID_CHARS = 120

# A builder takes an event's documents and writes the chosen formats into a folder.
Builder = Callable[[Sequence[Document], Path, Sequence[str], str | None], None]


@dataclass(frozen=True)
class Event:
    """One validated line of an events file: its folder name, raw articles and input hash."""

    id: str
    folder: str
    line: int
    articles: tuple[dict[str, Any], ...]
    digest: str


def safe_folder_name(event_id: str) -> str:
    """The folder name for ``event_id``: unsafe characters replaced by "-".

    Raises ValueError for ids that could escape the output folder or hide the event (path
    separators, "..", a leading dot, empty).
    """
    if not event_id.strip():
        raise ValueError("the id is empty")
    if "/" in event_id or "\\" in event_id or "\x00" in event_id:
        raise ValueError(f"the id {event_id!r} contains a path separator")
    if event_id.startswith("."):
        raise ValueError(f"the id {event_id!r} starts with a dot (hidden or parent folder)")
    name = _UNSAFE_CHARS.sub("-", event_id.strip()).strip("-")
    if not name or name.startswith("."):
        raise ValueError(f"the id {event_id!r} has no usable characters")
    return name[:MAX_ID_CHARS]


def _digest(event_id: str, articles: Sequence[dict[str, Any]], formats: Sequence[str]) -> str:
    """Hash of everything a build depends on in the events file, so edited events rebuild."""
    payload = json.dumps({"id": event_id, "articles": list(articles), "formats": sorted(formats)}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def read_events(events_path: Path, formats: Sequence[str] = ()) -> list[Event]:
    """Read and validate every line of ``events_path`` before anything is built.

    Returns the events in file order (blank lines ignored). Raises EventsFileError naming the
    file and line when a line is not JSON, not an object, has no string ``id`` or no list of
    article objects (see ``events.iter_events``), has an id unusable as a folder name, or
    repeats an earlier id's folder.
    """
    path = str(events_path)
    out: list[Event] = []
    seen: dict[str, int] = {}
    for entry in events_file.iter_events(events_path, missing_hint="check the path given to --events"):
        try:
            folder = safe_folder_name(entry.id)
        except ValueError as exc:
            raise EventsFileError(path, f"{exc}; ids must be plain folder names", line=entry.line) from None
        if folder in seen:
            raise EventsFileError(path, f"event id {entry.id!r} repeats the folder of line {seen[folder]}", line=entry.line)
        seen[folder] = entry.line
        out.append(Event(entry.id, folder, entry.line, entry.articles, _digest(entry.id, entry.articles, formats)))
    return out


def documents(event: Event, events_path: Path) -> list[Document]:
    """The event's articles as Documents (a leading date line becomes ``published``).

    Articles without text are left out. Raises NoUsableReportError when none has text.
    """
    out = list(events_file.article_documents(event.articles, f"{events_path}:{event.line}"))
    if not out:
        raise NoUsableReportError(f"{events_path}:{event.line}", f"event {event.id!r} has no article with text")
    return out


def build_documents(docs: Sequence[Document], folder: Path, formats: Sequence[str], model: str | None) -> None:
    """The real builder: run the pipeline on ``docs`` and write ``formats`` into ``folder``."""
    from wikiwire import analyse, pipeline
    from wikiwire.render import write_outputs

    build = pipeline.run(documents=docs, nlp=analyse.load_nlp(model))
    write_outputs(build, folder, formats)


def _init_worker(model: str | None, preload: bool) -> None:
    """Load the spaCy pipeline and the gazetteer once per worker process (a no-op when the
    worker was forked from a parent that loaded them); a failure is reported per event."""
    if not preload:
        return
    from wikiwire import analyse, gazetteer

    with contextlib.suppress(WikiwireError):
        analyse.load_nlp(model)
    with contextlib.suppress(WikiwireError, OSError):
        gazetteer.get()


# A failed event's summary line quotes this many of its skipped inputs' reasons and counts
# the rest: enough to see why nothing was usable without one event flooding the summary.
MAX_REASONS_SHOWN = 3


def _with_reasons(exc: NoUsableReportError) -> str:
    """The error with the reasons its inputs were skipped (batch mode prints no skip list)."""
    reasons = [f"{s.input}: {s.reason}" for s in exc.skipped if hasattr(s, "input") and hasattr(s, "reason")]
    if not reasons:
        return str(exc)
    more = len(reasons) - MAX_REASONS_SHOWN
    shown = "; ".join(reasons[:MAX_REASONS_SHOWN]) + (f"; and {more} more" if more > 0 else "")
    return f"{exc} ({shown})"


def _build_one(event: Event, events_path: Path, outdir: Path, formats: Sequence[str], model: str | None, builder: Builder) -> str | None:
    """Build one event into its folder; returns None on success, else the error message.

    Never raises for a bad event: one failure must not stop the batch.
    """
    final = outdir / event.folder
    partial = outdir / f".{event.folder}.partial-{os.getpid()}"
    try:
        docs = documents(event, events_path)
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        builder(docs, partial, formats, model)
        (partial / MARKER).write_text(event.digest + "\n", encoding="utf-8")
        _replace(partial, final)
    except NoUsableReportError as exc:
        return _with_reasons(exc)
    except WikiwireError as exc:
        return str(exc)
    except Exception as exc:  # one event's bug must not stop the others; the caller reports it
        return f"{type(exc).__name__}: {exc}"
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return None


def _replace(partial: Path, final: Path) -> None:
    """Move the finished ``partial`` folder to ``final``, replacing an old build there."""
    if final.exists() or final.is_symlink():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
        partial.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        partial.rename(final)


def is_built(folder: Path, digest: str) -> bool:
    """True when ``folder`` holds a finished build of exactly this input (marker matches)."""
    try:
        return (folder / MARKER).read_text(encoding="utf-8").strip() == digest
    except OSError:
        return False


def _clear_leftovers(outdir: Path, events: Iterable[Event]) -> None:
    """Remove temporary folders that an interrupted earlier run left for these events."""
    for event in events:
        for stale in outdir.glob(f".{event.folder}.partial-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in outdir.glob(f".{event.folder}.old-*"):
            shutil.rmtree(stale, ignore_errors=True)


def build_events(
    events_path: Path,
    outdir: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    formats: Iterable[str] = FORMATS,
    model: str | None = None,
    progress: Any = None,
    builder: Builder = build_documents,
    shard: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """Build each event into ``outdir/<id>/``; skip built ones unless ``force``; never stop
    on one failing event. Returns {"built": [...], "skipped": [...], "failed": [{"id", "error"}],
    "table": path of ``outdir/events.csv`` or None}.

    With the "csv" format, ``outdir/events.csv`` gathers the row of every built event (this
    run's and earlier runs'), in events-file order, after an ``event_id`` column.

    ``shard`` = (k, n) builds only the events ``in_shard`` assigns to shard k of n (1 <= k <= n),
    so n machines sharing ``outdir`` split one events file between them; the others count as
    neither built nor skipped ("other_shards" in the result).

    ``jobs`` > 1 spreads events over that many processes, each loading the spaCy pipeline
    once. ``progress`` is a rich Console to draw a progress bar on, or None. ``builder`` writes
    one event's outputs (replaceable for tests). Raises EventsFileError, before building
    anything, when a line of the events file is malformed.
    """
    fmts = list(formats)
    events = read_events(events_path, fmts)
    outdir.mkdir(parents=True, exist_ok=True)
    every = events
    if shard is not None:
        events = [e for e in events if in_shard(e.id, *shard)]
    todo = [e for e in events if force or not is_built(outdir / e.folder, e.digest)]
    building = {e.id for e in todo}
    skipped = [e.id for e in events if e.id not in building]
    _clear_leftovers(outdir, events)
    errors: dict[str, str | None] = {}
    with _Bar(progress, len(todo)) as bar:
        workers = min(jobs, len(todo))
        if workers <= 1:
            for event in todo:
                bar.start(event.id)
                errors[event.id] = _build_one(event, events_path, outdir, fmts, model, builder)
                bar.done(event.id)
        else:
            errors = _build_parallel(todo, events_path, outdir, fmts, model, builder, workers, bar)
    built = [e.id for e in todo if errors.get(e.id) is None]
    failed = [{"id": e.id, "error": errors[e.id]} for e in todo if errors.get(e.id) is not None]
    table = write_table(outdir, every) if "csv" in fmts else None
    result: dict[str, Any] = {"built": built, "skipped": skipped, "failed": failed, "table": table}
    if shard is not None:
        result["other_shards"] = len(every) - len(events)
    return result


def in_shard(event_id: str, k: int, n: int) -> bool:
    """Whether event ``event_id`` belongs to shard ``k`` of ``n`` (1-based). Decided by a hash
    of the id, not its line, so adding or reordering events never moves one between shards
    (a built event stays built where it is)."""
    if not 1 <= k <= n:
        raise ValueError(f"shard {k}/{n}: k must be between 1 and n")
    digest = hashlib.sha256(event_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


TABLE_NAME = "events.csv"


def write_table(outdir: Path, events: Sequence[Event]) -> Path:
    """Write ``outdir/events.csv``: the header of event.csv after an ``event_id`` column, then
    the row of each event of ``events`` whose folder is built, in order. Written to a
    temporary file first, so an interrupted run leaves the previous table whole."""
    from wikiwire.render.table import COLUMNS, cell

    path = outdir / TABLE_NAME
    # Named per process: shards on several machines may write the table into one folder.
    partial = outdir / f".{TABLE_NAME}.{socket.gethostname()}.{os.getpid()}.partial"
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=("event_id", *COLUMNS), extrasaction="ignore")
        writer.writeheader()
        for event in events:
            folder = outdir / event.folder
            own = folder / FILENAMES["csv"]
            if not (folder / MARKER).exists() or not own.exists():
                continue
            with own.open(encoding="utf-8", newline="") as rows:
                for row in csv.DictReader(rows):
                    # Event ids come from the events file: escaped like any other text cell.
                    writer.writerow({"event_id": cell("event_id", event.id), **row})
    partial.replace(path)
    return path


def _build_parallel(
    todo: Sequence[Event],
    events_path: Path,
    outdir: Path,
    formats: Sequence[str],
    model: str | None,
    builder: Builder,
    workers: int,
    bar: _Bar,
) -> dict[str, str | None]:
    """Build ``todo`` over ``workers`` processes; returns event id -> error or None."""
    # Only the real builder needs the model; a test builder should not pay for loading it.
    preload = builder is build_documents
    if preload and multiprocessing.get_start_method() == "fork":
        # Forked workers inherit what the parent loaded (pages shared copy-on-write), so the
        # model and gazetteer are read once in all rather than once per worker.
        _init_worker(model, preload)
    errors: dict[str, str | None] = {}
    with cf.ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(model, preload)) as pool:
        # Every job is submitted (and, with fork, every worker started) before the bar's
        # refresh thread runs, so no worker is forked while that thread holds a lock.
        futures = {pool.submit(_build_one, e, events_path, outdir, formats, model, builder): e for e in todo}
        bar.show()
        try:
            for future in cf.as_completed(futures):
                event = futures[future]
                try:
                    errors[event.id] = future.result()
                except Exception as exc:  # a worker died (killed, out of memory): report, go on
                    errors[event.id] = f"{type(exc).__name__}: {exc or 'worker process failed'}"
                bar.done(event.id)
        except BaseException:
            # Interrupted (Ctrl-C): do not start queued events; finished ones stay built.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return errors


class _Bar:
    """A rich progress bar advancing once per event, or nothing when no console is given."""

    def __init__(self, console: Any, total: int) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.total = total
        self.console = console
        self.finished = 0

    def __enter__(self) -> _Bar:
        return self

    def show(self) -> None:
        """Start drawing (idempotent)."""
        if self.console is None or self.bar is not None:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("events", total=self.total)

    def start(self, event_id: str) -> None:
        """``event_id`` is being built (shown in the description)."""
        self.show()
        if self.bar is not None:
            self.bar.update(self.task, description=f"building {event_id}")

    def done(self, event_id: str) -> None:
        """``event_id`` finished (built or failed)."""
        self.show()
        self.finished += 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=f"done {event_id}")

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


__all__ = ["MARKER", "Event", "build_documents", "build_events", "documents", "is_built", "read_events", "safe_folder_name"]
