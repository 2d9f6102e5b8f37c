"""Who states a sentence's facts: "according to X", "X said ...", "X told ...", "X's figures".

Shared by every extractor that records ``Claim.attributed_to`` (casualties, perpetrators...).
Rule-based on the sentence text plus its named entities: a reporting verb or phrase marks the
speaker, and the speaker is the noun phrase (an ORG/PERSON entity when spaCy found one there,
else the capitalised or role phrase next to the cue). Returns None when the sentence is the
reporter's own narration.
"""

from __future__ import annotations

import functools
import itertools
import re

from wikiwire.facts.prefilter import Needles, fold, required_needles
from wikiwire.records import Sentence
from wikiwire.textkeys import lookup_key

__all__ = ["attribute", "attribute_span", "attribute_text"]

# Verbs that introduce a statement; the speaker is the phrase right before them
# ("the ministry said", "police confirmed") or right after ("..., said the ministry").
_SPEECH_VERBS = (
    r"said|says|say|reported|reports(?=\s*(?:that\b|[.,]|$))|confirmed|confirms|announced|"
    r"announces|stated|told|tells|added|adds|estimated|counted|recorded|documented|"
    r"put|placed|raised|revised|updated|tallied|tweeted|wrote|noted|"
    r"claimed|declared|declares|warned|warns|posted|published|released|described|"
    r"spoke of|speaks of|cited|cites|"
    # "gave a higher figure", "has given a toll of": giving counts as stating only for figures.
    r"(?:gave|given|gives)(?=\s+(?:a|an|the|its|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:figure|toll|count|tally|number|estimate)s?\b)"
)

# A speaker phrase: an optional determiner, up to eight capitalised/connector words, or a
# role noun ("police", "officials", "the health ministry"). Eight words covers names such as
# "the Syrian Observatory for Human Rights" while stopping before the next clause.
_CAP_WORD = r"(?:[A-Z][\w'’.\-]*|al-\w+|of|for|and|the|de|on)"
_ROLE_NOUNS = (
    r"police|officials?|authorities|ministry|government|army|military|spokes(?:man|woman|person)|"
    r"governor|mayor|sheriff|coroner|officers?|medics|rescuers|doctors|hospital|witnesses|"
    r"residents|agency|agencies|monitor|observatory|(?:state )?media|state television|"
    r"television|TV|news agency|(?:civil )?defen[cs]e|helmets|red crescent|red cross|"
    r"united nations|UN|WHO|OCHA|department|office|command|commander|chief|director|minister|"
    r"president|prime minister|source|sources|group|organi[sz]ation|administration|regime|"
    r"authority|council|commission|service|services|institute|survey|centre|center"
)
# Lower-case words that may continue a body's name after "of/for/in" ("officials in Herat
# province", "the governor of Maine state").
_PLACE_NOUNS = r"province|city|state|county|district|region|department|town|village"
_NAME_PART = rf"(?:{_CAP_WORD}|{_ROLE_NOUNS}|{_PLACE_NOUNS})"
_SPEAKER = (
    rf"\b(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w\-'’]+\s+){{0,3}}?(?:{_ROLE_NOUNS})\b"
    rf"(?:\s+(?:of|for|in|at)\s+(?:the\s+)?{_NAME_PART}(?:\s+{_NAME_PART}){{0,5}}\b)?"
    rf"|\b(?:(?:the|a)\s+)?[A-Z][\w'’.\-]*(?:\s+{_CAP_WORD}){{0,7}}"
)

