"""wikiwire benchmark: cold start, build time and peak RSS by report count, the spaCy floor
ratio, the stage breakdown, growth from 10 to 1,000 reports, and batch mode.

    python bench/run.py [--sizes 1,10,100,1000] [--out bench/RESULTS.md]

Every measurement runs in a fresh subprocess (``--worker ...``) so imports, model load and
peak RSS belong to that measurement alone. Results go to RESULTS.md (and the raw figures to
RESULTS.json beside it); nothing is written that was not measured in this run.
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # before any heavy import: the cold-start clock starts here

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "homs-2023"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
# The corpus event whose articles are mixed with the example's reports (same event).
CORPUS_EVENT = "homs-drone-strike-2023"
# Sizes above this are built once: a 1,000-report build takes most of a minute, and its
# one-off costs are a small share of it anyway.
REPEAT_MAX_SIZE = 100
STAGES = ("ingest", "clean", "analyse", "extract", "reconcile", "compose", "verify", "render")
# The "auto" policy runs spaCy in two processes once the input fills this many of analyse's
# batches: spaCy hands whole batches to its workers, so with one batch the second process
# idles, and below about two batches forking it and shipping docs back costs more than it
# saves (measured: 10-30 reports no faster with 2; 100 reports 2.8 s -> 2.0 s).
AUTO_MIN_BATCHES = 2


def _rss_mb(who: int) -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds used so far by this process and its finished children (spaCy workers):
    unlike wall time, barely affected by other work sharing the machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _emit(payload: dict[str, Any]) -> None:
    print("BENCH " + json.dumps(payload), flush=True)


# ---------------------------------------------------------------------------------------------
# workers (each in its own process)


def worker_cold(model: str | None) -> None:
    """Import wikiwire and load the model; report the seconds each took."""
    t_start = time.perf_counter()
    from wikiwire import analyse, pipeline  # noqa: F401

    t_import = time.perf_counter()
    nlp = analyse.load_nlp(model)
    t_load = time.perf_counter()
    _emit({
        "since_interpreter_s": t_load - _T0,
        "import_s": t_import - t_start,
        "load_s": t_load - t_import,
        "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "pipeline": list(nlp.pipe_names),
        "disabled": list(nlp.disabled),
        "rss_mb": _rss_mb(resource.RUSAGE_SELF),
    })


def _n_process(policy: str, lines: int, batch_size: int) -> int:
    if policy == "auto":
        return 2 if lines >= AUTO_MIN_BATCHES * batch_size and (os.cpu_count() or 1) >= 2 else 1
    return int(policy)


def _prepare(nlp: Any, size: int, policy: str) -> tuple[list[Any], int, list[str], int, int, float]:
    """The generated reports for ``size``, their word count, the floor's texts, analyse's
    batch size, the spaCy process count, and the seconds the warm-up document took."""
    from wikiwire import analyse

    sys.path.insert(0, str(HERE))
    import reports

    docs = reports.generate(reports.load_bases(EXAMPLE, CORPUS, CORPUS_EVENT), size)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    # The floor parses the reports' non-empty lines, as analyse feeds spaCy, with analyse's
    # batch size: measured here, spaCy parses short lines faster than whole reports (about
    # 15% at 300 reports), so a whole-report floor would flatter wikiwire's ratio.
    floor_texts = [line.strip() for t in texts for line in t.splitlines() if line.strip()]
    batch_size = getattr(analyse, "PIPE_BATCH_SIZE", 1000)
    n_process = _n_process(policy, len(floor_texts), batch_size)
    # The first document through a fresh pipeline pays one-off set-up; both the build and the
    # floor are measured after it so neither carries it (it is counted in the wall figure).
    t_warm = time.perf_counter()
    for _ in nlp.pipe(["A short sentence warms the pipeline up."]):
        pass
    return docs, words, floor_texts, batch_size, n_process, time.perf_counter() - t_warm


def _time_floor(nlp: Any, texts: list[str], batch_size: int, n_process: int) -> tuple[float, float]:
    """Wall and CPU seconds of one bare ``nlp.pipe`` pass over ``texts``."""
    c0 = _cpu_s()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - t0, _cpu_s() - c0


def worker_floor(size: int, policy: str, model: str | None) -> None:
    """The floor as a first build meets it: one bare ``nlp.pipe`` pass over ``size`` reports'
    lines in a fresh process with the model loaded and warmed up exactly as for the build.

    spaCy's first pass over a text in a process is slower than later ones (new words enter
    its vocabulary, buffers grow: measured 0-20% at 100 reports), so a first build is set
    against a first pass, and the warm build against passes after it in the build's process.
    """
    from wikiwire import analyse

    nlp = analyse.load_nlp(model)
    _, _, floor_texts, batch_size, n_process, _ = _prepare(nlp, size, policy)
    seconds, cpu = _time_floor(nlp, floor_texts, batch_size, n_process)
    _emit({"size": size, "n_process": n_process, "floor_s": seconds, "floor_cpu_s": cpu})


def worker_build(size: int, policy: str, repeat: int, model: str | None, profile: str | None) -> None:
    """Build ``size`` generated reports; time every stage and the bare nlp.pipe floor."""
    t_start = time.perf_counter()
    from wikiwire import analyse, pipeline
    from wikiwire.render import FORMATS, write_outputs

    t_import = time.perf_counter()
    nlp = analyse.load_nlp(model)
    t_load = time.perf_counter()

    docs, words, floor_texts, batch_size, n_process, warm_s = _prepare(nlp, size, policy)

    builds: list[float] = []
    floors: list[float] = []
    build_cpu: list[float] = []
    floor_cpu: list[float] = []
    stage_runs: list[dict[str, float]] = []
    result: dict[str, Any] = {}
    out = Path(tempfile.mkdtemp(prefix="wikiwire-bench-"))
    if profile:
        # A profiled build in a timing worker would skew its figures (cProfile slows Python
        # code far more than spaCy's compiled code), so profiles get a process of their own,
        # and profile the first build there, one-off loads included, as a user's run has them.
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        write_outputs(pipeline.run(documents=docs, nlp=nlp, n_process=n_process), out, FORMATS)
        profiler.disable()
        shutil.rmtree(out, ignore_errors=True)
        _emit({"size": size, "n_process": n_process, "hot": _write_profile(profiler, Path(profile))})
        return
    for _ in range(repeat):
        timer = pipeline.StageTimer()
        c0 = _cpu_s()
        t0 = time.perf_counter()
        build = pipeline.run(documents=docs, nlp=nlp, timer=timer, n_process=n_process)
        t1 = time.perf_counter()
        write_outputs(build, out, FORMATS)
        t2 = time.perf_counter()
        build_cpu.append(_cpu_s() - c0)
        stages = dict(timer.seconds)
        stages["render"] = t2 - t1
        stage_runs.append(stages)
        builds.append(t2 - t0)

        seconds, cpu = _time_floor(nlp, floor_texts, batch_size, n_process)
        floors.append(seconds)
        floor_cpu.append(cpu)
        result = {
            "sources": len(build.sources),
            "sentences": sum(len(a.sentences) for a in build.analysed),
            "distinct_sentences": len({s.text for a in build.analysed for s in a.sentences}),
            "article_sentences": len(build.article.lead) + _count_sentences(build.article.sections),
            "verified": f"{build.verification.passed}/{build.verification.checked}",
            "title": build.title,
        }
    # The first build is what a one-shot `wikiwire build` pays (it includes one-off loading
    # inside the stages, such as the gazetteer); later builds in the same process show the
    # steady state a batch worker reaches.
    first = 0
    shutil.rmtree(out, ignore_errors=True)
    _emit({
        "size": size,
        "words": words,
        "n_process": n_process,
        "batch_size": batch_size,
        "lines": len(floor_texts),
        "import_s": t_import - t_start,
        "load_s": t_load - t_import,
        "warm_s": warm_s,
        "build_s": builds[first],
        "warm_build_s": min(builds[1:]) if len(builds) > 1 else None,
        "builds_s": builds,
        # Passes over the floor texts after the build(s), in the same process: spaCy has seen
        # every word by then, so these pair with the warm build, not with the first one.
        "warm_floor_s": min(floors),
        "warm_floors_s": floors,
        "build_cpu_s": build_cpu[first],
        "warm_floor_cpu_s": min(floor_cpu),
        "stages": stage_runs[first],
        "wall_s": (t_load - _T0) + warm_s + builds[first],
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_worker_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        **result,
    })


def _count_sentences(sections: Any) -> int:
    return sum(len(s.sentences) + _count_sentences(s.subsections) for s in sections)


# Functions listed as hot spots in RESULTS.md: the top of the profile by own time.
HOT_SPOTS = 15


def _write_profile(profiler: Any, path: Path) -> list[dict[str, Any]]:
    """Write the profile's top functions to ``path``; return the top HOT_SPOTS by own time
    (time in the function itself, callees excluded), overall and among wikiwire's own
    functions, each with its costliest caller."""
    import io
    import pstats

    buf = io.StringIO()
    stats = pstats.Stats(profiler, stream=buf)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    ranked = sorted(raw.items(), key=lambda item: -item[1][2])
    ours = [item for item in ranked if "wikiwire" in Path(item[0][0]).parts]
    hot = []
    for scope, items in (("all", ranked[:HOT_SPOTS]), ("wikiwire", ours[:HOT_SPOTS])):
        for (filename, line, func), (_, ncalls, tottime, cumtime, callers) in items:
            top_caller = max(callers.items(), key=lambda c: c[1][3], default=None)
            hot.append({
                "scope": scope,
                "function": f"{_short(filename)}:{line}({func})",
                "calls": ncalls,
                "own_s": tottime,
                "cumulative_s": cumtime,
                "main_caller": f"{_short(top_caller[0][0])}:{top_caller[0][1]}({top_caller[0][2]})" if top_caller else "",
            })
    stats.strip_dirs()
    buf.write("== by own time (tottime) ==\n")
    stats.sort_stats("tottime").print_stats(45)
    buf.write("\n== by cumulative time ==\n")
    stats.sort_stats("cumulative").print_stats(45)
    buf.write("\n== callers of the top functions by own time ==\n")
    stats.sort_stats("tottime").print_callers(20)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return hot


def _short(filename: str) -> str:
    """``wikiwire/facts/dates.py`` for project files, the last two path parts otherwise."""
    parts = Path(filename).parts
    if "wikiwire" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("wikiwire") :])
    return "/".join(parts[-2:]) if len(parts) > 1 else filename


# ---------------------------------------------------------------------------------------------
# the orchestrator


def _machine_busy_s() -> float:
    """CPU seconds all processes on the machine have used since boot (from /proc/stat)."""
    fields = Path("/proc/stat").read_text(encoding="utf-8").split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _children_cpu_s() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def _run_worker(args: list[str], timeout: float) -> dict[str, Any]:
    """Run this script as a worker; its JSON result, plus how much of the machine other
    processes used meanwhile (machine CPU time minus the worker's own, over wall x cores)."""
    busy0, ours0 = _machine_busy_s(), _children_cpu_s()
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    outer = time.perf_counter() - start
    others = (_machine_busy_s() - busy0) - (_children_cpu_s() - ours0)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("BENCH "):
            payload: dict[str, Any] = json.loads(line[len("BENCH "):])
            payload["process_wall_s"] = outer
            payload["others_share"] = max(0.0, others / (outer * (os.cpu_count() or 1)))
            return payload
    tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return {"error": f"exit {proc.returncode}: {tail}"}


def _timed_command(cmd: list[str], timeout: float) -> dict[str, Any]:
    """Run ``cmd``; its wall time, exit status and peak RSS (from wait4, this child only)."""
    import threading

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
    return {"wall_s": wall, "exit": proc.returncode, "rss_mb": usage.ru_maxrss / 1024, "stderr": tail}


def cli_check(size: int, timeout: float) -> dict[str, Any]:
    """`wikiwire build FOLDER` on ``size`` generated .txt reports, as a user would run it."""
    sys.path.insert(0, str(HERE))
    import reports

    docs = reports.generate(reports.load_bases(EXAMPLE, CORPUS, CORPUS_EVENT), size)
    with tempfile.TemporaryDirectory(prefix="wikiwire-bench-cli-") as tmp:
        folder = Path(tmp) / "reports"
        reports.write_files(docs, folder)
        result = _timed_command([sys.executable, "-m", "wikiwire", "build", str(folder), "-o", str(Path(tmp) / "out"), "-q"], timeout)
        result["outputs"] = sorted(p.name for p in (Path(tmp) / "out").glob("*")) if (Path(tmp) / "out").exists() else []
    result["size"] = size
    return result


def batch_check(jobs: int, timeout: float) -> dict[str, Any]:
    """`wikiwire build --events dev.jsonl --jobs N --force` into a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="wikiwire-bench-batch-") as tmp:
        out = Path(tmp) / "out"
        result = _timed_command([sys.executable, "-m", "wikiwire", "build", "--events", str(CORPUS), "-o", str(out), "--jobs", str(jobs), "--force", "-q"], timeout)
        result["folders"] = sorted(p.name for p in out.iterdir() if (p / ".wikiwire-done").exists()) if out.exists() else []
    result["jobs"] = jobs
    return result


def machine() -> dict[str, Any]:
    """What this run ran on (read, not assumed)."""
    import platform

    cpu = "unknown"
    mem_kb = 0
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("MemTotal"):
            mem_kb = int(line.split()[1])
    try:
        import spacy

        spacy_version = spacy.__version__
    except ImportError:
        spacy_version = "not installed"
    nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True, check=False).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": nproc,
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "spacy": spacy_version,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "load_start": os.getloadavg(),
    }


def _median(values: list[float]) -> float:
    import statistics

    return statistics.median(values)


def measure(size: int, policy: str, args: argparse.Namespace, model_args: list[str]) -> dict[str, Any]:
    """Build and floor figures for ``size`` reports from alternating fresh-process trials.

    Each trial is one build worker (first build, warm builds, floor passes after them) and
    one floor worker (a first pass in a fresh process). Alternating them spreads any
    slow-down of the shared machine over both; the median of each is reported, and the
    reported stages are those of the build whose time is the median.
    """
    small = size <= REPEAT_MAX_SIZE
    builds: list[dict[str, Any]] = []
    floors: list[dict[str, Any]] = []
    for _ in range(args.trials if small else 1):
        builds.append(_run_worker(["--worker", "build", "--size", str(size), "--n-process", policy, "--repeat", str(args.repeat if small else 1), *model_args], args.timeout))
        floors.append(_run_worker(["--worker", "floor", "--size", str(size), "--n-process", policy, *model_args], args.timeout))
    for failed in (*builds, *floors):
        if "error" in failed:
            return {"size": size, "error": failed["error"]}
    builds.sort(key=lambda b: b["build_s"])
    run = dict(builds[(len(builds) - 1) // 2])
    run.update({
        "size": size,
        "trials": len(builds),
        "build_s": _median([b["build_s"] for b in builds]),
        "build_trials_s": [b["build_s"] for b in builds],
        "build_cpu_s": _median([b["build_cpu_s"] for b in builds]),
        "wall_s": _median([b["wall_s"] for b in builds]),
        "floor_s": _median([f["floor_s"] for f in floors]),
        "floor_trials_s": [f["floor_s"] for f in floors],
        "floor_cpu_s": _median([f["floor_cpu_s"] for f in floors]),
        "others_share": max(r["others_share"] for r in (*builds, *floors)),
        "rss_main_mb": max(b["rss_main_mb"] for b in builds),
        "rss_worker_mb": max(b["rss_worker_mb"] for b in builds),
    })
    warm = [b["warm_build_s"] for b in builds if b.get("warm_build_s")]
    run["warm_build_s"] = min(warm) if warm else None
    run["warm_floor_s"] = min(b["warm_floor_s"] for b in builds)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100,1000", help="report counts to build (comma-separated)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="Markdown results file")
    parser.add_argument("--n-process", default="1", help=f"spaCy processes: 1 (what `wikiwire build` does), 2, or auto (2 from {AUTO_MIN_BATCHES} of analyse's batches of lines)")
    parser.add_argument("--compare", default="1000", help="sizes also built with spaCy in 2 processes, to show that trade-off (comma-separated, empty for none)")
    parser.add_argument("--repeat", type=int, default=2, help=f"builds per size up to {REPEAT_MAX_SIZE} reports (larger sizes: 1): the first is reported, the fastest later one as the warm build")
    parser.add_argument("--cli-sizes", default="100", help="sizes also timed through `wikiwire build FOLDER` (comma-separated, empty for none)")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch-mode (--events, --jobs 1 vs 2) measurement")
    parser.add_argument("--profile", default="", help="sizes to profile with cProfile into bench/profile-N.txt (comma-separated)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: wikiwire's)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds allowed per measurement")
    parser.add_argument("--render-only", action="store_true", help="rewrite --out from the RESULTS.json beside it, measuring nothing")
    parser.add_argument("--trials", type=int, default=3, help=f"fresh-process build and floor measurements per size up to {REPEAT_MAX_SIZE} reports (larger sizes: 1); the median of each is reported")
    parser.add_argument("--worker", choices=("cold", "build", "floor"), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker == "cold":
        worker_cold(args.model)
        return
    if args.worker == "build":
        worker_build(args.size, args.n_process, args.repeat, args.model, args.profile_to)
        return
    if args.worker == "floor":
        worker_floor(args.size, args.n_process, args.model)
        return

    sys.path.insert(0, str(HERE))
    import results

    if args.render_only:
        data = json.loads(args.out.with_suffix(".json").read_text(encoding="utf-8"))
        args.out.write_text(results.markdown(data), encoding="utf-8")
        return
    model_args = ["--model", args.model] if args.model else []
    info = machine()
    log = print
    log(f"machine: {info}")
    cold = _run_worker(["--worker", "cold", *model_args], args.timeout)
    log(f"cold start: {cold}")
    profiled = {int(s) for s in args.profile.split(",") if s.strip()}
    runs = []
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        run = measure(size, args.n_process, args, model_args)
        if size in profiled:
            prof = _run_worker(["--worker", "build", "--size", str(size), "--n-process", args.n_process, "--profile-to", str(HERE / f"profile-{size}.txt"), *model_args], args.timeout)
            run["hot"] = prof.get("hot", [])
        log(f"{size} reports: {run}")
        runs.append(run)
    compared = []
    for size in [int(s) for s in args.compare.split(",") if s.strip()]:
        run = measure(size, "2", args, model_args)
        log(f"{size} reports, 2 spaCy processes: {run}")
        compared.append(run)
    clis = []
    for size in [int(s) for s in args.cli_sizes.split(",") if s.strip()]:
        clis.append(cli_check(size, args.timeout))
        log(f"cli {size}: {clis[-1]}")
    batches = []
    if not args.no_batch and CORPUS.exists():
        for jobs in (1, 2):
            batches.append(batch_check(jobs, args.timeout))
            log(f"batch --jobs {jobs}: {batches[-1]}")
    info["load_end"] = os.getloadavg()
    data = {"machine": info, "cold": cold, "runs": runs, "compared": compared, "cli": clis, "batch": batches, "n_process_policy": args.n_process, "auto_batches": AUTO_MIN_BATCHES, "repeat": args.repeat, "trials": args.trials}
    args.out.write_text(results.markdown(data), encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
