"""ЕИС (zakupki.gov.ru) 44-ФЗ contracts: XML in, :class:`Contract` records out.

Two shapes are read, whatever ``schemeVersion`` and namespace they carry:

* the old schema — a ``contract`` root with ``regNum``, ``signDate``,
  ``customer/{inn,kpp,fullName}``, ``price`` and
  ``suppliers/supplier/{inn,kpp,organizationName}``;
* the export — ``export/contract`` with ``priceInfo/price`` and suppliers in
  ``suppliers/supplier`` (schemes 6–7) or ``suppliersInfo/supplierInfo``
  (later schemes), each a ``legalEntityRF`` (fields directly or inside
  ``EGRULInfo``), ``individualPersonRF`` or a foreign supplier.

The parser streams with ``lxml.iterparse`` and frees every contract once it
is yielded, so an archive of any size is read in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO

from lxml import etree

from zorko.exceptions import ImportFailed
from zorko.registry.files import InputFile, expand
from zorko.registry.importers.xmlutil import (
    child,
    children,
    first_texts,
    local,
    syntax_reason,
    text,
)

SOURCE = "contracts"
LAW = "44-ФЗ"
ROOTS = ("export", "contract")
# Supplier kinds by the element that wraps the supplier's data.
SUPPLIER_KINDS = {
    "legalentityrf": "company",
    "individualpersonrf": "person",
    "individualpersonrfisculture": "person",
    "legalentityforeignstate": "foreign",
    "individualpersonforeignstate": "foreign",
    "individualpersonforeignstateisculture": "foreign",
}
# Products are listed by name when a contract has no separate subject line.
SUBJECT_LIMIT = 1000


@dataclass(slots=True)
class ContractSupplier:
    kind: str  # company | entrepreneur | person | foreign
    inn: str | None
    kpp: str | None
    ogrn: str | None
    name: str | None


@dataclass(slots=True)
class Contract:
    reg_num: str
    sign_date: date | None
    price: Decimal | None
    currency: str | None
    subject: str | None
    customer_inn: str | None
    customer_kpp: str | None
    customer_name: str | None
    customer_ogrn: str | None
    suppliers: list[ContractSupplier] = field(default_factory=list)
    published: date | None = None
    law: str = LAW
    file: str = ""
    line: int | None = None


def parse(paths: Iterable[str | Path]) -> Iterator[Contract]:
    """Every contract in the given files, folders and ``.zip`` archives."""
    for item in expand([Path(p) for p in paths], (".xml",)):
        yield from parse_file(item)


def parse_file(item: InputFile) -> Iterator[Contract]:
    with item.open() as handle:
        yield from parse_stream(handle, item.name)


def parse_stream(handle: IO[bytes], name: str) -> Iterator[Contract]:
    depth = 0
    events = etree.iterparse(
        handle, events=("start", "end"), remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        for event, el in events:
            if event == "start":
                if depth == 0 and local(el.tag) not in ROOTS:
                    raise ImportFailed(
                        name,
                        f"неизвестный корневой элемент «{local(el.tag)}»: ожидался контракт "
                        "ЕИС по 44-ФЗ (export или contract)",
                        line=el.sourceline,
                    )
                depth += 1
                continue
            depth -= 1
            # A contract is the root itself (old schema) or a child of export.
            if depth <= 1 and local(el.tag) == "contract":
                yield _contract(el, name)
                _free(el)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(name, syntax_reason(exc), line=exc.lineno) from exc


def _free(el: etree._Element) -> None:
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _contract(el: etree._Element, name: str) -> Contract:
    reg_num = text(el, "regNum")
    if not reg_num:
        raise ImportFailed(name, "у контракта нет реестрового номера", line=el.sourceline,
                           field="regNum")
    customer = child(el, "customer")
    price_node = child(child(el, "priceInfo"), "price")
    if price_node is None:
        price_node = child(el, "price")
    currency = (text(el, "priceInfo", "currency", "code") or text(el, "currency", "code")
                or "RUB")
    return Contract(
        reg_num=reg_num,
        sign_date=_date(child(el, "signDate"), name),
        price=_decimal(price_node, name),
        currency=currency,
        subject=_squash(text(el, "contractSubject")) or _products(el),
        customer_inn=text(customer, "inn"),
        customer_kpp=text(customer, "kpp"),
        customer_name=text(customer, "fullName") or text(customer, "shortName"),
        customer_ogrn=text(customer, "OGRN"),
        suppliers=[s for s in map(_supplier, _supplier_elements(el)) if s is not None],
        published=_date(child(el, "publishDate"), name),
        file=name,
        line=el.sourceline,
    )


def _supplier_elements(el: etree._Element) -> list[etree._Element]:
    found = children(child(el, "suppliers"), "supplier")
    return found + children(child(el, "suppliersInfo"), "supplierInfo")


def _supplier(el: etree._Element) -> ContractSupplier | None:
    wrapper = next((c for c in el if local(c.tag).lower() in SUPPLIER_KINDS), None)
    values = first_texts(wrapper if wrapper is not None else el)
    if not values:
        return None
    inn = values.get("inn")
    ogrnip = values.get("ogrnip")
    if wrapper is not None:
        kind = SUPPLIER_KINDS[local(wrapper.tag).lower()]
    else:
        # Old schema: no wrapper; the ИНН length tells a company from a person.
        kind = "company" if inn and len(inn) == 10 else "person" if inn else "foreign"
    if kind == "person" and (ogrnip or values.get("isip") == "true"
                             or values.get("participanttype") in {"B", "I"}):
        kind = "entrepreneur"
    person = " ".join(v for v in (values.get("lastname"), values.get("firstname"),
                                  values.get("middlename")) if v)
    organisation = (values.get("fullname") or values.get("organizationname")
                    or values.get("shortname") or values.get("firmname"))
    name = (person or organisation) if kind in ("person", "entrepreneur") else (
        organisation or person)
    return ContractSupplier(
        kind=kind,
        inn=inn,
        kpp=values.get("kpp"),
        ogrn=ogrnip if kind == "entrepreneur" else values.get("ogrn"),
        name=name or None,
    )


def _products(el: etree._Element) -> str | None:
    names: list[str] = []
    size = 0
    for product in children(child(el, "products"), "product"):
        value = text(product, "name") or text(product, "OKPD2", "name") or text(product, "OKPD", "name")
        value = _squash(value)
        if value and value not in names:
            names.append(value)
            size += len(value) + 2
            if size > SUBJECT_LIMIT:
                break
    joined = "; ".join(names)
    return joined[:SUBJECT_LIMIT] or None


def _squash(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def _date(node: etree._Element | None, name: str) -> date | None:
    if node is None or not (node.text or "").strip():
        return None
    value = node.text.strip()
    try:
        # Some versions append a zone («2013-05-20+04:00»); the date part is enough.
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ImportFailed(name, f"дата «{value}» не в формате ГГГГ-ММ-ДД",
                           line=node.sourceline, field=local(node.tag)) from None


def _decimal(node: etree._Element | None, name: str) -> Decimal | None:
    if node is None or not (node.text or "").strip():
        return None
    value = node.text.strip()
    try:
        amount = Decimal(value.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise ImportFailed(name, f"цена «{value}» не является числом", line=node.sourceline,
                           field=local(node.tag))
    return amount
