"""Render a Build as Markdown (CommonMark with GitHub's tables and footnotes).

Layout: ``# Title``, the infobox as a two-column table (a weakly known value followed by
"(unconfirmed: <reason>)"), the lead with the title in bold,
``##`` sections (``###`` subsections), a footnote ``[^label]`` after every sentence for each
source it cites, and the footnote definitions (outlet, title, date, URL) at the end.

Report text is plain text, never markup: characters that would start emphasis, code, a
link, an HTML tag, a table cell, strikethrough or math are backslash-escaped (CommonMark
allows that for any ASCII punctuation), as are block markers at the start of a line.
"""

from __future__ import annotations

import re
import unicodedata

from wikiwire.records import ArticleSentence, Build, Section
from wikiwire.render import view

__all__ = ["escape", "render"]

# Inline markup anywhere: emphasis, code, links/images/footnotes, raw HTML and autolinks,
# table cells, GFM strikethrough, math, "&" only when it would start an entity, and a final
# "!" (the footnote after it would make "![^1]", an image).
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>|~$]|&(?=#?[A-Za-z0-9]+;)|!$")
# Block markers at the start of a line: headings, quotes, list items, thematic breaks,
# setext underlines, fences, ordered-list numbers ("1." / "1)").
_LINE_START = re.compile(r"^(?:[#>+=\-]|\d+(?=[.)]))")


def escape(text: str, *, line_start: bool = False) -> str:
    """``text`` (one line of plain text) as Markdown that displays exactly that text;
    ``line_start`` when it begins a line (block markers are escaped then too)."""
    out = _INLINE_MARKUP.sub(lambda m: "\\" + m.group(), text)
    if line_start:
        match = _LINE_START.match(out)
        if match is not None:
            end = match.end()
            # Escape the punctuation that makes the marker: the "." or ")" after a number.
            out = out[:end] + "\\" + out[end:] if match.group()[0].isdigit() else "\\" + out
    return out


def _heading(text: str) -> str:
    """Heading text: "#" anywhere could close the heading early ("Attack on C #" -> "Attack on C")."""
    return escape(text).replace("#", "\\#")


def render(build: Build) -> str:
    """The article as Markdown: title, infobox table, lead, sections, footnotes."""
    cites = view.citations(build)
    title = view.inline_text(build.article.title or build.title)
    blocks = [f"# {_heading(title)}", _infobox(build, title)]
    blocks.extend(_lead(build, title, cites))
    for section in build.article.sections:
        blocks.extend(_section(section, 0, cites))
    if cites.references:
        blocks.append("\n".join(_footnote(ref) for ref in cites.references))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _infobox(build: Build, title: str) -> str:
    rows = [f"| {escape(title)} | |", "| --- | --- |"]
    # A weakly known value carries its note as a parenthetical in the same cell: a footnote
    # would sit among the source references and read as one.
    rows.extend(
        f"| {escape(label)} | {escape(value)}{f' ({escape(note)})' if note else ''} |"
        for label, value, note in view.infobox_entries(build)
    )
    return "\n".join(rows)


def _lead(build: Build, title: str, cites: view.Citations) -> list[str]:
    bold = f"**{escape(title)}**"
    lead = build.article.lead
    if not lead:
        return [bold]
    first = view.inline_text(lead[0].text)
    parts = view.split_title(first, title)
    if parts is not None:
        before, match, after = (escape(parts[0], line_start=True), escape(parts[1]), escape(parts[2]))
    if parts is None or not _can_embolden(before, match, after):
        opening = f"{bold}: {escape(first)}"
    else:
        opening = f"{before}**{match}**{after}"
    return [
        " ".join(
            _sentence(s, cites, text=opening if i == j == 0 else None) for j, s in enumerate(para)
        )
        for i, para in enumerate(view.paragraphs(lead))
    ]


def _can_embolden(before: str, match: str, after: str) -> bool:
    """Whether ``**match**`` between ``before`` and ``after`` is strong emphasis by CommonMark's
    flanking rules (a title ending in punctuation right before a letter is not)."""
    first, last = match[:1], match[-1:]
    prev, nxt = before[-1:], after[:1]
    if not first or first.isspace() or last.isspace():
        return False
    opens = not _is_punct(first) or not prev or prev.isspace() or _is_punct(prev)
    closes = not _is_punct(last) or not nxt or nxt.isspace() or _is_punct(nxt)
    return opens and closes


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _section(section: Section, depth: int, cites: view.Citations) -> list[str]:
    if not view.has_content(section):
        return []
    marks = "#" * view.heading_level(depth)
    blocks = [f"{marks} {_heading(view.inline_text(section.heading))}"]
    blocks.extend(
        " ".join(_sentence(s, cites) for s in para) for para in view.paragraphs(section.sentences)
    )
    for sub in section.subsections:
        blocks.extend(_section(sub, depth + 1, cites))
    return blocks


def _sentence(sentence: ArticleSentence, cites: view.Citations, *, text: str | None = None) -> str:
    body = text if text is not None else escape(view.inline_text(sentence.text), line_start=True)
    note = view.sentence_note(sentence)
    return body + "".join(f"[^{cites.by_id[sid].name}]" for sid in view.cited(sentence)) + (f" ({escape(note)})" if note else "")


def _footnote(ref: view.Reference) -> str:
    parts = []
    if ref.outlet:
        parts.append(f"{escape(ref.outlet)}.")
    parts.append(f'"{escape(ref.title)}".')
    if ref.date:
        parts.append(f"{view.long_date(ref.date)}.")
    if ref.url:
        parts.append(f"<{ref.url}>.")
    if ref.copies_note():
        parts.append(escape(ref.copies_note()))
    return f"[^{ref.name}]: " + " ".join(parts)
