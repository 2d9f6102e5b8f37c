"""Writing a clustering: ``clusters.jsonl``, ``unclustered.jsonl``, one article folder per
event (the batch layout: ``DIR/<event-id>/``) and ``DIR/events.csv``.

An event's folder is rebuilt only when its members (or the formats) changed since the last
run: its marker holds a digest of both, so a daily feed added to an archive rebuilds the
events that grew and leaves the others as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from wikiwire import batch
from wikiwire.cluster.engine import ClusterResult
from wikiwire.cluster.records import Cluster
from wikiwire.errors import WikiwireError
from wikiwire.records import Document

__all__ = ["CLUSTERS_NAME", "UNCLUSTERED_NAME", "build_articles", "previous_ids", "write_clusters"]

CLUSTERS_NAME = "clusters.jsonl"
UNCLUSTERED_NAME = "unclustered.jsonl"

Builder = Callable[[Sequence[Document], Path, Sequence[str], "str | None"], None]


def cluster_line(cluster: Cluster) -> dict[str, Any]:
    """The clusters.jsonl object of one event (ids, members, and why each joined)."""
    data = cluster.model_dump(mode="json", exclude_none=True)
    data["size"] = len(cluster.members)
    return data


def write_clusters(result: ClusterResult, outdir: Path) -> tuple[Path, Path]:
    """Write ``clusters.jsonl`` (one event a line, earliest first) and ``unclustered.jsonl``
    (one skipped or lone report a line, with its reason). Returns both paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    clusters = outdir / CLUSTERS_NAME
    lone = outdir / UNCLUSTERED_NAME
    _write_lines(clusters, (json.dumps(cluster_line(c), ensure_ascii=False, sort_keys=True) for c in result.clusters))
    _write_lines(lone, (json.dumps(u.model_dump(mode="json", exclude_none=True), ensure_ascii=False, sort_keys=True) for u in result.unclustered))
    return clusters, lone


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    with partial.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
    partial.replace(path)


def previous_ids(outdir: Path) -> dict[str, str]:
    """Report key -> event id from an earlier run's ``clusters.jsonl`` in ``outdir`` (empty
    when there is none or it cannot be read), so events keep their ids as the feed grows."""
    path = outdir / CLUSTERS_NAME
    out: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return out
    for line in lines:
        try:
            data = json.loads(line)
            for member in data["members"]:
                out[str(member["key"])] = str(data["id"])
        except (ValueError, KeyError, TypeError):
            continue
    return out


def digest(cluster: Cluster, formats: Sequence[str]) -> str:
    """What an event's article depends on: its members' keys and the formats."""
    payload = json.dumps({"members": sorted(m.key for m in cluster.members), "formats": sorted(formats)})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def build_one(cluster: Cluster, docs: Sequence[Document], outdir: Path, formats: Sequence[str], model: str | None,
              builder: Builder = batch.build_documents) -> str | None:
    """Build one event's article folder (atomically); None on success, else the error.
    Never raises for one event's failure: a feed's other events go on."""
    folder = outdir / batch.safe_folder_name(cluster.id)
    mark = digest(cluster, formats)
    if batch.is_built(folder, mark):
        return None
    partial = outdir / f".{folder.name}.partial-{os.getpid()}"
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        builder(docs, partial, formats, model)
        (partial / batch.MARKER).write_text(mark + "\n", encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        partial.rename(folder)
    except WikiwireError as exc:
        return str(exc)
    except Exception as exc:  # one event's bug must not stop the feed; reported per event
        return f"{type(exc).__name__}: {exc}"
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return None


def table_events(result: ClusterResult, formats: Sequence[str]) -> list[batch.Event]:
    """The events as ``batch.Event`` records, for ``batch.write_table``."""
    return [
        batch.Event(c.id, batch.safe_folder_name(c.id), 0, (), digest(c, formats))
        for c in result.clusters
    ]


def build_articles(result: ClusterResult, outdir: Path, formats: Sequence[str], model: str | None = None, *,
                   builder: Builder = batch.build_documents, progress: Callable[[str], None] | None = None,
                   errors: Mapping[str, str | None] | None = None, jobs: int = 1) -> dict[str, str | None]:
    """Build every event's article folder (unless ``errors`` holds results from another
    engine), over ``jobs`` processes, and write ``events.csv`` when "csv" is among
    ``formats``. Returns event id -> error or None."""
    done: dict[str, str | None] = dict(errors) if errors is not None else {}
    if errors is None and jobs > 1 and len(result.clusters) > 1:
        done = _build_parallel(result, outdir, formats, model, builder, jobs, progress)
    elif errors is None:
        for cluster in result.clusters:
            done[cluster.id] = build_one(cluster, result.documents[cluster.id], outdir, formats, model, builder)
            if progress is not None:
                progress(cluster.id)
    if "csv" in formats:
        batch.write_table(outdir, table_events(result, formats))
    return done


def _build_parallel(result: ClusterResult, outdir: Path, formats: Sequence[str], model: str | None, builder: Builder,
                    jobs: int, progress: Callable[[str], None] | None) -> dict[str, str | None]:
    """``build_one`` for every event over ``jobs`` processes (each loads the pipeline once,
    or inherits it from this process when forked)."""
    import concurrent.futures as cf
    import multiprocessing

    preload = builder is batch.build_documents
    if preload and multiprocessing.get_start_method() == "fork":
        batch._init_worker(model, preload)  # forked workers share the loaded model's pages
    done: dict[str, str | None] = {}
    with cf.ProcessPoolExecutor(max_workers=jobs, initializer=batch._init_worker, initargs=(model, preload)) as pool:
        futures = {pool.submit(build_one, c, result.documents[c.id], outdir, formats, model, builder): c.id for c in result.clusters}
        for future in cf.as_completed(futures):
            event = futures[future]
            try:
                done[event] = future.result()
            except Exception as exc:  # a worker died (killed, out of memory): report, go on
                done[event] = f"{type(exc).__name__}: {exc or 'worker process failed'}"
            if progress is not None:
                progress(event)
    return {c.id: done.get(c.id) for c in result.clusters}
