"""Extract ``perpetrators`` claims, each with a stance:

- ``claimed``: a group claims the attack ("X claimed responsibility", "responsibility was
  claimed by X");
- ``suspected``: a person or group named as the suspect by investigators ("police identified
  X as the suspect", "the suspected gunman, X", "suspect X", "X is suspected of");
- ``accused``: a body blames someone ("the ministry accused 'terrorist groups'", "the army
  blamed the attack on X", "X said the attack was carried out by Y"); ``attributed_to`` is
  the accuser;
- ``unknown``: nobody is known ("no group has claimed responsibility", "the perpetrator is
  unknown", "unidentified gunmen"); value "Unknown".

An accusation never turns into the perpetrator by itself: "No group has claimed
responsibility" gives an Unknown claim, and the government's accusation a separate accused
claim. Weights encode that: claims and unknowns outweigh accusations, so a vote gives
"Unknown" unless a claim of responsibility or a named suspect outweighs it.

``value`` is the voting key: for people the first and last name ("Jane Doe" for "Jane
Q. Doe"), for groups the phrase without quotes and trailing "backed by ..." clauses, with
the generic "terrorists" / "terrorist organisations" folded into "terrorist groups".
``display`` is the fullest form seen in the sentence. A bare surname later in a report
("Doe is suspected of ...") is resolved to the full name named earlier in the same report.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from wikiwire.facts.attribution import attribute
from wikiwire.facts.claim import claim_in
from wikiwire.facts.kinds import sentence_relevance
from wikiwire.facts.memo import TEXT_CACHE_SIZE
from wikiwire.facts.places import PLACE_LABELS
from wikiwire.facts.prefilter import required_needles
from wikiwire.records import AnalysedSource, Claim, Sentence

__all__ = ["UNKNOWN", "extract", "normalise_group", "person_key"]

UNKNOWN = "Unknown"
Stance = Literal["claimed", "suspected", "accused", "unknown"]

# Stance weights (multiplied by the sentence's relevance). A claim of responsibility is the
# strongest statement of who did it; an explicit "no one has claimed" is as strong a
# statement that nobody is known; a suspect named by investigators is nearly as strong; an
# accusation by a party to the conflict is evidence of a view, not of the perpetrator.
CLAIMED_WEIGHT = 1.0
UNKNOWN_WEIGHT = 0.9
SUSPECTED_WEIGHT = 0.85
# A person named only as "a person of interest", or sought in a manhunt.
PERSON_OF_INTEREST_WEIGHT = 0.6
ACCUSED_WEIGHT = 0.35

# --- unknown -------------------------------------------------------------------------------

_UNKNOWN = re.compile(
    r"\bno (?:\w+ )?(?:group|one|party|faction|organi[sz]ation|militant group|terrorist organi[sz]ation)s?\b"
    r"[^.;]{0,40}?\b(?:claimed|acknowledged|taken|took|admitted)\b"
    r"|\bno (?:immediate )?claim(?:s)? of responsibility\b"
    r"|\bno (?:immediate )?claim\b"
    r"|\b(?:has|have|had) not (?:yet |immediately )?(?:been )?claimed\b"
    r"|\bnobody (?:has |had )?(?:yet |immediately )?claimed\b"
    r"|\b(?:perpetrators?|attackers?|culprits?|those responsible)\b[^.;]{0,30}\b(?:is|are|was|were|remains?|remained) (?:still |currently |as yet )?(?:unknown|unidentified|not known)\b"
    r"|\b(?:unknown|unidentified) (?:attackers?|assailants?|gunm[ae]n|perpetrators?|militants?|drones?|aircraft)\b"
    r"|\bit (?:is|was|remains|remained) (?:not |un)(?:clear|known) who\b",
    re.IGNORECASE,
)

# --- claimed -------------------------------------------------------------------------------

# A group name: capitalised words (with connectors), or an acronym; quotes allowed.
_GROUP = r"(?P<group>(?:the )?(?:(?:al|el|ad|an|as|ash|ar)-)?[A-Z][\w'’.\-]*(?:\s+(?:of|al|and|the|in|for|(?:(?:al|el|ad|an|as|ash|ar)-)?[A-Z][\w'’.\-]*))*)"
# A lower-case noun after a group's name that is not part of it ("the Islamic State group").
_GROUP_NOUN = r"(?:group|militants|militia|organi[sz]ation|fighters|movement|network|faction)"
# A time phrase between the group and its verb ("the group on Monday claimed"), skipped so the
# weekday is never read as the group.
_WHEN = r"(?:,?\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|evening))?,?)?"
_CLAIMED = (
    re.compile(rf"{_GROUP}(?:\s+{_GROUP_NOUN})?{_WHEN}\s+(?:has |have |had |later |quickly |swiftly )*(?:claimed|accepted|took|taken) (?:the )?responsibility"),
    re.compile(rf"responsibility (?:for [^.;]{{0,60}}?)?(?:was |has been |had been )?claimed by\s+{_GROUP}"),
    re.compile(rf"{_GROUP}(?:\s+{_GROUP_NOUN})?\s+(?:said|says|announced) (?:that )?it (?:had )?(?:carried out|was behind|conducted|staged)"),
)
# Words one of which every match of each pattern holds (``prefilter``).
_CLAIMED_NEEDLES = tuple(map(required_needles, _CLAIMED))

# --- accused -------------------------------------------------------------------------------

# The accused phrase: words up to a clause break (quotes are removed before matching).
_ACCUSED_NP = r"(?P<accused>[^\"”’.;,()]{3,80}?)(?=\s*(?:[,.;()]|\b(?:but|of|for|who|which|in|during|with|on|at|after|to|and (?:said|vowed|did|there))\b|$))"
_ATTACK_WORD = r"(?:\w+ ){0,2}?(?:attack|strike|bombing|shooting|assault|act)s?"
_SAY = r"(?:said|says|stated|states|announced|announcing|saying|stating|claimed|alleged|added|insisted)"
# A subject phrase followed by an attack verb, allowing one parenthetical ("X, backed by Y,").
_DOER = r"(?P<accused>[^,.;:]{3,70}?)\s*(?:,[^,.;]{0,80},\s*)?"
_DOER_VERBS = r"(?:targeted|attacked|launched|carried out|perpetrated|(?:is|are|was|were) (?:believed to be |reportedly )?behind)\b"
_AUX = r"(?:(?:has|have|had|also|later|swiftly|quickly|were|was) )*"
# Each pattern starts at the accusing verb; the accuser is read from the words before it
# (anchoring on the verb keeps matching linear in the sentence's length).
_ACCUSED = (
    re.compile(rf"\b{_AUX}blamed (?:the {_ATTACK_WORD} on\s+)?{_ACCUSED_NP}", re.IGNORECASE),
    re.compile(rf"\b{_AUX}accused\s+{_ACCUSED_NP}", re.IGNORECASE),
    re.compile(
        rf"\b{_AUX}(?:quick to |swift to )?(?:classif\w+|describ\w+|label\w+|call\w+|brand\w+)\s+"
        rf"(?:it|them|the {_ATTACK_WORD})\s+as\s+(?:the |an? )?(?:(?:acts?|work) of\s+|(?:act|attack) by\s+)?{_ACCUSED_NP}",
        re.IGNORECASE,
    ),
    re.compile(
        rf",?\s*\b{_SAY}(?: in (?:a|its) statement)?(?: that)?,?\s+the {_ATTACK_WORD} (?:was|had been) "
        rf"(?:carried out|perpetrated|launched|committed|staged) by\s+{_ACCUSED_NP}",
        re.IGNORECASE,
    ),
    re.compile(rf",?\s*\b{_SAY}(?: in (?:a|its) statement)?(?: that)?,?\s+{_DOER}{_DOER_VERBS}", re.IGNORECASE),
)
# Cheap test run before the accusation patterns: most sentences accuse no one.
_ACCUSATION_HINT = re.compile(
    r"\b(?:blamed|accused|classif|describ|label|call|brand|targeted|attacked|launched|carried out|perpetrated|behind)",
    re.IGNORECASE,
)
# Statements where the speaker, if any, is found by ``attribution.attribute``: a sentence
# opening with the doer ("Armed groups launched a drone attack ...," the command said), or
# a passive agent ("... was targeted by militants").
_UNSPOKEN_ACCUSED = (
    re.compile(rf"^{_DOER}{_DOER_VERBS}", re.IGNORECASE),
    re.compile(rf"\b(?:targeted|attacked|carried out|perpetrated|launched) by\s+{_ACCUSED_NP}", re.IGNORECASE),
)
# A proper name: capitalised words with connectors, nothing else ("Tehreek-e-Taliban Pakistan").
_PROPER_NAME = re.compile(
    r"(?:the\s+)?(?:(?:al|el|ad|an|as|ash|ar)-)?[A-Z][\w'’\-]*(?:\s+(?:of|al|and|the|for|(?:(?:al|el|ad|an|as|ash|ar)-)?[A-Z][\w'’\-]*)){0,6}"
)


def _is_actor(phrase: str) -> bool:
    """Whether an accused phrase names an actor: an actor noun, or a proper name only."""
    phrase = phrase.strip()
    return bool(_ACTOR_HEAD.search(phrase) or _PROPER_NAME.fullmatch(phrase))


_SELF_REFERENCE = re.compile(r"(?:its|their|our|his|her|we|they|he|she|it)\b", re.IGNORECASE)
# Reporting words that may open a doer phrase; not "states"/"says", which are also nouns.
_REPORTING = re.compile(r"\b(?:that|said|stated|announced|announcing|saying|stating)\b\s*", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘’]|['‘’](?!\w)")
# Accused phrases must name an actor: one of these heads, or a capitalised name.
_ACTOR_HEAD = re.compile(
    r"\b(?:terrorists?|terrorist (?:groups?|organi[sz]ations?|factions?)|militants?|militias?|"
    r"insurgents?|rebels?|jihadists?|extremists?|groups?|organi[sz]ations?|forces|army|"
    r"government|regime|state|fighters|gunm[ae]n|separatists|opposition)\b",
    re.IGNORECASE,
)
_TERRORIST_GENERIC = re.compile(
    r"^(?:armed |unnamed |unspecified )?terrorist(?:s| groups?| organi[sz]ations?| factions?| cells?)$",
    re.IGNORECASE,
)
# Trailing qualifiers of a group that do not change who it is ("backed by known powers").
_BACKING = re.compile(
    r"\s*,?\s*\b(?:backed|supported|sponsored|funded|armed by|aided|linked|affiliated|allied)\b.*$",
    re.IGNORECASE,
)
_LEADING_NOISE = re.compile(r"^(?:the|a|an|some|unnamed|unspecified|so-called)\s+", re.IGNORECASE)

# --- suspects (people) ---------------------------------------------------------------------

_ROLE = r"(?:gunm[ae]n|shooter|attacker|assailant|bomber|killer|perpetrator|driver|stabber|man|woman|suspect)"
_BEFORE_PERSON = re.compile(
    rf"(?:\bsuspect(?:ed)?(?:\s+{_ROLE})?|\balleged\s+{_ROLE}|\b{_ROLE}\s+(?:they|police|authorities|officials|investigators)\s+(?:have\s+|had\s+)?(?:identified|named)\s+as"
    rf"|\b(?:identified|named)\s+the\s+(?:[\w-]+\s+)?{_ROLE}\s+as|\b{_ROLE},?\s+(?:who (?:was|has been)\s+)?(?:identified|named)\s+as"
    r"|\barrest warrant (?:was |has been )?(?:issued )?for|\bmanhunt for|\bsearch(?:ing)? for|\bcharged)"
    r"\s*,?\s*(?:\d+-year-old\s+)?$",
    re.IGNORECASE,
)
_IDENTIFIED_AS = re.compile(
    rf"^(?:\s*,\s*\d+\s*,)?[^.;]{{0,60}}?\bas\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?:{_ROLE}|person of interest|suspicion)",
    re.IGNORECASE,
)
_IDENTIFY_VERB = re.compile(r"\b(?:identified|named|described)\s+(?:\d+-year-old\s+)?$", re.IGNORECASE)
_AFTER_PERSON = re.compile(
    r"^(?:\s*,\s*\d+\s*,)?(?:\s*,[^,.;]{0,60},)?\s*(?:who\s+)?(?:is|was|has been|had been|were|are)\s+"
    r"(?:\w+\s+)?(?:suspected|accused|charged|arrested|wanted|identified as the (?:suspect|gunman|shooter|attacker))\b"
    r"|^(?:\s*,\s*\d+\s*,)?\s*(?:opened fire|carried out the|went on a|shot and killed|is believed to have (?:opened fire|carried out))",
    re.IGNORECASE,
)
_PERSON_OF_INTEREST = re.compile(r"person of interest|manhunt|search(?:ing)? for|sought", re.IGNORECASE)
# Honorifics and initials that are not part of the voting key.
_NAME_NOISE = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sgt|Pvt|Cpl|Lt|Capt)\.?$")


def person_key(name: str) -> str:
    """Voting key of a person's name: first and last word, without initials or suffixes."""
    words = [w for w in name.replace(",", " ").split() if not _NAME_NOISE.match(w)]
    words = [w for w in words if not re.fullmatch(r"[A-Z]\.?|Jr\.?|Sr\.?|I{2,3}|IV", w)]
    if len(words) <= 2:
        return " ".join(words)
    return f"{words[0]} {words[-1]}"


