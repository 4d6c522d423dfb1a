"""The README's role table says exactly what ROLE_CAPABILITIES grants."""

from pathlib import Path

from zorko.accounts.roles import ROLE_CAPABILITIES, can, roles_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_role_table_matches_mapping() -> None:
    assert roles_table() in README.read_text(encoding="utf-8")


def test_table_marks_each_granted_capability() -> None:
    table = roles_table()
    audit_row = next(line for line in table.splitlines() if "`audit.view`" in line)
    # administrator only: one «да» and a dash for every other role
    assert audit_row.count("да") == 1 and audit_row.count("—") == len(ROLE_CAPABILITIES) - 1
    assert sum(len(caps) for caps in ROLE_CAPABILITIES.values()) == table.count("| да")


def test_boundaries_named_in_the_brief() -> None:
    class Member:
        is_authenticated = True
        is_active = True
        is_superuser = False

        def __init__(self, role: str) -> None:
            self._zorko_roles = {role}

    assert not can(Member("viewer"), "people.edit")
    assert not can(Member("hr"), "audit.view") and not can(Member("hr"), "findings.view")
    assert not can(Member("inspector"), "users.manage") and not can(Member("inspector"), "audit.view")
    assert can(Member("administrator"), "audit.view") and can(Member("administrator"), "users.manage")
