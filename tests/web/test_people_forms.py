"""Create and edit forms: Russian validation messages and field-level change history."""

from typing import Any

import pytest

from zorko.audit.models import AuditEvent
from zorko.identifiers import make_inn, make_snils
from zorko.people.models import ChangeRecord, Department, Organisation, Relative, Servant

GOOD_INN = make_inn("4205123456", person=True)
GOOD_SNILS = make_snils("112233445")


@pytest.fixture
def hr(client_as: Any) -> Any:
    return client_as("hr")


def _servant_data(org: Any, **overrides: str) -> dict[str, Any]:
    data = {"last_name": "Фёдоров", "first_name": "Пётр", "middle_name": "Семёнович", "former": "",
            "birth_date": "05.03.1980", "birth_place": "г. Кемерово", "inn": GOOD_INN,
            "snils": GOOD_SNILS[:3] + "-" + GOOD_SNILS[3:6] + "-" + GOOD_SNILS[6:9] + " " + GOOD_SNILS[9:],
            "personnel_number": "1001", "status": "servant", "organisation": org.pk,
            "department": "", "position": "", "hired_on": "01.02.2015", "dismissed_on": "",
            "address": "", "phones": "", "emails": "", "questionnaire_updated_on": ""}
    data.update(overrides)
    return data


def _errors(response: Any) -> str:
    assert response.status_code == 200, "the form was accepted"
    return response.content.decode()


def test_create_servant_writes_card_history_and_audit(hr: Any, organisation: Any) -> None:
    response = hr.post("/people/new/", _servant_data(organisation, former="Петров; Сидоров"))
    servant = Servant.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/people/{servant.pk}/"
    assert servant.snils == GOOD_SNILS and servant.inn == GOOD_INN
    assert servant.former_last_names == ["Петров", "Сидоров"]
    assert servant.name_norm.startswith("федоров петр семенович")
    assert ChangeRecord.objects.get(servant=servant).kind == "created"
    assert AuditEvent.objects.filter(action="person.create", object_id=str(servant.pk)).exists()


@pytest.mark.parametrize("field,value,message", [
    ("inn", "420512345678", "неверные контрольные цифры"),
    ("inn", "4205000007", "должен содержать 12 цифр, а содержит 10"),
    ("inn", "42O5", "должен состоять только из цифр"),
    ("snils", "112-233-445 00", "неверная контрольная сумма"),
    ("snils", "12345", "должен состоять из 11 цифр"),
    ("birth_date", "31.02.1980", "Дата должна быть в виде ДД.ММ.ГГГГ"),
    ("birth_date", "01.01.2999", "Дата рождения не может быть в будущем"),
    ("birth_date", "01.01.1800", "раньше 1900 года"),
    ("last_name", "", "Укажите фамилия"),
    ("personnel_number", "", "Укажите табельный номер"),
    ("organisation", "", "Выберите организацию"),
])
def test_invalid_servant_field_is_refused_with_russian_message(
        hr: Any, organisation: Any, field: str, value: str, message: str) -> None:
    page = _errors(hr.post("/people/new/", _servant_data(organisation, **{field: value})))
    assert message in page
    assert "Исправьте ошибки в форме" in page
    assert not Servant.objects.exists()


def test_dates_and_status_must_agree(hr: Any, organisation: Any) -> None:
    no_date = _errors(hr.post("/people/new/", _servant_data(organisation, status="dismissed")))
    assert "Для уволенного укажите дату увольнения" in no_date
    before_hire = _errors(hr.post("/people/new/", _servant_data(
        organisation, status="dismissed", dismissed_on="01.01.2010")))
    assert "Дата увольнения раньше даты приёма" in before_hire
    assert not Servant.objects.exists()


def test_department_of_another_organisation_is_refused(hr: Any, organisation: Any) -> None:
    other = Organisation.objects.create(name="Управление образования", inn="4205000014")
    school_dep = Department.objects.create(organisation=other, name="Отдел школ")
    page = _errors(hr.post("/people/new/", _servant_data(organisation, department=school_dep.pk)))
    assert "относится к другой организации" in page


def test_taken_personnel_number_names_its_owner(hr: Any, organisation: Any, make_servant: Any) -> None:
    make_servant("Иванов", "Иван", "Иванович", personnel_number="1001")
    page = _errors(hr.post("/people/new/", _servant_data(organisation)))
    assert "Табельный номер «1001» уже присвоен: Иванов Иван Иванович" in page


