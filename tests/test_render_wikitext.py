"""Wikitext rendering: infobox, bold title, named refs, sections, escaping, parse_infobox."""

from __future__ import annotations

import mwparserfromhell
import pytest

from render_fixture import homs_build, with_text
from wikiwire.errors import InfoboxNotFoundError
from wikiwire.records import ArticleSentence, Section, Source
from wikiwire.render import render as render_format
from wikiwire.render.wikitext import escape_text, escape_value, parse_infobox, render

INFOBOX = """{{Infobox civilian attack
| title = 2023 Homs drone strike
| partof = the Syrian civil war
| location = Homs, Syria
| date = 5 October 2023
| time = c. 14:00
| timezone = UTC+03:00
| target = Military graduation ceremony
| type = Drone strike
| fatalities = 89–123+
| injuries = 277
| perpetrators = Unknown
}}
"""

REUTERS_CITE = (
    "{{cite news |url=https://www.reuters.com/world/middle-east/drone-attack-homs-academy-2023-10-05/"
    " |title=Drone attack on Syrian military academy kills dozens |work=Reuters |date=2023-10-05}}"
    " Also published by Example Daily."
)

TAIL = """== Casualties ==
The Ministry of Health first reported 80 deaths and later raised the figure to 89.<ref name="reuters-s1" /><ref name="al-jazeera-s2" /> A monitoring group later put the toll at 123 or more.<ref name="s3" />

== Aftermath ==
Government forces shelled opposition-held towns in Idlib Governorate after the attack.<ref name="al-jazeera-s2" />

== References ==
{{reflist}}
"""


@pytest.fixture(scope="module")
def wiki() -> str:
    return render(homs_build())


def test_starts_with_the_infobox_exactly(wiki: str) -> None:
    assert wiki.startswith(INFOBOX)


def test_lead_bolds_the_title_and_defines_the_first_ref(wiki: str) -> None:
    lead = wiki.split("\n")[13]
    assert lead.startswith(
        "The '''2023 Homs drone strike''' was an attack on a graduation ceremony at the Homs "
        "Military Academy in Syria on 5 October 2023."
        f'<ref name="reuters-s1">{REUTERS_CITE}</ref> The Ministry of Health reported 89'
    )
    assert lead.endswith(
        'No group claimed responsibility for the attack.<ref name="s3">{{cite news '
        "|title=A monitoring group said at least 123 people died in the strike on the academy "
        "|date=2023-10-28}}</ref>"
    )


def test_sections_reuse_refs_by_name_and_end_with_reflist(wiki: str) -> None:
    assert wiki.endswith(TAIL)
    assert "== Attack ==\nThe drones struck" in wiki
    # Each source is defined once, then reused by name.
    assert wiki.count('<ref name="reuters-s1">') == 1
    assert wiki.count('<ref name="reuters-s1" />') == 3
    assert wiki.count('<ref name="al-jazeera-s2" />') == 2


def test_empty_sections_are_left_out(wiki: str) -> None:
    assert "Background" not in wiki
    assert "Reactions" not in wiki
    assert "Domestic" not in wiki


def test_subsections_get_level_three_headings() -> None:
    build = homs_build()
    reaction = ArticleSentence(text="The Arab League condemned the attack.", sources=("s2",))
    sections = (
        *build.article.sections[:-1],
        Section(heading="Reactions", subsections=(Section(heading="Domestic"), Section(heading="International", sentences=(reaction,)))),
    )
    wiki = render(build.model_copy(update={"article": build.article.model_copy(update={"sections": sections})}))
    assert '== Reactions ==\n\n=== International ===\nThe Arab League condemned the attack.<ref name="al-jazeera-s2" />\n' in wiki
    assert "Domestic" not in wiki