# Words that are never a group by themselves: days, months, and nationalities (the group's
# "Afghan affiliate" is not a group called "Afghan").
_NOT_A_GROUP = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|[A-Z][a-z]+(?:ian|ean|ese|ish|i|an))$"
)


def group_alias(phrase: str) -> str | None:
    """The canonical name of an armed group known by several names (``facts.groups``)."""
    from wikiwire.facts.groups import canonical_group

    return canonical_group(phrase)


def normalise_group(phrase: str) -> str | None:
    """Voting key of an accused or claiming group, or None when it names no actor."""
    phrase = phrase.strip(" \"“”‘’'")
    phrase = _BACKING.sub("", phrase)
    phrase = _LEADING_NOISE.sub("", phrase).strip(" ,")
    if not phrase or len(phrase.split()) > 8:
        return None
    if _TERRORIST_GENERIC.match(phrase):
        return "terrorist groups"
    if _NOT_A_GROUP.match(phrase):
        return None  # a weekday, a month, or a nationality ("the group's Afghan affiliate")
    alias = group_alias(phrase)
    if alias:
        return alias
    # A name has a capitalised word ("al-Shabaab", "Islamic State"); otherwise an actor noun.
    if not (_ACTOR_HEAD.search(phrase) or re.search(r"(?:^|[\s-])[A-Z]", phrase)):
        return None
    return phrase


