"""Write bench/ACCURACY.md: field, title and kind accuracy on the dev corpus, all events and
each half of its tune/check split, beside the naive baseline, from one evaluation run.

Run: python bench/accuracy.py [--corpus ../shared/corpus/dev.jsonl]

The events are built once; the tune and check figures are the same per-event results
summarised over each half (``evaluate.summarise``). The "before" columns are the figures of
the code before the event-focus work (commit 75cb9db), measured on 2026-12-04 with the same
corpus, kept in ``BEFORE`` below because that code cannot score kinds or normalised titles.
Skips with a message when the corpus is not present.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"

# Measured with `wikiwire eval` at commit 75cb9db (before the event focus) on 2026-12-04,
# 15:05-15:40 UTC, on this machine: overall ("all fields") and core field means, and titles
# equal to the reference with case ignored (that code's rule). Its kinds were read off its
# builds with this code's reference_kind (that code did not score them).
BEFORE: dict[str, dict[str, Any]] = {
    "all": {"overall": 0.70, "core": 0.71, "titles": "8 of 22", "kinds": "22 of 22",
            "fields": {"date": 0.86, "location": 0.59, "type": 0.62, "fatalities": 0.86, "injuries": 0.55,
                       "perpetrators": 0.71, "time": 0.62, "timezone": 0.88, "target": 0.25, "part_of": 0.50}},
    "tune": {"overall": 0.72, "core": 0.73, "titles": "6 of 13", "kinds": "13 of 13",
             "fields": {"date": 0.85, "location": 0.59, "type": 0.75, "fatalities": 0.85, "injuries": 0.62,
                        "perpetrators": 0.80, "time": 0.71, "timezone": 0.91, "target": 0.33, "part_of": 0.40}},
    "check": {"overall": 0.65, "core": 0.66, "titles": "2 of 9", "kinds": "9 of 9",
              "fields": {"date": 0.89, "location": 0.58, "type": 0.50, "fatalities": 0.89, "injuries": 0.43,
                         "perpetrators": 0.50, "time": 0.40, "timezone": 0.83, "target": 0.00, "part_of": 1.00}},
}


# The last landed figures before this session's work (bench/ACCURACY.md at commit 1cffef3,
# 2026-12-04 16:56 UTC), so a reader sees what the session moved as well as what the event
# focus moved.
LANDED = (
    "At the previous landing (commit 1cffef3, 16:56 UTC) the same evaluation gave all fields 0.74, tune 0.78, "
    "check 0.67; titles 10 of 22; location 0.63, fatalities 0.86, injuries 0.60."
)
# What dating undated reports by their URL cost on the check half, measured with `wikiwire eval
# --split check --no-content` on the commits before and after it (c41e081 -> 3d51694), nothing
# else changed: recorded because it is a loss on the half no rule was written from.
URL_DATES = (
    "Dating undated reports by the date in their URL (3d51694) moved the check half from 0.67 to 0.64 "
    "(fatalities 0.89 -> 0.78, injuries 0.43 -> 0.29; tune unchanged). Both lost values are references no "
    "report states (marked unattainable): with every report dated, earlier tolls are superseded by later "
    "ones of the same body, and the ranges narrowed (fatalities 84–138 -> 135–138 against a reference of "
    "121+; injuries 180–700+ -> 180–400+ against 583). The over-values-reports-state scores did not move "
    "(fatalities 1.00, injuries 0.67). The change was kept: the dates are right, and the wider ranges had "
    "covered those references by mixing old and new figures."
)

# Measured separately (bench/run.py times whole builds; this script does not), recorded here
# with its conditions.
FOCUS_COST = (
    "`python bench/run.py --sizes 100 --compare '' --cli-sizes '' --no-batch` on 2026-12-04 19:14 UTC at commit "
    "d2dfa13, on a quiet machine (other processes under 1% of the CPU): the 100-report build takes 3.10 s (median "
    "of 3 fresh-process trials: 2.75 / 3.10 / 3.38 s) against a bare spaCy pass of 2.21 s (2.21 / 2.11 / 2.42 s), "
    "a floor ratio of **1.40** (CPU time 1.39; warm 1.09; goal ≤ 1.5). Stages: extract 0.21 s, focus 0.01 s, "
    "reconcile 0.01 s, compose 0.19 s, verify 0.12 s. An earlier run at 8110f78 (18:44 UTC) measured 1.36; at the "
    "previous landing (1cffef3, 16:55 UTC, same machine) it was 1.17. This session added the larger place index "
    "(155,111 places: more look-ups per name), the fact-written section and the stricter verification. At 1,000 "
    "reports (19:16 UTC, one run) the ratio is 1.17 (24.49 s build, 20.86 s bare pass)."
)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _machine() -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    import spacy

    return (f"{platform.machine()}, {sys.version.split()[0]}, spaCy {spacy.__version__}, commit {commit}"
            + (" (with uncommitted changes in src/)" if dirty else ""))


def _table(summaries: dict[str, dict[str, Any]]) -> list[str]:
    from wikiwire.evaluation.scoring import FIELDS

    head = "| field | " + " | ".join(f"{part} before | {part} now | {part} baseline" for part in summaries) + " |"
    lines = [head, "| --- |" + " ---: |" * (3 * len(summaries))]
    for field in FIELDS:
        cells = []
        for part, summary in summaries.items():
            row = summary["fields"].get(field, {})
            cells += [_num(BEFORE[part]["fields"].get(field)), _num(row.get("wikiwire")), _num(row.get("baseline"))]
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    for key, label in (("overall", "all fields"), ("core", "core fields")):
        cells = []
        for part, summary in summaries.items():
            base = summary["core"]["baseline"] if key == "core" else None
            cells += [_num(BEFORE[part][key]), f"**{_num(summary[key]['wikiwire'])}**", _num(base)]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for part, summary in summaries.items():
        t = summary["titles"]
        cells += [BEFORE[part]["titles"], f"{t['matching']} of {t['of']}", ""]
    lines.append("| titles equal to the encyclopedia's | " + " | ".join(cells) + " |")
    cells = []
    for part, summary in summaries.items():
        k = summary["kinds"]
        cells += [BEFORE[part]["kinds"], f"{k['matching']} of {k['of']}", ""]
    lines.append("| kind equal to the reference | " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=HERE / "ACCURACY.md")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is not present (the dev corpus is reference material users do not have)")
        return 0
    from wikiwire.evaluation import evaluate

    started = dt.datetime.now(dt.UTC)
    report = evaluate.evaluate(args.corpus, content=True)
    halves = {part: evaluate.split_ids(args.corpus, part) for part in ("tune", "check")}
    summaries = {"all": report["summary"]}
    for part, ids in halves.items():
        summaries[part] = evaluate.summarise([e for e in report["events"] if e["id"] in ids])
    text = [
        "# wikiwire accuracy on the dev corpus",
        "",
        f"Measured by `python bench/accuracy.py` on {started:%Y-%m-%d %H:%M} UTC ({_machine()}); one build per event, "
        f"{len(report['events'])} events. Rules are written looking at the `tune` half of `splits.json`; the `check` "
        "half only measures them. Floors for the CI gate: `eval/floors.json`.",
        "",
        "\"before\" is the code before the event focus (commit 75cb9db, same corpus, same day); \"baseline\" is the "
        "naive spaCy baseline (first date, most frequent place, largest number next to \"killed\") on the same "
        "sentences, in the same run. Titles count as equal after normalising case, dashes and a leading \"the\" "
        "(the code before compared case only).",
        "",
        *_table(summaries),
        "",
        LANDED,
        "",
        "## The check half and undated reports",
        "",
        URL_DATES,
        "",
        "## What the event focus costs",
        "",
        FOCUS_COST,
        "",
        "## Every event (the full `wikiwire eval` report)",
        "",
        "```",
        evaluate.format_report(report).rstrip(),
        "```",
        "",
    ]
    args.out.write_text("\n".join(text), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
