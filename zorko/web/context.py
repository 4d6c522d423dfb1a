"""Template context: what the current user may do (menus hide what they cannot)."""

from __future__ import annotations

from typing import Any

from zorko.accounts.roles import ROLE_NAMES, capabilities_of, roles_of


def roles(request: Any) -> dict[str, Any]:
    user = getattr(request, "user", None)
    caps = capabilities_of(user)
    return {
        "caps": caps,
        "role_names": [ROLE_NAMES[r] for r in sorted(roles_of(user))],
    }
