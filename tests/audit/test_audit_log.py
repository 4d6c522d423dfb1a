"""Card views and exports are recorded; the log cannot be changed, not even by raw SQL."""

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from zorko.audit.log import record
from zorko.audit.models import AuditEvent, AuditLogIsAppendOnly


def test_card_view_is_recorded_with_user_and_object(client: Any, make_user: Any, make_servant: Any) -> None:
    user = make_user("viewer")
    client.force_login(user)
    servant = make_servant("Фёдоров", "Пётр", "Семёнович")
    client.get(f"/people/{servant.pk}/")
    client.get(f"/people/{servant.pk}/")
    events = AuditEvent.objects.filter(action="person.view")
    assert events.count() == 2
    event = events.first()
    assert event.user == user and event.username == user.username
    assert (event.object_type, event.object_id, event.object_repr) == (
        "people.servant", str(servant.pk), "Фёдоров Пётр Семёнович")
    assert timezone.now() - event.at < timedelta(minutes=1)


def test_refused_card_view_leaves_no_view_record(client: Any, make_servant: Any) -> None:
    servant = make_servant()
    client.get(f"/people/{servant.pk}/")
    assert not AuditEvent.objects.filter(action="person.view").exists()


def _csv(response: Any) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_export_holds_the_filtered_rows_and_is_itself_recorded(
        client_as: Any, make_user: Any, make_servant: Any) -> None:
    viewer = make_user("viewer", username="vera")
    servant = make_servant("Фёдоров", "Пётр", "Семёнович")
    record(viewer, "person.view", servant)
    record(viewer, "login")
    record(None, "login.failed", username="mallory", reason="password")
    admin = client_as("administrator")
    response = admin.get("/audit/export.csv", {"username": "vera", "action": "person.view"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response)
    assert rows[0][:3] == ["время", "логин", "действие"]
    assert [(r[1], r[2], r[6]) for r in rows[1:]] == [("vera", "просмотр карточки", "Фёдоров Пётр Семёнович")]
    export = AuditEvent.objects.get(action="audit.export")
    assert export.details == {"rows": 1, "filter": {"username": "vera", "action": "person.view"}}
    assert export.username.startswith("administrator")


def test_audit_page_filters_by_user_action_object_and_dates(client_as: Any, make_user: Any,
                                                            make_servant: Any) -> None:
    vera = make_user("viewer", username="vera")
    ivanov, petrov = make_servant("Иванов"), make_servant("Петров")
    record(vera, "person.view", ivanov)
    record(vera, "person.view", petrov)
    record(None, "login.failed", username="mallory")
    admin = client_as("administrator")

    def shown(**params: str) -> str:
        return admin.get("/audit/", params).content.decode()

    by_object = shown(obj="Петров")
    assert "Петров Иван Иванович" in by_object and "Иванов Иван Иванович" not in by_object
    assert "mallory" in shown(action="login.failed") and "vera" not in shown(action="login.failed")
    assert "Найдено записей: 2" in shown(username="vera")
    today = timezone.localdate()
    assert "Найдено записей: 3" in shown(date_from=str(today), date_to=str(today))
    assert "Найдено записей: 0" in shown(date_to=str(today - timedelta(days=1)))


@pytest.mark.django_db
def test_model_refuses_change_and_delete() -> None:
    event = record(None, "login.failed", username="mallory")
    event.action = "login"
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(action="login")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "login.failed"


@pytest.mark.django_db
@pytest.mark.parametrize("sql", [
    "UPDATE audit_auditevent SET action = 'login' WHERE id = %s",
    "UPDATE audit_auditevent SET username = 'someone-else' WHERE id = %s",
    "DELETE FROM audit_auditevent WHERE id = %s",
])
def test_database_trigger_refuses_raw_update_and_delete(sql: str) -> None:
    event = record(None, "login.failed", username="mallory")
    with pytest.raises(DatabaseError, match="Журнал аудита только дополняется"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, action="login.failed", username="mallory").exists()


@pytest.mark.django_db
def test_deleting_a_user_cannot_rewrite_their_audit_trail(make_user: Any) -> None:
    user = make_user("viewer")
    record(user, "login")
    with pytest.raises((AuditLogIsAppendOnly, DatabaseError)):
        with transaction.atomic():
            user.delete()
    assert AuditEvent.objects.get(action="login").user == user


def test_people_list_export_is_recorded_and_holds_the_filtered_people(
        client_as: Any, make_servant: Any) -> None:
    make_servant("Фёдоров", "Пётр", "Семёнович", personnel_number="1001")
    make_servant("Иванов", "Иван", "Иванович", personnel_number="1002")
    make_servant("Кандидатов", "Кирилл", "Ильич", status="candidate")
    viewer = client_as("viewer")
    rows = _csv(viewer.get("/people/export.csv", {"q": "федоров"}))
    assert [r[:4] for r in rows[1:]] == [["1001", "Фёдоров", "Пётр", "Семёнович"]]
    event = AuditEvent.objects.get(action="export")
    assert event.details == {"rows": 1, "filter": {"q": "федоров"}}
    candidates = _csv(viewer.get("/candidates/export.csv"))
    assert [r[1] for r in candidates[1:]] == ["Кандидатов"]
    assert AuditEvent.objects.filter(action="export").count() == 2


def test_audit_page_speaks_russian(client_as: Any, make_servant: Any) -> None:
    from zorko.findings.models import ScreeningRun

    servant = make_servant("Иванов", "Иван", "Иванович")
    run = ScreeningRun.objects.create(scope=ScreeningRun.Scope.ALL, registry_as_of={}, people_checked=1)
    record(None, "screening.run", run, scope="all", people=1, findings=0, registry_as_of={"egrul": "2026-11-02"})
    record(None, "person.view", servant, finding=7)
    html = client_as("administrator").get("/audit/").content.decode()
    assert f"(служащий № {servant.pk})" in html and "people.servant" not in html
    assert "ScreeningRun object" not in html and f"Проверка № {run.pk}" in html
    assert "охват: все; проверено лиц: 1; срабатываний: 0; реестры на дату: ЕГРЮЛ 02.11.2026" in html
    assert "срабатывание: 7" in html
