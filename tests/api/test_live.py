"""The API over real HTTP against the live server: auth, upsert, status, findings, a check."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.client import call
from zorko.accounts.tokens import create_token, revoke_token
from zorko.audit.models import AuditEvent
from zorko.people.models import Relative, Servant
from zorko.tasks import queue

pytestmark = pytest.mark.django_db(transaction=True)

SERVANT = {"personnel_number": "А-101", "last_name": "Иванов", "first_name": "Иван",
           "middle_name": "Иванович", "inn": "420598765414", "birth_date": "12.03.1980",
           "organisation": "Администрация Тестового муниципального округа",
           "department": "Отдел ЖКХ", "position": "Начальник отдела"}
WIFE = {"personnel_number": "А-101", "kinship": "супруга", "last_name": "Иванова", "first_name": "Мария",
        "middle_name": "Петровна", "inn": "420512345675"}


def test_auth_refuses_missing_wrong_revoked_and_wrong_scope(live_server: Any, tokens: dict[str, str]) -> None:
    base = live_server.url
    status, body = call(base, "GET", "/api/v1/servants/А-101/status")
    assert status == 401 and "Нужен токен доступа" in body["detail"]
    status, body = call(base, "GET", "/api/v1/servants/А-101/status", token="zk_" + "x" * 43)
    assert status == 401 and body["detail"] == "Токен доступа не подходит."
    status, body = call(base, "GET", "/api/v1/servants/А-101/status", token=tokens["people.write"])
    assert status == 403 and "чтение результатов проверок" in body["detail"]
    status, _ = call(base, "POST", "/api/v1/people", token=tokens["screening.read"], body={"servants": [SERVANT]})
    assert status == 403 and not Servant.objects.exists()

    old = create_token("Старая ЗУП", "screening.read").secret
    assert call(base, "GET", "/api/v1/servants/А-101/status", token=old)[0] == 404  # valid, but nobody yet
    revoke_token("Старая ЗУП")
    status, body = call(base, "GET", "/api/v1/servants/А-101/status", token=old)
    assert status == 401 and "отозван" in body["detail"]

    refused = AuditEvent.objects.filter(action="api.refused").order_by("pk")
    assert [e.details["reason"] for e in refused] == ["нет токена", "неверный токен", "у токена другое право",
                                                      "у токена другое право", "токен отозван"]
    assert all(e.ip == "127.0.0.1" and e.details["endpoint"].startswith(("GET /api/v1/", "POST /api/v1/"))
               for e in refused)
    assert refused[2].username == "API: 1С ЗУП" and refused[4].username == "API: Старая ЗУП"


def test_refused_auth_is_audited_with_bounded_fields(live_server: Any, tokens: dict[str, str]) -> None:
    status, _ = call(live_server.url, "GET", "/api/v1/servants/" + "Ж" * 120 + "/status",
                     token="zk_" + "<script>" * 500)
    assert status == 401
    event = AuditEvent.objects.get(action="api.refused")
    assert event.details["reason"] == "неверный токен" and event.username == "API: неизвестная система"
    assert "<script>" not in str(event.details) + event.object_repr + event.username
    # A path of any length is cut in the log.
    long_path = "/api/v1/" + "/".join(["Ж" * 100] * 6)
    assert call(live_server.url, "GET", long_path, token="zk_x")[0] == 404
    event = AuditEvent.objects.filter(action="api.call").get()
    assert len(event.details["endpoint"]) <= 210 and len(event.object_repr) <= 300


def test_upsert_creates_then_is_idempotent_and_audited(live_server: Any, tokens: dict[str, str]) -> None:
    base, token = live_server.url, tokens["people.write"]
    status, body = call(base, "POST", "/api/v1/people", token=token, body={"servants": [SERVANT], "relatives": [WIFE]})
    assert status == 200, body
    assert body["servants"] == {"added": 1, "changed": 0, "unchanged": 0}
    assert body["relatives"] == {"added": 1, "changed": 0, "unchanged": 0}
    servant = Servant.objects.get(personnel_number="А-101")
    assert servant.inn == "420598765414" and servant.organisation.name == SERVANT["organisation"]
    assert Relative.objects.get().servant == servant

    status, body = call(base, "POST", "/api/v1/people", token=token, body={"servants": [SERVANT], "relatives": [WIFE]})
    assert status == 200
    assert body["servants"]["unchanged"] == 1 and body["relatives"]["unchanged"] == 1
    assert "без изменений 1" in body["message"]

    # A field left out keeps its value; a field sent changes it.
    status, body = call(base, "POST", "/api/v1/people", token=token,
                        body={"servants": [{"personnel_number": "А-101", "last_name": "Иванов", "first_name": "Иван",
                                            "organisation": SERVANT["organisation"], "position": "Заместитель"}]})
    assert status == 200 and body["servants"]["changed"] == 1
    servant.refresh_from_db()
    assert servant.position.name == "Заместитель" and servant.inn == "420598765414"

    calls = AuditEvent.objects.filter(action="api.call", username="API: 1С ЗУП")
    assert calls.count() == 3 and all(e.details["http_status"] == 200 and e.ip == "127.0.0.1" for e in calls)
    assert AuditEvent.objects.filter(action="people.import", username="API: 1С ЗУП").count() == 3


def test_bad_batch_writes_nothing_and_lists_every_error(live_server: Any, tokens: dict[str, str]) -> None:
    bad = [SERVANT,
           {**SERVANT, "personnel_number": "А-102", "inn": "420598765431", "birth_date": "31.02.1980"},
           {**SERVANT, "personnel_number": "А-101"},
           {"personnel_number": "А-103", "last_name": "Петров"}]
    relatives = [{**WIFE, "kinship": "кум"}, {**WIFE, "personnel_number": "НЕТ"}]
    status, body = call(live_server.url, "POST", "/api/v1/people", token=tokens["people.write"],
                        body={"servants": bad, "relatives": relatives})
    assert status == 422
    assert body["detail"] == f"Найдено ошибок: {len(body['errors'])}. Ничего не записано."
    where = {(e["list"], e["index"], e["field"]) for e in body["errors"]}
    assert {("servants", 1, "inn"), ("servants", 1, "birth_date"), ("servants", 2, "personnel_number"),
            ("servants", 3, "first_name"), ("servants", 3, "organisation"), ("relatives", 0, "kinship"),
            ("relatives", 1, "personnel_number")} <= where
    messages = {(e["index"], e["field"]): e["message"] for e in body["errors"] if e["list"] == "servants"}
    assert messages[(1, "birth_date")] == "такой даты не существует"
    assert messages[(2, "personnel_number")] == "табельный номер уже встречался в элементе 0"
    assert messages[(3, "first_name")] == "обязательное поле не заполнено"
    assert not Servant.objects.exists() and not Relative.objects.exists()

    # Unknown fields and wrong types are refused in the same words, by item and field.
    status, body = call(live_server.url, "POST", "/api/v1/people", token=tokens["people.write"],
                        body={"servants": [{**SERVANT, "оклад": "1"}, {**SERVANT, "inn": 420598765414}]})
    assert status == 422
    assert {(e["index"], e["field"], e["message"]) for e in body["errors"]} == {
        (0, "оклад", "неизвестное поле"), (1, "inn", "ожидается строка")}
    status, body = call(live_server.url, "POST", "/api/v1/people", token=tokens["people.write"], raw=b"{not json")
    assert status == 400 and body["detail"] == "Тело запроса не разбирается: ожидается JSON в UTF-8."
    assert not Servant.objects.exists()


def test_hostile_text_is_stored_as_text_and_over_limit_refused(live_server: Any, tokens: dict[str, str],
                                                               make_user: Any, client: Any) -> None:
    base, token = live_server.url, tokens["people.write"]
    xss, formula = "<script>alert(1)</script>", '=HYPERLINK("http://evil","x")'
    status, body = call(base, "POST", "/api/v1/people", token=token, body={"servants": [
        {**SERVANT, "last_name": xss}]})
    assert status == 422 and body["errors"][0]["field"] == "last_name" and not Servant.objects.exists()

    hostile = {**SERVANT, "address": xss, "department": formula, "position": "О'Коннор & <b>сын</b>"}
    assert call(base, "POST", "/api/v1/people", token=token, body={"servants": [hostile]})[0] == 200
    servant = Servant.objects.get()
    assert servant.address == xss and servant.department.name == formula
    client.force_login(make_user("inspector"))
    page = client.get(f"/people/{servant.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and xss not in page

    status, body = call(base, "POST", "/api/v1/people", token=token, body={"servants": [
        {**SERVANT, "personnel_number": "Б-1", "middle_name": "Я" * 101, "address": "ы" * 501}]})
    assert status == 422
    assert {(e["field"], e["message"]) for e in body["errors"]} == {
        ("middle_name", "слишком длинное значение (больше 100 знаков)"),
        ("address", "слишком длинное значение (больше 500 знаков)")}
    status, body = call(base, "POST", "/api/v1/people", token=token,
                        body={"servants": [{**SERVANT, "address": "ы" * 3_000_000}]})
    assert status == 413 and "слишком велик" in body["detail"]
    assert Servant.objects.count() == 1


def test_status_findings_and_a_check_started_over_the_api(live_server: Any, tokens: dict[str, str],
                                                          store: Any, organisation: Any) -> None:
    base = live_server.url
    assert call(base, "POST", "/api/v1/people", token=tokens["people.write"],
                body={"servants": [SERVANT], "relatives": [WIFE]})[0] == 200
    with store.write() as reg:
        supplier = reg.company("СТРОЙРЕСУРС")
        reg.role(supplier, "founder", "ИВАНОВА", "МАРИЯ", "ПЕТРОВНА", inn=WIFE["inn"])
        reg.contract(organisation.inn, supplier, price="1250000.00")

    status, body = call(base, "GET", "/api/v1/servants/А-101/status", token=tokens["screening.read"])
    assert status == 200
    assert body["last_screened_at"] is None and body["findings_active"] == 0 and not body["checked_for_kpi"]

    status, started = call(base, "POST", "/api/v1/servants/А-101/check", token=tokens["screening.run"])
    assert status == 202 and started["status_url"] == f"{base}/api/v1/jobs/{started['job_id']}"
    assert call(base, "GET", f"/api/v1/jobs/{started['job_id']}", token=tokens["screening.run"])[1]["status"] == "queued"
    assert queue.run_pending() == 1  # what the worker of `zorko serve` does
    status, job = call(base, "GET", f"/api/v1/jobs/{started['job_id']}", token=tokens["screening.run"])
    assert status == 200 and job["status"] == "done" and job["finished"] and job["status_name"] == "выполнено"
    assert job["result"]["findings"] == 1 and "Проверено: 1 чел." in job["message"]

    status, body = call(base, "GET", "/api/v1/servants/А-101/status", token=tokens["screening.read"])
    assert body["last_screened_at"] and body["relatives_checked"] == 1 and body["relatives"] == 1
    assert {r["code"] for r in body["registries"]} == {"egrul", "egrip", "contracts"}
    assert body["findings_active"] == 1 and body["checked_for_kpi"] is False  # its finding awaits review
    assert body["checked_for_kpi_text"] == "не проверен для показателя программы"

    status, findings = call(base, "GET", "/api/v1/servants/А-101/findings", token=tokens["screening.read"])
    assert status == 200 and len(findings) == 1
    finding = findings[0]
    assert finding["severity_name"] in ("высокая", "средняя", "низкая") and finding["status_name"] == "новое"
    assert finding["rule_name"] and finding["rule_name"] != finding["rule"]
    assert finding["relative"] == "Иванова Мария Петровна" and "СТРОЙРЕСУРС" in finding["subject_name"]
    assert finding["summary"]
    status, requests = call(base, "GET", "/api/v1/servants/А-101/clarifications", token=tokens["screening.read"])
    assert status == 200 and requests == []
    assert call(base, "GET", "/api/v1/jobs/999999", token=tokens["screening.run"])[0] == 404
    status, body = call(base, "GET", "/api/v1/servants/НЕТ/findings", token=tokens["screening.read"])
    assert status == 404 and body["detail"] == "Служащий с табельным номером «НЕТ» не найден."


def test_unknown_paths_and_methods_answer_in_russian_json(live_server: Any, tokens: dict[str, str]) -> None:
    assert call(live_server.url, "GET", "/api/v1/people", token=tokens["people.write"]) == (
        405, {"detail": "Метод не поддерживается."})
    assert call(live_server.url, "GET", "/api/v1/nothing") == (404, {"detail": "Не найдено."})


def test_schema_and_docs_page_are_served_locally(live_server: Any) -> None:
    status, schema = call(live_server.url, "GET", "/api/v1/openapi.json")
    assert status == 200 and schema["info"]["title"] == "Зорко API"
    assert {"/api/v1/people", "/api/v1/servants/{personnel_number}/status", "/api/v1/jobs/{job_id}"} <= set(schema["paths"])
    import urllib.request

    with urllib.request.urlopen(live_server.url + "/api/v1/docs", timeout=30) as response:
        page = response.read().decode()
        csp = response.headers["Content-Security-Policy"]
    assert "cdn" not in page and "/static/ninja/swagger-ui-bundle.js" in page
    assert "script-src 'self'" in csp
    with urllib.request.urlopen(live_server.url + "/static/ninja/swagger-ui-bundle.js", timeout=30) as response:
        assert response.status == 200

