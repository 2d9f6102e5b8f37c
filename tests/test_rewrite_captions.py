"""Photo captions, the event cited as a speaker, and other live-page leftovers are refused;
present-tense background and past-tense narrative are kept."""

from __future__ import annotations

import datetime as dt

import pytest

from wikiwire.captions import is_photo_caption, is_prose_caption
from wikiwire.compose.rewrite import absolutise_dates, is_well_formed, rewrite

WEDNESDAY = dt.date(2024, 3, 27)  # a report published the day after a Tuesday collapse


@pytest.mark.parametrize(
    "text",
    [
        "The freighter rests against the broken span amid the wreckage following the collapse of the bridge.",
        "Onlookers look toward the harbour following its collapse after the container ship struck a pier.",
        "Rescue workers search for survivors in the rubble of a mud-brick house in Zindajan on October 8, 2023.",
        "Mourners gather outside the bowling alley after the shooting in Lewiston.",
        "Smoke rises over the parade ground after the drone strike on the academy.",
        "Governor Wes Moore, centre, speaks to reporters on the shore.",
        "Neighbours hold candles during a vigil after the mass shooting.",
        "Twisted steel is seen in the water after the collapse.",
        # "each other" is no habit ("each year" is).
        "Neighbours comfort each other at the site of the ferry sinking at Keel Point on May 3.",
    ],
)
def test_present_tense_scene_tied_to_the_event_is_a_caption(text: str) -> None:
    assert is_photo_caption(text)
    out = rewrite(text, WEDNESDAY)
    assert (out.text, out.reason) == (None, "photo caption")


@pytest.mark.parametrize(
    "text",
    [
        "Cranes try to lift the crushed carriages on March 2 after the collision near the junction.",
        # A slideshow's counter marks a caption whatever its tense.
        "2 of 5 | Firefighters hosed down the wreck of the coach near the junction.",
    ],
)
def test_effort_scenes_and_slideshow_captions_are_kept_out_of_the_prose_only(text: str) -> None:
    # Extraction still reads them (weighed down) for the scene's place.
    assert is_prose_caption(text) and not is_photo_caption(text)
    out = rewrite(text, WEDNESDAY)
    assert (out.text, out.reason) == (None, "photo caption")


@pytest.mark.parametrize(
    "text",
    [
        # Stative or habitual present: background, not a moment.
        "The span carries about 30,000 cars a day between the two shores.",
        "Homs, the third-largest city in Syria, is held by government forces.",
        "The academy sits on the eastern edge of the city.",
        "The district lies about 40 kilometres north-west of Herat.",
        "Worshippers gather at the shrine every year after the harvest festival.",
        "Pilgrims greet each arrival at the shrine on May 3, as they have for centuries.",
        "A memorial stands near the bridge following the collapse.",
        # Past-tense narrative.
        "Relatives gathered outside the hospital after the shooting.",
        "Divers searched the river after the collapse.",
        # The present verb is not the main one, or is a noun.
        "The freighter, which sits low in the water after the collision, was towed to port.",
        "The search continues after the quake.",
        "As crews search the rubble after the quake, aid agencies warn of cold nights.",
        "Officials say families gather at the school after the attack.",
        "The government holds armed groups responsible for the attack.",
        "The bridge is seen as a vital link after the collapse of the old ferry service.",
        "Rescuers tried to reach the carriages on March 2 after the collision.",
        "One of 5 survivors said the coach tipped over on March 2.",
    ],
)
def test_background_and_narrative_are_not_captions(text: str) -> None:
    assert not is_prose_caption(text)
    assert rewrite(text, WEDNESDAY).reason != "photo caption"


def test_the_event_cited_as_a_speaker_is_not_well_formed() -> None:
    garbled = ("The crash has cited a major incident resulting in three counties, along with the coast guard "
               "and state police, are at the site.")
    assert not is_well_formed(garbled)
    assert rewrite(garbled, WEDNESDAY).reason == "not a well-formed sentence"


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake reported by the survey agency struck shortly after eleven in the morning.",
        "The fire chief said the blaze was under control by midnight.",
        "The attack said to have been planned for weeks killed eleven people at the market.",
        "The transport authority said the collapse closed the main shipping channel.",
    ],
)
def test_real_speakers_and_reduced_relatives_stay_well_formed(text: str) -> None:
    assert is_well_formed(text)


def test_capitalised_show_name_is_not_a_day_word() -> None:
    text = "The governor spoke about the recovery in an interview with TODAY."
    assert absolutise_dates(text, WEDNESDAY) == text
    assert absolutise_dates("The governor spoke about the recovery today.", WEDNESDAY) == (
        "The governor spoke about the recovery on 27 March 2024."
    )


def test_official_who_did_not_want_to_be_named_is_the_outlets_framing() -> None:
    text = "A senior official who didn't want to be named said the freighter had lost power before the impact."
    assert rewrite(text, WEDNESDAY).reason == "the outlet's framing of its sources"


def test_live_update_clock_without_a_day_is_dropped() -> None:
    text = "As of 3:00 a.m., divers are reporting that two workers were pulled from the river."
    assert rewrite(text, WEDNESDAY).reason == "relative time that cannot be made absolute"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tally from Sunday's explosion rose after a bomber struck a rally.",
         "The tally from the explosion rose after a bomber struck a rally."),
        ("Mourners gathered after Friday's shooting.", "Mourners gathered after the shooting."),
        ("Since last Sunday's blast, the market has been closed.", "Since the blast, the market has been closed."),
    ],
)
def test_a_weekday_possessive_goes_and_its_preposition_stays(text: str, expected: str) -> None:
    assert absolutise_dates(text, dt.date(2023, 8, 2)) == expected
