"""Prose defects and repeated facts in the articles built from an events file.

    python bench/prose.py ../shared/corpus/dev.jsonl [--split tune|check]

Builds every event with the real pipeline and counts, over the article's sentences (lead and
sections): sentences that still read as a photo caption, credit or page notice; sentences in
the report's present tense ("is under way", "says"); sentences opening on a subject the
article never introduced; pairs of sentences that repeat one fact; and the sources whose
reference title is a stand-in first sentence (no headline found) rather than a headline. Prints one line per
event and the totals. Measures only: nothing here changes a build.

A repeated fact is a pair of sentences stating the same figures (or none) that share at least
REPEAT_OVERLAP of the shorter sentence's content words: a test independent of the thresholds
compose merges paraphrases with, so the count is not zero by construction.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = HERE.parent.parent / "shared" / "corpus" / "splits.json"

# Share of the shorter sentence's content words two sentences must share to count as
# stating one fact (with the same figures). Half is where, reading the tune events' articles,
# pairs stop being two wordings of one statement and become two statements about one subject.
REPEAT_OVERLAP = 0.5
# Sentences with fewer content words than this are too short to call a repeat.
MIN_CONTENT_WORDS = 4

CAPTION = re.compile(
    r"\b(?:photo|picture|image|file photo|footage|getty|reuters/|afp/|ap photo)\b.{0,20}[:(/]|"
    r"\bIn this (?:photo|image|picture)\b|\(\s*(?:photo|file)\b",
    re.IGNORECASE,
)
NOTICE = re.compile(
    r"AI[- ]generated|summari[sz]ation|cookies?\b|subscribe|subscription|newsletter|read more|"
    r"sign up|your support|feature is (?:currently )?unavailable|javascript",
    re.IGNORECASE,
)
PRESENT = re.compile(r"\b(?:is|are) (?:now |currently )?(?:underway|under way|on fire|ongoing)\b|\b(?:says|is now|are now)\b")
OPENER = re.compile(r"^(?:He|She|They|It|Its|His|Her|Their|But|And|Also|Meanwhile)\b|^The (?:men|women|team|command|village)\b")
WORD = re.compile(r"[a-z][a-z'-]+")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
STOP = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "that", "this", "these", "those", "was", "were", "is", "are", "be", "been", "has", "have", "had", "it", "its", "their", "his", "her", "they", "he", "she", "said", "says", "according", "after", "before", "during", "into", "over", "about"]
)


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOP)


def repeats(texts: list[str]) -> int:
    """Pairs of sentences stating the same figures with REPEAT_OVERLAP of words shared."""
    keyed = [(frozenset(DIGITS.findall(t)), _content(t)) for t in texts]
    count = 0
    for (fa, wa), (fb, wb) in combinations(keyed, 2):
        if fa != fb or min(len(wa), len(wb)) < MIN_CONTENT_WORDS:
            continue
        if len(wa & wb) / min(len(wa), len(wb)) >= REPEAT_OVERLAP:
            count += 1
    return count


def _texts(article: object) -> list[str]:
    out = [s.text for s in article.lead]  # type: ignore[attr-defined]

    def walk(section: object) -> None:
        out.extend(s.text for s in section.sentences)  # type: ignore[attr-defined]
        for sub in section.subsections:  # type: ignore[attr-defined]
            walk(sub)

    for section in article.sections:  # type: ignore[attr-defined]
        walk(section)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", type=Path)
    parser.add_argument("--split", choices=("tune", "check"))
    args = parser.parse_args(argv)

    from wikiwire import analyse, pipeline
    from wikiwire.ingest import article_document

    wanted = set(json.loads(SPLITS.read_text())[args.split]) if args.split else None
    nlp = analyse.load_nlp(None)
    totals = dict.fromkeys(("sentences", "captions", "notices", "present", "openers", "repeats", "first_sentence_titles", "sources"), 0)
    for line in args.events.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if wanted is not None and event["id"] not in wanted:
            continue
        docs = [d for i, a in enumerate(event["articles"]) if (d := article_document(a, f"{event['id']}:{i}"))]
        build = pipeline.run(documents=docs, nlp=nlp)
        texts = _texts(build.article)
        row = {
            "sentences": len(texts),
            "captions": sum(1 for t in texts if CAPTION.search(t)),
            "notices": sum(1 for t in texts if NOTICE.search(t)),
            "present": sum(1 for t in texts if PRESENT.search(t.split('"')[0])),
            "openers": sum(1 for t in texts if OPENER.search(t)),
            "repeats": repeats(texts),
            "first_sentence_titles": sum(1 for s in build.sources if not s.title),
            "sources": len(build.sources),
        }
        for key, value in row.items():
            totals[key] += value
        print(event["id"], " ".join(f"{k}={v}" for k, v in row.items()))
    print("TOTAL", " ".join(f"{k}={v}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
