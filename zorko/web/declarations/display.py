"""The columns the справка page shows for each section: only the fields that section has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zorko.declarations.models import DeclarationItem
from zorko.declarations.records import Section
from zorko.reports.person_report import fmt_money

COLUMNS: dict[Section, list[tuple[str, str]]] = {
    Section.INCOME: [("Вид дохода", "kind"), ("Величина дохода", "amount")],
    Section.EXPENSE: [("Вид имущества", "kind"), ("Наименование", "name"), ("Сумма сделки", "amount"),
                      ("Источник средств", "basis")],
    Section.REAL_ESTATE: [("Вид", "kind"), ("Вид собственности", "ownership"), ("Доля", "share"),
                          ("Площадь, кв. м", "area"), ("Страна", "country"), ("Основание", "basis"),
                          ("Иные правообладатели", "co_owners")],
    Section.VEHICLE: [("Вид", "kind"), ("Марка, модель", "name"), ("Вид собственности", "ownership")],
    Section.ACCOUNT: [("Банк", "name"), ("Вид счёта", "kind"), ("Остаток", "amount")],
    Section.SHARE: [("Организация", "name"), ("ИНН", "inn"), ("ОГРН", "ogrn"), ("Уставный капитал", "amount"),
                    ("Доля участия", "share"), ("Основание", "basis")],
    Section.SECURITY: [("Вид", "kind"), ("Эмитент", "name"), ("ИНН", "inn"), ("Стоимость", "amount")],
    Section.DIGITAL_ASSET: [("Вид", "kind"), ("Наименование", "name"), ("Оператор", "basis"),
                            ("Стоимость", "amount")],
    Section.OBLIGATION: [("Содержание", "kind"), ("Кредитор или должник", "name"), ("ИНН", "inn"),
                         ("ОГРН", "ogrn"), ("Сумма", "amount"), ("Основание", "basis")],
}


@dataclass(slots=True)
class SectionTable:
    header: list[str]
    rows: list[list[str]]


def _cell(item: DeclarationItem, field: str) -> str:
    value: Any = getattr(item, field)
    if field == "amount":
        return fmt_money(value) if value is not None else ""
    if field == "area":
        return f"{value:.1f}".replace(".", ",") if value is not None else ""
    if field == "co_owners":
        return "; ".join(o.get("name", "") + (f" (ИНН {o['inn']})" if o.get("inn") else "") for o in value)
    return str(value or "")


def section_table(section: Section, items: list[DeclarationItem]) -> SectionTable:
    columns = COLUMNS[section]
    return SectionTable([label for label, _ in columns], [[_cell(i, f) for _, f in columns] for i in items])
