"""Typed, frozen records passed between pipeline stages.

Every stage takes and returns these records and nothing looser. They are pydantic models so
any stage's output can be saved (``model_dump(mode="json")``) and reloaded
(``model_validate``), and so the event record written to ``event.json`` is validated.

Flow::

    ingest  -> Document            (one per usable input report)
    clean   -> Source              (cleaned text; near-duplicates merged into one source)
    analyse -> AnalysedSource      (sentences with named entities, and the anchor date)
    extract -> Claim               (one per statement of a fact, with its attribution)
    reconcile -> Fact, Conflict    (one Fact per infobox field, derived only from claims)
    compose -> Article             (lead + sections of cited sentences)
    verify  -> Article, Verification
    render  -> files
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, JsonValue

# ---------------------------------------------------------------------------------------------
# Common


class Record(BaseModel):
    """Base of every record: immutable, and unknown fields are an error (catches typos)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Skipped(Record):
    """An input that produced no source, and why. Nothing is dropped without one of these."""

    input: str  # path, URL, or "<stdin>:LINE"
    reason: str


# ---------------------------------------------------------------------------------------------
# ingest


class Document(Record):
    """One news report as read from an input, before cleaning.

    Invariant: ``text`` is non-empty plain text (HTML has already been reduced to its main
    text by trafilatura). ``published`` is the date the input claims, not yet checked.
    """

    input: str  # where it came from: a path, a URL, or "<stdin>:LINE" / "FILE:LINE" for JSONL
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None


class IngestResult(Record):
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()


# ---------------------------------------------------------------------------------------------
# clean


TitleFrom = Literal["page", "headline", "first sentence"]


class Duplicate(Record):
    """A report merged into another source because it is (near-)identical copy."""

    input: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    similarity: float  # estimated Jaccard similarity of word shingles with the kept report


class Source(Record):
    """A cleaned report, the unit that gets cited.

    Invariants: ``id`` is unique in a build and stable for the same inputs ("s1", "s2", ... in
    input order); ``text`` holds only news lines, one paragraph/heading per line;
    ``duplicates`` lists every merged copy so each outlet stays visible.
    """

    id: str
    input: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    duplicates: tuple[Duplicate, ...] = ()
    removed_lines: tuple[str, ...] = ()  # non-news lines cleaning dropped (bylines, prompts...)
    # Where ``title`` came from: the page's or events file's own metadata ("page") or the
    # report's headline line ("headline"); None when it has no headline (``title`` None; the
    # renderers then title it by its first sentence, "first sentence" in event.json).
    title_from: TitleFrom | None = None


class CleanResult(Record):
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...] = ()


# ---------------------------------------------------------------------------------------------
# analyse


class Entity(Record):
    """A named entity inside one sentence; offsets are relative to the sentence text."""

    text: str
    label: str  # spaCy label: GPE, LOC, FAC, ORG, PERSON, NORP, DATE, TIME, CARDINAL, ...
    start: int
    end: int


class Sentence(Record):
    """One sentence of a source.

    Invariants: ``id`` is ``"{source_id}.{index}"``; ``index`` counts from 0 in reading order;
    a sentence never spans a line break of the cleaned text (``paragraph`` is the line number).
    """

    id: str
    source_id: str
    index: int
    paragraph: int
    text: str
    entities: tuple[Entity, ...] = ()


class AnalysedSource(Record):
    """A source with its sentences, and the date relative expressions are resolved against.

    ``anchor_date`` is the publication date when it is consistent with the content, else a
    date inferred from the content, else None (see ``facts.dates``).
    ``anchor_note`` says why the publication date was not used, when it was not.
    """

    source: Source
    sentences: tuple[Sentence, ...]
    anchor_date: dt.date | None = None
    anchor_note: str | None = None


# ---------------------------------------------------------------------------------------------
# extract

FactName = Literal[
    "date",
    "time",
    "timezone",
    "location",
    "type",
    "magnitude",
    "target",
    "weapons",
    "perpetrators",
    "part_of",
    "fatalities",
    "injuries",
]
FACT_NAMES: tuple[FactName, ...] = get_args(FactName)  # in infobox order

Qualifier = Literal["at least", "more than", "about", "exactly", "up to"]

# Any JSON value (pydantic validates it as such and it dumps as-is).
JSONValue = JsonValue


