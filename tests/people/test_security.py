"""Attacks on the people area: hostile names in pages and exports, odd ids and filters."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attack import hostile_workbooks, run_zorko
from zorko.people.models import Servant

FORMULA = '=HYPERLINK("http://evil.example","x")'
SCRIPT = "<script>alert(1)</script>"

pytestmark = pytest.mark.django_db


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_list_export_holds_no_formula(client_as: Any, make_servant: Any) -> None:
    make_servant(FORMULA, "+Иван", "-Иванович", personnel_number="@1", inn="")
    rows = _csv(client_as("viewer").get("/people/export.csv"))
    assert rows[1][:4] == ["'@1", "'" + FORMULA, "'+Иван", "'-Иванович"]


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: Any) -> list[tuple[Any, str]]:
    return list(hostile_workbooks(tmp_path_factory.mktemp("bombs")))


def test_cli_refuses_hostile_workbooks_with_the_cell_named(tmp_path: Any, bombs: Any) -> None:
    assert run_zorko(tmp_path, "init").returncode == 0
    for path, message in bombs:
        result = run_zorko(tmp_path, "import", "people", str(path), memory_mb=1500, timeout=60)
        assert result.returncode == 2, (path.name, result.stderr[-500:])
        assert message in result.stdout + result.stderr and "Traceback" not in result.stderr
        assert f"{path.name}" in result.stdout + result.stderr


def test_web_preview_refuses_hostile_workbooks(client_as: Any, bombs: Any) -> None:
    client = client_as("hr")
    for path, message in bombs:
        response = client.post("/people/import/", {"servants": SimpleUploadedFile(path.name, path.read_bytes())})
        page = response.content.decode()
        assert response.status_code == 400 and message in page and path.name in page
    assert not Servant.objects.exists()
