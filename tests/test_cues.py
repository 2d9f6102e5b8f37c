"""Shared cue-word tables: one list read alike by the section classifier and the reaction parser."""

from __future__ import annotations

import re

import pytest

from conftest import ents as _ents
from wikiwire import cues
from wikiwire.compose import reactions, sections

CONDEMN = re.compile(rf"\b(?:{cues.CONDEMNATION})\b", re.IGNORECASE)
SYMPATHY = re.compile(rf"\b(?:{cues.SYMPATHY})\b", re.IGNORECASE)




@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Jordan condemned the drone strike on the military academy in Homs.", "condemned"),
        ("The Arab League denounced the attack on the graduation ceremony.", "denounced"),
        ("Egypt deplores the killing of civilians in Homs.", "deplores"),
        ("Algeria condemns all attacks on civilians.", "condemns"),
    ],
)
def test_condemnation_verbs(text: str, word: str) -> None:
    found = CONDEMN.search(text)
    assert found is not None and found.group(0) == word


def test_condemnation_table_needs_whole_words() -> None:
    assert CONDEMN.search("The strike drew international condemnation.") is None
    assert CONDEMN.search("A condemnatory statement followed.") is None


def test_sympathy_words() -> None:
    assert SYMPATHY.search("Brazil offered its condolences to the families.")
    assert SYMPATHY.search("The mayor sent a condolence message.")
    assert SYMPATHY.search("Maine's governor expressed her sympathies.")
    assert SYMPATHY.search("The sympathetic crowd gathered.") is None


@pytest.mark.parametrize("verb", ["condemned", "denounced", "deplored"])
def test_section_classifier_and_reaction_parser_agree_on_condemnation(verb: str) -> None:
    text = f"Jordan {verb} the drone strike on the academy in Homs that killed 89 people."
    entities = _ents(text, ("Jordan", "GPE"), ("Homs", "GPE"), ("89", "CARDINAL"))
    assert sections.classify(text, entities) == "reactions"
    parsed = reactions.parse(text, entities)
    assert parsed is not None
    assert parsed.stance == "condemned"
    assert parsed.actors == ("Jordan",)


def test_the_noun_condemnation_marks_a_reaction_sentence_only() -> None:
    text = "The United Nations voiced condemnation of the strike."
    entities = _ents(text, ("The United Nations", "ORG"))
    assert sections.classify(text, entities) == "reactions"
    assert reactions.parse(text, entities) is None


def test_actor_labels_decide_who_can_react() -> None:
    assert frozenset({"GPE", "ORG", "PERSON", "NORP"}) == cues.ACTOR_LABELS
    text = "On Friday, the Syrians condemned the strike."
    assert sections.classify(text, _ents(text, ("Syrians", "NORP"))) == "reactions"
    # A date is no actor: the same sentence without one is not a reaction.
    assert sections.classify(text, _ents(text, ("Friday", "DATE"))) != "reactions"
    assert reactions.parse(text, _ents(text, ("Friday", "DATE"))) is None
