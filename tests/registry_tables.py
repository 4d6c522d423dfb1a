"""A small registry store for tests: the real schema (``ensure_schema``) and one-line adders."""

from __future__ import annotations

import itertools
import json
from datetime import date
from decimal import Decimal
from typing import Any

import duckdb

from zorko.identifiers import make_inn, make_ogrn, make_ogrnip
from zorko.registry.store import ensure_schema

_seq = itertools.count(1)


def create_registry(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    ensure_schema(con)
    return con


class Registry:
    """Adds registry rows the way an importer would, with valid generated identifiers."""

    def __init__(self, con: duckdb.DuckDBPyConnection, region: str = "42") -> None:
        self.con = create_registry(con)
        self.region = region

    def company(self, name: str, *, region: str | None = None, address: str = "", terminated: date | None = None,
                legal_form: str = "Общество с ограниченной ответственностью", load_id: int = 1,
                parts: dict[str, str] | None = None) -> dict[str, Any]:
        n = next(_seq)
        region = region or self.region
        ogrn, inn = make_ogrn(f"10{region}{n:08d}"), make_inn(f"{region}05{n:05d}", person=False)
        self.con.execute(
            "INSERT INTO companies (ogrn, inn, full_name, short_name, legal_form, status, terminated_on, region, "
            "address, address_norm, load_id, address_parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ogrn, inn, f"{legal_form.upper()} «{name}»", f"ООО «{name}»", legal_form,
             "Ликвидация" if terminated else None, terminated, region, address, address.lower() or None,
             load_id, json.dumps(parts, ensure_ascii=False) if parts else None])
        return {"kind": "company", "ogrn": ogrn, "inn": inn}

    def role(self, subject: dict[str, Any], role: str, last: str, first: str, middle: str = "", *,
             inn: str | None = None, region: str | None = None, since: date | None = None, load_id: int = 1) -> None:
        self.con.execute(
            "INSERT INTO person_roles (subject_kind, subject_ogrn, role, last_name, first_name, middle_name, inn, "
            "since, unreliable, region, load_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)",
            [subject["kind"], subject["ogrn"], role, last, first, middle, inn, since, region or self.region, load_id])

    def entrepreneur(self, last: str, first: str, middle: str = "", *, inn: str | None = None,
                     region: str | None = None, terminated: date | None = None, load_id: int = 1) -> dict[str, Any]:
        n = next(_seq)
        region = region or self.region
        ogrnip = make_ogrnip(f"3{region}000{n:08d}")
        person_inn = inn or make_inn(f"{region}07{n:06d}", person=True)
        self.con.execute(
            "INSERT INTO entrepreneurs (ogrnip, inn, last_name, first_name, middle_name, status, terminated_on, "
            "region, load_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ogrnip, person_inn, last, first, middle, None, terminated, region, load_id])
        subject = {"kind": "entrepreneur", "ogrn": ogrnip, "inn": person_inn}
        self.role(subject, "entrepreneur", last, first, middle, inn=inn, region=region, load_id=load_id)
        return subject

    def contract(self, customer_inn: str, supplier: dict[str, Any], price: str = "150000.00",
                 sign_date: date = date(2026, 3, 10), load_id: int = 1) -> str:
        reg_num = f"3420500000726{next(_seq):06d}"
        self.con.execute(
            "INSERT INTO contracts (reg_num, law, sign_date, price, currency, subject, customer_inn, load_id) "
            "VALUES (?, '44-ФЗ', ?, ?, 'RUB', 'Поставка канцелярских товаров', ?, ?)",
            [reg_num, sign_date, Decimal(price), customer_inn, load_id])
        self.con.execute(
            "INSERT INTO contract_suppliers (reg_num, supplier_kind, supplier_inn, supplier_ogrn, supplier_name, "
            "load_id) VALUES (?, ?, ?, ?, ?, ?)",
            [reg_num, supplier["kind"], supplier["inn"], supplier["ogrn"], "поставщик", load_id])
        return reg_num

    def load(self, source: str, extract_date: date, load_id: int | None = None) -> int:
        load_id = load_id or next(_seq)
        self.con.execute(
            "INSERT INTO loads (load_id, source, file, checksum, loaded_at, extract_date, records, status) "
            "VALUES (?, ?, ?, ?, now(), ?, 1, 'done')", [load_id, source, f"{source}.xml", str(load_id),
                                                         extract_date])
        return load_id



def open_store(path: str) -> Registry:
    return Registry(duckdb.connect(path))


def store_rows(path: Any, sql: str) -> list[tuple[Any, ...]]:
    """Rows of a query on a registry file, read-only (the loader has closed it)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def unreachable_url() -> str:
    """An address on this machine where nothing listens (for «the service is unreachable»)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1/tracker/taxpayer_status"
