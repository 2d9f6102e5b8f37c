"""The README's CLI reference is the one generated from the commands (no drift)."""

from __future__ import annotations

from conftest import ROOT
from wikiwire.clidoc import reference


def test_readme_cli_reference_matches_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- cli:start -->\n", 1)[1].split("<!-- cli:end -->", 1)[0]
    assert block == reference(), "run: python tools/update_readme.py"


def test_reference_lists_every_build_option() -> None:
    text = reference()
    for option in ("--out", "--format", "--title", "--spacy-model", "--events", "--jobs", "--force", "--quiet"):
        assert f"`{option}`" in text
