"""`zorko match`: an ad-hoc list of people against the registry store.

The list has the columns of the people import (servants or relatives
file: фамилия, имя, отчество, прежние_фамилии, дата_рождения, инн; an
optional «регион» column or ``--region`` gives where they live); the file
is read by the people import's reader, so the same headers, encodings and
Russian error messages apply. The result is a CSV or XLSX of matches with
probability and explanation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from zorko.cli import main, setup_django
from zorko.exports import write_csv, write_xlsx

OUT_COLUMNS = ("ключ", "фамилия", "имя", "отчество", "вероятность", "совпала_фамилия",
               "инн_статус", "реестр_фамилия", "реестр_имя", "реестр_отчество", "реестр_инн",
               "роль", "вид_субъекта", "огрн_субъекта", "регион_субъекта", "пояснение")
MATCHED_NAME = {"current": "текущая", "former": "прежняя"}
INN_STATUS = {"equal": "совпадает", "different": "различается", "unknown": "неизвестен"}


def read_people(path: Path, default_region: str | None) -> list[Any]:
    """PersonQuery per row; every bad cell is reported together (InputFileError)."""
    from zorko.exceptions import InputFileError
    from zorko.matching import PersonQuery
    from zorko.people.importing import values as v
    from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS, Column
    from zorko.people.importing.tables import read_table
    from zorko.regions import region_code

    columns: dict[str, Column] = {}
    for col in (*SERVANT_COLUMNS, *RELATIVE_COLUMNS, Column("регион", hint="код или название")):
        columns.setdefault(col.header, Column(col.header, col.header in ("фамилия", "имя")))
    table = read_table(path, list(columns.values()))
    if not table.readable:
        raise InputFileError(table.problems)
    parsers = {
        "фамилия": lambda x: v.parse_name(x, required=True),
        "имя": lambda x: v.parse_name(x, required=True),
        "отчество": lambda x: v.parse_name(x, required=False),
        "прежние_фамилии": lambda x: tuple(f["last_name"] for f in v.parse_former_names(x)),
        "дата_рождения": v.parse_birth_date,
        "инн": lambda x: v.parse_person_inn(x) or None,
    }
    people = []
    for number, raw in table.rows:
        fields: dict[str, Any] = {}
        for column, parse in parsers.items():
            try:
                fields[column] = parse(raw.get(column))
            except v.Invalid as exc:
                table.problem(str(exc), number, column, raw.get(column))
        if len(fields) < len(parsers):
            continue
        given = str(raw.get("регион") or "").strip()
        region = region_code(given) if given else default_region
        if given and region is None:
            table.problem("регион — код (например 42) или название (например «Кемеровская "
                          "область»)", number, "регион", given)
            continue
        number_text = str(raw.get("табельный_номер") or "").strip()
        key = f"строка {number}" + (f" (таб. № {number_text})" if number_text else "")
        people.append(PersonQuery(key, fields["фамилия"], fields["имя"], fields["отчество"],
                                  fields["прежние_фамилии"], fields["дата_рождения"],
                                  fields["инн"], region))
    if table.problems:
        raise InputFileError(table.problems)
    return people


def match_rows(matches: list[Any], people: list[Any]) -> list[list[Any]]:
    by_key = {p.key: p for p in people}
    rows = []
    for m in matches:
        person, rec = by_key[m.query_key], m.record
        rows.append([m.query_key, person.last_name, person.first_name, person.middle_name,
                     round(m.probability, 4), MATCHED_NAME[m.matched_name],
                     INN_STATUS[m.inn_status], rec.get("last_name"), rec.get("first_name"),
                     rec.get("middle_name"), rec.get("inn"), rec.get("role"),
                     rec.get("subject_kind"), rec.get("subject_ogrn"), rec.get("region"),
                     "; ".join(m.explanation)])
    return rows


def write_rows(out: Path, rows: list[list[Any]]) -> None:
    if out.suffix.lower() == ".xlsx":
        write_xlsx(out, OUT_COLUMNS, rows, "Совпадения")
    else:
        write_csv(out, [OUT_COLUMNS, *rows])


@main.command("match")
@click.option("--people", "people_file", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="XLSX или CSV со столбцами импорта людей (фамилия, имя, отчество, …).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Куда записать совпадения: .csv или .xlsx.")
@click.option("--registry", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Файл хранилища реестров (по умолчанию ZORKO_DATA_DIR/registry.duckdb).")
@click.option("--table", default="person_roles", show_default=True,
              help="Таблица лиц в хранилище: person_roles или disqualified.")
@click.option("--region", default=None,
              help="Регион проживания по умолчанию: код (42) или название (Кемеровская область).")
@click.option("--threshold", type=float, default=None,
              help="Порог вероятности совпадения (по умолчанию 0,6).")
def match(people_file: Path, out: Path, registry: Path | None, table: str, region: str | None,
          threshold: float | None) -> None:
    """Сопоставить список людей с реестрами и записать совпадения с пояснениями."""
    import duckdb

    setup_django()
    from zorko import config
    from zorko.audit.log import record
    from zorko.exceptions import ZorkoError
    from zorko.matching import LINK_THRESHOLD, match_people
    from zorko.regions import region_code

    path = registry or config.load().registry_path
    if not path.exists():
        raise ZorkoError(f"Хранилище реестров не найдено: {path}")
    default_region = region_code(region) if region else None
    if region and default_region is None:
        raise ZorkoError(f"Регион «{region}» не распознан: укажите код (например 42) "
                         "или название (например «Кемеровская область»)")
    people = read_people(people_file, default_region)
    con = duckdb.connect(str(path))
    con.execute("SET enable_progress_bar = false")
    try:
        matches = match_people(people, con, table=table,
                               threshold=LINK_THRESHOLD if threshold is None else threshold)
    except ValueError as exc:
        raise ZorkoError(str(exc)) from exc
    finally:
        con.close()
    write_rows(out, match_rows(matches, people))
    record(None, "matching.export", object_type="file", object_repr=str(people_file),
           file=str(out), people=len(people), matches=len(matches))
    found = len({m.query_key for m in matches})
    click.echo(f"Проверено людей: {len(people)}; найдено в реестре: {found}; "
               f"совпадений: {len(matches)}. Записано: {out}")