def test_cite_news_params_per_source(wiki: str) -> None:
    cites = [t for t in mwparserfromhell.parse(wiki).filter_templates() if t.name.strip() == "cite news"]
    params = [{str(p.name): str(p.value).strip() for p in t.params} for t in cites]
    assert params == [
        {
            "url": "https://www.reuters.com/world/middle-east/drone-attack-homs-academy-2023-10-05/",
            "title": "Drone attack on Syrian military academy kills dozens",
            "work": "Reuters",
            "date": "2023-10-05",
        },
        {
            "url": "https://www.aljazeera.com/news/2023/10/6/homs-toll-rises",
            "title": "Death toll from Homs academy strike passes 100",
            "work": "Al Jazeera",
            "date": "2023-10-06",
        },
        # No title, outlet or URL given: the first sentence stands in as the title.
        {"title": "A monitoring group said at least 123 people died in the strike on the academy", "date": "2023-10-28"},
    ]


def test_infobox_parses_back_to_the_params(wiki: str) -> None:
    assert parse_infobox(wiki) == homs_build().article.infobox.params


def test_hostile_infobox_values_round_trip() -> None:
    value = "{{coord|1|2}} [[Homs]] | a = b <br> ''x'' &amp; \n* list"
    wiki = render(with_text(homs_build(), value=value))
    assert "| location = &#123;&#123;coord&#124;1&#124;2&#125;&#125; &#91;&#91;Homs&#93;&#93; &#124; a = b &lt;br&gt; &#39;&#39;x&#39;&#39; &amp;amp; &#10;* list\n" in wiki
    assert set(parse_infobox(wiki).values()) == {value}


def test_title_missing_from_the_first_sentence_is_put_in_front() -> None:
    build = homs_build()
    first = ArticleSentence(text="On 5 October 2023, drones struck a graduation ceremony in Homs.", sources=("s1",))
    article = build.article.model_copy(update={"lead": (first, *build.article.lead[1:])})
    wiki = render(build.model_copy(update={"article": article}))
    assert "\n'''2023 Homs drone strike''': On 5 October 2023, drones struck a graduation ceremony in Homs.<ref name=\"reuters-s1\">" in wiki


def test_title_found_in_other_case_keeps_the_sentence_casing() -> None:
    build = homs_build()
    first = ArticleSentence(text="the 2023 homs drone strike hit a ceremony.", sources=("s1",))
    article = build.article.model_copy(update={"lead": (first,)})
    wiki = render(build.model_copy(update={"article": article}))
    assert "\nthe '''2023 homs drone strike''' hit a ceremony.<ref" in wiki


def test_hostile_sentence_text_is_neutralised() -> None:
    text = "He wrote ''{{delete}}'' and [[User:X]] then <script>x()</script> __NOTOC__ ~~~~ 5|6"
    wiki = render(with_text(homs_build(), sentence=text))
    assert (
        "He wrote &#39;&#39;&#123;&#123;delete&#125;&#125;&#39;&#39; and &#91;&#91;User:X&#93;&#93; then "
        "&lt;script&gt;x()&lt;/script&gt; &#95;_NOTOC&#95;_ &#126;&#126;&#126;~ 5&#124;6" in wiki
    )
    assert "<script" not in wiki


def test_line_start_markup_is_escaped_in_paragraphs() -> None:
    build = homs_build()
    sentence = ArticleSentence(text="----- * Drones struck at 14:00.", sources=("s1",))
    attack = build.article.sections[1].model_copy(update={"sentences": (sentence,)})
    sections = (attack,)
    wiki = render(build.model_copy(update={"article": build.article.model_copy(update={"sections": sections})}))
    assert "== Attack ==\n&#45;---- * Drones struck at 14:00.<ref" in wiki


def test_escape_text_examples() -> None:
    assert escape_text("Syria's army") == "Syria's army"
    assert escape_text("AT&T and R&D") == "AT&T and R&D"
    assert escape_text("&amp; &#124;") == "&amp;amp; &amp;#124;"
    assert escape_text("a '''b''' c") == "a &#39;&#39;&#39;b&#39;&#39;&#39; c"
    assert escape_text("#1 story", line_start=True) == "&#35;1 story"
    assert escape_text("#1 story") == "#1 story"
    assert escape_text("'quoted'", edge_quotes=True) == "&#39;quoted&#39;"


