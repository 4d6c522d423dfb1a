"""The confirmed import runs as a job: its failures leave the database as it was and are audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from tests.people.helpers import RELATIVES_CSV, SERVANTS_CSV, variant
from zorko.audit.models import AuditEvent
from zorko.people.models import ChangeRecord, Department, Organisation, Position, Relative, Servant
from zorko.tasks import queue
from zorko.tasks.models import Job

pytestmark = pytest.mark.django_db


def upload(client: Any, *files: Path) -> Any:
    roles = ("servants", "relatives")[:len(files)]
    data = {role: SimpleUploadedFile(f.name, f.read_bytes()) for role, f in zip(roles, files, strict=True)}
    return client.post("/people/import/", data)


def case_rows() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (Servant, Relative, ChangeRecord, Organisation,
                                                       Department, Position)}


def test_job_refused_at_confirm_writes_nothing_and_shows_the_russian_error(
        client_as: Any, make_servant: Any, tmp_path: Path) -> None:
    # Petrov (2001) is in the database, not in the servants file: his brother's row is valid at preview.
    petrov = make_servant("Петров", "Пётр", "Петрович", personnel_number="2001")
    relatives = variant(tmp_path, RELATIVES_CSV, ("1004;брат", "2001;брат"))
    client = client_as("hr")
    preview = upload(client, SERVANTS_CSV, relatives)
    assert preview.status_code == 200 and preview.context["plan"].counts["relatives"]["added"] == 7
    petrov.delete()  # ... and is removed by someone else before the import is confirmed
    before = case_rows()

    response = client.post("/people/import/confirm/", {"token": preview.context["token"]})
    queue.run_pending()
    job = Job.objects.get(kind="people.import")
    assert job.status == Job.Status.FAILED
    page = client.get(response["Location"]).content.decode()
    assert 'data-status="failed"' in page and "Импорт не выполнен: в базе ничего не изменилось." in page
    assert ("relatives_cp1251.csv, строка 8, поле «табельный_номер» (значение «2001»): служащий с таким "
            "табельным номером не найден ни в файле служащих, ни в базе") in page
    assert case_rows() == before
    assert not AuditEvent.objects.filter(action="people.import").exists()
    refused = AuditEvent.objects.get(action="people.import.refused")
    assert refused.details["stage"] == "confirm" and refused.details["errors"] == 1


def test_database_failure_mid_write_leaves_nothing_half_written(
        client_as: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    client = client_as("hr")
    preview = upload(client, SERVANTS_CSV, RELATIVES_CSV)
    response = client.post("/people/import/confirm/", {"token": preview.context["token"]})

    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise DatabaseError("database or disk is full")

    # The servants are written first; the relatives' insert fails as on a full disk.
    monkeypatch.setattr(Relative.objects, "bulk_create", disk_full)
    queue.run_pending()
    page = client.get(response["Location"]).content.decode()
    assert "Импорт не выполнен: ошибка базы данных (database or disk is full). Ничего не записано." in page
    assert not Servant.objects.exists() and not ChangeRecord.objects.exists()
    assert not AuditEvent.objects.filter(action="people.import").exists()


def test_refused_upload_is_audited_without_the_wrong_values(client_as: Any, tmp_path: Path) -> None:
    servants = variant(tmp_path, SERVANTS_CSV, ("420512345675", "420512345676"),
                       ("07.07.1975", "07.07.75"))
    client = client_as("hr")
    assert upload(client, servants).status_code == 400

    event = AuditEvent.objects.get(action="people.import.refused")
    assert event.user is not None and event.username == event.user.username and event.ip == "127.0.0.1"
    assert event.object_repr == "servants_cp1251.csv"
    assert event.details == {
        "files": ["servants_cp1251.csv"], "errors": 2, "stage": "preview",
        "first_errors": ["servants_cp1251.csv, строка 2, поле «инн»: ИНН «…»: неверные контрольные цифры",
                         "servants_cp1251.csv, строка 5, поле «дата_рождения»: "
                         "дата должна быть в формате ДД.ММ.ГГГГ"],
    }
    assert "420512345676" not in str(event.details) and "07.07.75" not in str(event.details)


def test_refused_import_appears_on_the_audit_page(client_as: Any, tmp_path: Path) -> None:
    upload(client_as("hr"), variant(tmp_path, SERVANTS_CSV, ("420512345675", "420512345676")))
    page = client_as("administrator").get("/audit/", {"action": "people.import.refused"})
    text = page.content.decode()
    assert "Найдено записей: 1" in text
    assert "<td>отказ в импорте кадровых данных</td>" in text
    assert "этап: проверка файлов" in text and "ошибок: 1" in text
    assert "первые ошибки: servants_cp1251.csv, строка 2, поле «инн»" in text
