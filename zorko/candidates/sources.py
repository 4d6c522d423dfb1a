"""Which registry each screening rule reads, and the registries' names in a check record."""

from __future__ import annotations

from zorko.reports.person_report import registry_name

# The sources behind each rule: a source «found» something for a person when one of its rules did.
RULE_SOURCES: dict[str, tuple[str, ...]] = {
    "own_entrepreneur": ("egrip", "ftm"),
    "own_director": ("egrul", "ftm"),
    "own_founder": ("egrul", "ftm"),
    "relative_supplier": ("egrul", "egrip", "ftm", "contracts", "contracts223"),
    "relative_business": ("egrul", "egrip", "ftm"),
    "hidden_relative": ("egrul", "egrip", "ftm", "contracts", "contracts223"),
    "shared_address": ("egrul", "ftm"),
    "disqualified": ("disqualified",),
    "mass_person": ("mass",),
    "loss_of_trust": ("loss_of_trust",),
    "own_self_employed": ("npd", "npd_online"),
    "relative_self_employed_supplier": ("npd", "npd_online", "contracts", "contracts223"),
}
# Relatives are checked for business links and НПД; the candidates' lists concern the candidate only.
RELATIVE_SOURCES = frozenset({"egrul", "egrip", "ftm", "contracts", "contracts223", "npd"})
EXTRA_TITLES = {"npd_online": "сервис ФНС «Проверка статуса налогоплательщика НПД»"}


def rule_sources(rule: str) -> tuple[str, ...]:
    return RULE_SOURCES.get(rule, ())


def source_title(source: str) -> str:
    return EXTRA_TITLES.get(source) or registry_name(source)