# Bodies named by a bare role noun, written in lower case mid-sentence.
_ROLE_ONLY = frozenset({"police", "authorities", "officials", "investigators", "prosecutors", "officers"})
# Longest accuser kept: enough for "the country's Ministries of Defence and Foreign Affairs".
MAX_ACCUSER_WORDS = 9
_ISSUED = re.compile(r"\s+(?:were|was|has|have|had)?\s*(?:issued|released|published|put out|quick to|swift to)\b.*$")


def _trim_accuser(raw: str) -> str | None:
    """The accuser at the end of the words before the verb ("... , the country's defence ministry")."""
    text = re.split(r"[,;:(]|\bbut\b|\bwhile\b|\bwhich\b|\bthat\b", raw)[-1].strip()
    # "the ministry issued a statement, announcing ...": the body is before the verb.
    text = _ISSUED.sub("", text)
    words = text.split()[-MAX_ACCUSER_WORDS:]
    text = " ".join(words)
    if not text or text.lower() in {"it", "he", "she", "they", "who", "which", "that"}:
        return None
    if text.split()[0] in {"The", "A", "An"} or text.lower() in _ROLE_ONLY:
        text = text[0].lower() + text[1:]
    return text


# --- claims --------------------------------------------------------------------------------


def _claim(source: AnalysedSource, sentence: Sentence, value: str, display: str, stance: Stance,
           weight: float, attributed_to: str | None) -> Claim:
    return claim_in(source, sentence, "perpetrators", value, display, weight, stance=stance, attributed_to=attributed_to)


