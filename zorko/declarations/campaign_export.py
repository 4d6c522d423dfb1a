"""The campaign's figures as XLSX: one row per servant, and the counts per organisation and category."""

from __future__ import annotations

from zorko.declarations.campaign import Campaign, Counts
from zorko.declarations.xlsx import add_sheet, new_workbook, to_bytes

PEOPLE_HEADER = ["Табельный номер", "ФИО", "Организация", "Должность", "Категория", "Статус",
                 "Дата представления", "Уточнённая справка", "Уточнённая в срок"]
COUNTS_HEADER = ["", "Обязаны представить", "Представили в срок", "Представили с опозданием",
                 "Не представили", "Уточнённых в срок", "Уточнённых позже срока", "Доля в срок, %"]


def _counts_row(title: str, c: Counts) -> list[object]:
    return [title, c.must, c.on_time, c.late, c.not_filed, c.corrected_in_time, c.corrected_late,
            c.on_time_percent if c.on_time_percent is not None else ""]


def campaign_xlsx(campaign: Campaign) -> bytes:
    wb = new_workbook()
    rows = []
    for r in campaign.rows:
        s = r.servant
        rows.append([s.personnel_number, s.full_name, str(s.organisation), str(s.position or ""),
                     s.get_category_display() if s.category else "", r.status_name, r.filed_on or "",
                     r.corrected_on or "", "" if r.correction_in_time is None else ("да" if r.correction_in_time
                                                                                     else "нет")])
    add_sheet(wb, f"Справки за {campaign.year} год", PEOPLE_HEADER, rows)
    counts = [_counts_row(org, c) for org, c in sorted(campaign.by_organisation.items())]
    counts.append(_counts_row("Всего", campaign.total))
    add_sheet(wb, "По организациям", ["Организация", *COUNTS_HEADER[1:]], counts)
    add_sheet(wb, "По категориям", ["Категория", *COUNTS_HEADER[1:]],
              [_counts_row(k, c) for k, c in sorted(campaign.by_category.items())])
    return to_bytes(wb)
