"""Extract ``target`` claims (what was attacked) and ``weapons`` claims (what it was done with).

Targets come from phrases such as "an attack on X", "targeted X", "X was targeted". The
phrase X is cut to a short noun phrase with regexes (no parser): determiners dropped, cut
at the first preposition or clause word ("the graduation ceremony of the naval college in
the capital" -> "graduation ceremony"). Gatherings and people ("ceremony", "worshippers") weigh
more than buildings: when an attack on a building hits a gathering, the gathering is what was
targeted and the building is the venue (the location extractor reports venues).

Weapons come from a small vocabulary of weapon nouns with their modifiers ("explosive-laden
drones", "AR-15-style rifle", "knife"); a weapon in the hands of the attacker ("armed with",
"carrying", "with a") weighs more than one merely mentioned.

Claims are extracted for every kind of event; reconciliation keeps targets only for attacks.
``value`` is a normalised key used for voting (lower case, the head noun and one modifier:
"graduation ceremony", or the weapon's head noun: "drone"); ``display`` the phrase as written.
"""

from __future__ import annotations

import functools
import re

from wikiwire.facts.claim import claim_in
from wikiwire.facts.kinds import dominant_kind, match_kinds, sentence_relevance
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.places import is_country
from wikiwire.facts.prefilter import Needles, required_needles
from wikiwire.records import AnalysedSource, Claim, FactName, Sentence
from wikiwire.taxonomy import kind_for
from wikiwire.textkeys import lookup_key

__all__ = ["extract", "normalise_target", "occasion_phrases", "target_phrases", "weapon_phrases"]

# --- targets -------------------------------------------------------------------------------

# A run of words after the cue; cut later at the first stop word. Eight words is longer
# than any target head we keep and short enough not to run into the next clause.
_WORDS = r"(?P<np>[\w'’\-.]+(?:\s+[\w'’\-.]+){0,7})"
_ATTACK_NOUNS = r"attacks?|strikes?|airstrikes?|assaults?|bombings?|raids?|shootings?|offensive|ambush"
# The phrase is read in a lookahead so that one cue's words do not hide the next cue
# ("stormed a hotel and attacked a wedding party").
_ATTACK_ON = re.compile(
    rf"\b(?:(?:{_ATTACK_NOUNS})\s+(?:on|against|targeting)|(?:bomber|gunm[ae]n|attackers?|assailants?|drones?|missiles?|rockets?)\s+struck)\s+(?={_WORDS})",
    re.IGNORECASE,
)
_TARGETED = re.compile(
    rf"\b(?:targeted|targeting|targets|attacked|attacking|stormed)\s+(?:into\s+|onto\s+)?(?={_WORDS})",
    re.IGNORECASE,
)
# "targeted X" states the aim; "an attack on X" or "a bomber struck X" often just names the
# place that was hit.
TARGETED_WEIGHT = 1.0
ATTACK_ON_WEIGHT = 0.85
# "X was targeted by ...": the words before the passive verb, after the last clause break.
_PASSIVE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:when|after|as|where)\s+)(?P<np>[\w'’\- ]{3,80}?)\s+(?:was|were|had been|has been|is being)\s+(?:targeted|attacked|struck)\b",
    re.IGNORECASE,
)
# Words that end the target phrase: prepositions and clause openers. "of"/"for" are
# included because what follows them qualifies the head ("ceremony of the academy").
_STOP = frozenset(
    ["in", "at", "on", "near", "during", "where", "which", "who", "whom", "that", "when", "with", "by", "after", "before", "as", "and", "or", "but", "from", "for", "of", "to", "while", "since", "until", "amid", "killing", "injuring", "leaving", "resulting", "using", "causing", "immediately", "shortly", "just", "this", "today", "yesterday", "tonight", "last", "said", "says", "into", "onto", "was", "were", "is", "are", "has", "have", "had", "be", "been", "being", "causes", "caused", "kills", "killed", "kill", "held", "include", "includes", "included", "left", "leaves", "resulted", "took", "happened", "comes", "came", "collapsed", "attended", "hosted", "organised", "organized", "located", "situated"]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "several", "some", "two", "three"])
