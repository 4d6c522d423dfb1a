"""«Отчет о проверке ФЛ» as a lawyer signs it, read from the real PDF and DOCX.

The signature never stands alone on a page, the sources are named as they were
loaded, the explanation is given once in words without the model's weights, and
an amount is never broken over two lines.
"""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
import pypdf

from tests.signed_documents import assert_signature_kept, assert_zorko_properties
from zorko.findings.registry import registry_as_of
from zorko.registry import loader, store
from zorko.reports.docx import DocxWriter
from zorko.reports.pdf import PdfWriter
from zorko.reports.person_report import PersonReport, build_report
from zorko.reports.sources import file_label, files_text

from ..findings.scenario import make_family, make_finding, make_run, supplier_evidence

EIS223 = Path(__file__).resolve().parents[1] / "fixtures" / "eis223"
SUMMARY = ("Супруга служащего Иванова Мария Петровна — учредитель ООО «СТРОЙРЕСУРС», поставщика организации "
           "служащего: 1 контракт на сумму 1 250 000,00 руб.")
WEIGHTS = [("last_name", 7.31, "фамилия совпадает (Иванова = ИВАНОВА)"), ("first_name", 4.26, "имя совпадает"),
           ("birth_date", -2.5, "дата рождения в реестре не указана"), ("region", 1.18, "регион совпадает: 42")]


def _pages(data: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _report(make_servant) -> PersonReport:
    servant, wife = make_family(make_servant)
    evidence = supplier_evidence(servant, wife)
    evidence["summary"] = SUMMARY
    evidence["match"] = {"score": 0.97, "confidence": "strong", "probability": 0.97,
                         "reasons": ["фамилия, имя и отчество совпадают", "регион совпадает: 42"],
                         "signals": [{"feature": f, "level": "exact", "weight": w, "detail": d} for f, w, d in WEIGHTS]}
    make_finding(servant, relative=wife, evidence=evidence, explanation=SUMMARY)
    make_run([servant])
    return build_report(servant)


def _longer(report: PersonReport, rows: int) -> PersonReport:
    return dataclasses.replace(report, relatives=[("сын", f"Иванов Пётр Иванович, {n}-й") for n in range(rows)])


def _signature_page(report: PersonReport) -> tuple[int, str]:
    pages = _pages(PdfWriter().write(report))
    return len(pages), next(page for page in pages if "(подпись)" in page)


def test_pdf_signature_page_always_holds_the_conclusion(make_servant) -> None:
    report = _report(make_servant)
    # Find how many extra rows push the document onto one more page: just past that point the
    # signature block is what would spill over alone, whatever the fonts' exact metrics.
    low, high = 0, 80
    first_pages = _signature_page(_longer(report, low))[0]
    assert _signature_page(_longer(report, high))[0] > first_pages
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if _signature_page(_longer(report, middle))[0] == first_pages else (low, middle)
    for rows in (high, high + 2, high + 4):
        _count, page = _signature_page(_longer(report, rows))
        assert "7. Заключение" in page and report.conclusion[:40] in page, rows


def test_docx_keeps_the_conclusion_with_the_signature_and_names_zorko(make_servant) -> None:
    report = _report(make_servant)
    data = DocxWriter().write(_longer(report, 60))
    assert_signature_kept(data, "(подпись)")
    assert_zorko_properties(data, report.title, report.organisation)


def test_explanation_once_in_words_without_weights(make_servant) -> None:
    report = _report(make_servant)
    for text in (" ".join(_pages(PdfWriter().write(report))), _docx_text(DocxWriter().write(report))):
        assert text.count(SUMMARY) == 1
        assert "высокая (0,97)" in text  # one probability, in words and figures
        assert "фамилия, имя и отчество совпадают" in text  # the reasons, in words
        for _feature, weight, _detail in WEIGHTS:
            assert f"{weight:+.1f}".replace(".", ",").replace("-", "−") not in text
            assert f"{abs(weight):.2f}".replace(".", ",") not in text and str(weight) not in text
        assert not re.search(r"\bвес\b|weight|log", text, re.IGNORECASE)


def test_amounts_and_dates_never_break(make_servant) -> None:
    report = _report(make_servant)
    contract = report.findings[0].evidence.contracts[0]
    contract.update(price="123456789.01", customer_name="Администрация " * 6, subject="Ремонт кровли " * 8,
                    law="44-ФЗ")
    lines = [" ".join(line.split()) for page in pypdf.PdfReader(io.BytesIO(PdfWriter().write(report))).pages
             for line in (page.extract_text() or "").splitlines()]
    assert any("123 456 789,01 руб." in line for line in lines)  # on one line, though the columns are narrow
    assert any("14.03.2026" in line for line in lines) and any("44-ФЗ" in line for line in lines)
    price_cells = [cell.text for table in docx.Document(io.BytesIO(DocxWriter().write(report))).tables
                   for row in table.rows for cell in row.cells if "руб." in cell.text]
    assert "123\xa0456\xa0789,01\xa0руб." in price_cells  # non-breaking spaces: Word keeps it whole too


def test_sources_named_as_loaded_without_server_paths(settings, tmp_path, make_servant) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    loader.load("contracts223", [EIS223], db_path=tmp_path / "registry.duckdb")
    with store.reading(tmp_path / "registry.duckdb") as con:
        as_of = registry_as_of(con)
    servant, wife = make_family(make_servant)
    make_finding(servant, relative=wife)
    make_run([servant], as_of=as_of)
    report = build_report(servant)
    for text in (" ".join(_pages(PdfWriter().write(report))), _docx_text(DocxWriter().write(report))):
        assert "ЕИС, реестр договоров (223-ФЗ)" in text and "17.12.2019" in text
        assert "файлы contract_" in text and ".xml" in text
        assert re.search(r"загружено \d\d\.\d\d\.20\d\d", text)
        assert str(tmp_path) not in text and str(EIS223) not in text and "contracts223" not in text


def test_a_load_of_many_files_is_one_line() -> None:
    assert file_label("/srv/upload/2026/egrul_20261201.zip!VO_RUGFO_0001.xml") == "egrul_20261201.zip"
    assert file_label("C:\\выгрузки\\egrip.xml") == "egrip.xml"
    assert files_text(["a.xml"]) == "файл a.xml"
    assert files_text([f"c{n}.xml" for n in range(1250)]) == "файлы c0.xml, c1.xml и ещё 1\xa0248"
    assert files_text(["e.zip", "e.zip", "e.zip"]) == "файл e.zip"  # the members of one archive



def test_hostile_and_very_long_file_names_stay_text(make_servant) -> None:
    from zorko.reports.pdf import render_html
    from zorko.reports.sources import SourceLine

    hostile = "<script>alert(1)</script>=HYPERLINK(\"http://x\")" + "очень_длинное_имя_файла" * 20 + ".xml"
    report = dataclasses.replace(_report(make_servant), registries=[
        SourceLine("ЕГРЮЛ (юридические лица)", "01.12.2026", f"загружено 02.12.2026, {files_text([hostile])}")])
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    pdf_text = "".join(_pages(PdfWriter().write(report))).replace(" ", "")
    assert "<script>alert(1)</script>" in pdf_text and hostile[-40:] in pdf_text  # all of it, wrapped
    assert hostile in _docx_text(DocxWriter().write(report)).replace(" ", "")
