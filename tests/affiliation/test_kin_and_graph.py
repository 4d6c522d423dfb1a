"""Name forms used to guess relatives, and the link graph built from findings."""

from __future__ import annotations

from zorko.affiliation.kin import patronymic_forms, patronymics_from_first_name, surname_forms


def test_surname_gender_forms():
    assert surname_forms("Иванов") == {"иванов", "иванова"}
    assert "вишневский" in surname_forms("Вишневская")
    assert "толстая" in surname_forms("Толстой")
    assert surname_forms("Шевченко") == {"шевченко"}
    assert "семенова" in surname_forms("Семёнов")


def test_patronymics():
    assert patronymics_from_first_name("Сергей") == {"сергеевич", "сергеевна"}
    assert "юрьевич" in patronymics_from_first_name("Юрий")
    assert patronymics_from_first_name("Илья") == {"ильич", "ильинична"}
    assert patronymics_from_first_name("Пётр") == {"петрович", "петровна"}
    assert patronymics_from_first_name("Иван") == {"иванович", "ивановна"}
    assert patronymics_from_first_name("Никита") == {"никитич", "никитична"}


def test_patronymic_gender_forms():
    assert patronymic_forms("Игоревич") == {"игоревич", "игоревна"}
    assert patronymic_forms("Ильинична") == {"ильинична", "ильич"}
    assert "ильинична" in patronymic_forms("Ильич")
