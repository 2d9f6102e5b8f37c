"""Prose composed from the reconciled facts: the lead, and the casualty figures paragraph.

The lead says what happened, where, when (the time of day too, in the reports' own 12-hour
form), the toll (attributed when sources disagree) and who
is responsible (or that nobody is known to be), in 2–4 sentences, grammatical for every kind
in the taxonomy; a weakly known date is hedged (``DATE_HEDGE``). The casualties paragraph explains a disputed toll once, figure by figure,
each attributed to whoever gave it. Every sentence cites the sources of the claims behind it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wikiwire.compose import uncertainty
from wikiwire.records import ArticleSentence, Claim, EventFacts, Fact, FactName, Qualifier
from wikiwire.taxonomy import UNKNOWN_KIND, Kind
from wikiwire.textkeys import lookup_key

__all__ = ["Figure", "Toll", "casualty_summary", "compose_lead", "event_word", "named_body", "toll"]

# Evidence sentence ids kept per fact in a lead sentence: enough for a reader to check the
# fact (the hover text), without listing every report that repeats it.
MAX_EVIDENCE_PER_FACT = 3
# Attributed figures listed per count in the casualties paragraph; beyond three the list
# stops being readable, and the bodies with the most reports behind them are kept.
MAX_ATTRIBUTED_FIGURES = 3


# Said before a weakly known date (``uncertainty.doubt``) in the first sentence: "in Homs,
# Syria, reportedly on 9 November 2023". The hedge sits on the date alone, not the event, and
# the citation right after the sentence names the report it rests on. Leaving the date out
# instead would make the lead silent on when it happened and hide, not show, the doubt; the
# reason itself is for the infobox note and the editors' tag, not for encyclopedic prose.
DATE_HEDGE = "reportedly"

# Numbers under ten are written in words in prose (MOS:NUMERAL).
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Figure:
    """One figure as a claim gave it: value, hedge, who gave it, and the claims behind it."""

    value: int
    qualifier: str | None
    by: str | None
    claims: tuple[Claim, ...]

    def text(self, *, hedge: bool = True) -> str:
        """The figure as prose: "more than 120", "1,482", "six" (under ten in words)."""
        number = _SMALL[self.value] if 0 <= self.value < len(_SMALL) else f"{self.value:,}"
        if hedge and self.qualifier and self.qualifier != "exactly":
            return f"{self.qualifier} {number}"
        return number


@dataclass(frozen=True)
class Toll:
    """A casualty count: the low and high figures (equal when undisputed)."""

    low: Figure
    high: Figure

    @property
    def disputed(self) -> bool:
        """True when sources give different figures."""
        return self.low.value != self.high.value

    def text(self) -> str:
        """"between 89 and more than 120" or "at least 89"."""
        if self.disputed:
            return f"between {self.low.text(hedge=False)} and {self.high.text()}"
        return self.low.text()

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The claims behind both figures."""
        return tuple(dict.fromkeys((*self.low.claims, *self.high.claims)))


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    return None


def _main_claims(fact: Fact) -> list[Claim]:
    """The claims behind the reconciled whole-event figure (no breakdown group), each stating
    its figure literally (a vague "dozens" read as 24 is not a figure to print)."""
    seen: set[tuple[str, str, object]] = set()
    out = []
    for claim in fact.claims:
        key = (claim.source, claim.sentence, claim.value)
        value = _int(claim.value)
        if claim.scope is None and value is not None and key not in seen and _literal(claim, value):
            seen.add(key)
            out.append(claim)
    return out


def _literal(claim: Claim, value: int) -> bool:
    """True when the claim's sentence states ``value`` itself, in digits or words."""
    from wikiwire.facts.numbers import find_quantities

    return any(q.value == value and not _VAGUE.search(q.text) for q in find_quantities(claim.quote))


_VAGUE = re.compile(r"dozen|score|hundreds|thousands", re.IGNORECASE)
# Attributions that name no one a reader could look up ("the monitor", "a source"): their
# figures are reported as unattributed.
_INSTITUTION = re.compile(
    r"\b(?:ministry|police|army|military|government|authorities|officials?|hospital|civil defen[cs]e|"
    r"rescuers|coroner|sheriff|governor|mayor|health department|state media|state television|news agency)\b",
    re.IGNORECASE,
)
# Time words a loose attribution may open with ("the evening the monitor").
_TIME_LEAD = re.compile(r"^(?:(?:the|by|in|on)\s+)?(?:evening|morning|afternoon|night|day|later|earlier)\s+", re.IGNORECASE)


