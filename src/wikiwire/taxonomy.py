"""The event taxonomy: kinds of event, and for each the infobox template and article sections.

Data, not logic: the type extractor (``facts.kinds``) recognises kinds by ``patterns``; the
composer takes headings from ``SECTIONS``; the wikitext renderer takes the template and its
real parameter names from ``TEMPLATES``. Adding a kind means adding one ``Kind`` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal["attack", "disaster", "accident", "event"]


@dataclass(frozen=True)
class Template:
    """A MediaWiki infobox template and how our facts map to its real parameter names.

    ``params`` maps a fact name (or "title") to the template's parameter; facts that the
    template has no parameter for are left out of the infobox (they stay in event.json).
    Parameter order is the template's documented order.
    """

    name: str
    params: tuple[tuple[str, str], ...]

    def has(self, fact_name: str) -> bool:
        """Whether the template has a parameter for ``fact_name``."""
        return any(name == fact_name for name, _ in self.params)


@dataclass(frozen=True)
class SectionSpec:
    """A section heading, the role sentences must have to go in it, and its subsections."""

    heading: str
    role: str  # background | event | casualties | damage | aftermath | response | investigation | reactions | domestic | international
    subsections: tuple[SectionSpec, ...] = ()


@dataclass(frozen=True)
class Kind:
    """One kind of event.

    ``key`` is the value of the ``type`` fact; ``noun`` is used in titles and prose
    ("2023 Homs drone strike", "a drone strike"); ``event_heading`` names the section that
    narrates the event itself; ``patterns`` are regular expressions (case-insensitive, matched
    between word boundaries at both ends: "storms?" does not match "stormed") whose presence
    in a sentence suggests this kind; ``specificity``
    breaks ties (a "drone strike" is also an "airstrike" and an "attack": the more specific
    kind wins when both are attested).
    """

    key: str
    category: Category
    noun: str
    template: str
    event_heading: str
    patterns: tuple[str, ...]
    specificity: int = 1
    plural: str | None = None
    # The noun titles use when it differs from ``noun``: articles on mass shootings are titled
    # "2023 Lewiston shootings", "2022 Buffalo shooting", while their prose says "a mass shooting".
    title_noun: str | None = None
    title_plural: str | None = None


# Parameter names checked against each template's documentation ("Full blank syntax" /
# "Usage" sections). Facts a template has no parameter for stay in event.json only.
CIVILIAN_ATTACK = Template(
    "Infobox civilian attack",
    (
        ("title", "title"),
        ("part_of", "partof"),
        ("location", "location"),
        ("coordinates", "coordinates"),
        ("target", "target"),
        ("date", "date"),
        ("time", "time"),
        ("timezone", "timezone"),
        ("type", "type"),
        ("weapons", "weapons"),
        ("fatalities", "fatalities"),
        ("injuries", "injuries"),
        ("perpetrators", "perpetrators"),
    ),
)
# {{Infobox earthquake}}: "location" is the epicentre's coordinates, which reports give only
# as a distance from a town, so it is left out (the place index's city centre would put the
# epicentre in the wrong place); "affected" names the areas hit; there is no timezone (the
# doc asks for it inside local-time) and one "casualties" row.
# Its "type" is the fault mechanism ("Thrust", "Strike-slip"), not "Earthquake": it is filled
# from the type fact's fault claims ("fault", see compose.infobox) and left out without them.
EARTHQUAKE = Template(
    "Infobox earthquake",
    (
        ("title", "name"),
        ("date", "local-date"),
        ("time", "local-time"),
        ("magnitude", "magnitude"),
        ("fault", "type"),
        ("location", "affected"),
        ("fatalities", "casualties"),
    ),
)
# {{Infobox aircraft occurrence}}, single-aircraft form: "summary" says what happened.
AIRCRAFT = Template(
    "Infobox aircraft occurrence",
    (
        ("title", "name"),
        ("date", "date"),
        ("type", "summary"),
        ("location", "site"),
        ("coordinates", "coordinates"),
        ("fatalities", "fatalities"),
        ("injuries", "injuries"),
    ),
)
RAIL = Template(
    "Infobox rail accident",
    (
        ("title", "title"),
        ("date", "date"),
        ("time", "time"),
        ("location", "location"),
        ("coordinates", "coordinates"),
        ("type", "type"),
        ("fatalities", "deaths"),
        ("injuries", "injuries"),
    ),
)
EVENT = Template(
    "Infobox event",
    (
        ("title", "title"),
        ("part_of", "partof"),
        ("date", "date"),
        ("time", "time"),
        ("timezone", "timezone"),
        ("location", "location"),
        ("coordinates", "coordinates"),
        ("type", "type"),
        ("fatalities", "deaths"),
        ("injuries", "injuries"),
    ),
)
TEMPLATES: dict[str, Template] = {
    t.name: t for t in (CIVILIAN_ATTACK, EARTHQUAKE, AIRCRAFT, RAIL, EVENT)
}

_ATTACK_SECTIONS_TAIL = (
    SectionSpec("Casualties", "casualties"),
    SectionSpec("Aftermath", "aftermath"),
    SectionSpec(
        "Reactions",
        "reactions",
        (SectionSpec("Domestic", "domestic"), SectionSpec("International", "international")),
    ),
)
_DISASTER_SECTIONS_TAIL = (
    SectionSpec("Damage", "damage"),
    SectionSpec("Casualties", "casualties"),
    SectionSpec("Response", "response"),
    SectionSpec("Investigation", "investigation"),
)


def sections_for(kind: Kind) -> tuple[SectionSpec, ...]:
    """The article's sections for ``kind``, in order (empty ones are omitted when composing)."""
    event = SectionSpec(kind.event_heading, "event")
    background = SectionSpec("Background", "background")
    if kind.category == "attack":
        return (background, event, *_ATTACK_SECTIONS_TAIL)
    return (background, event, *_DISASTER_SECTIONS_TAIL)


