"""``zorko declarations import | analyse | campaign`` as real subprocesses on a fresh data directory."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.declarations.factory import declaration, income, item, write_file
from tests.people.helpers import SERVANTS_CSV
from zorko.declarations.records import Member, Person, Section

ROOT = Path(__file__).resolve().parents[2]
ANNA = Person("Ковалёва", "Анна", "Сергеевна", date(1985, 3, 14), "12345678964")


def zorko(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZORKO_DATA_DIR": str(data_dir)}
    env.pop("ZORKO_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "zorko", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_import_analyse_and_campaign(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert zorko(data, "import", "people", str(SERVANTS_CSV)).returncode == 0
    listed = zorko(data, "declarations", "positions", "Главный специалист")
    assert "В перечне должностей: 1" in listed.stdout and "  Главный специалист" in listed.stdout
    assert zorko(data, "declarations", "positions", "Космонавт").returncode != 0
    stranger = Person("Чужая", "Дочь", "", date(2015, 1, 1))
    path = write_file(tmp_path / "ковалёва.xsb",
                      declaration(ANNA, 2025, income(1_000_000), item(Section.EXPENSE, "Квартира", 9_000_000),
                                  signed_on=date(2026, 5, 4)),
                      declaration(stranger, 2025, income(0), member=Member.CHILD))
    first = zorko(data, "declarations", "import", str(path), "--year", "2025")
    assert first.returncode == 0, first.stderr
    assert "справок: 2 (новых 2, уточнённых 0, без изменений 0); служащих: 1" in first.stdout
    again = zorko(data, "declarations", "import", str(path))
    assert "без изменений 2" in again.stdout

    analysed = zorko(data, "declarations", "analyse", "--year", "2025")
    assert analysed.returncode == 0, analysed.stderr
    assert "Сделка дороже дохода за три года" in analysed.stdout
    assert "Член семьи из справки отсутствует в анкете: 1" in analysed.stdout

    campaign = zorko(data, "declarations", "campaign", "--year", "2025")
    assert "Справки за 2025 год: срок — 30.04.2026" in campaign.stdout
    assert "с опозданием 1" in campaign.stdout


def test_damaged_file_exits_with_code_2_and_a_russian_reason(tmp_path: Path) -> None:
    bad = tmp_path / "битый.xsb"
    bad.write_bytes(b"XSB001####")
    result = zorko(tmp_path / "data", "declarations", "import", str(bad))
    assert result.returncode == 2
    assert "битый.xsb: файл повреждён" in result.stderr and "Ничего не записано" in result.stderr


def test_export_and_publication_files(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data = tmp_path / "data"
    assert zorko(data, "import", "people", str(SERVANTS_CSV)).returncode == 0
    zorko(data, "declarations", "positions", "Главный специалист")
    path = write_file(tmp_path / "к.xsb", declaration(ANNA, 2025, income(1_000_000), signed_on=date(2026, 4, 1)))
    assert zorko(data, "declarations", "import", str(path)).returncode == 0
    out = tmp_path / "кампания.xlsx"
    result = zorko(data, "declarations", "export", "--year", "2025", "--out", str(out))
    assert result.returncode == 0 and "Выгружено строк: 1" in result.stdout
    assert load_workbook(out)["По организациям"].cell(2, 3).value == 1
    extract = tmp_path / "сайт.xlsx"
    published = zorko(data, "declarations", "publication", "--organisation", "4250009998", "--year", "2025",
                      "--format", "xlsx", "--out", str(extract))
    assert published.returncode == 0, published.stderr
    assert "Ковалёва Анна Сергеевна" in [c.value for c in load_workbook(extract).active["B"]]
    letters = tmp_path / "письма.zip"
    reminded = zorko(data, "declarations", "reminders", "--year", "2025", "--as-of", "01.03.2026", "--out",
                     str(letters))
    assert reminded.returncode == 0 and "Писем: 1" in reminded.stdout and letters.stat().st_size > 0
    missing = zorko(data, "declarations", "publication", "--organisation", "7700000000", "--out", str(extract))
    assert missing.returncode != 0 and "не найдена" in missing.stderr