_ACCORDING_TO = re.compile(rf"\baccording to\s+(?P<who>{_SPEAKER})", re.IGNORECASE)
# "the ministry's figures", "the Observatory's toll": the owner of a figure is its source.
_POSSESSIVE_FIGURES = re.compile(
    rf"(?P<who>{_SPEAKER})['’]s?\s+(?:figures?|tally|toll|count|estimates?|data|statement|report)\b"
)
# "..., the ministry said." / "..., said the ministry."
_SPEAKER_VERB = re.compile(
    rf"(?P<who>{_SPEAKER})\s+(?:(?:has|have|had|later|also|earlier|then|(?:late |early )?on \w+|late|early|"
    rf"(?:by|in|during) the (?:morning|afternoon|evening|night))\s+)*(?:{_SPEECH_VERBS})\b"
)
# "This was reported by the Observatory", "figures released by the ministry".
_BY_SPEAKER = re.compile(
    rf"\b(?:reported|stated|announced|confirmed|said|cited|quoted|released|given|provided|"
    rf"issued|published|compiled|counted|recorded) by\s+(?P<who>{_SPEAKER})"
)
# Inverted order only with verbs of saying: in "X, a spokesman, told Reuters" Reuters listens.
_VERB_SPEAKER = re.compile(rf",\s*(?:said|says|reported|added|stated|confirmed|announced|noted)\s+(?P<who>{_SPEAKER})")
# "X, an NGO with contacts on the ground, reported": the speaker before an appositive.
_APPOSITIVE_SPEAKER = re.compile(
    rf"(?P<who>{_SPEAKER}),\s+(?:(?:an?|the)\s+|(?=(?:\w+\s+){{0,2}}(?:spokes\w+|head|chief|director|"
    rf"minister|official|commissioner|governor|president)\b))[^,]{{3,90}},\s+"
    rf"(?:(?:first|later|also|then|initially|earlier|\w+ly)\s+)?(?:{_SPEECH_VERBS})\b"
)

# Words that start a phrase the speaker regexes may catch but that never name a body: the
# sentence's own subject nouns and pronouns ("He said", "The toll rose", "It reported").
_NOT_SPEAKERS = frozenset(
    {
        "he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "the toll",
        "the death toll", "toll", "the attack", "the strike", "the blast", "the explosion",
        "people", "many", "some", "others", "who", "which", "the number", "the figure",
        "reports", "report", "media reports", "the report", "the statement", "a statement",
        "statement", "the", "a", "an", "but", "and", "in", "on", "at", "after", "before",
        "ministry", "the group", "group", "sources", "source", "preliminary data", "data",
        "initial reports", "early reports", "local media", "figures",
    }
)

# Openers that deny a speaker exists ("No group has claimed ...").
_NEGATED = re.compile(r"(?:no|none|nobody|neither)\b", re.IGNORECASE)
# A speaker that is nothing but a role noun, lowercased when it opens a sentence.
_ROLE_ONLY = re.compile(rf"(?:{_ROLE_NOUNS})", re.IGNORECASE)

# Titles that may precede a person's name and belong to the attribution ("Gov. Janet Mills").
_TITLE = re.compile(
    r"(?:Gov\.|Governor|Sen\.|Senator|Rep\.|Mayor|Sheriff|Chief|President|Minister|"
    r"Prime Minister|Dr\.|Col\.|Gen\.|Lt\.|Capt\.|Sgt\.|Commissioner|Secretary)\s+$"
)

# Entity labels that can be the body stating a fact.
_SPEAKER_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE"})

# Longest attribution we keep; anything longer is a clause, not a name.
MAX_ATTRIBUTION_CHARS = 80

# Leading words that are part of the matched clause, not of the speaker's name.
_LEAD_STRIP = re.compile(
    r"^(?:(?:and|but|as|while|which|whom|who|that|when|where|after|also|then|earlier|later|"
    r"meanwhile|separately|however|in|on|by|from|statements? from|reports? from|"
    r"(?:a )?statement (?:by|from)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|yesterday|tonight|earlier|later|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s+)+",
    re.IGNORECASE,
)
# Temporal openers caught in front of a speaker ("By the evening the monitor said", "On
# Friday, police said"): a time is never part of a body's name.
_TEMPORAL_LEAD = re.compile(
    r"^(?:(?:by|on|in|during|since|until|late|early|later|earlier|that|this|last|next)\s+){0,2}"
    r"(?:the\s+)?(?:(?:early|late|same|following|next|previous)\s+)?"
    r"(?:morning|afternoon|evening|night|day|weekend|week|midday|noon|midnight|dawn|dusk|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s+",
    re.IGNORECASE,
)
# A "speaker" that is only a day or a time names no body ("Saturday gave ...").
_ONLY_TIME = re.compile(
    r"(?:(?:late|early|on|by|last|this)\s+)*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"today|yesterday|tonight|morning|afternoon|evening|night|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)",
    re.IGNORECASE,
)
# "Police on Friday said": the day after the name is not part of it.
_TEMPORAL_TAIL = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:on|by|last|this)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|yesterday|tonight|morning|afternoon|evening|night)$",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^()]{0,60}\)")
_TRAIL_STRIP = re.compile(r"[\s,;:.]+$")


