"""Running a candidate check, deciding on it, hiring, and the waiting list.

A check screens the candidate and the relatives of his questionnaire with
the ordinary screening (``zorko.findings.service.run_screening`` for one
person: every rule, the candidates' lists included), asks the ФНС НПД
service when the online check is on, and keeps in the record what each
source said about each person, the findings and clarification requests,
and the registries with their extract dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorko.accounts.users import display_name
from zorko.audit.log import record
from zorko.candidates.models import CandidateCheck
from zorko.candidates.sources import RELATIVE_SOURCES, rule_sources, source_title
from zorko.exceptions import ValidationError
from zorko.people.models import Servant


def _username(user: Any) -> str:
    return display_name(user)


def _finding_row(f: Any) -> dict[str, Any]:
    from zorko.findings.rules_info import rule_name

    evidence = f.evidence or {}
    return {"id": f.pk, "rule": f.rule, "rule_name": rule_name(f.rule), "severity": f.severity,
            "severity_label": f.get_severity_display(), "status": f.get_status_display(),
            "relative_id": f.relative_id,
            "relative": f"{f.relative.kinship_word}: {f.relative.full_name}" if f.relative else "",
            "subject": f.subject_name, "explanation": f.explanation, "clarify": bool(evidence.get("clarify"))}


# The rule whose sources a request's kind comes from, for the per-source results.
REQUEST_RULES = {"namesakes": "relative_supplier", "hidden_relative": "hidden_relative",
                 "loss_of_trust": "loss_of_trust"}


def _request_row(r: Any) -> dict[str, Any]:
    """A clarification request of the check: the candidate is asked, no finding is raised."""
    from zorko.findings.clarifications import status_label

    people = ", ".join(c.get("full_name", "") for c in r.candidates[:3]) + (" и др." if len(r.candidates) > 3 else "")
    return {"id": None, "request_id": r.pk, "rule": "clarification_request", "sources_rule": REQUEST_RULES[r.kind],
            "rule_name": f"запрос уточнения: {r.get_kind_display()}", "severity": "low",
            "severity_label": "требуется уточнение", "status": status_label(r), "relative_id": r.relative_id,
            "relative": f"{r.relative.kinship_word}: {r.relative.full_name}" if r.relative else "",
            "subject": people, "explanation": f"Лица в реестре, о которых нужно спросить: {people}",
            "clarify": True}


def _npd_online(people: list[tuple[str, str]]) -> dict[str, str]:
    """ИНН → what the ФНС service said (or why it did not), when the online check is on."""
    from zorko.registry import npd_online

    if not npd_online.enabled():
        return {}
    return {inn: npd_online.check(inn).text for _label, inn in people if inn}


def _results(person: Servant, registries: dict[str, str], findings: list[dict[str, Any]],
             online: dict[str, str]) -> list[dict[str, Any]]:
    people: list[tuple[str, int | None, str]] = [("кандидат", None, person.inn)]
    people += [(f"{r.kinship_word}: {r.full_name}", r.pk, r.inn) for r in person.relatives.all()]
    rows: list[dict[str, Any]] = []
    for label, relative_id, inn in people:
        for source in registries:
            if relative_id is not None and source not in RELATIVE_SOURCES:
                continue
            hits = [f for f in findings if f["relative_id"] == relative_id
                    and source in rule_sources(f.get("sources_rule") or f["rule"])]
            found = [f for f in hits if not f.get("clarify")]
            if found:
                text = "найдено: " + "; ".join(f"{f['rule_name']} ({f['severity_label']})" for f in found)
            elif hits:
                text = "требуется уточнение: " + "; ".join(f["rule_name"] for f in hits)
            else:
                text = "совпадений нет"
            rows.append({"person": label, "source": source, "source_title": source_title(source),
                         "result": text, "hits": len(hits)})
        if inn in online:
            rows.append({"person": label, "source": "npd_online", "source_title": source_title("npd_online"),
                         "result": online[inn], "hits": 0})
    return rows


def run_check(person: Servant, user: Any = None) -> CandidateCheck:
    """Check a candidate now and keep the record (the people with ``candidate`` status only)."""
    from zorko.findings.service import run_screening

    if person.status != Servant.Status.CANDIDATE:
        raise ValidationError(f"{person.full_name} не кандидат: проверка кандидата не проводится")
    online = _npd_online([("кандидат", person.inn), *((r.full_name, r.inn) for r in person.relatives.all())])
    run = run_screening("person", person.personnel_number, user=user)
    active = person.findings.filter(active=True).select_related("relative").order_by("pk")
    findings = [_finding_row(f) for f in active]
    asked = person.clarifications.filter(active=True).select_related("relative").order_by("pk")
    findings += [_request_row(r) for r in asked]
    registries = dict(sorted(run.registry_as_of.items()))
    check = CandidateCheck.objects.create(
        person=person, checked_by=user if getattr(user, "pk", None) else None, checked_by_name=_username(user),
        registries=registries, results=_results(person, registries, findings, online), findings=findings,
        relatives_checked=person.relatives.count())
    record(user, "candidates.check", check, person=person.full_name, findings=len(findings),
           registries=registries)
    return check


def decide(check: CandidateCheck, decision: str, user: Any = None, note: str = "") -> CandidateCheck:
    if decision not in CandidateCheck.Decision.values or not decision:
        raise ValidationError(f"Неизвестное решение: «{decision}»")
    if decision == CandidateCheck.Decision.RECOMMENDED and any(
            f["severity"] == "high" for f in check.findings) and not note.strip():
        raise ValidationError("Есть срабатывания высокой значимости: рекомендовать кандидата можно только "
                              "с обоснованием")
    check.decision = decision
    check.decision_note = note.strip()
    check.decided_at = timezone.now()
    check.decided_by = user if getattr(user, "pk", None) else None
    check.decided_by_name = _username(user)
    check.save()
    record(user, "candidates.decide", check, person=check.person.full_name,
           decision=check.get_decision_display())
    return check


def hire(person: Servant, user: Any = None, hired_on: date | None = None) -> Servant:
    """The candidate becomes a servant; his check records stay with him."""
    from zorko.people.history import save_servant

    if person.status != Servant.Status.CANDIDATE:
        raise ValidationError(f"{person.full_name} не кандидат")
    last = person.candidate_checks.order_by("-checked_at", "-pk").first()
    if last is None or last.decision != CandidateCheck.Decision.RECOMMENDED:
        raise ValidationError("Принять на службу можно после проверки с решением «рекомендован»")
    with transaction.atomic():
        save_servant(person, {"status": Servant.Status.SERVANT, "hired_on": hired_on or timezone.localdate()},
                     user=user, source="приём кандидата на службу")
    record(user, "candidates.hire", person, check=last.pk)
    return person


@dataclass(slots=True)
class Waiting:
    person: Servant
    since: date  # added as a candidate, or the date of the last check when it awaits a decision
    days: int
    last_check: CandidateCheck | None

    @property
    def state(self) -> str:
        if self.last_check is None:
            return "ожидает проверки"
        if not self.last_check.decision:
            return "ожидает решения"
        return self.last_check.get_decision_display()


def waiting_list(today: date | None = None) -> list[Waiting]:
    """Every candidate, the longest waiting first: who has no check yet, or no decision yet."""
    day = today or timezone.localdate()
    people = Servant.objects.filter(status=Servant.Status.CANDIDATE).select_related("organisation", "position")
    rows = []
    for person in people.prefetch_related("candidate_checks"):
        checks = sorted(person.candidate_checks.all(), key=lambda c: (c.checked_at, c.pk), reverse=True)
        last = checks[0] if checks else None
        since = timezone.localdate(person.created_at) if last is None else timezone.localdate(last.checked_at)
        rows.append(Waiting(person, since, (day - since).days, last))
    order = {"ожидает проверки": 0, "ожидает решения": 1}
    return sorted(rows, key=lambda w: (order.get(w.state, 2), -w.days, w.person.full_name))


def checks_between(start: date, end: date) -> list[CandidateCheck]:
    """The log of candidate checks made from ``start`` to ``end`` (inclusive), oldest first."""
    if end < start:
        raise ValidationError("Начало периода позже его окончания")
    return list(CandidateCheck.objects.filter(checked_at__date__gte=start, checked_at__date__lte=end)
                .select_related("person", "person__organisation", "person__position")
                .order_by("checked_at", "pk"))

