"""Each analysis check, with and without a violation, through ``analyse`` and the findings it writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.declarations.factory import income, item, store
from tests.registry_tables import Registry
from zorko.declarations.analysis import analyse
from zorko.declarations.records import Member, Person, Section
from zorko.findings.models import Finding
from zorko.people.models import Relative

pytestmark = pytest.mark.django_db
Y = 2025
WIFE = Person("Смирнова", "Ольга", "Павловна", date(1982, 3, 3))


@pytest.fixture
def servant(make_servant: Callable[..., Any]) -> Any:
    s = make_servant("Смирнов", "Андрей", "Викторович", birth_date=date(1980, 1, 1), inn="420512345678")
    Relative.objects.create(servant=s, kinship="wife", last_name="Смирнова", first_name="Ольга",
                            middle_name="Павловна", birth_date=date(1982, 3, 3), inn="420598765432")
    Relative.objects.create(servant=s, kinship="son", last_name="Смирнов", first_name="Павел",
                            middle_name="Андреевич", birth_date=date(2013, 9, 9))
    return s


@pytest.fixture
def registry(tmp_path: Path) -> tuple[Registry, Path]:
    path = tmp_path / "registry.duckdb"
    return Registry(duckdb.connect(str(path))), path


def _history(servant: Any, per_year: int = 1_000_000, **latest: Any) -> None:
    for year in (Y - 3, Y - 2, Y - 1):
        store(servant, year, income(per_year), item(Section.ACCOUNT, "Текущий", 200_000, name="Банк"),
              item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"))


def _rules(registry_path: Path | None = None) -> dict[str, list[Finding]]:
    analyse(Y, registry_path=registry_path or Path("/nonexistent/registry.duckdb"))
    out: dict[str, list[Finding]] = {}
    for f in Finding.objects.filter(active=True):
        out.setdefault(f.rule, []).append(f)
    return out


def test_expense_over_three_years_income(servant: Any) -> None:
    _history(servant)
    flat = item(Section.EXPENSE, "Квартира", 3_500_000, basis="Накопления")
    store(servant, Y, income(1_000_000), item(Section.ACCOUNT, "Текущий", 200_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"), flat)
    found = _rules()["decl_expense_over_income"]
    assert [f.severity for f in found] == ["high"]
    text = found[0].explanation.replace("\xa0", " ")  # amounts keep together with non-breaking spaces
    assert "3 500 000,00 руб." in text and "3 000 000,00 руб." in text
    assert found[0].evidence["kind"] == "declarations"


def test_expense_within_income_raises_nothing(servant: Any) -> None:
    _history(servant)
    store(servant, Y, income(1_000_000), item(Section.ACCOUNT, "Текущий", 200_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"),
          item(Section.EXPENSE, "Автомобиль легковой", 2_900_000))
    assert "decl_expense_over_income" not in _rules()


def test_new_property_without_expense(servant: Any) -> None:
    _history(servant)
    store(servant, Y, income(1_000_000), item(Section.ACCOUNT, "Текущий", 200_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"),
          item(Section.REAL_ESTATE, "Жилой дом", area=Decimal("140"), country="Россия", basis="Договор купли-продажи"))
    (found,) = _rules()["decl_property_unexplained"]
    assert "Жилой дом" in found.explanation and found.severity == "high"


def test_new_property_explained_by_inheritance_or_a_purchase(servant: Any) -> None:
    _history(servant)
    store(servant, Y, income(1_000_000), item(Section.ACCOUNT, "Текущий", 200_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"),
          item(Section.REAL_ESTATE, "Жилой дом", area=Decimal("140"), country="Россия", basis="Свидетельство о праве на наследство"),
          item(Section.VEHICLE, "Автомобиль легковой", name="Киа Рио"),
          item(Section.EXPENSE, "Автомобиль легковой", 900_000, name="Киа Рио"))
    assert "decl_property_unexplained" not in _rules()


def test_accounts_grow_beyond_income(servant: Any) -> None:
    _history(servant)
    store(servant, Y, income(1_000_000), item(Section.ACCOUNT, "Текущий", 2_500_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"))
    rules = _rules()
    assert [f.severity for f in rules["decl_accounts_growth"]] == ["medium"]
    assert "decl_income_jump" not in rules  # the income did not change


def test_income_jump_without_trace_and_a_steady_year(servant: Any) -> None:
    _history(servant)
    store(servant, Y, income(3_000_000), item(Section.ACCOUNT, "Текущий", 210_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"))
    rules = _rules()
    assert len(rules["decl_income_jump"]) == 1
    assert "decl_accounts_growth" not in rules  # the savings stayed where they were
    store(servant, Y, income(1_100_000), item(Section.ACCOUNT, "Текущий", 210_000, name="Банк"),
          item(Section.REAL_ESTATE, "Квартира", area=Decimal("50"), country="Россия"), correction=True)
    assert "decl_income_jump" not in _rules()  # the уточнённая справка replaced it: the finding is resolved


def test_share_in_egrul_omitted_and_declared(servant: Any, registry: tuple[Registry, Path]) -> None:
    reg, path = registry
    company = reg.company("Ромашка")
    reg.role(company, "founder", "СМИРНОВА", "ОЛЬГА", "ПАВЛОВНА", inn="420598765432", since=date(2020, 1, 1))
    reg.con.close()
    store(servant, Y, income(1))
    (found,) = _rules(path)["decl_share_omitted"]
    assert (found.severity, found.subject_ogrn) == ("high", company["ogrn"])
    assert found.relative is not None and found.relative.first_name == "Ольга"
    store(servant, Y, item(Section.SHARE, "ООО", 10_000, name="ООО «Ромашка»", inn=company["inn"]),
          member=Member.SPOUSE, person=WIFE)
    assert "decl_share_omitted" not in _rules(path)


def test_declared_share_in_a_supplier(servant: Any, registry: tuple[Registry, Path]) -> None:
    reg, path = registry
    supplier, other = reg.company("Поставщик"), reg.company("Посторонняя")
    reg.contract(servant.organisation.inn, supplier, price="480000.00")
    reg.con.close()
    store(servant, Y, item(Section.SHARE, "ООО", 10_000, name="ООО «Поставщик»", inn=supplier["inn"]),
          item(Section.SHARE, "ООО", 5_000, name="ООО «Посторонняя»", inn=other["inn"]))
    (found,) = _rules(path)["decl_share_in_supplier"]
    assert found.subject_inn == supplier["inn"] and "480\xa0000,00\xa0руб." in found.explanation
    assert found.evidence["contracts"][0]["price"] == "480000.00"


def test_creditor_that_supplies_the_organisation(servant: Any, registry: tuple[Registry, Path]) -> None:
    reg, path = registry
    supplier, bank = reg.company("Заимодавец"), reg.company("Банк")
    reg.contract(servant.organisation.inn, supplier)
    reg.con.close()
    store(servant, Y, item(Section.OBLIGATION, "Заем", 700_000, name="ООО «Заимодавец»", inn=supplier["inn"]),
          item(Section.OBLIGATION, "Кредит", 900_000, name="Банк", inn=bank["inn"]))
    (found,) = _rules(path)["decl_creditor_supplier"]
    assert found.subject_inn == supplier["inn"] and found.severity == "high"


def test_co_owner_who_directs_a_supplier(servant: Any, registry: tuple[Registry, Path]) -> None:
    reg, path = registry
    supplier = reg.company("Стройка")
    reg.role(supplier, "director", "Кравцов", "Игорь", "Игоревич", inn="420511112222")
    reg.contract(servant.organisation.inn, supplier)
    reg.con.close()
    store(servant, Y, item(Section.REAL_ESTATE, "Земельный участок", area=Decimal("1500"), country="Россия",
                           co_owners=[{"name": "Кравцов Игорь Игоревич", "inn": "420511112222"},
                                      {"name": "Посторонний Пётр", "inn": ""}]))
    (found,) = _rules(path)["decl_coowner_linked"]
    assert found.severity == "high" and "Стройка" in found.explanation


def test_family_absent_mismatched_and_matching(servant: Any) -> None:
    store(servant, Y, income(1))
    store(servant, Y, income(1), member=Member.SPOUSE, person=WIFE)
    store(servant, Y, income(0), member=Member.CHILD, person=Person("Смирнов", "Павел", "Андреевич", date(2013, 9, 10)))
    store(servant, Y, income(0), member=Member.CHILD, person=Person("Смирнова", "Дарья", "Андреевна", date(2016, 1, 1)))
    rules = _rules()
    (absent,) = rules["decl_family_absent"]
    (mismatch,) = rules["decl_family_mismatch"]
    assert "Дарья" in absent.explanation and absent.severity == "high"
    assert "10.09.2013" in mismatch.explanation and "09.09.2013" in mismatch.explanation
    assert mismatch.relative is not None and mismatch.relative.first_name == "Павел"


def test_rerun_changes_nothing_and_keeps_the_review(servant: Any) -> None:
    store(servant, Y, income(1))
    store(servant, Y, income(0), member=Member.CHILD, person=Person("Чужой", "Ребёнок", "", date(2015, 1, 1)))
    _rules()
    finding = Finding.objects.get()
    finding.status = Finding.Status.CONFIRMED
    finding.save()
    _rules()
    again = Finding.objects.get()
    assert (again.pk, again.status, again.active) == (finding.pk, "confirmed", True)


def test_dismissed_finding_returns_when_the_справка_changes(servant: Any) -> None:
    store(servant, Y, income(1))
    store(servant, Y, income(0), member=Member.CHILD, person=Person("Чужой", "Ребёнок", "", date(2015, 1, 1)))
    _rules()
    Finding.objects.update(status=Finding.Status.DISMISSED)
    _rules()
    assert Finding.objects.get().status == "dismissed"  # nothing changed: the decision stands
    store(servant, Y, income(5), member=Member.CHILD, person=Person("Чужой", "Ребёнок", "", date(2015, 1, 1)),
          correction=True)
    _rules()
    finding = Finding.objects.get()
    assert finding.status == "new"
    assert finding.decisions.get().reason.startswith("Справки изменились")
