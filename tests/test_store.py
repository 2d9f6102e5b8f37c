"""The store (``wikiwire.db``): schema versions, transactions, locking, editor decisions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wikiwire.errors import (
    NoSuchDecisionError,
    NoSuchRevisionError,
    StoreBusyError,
    StoreCorruptError,
    StoreMissingError,
    StoreVersionError,
)
from wikiwire.records import (
    Article,
    Build,
    EventFacts,
    Infobox,
    Skipped,
    Source,
    Verification,
)
from wikiwire.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, AddedInput, Store, content_hash


def _build(text: str = "Flood waters rose in the town overnight.") -> Build:
    source = Source(id="s1", input="report.txt", text=text, outlet="River Gazette")
    return Build(
        title="2025 town flood",
        facts=EventFacts(kind="flood", facts={}),
        article=Article(title="2025 town flood", infobox=Infobox(template="Infobox flood", params={}), lead=(), sections=()),
        sources=(source,),
        analysed=(),
        skipped=(Skipped(input="empty.txt", reason="no text"),),
        verification=Verification(),
    )


def _add(store: Store, build: Build) -> int:
    added = [AddedInput(input="report.txt", hash=content_hash(build.sources[0].text), status="source", source_id="s1")]
    with store.transaction():
        return store.add_revision(build, event={"title": build.title}, added=added, skipped=build.skipped,
                                  edit_summary="Created from 1 report", changes={})


def test_missing_store_is_an_error_unless_created(tmp_path: Path) -> None:
    with pytest.raises(StoreMissingError):
        Store.open(tmp_path)
    with Store.open(tmp_path, create=True) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.latest() == 0
        assert store.history() == []


def test_revision_round_trip(tmp_path: Path) -> None:
    build = _build()
    with Store.open(tmp_path, create=True) as store:
        assert _add(store, build) == 1
        assert _add(store, build) == 2
    with Store.open(tmp_path) as store:
        rev = store.revision(2)
        assert rev.build == build
        assert rev.event == {"title": "2025 town flood"}
        assert rev.skipped == (Skipped(input="empty.txt", reason="no text"),)
        assert [r.number for r in store.history()] == [1, 2]
        assert store.known() == {content_hash(build.sources[0].text): "s1"}
        with pytest.raises(NoSuchRevisionError, match="no revision 5 \\(revisions 1 to 2\\)"):
            store.revision(5)


def test_failed_transaction_writes_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        with pytest.raises(RuntimeError), store.transaction():
            _add_inside = store.add_revision(_build(), event={}, added=[], skipped=[], edit_summary="x", changes={})
            assert _add_inside == 1
            raise RuntimeError("interrupted")
        assert store.latest() == 0


def test_newer_schema_refused(tmp_path: Path) -> None:
    Store.open(tmp_path, create=True).close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreVersionError) as caught:
        Store.open(tmp_path)
    assert caught.value.problem == (
        f"written by a newer wikiwire (schema version {SCHEMA_VERSION + 1}; this one reads up to {SCHEMA_VERSION})"
    )


def test_older_schema_is_migrated(tmp_path: Path) -> None:
    # A version-0 store: the file exists but holds no tables yet (an interrupted first build).
    sqlite3.connect(tmp_path / DB_NAME).close()
    with Store.open(tmp_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.meta("created_at")


def test_not_a_store(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all, just some text" * 100)
    with pytest.raises(StoreCorruptError, match="not a wikiwire store"):
        Store.open(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    with sqlite3.connect(other / DB_NAME) as db:
        db.execute("CREATE TABLE films (title TEXT)")
    with pytest.raises(StoreCorruptError, match="no meta table"):
        Store.open(other)


def test_second_writer_waits_then_fails(tmp_path: Path) -> None:
    first = Store.open(tmp_path, create=True)
    second = Store.open(tmp_path, timeout=0.2)
    with first.transaction():
        with pytest.raises(StoreBusyError, match="another wikiwire command is writing this store"), second.transaction():
            pass
        # Readers are not blocked while a revision is being written (WAL).
        assert second.latest() == 0
    with second.transaction():
        pass
    first.close()
    second.close()


def test_decisions(tmp_path: Path) -> None:
    with Store.open(tmp_path, create=True) as store:
        pin = store.add_decision("pin-fact", "fatalities", {"low": 7, "high": 9}, note="the ministry's count")
        drop = store.add_decision("drop-sentence", "The bridge was old.", None)
        assert (pin.id, pin.kind, pin.target, pin.value, pin.note, pin.undone_at) == (
            1, "pin-fact", "fatalities", {"low": 7, "high": 9}, "the ministry's count", None,
        )
        assert [d.id for d in store.list_decisions()] == [pin.id, drop.id]
        undone = store.undo_decision(pin.id)
        assert undone.undone_at is not None
        assert store.undo_decision(pin.id).undone_at == undone.undone_at
        assert [d.id for d in store.list_decisions()] == [drop.id]
        assert [d.id for d in store.list_decisions(include_undone=True)] == [pin.id, drop.id]
        with pytest.raises(NoSuchDecisionError):
            store.undo_decision(99)


def test_a_future_migration_upgrades_an_existing_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wikiwire.store import db

    with Store.open(tmp_path, create=True) as store:
        _add(store, _build())
    step = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); -- a made-up version 2"
    monkeypatch.setattr(db, "MIGRATIONS", (*db.MIGRATIONS, step))
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Store.open(tmp_path) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert store.revision(1).build == _build()  # the data survived the upgrade
    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone() == (0,)
