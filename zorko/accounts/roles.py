"""Roles and their capabilities.

A role is a Django group with one of the names below; a capability is a
string checked by views, the API and the CLI alike. The README's role
table is written from this mapping.
"""

from __future__ import annotations

from typing import Any

ADMINISTRATOR = "administrator"
INSPECTOR = "inspector"
HR = "hr"
VIEWER = "viewer"
SECRETARY = "secretary"

ROLE_NAMES = {
    ADMINISTRATOR: "администратор",
    INSPECTOR: "инспектор",
    HR: "кадровая служба",
    VIEWER: "наблюдатель",
    SECRETARY: "секретарь комиссии",
}

CAPABILITIES = {
    "people.view": "видеть служащих, кандидатов и родственников",
    "people.edit": "создавать и изменять карточки",
    "people.import": "импортировать кадровые данные",
    "registry.view": "видеть реестры (ЕГРЮЛ, ЕГРИП, контракты)",
    "registry.load": "загружать реестры",
    "screening.run": "запускать проверки",
    "findings.view": "видеть срабатывания и отчёты",
    "findings.review": "рассматривать срабатывания",
    "candidates.decide": "принимать решение по проверке кандидата",
    "reference.edit": "вести справочники (организации, подразделения, должности)",
    "program.view": "видеть ход программы: обучение, контрольные точки, «Мониторинг-К»",
    "program.edit": "вести обучение, мероприятия, беседы, заполнять «Мониторинг-К»",
    "program.mark": "отмечать контрольные точки и представлять «Мониторинг-К»",
    "program.configure": "настраивать контрольные точки и шаблон «Мониторинг-К»",
    "audit.view": "просматривать и выгружать журнал аудита",
    "users.manage": "управлять учётными записями",
    "api.manage": "выдавать и отзывать токены API внешних систем",
    "declarations.view": "видеть справки о доходах и кампанию по ним",
    "declarations.edit": "вводить и импортировать справки о доходах",
    "declarations.analyse": "анализировать справки о доходах",
    "journals.view": "видеть журналы регистрации уведомлений",
    "journals.edit": "регистрировать уведомления и вести журналы",
    "journals.inducement": "видеть журнал уведомлений о склонении к коррупционным правонарушениям",
    "commission.view": "видеть дела, заседания и решения комиссии",
    "commission.manage": "вести комиссию: состав, дела, заседания, решения, меры",
}

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(CAPABILITIES),
    INSPECTOR: frozenset(
        {"people.view", "people.edit", "people.import", "registry.view", "registry.load",
         "screening.run", "findings.view", "findings.review", "candidates.decide",
         "declarations.view", "declarations.edit", "declarations.analyse",
         "journals.view", "journals.edit", "journals.inducement", "commission.view", "commission.manage",
         "program.view", "program.edit", "program.mark"}
    ),
    HR: frozenset({"people.view", "people.edit", "people.import", "declarations.view", "declarations.edit",
                   "journals.view", "journals.edit", "program.view", "program.edit"}),
    VIEWER: frozenset({"people.view", "registry.view", "findings.view", "declarations.view", "journals.view",
                       "commission.view", "program.view"}),
    # Manages the commission; sees findings only as the grounds of its cases.
    SECRETARY: frozenset({"people.view", "commission.view", "commission.manage"}),
}


def roles_of(user: Any) -> set[str]:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if user.is_superuser:
        return {ADMINISTRATOR}
    cached = getattr(user, "_zorko_roles", None)
    if cached is None:
        cached = set(user.groups.filter(name__in=ROLE_CAPABILITIES).values_list("name", flat=True))
        user._zorko_roles = cached
    return cached


def capabilities_of(user: Any) -> frozenset[str]:
    caps: set[str] = set()
    for role in roles_of(user):
        caps |= ROLE_CAPABILITIES[role]
    return frozenset(caps)


def can(user: Any, capability: str) -> bool:
    if capability not in CAPABILITIES:
        raise KeyError(capability)
    return capability in capabilities_of(user)


def ensure_groups() -> None:
    from django.contrib.auth.models import Group

    for name in ROLE_CAPABILITIES:
        Group.objects.get_or_create(name=name)


ROLE_ORDER = (ADMINISTRATOR, INSPECTOR, HR, VIEWER, SECRETARY)


def roles_table() -> str:
    """The README's «Роли» table (markdown), written from ROLE_CAPABILITIES."""
    header = "| право | " + " | ".join(f"{ROLE_NAMES[r]} (`{r}`)" for r in ROLE_ORDER) + " |"
    lines = [header, "|---|" + "---|" * len(ROLE_ORDER)]
    for cap, description in CAPABILITIES.items():
        marks = " | ".join("да" if cap in ROLE_CAPABILITIES[r] else "—" for r in ROLE_ORDER)
        lines.append(f"| {description} (`{cap}`) | {marks} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(roles_table(), end="")
