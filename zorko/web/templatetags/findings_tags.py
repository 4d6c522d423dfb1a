"""Template filters of the findings pages."""

from __future__ import annotations

from typing import Any

from django import template

from zorko.findings.evidence import read_evidence
from zorko.findings.rules_info import rule_name as _rule_name
from zorko.reports.person_report import fmt_date, fmt_money, ru_amounts

register = template.Library()


@register.filter
def rule_name(code: str) -> str:
    return _rule_name(code)


@register.filter
def money(value: Any) -> str:
    return fmt_money(value)


@register.filter
def ru_date(value: Any) -> str:
    return fmt_date(value)


@register.filter
def evidence_of(finding: Any) -> Any:
    return read_evidence(finding.evidence or {})


@register.filter
def status_label(code: str) -> str:
    from zorko.findings.models import Finding

    return Finding.Status(code).label if code in Finding.Status.values else code


@register.filter
def amounts_ru(text: str) -> str:
    return ru_amounts(text)


@register.filter
def kinship_in(finding: Any) -> str:
    """The finding's relative's kinship by the genders of the servant and the relative: «тёща», «зять»."""
    from zorko.ru.labels import kinship

    rel = finding.relative
    return kinship(rel.kinship, finding.servant.full_name, rel.full_name) if rel else ""
