"""An employer named in a notice, looked up in the registry store; a supplier raises a finding once."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tests.registry_tables import Registry
from zorko.findings.models import Finding
from zorko.journals.employer_check import check_employer
from zorko.journals.models import Kind
from zorko.journals.services import check_entry_employer

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(tmp_path, organisation):
    path = tmp_path / "registry.duckdb"
    reg = Registry(duckdb.connect(str(path)))
    supplier = reg.company("Стройресурс")
    bystander = reg.company("Ромашка")
    reg.contract(organisation.inn, supplier, price="1250000.00")
    reg.con.close()
    return path, supplier, bystander


def test_supplier_employer_raises_one_finding(registry, make_entry, settings) -> None:
    import dataclasses

    path, supplier, _ = registry
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=path.parent)
    entry = make_entry(Kind.PAID_WORK, date(2026, 9, 1), employer_name="ООО «Стройресурс»",
                       employer_inn=supplier["inn"], work_kind="инженер по совместительству",
                       start_on=date(2026, 9, 15))
    text = check_entry_employer(entry, None)
    assert "поставщик организации служащего, контрактов — 1" in text
    finding = Finding.objects.get()
    assert finding.rule == "paid_work_supplier" and finding.servant == entry.servant
    assert finding.evidence["kind"] == "journals" and finding.subject_ogrn == supplier["ogrn"]
    assert finding.explanation.startswith("Служащий по уведомлению № 1/2026 от 01.09.2026 выполняет работу у ООО")
    check_entry_employer(entry, None)
    assert Finding.objects.count() == 1


def test_employer_found_by_name_but_not_a_supplier(registry, make_entry) -> None:
    path, _, bystander = registry
    entry = make_entry(Kind.EMPLOYER_MESSAGE, date(2026, 9, 1), employer_name="ооо \"ромашка\"",
                       event_on=date(2026, 8, 25))
    check = check_employer(entry, path)
    assert check.subject is not None and check.subject["ogrn"] == bystander["ogrn"]
    assert not check.is_supplier and check.summary().endswith("контрактов с организацией служащего нет")


def test_without_a_registry_store_the_employer_is_not_checked(make_entry, tmp_path) -> None:
    entry = make_entry(Kind.PAID_WORK, date(2026, 9, 1), employer_name="ООО «Нет»", start_on=date(2026, 9, 2))
    check = check_employer(entry, tmp_path / "absent.duckdb")
    assert not check.looked_up and check.summary() == "реестры не загружены: работодатель не проверен"


def test_former_servant_hired_by_a_supplier(registry, make_entry, make_servant) -> None:
    path, supplier, _ = registry
    former = make_servant("Смирнова", "Анна", "Игоревна", status="dismissed", dismissed_on=date(2025, 10, 1))
    entry = make_entry(Kind.EMPLOYER_MESSAGE, date(2026, 9, 5), servant=former, employer_name="ООО «Стройресурс»",
                       employer_inn=supplier["inn"], event_on=date(2026, 9, 1))
    from zorko.journals.findings import raise_employer_finding

    finding = raise_employer_finding(entry, check_employer(entry, path))
    assert finding is not None and finding.rule == "former_servant_supplier" and finding.servant == former
    assert finding.explanation.startswith("Бывшая служащая по сообщению работодателя № 1/2026 от 05.09.2026 "
                                          "принята на работу в")  # agreed with Смирнова Анна Игоревна
