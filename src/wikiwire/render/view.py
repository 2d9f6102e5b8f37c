"""What the three article renderers share: reading order, citation numbering, reference data.

The renderers (wikitext, Markdown, HTML) differ only in syntax; everything about *which*
source is cited where, in what order references are numbered, what a reference says and
which source sentence backs a citation is decided here once, so the three outputs agree.
Nothing in this module escapes markup: each renderer escapes for its own syntax.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from wikiwire.compose import uncertainty
from wikiwire.records import Article, ArticleSentence, Build, Section, Sentence, Source

# Wikipedia paragraphs run to a handful of sentences; a section rendered as one block of
# twenty sentences is unreadable, and the composer gives no paragraph breaks of its own.
SENTENCES_PER_PARAGRAPH = 4
# A reference needs a title; reports read from plain text have none, so the first sentence
# stands in for it, cut near the length of a long news headline.
FALLBACK_TITLE_MAX_CHARS = 90
# Deepest heading MediaWiki, Markdown and HTML all support.
MAX_HEADING_LEVEL = 6
# Keeps ref names and anchors readable; the source id that follows keeps them unique.
SLUG_MAX_CHARS = 30
# Only these schemes become links: anything else (file paths, javascript:) is shown as text.
WEB_SCHEMES = ("http", "https")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# Labels for infobox parameters whose name is not already a readable word.
PARAM_LABELS: dict[str, str] = {
    "partof": "Part of",
    "local-date": "Date",
    "local-time": "Time",
    "casualties": "Deaths",
    "deaths": "Deaths",
    "site": "Site",
    "summary": "Summary",
    "name": "Name",
}

# Infobox parameters that hold the event's name (see taxonomy.TEMPLATES).
TITLE_PARAMS = frozenset({"title", "name"})

# Characters no renderer should pass on: lone surrogates (cannot be written as UTF-8) and
# control characters other than tab and line breaks (invalid in HTML and MediaWiki).
_UNPRINTABLE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def clean_text(text: str) -> str:
    """``text`` without characters no output format can carry (see ``_UNPRINTABLE``)."""
    return _UNPRINTABLE.sub("", text)


def inline_text(text: str) -> str:
    """``text`` as one line of prose: unprintables removed, every whitespace run one space."""
    return " ".join(clean_text(text).split())


def slug(text: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """Lowercase ASCII letters, digits and hyphens only ("Al Jazeera" -> "al-jazeera")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")[:max_chars].strip("-")


