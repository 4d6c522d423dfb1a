"""Clarification requests (запросы уточнения): ask the servant instead of reading pairs.

A relative without ИНН may share the name of several registry persons, one
of whom touches a supplier of the servant's organisation; only the servant
can say which, if any, is his relative. Zorko makes **one** request per such
person (and one per servant for the weaker hints of undeclared relatives),
listing the registry persons, and settles it by the answer:

- ``save_requests(run, candidates, screened)`` — the screening writes requests
  by difference: a new one is «подготовлен»; an open one gets the current list;
  a settled one comes back only when new registry persons appear; one the run
  no longer produces is closed as «не требуется»;
- ``mark_sent``, ``record_answer``, ``close_overdue`` — the steps, each an
  event record and an audit entry; the answer records a judgement per listed
  person, stores a given ИНН or birth date on the relative and re-checks the
  servant at once;
- ``is_open_at(request, moment)`` — what the KPI reads: a request is decided
  when answered, or overdue with a recorded reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from zorko.affiliation.triage import RequestCandidate
from zorko.audit.log import record
from zorko.exceptions import ValidationError
from zorko.findings.models import ClarificationEvent, ClarificationRequest, ScreeningRun
from zorko.findings.snapshot import pk_of
from zorko.identifiers import check_inn

R = ClarificationRequest.Status
OPEN = frozenset({R.PREPARED, R.SENT})
SETTLED = frozenset({R.ANSWERED, R.OVERDUE})


def _hash(options: list[dict[str, Any]]) -> str:
    # Only who is asked about counts, not the probabilities that move as registries grow.
    people = sorted({o["key"] for o in options})
    return hashlib.sha256(json.dumps(people, ensure_ascii=False).encode()).hexdigest()


def _event(request: ClarificationRequest, from_status: str, to_status: str, note: str = "",
           user: Any = None) -> ClarificationEvent:
    return ClarificationEvent(request=request, from_status=from_status, to_status=to_status, note=note,
                              user=user if getattr(user, "pk", None) else None,
                              username=getattr(user, "username", "") or "")


def save_requests(run: ScreeningRun, candidates: Iterable[RequestCandidate], screened: set[int]) -> tuple[int, int]:
    """Write the run's requests by difference; returns (requests produced, requests new or reopened)."""
    produced = {c.identity: c for c in candidates}
    stored = {r.key: r for r in ClarificationRequest.objects.filter(servant_id__in=screened)}
    stored.update({r.key: r for r in ClarificationRequest.objects.filter(key__in=[k for k in produced
                                                                               if k not in stored])})
    events: list[ClarificationEvent] = []
    fresh = 0
    for key, cand in produced.items():
        options = [o.to_dict() for o in cand.options]
        digest = _hash(options)
        request = stored.get(key)
        if request is None:
            request = ClarificationRequest.objects.create(
                key=key, kind=cand.kind, servant_id=pk_of(cand.servant_key), relative_id=pk_of(cand.relative_key),
                person_name=cand.person_name[:300], candidates=options, more_candidates=cand.more,
                candidates_hash=digest, last_run=run)
            events.append(_event(request, "", R.PREPARED, "Подготовлен по результатам проверки"))
            fresh += 1
            continue
        if request.candidates_hash == digest and request.active:
            continue  # nothing new to ask
        before = request.status
        settled = request.status in SETTLED or request.status == R.WITHDRAWN or not request.active
        asked = {o["key"] for o in request.candidates}
        if settled and request.active and {o["key"] for o in options} <= asked:
            continue  # the answer covered everyone still listed: keep the request as it was answered
        if settled:
            request.status, request.sent_at, request.due_on, request.answered_at = R.PREPARED, None, None, None
            request.closed_at = None
            events.append(_event(request, before, R.PREPARED, "В реестре появились лица, о которых служащий ещё "
                                                             "не сообщал: запрос подготовлен снова"))
            fresh += 1
        request.candidates, request.more_candidates, request.candidates_hash = options, cand.more, digest
        request.person_name, request.active, request.last_run = cand.person_name[:300], True, run
        request.save()
    for key, request in stored.items():
        if key in produced or not request.active or request.servant_id not in screened:
            continue
        request.active = False
        if request.status in OPEN:
            events.append(_event(request, request.status, R.WITHDRAWN,
                                 "Повторная проверка больше не находит тёзок, о которых нужно спрашивать"))
            request.status, request.closed_at = R.WITHDRAWN, timezone.now()
        request.save()
    ClarificationEvent.objects.bulk_create(events)
    return len(produced), fresh