# A word left dangling at the end of an attribution cut short ("a United Nations" from "a
# United Nations official ..."): an article, preposition or conjunction names nothing.
_DANGLING_END = re.compile(r"(?:\s+(?:a|an|the|of|for|and|or|to|at|in))+$", re.IGNORECASE)
# One unnamed person as the whole body: a bare singular noun ("official", "District official",
# "South Korea's official") is no body a reader can identify, and joined with others it reads
# as a form ("X and official and Y reported"). The plural ("officials") is a body.
_ONE_PERSON = re.compile(
    r"^(?:[\w.'’-]+\s+){0,3}?(?:official|spokes(?:man|woman|person)|source|officer|representative|aide|"
    r"worker|resident|witness|rescuer|doctor|medic|employee|member)$",
    re.IGNORECASE,
)
_INDEFINITE = re.compile(r"^an?\s+", re.IGNORECASE)


def named_body(attribution: str | None) -> str | None:
    """The attribution as a body a reader can identify ("the Ministry of Health", "police"),
    or None for an anonymous or generic one ("the monitor", "a security source", a bare
    "official"). A word left dangling at its end is dropped, and a proper name left after an
    indefinite article ("a United Nations") takes "the"."""
    if not attribution:
        return None
    text = _DANGLING_END.sub("", _TIME_LEAD.sub("", attribution.strip()))
    if not text:
        return None
    indefinite = _INDEFINITE.match(text)
    if indefinite is None and _ONE_PERSON.match(text):
        return None
    if indefinite is not None:
        rest = text[indefinite.end():].split()
        # Only capitalised words after "a": a name whose head noun was cut off.
        if rest and all(w[:1].isupper() for w in rest):
            text = "the " + " ".join(rest)
    if any(ch.isupper() for ch in text) or _INSTITUTION.search(text):
        return text
    return None


def join_names(names: Sequence[str]) -> str:
    """Names as a reader lists them: "A", "A and B", "A, B and C". A name that is itself two
    ("President X and security officials") is listed as its parts, not as "A and B and C"."""
    parts = list(dict.fromkeys(part.strip() for name in names for part in re.split(r"\s+and\s+", name) if part.strip()))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _figure(value: int, claims: Sequence[Claim]) -> Figure:
    """The figure ``value`` with its best-attested qualifier and attribution."""
    matching = [c for c in claims if _int(c.value) == value]
    attributed = [c for c in matching if named_body(c.attributed_to)]
    chosen = max(attributed or matching, key=lambda c: c.weight) if matching else None
    qualifier = chosen.qualifier if chosen else None
    by = named_body(chosen.attributed_to) if chosen else None
    return Figure(value, qualifier, by, tuple(matching))


def toll(fact: Fact) -> Toll | None:
    """The reconciled count of ``fact`` (fatalities or injuries) as low/high figures, or None
    when the fact is unknown. Reads ``Fact.value`` ({"low", "high", "best"} or an int)."""
    value = fact.value
    low = high = None
    if isinstance(value, dict):
        low = _int(value.get("low"))
        high = _int(value.get("high"))
        best = _int(value.get("best"))
        low = low if low is not None else best
        high = high if high is not None else best
    else:
        low = high = _int(value)
    if low is None or high is None:
        return None
    # Prose counts the victims; a perpetrator's own death is not one of "the people killed".
    perpetrators = sum(n for group, n in fact.breakdown.items() if group.startswith("perpetrator"))
    if perpetrators and low - perpetrators > 0:
        low, high = low - perpetrators, high - perpetrators
    claims = _main_claims(fact)
    low_figure, high_figure = _figure(low, claims), _figure(high, claims)
    if low != high:
        # A bound no report states in figures ("more than a dozen" read as 12) cannot be
        # cited: the range is given by the nearest figures that reports do state.
        stated = sorted({v for c in claims if (v := _int(c.value)) is not None and low <= v <= high})
        if not low_figure.claims and stated:
            low_figure = _figure(stated[0], claims)
        if not high_figure.claims and stated:
            high_figure = _figure(stated[-1], claims)
    return Toll(low_figure, high_figure)


