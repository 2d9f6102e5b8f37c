"""The gazetteer's on-disk SQLite cache answers exactly as the in-memory index it was written from."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from wikiwire import gazetteer
from wikiwire.gazetteer import Gazetteer, MemoryIndex, Place, SqliteIndex


def _small_index() -> MemoryIndex:
    index = MemoryIndex()
    index.countries["SY"] = index.add(Place("Syria", "country", "Syria", "SY", tz="Asia/Damascus", population=22_000_000), ["Syria"], ["Syrian Arab Republic"])
    index.countries["US"] = index.add(Place("United States", "country", "United States", "US", population=330_000_000), ["United States"], ["USA"])
    index.add(Place("Homs Governorate", "region", "Syria", "SY", tz="Asia/Damascus", population=775_000), ["Homs Governorate"], ["Homs"])
    index.add(Place("Homs", "city", "Syria", "SY", region="Homs Governorate", lat=34.73, lon=36.72, tz="Asia/Damascus", population=775_404), ["Homs"], ["Hims"])
    index.add(Place("As-Suwayda", "city", "Syria", "SY", lat=32.71, lon=36.57, tz="Asia/Damascus", population=59_052), ["As-Suwayda"], ["Sweida"])
    index.add(Place("Lisbon", "city", "United States", "US", region="Maine", lat=44.03, lon=-70.1, tz="America/New_York", population=9_000), ["Lisbon"])
    return index


@pytest.fixture()
def written(tmp_path: Path) -> tuple[Gazetteer, Gazetteer, Path]:
    memory = _small_index()
    path = tmp_path / "gaz.sqlite"
    SqliteIndex.write(memory, path, version="v-test")
    return Gazetteer(memory), Gazetteer(SqliteIndex(path)), path


QUERIES = [
    ("Homs", ()), ("hims", ()), ("Homs governorate", ()), ("Syrian Arab Republic", ()), ("northwest Syria", ()),
    ("Suwayda", ()), ("Lisbon", ("US",)), ("the USA", ()), ("Atlantis", ()), ("", ()),
]


@pytest.mark.parametrize(("name", "countries"), QUERIES)
def test_sqlite_index_answers_as_the_memory_index(written: tuple[Gazetteer, Gazetteer, Path], name: str, countries: tuple[str, ...]) -> None:
    memory, disk, _ = written
    assert disk.lookup(name, countries) == memory.lookup(name, countries)
    assert disk.candidates(name) == memory.candidates(name)


def test_sqlite_index_fuzzy_and_countries(written: tuple[Gazetteer, Gazetteer, Path]) -> None:
    memory, disk, _ = written
    found = disk.fuzzy("Sweda", ("SY",))
    assert found is not None and found.name == "As-Suwayda"
    assert found == memory.fuzzy("Sweda", ("SY",))
    assert disk.country("SY") == memory.country("SY") == memory.lookup("Syria")
    assert disk.country("ZZ") is None


def test_cache_of_another_version_or_corrupt_is_not_used(written: tuple[Gazetteer, Gazetteer, Path], tmp_path: Path) -> None:
    _, _, path = written
    assert gazetteer._open_cached(path) is None  # written as "v-test", not as its file name
    named = tmp_path / "v-test"
    path.rename(named)
    assert gazetteer._open_cached(named) is not None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    assert gazetteer._open_cached(junk) is None
    assert gazetteer._open_cached(tmp_path / "missing.sqlite") is None


def _lookup_in_child(disk: Gazetteer, queue: multiprocessing.Queue[object]) -> None:  # type: ignore[type-arg]
    place = disk.lookup("Hims")
    queue.put(place.name if place else None)


def test_forked_process_reconnects(written: tuple[Gazetteer, Gazetteer, Path]) -> None:
    _, disk, _ = written
    assert disk.lookup("Homs") is not None  # the parent's connection is open
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_lookup_in_child, args=(disk, queue))
    child.start()
    child.join(timeout=60)
    assert child.exitcode == 0
    assert queue.get(timeout=5) == "Homs"


def test_write_leaves_no_partial_file_on_failure(tmp_path: Path) -> None:
    index = _small_index()
    index.rows.append(("bad",))  # wrong width: the INSERT fails
    path = tmp_path / "gaz.sqlite"
    with pytest.raises(sqlite3.Error):
        SqliteIndex.write(index, path, version="v")
    assert list(tmp_path.iterdir()) == []


def test_cache_is_rebuilt_when_the_index_version_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []

    def build(cls: type[Gazetteer]) -> Gazetteer:
        builds.append(gazetteer.INDEX_VERSION)
        return cls(_small_index())

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(Gazetteer, "build", classmethod(build))
    gazetteer.get.cache_clear()
    try:
        first = gazetteer.get()
        assert builds == [gazetteer.INDEX_VERSION] and isinstance(first.index, MemoryIndex)
        gazetteer.get.cache_clear()
        assert isinstance(gazetteer.get().index, SqliteIndex) and len(builds) == 1  # read from the cache
        old = gazetteer._cache_key()
        monkeypatch.setattr(gazetteer, "INDEX_VERSION", gazetteer.INDEX_VERSION + 1)
        gazetteer.get.cache_clear()
        rebuilt = gazetteer.get()
        assert len(builds) == 2 and isinstance(rebuilt.index, MemoryIndex)
        assert gazetteer._cache_key() != old
        assert sorted(p.name for p in (tmp_path / "wikiwire").iterdir()) == sorted([old, gazetteer._cache_key()])
        assert rebuilt.lookup("Homs") == first.lookup("Homs")
    finally:
        gazetteer.get.cache_clear()
