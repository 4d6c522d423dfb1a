"""The registry store as FollowTheMoney JSON lines, for Aleph and other FtM tools.

Companies become ``Company``, entrepreneurs ``Person`` (with their ОГРНИП
and the legal form «Индивидуальный предприниматель»), people named in
roles ``Person``, other owners ``Organization`` or ``PublicBody``; roles
become ``Ownership`` and ``Directorship``. Ids are derived from the
registry identifiers with ``make_id``, so the same store always gives the
same file and a re-export can be diffed. Lines stream from DuckDB cursors:
memory does not grow with the store. ``zorko.registry.importers.ftm``
reads the file back into the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import duckdb
from followthemoney import model
from followthemoney.proxy import EntityProxy

from zorko.exceptions import NotFound

ENTREPRENEUR_FORM = "Индивидуальный предприниматель"
MANAGER_SUMMARY = "Руководитель управляющей организации"
OTHER_SUMMARY = "Иное лицо, названное в записи (не руководитель)"
UNRELIABLE_STATUS = "недостоверные сведения"
FETCH = 5000


@dataclass(slots=True)
class ExportCounts:
    entities: int = 0
    by_schema: dict[str, int] = field(default_factory=dict)


def company_id(ogrn: str) -> str:
    return _entity("Company", "company", ogrn).id or ""


def person_id(inn: str | None, subject_ogrn: str, last: str | None, first: str | None,
              middle: str | None) -> str:
    return _entity("Person", *_person_key(inn, subject_ogrn, last, first, middle)).id or ""


def _person_key(inn: str | None, subject_ogrn: str | None, last: str | None,
                first: str | None, middle: str | None) -> tuple[str | None, ...]:
    # A person without ИНН cannot be told apart from a namesake elsewhere: keyed per company.
    return ("person", inn) if inn else ("person", subject_ogrn, last, first, middle)


def _entity(schema: str, *parts: Any) -> EntityProxy:
    proxy = model.make_entity(schema, key_prefix="zorko-ru")
    proxy.make_id(*parts)
    return proxy


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    if isinstance(value, float):
        # repr keeps every digit (a share of 1/3 stays 33.333333333333336 both ways).
        return repr(value) if value % 1 else str(int(value))
    return str(value)


def _put(proxy: EntityProxy, prop: str, *values: Any) -> None:
    for value in values:
        text = _text(value)
        if text:
            proxy.add(prop, text)


# FtM property ← store column, for the columns copied as they are.
_REGISTRATION = (("innCode", "inn"), ("status", "status"), ("dissolutionDate", "terminated_on"),
                 ("incorporationDate", "registered_on"), ("okvedCode", "okved"))
_COMPANY = (("ogrnCode", "ogrn"), ("kppCode", "kpp"), ("legalForm", "legal_form"),
            ("address", "address"), ("capital", "capital"), *_REGISTRATION)
_ENTREPRENEUR = (("ogrnCode", "ogrnip"), *_REGISTRATION)


def _put_columns(proxy: EntityProxy, row: dict[str, Any],
                 columns: tuple[tuple[str, str], ...]) -> None:
    for prop, column in columns:
        # .get: stores made before a column was added (capital) lack it.
        _put(proxy, prop, row.get(column))


def _put_names(proxy: EntityProxy, row: dict[str, Any]) -> None:
    last, first, middle = row["last_name"], row["first_name"], row["middle_name"]
    _put(proxy, "name", " ".join(p for p in (last, first, middle) if p))
    _put(proxy, "lastName", last)
    _put(proxy, "firstName", first)
    _put(proxy, "fatherName", middle)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(FETCH):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def export(con: duckdb.DuckDBPyConnection, out: IO[str]) -> ExportCounts:
    """Write every exportable entity of the store to ``out``, one JSON object per line."""
    counts = ExportCounts()
    for proxy in entities(con):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")
        counts.entities += 1
        counts.by_schema[proxy.schema.name] = counts.by_schema.get(proxy.schema.name, 0) + 1
    return counts


def entities(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    yield from _companies(con)
    yield from _entrepreneurs(con)
    yield from _people(con)
    yield from _roles(con)
    yield from _owners(con)
    yield from _managers(con)


def _companies(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    for c in _rows(con, "SELECT * FROM companies ORDER BY ogrn"):
        proxy = _entity("Company", "company", c["ogrn"])
        _put(proxy, "name", c["full_name"], c["short_name"])
        _put_columns(proxy, c, _COMPANY)
        proxy.add("jurisdiction", "ru")
        yield proxy


def _entrepreneurs(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    for e in _rows(con, "SELECT * FROM entrepreneurs ORDER BY ogrnip"):
        proxy = _entity("Person", "entrepreneur", e["ogrnip"])
        _put_names(proxy, e)
        _put_columns(proxy, e, _ENTREPRENEUR)
        proxy.add("legalForm", ENTREPRENEUR_FORM)
        proxy.add("country", "ru")
        yield proxy


_COMPANY_ROLES = "FROM person_roles WHERE subject_kind = 'company' AND role <> 'entrepreneur'"


def _people(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    # Each person once: by ИНН when known, else per company and name.
    sql = f"""
        SELECT inn, NULL AS subject_ogrn, min(last_name) AS last_name,
               min(first_name) AS first_name, min(middle_name) AS middle_name
        {_COMPANY_ROLES} AND inn IS NOT NULL GROUP BY inn
        UNION ALL
        SELECT DISTINCT NULL, subject_ogrn, last_name, first_name, middle_name
        {_COMPANY_ROLES} AND inn IS NULL
        ORDER BY ALL
    """
    for p in _rows(con, sql):
        proxy = _entity("Person", *_person_key(p["inn"], p["subject_ogrn"], p["last_name"],
                                               p["first_name"], p["middle_name"]))
        _put_names(proxy, p)
        _put(proxy, "innCode", p["inn"])
        yield proxy


def _roles(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    sql = f"SELECT DISTINCT * EXCLUDE (load_id) {_COMPANY_ROLES} ORDER BY ALL"
    for r in _rows(con, sql):
        person = person_id(r["inn"], r["subject_ogrn"], r["last_name"], r["first_name"],
                           r["middle_name"])
        key = (r["role"], r["subject_ogrn"], person, _text(r["share_percent"]),
               _text(r["share_nominal"]), r["title"], _text(r["since"]))
        if r["role"] == "founder":
            yield _ownership(key, person, "УчрФЛ", r)
            continue
        proxy = _directorship(key, person, r["title"], r)
        if r["role"] == "manager":
            proxy.add("summary", MANAGER_SUMMARY)
        elif r["role"] == "other":
            proxy.add("summary", OTHER_SUMMARY)
        yield proxy


def _owners(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    emitted: set[str] = set()  # owners of several companies are written once
    for o in _rows(con, _joined_to_companies("company_owners", "owner_ogrn")):
        owner = _party(o, "owner", o["owner_kind"])
        yield from _once(owner, emitted)
        key = ("owner", o["subject_ogrn"], owner.id, o["owner_kind"], _text(o["share_percent"]),
               _text(o["since"]))
        yield _ownership(key, owner.id, o["owner_kind"], o)


def _managers(con: duckdb.DuckDBPyConnection) -> Iterator[EntityProxy]:
    emitted: set[str] = set()
    for m in _rows(con, _joined_to_companies("company_managers", "manager_ogrn")):
        manager = _party(m, "manager", "УчрЮЛРос")
        yield from _once(manager, emitted)
        key = ("manager", m["subject_ogrn"], manager.id, _text(m["since"]))
        yield _directorship(key, manager.id, "Управляющая организация", m)


def _joined_to_companies(table: str, ogrn_column: str) -> str:
    """The rows of ``table``, each told whether its party is a company of the store."""
    return f"""
        SELECT DISTINCT t.* EXCLUDE (load_id), c.ogrn IS NOT NULL AS in_store
        FROM {table} t LEFT JOIN companies c ON c.ogrn = t.{ogrn_column}
        ORDER BY ALL
    """


def _once(party: EntityProxy, emitted: set[str]) -> Iterator[EntityProxy]:
    """The party, unless already written (here, or as a company of the store)."""
    if party.schema.name != "Company" and party.id not in emitted:
        emitted.add(party.id or "")
        yield party


def _ownership(key: tuple[Any, ...], owner: str | None, role: str,
               row: dict[str, Any]) -> EntityProxy:
    proxy = _entity("Ownership", *key)
    proxy.add("owner", owner)
    proxy.add("asset", company_id(row["subject_ogrn"]))
    proxy.add("role", role)
    _put(proxy, "percentage", row["share_percent"])
    _put(proxy, "sharesValue", row["share_nominal"])
    _put_term(proxy, row)
    return proxy


def _directorship(key: tuple[Any, ...], director: str | None, role: str | None,
                  row: dict[str, Any]) -> EntityProxy:
    proxy = _entity("Directorship", *key)
    proxy.add("director", director)
    proxy.add("organization", company_id(row["subject_ogrn"]))
    _put(proxy, "role", role)
    _put_term(proxy, row)
    return proxy


def _put_term(proxy: EntityProxy, row: dict[str, Any]) -> None:
    """When a role began, and whether the ФНС marked it unreliable."""
    _put(proxy, "startDate", row["since"])
    if row["unreliable"]:
        proxy.add("status", UNRELIABLE_STATUS)


def _party(row: dict[str, Any], prefix: str, kind: str) -> EntityProxy:
    """The owning / managing party; a company of the store is referred to, not repeated."""
    ogrn, inn, name = row[f"{prefix}_ogrn"], row[f"{prefix}_inn"], row[f"{prefix}_name"]
    if ogrn and row["in_store"]:
        return _entity("Company", "company", ogrn)
    schema = "PublicBody" if kind == "УчрРФСубМО" else "Organization"
    # The name is part of the key: one ОГРН is named differently as the owner of different
    # companies (a municipality «ГОРОД НОВОСИБИРСК» acting for «НОВОСИБИРСКАЯ ОБЛАСТЬ»).
    parts = ("party", ogrn or inn or row["subject_ogrn"], kind, name)
    proxy = _entity(schema, *parts)
    _put(proxy, "name", name)
    _put(proxy, "ogrnCode", ogrn)
    _put(proxy, "innCode", inn)
    if kind == "УчрЮЛИн":
        proxy.add("summary", "Иностранное юридическое лицо")
    elif kind in ("УчрЮЛРос", "УчрРФСубМО"):
        proxy.add("country", "ru")
    return proxy


def export_file(out: Path, db_path: Path | str | None = None) -> ExportCounts:
    """Export the store to ``out``; written to a temporary file first, so a failure leaves none."""
    from zorko.registry import store

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with store.reading(db_path) as con:
        if con is None:
            raise NotFound("Хранилище реестров ещё не создано: сначала загрузите реестры "
                           "командой «zorko registry load».")
        with open(partial, "w", encoding="utf-8") as handle:
            counts = export(con, handle)
    partial.replace(out)
    return counts
