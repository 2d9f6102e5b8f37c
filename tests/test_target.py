"""Target and weapons claims: short noun phrases, the attacker's weapons over mentioned ones."""

from __future__ import annotations

import datetime as dt

from wikiwire.analyse import analyse
from wikiwire.facts import target
from wikiwire.records import AnalysedSource, Claim, Source


def _source(nlp, text: str) -> AnalysedSource:  # type: ignore[no-untyped-def]
    src = Source(id="s1", input="test", text=text, published=dt.date(2024, 5, 2))
    return analyse([src], nlp)[0]


def _facts(claims: list[Claim], fact: str) -> dict[str, Claim]:
    out: dict[str, Claim] = {}
    for c in claims:
        if c.fact == fact and (str(c.value) not in out or c.weight > out[str(c.value)].weight):
            out[str(c.value)] = c
    return out


def test_targeted_phrase_is_cut_short(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An explosive-laden drone targeted the graduation ceremony of the naval college in Tartus on Friday."
    claims = target.extract(_source(nlp, text))
    targets = _facts(claims, "target")
    assert list(targets) == ["graduation ceremony"]
    assert targets["graduation ceremony"].display == "graduation ceremony"
    weapons = _facts(claims, "weapons")
    assert weapons["drone"].display == "explosive-laden drone"


def test_gathering_outweighs_the_building(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen stormed a hotel in the capital and attacked a wedding party, killing 11 guests."
    targets = _facts(target.extract(_source(nlp, text)), "target")
    assert targets["wedding party"].weight > targets["hotel"].weight


def test_passive_target_and_places_skipped(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Tuesday an army convoy was targeted by a roadside bomb near the border. A second attack on Kandahar followed."
    targets = _facts(target.extract(_source(nlp, text)), "target")
    assert "army convoy" in targets
    assert "kandahar" not in targets


def test_weapons_in_the_attackers_hands(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A man armed with an AR-15-style rifle walked into the club and opened fire.\n"
        "The bartender grabbed a kitchen knife and hid behind the counter.\n"
        "Drone footage showed police cars surrounding the building."
    )
    weapons = _facts(target.extract(_source(nlp, text)), "weapons")
    assert weapons["rifle"].display == "AR-15-style rifle"
    assert weapons["knife"].weight < weapons["rifle"].weight / 2
    assert "drone" not in weapons


def test_normalise_target() -> None:
    assert target.normalise_target("student graduation ceremony") == "graduation ceremony"
    assert target.normalise_target("the Mosque") == "mosque"


def test_phrases_helpers() -> None:
    assert target.target_phrases("a suicide attack on worshippers at the shrine")[0][0] == "worshippers"
    assert [(p, k) for p, k, _ in target.weapon_phrases("police said he fired a semi-automatic pistol")] == [
        ("semi-automatic pistol", "pistol")
    ]


def test_occasion_named_near_the_attack_beats_the_venue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A drone attack on the naval college in Tartus killed 40 people on Thursday.\n"
        "The blast came minutes after the defence minister left the graduation ceremony."
    )
    targets = _facts(target.extract(_source(nlp, text)), "target")
    assert targets["graduation ceremony"].weight > targets["naval college"].weight


def test_occasion_phrases() -> None:
    assert target.occasion_phrases("minutes after he left a graduation ceremony") == ["graduation ceremony"]
    assert target.occasion_phrases("mourners attended the funeral") == ["funeral"]


def test_accident_reports_weigh_targets_less(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A bridge collapsed into the river after a container ship struck one of its piers on Tuesday."
    attack = "A bomber struck a crowded market on Tuesday, killing 30 shoppers."
    accident_targets = [c for c in target.extract(_source(nlp, text)) if c.fact == "target"]
    attack_targets = [c for c in target.extract(_source(nlp, attack)) if c.fact == "target"]
    assert attack_targets and max(c.weight for c in attack_targets) > 0.7
    assert all(c.weight < 0.35 for c in accident_targets)
