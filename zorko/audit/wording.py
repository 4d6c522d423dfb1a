"""The audit log in words: object types, detail keys and values in Russian, for the page and the CSV.

The log stores codes (``people.servant``, ``from_status: in_review``) so that it stays stable
and searchable; what an administrator reads says what they mean.
"""

from __future__ import annotations

import re
from typing import Any

from zorko.accounts.scopes import SCOPES
from zorko.ru.formats import date_ru, number_ru
from zorko.ru.labels import any_code

OBJECT_TYPES = {
    "people.servant": "служащий", "people.relative": "родственник", "people.import": "импорт",
    "findings.finding": "срабатывание", "findings.screeningrun": "проверка", "findings": "срабатывания",
    "tasks.job": "задача", "auth.user": "учётная запись", "audit.auditevent": "журнал аудита",
    "company": "юрлицо", "entrepreneur": "ИП", "registry": "реестр", "file": "файл",
    "api": "API", "accounts.apitoken": "токен API",
    "journals.journalentry": "запись журнала", "commission.case": "дело комиссии",
    "commission.meeting": "заседание комиссии", "declarations": "справки о доходах",
}
DETAIL_LABELS = {
    "finding": "срабатывание", "page": "страница", "scope": "охват", "value": "значение",
    "people": "проверено лиц", "findings": "срабатываний", "new": "новых", "reopened": "открыто снова",
    "resolved": "снято", "registry_as_of": "реестры на дату", "format": "формат", "entities": "сущностей",
    "file": "файл", "files": "файлы", "report": "отчёт", "reason": "основание", "from_status": "было",
    "to_status": "стало", "role": "роль", "rows": "строк", "filter": "фильтр", "source": "источник",
    "servants_added": "служащих добавлено", "servants_changed": "служащих изменено",
    "servants_unchanged": "служащих без изменений", "relatives_added": "родственников добавлено",
    "relatives_changed": "родственников изменено", "relatives_unchanged": "родственников без изменений",
    "organisations_added": "организаций добавлено", "departments_added": "подразделений добавлено",
    "positions_added": "должностей добавлено", "username": "логин", "action": "действие", "object": "объект",
    "date_from": "с", "date_to": "по", "egrul": "ЕГРЮЛ", "egrip": "ЕГРИП", "contracts": "контракты",
    "errors": "ошибок", "first_errors": "первые ошибки", "stage": "этап", "decision": "решение",
    "endpoint": "запрос", "http_status": "код ответа", "token_scope": "право токена",
    "meeting": "заседание", "kind": "вид", "extract_sent_on": "выписка направлена", "file_names": "файлы",
    "requests": "запросов уточнения", "requests_new": "новых запросов", "changed": "изменено",
    "registries": "реестры на дату", "servants": "служащих", "status": "статус", "conclusion": "заключение",
    "contracts223": "договоры (223-ФЗ)", "loss_of_trust": "реестр утраты доверия", "npd": "НПД",
    "disqualified": "дисквалифицированные лица", "mass": "массовые руководители и учредители",
}
VALUE_LABELS = {
    "scope": {"all": "все", "organisation": "организация", "person": "один человек"},
    "reason": {"locked": "учётная запись заблокирована", "password": "неверный пароль"},
    "page": {"findings": "проверка"},
    "token_scope": SCOPES,
    "stage": {"preview": "проверка файлов", "confirm": "выполнение после подтверждения",
              "dry_run": "проверка без записи (CLI)", "cli": "импорт из командной строки"},
}
SHOWN_VALUE = 300
LIST_SEPARATORS = {"first_errors": "; "}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DEFAULT_REPR = re.compile(r"^\w+ object \((\d+)\)$")  # Django's str() of a model without __str__



def _value(key: str, value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{DETAIL_LABELS.get(str(k), k)} {_value(str(k), v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        # Items that hold commas themselves (an error's place: file, row, column) are kept apart by «;».
        return (LIST_SEPARATORS.get(key, ", ")).join(_value(key, v) for v in value)
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, str) and _ISO_DATE.match(value):
        return date_ru(value)
    if isinstance(value, float):
        return number_ru(value)
    known = VALUE_LABELS.get(key, {}).get(str(value))
    return known or (any_code(value) if isinstance(value, str) else str(value))


def object_type_name(code: str) -> str:
    return OBJECT_TYPES.get(code, code)


def details_text(details: Any) -> str:
    """Every detail of an event, whole, as «label: value; …» (the CSV's column)."""
    if not isinstance(details, dict):
        return ""
    return "; ".join(f"{DETAIL_LABELS.get(k, k)}: {_value(k, v)}" for k, v in details.items())


_LEADING_CODE = re.compile(r"^([a-z]+(?:_[a-z]+)+)(?=: )")


def repr_text(text: str) -> str:
    """A stored object name as read: «relative_supplier: Иванов…» → «Родственник — поставщик: Иванов…»."""
    return _LEADING_CODE.sub(lambda m: any_code(m.group(1)), text or "")