def event_word(kind: Kind) -> str:
    """How prose refers back to the event: "the attack", "the earthquake", "the collapse"."""
    if kind.category == "attack":
        return "attack"
    if kind is UNKNOWN_KIND:
        return "incident"
    return kind.noun.split()[-1] if kind.category == "accident" else kind.noun


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def cited_claims(fact: Fact) -> list[Claim]:
    """The claims a sentence stating ``fact`` cites: those whose sentence writes its display
    (else any), at most MAX_EVIDENCE_PER_FACT."""
    supporting = [c for c in fact.claims if not fact.display or fact.display.lower() in c.quote.lower()] or list(fact.claims)
    return supporting[:MAX_EVIDENCE_PER_FACT]


def _cite(facts: Iterable[Fact], claims: Iterable[Claim] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sources, evidence) of the facts and claims a sentence states."""
    sources: list[str] = []
    evidence: list[str] = []
    for fact in facts:
        chosen = cited_claims(fact)
        # The claims shown as evidence are the ones cited: a lead sentence citing every
        # report that mentions the date is unreadable, and these suffice to verify it.
        sources.extend([c.source for c in chosen] or list(fact.sources[:MAX_EVIDENCE_PER_FACT]))
        evidence.extend(c.sentence for c in chosen)
    for claim in claims:
        sources.append(claim.source)
        evidence.append(claim.sentence)
    return tuple(dict.fromkeys(sources)), tuple(dict.fromkeys(evidence))


def location_phrase(facts: EventFacts, title: str, *, keep_venue: bool = False) -> tuple[str | None, str | None]:
    """("the Homs Military Academy", "Homs, Syria"): the venue (unless the title already
    names it) and the place, from the location fact."""
    fact = facts.get("location")
    value = fact.value
    if not isinstance(value, dict):
        return None, fact.display or None
    parts = [value.get(k) for k in ("city", "region", "country")]
    names = [p for p in parts if isinstance(p, str) and p]
    country = value.get("country")
    if isinstance(country, str) and country in names[1:] and fact.claims and not _attested(country, fact):
        # The gazetteer adds the country; the article names it only if a report does.
        names.remove(country)
    region = value.get("region")
    if isinstance(region, str) and region in names[1:] and fact.claims and not named_in(region, cited_claims(fact)):
        # So may it add the region: one that no sentence the first sentence cites names
        # would fail verification and take the whole sentence with it.
        names.remove(region)
    # "Homs, Homs Governorate, Syria" reads as a repetition: keep the city and the country.
    if len(names) == 3 and names[1].split()[0] == names[0].split()[0]:
        names = [names[0], names[2]]
    place = ", ".join(dict.fromkeys(names)) or None
    venue = value.get("venue")
    if not isinstance(venue, str) or not venue or (venue.lower() in title.lower() and not keep_venue):
        return None, place
    venue = venue if re.match(r"(?:the|a|an)\b", venue, re.IGNORECASE) else f"the {venue}"
    return venue, place


# Words a place name shares with any other, which verification does not ask a report to write.
_NAME_CONNECTORS = frozenset({"of", "the", "and", "al", "el", "de", "la", "le"})
# Letters of a long word a report must write (its ending may vary: "Pakhtunkhwa's").
NAME_STEM_CHARS = 5


def named_in(name: str, claims: Sequence[Claim]) -> bool:
    """True when every word of ``name`` (accents and case aside, a long word by its first
    NAME_STEM_CHARS letters at least) is written in one of the ``claims``' sentences."""
    def fold(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).lower()

    text = fold(" ".join(c.quote for c in claims))
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in _NAME_CONNECTORS]
    return all(re.search(rf"\b{re.escape(w[:max(NAME_STEM_CHARS, len(w) - 2)])}", text) for w in words)


# How reports write some countries other than by their full name.
_COUNTRY_SHORT: dict[str, tuple[str, ...]] = {
    "United States": ("U.S.", "US", "USA", "America", "American"),
    "United Kingdom": ("UK", "U.K.", "Britain", "British"),
}


def _attested(country: str, fact: Fact) -> bool:
    """True when a claim's sentence behind ``fact`` names ``country`` (or its demonym)."""
    stem = country[: max(4, len(country) - 2)].lower()
    quotes = " ".join(c.quote for c in fact.claims)
    lowered = quotes.lower()
    if stem in lowered:
        return True
    return any(re.search(rf"(?<![\w.]){re.escape(short)}(?![\w])", quotes) for short in _COUNTRY_SHORT.get(country, ()))


def date_text(facts: EventFacts) -> str | None:
    fact = facts.get("date")
    if fact.display:
        return fact.display
    if isinstance(fact.value, str):
        try:
            from wikiwire.compose.rewrite import format_date

            return format_date(dt.date.fromisoformat(fact.value))
        except ValueError:
            return None
    return None


