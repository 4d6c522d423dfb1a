"""The documented production setting passes Django's deployment checklist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "ZORKO_DATA_DIR": str(tmp_path), "ZORKO_ALLOWED_HOSTS": "zorko.example.ru", **env}
    full.pop("ZORKO_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING",
                           "--settings=zorko.django_settings"], env=full, capture_output=True, text=True,
                          timeout=120)


def test_production_setting_passes_check_deploy(tmp_path: Path) -> None:
    result = _check(tmp_path, ZORKO_HTTPS="1")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    assert "`ZORKO_HTTPS=1`" in README.read_text(encoding="utf-8")


def test_without_it_the_checklist_names_what_is_missing(tmp_path: Path) -> None:
    result = _check(tmp_path)
    assert result.returncode != 0
    assert {"W004", "W008", "W012", "W016"} <= {code for code in ("W004", "W008", "W012", "W016")
                                                   if f"security.{code}" in result.stderr}
