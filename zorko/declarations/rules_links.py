"""Checks of the справки against the registries and the questionnaire.

- shares and securities against ЕГРЮЛ roles, both ways: a founder's share the
  справка omits, and a declared share in a supplier of the organisation;
- the spouse and minor children against the анкета;
- creditors and debtors, and co-owners of real estate, against the suppliers.
"""

from __future__ import annotations

from typing import Any

from zorko.declarations.dossier import (
    CHILD_KINSHIPS,
    SPOUSE_KINSHIPS,
    DeclView,
    Dossier,
    ItemView,
    RelativeView,
)
from zorko.declarations.findings import Draft
from zorko.declarations.records import MEMBER_NAMES, SECTION_NAMES, Member, Section
from zorko.declarations.registry_facts import RegistryFacts, Supplier
from zorko.matching.normalize import normalize_name
from zorko.reports.person_report import fmt_date, fmt_money


def quoted(name: str) -> str:
    """«Ромашка» in guillemets, but «ООО «Ромашка»» as it is: registry names carry their own."""
    return name if "«" in name or '"' in name else f"«{name}»"


def _contracts_total(s: Supplier) -> str:
    return fmt_money(sum(float(c["price"] or 0) for c in s.contracts))


def _declared_keys(dossier: Dossier, year: int) -> set[str]:
    return {k for d in dossier.of_year(year) for s in (Section.SHARE, Section.SECURITY) for i in d.of(s)
            for k in (i.inn, i.ogrn) if k}


def share_omitted(dossier: Dossier, year: int, facts: RegistryFacts) -> list[Draft]:
    """A share in a company that ЕГРЮЛ shows for the servant, the spouse or a child, absent from the справки.
    Matched by ИНН (high), or by full ФИО in the organisation's region when the registry has no ИНН (medium)."""
    declared = _declared_keys(dossier, year)
    out = []
    for name_key, inn, how, relative_id in dossier.persons():
        by_inn = facts.roles_by_inn.get(inn, []) if inn else []
        by_name = [r for r in facts.roles_by_name.get(name_key, []) if not r["inn"] and r["region"] == dossier.region]
        for role, exact in [(r, True) for r in by_inn] + [(r, False) for r in by_name]:
            subject = facts.subjects.get(role["subject_ogrn"], {})
            if role["role"] != "founder" or subject.get("terminated"):
                continue
            if role["since"] and role["since"] > f"{year}-12-31":
                continue
            if role["subject_ogrn"] in declared or (subject.get("inn") and subject["inn"] in declared):
                continue
            share = f" (доля {role['share_percent']:g} %)" if role.get("share_percent") else ""
            out.append(Draft(
                "decl_share_omitted", "high" if exact else "medium", 0.9 if exact else 0.5, dossier.servant_id, year,
                f"{role['subject_ogrn']}|{name_key}",
                f"По ЕГРЮЛ {how} ({role['last_name']} {role['first_name']} {role['middle_name'] or ''}".rstrip()
                + f") — участник {quoted(subject.get('name', ''))}{share} с {fmt_date(role['since']) or 'неизвестной даты'}, "
                f"а в справках за {year} год это участие не указано."
                + ("" if exact else " Совпадение по ФИО и региону, без ИНН: проверьте, тот ли это человек."),
                {"registry_role": {k: role[k] for k in ("subject_ogrn", "role", "inn", "share_percent", "since")},
                 "matches": [{"источник": "ЕГРЮЛ", "роль": "учредитель (участник)", "ФИО": name_key.title(),
                              "ИНН": role["inn"] or "", "ОГРН": role["subject_ogrn"],
                              "наименование": subject.get("name", ""), "с даты": fmt_date(role["since"]),
                              "совпадение": "по ИНН" if exact else "по ФИО и региону"}]},
                subject_kind="company", subject_ogrn=role["subject_ogrn"], subject_inn=subject.get("inn", ""),
                subject_name=subject.get("name", ""), relative_id=relative_id))
    return out


def _supplier_draft(rule: str, dossier: Dossier, year: int, d: DeclView, item: ItemView, supplier: Supplier,
                    text: str) -> Draft:
    return Draft(rule, "high", 0.9, dossier.servant_id, year, supplier.ogrn or supplier.inn,
                 f"{text} {quoted(supplier.name or item.name)} (ИНН {supplier.inn}) — поставщик организации "
                 f"«{dossier.organisation_name}» (контрактов: {len(supplier.contracts)}, на сумму "
                 f"{_contracts_total(supplier)}).",
                 {"declarations": [d.pk], "contracts": supplier.contracts,
                  "organisation": {"inn": dossier.organisation_inn, "name": dossier.organisation_name},
                  "matches": [{"справка": f"{MEMBER_NAMES[Member(d.member)]}: {d.full_name}",
                               "раздел": SECTION_NAMES[Section(item.section)],
                               "организация по справке": item.name, "ИНН": item.inn, "ОГРН": item.ogrn,
                               "сумма": fmt_money(item.amount) if item.amount is not None else "",
                               "доля": item.share}]},
                 subject_kind="company", subject_ogrn=supplier.ogrn, subject_inn=supplier.inn,
                 subject_name=supplier.name or item.name)


def share_in_supplier(dossier: Dossier, year: int, facts: RegistryFacts) -> list[Draft]:
    """A share or security declared in a company that supplies the servant's organisation."""
    out: dict[str, Draft] = {}
    for d in dossier.of_year(year):
        for item in d.of(Section.SHARE) + d.of(Section.SECURITY):
            supplier = facts.supplier(dossier.organisation_inn, item.inn, item.ogrn)
            if supplier is not None:
                draft = _supplier_draft("decl_share_in_supplier", dossier, year, d, item, supplier,
                                        f"В справке ({MEMBER_NAMES[Member(d.member)]}) указано участие в организации")
                out.setdefault(draft.subject, draft)
    return list(out.values())


