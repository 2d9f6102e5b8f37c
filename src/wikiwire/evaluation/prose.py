"""The prose lint of ``wikiwire eval``: defects an editor would strike from an article.

Counts, over an article's sentences (lead, then sections and subsections in reading order):

- ``captions``: a sentence that still reads as a photo caption or a picture credit
  ("(Photo: ...)", "REUTERS/...", "In this image ...");
- ``notices``: a notice about the page, not the event (AI-summary disclaimers, cookie,
  subscription or newsletter text, "Read more");
- ``present``: a sentence framed in the report's present tense ("is under way", "is on
  fire", "says"), quotations aside;
- ``openers``: a sentence opening on a pronoun or a connective ("He", "They", "But", "Also")
  or on a definite description of people or a group ("The men ...") that only the report's
  previous sentence could resolve;
- ``repeats``: pairs of sentences stating one fact twice (same figures, at least
  ``REPEAT_OVERLAP`` of the shorter one's content words shared);
- ``sentences``: how many sentences were read.

The patterns here are the lint's own and deliberately independent of ``compose.rewrite``'s
caption, notice and tense detectors and of compose's paraphrase thresholds: a lint that used
the very functions compose filters with could never count a defect they miss, so its zero
would be true by construction. Measures only; nothing here changes a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from itertools import combinations

from wikiwire.records import Article, ArticleSentence, Section

__all__ = ["REPEAT_OVERLAP", "ProseCounts", "article_texts", "lint_article", "lint_texts", "repeats"]

# Share of the shorter sentence's content words two sentences must share to count as
# stating one fact (with the same figures). Half is where, reading the tune events' articles,
# pairs stop being two wordings of one statement and become two statements about one subject.
REPEAT_OVERLAP = 0.5
# Sentences with fewer content words than this are too short to call a repeat ("Schools
# closed." shares half its words with many a sentence).
MIN_CONTENT_WORDS = 4

# A caption or credit: a picture word followed closely by a colon, bracket or slash ("Photo:",
# "Picture (Reuters)"), an agency's credit "AGENCY/Name", "In this photo ...", or a bracketed
# "(photo ...)".
_CAPTION = re.compile(
    r"\b(?:photo|picture|image|file photo|footage|getty|reuters/|afp/|ap photo)\b.{0,20}[:(/]|"
    r"\b(?:reuters|afp|ap|epa|getty images|anadolu)/\s*[A-Z]|"
    r"\bIn this (?:photo|image|picture)\b|\(\s*(?:photo|file)\b",
    re.IGNORECASE,
)
# Text about the page or the site: disclaimers, consent and subscription prompts, links.
_NOTICE = re.compile(
    r"AI[- ]generated|summari[sz]ation|cookies?\b|subscribe|subscription|newsletter|read more|"
    r"sign up|your support|feature is (?:currently )?unavailable|javascript",
    re.IGNORECASE,
)
# The report's present: an ongoing state ("is under way", "are on fire") or "says".
_PRESENT = re.compile(
    r"\b(?:is|are) (?:now |currently )?(?:underway|under way|on fire|ongoing)\b|\b(?:says|is now|are now)\b"
)
# An opening that needs the report's previous sentence to be understood.
_OPENER = re.compile(
    r"^(?:He|She|They|It|Its|His|Her|Their|But|And|Also|Meanwhile)\b|"
    r"^The (?:men|women|team|command|village)\b"
)
_QUOTE = '"'
_WORD = re.compile(r"[a-z][a-z'-]+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_STOP = frozenset(
    ["the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "that", "this", "these", "those", "was", "were", "is", "are", "be", "been", "has", "have", "had", "it", "its", "their", "his", "her", "they", "he", "she", "said", "says", "according", "after", "before", "during", "into", "over", "about"]
)


@dataclass(frozen=True)
class ProseCounts:
    """Defect counts of one article (or a sum of articles); every count is >= 0 and no count
    but ``repeats`` exceeds ``sentences`` (``repeats`` counts pairs)."""

    sentences: int = 0
    captions: int = 0
    notices: int = 0
    present: int = 0
    openers: int = 0
    repeats: int = 0

    def __add__(self, other: ProseCounts) -> ProseCounts:
        return ProseCounts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def to_dict(self) -> dict[str, int]:
        """The counts by name, as ``wikiwire eval --json`` reports them."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> ProseCounts:
        """Counts read back from ``to_dict``'s shape (unknown keys ignored)."""
        return cls(**{f.name: int(data.get(f.name, 0)) for f in fields(cls)})

    @classmethod
    def total(cls, counts: Iterable[ProseCounts]) -> ProseCounts:
        """The sum of ``counts``."""
        out = cls()
        for c in counts:
            out = out + c
        return out


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def repeats(texts: Sequence[str]) -> int:
    """Pairs of ``texts`` stating the same figures (or none) that share at least
    REPEAT_OVERLAP of the shorter one's content words."""
    keyed = [(frozenset(_DIGITS.findall(t)), _content(t)) for t in texts]
    count = 0
    for (fa, wa), (fb, wb) in combinations(keyed, 2):
        if fa != fb or min(len(wa), len(wb)) < MIN_CONTENT_WORDS:
            continue
        if len(wa & wb) / min(len(wa), len(wb)) >= REPEAT_OVERLAP:
            count += 1
    return count


def lint_texts(texts: Sequence[str]) -> ProseCounts:
    """The defect counts of an article given as its sentences' texts, in reading order."""
    return ProseCounts(
        sentences=len(texts),
        captions=sum(1 for t in texts if _CAPTION.search(t)),
        notices=sum(1 for t in texts if _NOTICE.search(t)),
        # What a quotation says in its speaker's present is not the article's framing.
        present=sum(1 for t in texts if _PRESENT.search(t.split(_QUOTE)[0])),
        openers=sum(1 for t in texts if _OPENER.search(t)),
        repeats=repeats(texts),
    )


def _walk(sections: Sequence[Section]) -> Iterator[ArticleSentence]:
    for section in sections:
        yield from section.sentences
        yield from _walk(section.subsections)


def article_texts(article: Article) -> list[str]:
    """The article's sentences' texts: the lead, then each section and subsection in order."""
    return [s.text for s in (*article.lead, *_walk(article.sections))]


def lint_article(article: Article) -> ProseCounts:
    """The defect counts of ``article`` (see the module's docstring)."""
    return lint_texts(article_texts(article))
