"""`zorko user add|list|set-password` create working accounts with roles."""

from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from zorko.accounts.roles import roles_of
from zorko.audit.models import AuditEvent
from zorko.cli import main

pytestmark = pytest.mark.django_db


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_add_with_generated_password_prints_it_and_it_works(client: Any) -> None:
    result = _run("user", "add", "anna", "--role", "inspector")
    assert result.exit_code == 0, result.output
    password = result.output.split("Пароль:")[1].strip()
    assert len(password) >= 12
    assert client.login(username="anna", password=password)
    assert roles_of(User.objects.get(username="anna")) == {"inspector"}
    assert AuditEvent.objects.get(action="user.create").object_repr == "anna"


def test_add_with_given_password_does_not_print_it(client: Any) -> None:
    result = _run("user", "add", "boris", "--role", "hr", "--password", "Длинный-пароль-9")
    assert result.exit_code == 0
    assert "Длинный-пароль-9" not in result.output
    assert client.login(username="boris", password="Длинный-пароль-9")


def test_unknown_role_is_refused() -> None:
    result = _run("user", "add", "anna", "--role", "boss")
    assert result.exit_code != 0
    assert not User.objects.filter(username="anna").exists()


def test_duplicate_and_weak_password_get_russian_errors() -> None:
    _run("user", "add", "anna", "--role", "viewer")
    duplicate = _run("user", "add", "Anna", "--role", "viewer")
    assert duplicate.exit_code != 0 and "уже существует" in duplicate.output
    weak = _run("user", "add", "vera", "--role", "viewer", "--password", "123")
    assert weak.exit_code != 0 and "Пароль не подходит" in weak.output


def test_list_shows_roles_and_state() -> None:
    _run("user", "add", "anna", "--role", "inspector")
    _run("user", "add", "vera", "--role", "viewer")
    User.objects.filter(username="vera").update(is_active=False)
    lines = _run("user", "list").output.splitlines()
    assert "anna\tинспектор\tактивна" in lines
    assert "vera\tнаблюдатель\tотключена" in lines


def test_set_password(client: Any) -> None:
    _run("user", "add", "anna", "--role", "hr", "--password", "Первый-пароль-1")
    result = _run("user", "set-password", "anna", "--password", "Второй-пароль-2")
    assert result.exit_code == 0
    assert client.login(username="anna", password="Второй-пароль-2")
    assert not client.login(username="anna", password="Первый-пароль-1")
    missing = _run("user", "set-password", "nobody")
    assert missing.exit_code != 0 and "не найдена" in missing.output
