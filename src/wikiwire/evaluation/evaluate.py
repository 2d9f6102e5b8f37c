"""``wikiwire eval``: score builds against reference infoboxes (and texts), beside baselines.

For each event of an events file (the format of the dev corpus: ``{"id", "title", "kind",
"reference": {"infobox": {...}, "text": ...}, "articles": [{"url", "date", "text"}]}``) the
runner builds the event with the real pipeline, runs the naive baseline on the same spaCy
sentences, and scores both with the field scorers of ``wikiwire.evaluation.scoring``. When the event has
a reference text it also scores the article's prose (ROUGE, entity recall, citation coverage,
verification pass rate) beside a LexRank summary of the same length, twice: the article's
*opening* (its first sentences up to the reference's length; the dev corpus's references are
the encyclopedia article's opening, and this is what issue 11's target is judged on) and the
whole article. Every built article is also linted for prose defects (``evaluation.prose``).

The report is a JSON-ready dict; ``format_report`` turns it into the table the CLI prints.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wikiwire import events as events_file
from wikiwire import ingest
from wikiwire.errors import EventsFileError, SplitsFileError, WikiwireError
from wikiwire.evaluation import baseline, prose, scoring
from wikiwire.evaluation.scoring import CORE_FIELDS, FIELDS, Evidence, FieldScore, Report
from wikiwire.evaluation.scoring.content import opening
from wikiwire.records import Article, Build, Document, Section

if TYPE_CHECKING:
    from spacy.language import Language

# Width of the value columns in the per-event table; longer values are cut with "…" so a
# reference like Herat's four-event casualty list does not wreck the layout.
VALUE_WIDTH = 30


@dataclass(frozen=True)
class EvalEvent:
    """One validated line of an events file."""

    id: str
    title: str
    kind: str
    line: int
    infobox: dict[str, str]
    reference_text: str | None
    documents: tuple[Document, ...]


# ---------------------------------------------------------------------------------------------
# Reading the events file


def _event(entry: events_file.EventLine, path: str) -> EvalEvent:
    """``entry`` checked for what scoring needs: a reference infobox and an article with text."""
    reference = entry.fields.get("reference")
    if not isinstance(reference, dict) or not isinstance(reference.get("infobox"), dict):
        raise EventsFileError(path, f'event {entry.id!r}: "reference" must be an object with an "infobox" object', line=entry.line)
    usable = events_file.article_documents(entry.articles, f"{path}:{entry.line}")
    if not usable:
        raise EventsFileError(path, f"event {entry.id!r} has no article with text", line=entry.line)
    infobox = {str(k): v.strip() for k, v in reference["infobox"].items() if isinstance(v, str)}
    text = reference.get("text")
    return EvalEvent(
        id=entry.id,
        title=str(entry.fields.get("title") or infobox.get("title") or entry.id),
        kind=str(entry.fields.get("kind") or ""),
        line=entry.line,
        infobox=infobox,
        reference_text=text.strip() if isinstance(text, str) and text.strip() else None,
        documents=usable,
    )


def read_events(events_path: Path) -> list[EvalEvent]:
    """Read and validate every event of ``events_path`` (blank lines ignored).

    Raises EventsFileError naming the file (and line) when the file cannot be read, holds no
    event, or a line is not JSON, not an object, or lacks ``id``, ``articles`` with some text
    or a ``reference`` with an ``infobox`` (see ``events.iter_events`` for the common checks).
    """
    path = str(events_path)
    lines = events_file.iter_events(events_path, required=("id", "reference", "articles"), allow_empty=False)
    return [_event(entry, path) for entry in lines]


# ---------------------------------------------------------------------------------------------
# Scoring one event

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def normalise_title(title: str) -> str:
    """A title compared by its words: case, dashes, spacing and a leading "the" aside."""
    text = _DASHES.sub(" ", unicodedata.normalize("NFKC", title))
    text = _LEADING_THE.sub("", " ".join(text.split()))
    return text.casefold()


def same_title(built: str, reference: str) -> bool:
    """True when two titles are equal after ``normalise_title``."""
    return normalise_title(built) == normalise_title(reference)


def reference_kind(text: str) -> str | None:
    """The taxonomy key a reference's kind phrase names ("plane crash" -> "aviation accident"),
    read by the type extractor's own patterns; the phrase itself when it is a key; else None."""
    from wikiwire.facts.kinds import match_kinds
    from wikiwire.taxonomy import KINDS_BY_KEY

    if text in KINDS_BY_KEY:
        return text
    matches = match_kinds(text)
    return matches[0].kind.key if matches else None