# A part of the day as the time fact may give it ("afternoon"): said as "on the afternoon of".
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_CLOCK = re.compile(r"^(?P<approx>~)?(?P<h>\d{1,2}):(?P<m>\d{2})$")


def _clock_text(value: str) -> str | None:
    """"19:30" as prose, "7:30 p.m."; "00:00" as "midnight", "12:00" as "noon". The
    12-hour form is the reports' own (they write "7:30 p.m.", rarely "19:30"), so verification
    finds the figures in the sources cited."""
    m = _CLOCK.match(value)
    if m is None:
        return None
    hour, minute = int(m["h"]), int(m["m"])
    if hour > 23 or minute > 59:
        return None
    if (hour, minute) == (0, 0):
        return "midnight"
    if (hour, minute) == (12, 0):
        return "noon"
    twelve = hour % 12 or 12
    return f"{twelve}{f':{minute:02d}' if minute else ''} {'a.m.' if hour < 12 else 'p.m.'}"


def _states_time(quote: str, time: str) -> bool:
    """True when ``quote`` writes ``time`` ("7:30 p.m.", "11 a.m.", "midnight", "afternoon")
    so that verification finds it: a clock time with minutes as written (a dot and a colon
    between hour and minutes being one), a whole hour as its figure before "am"/"pm" in any
    spelling ("11am", "3:00 a.m.")."""
    folded = unicodedata.normalize("NFKD", quote).lower()
    whole = _WHOLE_HOUR.match(time)
    if whole is not None:
        pattern = rf"(?<![\w:.]){whole['h']}(?:[:.]00)?\s*{whole['half']}\.?\s?m\b"
        return re.search(pattern, folded) is not None
    wanted = re.escape(time.lower().replace(".", ":"))
    return re.search(rf"(?<![\w:]){wanted}", folded.replace(".", ":")) is not None


_WHOLE_HOUR = re.compile(r"^(?P<h>\d{1,2}) (?P<half>[ap])\.m\.$")


def time_phrase(facts: EventFacts) -> tuple[str, str, tuple[Claim, ...]] | None:
    """(how the time joins the date, the time, the claims whose sentences write it so) from the
    time fact: ("part", "afternoon", ...) for "on the afternoon of <date>", ("clock", "about 7
    p.m.", ...) for "at about 7 p.m. local time on <date>". None when the time is unknown, not
    one clock time or part of day, or written so by no report: the first sentence states
    nothing its citations do not, and a reworded time ("19:30" for "7.30pm") would fail
    verification and cost the article its first sentence."""
    fact = facts.get("time")
    display = fact.display.strip()
    if not display:
        return None
    if display.lower() in _PARTS_OF_DAY:
        mode, time, said = "part", display.lower(), display.lower()
    else:
        clock = _clock_text(display.lstrip("~"))
        if clock is None:
            return None
        mode, said = "clock", clock
        time = f"{'about ' if display.startswith('~') else ''}{clock}"
    claims = tuple(c for c in fact.claims if _states_time(c.quote, said))
    return (mode, time, claims[:MAX_EVIDENCE_PER_FACT]) if claims else None


def at_clock(clock: str) -> str:
    """ "at about 7 p.m. local time", "at midnight": a clock time from ``time_phrase`` as prose
    (midnight and noon need no zone)."""
    return f"at {clock}{'' if clock.endswith(('midnight', 'noon')) else ' local time'}"


def _subject(title: str) -> str:
    """The title as the subject of the first sentence ("The 2023 Homs drone strike")."""
    return title if re.match(r"the\b", title, re.IGNORECASE) else f"The {title}"


def _target_phrase(target: str) -> str:
    """"a military graduation ceremony"; a proper name ("Schemengees Bar") takes no article."""
    if re.match(r"(?:the|a|an)\b", target, re.IGNORECASE):
        return target[:1].lower() + target[1:]
    words = target.split()
    if all(w[:1].isupper() or w in ("of", "and", "&", "the") for w in words):
        return target
    return _article(target)


def _same_place(a: str, b: str) -> bool:
    """True when two names are one place, articles and case aside ("the Istiklal Avenue" and
    "Istiklal Avenue")."""
    def bare(name: str) -> str:
        return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE).casefold()

    return bare(a) == bare(b)


