"""Who states a sentence's facts."""

from __future__ import annotations

import pytest

from wikiwire.facts.attribution import attribute, attribute_span, attribute_text
from wikiwire.records import Entity, Sentence


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("At least 89 people died in the strike, according to the Ministry of Health.", "the Ministry of Health"),
        ("The Syrian Observatory for Human Rights placed the toll at over 120.", "the Syrian Observatory for Human Rights"),
        ("Police said eighteen people had been shot dead.", "police"),
        ("Gov. Janet Mills told a news conference that 18 people were killed.", "Gov. Janet Mills"),
        ("The number of dead rose to 112 overnight, the health ministry said.", "the health ministry"),
        ("Over 100 were killed, said the Syrian Observatory for Human Rights.", "the Syrian Observatory for Human Rights"),
        ("The Observatory's figures put the dead at 123.", "the Observatory"),
        ("The figure was reported by the Red Crescent, which runs the clinics.", "the Red Crescent"),
        ("Health officials in Herat province said at least 1,000 had died.", "Health officials in Herat province"),
        ("Jan Sayeq, a spokesman for the disaster authority, said 14 had died.", "Jan Sayeq"),
        # An aside between the speaker and the verb does not hide the speaker.
        ("Party sources, however, said the death toll had crossed 75.", "Party sources"),
        ("The ministry, for its part, said 40 people were killed.", "the ministry"),
    ],
)
def test_attribute_text(text: str, body: str) -> None:
    assert attribute_text(text) == body


@pytest.mark.parametrize(
    "text",
    [
        "The drone attack killed at least 89 people on Thursday.",
        "No group has claimed responsibility for the bombing.",
        "He said the toll would rise.",
        "Initial reports from the area indicated 100 deaths.",
    ],
)
def test_unattributed(text: str) -> None:
    assert attribute_text(text) is None


def _sentence(text: str, entities: tuple[Entity, ...] = ()) -> Sentence:
    return Sentence(id="s1.0", source_id="s1", index=0, paragraph=0, text=text, entities=entities)


def test_entity_widens_to_title_and_name() -> None:
    text = "On Thursday Gov. Janet Mills said 18 people were killed."
    start = text.index("Janet")
    sentence = _sentence(text, (Entity(text="Janet Mills", label="PERSON", start=start, end=start + 11),))
    assert attribute(sentence) == "Gov. Janet Mills"


def test_each_clause_keeps_its_own_speaker() -> None:
    text = ("The Ministry of Health reported at least 89 dead, whereas the Syrian Observatory "
            "for Human Rights put the toll at over 120.")
    sentence = _sentence(text)
    assert attribute_span(sentence, text.index("89"), text.index("89") + 2) == "the Ministry of Health"
    assert attribute_span(sentence, text.index("120"), text.index("120") + 3) == (
        "the Syrian Observatory for Human Rights"
    )


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("By the evening the monitor said more than 100 people had died.", "the monitor"),
        ("On Friday, police said the death toll had reached 18.", "police"),
        ("Late on Saturday the Red Crescent reported 40 dead.", "the Red Crescent"),
        ("The health ministry spoke of 80 dead.", "the health ministry"),
        ("Syria's health ministry has given a lower figure of 89 dead.", "Syria's health ministry"),
        ("The Observatory gave a higher figure, saying over 100 had died.", "the Observatory"),
        ("Police on Friday said 18 had died.", "police"),
        ("The UN late on Saturday gave a preliminary figure of 320 dead.", "the UN"),
    ],
)
def test_temporal_openers_and_figure_verbs(text: str, body: str) -> None:
    assert attribute_text(text) == body


def test_giving_is_attribution_only_for_figures() -> None:
    assert attribute_text("The minister gave a speech at the funeral of the cadets.") is None
