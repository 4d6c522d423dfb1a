"""Import of .xsb files: finding the declarant, idempotency, уточнённая справка, all or nothing."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.declarations.factory import declaration, income, person_of, write_file
from zorko.declarations.intake import import_paths
from zorko.declarations.models import Declaration
from zorko.declarations.records import Member, Person
from zorko.exceptions import InputFileError

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(make_servant: Callable[..., Any]) -> Any:
    return make_servant("Соколова", "Анна", "Петровна", birth_date=date(1980, 5, 6), snils="11223344595")


def _family(servant: Any, year: int = 2025, amount: int = 900_000, **kw: Any) -> list[Any]:
    son = Person("Соколов", "Илья", "Иванович", date(2012, 1, 2))
    return [declaration(servant, year, income(amount), **kw),
            declaration(son, year, income(1000), member=Member.CHILD, **kw)]


def test_import_finds_the_servant_and_is_idempotent(tmp_path: Path, anna: Any) -> None:
    path = write_file(tmp_path / "соколова.xsb", *_family(anna))
    first = import_paths([path])
    assert (first.added, first.unchanged, len(first.servants)) == (2, 0, 1)
    again = import_paths([path])
    assert (again.added, again.unchanged) == (0, 2)
    assert Declaration.objects.filter(servant=anna).count() == 2


def test_servant_found_by_name_and_birth_date_without_snils(tmp_path: Path, make_servant: Callable[..., Any]) -> None:
    servant = make_servant("Орлов", "Пётр", "Ильич", birth_date=date(1975, 1, 1))
    person = Person("ОРЛОВ", "Петр", "Ильич", date(1975, 1, 1))  # ё/е and capitals as people type them
    import_paths([write_file(tmp_path / "орлов.xsb", declaration(person, 2025, income(1)))])
    assert Declaration.objects.get().servant == servant


def test_correction_supersedes_and_keeps_history(tmp_path: Path, anna: Any) -> None:
    import_paths([write_file(tmp_path / "1.xsb", *_family(anna))])
    corrected = declaration(anna, 2025, income(950_000), correction=True, signed_on=date(2026, 5, 20))
    summary = import_paths([write_file(tmp_path / "2.xsb", corrected)])
    assert summary.corrections == 1
    own = Declaration.objects.filter(servant=anna, member="declarant").order_by("pk")
    assert [d.correction for d in own] == [False, True]
    assert own[0].superseded_by == own[1] and own[1].current
    assert own[1].items.get().amount == 950_000


def test_folder_and_zip_are_read(tmp_path: Path, anna: Any, make_servant: Callable[..., Any]) -> None:
    other = make_servant("Белых", "Олег", "Олегович", birth_date=date(1970, 2, 2))
    folder = tmp_path / "папка"
    write_file(folder / "a.xsb", *_family(anna))
    archive = tmp_path / "архив.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("внутри/b.xsb", (write_file(tmp_path / "b.xsb", declaration(other, 2025, income(5)))).read_bytes())
        z.writestr("readme.txt", "не справка")
    summary = import_paths([folder, archive])
    assert (summary.files, summary.added) == (2, 3)


def test_one_bad_file_refuses_the_whole_import(tmp_path: Path, anna: Any) -> None:
    good = write_file(tmp_path / "good.xsb", *_family(anna))
    bad = tmp_path / "bad.xsb"
    bad.write_bytes(good.read_bytes()[:100])
    with pytest.raises(InputFileError) as err:
        import_paths([good, bad])
    assert "bad.xsb" in str(err.value) and "повреждён" in str(err.value)
    assert not Declaration.objects.exists()


def test_unknown_declarant_and_wrong_year_are_named(tmp_path: Path, anna: Any) -> None:
    stranger = Person("Неизвестный", "Некто", "", date(1990, 1, 1))
    one = write_file(tmp_path / "чужой.xsb", declaration(stranger, 2025, income(1)))
    two = write_file(tmp_path / "прошлый.xsb", declaration(person_of(anna), 2024, income(1)))
    with pytest.raises(InputFileError) as err:
        import_paths([one, two], year=2025)
    text = str(err.value)
    assert "чужой.xsb" in text and "«Неизвестный Некто», дата рождения 01.01.1990 не найден" in text
    assert "прошлый.xsb, справка № 1" in text and "справка за 2024 год" in text
    assert not Declaration.objects.exists()


def test_family_file_without_the_declarant_is_refused(tmp_path: Path, anna: Any) -> None:
    path = write_file(tmp_path / "сын.xsb", _family(anna)[1])
    with pytest.raises(InputFileError, match="нет справки самого служащего"):
        import_paths([path])
