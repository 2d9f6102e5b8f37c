"""Replay every dev-corpus event day by day (issue 12) and check the revision history.

    python bench/replay.py [--corpus ../shared/corpus/dev.jsonl] [--out bench/REPLAY.md]

For each event: ``revisions.replay`` (one revision per day of reports, undated reports with
the first day), then checks that

- the final revision's facts equal a one-shot build of the same reports in the same order
  (exactly: every Fact with its claims), and its infobox equals a build in file order;
- every revision reloads from the store and re-renders its event record;
- every change of an infobox value between two revisions is in that revision's change
  record (no revision states something a later one drops without saying so);

and reports which fields changed between revisions and whether each had reached its final
value before the last day (convergence). The corpus is evaluation data: only figures and
field names are written, never its text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from run import machine  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"


def replay_event(events: Path, event_id: str, work: Path) -> dict[str, Any]:
    from wikiwire import events as events_file
    from wikiwire import pipeline, revisions
    from wikiwire.records import FACT_NAMES
    from wikiwire.render.record import event_record
    from wikiwire.store import Store

    out = work / event_id
    t0 = time.perf_counter()
    outcomes = revisions.replay(events, event_id, out)
    seconds = time.perf_counter() - t0
    entry = next(e for e in events_file.iter_events(events) if e.id == event_id)
    docs = events_file.article_documents(entry.articles, f"{events}:{entry.line}")
    ordered = [d for _, group in revisions.days_of(docs) for d in group]
    one_shot = pipeline.run(documents=ordered)
    file_order = pipeline.run(documents=docs)
    with Store.open(out) as store:
        revs = [store.revision(n) for n in range(1, store.latest() + 1)]
    final = revs[-1].build
    reloads = all(event_record(r.build) == r.event for r in revs)
    changed: dict[str, int] = {}
    unreported: list[str] = []
    for before, after in itertools.pairwise(revs):
        stated = {f["name"] for f in after.changes.get("facts", [])}  # type: ignore[union-attr]
        for name in FACT_NAMES:
            if before.build.facts.get(name).display != after.build.facts.get(name).display:
                changed[name] = changed.get(name, 0) + 1
                if name not in stated:
                    unreported.append(f"{after.number}:{name}")
    # Converged before the last revision: the field already showed its final value one
    # revision earlier (only meaningful with two revisions or more).
    late = [
        name for name in FACT_NAMES
        if len(revs) > 1 and revs[-2].build.facts.get(name).display != final.facts.get(name).display
    ]
    return {
        "id": event_id,
        "reports": len(docs),
        "days": len(revisions.days_of(docs)),
        "revisions": len(revs),
        "no_change_days": sum(1 for o in outcomes if o.revision is None),
        "seconds": round(seconds, 1),
        "final_equals_one_shot": final.facts == one_shot.facts and final.article == one_shot.article,
        "infobox_equals_file_order": final.article.infobox == file_order.article.infobox,
        "reloads": reloads,
        "changed": changed,
        "unreported": unreported,
        "changed_on_last_day": late,
    }


def markdown(rows: list[dict[str, Any]], m: dict[str, Any]) -> str:
    lines = [
        "# Replaying the dev corpus day by day (bench/replay.py, issue 12)",
        "",
        f"Measured on **{m['date']}** at commit {m['commit']}: {m['nproc']} cores, {m['cpu']}, Python {m['python']}, "
        f"spaCy {m['spacy']}.",
        "",
        "Each event's reports are fed in publication order, one revision per day (undated reports with the first day). "
        "*= one-shot*: the final revision's facts and article equal one build of the same reports in the same order; "
        "*infobox = file order*: its infobox equals a build in the corpus's order (source numbering differs); "
        "*reload*: every revision reloads and re-renders its stored event record; *unreported*: value changes "
        "between revisions missing from that revision's change record; *changed fields*: field (times it changed); "
        "*last-day changes*: fields whose value changed on the final day (not yet converged the day before).",
        "",
        "| event | reports | days | revisions | = one-shot | infobox = file order | reload | unreported | changed fields | last-day changes | s |",
        "| --- | ---: | ---: | ---: | :---: | :---: | :---: | ---: | --- | --- | ---: |",
    ]
    for r in rows:
        if "error" in r:
            lines.append(f"| {r['id']} | – | – | – | – | – | – | – | error: {r['error']} | – | – |")
            continue
        changed = ", ".join(f"{k} ({v})" for k, v in r["changed"].items()) or "none"
        lines.append(
            f"| {r['id']} | {r['reports']} | {r['days']} | {r['revisions']} | {'yes' if r['final_equals_one_shot'] else 'NO'} "
            f"| {'yes' if r['infobox_equals_file_order'] else 'no'} | {'yes' if r['reloads'] else 'NO'} | {len(r['unreported'])} "
            f"| {changed} | {', '.join(r['changed_on_last_day']) or 'none'} | {r['seconds']} |"
        )
    ok = [r for r in rows if "error" not in r]
    totals: dict[str, int] = {}
    for r in ok:
        for k, v in r["changed"].items():
            totals[k] = totals.get(k, 0) + v
    lines += [
        "",
        f"Events: {len(rows)}; final = one-shot on {sum(r['final_equals_one_shot'] for r in ok)}; infobox = file-order build on "
        f"{sum(r['infobox_equals_file_order'] for r in ok)}; every revision reloads on {sum(r['reloads'] for r in ok)}; "
        f"unreported value changes: {sum(len(r['unreported']) for r in ok)}; events whose infobox still changed on the "
        f"last day: {sum(1 for r in ok if r['changed_on_last_day'])}; revisions in all: {sum(r['revisions'] for r in ok)}.",
        "",
        "Value changes between revisions, by field, over all events: "
        + (", ".join(f"{k} {v}" for k, v in sorted(totals.items(), key=lambda kv: -kv[1])) or "none")
        + ". Tolls move most, as coverage of a current event does; a field that changed on the last day had not "
        "converged before the last reports, which is what the edit summaries of that day say.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=HERE / "REPLAY.md")
    parser.add_argument("--only", help="Replay only this event id.")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus}: not found (the dev corpus is not bundled; pass --corpus)")
    ids = [json.loads(line)["id"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.only:
        ids = [i for i in ids if i == args.only]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="wikiwire-replay-") as tmp:
        for event_id in ids:
            try:
                row = replay_event(args.corpus, event_id, Path(tmp))
            except Exception as exc:  # one event's failure is reported, not fatal to the run
                row = {"id": event_id, "error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(row), flush=True)
            rows.append(row)
    args.out.write_text(markdown(rows, machine()), encoding="utf-8")
    print(f"wrote {args.out} ({dt.datetime.now(dt.UTC):%H:%M} UTC)")


if __name__ == "__main__":
    main()
