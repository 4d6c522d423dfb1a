"""Synthetic ЕИС 223-ФЗ contract information in the real format (benchmark and demo).

The layout follows the real publications in ``tests/fixtures/eis223/``
(TFF 7.5–9.3): a ``contract`` document of the 223-ФЗ namespaces whose
``body`` holds one ``item/contractData`` per contract with the blocks a real
one has — the customer's ``mainInfo`` repeated as placer and detached
organisation, an attachment, the purchase notice, a ``supplierInfo`` with
its address, price, currency, positions, confirming documents — so a
record is about as large as in the real files (~6 KB; the samples hold
8–11 KB per contract with their longer texts). Several
contracts per file, as the ЕИС daily region files carry them.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from zorko.demo.registry_records import Company, Contract, Entrepreneur
from zorko.identifiers import make_inn, make_ogrn

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
  <ns2:urlEIS>https://lk.zakupki.gov.ru/223/contract/private/contract/view/general-information.html?id={reg_num}&amp;viewMode=VSRI</ns2:urlEIS>
  <ns2:customer>{org}</ns2:customer>
  <ns2:placer>{org}</ns2:placer>
  <ns2:detachedOrg>{org}</ns2:detachedOrg>
  <ns2:publicationDate>{published}T09:00:00</ns2:publicationDate><ns2:status>P</ns2:status><ns2:version>1</ns2:version>
  <ns2:digitalPurchase>false</ns2:digitalPurchase><ns2:digitalPurchaseCode>300002</ns2:digitalPurchaseCode>
  <ns2:provider>false</ns2:provider><ns2:changeContract>false</ns2:changeContract>
  <ns2:attachments><totalDocumentsCount>1</totalDocumentsCount><document><guid>{guid}</guid>
    <createDateTime>{published}T08:45:00</createDateTime><fileName>Договор {reg_num}.pdf</fileName>
    <description>Договор</description><url>https://lk.zakupki.gov.ru/223/contract/private/download/download.html?id={reg_num}</url>
    <registrationNumber>{version_num}</registrationNumber></document></ns2:attachments>
  <ns2:purchaseNoticeInfo><ns2:guid>{guid}</ns2:guid><ns2:purchaseNoticeNumber>3{reg_num_short}</ns2:purchaseNoticeNumber>
    <ns2:publicationDateTime>{sign}T10:00:00</ns2:publicationDateTime><ns2:name>{subject}</ns2:name></ns2:purchaseNoticeInfo>
  <ns2:contractRegNumber>{reg_num}</ns2:contractRegNumber><ns2:contractDate>{sign}</ns2:contractDate>
  <ns2:subjectContract>{subject}</ns2:subjectContract>
  <ns2:purchaseTypeInfo><ns2:code>30000</ns2:code><ns2:name>Закупка у единственного поставщика</ns2:name></ns2:purchaseTypeInfo>
  {supplier}
  <ns2:price>{price}</ns2:price><ns2:currency><code>RUB</code><digitalCode>643</digitalCode><name>Российский рубль</name></ns2:currency>
  <ns2:startExecutionDate>{sign}</ns2:startExecutionDate><ns2:endExecutionDate>{published}</ns2:endExecutionDate>
  <ns2:contractPositions><ns2:contractPosition><ns2:name>{subject}</ns2:name><ns2:ordinalNumber>1</ns2:ordinalNumber>
    <ns2:okei><code>876</code><name>Условная единица</name></ns2:okei><ns2:qty>1</ns2:qty></ns2:contractPosition></ns2:contractPositions>
  <ns2:contractConfirmingDocs><ns2:contractDoc><ns2:confirmingDocCode>2</ns2:confirmingDocCode>
    <ns2:confirmingDocCodeTitle>Иной документ</ns2:confirmingDocCodeTitle><ns2:docDate>{sign}</ns2:docDate></ns2:contractDoc></ns2:contractConfirmingDocs>
  <ns2:hasOkpdAndOkdpRows>false</ns2:hasOkpdAndOkdpRows><ns2:hasOkpd2Rows>true</ns2:hasOkpd2Rows>
</ns2:contractData></ns2:item>
"""


# The customer as the ЕИС repeats it (customer, placer, detached organisation), as in the real files.
ORG = ("<mainInfo><fullName>{customer}</fullName><shortName>{customer}</shortName><iko>5{customer_inn}{customer_kpp}</iko>"
       "<inn>{customer_inn}</inn><kpp>{customer_kpp}</kpp><legalAddress>650000, Кемеровская обл, г Кемерово, "
       "ул Советская, дом 5</legalAddress><postalAddress>650000, Кемеровская обл, г Кемерово, ул Советская, "
       "дом 5</postalAddress><phone>7-3842-000000</phone><email>zakupki@example.ru</email><okato>32401000000</okato>"
       "<okopf>75403</okopf><okopfName>Муниципальные бюджетные учреждения</okopfName><okpo>00000000</okpo>"
       "</mainInfo>")
ADDRESS = ("<ns2:address><ns2:country><name>РОССИЯ</name><digitalCode>643</digitalCode></ns2:country>"
           "<ns2:postCode>650000</ns2:postCode><ns2:region><ns2:code>42</ns2:code><ns2:name>Кемеровская область - "
           "Кузбасс</ns2:name></ns2:region><ns2:city><ns2:fullName>КЕМЕРОВО г</ns2:fullName></ns2:city></ns2:address>")


def reg_num_223(customer_inn: str, year: int, serial: int) -> str:
    """A 23-digit 223-ФЗ registry number: «5», the customer's ИНН, two year digits, a serial, «0000»."""
    return f"5{customer_inn[:10]:0>10}{year % 100:02d}{serial % 1_000_000:06d}0000"


def _supplier(s: Company | Entrepreneur) -> str:
    if isinstance(s, Company):
        return (f"<ns2:supplierInfo><ns2:name>{escape(s.full_name)}</ns2:name><ns2:inn>{s.inn}</ns2:inn>"
                f"<ns2:kpp>{s.kpp}</ns2:kpp><ns2:ogrn>{s.ogrn}</ns2:ogrn><ns2:type>L</ns2:type>"
                "<ns2:provider>true</ns2:provider><ns2:nonResident>false</ns2:nonResident>"
                f"<ns2:okopf>12300</ns2:okopf><ns2:okopfName>Общества с ограниченной ответственностью</ns2:okopfName>"
                f"{ADDRESS}</ns2:supplierInfo>")
    name = escape(f"{s.last} {s.first} {s.middle}")
    return (f"<ns2:supplierInfo><ns2:name>{name}</ns2:name><ns2:inn>{s.inn}</ns2:inn><ns2:type>P</ns2:type>"
            "<ns2:provider>true</ns2:provider><ns2:individual>true</ns2:individual>"
            f"<ns2:nonResident>false</ns2:nonResident>{ADDRESS}</ns2:supplierInfo>")


def item_xml(c: Contract, published: date) -> str:
    org = ORG.format(customer=escape(c.customer_name), customer_inn=c.customer_inn, customer_kpp=c.customer_kpp)
    return ITEM.format(guid=f"00000000-0000-4000-8000-{c.reg_num[-12:]}", version_num=c.reg_num[:-4] + "0001",
                       published=published.isoformat(), org=org, reg_num_short=c.reg_num[-10:], reg_num=c.reg_num,
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
