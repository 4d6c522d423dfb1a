"""Region codes from the way people write regions."""

import pytest

from zorko.regions import REGION_NAMES, region_code


@pytest.mark.parametrize(("written", "code"), [
    ("42", "42"), ("4", "04"), ("Кемеровская область", "42"), ("Кемеровская обл.", "42"),
    ("Кемеровская область — Кузбасс", "42"), ("Кузбасс", "42"), ("г. Москва", "77"),
    ("Московская обл", "50"), ("Санкт-Петербург", "78"), ("Респ. Татарстан", "16"),
    ("Республика Саха (Якутия)", "14"), ("Якутия", "14"), ("ХМАО", "86"),
    ("Ямало-Ненецкий АО", "89"), ("Ненецкий АО", "83"), ("Алтайский край", "22"),
    ("Республика Алтай", "04"), ("Чувашия", "21"), ("Нижегородская", "52"),
    ("Новгородская", "53"), ("КЕМЕРОВСКАЯ  ОБЛАСТЬ", "42"),
])
def test_region_written_by_code_or_name(written, code):
    assert region_code(written) == code


@pytest.mark.parametrize("written", ["", "   ", "Атлантида", "420", None])
def test_unknown_region_is_none(written):
    assert region_code(written) is None


def test_every_official_name_gives_its_code():
    assert all(region_code(name) == code for code, name in REGION_NAMES.items())
