"""Everything the rules need from the registry store, read once per run.

The registry tables follow ``docs/registry-schema.md``. Heavy work (joining
the people against millions of person roles) happens in DuckDB; what comes
back is small: the roles naming our people, the subjects behind them, the
suppliers of our organisations with their contracts and person roles.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb

from zorko.affiliation.addresses import address_key
from zorko.affiliation.identity import INN, JUDGED, MIN_SAMPLE, NORM_MACRO, RoleHit, match_roles
from zorko.affiliation.kin import patronymic_forms, surname_forms
from zorko.affiliation.model import Judgement, PersonRecord, Snapshot
from zorko.matching.normalize import normalize_name

SUBJECT_COLUMNS = ("kind", "ogrn", "inn", "name", "legal_form", "status", "terminated_on", "region",
                   "address", "address_parts")
# The parts of a registry address that a questionnaire gives too (no index, region or district).
_PLACE_PARTS = ("city", "locality", "street", "house", "building", "flat")


@dataclass(slots=True)
class Context:
    snapshot: Snapshot
    hits: dict[str, list[RoleHit]] = field(default_factory=lambda: defaultdict(list))
    subjects: dict[str, dict[str, Any]] = field(default_factory=dict)
    # organisation ИНН → supplier ОГРН/ИНН → its contracts with that organisation
    contracts: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    # organisation ИНН → person roles in its suppliers (for undeclared relatives)
    supplier_roles: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    mass_addresses: set[str] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    # How many registry roles carry each normalised surname / patronymic of a supplier's person,
    # and how many roles there are: the chance that a shared surname and patronymic is a coincidence.
    last_counts: dict[str, int] = field(default_factory=dict)
    middle_counts: dict[str, int] = field(default_factory=dict)
    roles_total: int = 1

    def share(self, counts: dict[str, int], forms: set[str]) -> float:
        return sum(counts.get(f, 0) for f in forms) / max(self.roles_total, 1)

    def supplier_contracts(self, org_inn: str, subject: dict[str, Any]) -> list[dict[str, Any]]:
        by_subject = self.contracts.get(org_inn, {})
        found = by_subject.get(subject["ogrn"]) or by_subject.get(subject.get("inn") or "") or []
        return sorted(found, key=lambda c: (c["sign_date"] or "", c["reg_num"]))

    def suppliers_of(self, org_inn: str) -> list[dict[str, Any]]:
        seen: dict[str, dict[str, Any]] = {}
        for key in self.contracts.get(org_inn, {}):
            subject = self.subjects.get(key)
            if subject is not None:
                seen[subject["ogrn"]] = subject
        return list(seen.values())


def _judged(hit: RoleHit, judged: Judgement) -> RoleHit:
    if hit.confidence == INN:
        hit.reasons.append(judged.note)
        return hit
    hit.confidence, hit.score, hit.probability = JUDGED, 1.0, 1.0
    hit.reasons.insert(0, judged.note)
    return hit


def home_region(org_inn: str) -> str:
    return org_inn[:2] if org_inn else ""


def build_context(con: duckdb.DuckDBPyConnection, snapshot: Snapshot) -> Context:
    ctx = Context(snapshot)
    ctx.tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    people: list[tuple[PersonRecord, str]] = []
    for servant in snapshot.servants:
        region = home_region(servant.organisation_inn)
        people.append((servant, region))
        people.extend((relative, region) for relative in servant.relatives)
    for hit in match_roles(con, people):
        judged = snapshot.judgements.get(hit.person_key, {}).get(hit.registry_person)
        if judged is None:
            ctx.hits[hit.person_key].append(hit)
        elif judged.same:
            ctx.hits[hit.person_key].append(_judged(hit, judged))
        # A registry person judged to be someone else stays silent, whatever he founds later.
    orgs = sorted({s.organisation_inn for s in snapshot.servants if s.organisation_inn})
    supplier_keys = _load_contracts(con, ctx, orgs)
    ogrns = {h.role["subject_ogrn"] for hits in ctx.hits.values() for h in hits} | supplier_keys
    _load_subjects(con, ctx, sorted(ogrns))
    _link_contracts_to_subjects(ctx)
    _load_supplier_roles(con, ctx)
    if "mass_addresses" in ctx.tables:
        ctx.mass_addresses = {address_key(r[0]) for r in con.execute(
            "SELECT DISTINCT address FROM mass_addresses WHERE address IS NOT NULL").fetchall()}
    return ctx


def _load_contracts(con: duckdb.DuckDBPyConnection, ctx: Context, orgs: list[str]) -> set[str]:
    rows = con.execute("""
        SELECT c.customer_inn, c.reg_num, c.sign_date, c.price, c.subject, s.supplier_inn, s.supplier_ogrn,
               s.supplier_name, coalesce(co.ogrn, e.ogrnip) AS ogrn
        FROM contracts c JOIN contract_suppliers s ON s.reg_num = c.reg_num
        LEFT JOIN companies co ON co.inn = s.supplier_inn AND length(s.supplier_inn) = 10
        LEFT JOIN entrepreneurs e ON e.inn = s.supplier_inn AND length(s.supplier_inn) = 12
        WHERE c.customer_inn IN (SELECT unnest($orgs))
    """, {"orgs": orgs}).fetchall()
    keys: set[str] = set()
    for org, reg_num, sign_date, price, what, s_inn, s_ogrn, s_name, ogrn in rows:
        key = ogrn or s_ogrn or s_inn
        if not key:
            continue
        contract = {"reg_num": reg_num, "sign_date": sign_date.isoformat() if sign_date else None,
                    "price": str(price) if price is not None else None, "subject": what or "",
                    "supplier_name": s_name or ""}
        bucket = ctx.contracts.setdefault(org, {}).setdefault(key, [])
        if not any(c["reg_num"] == reg_num for c in bucket):
            bucket.append(contract)
        keys.add(key)
    return keys


def _load_subjects(con: duckdb.DuckDBPyConnection, ctx: Context, ogrns: list[str]) -> None:
    rows = con.execute("""
        SELECT 'company', ogrn, inn, coalesce(nullif(short_name, ''), full_name), legal_form, status,
               terminated_on, region, address, CAST(address_parts AS VARCHAR)
        FROM companies WHERE ogrn IN (SELECT unnest($k))
        UNION ALL
        SELECT 'entrepreneur', ogrnip, inn,
               'ИП ' || concat_ws(' ', last_name, first_name, nullif(middle_name, '')), NULL, status,
               terminated_on, region, NULL, NULL
        FROM entrepreneurs WHERE ogrnip IN (SELECT unnest($k))
    """, {"k": ogrns}).fetchall()
    for values in rows:
        subject = dict(zip(SUBJECT_COLUMNS, values, strict=True))
        if subject["terminated_on"] is not None:
            subject["terminated_on"] = subject["terminated_on"].isoformat()
        subject["address_key"] = _subject_address_key(subject.pop("address_parts"), subject["address"])
        ctx.subjects[subject["ogrn"]] = subject


def _subject_address_key(parts_json: str | None, address: str | None) -> str:
    parts = json.loads(parts_json) if parts_json else None
    if isinstance(parts, dict) and any(parts.get(p) for p in _PLACE_PARTS):
        return address_key(", ".join(str(parts[p]) for p in _PLACE_PARTS if parts.get(p)))
    return address_key(address)


def _link_contracts_to_subjects(ctx: Context) -> None:
    """Index the same contracts by the subject's ИНН too (contracts name suppliers by ИНН)."""
    for by_subject in ctx.contracts.values():
        for subject in ctx.subjects.values():
            if subject["inn"] in by_subject and subject["ogrn"] not in by_subject:
                by_subject[subject["ogrn"]] = by_subject[subject["inn"]]