def long_date(day: dt.date | None) -> str:
    """``day`` as Wikipedia writes it outside the US ("5 October 2023"); "" for None."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def param_label(param: str) -> str:
    """A readable label for an infobox parameter name ("partof" -> "Part of")."""
    if param in PARAM_LABELS:
        return PARAM_LABELS[param]
    words = param.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def sentence_note(sentence: ArticleSentence) -> str | None:
    """The note shown after an article sentence whose date is weakly known ("unconfirmed:
    <reason>", plain text to escape), or None."""
    return inline_text(f"{uncertainty.NOTE_LABEL}: {sentence.doubt}") if sentence.doubt else None


def infobox_rows(build: Build) -> list[tuple[str, str]]:
    """(label, value) rows a displayed infobox shows, in template order. Empty values are left
    out (MediaWiki hides them too), and so is the row repeating the article title: the box's
    caption already shows it."""
    return [(label, value) for label, value, _ in infobox_entries(build)]


def infobox_entries(build: Build) -> list[tuple[str, str, str | None]]:
    """The ``infobox_rows`` with, for each, the note to show beside a weakly known value
    ("unconfirmed: <reason>", plain text to escape) or None (``uncertainty.infobox_doubts``)."""
    title = inline_text(build.article.title or build.title)
    doubts = uncertainty.infobox_doubts(build)
    rows = [(name, inline_text(value)) for name, value in build.article.infobox.params.items()]
    return [
        (param_label(name), value, inline_text(doubts[name].note) if name in doubts else None)
        for name, value in rows
        if value and not (name in TITLE_PARAMS and value == title)
    ]


def web_url(url: str | None) -> str | None:
    """``url`` percent-encoded so it holds no space, quote, bracket or brace, when it is an
    http(s) URL with a host; None otherwise (nothing else is ever turned into a link)."""
    if not url:
        return None
    url = inline_text(url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    # Reserved characters stay (they carry the URL's structure); everything that could end
    # or break out of a link in any of our formats is percent-encoded.
    return quote(url, safe=":/?#@!$&()*+,;=%-._~")


def sentences_in_order(article: Article) -> Iterator[ArticleSentence]:
    """Every sentence of the article in reading order: lead, then sections depth first."""
    yield from article.lead
    for section in article.sections:
        yield from _section_sentences(section)


def _section_sentences(section: Section) -> Iterator[ArticleSentence]:
    yield from section.sentences
    for sub in section.subsections:
        yield from _section_sentences(sub)


def has_content(section: Section) -> bool:
    """Whether ``section`` or one of its subsections holds a sentence (empty ones are omitted)."""
    return bool(section.sentences) or any(has_content(s) for s in section.subsections)


def paragraphs(sentences: Sequence[ArticleSentence]) -> list[Sequence[ArticleSentence]]:
    """``sentences`` cut into paragraphs of at most SENTENCES_PER_PARAGRAPH."""
    return [
        sentences[i : i + SENTENCES_PER_PARAGRAPH]
        for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    ]


def cited(sentence: ArticleSentence) -> list[str]:
    """The source ids a sentence cites, each once, in the order given."""
    return list(dict.fromkeys(sentence.sources))


def heading_level(depth: int) -> int:
    """Heading level of a section at ``depth`` (0 = top-level section = level 2)."""
    return min(2 + depth, MAX_HEADING_LEVEL)


def split_title(text: str, title: str) -> tuple[str, str, str] | None:
    """``text`` split around the first occurrence of ``title`` (exact case first, then any
    case) as (before, match, after), or None when the title does not occur."""
    if not title:
        return None
    at = text.find(title)
    if at < 0:
        at = text.casefold().find(title.casefold())
        # casefold can change lengths ("ß" -> "ss"); then offsets no longer line up.
        if at < 0 or len(text.casefold()) != len(text):
            return None
    return text[:at], text[at : at + len(title)], text[at + len(title) :]


@dataclass(frozen=True)
class Reference:
    """One cited source as every format lists it."""

    number: int  # 1-based, in order of first citation
    source: Source
    name: str  # ref name / footnote label / anchor: safe characters only, unique
    title: str
    url: str | None  # http(s) only, percent-encoded
    outlet: str | None
    date: dt.date | None
    also_published_by: tuple[str, ...]  # outlets (or hosts) of merged duplicate copies
    also_published_as: tuple[str, ...]  # titles of merged copies whose outlet is unknown
    uses: int  # how many sentences cite it

    def copies_note(self) -> str:
        """Plain-text note naming the merged copies ("Also published by X and Y."), or "".
        Copies known only by a local file name are left out: they name no publication."""
        notes = []
        if self.also_published_by:
            notes.append(f"Also published by {and_list(self.also_published_by)}.")
        if self.also_published_as:
            titles = and_list(tuple(f"“{t}”" for t in self.also_published_as))
            notes.append(f"Also published as {titles}.")
        return " ".join(notes)


def and_list(items: tuple[str, ...]) -> str:
    """"A", "A and B", "A, B and C" (duplicates removed, order kept)."""
    unique = list(dict.fromkeys(items))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + " and " + unique[-1]


@dataclass
class Citations:
    """Reference numbering and lookups for one build.

    Invariant: ``references`` holds every source cited anywhere in the article, numbered
    1..n in order of first citation; ``by_id`` maps each cited source id to its entry.
    Ids cited but absent from the build's sources still get an entry (titled by the id), so
    a dangling citation shows up in the output instead of vanishing.
    """

    references: list[Reference] = field(default_factory=list)
    by_id: dict[str, Reference] = field(default_factory=dict)
    uncited: list[Source] = field(default_factory=list)
    sentences: dict[str, Sentence] = field(default_factory=dict)

    def evidence(self, sentence: ArticleSentence, source_id: str) -> list[str]:
        """The texts of the source sentences of ``source_id`` that ``sentence`` was written
        from (its evidence), in the order given."""
        texts: list[str] = []
        for sid in sentence.evidence:
            found = self.sentences.get(sid)
            if found is not None and found.source_id == source_id:
                texts.append(inline_text(found.text))
        return texts


def citations(build: Build) -> Citations:
    """Number the sources the article cites and gather what each reference shows."""
    sources = {s.id: s for s in build.sources}
    sentences_of = {a.source.id: a.sentences for a in build.analysed}
    uses: dict[str, int] = {}
    for sentence in sentences_in_order(build.article):
        for sid in cited(sentence):
            uses[sid] = uses.get(sid, 0) + 1
    result = Citations(sentences={s.id: s for a in build.analysed for s in a.sentences})
    taken: set[str] = set()
    for number, sid in enumerate(uses, start=1):
        source = sources.get(sid) or Source(id=sid, input=sid, text="")
        ref = Reference(
            number=number,
            source=source,
            name=_unique(_ref_name(source, number), taken),
            title=reference_title(source, sentences_of.get(sid, ()))[0],
            url=web_url(source.url),
            outlet=inline_text(source.outlet) if source.outlet else _host(source.url),
            date=source.published,
            also_published_by=tuple(
                inline_text(name) for d in source.duplicates if (name := d.outlet or _host(d.url))
            ),
            also_published_as=tuple(
                inline_text(d.title)
                for d in source.duplicates
                if not (d.outlet or _host(d.url)) and d.title and inline_text(d.title)
            ),
            uses=uses[sid],
        )
        result.references.append(ref)
        result.by_id[sid] = ref
    result.uncited = [s for s in build.sources if s.id not in uses]
    return result


def _ref_name(source: Source, number: int) -> str:
    id_part = slug(source.id) or f"ref{number}"
    outlet_part = slug(source.outlet or _host(source.url) or "")
    return f"{outlet_part}-{id_part}" if outlet_part else id_part


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _host(url: str | None) -> str | None:
    if not web_url(url):
        return None
    host = urlsplit(inline_text(url or "")).hostname or ""
    return host.removeprefix("www.") or None


def reference_title(source: Source, sentences: Sequence[Sentence] = ()) -> tuple[str, str]:
    """The title a reference gives ``source`` and where it came from: its headline
    (``source.title_from``, "page" or "headline"), else its first sentence that is not page
    furniture ("first sentence"), cut near a headline's length."""
    if source.title and inline_text(source.title):
        return inline_text(source.title), source.title_from or "page"
    stand_in = next((s.text for s in sentences if _prose(s.text)), sentences[0].text if sentences else None)
    return _title(source, stand_in), "first sentence"


# A sentence that stands in for a headline says something: at least this many words (a
# dateline split off as a sentence, "ISLAMABAD.", says where the report was filed).
STAND_IN_MIN_WORDS = 4


def _prose(text: str) -> bool:
    """Whether a sentence can stand in for a headline: no caption, credit, notice or dateline."""
    from wikiwire.captions import is_prose_caption
    from wikiwire.clean import NOTICE, furniture_reason

    return (len(text.split()) >= STAND_IN_MIN_WORDS and furniture_reason(text) is None and not NOTICE.search(text)
            and not is_prose_caption(text))


def _title(source: Source, first_sentence: str | None) -> str:
    if source.title and inline_text(source.title):
        return inline_text(source.title)
    # A sentence's final stop would double up with the citation's own punctuation.
    stand_in = inline_text(first_sentence or source.text.split("\n", 1)[0]).rstrip(" .")
    if len(stand_in) <= FALLBACK_TITLE_MAX_CHARS:
        return stand_in or f"Report {source.id}"
    cut = stand_in[:FALLBACK_TITLE_MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def backlink_labels(count: int) -> list[str]:
    """Wikipedia's back-link letters for ``count`` uses: a, b, ..., z, aa, ab, ..."""
    labels: list[str] = []
    for i in range(count):
        label, n = "", i
        while True:
            label = chr(ord("a") + n % 26) + label
            n = n // 26 - 1
            if n < 0:
                break
        labels.append(label)
    return labels
