"""Reports not in English are skipped with a reason naming the language; English ones,
short ones and ones the detector is unsure of are kept. Foreign texts below are written for
these tests (the Homs strike told in each language)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wikiwire.clean import clean
from wikiwire.language import foreign_language
from wikiwire.records import Document

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "homs-2023"

FRENCH = (
    "Une attaque de drones a frappé jeudi une cérémonie de remise des diplômes à l'académie militaire de Homs, "
    "tuant au moins quatre-vingts personnes selon le ministère de la Santé. Les autorités syriennes ont accusé "
    "des groupes armés soutenus par des puissances étrangères et promis une riposte."
)
SPANISH = (
    "Un ataque con drones alcanzó el jueves una ceremonia de graduación en la academia militar de Homs y mató "
    "al menos a ochenta personas, según el Ministerio de Salud. Las autoridades sirias culparon a grupos armados "
    "apoyados por potencias extranjeras y prometieron una respuesta."
)
GERMAN = (
    "Ein Drohnenangriff traf am Donnerstag eine Abschlussfeier an der Militärakademie in Homs und tötete nach "
    "Angaben des Gesundheitsministeriums mindestens achtzig Menschen. Die syrischen Behörden machten bewaffnete "
    "Gruppen verantwortlich, die von ausländischen Mächten unterstützt würden."
)


@pytest.mark.parametrize(("text", "code", "name"), [(FRENCH, "fr", "French"), (SPANISH, "es", "Spanish"), (GERMAN, "de", "German")])
def test_foreign_reports_are_recognised(text: str, code: str, name: str) -> None:
    verdict = foreign_language(text)
    assert verdict is not None
    assert (verdict.language, verdict.name) == (code, name)
    assert verdict.probability >= 0.9


@pytest.mark.parametrize("path", sorted(EXAMPLE.glob("*.txt")), ids=lambda p: p.name)
def test_english_reports_are_kept(path: Path) -> None:
    assert foreign_language(path.read_text(encoding="utf-8")) is None


def test_short_texts_and_lists_of_names_are_kept() -> None:
    assert foreign_language("Ataque en Homs") is None
    # Few English function words, but English: the detector is asked and says so.
    names = ("Homs Damascus Aleppo Idlib Hama Latakia Tartus Raqqa Deir Daraa " * 3).strip()
    assert foreign_language(f"Casualties reported: {names}.") is None


def test_clean_skips_a_foreign_report_with_the_reason() -> None:
    english = (EXAMPLE / "01-levant-wire.txt").read_text(encoding="utf-8")
    result = clean([Document(input="fr.txt", text=FRENCH), Document(input="en.txt", text=english)])
    assert [s.input for s in result.sources] == ["en.txt"]
    assert [(s.input, s.reason) for s in result.skipped] == [
        ("fr.txt", "written in French (langdetect, probability 1.00); wikiwire reads English reports only")
    ]
