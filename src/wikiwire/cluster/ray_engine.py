"""The Ray engine: the local engine's stages spread over a Ray cluster.

1. Analysis: a pool of ``Framer`` actors, each loading one spaCy pipeline once, frames the
   feed in chunks of ``engine.CHUNK_SIZE`` (cleaning, language check and the entity pass).
2. Blocking, pair decisions and grouping run in the driver on the frames (small records:
   the cost is analysis and building, not the linking).
3. Each event's article is built by a Ray task into its folder under the output directory
   (a folder every node can reach: a shared file system on a real cluster).

The outputs are the local engine's: the frames are the same records, added in feed order,
so ``clusters.jsonl`` and the event records are identical (a test checks).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from wikiwire.cluster.engine import CHUNK_SIZE, Clusterer, ClusterResult
from wikiwire.cluster.frame import Prepared, frames, prepare
from wikiwire.cluster.records import Frame, Unclustered
from wikiwire.errors import RayUnavailableError
from wikiwire.records import Document

__all__ = ["DEFAULT_ACTORS", "run"]

# Framing actors when Ray decides the cluster size: one per CPU Ray reports, at most this
# many per driver (each holds a spaCy pipeline, about 250 MB).
DEFAULT_ACTORS = 8


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RayUnavailableError("--engine ray needs Ray: pip install 'wikiwire[ray]'") from None
    return ray


def _frame_chunk(docs: Sequence[Document], model: str | None) -> tuple[list[Prepared | Unclustered], list[Frame]]:
    """Prepare and frame one chunk (runs inside an actor)."""
    from wikiwire import analyse

    items = [prepare(d) for d in docs]
    ready = [p for p in items if isinstance(p, Prepared)]
    return items, frames(ready, analyse.load_nlp(model))


def _build_task(cluster: Any, docs: Sequence[Document], outdir: str, formats: Sequence[str], model: str | None) -> str | None:
    from wikiwire.cluster.output import build_one

    return build_one(cluster, docs, Path(outdir), formats, model)


def run(items: Sequence[Document | Unclustered], outdir: Path, *, formats: Sequence[str], model: str | None = None,
        address: str | None = None, previous: Mapping[str, str] | None = None, articles: bool = True,
        num_cpus: int | None = None, embeddings: bool = False) -> tuple[ClusterResult, dict[str, str | None]]:
    """Cluster ``items`` on Ray and build the articles as Ray tasks.

    ``address`` connects to a running cluster ("auto", "ray://host:10001", "host:6379"); None
    starts Ray on this machine (``num_cpus`` CPUs, default all). Returns the result and each
    event's build error (None when built). ``embeddings`` computes lede embeddings in the
    driver (the ``embed`` extra). Raises RayUnavailableError without Ray.
    """
    ray = _ray()
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=num_cpus if address is None else None, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)
    try:
        framer = ray.remote(_Framer)
        workers = max(1, min(DEFAULT_ACTORS, int(ray.cluster_resources().get("CPU", 1))))
        pool = [framer.remote(model) for _ in range(workers)]
        docs = [i for i in items if isinstance(i, Document)]
        chunks = [docs[s : s + CHUNK_SIZE] for s in range(0, len(docs), CHUNK_SIZE)]
        futures = [pool[n % len(pool)].frame.remote(chunk) for n, chunk in enumerate(chunks)]
        embedder = None
        if embeddings:
            from wikiwire import embed

            embedder = embed.load()
        clusterer = Clusterer(None, embedder=embedder)  # frames come from the actors: the driver loads no spaCy model
        clusterer.skip(i for i in items if isinstance(i, Unclustered))
        for future in futures:  # in feed order, so indices match the local engine's
            prepared, framed = ray.get(future)
            clusterer.skip(p for p in prepared if isinstance(p, Unclustered))
            clusterer.add_frames([p for p in prepared if isinstance(p, Prepared)], framed)
        result = clusterer.result(previous)
        errors: dict[str, str | None] = {}
        if articles:
            outdir.mkdir(parents=True, exist_ok=True)
            task = ray.remote(_build_task)
            pending = {c.id: task.remote(c, result.documents[c.id], str(outdir), list(formats), model) for c in result.clusters}
            errors = {event: ray.get(ref) for event, ref in pending.items()}
        return result, errors
    finally:
        if started:
            ray.shutdown()


class _Framer:
    """A Ray actor holding one spaCy pipeline; frames chunks of documents."""

    def __init__(self, model: str | None) -> None:
        from wikiwire import analyse

        self.model = model
        analyse.load_nlp(model)

    def frame(self, docs: Sequence[Document]) -> tuple[list[Prepared | Unclustered], list[Frame]]:
        return _frame_chunk(docs, self.model)
