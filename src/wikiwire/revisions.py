"""The living article: record builds as revisions, update them with new reports, re-render
any revision, compare two, and replay an event's coverage day by day (issue 12).

The library writes files but never prints: each function returns records the CLI formats.
Every revision is written in one store transaction, taken before the latest revision is read
(so two updates of one folder never build on the same revision) and committed before the
outputs are rewritten (a killed update leaves the previous revision whole; outputs written
after the commit are re-rendered by the next update, or by ``show``).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import IO

from wikiwire import decisions, extract, pipeline
from wikiwire.errors import EventsFileError, StoreMissingError
from wikiwire.progress import Progress
from wikiwire.records import Build, Claim, Document, Record, Skipped
from wikiwire.render import FILENAMES, FORMATS, write_outputs
from wikiwire.render.record import event_record
from wikiwire.store import DB_NAME, DEFAULT_BUSY_TIMEOUT, AddedInput, RevisionInfo, Store
from wikiwire.store import changes as changes_mod
from wikiwire.store.changes import DIFF_FILENAME, Changes

__all__ = [
    "DIFF_FILENAME",
    "Outcome",
    "diff",
    "record_build",
    "replay",
    "show",
    "update",
]

# Test hook: WIKIWIRE_PAUSE_AT="POINT:FLAGFILE[:SECONDS]" makes an update create FLAGFILE and
# sleep SECONDS (default PAUSE_SECONDS) on reaching POINT (one of PAUSE_POINTS), so a test can
# kill it right there, or start a second update while the first holds the lock.
PAUSE_ENV = "WIKIWIRE_PAUSE_AT"
PAUSE_POINTS = ("locked", "built", "written", "committed")
# Long enough for a test to notice the flag and kill the process, short enough that a
# forgotten variable does not hang a command for long.
PAUSE_SECONDS = 30.0
META_TITLE = "title"


class Outcome(Record):
    """What one update (or recorded build) did. ``revision`` is None when nothing changed
    (every input already stored or unusable) or on a dry run."""

    previous: int
    revision: int | None
    changes: Changes | None
    added: tuple[AddedInput, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    dry_run: bool = False


def _pause(point: str) -> None:
    name, _, rest = os.environ.get(PAUSE_ENV, "").partition(":")
    if name != point:
        return
    flag, _, seconds = rest.partition(":")
    if flag:
        Path(flag).write_text(point, encoding="utf-8")
    time.sleep(float(seconds) if seconds else PAUSE_SECONDS)


def _added_from_build(build: Build) -> list[AddedInput]:
    out: list[AddedInput] = []
    for s in build.sources:
        out.append(AddedInput(input=s.input, hash=_hash(s.text), status="source", source_id=s.id, outlet=s.outlet,
                              url=s.url, title=s.title, published=s.published))
        out.extend(
            AddedInput(input=d.input, hash=_hash(f"copy of {s.id}: {d.input} {d.url}"), status="duplicate", source_id=s.id,
                       outlet=d.outlet, url=d.url, title=d.title, published=d.published, similarity=d.similarity)
            for d in s.duplicates
        )
    return out


def _hash(text: str) -> str:
    from wikiwire.store import content_hash

    return content_hash(text)


def _claims_of(build: Build, *, known: Collection[str]) -> dict[str, tuple[Claim, ...]]:
    """Each source's claims by fingerprint, leaving out fingerprints already ``known`` to the
    store. The build's own extract stage has just computed both for each source object
    (``extract`` caches them per object), so this reads, not extracts again."""
    keys = {extract.fingerprint(source): source for source in build.analysed}
    return {key: extract.extract_source(source) for key, source in keys.items() if key not in known}


def record_build(outdir: Path, build: Build, *, title: str | None = None, timeout: float = DEFAULT_BUSY_TIMEOUT) -> Outcome:
    """Record a from-scratch build as the next revision of ``outdir``'s store (creating it: a
    first build is revision 1). ``title`` is the --title the build was given, kept for updates."""
    with Store.open(outdir, create=True, timeout=timeout) as store, store.transaction():
        latest = store.latest()
        previous = store.revision(latest).build if latest else None
        added = _added_from_build(build)
        changes = changes_mod.compare(previous, build, added, old_revision=latest, new_revision=latest + 1, rebuilt=True)
        number = store.add_revision(
            build, event=event_record(build), added=added, skipped=build.skipped,
            edit_summary=changes.edit_summary, changes=changes.model_dump(mode="json"),
        )
        store.add_claims(_claims_of(build, known=()))
        store.set_meta(META_TITLE, title)
    return Outcome(previous=latest, revision=number, changes=changes, added=tuple(added), skipped=build.skipped)


def open_store(outdir: Path, *, timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
    """``outdir``'s store; StoreMissingError saying whether outputs without a store are there."""
    if not (outdir / DB_NAME).exists():
        if any((outdir / name).exists() for name in FILENAMES.values()):
            raise StoreMissingError(str(outdir), "has outputs but no wikiwire.db (built before revisions were kept)")
        raise StoreMissingError(str(outdir), "holds no built article")
    return Store.open(outdir, timeout=timeout)