def test_escape_value_protects_edges_and_line_breaks() -> None:
    assert escape_value(" Homs\nSyria ") == "&#32;Homs&#10;Syria&#32;"
    assert escape_value("* Homs") == "&#42; Homs"
    assert escape_value("~14:00") == "~14:00"
    assert escape_value("112+") == "112+"


def test_copy_without_outlet_is_named_by_its_title() -> None:
    from wikiwire.records import Duplicate

    build = homs_build()
    copy = Duplicate(input="reports/02-copy.txt", title="Dozens killed at Homs cadets' ceremony", similarity=0.97)
    first = build.sources[0].model_copy(update={"duplicates": (copy,)})
    wiki = render(build.model_copy(update={"sources": (first, *build.sources[1:])}))
    assert "|date=2023-10-05}} Also published as “Dozens killed at Homs cadets' ceremony”.</ref>" in wiki
    assert "02-copy.txt" not in wiki


def test_ref_names_use_safe_characters_only() -> None:
    build = homs_build()
    odd = Source(id="s2", input="x.txt", text="", outlet='Al-Jazeera "English" <live>', url="https://www.aljazeera.com/x")
    nameless = Source(id="s3", input="y.txt", text="", url="https://www.middleeasteye.net/news/homs")
    wiki = render(build.model_copy(update={"sources": (build.sources[0], odd, nameless)}))
    assert '<ref name="al-jazeera-english-live-s2">' in wiki
    assert '<ref name="middleeasteye-net-s3">' in wiki
    assert "|work=middleeasteye.net" in wiki


def test_parse_infobox_reads_other_wikitext() -> None:
    text = (
        "{{Short description|Earthquakes in Afghanistan}}\n"
        "{{Infobox earthquake\n| title = 2023 Herat earthquakes\n| local-date = 7 October 2023\n"
        "| magnitude = 6.3 &lt;M<sub>w</sub>&gt;\n| location = [[Herat]] province\n}}\nText."
    )
    assert parse_infobox(text) == {
        "title": "2023 Herat earthquakes",
        "local-date": "7 October 2023",
        "magnitude": "6.3 <M<sub>w</sub>>",
        "location": "[[Herat]] province",
    }


def test_parse_infobox_without_an_infobox_raises() -> None:
    with pytest.raises(InfoboxNotFoundError):
        parse_infobox("{{cite news |title=x}} Just prose.")


def test_format_dispatch_gives_the_same_text(wiki: str) -> None:
    assert render_format(homs_build(), "wiki") == wiki


def test_coordinates_are_a_coord_template_that_reads_back_as_decimals() -> None:
    from wikiwire.render.wikitext import _coord

    assert _coord("34.7240, 36.7256") == "{{coord|34.7240|36.7256|type:city|display=inline}}"
    assert _coord("-33.8688, -151.2093") == "{{coord|-33.8688|-151.2093|type:city|display=inline}}"
    # Anything else is text, escaped as usual.
    assert _coord("{{evil}}, 1") == "&#123;&#123;evil&#125;&#125;, 1"
    wiki = "{{Infobox event\n| coordinates = {{coord|39.2904|-76.6122|type:city|display=inline}}\n}}"
    assert parse_infobox(wiki) == {"coordinates": "39.2904, -76.6122"}


def test_only_sources_fetched_by_the_build_get_an_access_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from wikiwire.render.wikitext import SOURCE_DATE_ENV

    monkeypatch.setenv(SOURCE_DATE_ENV, str(int(dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC).timestamp())))
    build = homs_build()
    fetched = build.sources[0].model_copy(update={"input": build.sources[0].url})
    wiki = render(build.model_copy(update={"sources": (fetched, *build.sources[1:])}))
    cites = [str(t) for t in mwparserfromhell.parse(wiki).filter_templates() if t.name.strip() == "cite news"]
    assert sum("|access-date=2026-11-26" in c for c in cites) == 1
    assert "|access-date=2026-11-26" in next(c for c in cites if fetched.url in c)
    # Read from files: when they were saved is unknown, so no access date is claimed.
    assert "access-date" not in render(build)
