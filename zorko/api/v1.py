"""API version 1, mounted at ``/api/v1/``: people upsert, screening status, checks, jobs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI, Status
from ninja.renderers import JSONRenderer
from ninja.throttling import AuthRateThrottle

from zorko.accounts.models import ApiToken
from zorko.api import errors, schemas, status
from zorko.api.actor import actor_of
from zorko.api.auth import TokenAuth
from zorko.api.batch import upsert_people
from zorko.audit.log import client_ip
from zorko.exceptions import NotFound
from zorko.tasks import queue
from zorko.tasks.models import Job

RATE = "600/m"  # per token: a nightly HR sync stays well below it, a runaway loop does not

class RussianJSON(JSONRenderer):
    """Cyrillic as it is, not as \\u escapes: a person reading the answer sees words."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=RussianJSON(),
    title="Зорко API", version="1", urls_namespace="api-v1",
    description="REST API для кадровой системы (1С:ЗУП и подобных): загрузка служащих и родственников, "
                "состояние проверки служащего, срабатывания, запросы уточнения, запуск проверки. "
                "Доступ по токену системы: заголовок «Authorization: Bearer <токен>».",
    throttle=[AuthRateThrottle(RATE)],
)
errors.install(api)

ERRORS: dict[int, Any] = {401: schemas.ErrorOut, 403: schemas.ErrorOut, 404: schemas.ErrorOut,
                          429: schemas.ErrorOut}


def _token(request: HttpRequest) -> ApiToken:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def _about(request: HttpRequest, text: str) -> None:
    """What the call touched, for its audit event."""
    request.zorko_api_object = text  # type: ignore[attr-defined]


@api.post("/people", auth=TokenAuth("people.write"), tags=["Служащие"],
          response={200: schemas.UpsertOut, 422: schemas.BatchErrorOut, **ERRORS},
          summary="Загрузить служащих и родственников (всё или ничего)")
def upsert(request: HttpRequest, payload: schemas.PeopleBatch) -> dict[str, Any]:
    token = _token(request)
    servants = [item.model_dump(exclude_unset=True) for item in payload.servants]
    relatives = [item.model_dump(exclude_unset=True) for item in payload.relatives]
    summary = upsert_people(servants, relatives, system=token.name, actor=actor_of(token),
                            ip=client_ip(request))
    _about(request, f"пакет: служащих {len(servants)}, родственников {len(relatives)}")
    counts = summary.as_dict()
    return {kind: {k: counts[f"{kind}_{k}"] for k in ("added", "changed", "unchanged")}
            for kind in ("servants", "relatives")} | {"message": str(summary)}


def _servant(request: HttpRequest, personnel_number: str) -> Any:
    servant = status.servant_by_number(personnel_number)
    _about(request, f"{servant.full_name}, таб. № {servant.personnel_number}")
    return servant


@api.get("/servants/{personnel_number}/status", auth=TokenAuth("screening.read"), tags=["Проверки"],
         response={200: schemas.StatusOut, **ERRORS}, summary="Состояние проверки служащего")
def servant_status(request: HttpRequest, personnel_number: str) -> dict[str, Any]:
    return status.screening_status(_servant(request, personnel_number))


@api.get("/servants/{personnel_number}/findings", auth=TokenAuth("screening.read"), tags=["Проверки"],
         response={200: list[schemas.FindingOut], **ERRORS}, summary="Действующие срабатывания служащего")
def servant_findings(request: HttpRequest, personnel_number: str) -> list[dict[str, Any]]:
    return status.active_findings(_servant(request, personnel_number))


@api.get("/servants/{personnel_number}/clarifications", auth=TokenAuth("screening.read"),
         tags=["Проверки"], response={200: list[schemas.ClarificationOut], **ERRORS},
         summary="Открытые запросы уточнения служащему")
def servant_clarifications(request: HttpRequest, personnel_number: str) -> list[dict[str, Any]]:
    return status.clarification_requests(_servant(request, personnel_number))


@api.post("/servants/{personnel_number}/check", auth=TokenAuth("screening.run"), tags=["Проверки"],
          response={202: schemas.CheckOut, **ERRORS}, summary="Запустить проверку служащего")
def start_check(request: HttpRequest, personnel_number: str) -> Status[dict[str, Any]]:
    servant = _servant(request, personnel_number)
    job = queue.enqueue("screening.run", {"scope": "person", "value": servant.personnel_number})
    url = reverse("api-v1:job", kwargs={"job_id": job.pk})
    return Status(202, {"job_id": job.pk, "status_url": request.build_absolute_uri(url),
                 "message": f"Проверка поставлена в очередь: задача № {job.pk}"})


@api.get("/jobs/{job_id}", auth=TokenAuth("screening.run"), tags=["Проверки"], url_name="job",
         response={200: schemas.JobOut, **ERRORS}, summary="Ход и итог проверки")
def job_status(request: HttpRequest, job_id: int) -> dict[str, Any]:
    job = Job.objects.filter(pk=job_id, kind="screening.run").first()
    if job is None:
        raise NotFound(f"Задачи проверки № {job_id} нет.")
    _about(request, f"задача № {job.pk}")
    job = queue.with_live_progress(job)
    return {"id": job.pk, "status": job.status, "status_name": job.get_status_display(),
            "done": job.done, "total": job.total, "message": job.message,
            # A crash leaves a traceback in ``error``: the first line is what a person can read.
            "error": job.error.split("\n", 1)[0], "finished": job.finished,
            "result": job.result if isinstance(job.result, dict) else None}