# Phrases that are not targets (pronouns, vague nouns, the attack itself).
_NOT_TARGETS = frozenset(
    ["it", "them", "him", "her", "us", "me", "you", "itself", "themselves", "the", "area", "areas", "place", "site", "scene", "targets", "target", "attack", "attacks", "strike", "country", "region", "city", "people's"]
)
# Heads naming gatherings or people: what an attack on a crowded place aims at.
_GATHERINGS = re.compile(
    r"\b(?:ceremony|ceremonies|parade|wedding|funeral|concert|festival|rally|gathering|"
    r"celebration|prayers?|worshippers|congregation|crowds?|market|students|pupils|"
    r"cadets|graduates|civilians|children|pilgrims|mourners|protesters|shoppers|convoy|"
    r"patrol|checkpoint|officers|soldiers|troops|police|meeting|procession|match|party)\b",
    re.IGNORECASE,
)
# Occasions that bring people together; named near the attack they are what it aimed at
# even without "targeted" ("the blast came minutes after the minister left the ceremony").
_OCCASION = re.compile(
    r"\b(?P<pre>[\w'’-]+\s+)?(?P<head>ceremony|ceremonies|parade|wedding|funeral|concert|festival|"
    r"rally|celebration|procession|vigil|prayers)\b",
    re.IGNORECASE,
)
# Words one of which every match of the target patterns holds (``prefilter``).
_TARGET_NEEDLES = Needles.union(*map(required_needles, (_TARGETED, _ATTACK_ON, _PASSIVE)))
_OCCASION_NEEDLES = required_needles(_OCCASION)
_EVENT_WORD = re.compile(r"\b(?:attack|blast|explosion|strike|shooting|bombing|assault)s?\b", re.IGNORECASE)
# An occasion merely named in an event sentence is weaker evidence than "targeted X".
MENTIONED_OCCASION_WEIGHT = 0.5
# A report on a disaster or accident has no target or weapons; what it calls "struck" or
# "hit" is damage. Claims are still made (reconciliation decides) but weigh much less.
NON_ATTACK_FACTOR = 0.3
# When a report names a gathering as the target, the buildings it names are the venue.
VENUE_FACTOR = 0.5
# Gatherings outweigh buildings (see module docstring); a building is still a target.
GATHERING_WEIGHT = 1.0
OTHER_TARGET_WEIGHT = 0.75
# A head phrase longer than this is a clause that slipped through, not a target.
MAX_TARGET_WORDS = 5


# A phrase that starts with a day, month or time word names when, not what ("the attack on
# Thursday, December 21", "an attack on New Year's Eve").
_TIME_WORD = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|today|tonight|yesterday|new year|christmas|easter|eid|the night|the morning|"
    r"the evening|the afternoon|the eve|\d)",
    re.IGNORECASE,
)


def _cut(words: str) -> str:
    """The noun phrase at the start of ``words``: determiners off, cut at the first stop word."""
    out: list[str] = []
    for raw in words.split():
        word = raw.strip("\"“”'’‘")
        bare = word.rstrip(",.;:").lower()
        # A participle after the head starts a reduced clause ("the ceremony attended by").
        participle = bool(out) and bare.endswith("ed") and word.islower()
        if bare in _STOP or participle or (not out and bare in _DETERMINERS) or bare.isdigit():
            if out or bare in _STOP:
                break
            continue
        out.append(word.rstrip(",.;:"))
        if word != word.rstrip(",.;:"):
            break
    return " ".join(out[:MAX_TARGET_WORDS])


# Pure functions of a phrase or a sentence, asked again for each repeated sentence.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _is_gathering(phrase: str) -> bool:
    return _GATHERINGS.search(phrase) is not None


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _names_event_word(text: str) -> bool:
    return _EVENT_WORD.search(text) is not None


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def normalise_target(phrase: str) -> str:
    """The voting key of a target phrase: lower case, its last two words (modifier + head)."""
    words = [w for w in re.split(r"\s+", phrase.lower()) if w and w not in _DETERMINERS]
    return " ".join(words[-2:])


def target_phrases(text: str) -> list[tuple[str, float]]:
    """Short target noun phrases named in ``text`` with their cue weight, in order, no repeats."""
    return list(_target_phrases(text))