# A name right after "the city of" / "the town of" is a place the parser took for a person.
_PLACE_OF = re.compile(r"\b(?:city|town|village|province|region|district|state|county|municipality)\s+of\s+$", re.IGNORECASE)


def _persons(sentence: Sentence) -> list[tuple[str, int, int]]:
    return [(e.text, e.start, e.end) for e in sentence.entities if e.label == "PERSON"]


def _suspects(sentence: Sentence, full_names: dict[str, str]) -> list[tuple[str, float]]:
    """People named as suspects in ``sentence``: (full name, stance weight)."""
    text = sentence.text
    out: list[tuple[str, float]] = []
    for name, start, end in _persons(sentence):
        before, after = text[max(0, start - 80) : start], text[end : end + 120]
        if _PLACE_OF.search(before):
            continue  # "the station master in the city of Larissa has been arrested"
        poi = bool(_PERSON_OF_INTEREST.search(text[max(0, start - 80) : end + 80]))
        hit = (
            _BEFORE_PERSON.search(before)
            or (_IDENTIFY_VERB.search(before) and _IDENTIFIED_AS.search(after))
            or _AFTER_PERSON.search(after)
        )
        if not hit:
            continue
        if len(name.split()) == 1:
            name = full_names.get(name, name)
        out.append((name, PERSON_OF_INTEREST_WEIGHT if poi and "suspect" not in text.lower() else SUSPECTED_WEIGHT))
    return out


