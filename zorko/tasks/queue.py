"""Enqueue, claim and run jobs; report progress from inside a job.

A job function is registered by name and called as ``fn(progress, **params)``;
it returns a JSON-serialisable result. ``progress(done, total, message)``
writes to the job row at most a few times a second. Inside a job's own
transaction (an import is written in one) that write would stay invisible
until the commit, so there the progress is kept in this process only and
``with_live_progress`` shows it to the job page served by the same process.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from zorko.audit.log import current_request_ip, request_ip
from zorko.exceptions import ZorkoError
from zorko.tasks.models import Job

log = logging.getLogger("zorko.tasks")


class Progress(Protocol):
    def __call__(self, done: int, total: int | None = None, message: str = "") -> None: ...


JobFunction = Callable[..., Any]
_REGISTRY: dict[str, JobFunction] = {}
# Jobs are registered by modules imported here, lazily, to keep Django import order simple.
JOB_MODULES: list[str] = ["zorko.findings.jobs", "zorko.web.registry.jobs", "zorko.web.people.importing.jobs",
                          "zorko.web.declarations.jobs", "zorko.program.jobs", "zorko.candidates.jobs"]
# Progress of the jobs running in this process: {job id: fields of the job row}.
_LIVE: dict[int, dict[str, Any]] = {}


def job(name: str) -> Callable[[JobFunction], JobFunction]:
    def register(fn: JobFunction) -> JobFunction:
        _REGISTRY[name] = fn
        return fn

    return register


def _load_job_modules() -> None:
    import importlib

    for module in JOB_MODULES:
        importlib.import_module(module)


def enqueue(kind: str, params: dict[str, Any] | None = None, user: Any = None) -> Job:
    return Job.objects.create(kind=kind, params=params or {}, created_by=user if user and user.pk else None,
                              audit_ip=current_request_ip())


def claim_next() -> Job | None:
    """Atomically move the oldest queued job to running."""
    with transaction.atomic():
        candidate = Job.objects.filter(status=Job.Status.QUEUED).order_by("created_at", "pk").first()
        if candidate is None:
            return None
        now = timezone.now()
        updated = Job.objects.filter(pk=candidate.pk, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, attempts=candidate.attempts + 1
        )
    if not updated:
        return None
    return Job.objects.get(pk=candidate.pk)


class _Reporter:
    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        fields: dict[str, Any] = {"done": done}
        if total is not None:
            fields["total"] = total
        if message:
            fields["message"] = message
        _LIVE[self.job_id] = {**_LIVE.get(self.job_id, {}), **fields}
        now = time.monotonic()
        if now - self._last < 0.3 or connection.in_atomic_block:
            return
        self._last = now
        Job.objects.filter(pk=self.job_id).update(heartbeat_at=timezone.now(), **fields)


def with_live_progress(job_row: Job) -> Job:
    """``job_row`` with the progress its worker in this process reported but could not write yet."""
    live = _LIVE.get(job_row.pk)
    if live and job_row.status == Job.Status.RUNNING:
        for name in ("done", "total", "message"):
            if name in live:
                setattr(job_row, name, live[name])
    return job_row


def run_job(job_row: Job) -> Job:
    _load_job_modules()
    fn = _REGISTRY.get(job_row.kind)
    reporter = _Reporter(job_row.pk)
    try:
        if fn is None:
            raise ZorkoError(f"Неизвестный вид задачи: {job_row.kind}")
        with request_ip(job_row.audit_ip):
            result = fn(reporter, **job_row.params)
    except ZorkoError as exc:
        log.warning("job %s failed: %s", job_row.pk, exc)
        _finish(job_row.pk, Job.Status.FAILED, error=str(exc))
    except Exception as exc:  # a worker must survive any job's bug
        log.exception("job %s crashed", job_row.pk)
        _finish(job_row.pk, Job.Status.FAILED, error=f"Внутренняя ошибка: {exc}\n{traceback.format_exc()}")
    else:
        _finish(job_row.pk, Job.Status.DONE, result=result)
    finally:
        _LIVE.pop(job_row.pk, None)
    return Job.objects.get(pk=job_row.pk)


def _finish(job_id: int, status: str, *, error: str = "", result: Any = None) -> None:
    fields: dict[str, Any] = {"status": status, "finished_at": timezone.now(), "error": error}
    # The last progress reported, which the throttle or a transaction may have kept from the row.
    fields.update((k, v) for k, v in _LIVE.get(job_id, {}).items() if k in ("done", "total"))
    if result is not None:
        fields["result"] = result
        if isinstance(result, dict) and result.get("message"):
            fields["message"] = result["message"]
    Job.objects.filter(pk=job_id).update(**fields)


def requeue_interrupted() -> int:
    """Jobs that were running when the server stopped go back to the queue."""
    return Job.objects.filter(status=Job.Status.RUNNING).update(status=Job.Status.QUEUED)


def run_pending() -> int:
    """Run queued jobs until none is left; returns how many ran (CLI and tests)."""
    count = 0
    while (job_row := claim_next()) is not None:
        run_job(job_row)
        count += 1
    return count


class Worker(threading.Thread):
    def __init__(self, poll_seconds: float = 1.0) -> None:
        super().__init__(name="zorko-worker", daemon=True)
        self.poll_seconds = poll_seconds
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            close_old_connections()
            try:
                job_row = claim_next()
            except Exception:
                log.exception("cannot claim a job")
                job_row = None
            if job_row is None:
                self.stopping.wait(self.poll_seconds)
                continue
            run_job(job_row)
        close_old_connections()

    def stop(self) -> None:
        self.stopping.set()
