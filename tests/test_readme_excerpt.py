"""The README's excerpt of real output is the golden output (no drift after a change)."""

from __future__ import annotations

import re

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "homs-2023"


def _excerpt() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("<!-- excerpt:start -->\n", 1)[1].split("<!-- excerpt:end -->", 1)[0]


def test_readme_infobox_is_the_golden_infobox() -> None:
    shown = re.search(r"```wikitext\n(.*?)```", _excerpt(), re.S)
    assert shown is not None
    golden = (GOLDEN / "article.wiki").read_text(encoding="utf-8")
    assert golden.startswith(shown.group(1)), "copy the infobox from tests/golden/homs-2023/article.wiki into README.md"


def test_readme_markdown_excerpt_is_in_the_golden_markdown() -> None:
    shown = re.search(r"```markdown\n(.*?)```", _excerpt(), re.S)
    assert shown is not None
    assert shown.group(1).strip() in (GOLDEN / "article.md").read_text(encoding="utf-8")
