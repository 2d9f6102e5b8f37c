"""Refresh the generated parts of README.md: the CLI reference (and check nothing else).

Run: python tools/update_readme.py
"""

from __future__ import annotations

import re
from pathlib import Path

from wikiwire.clidoc import reference

README = Path(__file__).resolve().parent.parent / "README.md"


def main() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"<!-- cli:start -->\n{reference()}<!-- cli:end -->"
    text = re.sub(r"<!-- cli:start -->.*?<!-- cli:end -->", lambda _: block, text, flags=re.S)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
