"""Rewrite a report's sentence into the encyclopedic register, or say why it cannot be.

A news sentence is written for the day it was published and in the reporter's voice. An
encyclopedia sentence is timeless and neutral. ``rewrite`` turns one into the other when a
rule can (weekday and relative dates made absolute with the source's anchor date, reporter
framing clauses removed or turned into plain attribution, loaded words replaced), and refuses
the sentence with a reason when no rule can (captions, bylines, tweets, questions, first-person
quotes without a speaker, unresolvable "recently", machine-translation fragments).

Everything here is regular expressions and word lists: no parser runs, so it costs microseconds
per sentence and can be applied to every sentence of hundreds of reports.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wikiwire.captions import QUOTE_SPAN as _QUOTE_SPAN
from wikiwire.captions import is_prose_caption, outside_quotes
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.records import Entity
from wikiwire.textkeys import lookup_key

__all__ = [
    "RewriteResult",
    "absolutise_dates",
    "explicit_dates",
    "format_date",
    "is_well_formed",
    "past_framing",
    "quoted_share",
    "relative_dates",
    "rewrite",
    "tidy_attribution",
]

# ---------------------------------------------------------------------------------------------
# dates

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A weekday followed by an explicit date ("Thursday, October 5") is only decoration: the
# weekday goes and the date stays.
_WEEKDAY_BEFORE_DATE = re.compile(
    rf"\b{_WEEKDAY},?\s+(?=(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}}))"
)
# "(on|this|last|next|early|late) Thursday('s)( morning|afternoon|evening|night)"
_WEEKDAY_PHRASE = re.compile(
    rf"\b(?P<prep>(?i:on|this|last|next|early|late|by|until|since|from|before|after)\s+)?"
    rf"(?<!Good )(?<!Black )(?<!Holy )(?P<day>{_WEEKDAY})(?P<poss>['’]s)?"
    rf"(?P<part>\s+(?:morning|afternoon|evening|night))?\b"
    # "Friday prayers" names a practice, not a date.
    r"(?!\s+(?:prayers?|sermons?|services?|mass|market)\b)"
)
# "a Wednesday night", "every Friday": a weekday as a kind of day, not a date; no rule turns
# it into one, so the sentence cannot be made absolute.
_GENERIC_WEEKDAY = re.compile(rf"\b(?:a|an|any|every|each)\s+{_WEEKDAY}\b", re.IGNORECASE)
# The same date written twice after a day word was resolved ("Yesterday, 7 October 2023" ->
# "on 7 October 2023, 7 October 2023").
_REPEATED_DATE = re.compile(r"\b(\d{1,2} [A-Z][a-z]+ \d{4}),? (?:on )?\1\b")
# Day words resolvable from the anchor date, with the offset in days.
_DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
}
# Lower case or capitalised only: "TODAY" and "TONIGHT" in capitals are the names of shows
# ("in an interview with TODAY"), not days.
_DAY_WORD = re.compile(
    r"\b(?P<word>[Ee]arlier today|[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening)|[Yy]esterday|"
    r"[Ll]ast night|[Tt]omorrow)(?P<poss>['’]s)?\b",
)
# Relative time no anchor date turns into a date: the sentence is dropped.
_UNRESOLVABLE_TIME = re.compile(
    r"\b(?:recently|this week|last week|next week|this month|last month|earlier this (?:week|month|year)|"
    r"later this (?:week|month|year)|in recent (?:days|weeks)|these days|at the moment|right now|as of now|"
    r"currently|still (?:ongoing|under way|underway|at large|missing)|remains? at large|"
    # A live update's clock ("As of 2:00 a.m., crews are reporting ...") on a day it does not name.
    r"^As of \d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|GMT|UTC|ET)|"
    # A forecast the reporter makes on publication day is stale once the article is read.
    r"(?:is|are) expected to (?:rise|climb|increase|grow|be released|be announced|be made public)|"
    r"news conference (?:is|was) (?:scheduled|expected|planned))\b",
    re.IGNORECASE,
)
# "two days ago": resolvable only with the anchor date, by ``facts.dates``.
_AGO = re.compile(r"\b(?:\w+|\d+) (?:days?|weeks?|months?|years?) ago\b", re.IGNORECASE)
# Time-relative openers that can simply go: the sentence stands without them.
_DROPPABLE_TIME_OPENER = re.compile(r"^(?:So far|As of yet|For now|To date|Until now|As yet)\s*,?\s*", re.IGNORECASE)
_DROPPABLE_TIME_INLINE = re.compile(r"(?:\s+(?:so far|as yet|to date|for now)|(?<=\bnot)\s+yet)\b(?=[\s,.])", re.IGNORECASE)

# Explicit dates inside text: "5 October 2023", "October 5, 2023", "Oct. 5", "2023-10-05".
_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_NAME})(?:,?\s+(?P<y>\d{{4}}))?\b")
_MDY = re.compile(rf"\b(?P<m>{_MONTH_NAME})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")


def format_date(day: dt.date) -> str:
    """A date as encyclopedia prose writes it ("5 October 2023"), via ``facts.dates`` when it
    provides ``format_date``."""
    external = _external("format_date")
    if external is not None:
        return str(external(day))
    return f"{day.day} {_MONTHS[day.month - 1].capitalize()} {day.year}"


def _external(name: str) -> Callable[..., object] | None:
    """A helper of ``wikiwire.facts.dates`` if that module provides it (it is written in
    parallel; until it does, the local rules here are used)."""
    try:
        from wikiwire.facts import dates
    except ImportError:  # pragma: no cover - the package always ships it
        return None
    found = getattr(dates, name, None)
    return found if callable(found) else None


def _month_number(name: str) -> int:
    key = lookup_key(name).rstrip(".")
    return _MONTHS.index(key) + 1 if key in _MONTHS else _MONTH_ABBR[key[:4] if key.startswith("sept") else key[:3]]


def explicit_dates(text: str, default_year: int | None) -> list[tuple[int, int, dt.date]]:
    """Explicit calendar dates in ``text`` as (start, end, date); a date without a year takes
    ``default_year`` (skipped when that is None). Impossible dates are skipped."""
    found: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ISO, _DMY, _MDY):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            year = int(m.group("y")) if m.group("y") else default_year
            if year is None:
                continue
            month = int(m.group("m")) if pattern is _ISO else _month_number(m.group("m"))
            try:
                day = dt.date(year, month, int(m.group("d")))
            except ValueError:
                continue
            found.append((m.start(), m.end(), day))
            taken.append((m.start(), m.end()))
    return sorted(found)


def _weekday_date(name: str, anchor: dt.date, prep: str) -> dt.date:
    """The date a weekday names, seen from ``anchor``: news is written about the past, so the
    latest such day on or before the anchor, unless the text says "next"."""
    target = _WEEKDAYS.index(name.lower())
    if prep == "next":
        return anchor + dt.timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
    return anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)


def relative_dates(text: str, anchor: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """Weekday and day-word expressions in ``text`` resolved against ``anchor``, as
    (start, end, date). Uses ``facts.dates.resolve_relative`` when it exists; otherwise the
    local rules (weekday = latest such day on or before the anchor; today/yesterday/tomorrow).
    Empty when ``anchor`` is None."""
    if anchor is None:
        return []
    external = _external("resolve_relative")
    if external is not None:
        try:
            spans = external(text, anchor)
        except (TypeError, ValueError):
            spans = None
        if isinstance(spans, list) and all(isinstance(s, tuple) and len(s) == 3 for s in spans):
            return [(int(s), int(e), d) for s, e, d in spans if isinstance(d, dt.date)]
    out: list[tuple[int, int, dt.date]] = []
    for m in _WEEKDAY_PHRASE.finditer(text):
        prep = (m.group("prep") or "").strip().lower()
        out.append((m.start("day"), m.end("day"), _weekday_date(m.group("day"), anchor, prep)))
    for m in _DAY_WORD.finditer(text):
        out.append((m.start("word"), m.end("word"), anchor + dt.timedelta(days=_DAY_WORDS[lookup_key(m.group("word"))])))
    return sorted(out)


def _drop_redundant_time(text: str) -> str:
    """``text`` without the time words ``absolutise_dates`` removes before resolving: a
    weekday right before a calendar date, and droppable time openers and phrases."""
    text = _WEEKDAY_BEFORE_DATE.sub("", text)
    text = _DROPPABLE_TIME_OPENER.sub("", text)
    return _DROPPABLE_TIME_INLINE.sub("", text)


def resolved_words(text: str, anchor: dt.date | None) -> list[str]:
    """The weekday and day words ``absolutise_dates`` would turn into dates in ``text`` ("on
    Thursday", "yesterday"), as written; empty when none (or no anchor)."""
    kept = _drop_redundant_time(text)
    return [kept[start:end] for start, end, _ in relative_dates(kept, anchor)]


def absolutise_dates(text: str, anchor: dt.date | None) -> str | None:
    """``text`` with weekday and day-word dates replaced by absolute dates ("on Thursday" ->
    "on 5 October 2023", "this afternoon" -> "on the afternoon of 5 October 2023").

    Returns None when the text holds relative time that cannot be resolved (no anchor date,
    or words such as "recently" and "this week").
    """
    text = _drop_redundant_time(text)
    if _UNRESOLVABLE_TIME.search(text) or _GENERIC_WEEKDAY.search(text):
        return None
    has_relative = bool(_WEEKDAY_PHRASE.search(text) or _DAY_WORD.search(text))
    if not has_relative:
        return _rewrite_leftovers(text, anchor)
    if anchor is None:
        return None

    def weekday(m: re.Match[str]) -> str:
        prep = (m.group("prep") or "").strip().lower()
        day = format_date(_weekday_date(m.group("day"), anchor, prep))
        return _phrase_for(prep, day, m.group("part"), bool(m.group("poss")))

    def day_word(m: re.Match[str]) -> str:
        word = lookup_key(m.group("word"))
        day = format_date(anchor + dt.timedelta(days=_DAY_WORDS[word]))
        part = word.split()[-1] if word.startswith("this ") else ("night" if word in ("tonight", "last night") else None)
        return _phrase_for("", day, f" {part}" if part else None, bool(m.group("poss")))

    text = _WEEKDAY_PHRASE.sub(weekday, text)
    text = _DAY_WORD.sub(day_word, text)
    text = _rewrite_leftovers(text, anchor) or ""
    if not text:
        return None
    text = _REPEATED_DATE.sub(r"\1", text)
    # "on on 5 October", "in on 5 October" after substitution into an existing preposition.
    return re.sub(r"\b(on|in|at)\s+on\s+", r"\1 ", text)


def _rewrite_leftovers(text: str, anchor: dt.date | None) -> str | None:
    """Relative expressions the local rules do not cover ("two days ago"), rewritten by
    ``facts.dates.rewrite_relative`` when it exists; None when one remains unresolved."""
    if not _AGO.search(text):
        return text
    external = _external("rewrite_relative")
    if anchor is None or external is None:
        return None
    out = str(external(text, anchor))
    return None if _AGO.search(out) else out


_KEPT_BEFORE_POSSESSIVE = frozenset({"on", "by", "until", "since", "from", "before", "after"})


def _phrase_for(prep: str, day: str, part: str | None, possessive: bool) -> str:
    """The absolute replacement for a relative day expression, keeping its preposition."""
    if possessive:
        # "Thursday's attack" -> "the attack": the date is stated elsewhere in the article. A
        # preposition before it stays ("the tally from Sunday's blast" -> "from the blast");
        # "last"/"this"/"next" only pointed at the day and go with it.
        return f"{prep} the" if prep in _KEPT_BEFORE_POSSESSIVE else "the"
    when = f"the {part.strip()} of {day}" if part else day
    if prep in ("", "on", "this", "last", "next"):
        return f"on {when}"
    if prep in ("early", "late"):
        return f"{prep} on {when}"
    return f"{prep} {when}"


# ---------------------------------------------------------------------------------------------
# what can never go into an article

# Image captions, bylines, social-media embeds, page furniture, reader prompts.
_NON_NEWS = re.compile(
    # A live blog's timestamped entry ("7:10 p.m. Residents reported ...").
    r"^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|ET|EDT|BST)?\s+[A-Z]|\b\d{1,2}:\d{2}\s*[ap]\.m\.$|"
    r"pic\.twitter\.com|https?://|www\.|@\w{2,}|#\w{2,}|\bBREAKING\b|\(Reporting by|\bEditing by\b|"
    r"\b(?:Images?|Photos?|Footage|Video|Pictures?) (?:shared|posted|obtained|seen|verified|published) (?:with|by|on)\b|"
    r"\b(?:Photo|Image|Picture|File photo|Caption)\s*:|\bGetty Images\b|\bvia (?:Reuters|AFP|AP)\b|"
    r"\bShare (?:this|it|on)\b|\bLeave a (?:Reply|comment)\b|\bemail address\b|\bSubscribe\b|"
    r"\bClick here\b|\bRead more\b|\bFollow us\b|\bAll rights reserved\b|©|\bCopyright\b|"
    r"\bsign up\b|\bnewsletter\b|\bcookies?\b|"
    # A photo described wherever it sits ("In this photo provided by ...", "(... file photo)").
    r"\bIn this (?:handout |file |undated |aerial )?(?:photo(?:graph)?|image|picture|video(?: still| grab)?|screenshot|screen ?grab)\b|"
    r"\bfile (?:photo|picture|image)\b|^(?:Image|Photo|Picture|Footage)s? (?:of|shows?|showing)\b|"
    # Notices about the page: machine summaries, outage and paywall text.
    r"\b(?:AI|machine)[- ]generated\b|\bsummari[sz]ation\b|\bfeature is (?:currently )?unavailable\b|"
    r"\byour support helps\b|\bcontinue reading\b",
    re.IGNORECASE,
)
# Reporters and commentators speaking as such: their opinion is not encyclopedic content.
_REPORTER_VOICE = re.compile(
    r"\b(?:journalist|correspondent|reporter|columnist|commentator|news anchor|editor-in-chief|"
    r"our (?:reporter|correspondent|team)|this (?:reporter|writer|newspaper|publication|website))\b",
    re.IGNORECASE,
)
# "X told the news agency" without a named outlet is the wire's framing of an anonymous
# witness; the sentence is not attributable.
_ANON_TOLD = re.compile(r"\btold (?:the|this) (?:news )?(?:agency|newspaper|outlet|website|channel|station|broadcaster)\b", re.IGNORECASE)
# The outlet's account of its own sourcing: "sources tell the I-Team", "spoke on condition of
# anonymity", "were not authorized to discuss": the reporter's framing, not the event.
_SOURCING_FRAME = re.compile(
    r"\bsources? (?:tells?|told) (?:the )?[A-Z]|\bon (?:the )?condition of anonymity\b|"
    r"\bnot (?:authori[sz]ed|permitted|allowed) to (?:publicly |speak |comment )*(?:discuss|speak|comment|talk)\b|"
    r"\b(?:declined|did not want|didn['’]t want|asked not|requested not) to be (?:named|identified)\b|\bspoke (?:to [A-Z]\w+ )?anonymously\b|\banswered the (?:tele)?phone\b",
)
# "..., a security source cited by Reuters said." -> "..., according to a security source."
_CITED_BY = re.compile(
    r",\s*(?P<who>[^,“”\"]{3,120}?)\s+(?:(?:cited|quoted) by|told|speaking to|said to)\s+"
    r"(?P<outlet>Reuters|AFP|AP|Xinhua|Anadolu(?: Agency)?|Al[- ]Jazeera|the BBC|BBC|CNN|[A-Z][A-Za-z]+ (?:News|TV|Agency))"
    r"(?:\s+(?:said|says|reported))?\s*(?P<end>[.!])$"
)
# A sentence that points back at the report's previous one: "Seventeen others would also
# die", "Others were injured", "A spokesman claims this, explaining ...". Out of its report the
# referent is gone.
_DANGLING_REFERENCE = re.compile(
    r"^(?:(?:[A-Z][a-z]+|\d+) )?others\b|^Others\b|"
    r"\b(?:claims?|claimed|confirmed|confirms|denied|denies|said|says|reported|reports|explained|added)\s+(?:this|that)\s*[,.;]",
)
# "at least nine of them were civilians", "Among them, ...": a group named only in the
# report's previous sentence.
_GROUP_ANAPHOR = re.compile(r"\b(?:[Oo]f|[Aa]mong|[Ii]ncluding) (?:them|those|these)\b(?!\s+(?:who|which|that|killed|injured|wounded|dead)\b)")
# A group the same sentence has already named ("20 people were killed, among them children").
_GROUP_NAMED = re.compile(
    r"\b(?:people|persons|victims|dead|injured|wounded|children|civilians|soldiers|students|passengers|"
    r"workers|residents|cadets|officers|members|casualties|others|families|men|women)\b",
    re.IGNORECASE,
)
# "The Army said he enlisted in 2002": a person reported on with no name in the sentence.
_ORPHAN_PRONOUN = re.compile(r"^[^,;]{0,60}?\b(?:said|says|added|confirmed|stated|believe|believes|believed|suspect|suspected)\s+(?:that\s+)?(?:he|she)\b")
# Editorial voice: opinion or foreshadowing the reporter adds.
_EDITORIAL = re.compile(
    r"\b(?:it seems|it appears that|it is likely|is likely to|undoubtedly|needless to say|"
    r"(?:somber|sombre|stark|grim) reminder|serves? as a reminder|it is worth noting|"
    r"it remains to be seen|only time will tell|we (?:will|must|can|should)|"
    # Forecasts ("see little chance of a return to calm soon") age as soon as they are printed.
    r"(?:little|no|slim) (?:chance|prospect|hope)s? (?:of|for)\b[^.]*\bsoon)\b",
    re.IGNORECASE,
)
# Reporter-framing openers that carry no fact: removed, the rest of the sentence stays.
_FRAMING_OPENER = re.compile(
    r"^(?:In a (?:recent|new|fresh|latest|shocking|tragic|deadly) (?:wave|development|turn|twist|escalation|string|series)(?: of [a-z ]+)?|"
    r"In a (?:recent|new) turn of events|Notably|Furthermore|Moreover|Additionally|In addition|"
    r"On the other hand|During this time|In the meantime|However|For (?:his|her|its|their) part|Tragically|Sadly|Interestingly|Importantly|Significantly|Crucially|Unfortunately|"
    # Discourse connectives tie a sentence to the one before it in the report; in an article
    # assembled from many reports that neighbour is gone, so they dangle.
    r"Meanwhile|Separately|Elsewhere|Nonetheless|Nevertheless|Likewise|Similarly|Besides|Indeed|Also|"
    r"At the same time|In turn|Still|Then|"
    r"According to (?:media|press|news) reports)\s*,\s*",
    re.IGNORECASE,
)
# A conjunction or stray bullet opening a sentence ties it to the report's previous one.
_CONJUNCTION_OPENER = re.compile(r"^(?:[-–•]\s*(?=[\"“A-Z])|(?:But|And|Yet|So)\s+(?=[A-Z\"“]|[a-z]+\s))")
# A date or wire name set before the lede ("August 1: ", "KAZINFORM The death toll ...",
# "ISTANBUL An afternoon blast ..."): an all-capitals word before a sentence opener.
_DATE_DATELINE = re.compile(rf"^{_MONTH_NAME}\s+\d{{1,2}}\s*(?::|[–—-])\s*(?=[A-Z])")
_CAPS_PREFIX = re.compile(r"^(?:[A-Z]{4,}[.,]?\s+)+(?=(?:The|A|An|At|In|On|More|Police|Officials|Authorities|Rescuers)\b)")
# "Tsaka also said", "Khar further said": the adverb points back at the report's previous
# sentence; without it the statement stands alone.
_ALSO_SAID = re.compile(
    r"^(?P<who>(?:[A-Z][\w'’.-]+\s+){0,4}?[A-Z][\w'’.-]+)\s+(?:also|further|then|later|additionally)\s+"
    r"(?=(?:said|says|told|added|stated|noted|confirmed|announced|reported|explained|revealed|warned)\b)"
)
# A dateline ("BEIRUT: ", "ERBIL (Kurdistan 24) – ", "ANKARA (AA) - ", "Homs: ").
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,30}|[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)?)(?:\s*\([^)]{1,40}\))?\s*(?::|[–—-]{1,2})\s*(?=[A-Z0-9“\"‘])"
)
# "told Reuters" inside a sentence: the outlet is the reporter's framing, the speaker stays.
_TOLD_OUTLET = re.compile(
    r"\btold (?:Reuters|AFP|AP|Xinhua|Anadolu(?: Agency)?|Al[- ]Jazeera|the BBC|BBC|CNN|reporters|journalists|the media)\b"
    # Only where "said" reads in its place: before the end, a comma or "that". "told
    # Al-Jazeera with a group of volunteers" is a garbled translation; "said with a group"
    # would be worse.
    r"(?=\s*(?:[.,;:!]|that\b|$))"
)
# Any "told <outlet>" left after that: the sentence cannot be repaired.
_TOLD_OUTLET_ANY = re.compile(
    r"\btold (?:Reuters|AFP|AP|Xinhua|Anadolu(?: Agency)?|Al[- ]Jazeera|the BBC|BBC|CNN)\b"
)
# Metadata that scraping left at the start of a line ("date 2023-11-14 ...").
_METADATA_PREFIX = re.compile(r"^(?:date|published|updated|posted)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:+]+)?\s*", re.IGNORECASE)
# Loaded words a neutral article does not use in its own voice (quotes keep them).
_LOADED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\btragically\s+", re.IGNORECASE), ""),
    (re.compile(r"\b(?:tragic|heinous|horrific|shocking|brutal|cowardly)\s+(?=(?:incident|attack|event|act|strike|killing))", re.IGNORECASE), ""),
    (re.compile(r"\bthe martyrdom of\b"), "the deaths of"),
    (re.compile(r"\bmartyrdom\b"), "deaths"),
    (re.compile(r"\bmartyrs\b"), "dead"),
    (re.compile(r"\bregime\b(?! change)"), "government"),
    (re.compile(r"\bRegime\b(?! change)"), "Government"),
    (re.compile(r"\bongoing\s+"), ""),
)
_MARTYRED = re.compile(r"\b(were|was) martyred\b")

