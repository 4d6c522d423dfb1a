"""«Мониторинг-К Экспресс 2.0»: a configurable template, the quarterly fill and its freezing.

A template has sections of indicators; an indicator is either a named
computation from :mod:`zorko.program.formulas` (with parameters) or a manual
cell (``"manual": true``, ``"kind": "number" | "text"``). Filling computes
every formula for the quarter and keeps the manual cells as typed; submitting
freezes the values and a copy of the layout, so neither a later edit of the
template nor new data changes a form already sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from zorko.audit.log import record
from zorko.exceptions import InputFileError, InputProblem, ValidationError
from zorko.program.formulas import COMBINERS, FORMULAS, Period, combine
from zorko.program.models import MonitoringReport, MonitoringTemplate

DEFAULT_TEMPLATE = Path(__file__).resolve().parent / "data" / "monitoring_template.json"
TEXT_LIMIT = 2000


def validate(definition: Any, file: str = "шаблон") -> dict[str, Any]:
    problems: list[InputProblem] = []
    if not isinstance(definition, dict) or not str(definition.get("name") or "").strip():
        problems.append(InputProblem(file, None, "name", None, "нет названия шаблона"))
    sections = definition.get("sections") if isinstance(definition, dict) else None
    if not isinstance(sections, list) or not sections:
        raise InputFileError([*problems, InputProblem(file, None, "sections", None, "нет разделов")])
    seen: set[str] = set()
    for s_no, section in enumerate(sections, 1):
        if not isinstance(section, dict) or not str(section.get("title") or "").strip():
            problems.append(InputProblem(file, None, f"раздел {s_no}: title", None, "нет заголовка раздела"))
            continue
        for i_no, ind in enumerate(section.get("indicators") or [], 1):
            where = f"раздел {s_no}, показатель {i_no}"
            if not isinstance(ind, dict):
                problems.append(InputProblem(file, None, where, None, "ожидается объект"))
                continue
            code = str(ind.get("code") or "").strip()
            if not code or code in seen:
                problems.append(InputProblem(file, None, f"{where}: code", code, "код пуст или повторяется"))
            seen.add(code)
            if not str(ind.get("title") or "").strip() or len(str(ind.get("title"))) > TEXT_LIMIT:
                problems.append(InputProblem(file, None, f"{where}: title", None, "нет названия или оно длиннее "
                                             f"{TEXT_LIMIT} знаков"))
            name = ind.get("formula")
            if ind.get("manual"):
                if ind.get("kind", "number") not in ("number", "text"):
                    problems.append(InputProblem(file, None, f"{where}: kind", str(ind.get("kind")),
                                                 "вид ручной ячейки: number или text"))
            elif name not in FORMULAS and name not in COMBINERS:
                problems.append(InputProblem(file, None, f"{where}: formula", str(name)[:80],
                                             "неизвестная формула; допустимо: "
                                             + ", ".join(sorted([*FORMULAS, *COMBINERS]))))
    if problems:
        raise InputFileError(problems)
    return dict(definition)


def default_definition() -> dict[str, Any]:
    return dict(json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8")))


def active_template() -> MonitoringTemplate:
    template = MonitoringTemplate.objects.filter(active=True).first()
    if template is None:
        definition = default_definition()
        template = MonitoringTemplate.objects.create(name=definition["name"], definition=definition)
    return template


def save_template(definition: Any, source: str, user: Any = None) -> MonitoringTemplate:
    definition = validate(definition, source)
    with transaction.atomic():
        MonitoringTemplate.objects.filter(active=True).update(active=False)
        template = MonitoringTemplate.objects.create(name=definition["name"], definition=definition)
    record(user, "program.monitoring.template", template, source=source)
    return template


def indicators(layout: dict[str, Any]) -> list[dict[str, Any]]:
    return [ind for section in layout["sections"] for ind in section.get("indicators", [])]


def compute(layout: dict[str, Any], period: Period, manual: dict[str, Any]) -> dict[str, Any]:
    """Formulas first, then the combinations of their results, then the manual cells."""
    values: dict[str, Any] = {}
    items = indicators(layout)
    for ind in items:
        if not ind.get("manual") and ind.get("formula") in FORMULAS:
            values[ind["code"]] = FORMULAS[ind["formula"]][1](period, dict(ind.get("params") or {}))
    for ind in items:
        if ind.get("formula") in COMBINERS:
            values[ind["code"]] = combine(ind["formula"], dict(ind.get("params") or {}), values)
    for ind in items:
        if ind.get("manual"):
            values[ind["code"]] = manual.get(ind["code"])
    return values


def parse_manual(layout: dict[str, Any], raw: dict[str, str]) -> dict[str, Any]:
    """Manual cells from a form: numbers with a comma or a point, texts as typed."""
    out: dict[str, Any] = {}
    problems = []
    for ind in indicators(layout):
        if not ind.get("manual"):
            continue
        text = str(raw.get(ind["code"], "")).strip()
        if not text:
            out[ind["code"]] = None
        elif ind.get("kind") == "text":
            out[ind["code"]] = text[:TEXT_LIMIT]
        else:
            try:
                number = float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))
            except ValueError:
                problems.append(f"показатель {ind['code']} «{ind['title']}»: «{text[:40]}» — не число")
                continue
            out[ind["code"]] = int(number) if number.is_integer() else number
    if problems:
        raise ValidationError("Форма не сохранена: " + "; ".join(problems))
    return out


@dataclass(slots=True)
class Row:
    code: str
    title: str
    value: Any
    previous: Any
    manual: bool
    kind: str
    section: str


def rows(report: MonitoringReport, previous: MonitoringReport | None) -> list[Row]:
    out = []
    for section in report.layout["sections"]:
        for ind in section.get("indicators", []):
            out.append(Row(ind["code"], ind["title"], report.values.get(ind["code"]),
                           previous.values.get(ind["code"]) if previous else None, bool(ind.get("manual")),
                           ind.get("kind", "number"), section["title"]))
    return out


def previous_of(report: MonitoringReport) -> MonitoringReport | None:
    year, quarter = (report.year, report.quarter - 1) if report.quarter > 1 else (report.year - 1, 4)
    return MonitoringReport.objects.filter(year=year, quarter=quarter).first()


def fill(year: int, quarter: int, manual_raw: dict[str, str] | None = None, user: Any = None) -> MonitoringReport:
    """Compute (or recompute) the quarter's draft; a submitted form is frozen."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("Квартал — число от 1 до 4")
    report = MonitoringReport.objects.filter(year=year, quarter=quarter).first()
    if report and report.status == MonitoringReport.Status.SUBMITTED:
        raise ValidationError(f"Форма за {quarter} квартал {year} г. уже представлена и не изменяется")
    template = active_template()
    layout = template.definition
    manual = parse_manual(layout, manual_raw) if manual_raw is not None else (report.manual if report else {})
    values = compute(layout, Period(year, quarter), manual)
    if report is None:
        report = MonitoringReport(year=year, quarter=quarter)
    report.template, report.layout, report.values, report.manual = template, layout, values, manual
    report.filled_at = timezone.now()
    report.save()
    record(user, "program.monitoring.fill", report, object_repr=f"«Мониторинг-К» за {quarter} квартал {year} г.")
    return report


def submit(year: int, quarter: int, user: Any = None) -> MonitoringReport:
    report = fill(year, quarter, None, user)
    report.status = MonitoringReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = user if getattr(user, "pk", None) else None
    report.save()
    record(user, "program.monitoring.submit", report,
           object_repr=f"«Мониторинг-К» за {quarter} квартал {year} г.")
    return report
