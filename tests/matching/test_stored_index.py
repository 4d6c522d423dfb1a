"""A read-only registry store reuses the keyed copy a writer left in it, and never a stale one."""

from __future__ import annotations

import duckdb

from zorko.matching import PersonQuery, match_people, prepare_registry


def _store(path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE person_roles (last_name VARCHAR, first_name VARCHAR, middle_name VARCHAR, "
                "inn VARCHAR, region VARCHAR)")
    con.execute("INSERT INTO person_roles VALUES ('Загорулько', 'Ефим', 'Аристархович', NULL, '42'), "
                "('Петров', 'Андрей', 'Викторович', NULL, '42')")
    prepare_registry(con)
    con.close()


def _temp_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()]


def test_read_only_check_reuses_the_keyed_copy_built_by_a_writer(tmp_path):
    path = tmp_path / "registry.duckdb"
    _store(path)
    read_only = duckdb.connect(str(path), read_only=True)
    assert prepare_registry(read_only).keys_table.endswith(".main.person_roles_keys")
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович", region="42")], read_only)
    assert [m.record["last_name"] for m in matches] == ["Загорулько"]
    # Nothing was keyed again in memory.
    assert "person_roles_keys" not in _temp_tables(read_only)


def test_read_only_check_does_not_trust_a_keyed_copy_older_than_the_roles(tmp_path):
    path = tmp_path / "registry.duckdb"
    _store(path)
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO person_roles VALUES ('Кукушкина', 'Варвара', 'Ильинична', NULL, '42')")
    con.close()
    read_only = duckdb.connect(str(path), read_only=True)
    matches = match_people([PersonQuery("s", "Кукушкина", "Варвара", "Ильинична", region="42")], read_only)
    assert [m.record["last_name"] for m in matches] == ["Кукушкина"]
    assert "person_roles_keys" in _temp_tables(read_only)
