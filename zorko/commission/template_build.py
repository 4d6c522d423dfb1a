"""Writes the docxtpl templates of the commission's documents (run once; the .docx files are committed).

``python -m zorko.commission.template_build`` rebuilds them after a change
here. A municipality may replace the files with its own letterhead as long
as it keeps the ``{{ … }}`` fields.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

TEMPLATES = Path(__file__).resolve().parent / "docx_templates"

NOTICE = [
    ("right", "{{ servant_dative }}"),
    ("right", "{{ servant_position }}"),
    ("center-bold", "УВЕДОМЛЕНИЕ о заседании комиссии"),
    ("", "{{ salutation }} {{ servant_first_middle }}!"),
    ("", "Сообщаем, что {{ meeting_date }} в {{ meeting_time }} по адресу: {{ place }} состоится заседание "
         "комиссии ({{ commission }}), на котором будет рассмотрен вопрос в отношении "
         "{{ servant_genitive }}: {{ summary }}."),
    ("", "Основание: {{ ground }}."),
    ("", "Вы вправе лично присутствовать на заседании, давать пояснения в письменной и устной форме, "
         "представлять дополнительные материалы. О намерении лично присутствовать прошу сообщить "
         "секретарю комиссии."),
    ("", "Секретарь комиссии _____________ {{ secretary }}"),
    ("", "{{ today }}"),
]

PROTOCOL = [
    ("center-bold", "ПРОТОКОЛ № {{ number }}"),
    ("center", "заседания комиссии: {{ commission }}"),
    ("", "Дата заседания: {{ date }}, {{ time }}. Место: {{ place }}."),
    ("bold", "Присутствовали:"),
    ("", "{%p for m in present %}"),
    ("", "{{ m.role }} — {{ m.name }}{% if m.position %}, {{ m.position }}{% endif %}"
         "{% if m.independent %} (независимый эксперт){% endif %}"),
    ("", "{%p endfor %}"),
    ("", "Отсутствовали: {{ absent }}."),
    ("", "{{ quorum }}"),
    ("bold", "Повестка дня:"),
    ("", "{%p for i in items %}"),
    ("", "{{ i.order }}. О рассмотрении вопроса в отношении {{ i.servant_genitive }}, {{ i.position }}: "
         "{{ i.ground_name }}."),
    ("", "{%p endfor %}"),
    ("", "{%p for i in items %}"),
    ("bold", "По вопросу {{ i.order }}."),
    ("", "Источник информации (основание): {{ i.source }}."),
    ("", "Существо вопроса и предъявляемые претензии: {{ i.summary }}"),
    ("", "Выступления, пояснения служащего и иных лиц: {{ i.statements }}"),
    ("", "Голосовали: «за» — {{ i.votes_for }}, «против» — {{ i.votes_against }}, "
         "«воздержались» — {{ i.votes_abstained }}."),
    ("", "Решили: {{ i.decision }}."),
    ("", "{%p endfor %}"),
    ("", "Председатель комиссии _____________ {{ chair }}"),
    ("", "Секретарь комиссии _____________ {{ secretary }}"),
]

EXTRACT = [
    ("center-bold", "ВЫПИСКА"),
    ("center", "из протокола № {{ number }} заседания комиссии от {{ date }}"),
    ("center", "{{ commission }}"),
    ("", "Рассмотрен вопрос в отношении {{ servant_genitive }}, {{ position }}: {{ ground_name }}."),
    ("", "Существо вопроса: {{ summary }}"),
    ("", "Голосовали: «за» — {{ votes_for }}, «против» — {{ votes_against }}, «воздержались» — "
         "{{ votes_abstained }}."),
    ("", "Решили: {{ decision }}."),
    ("", "Выписка подлежит направлению {{ servant_dative }} не позднее {{ due }}."),
    ("", "Секретарь комиссии _____________ {{ secretary }}"),
]


def _write(name: str, lines: list[tuple[str, str]]) -> Path:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    for style, text in lines:
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = "bold" in style
        if style.startswith("center"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif style == "right":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    TEMPLATES.mkdir(exist_ok=True)
    path = TEMPLATES / f"{name}.docx"
    doc.save(str(path))
    return path


def build() -> list[Path]:
    return [_write("notice", NOTICE), _write("protocol", PROTOCOL), _write("extract", EXTRACT)]


if __name__ == "__main__":
    for written in build():
        print(written)
