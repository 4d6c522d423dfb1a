"""The job queue runs jobs, records progress and failures, and resumes after a restart."""

from typing import Any

import pytest

from zorko.exceptions import ZorkoError
from zorko.tasks import queue
from zorko.tasks.models import Job


@queue.job("test.count")
def _count(progress: Any, upto: int) -> dict[str, Any]:
    for i in range(upto):
        progress(i, upto)
    return {"counted": upto, "message": f"Посчитано: {upto}"}


@queue.job("test.fail")
def _fail(progress: Any) -> None:
    raise ZorkoError("Файл повреждён")


@pytest.mark.django_db
def test_job_runs_and_stores_result() -> None:
    job = queue.enqueue("test.count", {"upto": 3})
    assert queue.run_pending() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.result["counted"] == 3
    assert job.message == "Посчитано: 3"


@pytest.mark.django_db
def test_failed_job_keeps_russian_error() -> None:
    job = queue.enqueue("test.fail")
    queue.run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "Файл повреждён" in job.error


@pytest.mark.django_db
def test_job_interrupted_by_restart_runs_again() -> None:
    job = queue.enqueue("test.count", {"upto": 2})
    claimed = queue.claim_next()
    assert claimed is not None and claimed.pk == job.pk
    # The server stops here; at the next start the job goes back to the queue.
    assert queue.requeue_interrupted() == 1
    queue.run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.attempts == 2
