"""Reactions: who reacted (countries, organisations, officials) and how, compacted as editors do.

Reports list reactions one actor per sentence ("Brazil expressed its condolences.", "Algeria
offered condolences to the Syrian people."). An encyclopedia groups actors that took the same
stance into one sentence ("Algeria and Brazil expressed their condolences."), keeps reactions
with a quotation or a named official as they are, and separates the event country's own
government (Domestic) from the rest of the world (International).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from wikiwire.cues import ACTOR_LABELS, CONDEMNATION
from wikiwire.records import ArticleSentence, Entity

__all__ = ["Reaction", "compact", "is_country", "is_domestic", "is_domestic_text", "parse"]

Stance = Literal["condemned", "condolences", "concern", "restraint"]

# Cue of each stance, most specific first (a sentence that condemns and offers condolences is
# a condemnation: that is the stronger statement).
_STANCES: tuple[tuple[Stance, re.Pattern[str]], ...] = (
    ("condemned", re.compile(rf"\b(?:{CONDEMNATION})\b", re.IGNORECASE)),
    ("condolences", re.compile(r"\b(?:(?:expressed|offered|sent|conveyed|extended)\s+(?:(?:its|his|her|their)\s+)?(?:deep(?:est)?\s+|sincere\s+)?(?:condolences|sympathy|sympathies)|condolences)\b", re.IGNORECASE)),
    ("concern", re.compile(r"\b(?:expressed (?:(?:its|his|her|their) )?(?:deep |grave |serious )?concern|(?:deep(?:ly)?|gravely|seriously) concerned)\b", re.IGNORECASE)),
    ("restraint", re.compile(r"\b(?:called (?:for|on all (?:parties|sides) to exercise) (?:the utmost |maximum )?(?:restraint|calm|de-?escalation)|urged (?:restraint|calm)|(?:exercise|show) (?:the utmost |maximum )?restraint)\b", re.IGNORECASE)),
)
# The compacted wording of each stance, as an editor writes it.
_PHRASES: dict[Stance, str] = {
    "condemned": "condemned the {noun}",
    "condolences": "expressed their condolences",
    "concern": "expressed concern",
    "restraint": "called for restraint",
}
_SINGULAR_PHRASES: dict[Stance, str] = {
    "condemned": "condemned the {noun}",
    "condolences": "expressed its condolences",
    "concern": "expressed concern",
    "restraint": "called for restraint",
}
# Words that may sit between actor names in a list of actors ("Algeria, Brazil and the UAE").
_LIST_GLUE = re.compile(r"^(?:[\s,]|\band\b|\bthe\b|\balso\b|\bhave\b|\bhas\b|\bboth\b)*$", re.IGNORECASE)
# Longest reaction sentence still merged; longer ones say more than the stance and are kept.
MAX_COMPACT_WORDS = 25
_QUOTE = re.compile(r"[“”\"]")

def is_country(name: str) -> bool:
    """True when ``name`` is a country ("Brazil", "Russia", "the United Arab Emirates").
    Asks ``wikiwire.gazetteer``; when its place index cannot be loaded, the country spellings
    of ``wikiwire.aliases`` (pycountry's names and the press's, no index needed)."""
    try:
        from wikiwire import gazetteer

        return gazetteer.is_country(name)
    except (ImportError, OSError):
        from wikiwire import aliases

        key = name.strip()
        return aliases.country_code(key) is not None or aliases.country_code(re.sub(r"(?i)^the\s+", "", key)) is not None


@dataclass(frozen=True)
class Reaction:
    """A reaction sentence read: who reacted, with which stance, and whether the sentence is
    nothing more than that (``simple``: it can be merged with others of the same stance)."""

    actors: tuple[str, ...]
    stance: Stance
    subject: str  # the text before the stance cue: who is reacting
    simple: bool


def parse(text: str, entities: Sequence[Entity] = ()) -> Reaction | None:
    """The reaction a sentence states, or None when it states none.

    ``entities`` are the sentence's named entities (offsets into ``text``); actors are those
    named before the stance cue.
    """
    for stance, pattern in _STANCES:
        m = pattern.search(text)
        if m is None:
            continue
        subject = text[: m.start()]
        actors = tuple(e.text for e in entities if e.label in ACTOR_LABELS and e.end <= m.start())
        if not actors:
            return None
        rest = subject
        for actor in actors:
            rest = rest.replace(actor, " ")
        simple = (
            bool(_LIST_GLUE.match(rest))
            and not _QUOTE.search(text)
            and len(text.split()) <= MAX_COMPACT_WORDS
            and all(is_country(a) or _is_org(a, entities) for a in actors)
        )
        return Reaction(actors, stance, subject.strip(), simple)
    return None


def _is_org(name: str, entities: Sequence[Entity]) -> bool:
    return any(e.text == name and e.label == "ORG" for e in entities)


def is_domestic(reaction: Reaction, country_mention: re.Pattern[str] | None) -> bool:
    """True when the reacting actor belongs to the event's own country (its government,
    ministries, officials): ``country_mention`` matches the country or its demonym."""
    if country_mention is None:
        return False
    head = _subject_head(reaction.subject)
    # "the UN envoy for Syria" names the country as the object of a preposition: the actor
    # is foreign. "Syria's foreign ministry", "the Syrian president" are the country's own.
    return any(not _FOREIGN_PREP.search(head[: m.start()]) for m in country_mention.finditer(head))


def is_domestic_text(text: str, country_mention: re.Pattern[str] | None) -> bool:
    """``is_domestic`` for a reaction sentence whose stance was not parsed: the sentence's
    opening noun phrase decides."""
    head = _subject_head(text)
    # "The government declared ...": an institution named without a country is the event
    # country's own (a foreign one is always named by its country).
    if _OWN_INSTITUTION.match(head):
        return True
    if country_mention is None:
        return False
    return any(not _FOREIGN_PREP.search(head[: m.start()]) for m in country_mention.finditer(head))


_OWN_INSTITUTION = re.compile(
    r"^\s*the\s+(?:(?:national|federal|interim|transitional|state|local|provincial|regional)\s+)?"
    r"(?:government|authorities|president|prime minister|cabinet|parliament|army|military|"
    r"(?:\w+\s+)?ministry|(?:\w+\s+)?minister|presidency|police)\b",
    re.IGNORECASE,
)
_FOREIGN_PREP = re.compile(r"\b(?:for|to|in|on|with|about|towards?|against|at)\s+(?:the\s+)?$", re.IGNORECASE)


# A discourse opener before the actor ("Meanwhile, ...", "On Friday, ...").
_OPENER = re.compile(
    r"^(?:Meanwhile|However|Separately|Later|Earlier|Elsewhere|Additionally|Similarly|Likewise|"
    r"In (?:a|his|her|its|their) (?:statement|speech|message|letter)|On [^,]{1,30}),\s+"
)


def _subject_head(subject: str) -> str:
    """The actor's own noun phrase: the subject up to its first comma, so an apposition
    ("Putin, an ally of the Syrian government,") does not make a foreign actor domestic."""
    return _OPENER.sub("", subject.strip()).split(",")[0]


def _join(names: Sequence[str]) -> str:
    names = [n if not n.lower().startswith("the ") else "the " + n[4:] for n in names]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def compact(items: Sequence[tuple[ArticleSentence, Reaction | None]], *, noun: str = "attack") -> list[ArticleSentence]:
    """Merge simple reactions that share a stance into one sentence per stance.

    Takes article sentences with their parsed reaction (None for a sentence that is not one)
    and the noun for the event ("attack", "earthquake"). Returns the sentences in their
    original order, each merged group standing where its first member stood; a merged
    sentence cites every source of its members. Actors named twice are listed once.
    """
    groups: dict[Stance, list[tuple[ArticleSentence, Reaction]]] = {}
    for sentence, reaction in items:
        if reaction is not None and reaction.simple:
            groups.setdefault(reaction.stance, []).append((sentence, reaction))
    merged_at: dict[int, ArticleSentence] = {}
    absorbed: set[int] = set()
    for stance, members in groups.items():
        if len(members) < 2:
            continue
        actors: list[str] = []
        for _, reaction in members:
            for actor in reaction.actors:
                if actor.lower() not in {a.lower() for a in actors}:
                    actors.append(actor)
        phrase = (_PHRASES if len(actors) > 1 else _SINGULAR_PHRASES)[stance].format(noun=noun)
        text = f"{_join(actors)} {phrase}."
        text = text[:1].upper() + text[1:]
        sources = tuple(dict.fromkeys(s for sentence, _ in members for s in sentence.sources))
        evidence = tuple(dict.fromkeys(e for sentence, _ in members for e in sentence.evidence))
        ids = [id(sentence) for sentence, _ in members]
        merged_at[ids[0]] = ArticleSentence(text=text, sources=sources, evidence=evidence)
        absorbed.update(ids[1:])
    out: list[ArticleSentence] = []
    for sentence, _ in items:
        key = id(sentence)
        if key in absorbed:
            continue
        out.append(merged_at.get(key, sentence))
    return out
