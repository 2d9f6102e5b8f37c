"""Scoring clusters against events known in advance: B-cubed precision, recall and F1.

``stream`` turns an events file (the dev corpus format) into one shuffled report stream with
the event ids hidden (each report is named ``stream:N``); ``score`` clusters it and compares
with the truth. Reports the clusterer leaves alone count as clusters of one, so a report
left out costs recall, never vanishes.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wikiwire import events as events_file
from wikiwire.records import Document

if TYPE_CHECKING:
    from spacy.language import Language

    from wikiwire.cluster.engine import Embedder

__all__ = ["SHUFFLE_SEED", "Labelled", "bcubed", "format_report", "hide", "score", "stream"]

# The stream's order is shuffled with this seed, so a run is repeatable (and the clustering
# does not depend on order anyway: the tests check that).
SHUFFLE_SEED = 13


@dataclass(frozen=True)
class Labelled:
    """A report of the evaluation stream and the event it truly belongs to."""

    document: Document
    event: str


def stream(path: Path, *, only: Iterable[str] | None = None, seed: int = SHUFFLE_SEED) -> list[Labelled]:
    """Every article of every event in ``path`` (those named in ``only`` when given), shuffled,
    renamed ``stream:N`` so nothing but the text, title and date reaches the clusterer.
    Raises EventsFileError for a malformed events file."""
    keep = set(only) if only is not None else None
    out: list[Labelled] = []
    for entry in events_file.iter_events(path, missing_hint="check the path of the events file"):
        if keep is not None and entry.id not in keep:
            continue
        for doc in events_file.article_documents(entry.articles, f"{path}:{entry.line}"):
            out.append(Labelled(doc, entry.id))
    return hide(out, seed=seed)


def hide(labelled: Sequence[Labelled], *, seed: int = SHUFFLE_SEED) -> list[Labelled]:
    """``labelled`` shuffled with ``seed`` and renamed ``stream:1``, ``stream:2``... (a mix of
    several files is hidden together, so no name tells which file a report came from)."""
    out = list(labelled)
    random.Random(seed).shuffle(out)
    return [Labelled(item.document.model_copy(update={"input": f"stream:{n}"}), item.event) for n, item in enumerate(out, start=1)]


def bcubed(predicted: Mapping[str, str], truth: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of ``predicted`` (item -> cluster) against ``truth``
    (item -> event), over the items of ``truth``; an item missing from ``predicted`` is a
    cluster of its own."""
    items = list(truth)
    if not items:
        return 0.0, 0.0, 0.0
    cluster_of = {i: predicted.get(i, f"\x00alone:{i}") for i in items}
    by_cluster: dict[str, list[str]] = {}
    by_event: dict[str, list[str]] = {}
    for i in items:
        by_cluster.setdefault(cluster_of[i], []).append(i)
        by_event.setdefault(truth[i], []).append(i)
    precision = recall = 0.0
    for i in items:
        same_cluster = by_cluster[cluster_of[i]]
        correct = sum(1 for j in same_cluster if truth[j] == truth[i])
        precision += correct / len(same_cluster)
        recall += correct / len(by_event[truth[i]])
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(labelled: Sequence[Labelled], nlp: Language, *, chunk: int | None = None, embedder: Embedder | None = None) -> dict[str, Any]:
    """Cluster the stream and score it. ``chunk`` feeds it in chunks of that many reports;
    ``embedder`` adds sentence-embedding similarity as evidence.

    Returns {"reports", "events_true", "events_found", "clusters_of_one", "precision",
    "recall", "f1", "mixed": [cluster ids holding several true events]}.
    """
    from wikiwire.cluster.engine import MIN_EVENT_REPORTS, Clusterer

    clusterer = Clusterer(nlp, embedder=embedder)
    docs = [item.document for item in labelled]
    step = chunk or len(docs) or 1
    for start in range(0, len(docs), step):
        clusterer.add(docs[start : start + step])
    result = clusterer.result()
    predicted = result.assignments()
    truth = {item.document.input: item.event for item in labelled}
    precision, recall, f1 = bcubed(predicted, truth)
    mixed = [c.id for c in result.clusters if len({truth[m.input] for m in c.members if m.input in truth}) > 1]
    lone = len(truth) - len(predicted)
    sizes = Counter(truth.values())
    return {
        "reports": len(truth),
        # Events a cluster can find: those with enough reports in the stream to be one.
        "events_true": sum(1 for n in sizes.values() if n >= MIN_EVENT_REPORTS),
        "events_found": len(result.clusters),
        "clusters_of_one": lone,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "mixed": mixed,
    }


def format_report(name: str, report: Mapping[str, Any]) -> str:
    """One line of scores for a stream called ``name``."""
    return (
        f"{name}: {report['reports']} reports, events found {report['events_found']} vs true {report['events_true']}"
        f" (+{report['clusters_of_one']} reports alone); B-cubed P {report['precision']:.3f}"
        f" R {report['recall']:.3f} F1 {report['f1']:.3f}"
    )
