"""The employer named in a notice, looked up in the registry store (read-only, like the screening does).

By ИНН when the notice gives one, else by the exact name (case and quotes
ignored). A hit is then checked for contracts with the servant's
organisation: an employer that supplies the servant's own organisation is a
possible conflict of interest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from django.conf import settings

from zorko.journals.models import JournalEntry
from zorko.registry.store import reading

_QUOTES = re.compile(r"[\"«»'“”„]")


@dataclass(slots=True)
class EmployerCheck:
    looked_up: bool  # False when the registry store does not exist yet
    subject: dict[str, Any] | None = None
    contracts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_supplier(self) -> bool:
        return bool(self.contracts)

    def summary(self) -> str:
        if not self.looked_up:
            return "реестры не загружены: работодатель не проверен"
        if self.subject is None:
            return "работодатель не найден в ЕГРЮЛ/ЕГРИП"
        head = f"{self.subject['name']} (ОГРН {self.subject['ogrn']}, ИНН {self.subject['inn']})"
        if self.subject.get("terminated_on"):
            head += f", деятельность прекращена {self.subject['terminated_on']}"
        if not self.contracts:
            return f"{head}: контрактов с организацией служащего нет"
        return f"{head}: поставщик организации служащего, контрактов — {len(self.contracts)}"


def _name_key(name: str) -> str:
    return " ".join(_QUOTES.sub(" ", name).upper().replace("Ё", "Е").split())


def _find_subject(con: duckdb.DuckDBPyConnection, inn: str, name: str) -> dict[str, Any] | None:
    cols = ("kind", "ogrn", "inn", "name", "terminated_on")
    sql_company = """SELECT 'company', ogrn, inn, coalesce(nullif(short_name, ''), full_name), terminated_on
                     FROM companies WHERE {where} ORDER BY terminated_on NULLS FIRST LIMIT 1"""
    sql_ip = """SELECT 'entrepreneur', ogrnip, inn, 'ИП ' || concat_ws(' ', last_name, first_name,
                       nullif(middle_name, '')), terminated_on FROM entrepreneurs WHERE inn = ? LIMIT 1"""
    row = None
    if len(inn) == 10:
        row = con.execute(sql_company.format(where="inn = ?"), [inn]).fetchone()
    elif len(inn) == 12:
        row = con.execute(sql_ip, [inn]).fetchone()
    elif name.strip():
        key = _name_key(name)
        norm = ("upper(replace(regexp_replace({c}, '[\"«»''“”„]', ' ', 'g'), 'ё', 'е'))")
        where = " OR ".join(f"trim(regexp_replace({norm.format(c=c)}, '\\s+', ' ', 'g')) = ?"
                            for c in ("full_name", "short_name"))
        row = con.execute(sql_company.format(where=where), [key, key]).fetchone()
    if row is None:
        return None
    subject = dict(zip(cols, row, strict=True))
    if subject["terminated_on"] is not None:
        subject["terminated_on"] = f"{subject['terminated_on']:%d.%m.%Y}"
    return subject


def _contracts(con: duckdb.DuckDBPyConnection, customer_inn: str, supplier_inn: str) -> list[dict[str, Any]]:
    rows = con.execute("""
        SELECT DISTINCT c.reg_num, c.sign_date, c.price, coalesce(c.subject, '')
        FROM contracts c JOIN contract_suppliers s ON s.reg_num = c.reg_num
        WHERE c.customer_inn = ? AND s.supplier_inn = ? ORDER BY c.sign_date, c.reg_num
    """, [customer_inn, supplier_inn]).fetchall()
    return [{"reg_num": r, "sign_date": d.isoformat() if d else None,
             "price": str(p) if p is not None else None, "subject": s} for r, d, p, s in rows]


def check_employer(entry: JournalEntry, db_path: Path | str | None = None) -> EmployerCheck:
    inn, name = entry.employer_inn.strip(), entry.employer_name.strip()
    if not inn and not name:
        return EmployerCheck(looked_up=False)
    with reading(db_path or settings.CONFIG.registry_path) as con:
        if con is None:
            return EmployerCheck(looked_up=False)
        subject = _find_subject(con, inn, name)
        check = EmployerCheck(looked_up=True, subject=subject)
        org_inn = entry.organisation.inn or ""
        if subject is not None and org_inn and subject["inn"]:
            check.contracts = _contracts(con, org_inn, subject["inn"])
        return check