def _attack(key: str, heading: str, patterns: tuple[str, ...], specificity: int = 2,
            noun: str | None = None, plural: str | None = None, title: tuple[str, str] | None = None) -> Kind:
    title_noun, title_plural = title or (None, None)
    return Kind(key, "attack", noun or key, CIVILIAN_ATTACK.name, heading, patterns, specificity, plural, title_noun, title_plural)


def _disaster(key: str, heading: str, patterns: tuple[str, ...], template: str = EVENT.name,
              category: Category = "disaster", specificity: int = 2, noun: str | None = None,
              plural: str | None = None, title: tuple[str, str] | None = None) -> Kind:
    title_noun, title_plural = title or (None, None)
    return Kind(key, category, noun or key, template, heading, patterns, specificity, plural, title_noun, title_plural)


KINDS: tuple[Kind, ...] = (
    # attacks, most specific first
    _attack("drone strike", "Attack", (r"drone (?:strike|attack)s?", r"drones?\b.{0,40}\b(?:attack\w*|strike[sd]?|hit|struck|launched|targeted)", r"(?:attack|strike)s? (?:by|with|using) (?:[\w-]+ )?drones?", r"(?:kamikaze|suicide|explosive-laden|armed) drones?", r"unmanned aerial vehicles?"), 3),
    _attack("airstrike", "Attack", (r"air ?strikes?", r"air raids?", r"air attacks?", r"aerial (?:attack|bombardment)s?", r"warplanes?"), 2),
    _attack("missile strike", "Attack", (r"missile (?:strike|attack)s?", r"rocket (?:strike|attack)s?", r"ballistic missiles?"), 2),
    _attack("shelling", "Attack", (r"shelling", r"shelled", r"artillery(?: (?:fire|strike|attack|barrage)s?)?", r"mortar (?:fire|attack|round)s?"), 2),
    # Encyclopedias title suicide and car bombings "<year> <place> bombing(s)" ("2023 Peshawar
    # mosque bombing"); the prose keeps the specific noun.
    _attack("suicide bombing", "Bombing", (r"suicide (?:bomb(?:er|ing)?|attack(?:er)?)s?", r"blew (?:himself|herself|themselves) up", r"(?:suicide|explosive) vests?"), 4,
            plural="suicide bombings", title=("bombing", "bombings")),
    _attack("car bombing", "Bombing", (r"car bombs?(?:ing)?", r"vehicle[- ]borne (?:improvised )?explosive", r"truck bombs?", r"booby-trapped (?:car|vehicle)s?"), 4,
            plural="car bombings", title=("bombing", "bombings")),
    _attack("bombing", "Bombing", (r"bomb(?:ing|ings|ed)?\b", r"improvised explosive devices?", r"\bIEDs?\b"), 2),
    _attack("mass shooting", "Shooting", (r"mass shootings?", r"(?:school|workplace|church|mall|nightclub) shootings?", r"shootings", r"shooting (?:spree|rampage)", r"opened fire", r"gunm[ae]n", r"shooter", r"active shooter", r"shot (?:and killed|dead)"), 3, plural="mass shootings",
            title=("shooting", "shootings")),
    _attack("stabbing", "Attack", (r"stabb(?:ing|ed)s?", r"knife attacks?", r"knifeman"), 3),
    _attack("vehicle-ramming attack", "Attack", (r"ramming attacks?", r"(?:drove|ramm(?:ed|ing)) (?:a|his|her|their|the) (?:car|truck|van|vehicle|lorry) into", r"ramm(?:ed|ing) into (?:a |the )?(?:crowds?|pedestrians|people|shoppers|worshippers|protesters)", r"vehicle[- ]ramming"), 3, noun="vehicle-ramming attack"),
    _attack("arson", "Attack", (r"arson", r"set (?:fire|ablaze)", r"firebomb(?:ing|ed)?"), 2),
    _attack("hostage-taking", "Attack", (r"hostages?", r"hostage[- ]taking", r"took .{0,20}hostage"), 2),
    # disasters and accidents
    _disaster("earthquake", "Earthquake", (r"earthquakes?", r"quakes?", r"tremors?", r"magnitude[- ]\d", r"aftershocks?", r"seismic"), EARTHQUAKE.name, specificity=3, plural="earthquakes"),
    _disaster("dam failure", "Dam failure", (r"dam (?:failure|collapse|burst|breach)", r"dams? (?:collapsed|burst|failed|breached)"), specificity=4),
    _disaster("flood", "Flood", (r"floods?", r"flooding", r"flash floods?", r"inundat\w+"), specificity=2, plural="floods"),
    _disaster("landslide", "Landslide", (r"landslides?", r"mudslides?", r"rockslides?"), specificity=3, plural="landslides"),
    _disaster("storm", "Storm", (r"cyclones?", r"hurricanes?", r"typhoons?", r"tornado(?:e?s)?", r"storms?"), specificity=2),
    _disaster("wildfire", "Fire", (r"wildfires?", r"forest fires?", r"bushfires?", r"brush fires?"), specificity=3),
    _disaster("bridge collapse", "Collapse", (r"bridge (?:collapses?|collapsed|fell|came down|gave way)", r"collapse of the .{0,40}bridge", r"bridge .{0,30}collapsed"), category="accident", specificity=4),
    _disaster("building collapse", "Collapse", (r"building collapses?", r"(?:building|block|tower|roof) (?:collapsed|caved in)", r"collapse of (?:a|the) (?:[\w-]+ )?(?:building|tower|block)"), category="accident", specificity=3),
    _disaster("crowd crush", "Crush", (r"crowd crush(?:es)?", r"crowd surges?", r"stampedes?", r"crush(?:ed)? (?:in|by) the crowd"), category="accident", specificity=3),
    _disaster("rail accident", "Accident", (r"(?:train|rail|railway) (?:crash|collision|derailment|accident|disaster)s?", r"derail(?:ed|ment)", r"trains? collided"), RAIL.name, category="accident", specificity=3,
              # Titles name what happened as news and encyclopedias do ("Tempi train crash").
              title=("train crash", "train crashes")),
    _disaster("aviation accident", "Accident", (r"plane crash(?:ed|es)?", r"(?:aircraft|airliner|jet|helicopter) crash(?:ed|es)?", r"crash[- ]landed",
                                                 r"(?:plane|aircraft|airliner|jetliner|helicopter)(?=\b[^.;]{0,60}?\bcrashed\b)"), AIRCRAFT.name, category="accident", specificity=3,
              title=("plane crash", "plane crashes")),
    _disaster("road accident", "Accident", (r"(?:bus|car|road|traffic|truck) (?:crash|accident|collision)s?", r"pile-?up"), category="accident", specificity=2),
    _disaster("maritime accident", "Accident", (r"(?:ship|boat|ferry|vessel) (?:sank|capsized|collided|disaster)", r"capsiz(?:ed|ing)", r"shipwreck", r"sinking"), category="accident", specificity=2),
    _disaster("explosion", "Explosion", (r"explosions?", r"blasts?", r"exploded"), category="accident", specificity=1),
)
KINDS_BY_KEY: dict[str, Kind] = {k.key: k for k in KINDS}

