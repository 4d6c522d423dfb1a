"""Each role reaches exactly the pages its capabilities allow; anonymous visitors log in first."""

from typing import Any

import pytest

ROLES = ["administrator", "inspector", "hr", "viewer"]

# page → roles allowed to open it
PAGES = {
    "/people/": {"administrator", "inspector", "hr", "viewer"},
    "/candidates/": {"administrator", "inspector", "hr", "viewer"},
    "/people/{id}/": {"administrator", "inspector", "hr", "viewer"},
    "/people/export.csv": {"administrator", "inspector", "hr", "viewer"},
    "/people/new/": {"administrator", "inspector", "hr"},
    "/people/{id}/edit/": {"administrator", "inspector", "hr"},
    "/people/{id}/relatives/new/": {"administrator", "inspector", "hr"},
    "/audit/": {"administrator"},
    "/audit/export.csv": {"administrator"},
    "/users/": {"administrator"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PAGES)
def test_role_boundary(client_as: Any, make_servant: Any, role: str, page: str) -> None:
    servant = make_servant()
    response = client_as(role).get(page.format(id=servant.pk))
    if role in PAGES[page]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "Доступ запрещён" in response.content.decode()


@pytest.mark.parametrize("page", [*PAGES, "/", "/admin/people/organisation/"])
def test_anonymous_is_sent_to_login(client: Any, make_servant: Any, page: str) -> None:
    response = client.get(page.format(id=make_servant().pk), follow=True)
    assert response.request["PATH_INFO"] == "/login/"


def test_viewer_cannot_change_a_card_by_posting(client_as: Any, make_servant: Any) -> None:
    servant = make_servant("Петров")
    response = client_as("viewer").post(f"/people/{servant.pk}/edit/", {"last_name": "Сидоров"})
    assert response.status_code == 403
    servant.refresh_from_db()
    assert servant.last_name == "Петров"


def test_viewer_sees_no_edit_links(client_as: Any, make_servant: Any) -> None:
    servant = make_servant()
    page = client_as("viewer").get(f"/people/{servant.pk}/").content.decode()
    assert "Изменить" not in page and "Добавить родственника" not in page


def test_hr_menu_has_no_audit_findings_or_users(client_as: Any) -> None:
    menu = client_as("hr").get("/").content.decode()
    assert "/people/" in menu and "/people/import/" in menu
    for hidden in ("/audit/", "/findings/", "/users/", "/registry/"):
        assert hidden not in menu


def test_inspector_cannot_manage_users_by_posting(client_as: Any) -> None:
    response = client_as("inspector").post("/users/", {"username": "mole", "role": "administrator"})
    assert response.status_code == 403
    from django.contrib.auth.models import User

    assert not User.objects.filter(username="mole").exists()


@pytest.mark.parametrize("role", ROLES)
def test_reference_admin_only_for_administrators(client_as: Any, role: str) -> None:
    response = client_as(role).get("/admin/people/organisation/")
    assert (response.status_code == 200) == (role == "administrator")


@pytest.mark.parametrize("model", ["people/servant", "people/relative", "people/changerecord",
                                   "audit/auditevent", "auth/user", "accounts/failedlogin"])
def test_admin_has_no_persons_accounts_or_audit(client_as: Any, model: str) -> None:
    assert client_as("administrator").get(f"/admin/{model}/").status_code == 404


def test_disabled_account_loses_access(client: Any, make_user: Any) -> None:
    user = make_user("inspector")
    client.force_login(user)
    user.is_active = False
    user.save()
    assert client.get("/people/").status_code == 302
