"""What the analysis reads from the registry store (DuckDB): suppliers, their contracts, person roles.

Read once per analysis run, like ``zorko.affiliation.context``: contracts of
the servants' organisations with their suppliers, the ЕГРЮЛ/ЕГРИП roles of
the declarants' families (by ИНН, or by ФИО in the organisation's region),
and the persons in the roles of each supplier.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from zorko.matching.normalize import normalize_name

# The same comparable ФИО as ``normalize_name`` for the names the registries spell in capitals and with «ё».
_NAME_SQL = ("lower(replace(replace(concat_ws(' ', trim(last_name), trim(first_name), "
             "nullif(trim(coalesce(middle_name, '')), '')), 'Ё', 'Е'), 'ё', 'е'))")


@dataclass(slots=True)
class Supplier:
    ogrn: str
    inn: str
    name: str
    contracts: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class RegistryFacts:
    # organisation ИНН → supplier ИНН or ОГРН → supplier (one object under both keys)
    suppliers: dict[str, dict[str, Supplier]] = field(default_factory=dict)
    # person ИНН → roles; normalised ФИО → roles (only roles without ИНН or in the region)
    roles_by_inn: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    roles_by_name: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # subject ОГРН → name, ИНН and whether it is terminated
    subjects: dict[str, dict[str, Any]] = field(default_factory=dict)
    # supplier ОГРН → the persons in its roles
    supplier_people: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def supplier(self, org_inn: str, inn: str, ogrn: str) -> Supplier | None:
        by_key = self.suppliers.get(org_inn, {})
        return (by_key.get(ogrn) if ogrn else None) or (by_key.get(inn) if inn else None)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def read(con: duckdb.DuckDBPyConnection | None, org_inns: list[str], person_inns: list[str],
         person_names: list[str]) -> RegistryFacts:
    facts = RegistryFacts()
    if con is None:
        return facts
    tables = _tables(con)
    if {"contracts", "contract_suppliers"} <= tables:
        _suppliers(con, facts, org_inns)
    if "person_roles" in tables:
        _roles(con, facts, person_inns, person_names)
        _supplier_people(con, facts)
    return facts


def _suppliers(con: duckdb.DuckDBPyConnection, facts: RegistryFacts, org_inns: list[str]) -> None:
    rows = con.execute("""
        SELECT c.customer_inn, c.reg_num, c.sign_date, c.price, c.subject, s.supplier_inn,
               coalesce(s.supplier_ogrn, co.ogrn), coalesce(co.short_name, s.supplier_name)
        FROM contracts c JOIN contract_suppliers s ON s.reg_num = c.reg_num
        LEFT JOIN companies co ON co.inn = s.supplier_inn
        WHERE c.customer_inn IN (SELECT unnest($orgs))
        ORDER BY c.sign_date, c.reg_num
    """, {"orgs": org_inns}).fetchall()
    for org, reg_num, sign_date, price, subject, inn, ogrn, name in rows:
        by_key = facts.suppliers.setdefault(org, {})
        supplier = (by_key.get(ogrn or "") or by_key.get(inn or "")
                    or Supplier(ogrn or "", inn or "", name or ""))
        for key in (ogrn, inn):
            if key:
                by_key[key] = supplier
        supplier.contracts.append({"reg_num": reg_num, "sign_date": sign_date.isoformat() if sign_date else None,
                                   "price": str(price) if price is not None else None, "subject": subject or ""})


ROLE_COLUMNS = ("subject_kind", "subject_ogrn", "role", "last_name", "first_name", "middle_name", "inn",
                "share_percent", "since", "region")


def _role(values: tuple[Any, ...]) -> dict[str, Any]:
    role = dict(zip(ROLE_COLUMNS, values, strict=True))
    role["since"] = role["since"].isoformat() if isinstance(role["since"], date) else None
    role["name_key"] = normalize_name(" ".join(p for p in (role["last_name"], role["first_name"],
                                                              role["middle_name"]) if p))
    return role


def _roles(con: duckdb.DuckDBPyConnection, facts: RegistryFacts, inns: list[str], names: list[str]) -> None:
    cols = ", ".join(f"r.{c}" for c in ROLE_COLUMNS)
    rows = con.execute(f"""
        SELECT {cols}, coalesce(co.short_name, co.full_name), co.inn, co.terminated_on IS NOT NULL
        FROM person_roles r LEFT JOIN companies co ON co.ogrn = r.subject_ogrn
        WHERE r.role IN ('founder', 'director', 'entrepreneur')
          AND (r.inn IN (SELECT unnest($inns)) OR {_NAME_SQL.replace('last_name', 'r.last_name')
                .replace('first_name', 'r.first_name').replace('middle_name', 'r.middle_name')}
               IN (SELECT unnest($names)))
    """, {"inns": inns, "names": names}).fetchall()
    for values in rows:
        role = _role(values[:len(ROLE_COLUMNS)])
        subject_name, subject_inn, terminated = values[len(ROLE_COLUMNS):]
        facts.subjects.setdefault(role["subject_ogrn"], {"name": subject_name or "", "inn": subject_inn or "",
                                                         "terminated": bool(terminated)})
        if role["inn"]:
            facts.roles_by_inn[role["inn"]].append(role)
        facts.roles_by_name[role["name_key"]].append(role)


def _supplier_people(con: duckdb.DuckDBPyConnection, facts: RegistryFacts) -> None:
    ogrns = sorted({s.ogrn for by_key in facts.suppliers.values() for s in by_key.values() if s.ogrn})
    if not ogrns:
        return
    rows = con.execute(f"""
        SELECT {", ".join(ROLE_COLUMNS)} FROM person_roles
        WHERE subject_ogrn IN (SELECT unnest($k)) AND role IN ('founder', 'director', 'entrepreneur', 'manager')
    """, {"k": ogrns}).fetchall()
    for values in rows:
        role = _role(values)
        facts.supplier_people[role["subject_ogrn"]].append(role)
