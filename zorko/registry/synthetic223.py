"""Synthetic ЕИС 223-ФЗ contract information in the real format (benchmark and demo).

The layout follows the real publications in ``tests/fixtures/eis223/``
(TFF 7.5–9.3): a ``contract`` document of the 223-ФЗ namespaces whose
``body`` holds one ``item/contractData`` per contract, with the customer's
``mainInfo``, a ``supplierInfo``, price, currency and positions. Several
contracts per file, as the ЕИС daily region files carry them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from zorko.identifiers import make_inn, make_ogrn
from zorko.registry.synthetic_records import Company, Contract, Entrepreneur

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ns2:contract xmlns:ns2="http://zakupki.gov.ru/223fz/contract/1" '
        'xmlns="http://zakupki.gov.ru/223fz/types/1">\n'
        '<header xmlns=""><guid>{guid}</guid><createDateTime>{published}T09:00:00</createDateTime></header>\n'
        '<ns2:body xmlns="">\n')
TAIL = "</ns2:body>\n</ns2:contract>\n"
ITEM = """<ns2:item><guid>{guid}</guid><ns2:contractData>
  <ns2:guid>{guid}</ns2:guid><ns2:registrationNumber>{version_num}</ns2:registrationNumber>
  <ns2:notice44>false</ns2:notice44><ns2:lotNum>1</ns2:lotNum>
  <ns2:createDateTime>{published}T08:30:00</ns2:createDateTime>
  <ns2:customer><mainInfo><fullName>{customer}</fullName><inn>{customer_inn}</inn><kpp>{customer_kpp}</kpp>
    <legalAddress>650000, Кемеровская обл, г Кемерово</legalAddress></mainInfo></ns2:customer>
  <ns2:publicationDate>{published}T09:00:00</ns2:publicationDate><ns2:status>P</ns2:status><ns2:version>1</ns2:version>
  <ns2:contractRegNumber>{reg_num}</ns2:contractRegNumber><ns2:contractDate>{sign}</ns2:contractDate>
  <ns2:subjectContract>{subject}</ns2:subjectContract>
  <ns2:purchaseTypeInfo><ns2:code>30000</ns2:code><ns2:name>Закупка у единственного поставщика</ns2:name></ns2:purchaseTypeInfo>
  {supplier}
  <ns2:price>{price}</ns2:price><ns2:currency><code>RUB</code><digitalCode>643</digitalCode><name>Российский рубль</name></ns2:currency>
  <ns2:contractPositions><ns2:contractPosition><ns2:name>{subject}</ns2:name><ns2:ordinalNumber>1</ns2:ordinalNumber>
    <ns2:okei><code>876</code><name>Условная единица</name></ns2:okei><ns2:qty>1</ns2:qty></ns2:contractPosition></ns2:contractPositions>
</ns2:contractData></ns2:item>
"""


def reg_num_223(customer_inn: str, year: int, serial: int) -> str:
    """A 23-digit 223-ФЗ registry number: «5», the customer's ИНН, two year digits, a serial, «0000»."""
    return f"5{customer_inn[:10]:0>10}{year % 100:02d}{serial % 1_000_000:06d}0000"


def _supplier(s: Company | Entrepreneur) -> str:
    if isinstance(s, Company):
        return (f"<ns2:supplierInfo><ns2:name>{escape(s.full_name)}</ns2:name><ns2:inn>{s.inn}</ns2:inn>"
                f"<ns2:kpp>{s.kpp}</ns2:kpp><ns2:ogrn>{s.ogrn}</ns2:ogrn><ns2:type>L</ns2:type>"
                "<ns2:provider>true</ns2:provider><ns2:nonResident>false</ns2:nonResident></ns2:supplierInfo>")
    name = escape(f"{s.last} {s.first} {s.middle}")
    return (f"<ns2:supplierInfo><ns2:name>{name}</ns2:name><ns2:inn>{s.inn}</ns2:inn><ns2:type>P</ns2:type>"
            "<ns2:provider>true</ns2:provider><ns2:individual>true</ns2:individual>"
            "<ns2:nonResident>false</ns2:nonResident></ns2:supplierInfo>")


def item_xml(c: Contract, published: date) -> str:
    return ITEM.format(guid=f"00000000-0000-4000-8000-{c.reg_num[-12:]}", version_num=c.reg_num[:-4] + "0001",
                       published=published.isoformat(), customer=escape(c.customer_name),
                       customer_inn=c.customer_inn, customer_kpp=c.customer_kpp, reg_num=c.reg_num,
                       sign=c.sign_date.isoformat(), subject=escape(c.subject), supplier=_supplier(c.supplier),
                       price=f"{c.price:.2f}")


def write_contracts223(folder: Path, contracts: Iterable[Contract], per_file: int = 1000,
                       region: str = "Kemerovskaya_obl") -> list[Path]:
    """Files of ``per_file`` contracts each, named like the ЕИС daily region files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    batch: list[Contract] = []

    def flush() -> None:
        if not batch:
            return
        published = max(c.sign_date for c in batch) + timedelta(days=1)
        stamp = published.strftime("%Y%m%d")
        path = folder / f"contract_{region}_{stamp}_000000_{stamp}_235959_daily_{len(paths) + 1:03d}.xml"
        with path.open("w", encoding="utf-8") as out:
            out.write(HEAD.format(guid=f"00000000-0000-4000-9000-{len(paths) + 1:012d}",
                                  published=published.isoformat()))
            for c in batch:
                out.write(item_xml(c, published))
            out.write(TAIL)
        paths.append(path)
        batch.clear()

    for c in contracts:
        batch.append(c)
        if len(batch) >= per_file:
            flush()
    flush()
    return paths


def generate_contracts223(count: int, seed: int = 1) -> Iterable[Contract]:
    """``count`` contracts of a few municipal institutions with invented suppliers (benchmark input)."""
    rnd = random.Random(seed)
    customers = [make_inn(f"42{rnd.randrange(10**7):07d}", person=False) for _ in range(40)]
    for n in range(count):
        customer = customers[n % len(customers)]
        supplier = Company(ogrn=make_ogrn(f"11542{rnd.randrange(10**7):07d}"),
                           inn=make_inn(f"42{rnd.randrange(10**7):07d}", person=False),
                           name=f"ПОСТАВЩИК {n}", address=None, registered=date(2015, 1, 1))  # type: ignore[arg-type]
        sign = date(2025, 1, 1) + timedelta(days=rnd.randrange(330))
        yield Contract(reg_num=reg_num_223(customer, sign.year, n), customer_name=f"МБУ «Учреждение {customer[-3:]}»",
                       customer_inn=customer, customer_kpp=f"{customer[:4]}01001", sign_date=sign,
                       price=Decimal(rnd.randrange(10_000_00, 5_000_000_00)) / 100,
                       subject=f"Поставка товаров по заявке № {n}", supplier=supplier)
