"""The data directory, databases, uploads and exports are private to the account Zorko runs as."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attack import run_zorko
from tests.conftest import FIXTURES


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_cli_creates_a_private_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_zorko(data, "init").returncode == 0
    assert run_zorko(data, "registry", "load", "egrip", str(FIXTURES / "egrip")).returncode == 0
    out = tmp_path / "f.xlsx"
    assert run_zorko(data, "findings", "export", "--format", "xlsx", "--out", str(out)).returncode == 0
    assert _mode(data) == 0o700
    for name in ("zorko.sqlite3", "secret_key", "registry.duckdb"):
        assert _mode(data / name) == 0o600, name
    assert _mode(out) == 0o600
    opened = tmp_path / "opened"
    opened.mkdir(mode=0o755)
    opened.chmod(0o755)
    assert run_zorko(opened, "init").returncode == 0 and _mode(opened) == 0o700


@pytest.mark.django_db
def test_uploads_are_private(client_as: Any) -> None:
    client = client_as("hr")
    data = (FIXTURES / "people" / "servants.xlsx").read_bytes()
    response = client.post("/people/import/", {"servants": SimpleUploadedFile("servants.xlsx", data)})
    folder = settings.CONFIG.data_dir / "uploads" / response.context["token"]
    assert _mode(folder) == 0o700 and _mode(folder / "servants.xlsx") == 0o600
