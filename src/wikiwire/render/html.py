"""Render a Build as one self-contained HTML page, laid out like a Wikipedia article.

The page fetches nothing: the stylesheet is inline, it uses the reader's system fonts and
has no scripts, images or frames; the only URLs are the links to the cited reports.

Each citation ``[n]`` links to its reference and carries a tooltip (shown on hover and on
keyboard focus, by CSS alone) quoting the source sentences the article sentence was written
from, so a reader can check a claim without leaving the page. References list back-links
("↑ a b") to every place they are cited. A closing "Sources and processing" section shows how the
article was made: where the reports disagree and how that was resolved, every report read
(with merged copies), skipped inputs, and what verification checked and dropped.

Everything that comes from a report or an input goes through ``html.escape`` (attributes
included); URLs are only ever http(s), percent-encoded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from wikiwire.compose import timeline
from wikiwire.records import ArticleSentence, Build, Claim, Section
from wikiwire.render import view

__all__ = ["render"]

# A tooltip longer than this stops being a glance at the evidence; the reference has the rest.
TOOLTIP_MAX_CHARS = 600
# Evidence sentences quoted in one tooltip are joined by this, as quotations elide text.
EVIDENCE_JOIN = " … "

# Tooltips are placed against the paragraph, not the citation mark: no "top" is given, so a
# tooltip opens just below the line of its citation, and left/right 0 keep it inside the
# page whichever side of the line the mark is on (anchored to the mark, it ran off the right
# edge for marks near the end of a line).
STYLE = """
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#f6f6f6;color:#202122;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.6}
.page{max-width:62rem;margin:0 auto;padding:1.5rem 2rem 3rem;background:#fff;border-left:1px solid #eaecf0;border-right:1px solid #eaecf0;min-height:100vh}
h1,h2{font-family:Georgia,"Linux Libertine","Times New Roman",serif;font-weight:normal;border-bottom:1px solid #a2a9b1}
h1{font-size:1.9rem;margin:0 0 .2rem;line-height:1.3}
h2{font-size:1.5rem;margin:1.4rem 0 .5rem;line-height:1.3;overflow:hidden}
h3{font-size:1.15rem;margin:1.1rem 0 .3rem}
h4,h5,h6{font-size:1rem;margin:1rem 0 .3rem}
p{margin:.4rem 0 .8rem}
a{color:#0645ad;text-decoration:none}
a:hover,a:focus{text-decoration:underline}
.tagline{color:#54595d;font-size:.85rem;margin:0 0 1rem}
.infobox{float:right;clear:right;width:22rem;max-width:100%;margin:0 0 1rem 1.4rem;border:1px solid #a2a9b1;background:#f8f9fa;font-size:.875rem;line-height:1.45}
.infobox table{width:100%;border-collapse:collapse}
.infobox caption{font-weight:bold;font-size:1.1rem;padding:.45rem .5rem;background:#eaecf0;border-bottom:1px solid #a2a9b1}
.infobox th{text-align:left;vertical-align:top;padding:.3rem .5rem;width:38%}
.infobox td{vertical-align:top;padding:.3rem .5rem}
.infobox tr+tr th,.infobox tr+tr td{border-top:1px solid #eaecf0}
.toc{display:inline-block;min-width:14rem;border:1px solid #a2a9b1;background:#f8f9fa;padding:.5rem 1.2rem .6rem;font-size:.9rem;margin:.4rem 0 1rem}
.toc h2{font-family:inherit;font-size:.95rem;font-weight:bold;border:0;margin:0 0 .2rem;text-align:center}
.toc ol{list-style:none;margin:0;padding:0}
.toc ol ol{padding-left:1.6em}
.tocnumber{color:#202122;padding-right:.45em}
.page p{position:relative}
.cite{font-size:.75em;line-height:1;white-space:nowrap}
.cite>a{padding:0 .05em}
.tip{display:none;position:absolute;z-index:10;left:0;right:0;max-width:36rem;margin-top:.4rem;white-space:normal;text-align:left;background:#fff;color:#202122;border:1px solid #a2a9b1;border-radius:3px;box-shadow:0 3px 10px rgba(0,0,0,.25);padding:.6rem .8rem;font-size:.85rem;line-height:1.45;font-weight:normal;font-style:normal}
.cite:hover .tip,.cite:focus-within .tip{display:block}
.tip q{font-style:italic}
.tip .tip-src{display:block;margin-top:.35rem;color:#54595d;font-size:.9em}
.references{font-size:.9rem;padding-left:2.2em}
.references li{margin:.15rem 0}
.references li:target{background:#eaf3ff}
.backlinks{padding-right:.3em}
.backlinks a{font-weight:bold}
.backlinks sup a{font-style:italic;font-weight:bold;padding:0 .1em}
.processing{font-size:.875rem}
.processing table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}
.processing caption{text-align:left;font-weight:bold;padding:.2rem 0}
.processing th,.processing td{border:1px solid #c8ccd1;padding:.25rem .5rem;text-align:left;vertical-align:top}
.processing th{background:#eaecf0}
.processing .quote{color:#54595d;font-style:italic}
.muted{color:#54595d}
.toll-chart{margin:.6rem 0 1rem;max-width:40rem}
.toll-chart svg{width:100%;height:auto;font-size:11px;font-family:inherit}
.toll-chart figcaption{font-size:.85rem;color:#54595d}
@media (max-width:42rem){.page{padding:1rem}.infobox{float:none;width:auto;margin:0 0 1rem}}
"""


# The section the toll charts follow the prose of (``taxonomy`` names it so for every kind).
TOLL_CHART_SECTION = "Casualties"
TOLL_CHART_CAPTIONS = {
    "fatalities": "Death toll given by each body, by date of report",
    "injuries": "Number of injured given by each body, by date of report",
}
# Chart geometry (SVG user units): a plot wide enough for a week of daily points, the
# bodies' names in a legend at the right.
CHART_WIDTH, CHART_HEIGHT = 640, 240
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 48, 200, 16, 36
# Colours told apart by readers with the common colour-vision deficiencies (Okabe-Ito).
CHART_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
# Legend names longer than this are cut: the legend column is a fixed width.
LEGEND_MAX_CHARS = 30


PointLink = Callable[[timeline.TollPoint], "tuple[str, str] | None"]


def toll_chart(series: list[timeline.TollSeries], link: PointLink, caption: str) -> str:
    """An inline SVG line chart of each body's figures over report dates; every point a link
    (``link(point)`` gives its href and label, or None) with the figure on hover. No scripts,
    no external resources; all text escaped."""
    days = sorted({p.reported for s in series for p in s.points})
    top = max(p.figure for s in series for p in s.points) or 1
    plot_w = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    plot_h = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    span = (days[-1] - days[0]).days

    def x(day: dt.date) -> float:
        if span == 0:
            return CHART_LEFT + plot_w / 2
        return CHART_LEFT + plot_w * (day - days[0]).days / span

    def y(figure: int) -> float:
        return CHART_TOP + plot_h * (1 - figure / top)

    out = [
        f'<figure class="toll-chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" '
        f'role="img" aria-label="{escape(caption)}">',
        f'<line x1="{CHART_LEFT}" y1="{CHART_TOP + plot_h}" x2="{CHART_LEFT + plot_w}" y2="{CHART_TOP + plot_h}" stroke="#a2a9b1"/>',
        f'<line x1="{CHART_LEFT}" y1="{CHART_TOP}" x2="{CHART_LEFT}" y2="{CHART_TOP + plot_h}" stroke="#a2a9b1"/>',
    ]
    for value in (0, top // 2, top):
        out.append(f'<text x="{CHART_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#54595d">{value:,}</text>')
    for day in days:
        label = f"{day.day} {view.MONTHS[day.month - 1][:3]}"
        out.append(f'<text x="{x(day):.1f}" y="{CHART_HEIGHT - CHART_BOTTOM + 16}" text-anchor="middle" fill="#54595d">{escape(label)}</text>')
    for i, s in enumerate(series):
        colour = CHART_COLOURS[i % len(CHART_COLOURS)]
        points = " ".join(f"{x(p.reported):.1f},{y(p.figure):.1f}" for p in s.points)
        if len(s.points) > 1:
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in s.points:
            hover = f"{view.inline_text(s.body)}: {p.display} ({view.long_date(p.reported)})"
            target = link(p)
            dot = f'<circle cx="{x(p.reported):.1f}" cy="{y(p.figure):.1f}" r="4" fill="{colour}">'
            if target:
                href, label = target
                out.append(f'<a href="{escape(href)}">{dot}<title>{escape(hover + " — " + label)}</title></circle></a>')
            else:
                out.append(f"{dot}<title>{escape(hover)}</title></circle>")
        name = view.inline_text(s.body)
        name = name[:1].upper() + name[1:]
        name = name if len(name) <= LEGEND_MAX_CHARS else name[: LEGEND_MAX_CHARS - 1] + "…"
        ly = CHART_TOP + 14 + 18 * i
        lx = CHART_WIDTH - CHART_RIGHT + 14
        out.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text x="{lx + 16}" y="{ly}" fill="#202122">{escape(name)}</text>')
    out.append(f"</svg><figcaption>{escape(caption)}</figcaption></figure>")
    return "".join(out)


class _Page:
    """Builds the page; keeps the citation counters the back-links need."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self.cites = view.citations(build)
        self.title = view.inline_text(build.article.title or build.title)
        self.seen: dict[int, int] = {}  # reference number -> citations written so far
        self.tips = 0
        self.labels = {r.number: view.backlink_labels(r.uses) for r in self.cites.references}

    # -- the article ---------------------------------------------------------------------

    def render(self) -> str:
        from wikiwire import __version__

        body = [
            f'<h1 id="top">{escape(self.title)}</h1>',
            f'<p class="tagline">A wikiwire {escape(__version__)} article written from '
            f"{len(self.build.sources)} news report{'s' if len(self.build.sources) != 1 else ''}.</p>",
            self.infobox(),
            *self.lead(),
        ]
        sections = [s for s in self.build.article.sections if view.has_content(s)]
        anchors = self.anchors(sections)
        body.append(self.contents(sections, anchors))
        body.extend(self.section(s, 0, anchors) for s in sections)
        body.append(self.references())
        body.append(self.processing())
        return (
            "<!doctype html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="wikiwire {escape(__version__)}">\n'
            f"<title>{escape(self.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            '<main class="page">\n' + "\n".join(b for b in body if b) + "\n</main>\n</body>\n</html>\n"
        )

    def infobox(self) -> str:
        # A weakly known value is followed by its note, visible (not a tooltip: a reader
        # should not have to hover to learn a date is unconfirmed), in the muted grey the
        # page already uses for side remarks.
        rows = "".join(
            f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}'
            + (f' <span class="muted">({escape(note)})</span>' if note else "")
            + "</td></tr>"
            for label, value, note in view.infobox_entries(self.build)
        )
        return (
            '<aside class="infobox" aria-label="Infobox">'
            f"<table><caption>{escape(self.title)}</caption><tbody>{rows}</tbody></table></aside>"
        )

    def lead(self) -> list[str]:
        bold = f"<b>{escape(self.title)}</b>"
        lead = self.build.article.lead
        if not lead:
            return [f"<p>{bold}</p>"]
        first = view.inline_text(lead[0].text)
        parts = view.split_title(first, self.title)
        if parts is None:
            opening = f"{bold}: {escape(first)}"
        else:
            before, match, after = parts
            opening = f"{escape(before)}<b>{escape(match)}</b>{escape(after)}"
        return [
            "<p>"
            + " ".join(self.sentence(s, opening if i == j == 0 else None) for j, s in enumerate(para))
            + "</p>"
            for i, para in enumerate(view.paragraphs(lead))
        ]

    def anchors(self, sections: list[Section]) -> dict[int, str]:
        """Heading ids by ``id()`` of the section; "s-" keeps them apart from ref/cite ids."""
        out: dict[int, str] = {}
        taken: set[str] = set()

        def walk(section: Section) -> None:
            base = "s-" + (view.slug(view.inline_text(section.heading)) or "section")
            anchor, n = base, 2
            while anchor in taken:
                anchor, n = f"{base}-{n}", n + 1
            taken.add(anchor)
            out[id(section)] = anchor
            for sub in section.subsections:
                if view.has_content(sub):
                    walk(sub)

        for section in sections:
            walk(section)
        return out

    def contents(self, sections: list[Section], anchors: dict[int, str]) -> str:
        def items(secs: list[Section], prefix: str) -> str:
            out = []
            for n, sec in enumerate(secs, start=1):
                number = f"{prefix}{n}"
                subs = [s for s in sec.subsections if view.has_content(s)]
                inner = f"<ol>{items(subs, number + '.')}</ol>" if subs else ""
                out.append(
                    f'<li><a href="#{anchors[id(sec)]}"><span class="tocnumber">{number}</span>'
                    f"{escape(view.inline_text(sec.heading))}</a>{inner}</li>"
                )
            return "".join(out)

        n = len(sections)
        extra = (
            f'<li><a href="#references"><span class="tocnumber">{n + 1}</span>References</a></li>'
            f'<li><a href="#processing"><span class="tocnumber">{n + 2}</span>Sources and processing</a></li>'
        )
        return (
            '<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2>'
            f"<ol>{items(sections, '')}{extra}</ol></nav>"
        )

    def section(self, section: Section, depth: int, anchors: dict[int, str]) -> str:
        level = view.heading_level(depth)
        parts = [
            f'<section><h{level} id="{anchors[id(section)]}">'
            f"{escape(view.inline_text(section.heading))}</h{level}>"
        ]
        parts.extend(
            "<p>" + " ".join(self.sentence(s) for s in para) + "</p>"
            for para in view.paragraphs(section.sentences)
        )
        if depth == 0 and section.heading == TOLL_CHART_SECTION:
            parts.extend(self.toll_charts())
        parts.extend(
            self.section(sub, depth + 1, anchors) for sub in section.subsections if view.has_content(sub)
        )
        parts.append("</section>")
        return "\n".join(parts)

    def sentence(self, sentence: ArticleSentence, opening: str | None = None) -> str:
        """A sentence and its citation marks; ``opening`` is already-escaped text to use."""
        text = opening if opening is not None else escape(view.inline_text(sentence.text))
        note = view.sentence_note(sentence)
        return (text + "".join(self.citation(sentence, sid) for sid in view.cited(sentence))
                + (f' <span class="muted">({escape(note)})</span>' if note else ""))

    def citation(self, sentence: ArticleSentence, source_id: str) -> str:
        ref = self.cites.by_id[source_id]
        k = self.seen.get(ref.number, 0)
        self.seen[ref.number] = k + 1
        self.tips += 1
        tip = f"tip-{self.tips}"
        return (
            f'<sup class="cite" id="cite-{ref.number}-{self.labels[ref.number][k]}">'
            f'<a href="#ref-{ref.number}" aria-describedby="{tip}">[{ref.number}]</a>'
            f'<span class="tip" id="{tip}" role="tooltip">{self.tooltip(sentence, ref)}</span></sup>'
        )

    def tooltip(self, sentence: ArticleSentence, ref: view.Reference) -> str:
        evidence = self.cites.evidence(sentence, ref.source.id)
        where = ", ".join(x for x in (ref.outlet or "", view.long_date(ref.date)) if x)
        if not evidence:
            # No source sentence recorded for this citation: show what the reference is.
            return f"<q>{escape(ref.title)}</q>" + (
                f'<span class="tip-src">{escape(where)}</span>' if where else ""
            )
        quoted = EVIDENCE_JOIN.join(evidence)
        if len(quoted) > TOOLTIP_MAX_CHARS:
            quoted = quoted[:TOOLTIP_MAX_CHARS].rsplit(" ", 1)[0] + "…"
        return f'<q>{escape(quoted)}</q><span class="tip-src">{escape(where or ref.title)}</span>'

    # -- references and the processing notes ----------------------------------------------

    def toll_charts(self) -> list[str]:
        """One chart per toll whose figures moved: each body's figures over report dates."""
        series = timeline.toll_timeline(self.build.facts)
        charts = []
        for fact in timeline.TOLL_FACTS:
            shown = [s for s in series if s.fact == fact]
            if any(s.moved for s in shown):
                charts.append(toll_chart(shown, self.point_link, TOLL_CHART_CAPTIONS[fact]))
        return charts

    def point_link(self, point: timeline.TollPoint) -> tuple[str, str] | None:
        """Where a chart point links: its reference when the article cites the report, else
        the report's own address; with the label shown on hover."""
        for sid in point.sources:
            ref = self.cites.by_id.get(sid)
            if ref is not None:
                return f"#ref-{ref.number}", f"[{ref.number}] {ref.title}"
        for source in self.build.sources:
            if source.id in point.sources and (url := view.web_url(source.url)):
                return url, view.inline_text(source.title or url)
        return None

    def references(self) -> str:
        items = []
        for ref in self.cites.references:
            labels = self.labels[ref.number]
            if len(labels) == 1:
                back = f'<a href="#cite-{ref.number}-a" aria-label="Back to the citation">↑</a>'
            else:
                back = "↑ " + " ".join(
                    f'<sup><a href="#cite-{ref.number}-{x}">{x}</a></sup>' for x in labels
                )
            title = (
                f'<a href="{escape(ref.url)}" rel="nofollow noopener">{escape(ref.title)}</a>'
                if ref.url
                else escape(ref.title)
            )
            parts = [f"“{title}”."]
            if ref.outlet:
                parts.append(f"<i>{escape(ref.outlet)}</i>.")
            if ref.date:
                parts.append(f"{view.long_date(ref.date)}.")
            if ref.copies_note():
                parts.append(f'<span class="muted">{escape(ref.copies_note())}</span>')
            items.append(
                f'<li id="ref-{ref.number}"><span class="backlinks">{back}</span> {" ".join(parts)}</li>'
            )
        listing = f'<ol class="references">{"".join(items)}</ol>' if items else "<p>No references.</p>"
        return f'<section><h2 id="references">References</h2>\n{listing}\n</section>'

    def processing(self) -> str:
        b = self.build
        parts = [
            '<section class="processing"><h2 id="processing">Sources and processing</h2>',
        ]
        if b.facts.conflicts:
            parts.append("<h3>Where the reports disagree</h3>")
            parts.extend(self.conflict(c.fact, c.claims, c.resolution) for c in b.facts.conflicts)
        parts.append("<h3>Reports read</h3>")
        parts.append(self.reports())
        parts.append("<h3>Skipped inputs</h3>")
        if b.skipped:
            parts.append(
                "<ul>"
                + "".join(
                    f"<li><code>{escape(view.inline_text(s.input))}</code>: {escape(view.inline_text(s.reason))}</li>"
                    for s in b.skipped
                )
                + "</ul>"
            )
        else:
            parts.append('<p class="muted">None: every input gave a usable report.</p>')
        parts.append("<h3>Verification</h3>")
        v = b.verification
        parts.append(
            f"<p>{v.checked} sentence{'s' if v.checked != 1 else ''} checked against the reports "
            f"they cite: {v.passed} passed, {v.recited} re-cited to a supporting report, "
            f"{len(v.dropped)} dropped.</p>"
        )
        if v.dropped:
            parts.append(
                '<table><thead><tr><th>Dropped sentence</th><th>Reason</th></tr></thead><tbody>'
                + "".join(
                    f'<tr><td class="quote">{escape(view.inline_text(d.text))}</td>'
                    f"<td>{escape(view.inline_text(d.reason))}</td></tr>"
                    for d in v.dropped
                )
                + "</tbody></table>"
            )
        parts.append("</section>")
        return "\n".join(parts)

    def source_link(self, source_id: str) -> str:
        ref = self.cites.by_id.get(source_id)
        if ref is None:
            return escape(view.inline_text(source_id))
        return f'<a href="#ref-{ref.number}">[{ref.number}]</a>'

    def conflict(self, fact: str, claims: tuple[Claim, ...], resolution: str) -> str:
        rows = "".join(
            "<tr>"
            f"<td>{escape(view.inline_text(c.display))}</td>"
            f"<td>{escape(c.qualifier or '')}</td>"
            f"<td>{escape(view.inline_text(c.attributed_to or ''))}</td>"
            f"<td>{self.source_link(c.source)}</td>"
            f"<td>{escape(view.long_date(c.reported))}</td>"
            f'<td class="quote">{escape(view.inline_text(c.quote))}</td>'
            "</tr>"
            for c in claims
        )
        label = escape(view.param_label(fact))
        return (
            f"<table><caption>{label}</caption><thead><tr><th>Claim</th><th>Qualifier</th>"
            "<th>Attributed to</th><th>Report</th><th>Reported</th><th>Quote</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
            f"<p><b>Resolution:</b> {escape(view.inline_text(resolution))}</p>"
        )

    def reports(self) -> str:
        anchors = {a.source.id: a.anchor_note for a in self.build.analysed}
        rows = []
        for source in self.build.sources:
            copies = "; ".join(
                escape(view.inline_text(d.outlet or (f"“{d.title}”" if d.title else "copy")))
                + f" (<code>{escape(view.inline_text(d.input))}</code>, similarity {d.similarity:.2f})"
                for d in source.duplicates
            )
            note = anchors.get(source.id)
            rows.append(
                "<tr>"
                f"<td>{self.source_link(source.id) if source.id in self.cites.by_id else 'not cited'}</td>"
                f"<td>{escape(view.inline_text(source.outlet or ''))}</td>"
                f"<td>{escape(view.long_date(source.published))}</td>"
                f"<td><code>{escape(view.inline_text(source.input))}</code></td>"
                f"<td>{copies}</td>"
                f"<td>{escape(view.inline_text(note)) if note else ''}</td>"
                "</tr>"
            )
        return (
            "<table><thead><tr><th>Reference</th><th>Outlet</th><th>Published</th><th>Input</th>"
            "<th>Merged copies</th><th>Dating note</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def render(build: Build) -> str:
    """The article as one self-contained HTML5 page (see the module docstring)."""
    return _Page(build).render()
