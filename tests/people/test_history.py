"""Every change of a servant or relative is recorded: who, when, old, new, where from."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from zorko.people.history import delete_relative, diff, save_relative, save_servant
from zorko.people.models import ChangeRecord, Position, Relative, Servant

pytestmark = pytest.mark.django_db


def test_creating_a_servant_records_one_creation(organisation, make_user) -> None:
    hr = make_user("hr")
    servant = Servant(personnel_number="77")
    save_servant(servant, {"last_name": "Фёдорова", "first_name": "Алёна", "middle_name": "Петровна",
                           "organisation": organisation}, hr, "форма")
    record = ChangeRecord.objects.get(servant=servant)
    assert (record.kind, record.new_value, record.user, record.username, record.source) == (
        "created", "Фёдорова Алёна Петровна", hr, hr.username, "форма")
    assert servant.name_norm == "федорова алена петровна"


def test_each_changed_field_is_recorded_with_old_and_new_value(make_servant, make_user) -> None:
    servant = make_servant("Иванова", "Мария", "Петровна", birth_date=dt.date(1980, 1, 2))
    chief = Position.objects.create(name="Начальник отдела")
    inspector = make_user("inspector")
    changes = save_servant(servant, {
        "last_name": "Сидорова", "birth_date": dt.date(1980, 2, 1), "position": chief,
        "status": Servant.Status.DISMISSED, "first_name": "Мария",
        "former_names": [{"last_name": "Иванова", "changed_on": "2020-05-01"}],
    }, inspector, "форма редактирования")
    assert {c.field for c in changes} == {"last_name", "birth_date", "position", "status",
                                          "former_names"}
    rows = {r.field: (r.old_value, r.new_value) for r in servant.changes.all()}
    assert rows == {
        "last_name": ("Иванова", "Сидорова"),
        "birth_date": ("02.01.1980", "01.02.1980"),
        "position": ("", "Начальник отдела"),
        "status": ("служащий", "уволен"),
        "former_names": ("", "Иванова (до 01.05.2020)"),
    }
    servant.refresh_from_db()
    assert servant.last_name == "Сидорова"
    assert "иванова" in servant.name_norm  # the former surname stays searchable


def test_saving_without_changes_records_nothing(make_servant) -> None:
    servant = make_servant("Петров", "Пётр", "Петрович")
    assert save_servant(servant, {"last_name": " Петров ", "first_name": "Пётр"}) == []
    assert not ChangeRecord.objects.exists()


def test_diff_writes_nothing(make_servant) -> None:
    servant = make_servant("Петров", "Пётр", "Петрович")
    [change] = diff(servant, {"middle_name": "Павлович"})
    assert (change.label, change.old, change.new) == ("отчество", "Петрович", "Павлович")
    servant.refresh_from_db()
    assert servant.middle_name == "Петрович"


def test_invalid_identifier_is_refused_and_nothing_recorded(make_servant) -> None:
    servant = make_servant("Петров", "Пётр", "Петрович")
    with pytest.raises(ValidationError, match="ИНН"):
        save_servant(servant, {"inn": "500100732258"})
    assert not ChangeRecord.objects.exists()


def test_relative_history_goes_to_the_servant_card(make_servant, make_user) -> None:
    servant = make_servant("Петров", "Пётр", "Петрович")
    wife = Relative(servant=servant)
    save_relative(wife, {"kinship": "wife", "last_name": "Петрова", "first_name": "Анна"}, None, "анкета")
    save_relative(wife, {"workplace": "ООО «Пример»"}, None, "анкета")
    delete_relative(wife, make_user("hr"), "форма")
    kinds = list(servant.changes.order_by("pk").values_list("kind", "field", "subject"))
    assert kinds == [("created", "", "Петрова Анна (супруга)"),
                     ("changed", "workplace", "Петрова Анна (супруга)"),
                     ("deleted", "", "Петрова Анна (супруга)")]
    assert not Relative.objects.exists()
