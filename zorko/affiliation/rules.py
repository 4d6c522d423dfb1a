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
from zorko.affiliation.evidence import Evidence, PersonRef, Severity, contract_refs, subject_ref
from zorko.affiliation.identity import CONFLICT, INN, JUDGED, STRONG, RoleHit
from zorko.affiliation.model import FindingCandidate, PersonRecord, RelativeRecord, ServantRecord
from zorko.affiliation.policy import POLICY
from zorko.affiliation.wording import (
    certainty,
    gender_of,
    kinship_words,
    link_summary,
    match_reasons,
    subject_phrase,
)
from zorko.reports.names import of_servant

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


def _severity(hit: RoleHit, strong: Severity, weak: Severity) -> Severity:
    if hit.confidence == JUDGED:
        return Severity.HIGH  # an inspector has already decided it is our person
    if hit.confidence in (INN, STRONG):
        return strong
    return weak if hit.score >= POLICY.medium_score else Severity.LOW


def registry_name(role: dict[str, Any]) -> str:
    return " ".join(p for p in (role.get("last_name"), role.get("first_name"), role.get("middle_name")) if p)


def _evidence(servant: ServantRecord, person: PersonRecord, hit: RoleHit, subject: dict[str, Any],
              contracts: list[dict[str, Any]], path: list[str], summary: str) -> Evidence:
    kinship = person.kinship if isinstance(person, RelativeRecord) else ""
    role = hit.role
    return Evidence(
        summary=summary,
        person=PersonRef(person.key, person.full_name, person.inn or None, kinship),
        registry=[role], subject=subject_ref(subject), match=hit.evidence(),
        contracts=contract_refs(contracts),
        organisation={"inn": servant.organisation_inn, "name": servant.organisation_name},
        graph_path=path,
        extra={"registry_person": {"key": hit.registry_person, "full_name": registry_name(role),
                                   "inn": role.get("inn") or "", "region": role.get("region") or ""}},
    )


def contracts_text(contracts: list[dict[str, Any]]) -> str:
    total = sum(float(c["price"] or 0) for c in contracts)
    nums = ", ".join(c["reg_num"] for c in contracts[:3]) + (" и др." if len(contracts) > 3 else "")
    amount = f"{total:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"контракты с организацией служащего: {len(contracts)} на сумму {amount} руб. ({nums})"


def make_candidate(rule: str, severity: Severity, score: float, servant: ServantRecord,
                   relative: RelativeRecord | None, subject: dict[str, Any], explanation: str,
                   evidence: Evidence) -> FindingCandidate:
    return FindingCandidate(rule, severity, round(min(max(score, 0.0), 1.0), 2), servant.key,
                            relative.key if relative else None, subject["kind"], subject["ogrn"],
                            subject.get("inn") or "", subject.get("name") or "", explanation, evidence)


def _subject_code(subject: dict[str, Any]) -> str:
    return f"ОГРН{'ИП' if subject['kind'] == 'entrepreneur' else ''} {subject['ogrn']}"


def _judgement_text(ctx: Context, person: PersonRecord, hit: RoleHit) -> str:
    judged = ctx.snapshot.judgements.get(person.key, {}).get(hit.registry_person)
    return judged.note if judged else ""


def inn_conflict(servant: ServantRecord, person: PersonRecord, hit: RoleHit,
                 subject: dict[str, Any]) -> FindingCandidate:
    """The same ИНН under a wholly different name: a data conflict to check, not a business link."""
    relative = person if isinstance(person, RelativeRecord) else None
    name = registry_name(hit.role)
    whose = f"{relative.kinship_label} {of_servant(servant.full_name)}" if relative else "служащего"
    summary = (f"ИНН {person.inn} из анкеты ({whose} {person.full_name}) в реестре принадлежит лицу "
               f"с другими фамилией, именем и отчеством: {name} ({_ROLE_RU.get(hit.role['role'], '')} "
               f"{subject['name']}). Вероятна ошибка ввода ИНН: сверьте анкету и выписку.")
    ev = Evidence(summary=summary,
                  person=PersonRef(person.key, person.full_name, person.inn or None,
                                   relative.kinship if relative else ""),
                  registry=[hit.role], subject=subject_ref(subject), match=hit.evidence(),
                  organisation={"inn": servant.organisation_inn, "name": servant.organisation_name},
                  graph_path=[node("servant", servant.key), node(subject["kind"], subject["ogrn"])],
                  extra={"conflict": {"questionnaire": {"full_name": person.full_name, "inn": person.inn,
                                                        "birth_date": person.birth_date.isoformat()
                                                        if person.birth_date else None},
                                      "registry": {"full_name": name, "inn": hit.role.get("inn") or "",
                                                   "region": hit.role.get("region") or ""}}})
    return make_candidate(m.INN_CONFLICT, Severity.MEDIUM, hit.score, servant, relative, subject, summary, ev)