# The kind used when no type could be established: a neutral "incident" with the generic
# infobox, so the article still renders.
UNKNOWN_KIND = Kind("event", "event", "incident", EVENT.name, "Event", (), 0)


# Kinds that reports of one event also name for that same event: the drone strike's
# explosion, the quake's landslides and collapsed buildings, the flood's landslides, the plane
# that exploded when it crashed, the ship that hit the bridge. Each group is a family; a kind
# is related to every other kind of every family it is in. A kind outside the event's
# families names another event (``focus``): the earthquake that relief flights were for, the
# war's shelling around a bombing. Data, not logic: adding a kind means placing it here too.
RELATED_FAMILIES: tuple[frozenset[str], ...] = (
    # explosive and remote attacks: reports call one strike by several of these names
    frozenset({"drone strike", "airstrike", "missile strike", "shelling", "suicide bombing", "car bombing", "bombing", "explosion"}),
    # attacks on people at close range, often combined in one attack
    frozenset({"mass shooting", "stabbing", "vehicle-ramming attack", "hostage-taking", "arson", "explosion"}),
    frozenset({"suicide bombing", "mass shooting"}),  # gunmen and bombers in one attack
    # ground shaking and what it brings down
    frozenset({"earthquake", "landslide", "building collapse"}),
    # rain, water and what they bring down
    frozenset({"flood", "landslide", "storm", "dam failure"}),
    frozenset({"wildfire", "explosion", "building collapse"}),
    frozenset({"arson", "building collapse"}),
    # transport accidents: a crash often explodes or burns
    frozenset({"aviation accident", "explosion"}),
    frozenset({"rail accident", "explosion"}),
    frozenset({"road accident", "explosion"}),
    frozenset({"maritime accident", "bridge collapse"}),
    frozenset({"building collapse", "explosion"}),
    frozenset({"bridge collapse", "building collapse"}),
)