# Pure functions of the text, cached: reports of one event repeat sentences.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _target_phrases(text: str) -> tuple[tuple[str, float], ...]:
    if not _TARGET_NEEDLES.may_match(text):
        return ()
    found: list[tuple[str, float]] = []
    for pattern, weight in ((_TARGETED, TARGETED_WEIGHT), (_ATTACK_ON, ATTACK_ON_WEIGHT)):
        for match in pattern.finditer(text):
            found.append((_cut(match.group("np")), weight))
    for match in _PASSIVE.finditer(text):
        words = match.group("np").split()
        # The subject is the last few words before the verb ("... a military academy").
        tail = words[-MAX_TARGET_WORDS:]
        det = max((i for i, w in enumerate(tail) if w.lower() in _DETERMINERS), default=-1)
        found.append((_cut(" ".join(tail[det + 1 :])), TARGETED_WEIGHT))
    out: list[tuple[str, float]] = []
    for phrase, weight in found:
        if _TIME_WORD.match(phrase):
            continue  # "the attack on Thursday": a date, not what was attacked
        if is_country(re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)):
            continue  # "the attack on the United States", "Russia's war on Ukraine": a war's aim
        if phrase and phrase.lower() not in _NOT_TARGETS and all(p != phrase for p, _ in out):
            out.append((phrase, weight))
    return tuple(out)


def occasion_phrases(text: str) -> list[str]:
    """Occasions (ceremonies, weddings, rallies...) named in ``text``, as short phrases."""
    return list(_occasion_phrases(text))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _occasion_phrases(text: str) -> tuple[str, ...]:
    if not _OCCASION_NEEDLES.may_match(text):
        return ()
    out: list[str] = []
    for match in _OCCASION.finditer(text):
        # Keep the one word before the head when it is a modifier ("graduation ceremony"),
        # not a determiner or a verb ("left a ceremony", "attended ceremony").
        pre = (match.group("pre") or "").strip()
        bare = pre.lower()
        keep = pre and bare not in _STOP and bare not in _DETERMINERS and not bare.endswith(("ed", "s"))
        phrase = f"{pre} {match.group('head')}" if keep else match.group("head")
        if phrase not in out:
            out.append(phrase)
    return tuple(out)


def _is_place(sentence: Sentence, phrase: str) -> bool:
    """Whether ``phrase`` is just a place name (a city is where, not what, was attacked)."""
    return any(e.label in ("GPE", "LOC") and e.text == phrase for e in sentence.entities)


# --- weapons -------------------------------------------------------------------------------

_WEAPON_MODIFIER = (
    r"(?:explosives?-laden|bomb-laden|explosive|kamikaze|suicide|armed|attack|military-style|"
    r"semi-?automatic|automatic|high-powered|assault-style|assault|AR-15-style|AR-style|"
    r"AR-15|AK-47|hunting|long-bladed|kitchen|large|homemade|home-made|improvised|"
    r"\.?\d+(?:-caliber|mm)|[\w-]+-style)"
)
# Head nouns and their voting key.
_WEAPON_HEADS: dict[str, str] = {
    "drone": "drone", "drones": "drone", "uav": "drone", "uavs": "drone",
    "rifle": "rifle", "rifles": "rifle", "handgun": "handgun", "handguns": "handgun",
    "pistol": "pistol", "pistols": "pistol", "shotgun": "shotgun", "shotguns": "shotgun",
    "firearm": "firearm", "firearms": "firearm", "knife": "knife", "knives": "knife",
    "machete": "machete", "machetes": "machete", "axe": "axe", "car bomb": "car bomb",
    "car bombs": "car bomb", "truck bomb": "truck bomb", "ied": "IED", "ieds": "IED",
    "improvised explosive device": "IED", "improvised explosive devices": "IED",
    "explosive vest": "explosive vest", "suicide vest": "explosive vest",
    "grenade": "grenade", "grenades": "grenade", "rocket": "rocket", "rockets": "rocket",
    "missile": "missile", "missiles": "missile", "mortar": "mortar", "mortars": "mortar",
    "explosives": "explosives", "explosive ammunition": "explosives",
}
_HEAD_ALTERNATION = "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_WEAPON_HEADS, key=len, reverse=True)
)
_WEAPON = re.compile(
    rf"\b(?P<phrase>(?:{_WEAPON_MODIFIER}[\s-]+){{0,3}}(?P<head>{_HEAD_ALTERNATION}))\b"
    # Not a camera drone filming the aftermath, nor a weapons instructor.
    r"(?!\s+(?:video|footage|images?|camera|shots?|views?|instructors?|dealers?|licen[cs]es?|permits?))",
    re.IGNORECASE,
)
# Cues that put the weapon in the attacker's hands.
_WEAPON_NEEDLES = required_needles(_WEAPON)
_WIELDED = re.compile(
    r"\b(?:with|armed with|carrying|wielding|holding|using|laden with|fired|launched|"
    r"detonated|by)\s+(?:(?:a|an|the|his|her|their|two|several)\s+)?$",
    re.IGNORECASE,
)
# A weapon in the attacker's hands, or one that is the subject of the attack verb.
WIELDED_WEIGHT = 1.0
MENTIONED_WEIGHT = 0.6
# Text before a weapon that shows it belongs to someone else ("grabbed a knife" to fight back).
_DEFENSIVE = re.compile(r"\b(?:grabbed|picked up|seized|found|recovered)\s+(?:a|an|the|his|her)\s+$", re.IGNORECASE)
DEFENSIVE_WEIGHT = 0.2


