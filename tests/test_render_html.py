"""HTML rendering: a self-contained page with infobox, contents, citations with tooltips,
back-linked references and the sources-and-processing notes."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from render_fixture import homs_build, with_text
from wikiwire.records import Source
from wikiwire.render.html import render

REUTERS = "https://www.reuters.com/world/middle-east/drone-attack-homs-academy-2023-10-05/"
ALJAZEERA = "https://www.aljazeera.com/news/2023/10/6/homs-toll-rises"


class _Page(HTMLParser):
    """Collects tags, attributes and text, and checks every tag it opens is closed."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1:]}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return render(homs_build())


def test_valid_html5_skeleton(page: str) -> None:
    assert page.startswith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert "<title>2023 Homs drone strike</title>" in page
    assert page.endswith("</main>\n</body>\n</html>\n")
    parsed = parse(page)  # every tag balanced
    ids = [a["id"] for _, a in parsed.tags if "id" in a]
    assert len(ids) == len(set(ids))


def test_page_fetches_nothing(page: str) -> None:
    parsed = parse(page)
    assert not [t for t, _ in parsed.tags if t in {"script", "link", "img", "iframe", "object", "embed"}]
    assert not [a for _, a in parsed.tags if "src" in a or "srcset" in a]
    assert "url(" not in page and "@import" not in page
    hrefs = [a["href"] or "" for t, a in parsed.tags if t == "a"]
    external = {h for h in hrefs if not h.startswith("#")}
    assert external == {REUTERS, ALJAZEERA}
    ids = {a["id"] for _, a in parsed.tags if "id" in a}
    assert {h[1:] for h in hrefs if h.startswith("#")} <= ids  # no dangling anchors


def test_infobox_box_on_the_right(page: str) -> None:
    assert (
        '<aside class="infobox" aria-label="Infobox"><table><caption>2023 Homs drone strike</caption><tbody>'
        '<tr><th scope="row">Part of</th><td>the Syrian civil war</td></tr>'
        '<tr><th scope="row">Location</th><td>Homs, Syria</td></tr>' in page
    )
    assert '<th scope="row">Fatalities</th><td>89–123+</td>' in page
    assert ".infobox{float:right" in page


def test_contents_lists_sections_in_order(page: str) -> None:
    toc = page[page.index('<nav class="toc"'): page.index("</nav>")]
    assert re.findall(r'href="#([^"]+)"', toc) == ["s-attack", "s-casualties", "s-aftermath", "references", "processing"]
    assert '<h2 id="s-casualties">Casualties</h2>' in page


def test_citation_tooltip_quotes_the_evidence_of_that_source(page: str) -> None:
    assert (
        'reported more than 100 deaths.<sup class="cite" id="cite-2-a"><a href="#ref-2" aria-describedby="tip-2">[2]</a>'
        '<span class="tip" id="tip-2" role="tooltip"><q>Syria&#x27;s health minister later raised the official toll to 89 '
        "dead and 277 wounded. … The Syrian Observatory for Human Rights put the death toll at more than 100 on Friday.</q>"
        '<span class="tip-src">Al Jazeera, 6 October 2023</span></span></sup>' in page
    )
    # A sentence citing two sources: each tooltip quotes only its own source's sentence.
    casualties = page[page.index('id="s-casualties"'):page.index('id="s-aftermath"')]
    tips = re.findall(r'<span class="tip" [^>]*><q>([^<]*)</q>', casualties)
    assert tips[:2] == [
        "The health ministry said 80 people were killed, among them women and children.",
        "Syria&#x27;s health minister later raised the official toll to 89 dead and 277 wounded.",
    ]
    assert ".cite:hover .tip,.cite:focus-within .tip{display:block}" in page


def test_references_are_numbered_with_back_links(page: str) -> None:
    assert (
        '<li id="ref-1"><span class="backlinks">↑ <sup><a href="#cite-1-a">a</a></sup> <sup><a href="#cite-1-b">b</a></sup> '
        '<sup><a href="#cite-1-c">c</a></sup> <sup><a href="#cite-1-d">d</a></sup></span> '
        f'“<a href="{REUTERS}" rel="nofollow noopener">Drone attack on Syrian military academy kills dozens</a>”. '
        '<i>Reuters</i>. 5 October 2023. <span class="muted">Also published by Example Daily.</span></li>' in page
    )
    assert '<li id="ref-3"><span class="backlinks">↑ <sup><a href="#cite-3-a">a</a></sup> <sup><a href="#cite-3-b">b</a></sup></span> “A monitoring group' in page
    marks = Counter(re.findall(r'<a href="#ref-(\d)" aria-describedby', page))
    assert marks == {"1": 4, "2": 3, "3": 2}


def test_single_use_reference_has_a_plain_arrow() -> None:
    build = homs_build()
    article = build.article.model_copy(update={"lead": build.article.lead[:1], "sections": ()})
    page = render(build.model_copy(update={"article": article}))
    assert '<li id="ref-1"><span class="backlinks"><a href="#cite-1-a" aria-label="Back to the citation">↑</a></span>' in page


def test_sources_and_processing_section(page: str) -> None:
    notes = page[page.index('<section class="processing">'):page.index("</main>")]
    parsed = parse(notes)
    text = "".join(parsed.text)
    assert "Where the reports disagree" in text
    assert notes.count("<tr><td") == 4 + 3 + 1  # claims + reports + dropped sentences
    assert "<p><b>Resolution:</b> Range from the health ministry&#x27;s latest figure (89) to the highest monitor figure (123+).</p>" in notes
    assert "<tr><td>123+</td><td>at least</td><td>a monitoring group</td><td><a href=\"#ref-3\">[3]</a></td><td>28 October 2023</td>" in notes
    assert "Example Daily (<code>reports/02-copy.txt</code>, similarity 0.94)" in notes
    assert "<li><code>reports/photo.jpg</code>: binary file, not a text report</li>" in notes
    assert "10 sentences checked against the reports they cite: 8 passed, 1 re-cited to a supporting report, 1 dropped." in text
    assert '<td class="quote">The attack took place on Tuesday.</td><td>date not in any cited source</td>' in notes


def test_report_text_is_escaped_in_text_and_attributes() -> None:
    hostile = '<img src=x onerror="alert(1)"> & "quoted" </q></span>'
    page = render(with_text(homs_build(), sentence=hostile, value=hostile, source_title=hostile))
    parsed = parse(page)
    assert "img" not in {t for t, _ in parsed.tags}
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quoted&quot; &lt;/q&gt;&lt;/span&gt;" in page
    assert hostile in "".join(parsed.text)


def test_only_web_urls_become_links() -> None:
    build = homs_build()
    evil = Source(id="s2", input="x.jsonl:1", text="", outlet="Evil", url="javascript:alert(1)")
    local = Source(id="s3", input="y.txt", text="", outlet="Local", url="/home/user/report.html")
    page = render(build.model_copy(update={"sources": (build.sources[0], evil, local)}))
    assert "javascript:" not in page
    assert "/home/user" not in page
    hrefs = re.findall(r'href="([^"#][^"]*)"', page)
    assert hrefs == [REUTERS]
