"""Fuzzing the people import: a clean Russian refusal naming the file, or an import; never half of one.

Inputs are the real fixtures damaged by :mod:`tests.fuzz.mutations`
(CSV cells, encodings, bytes of the XLSX zip) and tables generated from
scratch with hostile values in every column, written as CSV or XLSX.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tests.fuzz.mutations import TEXT, mutated
from zorko.audit.models import AuditEvent
from zorko.exceptions import ZorkoError
from zorko.people.importing import import_people
from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS
from zorko.people.importing.files import write_csv, write_xlsx
from zorko.people.models import ChangeRecord, Department, Organisation, Position, Relative, Servant

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

PEOPLE = FIXTURES / "people"
MODELS = (Servant, Relative, ChangeRecord, Organisation, Department, Position, AuditEvent)


def _state() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in MODELS)


def import_or_refuse(servants: Path, relatives: Path | None) -> None:
    before = _state()
    try:
        import_people(servants, relatives)
    except ZorkoError as exc:
        names = [servants.name] + ([relatives.name] if relatives else [])
        assert any(name in str(exc) for name in names), f"the message names no file: {exc}"
        assert _state() == before, "a refused import wrote something"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@given(st.sampled_from(["servants_cp1251.csv", "servants_utf8_bom.csv"])
       .flatmap(lambda n: mutated((PEOPLE / n).read_bytes(), cells=True).map(lambda d: (n, d))),
       st.booleans())
def test_damaged_csv(sample: tuple[str, bytes], with_relatives: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        servants = _write(Path(tmp), sample[0], sample[1])
        import_or_refuse(servants, PEOPLE / "relatives_cp1251.csv" if with_relatives else None)


@given(st.sampled_from(["relatives_cp1251.csv", "relatives_utf8_bom.csv"])
       .flatmap(lambda n: mutated((PEOPLE / n).read_bytes(), cells=True).map(lambda d: (n, d))))
def test_damaged_relatives(sample: tuple[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        import_or_refuse(PEOPLE / "servants_cp1251.csv", _write(Path(tmp), *sample))


@given(mutated((PEOPLE / "servants.xlsx").read_bytes()))
def test_damaged_xlsx(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        import_or_refuse(_write(Path(tmp), "servants.xlsx", data), None)


def _rows(columns: tuple[object, ...]) -> st.SearchStrategy[list[dict[str, str]]]:
    headers = [c.header for c in columns]  # type: ignore[attr-defined]
    return st.lists(st.fixed_dictionaries({}, optional={h: TEXT for h in headers}), min_size=0, max_size=5)


def _storable(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return [{k: ILLEGAL_CHARACTERS_RE.sub("", v) for k, v in row.items()} for row in rows]


@given(_rows(SERVANT_COLUMNS), _rows(RELATIVE_COLUMNS), st.sampled_from(["csv-utf8", "csv-cp1251", "xlsx"]))
def test_generated_tables(servant_rows: list[dict[str, str]], relative_rows: list[dict[str, str]],
                          form: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if form == "xlsx":
            # Control characters cannot be stored in a workbook at all (openpyxl refuses to write them).
            servant_rows, relative_rows = _storable(servant_rows), _storable(relative_rows)
            servants = write_xlsx(folder / "служащие.xlsx", SERVANT_COLUMNS, servant_rows)
            relatives = write_xlsx(folder / "родственники.xlsx", RELATIVE_COLUMNS, relative_rows)
        else:
            encoding = "utf-8-sig" if form == "csv-utf8" else "cp1251"
            try:
                servants = write_csv(folder / "служащие.csv", SERVANT_COLUMNS, servant_rows, encoding=encoding)
                relatives = write_csv(folder / "родственники.csv", RELATIVE_COLUMNS, relative_rows,
                                      encoding=encoding)
            except UnicodeEncodeError:
                return  # a value windows-1251 cannot hold: no HR system writes such a file
        import_or_refuse(servants, relatives)
