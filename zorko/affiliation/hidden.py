"""Rules for links nobody declared: probable relatives, shared addresses, risk lists.

``hidden_relative`` looks only at the people named in the suppliers of the
servant's organisation, so a namesake elsewhere in the country raises
nothing; ``shared_address`` compares normalised addresses; candidates are
also checked against the disqualified persons and the mass directors and
founders lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import duckdb

from zorko.affiliation import model as m
from zorko.affiliation.addresses import address_key
from zorko.affiliation.context import Context
from zorko.affiliation.evidence import (
    Confidence,
    Evidence,
    MatchEvidence,
    PersonRef,
    Severity,
    contract_refs,
    subject_ref,
)
from zorko.affiliation.identity import NORM_MACRO, registry_person_key
from zorko.affiliation.kin import patronymic_forms, patronymics_from_first_name, surname_forms
from zorko.affiliation.model import FindingCandidate, PersonRecord, ServantRecord
from zorko.affiliation.policy import POLICY
from zorko.affiliation.rules import contracts_text, is_active, make_candidate, node
from zorko.affiliation.wording import kinship_words
from zorko.matching.normalize import normalize_name
from zorko.reports.names import of_servant

_ROLES = {"director": "руководитель", "manager": "руководитель управляющей организации",
          "founder": "учредитель", "entrepreneur": "индивидуальный предприниматель"}
_GUESS = {"sibling": "возможно, брат или сестра", "child": "возможно, сын или дочь",
          "parent": "возможно, отец"}
_GUESS_BY_GENDER = {("sibling", True): "возможно, брат", ("sibling", False): "возможно, сестра",
                    ("child", True): "возможно, сын", ("child", False): "возможно, дочь"}
HINT_NOTE = ("Это подсказка, а не совпадение: человека нет в анкете, и родство предполагается только по "
             "фамилии и отчеству, без ИНН и даты рождения")


def guess_words(guess: str, middle_name: str, full_name: str = "") -> str:
    male = _is_male(middle_name)
    if male is None and full_name:
        from zorko.affiliation.wording import gender_of

        gender = gender_of(full_name)
        male = None if gender is None else gender == "m"
    return _GUESS[guess] if male is None else _GUESS_BY_GENDER.get((guess, male), _GUESS[guess])


def _is_male(middle_name: str) -> bool | None:
    middle = normalize_name(middle_name)
    if middle.endswith(("вич", "ич", "оглы", "улы", "уулу")):
        return True
    if middle.endswith(("вна", "чна", "кызы", "гызы")):
        return False
    return None


@dataclass(slots=True)
class _Kin:
    """The name forms a relative of this servant would carry, computed once per servant."""

    surnames: set[str]
    first: str
    middle: str
    sibling_middles: set[str]
    # (surnames, patronymics) of the servant's (or her husband's) children
    children: list[tuple[set[str], set[str]]]

    @classmethod
    def of(cls, servant: ServantRecord) -> _Kin:
        surnames = surname_forms(servant.last_name).union(*(surname_forms(f) for f in servant.former_last_names))
        male = _is_male(servant.middle_name)
        fathers = [servant] if male else [r for r in servant.relatives if r.kinship in ("husband", "former_spouse")]
        children = [(surnames | surname_forms(f.last_name), patronymics_from_first_name(f.first_name))
                    for f in fathers]
        middle = normalize_name(servant.middle_name)
        return cls(surnames, normalize_name(servant.first_name), middle, patronymic_forms(middle), children)

    def guess(self, last: str, first: str, middle: str) -> str | None:
        in_family = last in self.surnames
        if in_family and first == self.first and middle == self.middle:
            return None  # the servant themselves: the own_* rules speak about that
        if in_family and middle and middle in self.sibling_middles:
            return "sibling"
        for surnames, patronymics in self.children:
            if last in surnames and middle in patronymics:
                return "child"
        if in_family and self.middle and _is_male(middle) and self.middle in patronymics_from_first_name(first):
            return "parent"
        return None


def _declared(servant: ServantRecord, role: dict[str, Any]) -> bool:
    """The registry person is already in the questionnaire (then the relative_* rules apply)."""
    last, first, middle = role["norm"]
    for rel in servant.relatives:
        if rel.inn and role["inn"] and rel.inn == role["inn"]:
            return True
        names = surname_forms(rel.last_name).union(*(surname_forms(f) for f in rel.former_last_names))
        if last in names and first == normalize_name(rel.first_name) and \
                middle in ("", normalize_name(rel.middle_name)):
            return True
    return bool(servant.inn and role["inn"] == servant.inn)


def hidden_relative(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    org = servant.organisation_inn
    seen: set[tuple[str, tuple[str, str, str]]] = set()
    kin = _Kin.of(servant)
    for role in ctx.supplier_roles.get(org, []):
        guess = kin.guess(*role["norm"])
        if guess is None:
            continue
        subject = ctx.subjects.get(role["subject_ogrn"])
        if subject is None or not is_active(subject) or role["role"] not in _ROLES:
            continue
        if guess is None or _declared(servant, role) or (role["subject_ogrn"], role["norm"]) in seen:
            continue
        seen.add((role["subject_ogrn"], role["norm"]))
        judged = ctx.snapshot.judgements.get(f"kin:{servant.key}", {}).get(registry_person_key(role))
        if judged is not None and not judged.same:
            continue
        contracts = ctx.supplier_contracts(org, subject)
        name = " ".join(p for p in (role["last_name"], role["first_name"], role["middle_name"]) if p)
        same_region = (role["inn"] or "")[:2] == org[:2] if role["inn"] else role["region"] == org[:2]
        # Expected number of people among this organisation's suppliers who share the surname and the
        # patronymic by chance: «Иванова … Сергеевна» at a supplier of an Иванов Сергеевич is no sign.
        last, _first, middle = role["norm"]
        chance = (ctx.share(ctx.last_counts, surname_forms(last)) * ctx.share(ctx.middle_counts, patronymic_forms(middle))
                  * len(ctx.supplier_roles.get(org, [])))
        if chance >= POLICY.hidden_noise_chance and judged is None:
            continue
        p = POLICY
        score = p.hidden_score[0 if same_region else 1] - (p.hidden_common_penalty if chance >= p.hidden_rare_chance
                                                           else 0.0)
        words = guess_words(guess, role["middle_name"] or "", name)
        person_node = node("person", role["inn"] or normalize_name(name))
        path = [node("servant", servant.key), person_node, node(subject["kind"], subject["ogrn"]),
                node("contract", contracts[0]["reg_num"]), node("organisation", org)]
        text = (f"{name} ({words} {of_servant(servant.full_name)}; в анкете не указан) — "
                f"{_ROLES[role['role']]}: {subject['name']}. {contracts_text(contracts).capitalize()}.")
        coincidence = (f"случайное совпадение фамилии и отчества среди лиц поставщиков организации ожидается "
                       f"{chance:.3f} раза").replace(".", ",")
        summary = (f"{_ROLES[role['role']].capitalize()} поставщика {subject['name']} {name} — {words} служащего, "
                   f"не указанный в анкете: совпадают фамилия и отчество, {'тот же' if same_region else 'другой'} "
                   f"регион. {HINT_NOTE}.")
        severity = Severity.MEDIUM if score >= p.medium_score else Severity.LOW
        if judged is not None:
            score, severity = 1.0, Severity.HIGH
            summary += f" {judged.note}."
            text += f" {judged.note}."
        evidence = Evidence(
            summary=summary,
            person=PersonRef(servant.key, servant.full_name, servant.inn or None),
            registry=[{k: v for k, v in role.items() if k != "norm"}], subject=subject_ref(subject),
            match=MatchEvidence(score=score, confidence=Confidence.JUDGED if judged else Confidence.KINSHIP,
                                reasons=[words, coincidence, HINT_NOTE], same_region=same_region,
                                extra={"kinship_guess": guess, "chance": round(chance, 4)}),
            contracts=contract_refs(contracts), organisation={"inn": org, "name": servant.organisation_name},
            graph_path=path,
            extra={"registry_person": {"key": registry_person_key(role), "full_name": name, "inn": role["inn"] or "",
                                       "region": role["region"] or ""}},
        )
        yield make_candidate(m.HIDDEN_RELATIVE, severity, score, servant, None, subject, text, evidence)


def shared_address(ctx: Context, servant: ServantRecord) -> Iterator[FindingCandidate]:
    org = servant.organisation_inn
    homes = [(None, servant.address)] + [(r, r.address) for r in servant.relatives]
    by_norm: dict[str, Any] = {}
    for person, address in homes:
        norm = address_key(address)
        if norm and norm not in by_norm:
            by_norm[norm] = (person, address)
    for subject in ctx.suppliers_of(org):
        hit = by_norm.get(subject.get("address_key") or "")
        if hit is None or not is_active(subject):
            continue
        relative, address = hit
        kin = kinship_words(relative.kinship, servant.full_name, relative.full_name, relative.kinship_label)[0] \
            if relative else ""
        who = f"{kin} {relative.full_name}" if relative else "служащий"
        mass = subject["address_key"] in ctx.mass_addresses
        contracts = ctx.supplier_contracts(org, subject)
        path = [node("servant", servant.key)] + ([node("relative", relative.key)] if relative else [])
        path += [node("address", subject["address_key"]), node(subject["kind"], subject["ogrn"]),
                 node("contract", contracts[0]["reg_num"]), node("organisation", org)]
        text = (f"Поставщик {subject['name']} (ОГРН {subject['ogrn']}) зарегистрирован по адресу, где "
                f"проживает {who} ({servant.full_name if relative else servant.full_name}): {address}. "
                f"{contracts_text(contracts).capitalize()}."
                + (" Адрес в списке адресов массовой регистрации ФНС." if mass else ""))
        score = POLICY.mass_address_score if mass else POLICY.shared_address_score
        summary = (f"Поставщик организации {subject['name']} зарегистрирован по адресу, где проживает {who}: "
                   f"{address}." + (" Адрес — массовой регистрации, совпадение мало что значит." if mass else ""))
        whom: PersonRecord = relative or servant
        evidence = Evidence(
            summary=summary,
            person=PersonRef(whom.key, whom.full_name, whom.inn or None, relative.kinship if relative else ""),
            subject=subject_ref(subject),
            match=MatchEvidence(score=score, confidence=Confidence.ADDRESS),
            contracts=contract_refs(contracts), organisation={"inn": org, "name": servant.organisation_name},
            graph_path=path,
            extra={"address": {"questionnaire": address, "registry": subject.get("address"),
                               "key": subject["address_key"], "mass_address": mass}},
        )
        yield make_candidate(m.SHARED_ADDRESS, m.LOW if mass else m.HIGH, score, servant,
                             relative, subject, text, evidence)


def candidate_lists(con: duckdb.DuckDBPyConnection, ctx: Context,
                    servant: ServantRecord) -> Iterator[FindingCandidate]:
    """Disqualified persons and mass directors/founders: only for job candidates."""
    if servant.status != "candidate":
        return
    con.execute(NORM_MACRO)
    names = [normalize_name(x) for x in (servant.last_name, servant.first_name, servant.middle_name)]
    if "disqualified" in ctx.tables:
        rows = con.execute("""
            SELECT full_name, last_name, first_name, middle_name, birth_date, organisation, organisation_inn,
                   position, article, term, starts_on, ends_on FROM disqualified
            WHERE zn(last_name) = $1 AND zn(first_name) = $2 AND zn(middle_name) = $3
        """, names).fetchall()
        for row in rows:
            birth = row[4]
            if birth and servant.birth_date and birth != servant.birth_date:
                continue
            confirmed = bool(birth and servant.birth_date)
            name = row[0] or " ".join(p for p in row[1:4] if p)
            subject = {"kind": "person", "ogrn": "", "inn": row[6] or "", "name": name}
            text = (f"Кандидат {servant.full_name} совпадает с записью реестра дисквалифицированных лиц: "
                    f"{name}{', дата рождения совпадает' if confirmed else ' (дата рождения не сверена)'}; "
                    f"организация: {row[5] or '—'}, статья {row[8] or '—'}, срок {row[9] or '—'}.")
            score = POLICY.disqualified_scores[0 if confirmed else 1]
            evidence = Evidence(
                summary=text, person=PersonRef(servant.key, servant.full_name, servant.inn or None),
                registry=[{"full_name": name, "birth_date": birth.isoformat() if birth else None,
                           "organisation": row[5], "article": row[8], "term": row[9],
                           "starts_on": row[10].isoformat() if row[10] else None,
                           "ends_on": row[11].isoformat() if row[11] else None}],
                subject=subject,
                match=MatchEvidence(score=score,
                                    confidence=Confidence.BIRTH_DATE if confirmed else Confidence.NAME),
                graph_path=[node("servant", servant.key)])
            yield make_candidate(m.DISQUALIFIED, m.HIGH if confirmed else m.MEDIUM, score,
                                 servant, None, subject, text, evidence)
    if "mass_persons" in ctx.tables:
        rows = con.execute("""
            SELECT inn, last_name, first_name, middle_name, kind, companies FROM mass_persons
            WHERE (inn = $4 AND $4 <> '') OR (zn(last_name) = $1 AND zn(first_name) = $2 AND zn(middle_name) = $3)
        """, [*names, servant.inn or ""]).fetchall()
        for inn, last, first, middle, kind, companies in rows:
            if inn and servant.inn and inn != servant.inn:
                continue
            confirmed = bool(inn and inn == servant.inn)
            name = " ".join(p for p in (last, first, middle) if p)
            subject = {"kind": "person", "ogrn": "", "inn": inn or "", "name": name}
            text = (f"Кандидат {servant.full_name} — массовый {'руководитель' if kind == 'director' else 'учредитель'}"
                    f" по данным ФНС ({companies or '?'} организаций)"
                    f"{', ИНН совпадает' if confirmed else ', совпадение по ФИО'}.")
            score = POLICY.mass_person_scores[0 if confirmed else 1]
            evidence = Evidence(
                summary=text, person=PersonRef(servant.key, servant.full_name, servant.inn or None),
                registry=[{"inn": inn, "full_name": name, "kind": kind, "companies": companies}], subject=subject,
                match=MatchEvidence(score=score, confidence=Confidence.INN if confirmed else Confidence.NAME),
                graph_path=[node("servant", servant.key)])
            yield make_candidate(m.MASS_PERSON, m.HIGH if confirmed else m.MEDIUM, score,
                                 servant, None, subject, text, evidence)
