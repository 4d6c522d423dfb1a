"""Each token has its own rate limit; beyond it the answer is 429 in Russian."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from zorko.accounts.tokens import create_token
from zorko.api.v1 import api


@pytest.mark.django_db
def test_a_token_over_its_rate_gets_429_and_another_token_does_not(client: Any, monkeypatch: Any) -> None:
    cache.clear()
    monkeypatch.setattr(api.throttle[0], "num_requests", 3)  # type: ignore[index]
    busy, calm = (create_token(name, "screening.read").secret for name in ("Цикл", "Кадры"))
    answers = [client.get("/api/v1/servants/1/status", HTTP_AUTHORIZATION=f"Bearer {busy}") for _ in range(4)]
    assert [a.status_code for a in answers] == [404, 404, 404, 429]
    assert answers[-1].json()["detail"] == "Слишком много запросов; повторите позже."
    assert int(answers[-1]["Retry-After"]) > 0
    assert client.get("/api/v1/servants/1/status", HTTP_AUTHORIZATION=f"Bearer {calm}").status_code == 404
    cache.clear()
