"""Comparison features: levels, vetoes and their Russian details."""

from __future__ import annotations

from datetime import date

import pytest

from zorko.identifiers import make_inn
from zorko.matching.features import (
    Candidate,
    Context,
    QueryName,
    compare_birth_date,
    compare_first_name,
    compare_inn,
    compare_last_name,
    compare_middle_name,
    name_level,
)
from zorko.matching.home import home_signal, home_weight
from zorko.matching.model import ModelParams
from zorko.matching.name_lists import first_name_gender

INN_42 = make_inn("4205123456", person=True)
INN_42_OTHER = make_inn("4205654321", person=True)


def query(ln="иванова", fn="мария", mn="петровна", *, inn=None, region="42", kind="current",
          birth=None, problem=None):
    from zorko.matching.names import surname_key

    return QueryName(0, kind, ln, surname_key(ln), fn, mn, "f", inn, problem, region, birth)


def candidate(ln="иванова", fn="мария", mn="петровна", *, inn=None, region="42", birth=None):
    from zorko.matching.names import surname_key

    return Candidate(1, ln, surname_key(ln), fn, mn, inn, region, birth)


@pytest.fixture
def ctx():
    counts = {("ln", "иванова"): 900, ("ln", "загорулько"): 3, ("fn", "мария"): 5000,
              ("mn", "петровна"): 3000, ("f1", "м"): 20000, ("m1", "п"): 15000,
              ("sk", "иванов"): 2000}
    return Context(100_000, counts, ModelParams(), {"42": 0.02, "77": 0.15},
                   {"42": 0.02, "77": 0.15}, {"m": 0.6, "f": 0.4}, first_name_gender())


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("иванова", "иванова", "exact"),
        ("иванова", "иваноава", "typo1"),  # one extra letter
        ("иванова", "иваонва", "typo1"),  # two letters swapped
        ("константинова", "костантинава", "typo2"),
        ("иванова", "петрова", "diff"),
        ("мария", "м", "initial"),
        ("мария", "н", "diff"),  # an incompatible initial
        ("", "мария", "missing"),
        ("иванов", "ивановский", "diff"),  # a substring is no match
    ],
)
def test_name_level(a, b, level):
    assert name_level(a, b) == level


def test_rare_surname_weighs_more_than_a_common_one(ctx):
    common = compare_last_name(query(), candidate(), ctx)
    rare = compare_last_name(query("загорулько"), candidate("загорулько"), ctx)
    assert rare.weight > common.weight + 5
    assert "редкая: 3 человека в реестре" in rare.detail
    assert "частая" in common.detail


def test_other_gender_form_of_a_surname_is_weak_evidence(ctx):
    signal = compare_last_name(query("иванова"), candidate("иванов"), ctx)
    assert signal.level == "gender"
    assert signal.weight < compare_last_name(query(), candidate(), ctx).weight


def test_former_surname_is_named_in_the_explanation(ctx):
    signal = compare_last_name(query("иванова", kind="former"), candidate(), ctx)
    assert signal.detail.startswith("прежняя фамилия «иванова» совпадает")


def test_first_names_of_another_gender_differ(ctx):
    signal = compare_first_name(query(fn="александра"), candidate(fn="александр"), ctx)
    assert signal.level == "diff" and signal.weight < 0


def test_patronymics_of_another_gender_differ(ctx):
    signal = compare_middle_name(query(mn="иванович"), candidate(mn="ивановна"), ctx)
    assert signal.level == "diff" and "отчество отличается" in signal.detail


def test_initial_is_compatible_at_lower_weight(ctx):
    initial = compare_first_name(query(fn="м"), candidate(), ctx)
    full = compare_first_name(query(), candidate(), ctx)
    assert initial.level == "initial" and 0 < initial.weight
    assert "совместимо с инициалом «М.»" in initial.detail
    assert compare_first_name(query(fn="н"), candidate(), ctx).weight < 0
    assert full.weight > 0


def test_missing_patronymic_is_neutral(ctx):
    signal = compare_middle_name(query(mn=""), candidate(), ctx)
    assert signal.weight == 0 and signal.detail == "отчество не указано в анкете"


def test_equal_inn_is_certain(ctx):
    signal = compare_inn(query(inn=INN_42), candidate(inn=INN_42), ctx)
    assert signal.certain and signal.detail == f"ИНН совпадает: {INN_42}"


def test_different_valid_inns_veto(ctx):
    signal = compare_inn(query(inn=INN_42), candidate(inn=INN_42_OTHER), ctx)
    assert signal.veto and "это другой человек" in signal.detail


def test_invalid_registry_inn_does_not_veto(ctx):
    signal = compare_inn(query(inn=INN_42), candidate(inn="420512345678"), ctx)
    assert not signal.veto and "некорректен" in signal.detail


def test_birth_date_contradiction_vetoes(ctx):
    same = compare_birth_date(query(birth=date(1980, 2, 1)), candidate(birth=date(1980, 2, 1)),
                              ctx)
    other = compare_birth_date(query(birth=date(1980, 2, 1)), candidate(birth=date(1981, 2, 1)),
                               ctx)
    assert same.weight > 10 and same.detail == "дата рождения совпадает: 01.02.1980"
    assert other.veto and "01.02.1980" in other.detail and "01.02.1981" in other.detail


def home(ctx, lives, regions, inn_region=None):
    """Home evidence of one registry person with companies in ``regions``."""
    weight = home_weight(lives, regions, inn_region, ctx.params.m_region_subject,
                         ctx.params.m_region_inn, ctx.region_share, ctx.inn_region_share)
    return home_signal(query(region=lives), regions, inn_region, weight)


def test_region_agreement_weighs_more_in_a_small_region(ctx):
    small = home(ctx, "42", ["42"])
    big = home(ctx, "77", ["77"])
    away = home(ctx, "42", ["77"])
    assert small.weight > big.weight > 0 > away.weight
    assert small.detail == "регион совпадает: человек живёт в регионе 42, организация в регионе 42"


def test_region_of_the_registry_inn(ctx):
    signal = home(ctx, "42", [], "42")
    assert signal.level == "agree"
    assert signal.detail == ("регион совпадает: человек живёт в регионе 42, "
                             "ИНН в реестре выдан в регионе 42")
