"""Blank XLSX templates for the people import: the exact columns, and a sheet of notes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS, Column

TEMPLATE_NAMES = {"servants": "служащие.xlsx", "relatives": "родственники.xlsx"}
COLUMNS = {"servants": SERVANT_COLUMNS, "relatives": RELATIVE_COLUMNS}


def template_bytes(kind: str) -> bytes:
    """The XLSX template of ``kind`` ("servants" or "relatives")."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns: Sequence[Column] = COLUMNS[kind]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Служащие" if kind == "servants" else "Родственники"
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[_letter(i)].width = max(
            14, len(column.header) + 4)
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("Пояснения")
    notes.append(["столбец", "обязательный", "формат"])
    for column in columns:
        notes.append([column.header, "да" if column.required else "", column.hint])
    notes.append([])
    notes.append(["Загружается только первый лист. Порядок столбцов любой."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def write_templates(out_dir: str | Path) -> list[Path]:
    """Write both templates into ``out_dir``; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, name in TEMPLATE_NAMES.items():
        path = out / name
        path.write_bytes(template_bytes(kind))
        paths.append(path)
    return paths
