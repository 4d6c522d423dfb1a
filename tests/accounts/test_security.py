"""Attacks on accounts: hostile names on the users page, odd ids, oversized and look-alike logins."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from tests.attack import LONG, XSS, assert_shown_escaped

pytestmark = pytest.mark.django_db


def test_hostile_full_names_are_text_on_the_users_page(client_as: Any) -> None:
    admin = client_as("administrator")
    admin.post("/users/", {"username": "vera", "full_name": f"{XSS} Петрова", "role": "viewer"})
    assert_shown_escaped(admin.get("/users/").content.decode())


def test_oversized_and_hostile_user_names_are_refused(client_as: Any) -> None:
    admin = client_as("administrator")
    before = User.objects.count()
    for name in (LONG, XSS):
        page = admin.post("/users/", {"username": name, "role": "viewer"}).content.decode()
        assert XSS not in page
    assert User.objects.count() == before


def test_login_page_echoes_nothing_hostile(client: Any) -> None:
    page = client.post("/login/", {"username": XSS, "password": "x"}).content.decode()
    assert XSS not in page
