"""Type extraction: the event's own kind, not a retaliation's or a past event's."""

from __future__ import annotations

import datetime as dt

from wikiwire.analyse import analyse
from wikiwire.facts import kinds
from wikiwire.records import AnalysedSource, Claim, Source


def _source(nlp, text: str) -> AnalysedSource:  # type: ignore[no-untyped-def]
    src = Source(id="s1", input="test", text=text, published=dt.date(2024, 5, 2))
    return analyse([src], nlp)[0]


def _best(claims: list[Claim]) -> str:
    totals: dict[str, float] = {}
    for c in claims:
        if c.scope is None:
            totals[str(c.value)] = totals.get(str(c.value), 0.0) + c.weight
    return max(totals, key=lambda k: totals[k])


def test_retaliation_does_not_change_the_type(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armed drones struck a police academy in Qaryat on Monday, killing 14 cadets.\n"
        "Hours later the army shelled rebel positions in the valley in response, killing six."
    )
    claims = kinds.extract(_source(nlp, text))
    assert _best(claims) == "drone strike"
    drone = max(c.weight for c in claims if c.value == "drone strike")
    shelling = max(c.weight for c in claims if c.value == "shelling")
    assert shelling < drone / 2


def test_retaliatory_cue_marks_only_the_nearest_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy condemned the drone attack on the academy and the retaliatory shelling of villages."
    claims = {c.value: c.weight for c in kinds.extract(_source(nlp, text))}
    assert claims["shelling"] < claims["drone strike"] / 2


def test_sequel_phrase_marks_what_follows(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded outside the court house, killing nine people.\n"
        "Following the bombing, security forces launched airstrikes on hideouts in the hills."
    )
    claims = kinds.extract(_source(nlp, text))
    assert _best(claims) == "car bombing"
    air = [c for c in claims if c.value == "airstrike"]
    assert air and air[0].weight < 0.3


def test_earthquake_report_and_fault_mechanism(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A magnitude 6.1 earthquake shook the western highlands on Sunday, flattening mud-brick homes.\n"
        "Seismologists said the quake was the result of thrust faulting at a shallow depth."
    )
    claims = kinds.extract(_source(nlp, text))
    assert _best(claims) == "earthquake"
    fault = [c for c in claims if c.scope == "fault"]
    assert [c.value for c in fault] == ["Thrust"]


def test_bridge_collapse_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A highway bridge collapsed into the harbour early on Tuesday after a cargo ship struck one of its piers.\n"
        "Six road workers who were on the span are presumed dead."
    )
    claims = kinds.extract(_source(nlp, text))
    assert _best(claims) == "bridge collapse"
    assert claims[0].display == "bridge collapse"


def test_background_event_weighs_less(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A gunman opened fire in a shopping centre on Friday, killing five people.\n"
        "In 2019 a bomb exploded at the same market."
    )
    claims = kinds.extract(_source(nlp, text))
    shooting = max(c.weight for c in claims if c.value == "mass shooting")
    bombing = max(c.weight for c in claims if c.value == "bombing")
    assert bombing < shooting / 2


def test_more_specific_kind_swallows_its_words() -> None:
    assert [m.kind.key for m in kinds.match_kinds("a suicide bombing at the gate")] == ["suicide bombing"]
    found = {m.kind.key for m in kinds.match_kinds("a car bomb and, later, a bombing downtown")}
    assert found == {"car bombing", "bombing"}


def test_patterns_stop_at_word_ends() -> None:
    assert kinds.match_kinds("A man stormed into the bar") == ()


def test_kind_specificity() -> None:
    assert kinds.kind_specificity("drone strike") > kinds.kind_specificity("airstrike")
    assert kinds.kind_specificity("bridge collapse") > kinds.kind_specificity("explosion")
    assert kinds.kind_specificity("no such kind") == 0
    assert kinds.kind_specificity(None) == 0
