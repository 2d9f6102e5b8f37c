"""Stage 2, clean: normalise text, drop non-news lines, merge near-duplicate reports.

Cleaning works line by line because a line is the unit news pages are built from: a
paragraph, a heading, a caption, a share button. Each non-news line is recognised by one
named rule (``furniture_reason``) and kept in ``Source.removed_lines`` so nothing vanishes
without trace. The rules are surface patterns (spaCy runs later, in ``analyse``); each is
written for a kind of page furniture, never for a particular outlet or event.

Near-duplicates (the same wire copy republished by several outlets) are found with MinHash
over word 5-shingles and an LSH index, so the cost grows linearly with the number of reports
instead of comparing every pair.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from wikiwire import language
from wikiwire.records import CleanResult, Document, Duplicate, Skipped, Source, TitleFrom

# ---------------------------------------------------------------------------------------------
# thresholds

# Estimated Jaccard similarity of word 5-shingles above which two reports are one wire copy.
# A republished wire story keeps most of its sentences word for word (outlets change the
# headline, the credit line, maybe drop a closing paragraph), which keeps it well above 0.7;
# two independent reports of the same event share quotes and figures but rarely more than
# 0.2 of their 5-word runs. 0.7 tolerates a trimmed copy without merging distinct reports.
DUPLICATE_THRESHOLD = 0.7
# Words per shingle: long enough that common phrases ("the Syrian Observatory for Human")
# shared by independent reports do not make them look alike, short enough that a light
# edit only breaks a few shingles.
SHINGLE_WORDS = 5
# MinHash permutations: 128 gives a similarity estimate within about +-0.09 (1/sqrt(128)),
# ample to separate copies (> 0.7) from distinct reports (< 0.3), at a small cost.
MINHASH_PERMUTATIONS = 128
# LSH (bands, rows per band): what datasketch's optimiser picks for DUPLICATE_THRESHOLD and
# MINHASH_PERMUTATIONS (a test keeps them in step), fixed because the optimiser integrates
# numerically each time an index is made, a few to 40 ms of every build.
LSH_BANDS = (14, 9)

# Prompts ("Share this", "Leave a comment") are short; a longer line that merely starts with
# such a word ("Subscribers to the service said...") is prose.
PROMPT_MAX_WORDS = 12
# Navigation rows: at least this many separated items, each this short ("Home | World | Sport").
NAV_MIN_ITEMS = 3
NAV_ITEM_MAX_WORDS = 3
# A line made only of menu words ("in World Europe", "Society") is a section label if short.
MENU_MAX_WORDS = 6
# Bylines name at most a few people and an outlet or desk; longer lines starting "By" are prose.
BYLINE_MAX_WORDS = 12
# A bare name next to the publication time is the byline; names are two to four words.
BARE_NAME_MIN_WORDS = 2
BARE_NAME_MAX_WORDS = 4
# Author bios sit at the end of a report; only the last few lines are checked so a news
# sentence describing a journalist ("X is a reporter who was wounded...") is not dropped.
BIO_TAIL_LINES = 3
BIO_MAX_WORDS = 60
# Self-description taglines ("Hardcore explorer. Extreme communicator. ..."): at least three
# fragments of at most six words; news has the occasional verbless fragment, not three in a
# row. A mean of at least 1.5 words per fragment spares terse prose ("Smoke. Sirens. Silence.").
TAGLINE_MIN_FRAGMENTS = 3
TAGLINE_MAX_FRAGMENT_WORDS = 6
TAGLINE_MIN_MEAN_WORDS = 1.5
# Cookie and copyright notices are a sentence or two; a long paragraph that mentions cookies
# is more likely a story about them.
NOTICE_MAX_WORDS = 60
# Datelines ("BEIRUT (Reuters) -") and headlines open a report: only its first lines are checked.
OPENING_LINES = 3
# A headline is a short line without end punctuation; longer lines without a full stop are
# usually prose that lost its punctuation.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 25
# A page's or events file's own title may run longer than a headline line (some sites append
# a standfirst), but past this it is a paragraph mistaken for a title.
PAGE_TITLE_MAX_WORDS = 40
# A headline says something: with dates and times taken out, at least this many words of two
# or more letters remain ("July 3, 2023 / 7:17 AM" leaves none).
HEADLINE_MIN_CONTENT_WORDS = 3
# Menu rows scraped without separators glue their items together ("NewsNational NewsSport"):
# two glued words in a short line are a menu, not a name like "McDonald".
GLUED_MIN = 2
# Social embeds carry several hashtags; news prose rarely has even one.
EMBED_MIN_HASHTAGS = 2

NO_NEWS_LEFT = "no news text left after cleaning"
NOT_ENGLISH = "written in {name} (langdetect, probability {p:.2f}); wikiwire reads English reports only"

# ---------------------------------------------------------------------------------------------
# normalisation

QUOTES = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"', "〝": '"', "〞": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    }
)  # fmt: skip
# Invisible characters that break word matching: zero-width spaces and joiners, word joiner,
# byte-order mark, soft hyphen.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SPACES = re.compile(r"\s+")
# UTF-8 read as Windows-1252 ("â€™" for "'", "Ã©" for "é"): a lead character of a multi-byte
# sequence followed by the right number of characters that stand for continuation bytes.
# Each such run is repaired on its own so one accented word elsewhere does not block it.
_UNDEFINED_CP1252 = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
# Each continuation byte as Windows-1252 shows it, and as a raw C1 control (Latin-1 readers).
_CONTINUATION = "".join(
    chr(b) if b in _UNDEFINED_CP1252 else bytes([b]).decode("cp1252") for b in range(0x80, 0xC0)
) + "".join(chr(b) for b in range(0x80, 0xA0))
_C = f"[{re.escape(_CONTINUATION)}]"
MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_C}|[\u00e0-\u00ef]{_C}{{2}}|[\u00f0-\u00f4]{_C}{{3}}")
# The same slip after the two invisible bytes were lost in copying ("Weâll", "Baltimoreâs"):
# only before an English contraction ending, so words like "château" are left alone.
BROKEN_APOSTROPHE = re.compile(r"(?<=[A-Za-z])â(?=(?:s|ll|t|re|ve|d|m)\b)")
BULLET = re.compile(r"^(?:[•·▪●◦‣*]|[-–](?=\s))\s*")
TRAILING_DOMAIN = re.compile(r"(?<=[.!?\"'])\s+(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|news|tv|info|co\.uk)$")


def normalise_text(text: str) -> str:
    """Unicode NFKC, straight quotes, no invisible or control characters, and single spaces
    within lines; line breaks (paragraph boundaries) are kept, blank lines removed."""
    lines = []
    text = HTML_INLINE_TAG.sub("", HTML_BREAK.sub("\n", text))
    for raw in text.splitlines():
        line = MOJIBAKE.sub(_repair_mojibake, raw)
        line = BROKEN_APOSTROPHE.sub("'", line)
        line = unicodedata.normalize("NFKC", line).translate(QUOTES)
        line = CONTROL.sub(" ", INVISIBLE.sub("", line))
        line = SPACES.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _repair_mojibake(match: re.Match[str]) -> str:
    """The character a mis-decoded UTF-8 sequence stood for, or the text unchanged."""
    text = match.group(0)
    try:
        raw = b"".join(ch.encode("latin-1") if ord(ch) < 0x100 else ch.encode("cp1252") for ch in text)
        return raw.decode("utf-8")
    except UnicodeError:
        return text


# ---------------------------------------------------------------------------------------------
# non-news line rules

MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
DATE_EXPR = (
    rf"(?:{WEEKDAY}\s+)?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
TIME_EXPR = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\d{1,2}\s*[ap]\.?m\.?)"

# "Published October 5, 2023", "Posted at 9:01 PM, Oct 25, 2023", "Thursday 5 October 2023 - 22:17"
TIMESTAMP = re.compile(
    rf"^(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|modified)(?:\s+(?:on|at))?:?\s*)?"
    rf"(?:{TIME_EXPR}[\s,]*(?:on\s+)?)?{DATE_EXPR}(?:[\s,|/–—-]*(?:at\s+)?{TIME_EXPR})?\W*$",
    re.IGNORECASE,
)
PROMPT = re.compile(
    r"^\W*(?:share(?:\s+(?:this|it|on|via|article|story|the (?:article|story)|your (?:thoughts|views))\b|\s*[:!]|\W*$)|leave a (?:comment|reply)|post (?:a )?comments?\b|add (?:a )?comment|comments?\b\s*(?:\(\d+\))?\W*$"
    r"|(?:sign|log) (?:up|in)\b|subscribe\b|register\b.*\b(?:comment|discussion)|read (?:more|next|also|the full)\b|also read\b"
    r"|see (?:more|also)\b|click here\b|tap here\b|follow us\b|join (?:us|the conversation|the discussion)\b"
    r"|download (?:our|the) app|get (?:our|the) (?:newsletter|app)|sign up for\b|newsletter\W*$"
    r"|related(?: stories| articles| coverage| links| content| news| topics)?\W*$|recommended(?: for you| stories)?\W*$"
    r"|(?:most )?(?:popular|read|viewed|trending)(?: now| stories| news)?\W*$|advertisement\W*$|sponsored(?: content)?\W*$"
    r"|skip to (?:main )?content|copy link\b|print(?: this)?(?: article| page)?\W*$|e-?mail(?: this)?(?: article)?\W*$"
    r"|you (?:may|might) also (?:like|be interested)|don't miss\b|more (?:from|on|stories)\b"
    r"|your email address will not be published|required fields are marked|report an error|send us (?:a )?tip)",
    re.IGNORECASE,
)
# A label followed by a promoted headline: dropped whatever its length.
PROMO_PREFIX = re.compile(r"^\W*(?:see more|read more|also read|read also|related|watch|listen|recommended|more|trending|explainer|opinion|video|photos)\s*:", re.IGNORECASE)
SOCIAL_WORDS = frozenset(
    ["facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "reddit", "pinterest", "messenger", "flipboard", "threads", "bluesky", "instagram", "tiktok", "youtube", "email", "e", "mail", "print", "copy", "link", "share", "this", "it", "on", "via", "article", "story"]
)
GLUED = re.compile(r"[a-z][A-Z][a-z]")
NAV_SEPARATOR = re.compile(r"\s*[|•·›»]\s*|\s+[>/]\s+")
MENU_WORDS = frozenset(
    ["home", "news", "world", "politics", "business", "sport", "sports", "opinion", "opinions", "video", "videos", "live", "menu", "search", "tech", "technology", "science", "health", "entertainment", "culture", "lifestyle", "weather", "society", "local", "national", "international", "europe", "asia", "africa", "americas", "middle", "east", "us", "uk", "latest", "breaking", "economy", "markets", "travel", "style", "arts", "region", "regions", "analysis", "features", "photos", "podcasts", "newsletters", "more", "in", "and", "&", "section", "topics", "top", "stories"]
)
BYLINE = re.compile(r"^\(?\s*(?:by|written by|words by|story by)\s+(.+?)\)?$", re.IGNORECASE)
NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'.-]*|[A-Z]\.|(?:al|el|de|da|van|von|bin|ibn|le|la|du|der)-?\w*|and|&)$")
NOT_A_NAME = re.compile(rf"^(?:{WEEKDAY}|{MONTH}|early|late|then|now|noon|midnight|mid-\w+)$", re.IGNORECASE)
CREDIT = re.compile(
    r"^\W*(?:(?:additional\s+)?(?:reporting|writing|editing|edited|written|compiled|produced|translated|research|graphics|fact-checking)"
    r"(?:\s+and\s+\w+)?\s+by\b|contributors?\s*:|contributing\s*:)",
    re.IGNORECASE,
)
AGENCIES = r"(?:AFP|AP|Reuters|Associated Press|Agence France-Presse|ANI|PTI|IANS|dpa|DPA|Xinhua|UPI|EFE|ANSA|Anadolu(?: Agency)?|AA|Bloomberg|TASS|Kyodo|Yonhap)"
AGENCY_ONLY = re.compile(rf"^\W*(?:with\s+)?{AGENCIES}(?:\s*(?:/|and|,)\s*{AGENCIES})*\W*$")
COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)\s|copyright\b)|all rights reserved|\btrademark\b.*\bregistered\b|\bregistered trademark\b", re.IGNORECASE)
COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
COOKIE_CONTEXT = re.compile(r"\b(?:we use|uses|use of|accept|consent|privacy|settings|preferences|browsing|experience|policy|continuing to)\b", re.IGNORECASE)
PHOTO_LABEL = re.compile(
    r"^\W*(?:photo(?:graph)?s?|images?|pictures?|pic|video|credit|caption|file photo|illustration|source|sources)(?:\s+(?:credit|source|by))?\s*:"
    r"|^\((?:photo|image|picture|credit|file)[^)]*\)$",
    re.IGNORECASE,
)
# A caption ends with its credit: "(Name Surname/Outlet)", "(AFP)", "Name Surname/Outlet".
CAPTION_CREDIT = re.compile(
    rf"\((?:[^()/]{{2,50}}/[^()]{{2,50}}|(?:photo|image|picture|credit|file)\b[^()]*|{AGENCIES}|Getty Images|EPA)\)\W*$"
    r"|(?:^|[.!?]\s+)(?:[A-Z][\w'.-]+\s){1,3}[A-Z][\w'.-]+\s?/\s?(?:[A-Z][\w'.&-]*\s?){1,4}$",
)
TWEET = re.compile(rf"pic\.twitter\.com/|\(@\w{{1,15}}\)\s*{MONTH}\s+\d|^\W*@\w{{1,15}}\W*$", re.IGNORECASE)
HASHTAG = re.compile(r"(?<![\w&])#\w")
BIO = re.compile(
    r"^(?:[A-Z][\w'.-]+\s){1,3}(?:(?:is|was|has been)\s+(?:a|an|our|the)\b.{0,80}?\b(?:correspondent|reporter|journalist|editor|writer|"
    r"columnist|contributor|producer|photographer|author|analyst|blogger|freelancer|intern)s?\b"
    r"|(?:writes|reports|blogs)\s+(?:about|on|for|from)\b|covers\b)",
)
FRAGMENT_SPLIT = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-z][\w'-]*")
# Function words and verbs that make a fragment a sentence rather than a self-description.
SENTENCE_WORDS = frozenset(
    ["i", "he", "she", "they", "we", "it", "you", "this", "that", "these", "those", "there", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "said", "says", "say", "told", "tells", "killed", "died", "struck", "hit", "attacked", "reported", "announced", "added", "according"]
)
DATELINE = re.compile(
    r"^(?:"
    r"[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+)*(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s*(?:[–—-]\s*)?(?:\([^()]{1,40}\)\s*)?"
    r"|\([^()]{1,40}\)\s*"
    r"|(?:[A-Z][\w'.]*,?\s(?:(?:with|and|for)\s)?){0,5}[A-Z][\w'.]*\s(?=[–—-])"
    r"|[A-Z][\w'.]*(?:\s[A-Z][\w'.]*)?(?=:)"
    r")(?:[:–—-]+\s*)(?=[A-Z0-9\"'(])"
)
END_PUNCTUATION = re.compile(r"[.!?:;\"')\]]$")
# Notices about the page rather than the event: machine summaries, outage and paywall text,
# appeals, widget labels. Matched anywhere in a short line: sites glue them to the story.
NOTICE = re.compile(
    r"\b(?:AI|machine)[- ]generated\b|\bgenerated (?:by|with|using) (?:AI|artificial intelligence)\b"
    r"|\bsummari[sz]ation\b.{0,40}\b(?:errors?|mistakes?|inaccura\w*)\b"
    r"|\bwe(?:'re| are) sorry\b|\b(?:feature|content|page|video) is (?:currently |temporarily )?(?:unavailable|not available)\b"
    r"|\byour support helps\b|\bsupport (?:our|independent) journalism\b|\bbecome a (?:member|subscriber)\b"
    r"|\b(?:subscribe|subscribers?|subscription)\b.{0,40}\b(?:to (?:continue|read|access|unlock)|exclusive|unlimited access)\b"
    r"|\b(?:already a subscriber|to continue reading|continue reading|read the full (?:story|article))\b"
    r"|\b(?:enable|turn on) javascript\b|\bexpand\s*/\s*collapse\b"
    r"|\bthis (?:article|story|summary|content) (?:was|is|has been) (?:automatically |partly )?(?:generated|summari[sz]ed|written|produced) (?:by|with|using) (?:AI|an? AI|artificial intelligence|a machine)\b",
    re.IGNORECASE,
)
# Widget labels glued to the start of a paragraph ("Comment this story Comment ISTANBUL An
# afternoon blast ..."): taken off, the paragraph stays.
LEADING_FURNITURE = re.compile(
    r"^(?:(?:comment this story(?:\s+comment)?|follow us on|skip to (?:main )?content|expand\s*/\s*collapse search|listen to this article)\b\W*)+",
    re.IGNORECASE,
)
# Inline markup a scraper left in the text: line breaks become paragraph breaks, the
# formatting tags go.
HTML_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
HTML_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|span|a|p|div|small|figcaption|u)\b[^<>]{0,200}>", re.IGNORECASE)
# Breadcrumbs a scraper left before a headline ("Home » World » ...", once quote-normalised
# 'Home " ...').
BREADCRUMB = re.compile(r"^(?:(?:home|news|world|latest)\s*[\"»>›/|:]\s*)+", re.IGNORECASE)
# A headline's site suffix: " | The Orient Ledger", " - Reuters", " — RT World News".
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<suffix>[^|–—]{2,60})$")
DATE_OR_TIME = re.compile(rf"{DATE_EXPR}|{TIME_EXPR}|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{4}}\b", re.IGNORECASE)
CONTENT_WORD = re.compile(r"[A-Za-z]{2,}")


def furniture_reason(line: str, *, from_end: int = 99) -> str | None:
    """The name of the rule that marks ``line`` as not news, or None when it is news.

    ``line`` is one normalised line; ``from_end`` is its position counted from the last line
    (0 = last), used by the author-bio rule, which only looks at the end of a report.
    Rules: prompt, promo, social, navigation, menu, byline, credit, agency, timestamp,
    copyright, cookie, notice, photo, caption, embed, bio, tagline.
    """
    words = line.split()
    n = len(words)
    if PROMO_PREFIX.match(line):
        return "promo"
    if n <= PROMPT_MAX_WORDS and PROMPT.match(line):
        return "prompt"
    tokens = re.findall(r"[a-z]+", line.lower())
    if tokens and n <= PROMPT_MAX_WORDS and all(t in SOCIAL_WORDS for t in tokens):
        return "social"
    items = [item for item in NAV_SEPARATOR.split(line) if item]
    if len(items) >= NAV_MIN_ITEMS and all(len(item.split()) <= NAV_ITEM_MAX_WORDS for item in items):
        return "navigation"
    if n <= MENU_MAX_WORDS and len(GLUED.findall(line)) >= GLUED_MIN:
        return "navigation"
    if tokens and n <= MENU_MAX_WORDS and all(t in MENU_WORDS for t in tokens) and not END_PUNCTUATION.search(line):
        return "menu"
    if _is_byline(line, n):
        return "byline"
    if CREDIT.match(line):
        return "credit"
    if AGENCY_ONLY.match(line):
        return "agency"
    if TIMESTAMP.match(line):
        return "timestamp"
    if n <= NOTICE_MAX_WORDS and COPYRIGHT.search(line):
        return "copyright"
    if n <= NOTICE_MAX_WORDS and COOKIE.search(line) and COOKIE_CONTEXT.search(line):
        return "cookie"
    if n <= NOTICE_MAX_WORDS and NOTICE.search(line):
        return "notice"
    if PHOTO_LABEL.match(line):
        return "photo"
    if CAPTION_CREDIT.search(line):
        return "caption"
    if TWEET.search(line) or len(HASHTAG.findall(line)) >= EMBED_MIN_HASHTAGS:
        return "embed"
    if from_end < BIO_TAIL_LINES and n <= BIO_MAX_WORDS and BIO.match(line):
        return "bio"
    if is_tagline(line):
        return "tagline"
    return None


def _is_byline(line: str, n_words: int) -> bool:
    match = BYLINE.match(line)
    if match is None or n_words > BYLINE_MAX_WORDS:
        return False
    # The first comma/pipe-separated part must be a name: capitalised words only, and not a
    # time phrase ("By Thursday evening, the toll had risen").
    name = re.split(r"\s*[,|;]\s*|\s+-\s+", match.group(1).strip())[0].split()
    if not name or NOT_A_NAME.match(name[0]) or not all(NAME_TOKEN.match(token) for token in name):
        return False
    return len(name) >= 2 or n_words <= 3


def is_tagline(line: str) -> bool:
    """Whether ``line`` is a self-description made of short verbless fragments.

    The rule: stripped of surrounding quotes, the line splits at sentence ends into at least
    TAGLINE_MIN_FRAGMENTS fragments of at most TAGLINE_MAX_FRAGMENT_WORDS words (mean at least
    TAGLINE_MIN_MEAN_WORDS), with no digits, no capitalised word after a fragment's first (so
    no names), and none of the pronouns, auxiliaries or reporting verbs a sentence would have.
    """
    body = line.strip().strip("\"'").strip()
    if any(ch.isdigit() for ch in body):
        return False
    fragments = [f for f in FRAGMENT_SPLIT.split(body) if f]
    if len(fragments) < TAGLINE_MIN_FRAGMENTS:
        return False
    counts = []
    for fragment in fragments:
        if fragment[-1] not in ".!":
            return False
        words = WORD.findall(fragment)
        if not 1 <= len(words) <= TAGLINE_MAX_FRAGMENT_WORDS:
            return False
        if any(w[0].isupper() for w in words[1:]) or any(w.lower() in SENTENCE_WORDS for w in words):
            return False
        counts.append(len(words))
    return sum(counts) / len(counts) >= TAGLINE_MIN_MEAN_WORDS


# ---------------------------------------------------------------------------------------------
# one document


@dataclass
class _Cleaned:
    document: Document
    lines: list[str]
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    published: dt.date | None = None
    title_from: TitleFrom | None = None


def clean_document(document: Document) -> _Cleaned:
    """Normalise one document and split its lines into news and removed furniture."""
    lines = normalise_text(document.text).split("\n")
    lines = [LEADING_FURNITURE.sub("", TRAILING_DOMAIN.sub("", BULLET.sub("", line))) for line in lines]
    result = _Cleaned(document, [], title=document.title, published=document.published)
    seen: set[str] = set()
    total = len(lines)
    reasons = [furniture_reason(line, from_end=total - 1 - i) if line else None for i, line in enumerate(lines)]
    for position, line in enumerate(lines):
        if not line:
            continue
        reason = reasons[position]
        if reason is None and _is_bare_name(line) and "timestamp" in reasons[max(0, position - 1) : position + 2]:
            reason = "byline"  # an author's name set next to the publication time, without "By"
        if reason == "timestamp" and result.published is None:
            result.published = date_in(line)
        if reason is not None or line in seen:
            result.removed.append(line)
            continue
        seen.add(line)
        result.lines.append(line)
    _strip_opening(result)
    return result


def _is_bare_name(line: str) -> bool:
    """Whether ``line`` is only a person's name ("JUAN PEREZ", "Mary Ann Holt")."""
    tokens = line.split()
    return BARE_NAME_MIN_WORDS <= len(tokens) <= BARE_NAME_MAX_WORDS and all(
        NAME_TOKEN.match(t) and not NOT_A_NAME.match(t) for t in tokens
    )


