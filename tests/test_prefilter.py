"""The cheap tests run before expensive regexes never skip a text the regex would match,
and the caches behind the extractors return the same values as a fresh computation."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from wikiwire.facts import (
    attribution,
    casualties,
    context,
    dates,
    kinds,
    memo,
    numbers,
    perpetrators,
    target,
    times,
)
from wikiwire.facts.prefilter import ANYTHING, Needles, fold, has_digit, required_needles
from wikiwire.records import AnalysedSource, Sentence, Source

# (name, regex, test that must be True whenever the regex matches the text): every
# prefilter the extractors run, as wired in their modules.
PAIRS: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    ("QUANTITY", numbers.QUANTITY, lambda t: has_digit(t) or numbers._QUANTITY_NEEDLES.may_match(t)),
    ("CLOCK_RE", times.CLOCK_RE, has_digit),
    ("NOON_RE", times.NOON_RE, times._NOON_NEEDLES.may_match),
    ("PART_OF_DAY_RE", times.PART_OF_DAY_RE, times._PART_OF_DAY_NEEDLES.may_match),
    ("_TARGETED", target._TARGETED, target._TARGET_NEEDLES.may_match),
    ("_ATTACK_ON", target._ATTACK_ON, target._TARGET_NEEDLES.may_match),
    ("_PASSIVE", target._PASSIVE, target._TARGET_NEEDLES.may_match),
    ("_OCCASION", target._OCCASION, target._OCCASION_NEEDLES.may_match),
    ("_WEAPON", target._WEAPON, target._WEAPON_NEEDLES.may_match),
    ("EXPLICIT_RE", dates.EXPLICIT_RE, has_digit),
    ("RELATIVE_RE", dates.RELATIVE_RE, dates._RELATIVE_NEEDLES.may_match),
    ("WEEKDAY_RE", dates.WEEKDAY_RE, dates._WEEKDAY_NEEDLES.may_match),
    *(
        (f"_CLAIMED[{i}]", pattern, needles.may_match)
        for i, (pattern, needles) in enumerate(zip(perpetrators._CLAIMED, perpetrators._CLAIMED_NEEDLES, strict=True))
    ),
    *(
        (f"war pattern {i}", pattern, context._WAR_NEEDLES.may_match)
        for i, pattern in enumerate((*context._CIVIL_WAR, *context._WAR_IN, context._AT_WAR, context._NAMED_CONFLICT))
    ),
    *((f"_SERIES[{i}]", pattern, context._SERIES_NEEDLES.may_match) for i, pattern in enumerate(context._SERIES)),
    *((f"attribution cue {i}", pattern, needles.may_match) for i, (pattern, needles) in enumerate(attribution._CUES)),
    ("kinds._ANY_KIND", kinds._ANY_KIND, kinds._ANY_KIND_NEEDLES.may_match),
    ("dates._ANY_KIND_CUE_RE", dates._ANY_KIND_CUE_RE, dates._ANY_KIND_CUE_NEEDLES.may_match),
]
# Each kind's own regexes (three modules build them) with their needles.
KIND_PAIRS: list[tuple[str, re.Pattern[str], Needles]] = [
    *((f"kinds {k.key}", p, n) for (k, p), n in zip(kinds._KIND_PATTERNS, kinds._KIND_NEEDLES, strict=True)),
    *((f"casualties {key}", p, n) for (key, _, p), n in zip(casualties._KIND_RES, casualties._KIND_RE_NEEDLES, strict=True)),
    *((f"dates {key}", p, n) for (key, p), n in zip(dates._KIND_CUE_RES, dates._KIND_CUE_NEEDLES, strict=True)),
]

# Words and phrases the patterns above look for, with near misses, written in our own words.
VOCABULARY = [
    "at least", "more than", "nearly", "about", "up to", "some", "~", "+", "an estimated",
    "89", "1,482", "2.5 million", "120+", "7", "0", "٣", "eighteen", "twenty-five", "one hundred and twenty",
    "a hundred", "a dozen", "half a dozen", "dozens", "scores", "hundreds", "tens of thousands",
    "6:56", "p.m.", "a.m.", "14:00", "between 6:56 and 7:08 pm", "noon", "midday", "midnight",
    "early", "late", "Tuesday", "Thursday", "night", "morning", "evening", "overnight", "dawn",
    "yesterday", "today", "tonight", "last night", "two days ago", "3 days ago", "last week",
    "the same day", "this afternoon", "5 October 2023", "October 5", "Oct. 25, 2023", "2023-10-05",
    "drone strike", "attacked", "targeted", "targeting", "stormed", "struck", "attack on",
    "strikes against", "raid on", "was targeted", "were attacked", "gunmen struck", "ambush on",
    "explosive-laden drones", "AR-15-style rifle", "knife", "knives", "IEDs", "car  bombs",
    "improvised explosive device", "suicide vest", "grenade", "mortars", "uav",
    "graduation ceremony", "wedding", "funeral", "vigil", "prayers", "rally",
    "according to", "the ministry said", "said the ministry", "the Observatory’s toll",
    "the monitor's figures", "released by", "reported by", "police", "Police", "told", "gave a toll",
    "spoke of", "cites", "claimed responsibility", "responsibility was claimed by", "Islamic State",
    "said it carried out", "announced that it was behind", "the group", "civil war", "Syria's",
    "Syria’s 12-year war", "war in", "Yemen", "Syrian", "conflict", "fighting in", "the Kashmir insurgency",
    "has been at war", "the Arab uprising", "Syria's civil war", "the civil war in Yemen",
    "the Observatory, a monitor based abroad, reported", "Officials, the spokesman, told", "ſcores", "dıed", "\u212ailled", "İstanbul", "Kılled",
    "suicide bomber", "car bomb", "shelling", "opened fire", "mass shooting", "knife attack",
    "magnitude 6.3 earthquake", "aftershocks", "the bridge collapsed", "collapse of the bridge",
    "derailed", "plane crash", "capsized", "explosion", "blast", "air strike", "warplanes",
    "drones hit", "rammed his car into", "set fire", "hostages", "flash flooding", "landslide",
    "missile strikes", "rocket attack", "dam burst", "the dams failed", "typhoon", "storms",
    "wildfires", "brush fire", "the roof caved in", "collapse of the old tower", "stampede",
    "crushed in the crowd", "bus crash", "pile-up", "deadliest attack in U.S. history",
    "latest in a string of stabbings in France", "worst", "in", "history",
    "the", "in", "and", ",", ".", "—", "(", ")", "“", "”", "'", "’", "by", "of", "it", "on",
]
CASES: tuple[Callable[[str], str], ...] = (str, str.upper, str.title, str.lower)


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(CASES),
                                    st.sampled_from([" ", "  ", ", ", "-", "", "\n"])), max_size=14))
    noise = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCTW,.'’0123456789ıſ", max_size=12))
    return "".join(case(word) + sep for word, case, sep in parts) + noise


@settings(max_examples=400, deadline=None)
@given(texts())
def test_prefilters_never_skip_a_text_the_regex_matches(text: str) -> None:
    for name, pattern, may_match in PAIRS:
        if pattern.search(text):
            assert may_match(text), (name, text)


@settings(max_examples=300, deadline=None)
@given(texts())
def test_kind_needles_never_skip_a_text_the_kind_regex_matches(text: str) -> None:
    folded = fold(text)
    for name, pattern, needles in KIND_PAIRS:
        if pattern.search(text):
            assert needles.in_folded(folded), (name, text)


@settings(max_examples=200, deadline=None)
@given(texts())
def test_kind_unions_match_exactly_where_one_kind_does(text: str) -> None:
    each = any(p.search(text) for _, p in kinds._KIND_PATTERNS)
    assert kinds.names_any_kind(text) == each
    cue_each = any(p.search(text) for _, p in dates._KIND_CUE_RES)
    assert (dates._ANY_KIND_CUE_RE.search(text) is not None) == cue_each


# One sentence each pattern matches, so every pair is tested on a real match.
MATCHING = {
    "QUANTITY": "More than a dozen people were hurt.",
    "CLOCK_RE": "The blast came at 6:56 p.m.",
    "NOON_RE": "Shortly before noon the crowd gathered.",
    "PART_OF_DAY_RE": "It happened early Tuesday.",
    "_TARGETED": "The drone targeted a graduation ceremony.",
    "_ATTACK_ON": "The attack on the academy killed dozens.",
    "_PASSIVE": "The ceremony was targeted by drones.",
    "_OCCASION": "A wedding party was hit.",
    "_WEAPON": "Gunmen armed with AR-15-style rifles opened fire.",
    "EXPLICIT_RE": "It struck on 5 October 2023.",
    "RELATIVE_RE": "Two days ago the toll rose.",
    "WEEKDAY_RE": "It struck on Thursday.",
    "_CLAIMED[0]": "The Islamic State group claimed responsibility.",
    "_CLAIMED[1]": "Later, responsibility was claimed by Islamic State.",
    "_CLAIMED[2]": "The Movement said it carried out the strike.",
    "war pattern 0": "It is part of the Syrian civil war.",
    "war pattern 1": "It came in Syria's 12-year civil war.",
    "war pattern 2": "It is the latest blow in the civil war in Yemen.",
    "war pattern 3": "It is the deadliest attack of the war in Syria.",
    "war pattern 4": "It is the worst day of Syria's war.",
    "war pattern 5": "Syria has been at war since 2011.",
    "war pattern 6": "It is part of the Kashmir insurgency.",
    "attribution cue 0": "At least 89 were killed, according to the ministry.",
    "attribution cue 1": "The toll was reported by the Observatory.",
    "attribution cue 2": "The Observatory's toll stood at 120.",
    "attribution cue 3": "The toll rose to 120, said the ministry.",
    "attribution cue 4": "The Observatory, a monitor based in Britain, reported 120 dead.",
    "attribution cue 5": "The health ministry said 89 people died.",
    "_SERIES[0]": "It was the deadliest shooting in U.S. history.",
    "_SERIES[1]": "It is the latest in a string of attacks in France.",
    "kinds._ANY_KIND": "A drone strike hit the academy.",
    "dates._ANY_KIND_CUE_RE": "The drone strikes continued.",
}


def test_each_pair_passes_a_sentence_its_regex_matches() -> None:
    assert set(MATCHING) == {name for name, _, _ in PAIRS}
    for name, pattern, may_match in PAIRS:
        assert pattern.search(MATCHING[name]), name
        assert may_match(MATCHING[name]), name


def test_needles_ignore_case() -> None:
    assert Needles.of(("According to",)).may_match("ACCORDING TO the ministry")
    assert not Needles.of(("war",)).may_match("A quiet day in the city")
    assert ANYTHING.may_match("") and ANYTHING.may_match("anything at all")


def test_required_needles_read_the_literal_runs_a_match_needs() -> None:
    assert required_needles(re.compile(r"\bdrone (?:strike|attack)s?", re.IGNORECASE)).needles == ("drone ",)
    assert required_needles(re.compile(r"\d+ killed")).needles == (" killed",)
    assert required_needles(re.compile(r"(?:foo)?bar")).needles == ("bar",)
    assert required_needles(re.compile(r"(?:warplanes?|air raids?)")).needles == ("air raid", "warplane")
    assert required_needles(re.compile(r"\bIEDs?\b")).needles == ("ied",)
    assert required_needles(re.compile(r"(?:attack)+ed")).needles == ("attack",)


def test_required_needles_require_nothing_when_a_branch_or_repeat_may_be_empty() -> None:
    assert required_needles(re.compile(r"killed|\d+")) == ANYTHING
    assert required_needles(re.compile(r"(?:toll)*")) == ANYTHING
    assert required_needles(re.compile(r"[a-z]+")) == ANYTHING
    assert required_needles(re.compile(r"(?:killed|)")) == ANYTHING


def test_needles_never_filter_text_with_characters_that_fold_to_ascii() -> None:
    # re.IGNORECASE matches the long s to "s": "ſcores" is the vague count "scores".
    assert numbers.QUANTITY.search("ſcores were hurt")
    assert numbers._QUANTITY_NEEDLES.may_match("ſcores were hurt")
    assert Needles.of(("killed",)).may_match("\u212ailled")
    assert Needles.of(("died",)).may_match("dıed")
    assert (fold("dıed"), fold("ſcores"), fold("\u212aILLED"), fold("İN"), fold("Dead")) == ("died", "scores", "killed", "in", "dead")


def test_has_digit_reads_unicode_digits_as_regexes_do() -> None:
    assert has_digit("٣ killed") and re.search(r"\d", "٣")
    assert not has_digit("nobody was hurt")


def test_cached_results_come_back_as_fresh_lists() -> None:
    first = numbers.find_quantities("At least 89 people were killed and 277 injured.")
    first.clear()
    again = numbers.find_quantities("At least 89 people were killed and 277 injured.")
    assert [(q.value, q.qualifier) for q in again] == [(89, "at least"), (277, "exactly")]
    weapons = target.weapon_phrases("Gunmen armed with AR-15-style rifles opened fire.")
    weapons.append(("x", "x", 0.0))
    assert target.weapon_phrases("Gunmen armed with AR-15-style rifles opened fire.") == [
        ("AR-15-style rifles", "rifle", 1.0)
    ]
    assert times.find_times("It struck at 6:56 p.m. on Wednesday night.")[0].value == "18:56"


def test_prefiltered_functions_find_nothing_without_cues() -> None:
    plain = "Residents gathered quietly outside the hospital as rain fell."
    assert numbers.find_quantities(plain) == []
    assert times.find_times(plain) == []
    assert target.target_phrases(plain) == []
    assert target.weapon_phrases(plain) == []
    assert kinds.match_kinds(plain) == ()
    assert dates.find_dates(plain, None) == []
    assert attribution.attribute_text(plain) is None


def _source(source_id: str, text: str) -> AnalysedSource:
    return AnalysedSource(
        source=Source(id=source_id, input=f"{source_id}.txt", text=text),
        sentences=(Sentence(id=f"{source_id}.0", source_id=source_id, index=0, paragraph=0, text=text),),
    )


def test_per_source_computes_once_per_source_object() -> None:
    calls: list[str] = []

    @memo.per_source
    def first_sentence(source: AnalysedSource) -> str:
        calls.append(source.source.id)
        return source.sentences[0].text

    one = _source("s1", "A drone strike hit a graduation ceremony.")
    equal_copy = _source("s1", "A drone strike hit a graduation ceremony.")
    assert first_sentence(one) == first_sentence(one) == "A drone strike hit a graduation ceremony."
    assert first_sentence(equal_copy) == "A drone strike hit a graduation ceremony."
    assert calls == ["s1", "s1"]  # the equal but distinct object is computed again
    first_sentence.cache_clear()  # type: ignore[attr-defined]
    first_sentence(one)
    assert calls == ["s1", "s1", "s1"]


def test_per_source_forgets_the_oldest_beyond_its_size() -> None:
    calls: list[str] = []

    @memo.per_source
    def ident(source: AnalysedSource) -> str:
        calls.append(source.source.id)
        return source.source.id

    sources = [_source(f"s{i}", "Police said two people were hurt.") for i in range(memo.SOURCE_CACHE_SIZE + 1)]
    for source in sources:
        ident(source)
    ident(sources[-1])
    ident(sources[0])
    assert calls.count(sources[-1].source.id) == 1
    assert calls.count(sources[0].source.id) == 2


def test_dominant_kind_and_relevance_are_stable_across_calls() -> None:
    source = _source("s9", "A drone strike on a military academy killed at least 89 people.")
    assert kinds.dominant_kind(source) == kinds.dominant_kind(source) == "drone strike"
    first = kinds.sentence_relevance(source)
    first.clear()
    assert len(kinds.sentence_relevance(source)) == 1
    assert [c.value for c in kinds.extract(source)] == [c.value for c in kinds.extract(source)]
