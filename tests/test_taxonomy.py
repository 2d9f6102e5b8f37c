"""The taxonomy's data holds together: every kind has a template, patterns compile."""

from __future__ import annotations

import re

from wikiwire import taxonomy


def test_every_kind_has_a_known_template_and_valid_patterns() -> None:
    for kind in taxonomy.KINDS:
        assert kind.template in taxonomy.TEMPLATES
        assert kind.patterns
        for pattern in kind.patterns:
            re.compile(pattern)


def test_template_parameters_are_unique() -> None:
    for template in taxonomy.TEMPLATES.values():
        params = [param for _, param in template.params]
        facts = [fact for fact, _ in template.params]
        assert len(params) == len(set(params)), template.name
        assert len(facts) == len(set(facts)), template.name


def test_real_parameter_names() -> None:
    attack = dict(taxonomy.template_for(taxonomy.kind_for("drone strike")).params)
    assert attack["part_of"] == "partof"
    assert attack["perpetrators"] == "perpetrators"
    quake = dict(taxonomy.template_for(taxonomy.kind_for("earthquake")).params)
    assert quake["date"] == "local-date"
    assert quake["title"] == "name"
    rail = dict(taxonomy.template_for(taxonomy.kind_for("rail accident")).params)
    assert rail["fatalities"] == "deaths"


def test_unknown_kind_and_sections() -> None:
    assert taxonomy.kind_for(None) is taxonomy.UNKNOWN_KIND
    assert taxonomy.kind_for("not a kind") is taxonomy.UNKNOWN_KIND
    headings = [s.heading for s in taxonomy.sections_for(taxonomy.kind_for("mass shooting"))]
    assert headings[:2] == ["Background", "Shooting"]
    assert "Reactions" in headings
    quake = [s.heading for s in taxonomy.sections_for(taxonomy.kind_for("earthquake"))]
    assert "Damage" in quake and "Reactions" not in quake


def test_kind_keys_are_unique() -> None:
    keys = [k.key for k in taxonomy.KINDS]
    assert len(keys) == len(set(keys))
    assert set(taxonomy.KINDS_BY_KEY) == set(keys)
