"""Clarification requests export: JSON (the documented shape) and XLSX.

JSON is a list of objects: ``servant`` {personnel_number, full_name},
``relative`` ({full_name, kinship} or null; kinship is the code from
zorko.people.kinship), ``kind`` (namesakes | hidden_relative), ``status``
(prepared | sent | answered | overdue | withdrawn), ``status_label`` (as the
page shows it: a sent request past its term is «просрочен»), ``due_on`` (ISO
or null) and ``candidates`` [{full_name, inn, region, subjects: [{ogrn, name,
role}]}].
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from zorko.exceptions import ValidationError
from zorko.findings.clarifications import status_label
from zorko.findings.models import ClarificationRequest

FORMATS = ("json", "xlsx")
ROLE_NAMES = {"director": "руководитель", "manager": "управляющая организация", "founder": "учредитель (участник)",
              "entrepreneur": "индивидуальный предприниматель"}
HEADERS = ["Табельный номер", "Служащий", "Родственник", "Степень родства", "Вид запроса", "Статус", "Срок ответа",
           "Лицо в реестре", "ИНН", "Регион", "Организации и роли"]


def request_dict(r: ClarificationRequest) -> dict[str, Any]:
    return {
        "servant": {"personnel_number": r.servant.personnel_number, "full_name": r.servant.full_name},
        "relative": {"full_name": r.relative.full_name, "kinship": r.relative.kinship} if r.relative else None,
        "kind": r.kind, "status": r.status, "status_label": status_label(r),
        "due_on": r.due_on.isoformat() if r.due_on else None,
        "candidates": [{"full_name": c.get("full_name", ""), "inn": c.get("inn", ""), "region": c.get("region", ""),
                        "subjects": [{"ogrn": s.get("ogrn", ""), "name": s.get("name", ""), "role": s.get("role", "")}
                                     for s in c.get("subjects", [])]}
                       for c in r.candidates],
    }


def _safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_requests(fmt: str, path: Path, qs: QuerySet[ClarificationRequest]) -> int:
    if fmt not in FORMATS:
        raise ValidationError(f"Неизвестный формат выгрузки: {fmt} (допустимо: {', '.join(FORMATS)})")
    rows = [request_dict(r) for r in qs.select_related("servant", "relative")
            .order_by("servant__personnel_number", "kind", "pk")]
    if fmt == "json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        return len(rows)
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Запросы уточнения"
    sheet.append(HEADERS)
    for qs_row, r in zip(rows, qs.select_related("relative").order_by("servant__personnel_number", "kind", "pk"),
                         strict=True):
        kin = r.relative.get_kinship_display() if r.relative else ""
        for c in qs_row["candidates"] or [{}]:
            subjects = "; ".join(f"{s['name']} ({ROLE_NAMES.get(s['role'], s['role'])}, ОГРН {s['ogrn']})"
                                 for s in c.get("subjects", []))
            sheet.append([_safe(v) for v in (
                qs_row["servant"]["personnel_number"], qs_row["servant"]["full_name"],
                (qs_row["relative"] or {}).get("full_name", ""), kin, r.get_kind_display(), qs_row["status_label"],
                r.due_on.strftime("%d.%m.%Y") if r.due_on else "", c.get("full_name", ""), c.get("inn", ""),
                c.get("region", ""), subjects)])
    book.save(path)
    return len(rows)
