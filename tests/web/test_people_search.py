"""Servant search by any part of the ФИО (ё/е, case, Latin look-alikes) and the list filters."""

import re
from datetime import date, timedelta
from typing import Any

import pytest

from zorko.people.models import Department, Organisation


def _names(response: Any) -> list[str]:
    return re.findall(r'<a href="/people/\d+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def viewer(client_as: Any) -> Any:
    return client_as("viewer")


@pytest.mark.parametrize("query", ["федоров", "ФЁДОРОВ", "Федоров", "фёдоров", "  фЕдОрОв ",
                                   "Фeдopoв",  # Latin e, o, p typed inside a Cyrillic word
                                   "федор", "доров"])
def test_query_variants_find_fyodorov(viewer: Any, make_servant: Any, query: str) -> None:
    make_servant("Фёдоров", "Пётр", "Семёнович")
    make_servant("Иванов", "Иван", "Иванович")
    assert _names(viewer.get("/people/", {"q": query})) == ["Фёдоров Пётр Семёнович"]


def test_every_word_of_the_query_must_match(viewer: Any, make_servant: Any) -> None:
    make_servant("Фёдоров", "Пётр", "Семёнович")
    make_servant("Фёдоров", "Иван", "Петрович")
    make_servant("Петров", "Иван", "Семёнович")
    assert _names(viewer.get("/people/", {"q": "петр федоров"})) == [
        "Фёдоров Иван Петрович", "Фёдоров Пётр Семёнович"]
    assert _names(viewer.get("/people/", {"q": "федоров семенович"})) == ["Фёдоров Пётр Семёнович"]
    assert _names(viewer.get("/people/", {"q": "федоров сидорович"})) == []


def test_former_surname_is_found(viewer: Any, make_servant: Any) -> None:
    make_servant("Кузнецова", "Анна", "Сергеевна",
                 former_names=[{"last_name": "Соловьёва", "first_name": "", "middle_name": "",
                                "changed_on": None}])
    response = viewer.get("/people/", {"q": "соловьева"})
    assert _names(response) == ["Кузнецова Анна Сергеевна"]
    assert "прежде: Соловьёва" in response.content.decode()


def test_personnel_number_is_found(viewer: Any, make_servant: Any) -> None:
    make_servant("Орлов", personnel_number="4711")
    make_servant("Соколов", personnel_number="4712")
    assert _names(viewer.get("/people/", {"q": "4711"})) == ["Орлов Иван Иванович"]


def test_status_filter_and_candidates_page(viewer: Any, make_servant: Any) -> None:
    make_servant("Служащий", status="servant")
    make_servant("Кандидат", status="candidate")
    make_servant("Уволенный", status="dismissed", dismissed_on=date(2024, 1, 1))
    assert [n.split()[0] for n in _names(viewer.get("/people/"))] == ["Служащий"]
    assert [n.split()[0] for n in _names(viewer.get("/people/", {"status": "dismissed"}))] == ["Уволенный"]
    assert len(_names(viewer.get("/people/", {"status": "all"}))) == 3
    candidates = viewer.get("/candidates/", {"status": "servant"})  # the page ignores a status filter
    assert [n.split()[0] for n in _names(candidates)] == ["Кандидат"]


def test_organisation_and_department_filters(viewer: Any, make_servant: Any, organisation: Any) -> None:
    other = Organisation.objects.create(name="Управление образования", inn="4205000014")
    finance = Department.objects.create(organisation=organisation, name="Финансовый отдел")
    make_servant("Алексеев", department=finance)
    make_servant("Борисов")
    make_servant("Васильев", organisation=other)
    by_org = viewer.get("/people/", {"organisation": organisation.pk})
    assert [n.split()[0] for n in _names(by_org)] == ["Алексеев", "Борисов"]
    by_dep = viewer.get("/people/", {"department": finance.pk})
    assert [n.split()[0] for n in _names(by_dep)] == ["Алексеев"]
    by_other = viewer.get("/people/", {"organisation": other.pk, "q": "васильев"})
    assert [n.split()[0] for n in _names(by_other)] == ["Васильев"]


def test_questionnaire_older_than_a_year_or_never(viewer: Any, make_servant: Any) -> None:
    today = date.today()
    make_servant("Свежий", questionnaire_updated_on=today - timedelta(days=30))
    make_servant("Старый", questionnaire_updated_on=today - timedelta(days=400))
    make_servant("Никогда", questionnaire_updated_on=None)
    stale = viewer.get("/people/", {"stale": "on"})
    assert sorted(n.split()[0] for n in _names(stale)) == ["Никогда", "Старый"]
    assert len(_names(viewer.get("/people/"))) == 3


def test_pagination(viewer: Any, make_servant: Any) -> None:
    for i in range(55):
        make_servant(f"Фамилия{i:02d}")
    first = viewer.get("/people/", {"q": "фамилия"})
    assert len(_names(first)) == 50
    assert "страница 1 из 2" in first.content.decode()
    second = viewer.get("/people/", {"q": "фамилия", "page": 2})
    assert len(_names(second)) == 5
    assert "Найдено: 55" in second.content.decode()
