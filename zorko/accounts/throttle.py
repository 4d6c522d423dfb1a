"""Login throttling: too many failures of one account from one address lock that pair.

``ZORKO_LOGIN_ATTEMPTS`` failures of a user name from one address within
``ZORKO_LOGIN_LOCKOUT_MINUTES`` lock that name at that address until the
oldest of those failures is older than the lockout period. Locking by the
pair (as django-axes does) means nobody can lock someone else's account from
elsewhere, ``demo`` included. An address that fails with many names
(password spraying) is locked for all names after ``ADDRESS_FACTOR`` times
as many failures. Even a correct password is refused while locked:
otherwise guessing would only be slowed down. Names are compared normalised
(NFKC and case), as accounts are stored, so «ＡＮＮＡ» counts as «anna».
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from zorko.accounts.models import FailedLogin
from zorko.accounts.users import normalize_username

ADDRESS_FACTOR = 4
LOCKED_MESSAGE = (
    "Слишком много неудачных попыток входа. Вход для этой учётной записи с этого адреса "
    "временно заблокирован; повторите попытку через {minutes} мин."
)


def _limits() -> tuple[int, timedelta]:
    config = settings.CONFIG
    return max(1, config.login_attempts), timedelta(minutes=max(1, config.login_lockout_minutes))


def _normal(username: str) -> str:
    return normalize_username(username)[:150]


def _pair(username: str, ip: str | None) -> Q:
    return Q(username=_normal(username)) & (Q(ip=ip) if ip else Q(ip__isnull=True))


def locked_until(username: str, ip: str | None, now: datetime | None = None) -> datetime | None:
    """When the lock on this name at this address ends, or None when login is allowed."""
    attempts, window = _limits()
    now = now or timezone.now()
    recent = FailedLogin.objects.filter(at__gt=now - window)
    ends: list[datetime] = []
    checks = [(_pair(username, ip), attempts)]
    if ip:
        checks.append((Q(ip=ip), attempts * ADDRESS_FACTOR))
    for condition, limit in checks:
        times = list(recent.filter(condition).order_by("-at").values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            ends.append(times[-1] + window)
    return max(ends) if ends else None


def locked_message(until: datetime, now: datetime | None = None) -> str:
    seconds = (until - (now or timezone.now())).total_seconds()
    return LOCKED_MESSAGE.format(minutes=max(1, int(seconds // 60) + 1))


def note_failure(username: str, ip: str | None) -> None:
    _, window = _limits()
    # Failures older than the window no longer count; dropping them keeps the table small.
    FailedLogin.objects.filter(at__lt=timezone.now() - window).delete()
    FailedLogin.objects.create(username=_normal(username), ip=ip)


def note_success(username: str, ip: str | None) -> None:
    """A successful login forgives that name's earlier failures from this address."""
    FailedLogin.objects.filter(_pair(username, ip)).delete()
