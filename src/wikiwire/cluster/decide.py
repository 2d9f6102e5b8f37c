"""Whether two reports tell the same event: hard gates, then a score of shared evidence.

A pair is never linked when (gates):

- both are dated and published more than ``DATE_WINDOW_DAYS`` apart;
- both name countries in their ledes and share none;
- both have a trigger kind and the kinds are of different families (an earthquake is never
  a shooting; a drone strike and an airstrike are one family, as wire copy calls one attack
  both).

Otherwise the pair's score adds up its evidence (each weight below says why), and it is
linked when the score reaches ``LINK_THRESHOLD`` (``UNDATED_LINK_THRESHOLD`` when either is
undated: with no date to rule out a namesake event in another year, content must carry more).
Near-duplicates (MinHash estimate of word-shingle Jaccard at least
``NEAR_DUPLICATE_SIMILARITY``) are linked on that alone, within the date gate.

The decision depends on the two frames only (no statistic of the feed), which is what makes
clustering incremental: adding reports never changes whether two earlier reports link.

The weights and thresholds were set together on the tune half of the dev corpus
(``splits.json``) and checked on the check half; don't tune one alone.
"""

from __future__ import annotations

from wikiwire.cluster.records import Evidence, Frame

__all__ = [
    "DATE_WINDOW_DAYS",
    "LINK_THRESHOLD",
    "NEAR_DUPLICATE_SIMILARITY",
    "UNDATED_LINK_THRESHOLD",
    "days_apart",
    "evidence",
    "family_conflict",
    "jaccard",
    "kind_family",
    "kind_relation",
    "links",
    "threshold_for",
]

# Reports of one event are published within days of it; follow-ups (death toll updates,
# funerals, arrests) run for a couple of weeks. Past this, a shared kind and place is far
# more often a second event (an aftershock sequence aside) than the same one.
DATE_WINDOW_DAYS = 21
# Same trigger kind: the strongest single sign, but one city sees many fires and shootings.
SAME_KIND_WEIGHT = 0.3
# Kinds of one family (drone strike / airstrike / explosion): early reports of one attack name
# it differently, so this counts, less than the same kind.
RELATED_KIND_WEIGHT = 0.15
# A city or region named in both ledes.
SHARED_PLACE_WEIGHT = 0.3
# Only a country in common: weak (a country has many events at once).
SHARED_COUNTRY_WEIGHT = 0.1
# Both ledes name cities or regions, and none in common: most likely two events in one country
# (a dateline city can cause this too, hence a penalty rather than a gate).
OTHER_PLACE_PENALTY = 0.1
# Each shared named entity (person, organisation, facility, place) adds this, up to
# ``ENTITY_WEIGHT_CAP``: two reports naming the same academy and the same ministry are
# rarely about different events, but common names (the country, "Reuters") are noise.
ENTITY_WEIGHT = 0.1
ENTITY_WEIGHT_CAP = 0.3
# Weight of the Jaccard similarity of the ledes' content words (0..1; same-event ledes share
# about 0.1-0.3 of their words, different events under 0.08).
WORD_WEIGHT = 1.0
# A figure both ledes state (a toll, a count of injured): reports of one event repeat its
# numbers; two events of one kind in one city rarely share them.
FIGURE_WEIGHT = 0.1
# Published within this many days of each other: the first wave of coverage.
CLOSE_DATE_DAYS = 3
CLOSE_DATE_WEIGHT = 0.1
# Weight of the cosine similarity of sentence embeddings above ``EMBEDDING_FLOOR`` (the
# similarity unrelated news ledes already have), when embeddings are on (``--embeddings``):
# same-event ledes reach 0.5-0.8, so this adds up to about 0.5 for paraphrased ledes that
# share few words. Set on the tune half with the other weights (bench/CLUSTERS.md).
EMBEDDING_WEIGHT = 1.0
EMBEDDING_FLOOR = 0.3
# Link when the evidence reaches this: for example same kind + same place (0.6), or same
# place + two entities + some shared wording.
LINK_THRESHOLD = 0.6
# Undated pairs need more: a shared kind and place alone could be the same city's event of
# another year.
UNDATED_LINK_THRESHOLD = 0.7
# Near-duplicate wire copies: the estimated Jaccard of 5-word shingles at which clean.py also
# merges copies (``clean.DUPLICATE_THRESHOLD``).
NEAR_DUPLICATE_SIMILARITY = 0.7

