"""One exception hierarchy for Zorko.

Messages are in Russian because they reach the user as they are: the CLI
prints them and exits non-zero, the web shows them on the page.
"""

from __future__ import annotations

from dataclasses import dataclass


class ZorkoError(Exception):
    """Base of every error Zorko reports to a user."""

    exit_code = 1
    http_status = 400


class ConfigError(ZorkoError):
    """The installation is misconfigured."""


class ValidationError(ZorkoError):
    """A value given by the user is invalid."""


class NotFound(ZorkoError):
    http_status = 404


class PermissionDenied(ZorkoError):
    http_status = 403
    exit_code = 3


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One problem in an input file: where it is and what is wrong."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"строка {self.row}")
        if self.column:
            parts.append(f"поле «{self.column}»")
        where = ", ".join(parts)
        value = f" (значение «{self.value}»)" if self.value not in (None, "") else ""
        return f"{where}{value}: {self.reason}"


class InputFileError(ZorkoError):
    """An input file is unusable; carries every problem found, not just the first."""

    exit_code = 2

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        head = f"Найдено ошибок: {len(problems)}. Ничего не записано."
        super().__init__("\n".join([head, *(str(p) for p in problems)]))


class ImportFailed(InputFileError):
    """A registry or people import failed at one place; nothing of it was written."""

    def __init__(self, file: str, reason: str, line: int | None = None, field: str | None = None) -> None:
        super().__init__([InputProblem(file=file, row=line, column=field, value=None, reason=reason)])
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None, str | None]]:
        # Parser processes send it back to the loading process by pickling.
        return (type(self), (self.file, self.reason, self.line, self.field))


class DiskFull(ZorkoError):
    """The disk (or the user's quota) is full: said plainly instead of a traceback."""

    exit_code = 5
    http_status = 507

    def __init__(self, detail: str = "") -> None:
        where = f" ({detail})" if detail else ""
        super().__init__(f"На диске нет места{where}: освободите место (или увеличьте квоту) и повторите. "
                         "Незавершённая операция ничего не записала.")


_DISK_FULL_TEXTS = ("no space left on device", "database or disk is full", "disk quota exceeded",
                    "could not extend file")


def as_disk_full(exc: BaseException) -> DiskFull | None:
    """DiskFull for an error of any layer (OS, SQLite, PostgreSQL, DuckDB) caused by a full disk."""
    import errno

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFull(getattr(current, "filename", None) or "")
        if any(text in str(current).lower() for text in _DISK_FULL_TEXTS):
            return DiskFull()
        current = current.__cause__ or current.__context__
    return None


class NotAuthenticated(ZorkoError):
    """A request to the API came without a valid token."""

    http_status = 401
    exit_code = 3
