"""What changed between two revisions of an article: facts (with the claim that changed
each), sections, sentences, and a one-line edit summary an editor can paste into the wiki.

``compare`` is pure: it takes two Builds (the older may be None for a first revision) and
the inputs the newer one added, and returns a ``Changes`` record; ``text``, ``markdown``
format it for the terminal and ``article.diff.md``; ``Changes.model_dump`` is the JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from wikiwire.records import FACT_NAMES, Build, Fact, Record, Section
from wikiwire.render import view
from wikiwire.store.db import AddedInput

# MediaWiki cuts edit summaries at 500 characters (CommentStore::COMMENT_CHARACTER_LIMIT).
EDIT_SUMMARY_MAX_CHARS = 500
# Outlets named in an edit summary; more are counted ("and 3 more"), as a summary box is short.
SUMMARY_OUTLETS = 3
# Sentences quoted in full in the diff; more are counted only, so a first revision's diff
# does not repeat the whole article.
DIFF_SENTENCES_SHOWN = 40
# What an unknown fact is shown as.
NONE = "–"
DIFF_FILENAME = "article.diff.md"


class FactChange(Record):
    """An infobox fact whose displayed value changed, and the claim behind the new value."""

    name: str
    old: str
    new: str
    cause: str | None = None  # "who, figure, reported D Month YYYY", None when the fact went


class Recited(Record):
    """A sentence kept word for word whose citations changed."""

    text: str
    old_sources: tuple[str, ...]
    new_sources: tuple[str, ...]


class Changes(Record):
    """Everything that differs between two revisions (``old_revision`` 0: none before)."""

    old_revision: int
    new_revision: int
    title_old: str | None
    title_new: str
    sources_added: tuple[str, ...] = ()  # "s7 (Cedar Times)"
    copies_added: tuple[str, ...] = ()  # "input (copy of s3)"
    facts: tuple[FactChange, ...] = ()
    sections_added: tuple[str, ...] = ()
    sections_removed: tuple[str, ...] = ()
    sentences_added: tuple[str, ...] = ()
    sentences_removed: tuple[str, ...] = ()
    recited: tuple[Recited, ...] = ()
    edit_summary: str = ""

    @property
    def empty(self) -> bool:
        """Nothing at all changed (not even a copy of a report was added)."""
        return not (
            self.sources_added or self.copies_added or self.facts or self.sections_added or self.sections_removed
            or self.sentences_added or self.sentences_removed or self.recited or self.title_old != self.title_new
        )


def compare(
    old: Build | None,
    new: Build,
    added: Sequence[AddedInput],
    *,
    old_revision: int,
    new_revision: int,
    rebuilt: bool = False,
) -> Changes:
    """The changes from ``old`` (None before the first revision) to ``new``; ``rebuilt``
    when ``new`` was built from scratch (``added`` then lists all its inputs)."""
    new_sources = {a.source_id for a in added if a.status == "source"}
    names = {s.id: _outlet(s.outlet, s.input) for s in new.sources}
    facts = tuple(_fact_changes(old, new, new_sources, names))
    old_sections = _headings(old.article.sections) if old else []
    new_sections = _headings(new.article.sections)
    old_sentences = {s.text: s.sources for s in view.sentences_in_order(old.article)} if old else {}
    new_sentences = {s.text: s.sources for s in view.sentences_in_order(new.article)}
    changes = Changes(
        old_revision=old_revision,
        new_revision=new_revision,
        title_old=old.title if old else None,
        title_new=new.title,
        sources_added=tuple(f"{a.source_id} ({_outlet(a.outlet, a.input)})" for a in added if a.status == "source"),
        copies_added=tuple(f"{_outlet(a.outlet, a.input)} (copy of {a.source_id})" for a in added if a.status == "duplicate"),
        facts=facts,
        sections_added=tuple(h for h in new_sections if h not in old_sections),
        sections_removed=tuple(h for h in old_sections if h not in new_sections),
        sentences_added=tuple(t for t in new_sentences if t not in old_sentences),
        sentences_removed=tuple(t for t in old_sentences if t not in new_sentences),
        recited=tuple(
            Recited(text=t, old_sources=old_sentences[t], new_sources=s)
            for t, s in new_sentences.items()
            if t in old_sentences and tuple(old_sentences[t]) != tuple(s)
        ),
    )
    return changes.model_copy(update={"edit_summary": edit_summary(changes, added, rebuilt=rebuilt)})


def _outlet(outlet: str | None, where: str) -> str:
    return outlet or where.rsplit("/", 1)[-1]


def _fact_changes(old: Build | None, new: Build, new_sources: set[str], names: dict[str, str]) -> Iterator[FactChange]:
    old_kind = old.facts.kind if old else None
    for name in FACT_NAMES:
        before = old.facts.get(name).display if old else ""
        fact = new.facts.get(name)
        if (before or "") == (fact.display or "") and not (name == "type" and old and old_kind != new.facts.kind):
            continue
        cause = _cause(fact, new_sources, names) if fact.display else None
        yield FactChange(name=name, old=before or NONE, new=fact.display or NONE, cause=cause)


def _cause(fact: Fact, new_sources: set[str], names: dict[str, str]) -> str | None:
    """The claim that best explains a fact's new value: from a newly added source if any
    (else the value moved because reconciliation weighed old claims anew), one stating
    exactly the new value before others, then the strongest, then one whose words show in
    the displayed value."""
    pool = [c for c in fact.claims if c.source in new_sources] or list(fact.claims)
    if not pool:
        return None
    # max keeps the first of equals: claim order
    claim = max(pool, key=lambda c: (c.value == fact.value, c.weight, c.display in fact.display))
    who = claim.attributed_to or names.get(claim.source, claim.source)
    when = f", reported {view.long_date(claim.reported)}" if claim.reported else ""
    return f"{who}, {claim.display}{when}"


def _headings(sections: Sequence[Section], prefix: str = "") -> list[str]:
    out: list[str] = []
    for section in sections:
        if not view.has_content(section):
            continue
        path = f"{prefix}{section.heading}"
        out.append(path)
        out.extend(_headings(section.subsections, f"{path} > "))
    return out


def edit_summary(changes: Changes, added: Sequence[AddedInput], *, rebuilt: bool = False) -> str:
    """One line for the wiki's summary box, at most EDIT_SUMMARY_MAX_CHARS characters."""
    outlets = list(dict.fromkeys(_outlet(a.outlet, a.input) for a in added if a.status == "source"))
    shown = ", ".join(outlets[:SUMMARY_OUTLETS]) + (f" and {len(outlets) - SUMMARY_OUTLETS} more" if len(outlets) > SUMMARY_OUTLETS else "")
    n = sum(1 for a in added if a.status == "source")
    copies = len(changes.copies_added)
    what = []
    if n or not copies:
        what.append(f"{n} report{'s' if n != 1 else ''}" + (f" ({shown})" if shown else ""))
    if copies:
        what.append(f"{copies} cop{'ies' if copies != 1 else 'y'} of cited reports")
    verb = "Created from" if changes.old_revision == 0 else "Rebuilt from" if rebuilt else "Updated from"
    parts = [f"{verb} {' and '.join(what)}"]
    if changes.old_revision:
        if changes.title_old is not None and changes.title_old != changes.title_new:
            parts.append(f"title → {changes.title_new}")
        parts.extend(f"{f.name} {f.old} → {f.new}" for f in changes.facts)
        if changes.sections_added:
            parts.append("+section " + ", ".join(changes.sections_added))
        if changes.sections_removed:
            parts.append("−section " + ", ".join(changes.sections_removed))
        counts = f"+{len(changes.sentences_added)}/−{len(changes.sentences_removed)} sentences"
        if changes.recited:
            counts += f", {len(changes.recited)} re-cited"
        parts.append(counts)
    line = "; ".join(parts)
    if len(line) > EDIT_SUMMARY_MAX_CHARS:
        line = line[: EDIT_SUMMARY_MAX_CHARS - 1].rstrip() + "…"
    return line


