"""Legal deadlines: the next occurrence and the days left, around the turn of the dates."""

from __future__ import annotations

from datetime import date

from zorko.deadlines import days_word, upcoming


def _by_title(today: date) -> dict[str, tuple[date, str]]:
    return {d.title: (d.due, d.when) for d in upcoming(today)}


def test_before_and_after_the_declaration_day() -> None:
    assert _by_title(date(2026, 4, 29))["Справки о доходах за 2025 год"] == (date(2026, 4, 30), "завтра")
    assert _by_title(date(2026, 4, 30))["Справки о доходах за 2025 год"] == (date(2026, 4, 30), "сегодня")
    assert _by_title(date(2026, 5, 1))["Справки о доходах за 2026 год"] == (date(2027, 4, 30), "через 364 дня")


def test_questionnaires_by_first_of_april() -> None:
    assert _by_title(date(2026, 3, 10))["Актуализация анкет служащих"] == (date(2026, 4, 1), "через 22 дня")
    assert _by_title(date(2026, 4, 2))["Актуализация анкет служащих"][0] == date(2027, 4, 1)


def test_monitoring_k_reports_the_quarter_just_ended() -> None:
    titles = _by_title(date(2026, 11, 28))
    assert titles["«Мониторинг-К» за IV квартал 2026 г."] == (date(2027, 1, 10), "через 43 дня")
    assert "«Мониторинг-К» за I квартал 2026 г." in _by_title(date(2026, 1, 11))
    assert [d.due for d in upcoming(date(2026, 11, 28))] == sorted(d.due for d in upcoming(date(2026, 11, 28)))


def test_russian_plural_of_days() -> None:
    assert [days_word(n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 101, 111)] == [
        "день", "дня", "дней", "дней", "дней", "день", "дня", "дней", "день", "дней"]