def weapon_phrases(text: str) -> list[tuple[str, str, float]]:
    """Weapons named in ``text``: (display phrase, voting key, wield factor), in order."""
    return list(_weapon_phrases(text))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _weapon_phrases(text: str) -> tuple[tuple[str, str, float], ...]:
    if not _WEAPON_NEEDLES.may_match(text):
        return ()
    out: list[tuple[str, str, float]] = []
    for match in _WEAPON.finditer(text):
        head = re.sub(r"\s+", " ", lookup_key(match.group("head")))
        key = _WEAPON_HEADS[head]
        before = text[max(0, match.start() - 30) : match.start()]
        if _DEFENSIVE.search(before):
            factor = DEFENSIVE_WEIGHT
        elif _WIELDED.search(before) or key == "drone":
            # Drones in an attack report are the attack's means whatever the verb.
            factor = WIELDED_WEIGHT
        else:
            factor = MENTIONED_WEIGHT
        out.append((match.group("phrase"), key, factor))
    return tuple(out)


# --- claims --------------------------------------------------------------------------------


def _claim(source: AnalysedSource, sentence: Sentence, fact: FactName, value: str,
           display: str, weight: float) -> Claim:
    return claim_in(source, sentence, fact, value, display, weight)


def extract(source: AnalysedSource) -> list[Claim]:
    """Target and weapons claims stated in ``source`` (see module docstring for the rules)."""
    targets: list[tuple[Claim, bool]] = []  # (claim, names a gathering)
    weapons: list[Claim] = []
    for sentence, score in sentence_relevance(source):
        found = [(p, cue) for p, cue in target_phrases(sentence.text) if not _is_place(sentence, p)]
        for phrase, cue in found:
            gathering = _is_gathering(phrase)
            weight = score * cue * (GATHERING_WEIGHT if gathering else OTHER_TARGET_WEIGHT)
            claim = _claim(source, sentence, "target", normalise_target(phrase), phrase, weight)
            targets.append((claim, gathering))
        if _names_event_word(sentence.text) or match_kinds(sentence.text):
            named = {normalise_target(p) for p, _ in found}
            for phrase in occasion_phrases(sentence.text):
                if normalise_target(phrase) not in named:
                    claim = _claim(source, sentence, "target", normalise_target(phrase), phrase,
                                   score * MENTIONED_OCCASION_WEIGHT)
                    targets.append((claim, True))
        seen: set[str] = set()
        for phrase, key, factor in weapon_phrases(sentence.text):
            if key not in seen:
                seen.add(key)
                weapons.append(_claim(source, sentence, "weapons", key, phrase, score * factor))
    has_gathering = any(gathering for _, gathering in targets)
    main = dominant_kind(source)
    attack = main is None or kind_for(main).category == "attack"
    out: list[Claim] = []
    for claim, gathering in [*targets, *((w, True) for w in weapons)]:
        factor = (1.0 if gathering or not has_gathering else VENUE_FACTOR) * (1.0 if attack else NON_ATTACK_FACTOR)
        out.append(claim if factor == 1.0 else claim.model_copy(update={"weight": round(claim.weight * factor, 3)}))
    return out
