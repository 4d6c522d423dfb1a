"""Names are compared in a normalised form: ё/е, Latin look-alikes, case, spaces, hyphens."""

from __future__ import annotations

import pytest

from zorko.matching.normalize import normalize_name
from zorko.people.kinship import Kinship, parse_kinship


@pytest.mark.parametrize("a, b", [
    ("Семёнов Пётр", "Семенов Петр"),                 # ё folded to е
    ("ФЁДОРОВА АЛЁНА", "федорова алена"),             # case folded
    ("Coкoлoв Cepгей", "Соколов Сергей"),             # Latin С, о, е, р typed inside Cyrillic words
    ("  Иванов   Иван\tИванович ", "Иванов Иван Иванович"),  # spaces
    ("Малинин - Козлов", "малинин-козлов"),       # hyphen with spaces
    ("Сидоров–Белый", "Сидоров-Белый"),           # en dash as hyphen
])
def test_variants_normalise_to_the_same_form(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_different_names_stay_different() -> None:
    assert normalize_name("Иванов") != normalize_name("Иванова")
    assert normalize_name("Малинин-Козлов") != normalize_name("Малинин Козлов")


def test_latin_words_are_not_turned_into_cyrillic() -> None:
    assert normalize_name("Smith") == "smith"


def test_stored_person_gets_normalised_name_with_former_surnames(make_servant) -> None:
    servant = make_servant("Ковалёва", "Анна", "Сергеевна",
                           former_names=[{"last_name": "Петрова", "changed_on": None}])
    assert servant.name_norm == "ковалева анна сергеевна петрова"
    assert servant.full_name == "Ковалёва Анна Сергеевна"


@pytest.mark.parametrize("text, kinship", [
    ("Супруга", Kinship.WIFE), ("отец супруги", Kinship.SPOUSE_FATHER),
    ("Мать супруга", Kinship.SPOUSE_MOTHER), ("тёща", Kinship.SPOUSE_MOTHER),
    ("супруг(а) сына/дочери", Kinship.CHILD_SPOUSE), ("бывший супруг(а)", Kinship.FORMER_SPOUSE),
    ("бывшая жена", Kinship.FORMER_SPOUSE), ("сестра", Kinship.SISTER),
])
def test_kinship_spellings(text: str, kinship: Kinship) -> None:
    assert parse_kinship(text) == kinship


def test_unknown_kinship() -> None:
    assert parse_kinship("кузен") is None
