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
