"""The demo's API tokens: the same per seed, idempotent, and the printed one works."""

from __future__ import annotations

from typing import Any

import pytest

from zorko.accounts.models import ApiToken
from zorko.demo.api_tokens import build_api_demo, demo_secret


@pytest.mark.django_db
def test_demo_tokens_are_stable_and_the_printed_one_reads(client: Any, make_servant: Any) -> None:
    lines = build_api_demo(3)
    first = dict(ApiToken.objects.values_list("name", "token_hash"))
    assert build_api_demo(3) == lines and dict(ApiToken.objects.values_list("name", "token_hash")) == first
    assert ApiToken.objects.count() == 4 and ApiToken.objects.filter(revoked_at__isnull=False).count() == 1
    printed = lines[0].rsplit(" ", 1)[1]
    assert printed == demo_secret(3, "1С ЗУП чтение") != demo_secret(4, "1С ЗУП чтение")
    servant = make_servant()
    answer = client.get(f"/api/v1/servants/{servant.personnel_number}/status",
                        HTTP_AUTHORIZATION=f"Bearer {printed}")
    assert answer.status_code == 200 and answer.json()["full_name"] == servant.full_name
