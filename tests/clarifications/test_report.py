"""«Отчет о проверке ФЛ» leads each finding with the summary and adds namesakes and requests."""

from __future__ import annotations

import re

import pytest

from tests.reports.test_person_report import _docx_text, _pdf_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_report_has_summary_probability_namesakes_and_requests(family, client_as, fmt):
    body = client_as("viewer").get(f"/people/{family.servant.pk}/report.{fmt}").content
    text = _pdf_text(body) if fmt == "pdf" else _docx_text(body)
    assert "Директор ООО «Ромашка» Петрова Анна Сергеевна — вероятно, сестра служащего" in text
    assert re.search(r"Вероятность, что в реестре то же лицо: (почти наверняка|высокая) \(\d,\d\d\)", text)
    assert "4. Возможные тёзки" in text and "Возможные тёзки: 1 лицо в реестре — Москва — 1" in text
    assert "5. Запросы уточнения" in text and "мать: Иванова Елена Александровна" in text
    assert "подготовлен" in text
    assert "Запросов уточнения без ответа служащего: 1; до ответа проверка не завершена." in text
    # No model weights in a document for the commission.
    assert "+6,5" not in text and "вес имён" not in text and "relative_supplier" not in text
