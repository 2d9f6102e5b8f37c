"""Reactions: stance and actors read from a sentence, compacted as editors do, domestic or not."""

from __future__ import annotations

import re

from conftest import ents as _ents
from wikiwire.compose.reactions import compact, is_country, is_domestic, is_domestic_text, parse
from wikiwire.records import ArticleSentence


def _item(text: str, source: str, *spans: tuple[str, str]):  # type: ignore[no-untyped-def]
    sentence = ArticleSentence(text=text, sources=(source,), evidence=(f"{source}.0",))
    return sentence, parse(text, _ents(text, *spans))


def test_is_country() -> None:
    assert is_country("Brazil")
    assert is_country("Russia")
    assert is_country("the United Arab Emirates")
    assert not is_country("Arab League")
    assert not is_country("Guterres")


def test_parse_simple_condolences() -> None:
    text = "Algeria expressed its condolences to the Syrian people."
    reaction = parse(text, _ents(text, ("Algeria", "GPE"), ("Syrian", "NORP")))
    assert reaction is not None
    assert reaction.stance == "condolences"
    assert reaction.actors == ("Algeria",)
    assert reaction.simple


def test_quoted_reaction_is_not_simple() -> None:
    text = "The UN envoy Geir Pedersen condemned what he called a “horrific” attack on cadets and their families."
    reaction = parse(text, _ents(text, ("UN", "ORG"), ("Geir Pedersen", "PERSON")))
    assert reaction is not None
    assert reaction.stance == "condemned"
    assert not reaction.simple


def test_compaction_merges_same_stance_and_cites_all() -> None:
    items = [
        _item("Argentina expressed its condolences to the government in Damascus.", "s1", ("Argentina", "GPE"), ("Damascus", "GPE")),
        _item("The Arab League condemned the attack in a short statement.", "s2", ("The Arab League", "ORG")),
        _item("Algeria offered its condolences.", "s2", ("Algeria", "GPE")),
        _item("Brazil and Algeria sent condolences to the families of the dead.", "s3", ("Brazil", "GPE"), ("Algeria", "GPE")),
    ]
    out = compact(items, noun="attack")
    assert [s.text for s in out] == [
        "Argentina, Algeria and Brazil expressed their condolences.",
        "The Arab League condemned the attack in a short statement.",
    ]
    assert out[0].sources == ("s1", "s2", "s3")
    assert out[0].evidence == ("s1.0", "s2.0", "s3.0")


def test_single_reaction_is_left_as_written() -> None:
    items = [_item("Jordan condemned the attack on the academy.", "s1", ("Jordan", "GPE"))]
    assert [s.text for s in compact(items)] == ["Jordan condemned the attack on the academy."]


def test_domestic_is_the_event_countrys_own_actor() -> None:
    country = re.compile(r"\b(?:Syria|Syri\w*)\b", re.IGNORECASE)
    own = "The Syrian Foreign Ministry condemned the attack as a terrorist act."
    foreign = "Meanwhile, Russian President Vladimir Putin, an ally of the Syrian government, sent his condolences."
    r_own = parse(own, _ents(own, ("Syrian Foreign Ministry", "ORG")))
    r_foreign = parse(foreign, _ents(foreign, ("Russian", "NORP"), ("Vladimir Putin", "PERSON"), ("Syrian", "NORP")))
    assert r_own is not None and r_foreign is not None
    assert is_domestic(r_own, country)
    assert not is_domestic(r_foreign, country)


def test_unnamed_own_institution_is_domestic() -> None:
    country = re.compile(r"\b(?:Syria|Syri\w*)\b", re.IGNORECASE)
    assert is_domestic_text("The government declared three days of national mourning.", country)
    assert is_domestic_text("The defence ministry vowed to answer the attack with force.", None)
    assert not is_domestic_text("The UN special envoy for Syria urged all sides to show restraint.", country)
    assert not is_domestic_text("Russia and Iran sent their condolences to the families.", country)


def test_countries_are_known_without_the_place_index(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # When the place index cannot be built (no writable cache, no disk), the country
    # spellings of wikiwire.aliases answer, the press's short names included.
    from wikiwire import gazetteer

    def unavailable(name: str) -> bool:
        raise OSError("no place index")

    monkeypatch.setattr(gazetteer, "is_country", unavailable)
    for name in ("Russia", "the United States", "U.S.", "Britain", "Kosovo", "the Netherlands", "Brazil"):
        assert is_country(name), name
    for name in ("Homs", "the Syrian Observatory", "South America"):
        assert not is_country(name), name
