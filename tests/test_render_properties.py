"""Property tests: whatever text the reports hold, the renderers treat it as text.

(a) the wikitext infobox parses back (mwparserfromhell + parse_infobox) to the infobox values;
(b) no template, tag, link, comment or heading in the wikitext comes from report text;
(c) the HTML and Markdown hold no tag, link or emphasis from report text, and still show it.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser

import mwparserfromhell
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from render_fixture import homs_build, with_text
from wikiwire.render import html, markdown, record, view, wikitext

# Fragments that mean something in wikitext, Markdown or HTML, mixed with arbitrary text.
NASTY = (
    "{{", "}}", "{", "}", "|", "[[", "]]", "[", "]", "<script>alert(1)</script>", "</ref>",
    "<ref>", "<nowiki>", "<!--", "-->", "'''", "''", "'", "\n", "\r\n", "\t", "__NOTOC__",
    "~~~~", "----", "&amp;", "&#124;", "&lt;", "&", "=", "==", "*", "#", ":", ";", " ", "  ",
    "{|", "|}", "!", "[http://evil.example x]", "http://a.example/?q=1&x=2", "www.example.com",
    "\\", "_", "`", "$", "[^1]", "<b>", "\u2028", "\u00a0", "é", "漢字", "🙂", "\x00",
    "\x1b", "\ud800", "1.", "- ", "> ", "```", "<div>", '"', "-{", "}-",
)
hostile = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=6)), max_size=10).map("".join)
# Outlets and titles must keep some visible text, or the reference layout (not the escaping)
# legitimately changes.
visible = hostile.filter(lambda s: bool(view.inline_text(s)))

# WIKIWIRE_PROPERTY_EXAMPLES raises the count for a deeper run than CI's.
SETTINGS = settings(max_examples=int(os.environ.get("WIKIWIRE_PROPERTY_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASE = homs_build()


@SETTINGS
@given(value=hostile)
def test_wikitext_infobox_round_trips(value: str) -> None:
    build = with_text(BASE, value=value)
    parsed = wikitext.parse_infobox(wikitext.render(build))
    assert parsed == {k: view.clean_text(value) for k in BASE.article.infobox.params}
    assert parsed == record.event_record(build)["infobox"]


@SETTINGS
@given(value=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_wikitext_infobox_round_trips_printable_text_exactly(value: str) -> None:
    build = with_text(BASE, value=value)
    assert set(wikitext.parse_infobox(wikitext.render(build)).values()) == {value}


@SETTINGS
@given(sentence=hostile, value=hostile, source_title=visible)
def test_wikitext_has_no_markup_from_report_text(sentence: str, value: str, source_title: str) -> None:
    build = with_text(BASE, sentence=sentence, value=value, source_title=source_title)
    code = mwparserfromhell.parse(wikitext.render(build))

    templates = [str(t.name).strip() for t in code.filter_templates(recursive=True)]
    assert templates.count("Infobox civilian attack") == 1
    assert templates.count("reflist") == 1
    assert templates.count("cite news") == 3  # one full citation per cited source
    assert len(templates) == 5
    tags = [str(t.tag) for t in code.filter_tags(recursive=True)]
    assert tags.count("b") == 1  # the bold title
    assert tags.count("ref") == 9  # one per (sentence, source) citation
    assert len(tags) == 10
    assert code.filter_wikilinks(recursive=True) == []
    assert code.filter_comments(recursive=True) == []
    assert [link for link in code.filter_external_links(recursive=True) if link.brackets] == []
    headings = [h.title.strip_code().strip() for h in code.filter_headings(recursive=True)]
    assert headings == ["Attack", "Casualties", "Aftermath", "References"]


@SETTINGS
@given(sentence=hostile.filter(lambda s: "://" not in s and "www." not in s))
def test_wikitext_shows_report_text_as_written(sentence: str) -> None:
    build = with_text(BASE, sentence=sentence)
    shown = mwparserfromhell.parse(wikitext.render(build)).strip_code(normalize=True, collapse=False)
    for s in view.sentences_in_order(build.article):
        assert view.inline_text(s.text) in shown


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag + "/")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append("<!--")


def _parse_html(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


PLAIN = _parse_html(html.render(with_text(BASE, sentence="plain words", value="plain", source_title="Plain"))).tags


@SETTINGS
@given(sentence=hostile, value=visible, source_title=visible)
def test_html_structure_does_not_depend_on_report_text(sentence: str, value: str, source_title: str) -> None:
    build = with_text(BASE, sentence=sentence, value=value, source_title=source_title)
    parsed = _parse_html(html.render(build))
    assert parsed.tags == PLAIN
    assert "script" not in parsed.tags
    shown = "".join(parsed.text)
    for s in view.sentences_in_order(build.article):
        assert view.inline_text(s.text) in shown


PLAIN_TITLE = _parse_html(html.render(with_text(BASE, title="Plain title"))).tags


@SETTINGS
@given(title=visible)
def test_html_title_is_escaped_everywhere(title: str) -> None:
    parsed = _parse_html(html.render(with_text(BASE, title=title)))
    assert parsed.tags == PLAIN_TITLE
    assert view.inline_text(title) in "".join(parsed.text)


def _inline_tokens(text: str) -> list[str]:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    types = []
    for token in md.parse(text):
        types.append(token.type)
        types.extend(child.type for child in token.children or ())
    return types


def _body(text: str) -> str:
    """The Markdown without its footnote definitions (plain CommonMark has no footnotes)."""
    return text.split("\n[^", 1)[0]


@SETTINGS
@given(sentence=hostile, value=visible, title=visible)
def test_markdown_has_no_markup_from_report_text(sentence: str, value: str, title: str) -> None:
    build = with_text(BASE, sentence=sentence, value=value, title=title)
    types = _inline_tokens(_body(markdown.render(build)))
    for forbidden in ("html_inline", "html_block", "link_open", "image", "code_inline",
                      "code_block", "fence", "em_open", "s_open", "bullet_list_open",
                      "ordered_list_open", "blockquote_open", "hr", "lheading"):
        assert forbidden not in types
    assert types.count("strong_open") == 1  # the bold title
    assert types.count("heading_open") == 4  # title + Attack, Casualties, Aftermath
    # Every infobox row survives any cell text (the title row is dropped when it repeats the title).
    rows = 11 - (view.inline_text(value) == view.inline_text(title))
    assert types.count("td_open") == 2 * rows


def _md_text(text: str) -> str:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = []
    for token in md.parse(text):
        for child in token.children or ():
            if child.type in ("text", "text_special"):
                out.append(child.content)
            elif child.type == "softbreak":
                out.append("\n")
    return "".join(out)


@SETTINGS
@given(sentence=hostile.filter(lambda s: "://" not in s))
def test_markdown_shows_report_text_as_written(sentence: str) -> None:
    build = with_text(BASE, sentence=sentence)
    shown = _md_text(_body(markdown.render(build)))
    for s in view.sentences_in_order(build.article):
        assert view.inline_text(s.text) in shown