# Quotes and who says them.


# A report's note on its own outlet ("X is a Pakistani news channel launched in 2002"): about
# the page, not the event.
_OUTLET_BLURB = re.compile(
    r"^[A-Z][\w&.'’ -]{1,40}? (?:is|was) an? (?:[\w-]+ ){0,4}?(?:news (?:channel|agency|network|website|outlet|service)|"
    r"newspaper|broadcaster|(?:television|TV|radio) (?:channel|network|station))\b"
)


def quoted_share(text: str) -> float:
    """The share of ``text``'s characters inside quotation marks (0 for no text)."""
    return sum(len(m.group(0)) for m in _QUOTE_SPAN.finditer(text)) / len(text) if text else 0.0


def cut_quotation(text: str) -> bool:
    """True when ``text`` holds an unmatched quotation mark: the sentence split cut a
    quotation, so the text either ends one begun in the sentence before ('... reach those
    places."', the quoted words then read as the article's own) or stops inside one ('told
    Skai TV: "Windows were being smashed ...')."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


# Case-sensitive apart from a capital first letter: "US" is a country, not "us".
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e've|us|[Oo]ur|[Oo]urs)\b")
# Nouns that name an institutional speaker without a named entity ("the ministry said").
_SPEAKER_NOUNS = re.compile(
    r"\b(?:ministry|ministries|army|military|government|police|command|commander|spokes(?:man|woman|person)|"
    r"minister|president|official|officials|agency|observatory|monitor|authorities|statement|governor|"
    r"mayor|sheriff|chief|council|committee|office|department|service|forces|group|organi[sz]ation|"
    r"prime minister|secretary|envoy|ambassador|regime|spokesperson|monitor|council)\b",
    re.IGNORECASE,
)
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

# ---------------------------------------------------------------------------------------------
# well-formedness

# Shortest and longest sentences an article keeps (words). Under 6 words a news "sentence" is
# almost always a fragment (a caption, a bio line, "Drone attack kills 7"); over 70 it is a
# run-on that spaCy failed to split.
MIN_WORDS = 6
MAX_WORDS = 70
# Share of words written in capitals above which a line is a headline or a shout, not prose.
# High, because a list of countries ("Condolences came from Russia, Iran, Egypt ...") is prose.
MAX_CAPITALISED_SHARE = 0.85
# Below this many words a sentence must show a verb from the list: short verbless lines are
# bios and captions ("Coffee lover. Keen traveller."). Longer ones are prose even when their
# verb is not in the list ("Diplomats see little chance of ...").
VERB_CHECK_WORDS = 10
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|shall|should|"
    r"do|does|did|said|says|say|told|tells|took|take|takes|made|make|makes|left|leaves|went|goes|came|"
    r"comes|hit|hits|struck|strikes|killed|kill|kills|died|dies|fell|falls|began|begins|held|holds|"
    r"gave|gives|saw|sees|found|finds|lost|loses|led|leads|met|meets|ran|runs|sent|sends|set|sets|"
    r"put|puts|shot|shoots|fled|flees|rose|rises|spoke|speaks|thought|knew|became|becomes|remains|"
    r"continues|claims|reports|shows|blames|targets|accuses|calls|expects|vows|urges|"
    r"[a-z]{2,}(?:ed|en))\b",
    re.IGNORECASE,
)
# A capitalised function word after a lower-case word mid-sentence: the mark of machine
# translation gone wrong ("... drone Launched against", "Drones In a country").
_FUNCTION_WORDS = (
    "In", "On", "At", "Of", "For", "With", "Without", "To", "From", "By", "And", "But", "Or", "The",
    "A", "An", "It", "Its", "This", "That", "These", "Those", "Which", "Who", "As", "If", "When",
)
# "had abandoned the place few minutes before": "few" without "a" before a span of time is
# the mark of a machine translation (English says "a few minutes before").
_BROKEN_FEW = re.compile(r"(?<!\ba )(?<!\bvery )(?<!\bthe )\bfew (?:seconds|minutes|hours|days) (?:before|after|later|earlier|ago)\b")
_BROKEN_CAPITAL = re.compile(
    r"(?<=[a-z,]) (?:" + "|".join(_FUNCTION_WORDS) + r") (?=[a-z])|"
    r"(?<=[a-z]) [A-Z][a-z]+(?:ed|ing) (?=(?:against|on|in|at|by|to|from|the|a|an)\b)"
)
# The event itself as the speaker: "The collapse has cited a mass casualty incident ...". An
# attack or a collapse cannot cite, say or announce anything; machine-written live updates
# produce this when the real speaker (an agency, a fire department) drops out. A reduced
# relative ("The quake reported by the USGS", "The attack, said to ...") is not one.
_EVENT_AS_SPEAKER = re.compile(
    r"^(?:The|This|That) (?:[\w-]+ ){0,2}?(?:attack|strike|bombing|blast|explosion|shooting|collapse|"
    r"earthquake|quake|tremor|crash|collision|fire|flood|storm|disaster|incident|tragedy)s? "
    r"(?:has |have |had )?(?:cited|said|says|stated|states|announced|announces|told|tells)\b"
    r"(?!\s+(?:by|to be|to have)\b)"
)
_TERMINAL = re.compile(r"[.!][”’\"')\]]*$")


@dataclass(frozen=True)
class RewriteResult:
    """A rewritten sentence, or None with the reason it cannot go into an article."""

    text: str | None
    reason: str | None = None


def is_well_formed(text: str) -> bool:
    """True when ``text`` reads as a complete sentence of prose: ends like a sentence, has a
    verb, is neither a fragment nor a headline, and has no machine-translation junk (stray
    capitals, "few minutes before", the event itself cited as the speaker)."""
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not _TERMINAL.search(text):
        return False
    if text.rstrip("”’\"') ").endswith("?"):
        return False
    if len(words) < VERB_CHECK_WORDS and not _VERB.search(text):
        return False
    capitalised = sum(1 for w in words[1:] if w[:1].isupper())
    if len(words) > 3 and capitalised / (len(words) - 1) > MAX_CAPITALISED_SHARE:
        return False
    return not (_BROKEN_CAPITAL.search(text) or _BROKEN_FEW.search(text) or _EVENT_AS_SPEAKER.search(text))


def _has_named_speaker(text: str, entities: Sequence[Entity]) -> bool:
    """True when the part of ``text`` outside its quotes names who is speaking."""
    spans = [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]
    for ent in entities:
        if ent.label in _SPEAKER_LABELS and not any(s <= ent.start < e for s, e in spans):
            return True
    return bool(_SPEAKER_NOUNS.search(outside_quotes(text)))


# Present-tense framing of the day of the report. An article narrates the event in the past:
# "is underway" / "are on fire" become "was under way" / "were on fire", a reporting verb in
# the present becomes past, and a present progressive in the narration ("Rescuers are
# searching") becomes past progressive. "now" marks the report's moment: with a present
# verb the sentence cannot be dated and goes.
_STATE_NOW = re.compile(
    r"\b(?P<be>is|are)\s+(?:(?:now|currently|still)\s+)?(?P<state>underway|under way|ongoing|on fire|in progress|in flames|at the scene)\b"
)
_PRESENT_SAY = re.compile(
    r"\b(?:says|confirms|tells|adds|announces|warns|stresses)\b(?=\s*(?:[.,;]|that\b|the\b|a\b|an\b|[A-Z0-9]|$))"
)
_PLURAL_SAY = re.compile(
    r"\b(?P<who>(?i:officials|authorities|police|witnesses|residents|sources|reports|experts|analysts|investigators|rescuers|doctors|workers|they))"
    r"\s+(?P<verb>say|confirm|tell|add|report|warn)\b"
)
_PAST_OF = {
    "says": "said", "confirms": "confirmed", "tells": "told", "adds": "added", "announces": "announced",
    "reports": "reported", "warns": "warned", "stresses": "stressed", "notes": "noted",
    "say": "said", "confirm": "confirmed", "tell": "told", "add": "added", "report": "reported", "warn": "warned",
}
# "is/are [still|currently] <verb>ing" as the narration's verb ("are searching", "is being
# deployed"); nouns and adjectives in -ing are not verbs.
_PROGRESSIVE = re.compile(r"\b(?P<be>is|are)\s+(?:(?:still|currently)\s+)?(?P<verb>[a-z]+ing)\b")
_ING_NOT_VERB = frozenset(
    {"something", "nothing", "anything", "everything", "building", "morning", "evening", "king", "thing",
     "ring", "wing", "ceiling", "meeting", "wedding", "funding", "string", "spring", "going", "according",
     "missing", "during", "interesting", "amazing", "shocking", "devastating", "alarming", "worrying",
     "concerning", "surprising", "disturbing", "heartbreaking", "outstanding", "ongoing", "willing"}
)
# "is now", "now stands at": a present that only holds on the day of the report.
_NOW_PRESENT = re.compile(r"^Now\b|\b(?:is|are|remains?|stands?)\s+now\b|\bnow\s+(?:is|are|stands?|remains?|has|have)\b")


def past_framing(text: str) -> str | None:
    """``text`` with the report's present-tense framing put in the past, or None when a
    "now" ties it to the day of the report. Quotes are left as spoken."""
    spans = [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]

    def outside(m: re.Match[str]) -> bool:
        return not any(s <= m.start() < e for s, e in spans)

    if any(outside(m) for m in _NOW_PRESENT.finditer(text)):
        return None

    def state(m: re.Match[str]) -> str:
        if not outside(m):
            return m.group(0)
        be = "was" if m.group("be") == "is" else "were"
        return f"{be} {'under way' if m.group('state') == 'underway' else m.group('state')}"

    def say(m: re.Match[str]) -> str:
        return _PAST_OF[m.group(0)] if outside(m) else m.group(0)

    def plural(m: re.Match[str]) -> str:
        return f"{m.group('who')} {_PAST_OF[m.group('verb')]}" if outside(m) else m.group(0)

    def progressive(m: re.Match[str]) -> str:
        if not outside(m) or m.group("verb") in _ING_NOT_VERB:
            return m.group(0)
        return f"{'was' if m.group('be') == 'is' else 'were'} {m.group('verb')}"

    text = _STATE_NOW.sub(state, text)
    text = _PRESENT_SAY.sub(say, text)
    text = _PLURAL_SAY.sub(plural, text)
    return _PROGRESSIVE.sub(progressive, text)


# Attribution glued into a toll sentence from a clause like "a spokesman for the interior
# ministry said": a preposition left at the front of the body, doubled "and", a possessive
# apostrophe with nothing owned.
_ATTRIBUTION_PREPOSITION = re.compile(r"^(?:For|Of|From|By|To|With)\s+(?=(?:the\s+)?[A-Za-z])")
_DOUBLED_AND = re.compile(r"\b(and|or)\s+\1\b")
_DANGLING_POSSESSIVE = re.compile(r"(?<=[a-z])s'(?=\s+(?:reported|said|gave|put|counted|and|or)\b|[;,.])")


def tidy_attribution(text: str) -> str:
    """A sentence naming who reported a figure, made grammatical: "For the interior ministry
    reported 19 deaths." -> "The interior ministry reported 19 deaths."; "X and and Y" ->
    "X and Y"; "a United Nations' reported" -> "a United Nations reported"."""
    text = _ATTRIBUTION_PREPOSITION.sub("", text)
    text = _DOUBLED_AND.sub(r"\1", text)
    text = _DANGLING_POSSESSIVE.sub("s", text)
    return _capitalise(text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _replace_loaded(text: str) -> str:
    """Loaded words replaced in the article's own voice; quoted words are left as spoken."""
    quotes = [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]
    if quotes:
        parts: list[str] = []
        last = 0
        for s, e in quotes:
            parts.append(_replace_loaded_plain(text[last:s]))
            parts.append(text[s:e])
            last = e
        parts.append(_replace_loaded_plain(text[last:]))
        return "".join(parts)
    return _replace_loaded_plain(text)


