"""Background job ``screening.run``: a screening started from the web or after a registry load."""

from __future__ import annotations

from typing import Any

from zorko.tasks import queue


@queue.job("screening.run")
def screening_job(progress: queue.Progress, scope: str = "all", value: str = "", user_id: int | None = None,
                  load_ids: list[int] | None = None) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from zorko.findings.service import run_screening

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    run = run_screening(scope, value, user=user, progress=progress, load_ids=load_ids)
    return {"run_id": run.pk, "people": run.people_checked, "findings": run.findings_total,
            "new": run.findings_new,
            "message": f"Проверено: {run.people_checked} чел., срабатываний: {run.findings_total} "
                       f"(новых: {run.findings_new})"}
