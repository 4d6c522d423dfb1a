"""Findings export: JSON (the documented shape), CSV and XLSX.

JSON is a list of objects: ``rule``, ``severity`` (high|medium|low), ``score``,
``status``, ``servant`` {personnel_number, full_name}, ``relative``
({full_name, kinship} or null; kinship is the code from zorko.people.kinship),
``subject`` {kind (company|entrepreneur; ``person`` for the candidates' risk
lists), ogrn (ОГРН or ОГРНИП), inn, name}, ``contracts`` [{reg_num,
sign_date (ISO), price (number, roubles)}], ``explanation``. Beside each code a person
reads, its Russian words: ``rule_name``, ``severity_name``, ``status_name``,
``relative.kinship_name``, ``subject.kind_name``. CSV and XLSX show only the words.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from zorko.exceptions import ValidationError
from zorko.exports import private_file, write_csv, write_xlsx
from zorko.findings.models import Finding
from zorko.ru import labels
from zorko.ru.formats import amounts_ru, date_ru, money_ru

FORMATS = ("json", "csv", "xlsx")
COLUMNS = [("rule", "Правило"), ("severity", "Значимость"), ("score", "Оценка"), ("status", "Статус"),
           ("servant_personnel_number", "Табельный номер"), ("servant_full_name", "Служащий"),
           ("relative_full_name", "Родственник"), ("relative_kinship", "Степень родства"),
           ("subject_kind", "Вид субъекта"), ("subject_ogrn", "ОГРН/ОГРНИП"), ("subject_inn", "ИНН"),
           ("subject_name", "Наименование"), ("contracts", "Контракты"), ("explanation", "Пояснение")]


def _price(value: Any) -> float | None:
    return None if value in (None, "") else float(value)


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "rule_name": labels.rule(f.rule),
        "severity": f.severity,
        "severity_name": labels.severity(f.severity),
        "score": round(f.score, 2),
        "status": f.status,
        "status_name": labels.finding_status(f.status),
        "servant": {"personnel_number": f.servant.personnel_number, "full_name": f.servant.full_name},
        "relative": {"full_name": f.relative.full_name, "kinship": f.relative.kinship,
                     "kinship_name": labels.kinship(f.relative.kinship, f.servant.full_name, f.relative.full_name)}
        if f.relative else None,
        "subject": {"kind": f.subject_kind, "kind_name": labels.subject_kind(f.subject_kind), "ogrn": f.subject_ogrn,
                    "inn": f.subject_inn, "name": f.subject_name},
        "contracts": [{"reg_num": c.get("reg_num"), "sign_date": c.get("sign_date"), "price": _price(c.get("price"))}
                      for c in (f.evidence or {}).get("contracts", [])],
        "explanation": f.explanation,
    }


def _rows(qs: QuerySet[Finding]) -> Iterator[dict[str, Any]]:
    for f in qs.select_related("servant", "relative").order_by("servant__personnel_number", "rule", "pk"):
        yield finding_dict(f)


def _flat(d: dict[str, Any]) -> list[Any]:
    rel = d["relative"] or {}
    contracts = "; ".join(f"{c['reg_num']} от {date_ru(c['sign_date']) or '—'} на {money_ru(c['price'] or 0)}"
                          for c in d["contracts"])
    return [d["rule_name"], d["severity_name"], d["score"], d["status_name"], d["servant"]["personnel_number"],
            d["servant"]["full_name"], rel.get("full_name", ""), rel.get("kinship_name", ""), d["subject"]["kind_name"],
            d["subject"]["ogrn"], d["subject"]["inn"], d["subject"]["name"], contracts, amounts_ru(d["explanation"])]


def write_findings(fmt: str, path: Path, qs: QuerySet[Finding]) -> int:
    if fmt not in FORMATS:
        raise ValidationError(f"Неизвестный формат выгрузки: {fmt} (допустимо: {', '.join(FORMATS)})")
    rows = list(_rows(qs))
    header = [title for _, title in COLUMNS]
    if fmt == "json":
        with private_file(path, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_csv(path, [header, *(_flat(d) for d in rows)])
    else:
        write_xlsx(path, header, (_flat(d) for d in rows), "Срабатывания")
    return len(rows)
