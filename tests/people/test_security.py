"""Attacks on the people area: hostile names in pages and exports, odd ids and filters."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attack import LONG, SCRIPT_BREAK, XSS, assert_shown_escaped, hostile_workbooks, run_zorko
from tests.conftest import FIXTURES
from zorko.people.models import Relative, Servant

FORMULA = '=HYPERLINK("http://evil.example","x")'

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


def _mixed_encodings(folder: Any) -> Any:
    """The cp1251 fixture with one line typed in UTF-8, as a hand-edited export comes."""
    data = (FIXTURES / "people" / "servants_cp1251.csv").read_bytes().split(b"\n")
    data[3] = data[3].decode("cp1251").encode("utf-8")
    path = folder / "mixed.csv"
    path.write_bytes(b"\n".join(data))
    return path


def test_a_csv_that_mixes_encodings_is_refused_with_its_line(tmp_path: Any, client_as: Any) -> None:
    path = _mixed_encodings(tmp_path)
    assert run_zorko(tmp_path / "data", "init").returncode == 0
    result = run_zorko(tmp_path / "data", "import", "people", str(path))
    assert result.returncode == 2
    assert "mixed.csv, строка 4: в файле смешаны кодировки" in result.stderr
    response = client_as("hr").post("/people/import/", {"servants": SimpleUploadedFile(path.name, path.read_bytes())})
    assert "в файле смешаны кодировки" in response.content.decode() and not Servant.objects.exists()


def test_oversized_values_are_refused_alike_on_sqlite_and_postgresql(client_as: Any, tmp_path: Any) -> None:
    """PostgreSQL refuses a 100,000-character name that SQLite would keep: both refuse it first."""
    text = ("табельный_номер;фамилия;имя;отчество;организация;телефон;email\n"
            f"1001;{LONG};Иван;Иванович;Администрация;{'8' * 300};{'a@b.ru ' * 60}\n")
    client = client_as("hr")
    response = client.post("/people/import/", {"servants": SimpleUploadedFile("long.csv", text.encode())})
    page = response.content.decode()
    assert response.status_code == 400
    for column in ("фамилия", "телефон", "email"):
        assert f"<td>long.csv</td><td>2</td><td>{column}</td>" in page
    assert "больше 100 знаков" in page and not Servant.objects.exists()


def test_hostile_names_on_the_card_and_the_lists_are_text(client_as: Any, make_servant: Any) -> None:
    servant = make_servant(XSS, SCRIPT_BREAK, "Иванович", address=XSS)
    Relative.objects.create(servant=servant, kinship="sister", last_name=XSS, first_name="Анна",
                            workplace=SCRIPT_BREAK)
    client = client_as("inspector")
    card = client.get(f"/people/{servant.pk}/").content.decode()
    assert_shown_escaped(card)
    assert_shown_escaped(card, SCRIPT_BREAK)
    assert_shown_escaped(client.get("/people/").content.decode())
    assert_shown_escaped(client.get("/people/", {"q": XSS}).content.decode())
