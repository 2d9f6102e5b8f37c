"""The title convention: "<year> <place> <event type>", plural for several events."""

from __future__ import annotations

from wikiwire.compose.title import event_place, make_title
from wikiwire.records import AnalysedSource, EventFacts, Fact, Sentence, Source
from wikiwire.taxonomy import kind_for


def _facts(kind: str, location: dict[str, object], date: str = "2023-10-05") -> EventFacts:
    return EventFacts(
        kind=kind,
        facts={
            "date": Fact(name="date", value=date, display="5 October 2023"),
            "location": Fact(name="location", value=location, display=""),
        },
    )


def _source(*texts: str) -> AnalysedSource:
    src = Source(id="s1", input="s1.txt", text="\n".join(texts))
    sentences = tuple(Sentence(id=f"s1.{i}", source_id="s1", index=i, paragraph=i, text=t) for i, t in enumerate(texts))
    return AnalysedSource(source=src, sentences=sentences)


def test_attack_title_uses_city() -> None:
    facts = _facts("drone strike", {"venue": "Homs Military Academy", "city": "Homs", "region": "Homs Governorate", "country": "Syria"})
    assert make_title(facts, kind_for("drone strike")) == "2023 Homs drone strike"


def test_region_without_admin_word_when_no_city() -> None:
    facts = _facts("earthquake", {"city": None, "region": "Herat Province", "country": "Afghanistan"}, "2023-10-07")
    assert event_place(facts) == "Herat"


def test_plural_when_reports_speak_of_several() -> None:
    facts = _facts("earthquake", {"region": "Herat Province", "country": "Afghanistan"}, "2023-10-07")
    several = _source(
        "Two earthquakes of magnitude 6.3 shook Herat province within an hour.",
        "The earthquakes flattened whole villages.",
        "Aid agencies said the earthquake zone was hard to reach.",
    )
    one = _source("The earthquake flattened whole villages in Herat.", "Rescuers said the earthquake struck at midday.")
    assert make_title(facts, kind_for("earthquake"), [several]) == "2023 Herat earthquakes"
    assert make_title(facts, kind_for("earthquake"), [one]) == "2023 Herat earthquake"


def test_country_when_nothing_finer_and_unknown_parts_left_out() -> None:
    facts = EventFacts(kind="flood", facts={"location": Fact(name="location", value={"country": "Libya"})})
    assert make_title(facts, kind_for("flood")) == "Libya flood"
    assert make_title(EventFacts(kind="event", facts={}), kind_for("event")) == "Incident"


def test_a_named_structure_that_failed_titles_the_article() -> None:
    place = {"venue": "Francis Scott Key Bridge", "city": "Baltimore", "region": "Maryland", "country": "United States"}
    assert make_title(_facts("bridge collapse", place, "2024-03-26"), kind_for("bridge collapse")) == "Francis Scott Key Bridge collapse"
    # A venue that is not a proper name, or a kind that is not a structure's failure, keeps
    # the "<year> <place> <type>" form.
    plain = {**place, "venue": "the old rail bridge"}
    assert make_title(_facts("bridge collapse", plain, "2024-03-26"), kind_for("bridge collapse")) == "2024 Baltimore bridge collapse"
    one_word = {**place, "venue": "Bridge"}
    assert make_title(_facts("bridge collapse", one_word, "2024-03-26"), kind_for("bridge collapse")) == "2024 Baltimore bridge collapse"
    academy = {"venue": "Homs Military Academy", "city": "Homs", "country": "Syria"}
    assert make_title(_facts("drone strike", academy), kind_for("drone strike")) == "2023 Homs drone strike"


def test_shootings_are_titled_shooting_and_several_sites_make_them_plural() -> None:
    place = {"venue": None, "city": "Springfield", "region": "Ohio", "country": "United States"}
    facts = _facts("mass shooting", place, "2024-06-01")
    one_site = _source("A gunman opened fire in a mass shooting at a market in Springfield.", "The shooting left four dead.")
    assert make_title(facts, kind_for("mass shooting"), [one_site]) == "2024 Springfield shooting"
    two_sites = [
        _source("Police responded to a mass shooting at two locations in Springfield.", "The shooting shocked residents."),
        _source("Minutes later there was another shooting at a bar across town.", "The shooting at the bar killed two."),
    ]
    assert make_title(facts, kind_for("mass shooting"), two_sites) == "2024 Springfield shootings"
    # Sites are counted for attacks only: a quake felt at several locations is one quake.
    quake = _facts("earthquake", place, "2024-06-01")
    felt = [_source("The earthquake was felt at several locations around Springfield.", "The earthquake cracked walls."), _source("The earthquake was felt at multiple sites.")]
    assert make_title(quake, kind_for("earthquake"), felt) == "2024 Springfield earthquake"


def test_a_title_names_a_place_as_the_reports_write_it() -> None:
    # The gazetteer's name for the region is one no report uses: the title falls back to
    # the country rather than print a spelling the reader never saw.
    facts = _facts("aviation accident", {"venue": "Coastal International Airport", "region": "Jeollanam-do", "country": "South Korea"}, "2024-12-29")
    reports = [_source("A plane crashed on landing at an airport in South Jeolla province, South Korea.")]
    assert make_title(facts, kind_for("aviation accident"), reports) == "2024 South Korea plane crash"
    written = [_source("A plane crashed on landing at an airport in Jeollanam-do, South Korea.")]
    assert make_title(facts, kind_for("aviation accident"), written) == "2024 Jeollanam-do plane crash"


def test_an_attack_without_a_city_is_named_after_its_district_a_disaster_after_its_region() -> None:
    place = {"district": "Sangla district", "region": "Varna Province", "country": "Freedonia"}
    reports = [_source("A suicide bomber struck a rally in Sangla district of Varna Province on Sunday.")]
    bombing = _facts("suicide bombing", place, "2023-07-30")
    assert make_title(bombing, kind_for("suicide bombing"), reports) == "2023 Sangla bombing"
    flood = _facts("flood", place, "2023-07-30")
    floods = [_source("A flood swept through Sangla district of Varna Province on Sunday.")]
    assert make_title(flood, kind_for("flood"), floods) == "2023 Varna flood"


def test_a_rail_crash_is_named_as_the_reports_name_it_counts_and_section_labels_aside() -> None:
    facts = _facts("rail accident", {"region": "Varna Province", "country": "Greece"}, "2023-02-28")
    reports = [
        _source("World Greece train crash: dozens dead", "Two trains collided near a tunnel."),
        _source("Minister resigns over Greece rail crash", "Two trains collided head-on late on Tuesday."),
        _source("Death toll from Greece train crash rises", "Multiple cars derailed after the collision."),
    ]
    assert make_title(facts, kind_for("rail accident"), reports) == "2023 Greece train crash"
