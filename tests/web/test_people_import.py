"""The import page: upload, preview, confirm; errors in a table; templates; who may use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.people.helpers import PEOPLE, RELATIVES_CSV, SERVANTS_CSV, nothing_written, variant
from zorko.audit.models import AuditEvent
from zorko.people.models import ChangeRecord, Relative, Servant
from zorko.tasks import queue
from zorko.tasks.models import Job

pytestmark = pytest.mark.django_db


def upload(client, servants: Path, relatives: Path | None = None):
    data = {"servants": SimpleUploadedFile(servants.name, servants.read_bytes())}
    if relatives:
        data["relatives"] = SimpleUploadedFile(relatives.name, relatives.read_bytes())
    return client.post("/people/import/", data)


def pending_uploads() -> list[Path]:
    root = settings.CONFIG.data_dir / "uploads"
    return [p for p in root.iterdir()] if root.is_dir() else []


def test_preview_then_confirm(client_as) -> None:
    client = client_as("hr")
    response = upload(client, PEOPLE / "servants.xlsx", PEOPLE / "relatives.xlsx")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Добавить служащего: Ковалёва Анна Сергеевна, таб. № 1001" in page
    assert "Добавить родственника служащего с таб. № 1002: супруга Малинина-Козлова Елена Павловна" in page
    assert nothing_written()  # the preview writes nothing
    token = response.context["token"]
    assert (settings.CONFIG.data_dir / "uploads" / token / "servants.xlsx").is_file()

    response = client.post("/people/import/confirm/", {"token": token})
    job = Job.objects.get(kind="people.import")
    assert response.status_code == 302 and response["Location"] == f"/tasks/{job.pk}/"
    assert "в очереди" in client.get(response["Location"]).content.decode()
    assert nothing_written()  # the browser gets its page back before anything is written

    assert queue.run_pending() == 1
    page = client.get(f"/tasks/{job.pk}/").content.decode()
    assert f"Задача № {job.pk}: импорт кадровых данных" in page
    assert 'data-status="done"' in page and "Выполнено: 11 из 11 (100 %)" in page
    assert ("<tr><th>Служащие</th><td>4</td><td>0</td><td>0</td></tr>"
            "\n<tr><th>Родственники</th><td>7</td><td>0</td><td>0</td></tr>") in page
    assert 'href="/people/" id="open-people"' in page
    people = client.get("/people/").content.decode()
    assert "Ковалёва Анна Сергеевна" in people and "Малинин-Козлов Пётр Ильич" in people
    assert Servant.objects.count() == 4 and Relative.objects.count() == 7
    event = AuditEvent.objects.get(action="people.import")
    assert event.username == response.wsgi_request.user.username and event.ip == "127.0.0.1"
    assert event.object_repr == "servants.xlsx, relatives.xlsx"
    assert ChangeRecord.objects.filter(source="импорт: servants.xlsx").count() == 4
    assert token not in [p.name for p in pending_uploads()]
    # Confirming twice does not import twice.
    again = client.post("/people/import/confirm/", {"token": token})
    assert again.status_code == 400 and "устарела" in again.content.decode()
    assert Job.objects.count() == 1


def test_preview_shows_changes_of_existing_people(client_as, tmp_path: Path) -> None:
    client = client_as("inspector")
    token = upload(client, SERVANTS_CSV).context["token"]
    client.post("/people/import/confirm/", {"token": token})
    queue.run_pending()
    changed = variant(tmp_path, SERVANTS_CSV, ("Отдел кадров;Начальник отдела", "Отдел кадров;Консультант"))
    response = upload(client, changed)
    assert response.context["plan"].counts["servants"] == {"added": 0, "changed": 1, "unchanged": 3}
    assert "должность: «Начальник отдела» → «Консультант»" in response.content.decode()


def test_errors_are_shown_in_a_table_and_nothing_is_written(client_as, tmp_path: Path) -> None:
    client = client_as("hr")
    servants = variant(tmp_path, SERVANTS_CSV, ("420512345675", "420512345676"))
    relatives = variant(tmp_path, RELATIVES_CSV, ("1001;мать", "1001;кузина"))
    kept_before = set(pending_uploads())
    response = upload(client, servants, relatives)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Найдено ошибок: 2. Ничего не записано." in page
    assert "<td>servants_cp1251.csv</td><td>2</td><td>инн</td><td>420512345676</td>" in page
    assert "<td>relatives_cp1251.csv</td><td>3</td><td>родство</td><td>кузина</td>" in page
    assert nothing_written()
    assert set(pending_uploads()) == kept_before  # a refused upload is not kept


def test_template_download(client_as) -> None:
    response = client_as("hr").get("/people/import/template/servants.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert response.content.startswith(b"PK")


@pytest.mark.parametrize("role", ["viewer"])
def test_roles_without_import_right_are_refused(client_as, role: str) -> None:
    client = client_as(role)
    assert client.get("/people/import/").status_code == 403
    assert upload(client, SERVANTS_CSV).status_code == 403
    assert client.get("/people/import/template/servants.xlsx").status_code == 403
    assert nothing_written()


@pytest.mark.parametrize("role", ["administrator", "inspector", "hr"])
def test_roles_with_import_right_see_the_page(client_as, role: str) -> None:
    assert client_as(role).get("/people/import/").status_code == 200


def test_anonymous_is_sent_to_login(client) -> None:
    response = client.get("/people/import/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
