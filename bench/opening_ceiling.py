"""How far sentence choice can take the opening's ROUGE-L: a ceiling that reads the reference.

For each dev-corpus event of a split, the article is built as `wikiwire eval` builds it; its
opening (lead first, up to the reference's length in words) is scored beside a LexRank summary
of the same length, and beside an *oracle*: our lead followed by report sentences chosen
greedily, one at a time, to raise ROUGE-L F1 against the reference itself, within the same
word budget. No method that does not see the reference can choose better than such a pick
(greedy, so the true optimum may be slightly higher). Candidates per event are the
`CANDIDATES` sentences sharing most stemmed words with the reference, to keep the run short.

    python bench/opening_ceiling.py [--split tune|check|all] [--corpus ../shared/corpus/dev.jsonl]

Prints one line per event and the means; skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import Any

# Report sentences considered per event by the greedy oracle (most shared stemmed words first),
# to keep a run of all events under a minute. A smaller pool can only lower the oracle, so the
# ceiling it reports errs low, never high.
CANDIDATES = 50
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"


def _tokens(text: str) -> list[str]:
    """ROUGE's own tokens (lower case, Porter stems), as ``scoring.rouge_f1`` scores them."""
    return _tokenizer().tokenize(text)


@functools.cache
def _tokenizer() -> Any:
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def _lcs(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _f1(common: int, candidate: int, reference: int) -> float:
    if not common:
        return 0.0
    p, r = common / candidate, common / reference
    return 2 * p * r / (p + r)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["tune", "check", "all"])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: no dev corpus at {args.corpus}")
        return 0
    from wikiwire import analyse, ingest, pipeline
    from wikiwire.evaluation import baseline, scoring
    from wikiwire.evaluation import evaluate as ev
    from wikiwire.evaluation.scoring.content import opening

    nlp = analyse.load_nlp(None)
    events = ev.read_events(args.corpus)
    if args.split != "all":
        wanted = ev.split_ids(args.corpus, args.split)
        events = [e for e in events if e.id in wanted]
    rows = []
    for event in (e for e in events if e.reference_text):
        build = pipeline.run(documents=event.documents, nlp=nlp)
        reference = ingest.split_date_line(event.reference_text)[1].strip()
        ref_tokens = _tokens(reference)
        texts = [s.text for s in ev.article_sentences(build.article)]
        ours = opening(texts, scoring.word_count(reference))
        budget = sum(scoring.word_count(t) for t in ours)
        sources = list(dict.fromkeys(s.text for a in build.analysed for s in a.sentences))
        lexrank = baseline.lexrank_summary(sources, budget)
        tokens = {t: _tokens(t) for t in sources}
        ref_set = set(ref_tokens)
        pool = sorted(sources, key=lambda t: -len(set(tokens[t]) & ref_set) / (len(tokens[t]) + 5))[:CANDIDATES]
        chosen = [s.text for s in build.article.lead]
        words = sum(scoring.word_count(t) for t in chosen)
        while True:
            current = _tokens(" ".join(chosen))
            best, best_score = None, _f1(_lcs(ref_tokens, current), len(current), len(ref_tokens)) if current else 0.0
            for text in pool:
                if text in chosen or words + scoring.word_count(text) > budget:
                    continue
                joined = current + tokens[text]
                score = _f1(_lcs(ref_tokens, joined), len(joined), len(ref_tokens))
                if score > best_score:
                    best, best_score = text, score
            if best is None:
                break
            chosen.append(best)
            words += scoring.word_count(best)
        row = (
            event.id,
            scoring.rouge_f1(reference, "\n".join(ours))["rougeL"],
            scoring.rouge_f1(reference, lexrank)["rougeL"],
            scoring.rouge_f1(reference, "\n".join(chosen))["rougeL"],
        )
        rows.append(row)
        print(f"{row[0]:36s} ours {row[1]:.4f}  LexRank {row[2]:.4f}  oracle {row[3]:.4f}", flush=True)
    if not rows:
        print("no event with a reference text")
        return 0
    mean = [sum(r[i] for r in rows) / len(rows) for i in (1, 2, 3)]
    print(f"mean over {len(rows)} events: ours {mean[0]:.4f} ({mean[0] / mean[1]:.3f}x LexRank), "
          f"LexRank {mean[1]:.4f}, oracle {mean[2]:.4f} ({mean[2] / mean[1]:.3f}x LexRank)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
