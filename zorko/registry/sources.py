"""The registry sources Zorko can load, by the name used on the command line and in the web form.

A source is wired in by adding its adapter here (``module:Class``); the
module is imported only when that source is loaded, so a source whose
adapter is not written yet fails with a clear message, not at start-up.
"""

from __future__ import annotations

import importlib

from zorko.exceptions import ValidationError
from zorko.registry.adapters import Adapter

SOURCES: dict[str, tuple[str, str]] = {
    "egrul": ("ЕГРЮЛ", "zorko.registry.adapters.egrul:EgrulAdapter"),
    "egrip": ("ЕГРИП", "zorko.registry.adapters.egrip:EgripAdapter"),
    "contracts": ("Контракты ЕИС (44-ФЗ)", "zorko.registry.adapters.contracts:ContractsAdapter"),
    "contracts223": ("Договоры ЕИС (223-ФЗ)", "zorko.registry.adapters.contracts:Contracts223Adapter"),
    "ftm": ("FollowTheMoney (OpenSanctions)", "zorko.registry.adapters.ftm:FtmAdapter"),
    "disqualified": ("Дисквалифицированные лица (ФНС)",
                     "zorko.registry.adapters.fns_lists:DisqualifiedAdapter"),
    "loss_of_trust": ("Реестр лиц, уволенных в связи с утратой доверия",
                      "zorko.registry.adapters.person_lists:LossOfTrustAdapter"),
    "npd": ("Плательщики налога на профессиональный доход (список)",
            "zorko.registry.adapters.person_lists:NpdAdapter"),
    "mass": ("Массовые руководители, учредители и адреса (ФНС)",
             "zorko.registry.adapters.fns_lists:MassAdapter"),
}


def title(source: str) -> str:
    return SOURCES[source][0] if source in SOURCES else source


def adapter(source: str) -> Adapter:
    if source not in SOURCES:
        known = ", ".join(SOURCES)
        raise ValidationError(f"Неизвестный источник «{source}». Допустимые: {known}.")
    label, target = SOURCES[source]
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise ValidationError(f"Загрузка источника «{label}» ещё не подключена в этой версии.") from exc
    cls: type[Adapter] = getattr(module, class_name)
    return cls()
