"""A registry store built from real files through the loader, and a candidate with relatives."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from zorko.demo.registry_contracts223 import reg_num_223, write_contracts223
from zorko.demo.registry_records import Contract, Entrepreneur
from zorko.registry import loader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ORG_INN = "4205000007"  # tests/conftest.py organisation
SISTER_INN = "421100011192"  # self-employed in tests/fixtures/npd/npd_statuses.csv


def write_paid_sister(folder: Path) -> list[Path]:
    """A 223-ФЗ contract of the organisation with the sister as a natural-person supplier."""
    sister = Entrepreneur(ogrnip="", inn=SISTER_INN, last="КРАВЕЦ", first="АННА", middle="НИКОЛАЕВНА",
                          female=True, registered=date(2020, 1, 1))
    contract = Contract(reg_num=reg_num_223(ORG_INN, 2026, 7), customer_name="Администрация",
                        customer_inn=ORG_INN, customer_kpp="420501001", sign_date=date(2026, 6, 1),
                        price=Decimal("84000.00"), subject="Оказание услуг по уборке", supplier=sister)
    return write_contracts223(folder, [contract])


@pytest.fixture
def registry(settings: Any, tmp_path: Path) -> Path:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    db = tmp_path / "registry.duckdb"
    loader.load("loss_of_trust", [FIXTURES / "loss_of_trust" / "reestr_utrata_doveriya.csv"], db_path=db)
    loader.load("npd", [FIXTURES / "npd" / "npd_statuses.csv"], db_path=db)
    loader.load("contracts223", write_paid_sister(tmp_path / "eis223"), db_path=db)
    return db


@pytest.fixture
def candidate(make_servant: Any) -> Any:
    from zorko.people.models import Relative

    person = make_servant("Кравец", "Ольга", "Николаевна", status="candidate", birth_date=date(1984, 2, 3))
    Relative.objects.create(servant=person, kinship="sister", last_name="Кравец", first_name="Анна",
                            middle_name="Николаевна", inn=SISTER_INN)
    return person
