"""Shared fixtures: one-line factories for people, a logged-in client per role."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_counter = itertools.count(1)


@pytest.fixture
def organisation(db: Any) -> Any:
    from zorko.people.models import Organisation

    return Organisation.objects.create(
        name="Администрация Тестового муниципального округа", short_name="Администрация",
        inn="4205000007", ogrn="1024200000006", kpp="420501001",
    )


@pytest.fixture
def make_servant(organisation: Any) -> Callable[..., Any]:
    from zorko.people.models import Servant

    def make(last_name: str = "Иванов", first_name: str = "Иван", middle_name: str = "Иванович",
             **fields: Any) -> Any:
        fields.setdefault("personnel_number", f"T{next(_counter):05d}")
        fields.setdefault("organisation", organisation)
        return Servant.objects.create(last_name=last_name, first_name=first_name,
                                      middle_name=middle_name, **fields)

    return make


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from django.contrib.auth.models import Group, User

    from zorko.accounts.roles import ensure_groups

    def make(role: str, username: str | None = None, password: str = "Пароль-для-тестов-1") -> Any:
        ensure_groups()
        user = User.objects.create_user(username or f"{role}{next(_counter)}", password=password)
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def client_as(client: Any, make_user: Callable[..., Any]) -> Callable[[str], Any]:
    def login(role: str) -> Any:
        client.force_login(make_user(role))
        return client

    return login


@pytest.fixture(autouse=True)
def _audit_log_emptied_before_flush(request: Any) -> Any:
    """Let transactional tests (live server) end cleanly although the audit log refuses DELETE.

    Transactional tests are cleaned by Django's flush, which on SQLite runs
    ``DELETE FROM`` on every table, and the audit log's trigger refuses that.
    Before the flush, this empties the audit table with its trigger lifted
    for that one statement. (PostgreSQL flushes with TRUNCATE, which row
    triggers do not see.)
    """
    marker = request.node.get_closest_marker("django_db")
    by_marker = bool(marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)
                                 or marker.kwargs.get("serialized_rollback")))
    by_fixture = bool({"transactional_db", "live_server"} & set(request.fixturenames))
    if not (by_marker or by_fixture):
        yield
        return
    if by_fixture:
        # Set up the database fixture from here so that this teardown runs before its flush
        # (with the marker, pytest-django's autouse fixture is already set up before this one).
        request.getfixturevalue("transactional_db")
    yield
    from django.db import connection, transaction

    from zorko.audit import triggers

    if connection.vendor == "sqlite":
        with transaction.atomic(), connection.cursor() as cursor:
            triggers.uninstall(connection)
            cursor.execute(f"DELETE FROM {triggers.TABLE}")
            triggers.install(connection)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Debian's headless Chromium driven by Playwright, against the live test server."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls a test
    # makes between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def log_in(page: Any, username: str, password: str) -> None:
    """Fill in the login form the page shows and submit it."""
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def new_page(browser: Any, live_server: Any, locale: str = "ru-RU") -> Any:
    context = browser.new_context(base_url=live_server.url, locale=locale, accept_downloads=True)
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Any:
    return new_page(browser, live_server)