def _undisputed_magnitude(facts: EventFacts) -> Fact | None:
    """The magnitude fact when every report giving one agrees; a disputed magnitude stays in
    the infobox and in the body's attributed sentences, not in the lead's plain statement."""
    magnitude = facts.get("magnitude")
    if not magnitude.display or any(c.fact == "magnitude" for c in facts.conflicts):
        return None
    return magnitude


# Head nouns of targets that take "on" in "an attack on ...": gatherings and vehicles.
_ON_TARGET = re.compile(
    r"\b(?:ceremony|wedding|funeral|rally|march|protest|demonstration|procession|parade|concert|"
    r"festival|gathering|crowd|meeting|celebration|convoy|bus|train|motorcade|vehicle|ship|boat)s?$",
    re.IGNORECASE,
)


def titled_plural(kind: Kind, title: str) -> bool:
    """Whether ``title`` names several events of ``kind`` ("2023 Herat earthquakes",
    "2023 Lewiston shootings"): it ends with the kind's plural or its title plural."""
    plurals = [p for p in (kind.plural, kind.title_plural) if p]
    return any(title.lower().endswith(p.lower()) for p in plurals)


def _first_sentence(facts: EventFacts, kind: Kind, title: str) -> ArticleSentence | None:
    venue, place = location_phrase(facts, title)
    date = date_text(facts)
    if not (venue or place or date):
        # "The Incident was an incident." says nothing: without a place or a date there is
        # no first sentence to write.
        return None
    plural = titled_plural(kind, title)
    verb = "were" if plural else "was"
    time_claims: tuple[Claim, ...] = ()
    target = facts.get("target").display
    used = [facts.get(n) for n in ("date", "location", "type")]
    if kind.category == "disaster" and kind is not UNKNOWN_KIND:
        magnitude = _undisputed_magnitude(facts)
        noun = f"magnitude {magnitude.display} {kind.plural if plural else kind.noun}" if magnitude else None
        if magnitude:
            used.append(magnitude)
        what = f"a series of {noun or kind.plural}" if plural else _article(noun or kind.noun)
        text = f"{_subject(title)} {verb} {what} that struck"
        text += f" {venue}" if venue else ""
        text += f" {'in ' if venue else ''}{place}" if place else ""
        if not venue and not place:
            text = f"{_subject(title)} {verb} {what}"
    elif plural and kind.plural:
        # Several attacks: the target and venue found are one site among several, so only the
        # place is named ("were a series of mass shootings in Lewiston, Maine").
        text = f"{_subject(title)} {verb} a series of {kind.plural}"
        if place:
            text += f" in {place}"
    else:
        text = f"{_subject(title)} {verb} {_article(kind.noun)}"
        if target and kind.category == "attack":
            used.append(facts.get("target"))
            phrase = _target_phrase(target)
            # A gathering or a vehicle is attacked "on" ("on a graduation ceremony", "on a
            # convoy"); a place, named or not, "at" ("at Schemengees Bar", "at a market").
            text += f" {'on' if _ON_TARGET.search(phrase) else 'at'} {phrase}"
        # The target may be the venue itself ("at Istiklal Avenue"): named once.
        if venue and not (target and _same_place(venue, target)):
            text += f" at {venue}"
        if place:
            text += f" in {place}"
    if date:
        time = time_phrase(facts)
        if time is not None:
            time_claims = time[2]
        if time is not None and time[0] == "part":
            day = f"on the {time[1]} of {date}"
        elif time is not None:
            day = f"{at_clock(time[1])} on {date}"
        else:
            day = f"on {date}"
        when = f"{DATE_HEDGE} {day}" if uncertainty.doubt(facts.get("date")) else day
        # "in Homs, Syria, on 5 October": the comma closes a place given with its country;
        # a place in one name takes none ("in Greece on 28 February").
        text += f", {when}" if place and "," in place else f" {when}"
    sources, evidence = _cite((f for f in used if f.display or f.value), time_claims)
    return ArticleSentence(text=text + ".", sources=sources, evidence=evidence)


