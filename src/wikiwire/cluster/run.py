"""``wikiwire cluster`` as one function: feed -> frames -> events -> outputs, per engine.

Reads top to bottom as the stage: read the feed (bad lines skipped with their place), cluster
(the local engine, or Ray), write clusters.jsonl and unclustered.jsonl, build each event's
article folder and events.csv.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from wikiwire.cluster.engine import Clusterer, ClusterResult
from wikiwire.cluster.feed import read_feed
from wikiwire.cluster.output import build_articles, previous_ids, write_clusters
from wikiwire.cluster.records import Unclustered
from wikiwire.records import Document

__all__ = ["Engine", "Summary", "cluster_documents", "cluster_feed"]

Engine = Literal["local", "ray"]


@dataclass(frozen=True)
class Summary:
    """What a run wrote: the clustering, the files, and each event's build error (or None)."""

    result: ClusterResult
    clusters_path: Path
    unclustered_path: Path
    errors: dict[str, str | None]
    undated: int


def cluster_documents(items: Sequence[Document | Unclustered], *, model: str | None = None, previous: dict[str, str] | None = None,
                      progress: Callable[[int], None] | None = None, embeddings: bool = False) -> ClusterResult:
    """Cluster read reports with the local engine (skipped items listed with their reason).
    ``embeddings`` adds sentence-embedding similarity as evidence (the ``embed`` extra)."""
    from wikiwire import analyse

    embedder = None
    if embeddings:
        from wikiwire import embed

        embedder = embed.load()
    clusterer = Clusterer(analyse.load_nlp(model), progress=progress, embedder=embedder)
    clusterer.skip(i for i in items if isinstance(i, Unclustered))
    clusterer.add(i for i in items if isinstance(i, Document))
    return clusterer.result(previous)


def cluster_feed(
    inputs: Sequence[str],
    outdir: Path,
    *,
    formats: Sequence[str],
    model: str | None = None,
    engine: Engine = "local",
    address: str | None = None,
    articles: bool = True,
    embeddings: bool = False,
    jobs: int = 1,
    stdin: IO[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Cluster the reports of ``inputs`` into events and write them into ``outdir``
    (articles built over ``jobs`` processes with the local engine).

    Raises MissingInputError / EmptyFeedError (see ``feed.read_feed``), ModelNotFoundError,
    RayUnavailableError for ``engine="ray"`` without the extra installed, and
    EmbeddingUnavailableError for ``embeddings`` without the embed extra.
    """
    items = list(read_feed(inputs, stdin=stdin))
    previous = previous_ids(outdir)
    if engine == "ray":
        from wikiwire.cluster import ray_engine

        result, errors = ray_engine.run(items, outdir, formats=formats, model=model, address=address, previous=previous, articles=articles,
                                        embeddings=embeddings)
    else:
        result = cluster_documents(items, model=model, previous=previous, progress=progress, embeddings=embeddings)
        errors = {}
    clusters_path, unclustered_path = write_clusters(result, outdir)
    if articles:
        errors = build_articles(result, outdir, formats, model, errors=errors if engine == "ray" else None, jobs=jobs)
    undated = sum(1 for c in result.clusters for m in c.members if m.undated)
    return Summary(result, clusters_path, unclustered_path, errors, undated)
