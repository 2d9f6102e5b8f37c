"""The event's own section opened with sentences written from the reconciled facts and claims.

The lead says what happened in one breath; the narrative section ("Attack", "Earthquake",
"Crash") tells it as an encyclopedia does, in the facts' own words rather than a report's: what
happened where and when (the time of day and the place down to its region), what it was carried
out with, the magnitude each seismological body measured, and who blamed whom. Each sentence is
written only when its fact is known and either undisputed or attributed, and cites the sources
of the claims it uses (verification then finds every figure and name in them). The report
sentences a section selects follow these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from wikiwire.compose import lead as lead_mod
from wikiwire.records import ArticleSentence, Claim, EventFacts
from wikiwire.taxonomy import UNKNOWN_KIND, Kind

__all__ = ["accusation_sentence", "magnitude_sentence", "narrative", "occurrence_sentence", "weapon_sentence"]

# Independent reports that must state a weapon before the narrative names it: one report's
# word ("a knife" in one account of a shooting) is a detail, not what the event was carried
# out with; two agreeing reports are what reconciliation calls support.
MIN_WEAPON_SOURCES = 2
# Magnitudes listed per sentence: one per seismological body, the bodies most reports cite.
MAX_MAGNITUDE_BODIES = 2
# Accusations told beyond the lead's first: each names an accuser and whom it blamed.
MAX_ACCUSATIONS = 2

# Words that make an attribution a body that measures earthquakes or speaks for an
# institution ("the United States Geological Survey", "Nepal's National Seismological
# Centre"), not a stray capitalised word the extractor took for one ("Initially").
_BODY_WORD = re.compile(
    r"\b(?:survey|centre|center|institute|agency|service|observatory|ministry|department|"
    r"authority|authorities|government|army|military|police|office|council|administration)\b",
    re.IGNORECASE,
)


# What names a body that measures earthquakes ("the U.S. Geological Survey", "the Kandilli
# Observatory", "Nepal's National Seismological Centre"): a health ministry or a provincial
# spokesman repeating a magnitude measured it no more than the reporter did.
_SEISMIC_BODY = re.compile(
    r"\b(?:survey|seismolog\w*|geolog\w*|geophysic\w*|geoscience\w*|observatory|meteorolog\w*|"
    r"earthquake|centre|center|institute)\b",
    re.IGNORECASE,
)


def _body(attribution: str | None) -> str | None:
    """A body a reader can look up: ``lead.named_body``, and either an institution's word or
    a name of two capitalised words or more (a person: "Mohammad Abdullah Jan")."""
    body = lead_mod.named_body(attribution)
    if body is None:
        return None
    # Words the extractor carried past the name ("the Turkish Interior Ministry has already").
    words = body.split()
    while len(words) > 1 and words[-1][:1].islower() and not _BODY_WORD.fullmatch(words[-1]):
        words.pop()
    body = " ".join(words)
    capitals = sum(1 for w in body.split() if w[:1].isupper())
    return body if _BODY_WORD.search(body) or capitals >= 2 else None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cite(claims: Sequence[Claim]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(dict.fromkeys(c.source for c in claims)), tuple(dict.fromkeys(c.sentence for c in claims)))


def _sentence(text: str, claims: Sequence[Claim]) -> ArticleSentence:
    sources, evidence = _cite(claims)
    return ArticleSentence(text=text, sources=sources, evidence=evidence)


def _stating(claims: Sequence[Claim], phrase: str) -> list[Claim]:
    """The claims whose sentence writes ``phrase`` (case aside), one per source."""
    out: dict[str, Claim] = {}
    for claim in claims:
        if phrase.lower() in claim.quote.lower():
            out.setdefault(claim.source, claim)
    return list(out.values())


# Weapons every attack of its kind is carried out with: "a bombing ... with explosives" and "a
# shooting ... with firearms" tell the reader nothing the kind has not.
_GENERIC_WEAPONS = frozenset({"explosive", "explosives", "bomb", "bombs", "firearm", "firearms", "gun", "guns",
                              "weapon", "weapons", "explosive device", "explosive devices"})


def _implied(weapon: str, kind: Kind) -> bool:
    """True when the kind's name already says ``weapon`` ("drones" of a drone strike,
    "missiles" of a missile strike) or it is generic (``_GENERIC_WEAPONS``)."""
    head = weapon.split()[-1].removesuffix("s")
    return weapon in _GENERIC_WEAPONS or head in kind.noun.lower().split()


def weapon_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    """"The attack was carried out with explosive-laden drones.": the weapon most reports
    write, in the plural when a report writes it so, when at least MIN_WEAPON_SOURCES
    reports write it. None for a kind that is no attack or an unknown weapon."""
    if kind.category != "attack":
        return None
    fact = facts.get("weapons")
    if not fact.display:
        return None
    claims = [*fact.claims, *(c for x in facts.conflicts if x.fact == "weapons" for c in x.claims)]
    votes = Counter(c.display.lower() for c in claims if c.display)
    weapon = fact.display.lower()
    plural = weapon if weapon.endswith("s") else f"{weapon}s"
    if votes.get(plural, 0) and plural != weapon:
        weapon = plural
    stating = _stating(claims, weapon)
    if len(stating) < MIN_WEAPON_SOURCES or _implied(weapon, kind):
        return None
    # A plural takes no article: "with explosive-laden drones", "with a semi-automatic rifle".
    phrase = weapon if weapon.endswith("s") else ("an " if weapon[:1] in "aeiou" else "a ") + weapon
    word = lead_mod.event_word(kind)
    return _sentence(f"The {word} was carried out with {phrase}.", stating[: lead_mod.MAX_EVIDENCE_PER_FACT])


def magnitude_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    """"The U.S. Geological Survey put the earthquake's magnitude at 5.6; Nepal's National
    Seismological Centre put it at 6.4.": each body's magnitude, attributed (bodies giving one
    figure share a clause), at most MAX_MAGNITUDE_BODIES,
    the bodies cited by most reports first. Unattributed magnitudes are not told here (the
    lead gives an undisputed one; a disputed one without a body is left to the infobox)."""
    if kind.category != "disaster" or kind is UNKNOWN_KIND:
        return None
    fact = facts.get("magnitude")
    claims = [*fact.claims, *(c for x in facts.conflicts if x.fact == "magnitude" for c in x.claims)]
    by_body: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        body = _body(claim.attributed_to)
        # The figure as the report writes it, so that verification finds it there.
        if (body is None or not _SEISMIC_BODY.search(body) or not claim.display
                or claim.display not in claim.quote):
            continue
        by_body.setdefault((_body_key(body), claim.display), []).append(claim)
    if not by_body:
        return None
    # One figure per body: the one most of its claims give.
    per_body: dict[str, tuple[str, list[Claim]]] = {}
    for (body_key, value), group in sorted(by_body.items(), key=lambda kv: -len({c.source for c in kv[1]})):
        per_body.setdefault(body_key, (value, group))
    ranked = sorted(per_body.values(), key=lambda vg: -len({c.source for c in vg[1]}))[:MAX_MAGNITUDE_BODIES]
    # Bodies giving one figure share a clause ("A and B put its magnitude at 6.3").
    by_value: dict[str, list[list[Claim]]] = {}
    for value, group in ranked:
        by_value.setdefault(value, []).append(group)
    clauses = []
    used: list[Claim] = []
    for i, (value, groups) in enumerate(by_value.items()):
        bodies = lead_mod.join_names([_body(g[0].attributed_to) or "" for g in groups])
        if i == 0:
            clauses.append(f"{_capital(bodies)} put the {kind.noun}'s magnitude at {value}")
        else:
            clauses.append(f"{bodies} put it at {value}")
        used.extend(g[0] for g in groups)
    return _sentence("; ".join(clauses) + ".", used)


def _body_key(body: str) -> str:
    """One key for spellings of one body ("the U.S. Geological Survey", "the US Geological
    Survey", "the United States Geological Survey")."""
    words = [w for w in re.findall(r"[a-z]+", body.lower()) if w not in ("the", "of", "s")]
    # A country's short form and its name are one ("U.S." and "United States").
    return " ".join(w for w in words if w not in ("u", "us", "united", "states"))


def _accused(name: str) -> str:
    """The accused as the object of "blamed": a proper name as written ("Russia"), a name
    with a common head noun with "the" ("the YPG/PYD/PKK organization"), a description in
    the accuser's quoted words ('"terrorist groups"')."""
    if not name[:1].isupper():
        # A singular description takes its article outside the quotation ('an "outlawed
        # armed group"'); a plural none ('"terrorist groups"').
        if name.endswith("s"):
            return f'"{name}"'
        return f'{"an" if name[:1] in "aeiou" else "a"} "{name}"'

    if name.split()[-1][:1].islower():
        return f"the {name}"
    return name


def accusation_sentence(facts: EventFacts, kind: Kind, lead: Sequence[ArticleSentence]) -> ArticleSentence | None:
    """Who blamed whom, each accusation attributed to its accuser ("The Turkish government
    blamed the YPG/PYD/PKK organization."), leaving out what the lead already says; at most
    MAX_ACCUSATIONS. An accusation without a named accuser is not told: blame needs a
    speaker."""
    if kind.category != "attack":
        return None
    claims = [*facts.get("perpetrators").claims,
              *(c for x in facts.conflicts if x.fact == "perpetrators" for c in x.claims)]
    told = " ".join(s.text for s in lead).lower()
    seen: set[str] = set()
    parts: list[str] = []
    used: list[Claim] = []
    for claim in claims:
        if claim.stance != "accused":
            continue
        accuser = _body(claim.attributed_to)
        accused = str(claim.value)
        key = accused.lower()
        if accuser is None or key in seen or key in told or accused.lower() == "unknown":
            continue
        seen.add(key)
        accused_text = _accused(accused)
        parts.append(f"{accuser if parts else _capital(accuser)} blamed {accused_text}")
        used.append(claim)
        if len(parts) >= MAX_ACCUSATIONS:
            break
    if not parts:
        return None
    return _sentence("; ".join(parts) + ".", used)


def _place(facts: EventFacts) -> tuple[list[str], list[Claim]]:
    """The place's parts a report names, finest first (venue, city, district, region,
    country), and for each the claim that names it (verification finds it there)."""
    fact = facts.get("location")
    value = fact.value
    if not isinstance(value, dict):
        return [], []
    parts: list[str] = []
    claims: list[Claim] = []
    # A town lies in its district ("Khar, Bajaur district"), a district in its region.
    for key in ("venue", "city", "district", "region", "country"):
        name = value.get(key)
        if not isinstance(name, str) or not name or name in parts:
            continue
        naming = next((c for c in fact.claims if lead_mod.named_in(name, [c])), None)
        if naming is None:
            continue
        parts.append(name if key != "venue" or re.match(r"(?:the|a|an)\b", name, re.IGNORECASE) else f"the {name}")
        claims.append(naming)
    # "Homs, Homs Province, Syria": a region named after its city adds nothing.
    if len(parts) >= 3 and parts[-2].split()[0] == parts[-3].split()[0]:
        del parts[-2]
        del claims[-2]
    return parts, claims


def occurrence_sentence(facts: EventFacts, kind: Kind, title: str, lead: Sequence[ArticleSentence]) -> ArticleSentence | None:
    """"The earthquake struck at 11:47 p.m. local time in Jajarkot district, Karnali
    Province, Nepal.": when in the day and where, down to the venue, district and region a
    report names. Written only when it names a part of the place the ``lead`` does not (the
    lead names the city and the country; this sentence adds what narrows it down); None
    otherwise, or without a place."""
    parts, claims = _place(facts)
    told = " ".join(s.text for s in lead).lower()
    if not parts or all(p.lower().removeprefix("the ") in told for p in parts):
        return None
    time = lead_mod.time_phrase(facts)
    if time is not None and time[0] == "part":
        when = f" in the {time[1]}"
    elif time is not None:
        when = f" {lead_mod.at_clock(time[1])}"
    else:
        when = ""
    first, rest = parts[0], parts[1:]
    if first.lower().startswith("the "):
        # "at the Charles University in Prague, Czech Republic"
        where = f"at {first}" + (f" in {', '.join(rest)}" if rest else "")
    else:
        where = f"in {', '.join(parts)}"
    plural = lead_mod.titled_plural(kind, title)
    word = kind.plural if plural and kind.plural else lead_mod.event_word(kind)
    verb = "struck" if kind.category == "disaster" and kind is not UNKNOWN_KIND else "took place"
    return _sentence(f"The {word} {verb}{when} {where}.", [*claims, *(time[2] if time is not None else ())])


def narrative(facts: EventFacts, kind: Kind, lead: Sequence[ArticleSentence], title: str = "") -> tuple[ArticleSentence, ...]:
    """The sentences that open the event's own section, written from ``facts``: what it was
    carried out with, the magnitude each body measured, who blamed whom beyond the ``lead``.
    Each is left out when its fact is unknown, or disputed with no body to attribute it to."""
    sentences = [
        occurrence_sentence(facts, kind, title, lead),
        weapon_sentence(facts, kind),
        magnitude_sentence(facts, kind),
        accusation_sentence(facts, kind, lead),
    ]
    return tuple(s for s in sentences if s is not None)
