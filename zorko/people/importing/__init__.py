"""Import of servants and relatives from XLSX/CSV files.

``plan_import(servants_path, relatives_path=None) -> ImportPlan`` reads and
checks both files and computes what would change (the web preview shows
``plan.lines()`` and ``plan.counts``); every problem is collected and raised
together as ``InputFileError``. ``apply_import(plan, user=None) ->
ImportSummary`` writes the plan in one transaction with history and an
audit event «people.import». ``import_people`` does both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zorko.people.importing.apply import ImportSummary, apply_import
from zorko.people.importing.plan import ImportPlan, plan_import, plan_tables
from zorko.people.importing.templates import write_templates

__all__ = ["ImportPlan", "ImportSummary", "apply_import", "import_people", "plan_import",
           "plan_tables", "write_templates"]


def import_people(servants_path: str | Path, relatives_path: str | Path | None = None,
                  user: Any = None) -> ImportSummary:
    """Check both files and, if all is well, write them; else raise InputFileError."""
    return apply_import(plan_import(servants_path, relatives_path), user)
