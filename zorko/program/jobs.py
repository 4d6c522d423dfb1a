"""Background jobs of the program area: the batch «Отчет о проверке ФЛ»."""

from __future__ import annotations

from typing import Any

from zorko.audit.log import record
from zorko.program.batch import exports_dir, select, write_batch
from zorko.tasks.queue import Progress, job

BATCH_JOB = "program.batch_reports"


@job(BATCH_JOB)
def batch_reports(progress: Progress, scope: str, fmt: str = "pdf", organisation: int | None = None,
                  month: str = "", numbers: list[str] | None = None, user_id: int | None = None,
                  job_id: int | None = None) -> dict[str, Any]:
    from django.contrib.auth.models import User

    user = User.objects.filter(pk=user_id).first() if user_id else None
    servants = select(scope, organisation, month, numbers)
    out = exports_dir() / f"batch-{job_id or 'cli'}-{fmt}.zip"
    count = write_batch(servants, fmt, out, user, progress)
    record(user, "export", object_type="program", object_repr=f"пакет отчетов о проверке ФЛ: {count}",
           scope=scope, format=fmt, rows=count, file=out.name)
    return {"file": out.name, "count": count, "message": f"Сформировано отчетов: {count}"}
