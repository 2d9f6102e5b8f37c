"""The pipeline, read top to bottom: ingest -> clean -> analyse -> extract -> reconcile ->
compose -> verify. Rendering to files is ``render.write_outputs``; ``run`` stops at the
in-memory ``Build`` so callers (tests, eval, batch) can use it without touching disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, TypeVar

from wikiwire import analyse, clean, compose, extract, ingest, reconcile, verify
from wikiwire.errors import NoUsableReportError
from wikiwire.progress import NullProgress, Progress
from wikiwire.records import Build, Document

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")


class StageTimer:
    """Wall time per stage of the last run (read by the benchmark)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, name: str, progress: Progress, fn: Callable[[], T]) -> T:
        progress.stage(name)
        start = time.perf_counter()
        try:
            return fn()
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def run(
    inputs: Sequence[str] = (),
    *,
    documents: Sequence[Document] = (),
    stdin: IO[str] | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    title: str | None = None,
    progress: Progress | None = None,
    timer: StageTimer | None = None,
    fetch_timeout: float = ingest.DEFAULT_FETCH_TIMEOUT,
    n_process: int = 1,
) -> Build:
    """Build the event from ``inputs`` (paths, URLs, "-") and/or already-read ``documents``.

    ``n_process`` is the most spaCy processes to run (fewer for small inputs, see
    ``analyse.processes_for``). Returns the Build (facts, article, sources, skipped inputs,
    verification).
    Raises InputError subclasses for inputs that cannot be used at all, NoUsableReportError
    when nothing usable remains, ModelNotFoundError when no spaCy pipeline loads.
    """
    progress = progress or NullProgress()
    step = timer or StageTimer()

    # 1. ingest: read files, folders, URLs and JSONL into plain-text documents
    ingested = step("ingest", progress, lambda: ingest.ingest(inputs, stdin=stdin, timeout=fetch_timeout, progress=progress))
    docs = (*ingested.documents, *documents)
    # 2. clean: normalise, drop non-news lines, merge near-duplicate wire copies
    cleaned = step("clean", progress, lambda: clean.clean(docs))
    skipped = (*ingested.skipped, *cleaned.skipped)
    if not cleaned.sources:
        where = ", ".join(inputs) or "the documents given"
        raise NoUsableReportError(where, "no usable news report found: every input was skipped", skipped=skipped)
    # 3. analyse: sentences and entities with spaCy, anchor dates
    pipeline = nlp or analyse.load_nlp(model)
    analysed = step("analyse", progress, lambda: analyse.analyse(cleaned.sources, pipeline, n_process=n_process))
    # 4. extract: every attributed statement of a fact becomes a claim
    claims = step("extract", progress, lambda: extract.extract(analysed))
    # 5. reconcile: claims -> one fact per infobox field, conflicts recorded
    facts = step("reconcile", progress, lambda: reconcile.reconcile(claims, analysed))
    # 6. compose: title, infobox, lead and sections of cited sentences
    article = step("compose", progress, lambda: compose.compose(facts, analysed, title=title))
    # 7. verify: every number, date and name must be in a cited source
    checked, verification = step("verify", progress, lambda: verify.verify(article, analysed, facts))
    return Build(
        title=checked.title,
        facts=facts,
        article=checked,
        sources=cleaned.sources,
        analysed=analysed,
        skipped=skipped,
        verification=verification,
    )
