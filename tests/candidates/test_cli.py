"""`zorko candidates …` as real processes: list, check, decide, conclusion, log."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from tests.cli_process import initialised, zorko

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_candidate_check_from_the_command_line(tmp_path: Path) -> None:
    data = initialised(tmp_path / "data")
    people = tmp_path / "people.csv"
    people.write_text("табельный_номер;фамилия;имя;отчество;организация;организация_инн;статус\n"
                      "К-7;Кравец;Ольга;Николаевна;Администрация округа;4205000009;кандидат\n", encoding="utf-8")
    assert zorko(data, "import", "people", str(people)).returncode == 0
    loaded = zorko(data, "registry", "load", "loss_of_trust", str(FIXTURES / "loss_of_trust"))
    assert loaded.returncode == 0, loaded.stderr

    waiting = zorko(data, "candidates", "list")
    assert "К-7\tКравец Ольга Николаевна\tожидает проверки\t" in waiting.stdout

    checked = zorko(data, "candidates", "check", "К-7")
    assert checked.returncode == 0, checked.stderr
    assert "Проверка № 1: Кравец Ольга Николаевна, реестров 1, родственников 0, срабатываний 1, " \
           "запросов на уточнение 1." in checked.stdout
    assert "запросов на уточнение 1" in checked.stdout and "требуется уточнение" in checked.stdout

    refused = zorko(data, "candidates", "decide", "1", "рекомендован")
    assert refused.returncode == 0 and "рекомендован" in refused.stdout  # only a low finding: no reason needed
    out = tmp_path / "заключение.docx"
    assert zorko(data, "candidates", "conclusion", "1", "--format", "docx", "--out", str(out)).returncode == 0
    from docx import Document

    assert "Кравец Ольги Николаевны" in Document(io.BytesIO(out.read_bytes())).paragraphs[0].text

    log = tmp_path / "журнал.xlsx"
    done = zorko(data, "candidates", "log", "--from", "01.01.2026", "--to", "31.12.2027", "--out", str(log))
    assert done.returncode == 0 and "проверок 1" in done.stdout
    assert load_workbook(log).active["K2"].value == "рекомендован"

    missing = zorko(data, "candidates", "check", "Н-0")
    assert missing.returncode != 0 and "«Н-0» не найден" in missing.stderr
    bad_date = zorko(data, "candidates", "log", "--from", "32.01.2026", "--to", "01.02.2026", "--out", str(log))
    assert bad_date.returncode == 2 and "не является датой" in bad_date.stderr
