"""A journal as XLSX in the layout of the paper register (one sheet, the columns of the printed form)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from zorko.accounts.users import display_name
from zorko.exports import formula_safe
from zorko.journals.models import JournalEntry, Kind

WRAP = Alignment(wrap_text=True, vertical="top")
BASE_COLUMNS = ["№ п/п", "Регистрационный номер", "Дата поступления", "Дата регистрации",
                "ФИО, должность лица, представившего уведомление", "Организация", "Краткое содержание"]
KIND_COLUMNS: dict[str, list[str]] = {
    Kind.PAID_WORK: ["Работодатель (ИНН)", "Вид работы", "Дата начала работы"],
    Kind.INTEREST: ["Мотивированное заключение"],
    Kind.INDUCEMENT: ["Дата обращения в целях склонения"],
    Kind.GIFT: ["Дата получения подарка", "Стоимость, руб.", "Акт приёма-передачи", "Выкуп"],
    Kind.EMPLOYER_MESSAGE: ["Работодатель (ИНН)", "Должность (работа)", "Дата договора"],
    Kind.APPLICATION: ["Вид обращения", "Организация (ИНН)"],
}
TAIL_COLUMNS = ["Срок", "Нарушение срока", "ФИО ответственного", "Статус", "Решение", "Дело комиссии"]


def safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is kept as text; numbers and dates stay typed."""
    return formula_safe(value) if isinstance(value, str) else value


def _employer(e: JournalEntry) -> str:
    return f"{e.employer_name} ({e.employer_inn})" if e.employer_inn else e.employer_name


def _kind_cells(e: JournalEntry) -> list[Any]:
    if e.kind == Kind.PAID_WORK:
        return [_employer(e), e.work_kind, e.start_on]
    if e.kind == Kind.INTEREST:
        return [e.conclusion]
    if e.kind == Kind.INDUCEMENT:
        return [e.event_on]
    if e.kind == Kind.GIFT:
        buyout = (f"заявление от {e.buyout_applied_on:%d.%m.%Y}" if e.buyout_applied_on else "") + (
            f"; {e.buyout_outcome}" if e.buyout_outcome else "")
        act = f"{e.handover_act} от {e.handover_on:%d.%m.%Y}" if e.handover_act and e.handover_on else e.handover_act
        return [e.event_on, float(e.gift_value) if e.gift_value is not None else None, act, buyout]
    if e.kind == Kind.EMPLOYER_MESSAGE:
        return [_employer(e), e.work_kind, e.event_on]
    return [e.get_application_kind_display(), _employer(e)]


def _person(e: JournalEntry) -> str:
    position = f", {e.servant.position}" if e.servant.position_id else ""
    return f"{e.servant.full_name}{position}"


def write_journal(kind: str, entries: Iterable[JournalEntry], cases: dict[int, str]) -> bytes:
    """``cases`` maps an entry's id to the label of its commission case."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Журнал"
    header = BASE_COLUMNS + KIND_COLUMNS[kind] + TAIL_COLUMNS
    ws.append([f"Журнал регистрации: {Kind(kind).label.lower()}"])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(header)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    for n, e in enumerate(entries, 1):
        row = [n, e.reg_number, e.received_on, e.registered_on, _person(e), str(e.organisation), e.content,
               *_kind_cells(e), e.extended_until or e.deadline, e.late_note,
               display_name(e.responsible),
               e.get_status_display(), e.decision, cases.get(e.pk, "")]
        ws.append([safe(v) for v in row])
        # Cells by index: ws[row] and ws.max_row scan every cell, quadratic on a long journal.
        for col, value in enumerate(row, 1):
            cell = ws.cell(row=n + 2, column=col)
            if isinstance(value, date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(value, float):
                cell.number_format = "#,##0.00"
            cell.alignment = WRAP
    for i, title in enumerate(header, 1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(40, len(title) + 2))
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_journal(kind: str, entries: QuerySet[JournalEntry]) -> bytes:
    """The journal in registration order, each entry with the label of its commission case."""
    rows = list(entries.filter(kind=kind).select_related("servant", "servant__position", "organisation",
                                                         "responsible")
                .prefetch_related("commission_cases").order_by("year", "number"))
    cases: dict[int, str] = {}
    for e in rows:
        labels = [c.label for c in e.commission_cases.all()]
        if labels:
            cases[e.pk] = ", ".join(labels)
    return write_journal(kind, rows, cases)
