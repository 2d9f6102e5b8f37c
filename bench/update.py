"""Benchmark of ``wikiwire update`` (issue 12): adding 1 report to a 100-report event against
a full rebuild of the 101 reports. Goal: the update costs at most 25% of the rebuild.

    python bench/update.py [--trials 3] [--out bench/RESULTS.md]

Reports come from bench/reports.py (the generated set bench/run.py uses). Every measurement
runs in a fresh process with the spaCy pipeline loaded and warmed up before the clock starts,
as bench/run.py measures builds: *update* = ``revisions.update`` (open the store, load the
previous revision, clean and analyse the new report, extract to verify over all 101, write
the revision, the outputs and article.diff.md); *rebuild* = ``pipeline.run`` over the 101
reports + the outputs + recording the revision (what ``wikiwire build`` now does). Trials
alternate update and rebuild; medians are reported. A section of bench/RESULTS.md is
replaced (or appended) with the figures; nothing is written that was not measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import reports  # noqa: E402
from run import CORPUS, CORPUS_EVENT, EXAMPLE, machine  # noqa: E402

EVENT_SIZE = 100  # reports already in the event (the figure)
GOAL = 0.25  # update / rebuild (the goal)
SECTION = "## Updating a living article (bench/update.py, issue 12)"


def _docs() -> list[Any]:
    return reports.generate(reports.load_bases(EXAMPLE, CORPUS, CORPUS_EVENT), EVENT_SIZE + 1)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _loaded() -> Any:
    from wikiwire import analyse

    # The same call ``run_update`` makes (its cache is keyed on the arguments as written).
    nlp = analyse.load_nlp(None)
    for _ in nlp.pipe(["A short sentence warms the pipeline up."]):
        pass
    return nlp


def worker_prepare(folder: Path) -> None:
    """Build the 100-report event into ``folder`` as revision 1."""
    from wikiwire import pipeline, revisions
    from wikiwire.render import write_outputs

    nlp = _loaded()
    build = pipeline.run(documents=_docs()[:EVENT_SIZE], nlp=nlp)
    write_outputs(build, folder)
    revisions.record_build(folder, build)


def worker_update(folder: Path) -> None:
    from wikiwire import pipeline, revisions

    _loaded()
    new = _docs()[EVENT_SIZE]
    timer = pipeline.StageTimer()
    c0, t0 = _cpu_s(), time.perf_counter()
    outcome = revisions.update(folder, documents=[new], timer=timer)
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "cpu": _cpu_s() - c0, "stages": timer.seconds, "revision": outcome.revision}))


def worker_rebuild(folder: Path) -> None:
    from wikiwire import pipeline, revisions
    from wikiwire.render import write_outputs

    nlp = _loaded()
    docs = _docs()
    timer = pipeline.StageTimer()
    c0, t0 = _cpu_s(), time.perf_counter()
    build = pipeline.run(documents=docs, nlp=nlp, timer=timer)
    write_outputs(build, folder)
    revisions.record_build(folder, build)
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "cpu": _cpu_s() - c0, "stages": timer.seconds}))


def _worker(kind: str, folder: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--worker", kind, str(folder)], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return json.loads(done.stdout.strip().splitlines()[-1]) if kind != "prepare" else {}


def _same_facts(updated: Path, rebuilt: Path) -> bool:
    from wikiwire.store import Store

    with Store.open(updated) as a, Store.open(rebuilt) as b:
        return a.revision(a.latest()).build.facts == b.revision(b.latest()).build.facts


def measure(trials: int) -> dict[str, Any]:
    started = machine()  # before the run: its load average is the one "at the start"
    work = Path(tempfile.mkdtemp(prefix="wikiwire-update-bench-"))
    try:
        base = work / "event100"
        _worker("prepare", base)
        updates: list[dict[str, Any]] = []
        rebuilds: list[dict[str, Any]] = []
        for trial in range(trials):
            target = work / f"update-{trial}"
            shutil.copytree(base, target)
            updates.append(_worker("update", target))
            rebuilds.append(_worker("rebuild", work / f"rebuild-{trial}"))
        same = _same_facts(work / "update-0", work / "rebuild-0")
    finally:
        load_end = os.getloadavg()
    shutil.rmtree(work, ignore_errors=True)
    up = statistics.median(u["seconds"] for u in updates)
    full = statistics.median(r["seconds"] for r in rebuilds)
    up_cpu = statistics.median(u["cpu"] for u in updates)
    full_cpu = statistics.median(r["cpu"] for r in rebuilds)
    return {
        "machine": started, "load_end": load_end, "trials": trials, "updates": updates, "rebuilds": rebuilds,
        "update_s": up, "rebuild_s": full, "ratio": up / full, "update_cpu_s": up_cpu, "rebuild_cpu_s": full_cpu,
        "cpu_ratio": up_cpu / full_cpu, "same_facts": same,
    }


def markdown(r: dict[str, Any]) -> str:
    m = r["machine"]
    order = ["ingest", "clean", "analyse", "extract", "focus", "reconcile", "compose", "verify"]
    stages = sorted({k for u in [*r["updates"], *r["rebuilds"]] for k in u["stages"]},
                    key=lambda k: order.index(k) if k in order else len(order))

    def row(name: str, runs: list[dict[str, Any]]) -> str:
        first = runs[0]
        cells = " | ".join(f"{first['stages'].get(s, 0.0):.3f}" for s in stages)
        rest = first["seconds"] - sum(first["stages"].values())
        return f"| {name} | {cells} | {rest:.3f} | {first['seconds']:.3f} |"

    lines = [
        SECTION,
        "",
        f"Measured by `python bench/update.py` on **{m['date']}** at commit {m['commit']}: {m['nproc']} cores, {m['cpu']}, "
        f"{m['ram_gb']} GB RAM, Python {m['python']}, spaCy {m['spacy']}; 1-minute load average "
        f"{m['load_start'][0]:.2f} at the start, {r['load_end'][0]:.2f} at the end (a machine shared with other work).",
        "",
        f"Adding 1 generated report to a {EVENT_SIZE}-report event (`revisions.update`: store read, new report cleaned "
        f"and analysed, extract to verify over all {EVENT_SIZE + 1}, revision + outputs + article.diff.md written) against "
        f"a full rebuild of the {EVENT_SIZE + 1} reports (`pipeline.run` + outputs + revision). Each a fresh process with "
        f"the spaCy pipeline loaded and warmed first; {r['trials']} alternating trials, medians.",
        "",
        "| goal | measured | met |",
        "| --- | ---: | :---: |",
        f"| update ≤ {GOAL:.0%} of a rebuild (wall) | {r['update_s']:.2f} s / {r['rebuild_s']:.2f} s = {r['ratio']:.0%} "
        f"(CPU {r['update_cpu_s']:.2f} / {r['rebuild_cpu_s']:.2f} s = {r['cpu_ratio']:.0%}) | {'yes' if r['ratio'] <= GOAL else 'no'} |",
        "",
        f"Final facts of the update equal the rebuild's: {'yes' if r['same_facts'] else 'NO'}.",
        "",
        "Trials (s): update " + ", ".join(f"{u['seconds']:.2f}" for u in r["updates"])
        + "; rebuild " + ", ".join(f"{x['seconds']:.2f}" for x in r["rebuilds"]) + ".",
        "",
        "Stages of the first trial (seconds; *other* = store, outputs and revision bookkeeping):",
        "",
        "| run | " + " | ".join(stages) + " | other | total |",
        "| --- | " + " | ".join("---:" for _ in stages) + " | ---: | ---: |",
        row("update", r["updates"]),
        row("rebuild", r["rebuilds"]),
        "",
    ]
    return "\n".join(lines)


def write_section(path: Path, text: str) -> None:
    """Replace this benchmark's section of ``path`` (up to the next "## "), or append it."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if SECTION in old:
        start = old.index(SECTION)
        end = old.find("\n## ", start + len(SECTION))
        new = old[:start] + text + (old[end + 1 :] if end != -1 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, folder = args.worker
        {"prepare": worker_prepare, "update": worker_update, "rebuild": worker_rebuild}[kind](Path(folder))
        return
    result = measure(args.trials)
    text = markdown(result)
    print(text)
    write_section(args.out, text)


if __name__ == "__main__":
    main()