def _toll_sentence(facts: EventFacts, kind: Kind, plural: bool = False) -> ArticleSentence | None:
    dead = toll(facts.get("fatalities"))
    hurt = toll(facts.get("injuries"))
    if dead is None and hurt is None:
        return None
    subject = f"The {kind.plural if plural and kind.plural else event_word(kind)}"
    claims: list[Claim] = []
    if dead is not None:
        claims.extend(dead.claims)
        text = f"{subject} killed {dead.text()} {_people(dead.high.value)}"
        # A range is attributed only when both ends have a named source: naming one would
        # pin the other's figure on it.
        bys = list(dict.fromkeys(f.by for f in (dead.low, dead.high) if f.by)) if dead.disputed and dead.low.by and dead.high.by else []
        if bys:
            text += ", according to " + join_names(bys)
        if hurt is not None:
            claims.extend(hurt.claims)
            one = hurt.high.value == 1 and not hurt.disputed
            text += f"; {hurt.text()} {'person was' if one else 'people were'} injured" if bys else f" and injured {hurt.text()} {'other' if one else 'others'}"
    elif hurt is not None:
        claims.extend(hurt.claims)
        text = f"{_capital(hurt.text())} {'person was' if hurt.high.value == 1 else 'people were'} injured in the {event_word(kind)}"
    facts_used = [f for f in (facts.get("fatalities"), facts.get("injuries")) if f.value is not None and not claims]
    sources, evidence = _cite(facts_used, claims)
    return ArticleSentence(text=text + ".", sources=sources, evidence=evidence)


# Singulars of the breakdown groups whose plural is irregular.
_SINGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person", "police": "police officer"}


def _group(n: int, group: str, qualifier: Qualifier | None = None) -> str:
    """"31 women", "one child", "at least 24 children" (a vague count keeps its hedge: reports
    that said "dozens of children" never said 24)."""
    if n == 1 and qualifier in (None, "exactly"):
        return f"one {_SINGULAR.get(group, group[:-1] if group.endswith('s') else group)}"
    return f"{Figure(n, qualifier, None, ()).text()} {group}"


def _people(n: int) -> str:
    return "person" if n == 1 else "people"


def _quoted(text: str) -> str:
    return text if text.startswith('"') or text[:1].isupper() else f'"{text}"'


def _responsibility_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    """Who is responsible, or that no one claimed it and whom the authorities blamed."""
    fact = facts.get("perpetrators")
    if not fact.claims and not fact.display:
        return None
    word = event_word(kind)
    # Accusations do not make a perpetrator, so the reconciler keeps them in the conflict.
    all_claims = [*fact.claims, *(c for x in facts.conflicts if x.fact == "perpetrators" for c in x.claims)]
    claimed = [c for c in fact.claims if c.stance == "claimed"]
    if claimed:
        name = str(claimed[0].value)
        sources, evidence = _cite((), claimed)
        return ArticleSentence(text=f"{_capital(name)} claimed responsibility for the {word}.", sources=sources, evidence=evidence)
    value = fact.value if isinstance(fact.value, str) else fact.display
    accused = [c for c in all_claims if c.stance == "accused" and named_body(c.attributed_to)]
    suspected = [c for c in fact.claims if c.stance == "suspected"]
    if value and value.lower() != "unknown" and suspected:
        by = suspected[0].attributed_to
        text = f"{_capital(by)} identified {value} as the suspected perpetrator" if by else f"{value} was identified as the suspected perpetrator"
        sources, evidence = _cite((), suspected[:MAX_EVIDENCE_PER_FACT])
        return ArticleSentence(text=text + ".", sources=sources, evidence=evidence)
    unknown = [c for c in fact.claims if c.stance in ("unknown", None) and str(c.value).lower() == "unknown"]
    if not unknown and not accused:
        return None
    parts: list[str] = []
    used: list[Claim] = []
    if unknown:
        parts.append(f"No group claimed responsibility for the {word}")
        used.extend(unknown[:MAX_EVIDENCE_PER_FACT])
    if accused:
        first = accused[0]
        by = named_body(first.attributed_to) or ""
        parts.append(f"{by if parts else _capital(by)} blamed {_quoted(str(first.value))}")
        used.append(first)
    sources, evidence = _cite((), used)
    return ArticleSentence(text="; ".join(parts) + ".", sources=sources, evidence=evidence)


# A series named after a phenomenon rather than after events ("terrorism in Turkey"): the
# context extractor names one only when the reports say the country is attacked again and
# again, so its members are "many acts of" it.
_PHENOMENON = re.compile(r"^(?:terrorism|violence|extremism)\b", re.IGNORECASE)


