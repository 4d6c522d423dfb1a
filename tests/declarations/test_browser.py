"""Browser: hr imports a .xsb file, the campaign list shows the filer; an inspector analyses and reviews a finding."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import log_in, new_page
from tests.declarations.factory import declaration, income, item, write_file
from zorko.declarations.records import Member, Person, Section
from zorko.findings.models import Finding
from zorko.people.models import Position
from zorko.tasks import queue

PASSWORD = "Пароль-для-тестов-1"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_campaign_list_and_finding(browser: Any, live_server: Any, make_servant: Any, make_user: Any,
                                          tmp_path: Path) -> None:
    position = Position.objects.create(name="Начальник отдела", declaration_required=True)
    servant = make_servant("Лебедев", "Олег", "Ильич", birth_date=date(1981, 2, 3), position=position)
    make_servant("Несдавший", "Пётр", "Петрович", position=position)
    me = Person("Лебедев", "Олег", "Ильич", date(1981, 2, 3))
    stranger = Person("Лебедева", "Алиса", "Олеговна", date(2015, 6, 1))  # not in the анкета
    path = write_file(tmp_path / "лебедев.xsb",
                      declaration(me, 2025, income(1_100_000), item(Section.ACCOUNT, "Текущий", 50_000, name="Банк"),
                                  signed_on=date(2026, 4, 30)),
                      declaration(stranger, 2025, income(0), member=Member.CHILD, signed_on=date(2026, 4, 30)))
    make_user("hr", username="kadry", password=PASSWORD)
    make_user("inspector", username="inspector", password=PASSWORD)

    hr = new_page(browser, live_server)
    hr.goto(f"{live_server.url}/declarations/import/")
    log_in(hr, "kadry", PASSWORD)
    hr.set_input_files("input[name=files]", str(path))
    hr.click("#declarations-upload")
    hr.wait_for_url("**/tasks/*/")
    assert queue.run_pending() == 1
    hr.reload()
    assert hr.locator(".job-status").get_attribute("data-status") == "done"
    hr.click("#open-campaign")
    hr.wait_for_url("**/declarations/")
    filed = hr.locator(f"tr[data-servant='{servant.pk}']")
    assert "представлена в срок" in filed.inner_text() and "30.04.2026" in filed.inner_text()
    assert hr.locator("tr[data-status='missing']").count() == 1
    assert hr.locator("#run-analysis").count() == 0  # hr imports, the inspector analyses

    inspector = new_page(browser, live_server)
    inspector.goto(f"{live_server.url}/declarations/?year=2025")
    log_in(inspector, "inspector", PASSWORD)
    inspector.click("#run-analysis")
    inspector.wait_for_url("**/tasks/*/")
    assert queue.run_pending() == 1
    inspector.reload()
    inspector.click("#open-findings")
    finding = Finding.objects.get(rule="decl_family_absent")
    inspector.goto(f"{live_server.url}/findings/{finding.pk}/")
    assert "Лебедева Алиса Олеговна" in inspector.content()
    inspector.fill("#reason", "Дочь от первого брака, анкета будет дополнена")
    inspector.click("button[value=confirmed]")
    assert inspector.locator("#finding-status").inner_text() == "подтверждено"
    finding.refresh_from_db()
    assert finding.status == Finding.Status.CONFIRMED
