"""Suspicious values in registry records: kept as the registry has them, but flagged and counted.

Registries do contain errors (a mistyped ИНН, an ОГРН with letters, a
negative price), and dropping such a record would hide a real company. So a
load keeps the record, and the load summary counts the records with such
values and names the first few, with file and line (``zorko registry load``
and the job page print them).
"""

from __future__ import annotations

from typing import Any

from zorko.identifiers import check_inn, check_ogrn, check_ogrnip, inn_checksum_ok
from zorko.registry.importers.egrip import Entrepreneur
from zorko.registry.importers.egrul import Company
from zorko.registry.importers.eis_contracts import Contract
from zorko.registry.importers.ftm import FtmEntity

MAX_EXAMPLES = 20


_INN_LENGTHS = {True: (12,), False: (10,), None: (10, 12)}


def _inn(value: str | None, person: bool | None = None) -> list[str]:
    # The fast test first: nearly every ИНН is right, and the message needs the slower check.
    if not value or (len(value) in _INN_LENGTHS[person] and inn_checksum_ok(value)):
        return []
    problem = check_inn(value, person=person)
    return [problem] if problem else []


def _ogrn(value: str) -> list[str]:
    if len(value) == 13 and value.isdigit() and int(value[:12]) % 11 % 10 == int(value[12]):
        return []
    problem = check_ogrn(value)
    return [problem] if problem else []


def _ogrnip(value: str) -> list[str]:
    if len(value) == 15 and value.isdigit() and int(value[:14]) % 13 % 10 == int(value[14]):
        return []
    problem = check_ogrnip(value)
    return [problem] if problem else []


def problems(record: Any) -> list[str]:
    """Russian descriptions of the suspicious values of one record (empty when it looks right)."""
    found: list[str] = []
    if isinstance(record, Company):
        found += _ogrn(record.ogrn) + _inn(record.inn, person=False)
        for role in record.roles:
            found += _inn(role.inn, person=True)
    elif isinstance(record, Entrepreneur):
        found += _ogrnip(record.ogrnip) + _inn(record.inn, person=True)
    elif isinstance(record, FtmEntity):
        if record.ogrn:
            found += _ogrnip(record.ogrn) if len(record.ogrn) == 15 else _ogrn(record.ogrn)
        found += _inn(record.inn)
    elif isinstance(record, Contract):
        if record.price is not None and record.price < 0:
            found.append(f"отрицательная цена контракта {record.reg_num}: {record.price}")
        for supplier in record.suppliers:
            if supplier.kind in ("company", "entrepreneur"):
                found += _inn(supplier.inn)
    return found


def where(file: str, record: Any) -> str:
    line = getattr(record, "line", None)
    return f"{file}, строка {line}" if line else file
