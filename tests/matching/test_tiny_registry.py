"""A registry of three rows (as in the screening's tests) must neither crash the model nor make every name common."""

from __future__ import annotations

import duckdb
import pytest

from zorko.identifiers import make_inn
from zorko.matching import PersonQuery, match_people

INN_PETROV = make_inn("7728012345", person=True)
INN_SIDOROVA = make_inn("5001007322", person=True)
INN_KUZNETSOV = make_inn("3662000123", person=True)
INN_ELSEWHERE = make_inn("4205999999", person=True)


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    # Every row has an ИНН: a person whose ИНН is not among them cannot be there (a prior of 0).
    con.execute("CREATE TABLE person_roles (last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR, "
                "inn VARCHAR, region VARCHAR)")
    con.execute("INSERT INTO person_roles VALUES (?, 'Иван', 'Сергеевич', ?, '77'), "
                "('Сидорова', 'Анна', 'Петровна', ?, '50'), ('Кузнецов', 'Олег', 'Ильич', ?, '36')",
                ["Петров", INN_PETROV, INN_SIDOROVA, INN_KUZNETSOV])
    return con


def test_person_with_an_inn_missing_from_a_fully_keyed_registry_does_not_crash(con):
    people = [PersonQuery("a", "Сидорова", "Анна", "Петровна", inn=INN_ELSEWHERE, region="50")]
    # Different valid ИНН: vetoed, not a "math domain error".
    assert match_people(people, con, threshold=0.0) == []


def test_rare_full_name_in_the_same_region_is_likely_in_a_three_row_registry(con):
    people = [PersonQuery("a", "Петров", "Иван", "Сергеевич", region="77")]
    [match] = match_people(people, con)
    assert match.probability > 0.99
    assert match.record["inn"] == INN_PETROV
    assert any(line.startswith("фамилия «петров» совпадает, редкая") for line in match.explanation)


def test_same_inn_in_a_three_row_registry_is_certain(con):
    people = [PersonQuery("a", "Кузнецов", "Олег", "Ильич", inn=INN_KUZNETSOV)]
    [match] = match_people(people, con)
    assert (match.probability, match.inn_status) == (1.0, "equal")


def test_other_name_in_a_three_row_registry_is_not_a_match(con):
    people = [PersonQuery("a", "Петров", "Олег", "Ильич", region="77")]
    assert match_people(people, con) == []
