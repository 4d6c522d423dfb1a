"""Background job ``people.import``: the confirmed web import of servants and relatives.

The files uploaded for the preview are checked again against the database
as it is now (someone may have changed it since) and written in one
transaction, as the CLI does. They are removed when the job ends, whether
it succeeded or not; a job interrupted by a server stop keeps them and runs
again from the start, which is safe because nothing of the interrupted run
was committed.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import DatabaseError

from zorko.exceptions import InputFileError, ZorkoError
from zorko.people.importing import ImportPlan, apply_import, plan_import
from zorko.people.importing.refusals import record_refusal
from zorko.tasks import queue
from zorko.web import uploads

CHECKING = "Проверка файлов и сравнение с базой"
ROLES = ("servants", "relatives")

# ``{role: {"path": stored file name, "name": original file name}}`` of one upload.
StoredFiles = dict[str, dict[str, str]]


def file_names(files: StoredFiles) -> list[str]:
    return [files[role]["name"] for role in ROLES if role in files]


def plan_uploaded(files: StoredFiles, token: str) -> ImportPlan:
    """The plan of the uploaded files; messages name the files as the user named them."""
    relatives = files.get("relatives")
    return plan_import(
        uploads.path_of(token, files["servants"]["path"]),
        uploads.path_of(token, relatives["path"]) if relatives else None,
        servants_name=files["servants"]["name"],
        relatives_name=relatives["name"] if relatives else None,
    )


@queue.job("people.import")
def people_import_job(progress: queue.Progress, token: str, files: StoredFiles,
                      user_id: int | None = None, ip: str | None = None) -> dict[str, Any]:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None

    def written(done: int, total: int) -> None:
        progress(done, total, f"Записано строк: {done} из {total}")

    try:
        progress(0, None, CHECKING)
        try:
            plan = plan_uploaded(files, token)
        except InputFileError as exc:
            record_refusal(user, file_names(files), exc, ip=ip, stage="confirm")
            raise
        try:
            summary = apply_import(plan, user=user, ip=ip, progress=written)
        except DatabaseError as exc:
            raise ZorkoError(f"Импорт не выполнен: ошибка базы данных ({exc}). "
                             "Ничего не записано.") from exc
    finally:
        uploads.discard(token)
    return {"message": "Импорт выполнен", "files": file_names(files), **summary.as_dict()}
