"""The lead's first sentence: several attacks name the place, one attack its target with the
right preposition."""

from __future__ import annotations

from wikiwire.lead import compose_lead
from wikiwire.reconcile import reconcile
from wikiwire.records import Claim
from wikiwire.taxonomy import kind_for


def _claim(fact: str, value: str, source: str) -> Claim:
    return Claim(fact=fact, value=value, display=value, source=source, sentence=f"{source}.0", quote=f"{value} stated")  # type: ignore[arg-type]


def test_several_attacks_lead_names_the_place_not_one_site() -> None:
    claims = [
        _claim("type", "mass shooting", "s1"),
        Claim(fact="date", value="2024-06-01", display="1 June 2024", source="s1", sentence="s1.0", quote="1 June 2024"),
        Claim(fact="target", value="a bar", display="a bar", source="s1", sentence="s1.0", quote="a bar"),
        Claim(fact="location", value={"venue": None, "city": "Springfield", "region": "Ohio", "country": "United States", "lat": None, "lon": None},
              display="Springfield, Ohio", source="s1", sentence="s1.0", quote="Springfield, Ohio, United States"),
    ]
    facts = reconcile(claims, [])
    assert compose_lead(facts, kind_for("mass shooting"), "2024 Springfield shootings")[0].text == (
        "The 2024 Springfield shootings were a series of mass shootings in Springfield, Ohio, United States, on 1 June 2024."
    )
    assert compose_lead(facts, kind_for("mass shooting"), "2024 Springfield shooting")[0].text == (
        "The 2024 Springfield shooting was a mass shooting at a bar in Springfield, Ohio, United States, on 1 June 2024."
    )
