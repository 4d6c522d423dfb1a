"""Template filters of the audit page: object types and detail keys in Russian.

The log stores codes (``people.servant``, ``scope``) so that it stays stable and searchable;
the page shows an administrator what they mean.
"""

from __future__ import annotations

import re
from typing import Any

from django import template

from zorko.accounts.scopes import SCOPES
from zorko.audit.log import bounded

register = template.Library()

OBJECT_TYPES = {
    "people.servant": "служащий", "people.relative": "родственник", "people.import": "импорт",
    "findings.finding": "срабатывание", "findings.screeningrun": "проверка", "findings": "срабатывания",
    "tasks.job": "задача", "auth.user": "учётная запись", "audit.auditevent": "журнал аудита",
    "company": "юрлицо", "entrepreneur": "ИП", "registry": "реестр", "file": "файл",
    "api": "API", "accounts.apitoken": "токен API",
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
    "errors": "ошибок", "first_errors": "первые ошибки", "stage": "этап",
    "endpoint": "запрос", "http_status": "код ответа", "token_scope": "право токена",
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
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DEFAULT_REPR = re.compile(r"^\w+ object \((\d+)\)$")  # Django's str() of a model without __str__


@register.filter
def object_type_name(code: str) -> str:
    return OBJECT_TYPES.get(code, code)


@register.filter
def object_name(event: Any) -> str:
    match = _DEFAULT_REPR.match(event.object_repr or "")
    if match:
        return f"{object_type_name(event.object_type).capitalize()} № {match.group(1)}"
    return str(event.object_repr or "")


def _value(key: str, value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{DETAIL_LABELS.get(str(k), k)} {_value(str(k), v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        # Items that hold commas themselves (an error's place: file, row, column) are kept apart by «;».
        return (LIST_SEPARATORS.get(key, ", ")).join(_value(key, v) for v in value)
    if value in (None, ""):
        return "—"
    if isinstance(value, str) and (day := _ISO_DATE.match(value)):
        return f"{day.group(3)}.{day.group(2)}.{day.group(1)}"
    return VALUE_LABELS.get(key, {}).get(str(value), str(value))


@register.filter
def detail_items(details: Any) -> list[tuple[str, str]]:
    """``(label, value)`` pairs of an event's details, in Russian where the code is known."""
    if not isinstance(details, dict):
        return []
    # Each value is cut for the page (the CSV keeps it whole): 50 rows never make megabytes.
    return [(DETAIL_LABELS.get(k, k), bounded(_value(k, v), SHOWN_VALUE)) for k, v in details.items()]