def _full_names(source: AnalysedSource) -> dict[str, str]:
    """Surname -> the longest full name with that surname named in ``source``."""
    names: dict[str, str] = {}
    for sentence in source.sentences:
        for ent in sentence.entities:
            words = ent.text.split()
            if ent.label == "PERSON" and len(words) >= 2:
                last = [w for w in words if not re.fullmatch(r"[A-Z]\.?|Jr\.?|Sr\.?|I{2,3}|IV", w)][-1]
                if len(ent.text) > len(names.get(last, "")):
                    names[last] = ent.text
    return names


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _says_unknown(text: str) -> bool:
    return _UNKNOWN.search(text) is not None


def _groups_claiming(text: str) -> list[str]:
    return list(_groups_claiming_cached(text))


# Pure functions of the text; reports of one event repeat sentences.
@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _groups_claiming_cached(text: str) -> tuple[str, ...]:
    found = []
    unquoted = _QUOTES.sub("", text)
    for pattern, needles in zip(_CLAIMED, _CLAIMED_NEEDLES, strict=True):
        if not needles.may_match(unquoted):
            continue
        for match in pattern.finditer(unquoted):
            group = normalise_group(match.group("group"))
            if group and not re.match(r"(?:no|none|nobody)\b", match.group("group"), re.IGNORECASE):
                found.append(group)
    return tuple(found)