def _strip_opening(result: _Cleaned) -> None:
    """Take the headline into ``title`` and the dateline off the first paragraph.

    A title given by the page or events file is kept when it reads as a headline
    (``headline``), else a first line that does, and ``title_from`` says which. Without
    either the title stays None: later stages read ``title`` as the report's headline, so a
    stand-in (its first sentence) is only made where a reference needs one
    (``render.view.reference_title``).
    """
    lines = result.lines
    given = normalise_text(result.title or "").replace("\n", " ")
    result.title = headline(given, result.document.outlet, page=True) if given else None
    if result.title is not None:
        result.title_from = "page"
        if lines and (_same_text(lines[0], given) or _same_text(lines[0], result.title)):
            lines.pop(0)
    else:
        for index in range(min(OPENING_LINES, len(lines) - 1)):
            if _is_headline(lines[index]) and (found := headline(lines[index], result.document.outlet)):
                lines.pop(index)
                result.title, result.title_from = found, "headline"
                break
    for index in range(min(OPENING_LINES, len(lines))):
        match = DATELINE.match(lines[index])
        if match and len(lines[index]) > match.end():
            result.removed.append(match.group(0).strip())
            lines[index] = lines[index][match.end() :]
            break


def headline(text: str, outlet: str | None = None, *, page: bool = False) -> str | None:
    """``text`` tidied into a report's headline, or None when it is not one.

    Tidying takes off breadcrumbs ("Home » ") and a trailing site name that matches
    ``outlet`` (" | The Orient Ledger"). Not a headline: page furniture (a caption, credit,
    timestamp, prompt: ``furniture_reason``), a notice about the page (``NOTICE``), text with
    fewer than HEADLINE_MIN_CONTENT_WORDS words besides dates and times, or one longer than
    PAGE_TITLE_MAX_WORDS (a page's own title, ``page``) or HEADLINE_MAX_WORDS (a line).
    """
    title = BREADCRUMB.sub("", " ".join(text.split())).strip()
    suffix = TITLE_SUFFIX.search(title)
    if suffix and _names_outlet(suffix.group("suffix"), outlet):
        title = title[: suffix.start()].rstrip()
    if not title or furniture_reason(title) is not None or NOTICE.search(title):
        return None
    if len(CONTENT_WORD.findall(DATE_OR_TIME.sub(" ", title))) < HEADLINE_MIN_CONTENT_WORDS:
        return None
    if len(title.split()) > (PAGE_TITLE_MAX_WORDS if page else HEADLINE_MAX_WORDS):
        return None
    return title