def _context_sentence(facts: EventFacts, kind: Kind) -> ArticleSentence | None:
    """The wider conflict or series: a war is what the event "took place during"; terrorism
    in a country is what the event was one of many acts of. A series of events of its kind
    ("mass shootings in the United States", named without "the") stays in the infobox's
    "Part of": a report ranking the event in a country's history says nothing of how many
    there were, and "took place during mass shootings" is no English."""
    fact = facts.get("part_of")
    display = fact.display
    if not display:
        return None
    if re.match(r"the\b", display, re.IGNORECASE):
        text = f"The {event_word(kind)} took place during {display}."
    elif _PHENOMENON.match(display):
        text = f"The {event_word(kind)} was one of many acts of {display}."
    else:
        return None
    sources, evidence = _cite([fact])
    return ArticleSentence(text=text, sources=sources, evidence=evidence)


# Lead length bounds from the brief of a Wikipedia lead for a short event article.
MAX_LEAD_SENTENCES = 4


def compose_lead(facts: EventFacts, kind: Kind, title: str) -> tuple[ArticleSentence, ...]:
    """The lead: what/where/when (containing the title verbatim), toll, responsibility,
    context; sentences whose facts are unknown are left out. At most four sentences."""
    plural = titled_plural(kind, title)
    sentences = [_first_sentence(facts, kind, title), _toll_sentence(facts, kind, plural)]
    if kind.category == "attack":
        sentences.append(_responsibility_sentence(facts, kind))
    sentences.append(_context_sentence(facts, kind))
    return tuple(s for s in sentences if s is not None)[:MAX_LEAD_SENTENCES]


# ---------------------------------------------------------------------------------------------
# the casualties paragraph

# How a body's figure is reported: the first clause names what is counted, later ones
# ("; the Observatory reported more than 120") let the reader carry it over.
_FIGURE_VERBS = {"fatalities": ("reported {fig} deaths", "reported {fig}"),
                 "injuries": ("reported {fig} people injured", "reported {fig}")}


def _norm_by(by: str) -> str:
    return re.sub(r"^the\s+", "", by.strip().lower())


def _latest_figures(claims: Sequence[Claim]) -> list[Figure]:
    """One figure per named body: its latest, then highest, figure (tolls rise). Spellings
    of one body are one body when one's words contain the other's ("Gov. Janet Mills" and
    "Gov. Janet Mills of Maine"); bodies giving the same figure share one clause."""
    groups: list[tuple[set[str], list[Claim]]] = []
    for claim in claims:
        body = named_body(claim.attributed_to)
        if not body:
            continue
        key = set(_body_key(body).split())
        for words, members in groups:
            if key <= words or words <= key:
                members.append(claim)
                words |= key
                break
        else:
            groups.append((key, [claim]))
    figures: list[Figure] = []
    for _, group in groups:
        best = max(group, key=lambda c: (c.reported or dt.date.min, _int(c.value) or 0))
        same = tuple(c for c in group if c.value == best.value)
        figures.append(Figure(_int(best.value) or 0, best.qualifier, named_body(best.attributed_to), same))
    merged: dict[int, tuple[Figure, list[str]]] = {}
    for fig in figures:
        if fig.value in merged:
            old, bys = merged[fig.value]
            merged[fig.value] = (Figure(fig.value, old.qualifier, None, (*old.claims, *fig.claims)), [*bys, fig.by or ""])
        else:
            merged[fig.value] = (fig, [fig.by or ""])
    joined = [Figure(f.value, f.qualifier, join_names(bys), f.claims) for f, bys in merged.values()]
    out = sorted(joined, key=lambda f: -len({c.source for c in f.claims}))
    return out[:MAX_ATTRIBUTED_FIGURES]


# Words that do not tell one body from another ("Syria's health ministry" is "the health
# ministry" is "the Ministry of Health").
_BODY_NOISE = frozenset({"the", "a", "an", "of", "for", "s", "country", "national", "state"})


# Abbreviated titles, spelt out so that "Gov. Ali Yerlikaya" and "Governor Ali Yerlikaya" are
# one body.
_TITLE_WORDS = {"gov": "governor", "pres": "president", "sen": "senator", "gen": "general", "lt": "lieutenant",
                "col": "colonel", "sgt": "sergeant", "supt": "superintendent", "dept": "department", "min": "minister"}


def _body_key(body: str) -> str:
    words = [_TITLE_WORDS.get(w, w) for w in re.findall(r"[a-z]+", body.lower().replace("’", "'"))]
    # A possessive owner ("Syria's") names the country, not the body.
    owner = re.match(r"\s*(?:the\s+)?([A-Za-z]+)['’]s\b", body)
    drop = {lookup_key(owner.group(1))} if owner else set()
    return " ".join(sorted({w for w in words if w not in _BODY_NOISE and w not in drop}))


