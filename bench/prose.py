"""Prose defects and repeated facts in the articles built from an events file.

    python bench/prose.py ../shared/corpus/dev.jsonl [--split tune|check]

Builds every event with the real pipeline and counts, with the lint ``wikiwire eval`` reports
(``wikiwire.evaluation.prose``: its patterns and thresholds live there, independent of
compose's own filters), over the article's sentences (lead and sections): sentences that
still read as a photo caption, credit or page notice; sentences in the report's present tense
("is under way", "says"); sentences opening on a subject the article never introduced; pairs
of sentences that repeat one fact. It adds what the lint does not see, the sources whose
reference title is a stand-in first sentence (no headline found) rather than a headline.
Prints one line per event and the totals. Measures only: nothing here changes a build.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = HERE.parent.parent / "shared" / "corpus" / "splits.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", type=Path)
    parser.add_argument("--split", choices=("tune", "check"))
    args = parser.parse_args(argv)

    from wikiwire import analyse, pipeline
    from wikiwire.evaluation.prose import ProseCounts, lint_article
    from wikiwire.ingest import article_document

    wanted = set(json.loads(SPLITS.read_text())[args.split]) if args.split else None
    nlp = analyse.load_nlp(None)
    counts: list[ProseCounts] = []
    titles = {"first_sentence_titles": 0, "sources": 0}
    for line in args.events.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if wanted is not None and event["id"] not in wanted:
            continue
        docs = [d for i, a in enumerate(event["articles"]) if (d := article_document(a, f"{event['id']}:{i}"))]
        build = pipeline.run(documents=docs, nlp=nlp)
        lint = lint_article(build.article)
        counts.append(lint)
        row = {"first_sentence_titles": sum(1 for s in build.sources if not s.title), "sources": len(build.sources)}
        for key, value in row.items():
            titles[key] += value
        print(event["id"], " ".join(f"{k}={v}" for k, v in {**lint.to_dict(), **row}.items()))
    total = {**ProseCounts.total(counts).to_dict(), **titles}
    print("TOTAL", " ".join(f"{k}={v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
