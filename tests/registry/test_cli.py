"""`zorko registry load | status | export ftm` as a user runs them (not on a terminal)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from zorko.audit.models import AuditEvent
from zorko.cli import main
from zorko.registry import store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def registry_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "registry.duckdb"
    monkeypatch.setattr(store, "default_path", lambda: path)
    return path


def test_load_prints_per_file_counts_and_totals(registry_db: Path, db: Any) -> None:
    result = CliRunner().invoke(main, ["registry", "load", "egrul", str(FIXTURES / "egrul")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "файлов 3/3, записей 204" in lines
    assert any(line.endswith("записей 200 — добавлено 169, изменено 0, без изменений 31") for line in lines)
    assert "ЕГРЮЛ: файлов 3 (без изменений пропущено 0), записей 204: добавлено 172" in lines[-1]
    again = CliRunner().invoke(main, ["registry", "load", "egrul", str(FIXTURES / "egrul")])
    assert "без изменений пропущено 3" in again.output
    assert AuditEvent.objects.filter(action="registry.load").count() == 2


def test_status_as_json(registry_db: Path, db: Any) -> None:
    CliRunner().invoke(main, ["registry", "load", "egrip", str(FIXTURES / "egrip")])
    result = CliRunner().invoke(main, ["registry", "status", "--json"])
    assert result.exit_code == 0
    items = {i["source"]: i for i in json.loads(result.output)}
    assert items["egrip"]["files"] == 2
    assert items["egrip"]["records_loaded"] == 8
    assert items["egrip"]["tables"] == {"entrepreneurs": 5}
    assert items["egrul"]["files"] == 0
    text = CliRunner().invoke(main, ["registry", "status"]).output
    assert "ЕГРИП: последняя загрузка" in text and "ИП 5" in text
    assert "ЕГРЮЛ: не загружался" in text


def test_unknown_source_and_bad_file_fail_in_russian(registry_db: Path, db: Any, tmp_path: Path) -> None:
    unknown = CliRunner().invoke(main, ["registry", "load", "rosstat", str(FIXTURES / "egrul")])
    assert unknown.exit_code != 0
    assert "Неизвестный источник «rosstat»" in unknown.output
    broken = tmp_path / "broken.xml"
    broken.write_bytes((FIXTURES / "egrip" / "VO_RIGFO_0000_9965_20251105_e57b205c-e98c-4e56-ac18-495cb0844c8c.xml")
                       .read_bytes()[:3000])
    failed = CliRunner().invoke(main, ["registry", "load", "egrip", str(broken)])
    assert failed.exit_code == 2
    assert f"{broken}, строка" in failed.output and "Ничего не записано" in failed.output


def test_export_ftm_writes_json_lines_and_is_audited(registry_db: Path, db: Any, tmp_path: Path) -> None:
    loaded = CliRunner().invoke(main, ["registry", "load", "egrul",
                                       str(FIXTURES / "egrul-crafted" / "egrul_all_founders_utf8.xml")])
    assert loaded.exit_code == 0, loaded.output
    out = tmp_path / "registry.ftm.jsonl"
    result = CliRunner().invoke(main, ["registry", "export", "ftm", "--out", str(out)])
    assert result.exit_code == 0, result.output
    entities = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    companies = [e for e in entities if e["schema"] == "Company"]
    assert {c["properties"]["ogrnCode"][0] for c in companies} >= {"1024200000000", "1034205000015"}
    assert AuditEvent.objects.filter(action="export", details__format="ftm").exists()
