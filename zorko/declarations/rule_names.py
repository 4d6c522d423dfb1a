"""The codes of the declaration checks, their Russian names, and the analysis policy."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

RULE_NAMES = {
    "decl_expense_over_income": "Сделка дороже дохода за три года (контроль расходов, 230-ФЗ)",
    "decl_property_unexplained": "Новое имущество без расхода или дохода, которые его объясняют",
    "decl_income_jump": "Доход изменился без соответствующих изменений в других разделах",
    "decl_accounts_growth": "Остатки на счетах выросли больше, чем позволяет доход",
    "decl_share_omitted": "Участие в организации по ЕГРЮЛ/ЕГРИП не указано в справке",
    "decl_share_in_supplier": "Указанная в справке доля в организации-поставщике",
    "decl_family_absent": "Член семьи из справки отсутствует в анкете",
    "decl_family_mismatch": "Сведения о члене семьи в справке расходятся с анкетой",
    "decl_creditor_supplier": "Кредитор или должник по справке — поставщик организации",
    "decl_coowner_linked": "Совладелец недвижимости связан с поставщиком организации",
}
PREFIX = "decl_"


def rule_name(code: str) -> str:
    return RULE_NAMES.get(code, code)


@dataclass(frozen=True, slots=True)
class Policy:
    """Thresholds of the year-over-year checks; ``share`` 0.5 means «changed by more than 50 %»."""

    share: Decimal = Decimal("0.5")
    # Below this the change of a sum is noise whatever its share (a 1 000 ₽ account doubling).
    min_change: Decimal = Decimal("100000")
