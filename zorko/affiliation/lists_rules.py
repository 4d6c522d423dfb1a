"""Rules over the person lists: the loss-of-trust register and НПД (self-employed) statuses.

* ``loss_of_trust`` (ст. 15 273-ФЗ): a candidate or servant still listed in
  the register of persons dismissed for loss of trust. ``high`` when the
  birth date or the ИНН agrees (the register published for all omits them;
  a file completed from the dismissal order has them). A match on the
  name alone becomes a clarification request (``triage.py``), not a finding;
  a register entry judged to be someone else stays silent.
* ``own_self_employed``: a candidate or servant who is a payer of the tax
  on professional income (НПД). Servants may use НПД only for letting
  housing (422-ФЗ ст. 4 ч. 2 п. 6 [check]), so it is ``medium``: the
  commission asks what the income is.
* ``relative_self_employed_supplier``: a relative who is self-employed and
  is paid by the servant's organisation under a contract (a natural-person
  supplier with the relative's ИНН): ``high``.

НПД statuses come from the ``npd_status`` table (the ``npd`` source) and
from the online check's cache (``zorko.registry.npd_online``); the newest
of the two wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import duckdb

from zorko.affiliation import model as m
from zorko.affiliation.context import Context
from zorko.affiliation.evidence import Confidence, ContractRef, Evidence, MatchEvidence, PersonRef
from zorko.affiliation.identity import NORM_MACRO
from zorko.affiliation.model import RULES, FindingCandidate, ServantRecord
from zorko.affiliation.rules import make_candidate, node
from zorko.affiliation.wording import kinship_words
from zorko.matching.normalize import normalize_name
from zorko.reports.names import agreed
from zorko.ru.formats import date_ru, money_ru

LOSS_OF_TRUST = "loss_of_trust"
OWN_SELF_EMPLOYED = "own_self_employed"
RELATIVE_SELF_EMPLOYED_SUPPLIER = "relative_self_employed_supplier"
LIST_RULES = {
    LOSS_OF_TRUST: "в реестре лиц, уволенных в связи с утратой доверия",
    OWN_SELF_EMPLOYED: "служащий или кандидат — плательщик налога на профессиональный доход (самозанятый)",
    RELATIVE_SELF_EMPLOYED_SUPPLIER: "родственник — самозанятый, получающий оплату от организации служащего по договору",
}
# Shown wherever rule names are (the findings package reads them from this dictionary).
for _code, _name in LIST_RULES.items():
    RULES.setdefault(_code, _name)

_ACTIVE = ("candidate", "servant")


def list_findings(con: duckdb.DuckDBPyConnection, ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    if servant.status not in _ACTIVE:
        return
    if "loss_of_trust" in ctx.tables:
        judged = ctx.snapshot.judgements.get(servant.key, {})
        yield from (c for c in loss_of_trust(con, servant, ctx.snapshot.as_of)
                    if not (j := judged.get(c.evidence.extra["registry_person"]["key"])) or j.same)
    yield from self_employed(con, ctx, servant)


def _who(servant: ServantRecord) -> str:
    """«Служащий» / «Служащая» / «Кандидат»: the sentence's subject agrees with the person."""
    if servant.status == "candidate":
        return "Кандидат"
    return agreed("Служащий", "Служащая", servant.full_name)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def loss_of_trust(con: duckdb.DuckDBPyConnection, servant: ServantRecord, as_of: date) -> Iterator[FindingCandidate]:
    con.execute(NORM_MACRO)
    names = [normalize_name(x) for x in (servant.last_name, servant.first_name, servant.middle_name)]
    rows = con.execute("""
        SELECT full_name, birth_date, inn, organisation, position, dismissed_on, ground, included_on
        FROM loss_of_trust
        WHERE (excluded_on IS NULL OR excluded_on > $5)
          AND ((inn = $4 AND $4 <> '')
               OR (zn(last_name) = $1 AND zn(first_name) = $2 AND zn(coalesce(middle_name, '')) = $3))
    """, [*names, servant.inn or "", as_of]).fetchall()
    for full_name, birth, inn, organisation, position, dismissed_on, ground, included_on in rows:
        if inn and servant.inn and inn != servant.inn:
            continue
        if birth and servant.birth_date and birth != servant.birth_date:
            continue
        by_inn = bool(inn and inn == servant.inn)
        by_birth = bool(birth and birth == servant.birth_date)
        confirmed = by_inn or by_birth
        basis = "ИНН совпадает" if by_inn else "дата рождения совпадает" if by_birth else (
            "совпадают только фамилия, имя и отчество — требуется уточнение")
        dismissed = date_ru(dismissed_on) if dismissed_on else "дата не указана"
        text = (f"{_who(servant)} {servant.full_name} совпадает с записью реестра лиц, уволенных в связи с "
                f"утратой доверия: {full_name}, {position or 'должность не указана'}, "
                f"{organisation or 'орган не указан'}, {agreed('уволен', 'уволена', full_name)} {dismissed} ({ground or 'основание не указано'}); "
                f"{basis}.")
        score = 0.97 if confirmed else 0.4
        key = f"lot:{normalize_name(full_name)}|{_iso(dismissed_on) or ''}"
        evidence = Evidence(
            summary=text, person=PersonRef(servant.key, servant.full_name, servant.inn or None),
            registry=[{"full_name": full_name, "birth_date": _iso(birth), "inn": inn,
                       "organisation": organisation, "position": position,
                       "dismissed_on": _iso(dismissed_on), "ground": ground,
                       "included_on": _iso(included_on)}],
            match=MatchEvidence(score=score, confidence=Confidence.INN if by_inn else Confidence.BIRTH_DATE
                                if by_birth else Confidence.NAME, reasons=[basis]),
            graph_path=[node("servant", servant.key)],
            extra={"kind": "lists", "registry_person": {"key": key, "full_name": full_name, "inn": inn or "",
                                                         "region": "", "organisation": organisation or "",
                                                         "position": position or ""}})
        subject = {"kind": "person", "ogrn": "", "inn": inn or "", "name": full_name}
        yield make_candidate(LOSS_OF_TRUST, m.HIGH if confirmed else m.LOW, score,
                             servant, None, subject, text, evidence)


