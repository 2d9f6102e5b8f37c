"""The pipeline, read top to bottom: ingest -> clean -> analyse -> extract -> focus ->
reconcile -> compose -> verify. Rendering to files is ``render.write_outputs``; ``run`` stops at the
in-memory ``Build`` so callers (tests, eval, batch) can use it without touching disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, TypeVar

from wikiwire import analyse, clean, compose, extract, focus, ingest, reconcile, verify
from wikiwire.errors import InputError, NoUsableReportError
from wikiwire.facts import dates
from wikiwire.progress import NullProgress, Progress
from wikiwire.records import (
    AnalysedSource,
    Build,
    Claim,
    Document,
    Duplicate,
    Record,
    Skipped,
    Source,
)
from wikiwire.store.db import AddedInput, content_hash

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
    # 4-8: extract, focus, reconcile, compose, verify (below, shared with ``run_update``)
    return _from_analysed(analysed, cleaned.sources, skipped, title=title, progress=progress, step=step)


# ---------------------------------------------------------------------------------------------
# updating a built event (issue 12): analyse only what is new


class UpdateResult(Record):
    """What ``run_update`` made of new inputs.

    ``build`` is the whole event rebuilt from the previous sources plus the new ones, or None
    when no input was new (nothing to revise). ``added`` lists the new inputs that became a
    source or a copy of one; ``skipped`` every new input set aside, with why (unreadable, no
    news text, already in the previous build).
    """

    build: Build | None
    added: tuple[AddedInput, ...] = ()
    skipped: tuple[Skipped, ...] = ()


ALREADY_STORED = "already in the store as {source_id}"


def run_update(
    previous: Build,
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
    claim_cache: Mapping[str, tuple[Claim, ...]] | None = None,
) -> UpdateResult:
    """Rebuild ``previous`` with the reports in ``inputs`` and ``documents`` added.

    Only new reports are parsed by spaCy; the previous build's analysed sources are reused,
    and everything from anchor dates on (extract, reconcile, compose, verify) is redone over
    all sources, so the result equals ``run`` over the previous inputs followed by the new
    ones. A new report whose cleaned text is already a source is skipped; one that is a
    near-duplicate of a source (clean's MinHash test) is merged into it as a copy, as ``run``
    would. An input that cannot be read is skipped with its reason, never fatal.
    ``claim_cache`` holds the claims of sources extracted before (by ``extract.fingerprint``):
    those are not extracted again, which gives the same claims.
    Raises ModelNotFoundError when new reports need spaCy and no pipeline loads.
    """
    progress = progress or NullProgress()
    step = timer or StageTimer()

    # 1. ingest: each input on its own, so one unreadable input never stops the others
    def read() -> tuple[list[Document], list[Skipped]]:
        docs: list[Document] = list(documents)
        skipped: list[Skipped] = []
        for item in inputs:
            try:
                got = ingest.ingest([item], stdin=stdin, timeout=fetch_timeout, progress=progress)
            except InputError as exc:
                skipped.append(Skipped(input=item, reason=exc.problem))
                continue
            docs.extend(got.documents)
            skipped.extend(got.skipped)
        return docs, skipped

    docs, ingest_skipped = step("ingest", progress, read)
    # 2. clean the new reports, then set each against the previous sources
    cleaned = step("clean", progress, lambda: clean.clean(docs))
    merged = step("clean", progress, lambda: _merge_new(previous.sources, cleaned.sources))
    skipped = (*ingest_skipped, *cleaned.skipped)
    if not merged.added:
        return UpdateResult(build=None, skipped=(*skipped, *merged.already))
    # 3. analyse only the new sources; anchors are settled again over all of them
    new_ids = {a.source_id for a in merged.added if a.status == "source"}
    fresh = [s for s in merged.sources if s.id in new_ids]

    def analyse_new() -> tuple[AnalysedSource, ...]:
        parsed = {a.source.id: a for a in analyse.analyse(fresh, nlp or analyse.load_nlp(model), n_process=n_process)} if fresh else {}
        old = {a.source.id: a for a in previous.analysed}
        out = []
        for src in merged.sources:
            sentences = (parsed[src.id] if src.id in new_ids else old[src.id]).sentences
            anchor, note = dates.anchor_date(src, sentences)
            out.append(AnalysedSource(source=src, sentences=sentences, anchor_date=anchor, anchor_note=note))
        return dates.check_anchors(out)

    analysed = step("analyse", progress, analyse_new)
    build = _from_analysed(analysed, merged.sources, (*previous.skipped, *skipped), title=title, progress=progress, step=step,
                           claim_cache=claim_cache)
    return UpdateResult(build=build, added=merged.added, skipped=(*skipped, *merged.already))


def _from_analysed(
    analysed: tuple[AnalysedSource, ...],
    sources: tuple[Source, ...],
    skipped: tuple[Skipped, ...],
    *,
    title: str | None,
    progress: Progress,
    step: StageTimer,
    claim_cache: Mapping[str, tuple[Claim, ...]] | None = None,
) -> Build:
    """Stages 4 to 8 over analysed sources: for ``run`` and for ``run_update`` (which passes
    the claims of sources it extracted before as ``claim_cache``)."""
    # 4. extract: every attributed statement of a fact becomes a claim
    claims = step("extract", progress, lambda: extract.extract(analysed, cache=claim_cache))
    # 5. focus: the event the headlines and ledes report (kind, place, date); claims read from
    #    sentences about another event are set aside as context
    frame = step("focus", progress, lambda: focus.frame_of(analysed, claims))
    attached, context = focus.attach(claims, frame, analysed)
    # 6. reconcile: claims -> one fact per infobox field, conflicts recorded
    facts = step("reconcile", progress, lambda: reconcile.reconcile(attached, analysed, frame=frame, context=context))
    # 7. compose: title, infobox, lead and sections of cited sentences
    article = step("compose", progress, lambda: compose.compose(facts, analysed, title=title))
    # 8. verify: every number, date and name must be in a cited source
    checked, verification = step("verify", progress, lambda: verify.verify(article, analysed, facts))
    return Build(
        title=checked.title,
        facts=facts,
        article=checked,
        sources=sources,
        analysed=analysed,
        skipped=skipped,
        verification=verification,
    )


class _Merged(Record):
    sources: tuple[Source, ...]
    added: tuple[AddedInput, ...]
    already: tuple[Skipped, ...]


def _copy_key(d: Duplicate) -> tuple[object, ...]:
    return (d.input, d.url, d.outlet, d.title, d.published)


def _merge_new(old: Sequence[Source], new: Sequence[Source]) -> _Merged:
    """Set cleaned new sources against the previous ones: the same text is skipped, a
    near-duplicate becomes a copy of the old source (with its own copies), the rest become
    sources numbered after the old ones."""
    sources = list(old)
    by_hash = {content_hash(s.text): i for i, s in enumerate(sources)}
    sketches = [clean.minhash(s.text) for s in sources]
    added: list[AddedInput] = []
    already: list[Skipped] = []

    def add_copies(index: int, copies: Sequence[Duplicate]) -> None:
        host = sources[index]
        have = {_copy_key(d) for d in host.duplicates}
        fresh = [d for d in copies if _copy_key(d) not in have]
        for d in copies:
            if _copy_key(d) in have:
                already.append(Skipped(input=d.input, reason=ALREADY_STORED.format(source_id=host.id)))
        for d in fresh:
            key = content_hash(f"copy of {host.id}: {d.input} {d.url}")  # copies keep no text
            added.append(AddedInput(input=d.input, hash=key, status="duplicate", source_id=host.id, outlet=d.outlet,
                                    url=d.url, title=d.title, published=d.published, similarity=d.similarity))
        if fresh:
            sources[index] = host.model_copy(update={"duplicates": (*host.duplicates, *fresh)})

    for src in new:
        digest = content_hash(src.text)
        if digest in by_hash:
            index = by_hash[digest]
            already.append(Skipped(input=src.input, reason=ALREADY_STORED.format(source_id=sources[index].id)))
            add_copies(index, src.duplicates)
            continue
        sketch = clean.minhash(src.text)
        best, similarity = -1, 0.0
        for index, other in enumerate(sketches):
            value = float(sketch.jaccard(other))
            if value > similarity:
                best, similarity = index, value
        if best >= 0 and similarity >= clean.DUPLICATE_THRESHOLD:
            copy = Duplicate(input=src.input, url=src.url, outlet=src.outlet, title=src.title, published=src.published,
                             similarity=round(similarity, 2))
            if _copy_key(copy) in {_copy_key(d) for d in sources[best].duplicates}:
                already.append(Skipped(input=src.input, reason=ALREADY_STORED.format(source_id=sources[best].id)))
                continue
            sources[best] = sources[best].model_copy(update={"duplicates": (*sources[best].duplicates, copy)})
            added.append(AddedInput(input=src.input, hash=digest, status="duplicate", source_id=sources[best].id,
                                    outlet=src.outlet, url=src.url, title=src.title, published=src.published,
                                    similarity=copy.similarity))
            add_copies(best, src.duplicates)
            continue
        placed = src.model_copy(update={"id": f"s{len(sources) + 1}"})
        by_hash[digest] = len(sources)
        sources.append(placed)
        sketches.append(sketch)
        added.append(AddedInput(input=src.input, hash=digest, status="source", source_id=placed.id, outlet=src.outlet,
                                url=src.url, title=src.title, published=src.published))
        for d in src.duplicates:
            added.append(AddedInput(input=d.input, hash=content_hash(f"copy of {placed.id}: {d.input} {d.url}"),
                                    status="duplicate", source_id=placed.id, outlet=d.outlet, url=d.url, title=d.title,
                                    published=d.published, similarity=d.similarity))
    return _Merged(sources=tuple(sources), added=tuple(added), already=tuple(already))
