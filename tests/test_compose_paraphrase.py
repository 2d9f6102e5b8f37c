"""Paraphrases: one fact in two wordings is told once, citing both reports; two different
figures or two different speakers are never merged."""

from __future__ import annotations

from wikiwire.compose.article import (
    _Candidate,
    _fold_across_sections,
    _is_standfirst,
    _items,
    _select,
    _words,
)
from wikiwire.records import AnalysedSource, Sentence, Source


def _candidate(text: str, rank: int, role: str = "event") -> _Candidate:
    sentence = Sentence(id=f"s{rank}.0", source_id=f"s{rank}", index=0, paragraph=0, text=text)
    return _Candidate(sentence, text, role, rank, None, _words(text), ())


LEVEE = "The levee on the Marrow river failed shortly after midnight, flooding the lower town."
LEVEE_AGAIN = "Shortly after midnight the Marrow river levee failed and the lower town flooded."
TOLL_14 = "Fourteen people died in the lower town of Marrow Creek, where 14 bodies were recovered."
TOLL_16 = "Sixteen people died in the lower town of Marrow Creek, where 16 bodies were recovered."
SCHOOL = "The county opened the high school gymnasium as a shelter for 300 residents."


def test_a_paraphrase_is_told_once_citing_both_reports() -> None:
    chosen = _select(_items([_candidate(LEVEE, 1), _candidate(LEVEE_AGAIN, 2), _candidate(SCHOOL, 3)], None), "event")
    assert [(it.sentence.text, it.sentence.sources) for it in chosen] == [
        (LEVEE, ("s1", "s2")),
        (SCHOOL, ("s3",)),
    ]
    assert chosen[0].sentence.evidence == ("s1.0", "s2.0")


def test_different_figures_are_never_merged() -> None:
    chosen = _select(_items([_candidate(TOLL_14, 1), _candidate(TOLL_16, 2)], None), "casualties")
    assert sorted(it.sentence.text for it in chosen) == sorted([TOLL_14, TOLL_16])
    assert all(len(it.sentence.sources) == 1 for it in chosen)


def test_a_fact_told_in_an_earlier_section_is_not_told_again() -> None:
    flood = _select(_items([_candidate(LEVEE, 1)], None), "event")
    damage = _select(_items([_candidate(LEVEE_AGAIN, 2, "damage"), _candidate(SCHOOL, 3, "damage")], None), "damage")
    folded = _fold_across_sections([flood, damage])
    assert [[(it.sentence.text, it.sentence.sources) for it in items] for items in folded] == [
        [(LEVEE, ("s1", "s2"))],
        [(SCHOOL, ("s3",))],
    ]


def test_a_standfirst_under_a_headline_is_not_prose() -> None:
    def sentence(text: str, paragraph: int) -> Sentence:
        return Sentence(id=f"s1.{paragraph}", source_id="s1", index=paragraph, paragraph=paragraph, text=text)

    headlined = AnalysedSource(
        source=Source(id="s1", input="a.txt", text="", title="Flood kills 14 in Marrow Creek"), sentences=()
    )
    untitled = AnalysedSource(source=Source(id="s1", input="a.txt", text=""), sentences=())
    standfirst = sentence("Levee failure in Valleyshire county also left 30 missing, officials say.", 0)
    assert _is_standfirst(headlined, standfirst)
    assert not _is_standfirst(untitled, standfirst)  # a lede in the present, not a standfirst
    assert not _is_standfirst(headlined, sentence("The levee failed shortly after midnight, the sheriff said.", 0))
    assert not _is_standfirst(headlined, sentence("Officials say the levee failed shortly after midnight.", 2))
    assert not _is_standfirst(headlined, sentence('"Nobody says no to help now," the mayor said.', 0))


def test_figures_in_words_and_different_days_are_never_merged() -> None:
    eighty = "Eighty people were killed when the levee on the Marrow river failed, the sheriff said."
    ninety = "Ninety people were killed when the levee on the Marrow river failed, the sheriff said."
    friday = "The levee on the Marrow river failed on Friday night, flooding the lower town."
    saturday = "The levee on the Marrow river failed on Saturday night, flooding the lower town."
    for a, b in ((eighty, ninety), (friday, saturday)):
        chosen = _select(_items([_candidate(a, 1), _candidate(b, 2)], None), "event")
        assert sorted(it.sentence.text for it in chosen) == sorted([a, b])
