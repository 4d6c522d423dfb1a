"""Typed settings read once from ``ZORKO_*`` environment variables.

Every setting has a default that works out of the box; each one is
documented in the README (a test checks that).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "да"}


@dataclass(frozen=True, slots=True)
class Config:
    data_dir: Path
    database_url: str
    secret_key: str
    debug: bool
    allowed_hosts: tuple[str, ...]
    host: str
    port: int
    login_attempts: int
    login_lockout_minutes: int
    worker_threads: int
    load_workers: int  # registry parser processes; 0 = one per CPU (at most 4)
    clarification_days: int = 30  # days a servant has to answer a clarification request
    import_dirs: tuple[Path, ...] = ()  # folders the web may load registry files from by path
    report_workers: int = 0  # processes laying out a batch of person reports; 0 = one per CPU (at most 4)
    monitoring_k_day: int = 10  # day of the month after a quarter the «Мониторинг-К» form is due
    https: bool = False  # served over HTTPS by a reverse proxy that sets X-Forwarded-Proto

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "zorko.sqlite3"

    @property
    def registry_path(self) -> Path:
        return self.data_dir / "registry.duckdb"


# Names of all settings; the README must document each of them.
SETTING_NAMES = (
    "ZORKO_DATA_DIR",
    "ZORKO_DATABASE_URL",
    "ZORKO_SECRET_KEY",
    "ZORKO_DEBUG",
    "ZORKO_ALLOWED_HOSTS",
    "ZORKO_HOST",
    "ZORKO_PORT",
    "ZORKO_LOGIN_ATTEMPTS",
    "ZORKO_LOGIN_LOCKOUT_MINUTES",
    "ZORKO_WORKER_THREADS",
    "ZORKO_LOAD_WORKERS",
    "ZORKO_CLARIFICATION_DAYS",
    "ZORKO_IMPORT_DIRS",
    "ZORKO_GIFT_THRESHOLD",
    "ZORKO_ATTACHMENT_MAX_MB",
    "ZORKO_MONITORING_K_DAY",
    "ZORKO_REPORT_WORKERS",
    "ZORKO_HTTPS",
)


def _secret_key(data_dir: Path) -> str:
    """Use ZORKO_SECRET_KEY, else a random key kept in the data directory.

    A key generated per installation keeps sessions valid across restarts
    without ever committing a secret to the repository.
    """
    explicit = os.environ.get("ZORKO_SECRET_KEY")
    if explicit:
        return explicit
    path = data_dir / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


def monitoring_k_day() -> int:
    """The «Мониторинг-К» due day; at most 28 so that it exists in every month."""
    return min(max(int(_env("ZORKO_MONITORING_K_DAY", "10")), 1), 28)


def load() -> Config:
    data_dir = Path(_env("ZORKO_DATA_DIR", "./var")).resolve()
    return Config(
        data_dir=data_dir,
        database_url=_env("ZORKO_DATABASE_URL", ""),
        secret_key=_secret_key(data_dir),
        debug=_flag("ZORKO_DEBUG", False),
        allowed_hosts=tuple(
            h.strip() for h in _env("ZORKO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
        ),
        host=_env("ZORKO_HOST", "127.0.0.1"),
        port=int(_env("ZORKO_PORT", "8000")),
        login_attempts=int(_env("ZORKO_LOGIN_ATTEMPTS", "5")),
        login_lockout_minutes=int(_env("ZORKO_LOGIN_LOCKOUT_MINUTES", "15")),
        worker_threads=int(_env("ZORKO_WORKER_THREADS", "1")),
        load_workers=int(_env("ZORKO_LOAD_WORKERS", "0")),
        clarification_days=int(_env("ZORKO_CLARIFICATION_DAYS", "30")),
        import_dirs=tuple(Path(d.strip()).resolve() for d in _env("ZORKO_IMPORT_DIRS", "").split(",")
                          if d.strip()),
        report_workers=int(_env("ZORKO_REPORT_WORKERS", "0")),
        monitoring_k_day=monitoring_k_day(),
        https=_flag("ZORKO_HTTPS", False),
    )
