"""The blocks of the home page, each computed only when the user's role may see it.

Every block is a handful of aggregate queries (no per-person loops), so the
page stays fast on a full municipality.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from zorko.clarifications.listing import open_counts
from zorko.findings import kpi
from zorko.findings.models import Finding
from zorko.people.models import Relative, Servant
from zorko.people.search import year_ago
from zorko.program.deadlines import home_deadlines
from zorko.tasks.models import Job

MAX_AGE_DAYS = kpi.MAX_REGISTRY_AGE.days
# The sources a full affiliation check needs: shown even when never loaded.
REQUIRED_SOURCES = ("egrul", "egrip", "contracts")
SEVERITIES = ("high", "medium", "low")
# The home page checks the newest audit events only (a quarter of a second); the CLI checks them all.
AUDIT_QUICK_CHECK = 5_000
OPEN_STATUSES = ("new", "in_review")
STATUS_NAMES = {"new": "новые", "in_review": "на рассмотрении"}
JOB_TITLES = {"registry.load": "Загрузка реестра", "screening.run": "Проверка по реестрам",
              "people.import": "Импорт кадровых данных", "declarations.import": "Импорт справок о доходах",
              "declarations.analyse": "Анализ справок о доходах", "candidates.check": "Проверка кандидата"}


@dataclass(slots=True)
class RegistryFreshness:
    title: str
    as_of: date | None  # the extract date, else the day of loading
    loaded_at: str | None
    files: int
    age_days: int | None
    required: bool = False  # the KPI counts only screenings against fresh required sources

    @property
    def stale(self) -> bool:
        return self.age_days is None or self.age_days > MAX_AGE_DAYS


def people_counts(today: date) -> dict[str, int]:
    by_status = dict(Servant.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    stale = Servant.objects.filter(status=Servant.Status.SERVANT).exclude(
        questionnaire_updated_on__gte=year_ago(today)).count()
    return {
        "servants": by_status.get(Servant.Status.SERVANT, 0),
        "candidates": by_status.get(Servant.Status.CANDIDATE, 0),
        "dismissed": by_status.get(Servant.Status.DISMISSED, 0),
        "relatives": Relative.objects.filter(servant__status=Servant.Status.SERVANT).count(),
        "stale_questionnaires": stale,
    }


def open_findings() -> dict[str, Any]:
    """Counts of active findings by severity (rows) and status «новые» / «на рассмотрении» (columns)."""
    counts = {(v, s): n for s, v, n in Finding.objects.filter(active=True, status__in=OPEN_STATUSES)
              .values_list("status", "severity").annotate(n=Count("pk")).values_list("status", "severity", "n")}
    severity_names = dict(Finding.Severity.choices)
    rows = [{"severity": v, "label": severity_names[v],
             "cells": [{"status": s, "count": counts.get((v, s), 0)} for s in OPEN_STATUSES]} for v in SEVERITIES]
    totals = [{"status": s, "count": sum(counts.get((v, s), 0) for v in SEVERITIES)} for s in OPEN_STATUSES]
    return {"columns": [{"status": s, "label": STATUS_NAMES[s]} for s in OPEN_STATUSES], "rows": rows,
            "totals": totals}


def month_kpi(now: datetime) -> kpi.MonthKpi:
    return kpi.current_month(now)


def registry_freshness(today: date) -> tuple[list[RegistryFreshness], bool]:
    """The registries' state, and whether a load is running (then: the state before it, if known)."""
    from zorko.registry.status import remembered_status

    config = settings.CONFIG
    status, loading = remembered_status(config.registry_path, config.data_dir / "registry-status.json")
    out = []
    for item in status:
        if item.source not in REQUIRED_SOURCES and not item.files:
            continue
        day = (item.last_extract_date or (item.last_loaded_at or ""))[:10]
        as_of = date.fromisoformat(day) if day else None
        out.append(RegistryFreshness(item.title, as_of, item.last_loaded_at, item.files,
                                     (today - as_of).days if as_of else None, item.source in REQUIRED_SOURCES))
    return out, loading


# Jobs whose message and result tell how many findings there are.
FINDINGS_JOBS = ("screening.run",)


def visible_job(job: Job, caps: frozenset[str]) -> Job:
    """The job as this user may see it: without finding counts unless they may see findings."""
    if job.kind in FINDINGS_JOBS and "findings.view" not in caps:
        job.message, job.result = "", None
    return job


def recent_jobs(caps: frozenset[str], limit: int = 5) -> list[dict[str, Any]]:
    jobs = Job.objects.order_by("-created_at", "-pk")[:limit]
    return [{"job": visible_job(j, caps), "title": JOB_TITLES.get(j.kind, j.kind)} for j in jobs]


def home_context(caps: frozenset[str]) -> dict[str, Any]:
    now = timezone.localtime()
    today = now.date()
    ctx: dict[str, Any] = {"today": today, "deadlines": home_deadlines(today)}
    if "people.view" in caps:
        ctx["people"] = people_counts(today)
    if "findings.view" in caps:
        ctx["findings"] = open_findings()
        ctx["kpi"] = month_kpi(now)
        ctx["kpi_lag"] = round(ctx["kpi"].plan - (ctx["kpi"].percent or 0.0), 1)
        ctx["kpi_definition"] = kpi.DEFINITION
        ctx["clarifications"] = open_counts(today)
    if "registry.view" in caps:
        ctx["registries"], ctx["registry_loading"] = registry_freshness(today)
        # The warning speaks of the KPI, which only the required sources decide; an old optional
        # list (the loss-of-trust register is published rarely) is marked in its row only.
        ctx["registry_stale"] = any(r.stale and r.required for r in ctx["registries"])
    if "declarations.view" in caps:
        from zorko.declarations.campaign import home_campaign

        ctx["declaration_campaign"] = home_campaign(today)
    if caps & {"registry.load", "screening.run", "people.import", "declarations.edit"}:
        ctx["jobs"] = recent_jobs(caps)
    if "audit.view" in caps:
        from zorko.audit.chain import verify

        ctx["audit_chain"] = verify(newest=AUDIT_QUICK_CHECK)
    ctx["max_age_days"] = MAX_AGE_DAYS
    return ctx