def _load_supplier_roles(con: duckdb.DuckDBPyConnection, ctx: Context) -> None:
    """One scan of person_roles for the suppliers of all organisations at once."""
    by_org: dict[str, set[str]] = {}
    for org, suppliers in ctx.contracts.items():
        by_org[org] = {s["ogrn"] for k in suppliers if (s := ctx.subjects.get(k))}
    ogrns = sorted(set().union(*by_org.values())) if by_org else []
    if not ogrns:
        return
    cols = ("subject_kind", "subject_ogrn", "role", "last_name", "first_name", "middle_name", "inn", "region",
            "since")
    rows = con.execute(f"""
        SELECT {", ".join(cols)} FROM person_roles
        WHERE subject_ogrn IN (SELECT unnest($k)) AND role <> 'other'
    """, {"k": ogrns}).fetchall()
    by_subject: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for values in rows:
        role = dict(zip(cols, values, strict=True))
        role["since"] = role["since"].isoformat() if role["since"] else None
        role["norm"] = tuple(normalize_name(role[c]) for c in ("last_name", "first_name", "middle_name"))
        by_subject[role["subject_ogrn"]].append(role)
    for org, subjects in by_org.items():
        ctx.supplier_roles[org] = [r for ogrn in sorted(subjects) for r in by_subject.get(ogrn, [])]
    _load_name_counts(con, ctx, [r for roles in by_subject.values() for r in roles])


def _load_name_counts(con: duckdb.DuckDBPyConnection, ctx: Context, roles: list[dict[str, Any]]) -> None:
    lasts = sorted({f for r in roles for f in surname_forms(r["last_name"] or "")})
    middles = sorted({f for r in roles for f in patronymic_forms(r["middle_name"] or "")})
    con.execute(NORM_MACRO)
    rows = con.execute("""
        WITH r AS (SELECT zf(last_name) AS l, zf(middle_name) AS m FROM person_roles)
        SELECT 'l', l, count(*) FROM r WHERE l IN (SELECT unnest($l)) GROUP BY l
        UNION ALL SELECT 'm', m, count(*) FROM r WHERE m IN (SELECT unnest($m)) GROUP BY m
    """, {"l": lasts, "m": middles}).fetchall()
    for part, value, n in rows:
        (ctx.last_counts if part == "l" else ctx.middle_counts)[value] = int(n)
    ctx.roles_total = max(MIN_SAMPLE, int(con.execute("SELECT count(*) FROM person_roles").fetchall()[0][0]))
