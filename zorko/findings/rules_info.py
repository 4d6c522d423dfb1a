"""Russian names of the screening rules, for pages and reports."""

from __future__ import annotations

RULE_NAMES = {
    "own_entrepreneur": "служащий — действующий индивидуальный предприниматель",
    "own_director": "служащий — руководитель коммерческой организации",
    "own_founder": "служащий — учредитель (участник) коммерческой организации",
    "relative_supplier": "родственник связан с поставщиком организации служащего (конфликт интересов)",
    "relative_business": "родственник — учредитель, руководитель или ИП (без контрактов с организацией)",
    "hidden_relative": "вероятный незадекларированный родственник связан с поставщиком",
    "shared_address": "поставщик зарегистрирован по адресу служащего или родственника",
    "former_servant": "бывший служащий руководит поставщиком или учредил его (в течение 2 лет)",
    "disqualified": "кандидат — дисквалифицированное лицо",
    "mass_person": "кандидат — массовый руководитель или учредитель",
}
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def rule_name(code: str) -> str:
    return RULE_NAMES.get(code, code)
