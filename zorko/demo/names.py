"""Russian surnames, first names and patronymics with realistic frequencies.

Lists are ordered from the most to the least frequent; ``zipf_weights`` turns
the rank into a weight, so common names repeat as they do in life (many
Ивановых and Сергеев, few Аркадиев). Used by the demo generator, the
matching tests and the benchmarks; all combinations are synthetic.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache

# Male forms; the female form is derived by ``surname_form``.
SURNAMES = tuple("""
Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв
Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов
Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов
Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов
Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев
Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников
Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин
Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков
Горбунов Анисимов Шевченко Бондаренко Ткаченко Коваленко Кравченко Савченко Ковальчук Полищук
Черных Белых Седых Долгих Островский Зелинский Покровский Вишневский Горский Белецкий Луговой
Полевой Шмидт Миллер Хабибуллин Гарипов Сафин Ахметов Шестаков Зуев Лыков Пестов Буланов
Сухов Рябинин Кедров Дегтярёв Ситников Глухов Шубин Мухин Блинов Комиссаров Носков Рогов
Пахомов Третьяков Лукин Бочаров Зимин Устинов Суханов Веселов Кочетков Игнатьев Субботин
""".split())

# By birth era: names fashionable for people born before 1960, 1960–1999, from 2000.
MALE_NAMES = {
    "old": tuple("""Владимир Николай Александр Виктор Анатолий Иван Василий Михаил Юрий Геннадий
        Валентин Пётр Алексей Сергей Григорий Борис Леонид Валерий Фёдор Степан Евгений Павел
        Дмитрий Аркадий Семён Георгий Константин Илья Лев Никита""".split()),
    "mid": tuple("""Александр Сергей Андрей Дмитрий Алексей Евгений Владимир Игорь Максим Денис
        Михаил Иван Николай Павел Роман Олег Артём Антон Юрий Вадим Константин Виталий Илья
        Кирилл Виктор Станислав Вячеслав Руслан Владислав Никита Егор Григорий Валерий Пётр
        Леонид Борис Георгий Фёдор Степан Глеб""".split()),
    "young": tuple("""Артём Александр Максим Михаил Даниил Иван Кирилл Матвей Дмитрий Егор Никита
        Андрей Илья Тимофей Алексей Роман Марк Лев Владимир Ярослав Фёдор Степан Глеб Сергей
        Семён""".split()),
}
FEMALE_NAMES = {
    "old": tuple("""Галина Валентина Надежда Людмила Нина Тамара Татьяна Любовь Лидия Раиса Зинаида
        Антонина Вера Мария Екатерина Александра Анна Клавдия Елена Ольга Зоя Евдокия Нелли
        Лариса""".split()),
    "mid": tuple("""Елена Ольга Наталья Татьяна Ирина Светлана Юлия Анна Екатерина Марина Анастасия
        Мария Оксана Евгения Галина Людмила Надежда Ксения Дарья Виктория Кристина Алёна Лариса
        Алина Валентина Любовь Вера Яна Олеся Жанна Маргарита Полина Инна Вероника Диана""".split()),
    "young": tuple("""Анастасия Мария София Анна Дарья Виктория Полина Елизавета Екатерина Ксения
        Александра Варвара Арина Алиса Вероника Валерия Ульяна Кира Милана Ева Злата Василиса
        Таисия Алёна""".split()),
}

# Male patronymic of every male name used above (irregular ones spelled out).
_PATRONYMIC_IRREGULAR = {
    "Илья": "Ильич", "Никита": "Никитич", "Лев": "Львович", "Пётр": "Петрович",
    "Павел": "Павлович", "Юрий": "Юрьевич", "Анатолий": "Анатольевич", "Виталий": "Витальевич",
    "Василий": "Васильевич", "Григорий": "Григорьевич", "Валерий": "Валерьевич",
    "Геннадий": "Геннадьевич", "Аркадий": "Аркадьевич", "Георгий": "Георгиевич",
    "Дмитрий": "Дмитриевич", "Михаил": "Михайлович", "Евгений": "Евгеньевич", "Игорь": "Игоревич", "Даниил": "Даниилович", "Семён": "Семёнович", "Артём": "Артёмович",
}


def era_of(birth_year: int) -> str:
    return "old" if birth_year < 1960 else "mid" if birth_year < 2000 else "young"


def patronymic(father_name: str, *, female: bool) -> str:
    """«Сергей» → «Сергеевич» / «Сергеевна»; «Илья» → «Ильич» / «Ильинична»."""
    male = _PATRONYMIC_IRREGULAR.get(father_name)
    if male is None:
        if father_name.endswith(("ей", "ай")):
            male = father_name[:-1] + "евич"
        else:
            male = father_name + "ович"
    if not female:
        return male
    if male.endswith("ич") and not male.endswith("вич"):
        return {"Ильич": "Ильинична"}.get(male, male[:-2] + "ична")
    return male[:-3] + "вна"


def surname_form(surname: str, *, female: bool) -> str:
    """The surname in the person's gender: Иванов/Иванова, Островский/Островская, Черных/Черных."""
    if not female:
        return surname
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    if surname.endswith(("ой", "ый")):
        return surname[:-2] + "ая"
    return surname


@lru_cache(maxsize=32)
def zipf_weights(n: int, s: float = 1.0) -> tuple[float, ...]:
    """Weight of rank 1..n proportional to 1/rank**s."""
    return tuple(1.0 / (rank ** s) for rank in range(1, n + 1))


def pick(rng: random.Random, names: Sequence[str], s: float = 1.0) -> str:
    """A name drawn with Zipf-like frequency from a list ordered by frequency."""
    return rng.choices(names, weights=zipf_weights(len(names), s))[0]


def male_name(rng: random.Random, birth_year: int) -> str:
    return pick(rng, MALE_NAMES[era_of(birth_year)])


def female_name(rng: random.Random, birth_year: int) -> str:
    return pick(rng, FEMALE_NAMES[era_of(birth_year)])


def surname(rng: random.Random) -> str:
    """A male-form surname; Zipf exponent below 1 since surnames are spread wider than names."""
    return pick(rng, SURNAMES, s=0.8)