def _strip_lead(phrase: str) -> str:
    """``phrase`` without leading clause words and temporal phrases, repeatedly."""
    previous = None
    phrase = phrase.strip()
    while previous != phrase:
        previous = phrase
        phrase = _TEMPORAL_LEAD.sub("", _LEAD_STRIP.sub("", phrase))
    return phrase


def _trim(phrase: str) -> str | None:
    """Trim clause words around a matched speaker; None when nothing name-like is left."""
    phrase = _strip_lead(phrase)
    phrase = _TEMPORAL_TAIL.sub("", _TRAIL_STRIP.sub("", phrase))
    phrase = re.sub(r"\s+", " ", phrase)
    if not phrase or len(phrase) > MAX_ATTRIBUTION_CHARS:
        return None
    if phrase.lower() in _NOT_SPEAKERS or _NEGATED.match(phrase) or _ONLY_TIME.fullmatch(phrase):
        return None
    return phrase


def _normalise(phrase: str) -> str | None:
    """Final form of a speaker: sentence-initial capitals dropped, non-names rejected."""
    phrase = _trim(phrase) or ""
    if not phrase:
        return None
    # Sentence-initial capitals are not part of the name: "The Observatory" -> "the
    # Observatory", "Police" -> "police"; acronyms and proper names keep their case.
    if re.match(r"(?:The|A|An) ", phrase):
        phrase = phrase[0].lower() + phrase[1:]
    elif _ROLE_ONLY.fullmatch(phrase) and not phrase.isupper():
        phrase = phrase.lower()
    return phrase


def _widen_to_entity(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) to cover any speaker-like entity it overlaps, plus a title before it."""
    return _widen(sentence.text, _entity_spans(sentence), start, end)


def _entity_spans(sentence: Sentence) -> tuple[tuple[str, int, int], ...]:
    """(label, start, end) of the sentence's entities: all ``attribute`` reads of them."""
    return tuple((e.label, e.start, e.end) for e in sentence.entities)


def _widen(text: str, entities: tuple[tuple[str, int, int], ...], start: int, end: int) -> tuple[int, int]:
    """``_widen_to_entity`` on a sentence given as text and entity spans."""
    for label, ent_start, ent_end in entities:
        if label in _SPEAKER_LABELS and ent_start < end and ent_end > start:
            start, end = min(start, ent_start), max(end, ent_end)
    title = _TITLE.search(text[:start])
    if title:
        start = title.start()
    return start, end


# Sentence texts whose cue span is remembered: the same sentence is attributed once per fact
# found in it (figures, names, dates) and duplicate reports repeat sentences; bounded so a
# batch over thousands of reports keeps memory flat.
ATTRIBUTION_CACHE_SIZE = 8192


# The cue patterns, best first, each with the words one of which its matches hold
# (``prefilter``), so most patterns are skipped for most sentences.
_CUES: tuple[tuple[re.Pattern[str], Needles], ...] = tuple(
    (pattern, required_needles(pattern))
    for pattern in (_ACCORDING_TO, _BY_SPEAKER, _POSSESSIVE_FIGURES, _VERB_SPEAKER, _APPOSITIVE_SPEAKER, _SPEAKER_VERB)
)


@functools.lru_cache(maxsize=ATTRIBUTION_CACHE_SIZE)
def _best_phrase(text: str) -> tuple[int, int] | None:
    """Span of the most explicit attribution cue in ``text``, best cue first."""
    # Brackets ("(SOHR)", "(AP)") are blanked so a name runs on to its verb; offsets unchanged.
    text = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)
    folded = fold(text)
    for pattern, needles in _CUES:
        if not needles.in_folded(folded):
            continue  # the pattern cannot match (see _CUES)
        for match in pattern.finditer(text):
            raw = match.group("who")
            who = _trim(raw)
            if who:
                lead = len(raw) - len(_strip_lead(raw))
                offset = match.start("who") + lead
                return offset, offset + len(who)
    return None