def npd_statuses(con: duckdb.DuckDBPyConnection, tables: set[str], inns: list[str]) -> dict[str, tuple[bool, date, str]]:
    """ИНН → (is a payer of НПД, on which date, where from) — the newest of the list and the online cache."""
    from zorko.registry import npd_online

    found: dict[str, tuple[bool, date, str]] = {}
    wanted = sorted({i for i in inns if i})
    if not wanted:
        return found
    if "npd_status" in tables:
        for inn, status, status_on in con.execute("""
                SELECT inn, arg_max(status, status_on), max(status_on) FROM npd_status
                WHERE inn IN (SELECT unnest($i)) GROUP BY inn""", {"i": wanted}).fetchall():
            found[inn] = (bool(status), status_on, "список НПД")
    for inn, answer in npd_online.cached(wanted).items():
        if answer.status is not None and (inn not in found or answer.checked_on >= found[inn][1]):
            found[inn] = (answer.status, answer.checked_on, "сервис ФНС «Проверка статуса НПД»")
    return found


def self_employed(con: duckdb.DuckDBPyConnection, ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    people = [servant, *servant.relatives]
    statuses = npd_statuses(con, ctx.tables, [p.inn for p in people])
    if not statuses:
        return
    own = statuses.get(servant.inn)
    if own and own[0]:
        text = (f"{_who(servant)} {servant.full_name} (ИНН {servant.inn}) — плательщик налога на "
                f"профессиональный доход на {own[1].strftime('%d.%m.%Y')} ({own[2]}). Муниципальному служащему "
                "применять НПД можно только при сдаче жилья внаём: нужно выяснить источник дохода.")
        evidence = Evidence(
            summary=text, person=PersonRef(servant.key, servant.full_name, servant.inn or None),
            registry=[{"inn": servant.inn, "npd": True, "status_on": own[1].isoformat(), "source": own[2]}],
            match=MatchEvidence(score=0.8, confidence=Confidence.INN), graph_path=[node("servant", servant.key)],
            extra={"kind": "lists"})
        subject = {"kind": "person", "ogrn": "", "inn": servant.inn, "name": servant.full_name}
        yield make_candidate(OWN_SELF_EMPLOYED, m.MEDIUM, 0.8, servant, None, subject, text, evidence)
    paid = _paid_people(con, ctx, servant.organisation_inn,
                        [r.inn for r in servant.relatives if r.inn and statuses.get(r.inn, (False,))[0]])
    for relative in servant.relatives:
        contracts = paid.get(relative.inn, [])
        if not contracts:
            continue
        status = statuses[relative.inn]
        total = sum(float(c["price"] or 0) for c in contracts)
        kin = kinship_words(relative.kinship, servant.full_name, relative.full_name, relative.kinship_label)[0]
        payer = (f"организации «{servant.organisation_name}»" if servant.organisation_name
                 else "организации служащего")
        text = (f"{(kin or 'родственник').capitalize()} {relative.full_name} (ИНН {relative.inn}) — "
                f"{agreed('самозанятый', 'самозанятая', relative.full_name)} (НПД на {date_ru(status[1])}, "
                f"{status[2]}) и получает оплату от {payer} по договорам: {len(contracts)} на сумму "
                f"{money_ru(total)}")
        evidence = Evidence(
            summary=text, person=PersonRef(relative.key, relative.full_name, relative.inn or None, relative.kinship),
            registry=[{"inn": relative.inn, "npd": True, "status_on": status[1].isoformat(), "source": status[2]}],
            match=MatchEvidence(score=0.9, confidence=Confidence.INN),
            contracts=[ContractRef(c["reg_num"], c["sign_date"], c["price"], c["subject"]) for c in contracts],
            organisation={"inn": servant.organisation_inn, "name": servant.organisation_name},
            graph_path=[node("servant", servant.key), node("relative", relative.key)]
            + [node("contract", c["reg_num"]) for c in contracts[:1]],
            extra={"kind": "lists", "laws": {c["reg_num"]: c["law"] for c in contracts}})
        subject = {"kind": "person", "ogrn": "", "inn": relative.inn, "name": relative.full_name}
        yield make_candidate(RELATIVE_SELF_EMPLOYED_SUPPLIER, m.HIGH, 0.9, servant, relative, subject, text,
                             evidence)


def _paid_people(con: duckdb.DuckDBPyConnection, ctx: Context, org_inn: str,
                 inns: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Contracts (44-ФЗ and 223-ФЗ) of the organisation in which these natural persons are suppliers."""
    if not inns or not org_inn or "contracts" not in ctx.tables:
        return {}
    found: dict[str, list[dict[str, Any]]] = {}
    for inn, reg_num, law, sign_date, price, subject in con.execute("""
            SELECT DISTINCT s.supplier_inn, c.reg_num, c.law, c.sign_date, c.price, c.subject
            FROM contract_suppliers s JOIN contracts c ON c.reg_num = s.reg_num
            WHERE c.customer_inn = $org AND s.supplier_inn IN (SELECT unnest($i))
            ORDER BY c.sign_date NULLS LAST, c.reg_num""", {"org": org_inn, "i": inns}).fetchall():
        found.setdefault(inn, []).append({"reg_num": reg_num, "law": law,
                                          "sign_date": sign_date.isoformat() if sign_date else None,
                                          "price": str(price) if price is not None else None,
                                          "subject": subject or ""})
    return found