# What rescuers, investigators and aid workers "carry out" or "launch" is no attack: a doer
# verb whose object, in the words just before it, is such work names no perpetrator.
_RELIEF_WORK = re.compile(
    r"\b(?:rescue|relief|search|recovery|evacuation|aid|operations?|efforts?|work|investigations?|inquiry|probe|"
    r"raids?|checks?|inspections?|autops(?:y|ies)|tests?)\b[^.;,]{0,25}$",
    re.IGNORECASE,
)
# Characters before the doer verb searched for that object.
RELIEF_WINDOW = 60


def _accusations(text: str) -> list[tuple[str, str, str | None, bool]]:
    """(key, display, accuser, spoken) for every accusation in ``text``.

    ``spoken`` is False for accusations found without a speaker in the pattern (the caller
    takes the sentence's speaker, if any).
    """
    return list(_accusations_cached(text))


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def _accusations_cached(text: str) -> tuple[tuple[str, str, str | None, bool], ...]:
    found: list[tuple[str, str, str | None, bool]] = []
    if not _ACCUSATION_HINT.search(text):
        return ()
    text = _QUOTES.sub("", text)
    patterns = [(p, True) for p in _ACCUSED] + [(p, False) for p in _UNSPOKEN_ACCUSED]
    for pattern, spoken in patterns:
        for match in pattern.finditer(text):
            if _RELIEF_WORK.search(text[max(0, match.start() - RELIEF_WINDOW) : match.start()]):
                continue  # "rescue operations are being carried out by the NDRF"
            # A doer phrase may start with the reporting clause ("the army stated that X").
            raw = _REPORTING.split(match.group("accused"))[-1]
            key = normalise_group(raw)
            # A claimant speaking of itself ("saying its fighters targeted ...") is no accuser.
            if key is None or _SELF_REFERENCE.match(raw.strip()) or not _is_actor(raw):
                continue
            display = _LEADING_NOISE.sub("", _BACKING.sub("", raw.strip())).strip(" ,")
            accuser = _trim_accuser(text[: match.start()]) if spoken else None
            found.append((key, display, accuser, spoken))
    return tuple(found)


# Speakers that are clause debris, not bodies ("Although no group", "details and no group").
_BAD_SPEAKER = re.compile(r"\b(?:no|none|nobody|although|though|if|because|details)\b", re.IGNORECASE)


def _speaker(sentence: Sentence) -> str | None:
    speaker = attribute(sentence)
    return None if speaker is None or _BAD_SPEAKER.search(speaker) else speaker


# "X has identified Y as the suspect": X is who names the suspect.
_IDENTIFIER = re.compile(r"(?P<who>[\w'’.\- ]{2,80}?)\s+(?:has |have |had )?(?:identified|named)\b")


# An identifier must look like a body: a capitalised name or an investigating role.
_BODY_START = re.compile(r"(?:the )?(?:[A-Z]|police|authorities|officials|investigators|officers|prosecutors)")


def _identifier(sentence: Sentence) -> str | None:
    match = _IDENTIFIER.search(sentence.text)
    if not match:
        return None
    who = _trim_accuser(match.group("who"))
    if who is None or _BAD_SPEAKER.search(who) or not _BODY_START.match(who):
        return None
    return who


# --- states named by their weapons -----------------------------------------------------------

# Weapons only states field: "a Russian missile", "Israeli airstrikes", "Saudi-led warplanes".
# A report that says whose they were in its lede names the attacker as news style does; the
# stance is "suspected" (the report's attribution, not a claim of responsibility).
_STATE_WEAPON = re.compile(
    r"\b(?P<adj>[A-Z][a-z]{3,}(?:-led)?)\s+(?:(?:ballistic|cruise|hypersonic|guided|long-range)\s+)?"
    r"(?:missiles?|air ?strikes?|air raids?|warplanes?|fighter jets?|shelling|artillery|rockets?|bombardment)\b"
)
# Kinds whose weapons are a state's: a drone or a bomb may be anyone's.
STATE_WEAPON_KINDS = frozenset({"missile strike", "airstrike", "shelling"})
# Sentences read for it: the lede.
STATE_WEAPON_SENTENCES = 4
STATE_WEAPON_WEIGHT = SUSPECTED_WEIGHT
# Demonym endings stripped to find the country ("Russian" -> "Russi" -> Russia/"Russian Federation").
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an", "i", "n")
MIN_DEMONYM_STEM = 4