def predicted_facts(build: Build | None) -> dict[str, dict[str, Any] | None]:
    """Our facts in event.json's ``facts`` shape ({"value", "display"}); None when unknown."""
    out: dict[str, dict[str, Any] | None] = {}
    for name in FIELDS:
        if build is None:
            out[name] = None
            continue
        fact = build.facts.get(name)  # type: ignore[arg-type]
        empty = fact.value in (None, "", [], {}) and not fact.display
        out[name] = None if empty else {"value": fact.value, "display": fact.display}
    return out


def article_sentences(article: Article) -> Iterator[Any]:
    """Every sentence of the article: the lead, then each section and subsection in order."""
    yield from article.lead

    def walk(sections: Sequence[Section]) -> Iterator[Any]:
        for section in sections:
            yield from section.sentences
            yield from walk(section.subsections)

    yield from walk(article.sections)


def _entity_keys(text: str, nlp: Language) -> set[str]:
    return scoring.reference_entities((e.text, e.label_) for e in nlp(text).ents)


def _text_scores(reference_text: str, text: str, entities: set[str], stated: set[str]) -> dict[str, Any]:
    """ROUGE-1/2/L F1, entity recall (of all and of the stated reference entities), words and
    sentences (one a line) of ``text`` against the reference."""
    return {
        **scoring.rouge_f1(reference_text, text),
        "entity_recall": round(scoring.entity_recall(entities, text), 4),
        "entity_recall_attainable": round(scoring.entity_recall(stated, text), 4),
        "words": scoring.word_count(text),
        "sentences": len(text.splitlines()) if text else 0,
    }


def content_metrics(reference_text: str, build: Build, nlp: Language, evidence: Evidence | None = None) -> dict[str, Any]:
    """ROUGE-1/2/L F1 and entity recall of our article's prose and of a LexRank summary of
    the same length in words (drawn from the same cleaned source sentences), plus our citation
    coverage and verification pass rate.

    ``wikiwire`` and ``lexrank`` score the whole article; ``opening`` scores the article's
    opening (``scoring.content.opening``: its first whole sentences, lead first, up to the
    reference's length in words) beside a LexRank summary of the opening's length, in the
    same way. ``entity_recall_attainable`` counts only the reference's entities that some
    input report (``evidence``) names: a reference article knows more than the reports given."""
    sentences = list(article_sentences(build.article))
    texts = [s.text for s in sentences]
    article_text = "\n".join(texts)
    source_sentences = [s.text for a in build.analysed for s in a.sentences]
    entities = _entity_keys(reference_text, nlp)
    stated = {e for e in entities if evidence and f" {e} " in evidence.folded}
    verification = build.verification
    ours = {
        **_text_scores(reference_text, article_text, entities, stated),
        "citation_coverage": round(sum(bool(s.sources) for s in sentences) / len(sentences), 4) if sentences else 0.0,
        "verification_pass_rate": round(verification.passed / verification.checked, 4) if verification.checked else None,
    }
    summary = baseline.lexrank_summary(source_sentences, ours["words"])
    reference_words = scoring.word_count(reference_text)
    opening_text = "\n".join(opening(texts, reference_words))
    opening_ours = _text_scores(reference_text, opening_text, entities, stated)
    opening_summary = baseline.lexrank_summary(source_sentences, opening_ours["words"])
    return {
        "reference_entities": len(entities),
        "stated_entities": len(stated),
        "reference_words": reference_words,
        "wikiwire": ours,
        "lexrank": _text_scores(reference_text, summary, entities, stated),
        "opening": {
            "wikiwire": opening_ours,
            "lexrank": _text_scores(reference_text, opening_summary, entities, stated),
        },
    }


