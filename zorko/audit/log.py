"""``record()``: the one way to write to the audit log."""

from __future__ import annotations

from typing import Any

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
    "backup.create": "резервная копия",
    "backup.restore": "восстановление из резервной копии",
}


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
    """Append one event; ``username`` names who tried when there is no account (failed login)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        object_repr = object_repr or str(obj)
    real_user = user if user is not None and getattr(user, "pk", None) else None
    return AuditEvent.objects.create(
        user=real_user,
        username=username or getattr(user, "username", "") or ("cli" if user is None else ""),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_repr=object_repr[:300],
        details=details,
        ip=ip,
    )


def client_ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None
