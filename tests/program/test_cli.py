"""`zorko program …` as a real subprocess against its own data directory."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
from openpyxl import load_workbook

from tests.conftest import FIXTURES


def _zorko(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZORKO_DATA_DIR": str(data_dir), "ZORKO_DATABASE_URL": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([sys.executable, "-m", "zorko", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_program_commands(tmp_path: Path) -> None:
    data = tmp_path / "var"
    assert _zorko(data, "init").returncode == 0
    people = _zorko(data, "import", "people", str(FIXTURES / "people" / "servants.xlsx"),
                    str(FIXTURES / "people" / "relatives.xlsx"))
    assert people.returncode == 0, people.stderr

    points = _zorko(data, "program", "points", "--year", "2026")
    assert points.returncode == 0, points.stderr
    assert "3.1.К2" in points.stdout and "до 30.04.2026" in points.stdout

    bad = tmp_path / "точки.json"
    bad.write_text(json.dumps({"points": [{"code": "1", "title": "Т", "rule": {"type": "weekly"},
                                           "responsible": "О", "document": "Д"}]}), encoding="utf-8")
    refused = _zorko(data, "program", "load-points", str(bad))
    assert refused.returncode == 2
    assert "точки.json" in refused.stderr and "rule.type" in refused.stderr

    report = tmp_path / "ход.docx"
    done = _zorko(data, "program", "report", "--year", "2026", "--quarter", "2", "--out", str(report))
    assert done.returncode == 0, done.stderr
    assert "Отчёт о ходе реализации программы за 2 квартал 2026 года" in docx.Document(str(report)).paragraphs[0].text

    form = tmp_path / "мк.xlsx"
    submitted = _zorko(data, "program", "monitoring", "--year", "2026", "--quarter", "3", "--submit",
                       "--out", str(form))
    assert submitted.returncode == 0, submitted.stderr
    with sqlite3.connect(data / "zorko.sqlite3") as con:
        servants = con.execute("SELECT count(*) FROM people_servant WHERE status = 'servant'").fetchone()[0]
    assert servants > 0
    assert "представлен" in submitted.stdout and f"Численность муниципальных служащих: {servants}" in submitted.stdout
    assert load_workbook(form).active.cell(4, 3).value == "3 кв. 2026"

    archive = tmp_path / "пакет.zip"
    batch = _zorko(data, "program", "batch", "--persons", "1001,1002", "--format", "docx", "--out", str(archive))
    assert batch.returncode == 0, batch.stderr
    assert "Отчетов в архиве: 2" in batch.stdout
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as zf:
        assert len([n for n in zf.namelist() if n.endswith(".docx")]) == 2
    missing = _zorko(data, "program", "batch", "--persons", "НЕТ", "--out", str(archive))
    assert missing.returncode != 0 and "Не найдены табельные номера: НЕТ" in missing.stderr
