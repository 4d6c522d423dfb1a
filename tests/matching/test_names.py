"""Normalisation of Russian ФИО: every rule with Cyrillic examples."""

from __future__ import annotations

import pytest

from zorko.matching import (
    normalize_name,
    normalize_part,
    parse_fio,
    patronymic_from_first_name,
    surname_forms,
    surname_key,
)
from zorko.matching.names import ParsedName, gender_form_matches, guess_gender
from zorko.matching.translit import latin_to_cyrillic


def test_normalize_name_is_unchanged_by_the_extension():
    assert normalize_name("  ИвАнов-Петров  Пётр ") == "иванов-петров петр"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  ИВАНОВ ", "иванов"),  # case and spaces
        ("Фёдоров", "федоров"),  # ё → е
        ("Римский – Корсаков", "римский-корсаков"),  # dashes and spaces around a hyphen
        ("Иванoв", "иванов"),  # Latin «o» inside a Cyrillic word
        ("ПEТPOB", "петров"),  # several Latin look-alikes in capitals
        ("И.", "и"),  # an initial keeps its letter
        ("Iuliia", "юлия"),  # a Latin name becomes Cyrillic
    ],
)
def test_normalize_part(raw, expected):
    assert normalize_part(raw) == expected


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # ICAO 9303 (passports since 2014)
        ("Iuliia", "юлия"), ("Sergei", "сергей"), ("Khabibullin", "хабибуллин"),
        ("Viacheslav", "вячеслав"), ("Shchukin", "щукин"), ("Tsoi", "цой"),
        ("Evgenii", "евгений"), ("Aleksei", "алексей"),
        # ГОСТ 7.79 system B
        ("Yuliya", "юлия"), ("Czvetkov", "цветков"), ("Sergej", "сергей"),
        ("Xar`kov", "харьков"), ("Ry`bakov", "рыбаков"),
        # common passport spellings of earlier years
        ("Sergey", "сергей"), ("Vasiliy", "василий"), ("Belyy", "белый"),
    ],
)
def test_latin_to_cyrillic(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("Иванов Иван Иванович", ParsedName("иванов", "иван", "иванович")),
        ("Иван Иванович Иванов", ParsedName("иванов", "иван", "иванович")),  # word order
        ("Иванов И.И.", ParsedName("иванов", "и", "и")),  # initials
        ("Иванов И. И.", ParsedName("иванов", "и", "и")),
        ("Иванова Мария", ParsedName("иванова", "мария", "")),  # no patronymic
        ("Мария Иванова", ParsedName("иванова", "мария", "")),
        ("Мамедов Али Гасан оглы", ParsedName("мамедов", "али", "гасан оглы")),
        ("Алиева Лейла Ахмед кызы", ParsedName("алиева", "лейла", "ахмед кызы")),
        ("  СИДОРОВ   пётр  ильич ", ParsedName("сидоров", "петр", "ильич")),
        ("Petrov Sergei", ParsedName("петров", "сергей", "")),
    ],
)
def test_parse_fio(text, parsed):
    assert parse_fio(text) == parsed


@pytest.mark.parametrize(
    ("surname", "forms"),
    [
        ("Иванов", {"иванов", "иванова"}),
        ("Иванова", {"иванов", "иванова"}),
        ("Пушкин", {"пушкин", "пушкина"}),
        ("Вишневский", {"вишневский", "вишневская"}),
        ("Троицкая", {"троицкая", "троицкий", "троицкой"}),
        ("Толстой", {"толстой", "толстая"}),
        ("Белая", {"белая", "белый", "белой"}),
        ("Синий", {"синий", "синяя"}),
        ("Шевченко", {"шевченко"}),
        ("Бойко", {"бойко"}),
        ("Черных", {"черных"}),
        ("Долгих", {"долгих"}),
        ("Ким", {"ким"}),
        ("Цой", {"цой"}),
        ("Шевчук", {"шевчук"}),
    ],
)
def test_surname_forms(surname, forms):
    assert surname_forms(surname) == forms


def test_surname_key_is_shared_by_both_gender_forms():
    assert surname_key("Иванов") == surname_key("ИВАНОВА") == "иванов"
    assert surname_key("Вишневский") == surname_key("Вишневская")
    assert surname_key("Толстой") == surname_key("Толстая")
    assert surname_key("Кузьмина") == surname_key("Кузьмин")
    assert surname_key("Петров") != surname_key("Петренко")


def test_gender_form_contradiction():
    assert gender_form_matches("Иванова", "f")
    assert not gender_form_matches("Иванова", "m")
    assert not gender_form_matches("Вишневский", "f")
    assert gender_form_matches("Шевченко", "f") and gender_form_matches("Шевченко", "m")


@pytest.mark.parametrize(
    ("first", "male", "female"),
    [
        ("Иван", "иванович", "ивановна"),
        ("Илья", "ильич", "ильинична"),
        ("Никита", "никитич", "никитична"),
        ("Лев", "львович", "львовна"),
        ("Пётр", "петрович", "петровна"),
        ("Сергей", "сергеевич", "сергеевна"),
        ("Николай", "николаевич", "николаевна"),
        ("Юрий", "юрьевич", "юрьевна"),
        ("Дмитрий", "дмитриевич", "дмитриевна"),
        ("Игорь", "игоревич", "игоревна"),
        ("Павел", "павлович", "павловна"),
        ("Михаил", "михайлович", "михайловна"),
        ("Кузьма", "кузьмич", "кузьминична"),
    ],
)
def test_patronymic_from_first_name(first, male, female):
    assert patronymic_from_first_name(first, "m") == male
    assert patronymic_from_first_name(first, "f") == female


def test_gender_is_guessed_from_patronymic_then_first_name_then_surname():
    assert guess_gender("Шевченко", "Саша", "Гасан кызы") == "f"
    assert guess_gender("Ким", "Никита", "") == "m"
    assert guess_gender("Иванова", "", "") == "f"
    assert guess_gender("Ким", "", "") is None
