"""``wikiwire update``: a built article takes new reports as revisions (issue 12).

The fixture event (tests/fixtures/update) is covered over three days; building from day 1
and updating with days 2 and 3 must give the facts and article of one build of all reports.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wikiwire import pipeline, revisions
from wikiwire.cli import app
from wikiwire.store import DB_NAME, Store
from wikiwire.store import changes as changes_mod

HERE = Path(__file__).resolve().parent
DAYS = HERE / "fixtures" / "update"
GOLDEN = DAYS / "expected-changes.txt"
UPDATE_GOLDEN = os.environ.get("WIKIWIRE_UPDATE_GOLDEN") == "1"
ROOT = HERE.parent

runner = CliRunner()


def _files(day: str) -> list[str]:
    return [str(p) for p in sorted((DAYS / day).iterdir())]


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def living(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """An article built from day 1 and updated with days 2 and 3; the update outputs."""
    out = tmp_path_factory.mktemp("living")
    code, text = _invoke("build", *_files("day1"), "-o", str(out), "-q")
    assert code == 0, text
    printed = []
    for day in ("day2", "day3"):
        code, text = _invoke("update", str(out), *_files(day))
        assert code == 0, text
        printed.append(text)
    return out, printed


def test_final_revision_equals_one_shot_build(living: tuple[Path, list[str]], nlp) -> None:  # type: ignore[no-untyped-def]
    out, _ = living
    one_shot = pipeline.run(_files("day1") + _files("day2") + _files("day3"), nlp=nlp)
    with Store.open(out) as store:
        assert store.latest() == 3
        final = store.revision(3).build
    assert final.facts == one_shot.facts
    assert final.article == one_shot.article
    assert final.sources == one_shot.sources
    assert final.analysed == one_shot.analysed
    assert json.loads((out / "event.json").read_text())["facts"] == json.loads(
        pipeline_event_json(one_shot)
    )["facts"]


def pipeline_event_json(build) -> str:  # type: ignore[no-untyped-def]
    from wikiwire.render import render

    return render(build, "json")


def test_every_revision_reloads_and_rerenders(living: tuple[Path, list[str]], tmp_path: Path) -> None:
    out, _ = living
    with Store.open(out) as store:
        stored = [store.revision(n) for n in range(1, store.latest() + 1)]
    assert [r.number for r in stored] == [1, 2, 3]
    for rev in stored:
        code, text = _invoke("show", str(out), "--revision", str(rev.number), "-o", str(tmp_path / str(rev.number)))
        assert code == 0, text
        shown = json.loads((tmp_path / str(rev.number) / "event.json").read_text())
        assert shown["facts"] == rev.event["facts"]
        assert shown["title"] == rev.build.title
    assert (tmp_path / "3" / "article.wiki").read_text() == (out / "article.wiki").read_text()


def test_change_summaries_golden(living: tuple[Path, list[str]]) -> None:
    out, printed = living
    with Store.open(out) as store:
        summaries = [changes_mod.Changes.model_validate(store.revision(n).changes) for n in (2, 3)]
    got = "\n\n".join(changes_mod.text(c) for c in summaries) + "\n"
    # The command prints the same summary, then where article.diff.md went.
    for text, changes in zip(printed, summaries, strict=True):
        assert text == changes_mod.text(changes) + f"\n{out / changes_mod.DIFF_FILENAME}\n"
    if UPDATE_GOLDEN:
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_diff_file_and_json_carry_the_same_changes(living: tuple[Path, list[str]]) -> None:
    out, _ = living
    diff_md = (out / changes_mod.DIFF_FILENAME).read_text()
    code, text = _invoke("diff", str(out), "2", "3", "--json")
    assert code == 0, text
    changes = json.loads(text)
    assert diff_md.startswith(f"# {changes['title_new']}: revision 3 against revision 2\n")
    assert f"Edit summary: {changes['edit_summary']}" in diff_md
    for fact in changes["facts"]:
        assert f"| {fact['name']} | {fact['old']} | {fact['new']} |" in diff_md
    assert {"fatalities", "injuries"} <= {f["name"] for f in changes["facts"]}


def test_history_lists_every_revision(living: tuple[Path, list[str]]) -> None:
    out, _ = living
    code, text = _invoke("history", str(out))
    assert code == 0, text
    lines = text.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2", "3"]
    assert "+2 reports  Created from 2 reports (01-lakeside-courier.txt, 02-anatolia-evening.txt)" in lines[0]
    assert "+1 report, 1 copy  Updated from 1 report (03-highland-post.txt) and 1 copy of cited reports" in lines[1]


def test_same_inputs_again_change_nothing(tmp_path: Path) -> None:
    code, text = _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    assert code == 0, text
    before = (tmp_path / "article.wiki").read_text()
    code, text = _invoke("update", str(tmp_path), *_files("day1"))
    assert code == 0, text
    assert text.splitlines()[-1] == "no change: nothing new in the inputs (revision 1 kept)"
    assert f"skipped: {_files('day1')[0]}: already in the store as s1" in text
    with Store.open(tmp_path) as store:
        assert store.latest() == 1
    assert (tmp_path / "article.wiki").read_text() == before


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    before = (tmp_path / "event.json").read_text()
    code, text = _invoke("update", str(tmp_path), *_files("day3"), "--dry-run")
    assert code == 0, text
    assert "fatalities: 7–9+ → 58 (the Ministry of Health, 58, reported 5 March 2025)" in text
    assert text.splitlines()[-1] == "dry run: nothing written (revision 1 kept)"
    assert (tmp_path / "event.json").read_text() == before
    assert not (tmp_path / changes_mod.DIFF_FILENAME).exists()
    with Store.open(tmp_path) as store:
        assert store.latest() == 1


def test_unreadable_input_is_skipped_and_recorded(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    missing = str(tmp_path / "gone.txt")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    code, text = _invoke("update", str(tmp_path), missing, str(binary), *_files("day2"))
    assert code == 0, text
    with Store.open(tmp_path) as store:
        rev = store.revision(2)
    assert [s.input for s in rev.skipped][:2] == [missing, str(binary)]
    assert rev.skipped[0].reason == "no such file or folder"
    assert [a.input for a in rev.added] == _files("day2")
    assert [a.status for a in rev.added] == ["source", "duplicate"]


def test_update_json(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    code, text = _invoke("update", str(tmp_path), *_files("day2"), "--json")
    assert code == 0, text
    record = json.loads(text)
    assert (record["previous"], record["revision"]) == (1, 2)
    assert record["added"][1]["status"] == "duplicate"
    assert record["added"][1]["source_id"] == "s2"
    assert record["changes"]["sections_added"] == ["Investigation"]


def test_outputs_without_store_are_refused_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "article.wiki").write_text("old build\n")
    code, text = _invoke("update", str(tmp_path), *_files("day2"))
    assert code == 2
    assert text == (
        f"error: {tmp_path}: has outputs but no wikiwire.db (built before revisions were kept) "
        f"(rebuild it to start a revision history: wikiwire build REPORTS -o {tmp_path})\n"
    )


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    code, text = _invoke("history", str(tmp_path / "nothing"))
    assert code == 2
    assert text == (
        f"error: {tmp_path / 'nothing'}: holds no built article (build it first: wikiwire build REPORTS -o {tmp_path / 'nothing'})\n"
    )


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    code, text = _invoke("update", str(tmp_path), *_files("day2"))
    assert code == 2
    assert text == (
        f"error: {tmp_path / DB_NAME}: written by a newer wikiwire (schema version 99; this one reads up to 2) "
        "(upgrade wikiwire (pip install -U wikiwire), or build into a new folder)\n"
    )


def test_no_such_revision(living: tuple[Path, list[str]]) -> None:
    out, _ = living
    code, text = _invoke("show", str(out), "--revision", "7")
    assert code == 2
    assert text == f"error: {out / DB_NAME}: no revision 7 (revisions 1 to 3) (list them with: wikiwire history {out})\n"


def test_title_given_to_build_is_kept(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q", "--title", "Van earthquake of March 2025")
    _invoke("update", str(tmp_path), *_files("day2"))
    with Store.open(tmp_path) as store:
        assert store.revision(2).build.title == "Van earthquake of March 2025"


# ---------------------------------------------------------------------------------------------
# faults: killed updates, two updates at once (real processes)


def _update_process(out: Path, day: str, *, pause: str | None = None, wait: float | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if pause:
        env[revisions.PAUSE_ENV] = pause
    else:
        env.pop(revisions.PAUSE_ENV, None)
    args = [sys.executable, "-m", "wikiwire", "update", str(out), *_files(day)]
    if wait is not None:
        args += ["--wait", str(wait)]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(flag: Path, process: subprocess.Popen[str], seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not flag.exists():
        if process.poll() is not None:
            raise AssertionError(f"update ended before its pause: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("update never reached its pause")
        time.sleep(0.05)


@pytest.mark.slow
@pytest.mark.parametrize(("point", "revisions_after"), [("locked", 1), ("built", 1), ("written", 1), ("committed", 2)])
def test_killed_update_leaves_a_whole_store(tmp_path: Path, point: str, revisions_after: int) -> None:
    out = tmp_path / "out"
    _invoke("build", *_files("day1"), "-o", str(out), "-q")
    flag = tmp_path / "flag"
    process = _update_process(out, "day2", pause=f"{point}:{flag}")
    _wait_for(flag, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Store.open(out) as store:
        assert store.latest() == revisions_after
        for n in range(1, revisions_after + 1):
            assert store.revision(n).build.sources
    # The next update carries on from the last whole revision.
    code, text = _invoke("update", str(out), *_files("day2"), *_files("day3"))
    assert code == 0, text
    with Store.open(out) as store:
        final = store.revision(store.latest()).build
    assert len(final.sources) == 4


@pytest.mark.slow
def test_second_update_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _invoke("build", *_files("day1"), "-o", str(out), "-q")
    flag = tmp_path / "flag"
    first = _update_process(out, "day2", pause=f"locked:{flag}:2")
    _wait_for(flag, first)
    second = _update_process(out, "day3", wait=120)
    assert first.wait(timeout=120) == 0, first.communicate()
    assert second.wait(timeout=120) == 0, second.communicate()
    with Store.open(out) as store:
        assert store.latest() == 3
        assert [a.input for a in store.revision(2).added] == _files("day2")
        assert [a.input for a in store.revision(3).added] == _files("day3")
        assert len(store.revision(3).build.sources) == 4


@pytest.mark.slow
def test_second_update_fails_clearly_when_the_wait_runs_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _invoke("build", *_files("day1"), "-o", str(out), "-q")
    flag = tmp_path / "flag"
    first = _update_process(out, "day2", pause=f"locked:{flag}:10")
    _wait_for(flag, first)
    second = _update_process(out, "day3", wait=0.5)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 2
    assert err == (
        f"error: {out / DB_NAME}: another wikiwire command is writing this store "
        "(wait for the other update to finish, or give --wait more seconds)\n"
    )
    assert first.wait(timeout=120) == 0
    with Store.open(out) as store:
        assert store.latest() == 2


def test_update_reads_jsonl_on_stdin(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    text = (DAYS / "day3" / "05-border-ledger.txt").read_text().split("\n", 1)[1]
    line = json.dumps({"url": "https://border-ledger.example/van", "date": "2025-03-05", "text": text})
    result = runner.invoke(app, ["update", str(tmp_path), "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    assert "fatalities: 7–9+ → 58 (the Ministry of Health, 58, reported 5 March 2025)" in result.output
    with Store.open(tmp_path) as store:
        assert [a.url for a in store.revision(2).added] == ["https://border-ledger.example/van"]


def test_building_again_starts_from_scratch_as_the_next_revision(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    _invoke("update", str(tmp_path), *_files("day2"))
    code, text = _invoke("build", *_files("day3"), "-o", str(tmp_path), "-q")
    assert code == 0, text
    with Store.open(tmp_path) as store:
        rev = store.revision(3)
        assert [s.input for s in rev.build.sources] == _files("day3")
    assert rev.edit_summary.startswith("Rebuilt from 1 report (05-border-ledger.txt); ")


def test_a_revision_compared_with_itself_is_unchanged(living: tuple[Path, list[str]]) -> None:
    out, _ = living
    with Store.open(out) as store:
        build = store.revision(3).build
    same = changes_mod.compare(build, build, [], old_revision=3, new_revision=3)
    assert same.empty
    assert same.edit_summary == "Updated from 0 reports; +0/−0 sentences"


def test_diff_markdown_escapes_report_text(living: tuple[Path, list[str]]) -> None:
    out, _ = living
    with Store.open(out) as store:
        build = store.revision(3).build
    hostile = build.model_copy(update={"title": "<script>alert(1)</script> | *bold* [link](javascript:x)"})
    text = changes_mod.markdown(changes_mod.compare(build, hostile, [], old_revision=3, new_revision=4))
    assert "<script>" not in text
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\[link\\](javascript:x)" in text


def test_a_copy_alone_is_a_revision_that_says_so(tmp_path: Path) -> None:
    _invoke("build", *_files("day1"), "-o", str(tmp_path), "-q")
    reprint = str(DAYS / "day2" / "04-anatolia-evening-reprint.txt")
    code, text = _invoke("update", str(tmp_path), reprint)
    assert code == 0, text
    assert text.splitlines()[0] == "revision 2: Updated from 1 copy of cited reports; +0/−0 sentences"
    with Store.open(tmp_path) as store:
        rev = store.revision(2)
    assert [(a.status, a.source_id, a.similarity) for a in rev.added] == [("duplicate", "s2", 0.94)]
    assert rev.build.sources[1].duplicates[-1].input == reprint


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_update_killed_at_a_random_moment_leaves_a_whole_store(tmp_path: Path, seed: int) -> None:
    import random

    out = tmp_path / "out"
    _invoke("build", *_files("day1"), "-o", str(out), "-q")
    process = _update_process(out, "day2")
    # Somewhere between interpreter start and the end of a 2-4 s update on this machine.
    time.sleep(random.Random(seed).uniform(0.5, 3.0))
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Store.open(out) as store:
        latest = store.latest()
        assert latest in (1, 2)
        assert len(store.revision(latest).build.sources) == (2 if latest == 1 else 3)


def test_diff_markdown_lists_sentences_by_what_happened(living: tuple[Path, list[str]]) -> None:
    out, _ = living
    diff_md = (out / changes_mod.DIFF_FILENAME).read_text()
    with Store.open(out) as store:
        changes = changes_mod.Changes.model_validate(store.revision(3).changes)
    listed = [line for line in diff_md.splitlines() if line.startswith(("- added: ", "- removed: ", "- re-cited: "))]
    assert len(listed) == len(changes.sentences_added) + len(changes.sentences_removed) + len(changes.recited)
    assert f"- re-cited: {changes.recited[0].text}" in diff_md


def test_update_extracts_only_new_or_reanchored_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wikiwire import extract

    out = tmp_path / "out"
    code, text = _invoke("build", *_files("day1"), "-o", str(out), "-q")
    assert code == 0, text
    with Store.open(out) as store:
        stored = store.claims()
        first = store.revision(1).build
    # Every source of the build has its claims kept, exactly as extraction gives them.
    assert {extract.fingerprint(a) for a in first.analysed} == set(stored)
    assert all(stored[extract.fingerprint(a)] == extract.extract_source(a) for a in first.analysed)
    # Count real extraction work: the first extractor runs once per source extracted.
    read: list[str] = []
    first_extractor, *rest = extract.EXTRACTORS
    monkeypatch.setattr(extract, "EXTRACTORS", (lambda source: read.append(source.source.id) or first_extractor(source), *rest))
    revisions.update(out, _files("day2"))
    with Store.open(out) as store:
        second = store.revision(2).build
    old = {extract.fingerprint(a) for a in first.analysed}
    changed = sorted(a.source.id for a in second.analysed if extract.fingerprint(a) not in old)
    assert sorted(read) == changed  # new reports, and old ones whose anchor date moved
    assert len(read) < len(second.analysed)


def test_a_version_1_store_gains_the_claims_table(tmp_path: Path) -> None:
    from wikiwire.store import db

    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        for statement in db._statements(db.MIGRATIONS[0]):
            conn.execute(statement)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    with Store.open(tmp_path) as store:
        assert store.schema_version == 2
        assert store.claims() == {}
