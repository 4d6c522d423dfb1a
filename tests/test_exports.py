"""The one export helper: text that a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from zorko.exports import safe_cell, write_csv, write_xlsx

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"жми\")", "+7+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_text_is_prefixed_with_a_quote(text: str) -> None:
    assert safe_cell(text) == "'" + text


def test_plain_values_stay_as_they_are() -> None:
    assert safe_cell("ООО «Ромашка»") == "ООО «Ромашка»"
    assert safe_cell(-5) == -5 and safe_cell(12.5) == 12.5 and safe_cell(None) == ""


def test_csv_and_xlsx_hold_no_live_formula(tmp_path) -> None:
    rows = [[text, -1, 1234.5, date(2026, 12, 5)] for text in FORMULAS]
    write_csv(tmp_path / "a.csv", [["текст", "число", "сумма", "дата"], *rows])
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as fh:
        got = list(csv.reader(fh, delimiter=";"))[1:]
    assert [r[0] for r in got] == ["'" + t for t in FORMULAS]
    assert got[0][1:] == ["-1", "1\xa0234,50", "05.12.2026"]
    write_xlsx(tmp_path / "a.xlsx", ["текст", "число", "сумма", "дата"], rows, "Лист")
    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert [sheet.cell(r, 1).data_type for r in range(2, 8)] == ["s"] * 6
    assert sheet.cell(2, 1).value == "'" + FORMULAS[0]
    assert sheet.cell(2, 2).value == -1 and sheet.cell(2, 3).number_format == "#,##0.00"
    assert (tmp_path / "a.csv").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "a.xlsx").stat().st_mode & 0o777 == 0o600