# Families of kinds that reports of one event use interchangeably.
_FAMILIES: dict[str, str] = {
    "drone strike": "strike",
    "airstrike": "strike",
    "missile strike": "strike",
    "shelling": "strike",
    "suicide bombing": "blast",
    "car bombing": "blast",
    "bombing": "blast",
    "explosion": "blast",
    "mass shooting": "assault",
    "stabbing": "assault",
    "vehicle-ramming attack": "assault",
    "hostage-taking": "assault",
    "arson": "fire",
    "wildfire": "fire",
    "earthquake": "ground",
    "landslide": "slide",  # quakes and monsoon floods set off landslides: one event's reports
    "flood": "water",
    "storm": "water",
    "dam failure": "water",
    "bridge collapse": "structure",
    "building collapse": "structure",
    "maritime accident": "shipping",
    "crowd crush": "crowd",
    # A train crash and a plane crash in one city are two events: each mode is its own family.
    "rail accident": "rail",
    "aviation accident": "aviation",
    "road accident": "road",
}
# Families that overlap: one event is often reported under either (a missile strike is also an
# explosion; a landslide follows an earthquake or a flood; a ship brings down a bridge). Pairs across these are not
# gated, only not counted as a kind match.
_NEIGHBOURS: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"strike", "blast"}),
        frozenset({"slide", "ground"}),
        frozenset({"slide", "water"}),
        frozenset({"blast", "assault"}),
        frozenset({"shipping", "structure"}),  # a ship striking a bridge is reported as both
    }
)


def kind_family(kind: str | None) -> str | None:
    """The family of a taxonomy kind (``None`` for no kind); a kind outside every family is
    its own family."""
    if kind is None:
        return None
    return _FAMILIES.get(kind, kind)


def family_conflict(a: str, b: str) -> bool:
    """Whether two kind families can never be one event's (neither equal nor neighbours)."""
    return a != b and frozenset({a, b}) not in _NEIGHBOURS


def kind_relation(a: str | None, b: str | None) -> str:
    """"same", "related", "neighbour", "conflict" or "unknown" for two trigger kinds."""
    if a is None or b is None:
        return "unknown"
    if a == b:
        return "same"
    fa, fb = kind_family(a), kind_family(b)
    if fa == fb:
        return "related"
    if frozenset({fa, fb}) in _NEIGHBOURS:
        return "neighbour"
    return "conflict"


def jaccard(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Jaccard similarity of two word tuples (0 when either is empty)."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


def days_apart(a: Frame, b: Frame) -> int | None:
    """Days between the two reports' dates, or None when either is undated."""
    if a.date is None or b.date is None:
        return None
    return abs((a.date - b.date).days)


def evidence(a: Frame, b: Frame, *, near_duplicate: float | None = None, embedding: float | None = None) -> Evidence | None:
    """The evidence that ``a`` and ``b`` tell one event, or None when a gate rules it out.

    ``near_duplicate`` is the pair's estimated shingle Jaccard when the LSH index found it;
    ``embedding`` the cosine similarity of their lede embeddings when computed. The returned
    Evidence's ``score`` is compared with ``threshold_for`` by the caller.
    """
    days = days_apart(a, b)
    if days is not None and days > DATE_WINDOW_DAYS:
        return None
    first, second = sorted((a, b), key=lambda f: f.key)
    if near_duplicate is not None and near_duplicate >= NEAR_DUPLICATE_SIMILARITY:
        return Evidence(a=first.key, b=second.key, score=1.0, days_apart=days, near_duplicate=True, word_similarity=round(jaccard(a.words, b.words), 3))
    countries = tuple(sorted(set(a.countries) & set(b.countries)))
    if a.countries and b.countries and not countries:
        return None
    relation = kind_relation(a.kind, b.kind)
    if relation == "conflict":
        return None
    score = 0.0
    if relation == "same":
        score += SAME_KIND_WEIGHT
    elif relation == "related":
        score += RELATED_KIND_WEIGHT
    places = tuple(sorted(set(a.places) & set(b.places)))
    if places:
        score += SHARED_PLACE_WEIGHT
    elif countries:
        score += SHARED_COUNTRY_WEIGHT
    if a.places and b.places and not places:
        score -= OTHER_PLACE_PENALTY
    entities = tuple(sorted(set(a.entities) & set(b.entities)))
    score += min(ENTITY_WEIGHT_CAP, ENTITY_WEIGHT * len(entities))
    words = jaccard(a.words, b.words)
    score += WORD_WEIGHT * words
    figures = tuple(sorted(set(a.figures) & set(b.figures)))
    if figures:
        score += FIGURE_WEIGHT
    if days is not None and days <= CLOSE_DATE_DAYS:
        score += CLOSE_DATE_WEIGHT
    if embedding is not None:
        score += EMBEDDING_WEIGHT * max(0.0, embedding - EMBEDDING_FLOOR)
    return Evidence(
        a=first.key,
        b=second.key,
        score=round(score, 4),
        kind=a.kind if relation in ("same", "related") else None,
        places=places,
        countries=countries,
        entities=entities,
        figures=figures,
        days_apart=days,
        word_similarity=round(words, 3),
        embedding_similarity=None if embedding is None else round(embedding, 3),
    )


def threshold_for(a: Frame, b: Frame) -> float:
    """The score a pair must reach to link: higher when either report is undated."""
    return UNDATED_LINK_THRESHOLD if a.undated or b.undated else LINK_THRESHOLD


def links(a: Frame, b: Frame, ev: Evidence | None) -> bool:
    """Whether evidence ``ev`` for the pair (a, b) is enough to put them in one event."""
    return ev is not None and (ev.near_duplicate or ev.score >= threshold_for(a, b))
