"""Background jobs ``declarations.import`` (uploaded .xsb and .zip files) and ``declarations.analyse``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from zorko.declarations.analysis import analyse
from zorko.declarations.intake import import_paths
from zorko.declarations.rule_names import Policy
from zorko.tasks import queue
from zorko.web import uploads


def _user(user_id: int | None) -> Any:
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


@queue.job("declarations.import")
def import_job(progress: queue.Progress, token: str, files: list[dict[str, str]], year: int | None = None,
               user_id: int | None = None, ip: str | None = None) -> dict[str, Any]:
    progress(0, None, "Чтение и проверка файлов")

    def written(done: int, total: int) -> None:
        progress(done, total, f"Записано справок: {done} из {total}")

    try:
        summary = import_paths([uploads.path_of(token, f["path"]) for f in files], year, user=_user(user_id), ip=ip,
                               names=[f["name"] for f in files], progress=written)
    finally:
        uploads.discard(token)
    return {"message": f"Импорт выполнен. {summary}", **summary.as_dict()}


@queue.job("declarations.analyse")
def analyse_job(progress: queue.Progress, year: int, share: str = "0.5", user_id: int | None = None,
                ip: str | None = None) -> dict[str, Any]:
    progress(0, None, f"Анализ справок за {year} год")
    result = analyse(year, policy=Policy(share=Decimal(share)), user=_user(user_id), ip=ip)
    return {"message": " ".join(result.lines()[:2]), "year": year, "findings": dict(result.findings),
            "new": result.new}
