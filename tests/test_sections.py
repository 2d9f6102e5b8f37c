"""Sentence roles (which section a sentence goes in) and whether it is about the event."""

from __future__ import annotations

import pytest

from conftest import ents as _ents
from wikiwire.compose.sections import EventCues, classify, place_role, relocate, section_roles
from wikiwire.taxonomy import kind_for, sections_for


@pytest.mark.parametrize(
    ("text", "spans", "role"),
    [
        ("Jordan condemned the strike on the academy and offered condolences.", [("Jordan", "GPE")], "reactions"),
        ("The Ministry of Health said 89 people were killed, among them 31 women.", [("Ministry of Health", "ORG")], "casualties"),
        ("The war began in 2011 with street protests against the president.", [], "background"),
        ("Government forces shelled rebel-held towns in retaliation the same evening.", [], "aftermath"),
        ("Investigators recovered the flight recorders from the river bed.", [], "investigation"),
        ("Rescue teams dug through the night to reach families under the rubble.", [], "response"),
        ("Whole villages of mud-brick homes were flattened in the district.", [], "damage"),
        ("The drones struck the parade ground minutes after the ceremony ended.", [], "event"),
    ],
)
def test_classify(text: str, spans: list[tuple[str, str]], role: str) -> None:
    assert classify(text, _ents(text, *spans), event_year=2023) == role


def test_reaction_needs_an_actor() -> None:
    text = "There was deep concern among residents about further strikes."
    assert classify(text, (), event_year=2023) != "reactions"


def test_an_earlier_year_makes_background() -> None:
    assert classify("A similar strike on the same base killed 12 officers in 2019.", event_year=2023) == "background"


def test_place_role_falls_back_to_the_kinds_sections() -> None:
    attack = section_roles(sections_for(kind_for("drone strike")))
    quake = section_roles(sections_for(kind_for("earthquake")))
    assert {"domestic", "international", "reactions"} <= attack
    assert place_role("damage", attack) == "event"
    assert place_role("response", attack) == "aftermath"
    assert place_role("reactions", quake) == "response"
    assert place_role("damage", quake) == "damage"


def test_event_cues() -> None:
    cues = EventCues.build(["Homs Military Academy", "Homs"], "Syria", kind_for("drone strike").patterns)
    assert cues.mentions_event("Mourners gathered outside the hospital in Homs.")
    assert cues.mentions_event("A swarm of drones attacked the parade.")
    assert cues.mentions_event("The attack was the deadliest in years.")
    # "the bombing in Ankara" names another place: another event.
    assert not cues.mentions_event("Turkey struck Kurdish positions after the bombing in Ankara.")
    assert not cues.mentions_event("Nine people died in an air raid on the border.")
    assert cues.mentions_country("Syrian officials declared three days of mourning.")
    assert not cues.mentions_country("Officials in Ankara declared mourning.")


def test_relocate_entities_after_rewriting() -> None:
    original = "Jordan condemned on Thursday the attack that Jordan's king called cowardly."
    ents = _ents(original, ("Jordan", "GPE"), ("Thursday", "DATE"))
    rewritten = "Jordan condemned on 5 October 2023 the attack that Jordan's king called cowardly."
    moved = relocate(ents, rewritten)
    assert [(e.text, e.start) for e in moved] == [("Jordan", 0)]


def test_elsewhere_means_all_places_in_another_country() -> None:
    cues = EventCues.build(["Homs"], "Syria", kind_for("drone strike").patterns)
    other = "Turkey struck Kurdish positions after the bombing in Ankara."
    home = "Government guns shelled villages around Idlib that evening."
    allies = "The Syrian army depends on support from Russia and Iran."
    assert cues.elsewhere(other, _ents(other, ("Turkey", "GPE"), ("Ankara", "GPE")))
    assert not cues.elsewhere(home, _ents(home, ("Idlib", "GPE")))
    assert not cues.elsewhere(allies, _ents(allies, ("Russia", "GPE"), ("Iran", "GPE")))


@pytest.mark.parametrize(
    ("text", "spans", "role"),
    [
        # A declared mourning period is the government's reaction, named or not.
        ("The government declared three days of national mourning for the dead.", [], "reactions"),
        ("Afghanistan declared a day of mourning on Sunday for the victims.", [("Afghanistan", "GPE")], "reactions"),
        # "deadliest in decades" is about the event, not background.
        ("Over 1,300 houses were destroyed in one of the deadliest quakes in decades.", [], "damage"),
        ("Afghanistan has a history of strong earthquakes along its mountain ranges.", [("Afghanistan", "GPE")], "background"),
        # A toll stated by a relief body is casualties, not response.
        ("The Red Crescent said at least 500 people had died in the quake.", [("Red Crescent", "ORG")], "casualties"),
        # The name of an organisation is no response cue.
        ("The UN Humanitarian Office said all the homes in the valley were destroyed.", [("UN Humanitarian Office", "ORG")], "damage"),
        # Police responding to calls is the event; a clock time or an age counts no one.
        ("Officers responded to reports of gunfire at a bar on the main street.", [], "event"),
        ("The suspect, 40, was found dead in a trailer at 7:45 p.m. near the river.", [], "aftermath"),
        # Buried under rubble is damage, not a burial.
        ("Hundreds of villagers were buried under the rubble of their mud homes.", [], "damage"),
    ],
)
def test_classify_quality_pass(text: str, spans: list[tuple[str, str]], role: str) -> None:
    assert classify(text, _ents(text, *spans), event_year=2023) == role


def test_mentions_place_ignores_the_country() -> None:
    cues = EventCues.build(["Homs Military Academy", "Homs"], "Syria", kind_for("drone strike").patterns)
    assert cues.mentions_place("Drones hit the academy in Homs.")
    assert not cues.mentions_place("Syria declared three days of mourning.")


def test_promise_to_answer_is_aftermath() -> None:
    text = "The army blamed armed groups and promised an answer with full force."
    assert classify(text, (), event_year=2023) == "aftermath"


@pytest.mark.parametrize(
    "text",
    [
        "As the first anniversary of the ferry fire neared, thousands marched through the port to protest.",
        "Two years after the collapse, families of the victims still held protests outside the ministry.",
        "A year later, the village had been rebuilt on higher ground.",
    ],
)
def test_what_came_a_year_on_is_aftermath_not_background(text: str) -> None:
    assert classify(text, (), event_year=2023) == "aftermath"


def test_protests_before_the_event_stay_background() -> None:
    text = "Protests over fuel prices had spread through the province for weeks."
    assert classify(text, (), event_year=2023) == "background"
