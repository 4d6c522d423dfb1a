"""One-line builders of справки for the tests: parsed (for files) and stored (for the rules)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from zorko.declarations.records import Item, Member, ParsedDeclaration, Person, Section


def person_of(servant: Any) -> Person:
    return Person(servant.last_name, servant.first_name, servant.middle_name, servant.birth_date, servant.snils)


def item(section: Section, kind: str = "", amount: float | int | None = None, **fields: Any) -> Item:
    return Item(section, kind=kind, amount=Decimal(str(amount)) if amount is not None else None, **fields)


def income(amount: float | int, kind: str = "Доход по основному месту работы") -> Item:
    return item(Section.INCOME, kind, amount)


def declaration(who: Any, year: int, *items: Item, member: Member = Member.DECLARANT, correction: bool = False,
                signed_on: date | None = None) -> ParsedDeclaration:
    person = who if isinstance(who, Person) else person_of(who)
    return ParsedDeclaration(year, member, person, correction=correction,
                             signed_on=signed_on or date(year + 1, 4, 1), items=list(items))


def store(servant: Any, year: int, *items: Item, member: Member = Member.DECLARANT, person: Person | None = None,
          correction: bool = False, signed_on: date | None = None) -> Any:
    from zorko.declarations.intake import save_declaration

    decl = declaration(person or servant, year, *items, member=member, correction=correction, signed_on=signed_on)
    return save_declaration(servant, year, decl, source="xsb", source_file="test.xsb")


def write_file(path: Path, *declarations: ParsedDeclaration) -> Path:
    from zorko.declarations.xsb_writer import write

    return write(path, list(declarations))
