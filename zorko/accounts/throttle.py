"""Login throttling: too many failures per username or per address lock logins.

``ZORKO_LOGIN_ATTEMPTS`` failures within ``ZORKO_LOGIN_LOCKOUT_MINUTES``
lock that username (and, separately, that address) until the oldest of
those failures is older than the lockout period. Even a correct password
is refused while locked: otherwise guessing would only be slowed down.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from zorko.accounts.models import FailedLogin

LOCKED_MESSAGE = (
    "Слишком много неудачных попыток входа. Вход для этой учётной записи или с этого адреса "
    "временно заблокирован; повторите попытку через {minutes} мин."
)


def _limits() -> tuple[int, timedelta]:
    config = settings.CONFIG
    return max(1, config.login_attempts), timedelta(minutes=max(1, config.login_lockout_minutes))


def _normal(username: str) -> str:
    return username.strip().casefold()


def locked_until(username: str, ip: str | None, now: datetime | None = None) -> datetime | None:
    """When the lock on this username or address ends, or None when login is allowed."""
    attempts, window = _limits()
    now = now or timezone.now()
    recent = FailedLogin.objects.filter(at__gt=now - window)
    ends: list[datetime] = []
    for condition in (Q(username=_normal(username)), Q(ip=ip) if ip else None):
        if condition is None:
            continue
        times = list(recent.filter(condition).order_by("-at").values_list("at", flat=True)[:attempts])
        if len(times) >= attempts:
            ends.append(times[-1] + window)
    return max(ends) if ends else None


def locked_message(until: datetime, now: datetime | None = None) -> str:
    seconds = (until - (now or timezone.now())).total_seconds()
    return LOCKED_MESSAGE.format(minutes=max(1, int(seconds // 60) + 1))


def note_failure(username: str, ip: str | None) -> None:
    _, window = _limits()
    # Failures older than the window no longer count; dropping them keeps the table small.
    FailedLogin.objects.filter(at__lt=timezone.now() - window).delete()
    FailedLogin.objects.create(username=_normal(username)[:150], ip=ip)


def note_success(username: str) -> None:
    """A successful login forgives that account's earlier failures (not the address's)."""
    FailedLogin.objects.filter(username=_normal(username)).delete()