def creditor_supplier(dossier: Dossier, year: int, facts: RegistryFacts) -> list[Draft]:
    """A creditor or debtor of the family's obligations that supplies the servant's organisation."""
    out: dict[str, Draft] = {}
    for d in dossier.of_year(year):
        for item in d.of(Section.OBLIGATION):
            supplier = facts.supplier(dossier.organisation_inn, item.inn, item.ogrn)
            if supplier is not None:
                draft = _supplier_draft("decl_creditor_supplier", dossier, year, d, item, supplier,
                                        f"Кредитор или должник по обязательству «{item.kind}» на "
                                        f"{fmt_money(item.amount)}")
                out.setdefault(draft.subject, draft)
    return list(out.values())


def coowner_linked(dossier: Dossier, year: int, facts: RegistryFacts) -> list[Draft]:
    """A co-owner of the family's real estate who is a director, founder or the entrepreneur of a supplier
    of the servant's organisation: by ИНН (high) or by full ФИО (medium)."""
    suppliers = {s.ogrn: s for s in facts.suppliers.get(dossier.organisation_inn, {}).values() if s.ogrn}
    out: dict[str, Draft] = {}
    for d in dossier.of_year(year):
        for item in d.of(Section.REAL_ESTATE):
            for owner in item.co_owners:
                name_key = normalize_name(owner.get("name", ""))
                for ogrn, supplier in suppliers.items():
                    for person in facts.supplier_people.get(ogrn, []):
                        exact = bool(owner.get("inn")) and owner.get("inn") == person["inn"]
                        if not exact and (not name_key or name_key != person["name_key"]):
                            continue
                        key = f"{ogrn}|{name_key}"
                        out.setdefault(key, Draft(
                            "decl_coowner_linked", "high" if exact else "medium", 0.85 if exact else 0.5,
                            dossier.servant_id, year, key,
                            f"Совладелец недвижимости «{item.kind}» ({owner.get('name', '')}) — "
                            f"{'руководитель' if person['role'] == 'director' else 'участник или предприниматель'} "
                            f"{quoted(supplier.name)}, поставщика организации «{dossier.organisation_name}» (контрактов: "
                            f"{len(supplier.contracts)}, на сумму {_contracts_total(supplier)})."
                            + ("" if exact else " Совпадение только по ФИО."),
                            {"declarations": [d.pk], "contracts": supplier.contracts,
                             "organisation": {"inn": dossier.organisation_inn, "name": dossier.organisation_name},
                             "matches": [{"совладелец по справке": owner.get("name", ""), "ИНН": owner.get("inn", ""),
                                          "имущество": item.kind, "ОГРН поставщика": ogrn,
                                          "совпадение": "по ИНН" if exact else "по ФИО"}]},
                            subject_kind="company", subject_ogrn=ogrn, subject_inn=supplier.inn,
                            subject_name=supplier.name))
    return list(out.values())


def _family_match(d: DeclView, relatives: list[RelativeView]) -> tuple[RelativeView | None, str]:
    """The relative of the анкета this справка is about, and what differs (empty when all agrees)."""
    for r in relatives:
        if d.name_key in r.names:
            if d.birth_date and r.birth_date and d.birth_date != r.birth_date:
                return r, (f"дата рождения в справке {fmt_date(d.birth_date)}, в анкете "
                           f"{fmt_date(r.birth_date)}")
            return r, ""
    first_middle = " ".join(d.name_key.split(" ")[1:])
    for r in relatives:
        same_given = any(" ".join(n.split(" ")[1:]) == first_middle for n in r.names)
        if d.birth_date and d.birth_date == r.birth_date and same_given:
            return r, f"ФИО в справке «{d.full_name}», в анкете «{r.full_name}»"
    return None, ""


def family_vs_questionnaire(dossier: Dossier, year: int) -> list[Draft]:
    """A spouse or minor child of the справки absent from the анкета (high), or present with other data."""
    out = []
    for d in dossier.of_year(year, Member.SPOUSE, Member.CHILD):
        kinships = SPOUSE_KINSHIPS if d.member == Member.SPOUSE.value else CHILD_KINSHIPS
        relative, differs = _family_match(d, [r for r in dossier.relatives if r.kinship in kinships])
        who = MEMBER_NAMES[Member(d.member)]
        born = f", {fmt_date(d.birth_date)} г. р." if d.birth_date else ""
        evidence: dict[str, Any] = {"declarations": [d.pk], "matches": [{
            "справка": who, "ФИО": d.full_name, "дата рождения": fmt_date(d.birth_date)}]}
        if relative is None:
            out.append(Draft("decl_family_absent", "high", 0.8, dossier.servant_id, year, d.name_key,
                             f"Справка за {year} год представлена на члена семьи ({who}: {d.full_name}{born}), "
                             "которого нет в анкете служащего.", evidence, subject_name=f"{who}: {d.full_name}"))
        elif differs:
            evidence["matches"].append({"анкета": relative.full_name, "дата рождения": fmt_date(relative.birth_date)})
            out.append(Draft("decl_family_mismatch", "medium", 0.5, dossier.servant_id, year, d.name_key,
                             f"Сведения о члене семьи ({who}: {d.full_name}) расходятся с анкетой: {differs}.",
                             evidence, subject_name=f"{who}: {d.full_name}", relative_id=relative.pk))
    return out
