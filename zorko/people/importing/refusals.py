"""The audit event of a refused import: who tried, which files, where the first errors are.

The problems are written without the offending values: a wrong ИНН or a
misspelt name is personal data, and the audit of an import holds only file
names and counts. File, row, column and reason are enough to find the error.
"""

from __future__ import annotations

import re
from typing import Any

from zorko.audit.log import record
from zorko.audit.models import AuditEvent
from zorko.exceptions import InputFileError, InputProblem

ACTION = "people.import.refused"
FIRST_ERRORS = 3
HIDDEN = "…"
# Identifiers, phones, SNILS: six digits or more, perhaps split by spaces or hyphens.
_NUMBER = re.compile(r"\d[\d \-]{4,}\d")


def where_and_why(problem: InputProblem) -> str:
    """``file, строка N, поле «X»: reason`` — the problem without its value.

    Some reasons quote the value (``ИНН «…»: неверные контрольные цифры``);
    it is hidden there too.
    """
    reason = problem.reason
    if problem.value and str(problem.value).strip():
        reason = reason.replace(str(problem.value).strip(), HIDDEN)
    reason = _NUMBER.sub(HIDDEN, reason)
    return str(InputProblem(problem.file, problem.row, problem.column, None, reason))


def record_refusal(user: Any, files: list[str], error: InputFileError, *, ip: str | None = None,
                   stage: str = "") -> AuditEvent:
    """Write «people.import.refused» with the file names and the first errors."""
    details: dict[str, Any] = {"files": files, "errors": len(error.problems),
                               "first_errors": [where_and_why(p) for p in error.problems[:FIRST_ERRORS]]}
    if stage:
        details["stage"] = stage
    return record(user, ACTION, object_type="people.import", ip=ip, object_repr=", ".join(files),
                  **details)
