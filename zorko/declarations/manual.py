"""Manual entry of a paper справка: the same storage as an imported one, source «введена вручную»."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from zorko.audit.log import record
from zorko.declarations.intake import save_declaration
from zorko.declarations.models import Declaration
from zorko.declarations.records import Item, Member, ParsedDeclaration, Person, Section
from zorko.exceptions import ValidationError
from zorko.people.models import Servant


def item_from(values: dict[str, Any]) -> Item:
    owners = [{"name": n.strip(), "inn": "", "birth_date": ""}
              for n in str(values.get("co_owners") or "").split(";") if n.strip()]
    return Item(Section(values["section"]), kind=values.get("kind") or "", name=values.get("name") or "",
                amount=values.get("amount"), area=values.get("area"), country=values.get("country") or "",
                ownership=values.get("ownership") or "", share=values.get("share") or "",
                basis=values.get("basis") or "", inn=values.get("inn") or "", ogrn=values.get("ogrn") or "",
                co_owners=owners)


def enter_declaration(servant: Servant, year: int, member: str, filed_on: date, items: list[dict[str, Any]], *,
                      correction: bool = False, person: dict[str, Any] | None = None, user: Any = None,
                      ip: str | None = None) -> Declaration:
    if member == Member.DECLARANT.value:
        who = Person(servant.last_name, servant.first_name, servant.middle_name, servant.birth_date, servant.snils)
    else:
        p = person or {}
        who = Person(p.get("last_name") or "", p.get("first_name") or "", p.get("middle_name") or "",
                     p.get("birth_date"))
    decl = ParsedDeclaration(year, Member(member), who, correction=correction, signed_on=filed_on,
                             items=[item_from(v) for v in items if v.get("section")])
    if not decl.items:
        raise ValidationError("Справка пуста: заполните хотя бы одну строку (например, доход)")
    with transaction.atomic():
        row = save_declaration(servant, year, decl, source="manual", source_file="", user=user)
        if row is None:
            raise ValidationError("Такая справка уже есть: ничего не записано")
        record(user, "declarations.create", row, ip=ip, year=year, member=member)
    return row
