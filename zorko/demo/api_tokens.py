"""API tokens of the demo municipality: its HR system's tokens, the same for the same seed.

The secrets derive from the seed like the demo password, so ``zorko demo``
can print a working token on every run without keeping it anywhere.
"""

from __future__ import annotations

import random
import string
from datetime import timedelta

from django.utils import timezone

from zorko.accounts.models import ApiToken
from zorko.accounts.tokens import PREFIX, digest

# (system, scope, revoked): one token per scope, and an old system switched off.
TOKENS = (("1С ЗУП", "people.write", False), ("1С ЗУП чтение", "screening.read", False),
          ("1С ЗУП проверки", "screening.run", False), ("Старая кадровая программа", "people.write", True))
_ALPHABET = string.ascii_letters + string.digits + "-_"


def demo_secret(seed: int, name: str) -> str:
    rng = random.Random(f"zorko-demo-api-{seed}-{name}")
    return PREFIX + "".join(rng.choice(_ALPHABET) for _ in range(43))


def build_api_demo(seed: int = 1) -> list[str]:
    """Create or reset the demo tokens; returns the lines ``zorko demo`` prints."""
    now = timezone.now()
    for name, scope, revoked in TOKENS:
        secret = demo_secret(seed, name)
        ApiToken.objects.update_or_create(name=name, defaults={
            "scope": scope, "token_hash": digest(secret), "prefix": secret[:10], "created_by": "demo",
            "revoked_at": now - timedelta(days=40) if revoked else None})
    read = demo_secret(seed, "1С ЗУП чтение")
    return [f"Токены API: {len(TOKENS)} (страница /api-tokens/); токен чтения результатов проверок: {read}"]
