"""A job queued while answering a request writes its audit records with that request's address."""

from __future__ import annotations

from typing import Any

from zorko.audit.log import record, request_ip
from zorko.audit.models import AuditEvent
from zorko.tasks import queue
from zorko.tasks.queue import Progress, job

KIND = "tests.audited_export"


@job(KIND)
def _audited_export(progress: Progress) -> dict[str, Any]:
    record(None, "export", object_type="test", object_repr="выгрузка из фоновой задачи")
    return {}


def test_job_audit_records_carry_the_address_of_the_request_that_queued_it(db: Any) -> None:
    with request_ip("203.0.113.9"):
        queue.enqueue(KIND)
    queue.enqueue(KIND)  # outside a request (CLI): no address to keep
    assert queue.run_pending() == 2  # in the order queued
    addresses = AuditEvent.objects.filter(object_type="test").order_by("pk").values_list("ip", flat=True)
    assert list(addresses) == ["203.0.113.9", None]