def due_days() -> int:
    return int(getattr(settings, "ZORKO_CLARIFICATION_DAYS", 30))


def is_overdue(request: ClarificationRequest, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return request.status == R.SENT and request.due_on is not None and request.due_on < today


def status_label(request: ClarificationRequest, today: date | None = None) -> str:
    """The status a user sees: a sent request past its term reads «просрочен»."""
    return str(R.OVERDUE.label) if is_overdue(request, today) else str(R(request.status).label)


def _transition(request: ClarificationRequest, allowed: frozenset[str], to_status: str, user: Any, note: str,
                action: str, **audit: Any) -> None:
    if request.status not in allowed:
        raise ValidationError(f"Запрос в статусе «{status_label(request)}»: действие недоступно")
    before = request.status
    request.status = to_status
    request.save()
    _event(request, before, to_status, note, user).save()
    record(user, action, request, from_status=before, to_status=to_status, **audit)


def mark_sent(request: ClarificationRequest, user: Any, sent_on: date | None = None) -> None:
    sent_on = sent_on or timezone.localdate()
    with transaction.atomic():
        request.sent_at = timezone.make_aware(datetime.combine(sent_on, datetime.min.time()))
        request.due_on = sent_on + timedelta(days=due_days())
        _transition(request, frozenset({R.PREPARED}), R.SENT, user,
                    f"Направлен служащему, срок ответа — {request.due_on:%d.%m.%Y}", "clarification.send")


def close_overdue(request: ClarificationRequest, user: Any, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise ValidationError("Чтобы закрыть просроченный запрос без ответа, укажите причину")
    if not is_overdue(request):
        raise ValidationError("Закрыть без ответа можно только просроченный запрос")
    with transaction.atomic():
        request.overdue_reason, request.closed_at = reason, timezone.now()
        _transition(request, frozenset({R.SENT}), R.OVERDUE, user, reason, "clarification.overdue", reason=reason)


def record_answer(request: ClarificationRequest, user: Any, decisions: Mapping[str, bool | None], answer: str = "",
                  inn: str = "", birth_date: date | None = None, rescreen: bool = True) -> None:
    """Settle a request: a judgement per registry person decided, the ИНН or birth date stored, a re-check."""
    from zorko.findings.judgements import record_judgement
    from zorko.people.history import save_relative, save_servant

    known = {o["key"]: o for o in request.candidates}
    unknown = [k for k in decisions if k not in known]
    if unknown:
        raise ValidationError("В ответе есть лица, о которых запрос не спрашивал")
    inn = inn.strip()
    problem = check_inn(inn, person=True) if inn else None
    if problem:
        raise ValidationError(problem)
    if not any(v is not None for v in decisions.values()) and not inn and birth_date is None:
        raise ValidationError("Отметьте по каждому лицу, родственник ли это, или укажите ИНН либо дату рождения")
    with transaction.atomic():
        for key, same in decisions.items():
            if same is None:
                continue
            option = known[key]
            record_judgement(request.servant, request.relative, option, same,
                             f"ответ служащего на запрос уточнения № {request.pk}"
                             + (f": {answer.strip()}" if answer.strip() else ""),
                             user, kinship_hint=request.kind == ClarificationRequest.Kind.HIDDEN)
        person = request.relative or request.servant
        changes: dict[str, Any] = {}
        if inn:
            changes["inn"] = inn
        if birth_date is not None:
            changes["birth_date"] = birth_date
        if changes:
            saver = save_relative if request.relative is not None else save_servant
            saver(person, changes, user, f"ответ на запрос уточнения № {request.pk}")
        request.answer, request.answered_at, request.closed_at = answer.strip(), timezone.now(), timezone.now()
        _transition(request, OPEN, R.ANSWERED, user, answer.strip() or "Ответ получен", "clarification.answer",
                    decided=sum(v is not None for v in decisions.values()), inn_given=bool(inn),
                    birth_date_given=birth_date is not None)
    if rescreen:
        from zorko.findings.service import run_screening

        run_screening("person", request.servant.personnel_number, user=user)


def is_open_at(created_at: datetime, answered_at: datetime | None, closed_at: datetime | None,
               status: str, moment: datetime) -> bool:
    """Undecided at ``moment``: raised by then and neither answered nor closed with a reason by then."""
    if created_at > moment:
        return False
    if status == R.WITHDRAWN:
        return closed_at is None or closed_at > moment
    decided_at = answered_at if status == R.ANSWERED else closed_at if status == R.OVERDUE else None
    return decided_at is None or decided_at > moment
