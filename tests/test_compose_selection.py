"""Sentence selection: centrality across reports, novelty against what the article already
says (the lead, names already written), and section fit (Background holds context, not the
event itself)."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.compose.article import (
    LEAD_NEW_SHARE,
    MAX_SENTENCES,
    NEW_NAME_WEIGHT,
    _Candidate,
    _centrality,
    _Item,
    _items,
    _own_role,
    _select,
    _weak_date,
    _words,
    _written_so_far,
)
from wikiwire.compose.sections import classify
from wikiwire.records import ArticleSentence, Entity, Sentence


def _candidate(text: str, rank: int, role: str = "event", names: tuple[tuple[str, str], ...] = (),
               index: int = 0) -> _Candidate:
    """A report sentence of source ``s{rank}`` with the ``names`` (text, label) it mentions."""
    sentence = Sentence(id=f"s{rank}.{index}", source_id=f"s{rank}", index=index, paragraph=index, text=text)
    entities = tuple(Entity(text=n, label=label, start=text.index(n), end=text.index(n) + len(n)) for n, label in names)
    return _Candidate(sentence, text, role, rank, None, _words(text), entities)


# A ferry sinking told by four reports: what three of them say, and what one adds.
SANK = "The ferry Morning Star sank off Keel Point after taking on water in a storm."
SANK_2 = "The Morning Star ferry took on water in the storm and sank off Keel Point."
SANK_3 = "Taking on water in heavy weather, the ferry Morning Star sank near Keel Point."
BAND = "A brass band had played on the quay as the ferry left the harbour that morning."
COAST_GUARD = "The Harbour Coast Guard sent two lifeboats to the ferry from Port Sallow."
CAPTAIN = "The ferry's captain sent a distress call to the lifeboats from the bridge."


def test_what_other_reports_state_is_central_and_colour_is_not() -> None:
    candidates = [_candidate(SANK, 1), _candidate(SANK_2, 2), _candidate(SANK_3, 3), _candidate(BAND, 4)]
    items = _items(candidates, None)
    centrality = _centrality(items, candidates)
    by_text = {it.sentence.text: centrality[id(it)] for it in items}
    band = next(v for t, v in by_text.items() if t == BAND)
    sank = next(v for t, v in by_text.items() if t != BAND)
    # Restated by the other reports (even in other words): central; the band, by no one.
    assert sank >= 1.0
    assert band == 0.0


def test_a_new_widely_reported_name_outweighs_a_little_centrality(monkeypatch: pytest.MonkeyPatch) -> None:
    coast_guard = _candidate(COAST_GUARD, 1, names=(("Harbour Coast Guard", "ORG"), ("Port Sallow", "GPE")))
    captain = _candidate(CAPTAIN, 2)
    # The other reports name the Coast Guard and Port Sallow too (so they are widely reported).
    others = [_candidate("The Harbour Coast Guard said the search went on all night.", 3, "response",
                         names=(("Harbour Coast Guard", "ORG"),)),
              _candidate("Relatives waited at Port Sallow for news.", 4, "response", names=(("Port Sallow", "GPE"),))]
    lead = (ArticleSentence(text="The Morning Star ferry sank off Keel Point in 2031.", sources=("s1",)),)
    written = _written_so_far(lead, [coast_guard, captain, *others])
    assert written.widely == frozenset({"harbour coast guard", "port sallow"})
    items = _items([captain, coast_guard], None)
    by_text = {it.sentence.text: it for it in items}
    assert written.new_names(by_text[COAST_GUARD]) == 2
    # The captain's sentence is a little more central, but the Coast Guard's brings two names
    # the reader has not met: with room for one sentence, it is taken; without the novelty
    # state, centrality alone decides.
    monkeypatch.setitem(MAX_SENTENCES, "event", 1)
    centrality = {id(by_text[CAPTAIN]): 0.5, id(by_text[COAST_GUARD]): 0.0}
    assert 2 * NEW_NAME_WEIGHT > 0.5
    chosen = _select(items, "event", centrality=centrality, written=written)
    assert [it.sentence.text for it in chosen] == [COAST_GUARD]
    assert written.names >= {"harbour coast guard", "port sallow"}
    assert [it.sentence.text for it in _select(items, "event", centrality=centrality)] == [CAPTAIN]


def test_a_body_sentence_restating_the_lead_is_left_out_but_one_adding_detail_is_kept() -> None:
    lead = (ArticleSentence(text="The 2031 Keel Point ferry sinking was the sinking of the ferry Morning Star off "
                                 "Keel Point on 3 May 2031.", sources=("s1",)),)
    again = _candidate("On 3 May 2031, the ferry Morning Star sank off Keel Point.", 1)
    detail = _candidate("The ferry Morning Star sank off Keel Point minutes after its captain radioed that the "
                        "engine room was flooding.", 2)
    written = _written_so_far(lead, [again, detail])
    items = _items([again, detail], None)
    restated = {it.sentence.text: written.restates_lead(it) for it in items}
    assert restated == {again.text: True, detail.text: False}
    chosen = _select(items, "event", centrality={id(it): 1.0 for it in items}, written=written)
    assert [it.sentence.text for it in chosen] == [detail.text]
    assert 0 < LEAD_NEW_SHARE < 1


def _item(candidate: _Candidate) -> _Item:
    (item,) = _items([candidate], None)
    return item


def test_background_holds_context_not_the_event_told_with_a_birth_year() -> None:
    event_year = 2031
    wounded = "Forty passengers, among them a baby born in 2030, were injured in the sinking."
    assert classify(wounded, event_year=event_year) == "background"  # the year alone put it there
    assert _own_role(_item(_candidate(wounded, 1, "background")), event_year) == "casualties"
    earlier = "In 2019, another ferry sank off Keel Point with 12 people aboard."
    assert _own_role(_item(_candidate(earlier, 1, "background")), event_year) == "background"
    suspect = "Police named the skipper, a 1990-born Sallow man, as a suspect in the sinking."
    assert _own_role(_item(_candidate(suspect, 1, "background")), event_year) != "background"


def test_relative_clause_placing_the_event_is_not_background() -> None:
    assert classify("The sinking happened off the pier of Keel Point, which is located near Port Sallow.") != "background"
    assert classify("Keel Point is located at the mouth of the Sallow estuary.") == "background"


@pytest.mark.parametrize(
    ("text", "anchor", "weak"),
    [
        ("On June 27, the skipper was in Port Sallow with two crew.", None, True),  # no year, undated report
        ("On June 27, the skipper was in Port Sallow with two crew.", dt.date(2031, 6, 29), False),
        ("On 27 June 2031, the skipper was in Port Sallow with two crew.", None, False),
        ("The skipper was in Port Sallow with two crew.", None, False),
    ],
)
def test_a_date_is_weak_when_no_year_and_no_report_date_place_it(text: str, anchor: dt.date | None, weak: bool) -> None:
    assert _weak_date(text, text, anchor) is weak


def test_weekday_dates_are_weak() -> None:
    anchor = dt.date(2031, 5, 5)
    assert _weak_date("The ferry sank on 3 May 2031.", "The ferry sank on Saturday.", anchor) is True


def test_what_the_article_already_says_gives_way_to_something_new(monkeypatch: pytest.MonkeyPatch) -> None:
    from wikiwire.compose.article import TOLD_DISCOUNT, _WordSpace

    # Another wording of the sinking, too far from the first to be clustered with it.
    sank_2 = "Water flooded the Morning Star in heavy seas and it went down near Keel Point."
    candidates = [_candidate(SANK, 1), _candidate(sank_2, 2), _candidate(COAST_GUARD, 3)]
    items = _items(candidates, None)
    by_text = {it.sentence.text: it for it in items}
    written = _written_so_far((), candidates, items, _WordSpace(candidates))
    assert written.told == {}
    # Writing one wording of the sinking tells most of the other; the Coast Guard little.
    written.write(by_text[SANK])
    assert len(items) == 3
    assert written.told[id(by_text[sank_2])] > 0.3
    assert written.told.get(id(by_text[COAST_GUARD]), 0.0) < 0.2
    # Ranked: a second wording, however central, counts only for what it adds.
    monkeypatch.setitem(MAX_SENTENCES, "event", 1)
    fresh = _written_so_far((), candidates)
    fresh.told = {id(by_text[sank_2]): 0.8}
    centrality = {id(by_text[sank_2]): 1.0, id(by_text[COAST_GUARD]): 0.5}
    both = [by_text[sank_2], by_text[COAST_GUARD]]
    assert TOLD_DISCOUNT * 0.8 > 0.5
    assert [it.sentence.text for it in _select(both, "event", centrality=centrality, written=fresh)] == [COAST_GUARD]
    assert [it.sentence.text for it in _select(both, "event", centrality=centrality)] == [sank_2]


def test_the_lead_counts_as_told() -> None:
    from wikiwire.compose.article import _WordSpace

    lead = (ArticleSentence(text="The ferry Morning Star sank off Keel Point in a storm.", sources=("s9",)),)
    candidates = [_candidate(SANK_3, 1), _candidate(BAND, 2)]
    items = _items(candidates, None)
    written = _written_so_far(lead, candidates, items, _WordSpace(candidates))
    told = {it.sentence.text: written.told.get(id(it), 0.0) for it in items}
    assert told[SANK_3] > told[BAND]