class Claim(Record):
    """One statement of a fact in one sentence of one source. The single source of truth.

    ``value`` depends on the fact:
      - date: "YYYY-MM-DD" (``value_end`` set for multi-day events)
      - time: "HH:MM" or a part of day ("morning", "afternoon", ...)
      - timezone: "UTC+03:00"
      - location: {"venue", "city", "region", "country", "lat", "lon"} (missing parts None;
        the reconciled fact may add "district", "city_as_written", "region_as_written", "water")
      - type: a taxonomy key (see ``taxonomy.KINDS``), e.g. "drone strike"
      - magnitude: an earthquake's magnitude as written, one decimal ("6.3")
      - fatalities / injuries: an int figure; ``scope`` names a breakdown group
      - perpetrators: a name, or "Unknown"; ``stance`` says claimed/suspected/accused/unknown
      - target, weapons, part_of: a short noun phrase
    ``weight`` is the extractor's confidence in [0, 1] that this sentence states the fact
    about *this* event (lower for hedged or indirect statements).
    """

    fact: FactName
    value: JSONValue
    value_end: JSONValue = None
    display: str
    source: str  # Source.id
    sentence: str  # Sentence.id
    quote: str  # the sentence text the claim was read from
    qualifier: Qualifier | None = None
    attributed_to: str | None = None  # "the Ministry of Health", "police", ... or None
    reported: dt.date | None = None  # the source's anchor date
    scope: str | None = None  # casualties breakdown group: "children", "civilians", ...
    stance: Literal["claimed", "suspected", "accused", "unknown"] | None = None
    weight: float = Field(default=1.0, ge=0.0, le=1.0)


# ---------------------------------------------------------------------------------------------
# reconcile


class Fact(Record):
    """The reconciled value of one infobox field, derived only from ``claims``.

    ``value`` has the JSON shape documented in the README (for casualties
    {"low", "high", "best"}); ``display`` is what the infobox shows; ``sources`` are the ids
    of every source whose claims support the displayed value; ``rule`` names the
    reconciliation rule that produced it.
    """

    name: FactName
    value: JSONValue = None
    display: str = ""
    sources: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    breakdown: dict[str, int] = Field(default_factory=dict)  # casualties by group
    rule: str | None = None


class Conflict(Record):
    """Sources disagree on a fact: every claim involved, and how it was resolved."""

    fact: FactName
    claims: tuple[Claim, ...]
    resolution: str


class FrameEvidence(Record):
    """A headline or lede sentence that decided part of the event frame."""

    source: str  # Source.id
    sentence: str  # Sentence.id ("s3.title" for a source's own headline)
    text: str
    decides: Literal["kind", "place", "date"]
    value: str  # the kind key, place name or ISO date it voted for
    trigger: str  # the words that named it ("collided", "drone attack", "Kramatorsk")
    weight: float


class EventFrame(Record):
    """What the reports are about, voted on their headlines and ledes (``focus``).

    Invariants: ``kind`` is a taxonomy key ("event" when no lede names a kind) and is in
    ``allowed_kinds`` unless that is empty; ``place`` has the keys city, region, country
    (None when the ledes do not settle it); ``date_start <= date_end`` when both are set.
    Every claim of the build is judged against the frame: claims about another event are
    kept apart as context (``EventFacts.context``).
    """

    kind: str
    allowed_kinds: tuple[str, ...] = ()  # the kind and the kinds compatible with it
    triggers: tuple[str, ...] = ()
    place: dict[str, str | None] = Field(default_factory=dict)
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    kind_votes: dict[str, float] = Field(default_factory=dict)
    evidence: tuple[FrameEvidence, ...] = ()


class EventFacts(Record):
    """All reconciled facts of the event, one per infobox field (empty Fact when unknown)."""

    kind: str  # taxonomy key, "event" when the type is unknown
    facts: dict[str, Fact]
    conflicts: tuple[Conflict, ...] = ()
    frame: EventFrame | None = None
    # Claims read from sentences about another event (an earlier quake, the retaliation):
    # never infobox values; kept so a reader sees what was set aside.
    context: tuple[Claim, ...] = ()

    def get(self, name: FactName) -> Fact:
        """The fact called ``name``, or an empty one."""
        return self.facts.get(name) or Fact(name=name)


# ---------------------------------------------------------------------------------------------
# compose / verify


class ArticleSentence(Record):
    """A sentence of the article. Invariant after verification: ``sources`` is non-empty and
    each cited source supports every number, date and name in ``text``.

    ``evidence`` holds the ids of the source sentences it was written from (for the HTML
    hover text and for verification).
    """

    text: str
    sources: tuple[str, ...]
    evidence: tuple[str, ...] = ()
    # Why a date in the text is weakly known (it was counted from a weekday in a report whose
    # publication date nothing backs; see ``uncertainty.relative_date_reason``), else None.
    doubt: str | None = None


class Section(Record):
    heading: str
    sentences: tuple[ArticleSentence, ...] = ()
    subsections: tuple[Section, ...] = ()


class Infobox(Record):
    """The infobox: template name and its parameters, in template order, as displayed."""

    template: str
    params: dict[str, str]


class Article(Record):
    title: str
    infobox: Infobox
    lead: tuple[ArticleSentence, ...]
    sections: tuple[Section, ...]


class DroppedSentence(Record):
    text: str
    reason: str


class Verification(Record):
    """What verification did to the article: counts and every dropped sentence with reason."""

    checked: int = 0
    passed: int = 0
    recited: int = 0
    dropped: tuple[DroppedSentence, ...] = ()


# ---------------------------------------------------------------------------------------------
# the build's result


class Build(Record):
    """Everything one build produced; ``record.event_record`` turns it into event.json."""

    title: str
    facts: EventFacts
    article: Article
    sources: tuple[Source, ...]
    analysed: tuple[AnalysedSource, ...]
    skipped: tuple[Skipped, ...]
    verification: Verification
