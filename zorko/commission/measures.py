"""The register of measures of responsibility (ст. 27.1 25-ФЗ) and the rows for the federal register.

A dismissal for loss of trust must be entered in the federal register of
persons dismissed for loss of trust (ст. 15 273-ФЗ); Zorko prepares the row
the personnel service sends.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from zorko.audit.log import record
from zorko.commission.models import Case, Measure
from zorko.exceptions import ValidationError
from zorko.journals.export import safe

FEDERAL_COLUMNS = ["Фамилия", "Имя", "Отчество", "Дата рождения", "СНИЛС", "Замещавшаяся должность",
                   "Орган (организация)", "Дата и номер акта об увольнении", "Основание", "Дело комиссии"]


def apply_measure(case: Case, kind: str, order_number: str, order_date: date, user: Any, note: str = "") -> Measure:
    if case.status != Case.Status.DECIDED:
        raise ValidationError(f"Мера применяется после решения комиссии по делу {case.label}")
    if kind not in Measure.Kind.values:
        raise ValidationError(f"Неизвестная мера: {kind}")
    if not order_number.strip():
        raise ValidationError("Укажите номер распоряжения (приказа)")
    if case.decided_on and order_date < case.decided_on:
        raise ValidationError("Распоряжение не может быть раньше решения комиссии "
                              f"({case.decided_on:%d.%m.%Y})")
    measure = Measure.objects.create(case=case, servant=case.servant, kind=kind, order_number=order_number.strip(),
                                     order_date=order_date, note=note.strip(),
                                     created_by=getattr(user, "username", "") or "cli")
    record(user, "commission.measure", measure, kind=kind, case=case.label)
    return measure


def federal_row(m: Measure) -> list[Any]:
    s = m.servant
    return [s.last_name, s.first_name, s.middle_name, s.birth_date, s.snils, str(s.position or ""),
            str(s.organisation), f"№ {m.order_number} от {m.order_date:%d.%m.%Y}",
            "увольнение в связи с утратой доверия, " + m.basis, m.case.label]


def federal_register_xlsx(measures: list[Measure]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Утрата доверия"
    ws.append(FEDERAL_COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for n, m in enumerate(measures, 2):
        ws.append([safe(v) for v in federal_row(m)])
        ws.cell(n, 4).number_format = "DD.MM.YYYY"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def dismissals() -> list[Measure]:
    return list(Measure.objects.filter(kind=Measure.Kind.DISMISSAL)
                .select_related("servant", "servant__position", "servant__organisation", "case"))
