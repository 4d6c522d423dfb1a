"""A dismissal for loss of trust → the register's row and sheet, which the loss_of_trust source reads back."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from zorko.registry.importers.loss_of_trust import parse_stream
from zorko.registry.loss_of_trust_export import REGISTER_COLUMNS, loss_of_trust_row, register_xlsx


def _row(**fields):
    base = dict(last_name="Сидоренко", first_name="Павел", middle_name="Игоревич",
                organisation="Администрация Беловского муниципального округа",
                position="Начальник отдела муниципального заказа", dismissed_on=date(2026, 3, 14),
                ground="п. 2 ч. 1 ст. 27.1 Федерального закона от 02.03.2007 № 25-ФЗ",
                act="распоряжение от 14.03.2026 № 15-к")
    base.update(fields)
    return loss_of_trust_row(**base)


def test_row_in_the_register_layout_reads_back_through_the_importer() -> None:
    row = _row()
    assert row.cells() == [1, "Сидоренко Павел Игоревич", "Администрация Беловского муниципального округа",
                           "Начальник отдела муниципального заказа", date(2026, 3, 14),
                           "п. 2 ч. 1 ст. 27.1 Федерального закона от 02.03.2007 № 25-ФЗ; "
                           "распоряжение от 14.03.2026 № 15-к", None, None]
    data = register_xlsx([row])
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == list(REGISTER_COLUMNS)
    assert sheet["E2"].number_format == "DD.MM.YYYY"
    [person] = parse_stream(io.BytesIO(data), "реестр.xlsx")
    assert (person.full_name, person.dismissed_on, person.included_on) == (
        "Сидоренко Павел Игоревич", date(2026, 3, 14), None)
    assert person.ground.endswith("распоряжение от 14.03.2026 № 15-к")


def test_hostile_text_is_neither_a_formula_nor_cut() -> None:
    long = "Отдел " * 500
    row = _row(position="=HYPERLINK(\"http://evil\",\"x\")", organisation="<script>alert(1)</script>",
               act=long)
    sheet = load_workbook(io.BytesIO(register_xlsx([row]))).active
    assert sheet["D2"].value == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert sheet["D2"].data_type == "s"
    assert sheet["C2"].value == "<script>alert(1)</script>"
    assert sheet["F2"].value.endswith(long.strip())
