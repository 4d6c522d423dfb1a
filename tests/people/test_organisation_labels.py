"""Two organisations with one short name are told apart wherever an organisation is chosen."""

from __future__ import annotations

import re
from typing import Any

import pytest

from zorko.people.models import Organisation

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert(1)</script>'


@pytest.fixture
def namesakes() -> list[Organisation]:
    return [Organisation.objects.create(name="Администрация Кемеровского муниципального округа",
                                        short_name="Администрация", inn="4250003450"),
            Organisation.objects.create(name="Администрация Ясногорского сельского поселения",
                                        short_name="Администрация", inn="4250000001"),
            Organisation.objects.create(name=f"Комитет {HOSTILE}", short_name="КУМИ", inn="4250000002")]


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, name
    return [re.sub(r"\s+", " ", o).strip() for o in re.findall(r"<option[^>]*>(.*?)</option>", select.group(1), re.S)]


@pytest.mark.parametrize("page", ["/people/", "/findings/", "/kpi/", "/journals/", "/clarifications/",
                                  "/declarations/"])
def test_every_organisation_list_tells_the_two_administrations_apart(client_as: Any, namesakes: Any,
                                                                     page: str) -> None:
    html = client_as("administrator").get(page).content.decode()
    options = _options(html, "organisation")
    assert "Администрация Кемеровского муниципального округа" in options
    assert "Администрация Ясногорского сельского поселения" in options
    assert "КУМИ" in options and options.count("Администрация") == 0
    assert HOSTILE not in html


def test_same_full_names_get_their_inn(namesakes: Any) -> None:
    from zorko.people.organisation_labels import distinct_labels

    twin = Organisation.objects.create(name=namesakes[0].name, short_name="Администрация", inn="4250009999")
    labels = distinct_labels(Organisation.objects.all())
    assert "ИНН 4250009999" in labels[twin.pk] and "ИНН 4250003450" in labels[namesakes[0].pk]
    assert labels[namesakes[1].pk] == "Администрация Ясногорского сельского поселения"