def related_kinds(key: str) -> frozenset[str]:
    """Kinds that reports of a ``key`` event also name for that same event (not ``key``)."""
    return frozenset(k for family in RELATED_FAMILIES if key in family for k in family) - {key}


def kind_for(key: str | None) -> Kind:
    """The taxonomy entry for a type key; ``UNKNOWN_KIND`` when the key is unknown or None."""
    return KINDS_BY_KEY.get(key or "", UNKNOWN_KIND)


def template_for(kind: Kind) -> Template:
    """The infobox template that fits ``kind``."""
    return TEMPLATES[kind.template]


# ACLED's event type and sub-event type (ACLED Codebook) for the kinds that map to one from the
# kind alone: a starting code for an analyst to confirm (ACLED also weighs who the actors are).
# Disasters and accidents are outside ACLED's scope; arson has no single code (a riot's arson
# and an attack on people differ), so it is left to the analyst.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "drone strike": ("Explosions/Remote violence", "Air/drone strike"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "missile strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "suicide bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "car bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "mass shooting": ("Violence against civilians", "Attack"),
    "stabbing": ("Violence against civilians", "Attack"),
    "vehicle-ramming attack": ("Violence against civilians", "Attack"),
    "hostage-taking": ("Violence against civilians", "Abduction/forced disappearance"),
}


def acled_type(kind_key: str) -> tuple[str, str] | None:
    """ACLED's (event type, sub-event type) for the kind ``kind_key``, or None (see ACLED_TYPES)."""
    return ACLED_TYPES.get(kind_key)
