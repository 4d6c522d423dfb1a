"""The two program indicators as XLSX and PDF, each with its chart drawn on the server.

``KpiTable`` is what both indicators give: month names, the plan, the fact,
and the per-organisation rows; the chart is the same plan line over fact
bars as on the web page.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from html import escape
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XlImage
from PIL import Image, ImageDraw

from zorko.calendar_ru import genitive
from zorko.program.xlsx import add_table, put, workbook_bytes
from zorko.reports.graph_image import _font

WIDTH, HEIGHT, PAD = 1000, 420, 60


@dataclass
class KpiTable:
    title: str
    unit: str  # "%" or "чел."
    labels: list[str]
    plan: list[float | int]
    actual: list[float | int | None]
    month_header: list[str]
    month_rows: list[list[Any]]
    org_title: str = ""
    org_header: list[str] = field(default_factory=list)
    org_rows: list[list[Any]] = field(default_factory=list)


def chart_png(t: KpiTable) -> bytes:
    img = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(img)
    top = max([100.0] if t.unit == "%" else [1.0, *[float(v) for v in t.plan],
                                             *[float(v) for v in t.actual if v is not None]])
    if t.unit != "%":
        top *= 1.15
    plot_h, plot_w = HEIGHT - 2 * PAD, WIDTH - 2 * PAD
    draw.line([(PAD, PAD), (PAD, HEIGHT - PAD), (WIDTH - PAD, HEIGHT - PAD)], fill="#333", width=2)
    font = _font(13)
    for i in range(5):
        value = top * i / 4
        y = HEIGHT - PAD - plot_h * i / 4
        draw.line([(PAD, y), (WIDTH - PAD, y)], fill="#ddd")
        draw.text((5, y - 8), f"{value:.0f} {t.unit}", fill="#333", font=font)
    step = plot_w / len(t.labels)
    points = []
    for i, (label, plan, fact) in enumerate(zip(t.labels, t.plan, t.actual, strict=True)):
        x = PAD + step * i
        if fact is not None:
            h = plot_h * float(fact) / top
            draw.rectangle([x + step * 0.2, HEIGHT - PAD - h, x + step * 0.8, HEIGHT - PAD], fill="#3b7dd8")
        draw.text((x + 4, HEIGHT - PAD + 8), label[:8], fill="#333", font=font)
        points.append((x + step / 2, HEIGHT - PAD - plot_h * float(plan) / top))
    draw.line(points, fill="#c0392b", width=3)
    draw.text((PAD, 15), f"{t.title}: план (линия) и факт (столбцы)", fill="#000", font=_font(16))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def kpi_xlsx(t: KpiTable) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Показатель"
    put(ws, 1, 1, t.title, bold=True)
    row = add_table(ws, t.month_header, t.month_rows, 3)
    if t.org_rows:
        put(ws, row + 1, 1, t.org_title, bold=True)
        add_table(ws, t.org_header, t.org_rows, row + 2)
    chart = wb.create_sheet("График")
    image = XlImage(io.BytesIO(chart_png(t)))
    chart.add_image(image, "A1")
    return workbook_bytes(wb)


def _html_table(header: list[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        if v is None:
            return "—"
        if isinstance(v, float):
            return f"{v:.1f}".replace(".", ",")
        return escape(str(v))

    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def kpi_pdf(t: KpiTable) -> bytes:
    from weasyprint import HTML

    png = base64.b64encode(chart_png(t)).decode()
    orgs = f"<h2>{escape(t.org_title)}</h2>{_html_table(t.org_header, t.org_rows)}" if t.org_rows else ""
    html = f"""<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{escape(t.title)}</title>
<meta name="author" content="Зорко"><meta name="generator" content="Зорко"><style>
@page {{ size: A4; margin: 15mm; }} body {{ font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; }}
h1 {{ font-size: 14pt; }} h2 {{ font-size: 11pt; }} img {{ width: 100%; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 4mm; }}
th, td {{ border: 0.5pt solid #777; padding: 1mm 1.5mm; text-align: left; }} th {{ background: #eee; }}
</style></head><body><h1>{escape(t.title)}</h1><img src="data:image/png;base64,{png}" alt="График">
{_html_table(t.month_header, t.month_rows)}{orgs}</body></html>"""
    return bytes(HTML(string=html).write_pdf())


def kpi1_table(year: int, months: list[Any], by_org: list[dict[str, Any]], month_name: str,
               organisation: Any = None) -> KpiTable:
    where = f", {organisation}" if organisation else ""
    return KpiTable(
        f"Численность служащих, прошедших обучение по вопросам противодействия коррупции, {year} год{where}",
        "чел.", [m.name for m in months], [m.plan for m in months], [m.trained for m in months],
        ["Месяц", "План (нарастающим итогом), чел.", "Обучено, чел.", "Выполнение"],
        [[m.name, m.plan, m.trained, "—" if m.met is None else "выполнен" if m.met else "не выполнен"]
         for m in months],
        f"По организациям на конец {genitive(month_name)}",
        ["Организация", "В плане обучения", "Обучено", "% от плана", "Ещё не обучены"],
        [[str(r["organisation"]), r["planned"], r["trained"], r["percent"], r["due"]] for r in by_org])


def kpi2_table(year: int, months: list[Any], by_org: list[dict[str, Any]], month_name: str,
               organisation: Any = None) -> KpiTable:
    where = f", {organisation}" if organisation else ""
    return KpiTable(
        f"Доля служащих, проверенных на аффилированность, {year} год{where}", "%",
        [m.name for m in months], [m.plan for m in months], [m.percent for m in months],
        ["Месяц", "План, %", "Проверено", "Всего", "Факт, %", "Выполнение"],
        [[m.name, m.plan, m.checked, m.total, m.percent,
          "—" if m.met is None else "выполнен" if m.met else "не выполнен"] for m in months],
        f"По организациям на конец {genitive(month_name)}",
        ["Организация", "Служащих", "Проверено", "Факт, %", "План, %"],
        [[str(r["organisation"]), r["total"], r["checked"], r["percent"], r["plan"]] for r in by_org])