def own_business(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    """own_entrepreneur, own_director, own_founder for the servant (or candidate) themselves."""
    org = servant.organisation_inn
    for hit in ctx.hits.get(servant.key, []):
        subject = ctx.subjects.get(hit.role["subject_ogrn"])
        if subject is None or not is_active(subject) or not is_commercial(subject):
            continue
        if subject.get("inn") and subject["inn"] == org:
            continue
        if hit.confidence == CONFLICT:
            yield inn_conflict(servant, servant, hit, subject)
            continue
        role = hit.role["role"]
        contracts = ctx.supplier_contracts(org, subject)
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
        summary = link_summary(hit, subject, registry_name(hit.role), "служащий", bool(servant.inn), "")
        text = (f"{servant.full_name} — {_ROLE_RU.get(role, role)}: {subject['name']} ({_subject_code(subject)}). "
                f"Основание совпадения: {'; '.join(hit.explanation)}.")
        if judged := _judgement_text(ctx, servant, hit):
            text += f" {judged}."
        if contracts:
            text += " " + contracts_text(contracts).capitalize() + "."
        yield make_candidate(rule, severity, hit.score, servant, None, subject, text,
                             _evidence(servant, servant, hit, subject, contracts, path, summary))


def relatives_business(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    """relative_supplier (the relative's business supplies the servant's organisation) or relative_business."""
    org = servant.organisation_inn
    for relative in servant.relatives:
        kin_nom, kin_gen = kinship_words(relative.kinship, servant.full_name, relative.full_name,
                                         relative.kinship_label)
        for hit in ctx.hits.get(relative.key, []):
            subject = ctx.subjects.get(hit.role["subject_ogrn"])
            role = hit.role["role"]
            if subject is None or not is_active(subject) or role not in _ROLE_RU:
                continue
            if not is_commercial(subject):
                continue
            if hit.confidence == CONFLICT:
                yield inn_conflict(servant, relative, hit, subject)
                continue
            contracts = ctx.supplier_contracts(org, subject)
            kin = kin_nom or relative.kinship_label or relative.kinship
            rel_node = node("relative", relative.key)
            path = [node("servant", servant.key), rel_node, node(subject["kind"], subject["ogrn"])]
            summary = link_summary(hit, subject, registry_name(hit.role), f"{kin_nom} служащего",
                                   bool(relative.inn), kin_gen)
            text = (f"{kin.capitalize()} {of_servant(servant.full_name)} — {relative.full_name} — "
                    f"{_ROLE_RU[role]}: {subject['name']} ({_subject_code(subject)}). "
                    f"Основание совпадения: {'; '.join(hit.explanation)}.")
            if judged := _judgement_text(ctx, relative, hit):
                text += f" {judged}."
            if contracts:
                rule, severity = m.RELATIVE_SUPPLIER, _severity(hit, m.HIGH, m.MEDIUM)
                path += [node("contract", c["reg_num"]) for c in contracts[:1]] + [node("organisation", org)]
                text += " " + contracts_text(contracts).capitalize() + ": возможный конфликт интересов."
            else:
                rule, severity = m.RELATIVE_BUSINESS, _severity(hit, m.MEDIUM, m.LOW)
            evidence = _evidence(servant, relative, hit, subject, contracts, path, summary)
            evidence.extra["kinship"] = kin
            yield make_candidate(rule, severity, hit.score, servant, relative, subject, text, evidence)


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
        if hit.confidence == CONFLICT:
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
        left_word = "уволена" if gender_of(servant.full_name) == "f" else "уволен"
        text = (f"{servant.full_name}, {left_word} {left.strftime('%d.%m.%Y')} из «{servant.organisation_name}», "
                f"— {_ROLE_RU[hit.role['role']]}: {subject['name']} "
                f"(с {_ru_date(since) if since else 'неизвестной даты'}). "
                f"{contracts_text(contracts).capitalize()}. Основание совпадения: {'; '.join(hit.explanation)}.")
        summary = (f"{subject_phrase(hit.role['role'], subject, registry_name(hit.role))} — "
                   f"{certainty(hit)}бывший служащий, {left_word} {left.strftime('%d.%m.%Y')}; "
                   f"организация заключила с ним контракты в течение двух лет после увольнения: "
                   f"{match_reasons(hit, bool(servant.inn), '')}.")
        evidence = _evidence(servant, servant, hit, subject, contracts, path, summary)
        evidence.extra |= {"dismissed_on": left.isoformat(), "window_end": window_end.isoformat()}
        yield make_candidate(m.FORMER_SERVANT, _severity(hit, m.HIGH, m.MEDIUM), hit.score, servant, None,
                             subject, text, evidence)


def _ru_date(iso: str) -> str:
    y, mo, d = iso[:10].split("-")
    return f"{d}.{mo}.{y}"
