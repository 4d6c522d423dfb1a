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
    _free,
    _squash,
)
from zorko.registry.importers.xmlutil import child, children, local, syntax_reason, text

SOURCE = "contracts223"
LAW = "223-ФЗ"
ROOTS = ("contract",)


def parse(paths: Iterable[str | Path]) -> Iterator[Contract]:
    """Every contract in the given files, folders and ``.zip`` archives."""
    for item in expand([Path(p) for p in paths], (".xml",)):
        with item.open() as handle:
            yield from parse_stream(handle, item.name)


def parse_file(item: InputFile) -> Iterator[Contract]:
    with item.open() as handle:
        yield from parse_stream(handle, item.name)


def parse_stream(handle: IO[bytes], name: str) -> Iterator[Contract]:
    events = etree.iterparse(
        handle, events=("start", "end"), remove_comments=True, remove_pis=True, huge_tree=True
    )
    depth = 0
    found = 0
    try:
        for event, el in events:
            if event == "start":
                if depth == 0 and local(el.tag) not in ROOTS:
                    raise ImportFailed(name, f"неизвестный корневой элемент «{local(el.tag)}»: "
                                       "ожидались сведения о договоре ЕИС по 223-ФЗ (contract)",
                                       line=el.sourceline)
                depth += 1
                continue
            depth -= 1
            if local(el.tag) == "contractData":
                found += 1
                yield _contract(el, name)
                _free(el)
            elif local(el.tag) == "item":
                _free(el)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(name, syntax_reason(exc), line=exc.lineno) from exc
    if not found:
        # A 44-ФЗ contract (root «contract», no contractData) must not pass for an empty 223-ФЗ file.
        raise ImportFailed(name, "в файле нет сведений о договоре по 223-ФЗ (contractData): "
                           "возможно, это контракт по 44-ФЗ — загрузите его как «contracts»", line=1)


def _contract(el: etree._Element, name: str) -> Contract:
    reg_num = text(el, "contractRegNumber") or text(el, "registrationNumber")
    if not reg_num:
        raise ImportFailed(name, "у договора нет реестрового номера", line=el.sourceline,
                           field="contractRegNumber")
    customer = child(child(el, "customer"), "mainInfo")
    return Contract(
        reg_num=reg_num,
        sign_date=_date(child(el, "contractDate"), name),
        price=_decimal(child(el, "price"), name),
        currency=text(el, "currency", "code") or "RUB",
        subject=(_squash(text(el, "subjectContract")) or _squash(text(el, "purchaseNoticeInfo", "name"))
                 or _positions(el)),
        customer_inn=text(customer, "inn"),
        customer_kpp=text(customer, "kpp"),
        customer_name=text(customer, "fullName") or text(customer, "shortName"),
        customer_ogrn=text(customer, "ogrn"),
        suppliers=[_supplier(s) for s in children(el, "supplierInfo")],
        published=_date(child(el, "publicationDate"), name),
        law=LAW,
        file=name,
        line=el.sourceline,
    )


def _supplier(el: etree._Element) -> ContractSupplier:
    inn = text(el, "inn")
    if text(el, "nonResident") == "true":
        kind = "foreign"
    elif text(el, "type") == "P" or (inn and len(inn) == 12):
        kind = "entrepreneur" if text(el, "individual") == "true" or text(el, "ogrnip") else "person"
    else:
        kind = "company"
    return ContractSupplier(kind=kind, inn=inn, kpp=text(el, "kpp"),
                            ogrn=text(el, "ogrn") or text(el, "ogrnip"),
                            name=_squash(text(el, "name") or text(el, "shortName")))


def _positions(el: etree._Element) -> str | None:
    names: list[str] = []
    for position in children(child(el, "contractPositions"), "contractPosition"):
        value = _squash(text(position, "name"))
        if value and value not in names:
            names.append(value)
    return "; ".join(names)[:SUBJECT_LIMIT] or None
