"""Audit records made while answering a request carry the client's address, services' too."""

from __future__ import annotations

from typing import Any

from tests.findings.scenario import make_family, make_finding
from zorko.audit.log import record
from zorko.audit.models import AuditEvent

ADDRESS = "203.0.113.7"


def test_review_decision_through_the_web_has_the_client_address(client_as: Any, make_servant: Any) -> None:
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    client = client_as("inspector")
    client.post(f"/findings/{finding.pk}/review/", {"to_status": "in_review"}, REMOTE_ADDR=ADDRESS)
    client.post(f"/findings/{finding.pk}/review/", {"to_status": "dismissed", "reason": "Однофамилица"},
                REMOTE_ADDR=ADDRESS)
    decisions = AuditEvent.objects.filter(action="finding.review", object_id=str(finding.pk))
    assert [e.ip for e in decisions] == [ADDRESS, ADDRESS]


def test_outside_a_request_nothing_is_invented(db: Any) -> None:
    assert record(None, "export", object_type="test", object_repr="файл").ip is None
