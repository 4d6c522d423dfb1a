"""«Отчет о проверке ФЛ» for many people at once: a ZIP of PDFs (or DOCX) and a summary XLSX.

The reports are written one by one straight into the ZIP on disk, so the
memory stays flat whatever the number of people; the job reports progress
after each person. With ``ZORKO_REPORT_WORKERS`` other than 1 the documents
are laid out in that many spawned processes (WeasyPrint is the cost) while
this process writes the ZIP in order.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import zipfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from openpyxl import Workbook

from zorko.exceptions import ValidationError
from zorko.people.models import Organisation, Servant
from zorko.program.batch_worker import init_worker, render_task
from zorko.program.xlsx import add_table, put, workbook_bytes
from zorko.reports.person_report import build_report
from zorko.reports.writer import writer_for

SUMMARY_HEADER = ["№", "Табельный номер", "ФИО", "Организация", "Должность", "Статус", "Дата проверки",
                  "Срабатываний", "Заключение", "Файл"]


def select(scope: str, organisation_id: int | None = None, month: str = "", numbers: list[str] | None = None
           ) -> QuerySet[Servant]:
    """The people of a batch: an organisation's servants, the candidates added in a month, or a selection."""
    qs = Servant.objects.select_related("organisation", "position").order_by("organisation__name", "last_name",
                                                                              "first_name", "pk")
    if scope == "organisation":
        org = Organisation.objects.filter(pk=organisation_id or 0).first()
        if org is None:
            raise ValidationError("Выберите организацию")
        return qs.filter(organisation=org, status=Servant.Status.SERVANT)
    if scope == "candidates":
        match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValidationError("Месяц укажите как ГГГГ-ММ, например 2026-11")
        return qs.filter(status=Servant.Status.CANDIDATE, created_at__year=int(match.group(1)),
                         created_at__month=int(match.group(2)))
    if scope == "selection":
        wanted = [n.strip() for n in numbers or [] if n.strip()]
        found = set(Servant.objects.filter(personnel_number__in=wanted).values_list("personnel_number", flat=True))
        missing = [n for n in wanted if n not in found]
        if not wanted or missing:
            raise ValidationError("Не найдены табельные номера: " + ", ".join(missing[:10]) if missing
                                  else "Укажите табельные номера")
        return qs.filter(personnel_number__in=wanted)
    raise ValidationError(f"Неизвестный охват пакета: {scope}")


def _file_name(servant: Servant, fmt: str) -> str:
    safe = re.sub(r"[^\w\- ]+", "", f"{servant.personnel_number} {servant.full_name}", flags=re.UNICODE)
    return f"{safe.strip()[:120]}.{fmt}"


def exports_dir() -> Path:
    path = Path(settings.CONFIG.data_dir) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_workers() -> int:
    """``ZORKO_REPORT_WORKERS``, else (0) one per CPU, at most 4; 1 when the database lives in memory
    (the test database), which another process cannot open."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return 1
    from zorko import config

    configured = config.load().report_workers
    return configured if configured > 0 else max(1, min(4, os.cpu_count() or 1))


def render_one(servant_id: int, fmt: str, user_id: int | None = None) -> tuple[bytes, list[Any]]:
    """One person's document and their row of the summary (minus the number and the file name)."""
    from django.contrib.auth.models import User

    servant = Servant.objects.select_related("organisation", "position").get(pk=servant_id)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    report = build_report(servant, user)
    row = [servant.personnel_number, servant.full_name, str(servant.organisation), str(servant.position or ""),
           servant.status_word, report.screened_at.date() if report.screened_at else "не проводилась",
           len(report.findings), report.conclusion, _file_name(servant, fmt)]
    return writer_for(fmt).write(report), row


def _rendered(ids: list[int], fmt: str, user_id: int | None, workers: int) -> Iterator[tuple[bytes, list[Any]]]:
    if workers <= 1 or len(ids) < 2 * workers:
        for pk in ids:
            yield render_one(pk, fmt, user_id)
        return
    from django.db import connection

    context = multiprocessing.get_context("spawn")  # safe inside the threaded web server
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                             initargs=(str(connection.settings_dict["NAME"]),)) as pool:
        # Bounded look-ahead: at most a few documents wait in memory for the ZIP.
        waiting = deque(pool.submit(render_task, (pk, fmt, user_id)) for pk in ids[:4 * workers])
        following = iter(ids[4 * workers:])
        while waiting:
            result = waiting.popleft().result()
            following_pk = next(following, None)
            if following_pk is not None:
                waiting.append(pool.submit(render_task, (following_pk, fmt, user_id)))
            yield result


def write_batch(servants: QuerySet[Servant], fmt: str, out: Path, user: Any = None,
                progress: Callable[[int, int | None, str], None] | None = None, workers: int | None = None) -> int:
    """Write the ZIP; returns the number of reports in it."""
    writer_for(fmt)  # an unknown format fails before any work
    ids = list(servants.values_list("pk", flat=True))
    total = len(ids)
    summary: list[list[Any]] = []
    tmp = out.with_suffix(".part")
    user_id = user.pk if getattr(user, "pk", None) else None
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n, (body, row) in enumerate(_rendered(ids, fmt, user_id, workers or default_workers()), 1):
            zf.writestr(row[-1], body)
            summary.append([n, *row])
            if progress:
                progress(n, total, f"Готово отчётов: {n} из {total}")
        zf.writestr("Сводка.xlsx", _summary(summary))
    tmp.replace(out)
    return len(summary)


def _summary(rows: list[list[Any]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Сводка"
    put(ws, 1, 1, f"Отчеты о проверке ФЛ: {len(rows)}, сформированы {date.today():%d.%m.%Y}", bold=True)
    add_table(ws, SUMMARY_HEADER, rows, 3)
    ws.column_dimensions["C"].width = 36
    ws.column_dimensions["I"].width = 60
    return workbook_bytes(wb)