def text(changes: Changes) -> str:
    """The change summary as printed by ``wikiwire update`` (plain lines)."""
    lines = [f"revision {changes.new_revision}: {changes.edit_summary}"]
    if changes.title_old is not None and changes.title_old != changes.title_new:
        lines.append(f"title: {changes.title_old} → {changes.title_new}")
    for f in changes.facts:
        lines.append(f"{f.name}: {f.old} → {f.new}" + (f" ({f.cause})" if f.cause else ""))
    for heading in changes.sections_added:
        lines.append(f"section added: {heading}")
    for heading in changes.sections_removed:
        lines.append(f"section removed: {heading}")
    lines.append(
        f"sentences: {len(changes.sentences_added)} added, {len(changes.sentences_removed)} removed, "
        f"{len(changes.recited)} re-cited"
    )
    return "\n".join(lines)


def markdown(changes: Changes) -> str:
    """``article.diff.md``: the same content as ``text``, with the sentences themselves."""
    before = f"revision {changes.old_revision}" if changes.old_revision else "nothing"
    out = [f"# {_md(changes.title_new)}: revision {changes.new_revision} against {before}", "", f"Edit summary: {_md(changes.edit_summary)}", ""]
    if changes.title_old is not None and changes.title_old != changes.title_new:
        out += [f"Title: {_md(changes.title_old)} → {_md(changes.title_new)}", ""]
    if changes.sources_added or changes.copies_added:
        out += ["## Reports added", ""]
        out += [f"- {_md(s)}" for s in (*changes.sources_added, *changes.copies_added)]
        out.append("")
    if changes.facts:
        out += ["## Facts", "", "| fact | before | after | because |", "| --- | --- | --- | --- |"]
        out += [f"| {f.name} | {_cell(f.old)} | {_cell(f.new)} | {_cell(f.cause or NONE)} |" for f in changes.facts]
        out.append("")
    if changes.sections_added or changes.sections_removed:
        out += ["## Sections", ""]
        out += [f"- added: {_md(h)}" for h in changes.sections_added]
        out += [f"- removed: {_md(h)}" for h in changes.sections_removed]
        out.append("")
    out += ["## Sentences", "", f"{len(changes.sentences_added)} added, {len(changes.sentences_removed)} removed, {len(changes.recited)} re-cited", ""]
    # Words, not "+"/"-" signs: a sign after a list marker would start a nested list.
    for label, items in (("added", changes.sentences_added), ("removed", changes.sentences_removed)):
        out += [f"- {label}: {_md(t)}" for t in items[:DIFF_SENTENCES_SHOWN]]
        if len(items) > DIFF_SENTENCES_SHOWN:
            out.append(f"- {label}: … and {len(items) - DIFF_SENTENCES_SHOWN} more")
    for r in changes.recited[:DIFF_SENTENCES_SHOWN]:
        out.append(f"- re-cited: {_md(r.text)} ({', '.join(r.old_sources)} → {', '.join(r.new_sources)})")
    return "\n".join(out).rstrip() + "\n"


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    """Report text is untrusted: escape what Markdown would read as markup or HTML."""
    return text.translate(_MD_SPECIAL)


def _cell(text: str) -> str:
    return _md(text).replace("\n", " ")
