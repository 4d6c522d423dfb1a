"""«Отчет о проверке ФЛ» as PDF: HTML laid out by WeasyPrint with the DejaVu fonts."""

from __future__ import annotations

import base64
from html import escape

from zorko.reports.person_report import (
    NAMESAKES_NOTE,
    PersonReport,
    ReportFinding,
    fmt_date,
    fmt_money,
)
from zorko.ru.formats import score_ru

CSS = """
@page { size: A4; margin: 18mm 15mm 18mm 20mm;
        @bottom-right { content: "стр. " counter(page) " из " counter(pages); font-size: 8pt; } }
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.35; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; } h3 { font-size: 11pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { border: 0.5pt solid #777; padding: 1mm 1.5mm; vertical-align: top; font-size: 9.5pt; text-align: left; }
th { background: #eee; } .muted { color: #555; } img.graph { width: 100%; } .summary { font-weight: bold; }
.sign td { border: none; padding-top: 8mm; } .made { text-align: center; }
/* A heading stays with what follows it; the conclusion and the signature share one page. */
h2, h3 { break-after: avoid; } .keep, .closing { break-inside: avoid; }
/* Amounts, dates and laws are read as one word: «1 250 000,00 руб.» never breaks. */
.nowrap { white-space: nowrap; } tr { break-inside: avoid; }
/* File names are long words: they wrap anywhere rather than squeeze the other columns. */
table.sources { table-layout: fixed; } .sources .files { overflow-wrap: anywhere; }
.sources col.name { width: 30%; } .sources col.day { width: 13%; } .sources .files { font-size: 8.5pt; }
"""


def _e(value: object) -> str:
    return escape(str(value if value is not None else ""))


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in pairs)


def _finding(n: int, f: ReportFinding) -> str:
    out = [f"<h3>{n}. {_e(f.rule_name)}</h3>"]
    if f.summary:
        out.append(f"<p class='summary'>{_e(f.summary)}</p>")
    if f.probability:
        out.append(f"<p>Вероятность, что в реестре то же лицо: {_e(f.probability)}</p>")
    head = [("Значимость (оценка)", f"{f.severity} ({score_ru(f.score)})"), ("Статус", f.status),
            ("Объект", f.subject)]
    if f.relative:
        head.append(("Родственник", f.relative))
    if not f.summary:
        head.append(("Пояснение", f.explanation))
    if f.decision:
        head.append(("Решение", f.decision))
    out.append(f"<table>{_rows(head)}</table>")
    for m in f.evidence.matches:
        out.append("<p class='muted'>Совпавшая запись реестра:</p><table>" + _rows(m.fields) + "</table>")
    if f.reasons:
        out.append("<p class='muted'>Основания совпадения:</p><ul>"
                   + "".join(f"<li>{_e(s)}</li>" for s in f.reasons) + "</ul>")
    if f.evidence.contracts:
        rows = "".join(f"<tr><td>{_e(c.get('reg_num'))}</td><td class='nowrap'>{_e(c.get('law') or '')}</td>"
                       f"<td class='nowrap'>{_e(fmt_date(c.get('sign_date')))}</td>"
                       f"<td class='nowrap'>{_e(fmt_money(c.get('price')))}</td>"
                       f"<td>{_e(c.get('customer_name') or '')}</td>"
                       f"<td>{_e(c.get('subject') or '')}</td></tr>"
                       for c in f.evidence.contracts)
        out.append("<p class='muted'>Контракты:</p><table><tr><th>Реестровый номер</th><th>Закон</th><th>Дата</th>"
                   f"<th>Цена</th><th>Заказчик</th><th>Предмет</th></tr>{rows}</table>")
    return "".join(out)


def _namesakes(r: PersonReport) -> str:
    if not r.namesakes:
        return "<p>Возможных тёзок нет.</p>"
    lines = "".join(f"<li><b>{_e(n.who)}.</b> {_e(n.text)}."
                    + (f" Например: {_e('; '.join(n.examples))}." if n.examples else "") + "</li>"
                    for n in r.namesakes)
    return f"<p class='muted'>{_e(NAMESAKES_NOTE)}</p><ul>{lines}</ul>"


def _requests(r: PersonReport) -> str:
    if not r.requests:
        return "<p>Запросов уточнения нет.</p>"
    rows = "".join(f"<tr><td>{q.request.pk}</td><td>{_e(q.about)}</td><td>{_e(q.status)}</td>"
                   f"<td>{_e(fmt_date(q.request.due_on) or '—')}</td></tr>" for q in r.requests)
    return f"<table><tr><th>№</th><th>О ком</th><th>Статус</th><th>Срок ответа</th></tr>{rows}</table>"


def render_html(r: PersonReport) -> str:
    who = [("ФИО", r.full_name), ("Табельный номер", r.personnel_number), ("Должность", r.position),
           ("Организация", r.organisation), ("Статус", r.status)]
    rel = "".join(f"<tr><td>{_e(k)}</td><td>{_e(n)}</td></tr>" for k, n in r.relatives) or \
        "<tr><td colspan='2'>сведения о родственниках отсутствуют</td></tr>"
    regs = "".join(f"<tr><td>{_e(x.name)}</td><td class='nowrap'>{_e(x.as_of)}</td><td class='files'>{_e(x.loaded)}</td></tr>"
                   for x in r.registries) or "<tr><td colspan='3'>проверка не проводилась</td></tr>"
    findings = "".join(_finding(i, f) for i, f in enumerate(r.findings, 1)) or \
        "<p>Срабатываний нет.</p>"
    png = base64.b64encode(r.graph_png).decode()
    screened = fmt_date(r.screened_at) if r.screened_at else "не проводилась"
    # The PDF's title and author (WeasyPrint reads them from <title> and <meta>), not the library's defaults.
    return f"""<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{_e(r.title)}</title>
<meta name="author" content="Зорко — {_e(r.organisation)}"><meta name="generator" content="Зорко">
<style>{CSS}</style></head><body>
<h1>{_e(r.title)}</h1>
<p class="muted made">Дата составления: {_e(fmt_date(r.made_at))}</p>
<h2>1. Проверяемое лицо</h2><table>{_rows(who)}</table>
<h3>Родственники (по анкете)</h3><table><tr><th>Степень родства</th><th>ФИО</th></tr>{rel}</table>
<h2>2. Источники и даты сведений</h2><p>Дата проверки: {_e(screened)}</p>
<table class="sources"><col class="name"><col class="day"><col>
<tr><th>Реестр</th><th>Сведения на дату</th><th>Загрузка</th></tr>{regs}</table>
<h2>3. Результаты проверки</h2>{findings}
<h2>4. Возможные тёзки</h2>{_namesakes(r)}
<h2>5. Запросы уточнения</h2>{_requests(r)}
<section class="keep"><h2>6. Граф связей</h2><img class="graph" src="data:image/png;base64,{png}" alt="Граф связей">
</section>
<section class="closing"><h2>7. Заключение</h2><p>{_e(r.conclusion)}</p>
<table class="sign"><tr><td>{_e(r.made_by_position)}</td><td class="nowrap">____________________</td>
<td>{_e(r.made_by or "____________________")}</td></tr>
<tr><td></td><td class="muted">(подпись)</td><td class="muted nowrap">«___» ____________ 20__ г.</td></tr></table>
</section></body></html>"""


class PdfWriter:
    extension = "pdf"
    content_type = "application/pdf"

    def write(self, report: PersonReport) -> bytes:
        from weasyprint import HTML

        return HTML(string=render_html(report)).write_pdf()