@functools.lru_cache(maxsize=1024)
def country_of_demonym(adjective: str) -> str | None:
    """The country an adjective names ("Russian" -> "Russia", "Israeli" -> "Israel"), by the
    gazetteer's country names; None for words that name no country."""
    from wikiwire import gazetteer

    word = adjective.removesuffix("-led")
    gaz = gazetteer.get()
    for ending in _DEMONYM_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        if len(stem) < MIN_DEMONYM_STEM:
            continue
        for tail in ("", "a", "e", "ia", "ey", "y"):
            place = gaz.lookup(stem + tail)
            if place is not None and place.kind == "country" and place.name.lower().startswith(stem.lower()):
                return place.name
    return None


def _state_attackers(source: AnalysedSource) -> list[tuple[Sentence, str]]:
    from wikiwire.facts.kinds import dominant_kind

    if dominant_kind(source) not in STATE_WEAPON_KINDS:
        return []
    out: list[tuple[Sentence, str]] = []
    for sentence in source.sentences[:STATE_WEAPON_SENTENCES]:
        for m in _STATE_WEAPON.finditer(sentence.text):
            country = country_of_demonym(m.group("adj"))
            if country:
                out.append((sentence, country))
                break
    return out


# Entity labels that never name who did it: a date, a place, a number ("the group on
# Monday", "the group's Afghan affiliate", "three claimed responsibility").
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}) | PLACE_LABELS


def _non_actor_entity(sentence: Sentence, phrase: str, labels: frozenset[str] = NON_ACTOR_LABELS) -> bool:
    """True when ``phrase`` is exactly an entity of one of ``labels`` in ``sentence``."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    return any(e.label in labels and re.sub(r"^(?:the|a|an)\s+", "", e.text, flags=re.IGNORECASE) == bare
               for e in sentence.entities)


def extract(source: AnalysedSource) -> list[Claim]:
    """Perpetrator claims stated in ``source`` (stances and weights: module docstring)."""
    claims: list[Claim] = []
    full_names = _full_names(source)
    for sentence, country in _state_attackers(source)[:1]:
        claims.append(_claim(source, sentence, country, country, "suspected", STATE_WEAPON_WEIGHT, None))
    for sentence, score in sentence_relevance(source):
        text = sentence.text
        unknown = _says_unknown(text)
        claimed = [] if unknown else [g for g in _groups_claiming(text) if not _non_actor_entity(sentence, g)]
        # A state may be accused ("Kyiv accused Russia"), but no date or number.
        accusations = [a for a in _accusations(text) if not _non_actor_entity(sentence, a[1], NON_ACTOR_LABELS - PLACE_LABELS)]
        suspects = _suspects(sentence, full_names)
        if not (unknown or claimed or accusations or suspects):
            continue
        speaker = _speaker(sentence)
        if unknown:
            claims.append(_claim(source, sentence, UNKNOWN, UNKNOWN, "unknown", score * UNKNOWN_WEIGHT, speaker))
        for group in claimed:
            claims.append(_claim(source, sentence, group, group, "claimed", score * CLAIMED_WEIGHT, None))
        seen: set[str] = set()
        for key, display, accuser, spoken in accusations:
            by = accuser if spoken else speaker
            if key not in seen and (by or not spoken):
                seen.add(key)
                claims.append(_claim(source, sentence, key, display, "accused", score * ACCUSED_WEIGHT, by))
        for name, stance_weight in suspects:
            key = person_key(name)
            if key and key not in seen:  # an initial alone ("the suspect B.") names no one
                seen.add(key)
                by = _identifier(sentence) or speaker
                claims.append(_claim(source, sentence, key, name, "suspected", score * stance_weight, by))
    return claims