def _names_outlet(suffix: str, outlet: str | None) -> bool:
    """Whether a title's suffix names the outlet ("The Orient Ledger" for "orientledger.net")."""
    if not outlet:
        return False
    squash = re.sub(r"[^a-z0-9]", "", suffix.casefold().removeprefix("the "))
    name = outlet.casefold().removeprefix("www.").removeprefix("the ")
    stem = re.sub(r"[^a-z0-9]", "", name.split(".")[0] if "." in name and " " not in name else name)
    return bool(squash and stem) and (squash in stem or stem in squash)


def _same_text(a: str, b: str) -> bool:
    return a.casefold().rstrip(". ") == b.casefold().rstrip(". ")


def _is_headline(line: str) -> bool:
    """A short line without end punctuation that opens with a capital or a figure."""
    start = line.lstrip("\"'(")[:1]
    return (
        HEADLINE_MIN_WORDS <= len(line.split()) <= HEADLINE_MAX_WORDS
        and not END_PUNCTUATION.search(line)
        and (start.isupper() or start.isdigit())
    )


DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_MDY = re.compile(rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
DATE_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH}),?\s+(\d{{4}})", re.IGNORECASE)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def date_in(line: str) -> dt.date | None:
    """The first calendar date written in ``line`` (ISO, "October 5, 2023", "5 Oct 2023")."""
    try:
        if m := DATE_ISO.search(line):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := DATE_MDY.search(line):
            return dt.date(int(m[3]), MONTHS.index(m[1][:3].lower()) + 1, int(m[2]))
        if m := DATE_DMY.search(line):
            return dt.date(int(m[3]), MONTHS.index(m[2][:3].lower()) + 1, int(m[1]))
    except ValueError:
        return None
    return None


