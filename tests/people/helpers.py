"""Paths of the people fixtures and a way to make a broken copy of one."""

from __future__ import annotations

from pathlib import Path

from zorko.audit.models import AuditEvent
from zorko.people.models import ChangeRecord, Department, Organisation, Position, Relative, Servant

PEOPLE = Path(__file__).resolve().parents[1] / "fixtures" / "people"
SERVANTS_CSV = PEOPLE / "servants_cp1251.csv"
RELATIVES_CSV = PEOPLE / "relatives_cp1251.csv"


def variant(tmp_path: Path, source: Path, *replacements: tuple[str, str],
            encoding: str = "cp1251", name: str | None = None) -> Path:
    """A copy of a CSV fixture with text replaced (each replacement must apply)."""
    text = source.read_text(encoding="cp1251")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / (name or source.name)
    path.write_text(text, encoding=encoding, newline="")
    return path


def nothing_written() -> bool:
    return not any(m.objects.exists() for m in (Servant, Relative, ChangeRecord, Organisation,
                                                Department, Position)) \
        and not AuditEvent.objects.filter(action="people.import").exists()