def _replace_loaded_plain(text: str) -> str:
    text = _MARTYRED.sub(r"\1 killed", text)
    for pattern, replacement in _LOADED:
        text = pattern.sub(replacement, text)
    return text


def rewrite(text: str, anchor: dt.date | None, entities: Sequence[Entity] = ()) -> RewriteResult:
    """Rewrite one source sentence into the encyclopedic register.

    Takes the sentence text, the source's anchor date (for "on Thursday") and the sentence's
    named entities (to tell a named speaker from an anonymous one). Returns the rewritten
    text, or None with the reason the sentence cannot be used. Pure, so cached: wire copy
    reprinted by many outlets is rewritten once.
    """
    return _rewrite(text, anchor, tuple(entities))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _rewrite(text: str, anchor: dt.date | None, entities: tuple[Entity, ...]) -> RewriteResult:
    text = _METADATA_PREFIX.sub("", " ".join(text.split()))
    outside = outside_quotes(text)
    if _NON_NEWS.search(text):
        return RewriteResult(None, "page furniture, caption or social-media embed")
    if cut_quotation(text):
        return RewriteResult(None, "part of a quotation cut by the sentence split")
    if _OUTLET_BLURB.match(text):
        return RewriteResult(None, "the outlet describing itself")
    if is_prose_caption(text):
        return RewriteResult(None, "photo caption")
    if _REPORTER_VOICE.search(outside):
        return RewriteResult(None, "reporter or commentator voice")
    if _ANON_TOLD.search(text):
        return RewriteResult(None, "anonymous statement framed by the news agency")
    if _SOURCING_FRAME.search(outside):
        return RewriteResult(None, "the outlet's framing of its sources")
    group = _GROUP_ANAPHOR.search(outside)
    if _DANGLING_REFERENCE.search(outside) or (group and not _GROUP_NAMED.search(outside[: group.start()])):
        return RewriteResult(None, "refers to something the report said before")
    if _ORPHAN_PRONOUN.search(outside) and not any(e.label == "PERSON" for e in entities):
        return RewriteResult(None, "pronoun without a referent")
    if _EDITORIAL.search(outside):
        return RewriteResult(None, "editorial opinion")
    if text.rstrip("”’\"') ").endswith("?"):
        return RewriteResult(None, "question")
    quoted = _QUOTE_SPAN.search(text)
    if quoted and not _has_named_speaker(text, entities):
        return RewriteResult(None, "quote without a named speaker")
    if quoted and _FIRST_PERSON.search(quoted.group(0)) and not any(e.label in {"PERSON", "ORG"} for e in entities):
        return RewriteResult(None, "first-person quote without a named speaker")

    text = _CONJUNCTION_OPENER.sub("", text)
    text = _DATELINE.sub("", _CAPS_PREFIX.sub("", _DATE_DATELINE.sub("", text)))
    text = _FRAMING_OPENER.sub("", text)
    text = _ALSO_SAID.sub(r"\g<who> ", text)
    cited = _CITED_BY.search(text)
    if cited:
        who = cited.group("who").strip()
        text = f"{text[: cited.start()]}, according to {who}{cited.group('end')}"
    text = _TOLD_OUTLET.sub("said", text)
    if _TOLD_OUTLET_ANY.search(outside_quotes(text)):
        return RewriteResult(None, "reporter framing that cannot be rewritten")
    dated = absolutise_dates(text, anchor)
    if dated is None:
        return RewriteResult(None, "relative time that cannot be made absolute")
    dated = past_framing(dated)
    if dated is None:
        return RewriteResult(None, "present-tense report framing")
    text = _capitalise(_replace_loaded(dated).strip())
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text))
    if not is_well_formed(text):
        return RewriteResult(None, "not a well-formed sentence")
    return RewriteResult(text)
