"""Names in documents are declined into the genitive: «Отчет о проверке Иванова Ивана Ивановича»."""

from __future__ import annotations

import pytest

from zorko.reports.names import full_name_genitive, gender_of, report_title


@pytest.mark.parametrize(("name", "genitive"), [
    (("Иванов", "Иван", "Иванович"), "Иванова Ивана Ивановича"),
    (("Петрова", "Анна", "Сергеевна"), "Петровой Анны Сергеевны"),
    (("Смирнова", "Ольга", "Игоревна"), "Смирновой Ольги Игоревны"),
    (("Кузнецов", "Илья", "Петрович"), "Кузнецова Ильи Петровича"),
    (("Шевченко", "Тарас", "Григорьевич"), "Шевченко Тараса Григорьевича"),
    (("Шевченко", "Оксана", "Петровна"), "Шевченко Оксаны Петровны"),
    (("Ким", "Олег", "Сергеевич"), "Кима Олега Сергеевича"),
    (("Ким", "Ольга", "Сергеевна"), "Ким Ольги Сергеевны"),
    (("Белых", "Игорь", "Ильич"), "Белых Игоря Ильича"),
    (("Черных", "Наталья", "Владимировна"), "Черных Натальи Владимировны"),
])
def test_genitive(name, genitive):
    assert full_name_genitive(*name) == genitive


def test_gender_comes_from_the_patronymic():
    assert gender_of("Саша", "Александрович") == "male"
    assert gender_of("Саша", "Александровна") == "female"
    assert gender_of("Эльмира", "") == "female"


def test_title():
    assert report_title("Иванов", "Иван", "Иванович") == "Отчет о проверке Иванова Ивана Ивановича"