def _field_rows(ours: Mapping[str, FieldScore], theirs: Mapping[str, FieldScore]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for name, score in ours.items():
        base = theirs.get(name)
        rows[name] = {
            "reference": score.reference,
            "attainable": score.attainable,
            "wikiwire": score.to_dict(),
            "baseline": base.to_dict() if base else None,
        }
    return rows


def evaluate_texts(
    reference_text: str | None,
    reference_infobox: Mapping[str, Any],
    documents: Sequence[Document],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    content: bool = True,
    event_id: str = "event",
    title: str | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    """Build ``documents`` and score the result against a reference infobox (and text).

    Takes the reference's prose (None to skip content metrics), its infobox ({field: string},
    as the dev corpus writes it) and the input reports. Returns the event's part of the report:
    ``fields`` (per field: reference, attainable, wikiwire's and the baseline's scores),
    ``content`` (or None), ``prose`` (the prose lint's counts, ``evaluation.prose``; None when
    the build failed), ``error`` (the build's error message, or None: a failed build scores
    zero on every field, it is not skipped). Raises ModelNotFoundError when no spaCy pipeline
    loads.
    """
    from wikiwire import analyse, pipeline

    nlp = nlp or analyse.load_nlp(model)
    if reference_text:
        # A reference stored in the seeds' format starts with its own date line.
        reference_text = ingest.split_date_line(reference_text)[1].strip() or None
    evidence = Evidence(tuple(Report(d.text, d.published) for d in documents))
    build: Build | None = None
    error: str | None = None
    try:
        build = pipeline.run(documents=documents, nlp=nlp)
    except WikiwireError as exc:
        error = str(exc)
    ours = scoring.score_fields(reference_infobox, predicted_facts(build), evidence)
    # The baseline reads the very sentences wikiwire analysed; if the build failed, it reads
    # the raw reports through the same spaCy pipeline instead.
    if build is not None:
        sentences = baseline.sentences_from_analysed(build.analysed)
        baseline_input = "analysed sources"
    else:
        docs = nlp.pipe(d.text for d in documents)
        sentences = baseline.sentences_from_docs(zip(docs, (d.published for d in documents), strict=True))
        baseline_input = "raw reports"
    theirs = scoring.score_fields(reference_infobox, baseline.naive_facts(sentences), evidence, fields=CORE_FIELDS)
    metrics = content_metrics(reference_text, build, nlp, evidence) if content and reference_text and build else None
    lint = prose.lint_article(build.article).to_dict() if build is not None else None
    return {
        "id": event_id,
        "title": title,
        "built_title": build.title if build else None,
        "title_ok": bool(build and title and same_title(build.title, title)),
        "kind": kind,
        "built_kind": build.facts.kind if build else None,
        "kind_ok": bool(build and kind and reference_kind(kind) == build.facts.kind),
        "reports": len(documents),
        "sources": len(build.sources) if build else 0,
        "error": error,
        "baseline_input": baseline_input,
        "fields": _field_rows(ours, theirs),
        "content": metrics,
        "prose": lint,
    }


# ---------------------------------------------------------------------------------------------
# The whole file


def _mean(values: Sequence[float]) -> float | None:
    value = scoring.mean(values)
    return None if value is None else round(value, 4)


# Content metrics whose ratio to LexRank the summary states (issue 11's target is on ROUGE-L
# and entity recall of the opening).
RATIO_METRICS = ("rouge1", "rouge2", "rougeL", "entity_recall", "entity_recall_attainable")


def _content_means(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Means over events of each system's metrics (``wikiwire``, ``lexrank``; counts of words
    and sentences averaged too) and ``ratio``: wikiwire's mean over LexRank's, per metric of
    RATIO_METRICS (None when LexRank's mean is 0)."""
    out: dict[str, Any] = {"wikiwire": {}, "lexrank": {}}
    for system in ("wikiwire", "lexrank"):
        for key in rows[0][system]:
            values = [r[system][key] for r in rows if r[system].get(key) is not None]
            out[system][key] = _mean(values)
    ratio: dict[str, float | None] = {}
    for key in RATIO_METRICS:
        ours, theirs = out["wikiwire"].get(key), out["lexrank"].get(key)
        ratio[key] = round(ours / theirs, 3) if ours is not None and theirs else None
    out["ratio"] = ratio
    return out


def summarise(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Per-field and overall accuracy over ``events`` (micro-averaged over event × field).

    ``overall`` is wikiwire over every scored field; ``core`` compares wikiwire and the
    baseline on the fields the baseline predicts. ``attainable`` figures count only fields
    (for location: parts) that some input report states. ``content`` holds the means of the
    whole article's and (``opening``) its opening's content metrics beside LexRank's, with
    their ratios; ``prose`` the prose lint's counts summed over the built articles.
    """
    fields: dict[str, Any] = {}
    all_ours: list[float] = []
    all_ours_att: list[float] = []
    core_ours: list[float] = []
    core_base: list[float] = []
    core_base_att: list[float] = []
    core_ours_att: list[float] = []
    for name in FIELDS:
        rows = [e["fields"][name] for e in events if name in e["fields"]]
        if not rows:
            continue
        attainable = [r for r in rows if r["attainable"]]
        ours = [r["wikiwire"]["score"] for r in rows]
        ours_att = [r["wikiwire"]["attainable_score"] for r in attainable]
        base = [r["baseline"]["score"] for r in rows if r["baseline"]]
        base_att = [r["baseline"]["attainable_score"] for r in attainable if r["baseline"]]
        fields[name] = {
            "n": len(rows),
            "unattainable": len(rows) - len(attainable),
            "wikiwire": _mean(ours),
            "wikiwire_attainable": _mean(ours_att),
            "baseline": _mean(base),
            "baseline_attainable": _mean(base_att),
        }
        all_ours += ours
        all_ours_att += ours_att
        if name in CORE_FIELDS:
            core_ours += ours
            core_ours_att += ours_att
            core_base += base
            core_base_att += base_att
    content_events = [e["content"] for e in events if e.get("content")]
    content: dict[str, Any] | None = None
    if content_events:
        content = {"events": len(content_events), **_content_means(content_events)}
        openings = [c["opening"] for c in content_events if c.get("opening")]
        content["opening"] = _content_means(openings) if openings else None
    linted = [prose.ProseCounts.from_dict(e["prose"]) for e in events if e.get("prose")]
    titled = [e for e in events if e.get("title")]
    return {
        "events": len(events),
        "failed_builds": sum(1 for e in events if e.get("error")),
        # The events file's title is the encyclopedia's; matching it ignores case only.
        "titles": {
            "matching": sum(1 for e in titled if same_title(e.get("built_title") or "", e["title"])),
            "of": len(titled),
        },
        "kinds": {
            "matching": sum(1 for e in events if e.get("kind_ok")),
            "of": sum(1 for e in events if e.get("kind")),
        },
        "fields": fields,
        "overall": {"wikiwire": _mean(all_ours), "wikiwire_attainable": _mean(all_ours_att), "n": len(all_ours)},
        "core": {
            "fields": list(CORE_FIELDS),
            "wikiwire": _mean(core_ours),
            "wikiwire_attainable": _mean(core_ours_att),
            "baseline": _mean(core_base),
            "baseline_attainable": _mean(core_base_att),
            "n": len(core_ours),
        },
        "content": content,
        "prose": {"events": len(linted), **prose.ProseCounts.total(linted).to_dict()} if linted else None,
    }


SPLITS_FILENAME = "splits.json"


def split_ids(events_path: Path, split: str, splits_path: Path | None = None) -> set[str]:
    """Ids of the events in ``split`` ("tune" or "check") of a splits file: ``splits_path``, or
    ``splits.json`` beside the events file ({"tune": [ids], "check": [ids]}).

    Raises SplitsFileError naming the splits file when it is missing, not JSON, or has no
    list called ``split``.
    """
    path = splits_path or Path(events_path).with_name(SPLITS_FILENAME)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SplitsFileError(str(path), f"no splits file for --split {split}") from None
    except (OSError, ValueError) as exc:
        raise SplitsFileError(str(path), f"cannot read the splits file: {exc}") from None
    ids = data.get(split) if isinstance(data, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        names = ", ".join(k for k, v in data.items() if isinstance(v, list)) if isinstance(data, dict) else ""
        raise SplitsFileError(str(path), f"no split {split!r} (splits here: {names or 'none'})")
    return set(ids)


def evaluate(events_path: Path, *, model: str | None = None, content: bool = True,
             split: str | None = None, splits_path: Path | None = None) -> dict[str, Any]:
    """Build every event of ``events_path`` and score it; returns the JSON-ready report.

    The report has ``events_file``, ``events`` (one ``evaluate_texts`` result each, with the
    event's id and title) and ``summary`` (see ``summarise``). Raises EventsFileError for an
    unreadable or malformed events file (naming file and line) before anything is built, and
    ModelNotFoundError when no spaCy pipeline loads.
    """
    from wikiwire import analyse

    wanted = split_ids(Path(events_path), split, splits_path) if split is not None else None
    events = read_events(Path(events_path))
    if wanted is not None:
        events = [e for e in events if e.id in wanted]
        if not events:
            raise SplitsFileError(str(events_path), f"no event of split {split!r} is in this file")
    nlp = analyse.load_nlp(model)
    results = [
        evaluate_texts(
            event.reference_text,
            event.infobox,
            event.documents,
            nlp=nlp,
            content=content,
            event_id=event.id,
            title=event.title,
            kind=event.kind,
        )
        for event in events
    ]
    return {"events_file": str(events_path), "split": split, "events": results, "summary": summarise(results)}


# ---------------------------------------------------------------------------------------------
# The printed table


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _cut(text: str, width: int = VALUE_WIDTH) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _mark(score: Mapping[str, Any] | None) -> str:
    if score is None:
        return "  —"
    value = float(score["score"])
    return " ok" if value == 1.0 else (" ~ " if value > 0 else " ✗ ")


def _summary_lines(summary: Mapping[str, Any]) -> list[str]:
    header = f"{'field':<14}{'wikiwire':>10}{'(attain.)':>11}{'baseline':>10}{'(attain.)':>11}{'n':>4}{'unattain.':>11}"
    lines = ["Field accuracy (mean score; attain. = over values some report states)", header, "-" * len(header)]
    for name, row in summary["fields"].items():
        lines.append(
            f"{name:<14}{_num(row['wikiwire']):>10}{_num(row['wikiwire_attainable']):>11}"
            f"{_num(row['baseline']):>10}{_num(row['baseline_attainable']):>11}{row['n']:>4}{row['unattainable']:>11}"
        )
    lines.append("-" * len(header))
    core, overall = summary["core"], summary["overall"]
    lines.append(
        f"{'core fields':<14}{_num(core['wikiwire']):>10}{_num(core['wikiwire_attainable']):>11}"
        f"{_num(core['baseline']):>10}{_num(core['baseline_attainable']):>11}{core['n']:>4}"
    )
    lines.append(f"{'all fields':<14}{_num(overall['wikiwire']):>10}{_num(overall['wikiwire_attainable']):>11}{'':>21}{overall['n']:>4}")
    lines.append("(the baseline predicts the core fields only: " + ", ".join(core["fields"]) + ")")
    titles = summary.get("titles")
    if titles and titles["of"]:
        lines.append(f"article titles equal to the reference title (case, dashes and \"the\" aside): {titles['matching']} of {titles['of']}")
    kinds = summary.get("kinds")
    if kinds and kinds["of"]:
        lines.append(f"event kind equal to the reference kind: {kinds['matching']} of {kinds['of']}")
    return lines


_CONTENT_LABELS = {"rouge1": "ROUGE-1 F1", "rouge2": "ROUGE-2 F1", "rougeL": "ROUGE-L F1", "entity_recall": "entity recall",
                   "entity_recall_attainable": "entity recall (stated)", "words": "words (mean)"}


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}x"


def _content_lines(summary: Mapping[str, Any]) -> list[str]:
    content = summary.get("content")
    lines: list[str] = []
    if content:
        opening_means = content.get("opening") or {"wikiwire": {}, "lexrank": {}, "ratio": {}}
        lines += ["", f"Content (mean over {content['events']} event(s) with a reference text; opening = the article's"
                  " first sentences up to the reference's length; LexRank = same length, same source sentences)",
                  f"{'metric':<24}{'opening':>10}{'lexrank':>10}{'ratio':>8}   {'article':>10}{'lexrank':>10}{'ratio':>8}"]
        for key, label in _CONTENT_LABELS.items():
            ours, lex, ratio = opening_means["wikiwire"].get(key), opening_means["lexrank"].get(key), opening_means["ratio"].get(key)
            whole, whole_lex, whole_ratio = content["wikiwire"].get(key), content["lexrank"].get(key), content["ratio"].get(key)
            fmt = (lambda v: "—" if v is None else f"{v:.0f}") if key == "words" else _num
            lines.append(f"{label:<24}{fmt(ours):>10}{fmt(lex):>10}{_ratio(ratio) if key != 'words' else '':>8}"
                         f"   {fmt(whole):>10}{fmt(whole_lex):>10}{_ratio(whole_ratio) if key != 'words' else '':>8}")
        for key, label in (("citation_coverage", "citation coverage"), ("verification_pass_rate", "verification pass rate")):
            lines.append(f"{label:<24}{'':>31}{_num(content['wikiwire'].get(key)):>13}")
    lint = summary.get("prose")
    if lint:
        lines += ["", f"Prose lint (sum over {lint['events']} article(s)): " + _lint_text(lint)]
    return lines


def _lint_text(counts: Mapping[str, Any]) -> str:
    return (f"{counts['sentences']} sentences; captions/credits {counts['captions']}, page notices {counts['notices']},"
            f" present-tense framing {counts['present']}, unresolved openers {counts['openers']},"
            f" repeated facts {counts['repeats']} (pairs)")


def _event_lines(event: Mapping[str, Any]) -> list[str]:
    head = f"{event['id']}: {event.get('title') or ''}"
    if event.get("built_title"):
        mark = "ok" if event.get("title_ok") else "✗"
        head += f"  (built: {mark} {event['built_title']}; {event['reports']} reports, {event['sources']} sources)"
    lines = ["", head]
    if event.get("kind"):
        lines.append(f"  {'kind':<13}ref {_cut(event['kind']):<{VALUE_WIDTH}} | ours{' ok' if event.get('kind_ok') else ' ✗ '} {event.get('built_kind') or ''}")
    if event.get("error"):
        lines.append(f"  build failed: {event['error']}")
    for name, row in event["fields"].items():
        ours, base = row["wikiwire"], row["baseline"]
        flag = "" if row["attainable"] else "  [unattainable: no report states it]"
        lines.append(
            f"  {name:<13}ref {_cut(row['reference']):<{VALUE_WIDTH}} | ours{_mark(ours)} {_cut(ours['predicted']):<{VALUE_WIDTH}}"
            f" | base{_mark(base)} {_cut(base['predicted']) if base else ''}{flag}"
        )
    content = event.get("content")
    if content:
        ours, lex = content["wikiwire"], content["lexrank"]
        lines.append(
            f"  content: ROUGE-1/2/L {ours['rouge1']:.2f}/{ours['rouge2']:.2f}/{ours['rougeL']:.2f}"
            f" (lexrank {lex['rouge1']:.2f}/{lex['rouge2']:.2f}/{lex['rougeL']:.2f}),"
            f" entity recall {ours['entity_recall']:.2f} (lexrank {lex['entity_recall']:.2f};"
            f" of the {content['stated_entities']} the reports name: {ours['entity_recall_attainable']:.2f}"
            f" vs {lex['entity_recall_attainable']:.2f}),"
            f" {ours['words']} words vs {lex['words']}"
        )
        opening_scores = content.get("opening")
        if opening_scores:
            first, first_lex = opening_scores["wikiwire"], opening_scores["lexrank"]
            lines.append(
                f"  opening ({first['words']} words of the reference's {content['reference_words']}):"
                f" ROUGE-L {first['rougeL']:.2f} (lexrank {first_lex['rougeL']:.2f}),"
                f" entity recall {first['entity_recall']:.2f} (lexrank {first_lex['entity_recall']:.2f})"
            )
    if event.get("prose"):
        lines.append("  prose lint: " + _lint_text(event["prose"]))
    return lines


def format_report(report: dict[str, Any]) -> str:
    """The report as the plain-text table the CLI prints: the summary table, content metrics,
    then one block per event with each field's reference, our value and the baseline's."""
    summary = report["summary"]
    split = f", split {report['split']}" if report.get("split") else ""
    lines = [f"wikiwire eval: {report['events_file']}{split} ({summary['events']} event(s)"
             + (f", {summary['failed_builds']} failed build(s))" if summary["failed_builds"] else ")"), ""]
    lines += _summary_lines(summary)
    lines += _content_lines(summary)
    for event in report["events"]:
        lines += _event_lines(event)
    return "\n".join(lines) + "\n"
