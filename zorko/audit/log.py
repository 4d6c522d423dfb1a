"""``record()``: the one way to write to the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from zorko.audit import chain
from zorko.audit.models import AuditEvent

# Action codes and their Russian names for the audit page.
ACTIONS = {
    "person.view": "просмотр карточки",
    "person.create": "создание карточки",
    "person.update": "изменение карточки",
    "people.import": "импорт кадровых данных",
    "people.import.refused": "отказ в импорте кадровых данных",
    "people.list": "просмотр списка",
    "export": "выгрузка",
    "audit.export": "выгрузка журнала аудита",
    "login": "вход",
    "login.failed": "неудачный вход",
    "logout": "выход",
    "user.create": "создание учётной записи",
    "user.deactivate": "отключение учётной записи",
    "user.activate": "включение учётной записи",
    "user.password": "смена пароля",
    "relative.create": "добавление родственника",
    "relative.update": "изменение родственника",
    "registry.load": "загрузка реестра",
    "registry.view": "просмотр карточки в реестре",
    "screening.run": "проверка",
    "finding.review": "решение по срабатыванию",
    "report.download": "выгрузка отчёта",
    "matching.export": "выгрузка сопоставления с реестрами",
    "judgement.record": "решение о тождестве лица",
    "judgement.revoke": "отмена решения о тождестве лица",
    "clarification.send": "направление запроса уточнения",
    "clarification.answer": "ответ на запрос уточнения",
    "clarification.overdue": "закрытие просроченного запроса уточнения",
    "clarification.letter": "выгрузка запроса уточнения",
    "declarations.import": "импорт справок о доходах",
    "declarations.import.refused": "отказ в импорте справок о доходах",
    "declarations.create": "ввод справки о доходах",
    "declarations.view": "просмотр справки о доходах",
    "declarations.analyse": "анализ справок о доходах",
    "api.call": "обращение внешней системы к API",
    "api.refused": "отказ внешней системе в доступе к API",
    "api.token.create": "создание токена API",
    "api.token.revoke": "отзыв токена API",
    "backup.create": "резервная копия",
    "backup.restore": "восстановление из резервной копии",
}


# Anonymous visitors choose some of what is logged (the login name typed): every field is cut
# to a bound so that nobody can grow the append-only log by megabytes per request.
MAX_TEXT = 300
MAX_DETAIL_TEXT = 1000
MAX_DETAIL_ITEMS = 50
_CUT = "…"


def bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + _CUT


def _bounded_details(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return bounded(value, MAX_DETAIL_TEXT)
    if depth >= 3:
        return bounded(str(value), MAX_DETAIL_TEXT)
    if isinstance(value, dict):
        return {bounded(str(k), 64): _bounded_details(v, depth + 1)
                for k, v in list(value.items())[:MAX_DETAIL_ITEMS]}
    if isinstance(value, list | tuple):
        return [_bounded_details(v, depth + 1) for v in list(value)[:MAX_DETAIL_ITEMS]]
    return value


def record(
    user: Any,
    action: str,
    obj: Any = None,
    *,
    object_type: str = "",
    object_id: str | int = "",
    object_repr: str = "",
    ip: str | None = None,
    username: str = "",
    **details: Any,
) -> AuditEvent:
    """Append one event; ``username`` names who tried when there is no account (failed login).

    Without ``ip``, the address of the web request being answered is used: services called by a
    view (review decisions, commission steps, journal entries) are audited with it too.
    """
    ip = ip or _request_ip.get()
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        object_repr = object_repr or str(obj)
    real_user = user if user is not None and getattr(user, "pk", None) else None
    return chain.append(AuditEvent(
        user=real_user,
        username=bounded(username or getattr(user, "username", "") or ("cli" if user is None else ""), 150),
        action=action[:64],
        object_type=bounded(object_type, 64),
        object_id=bounded(str(object_id), 64),
        object_repr=bounded(object_repr, MAX_TEXT),
        details=_bounded_details(details),
        ip=ip,
    ))


# The client address of the request this thread (or task) is answering; None outside requests.
_request_ip: ContextVar[str | None] = ContextVar("zorko_audit_request_ip", default=None)


def current_request_ip() -> str | None:
    """The address of the request being answered, None outside one (a job queued now keeps it)."""
    return _request_ip.get()


@contextmanager
def request_ip(ip: str | None) -> Iterator[None]:
    """Within the block, every audit record without an explicit ``ip`` carries this one."""
    token = _request_ip.set(ip or None)
    try:
        yield
    finally:
        _request_ip.reset(token)


def client_ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None
