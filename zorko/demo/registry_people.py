"""Registry-side people for the demo: background names that never meet the demo families, name spelling.

Background directors and founders take surnames from a list disjoint from
the demo families' surnames, so the only links the screening finds are the
planted ones (and their decoys) — an inspector exploring the demo should see
every finding explained by a case, not by an accidental namesake.
"""

from __future__ import annotations

import random
from datetime import date

from zorko.demo import names

_BACKGROUND = tuple("""
Абакумов Аверин Агафонов Аксёнов Алфёров Аникин Артамонов Астахов Бабушкин Бажанов Балашов Барсуков
Басов Безруков Бердников Бессонов Бобров Богомолов Большаков Бородин Брагин Бурцев Валуев Варламов
Васин Вдовин Ведерников Веретенников Вихров Волошин Воронов Воротников Галактионов Гладков Голованов
Горелов Гуляев Гурьев Дорофеев Дружинин Дубинин Евдокимов Елисеев Ерофеев Жданов Жилин Завьялов
Запольский Зверев Зотов Зыков Иголкин Измайлов Казанцев Калашников Капустин Каширин Клюев Кобзев
Колобов Копылов Корнилов Крюков Кузовлев Лаптев Лапшин Ларионов Лихачёв Лобанов Логинов Лосев
Мамонтов Мартемьянов Меркулов Мещеряков Мохов Муравьёв Некрасов Нестеров Носов Образцов Одинцов
Окунев Олейников Пантелеев Парамонов Пестриков Пименов Плотников Полуэктов Пушкарёв Ракитин
Ремизов Рожков Рыбаков Самсонов Сафонов Селезнёв Силантьев Симонов Скворцов Смолин Суворов
Сычёв Тетерин Токарев Толмачёв Туманов Тюрин Уваров Ушаков Фадеев Харитонов Хромов Цветков
Чеботарёв Черкасов Шарапов Швецов Шилов Ширяев Шувалов Щеглов Юдин Яшин
""".split())
BACKGROUND_SURNAMES = tuple(s for s in _BACKGROUND if s not in set(names.SURNAMES))

# Every male first name the demo uses, with its patronymics: to turn «Сергеевна» back into «Сергеевич».
_MALE_NAMES = {n for era in names.MALE_NAMES.values() for n in era}
_MALE_PATRONYMIC = {names.patronymic(n, female=True): names.patronymic(n, female=False) for n in _MALE_NAMES}
_MALE_SURNAME = {form.replace("ё", "е") if plain else form: s.replace("ё", "е") if plain else s
                 for s in names.SURNAMES for form in (s, names.surname_form(s, female=True)) for plain in (False, True)}


def male_patronymic(middle: str) -> str:
    return _MALE_PATRONYMIC.get(middle, middle)


def male_surname(last: str) -> str:
    return _MALE_SURNAME.get(last, last)


def former_surname(value: str) -> str:
    """«Петрова (до 12.06.2015); Сидорова» → «Петрова»: the birth surname is the first one given."""
    first = value.split(";")[0].strip()
    return first.split(" (")[0].strip()


def registry_spelling(rng: random.Random, last: str, first: str, middle: str) -> tuple[str, str, str]:
    """ФНС writes names in capitals, and often with «Е» for «Ё»."""
    parts = (last, first, middle)
    if rng.random() < 0.4:
        parts = tuple(p.replace("ё", "е").replace("Ё", "Е") for p in parts)  # type: ignore[assignment]
    return parts[0].upper(), parts[1].upper(), parts[2].upper()


def background_person(rng: random.Random, female: bool | None = None) -> tuple[str, str, str, bool]:
    """(surname, first name, patronymic, female) of a stranger to every demo family."""
    female = rng.random() < 0.4 if female is None else female
    year = rng.randrange(1958, 2000)
    first = (names.female_name if female else names.male_name)(rng, year)
    middle = names.patronymic(names.male_name(rng, year - 28), female=female)
    last = names.surname_form(rng.choice(BACKGROUND_SURNAMES), female=female)
    return last, first, middle, female


def parse_date(value: str) -> date | None:
    if not value:
        return None
    d, m, y = value.split(".")
    return date(int(y), int(m), int(d))
