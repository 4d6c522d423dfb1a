"""Clarification requests export: JSON (the documented shape) and XLSX (one row per registry person).

JSON is a list of items ``{servant: {personnel_number, full_name}, relative:
{full_name, kinship} | null, kind (namesakes | hidden_relative), status
(prepared | sent | answered | overdue | withdrawn), status_label, due_on (ISO
date or null), candidates: [{full_name, inn, region, subjects: [{ogrn, name,
role}]}]}``. ``kinship`` is in words («мать супруги»), ``role`` is the code
(director | manager | founder | entrepreneur). XLSX cells go through ``zorko.exports``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from zorko.audit.log import record
from zorko.clarifications.listing import kinship_of, persons, request_dict
from zorko.exceptions import ValidationError
from zorko.exports import private_file, write_xlsx
from zorko.findings.clarifications import status_label
from zorko.findings.models import ClarificationRequest

FORMATS = ("json", "xlsx")
HEADERS = ["№ запроса", "Табельный номер", "Служащий", "Организация", "О ком запрос", "Степень родства", "Вид запроса",
           "Статус", "Срок ответа", "Лицо в реестре", "ИНН лица", "Регион", "Организации и роли",
           "Поставщик организации служащего"]


def _rows(requests: Iterable[ClarificationRequest]) -> Iterator[list[Any]]:
    for r in requests:
        about = r.relative.full_name if r.relative else r.servant.full_name
        head = [r.pk, r.servant.personnel_number, r.servant.full_name, str(r.servant.organisation), about,
                kinship_of(r) or "сам служащий", r.get_kind_display(), status_label(r), r.due_on]
        people = persons(r)
        if not people:
            yield head + ["", "", "", "", ""]
        for p in people:
            subjects = "; ".join(f"{s.name} (ОГРН {s.ogrn}) — {s.role}" for s in p.subjects)
            yield head + [p.full_name, p.inn, p.region, subjects, "да" if p.supplier else "нет"]


def export_requests(fmt: str, out_path: str | Path, requests: Iterable[ClarificationRequest] | None = None,
                    user: Any = None, today: date | None = None) -> int:
    """Write the requests (all by default) and record the export in the audit log; returns their number."""
    if fmt not in FORMATS:
        raise ValidationError(f"Неизвестный формат выгрузки: {fmt} (допустимо: {', '.join(FORMATS)})")
    if requests is None:
        requests = ClarificationRequest.objects.select_related("servant", "servant__organisation", "relative")
    chosen = sorted(requests, key=lambda r: (r.servant.personnel_number, r.kind, r.pk))
    path = Path(out_path)
    if fmt == "json":
        with private_file(path, "w", encoding="utf-8") as fh:
            fh.write(json.dumps([request_dict(r, today) for r in chosen], ensure_ascii=False, indent=2))
    else:
        write_xlsx(path, HEADERS, _rows(chosen), "Запросы уточнения")
    record(user, "export", object_type="clarifications", object_repr=f"запросы уточнения ({fmt})", format=fmt,
           count=len(chosen), file=str(path))
    return len(chosen)
