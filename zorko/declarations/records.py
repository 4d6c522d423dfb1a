"""One справка as plain data: what the .xsb reader yields, the writer takes and the importer stores.

Sections follow the form of Указ Президента № 460. Money is ``Decimal``
roubles; dates are ``date``. The Django models mirror these fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Member(StrEnum):
    """Whom the справка is filled in for (``ЗаполняетсяНа``)."""

    DECLARANT = "declarant"
    SPOUSE = "spouse"
    CHILD = "child"


MEMBER_NAMES = {Member.DECLARANT: "служащий", Member.SPOUSE: "супруг(а)", Member.CHILD: "несовершеннолетний ребёнок"}


class Section(StrEnum):
    INCOME = "income"
    EXPENSE = "expense"
    REAL_ESTATE = "real_estate"
    VEHICLE = "vehicle"
    ACCOUNT = "account"
    SHARE = "share"  # участие в коммерческих организациях (доли, паи)
    SECURITY = "security"
    DIGITAL_ASSET = "digital_asset"
    OBLIGATION = "obligation"


SECTION_NAMES = {
    Section.INCOME: "доходы",
    Section.EXPENSE: "расходы",
    Section.REAL_ESTATE: "недвижимое имущество",
    Section.VEHICLE: "транспортные средства",
    Section.ACCOUNT: "счета в банках",
    Section.SHARE: "участие в коммерческих организациях",
    Section.SECURITY: "ценные бумаги",
    Section.DIGITAL_ASSET: "цифровые финансовые активы и цифровая валюта",
    Section.OBLIGATION: "срочные обязательства финансового характера",
}


@dataclass(slots=True)
class Item:
    """One line of a section. Which fields mean what depends on the section (see ``xsb.SECTIONS``)."""

    section: Section
    kind: str = ""  # вид дохода / имущества / счёта / бумаги / обязательства
    name: str = ""  # наименование: объект, марка, банк, организация, контрагент
    amount: Decimal | None = None  # доход, сумма сделки, остаток, стоимость, сумма обязательства
    area: Decimal | None = None
    country: str = ""
    ownership: str = ""  # вид собственности
    share: str = ""  # размер доли
    basis: str = ""  # основание приобретения / источник средств / основание участия
    inn: str = ""
    ogrn: str = ""
    co_owners: list[dict[str, str]] = field(default_factory=list)  # [{"name", "inn", "birth_date"}]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Person:
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    birth_date: date | None = None
    snils: str = ""
    position: str = ""
    organisation: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(slots=True)
class ParsedDeclaration:
    year: int | None
    member: Member
    person: Person
    correction: bool = False
    signed_on: date | None = None
    position_type: str = ""
    items: list[Item] = field(default_factory=list)

    def section(self, section: Section) -> list[Item]:
        return [i for i in self.items if i.section == section]
