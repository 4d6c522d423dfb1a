"""«Отчет о проверке ФЛ» as DOCX (python-docx), the same sections as the PDF."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from zorko.reports.docx_layout import keep_tail_together, set_properties
from zorko.reports.person_report import (
    NAMESAKES_NOTE,
    PersonReport,
    ReportFinding,
    fmt_date,
    fmt_money,
)
from zorko.ru.formats import score_ru


def _table(doc: DocxDocument, header: list[str] | None, rows: list[list[str]]) -> None:
    cols = len(header or rows[0])
    table = doc.add_table(rows=0, cols=cols)
    table.style = "Table Grid"
    for values, bold in ([(header, True)] if header else []) + [(r, False) for r in rows]:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=False):
            cell.text = str(value)
            if bold:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _finding(doc: DocxDocument, n: int, f: ReportFinding) -> None:
    doc.add_heading(f"{n}. {f.rule_name}", level=3)
    if f.summary:
        doc.add_paragraph().add_run(f.summary).bold = True
    if f.probability:
        doc.add_paragraph(f"Вероятность, что в реестре то же лицо: {f.probability}")
    rows = [["Значимость (оценка)", f"{f.severity} ({score_ru(f.score)})"], ["Статус", f.status],
            ["Объект", f.subject]]
    if f.relative:
        rows.append(["Родственник", f.relative])
    if not f.summary:
        rows.append(["Пояснение", f.explanation])
    if f.decision:
        rows.append(["Решение", f.decision])
    _table(doc, None, rows)
    for m in f.evidence.matches:
        doc.add_paragraph("Совпавшая запись реестра:")
        if m.fields:
            _table(doc, None, [[k, v] for k, v in m.fields])
    if f.reasons:
        doc.add_paragraph("Основания совпадения:")
        for s in f.reasons:
            doc.add_paragraph(s, style="List Bullet")
    if f.evidence.contracts:
        doc.add_paragraph("Контракты:")
        _table(doc, ["Реестровый номер", "Закон", "Дата", "Цена", "Заказчик", "Предмет"],
               [[str(c.get("reg_num") or ""), str(c.get("law") or ""), fmt_date(c.get("sign_date")), fmt_money(c.get("price")),
                 str(c.get("customer_name") or ""), str(c.get("subject") or "")] for c in f.evidence.contracts])


def _namesakes(doc: DocxDocument, r: PersonReport) -> None:
    if not r.namesakes:
        doc.add_paragraph("Возможных тёзок нет.")
        return
    doc.add_paragraph(NAMESAKES_NOTE)
    for n in r.namesakes:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(f"{n.who}. ").bold = True
        p.add_run(f"{n.text}." + (f" Например: {'; '.join(n.examples)}." if n.examples else ""))


class DocxWriter:
    extension = "docx"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def write(self, r: PersonReport) -> bytes:
        doc = Document()
        set_properties(doc, r.title, r.organisation, "Отчет о проверке ФЛ", r.made_at)
        style = doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(12)
        title = doc.add_heading(r.title, level=1)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_paragraph(f"Дата составления: {fmt_date(r.made_at)}").alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.add_heading("1. Проверяемое лицо", level=2)
        _table(doc, None, [["ФИО", r.full_name], ["Табельный номер", r.personnel_number],
                           ["Должность", r.position], ["Организация", r.organisation], ["Статус", r.status]])
        doc.add_heading("Родственники (по анкете)", level=3)
        _table(doc, ["Степень родства", "ФИО"], [list(x) for x in r.relatives] or [["—", "сведения отсутствуют"]])
        doc.add_heading("2. Источники и даты сведений", level=2)
        doc.add_paragraph(f"Дата проверки: {fmt_date(r.screened_at) if r.screened_at else 'не проводилась'}")
        _table(doc, ["Реестр", "Сведения на дату", "Загрузка"],
               [[x.name, x.as_of, x.loaded] for x in r.registries] or [["—", "проверка не проводилась", ""]])
        doc.add_heading("3. Результаты проверки", level=2)
        if not r.findings:
            doc.add_paragraph("Срабатываний нет.")
        for i, f in enumerate(r.findings, 1):
            _finding(doc, i, f)
        doc.add_heading("4. Возможные тёзки", level=2)
        _namesakes(doc, r)
        doc.add_heading("5. Запросы уточнения", level=2)
        if r.requests:
            _table(doc, ["№", "О ком", "Статус", "Срок ответа"],
                   [[str(q.request.pk), q.about, q.status, fmt_date(q.request.due_on) or "—"] for q in r.requests])
        else:
            doc.add_paragraph("Запросов уточнения нет.")
        doc.add_heading("6. Граф связей", level=2)
        doc.add_picture(io.BytesIO(r.graph_png), width=Cm(16))
        doc.add_heading("7. Заключение", level=2)
        doc.add_paragraph(r.conclusion)
        sign = doc.add_table(rows=2, cols=3)
        sign.rows[0].cells[0].text = r.made_by_position
        sign.rows[0].cells[1].text = "____________________"
        sign.rows[0].cells[2].text = r.made_by or "____________________"
        sign.rows[1].cells[1].text = "(подпись)"
        sign.rows[1].cells[2].text = "«___» ____________ 20__ г."
        keep_tail_together(doc, 3)  # «7. Заключение», its text and the signature on one page
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()
