"""The rules that turn registry links into finding candidates.

Each rule reads the :class:`~zorko.affiliation.context.Context` for one
servant (or candidate) and yields candidates with a severity that follows
the evidence: an ИНН-confirmed link outranks a name-only one, a name-only
link to another region is never ``high``, and terminated companies and
entrepreneurs raise no current finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from zorko.affiliation import model as m
from zorko.affiliation.context import Context
from zorko.affiliation.identity import INN, STRONG, RoleHit
from zorko.affiliation.model import FindingCandidate, PersonRecord, RelativeRecord, ServantRecord

# Legal forms of non-commercial bodies: directing a school or a foundation is not "business".
_NON_COMMERCIAL = ("учрежден", "некоммерческ", "фонд", "ассоциац", "союз", "общественн", "религиозн",
                   "товарищество собственников", "садоводческ", "огородническ", "партнерств",
                   "государственн", "муниципальн", "казенн", "бюджетн", "автономн", "партия", "палата")
_ROLE_RU = {"director": "руководитель", "manager": "руководитель управляющей организации",
            "founder": "учредитель (участник)", "entrepreneur": "индивидуальный предприниматель"}


def is_active(subject: dict[str, Any]) -> bool:
    if subject.get("terminated_on"):
        return False
    # A pending exclusion («недействующее», «в стадии ликвидации») is not an end yet: the company exists.
    status = (subject.get("status") or "").lower()
    return not any(w in status for w in ("прекратил", "ликвидировано", "исключено из"))


def is_commercial(subject: dict[str, Any]) -> bool:
    if subject["kind"] == "entrepreneur":
        return True
    text = f"{subject.get('legal_form') or ''} {subject.get('name') or ''}".lower().replace("ё", "е")
    return not any(word in text for word in _NON_COMMERCIAL)


def node(kind: str, key: str) -> str:
    return f"{kind}:{key}"


# A name-only hit this weak (a common ФИО in another region) is no evidence on its own: it becomes
# a finding only when something else links it, such as a contract with the servant's organisation.
MIN_UNLINKED_SCORE = 0.5


def _severity(hit: RoleHit, strong: str, weak: str) -> str:
    if hit.confidence in (INN, STRONG):
        return strong
    return weak if hit.score >= 0.6 else m.LOW


def _evidence(ctx: Context, servant: ServantRecord, person: PersonRecord, hit: RoleHit,
              subject: dict[str, Any], contracts: list[dict[str, Any]], path: list[str]) -> dict[str, Any]:
    return {
        "person": {"key": person.key, "full_name": person.full_name, "inn": person.inn or None},
        "registry": [hit.role],
        "subject": {k: subject.get(k) for k in ("kind", "ogrn", "inn", "name", "status", "terminated_on",
                                                "region", "address")},
        "match": {"score": hit.score, "confidence": hit.confidence, "explanation": hit.explanation},
        "contracts": [{k: c[k] for k in ("reg_num", "sign_date", "price", "subject")} for c in contracts],
        "organisation": {"inn": servant.organisation_inn, "name": servant.organisation_name},
        "graph_path": path,
    }


def _contracts_text(contracts: list[dict[str, Any]]) -> str:
    total = sum(float(c["price"] or 0) for c in contracts)
    nums = ", ".join(c["reg_num"] for c in contracts[:3]) + (" и др." if len(contracts) > 3 else "")
    amount = f"{total:,.2f}".replace(",", " ")
    return f"контракты с организацией служащего: {len(contracts)} на сумму {amount} руб. ({nums})"


def _candidate(rule: str, severity: str, score: float, servant: ServantRecord, relative: RelativeRecord | None,
               subject: dict[str, Any], explanation: str, evidence: dict[str, Any]) -> FindingCandidate:
    return FindingCandidate(rule, severity, round(min(max(score, 0.0), 1.0), 2), servant.key,
                            relative.key if relative else None, subject["kind"], subject["ogrn"],
                            subject.get("inn") or "", subject.get("name") or "", explanation, evidence)


def own_business(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    """own_entrepreneur, own_director, own_founder for the servant (or candidate) themselves."""
    org = servant.organisation_inn
    for hit in ctx.hits.get(servant.key, []):
        subject = ctx.subjects.get(hit.role["subject_ogrn"])
        if subject is None or not is_active(subject) or not is_commercial(subject):
            continue
        if subject.get("inn") and subject["inn"] == org:
            continue
        role = hit.role["role"]
        contracts = ctx.supplier_contracts(org, subject)
        if hit.score < MIN_UNLINKED_SCORE and not contracts:
            continue
        if role == "entrepreneur":
            rule, severity = m.OWN_ENTREPRENEUR, _severity(hit, m.HIGH, m.MEDIUM)
        elif role in ("director", "manager"):
            rule, severity = m.OWN_DIRECTOR, _severity(hit, m.HIGH, m.MEDIUM)
        elif role == "founder":
            # A share is lawful in trust management; it becomes serious when the company supplies us.
            rule = m.OWN_FOUNDER
            severity = _severity(hit, m.HIGH if contracts else m.MEDIUM, m.MEDIUM if contracts else m.LOW)
        else:
            continue
        path = [node("servant", servant.key), node(subject["kind"], subject["ogrn"])]
        path += [node("contract", c["reg_num"]) for c in contracts[:1]]
        path += [node("organisation", org)] if contracts else []
        text = (f"{servant.full_name} — {_ROLE_RU.get(role, role)}: {subject['name']} "
                f"(ОГРН{'ИП' if subject['kind'] == 'entrepreneur' else ''} {subject['ogrn']}). "
                f"Основание совпадения: {'; '.join(hit.explanation)}.")
        if contracts:
            text += " " + _contracts_text(contracts).capitalize() + "."
        yield _candidate(rule, severity, hit.score, servant, None, subject, text,
                         _evidence(ctx, servant, servant, hit, subject, contracts, path))


def relatives_business(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    """relative_supplier (the relative's business supplies the servant's organisation) or relative_business."""
    org = servant.organisation_inn
    for relative in servant.relatives:
        for hit in ctx.hits.get(relative.key, []):
            subject = ctx.subjects.get(hit.role["subject_ogrn"])
            role = hit.role["role"]
            if subject is None or not is_active(subject) or role not in _ROLE_RU:
                continue
            if not is_commercial(subject):
                continue
            contracts = ctx.supplier_contracts(org, subject)
            if hit.score < MIN_UNLINKED_SCORE and not contracts:
                continue
            kin = relative.kinship_label or relative.kinship
            rel_node = node("relative", relative.key)
            path = [node("servant", servant.key), rel_node, node(subject["kind"], subject["ogrn"])]
            text = (f"{kin.capitalize()} служащего {servant.full_name} — {relative.full_name} — "
                    f"{_ROLE_RU[role]}: {subject['name']} (ОГРН"
                    f"{'ИП' if subject['kind'] == 'entrepreneur' else ''} {subject['ogrn']}). "
                    f"Основание совпадения: {'; '.join(hit.explanation)}.")
            if contracts:
                rule, severity = m.RELATIVE_SUPPLIER, _severity(hit, m.HIGH, m.MEDIUM)
                path += [node("contract", c["reg_num"]) for c in contracts[:1]] + [node("organisation", org)]
                text += " " + _contracts_text(contracts).capitalize() + ": возможный конфликт интересов."
            else:
                rule, severity = m.RELATIVE_BUSINESS, _severity(hit, m.MEDIUM, m.LOW)
            yield _candidate(rule, severity, hit.score, servant, relative, subject, text,
                             _evidence(ctx, servant, relative, hit, subject, contracts, path) | {"kinship": kin})


def former_servant(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    """A former servant who, within 2 years after leaving, directs or founded a supplier."""
    if servant.status != "dismissed" or servant.dismissed_on is None:
        return
    left = servant.dismissed_on
    window_end = left.replace(year=left.year + 2) if not (left.month == 2 and left.day == 29) \
        else left.replace(year=left.year + 2, day=28)
    org = servant.organisation_inn
    for hit in ctx.hits.get(servant.key, []):
        subject = ctx.subjects.get(hit.role["subject_ogrn"])
        if subject is None or hit.role["role"] not in ("director", "manager", "founder", "entrepreneur"):
            continue
        contracts = ctx.supplier_contracts(org, subject)
        if not contracts:
            continue
        since = hit.role["since"]
        ended = subject.get("terminated_on")
        in_window = (since is None or since <= window_end.isoformat()) and \
            (ended is None or ended >= left.isoformat()) and \
            (ctx.snapshot.as_of <= window_end or (since is not None and since >= left.isoformat()))
        if not in_window:
            continue
        path = [node("servant", servant.key), node(subject["kind"], subject["ogrn"]),
                node("contract", contracts[0]["reg_num"]), node("organisation", org)]
        text = (f"{servant.full_name}, уволен(а) {left.strftime('%d.%m.%Y')} из «{servant.organisation_name}», "
                f"— {_ROLE_RU[hit.role['role']]}: {subject['name']} "
                f"(с {_ru_date(since) if since else 'неизвестной даты'}). "
                f"{_contracts_text(contracts).capitalize()}. Основание совпадения: {'; '.join(hit.explanation)}.")
        yield _candidate(m.FORMER_SERVANT, _severity(hit, m.HIGH, m.MEDIUM), hit.score, servant, None,
                         subject, text, _evidence(ctx, servant, servant, hit, subject, contracts, path)
                         | {"dismissed_on": left.isoformat(), "window_end": window_end.isoformat()})


def _ru_date(iso: str) -> str:
    y, mo, d = iso[:10].split("-")
    return f"{d}.{mo}.{y}"
