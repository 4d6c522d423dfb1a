"""The one-page conclusion of a candidate check, as DOCX and PDF, with the candidate's name declined."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from django.utils import timezone

from zorko.candidates.models import CandidateCheck
from zorko.candidates.sources import source_title
from zorko.reports.names import full_name_genitive
from zorko.reports.person_report import fmt_date
from zorko.reports.sources import SourceLine, source_lines

# A conclusion is one page: the longest lists are cut with a note of how many more there are.
MAX_FINDINGS = 8
MAX_TEXT = 300


@dataclass(slots=True)
class Conclusion:
    title: str
    about: str
    checked: str
    registries: list[SourceLine]
    scope: str
    findings: list[str]
    clarifications: int
    decision: str
    decided: str
    organisation: str = ""


def _cut(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding_line(f: dict[str, str]) -> str:
    line = f"{f['rule_name']} ({f['severity_label']})"
    if f.get("relative"):
        line += f": {f['relative']}"
    if f.get("subject"):
        line += f" — {f['subject']}"
    return _cut(line)


def build(check: CandidateCheck) -> Conclusion:
    person = check.person
    genitive = full_name_genitive(person.last_name, person.first_name, person.middle_name)
    post = f" на должность «{person.position}»" if person.position else ""
    findings = [_finding_line(f) for f in check.findings[:MAX_FINDINGS]]
    if len(check.findings) > MAX_FINDINGS:
        findings.append(f"и ещё {len(check.findings) - MAX_FINDINGS} (см. запись проверки)")
    decided = (f"{check.decided_by_name or '—'}, {fmt_date(check.decided_at)}" if check.decided_at else "")
    decision = check.get_decision_display()
    if check.decision_note:
        decision += f". Обоснование: {_cut(check.decision_note)}"
    return Conclusion(
        title=f"Заключение по результатам проверки кандидата {genitive}",
        about=_cut(f"{person.full_name}, кандидат{post}, {person.organisation.name}", 400),
        checked=f"{fmt_date(check.checked_at)}, проверку провёл(а): {check.checked_by_name or '—'}",
        registries=source_lines(check.registries, check.checked_at, {s: source_title(s) for s in check.registries}),
        scope=f"кандидат и родственники по анкете: {check.relatives_checked}",
        findings=findings, clarifications=len(check.clarifications), decision=decision, decided=decided,
        organisation=person.organisation.name,
    )


CSS = """@page { size: A4; margin: 1.6cm 1.8cm; }
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 .6em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .6em; }
td, th { border: 1px solid #444; padding: 2px 5px; text-align: left; vertical-align: top; }
p { margin: .3em 0; } .sign td { border: none; padding-top: 1.2em; }
.closing { break-inside: avoid; } .nowrap { white-space: nowrap; } .files { font-size: 8.5pt; overflow-wrap: anywhere; }
table.sources { table-layout: fixed; } .sources col.name { width: 30%; } .sources col.day { width: 13%; }"""


def render_html(c: Conclusion) -> str:
    e = html.escape
    regs = "".join(f"<tr><td>{e(x.name)}</td><td class='nowrap'>{e(x.as_of)}</td><td class='files'>{e(x.loaded)}</td></tr>"
                   for x in c.registries) or "<tr><td colspan='3'>реестры не загружены</td></tr>"
    found = "".join(f"<li>{e(f)}</li>" for f in c.findings)
    found_html = f"<ol>{found}</ol>" if found else "<p>Срабатываний нет.</p>"
    # The PDF's title and author (WeasyPrint reads them from <title> and <meta>), not the library's defaults.
    return f"""<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{e(c.title)}</title>
<meta name="author" content="Зорко — {e(c.organisation)}"><meta name="generator" content="Зорко">
<style>{CSS}</style></head><body>
<h1>{e(c.title)}</h1>
<p><b>Проверяемое лицо:</b> {e(c.about)}</p>
<p><b>Дата проверки:</b> {e(c.checked)}</p>
<p><b>Объём проверки:</b> {e(c.scope)}</p>
<table class="sources"><col class="name"><col class="day"><col>
<tr><th>Источник</th><th>Сведения на дату</th><th>Загрузка</th></tr>{regs}</table>
<p><b>Выявлено:</b></p>{found_html}
<p><b>Запросов на уточнение:</b> {c.clarifications}</p>
<div class="closing"><p><b>Решение:</b> {e(c.decision)}{f" ({e(c.decided)})" if c.decided else ""}</p>
<table class="sign"><tr><td>Специалист по профилактике коррупционных правонарушений</td>
<td class="nowrap">____________________</td><td class="nowrap">«___» ____________ 20__ г.</td></tr></table></div>
</body></html>"""


def pdf(check: CandidateCheck) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(build(check))).write_pdf()


def docx(check: CandidateCheck) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from zorko.reports.docx_layout import keep_tail_together, set_properties

    c = build(check)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    for section in doc.sections:
        section.top_margin = section.bottom_margin = Cm(1.6)
        section.left_margin = section.right_margin = Cm(1.8)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(c.title).bold = True
    for label, value in (("Проверяемое лицо", c.about), ("Дата проверки", c.checked), ("Объём проверки", c.scope)):
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Источник", "Сведения на дату", "Загрузка"), strict=True):
        cell.text = text
    for line in c.registries:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = line.name, line.as_of, line.loaded
    doc.add_paragraph().add_run("Выявлено:").bold = True
    for line in c.findings or ["Срабатываний нет."]:
        doc.add_paragraph(line, style="List Number" if c.findings else None)
    doc.add_paragraph(f"Запросов на уточнение: {c.clarifications}")
    p = doc.add_paragraph()
    p.add_run("Решение: ").bold = True
    p.add_run(c.decision + (f" ({c.decided})" if c.decided else ""))
    doc.add_paragraph("\nСпециалист по профилактике коррупционных правонарушений  ____________________  "
                      "«___» ____________ 20__ г.")
    keep_tail_together(doc, 2)  # the decision and the signature
    set_properties(doc, c.title, c.organisation, "Заключение по результатам проверки кандидата")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def filename(check: CandidateCheck, extension: str) -> str:
    day = timezone.localtime(check.checked_at).strftime("%Y-%m-%d")
    return f"zaklyuchenie-kandidat-{check.person.pk}-{day}.{extension}"