# Clauses per casualty sentence: two figures read as one contrast; more become a list
# that is easier to read as separate sentences.
CLAUSES_PER_SENTENCE = 2


def casualty_summary(facts: EventFacts) -> tuple[ArticleSentence, ...]:
    """The casualty figures explained once: each named body's figure, attributed, and the
    range of the other reports; then the breakdown by group. Each sentence cites its claims."""
    out: list[ArticleSentence] = []
    names: tuple[FactName, ...] = ("fatalities", "injuries")
    for name in names:
        claims = _main_claims(facts.get(name))
        if not claims:
            continue
        first, later = _FIGURE_VERBS[name]
        figures = _latest_figures(claims)
        for at in range(0, len(figures), CLAUSES_PER_SENTENCE):
            chunk = figures[at: at + CLAUSES_PER_SENTENCE]
            clauses = [f"{f.by} {(later if i else first).format(fig=f.text())}" for i, f in enumerate(chunk)]
            out.append(_sentence(_capital("; ".join(clauses)) + ".", [c for f in chunk for c in f.claims]))
        named = {c for f in figures for c in f.claims}
        rest = [c for c in claims if c not in named and not named_body(c.attributed_to)]
        values = sorted({v for c in rest if (v := _int(c.value)) is not None})
        if not values or (len(values) == 1 and figures):
            continue
        if len(values) == 1:
            claim = next(c for c in rest if _int(c.value) == values[0])
            fig = Figure(values[0], claim.qualifier, None, ())
            one = values[0] == 1
            verb = ("was" if one else "were") + (" killed" if name == "fatalities" else " injured")
            # The figure opens the sentence: "Reports said ..." reads as a name to look up.
            text = f"{_capital(fig.text())} {_people(values[0])} {verb}, according to reports"
        else:
            what = "death tolls" if name == "fatalities" else "numbers of injured"
            text = f"{'Other reports' if figures else 'Reports'} gave {what} ranging from {values[0]:,} to {values[-1]:,}"
        out.append(_sentence(text + ".", [c for c in rest if _int(c.value) in (values[0], values[-1])]))
    out = _merge_same_body(out)
    breakdown = facts.get("fatalities").breakdown
    if breakdown:
        scoped = [c for c in facts.get("fatalities").claims if c.scope in breakdown and _int(c.value) == breakdown[c.scope]]
        # A perpetrator's death is told in prose, not listed among the victims.
        def hedge(group: str) -> Qualifier | None:
            # A group figure some report states exactly is exact; else the reports' hedge.
            qualifiers = [c.qualifier for c in scoped if c.scope == group]
            return None if not qualifiers or any(q in (None, "exactly") for q in qualifiers) else qualifiers[0]

        groups = [_group(breakdown[g], g, hedge(g)) for g in breakdown
                  if any(c.scope == g for c in scoped) and not g.startswith("perpetrator")]
        if groups:
            joined = groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + " and " + groups[-1]
            used = [c for c in scoped if not (c.scope or "").startswith("perpetrator")]
            out.append(_sentence(f"The dead included {joined}.", used))
    return tuple(out)


_SINGLE_DEATHS = re.compile(r"^(?P<by>[^;]+?) reported (?P<fig>[^;]+?) deaths\.$")
_SINGLE_INJURED = re.compile(r"^(?P<by>[^;]+?) reported (?P<fig>[^;]+?) people injured\.$")


def _merge_same_body(out: list[ArticleSentence]) -> list[ArticleSentence]:
    """"X reported 18 deaths." and "X reported 13 people injured." as one sentence ("X
    reported 18 deaths and 13 people injured."): the same body named twice in a row reads as
    a form being filled in."""
    for i in range(len(out) - 1):
        dead, hurt = _SINGLE_DEATHS.match(out[i].text), _SINGLE_INJURED.match(out[i + 1].text)
        if dead and hurt and dead["by"] == hurt["by"]:
            merged = ArticleSentence(
                text=f"{dead['by']} reported {dead['fig']} deaths and {hurt['fig']} people injured.",
                sources=tuple(dict.fromkeys((*out[i].sources, *out[i + 1].sources))),
                evidence=tuple(dict.fromkeys((*out[i].evidence, *out[i + 1].evidence))),
            )
            return [*out[:i], merged, *out[i + 2:]]
    return out


def _sentence(text: str, claims: Sequence[Claim]) -> ArticleSentence:
    sources, evidence = _cite((), claims)
    return ArticleSentence(text=text, sources=sources, evidence=evidence)
