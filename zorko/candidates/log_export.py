"""The log of candidate checks for a period as XLSX: the evidence for control point 6.1.K1."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from zorko.candidates.models import CandidateCheck
from zorko.candidates.sources import source_title
from zorko.registry.sheets import write_xlsx

COLUMNS = ("№", "Дата проверки", "Кандидат", "Организация", "Должность", "Родственников проверено",
           "Реестры (по состоянию на)", "Срабатываний", "из них высокой значимости", "Запросов на уточнение",
           "Решение", "Решение принял(а)", "Дата решения", "Проверку провёл(а)")
WIDTHS = (6, 12, 32, 36, 28, 12, 60, 12, 12, 12, 20, 24, 12, 24)


def _registries(check: CandidateCheck) -> str:
    return "; ".join(f"{source_title(s)} — {date.fromisoformat(d):%d.%m.%Y}" for s, d in check.registries.items())


def rows(checks: list[CandidateCheck]) -> list[list[object]]:
    out: list[list[object]] = []
    for n, c in enumerate(checks, start=1):
        out.append([n, timezone.localtime(c.checked_at).date(), c.person.full_name, c.person.organisation.name,
                    str(c.person.position or ""), c.relatives_checked, _registries(c), len(c.findings),
                    sum(1 for f in c.findings if f["severity"] == "high"), len(c.clarifications),
                    c.get_decision_display(), c.decided_by_name,
                    timezone.localtime(c.decided_at).date() if c.decided_at else None, c.checked_by_name])
    return out


def log_xlsx(checks: list[CandidateCheck]) -> bytes:
    return write_xlsx("Проверки кандидатов", COLUMNS, rows(checks), WIDTHS)
