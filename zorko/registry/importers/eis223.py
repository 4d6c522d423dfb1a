"""ЕИС (zakupki.gov.ru) 223-ФЗ contract information: XML in, :class:`Contract` records out.

The ЕИС publishes 223-ФЗ «сведения о договоре» as ``contract`` documents
(namespace ``http://zakupki.gov.ru/223fz/contract/1``, schemes TFF-3.5 to
TFF-12) holding ``body/item/contractData``:

* ``contractRegNumber`` — the contract's registry number (23 digits; the
  ``registrationNumber`` beside it numbers this *version* of the
  information, ``…0001``, ``…0002``; it is the fallback key);
* ``contractDate``, ``price`` (the contract price), ``currency/code``,
  ``subjectContract`` (else the purchase name or the position names);
* ``customer/mainInfo/{fullName, inn, kpp, ogrn}``;
* ``supplierInfo`` (repeated; missing in many later publications) with
  ``name``, ``inn``, ``kpp``, ``ogrn``, ``type`` (``L`` legal entity,
  ``P`` natural person), ``individual`` (an entrepreneur), ``nonResident``;
* ``publicationDate`` orders versions: a later one replaces the stored
  contract, as with 44-ФЗ.

Elements are matched by local name whatever the namespace (the samples in
``tests/fixtures/eis223/`` carry three generations of it). The records are
the 44-ФЗ importer's :class:`Contract` with ``law`` «223-ФЗ», so both laws
share the ``contracts`` tables and every rule that reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from zorko.exceptions import ImportFailed
from zorko.registry.files import InputFile, expand
from zorko.registry.importers.eis_contracts import (
    SUBJECT_LIMIT,
    Contract,
    ContractSupplier,
    _date,
    _decimal,
    _squash,
)
from zorko.registry.importers.xmlutil import local, syntax_reason

SOURCE = "contracts223"
LAW = "223-ФЗ"
ROOTS = ("contract",)  # «сведения о договоре»; notices, plans and the like are other roots


def parse(paths: Iterable[str | Path]) -> Iterator[Contract]:
    """Every contract in the given files, folders and ``.zip`` archives."""
    for item in expand([Path(p) for p in paths], (".xml",)):
        with item.open() as handle:
            yield from parse_stream(handle, item.name)


def parse_file(item: InputFile) -> Iterator[Contract]:
    with item.open() as handle:
        yield from parse_stream(handle, item.name)


def parse_stream(handle: IO[bytes], name: str) -> Iterator[Contract]:
    # Only contractData elements raise events (lxml filters in C): the rest of the file costs
    # no Python work. The root is checked once the file is read.
    events = etree.iterparse(handle, events=("end",), tag="{*}contractData", remove_comments=True,
                             remove_pis=True, huge_tree=True)
    found = 0
    try:
        for _event, el in events:
            found += 1
            yield _contract(el, name)
            _free_item(el)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(name, syntax_reason(exc), line=exc.lineno) from exc
    if found:
        return
    root = events.root
    if root is not None and local(root.tag) not in ROOTS:
        raise ImportFailed(name, f"неизвестный корневой элемент «{local(root.tag)}»: "
                           "ожидались сведения о договоре ЕИС по 223-ФЗ (contract)", line=root.sourceline)
    # A 44-ФЗ contract (root «contract», no contractData) must not pass for an empty 223-ФЗ file.
    raise ImportFailed(name, "в файле нет сведений о договоре по 223-ФЗ (contractData): "
                       "возможно, это контракт по 44-ФЗ — загрузите его как «contracts»", line=1)


def _free_item(el: etree._Element) -> None:
    """Drop the contract and the items before it: memory stays flat in a file of many contracts."""
    item = el.getparent()
    el.clear(keep_tail=False)
    if item is None:
        return
    body = item.getparent()
    if body is not None:
        while item.getprevious() is not None:
            del body[0]


def _kids(el: etree._Element | None) -> dict[str, etree._Element]:
    """Direct children by local name (the first of each): one pass instead of a scan per field.

    The 223-ФЗ schemes spell element names the same way in every version, so
    names are compared as written (unlike 44-ФЗ, where ``inn`` became ``INN``).
    """
    found: dict[str, etree._Element] = {}
    if el is None:
        return found
    for item in el:
        tag = item.tag
        if isinstance(tag, str):
            found.setdefault(tag[tag.find("}") + 1:], item)
    return found


def _text(node: etree._Element | None) -> str | None:
    if node is None or node.text is None:
        return None
    return node.text.strip() or None


def _contract(el: etree._Element, name: str) -> Contract:
    kids = _kids(el)
    reg_num = _text(kids.get("contractRegNumber")) or _text(kids.get("registrationNumber"))
    if not reg_num:
        raise ImportFailed(name, "у договора нет реестрового номера", line=el.sourceline,
                           field="contractRegNumber")
    customer = _kids(_kids(kids.get("customer")).get("mainInfo"))
    notice = _kids(kids.get("purchaseNoticeInfo"))
    return Contract(
        reg_num=reg_num,
        sign_date=_date(kids.get("contractDate"), name),
        price=_decimal(kids.get("price"), name),
        currency=_text(_kids(kids.get("currency")).get("code")) or "RUB",
        subject=(_squash(_text(kids.get("subjectContract"))) or _squash(_text(notice.get("name")))
                 or _positions(kids)),
        customer_inn=_text(customer.get("inn")),
        customer_kpp=_text(customer.get("kpp")),
        customer_name=_text(customer.get("fullName")) or _text(customer.get("shortName")),
        customer_ogrn=_text(customer.get("ogrn")),
        suppliers=[_supplier(s) for s in el.iterchildren(kids["supplierInfo"].tag)] if "supplierInfo" in kids else [],
        published=_date(kids.get("publicationDate"), name),
        law=LAW,
        file=name,
        line=el.sourceline,
    )


def _supplier(el: etree._Element) -> ContractSupplier:
    kids = _kids(el)
    inn = _text(kids.get("inn"))
    if _text(kids.get("nonResident")) == "true":
        kind = "foreign"
    elif _text(kids.get("type")) == "P" or (inn and len(inn) == 12):
        individual = _text(kids.get("individual")) == "true" or _text(kids.get("ogrnip"))
        kind = "entrepreneur" if individual else "person"
    else:
        kind = "company"
    return ContractSupplier(kind=kind, inn=inn, kpp=_text(kids.get("kpp")),
                            ogrn=_text(kids.get("ogrn")) or _text(kids.get("ogrnip")),
                            name=_squash(_text(kids.get("name")) or _text(kids.get("shortName"))))


def _positions(kids: dict[str, etree._Element]) -> str | None:
    names: list[str] = []
    for position in kids.get("contractPositions", ()):
        value = _squash(_text(_kids(position).get("name")))
        if value and value not in names:
            names.append(value)
    return "; ".join(names)[:SUBJECT_LIMIT] or None
