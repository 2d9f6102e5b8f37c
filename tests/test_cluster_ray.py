"""The Ray engine writes what the local engine writes: same clusters.jsonl, same event
records, on the fixture feed with a local ``ray.init(num_cpus=2)``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'wikiwire[ray]')")

FEED = FIXTURES / "cluster" / "feed.jsonl"
pytestmark = pytest.mark.slow


def _records(out: Path) -> dict[str, dict[str, object]]:
    found = {}
    for line in (out / "clusters.jsonl").read_text(encoding="utf-8").splitlines():
        event = json.loads(line)["id"]
        found[event] = json.loads((out / event / "event.json").read_text(encoding="utf-8"))
    return found


def test_ray_engine_matches_the_local_engine(tmp_path: Path) -> None:
    from wikiwire.cluster import ray_engine
    from wikiwire.cluster.feed import read_feed
    from wikiwire.cluster.output import build_articles, write_clusters
    from wikiwire.cluster.run import cluster_documents

    items = list(read_feed([str(FEED)]))
    local, remote = tmp_path / "local", tmp_path / "ray"
    result = cluster_documents(items)
    write_clusters(result, local)
    assert all(error is None for error in build_articles(result, local, ["json"]).values())

    ray_result, errors = ray_engine.run(items, remote, formats=["json"], num_cpus=2)
    write_clusters(ray_result, remote)
    build_articles(ray_result, remote, ["json"], errors=errors)
    assert errors and all(error is None for error in errors.values())

    assert (remote / "clusters.jsonl").read_text(encoding="utf-8") == (local / "clusters.jsonl").read_text(encoding="utf-8")
    assert (remote / "unclustered.jsonl").read_text(encoding="utf-8") == (local / "unclustered.jsonl").read_text(encoding="utf-8")
    assert _records(remote) == _records(local)
    assert len(_records(local)) == 3
