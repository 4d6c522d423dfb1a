"""Administrators create accounts with a role and disable them on /users/."""

import re
from typing import Any

from django.contrib.auth.models import User

from zorko.accounts.roles import roles_of
from zorko.audit.models import AuditEvent


def test_create_account_with_generated_password(client_as: Any, client: Any) -> None:
    admin = client_as("administrator")
    response = admin.post("/users/", {"username": "hr-olga", "full_name": "Ольга Смирнова",
                                      "role": "hr", "password": ""}, follow=True)
    page = response.content.decode()
    password = re.search(r"Пароль: (\w+)", page).group(1)
    created = User.objects.get(username="hr-olga")
    assert roles_of(created) == {"hr"} and created.get_full_name() == "Ольга Смирнова"
    assert "кадровая служба" in page
    assert AuditEvent.objects.get(action="user.create").object_repr == "hr-olga"
    admin.logout()
    assert client.login(username="hr-olga", password=password)


def test_duplicate_username_is_refused(client_as: Any, make_user: Any) -> None:
    make_user("viewer", username="vera")
    response = client_as("administrator").post("/users/", {"username": "VERA", "role": "viewer"})
    assert "Учётная запись «vera» уже существует" in response.content.decode()
    assert User.objects.filter(username__iexact="vera").count() == 1


def test_deactivate_and_reactivate(client_as: Any, make_user: Any, client: Any) -> None:
    vera = make_user("viewer", username="vera")
    admin = client_as("administrator")
    admin.post(f"/users/{vera.pk}/active/", {"active": "0"})
    vera.refresh_from_db()
    assert not vera.is_active
    assert AuditEvent.objects.filter(action="user.deactivate", object_id=str(vera.pk)).exists()
    admin.post(f"/users/{vera.pk}/active/", {"active": "1"})
    vera.refresh_from_db()
    assert vera.is_active


def test_administrator_cannot_disable_themselves(client: Any, make_user: Any) -> None:
    admin = make_user("administrator")
    client.force_login(admin)
    response = client.post(f"/users/{admin.pk}/active/", {"active": "0"}, follow=True)
    assert "Нельзя отключить собственную учётную запись" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_disabled_account_cannot_log_in(client: Any, make_user: Any) -> None:
    vera = make_user("viewer", username="vera")
    vera.is_active = False
    vera.save()
    response = client.post("/login/", {"username": "vera", "password": "Пароль-для-тестов-1"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
