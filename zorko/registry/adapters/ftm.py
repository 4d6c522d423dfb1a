"""FollowTheMoney entities → companies, entrepreneurs, person_roles, company_owners, company_managers.

Links name their parties by id, and an id may come before or after the
link that uses it (or twice, as the 2022 ``ru_egrul`` dump repeats a
person for each role). So every entity and link is first staged as it
streams by; ``merge`` then resolves the ids in SQL — DuckDB spills to
disk, Python holds nothing — and builds the same staging shape the ЕГРЮЛ
and ЕГРИП adapters use, merged by the same rules (first/last seen,
added / changed / unchanged).

What becomes what:

* ``Company`` with a 13-digit ``ogrnCode`` → a company (the region is the
  КПП's first two digits — where the company is registered now — else ОГРН
  digits 4–5); companies without ОГРН cannot be keyed and are skipped;
* any party with a 15-digit ``ogrnCode`` → an entrepreneur;
* ``Ownership`` of a company by a ``Person`` → a founder role; by any
  other party → a company owner (kind from ``role`` when it is an ЕГРЮЛ
  founder element, else by the owner: state body, Russian or foreign);
* ``Directorship`` of a ``Person`` → a director (``manager`` or ``other``
  when the summary says so, as Zorko's export writes); of a company → a
  managing company.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import duckdb

from zorko.registry.adapters import Adapter, Counts, add_counts, stage_columns
from zorko.registry.adapters.egrip import entrepreneur_spec
from zorko.registry.adapters.egrul import (
    company_spec,
)
from zorko.registry.adapters.entity import merge_entities
from zorko.registry.addresses import normalize_address
from zorko.registry.importers import ftm
from zorko.registry.importers.ftm import FtmEntity, FtmLink, FtmRecord

PARTY_COLUMNS = ("id", "schema", "name", "alias", "ogrn", "inn", "kpp", "last_name",
                 "first_name", "middle_name", "legal_form", "status", "incorporated", "dissolved",
                 "address", "address_norm", "okved", "country", "seen")
LINK_COLUMNS = ("id", "schema", "source_id", "target_id", "percentage", "shares_value", "role",
                "summary", "start_date", "unreliable")
PARTIES, LINKS = "stage_ftm_parties", "stage_ftm_links"
OWNER_KINDS = ("УчрЮЛРос", "УчрЮЛИн", "УчрРФСубМО", "УчрПИФ", "УчрДогИнвТов")

COMPANIES = company_spec("stage_ftm")
ENTREPRENEURS = entrepreneur_spec("stage_ftm_entrepreneurs", "stage_ftm_ip_roles")


class FtmAdapter(Adapter):
    source = "ftm"
    title = "FollowTheMoney (OpenSanctions)"
    suffixes = ftm.SUFFIXES
    stages = {
        PARTIES: stage_columns(PARTY_COLUMNS, types={"seen": "DATE"}),
        LINKS: stage_columns(LINK_COLUMNS, types={"percentage": "DOUBLE",
                                                  "shares_value": "DOUBLE"}),
    }
    tables = ("companies", "entrepreneurs", "person_roles", "company_owners", "company_managers")

    def parse(self, stream: BinaryIO, name: str) -> Iterator[FtmRecord]:
        return ftm.parse_stream(stream, name)

    def extract_date(self, record: FtmRecord) -> str | None:
        return record.seen if isinstance(record, FtmEntity) else None

    def stage(self, record: FtmRecord, load_id: int, rec: int,
              batch: dict[str, list[tuple[Any, ...]]]) -> None:
        r = record
        if isinstance(r, FtmLink):
            batch[LINKS].append((load_id, rec, r.id, r.schema, r.source_id, r.target_id,
                                 r.percentage, r.shares_value, r.role, r.summary, r.start_date,
                                 r.unreliable))
            return
        batch[PARTIES].append((load_id, rec, r.id, r.schema, r.name, r.alias, r.ogrn, r.inn, r.kpp,
                               r.last_name, r.first_name, r.middle_name, r.legal_form, r.status,
                               r.incorporated, r.dissolved, r.address,
                               normalize_address(r.address) or None, r.okved, r.country, r.seen))

    def merge(self, con: duckdb.DuckDBPyConnection) -> dict[int, Counts]:
        try:
            _resolve(con, date.today().isoformat())
            counts = add_counts(merge_entities(con, COMPANIES), merge_entities(con, ENTREPRENEURS))
        finally:
            for table in ("_parties", "_ftm_companies", "_child_sig", "stage_ftm_companies", "stage_ftm_roles", "stage_ftm_owners",
                          "stage_ftm_managers", "stage_ftm_entrepreneurs", "stage_ftm_ip_roles"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
        return counts


def _resolve(con: duckdb.DuckDBPyConnection, today: str) -> None:
    """Build the entity-shaped staging tables from the staged FtM parties and links."""
    # One row per id: repeated entities are merged (a value from any copy), the latest copy's
    # load and position are kept; the schema is Company if any copy says so.
    merged = ", ".join(f"max({c}) AS {c}" for c in PARTY_COLUMNS if c not in ("id", "schema"))
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _parties AS
        SELECT id, CASE WHEN bool_or(schema = 'Company') THEN 'Company' ELSE max(schema) END
               AS schema, {merged}, max(load_id) AS load_id, max(rec) AS rec
        FROM {PARTIES} GROUP BY id
    """)
    # Companies: one per ОГРН, the fullest description winning.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _ftm_companies AS
        SELECT load_id, rec, NULL::BIGINT AS row_hash, coalesce(seen, DATE '{today}') AS seen,
               ogrn, inn, kpp, name AS full_name, alias AS short_name, legal_form, status,
               dissolved::DATE AS terminated_on,
               coalesce(substr(kpp, 1, 2), substr(ogrn, 4, 2)) AS region, address,
               NULL::JSON AS address_parts, address_norm, okved, incorporated::DATE AS registered_on,
               NULL::DECIMAL(18,2) AS capital
        FROM _parties
        WHERE schema = 'Company' AND length(ogrn) = 13
        QUALIFY row_number() OVER (PARTITION BY ogrn ORDER BY
            (name IS NOT NULL)::INT + (inn IS NOT NULL)::INT + (address IS NOT NULL)::INT DESC,
            rec DESC) = 1
    """)
    links = f"""
        SELECT l.*, c.rec AS company_rec, c.load_id AS company_load, c.ogrn AS subject_ogrn,
               c.region AS subject_region, p.schema AS party_schema, p.ogrn AS party_ogrn,
               p.inn AS party_inn, p.name AS party_name, p.last_name, p.first_name,
               p.middle_name, p.country
        FROM {LINKS} l
        JOIN _parties t ON t.id = l.target_id
        JOIN _ftm_companies c ON c.ogrn = t.ogrn
        JOIN _parties p ON p.id = l.source_id
    """
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE stage_ftm_roles AS
        SELECT DISTINCT company_load AS load_id, company_rec AS rec, 'company' AS subject_kind,
               subject_ogrn,
               CASE WHEN schema = 'Ownership' THEN 'founder'
                    WHEN coalesce(summary, '') ILIKE '%управляющей организации%' THEN 'manager'
                    WHEN coalesce(summary, '') ILIKE 'Иное лицо%' THEN 'other'
                    ELSE 'director' END AS role,
               last_name, first_name, middle_name, party_inn AS inn,
               CASE WHEN schema = 'Ownership' THEN percentage END AS share_percent,
               CASE WHEN schema = 'Ownership' THEN shares_value END::DECIMAL(18,2)
               AS share_nominal,
               CASE WHEN schema = 'Directorship' THEN role END AS title,
               start_date::DATE AS since, unreliable, subject_region AS region
        FROM ({links}) WHERE party_schema = 'Person'
    """)
    kinds = ", ".join(f"'{k}'" for k in OWNER_KINDS)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE stage_ftm_owners AS
        SELECT DISTINCT company_load AS load_id, company_rec AS rec, subject_ogrn,
               CASE WHEN role IN ({kinds}) THEN role
                    WHEN party_schema = 'PublicBody' THEN 'УчрРФСубМО'
                    WHEN party_ogrn IS NOT NULL OR coalesce(country, 'ru') = 'ru' THEN 'УчрЮЛРос'
                    ELSE 'УчрЮЛИн' END AS owner_kind,
               party_ogrn AS owner_ogrn, party_inn AS owner_inn, party_name AS owner_name,
               percentage AS share_percent, shares_value::DECIMAL(18,2) AS share_nominal,
               start_date::DATE AS since, unreliable
        FROM ({links}) WHERE schema = 'Ownership' AND party_schema <> 'Person'
    """)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE stage_ftm_managers AS
        SELECT DISTINCT company_load AS load_id, company_rec AS rec, subject_ogrn,
               party_ogrn AS manager_ogrn, party_inn AS manager_inn, party_name AS manager_name,
               start_date::DATE AS since, unreliable
        FROM ({links}) WHERE schema = 'Directorship' AND party_schema <> 'Person'
    """)
    # The row hash covers the company with its roles, owners and managers, so a change in
    # any of them is a change of the company.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _child_sig AS
        SELECT rec, string_agg(sig, ';' ORDER BY sig) AS sig FROM (
            SELECT rec, concat_ws('/', 'r', role, last_name, first_name, middle_name, inn,
                                  share_percent, share_nominal, title, since, unreliable) AS sig
            FROM stage_ftm_roles
            UNION ALL
            SELECT rec, concat_ws('/', 'o', owner_kind, owner_ogrn, owner_inn, owner_name,
                                  share_percent, share_nominal, since, unreliable)
            FROM stage_ftm_owners
            UNION ALL
            SELECT rec, concat_ws('/', 'm', manager_ogrn, manager_inn, manager_name, since,
                                  unreliable)
            FROM stage_ftm_managers)
        GROUP BY rec
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE stage_ftm_companies AS
        SELECT c.* REPLACE ((hash(concat_ws('|', c.ogrn, c.inn, c.kpp, c.full_name, c.short_name,
                   c.legal_form, c.status, c.terminated_on, c.address, c.registered_on,
                   coalesce(g.sig, ''))) >> 1)::BIGINT AS row_hash)
        FROM _ftm_companies c LEFT JOIN _child_sig g ON g.rec = c.rec
    """)
    # Entrepreneurs: any party with an ОГРНИП.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE stage_ftm_entrepreneurs AS
        SELECT load_id, rec,
               (hash(concat_ws('|', ogrn, inn, last_name, first_name, middle_name, status,
                     dissolved, incorporated, okved)) >> 1)::BIGINT AS row_hash,
               coalesce(seen, DATE '{today}') AS seen, ogrn AS ogrnip, inn, last_name,
               first_name, middle_name, status, dissolved::DATE AS terminated_on,
               substr(ogrn, 4, 2) AS region, okved, incorporated::DATE AS registered_on,
               legal_form
        FROM _parties WHERE length(ogrn) = 15
        QUALIFY row_number() OVER (PARTITION BY ogrn ORDER BY rec DESC) = 1
    """)
    con.execute("""
        CREATE OR REPLACE TEMP TABLE stage_ftm_ip_roles AS
        SELECT load_id, rec, 'entrepreneur' AS subject_kind, ogrnip AS subject_ogrn,
               'entrepreneur' AS role, last_name, first_name, middle_name, inn,
               NULL::DOUBLE AS share_percent, NULL::DECIMAL(18,2) AS share_nominal,
               legal_form AS title, registered_on AS since, FALSE AS unreliable, region
        FROM stage_ftm_entrepreneurs
    """)