def update(
    outdir: Path,
    inputs: Sequence[str] = (),
    *,
    documents: Sequence[Document] = (),
    stdin: IO[str] | None = None,
    dry_run: bool = False,
    title: str | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    timer: pipeline.StageTimer | None = None,
    timeout: float = DEFAULT_BUSY_TIMEOUT,
    fetch_timeout: float = pipeline.ingest.DEFAULT_FETCH_TIMEOUT,
    n_process: int = 1,
) -> Outcome:
    """Add ``inputs``/``documents`` to the article in ``outdir`` as a new revision (``stdin``
    is read for an input "-").

    Writes the revision, the outputs (the formats already in ``outdir``, else all) and
    ``article.diff.md`` unless ``dry_run``. ``title`` replaces the title kept from the build.
    Raises StoreMissingError, StoreVersionError, StoreBusyError, StoreCorruptError,
    ModelNotFoundError.
    """
    with open_store(outdir, timeout=timeout) as store:
        with store.transaction():
            _pause("locked")
            latest = store.latest()
            if not latest:
                raise StoreMissingError(str(outdir / DB_NAME), "holds no revision yet")
            previous = store.revision(latest).build
            kept_title = title or store.meta(META_TITLE)
            cache = store.claims()
            result = pipeline.run_update(
                previous, inputs, documents=documents, stdin=stdin, model=model, title=kept_title, progress=progress,
                timer=timer, fetch_timeout=fetch_timeout, n_process=n_process, claim_cache=cache,
            )
            if result.build is None:
                return Outcome(previous=latest, revision=None, changes=None, skipped=result.skipped, dry_run=dry_run)
            build = result.build
            changes = changes_mod.compare(previous, build, result.added, old_revision=latest, new_revision=latest + 1)
            _pause("built")
            if dry_run:
                return Outcome(previous=latest, revision=None, changes=changes, added=result.added, skipped=result.skipped,
                               dry_run=True)
            record = event_record(build)
            number = store.add_revision(
                build, event=record, added=result.added, skipped=result.skipped,
                edit_summary=changes.edit_summary, changes=changes.model_dump(mode="json"),
            )
            store.add_claims(_claims_of(build, known=cache))
            if title:
                store.set_meta(META_TITLE, title)
            _pause("written")
        _pause("committed")
    formats = [f for f in FORMATS if (outdir / FILENAMES[f]).exists()] or list(FORMATS)
    # Issue 14: the editor's decisions kept in the store are applied to what is written.
    decisions.write_outputs(build, outdir, formats)
    (outdir / DIFF_FILENAME).write_text(changes_mod.markdown(changes), encoding="utf-8")
    return Outcome(previous=latest, revision=number, changes=changes, added=result.added, skipped=result.skipped)


def history(outdir: Path, *, timeout: float = DEFAULT_BUSY_TIMEOUT) -> list[RevisionInfo]:
    """Every revision of ``outdir``'s article, oldest first."""
    with open_store(outdir, timeout=timeout) as store:
        return store.history()


def show(outdir: Path, number: int, dest: Path, formats: Sequence[str] = FORMATS, *,
         timeout: float = DEFAULT_BUSY_TIMEOUT) -> dict[str, Path]:
    """Re-render revision ``number`` of ``outdir``'s article into ``dest``; returns the files."""
    with open_store(outdir, timeout=timeout) as store:
        build = store.revision(number).build
    return write_outputs(build, dest, formats)


def diff(outdir: Path, old: int, new: int, *, timeout: float = DEFAULT_BUSY_TIMEOUT) -> Changes:
    """The changes from revision ``old`` to revision ``new`` (either order of age)."""
    with open_store(outdir, timeout=timeout) as store:
        before = store.revision(old)
        after = store.revision(new)
        between = [r for r in store.history() if min(old, new) < r.number <= max(old, new)]
    added = [a for r in between for a in r.added] if new > old else []
    return changes_mod.compare(before.build, after.build, added, old_revision=old, new_revision=new)


# ---------------------------------------------------------------------------------------------
# replay


UNDATED = "undated"


def days_of(documents: Sequence[Document]) -> list[tuple[dt.date | None, list[Document]]]:
    """Reports grouped by publication day, oldest first; undated ones join the first day."""
    dated = sorted({d.published for d in documents if d.published is not None})
    if not dated:
        return [(None, list(documents))]
    groups: dict[dt.date, list[Document]] = {day: [] for day in dated}
    for doc in documents:
        groups[doc.published or dated[0]].append(doc)
    return list(groups.items())


def replay(
    events_path: Path,
    event_id: str,
    outdir: Path,
    *,
    model: str | None = None,
    on_revision: Callable[[dt.date | None, Outcome], None] | None = None,
    timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> list[Outcome]:
    """Feed event ``event_id``'s reports from ``events_path`` into ``outdir`` day by day
    (publication order; one revision per day); returns each day's outcome, also passed to
    ``on_revision`` as it is made. Raises EventsFileError (no such event, or no article text),
    StoreError when ``outdir`` already holds a store.
    """
    from wikiwire import events as events_file
    from wikiwire.errors import NoUsableReportError, StoreError

    if (outdir / DB_NAME).exists():
        raise StoreError(str(outdir / DB_NAME), "already holds a revision history; replay into a new folder")
    entry = next((e for e in events_file.iter_events(events_path) if e.id == event_id), None)
    if entry is None:
        raise EventsFileError(str(events_path), f"no event with id {event_id!r}")
    docs = list(events_file.article_documents(entry.articles, f"{events_path}:{entry.line}"))
    if not docs:
        raise EventsFileError(f"{events_path}:{entry.line}", f"event {event_id!r} has no article with text")
    outcomes: list[Outcome] = []
    waiting: list[Document] = []  # reports of days before the first usable one
    for day, group in days_of(docs):
        if not outcomes:
            try:
                build = pipeline.run(documents=[*waiting, *group], model=model)
            except NoUsableReportError:
                waiting.extend(group)  # nothing usable yet: try again with the next day
                continue
            write_outputs(build, outdir)
            outcome = record_build(outdir, build, timeout=timeout)
        else:
            outcome = update(outdir, documents=group, model=model, timeout=timeout)
        outcomes.append(outcome)
        if on_revision:
            on_revision(day, outcome)
    return outcomes

