"""The program's control points as data: the shipped file, or the administrator's edited copy.

A point has a text, a deadline rule, the responsible person and the expected
document. Rules:

- ``fixed``: ``start`` and ``due`` as ``ДД.ММ`` of each year;
- ``all_year``: from 1 January to ``due`` (``ДД.ММ``, 31.12 when absent), work done all year;
- ``quarterly``: one occurrence per quarter, due on the «Мониторинг-К» day
  (``ZORKO_MONITORING_K_DAY``) of the month after the quarter.

``evidence`` names the computation in :mod:`zorko.program.evidence` that
decides the status from Zorko's own data; without it an inspector marks it.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from zorko.exceptions import InputFileError, InputProblem

SHIPPED = Path(__file__).resolve().parent / "data" / "control_points.json"
RULE_TYPES = {"fixed": "к сроку", "all_year": "в течение года", "quarterly": "ежеквартально"}
QUARTER_NAMES = ("I", "II", "III", "IV")
FIELDS = ("code", "title", "rule", "responsible", "document")
TEXT_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One deadline of a point: the year's, or one quarter's for a quarterly point."""

    year: int
    quarter: int  # 0 = the year
    start: date
    due: date

    @property
    def label(self) -> str:
        return f"{QUARTER_NAMES[self.quarter - 1]} квартал {self.year} г." if self.quarter else f"{self.year} г."


@dataclass(frozen=True, slots=True)
class ControlPoint:
    code: str
    title: str
    task: str
    rule: dict[str, str]
    responsible: str
    document: str
    evidence: str
    short_title: str

    @property
    def rule_name(self) -> str:
        return RULE_TYPES[self.rule["type"]]

    def occurrences(self, year: int, monitoring_day: int) -> list[Occurrence]:
        kind = self.rule["type"]
        if kind == "quarterly":
            out = []
            for q in range(1, 5):
                due = date(year + 1, 1, monitoring_day) if q == 4 else date(year, 3 * q + 1, monitoring_day)
                out.append(Occurrence(year, q, date(year, 3 * q - 2, 1), due))
            return out
        start = _day(self.rule.get("start", "01.01"), year) if kind == "fixed" else date(year, 1, 1)
        return [Occurrence(year, 0, start, _day(self.rule.get("due", "31.12"), year))]

    def heading(self, occurrence: Occurrence) -> str:
        """The short title with its year or quarter, as the home page lists it."""
        if self.rule["type"] == "quarterly":
            return f"«Мониторинг-К» за {occurrence.label}" if self.evidence == "monitoring_k" else \
                f"{self.short_title or self.title} за {occurrence.label}"
        text = self.short_title or self.title
        if "{" in text:
            return text.format(year=occurrence.year, previous_year=occurrence.year - 1)
        return f"{text} ({occurrence.year} г.)"


def _day(text: str, year: int) -> date:
    day, month = (int(x) for x in text.split("."))
    if (day, month) == (29, 2) and not calendar.isleap(year):
        day = 28  # «29.02» falls on the last day of February in a common year
    return date(year, month, day)


def _valid_day(text: Any) -> bool:
    try:
        _day(str(text), 2024)  # a leap year, so 29.02 passes
    except (ValueError, TypeError):
        return False
    return True


def parse(content: Any, file: str = "контрольные точки") -> list[ControlPoint]:
    """Every problem in the whole content at once, else the points."""
    from zorko.program.evidence import EVIDENCE

    problems: list[InputProblem] = []
    points_raw = content.get("points") if isinstance(content, dict) else None
    if not isinstance(points_raw, list) or not points_raw:
        raise InputFileError([InputProblem(file, None, "points", None, "нет списка контрольных точек")])
    seen: set[str] = set()
    points = []
    for n, raw in enumerate(points_raw, 1):
        where = raw.get("code") if isinstance(raw, dict) else None

        def bad(field: str, reason: str, value: Any = None, n: int = n, where: Any = where) -> None:
            label = f"точка {n}" + (f" ({where})" if where else "")
            problems.append(InputProblem(file, None, f"{label}: {field}", None if value is None else str(value)[:80],
                                         reason))

        if not isinstance(raw, dict):
            bad("точка", "ожидается объект с полями code, title, rule, responsible, document")
            continue
        for name in FIELDS:
            if name != "rule" and not str(raw.get(name) or "").strip():
                bad(name, "поле не заполнено")
            elif name != "rule" and len(str(raw[name])) > TEXT_LIMIT:
                bad(name, f"текст длиннее {TEXT_LIMIT} знаков")
        code = normalise_code(str(raw.get("code") or ""))
        if code and code in seen:
            bad("code", "код повторяется", code)
        seen.add(code)
        rule = raw.get("rule")
        if not isinstance(rule, dict) or rule.get("type") not in RULE_TYPES:
            bad("rule.type", "правило срока: fixed, all_year или quarterly", (rule or {}).get("type")
                if isinstance(rule, dict) else rule)
            rule = {"type": "all_year"}  # checked no further: one error per wrong rule
        for key in ("start", "due"):
            if key in rule and not _valid_day(rule[key]):
                bad(f"rule.{key}", "дата в виде ДД.ММ", rule[key])
        if rule["type"] == "fixed" and not ("start" in rule and "due" in rule):
            bad("rule", "для правила fixed нужны start и due")
        elif rule["type"] == "fixed" and _valid_day(rule["start"]) and _valid_day(rule["due"]) and \
                _day(rule["start"], 2024) > _day(rule["due"], 2024):
            bad("rule.due", "срок окончания раньше начала", rule["due"])
        evidence = str(raw.get("evidence") or "")
        if evidence and evidence not in EVIDENCE:
            bad("evidence", "неизвестный источник сведений; допустимо: " + ", ".join(sorted(EVIDENCE)), evidence)
        points.append(ControlPoint(code, str(raw.get("title") or ""), str(raw.get("task") or ""),
                                   {k: str(v) for k, v in rule.items()}, str(raw.get("responsible") or ""),
                                   str(raw.get("document") or ""), evidence, str(raw.get("short_title") or "")))
    if problems:
        raise InputFileError(problems)
    return points


def normalise_code(code: str) -> str:
    """The program writes «К» in Cyrillic and in Latin; one spelling keeps marks attached."""
    return code.strip().replace("K", "К")


def shipped_content() -> dict[str, Any]:
    return dict(json.loads(SHIPPED.read_text(encoding="utf-8")))


def current_content() -> dict[str, Any]:
    from zorko.program.models import ControlPointSet

    saved = ControlPointSet.objects.first()
    return dict(saved.content) if saved else shipped_content()


def load_points() -> list[ControlPoint]:
    return parse(current_content())


def read_file(data: bytes, name: str) -> dict[str, Any]:
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputFileError([InputProblem(name, line, None, None,
                                           f"файл не читается как JSON в UTF-8 ({exc.__class__.__name__})")]) from exc
    parse(content, name)
    return dict(content)


def save_content(content: dict[str, Any], source: str, user: Any = None) -> list[ControlPoint]:
    """Validate, then store as the points in force (audited)."""
    from zorko.audit.log import record
    from zorko.program.models import ControlPointSet

    points = parse(content, source)
    saved = ControlPointSet.objects.create(content=content, source=source[:300],
                                           saved_by=user if getattr(user, "pk", None) else None)
    record(user, "program.points.save", saved, object_repr=f"контрольные точки: {len(points)}", source=source)
    return points
