"""`zorko demo` fills the journals and the commission; `zorko journal …` and `zorko commission …` as real processes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.slow


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZORKO_", "DJANGO_"))}
    env["ZORKO_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "zorko", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_demo_then_journal_commands(tmp_path: Path) -> None:
    first = _run(tmp_path, "demo", "--servants", "40", "--no-registry")
    assert first.returncode == 0, first.stderr
    # Cases open from the demo's findings too, and other areas (declarations) add findings of their own.
    assert re.search(r"Журналы: записей 35; комиссия: заседаний 2, дел [4-9], мер ответственности 1\.", first.stdout)
    again = _run(tmp_path, "demo", "--servants", "40", "--no-registry")
    assert "Журналы и комиссия: уже заполнены, оставлены без изменений." in again.stdout

    out = tmp_path / "подарки.xlsx"
    export = _run(tmp_path, "journal", "export", "gift", "--out", str(out))
    assert export.returncode == 0 and "Уведомления о получении подарка: записей 10" in export.stdout
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "Журнал регистрации: уведомления о получении подарка"
    assert [sheet.cell(r, 1).value for r in range(3, 13)] == list(range(1, 11))

    overdue = _run(tmp_path, "journal", "overdue")
    assert overdue.returncode == 0 and overdue.stdout.strip().splitlines()[-1].startswith("Просрочено: ")

    register = _run(tmp_path, "commission", "federal-register", "--out", str(tmp_path / "f.xlsx"))
    assert register.returncode == 0 and "Увольнений в связи с утратой доверия: 0" in register.stdout

    summary = _run(tmp_path, "commission", "summary")
    today = date.today()
    held = sum((today - timedelta(days=d)).year == today.year for d in (90, 20))  # the demo's two meetings
    assert summary.returncode == 0 and f"Заседаний комиссии проведено: {held}\n" in summary.stdout

    wrong = _run(tmp_path, "journal", "export", "gifts", "--out", str(out))
    assert wrong.returncode == 2 and "gifts" in wrong.stderr
