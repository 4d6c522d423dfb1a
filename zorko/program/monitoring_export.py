"""«Мониторинг-К» as XLSX in the template's layout, with the previous quarter beside it."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from zorko.program.models import MonitoringReport
from zorko.program.monitoring import previous_of, rows
from zorko.program.xlsx import put, workbook_bytes


def monitoring_xlsx(report: MonitoringReport) -> bytes:
    previous = previous_of(report)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{report.quarter} кв. {report.year}"
    put(ws, 1, 1, str(report.layout.get("name", "«Мониторинг-К»")), bold=True)
    state = "представлена " + report.submitted_at.strftime("%d.%m.%Y") if report.submitted_at else "черновик"
    put(ws, 2, 1, f"Отчётный период: {report.quarter} квартал {report.year} г. ({state})")
    prev = f"{previous.quarter} кв. {previous.year}" if previous else "предыдущий квартал"
    header = ["Код", "Показатель", f"{report.quarter} кв. {report.year}", prev]
    for col, title in enumerate(header, 1):
        put(ws, 4, col, title, bold=True)
    n, section = 4, None
    for row in rows(report, previous):
        if row.section != section:
            section = row.section
            n += 1
            put(ws, n, 1, section)
            ws.cell(row=n, column=1).font = Font(bold=True)
            ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=4)
        n += 1
        put(ws, n, 1, row.code)
        put(ws, n, 2, row.title)
        put(ws, n, 3, row.value if row.value is not None else "нет данных")
        put(ws, n, 4, row.previous)
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 16
    return workbook_bytes(wb)
