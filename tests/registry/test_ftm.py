"""FollowTheMoney JSON lines: the ru_egrul shape in, bad lines out."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from zorko.exceptions import ImportFailed
from zorko.registry.importers.ftm import FtmEntity, FtmLink, parse

FTM = Path(__file__).resolve().parents[1] / "fixtures" / "ftm"
SAMPLE = FTM / "ru_egrul_sample.jsonl"


def test_ru_egrul_shape_is_read() -> None:
    records = list(parse([SAMPLE]))
    entities = [r for r in records if isinstance(r, FtmEntity)]
    links = [r for r in records if isinstance(r, FtmLink)]
    # 12 parties (one person twice), 9 links; the Succession line is not a registry record.
    assert (len(entities), len(links)) == (12, 9)
    company = entities[0]
    assert (company.schema, company.ogrn, company.inn, company.kpp) == (
        "Company", "1024200000010", "4205000016", "420501001")
    assert company.name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ВЫМЫШЛЕННАЯ КАНЦЕЛЯРИЯ"'
    assert company.alias == 'ООО "ВЫМЫШЛЕННАЯ КАНЦЕЛЯРИЯ"'
    assert company.incorporated == "2002-07-15"
    closed = entities[1]
    assert closed.dissolved == "2020-05-01"
    person = next(e for e in entities if e.inn == "420500010160")
    assert (person.last_name, person.first_name, person.middle_name) == (
        "Тестов", "Пётр", "Сидорович")
    # A person with a name only gets its parts from the name.
    bare = next(e for e in entities if e.name == "ПРИМЕРОВ ИВАН")
    assert (bare.last_name, bare.first_name, bare.middle_name) == ("ПРИМЕРОВ", "ИВАН", None)
    shares = [(link.percentage, link.unreliable) for link in links
              if link.schema == "Ownership" and link.target_id == "ru-inn-4205000016"]
    assert sorted(shares) == [(40.0, True), (60.0, False)]
    director = next(link for link in links if link.schema == "Directorship")
    assert (director.role, director.start_date) == ("ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "2015-03-01")


def test_gzip_file_gives_the_same_records(tmp_path: Path) -> None:
    packed = tmp_path / "ru_egrul.json.gz"
    packed.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    assert list(parse([packed])) == list(parse([SAMPLE]))


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ('{"id": "x", "schema": "Company", "properties": {', None, "не является JSON"),
        ('["Company"]', None, "объектом JSON"),
        ('{"schema": "Company", "properties": {}}', "id", "нет обязательного поля"),
        ('{"id": "x", "schema": "Kompany", "properties": {}}', "schema", "неизвестная схема FtM «Kompany»"),
        ('{"id": "x", "schema": "Ownership", "properties": {"asset": ["y"]}}', "owner", "не указана сторона"),
    ],
)
def test_bad_line_names_file_line_and_field(tmp_path: Path, line: str, field: str | None,
                                            reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f"{good}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        list(parse([path]))
    assert (Path(err.value.file).name, err.value.line, err.value.field) == ("bad.jsonl", 3, field)
    assert reason in str(err.value)


def test_wrong_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.jsonl"
    path.write_bytes('{"id": "x", "schema": "Person", "properties": {"name": ["Тестов"]}}\n'
                     .encode("windows-1251"))
    with pytest.raises(ImportFailed, match="неверная кодировка"):
        list(parse([path]))
