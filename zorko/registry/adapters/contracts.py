"""ЕИС contracts (44-ФЗ and 223-ФЗ) → contracts and contract_suppliers, one entity per registry number.

A later version of a contract (a newer ``publishDate``) replaces the
stored one with its suppliers; the same version again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import duckdb

from zorko.registry.adapters import Adapter, Counts, stage_columns
from zorko.registry.adapters.entity import ChildSpec, EntitySpec, merge_entities, row_hash
from zorko.registry.importers import eis223, eis_contracts
from zorko.registry.importers.eis_contracts import Contract

COLUMNS = ("reg_num", "law", "sign_date", "price", "currency", "subject", "customer_inn",
           "customer_kpp", "customer_name", "customer_ogrn")
SUPPLIER_COLUMNS = ("reg_num", "supplier_kind", "supplier_inn", "supplier_kpp", "supplier_ogrn",
                    "supplier_name")
SUPPLIER_STAGE = "stage_contract_suppliers"

SPEC = EntitySpec(
    table="contracts", stage="stage_contracts", key="reg_num", columns=COLUMNS,
    children=(ChildSpec("contract_suppliers", SUPPLIER_STAGE, "reg_num", SUPPLIER_COLUMNS),),
)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class ContractsAdapter(Adapter):
    source = "contracts"
    title = "Контракты ЕИС (44-ФЗ)"
    suffixes = (".xml",)
    stages = {
        SPEC.stage: stage_columns(COLUMNS, ("row_hash", "seen")),
        SUPPLIER_STAGE: stage_columns(SUPPLIER_COLUMNS),
    }
    tables = ("contracts", "contract_suppliers")

    def parse(self, stream: BinaryIO, name: str) -> Iterator[Contract]:
        return eis_contracts.parse_stream(stream, name)

    def extract_date(self, record: Contract) -> str | None:
        return _iso(record.published)

    def stage(self, record: Contract, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        c = record
        price = float(c.price) if c.price is not None else None
        row = (c.reg_num, c.law, _iso(c.sign_date), price, c.currency, c.subject, c.customer_inn,
               c.customer_kpp, c.customer_name, c.customer_ogrn)
        suppliers = [(c.reg_num, s.kind, s.inn, s.kpp, s.ogrn, s.name) for s in c.suppliers]
        # A contract without a publication date is seen on the day it is loaded.
        seen = _iso(c.published) or date.today().isoformat()
        batch[SPEC.stage].append((load_id, rec, row_hash((row, suppliers)), seen, *row))
        batch[SUPPLIER_STAGE].extend((load_id, rec, *s) for s in suppliers)

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        return merge_entities(con, SPEC)


class Contracts223Adapter(ContractsAdapter):
    """ЕИС 223-ФЗ contract information: the same tables, ``law`` «223-ФЗ» on every row."""

    source = "contracts223"
    title = "Договоры ЕИС (223-ФЗ)"

    def parse(self, stream: BinaryIO, name: str) -> Iterator[Contract]:
        return eis223.parse_stream(stream, name)
