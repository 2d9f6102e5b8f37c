"""Markdown rendering: title, infobox table, footnote citations, sections, escaping."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from render_fixture import homs_build, with_text
from wikiwire.records import ArticleSentence
from wikiwire.render.markdown import escape, render

HEAD = """# 2023 Homs drone strike

| 2023 Homs drone strike | |
| --- | --- |
| Part of | the Syrian civil war |
| Location | Homs, Syria |
| Date | 5 October 2023 |
| Time | c. 14:00 |
| Timezone | UTC+03:00 |
| Target | Military graduation ceremony |
| Type | Drone strike |
| Fatalities | 89–123+ |
| Injuries | 277 |
| Perpetrators | Unknown |

The **2023 Homs drone strike** was an attack on a graduation ceremony at the Homs Military Academy in Syria on 5 October 2023.[^reuters-s1] The Ministry of Health reported"""

FOOTNOTES = """
[^reuters-s1]: Reuters. "Drone attack on Syrian military academy kills dozens". 5 October 2023. <https://www.reuters.com/world/middle-east/drone-attack-homs-academy-2023-10-05/>. Also published by Example Daily.
[^al-jazeera-s2]: Al Jazeera. "Death toll from Homs academy strike passes 100". 6 October 2023. <https://www.aljazeera.com/news/2023/10/6/homs-toll-rises>.
[^s3]: "A monitoring group said at least 123 people died in the strike on the academy". 28 October 2023.
"""


@pytest.fixture(scope="module")
def md() -> str:
    return render(homs_build())


def test_title_infobox_and_lead(md: str) -> None:
    assert md.startswith(HEAD)


def test_sections_cite_every_sentence(md: str) -> None:
    assert (
        "## Casualties\n\nThe Ministry of Health first reported 80 deaths and later raised the figure to 89."
        "[^reuters-s1][^al-jazeera-s2] A monitoring group later put the toll at 123 or more.[^s3]\n\n"
        "## Aftermath\n\n" in md
    )
    assert "Background" not in md
    assert "Reactions" not in md


def test_footnotes_list_outlet_title_date_url(md: str) -> None:
    assert md.endswith("\n" + FOOTNOTES)
    # Every footnote used is defined, and every definition is used.
    for label in ("reuters-s1", "al-jazeera-s2", "s3"):
        assert f"[^{label}]:" in md
        assert f"[^{label}] " in md or f"[^{label}]\n" in md or f"[^{label}][" in md


def test_infobox_is_a_table_markdown_it_reads() -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(render(homs_build()))
    cells = [t.content for t in tokens if t.type == "inline"][1:23]
    assert cells[:6] == ["2023 Homs drone strike", "", "Part of", "the Syrian civil war", "Location", "Homs, Syria"]


def test_hostile_text_is_escaped() -> None:
    text = "Crowd chanted *down* with _them_ at <b>noon</b> [see](http://x.example) `rm` ~~no~~ | $5"
    md = render(with_text(homs_build(), sentence=text))
    assert (
        "Crowd chanted \\*down\\* with \\_them\\_ at \\<b\\>noon\\</b\\> \\[see\\](http://x.example) "
        "\\`rm\\` \\~\\~no\\~\\~ \\| \\$5[^reuters-s1]" in md
    )


def test_line_start_markers_are_escaped() -> None:
    build = homs_build()
    sentence = ArticleSentence(text="1. Drones struck the academy.", sources=("s1",))
    attack = build.article.sections[1].model_copy(update={"sentences": (sentence,)})
    article = build.article.model_copy(update={"sections": (attack,)})
    md = render(build.model_copy(update={"article": article}))
    assert "## Attack\n\n1\\. Drones struck the academy.[^reuters-s1]\n" in md


def test_subsections_get_level_three_headings() -> None:
    from wikiwire.records import Section

    build = homs_build()
    reaction = ArticleSentence(text="Egypt expressed its condolences.", sources=("s2",))
    reactions = Section(heading="Reactions", subsections=(Section(heading="International", sentences=(reaction,)),))
    article = build.article.model_copy(update={"sections": (reactions,)})
    md = render(build.model_copy(update={"article": article}))
    assert "## Reactions\n\n### International\n\nEgypt expressed its condolences.[^al-jazeera-s2]\n" in md


def test_escape_examples() -> None:
    assert escape("Syria's army") == "Syria's army"
    assert escape("AT&T") == "AT&T"
    assert escape("&amp;") == "\\&amp;"
    assert escape("They shouted stop!") == "They shouted stop\\!"
    assert escape("# Not a heading", line_start=True) == "\\# Not a heading"
    assert escape("- not a list", line_start=True) == "\\- not a list"
    assert escape("2023) was", line_start=True) == "2023\\) was"
    assert escape("2023 was", line_start=True) == "2023 was"