def test_edit_records_each_changed_field_with_old_and_new_value(
        client: Any, make_user: Any, organisation: Any, make_servant: Any) -> None:
    hr_user = make_user("hr")
    client.force_login(hr_user)
    hr = client
    servant = make_servant("Фёдорова", "Анна", "Петровна", personnel_number="2002", inn=GOOD_INN)
    data = _servant_data(organisation, last_name="Кузнецова", first_name="Анна", middle_name="Петровна",
                         former="Фёдорова", personnel_number="2002", birth_date="", birth_place="",
                         snils="", hired_on="")
    response = hr.post(f"/people/{servant.pk}/edit/", data)
    assert response.status_code == 302
    changes = {c.field: (c.old_value, c.new_value)
               for c in ChangeRecord.objects.filter(servant=servant, kind="changed")}
    assert changes == {"last_name": ("Фёдорова", "Кузнецова"), "former_names": ("", "Фёдорова")}
    assert {c.username for c in ChangeRecord.objects.filter(servant=servant)} == {hr_user.username}
    card = hr.get(f"/people/{servant.pk}/").content.decode()
    assert "Кузнецова" in card and "фамилия" in card and "Фёдорова" in card
    servant.refresh_from_db()
    assert "федорова" in servant.name_norm  # the maiden name stays searchable


def test_saving_unchanged_form_writes_no_history(hr: Any, organisation: Any) -> None:
    hr.post("/people/new/", _servant_data(organisation))
    servant = Servant.objects.get()
    hr.post(f"/people/{servant.pk}/edit/", _servant_data(organisation))
    assert list(ChangeRecord.objects.values_list("kind", flat=True)) == ["created"]


def _relative_data(**overrides: str) -> dict[str, str]:
    data = {"kinship": "wife", "last_name": "Фёдорова", "first_name": "Анна", "middle_name": "Ивановна",
            "former": "Соловьёва", "birth_date": "12.07.1982", "birth_place": "", "workplace": "ООО «Ромашка»",
            "address": "", "inn": "", "snils": ""}
    data.update(overrides)
    return data


def test_add_and_edit_relative(hr: Any, make_servant: Any) -> None:
    servant = make_servant("Фёдоров", "Пётр", "Семёнович")
    assert hr.post(f"/people/{servant.pk}/relatives/new/", _relative_data()).status_code == 302
    relative = Relative.objects.get()
    assert relative.servant == servant and relative.former_last_names == ["Соловьёва"]
    response = hr.post(f"/people/{servant.pk}/relatives/{relative.pk}/edit/",
                       _relative_data(workplace="МБОУ «Школа № 1»"))
    assert response.status_code == 302
    change = ChangeRecord.objects.get(relative_id=relative.pk, kind="changed")
    assert (change.field, change.old_value, change.new_value) == (
        "workplace", "ООО «Ромашка»", "МБОУ «Школа № 1»")
    card = hr.get(f"/people/{servant.pk}/").content.decode()
    assert "супруга" in card and "МБОУ «Школа № 1»" in card and "место работы" in card


@pytest.mark.parametrize("field,value,message", [
    ("kinship", "", "Выберите степень родства"),
    ("kinship", "cousin", "Неизвестная степень родства «cousin»"),
    ("inn", "123456789012", "неверные контрольные цифры"),
    ("birth_date", "1982-13-40", "Дата должна быть в виде ДД.ММ.ГГГГ"),
])
def test_invalid_relative_is_refused(hr: Any, make_servant: Any, field: str, value: str,
                                     message: str) -> None:
    servant = make_servant()
    page = _errors(hr.post(f"/people/{servant.pk}/relatives/new/", _relative_data(**{field: value})))
    assert message in page
    assert not Relative.objects.exists()


def test_relative_of_another_servant_is_not_editable_here(hr: Any, make_servant: Any) -> None:
    first, second = make_servant("Первый"), make_servant("Второй")
    hr.post(f"/people/{first.pk}/relatives/new/", _relative_data())
    relative = Relative.objects.get()
    assert hr.get(f"/people/{second.pk}/relatives/{relative.pk}/edit/").status_code == 404
