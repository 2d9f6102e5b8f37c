"""Synthetic report sets for the benchmark: N distinct reports about one event.

Base reports are the example's ``.txt`` bodies (written for this project) and, when
../shared/corpus is present, the articles of one corpus event. Each generated report keeps
its base's opening sentence, a shuffled subset of the rest, a few sentences borrowed from
another base, and figures nudged up or down, so two variants of the same base share well
under half their word shingles and are not merged as near-duplicate wire copies.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from wikiwire.records import Document

# Share of a base's non-opening sentences each variant keeps: low enough that two variants
# of one base overlap on about a third of their sentences (Jaccard far below a merge
# threshold), high enough that a report still reads as a report.
KEEP_SHARE = 0.55
# Share of variants that keep their base's opening line.
HEADLINE_SHARE = 0.5
# Sentences borrowed from other base reports (one each), as real reports repeat each other.
BORROWED = 3
# Relative nudge applied to figures (tolls, counts), as tolls differ between reports.
FIGURE_JITTER = 0.25
# Sentences per paragraph line in a generated report.
PARAGRAPH_SENTENCES = (1, 3)

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A 2-3 digit figure that is not part of a date ("5 October", "October 5"), clock time,
# decimal, range or larger number: nudging those would change facts other than figures.
_FIGURE = re.compile(r"(?<![\d:.,/-])\b(\d{2,3})\b(?![\d:.,/-])")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\s*\Z")
_MONTH_AFTER = re.compile(rf"\A\s*(?:{_MONTHS})")
_OUTLET_WORDS = (
    "harbour", "summit", "valley", "northern", "evening", "capital", "coastal", "prairie",
    "morning", "central", "island", "border", "highland", "river", "union", "frontier",
)
_OUTLET_KINDS = ("herald", "courier", "post", "wire", "times", "ledger", "monitor", "tribune")


@dataclass(frozen=True)
class Base:
    """A report to vary: its publication date and its sentences, paragraph by paragraph."""

    origin: str
    published: dt.date | None
    sentences: tuple[str, ...]


def _split(body: str) -> tuple[str, ...]:
    out: list[str] = []
    for line in body.splitlines():
        line = line.strip()
        if line:
            out.extend(s.strip() for s in _SENTENCE_END.split(line) if s.strip())
    return tuple(out)


def _base(origin: str, text: str, date: str | None) -> Base | None:
    match = _DATE_LINE.match(text)
    if match:
        date = match[1]
        text = text[match.end() :]
    sentences = _split(text)
    if len(sentences) < 3:
        return None
    return Base(origin, dt.date.fromisoformat(date) if date else None, sentences)


def load_bases(example: Path, corpus: Path | None, corpus_event: str | None) -> list[Base]:
    """Base reports: the example's .txt files, plus ``corpus_event``'s articles if present."""
    bases = [_base(p.name, p.read_text(encoding="utf-8"), None) for p in sorted(example.glob("*.txt"))]
    if corpus is not None and corpus.exists() and corpus_event:
        for line in corpus.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            if event.get("id") == corpus_event:
                bases += [_base(f"{corpus_event}#{i}", a["text"], a.get("date")) for i, a in enumerate(event["articles"], 1)]
    found = [b for b in bases if b is not None]
    if not found:
        raise SystemExit(f"no base reports found in {example} (nor in the corpus)")
    return found


def _nudge(rng: random.Random, sentence: str) -> str:
    def repl(match: re.Match[str]) -> str:
        if _MONTH_BEFORE.search(sentence, 0, match.start()) or _MONTH_AFTER.match(sentence[match.end() :]):
            return match[0]
        value = int(match[1])
        return str(max(2, round(value * (1 + rng.uniform(-FIGURE_JITTER, FIGURE_JITTER)))))

    return _FIGURE.sub(repl, sentence)


def _outlet(rng: random.Random, index: int) -> str:
    return f"{rng.choice(_OUTLET_WORDS)}-{rng.choice(_OUTLET_KINDS)}-{index}.example"


def generate(bases: list[Base], count: int, seed: int = 5) -> list[Document]:
    """``count`` distinct reports (Documents) varied from ``bases``, deterministic for ``seed``."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for index in range(count):
        base = bases[index % len(bases)]
        rest = list(base.sentences[1:])
        rng.shuffle(rest)
        body = rest[: max(2, round(len(rest) * KEEP_SHARE))]
        for other in rng.sample(bases, k=min(BORROWED, len(bases))):
            body.append(rng.choice(other.sentences[1:]))
        rng.shuffle(body)
        sentences = [_nudge(rng, s) for s in body]
        # The opening line (often a headline) is shared by every variant of a base, so it
        # is kept only in some of them.
        lines = [base.sentences[0]] if rng.random() < HEADLINE_SHARE else []
        while sentences:
            take = rng.randint(*PARAGRAPH_SENTENCES)
            lines.append(" ".join(sentences[:take]))
            sentences = sentences[take:]
        outlet = _outlet(rng, index)
        docs.append(
            Document(
                input=f"bench-{index:04d}.txt",
                text="\n\n".join(lines),
                url=f"https://{outlet}/news/{index:04d}",
                outlet=outlet,
                published=base.published,
            )
        )
    return docs


def write_files(docs: list[Document], folder: Path) -> None:
    """Write ``docs`` as .txt reports (date line first) for the command-line check."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        head = f" date {doc.published.isoformat()}\n" if doc.published else ""
        (folder / doc.input).write_text(head + doc.text + "\n", encoding="utf-8")
