"""The commands no other test runs as a process: each started as ``python -m zorko`` for real."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli_process import ROOT, initialised, zorko
from zorko.people.importing.columns import RELATIVE_COLUMNS, SERVANT_COLUMNS

FIXTURES = ROOT / "tests" / "fixtures"
SERVANTS = FIXTURES / "people" / "servants_cp1251.csv"
RELATIVES = FIXTURES / "people" / "relatives_cp1251.csv"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Servants, relatives and the ЕГРЮЛ sample loaded in a data directory of its own."""
    data = initialised(tmp_path_factory.mktemp("data"))
    for args in (("import", "people", str(SERVANTS), str(RELATIVES)),
                 ("registry", "load", "egrul", str(FIXTURES / "egrul"))):
        done = zorko(data, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    return data


def test_template_people_writes_both_templates_outside_pytest_django(tmp_path: Path) -> None:
    out = tmp_path / "шаблоны"
    done = zorko(tmp_path / "data", "template", "people", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "ImproperlyConfigured" not in done.stderr
    from openpyxl import load_workbook

    servants = load_workbook(out / "служащие.xlsx").active
    relatives = load_workbook(out / "родственники.xlsx").active
    assert [c.value for c in servants[1]][:3] == [c.header for c in SERVANT_COLUMNS][:3]
    assert [c.value for c in relatives[1]][:2] == [c.header for c in RELATIVE_COLUMNS][:2]


def test_worker_once_runs_the_queue_and_exits(tmp_path: Path) -> None:
    done = zorko(initialised(tmp_path), "worker", "--once")
    assert done.returncode == 0 and "Выполнено задач: 0" in done.stdout


def test_check_employers_reports_how_many_notices_it_checked(tmp_path: Path) -> None:
    done = zorko(initialised(tmp_path), "journal", "check-employers")
    assert done.returncode == 0, done.stderr
    assert "Проверено открытых уведомлений с работодателем: 0." in done.stdout


def test_registry_export_ftm_writes_entities(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "реестры.ftm.json"
    done = zorko(loaded, "registry", "export", "ftm", "--out", str(out))
    assert done.returncode == 0, done.stderr
    entities = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"Company", "Person"} <= {e["schema"] for e in entities}


def test_match_writes_a_file_and_a_russian_summary(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "совпадения.csv"
    done = zorko(loaded, "match", "--people", str(SERVANTS), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Проверено людей: 4" in done.stdout and out.exists()


def test_report_writes_the_pdf_of_one_person(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "отчёт.pdf"
    done = zorko(loaded, "report", "--person", "1001", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    missing = zorko(loaded, "report", "--person", "999999", "--out", str(tmp_path / "нет.pdf"))
    assert missing.returncode != 0 and "Ошибка" in missing.stderr and "Traceback" not in missing.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_the_login_page_in_russian(loaded: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ZORKO_DATABASE"))}
    env.update({"ZORKO_DATA_DIR": str(loaded), "ZORKO_PORT": str(port)})
    server = subprocess.Popen([sys.executable, "-m", "zorko", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5) as page:
                    text = page.read().decode()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr and server.stderr.read()
                time.sleep(0.3)
        assert "Вход" in text and '<html lang="ru">' in text
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert f"Зорко работает: http://127.0.0.1:{port}/" in out