# ---------------------------------------------------------------------------------------------
# near-duplicates and the stage


# Permutations are drawn once and shared: every sketch must use the same ones to be comparable,
# and drawing them per document would dominate the cost.
_TEMPLATE = MinHash(num_perm=MINHASH_PERMUTATIONS)
SHINGLE_WORD = re.compile(r"\w+")


def minhash(text: str) -> MinHash:
    """MinHash of the word SHINGLE_WORDS-shingles of ``text`` (lower-cased)."""
    words = SHINGLE_WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    sketch = MinHash(num_perm=MINHASH_PERMUTATIONS, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    sketch.update_batch(s.encode("utf-8") for s in shingles)
    return sketch


def clean(documents: Sequence[Document]) -> CleanResult:
    """Clean ``documents`` into Sources with ids "s1", "s2"... in input order.

    Near-duplicates are merged into the first copy's Source (listed in ``duplicates`` with
    their estimated similarity); documents left with no news text, or not in English
    (``language.foreign_language``), go to ``skipped`` with the reason. Raises nothing: a bad
    document is skipped, never fatal.
    """
    lsh = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=MINHASH_PERMUTATIONS, params=LSH_BANDS)
    kept: list[_Cleaned] = []
    sketches: list[MinHash] = []
    duplicates: dict[int, list[Duplicate]] = {}
    skipped: list[Skipped] = []
    for document in documents:
        cleaned = clean_document(document)
        if not cleaned.lines:
            skipped.append(Skipped(input=document.input, reason=NO_NEWS_LEFT))
            continue
        foreign = language.foreign_language("\n".join(cleaned.lines))
        if foreign is not None:
            skipped.append(Skipped(input=document.input, reason=NOT_ENGLISH.format(name=foreign.name, p=foreign.probability)))
            continue
        sketch = minhash("\n".join(cleaned.lines))
        best, similarity = _closest(lsh, sketches, sketch)
        if best is not None and similarity >= DUPLICATE_THRESHOLD:
            duplicates[best].append(
                Duplicate(
                    input=document.input,
                    url=document.url,
                    outlet=document.outlet,
                    title=cleaned.title,
                    published=cleaned.published,
                    similarity=round(similarity, 2),
                )
            )
            continue
        index = len(kept)
        lsh.insert(str(index), sketch)
        kept.append(cleaned)
        sketches.append(sketch)
        duplicates[index] = []
    sources = tuple(
        Source(
            id=f"s{index + 1}",
            input=item.document.input,
            text="\n".join(item.lines),
            url=item.document.url,
            outlet=item.document.outlet,
            title=item.title,
            published=item.published,
            duplicates=tuple(duplicates[index]),
            removed_lines=tuple(item.removed),
            title_from=item.title_from,
        )
        for index, item in enumerate(kept)
    )
    return CleanResult(sources=sources, skipped=tuple(skipped))


def _closest(lsh: MinHashLSH, sketches: list[MinHash], sketch: MinHash) -> tuple[int | None, float]:
    """The kept report most similar to ``sketch`` among LSH candidates, and the similarity."""
    best: int | None = None
    best_similarity = 0.0
    for key in lsh.query(sketch):
        index = int(key)
        similarity = float(sketch.jaccard(sketches[index]))
        if similarity > best_similarity or (similarity == best_similarity and best is not None and index < best):
            best, best_similarity = index, similarity
    return best, best_similarity