def _shrink_to_tail(phrase: str) -> str:
    """Keep the speaker at the end of a long capture ("Officials in Syria's Health Ministry")."""
    # "X, Y said": the part after the last comma is the speaker.
    if "," in phrase:
        phrase = phrase.rsplit(",", 1)[1].strip()
    return phrase


# A discourse aside between a speaker and its verb ("Party sources, however, said") hides the
# speaker from the phrase patterns; it is blanked out (same length, so spans stay valid).
_ASIDE = re.compile(
    r",\s*(?:however|though|meanwhile|in turn|for (?:its|their|his|her) part|too|also|separately|in addition),(?=\s)",
    re.IGNORECASE,
)


def _without_asides(text: str) -> str:
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), text)


@functools.lru_cache(maxsize=ATTRIBUTION_CACHE_SIZE)
def attribute_text(text: str) -> str | None:
    """The body stating the facts of a plain sentence ``text``, or None (no entity help)."""
    text = _without_asides(text)
    span = _best_phrase(text)
    if span is None:
        return None
    return _normalise(_shrink_to_tail(text[span[0] : span[1]]))


def attribute(sentence: Sentence) -> str | None:
    """The body that states ``sentence``'s facts, or None when the sentence is unattributed.

    Takes an analysed Sentence (its entities refine the speaker's span: a whole ORG or PERSON
    name plus a leading title such as "Gov."). Returns the speaker as written in the sentence,
    e.g. "the Ministry of Health", "the Syrian Observatory for Human Rights", "police",
    "Gov. Janet Mills". Never raises.
    """
    return _attribute(sentence.text, _entity_spans(sentence))


# Casualties, perpetrators and the per-clause reading each attribute the same sentence.
@functools.lru_cache(maxsize=ATTRIBUTION_CACHE_SIZE)
def _attribute(text: str, entities: tuple[tuple[str, int, int], ...]) -> str | None:
    text = _without_asides(text)
    span = _best_phrase(text)
    if span is None:
        return None
    start, end = _widen(text, entities, *span)
    phrase = _shrink_to_tail(text[start:end])
    # Keep a determiner that directly precedes the name ("the Syrian Observatory ...").
    before = text[:start]
    det = re.search(r"\b(the)\s+$", before, re.IGNORECASE)
    if det and not phrase.lower().startswith("the "):
        phrase = f"{lookup_key(det.group(1))} {phrase}"
    return _normalise(phrase)


# Contrastive joints between clauses that may each have their own speaker ("the ministry
# said 89, whereas the Observatory put it at 120").
_CLAUSE_JOINT = re.compile(r",?\s+(?:whereas|while|but|and)\s+(?=\S+(?:\s+\S+){0,8}?\s+(?:said|reported|placed|put|gave|told|stated|counted|recorded|according to)\b)|;\s+|,?\s+whereas\s+")


def attribute_span(sentence: Sentence, start: int, end: int) -> str | None:
    """The body stating the part of ``sentence`` at [start, end) (a figure, a name).

    When the sentence joins clauses with their own speakers ("X reported 89, whereas Y put the
    toll at over 120"), the clause holding the span decides; otherwise the whole sentence
    does (see ``attribute``).
    """
    bounds = [0, *(m.end() for m in _CLAUSE_JOINT.finditer(sentence.text)), len(sentence.text) + 1]
    if len(bounds) > 2:
        for lo, hi in itertools.pairwise(bounds):
            if lo <= start < hi:
                clause = Sentence(
                    id=sentence.id,
                    source_id=sentence.source_id,
                    index=sentence.index,
                    paragraph=sentence.paragraph,
                    text=sentence.text[lo:hi],
                    entities=tuple(
                        e.model_copy(update={"start": e.start - lo, "end": e.end - lo})
                        for e in sentence.entities
                        if e.start >= lo and e.end <= hi
                    ),
                )
                who = attribute(clause)
                if who is not None:
                    return who
                break
    return attribute(sentence)
