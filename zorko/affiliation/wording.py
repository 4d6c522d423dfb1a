"""The sentences a finding leads with: one a lawyer would sign, the same on the page and in the report.

«Директор ООО "Х" Соболева Галина Павловна — вероятно, мать супруги служащего:
ФИО совпадает полностью и встречается в реестре один раз, тот же регион; ИНН
матери в анкете не указан.»
"""

from __future__ import annotations

from zorko.affiliation.evidence import Confidence
from zorko.affiliation.identity import RoleHit
from zorko.matching import guess_gender

# Kinship code → (nominative, genitive); «{spouse}» becomes «супруга»/«супруги» by the servant's gender.
_KIN: dict[str, tuple[str, str]] = {
    "husband": ("муж", "мужа"), "wife": ("жена", "жены"), "father": ("отец", "отца"), "mother": ("мать", "матери"),
    "son": ("сын", "сына"), "daughter": ("дочь", "дочери"), "brother": ("брат", "брата"),
    "sister": ("сестра", "сестры"),
    "spouse_father": ("отец {spouse}", "отца {spouse}"), "spouse_mother": ("мать {spouse}", "матери {spouse}"),
    "spouse_brother": ("брат {spouse}", "брата {spouse}"), "spouse_sister": ("сестра {spouse}", "сестры {spouse}"),
    "spouse_son": ("сын {spouse}", "сына {spouse}"), "spouse_daughter": ("дочь {spouse}", "дочери {spouse}"),
    "former_spouse": ("бывший супруг", "бывшего супруга"),
}
_KIN_FEMALE = {"former_spouse": ("бывшая супруга", "бывшей супруги")}
# In-laws by the servant's gender: a man's wife's mother is his тёща, a woman's husband's mother her свекровь.
_IN_LAW = {
    ("spouse_mother", "m"): ("тёща", "тёщи"), ("spouse_mother", "f"): ("свекровь", "свекрови"),
    ("spouse_father", "m"): ("тесть", "тестя"), ("spouse_father", "f"): ("свёкор", "свёкра"),
    ("spouse_brother", "m"): ("шурин", "шурина"), ("spouse_brother", "f"): ("деверь", "деверя"),
    ("spouse_sister", "m"): ("свояченица", "свояченицы"), ("spouse_sister", "f"): ("золовка", "золовки"),
}
_CHILD_SPOUSE = {"m": ("зять", "зятя"), "f": ("невестка", "невестки"), None: ("супруг сына или дочери",
                                                                               "супруга сына или дочери")}
ROLE_TITLE = {"director": "Руководитель", "manager": "Управляющая организация", "founder": "Учредитель (участник)",
              "entrepreneur": "Индивидуальный предприниматель"}


def gender_of(full_name: str) -> str | None:
    parts = (full_name.split() + ["", "", ""])[:3]
    return guess_gender(parts[0], parts[1], parts[2])


def kinship_words(code: str, servant_name: str, relative_name: str, label: str = "") -> tuple[str, str]:
    """(nominative, genitive) of a kinship, agreed with the genders the names show."""
    if code == "child_spouse":
        return _CHILD_SPOUSE[gender_of(relative_name)]
    if code == "former_spouse" and gender_of(relative_name) == "f":
        return _KIN_FEMALE[code]
    servant_gender = gender_of(servant_name)
    if servant_gender and (code, servant_gender) in _IN_LAW:
        return _IN_LAW[(code, servant_gender)]
    if code not in _KIN:
        text = label or "родственник"
        return text, text
    spouse = "супруги" if gender_of(servant_name) == "m" else "супруга" if gender_of(servant_name) == "f" \
        else "супруга (супруги)"
    nom, gen = _KIN[code]
    return nom.format(spouse=spouse), gen.format(spouse=spouse)


def probability_words(p: float | None) -> str:
    """One probability, in words and in figures: «высокая (0,97)»."""
    if p is None:
        return "не оценивалась"
    word = "почти наверняка" if p >= 0.99 else "высокая" if p >= 0.8 else "средняя" if p >= 0.5 \
        else "низкая" if p >= 0.1 else "очень низкая"
    return f"{word} ({p:.2f})".replace(".", ",")


def _times(n: int) -> str:
    if n == 1:
        return "один раз"
    tail = "раза" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "раз"
    return f"{n} {tail}"


def match_reasons(hit: RoleHit, person_has_inn: bool, kin_genitive: str) -> str:
    """«ФИО совпадает полностью и встречается в реестре один раз, тот же регион; ИНН матери в анкете не указан»."""
    if hit.confidence == Confidence.INN:
        return "ИНН совпадает с указанным в анкете"
    if hit.confidence == Confidence.CONFLICT:
        return "ИНН совпадает, но фамилия, имя и отчество отличаются — вероятна ошибка в ИНН"
    name = "ФИО совпадает полностью" if hit.exact else "ФИО совпадает не полностью"
    if hit.via_former_name:
        name += f" (под прежней фамилией «{hit.via_former_name}»)"
    name += f" и встречается в реестре {_times(hit.namesakes)}"
    region = "тот же регион" if hit.same_region else "другой регион"
    whose = kin_genitive or "служащего"
    inn = "" if person_has_inn else f"; ИНН {whose} в анкете не указан"
    return f"{name}, {region}{inn}"


def certainty(hit: RoleHit) -> str:
    if hit.confidence in (Confidence.INN, Confidence.JUDGED):
        return ""
    return "вероятно, " if hit.confidence == Confidence.STRONG or hit.probability >= 0.8 else "возможно, "


def subject_phrase(role: str, subject: dict[str, object], person_name: str) -> str:
    """«Директор ООО "Х" Соболева Галина Павловна» / «Индивидуальный предприниматель Соболева Галина Павловна»."""
    if role == "entrepreneur":
        return f"Индивидуальный предприниматель {person_name} (ОГРНИП {subject.get('ogrn')})"
    title = {"director": "Директор", "manager": "Руководитель управляющей организации",
             "founder": "Учредитель"}.get(role, "Участник")
    return f"{title} {subject.get('name')} {person_name}"


def link_summary(hit: RoleHit, subject: dict[str, object], registry_name: str, whose: str,
                 person_has_inn: bool, kin_genitive: str) -> str:
    """The lead sentence of an own_* / relative_* finding. ``whose``: «мать супруги служащего» or «служащий»."""
    lead = subject_phrase(str(hit.role.get("role") or ""), subject, registry_name)
    return f"{lead} — {certainty(hit)}{whose}: {match_reasons(hit, person_has_inn, kin_genitive)}."
