"""Words a person reads: declined names, gender agreement, kinship by gender, Russian numbers and dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zorko.reports.names import agreed, of_servant
from zorko.ru import labels
from zorko.ru.formats import amounts_ru, date_ru, money_ru, number_ru, plural

WOMAN, MAN = "Лыкова Алина Романовна", "Лыков Иван Петрович"


def test_the_servant_is_declined_and_agreed_in_gender() -> None:
    assert f"Мать {of_servant(WOMAN)}" == "Мать служащей Лыковой Алины Романовны"
    assert f"Мать {of_servant(MAN)}" == "Мать служащего Лыкова Ивана Петровича"
    assert agreed("уволен", "уволена", WOMAN) == "уволена" and agreed("уволен", "уволена", MAN) == "уволен"


@pytest.mark.parametrize("code, servant, relative, word", [
    ("spouse_mother", MAN, "Петрова Анна Ивановна", "тёща"), ("spouse_mother", WOMAN, "Лыкова Анна Ивановна", "свекровь"),
    ("spouse_father", MAN, "Петров Иван Ильич", "тесть"), ("spouse_father", WOMAN, "Лыков Пётр Ильич", "свёкор"),
    ("spouse_brother", MAN, "Петров Олег Иванович", "шурин"), ("spouse_brother", WOMAN, "Лыков Олег Петрович", "деверь"),
    ("spouse_sister", MAN, "Петрова Ольга Ивановна", "свояченица"),
    ("spouse_sister", WOMAN, "Лыкова Ольга Петровна", "золовка"),
    ("child_spouse", MAN, "Смирнов Олег Ильич", "зять"), ("child_spouse", MAN, "Лыкова Ирина Олеговна", "невестка"),
    ("wife", MAN, "Лыкова Анна Ивановна", "супруга"), ("mother", WOMAN, "Соболева Галина Павловна", "мать"),
])
def test_kinship_words_follow_the_genders(code: str, servant: str, relative: str, word: str) -> None:
    assert labels.kinship(code, servant, relative) == word


def test_kinship_without_names_stays_generic() -> None:
    assert labels.kinship("spouse_mother") == "мать супруга(и)"


@pytest.mark.django_db
def test_a_dismissed_woman_is_uvolena_on_her_card(client_as, make_servant) -> None:
    woman = make_servant("Лыкова", "Алина", "Романовна", status="dismissed")
    man = make_servant("Лыков", "Иван", "Петрович", status="dismissed")
    assert woman.status_word == "уволена" and man.status_word == "уволен"
    html = client_as("administrator").get(f"/people/{woman.pk}/").content.decode()
    assert "уволена" in html


def test_codes_become_words() -> None:
    assert (labels.severity("high"), labels.finding_status("in_review"), labels.subject_kind("company")) == (
        "высокая", "на рассмотрении", "юридическое лицо")
    assert labels.rule("relative_supplier") != "relative_supplier"
    assert labels.any_code("conflict_settle").startswith("Признать")


def test_numbers_and_dates_read_the_russian_way() -> None:
    nb = "\u00a0"
    assert money_ru(Decimal("1695612.71")) == f"1{nb}695{nb}612,71{nb}руб."
    assert number_ru(0.85) == "0,85" and number_ru(1234) == f"1{nb}234"
    assert date_ru(date(2026, 12, 5)) == "05.12.2026" and date_ru("2025-01-17") == "17.01.2025"
    assert amounts_ru("на 2303276.71 руб. от 2025-01-17") == f"на 2{nb}303{nb}276,71 руб. от 17.01.2025"
    assert [plural(n, "день", "дня", "дней") for n in (1, 2, 5, 11, 21, 112)] == [
        "день", "дня", "дней", "дней", "день", "дней"]
