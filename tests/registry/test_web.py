"""Registry pages: load in the background, status, search, company and entrepreneur cards."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zorko.audit.models import AuditEvent
from zorko.registry import loader, store
from zorko.tasks import queue
from zorko.tasks.models import Job

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CRAFTED = FIXTURES / "egrul-crafted" / "egrul_all_founders_utf8.xml"
BIG = FIXTURES / "egrul" / "VO_RUGFO_0000_9965_20251102_d17fdf23-7079-4b06-a02b-f74405c08baa.xml"


@pytest.fixture
def registry_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "registry.duckdb"
    monkeypatch.setattr(store, "default_path", lambda: path)
    return path


@pytest.fixture
def supplier_file(tmp_path: Path) -> Path:
    """The crafted company re-numbered as the supplier of the synthetic ЕИС contract."""
    path = tmp_path / "supplier.xml"
    path.write_text(CRAFTED.read_text(encoding="utf-8").replace('ИНН="4205000009"', 'ИНН="4205000023"'),
                    encoding="utf-8")
    return path


def test_load_started_from_the_web_runs_as_a_job(client_as: Callable[[str], Any], registry_db: Path) -> None:
    client = client_as("inspector")
    upload = SimpleUploadedFile(BIG.name, BIG.read_bytes(), content_type="text/xml")
    response = client.post("/registry/load/", {"source": "egrul", "files": [upload]})
    job = Job.objects.get(kind="registry.load")
    assert response.status_code == 302
    assert response["Location"] == f"/tasks/{job.pk}/"
    assert queue.run_pending() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert (job.result["added"], job.result["unchanged"]) == (169, 31)
    assert "добавлено 169" in job.message
    page = client.get("/registry/").content.decode()
    assert "ЕГРЮЛ" in page and "юрлиц: 169" in page
    status_row = page.split('data-source="egrul">')[1].split("</tr>")[0]
    assert re.search(r"<td>\d\d\.\d\d\.20\d\d \d\d:\d\d</td>", status_row)  # not ISO «2026-11-28 13:41:01»
    assert re.search(r"<td>\d\d\.\d\d\.20\d\d</td>", status_row)  # the extract date
    loads = page.split('registry-loads"')[1]
    assert "<td>ЕГРЮЛ</td>" in loads and "<td>egrul</td>" not in loads
    assert AuditEvent.objects.filter(action="registry.load").exists()
    # Re-running the same job (as after a server restart) changes nothing.
    again = queue.enqueue("registry.load", {"source": "egrul", "paths": [str(BIG)]})
    queue.run_pending()
    again.refresh_from_db()
    assert (again.result["added"], again.result["changed"]) == (0, 0)


def test_server_path_load_and_unknown_path(client_as: Callable[[str], Any], registry_db: Path,
                                           settings: Any) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, import_dirs=(FIXTURES, Path("/nowhere")))
    client = client_as("inspector")
    response = client.post("/registry/load/", {"source": "egrip", "server_path": "/nowhere/at/all"}, follow=True)
    assert "На сервере нет файла или папки «/nowhere/at/all»" in response.content.decode()
    assert not Job.objects.exists()
    client.post("/registry/load/", {"source": "egrip", "server_path": str(FIXTURES / "egrip")})
    queue.run_pending()
    assert Job.objects.get().result["added"] == 5


def test_company_card_shows_requisites_people_shares_and_municipal_contracts(
        client_as: Callable[[str], Any], registry_db: Path, supplier_file: Path, organisation: Any) -> None:
    from zorko.people.models import Organisation

    Organisation.objects.create(name="Администрация Тестового МО", short_name="Администрация ТМО",
                                inn="4205000016", ogrn="1024200000017", kpp="420501001")
    loader.load("egrul", [supplier_file])
    loader.load("contracts", [FIXTURES / "eis" / "synthetic"])
    client = client_as("viewer")
    page = client.get("/registry/company/1024200000000/").content.decode()
    assert 'АКЦИОНЕРНОЕ ОБЩЕСТВО &quot;КУЗБАСС-ТЕСТ&quot;' in page
    assert "4205000023" in page
    assert "Находится в стадии ликвидации" in page
    assert "ИВАНОВ ИВАН ИВАНОВИЧ" in page and "недостоверность" in page
    assert "ФОРИН ХОЛДИНГ ЛТД" in page and "ЗПИФ НЕДВИЖИМОСТИ" in page
    assert "0139300000113000001" in page
    assert "наш заказчик" in page
    # The municipal total: the one contract with our organisation as the customer.
    assert "с заказчиками муниципалитета: 1 на сумму <strong>150\xa0000,50</strong>" in page
    assert AuditEvent.objects.get(action="registry.view", object_id="1024200000000").ip == "127.0.0.1"
    assert client.get("/registry/company/1000000000000/").status_code == 404


def test_company_card_links_the_findings_about_it(client_as: Callable[[str], Any], registry_db: Path,
                                                  make_servant: Any) -> None:
    from zorko.findings.models import Finding

    loader.load("egrul", [CRAFTED])
    servant = make_servant("Иванов", "Иван", "Иванович")
    finding = Finding.objects.create(key="k", rule="own_director", severity="high", score=1.0, servant=servant,
                                     subject_kind="company", subject_ogrn="1024200000000", evidence={},
                                     evidence_hash="k")
    page = client_as("viewer").get("/registry/company/1024200000000/").content.decode()
    assert f'<a href="/findings/{finding.pk}/">' in page and f'<a href="/people/{servant.pk}/">' in page
    assert "Срабатывания проверки" not in client_as("viewer").get("/registry/company/1034205000015/").content.decode()


def test_search_by_inn_ogrn_and_name(client_as: Callable[[str], Any], registry_db: Path) -> None:
    loader.load("egrul", [CRAFTED])
    loader.load("egrip", [FIXTURES / "egrul-crafted" / "egrip_terminated.xml"])
    client = client_as("viewer")
    by_name = client.post("/registry/search/", {"q": "кузбасс-тест"}).content.decode()
    assert "/registry/company/1024200000000/" in by_name
    by_ogrn = client.post("/registry/search/", {"q": "1034205000015"}).content.decode()
    assert "ЗАКРЫТОЕ" in by_ogrn and "прекращено 30.06.2024" in by_ogrn
    by_person_inn = client.post("/registry/search/", {"q": "420500000027"}).content.decode()
    assert "ИВАНОВ ИВАН ИВАНОВИЧ" in by_person_inn and "учредитель" in by_person_inn
    by_entrepreneur = client.post("/registry/search/", {"q": "Закрытова"}).content.decode()
    assert "/registry/entrepreneur/304420512300018/" in by_entrepreneur
    card = client.get("/registry/entrepreneur/304420512300018/").content.decode()
    assert "ЗАКРЫТОВА ЕЛЕНА ПАВЛОВНА" in card and "Прекратил деятельность 01.12.2023" in card
    read = AuditEvent.objects.get(action="registry.view", object_id="304420512300018")
    assert (read.object_type, read.object_repr) == ("entrepreneur", "ЗАКРЫТОВА ЕЛЕНА ПАВЛОВНА")
    assert client.get("/registry/entrepreneur/304420500000000/").status_code == 404


def test_name_search_ignores_case_and_yo_and_takes_the_text_literally(registry_db: Path) -> None:
    from zorko.registry import lookup

    loader.load("egrip", [FIXTURES / "egrul-crafted" / "egrip_terminated.xml"])
    for typed in ("закрытова ЕЛЁНА", "ЗАКРЫТОВА ЕЛЕНА", "Закрытова Елена Павловна"):
        assert [e["ogrnip"] for e in lookup.search(typed)["entrepreneurs"]] == ["304420512300018"], typed
    for typed in ("Закрыт.ва", "Закрытова%", "(Закрытова", "Закрытова["):  # no wildcards, no regex errors
        assert not lookup.search(typed)["entrepreneurs"], typed


def test_capabilities(client_as: Callable[[str], Any], registry_db: Path) -> None:
    hr = client_as("hr")
    assert hr.get("/registry/").status_code == 403
    viewer = client_as("viewer")
    page = viewer.get("/registry/")
    assert page.status_code == 200 and "Загрузить в фоне" not in page.content.decode()
    assert viewer.post("/registry/load/", {"source": "egrul", "server_path": str(CRAFTED)}).status_code == 403


def test_a_load_interrupted_by_a_restart_runs_again_to_the_same_result(registry_db: Path, db: Any) -> None:
    job = queue.enqueue("registry.load", {"source": "egrul", "paths": [str(CRAFTED)]})
    # The server stopped while the job was running: it is put back in the queue.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
    assert queue.requeue_interrupted() == 1
    queue.run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.result["added"] == 2


def test_company_card_shows_the_law_of_each_contract(client_as: Callable[[str], Any], registry_db: Path,
                                                     supplier_file: Path, tmp_path: Path) -> None:
    from datetime import date
    from decimal import Decimal

    from zorko.demo.registry_contracts223 import reg_num_223, write_contracts223
    from zorko.demo.registry_records import Address, Company, Contract

    loader.load("egrul", [supplier_file])
    loader.load("contracts", [FIXTURES / "eis" / "synthetic"])
    supplier = Company("1024200000000", "4205000023", "КУЗБАСС-ТЕСТ", Address("42", "", "Г", "", "", ""),
                       date(2002, 9, 1))
    number = reg_num_223("4205000016", 2026, 5)
    loader.load("contracts223", write_contracts223(tmp_path / "eis223", [Contract(
        number, "МБУ «Спортшкола»", "4205000016", "420501001", date(2026, 4, 2), Decimal("73500.00"),
        "Поставка инвентаря", supplier)]))
    page = client_as("viewer").get("/registry/company/1024200000000/").content.decode()
    rows = {m.group(1): m.group(2) for m in re.finditer(r"<td>(\d{19}|\d{23})</td><td>([^<]*)</td>", page)}
    assert rows == {"0139300000113000001": "44-ФЗ", number: "223-ФЗ"}
