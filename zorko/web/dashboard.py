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

from zorko import deadlines
from zorko.findings import kpi
from zorko.findings.models import Finding
from zorko.people.models import Relative, Servant
from zorko.people.search import year_ago
from zorko.tasks.models import Job

MAX_AGE_DAYS = kpi.MAX_REGISTRY_AGE.days
# The sources a full affiliation check needs: shown even when never loaded.
REQUIRED_SOURCES = ("egrul", "egrip", "contracts")
SEVERITIES = ("high", "medium", "low")
OPEN_STATUSES = ("new", "in_review")
STATUS_NAMES = {"new": "новые", "in_review": "на рассмотрении"}
JOB_TITLES = {"registry.load": "Загрузка реестра", "screening.run": "Проверка по реестрам",
              "people.import": "Импорт кадровых данных", "candidates.check": "Проверка кандидата"}


@dataclass(slots=True)
class RegistryFreshness:
    title: str
    as_of: date | None  # the extract date, else the day of loading
    loaded_at: str | None
    files: int
    age_days: int | None

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
    return kpi.monthly(now.year, now=now)[now.month - 1]


def registry_freshness(today: date) -> list[RegistryFreshness]:
    from zorko.registry.status import registry_status

    out = []
    for item in registry_status(settings.CONFIG.registry_path):
        if item.source not in REQUIRED_SOURCES and not item.files:
            continue
        day = item.last_extract_date or (item.last_loaded_at or "")[:10]
        as_of = date.fromisoformat(day[:10]) if day else None
        out.append(RegistryFreshness(item.title, as_of, item.last_loaded_at, item.files,
                                     (today - as_of).days if as_of else None))
    return out


def recent_jobs(limit: int = 5) -> list[dict[str, Any]]:
    jobs = Job.objects.order_by("-created_at", "-pk")[:limit]
    return [{"job": j, "title": JOB_TITLES.get(j.kind, j.kind)} for j in jobs]


def home_context(caps: frozenset[str]) -> dict[str, Any]:
    now = timezone.localtime()
    today = now.date()
    ctx: dict[str, Any] = {"today": today, "deadlines": deadlines.upcoming(today)}
    if "people.view" in caps:
        ctx["people"] = people_counts(today)
    if "findings.view" in caps:
        ctx["findings"] = open_findings()
        ctx["kpi"] = month_kpi(now)
        ctx["kpi_lag"] = round(ctx["kpi"].plan - (ctx["kpi"].percent or 0.0), 1)
    if "registry.view" in caps:
        ctx["registries"] = registry_freshness(today)
        ctx["registry_stale"] = any(r.stale for r in ctx["registries"])
    if caps & {"registry.load", "screening.run", "people.import"}:
        ctx["jobs"] = recent_jobs()
    ctx["max_age_days"] = MAX_AGE_DAYS
    return ctx
