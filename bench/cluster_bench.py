"""Clustering benchmark: synthetic feeds (bench/feed.py) of 1,000 and 10,000 reports through
``wikiwire cluster``, each run in a fresh process; wall time, peak RSS (``/usr/bin/time``),
B-cubed F1 against the generator's true events, and the log-log slope of cost from the
smaller feed to the larger. Peak RSS is the ``wikiwire`` process's own (with ``--jobs`` or
Ray, the build workers are other processes).

    python bench/cluster_bench.py [--sizes 1000 10000] [--articles] [--jobs 2] [--engine ray]
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import feed  # noqa: E402

from wikiwire.cluster.evaluate import bcubed  # noqa: E402


def _run(path: Path, out: Path, articles: bool, engine: str, jobs: int) -> tuple[float, int]:
    command = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "wikiwire", "cluster", str(path), "-o", str(out), "-q",
               "--engine", engine, "--format", "json,csv", "--jobs", str(jobs)]
    if not articles:
        command.append("--no-articles")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) * 1024


def _score(path: Path, out: Path) -> dict[str, float | int]:
    truth = {f"{path}:{n}": json.loads(line)["event"] for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)}
    predicted: dict[str, str] = {}
    events = 0
    for line in (out / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        events += 1
        for member in cluster["members"]:
            predicted[member["input"]] = cluster["id"]
    precision, recall, f1 = bcubed(predicted, truth)
    return {"events_found": events, "events_true": len(set(truth.values())), "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--articles", action="store_true", help="also build every event's article")
    parser.add_argument("--engine", default="local", choices=("local", "ray"))
    parser.add_argument("--jobs", type=int, default=1, help="processes building articles (local engine)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"feed-{n}.jsonl"
            with path.open("w", encoding="utf-8") as handle:
                for report in feed.generate(n):
                    handle.write(json.dumps(report) + "\n")
            out = Path(tmp) / f"out-{n}"
            wall, rss = _run(path, out, args.articles, args.engine, args.jobs)
            rows.append({"reports": n, "wall_s": wall, "peak_rss_mb": round(rss / 1e6), **_score(path, out)})
            print(json.dumps(rows[-1]), flush=True)
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        slope = math.log(b["wall_s"] / a["wall_s"]) / math.log(b["reports"] / a["reports"])
        print(json.dumps({"log_log_slope": round(slope, 2), "engine": args.engine, "articles": args.articles, "jobs": args.jobs,
                          "python": platform.python_version()}))


if __name__ == "__main__":
    main()
