"""The SQLite store kept beside an article's outputs (``wikiwire.db``).

One connection per command. Writes happen in one ``BEGIN IMMEDIATE`` transaction per
revision, taken before the latest revision is read and held until the new one is committed:
two updates of one folder cannot both build on revision N (the second waits up to the busy
timeout, then fails with ``StoreBusyError``), and a killed update leaves the store as it was
(SQLite's journal rolls the unfinished transaction back on the next open).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import pydantic_core
from pydantic import JsonValue, TypeAdapter

from wikiwire.errors import (
    NoSuchRevisionError,
    StoreBusyError,
    StoreCorruptError,
    StoreMissingError,
    StoreVersionError,
)
from wikiwire.records import Build, Claim, Record, Skipped

# (De)serialises a source's claims in one compiled pass.
_CLAIMS: TypeAdapter[tuple[Claim, ...]] = TypeAdapter(tuple[Claim, ...])

DB_NAME = "wikiwire.db"
# Bump when the schema changes, and append the statements that upgrade the previous version
# to MIGRATIONS: a store is upgraded in place on open; a store from a newer wikiwire is
# refused rather than written with a schema this code does not know.
SCHEMA_VERSION = 2
# Seconds a second writer waits for the first to commit. An update of a 100-report event
# takes a few seconds and a 1,000-report one under a minute (bench/RESULTS.md), so a minute
# covers an update started while another runs, without leaving a stuck command hanging long.
DEFAULT_BUSY_TIMEOUT = 60.0
# zlib level for the stored Build and event-record JSON (every sentence and entity of every
# source; the event record of a 100-report event is about 1.6 MB): level 1
# compresses a 100-report build in a few ms against about 30 ms at the default 6, for a
# somewhat larger file; an update pays it on every revision.
BUILD_COMPRESSION = 1

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    hash TEXT PRIMARY KEY,          -- sha256 of the cleaned text (see content_hash)
    position INTEGER NOT NULL,      -- order the inputs were added in
    revision INTEGER NOT NULL,      -- revision that added it
    input TEXT NOT NULL,
    url TEXT, outlet TEXT, title TEXT, published TEXT,
    source_id TEXT NOT NULL,        -- the Source it is, or was merged into as a copy
    duplicate_of TEXT,              -- NULL for a source, else the Source id it copies
    similarity REAL
);
CREATE TABLE analysed (
    source_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    record TEXT NOT NULL,           -- AnalysedSource JSON: updates never re-parse old text
    PRIMARY KEY (source_id, revision)
);
CREATE TABLE revisions (
    number INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    title TEXT NOT NULL,
    added TEXT NOT NULL,            -- JSON list of AddedInput
    skipped TEXT NOT NULL,          -- JSON list of Skipped (this revision's inputs only)
    edit_summary TEXT NOT NULL,
    changes TEXT NOT NULL,          -- JSON Changes against the previous revision
    event BLOB NOT NULL,            -- zlib-compressed event record (event.json) of this revision
    build BLOB NOT NULL             -- zlib-compressed Build JSON, to re-render any revision
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    value TEXT NOT NULL,            -- JSON
    note TEXT,
    undone_at TEXT
);
"""

# Version 2: the claims extracted from each analysed report, by ``extract.fingerprint``, so
# an update extracts only the reports that are new or whose anchor date moved.
_V2 = """
CREATE TABLE claims (
    fingerprint TEXT PRIMARY KEY,   -- extract.fingerprint of the AnalysedSource
    record TEXT NOT NULL            -- JSON list of its Claims
);
"""

# MIGRATIONS[k] takes a store from schema version k to k + 1 (version 0: an empty file).
MIGRATIONS: tuple[str, ...] = (_V1, _V2)


def content_hash(text: str) -> str:
    """The key a report is known by in the store: sha256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class AddedInput(Record):
    """A new input a revision took in: a new source, or a copy merged into an existing one."""

    input: str
    hash: str
    status: Literal["source", "duplicate"]
    source_id: str  # the source it became, or the one it was merged into
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    similarity: float | None = None  # for a duplicate: estimated similarity with the source


class RevisionInfo(Record):
    """One line of the history: what a revision added and its edit summary."""

    number: int
    created_at: str
    title: str
    added: tuple[AddedInput, ...]
    skipped: tuple[Skipped, ...]
    edit_summary: str


class Revision(RevisionInfo):
    """A whole revision: the Build to re-render, its event record and the change record."""

    build: Build
    event: dict[str, JsonValue]
    changes: dict[str, JsonValue]


class Decision(Record):
    """An editor's decision about the article (issue 14); ``undone_at`` set once undone."""

    id: int
    created_at: str
    kind: str
    target: str
    value: JsonValue
    note: str | None = None
    undone_at: str | None = None


