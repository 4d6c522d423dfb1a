"""The website extract under Указ Президента № 613: income, property and vehicles, per organisation and year.

Without personal identifiers: the servant by name and position, family
members only as «супруг(а)» and «несовершеннолетний ребёнок»; no birth
dates, addresses, identifiers, accounts or co-owners; real estate only by
kind, ownership, area and country. The source of funds of a deal is shown
only when the deals exceed the family's income for the three years before
(the case Указ № 613 names).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from zorko.declarations import dossier as dossiers
from zorko.declarations.records import MEMBER_NAMES, Member, Section
from zorko.declarations.rule_names import Policy
from zorko.declarations.rules_money import expense_over_income
from zorko.declarations.xlsx import add_sheet, new_workbook, to_bytes
from zorko.people.models import Organisation, Servant
from zorko.reports.docx_layout import repeat_header, set_properties
from zorko.ru.formats import number_ru

HEADER = ["№ п/п", "Лицо, замещающее должность, и члены его семьи", "Должность",
          "Объекты недвижимости в собственности (вид, вид собственности, площадь кв. м, страна)",
          "Транспортные средства (вид, марка)", "Декларированный годовой доход, руб.",
          "Источники средств, за счёт которых совершена сделка"]


@dataclass(slots=True)
class Line:
    number: str
    who: str
    position: str
    real_estate: list[str] = field(default_factory=list)
    vehicles: list[str] = field(default_factory=list)
    income: Decimal = Decimal(0)
    deals: str = ""


def _area(value: Decimal | None) -> str:
    return f"{value:.1f}".replace(".", ",") if value is not None else ""


def _line(number: str, who: str, position: str, decl: dossiers.DeclView) -> Line:
    return Line(number, who, position,
                [", ".join(p for p in (i.kind, " ".join(x for x in (i.ownership, i.share) if x), _area(i.area), i.country)
                           if p)
                 for i in decl.of(Section.REAL_ESTATE)],
                [" ".join(p for p in (i.kind, i.name) if p) for i in decl.of(Section.VEHICLE)],
                decl.total(Section.INCOME))


def lines(organisation: Organisation, year: int) -> list[Line]:
    servant_ids = list(Servant.objects.filter(organisation=organisation).values_list("pk", flat=True))
    found = dossiers.load(year, servant_ids)
    names = dict(Servant.objects.filter(pk__in=[d.servant_id for d in found]).values_list("pk", "position__name"))
    out: list[Line] = []
    for n, d in enumerate(sorted(found, key=lambda x: x.full_name), 1):
        deals = expense_over_income(d, year, Policy())
        own = d.declarant(year)
        if own is None:
            continue
        first = _line(str(n), d.full_name, names.get(d.servant_id) or "", own)
        if deals:
            first.deals = "; ".join(f"{i.kind or i.name}: {i.basis}".rstrip(": ")
                                    for x in d.of_year(year) for i in x.of(Section.EXPENSE))
        out.append(first)
        for member in (Member.SPOUSE, Member.CHILD):
            for decl in d.of_year(year, member):
                out.append(_line("", MEMBER_NAMES[member].capitalize(), "", decl))
    return out


def _rows(found: list[Line]) -> list[list[object]]:
    return [[x.number, x.who, x.position, "\n".join(x.real_estate) or "нет", "\n".join(x.vehicles) or "нет",
             x.income, x.deals] for x in found]


def publication_xlsx(organisation: Organisation, year: int) -> bytes:
    wb = new_workbook()
    add_sheet(wb, f"Сведения за {year} год", HEADER, _rows(lines(organisation, year)), money_columns=[5])
    return to_bytes(wb)


def publication_docx(organisation: Organisation, year: int) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(10)
    title = (f"Сведения о доходах, расходах, об имуществе и обязательствах имущественного характера "
             f"за период с 1 января по 31 декабря {year} года")
    set_properties(doc, title, organisation.name, "Размещение на официальном сайте (Указ Президента РФ № 613)")
    doc.add_heading(title, level=2)
    doc.add_paragraph(str(organisation.name))
    table = doc.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = title
    for row in _rows(lines(organisation, year)):
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = number_ru(value, 2) if index == 5 else str(value)  # non-breaking: never wraps
    repeat_header(table)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
