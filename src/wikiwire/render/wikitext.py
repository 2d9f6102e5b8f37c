"""Render a Build as MediaWiki wikitext, and read the infobox back from wikitext.

Everything that comes from a report (sentences, titles, outlets, infobox values) is plain
text, never markup: characters that could open a template, link, tag, table, list, heading,
bold/italic run, signature or behaviour switch are written as HTML entities, which MediaWiki
displays as the character itself. So the only templates in the output are the infobox,
``cite news``, ``reflist``, ``{{coord}}`` for the infobox's coordinates (numbers only) and,
after an infobox value that is weakly known (``uncertainty.doubt``), ``{{dubious}}``; the
only tags are ``<ref>`` and the bold title.

Merged duplicate copies of a report are named after its ``cite news`` template, inside the
same ``<ref>``: "Also published by X and Y." (or 'as "Title"' when the copy's outlet is
unknown); ``|agency=`` would claim a wire service wrote it, which we do not know.

``parse_infobox`` is the inverse for the infobox: parsed with mwparserfromhell and
unescaped, the values are exactly ``article.infobox.params`` (after ``view.clean_text``);
maintenance tags such as ``{{dubious}}`` annotate a value and are not read as part of it, and
``{{coord|LAT|LON|...}}`` reads as "LAT, LON".
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from typing import TYPE_CHECKING

from wikiwire.compose import uncertainty
from wikiwire.errors import InfoboxNotFoundError
from wikiwire.records import ArticleSentence, Build, Section
from wikiwire.render import view
from wikiwire.taxonomy import TEMPLATES

__all__ = ["escape_text", "escape_value", "parse_infobox", "render", "tag_month"]

if TYPE_CHECKING:
    from mwparserfromhell.nodes import Template
    from mwparserfromhell.wikicode import Wikicode

CITE_TEMPLATE = "cite news"
# The inline tag after a weakly known infobox value. {{dubious}} rather than {{verify source}}:
# the cited report does say what we took from it ("on Thursday"), so asking whether the source
# supports the text ({{verify source}}) misdirects the editor; what is in doubt is our reading
# of it (the day counted from a publication date nothing backs), and {{dubious}} is the tag
# for a sourced statement that needs more sources to confirm. Its parameters are |reason=
# (shown on hover) and |date= (month and year the tag was added).
DOUBT_TEMPLATE = "dubious"
# Inline maintenance tags parse_infobox leaves out of a value (lower case; MediaWiki ignores
# the case of a template name's first letter): they mark a value, they are not part of it.
MAINTENANCE_TEMPLATES = frozenset({"dubious", "verify source", "citation needed", "failed verification"})
# Coordinates are written as {{coord}} (what editors use: it links to maps and carries the
# kind of place). They are always a city's position from the place index, never a venue's, so
# the template says type:city; parse_infobox reads the template back as "LAT, LON".
COORD_TEMPLATE = "coord"
COORD_TYPE = "type:city"
_DECIMAL_PAIR = re.compile(r"^(-?\d{1,3}\.\d+), (-?\d{1,3}\.\d+)$")
# Inputs given as these were fetched by the build itself (``ingest``).
FETCHED_PREFIXES = ("http://", "https://")
# Reproducible builds' convention for a fixed clock (seconds since the epoch): when set, the
# month in |date= comes from it, so the same inputs give byte-identical wikitext.
SOURCE_DATE_ENV = "SOURCE_DATE_EPOCH"

# Characters that open markup anywhere in a line. Apostrophes, underscores and tildes only
# matter in runs ('' italic, __NOTOC__, ~~~~ signature), so only runs are escaped and
# "Syria's" stays readable. "&" only when it would start an entity ("&amp;" must stay text).
_INLINE_MARKUP = re.compile(r"[<>\[\]{}|]|&(?=#?[A-Za-z0-9]+;)|'(?=')|(?<=')'|_(?=_)|~(?=~)")
# Characters that are markup at the start of a line: lists, indents, headings, horizontal
# rules, preformatted text, tables.
_LINE_START = frozenset("*#:;=-! ")
# In infobox values only list and indent markers matter at the start (templates often put a
# value on its own line); "=", "-" and "!" are common in values and harmless there.
_VALUE_START = frozenset("*#:;")
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# What parse_infobox trims around a value: the layout whitespace render puts there (PHP's
# trim, which MediaWiki applies to named parameters, removes the same set).
_LAYOUT_WHITESPACE = " \t\n\r"


def _entity(char: str) -> str:
    return _NAMED.get(char) or f"&#{ord(char)};"


def escape_text(text: str, *, line_start: bool = False, edge_quotes: bool = False) -> str:
    """``text`` (one line of plain prose) as wikitext that displays exactly that text.

    ``line_start``: the text begins a line, so list/heading/table markers are escaped too.
    ``edge_quotes``: bold markup will touch the text, so apostrophes at its ends are
    escaped (else "'''" next to "'" reads as a longer run).
    """
    out = _INLINE_MARKUP.sub(lambda m: _entity(m.group()), text)
    if line_start and text[:1] in _LINE_START:
        out = _entity(text[0]) + out[1:]
    if edge_quotes:
        if out.startswith("'"):
            out = "&#39;" + out[1:]
        if out.endswith("'"):
            out = out[:-1] + "&#39;"
    return out


def escape_value(value: str) -> str:
    """``value`` as a template parameter value that reads back (``parse_infobox``) unchanged.

    Beyond ``escape_text``: every whitespace character other than an inner space, and any
    whitespace at either end, is written as an entity, because template parameters are
    trimmed and a line break inside a value can start a list.
    """
    value = view.clean_text(value)
    out = escape_text(value)
    if value[:1] in _VALUE_START:
        out = _entity(value[0]) + out[1:]
    chars = list(out)
    last = len(chars) - 1
    for i, char in enumerate(chars):
        if char.isspace() and (char != " " or i in (0, last)):
            chars[i] = _entity(char)
    return "".join(chars)


def render(build: Build) -> str:
    """The article as MediaWiki wikitext: infobox, lead with the bold title, sections with a
    ``<ref>`` after every sentence (full the first time, by name after), References."""
    cites = view.citations(build)
    defined: set[str] = set()
    lines = [_infobox(build)]
    lines.extend(_lead(build, cites, defined))
    for section in build.article.sections:
        lines.extend(_section(section, 0, cites, defined))
    lines.extend(["", "== References ==", "{{reflist}}"])
    return "\n".join(lines) + "\n"


def _infobox(build: Build) -> str:
    box = build.article.infobox
    rows = [f"{{{{{box.template}"]
    doubts = uncertainty.infobox_doubts(build)
    tagged = tag_month()
    coordinates = dict(TEMPLATES[box.template].params).get("coordinates") if box.template in TEMPLATES else None
    rows.extend(
        f"| {name} = {_coord(value) if name == coordinates else escape_value(value)}"
        + (_doubt_tag(doubts[name], tagged) if name in doubts else "")
        for name, value in box.params.items()
    )
    rows.append("}}")
    return "\n".join(rows)


def _coord(value: str) -> str:
    """``{{coord|LAT|LON|type:city|display=inline}}`` for a "LAT, LON" value, else the
    escaped value (a value from elsewhere is shown as written)."""
    m = _DECIMAL_PAIR.match(value)
    if not m:
        return escape_value(value)
    return f"{{{{{COORD_TEMPLATE}|{m.group(1)}|{m.group(2)}|{COORD_TYPE}|display=inline}}}}"


def _doubt_tag(doubt: uncertainty.Doubt, month: str) -> str:
    """``{{dubious|reason=...|date=Month YYYY}}``; the reason quotes reports, so it is escaped."""
    return f"{{{{{DOUBT_TEMPLATE}|reason={escape_value(doubt.reason)}|date={month}}}}}"


def build_day() -> dt.date:
    """The day of this build: from ``$SOURCE_DATE_EPOCH`` when set to a whole number (for
    reproducible output), else the current UTC date."""
    epoch = os.environ.get(SOURCE_DATE_ENV, "").strip()
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return when.date()


def tag_month(today: dt.date | None = None) -> str:
    """"November 2026": the month a maintenance tag is dated, from ``today``, else from
    ``build_day``."""
    today = today or build_day()
    return f"{view.MONTHS[today.month - 1]} {today.year}"


def _lead(build: Build, cites: view.Citations, defined: set[str]) -> list[str]:
    title = view.inline_text(build.article.title or build.title)
    lead = build.article.lead
    bold = f"'''{escape_text(title, edge_quotes=True)}'''"
    if not lead:
        return [bold]
    first = view.inline_text(lead[0].text)
    parts = view.split_title(first, title)
    if parts is None:
        # The composer's first sentence does not name the article: lead with the name, as
        # editors do for descriptive titles, rather than leave the page without it.
        opening = f"{bold}: {escape_text(first, edge_quotes=True)}"
    else:
        before, match, after = parts
        opening = (
            escape_text(before, line_start=True, edge_quotes=True)
            + f"'''{escape_text(match, edge_quotes=True)}'''"
            + escape_text(after, edge_quotes=True)
        )
    lines: list[str] = []
    for i, para in enumerate(view.paragraphs(lead)):
        rendered = [_sentence(s, cites, defined, text=opening if i == j == 0 else None)
                    for j, s in enumerate(para)]
        lines.append(" ".join(rendered))
    return lines


def _section(section: Section, depth: int, cites: view.Citations, defined: set[str]) -> list[str]:
    if not view.has_content(section):
        return []
    marks = "=" * view.heading_level(depth)
    heading = escape_text(view.inline_text(section.heading)).replace("=", "&#61;")
    lines = ["", f"{marks} {heading} {marks}"]
    lines.extend(
        " ".join(_sentence(s, cites, defined) for s in para)
        for para in view.paragraphs(section.sentences)
    )
    for sub in section.subsections:
        lines.extend(_section(sub, depth + 1, cites, defined))
    return lines


def _sentence(
    sentence: ArticleSentence,
    cites: view.Citations,
    defined: set[str],
    *,
    text: str | None = None,
) -> str:
    """One sentence and its refs; ``text`` is already-escaped text to use instead."""
    body = text if text is not None else escape_text(view.inline_text(sentence.text), line_start=True)
    refs = []
    for sid in view.cited(sentence):
        ref = cites.by_id[sid]
        if ref.name in defined:
            refs.append(f'<ref name="{ref.name}" />')
        else:
            defined.add(ref.name)
            refs.append(f'<ref name="{ref.name}">{_cite(ref)}</ref>')
    # A sentence whose date is weakly known gets the same tag as such an infobox value.
    tag = f"{{{{{DOUBT_TEMPLATE}|reason={escape_value(sentence.doubt)}|date={tag_month()}}}}}" if sentence.doubt else ""
    return body + "".join(refs) + tag


def _cite(ref: view.Reference) -> str:
    params = []
    if ref.url:
        params.append(("url", ref.url))
    params.append(("title", ref.title))
    if ref.outlet:
        params.append(("work", ref.outlet))
    if ref.date:
        params.append(("date", ref.date.isoformat()))
    if ref.url and ref.source.input.startswith(FETCHED_PREFIXES):
        # Fetched by this build, so read today; a file or events line was read when saved,
        # which we do not know, so it gets no access date.
        params.append(("access-date", build_day().isoformat()))
    cite = "{{" + CITE_TEMPLATE + "".join(f" |{k}={escape_value(v)}" for k, v in params) + "}}"
    note = ref.copies_note()
    return f"{cite} {escape_text(note)}" if note else cite


def parse_infobox(wikitext: str) -> dict[str, str]:
    """The parameters of the first infobox template in ``wikitext``, name -> displayed value.

    Values are trimmed of layout whitespace and their HTML entities decoded, so for wikitext
    from ``render`` the result equals the infobox params (see the module docstring).
    Raises InfoboxNotFoundError when no template named "Infobox ..." is present.
    """
    # Imported here: rendering never parses, and loading the parser costs a one-shot build
    # about 0.07 s.
    import mwparserfromhell

    code = mwparserfromhell.parse(wikitext)
    for template in code.filter_templates(recursive=False):
        if str(template.name).strip().lower().startswith("infobox"):
            return {
                str(param.name).strip(): _unescape(
                    mwparserfromhell.parse(str(param.value).strip(_LAYOUT_WHITESPACE))
                )
                for param in template.params
            }
    raise InfoboxNotFoundError("no {{Infobox ...}} template in the wikitext")


def _unescape(code: Wikicode) -> str:
    """Displayed text of plain-text wikicode: entities decoded, free URLs kept as written."""
    from mwparserfromhell.nodes import ExternalLink, HTMLEntity, Template, Text
    out = []
    for node in code.nodes:
        if isinstance(node, Template) and _template_key(node) in MAINTENANCE_TEMPLATES:
            continue
        if isinstance(node, Template) and _template_key(node) == COORD_TEMPLATE and node.has("1") and node.has("2"):
            out.append(f"{str(node.get('1').value).strip()}, {str(node.get('2').value).strip()}")
            continue
        if isinstance(node, Text):
            out.append(node.value)
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, ExternalLink) and not node.brackets:
            out.append(_unescape(node.url))
        else:
            # Markup we never write into a value (someone else's wikitext): keep its source,
            # entities decoded, rather than guess how it displays.
            out.append(_ENTITY.sub(lambda m: html.unescape(m.group()), str(node)))
    return "".join(out)


def _template_key(template: Template) -> str:
    """A template's name as MediaWiki matches it: trimmed, "_" as space, first letter any case."""
    name = " ".join(str(template.name).replace("_", " ").split())
    return name[:1].lower() + name[1:]
