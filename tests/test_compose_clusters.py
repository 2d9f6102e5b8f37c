"""Clustering of article candidates: exact grouping, the best wording, LSH parameters."""

from __future__ import annotations

import datasketch
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ents as _ents
from wikiwire import clean
from wikiwire.compose import article as compose
from wikiwire.compose.article import _best_wording, _Candidate, _clusters
from wikiwire.records import Entity, Sentence


def _candidate(text: str, index: int, rank: int = 0, words: frozenset[str] | None = None, entities: tuple[Entity, ...] = ()) -> _Candidate:
    sentence = Sentence(id=f"s{rank}.{index}", source_id=f"s{rank}", index=index, paragraph=0, text=text, entities=entities)
    content = words if words is not None else frozenset(w.lower().strip(".,") for w in text.split() if len(w) > 3)
    return _Candidate(sentence=sentence, text=text, role="event", rank=rank, when=None, words=content, entities=entities)




def test_lsh_bands_are_datasketchs_choice() -> None:
    for threshold, perms, bands in (
        (compose.DUPLICATE_JACCARD, compose.MINHASH_PERMUTATIONS, compose.LSH_BANDS),
        (clean.DUPLICATE_THRESHOLD, clean.MINHASH_PERMUTATIONS, clean.LSH_BANDS),
    ):
        lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=perms)
        assert (lsh.b, lsh.r) == bands


def test_copies_naming_an_actor_inside_a_compound_word_are_one_statement() -> None:
    # "Britain-based" and "Syria's" hold the entities' words; the copies must still group.
    text = "The Syrian Observatory for Human Rights, a Britain-based monitor, said Syria's toll reached 120."
    names = (("The Syrian Observatory for Human Rights", "ORG"), ("Britain", "GPE"), ("Syria", "GPE"))
    copies = [_candidate(text, 3, rank=r, entities=_ents(text, *names)) for r in range(4)]
    other = "Turkey's foreign ministry condemned the attack on the academy in the strongest terms."
    groups = _clusters([*copies, _candidate(other, 5, rank=1, entities=_ents(other, ("Turkey", "GPE")))])
    assert [len(g) for g in groups] == [4, 1]
    assert groups[0] == copies


def test_different_actors_with_alike_wording_stay_apart() -> None:
    a = "Algeria expressed its condolences to the families of the victims of the attack."
    b = "Brazil expressed its condolences to the families of the victims of the attack."
    groups = _clusters([_candidate(a, 0, 0, entities=_ents(a, ("Algeria", "GPE"))), _candidate(b, 0, 1, entities=_ents(b, ("Brazil", "GPE")))])
    assert len(groups) == 2


def _naive_best(cluster: list[_Candidate]) -> _Candidate:
    def score(c: _Candidate) -> float:
        return sum(len(c.words & o.words) / max(1, len(c.words | o.words)) for o in cluster if o is not c)

    return max(cluster, key=lambda c: (round(score(c), 9), -c.rank, -c.sentence.index))


VOCAB = [f"w{i}" for i in range(12)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from(VOCAB), max_size=8), min_size=2, max_size=12))
def test_best_wording_matches_the_all_pairs_definition(word_sets: list[frozenset[str]]) -> None:
    cluster = [_candidate(f"sentence {i}.", i, rank=i % 3, words=ws) for i, ws in enumerate(word_sets)]
    fast, naive = _best_wording(cluster), _naive_best(cluster)
    # Same choice, or an exact tie the float sums order differently.
    if fast is not naive:
        def score(c: _Candidate) -> float:
            return sum(len(c.words & o.words) / max(1, len(c.words | o.words)) for o in cluster if o is not c)
        assert abs(score(fast) - score(naive)) < 1e-9


def test_best_wording_prefers_the_majority_wording_then_the_earlier_report() -> None:
    common = "At least 89 people were killed in the drone attack on the academy."
    variant = "The drone attack on the academy killed at least 89 people, officials said."
    cluster = [_candidate(variant, 0, rank=0), _candidate(common, 2, rank=1), _candidate(common, 1, rank=2), _candidate(common, 4, rank=3)]
    best = _best_wording(cluster)
    assert best.text == common and best.rank == 1
