"""``analyse(year)``: run every declaration check and write the findings into the review workflow.

The one service behind ``zorko declarations analyse``, the web button, the
demo and the benchmark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from zorko.audit.log import record
from zorko.declarations import dossier as dossiers
from zorko.declarations import registry_facts, rules_links, rules_money
from zorko.declarations.findings import Draft, save_findings
from zorko.declarations.rule_names import RULE_NAMES, Policy

MoneyRule = Callable[[dossiers.Dossier, int, Policy], list[Draft]]
LinkRule = Callable[[dossiers.Dossier, int, registry_facts.RegistryFacts], list[Draft]]
MONEY_RULES: tuple[MoneyRule, ...] = (rules_money.expense_over_income, rules_money.property_unexplained,
                                      rules_money.accounts_growth, rules_money.income_jump)
LINK_RULES: tuple[LinkRule, ...] = (rules_links.share_omitted, rules_links.share_in_supplier,
                                    rules_links.creditor_supplier, rules_links.coowner_linked)


@dataclass(slots=True)
class AnalysisResult:
    year: int
    servants: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    new: int = 0
    resolved: int = 0
    registry: bool = False

    def lines(self) -> list[str]:
        out = [f"Проанализированы справки за {self.year} год: служащих {self.servants}"
               + ("" if self.registry else " (реестры не загружены: сверка с ЕГРЮЛ и контрактами не выполнена)")]
        total = sum(self.findings.values())
        out.append(f"Срабатываний: {total}, новых {self.new}, снятых {self.resolved}")
        out.extend(f"  {RULE_NAMES[rule]}: {n}" for rule, n in sorted(self.findings.items()))
        return out


def _registry(path: Path | None) -> AbstractContextManager[duckdb.DuckDBPyConnection | None]:
    from zorko.registry.store import reading

    if path is not None and not path.exists():
        return nullcontext(None)
    return reading(path)


def drafts_for(found: list[dossiers.Dossier], year: int, facts: registry_facts.RegistryFacts,
               policy: Policy) -> list[Draft]:
    out: list[Draft] = []
    for d in found:
        for money_rule in MONEY_RULES:
            out.extend(money_rule(d, year, policy))
        for link_rule in LINK_RULES:
            out.extend(link_rule(d, year, facts))
        out.extend(rules_links.family_vs_questionnaire(d, year))
    return out


def analyse(year: int, *, servant_ids: list[int] | None = None, policy: Policy | None = None,
            registry_path: Path | None = None, user: Any = None, ip: str | None = None) -> AnalysisResult:
    policy = policy or Policy()
    found = dossiers.load(year, servant_ids)
    result = AnalysisResult(year, servants=len(found))
    org_inns = sorted({d.organisation_inn for d in found if d.organisation_inn})
    inns = sorted({inn for d in found for _, inn, _, _ in d.persons() if inn})
    names = sorted({name for d in found for name, _, _, _ in d.persons() if name})
    with _registry(registry_path) as con:
        result.registry = con is not None
        facts = registry_facts.read(con, org_inns, inns, names)
    drafts = drafts_for(found, year, facts, policy)
    saved = save_findings(drafts, year, [d.servant_id for d in found])
    result.findings = Counter(d.rule for d in drafts)
    result.new, result.resolved = saved.new, saved.resolved
    record(user, "declarations.analyse", object_type="declarations", object_repr=f"справки за {year} год", ip=ip,
           year=year, servants=result.servants, findings=sum(result.findings.values()), new=result.new)
    return result
