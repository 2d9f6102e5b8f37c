"""The command line: exact one-line errors with exit status 2, skipped inputs, --quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from wikiwire.cli import app

REPORTS = FIXTURES / "ingest" / "reports"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def fails_with(runner: CliRunner, args: list[str], message: str, stdin: str | None = None) -> None:
    result = runner.invoke(app, ["build", *args], input=stdin)
    assert result.exit_code == 2, result.output
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "reports" / "x.txt"
    fails_with(runner, [str(path), "-o", str(tmp_path / "out")], f"error: {path}: no such file or folder (check the path)")


def test_empty_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    fails_with(runner, [str(path), "-o", str(tmp_path / "out")], f"error: {path}: file is empty (add the report text or leave the input out)")


def test_empty_stdin(runner: CliRunner, tmp_path: Path) -> None:
    fails_with(runner, ["-", "-o", str(tmp_path / "out")], "error: <stdin>: input is empty (add the report text or leave the input out)", stdin="")


def test_folder_with_no_usable_report(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7 ...")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    fails_with(
        runner,
        [str(folder), "-o", str(tmp_path / "out")],
        f"error: {folder}: no usable report in this folder: notes.docx: unsupported file type .docx; "
        "scan.pdf: unsupported file type .pdf (add news reports as .txt, .md, .html, .htm or .jsonl files)",
    )


def test_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    fails_with(
        runner,
        [str(path), "-o", str(tmp_path / "out")],
        f"error: {path}: binary file, not text (pass text reports: UTF-8 .txt, .md, .html, .htm or .jsonl files)",
    )


def test_malformed_jsonl_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "A ship struck the bridge."}\n{"text": "Divers searched the river."}\n{"title": "no body"}\n')
    fails_with(
        runner,
        [str(path), "-o", str(tmp_path / "out")],
        f'error: {path}:3: line is not a JSON object with "text" or "html" (fix or remove the line)',
    )


def test_malformed_jsonl_on_stdin(runner: CliRunner, tmp_path: Path) -> None:
    fails_with(
        runner,
        ["-", "-o", str(tmp_path / "out")],
        "error: <stdin>:2: line is not valid JSON (Expecting value at column 1) (fix or remove the line)",
        stdin='{"text": "A ship struck the bridge."}\nnot json at all\n',
    )


def test_unsupported_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    fails_with(
        runner,
        [str(path), "-o", str(tmp_path / "out")],
        f"error: {path}: unsupported file type .pdf (pass .txt, .md, .html, .htm or .jsonl files)",
    )


def test_unknown_format(runner: CliRunner, tmp_path: Path) -> None:
    fails_with(
        runner,
        [str(REPORTS), "-o", str(tmp_path / "out"), "--format", "wiki,pdf"],
        "error: unknown format 'pdf' (choose from wiki,md,html,json,csv)",
    )


def test_no_input(runner: CliRunner, tmp_path: Path) -> None:
    fails_with(runner, ["-o", str(tmp_path / "out")], "error: no input given (pass report files, folders, URLs, or - for JSONL on stdin)")


def test_unreachable_url(runner: CliRunner, tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    fails_with(
        runner,
        [url, "--timeout", "2", "-o", str(tmp_path / "out")],
        f"error: {url}: could not download the page (unreachable, refused or no answer within 2 s) "
        "(check the address, or save the page and pass the .html file)",
    )


# ---------------------------------------------------------------------------------------------
# a successful build (needs every stage; run it end to end)


def test_build_writes_outputs_and_lists_skipped_inputs(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(REPORTS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("article.wiki", "article.md", "article.html", "event.json"):
        assert (out / name).is_file()
        assert str(out / name) in result.stdout
    assert f"skipped: {REPORTS / 'raw-feed.xyz'}: unsupported file type .xyz" in result.stderr
    record = json.loads((out / "event.json").read_text())
    assert {"input": str(REPORTS / "raw-feed.xyz"), "reason": "unsupported file type .xyz"} in record["skipped"]
    # the wire copy and its republication are one source listing both inputs
    first = record["sources"][0]
    assert first["input"] == str(REPORTS / "01-wire.txt")
    assert [d["input"] for d in first["duplicates"]] == [str(REPORTS / "02-copy.txt")]
    # the self-description tagline of the last report appears nowhere
    for name in ("article.wiki", "article.md", "article.html", "event.json"):
        assert "Lifelong tea drinker" not in (out / name).read_text()


def test_quiet_build_prints_nothing(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(REPORTS), "-o", str(tmp_path / "out"), "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (tmp_path / "out" / "event.json").is_file()
    assert not (tmp_path / "out" / "article.wiki").exists()


def test_shard_errors(runner: CliRunner, tmp_path: Path) -> None:
    fails_with(runner, ["--events", str(tmp_path / "e.jsonl"), "--shard", "0/4"],
               "error: --shard '0/4' is not K/N with 1 <= K <= N (for example --shard 2/8 builds the second of eight shards)")
    fails_with(runner, ["--events", str(tmp_path / "e.jsonl"), "--shard", "three"],
               "error: --shard 'three' is not K/N with 1 <= K <= N (for example --shard 2/8 builds the second of eight shards)")
    fails_with(runner, [str(tmp_path), "--shard", "1/2"],
               "error: --shard needs --events (shards split an events file: add --events EVENTS.jsonl)")


def test_file_larger_than_any_report(runner: CliRunner, tmp_path: Path) -> None:
    from wikiwire import ingest

    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:  # a sparse file: its size, not its bytes, is what is checked
        handle.truncate(ingest.MAX_REPORT_BYTES + 5 * 1024 * 1024)
    fails_with(runner, [str(path), "-o", str(tmp_path / "out")],
               f"error: {path}: 25 MB is more than any news report (limit 20 MB) "
               "(pass one article per file, or a JSONL file with one article a line)")
