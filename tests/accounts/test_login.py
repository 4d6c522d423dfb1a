"""Login is throttled after repeated failures and every attempt is audited."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from zorko.accounts import throttle
from zorko.accounts.models import FailedLogin
from zorko.accounts.users import create_user
from zorko.audit.models import AuditEvent
from zorko.exceptions import ValidationError

PASSWORD = "Пароль-для-тестов-1"
LOCKED = "Слишком много неудачных попыток входа"


def _login(client: Any, username: str, password: str, ip: str = "10.0.0.1") -> Any:
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_login_succeeds_and_is_audited(client: Any, make_user: Any) -> None:
    user = make_user("inspector", username="anna")
    response = _login(client, "anna", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"
    event = AuditEvent.objects.get(action="login")
    assert event.user == user and event.ip == "10.0.0.1"


def test_wrong_password_is_refused_and_audited(client: Any, make_user: Any) -> None:
    make_user("inspector", username="anna")
    response = _login(client, "anna", "неверный")
    assert response.status_code == 200
    assert "правильные имя пользователя и пароль" in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="login.failed")
    assert event.username == "anna" and event.user is None


def test_account_locked_after_repeated_failures_even_with_right_password(
        client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("inspector", username="anna")
    for _ in range(3):
        assert _login(client, "anna", "неверный").status_code == 200
    response = _login(client, "anna", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login.failed", details__reason="locked").count() == 1


def test_lock_is_per_username_not_global(client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("inspector", username="anna")
    make_user("hr", username="boris")
    for _ in range(3):
        _login(client, "anna", "неверный", ip="10.0.0.1")
    # another person at another address is not affected
    assert _login(client, "boris", PASSWORD, ip="10.0.0.2").status_code == 302


def test_address_locked_after_failures_with_many_usernames(
        client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("hr", username="boris")
    for n in range(3 * throttle.ADDRESS_FACTOR):
        _login(client, f"a{n}", "неверный", ip="10.0.0.9")
    assert _login(client, "boris", PASSWORD, ip="10.0.0.9").status_code == 429
    assert _login(client, "boris", PASSWORD, ip="10.0.0.10").status_code == 302


def test_lock_expires_after_lockout_period(client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("inspector", username="anna")
    for _ in range(3):
        _login(client, "anna", "неверный")
    assert _login(client, "anna", PASSWORD).status_code == 429
    FailedLogin.objects.update(at=timezone.now() - timedelta(minutes=11))
    assert _login(client, "anna", PASSWORD).status_code == 302


def test_success_forgives_earlier_failures_of_that_username_at_that_address(
        client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("inspector", username="anna")
    for _ in range(2):
        _login(client, "anna", "неверный", ip="10.0.0.1")
    assert _login(client, "anna", PASSWORD, ip="10.0.0.1").status_code == 302
    client.logout()
    for _ in range(2):
        _login(client, "anna", "неверный", ip="10.0.0.1")
    assert _login(client, "anna", PASSWORD, ip="10.0.0.1").status_code == 302


def test_other_addresses_cannot_lock_an_account(client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("administrator", username="demo")
    for i in range(10):
        _login(client, "demo", "неверный", ip="10.6.6.6")
        _login(client, "DEMO", "неверный", ip=f"10.7.7.{i}")
    assert _login(client, "demo", PASSWORD, ip="10.6.6.6").status_code == 429
    assert _login(client, "demo", PASSWORD, ip="10.0.0.1").status_code == 302


def test_spelling_variants_do_not_escape_the_lock(client: Any, make_user: Any, login_limits: Any) -> None:
    make_user("viewer", username="t_viewer")
    for name in ("t_viewer", "T_VIEWER", "ｔ_ｖｉｅｗｅｒ"):
        _login(client, name, "неверный", ip="10.0.1.1")
    assert _login(client, "ｔ_viewer", PASSWORD, ip="10.0.1.1").status_code == 429
    assert _login(client, "t_viewer", PASSWORD, ip="10.0.1.1").status_code == 429
    assert FailedLogin.objects.filter(username="t_viewer").count() == 3


def test_names_are_normalised_at_creation_and_login(client: Any, db: Any) -> None:
    user, password = create_user("  Ｖｅｒａ.Ｐｅｔｒｏｖａ ", "viewer")
    assert user.username == "vera.petrova"
    with pytest.raises(ValidationError, match="уже существует"):
        create_user("VERA.PETROVA", "viewer")
    assert _login(client, "Vera.Petrova", password).status_code == 302
    assert AuditEvent.objects.get(action="login").username == "vera.petrova"


def test_logout_is_audited(client: Any, make_user: Any) -> None:
    make_user("viewer", username="vera")
    _login(client, "vera", PASSWORD)
    response = client.post("/logout/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert AuditEvent.objects.get(action="logout").username == "vera"
    assert client.get("/people/").status_code == 302


def test_admin_login_goes_through_zorko_login(client: Any) -> None:
    response = client.get("/admin/", follow=True)
    assert response.request["PATH_INFO"] == "/login/"
    assert "Вход в систему" in response.content.decode()


def test_old_failures_are_pruned(client: Any, db: Any, login_limits: Any) -> None:
    _login(client, "anna", "неверный")
    FailedLogin.objects.update(at=timezone.now() - timedelta(hours=1))
    _login(client, "boris", "неверный")
    assert list(FailedLogin.objects.values_list("username", flat=True)) == ["boris"]