class Store:
    """The store of one output folder. Open with ``Store.open`` (or ``Store.create``); use as
    a context manager to close it."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, *, create: bool = False, timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
        """Open ``folder``'s store, upgrading an older schema; with ``create``, make it if absent.

        Raises StoreMissingError (no store and not ``create``), StoreVersionError (written by a
        newer wikiwire), StoreCorruptError (not a wikiwire store), StoreBusyError (another
        command held the store longer than ``timeout`` seconds).
        """
        path = Path(folder) / DB_NAME
        if not path.exists():
            if not create:
                raise StoreMissingError(str(path), "no wikiwire store here")
            path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are opened explicitly (BEGIN IMMEDIATE) so the
        # write lock is taken before anything is read.
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        store = cls(path, connection)
        try:
            store._prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed revision survives a power cut too, not only a killed process.
            self._db.execute("PRAGMA synchronous=FULL")
            version = self._version()
        except sqlite3.OperationalError as exc:
            raise self._busy_or(exc) from None
        except sqlite3.DatabaseError as exc:
            raise StoreCorruptError(str(self.path), f"not a wikiwire store ({exc})") from None
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                str(self.path),
                f"written by a newer wikiwire (schema version {version}; this one reads up to {SCHEMA_VERSION})",
            )
        if version < SCHEMA_VERSION:
            with self.transaction():
                version = self._version()  # another process may have migrated meanwhile
                for step in range(version, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[step]):
                        self._db.execute(statement)
                self._db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('created_at', ?)", (_now(),))

    def _version(self) -> int:
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return 0
        if "meta" not in tables:
            raise StoreCorruptError(str(self.path), "not a wikiwire store (no meta table)")
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        try:
            return int(row[0]) if row else 0
        except ValueError:
            raise StoreCorruptError(str(self.path), f"unreadable schema version {row[0]!r}") from None

    def _busy_or(self, exc: sqlite3.OperationalError) -> Exception:
        if "locked" in str(exc) or "busy" in str(exc):
            return StoreBusyError(str(self.path), "another wikiwire command is writing this store")
        return StoreCorruptError(str(self.path), str(exc))

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back)."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._version()

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: the write lock is taken at once (waiting up to the busy
        timeout, else StoreBusyError), committed on success, rolled back on any error."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._busy_or(exc) from None
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (``schema_version``, ``created_at``, ``title``), or None."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (or, with None, remove) a ``meta`` value; call inside ``transaction()``."""
        if value is None:
            self._db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- revisions ---------------------------------------------------------------------------

    def latest(self) -> int:
        """The latest revision's number, 0 when there is none."""
        row = self._db.execute("SELECT MAX(number) FROM revisions").fetchone()
        return int(row[0] or 0)

    def history(self) -> list[RevisionInfo]:
        """Every revision, oldest first, without their builds."""
        rows = self._db.execute(
            "SELECT number, created_at, title, added, skipped, edit_summary FROM revisions ORDER BY number"
        ).fetchall()
        return [
            RevisionInfo(
                number=r[0], created_at=r[1], title=r[2], added=json.loads(r[3]), skipped=json.loads(r[4]), edit_summary=r[5]
            )
            for r in rows
        ]

    def revision(self, number: int) -> Revision:
        """Revision ``number`` with its Build; raises NoSuchRevisionError."""
        row = self._db.execute(
            "SELECT number, created_at, title, added, skipped, edit_summary, changes, event, build"
            " FROM revisions WHERE number = ?",
            (number,),
        ).fetchone()
        if row is None:
            latest = self.latest()
            raise NoSuchRevisionError(
                str(self.path), f"no revision {number} (revisions 1 to {latest})" if latest else "no revision yet"
            )
        return Revision(
            number=row[0],
            created_at=row[1],
            title=row[2],
            added=json.loads(row[3]),
            skipped=json.loads(row[4]),
            edit_summary=row[5],
            changes=json.loads(row[6]),
            event=json.loads(zlib.decompress(row[7])),
            build=Build.model_validate_json(zlib.decompress(row[8])),
        )

    def known(self) -> dict[str, str]:
        """Content hash -> source id of every stored input (sources and merged copies)."""
        return dict(self._db.execute("SELECT hash, source_id FROM sources").fetchall())

    def add_revision(
        self,
        build: Build,
        *,
        event: dict[str, Any],
        added: Sequence[AddedInput],
        skipped: Sequence[Skipped],
        edit_summary: str,
        changes: dict[str, Any],
    ) -> int:
        """Write the next revision and its new inputs; call inside ``transaction()``.
        Returns the new revision's number."""
        number = self.latest() + 1
        position = int(self._db.execute("SELECT COUNT(*) FROM sources").fetchone()[0])
        for offset, item in enumerate(added):
            self._db.execute(
                "INSERT OR IGNORE INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    item.hash, position + offset, number, item.input, item.url, item.outlet, item.title,
                    item.published.isoformat() if item.published else None, item.source_id,
                    item.source_id if item.status == "duplicate" else None, item.similarity,
                ),
            )
        new_ids = {a.source_id for a in added if a.status == "source"}
        for analysed in build.analysed:
            if analysed.source.id in new_ids:
                self._db.execute(
                    "INSERT OR REPLACE INTO analysed VALUES (?,?,?)",
                    (analysed.source.id, number, analysed.model_dump_json()),
                )
        self._db.execute(
            "INSERT INTO revisions VALUES (?,?,?,?,?,?,?,?,?)",
            (
                number,
                _now(),
                build.title,
                json.dumps([a.model_dump(mode="json") for a in added], ensure_ascii=False),
                json.dumps([s.model_dump(mode="json") for s in skipped], ensure_ascii=False),
                edit_summary,
                json.dumps(changes, ensure_ascii=False),
                # pydantic's serializer: the standard library's json takes several times as long
                # on a 100-report event record.
                zlib.compress(pydantic_core.to_json(event), BUILD_COMPRESSION),
                zlib.compress(build.model_dump_json().encode("utf-8"), BUILD_COMPRESSION),
            ),
        )
        return number

    # -- extracted claims (schema 2) ---------------------------------------------------------

    def claims(self) -> dict[str, tuple[Claim, ...]]:
        """Every stored source's claims, by ``extract.fingerprint``."""
        return {fp: _CLAIMS.validate_json(record) for fp, record in self._db.execute("SELECT fingerprint, record FROM claims")}

    def add_claims(self, claims: Mapping[str, Sequence[Claim]]) -> None:
        """Keep sources' claims by fingerprint; call inside ``transaction()``."""
        self._db.executemany(
            "INSERT OR IGNORE INTO claims VALUES (?,?)",
            ((fp, _CLAIMS.dump_json(tuple(found)).decode("utf-8")) for fp, found in claims.items()),
        )

    # -- editor decisions (issue 14) ---------------------------------------------------------

    def add_decision(self, kind: str, target: str, value: JsonValue, note: str | None = None) -> Decision:
        """Record an editor's decision; returns it with its id."""
        with self.transaction():
            cursor = self._db.execute(
                "INSERT INTO decisions (created_at, kind, target, value, note) VALUES (?,?,?,?,?)",
                (_now(), kind, target, json.dumps(value, ensure_ascii=False), note),
            )
            decision_id = int(cursor.lastrowid or 0)
        return self.decision(decision_id)

    def decision(self, decision_id: int) -> Decision:
        """Decision ``decision_id``; raises NoSuchDecisionError."""
        from wikiwire.errors import NoSuchDecisionError

        row = self._db.execute("SELECT * FROM decisions WHERE id = ?", (decision_id,)).fetchone()
        if row is None:
            raise NoSuchDecisionError(str(self.path), f"no decision {decision_id}")
        return _decision(row)

    def list_decisions(self, *, include_undone: bool = False) -> list[Decision]:
        """Decisions in the order they were made; undone ones only with ``include_undone``."""
        query = "SELECT * FROM decisions" + ("" if include_undone else " WHERE undone_at IS NULL") + " ORDER BY id"
        return [_decision(r) for r in self._db.execute(query).fetchall()]

    def undo_decision(self, decision_id: int) -> Decision:
        """Mark a decision undone (kept for the record); undoing twice keeps the first time."""
        with self.transaction():
            self.decision(decision_id)
            self._db.execute(
                "UPDATE decisions SET undone_at = ? WHERE id = ? AND undone_at IS NULL", (_now(), decision_id)
            )
        return self.decision(decision_id)


def _decision(row: Sequence[Any]) -> Decision:
    return Decision(
        id=row[0], created_at=row[1], kind=row[2], target=row[3], value=json.loads(row[4]), note=row[5], undone_at=row[6]
    )


def _statements(script: str) -> list[str]:
    """The statements of a migration script, run one by one inside the caller's transaction
    (``executescript`` would commit it first)."""
    text = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [s.strip() for s in text.split(";") if s.strip()]
