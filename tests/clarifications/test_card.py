"""The servant's card: possible namesakes (never findings), his clarification requests, the judgements."""

from __future__ import annotations

import pytest

from zorko.findings.judgements import record_judgement
from zorko.findings.models import Finding

pytestmark = pytest.mark.django_db


def test_card_shows_namesakes_requests_and_judgements(family, client_as, make_user):
    ev = family.finding.evidence
    record_judgement(family.servant, family.sister, ev["registry_person"], False, "<i>Не она</i>",
                     make_user("inspector"))
    html = client_as("viewer").get(f"/people/{family.servant.pk}/").content.decode()
    section = html[html.index('id="namesakes"'):html.index('id="clarifications"')]
    assert "мать: Иванова Елена Александровна" in section
    assert "Возможные тёзки: 1 лицо в реестре — Москва — 1" in section
    assert "ООО «Далёкая 0» (учредитель (участник), Москва)" in section
    # The namesakes are not findings: the only finding is the sister's.
    assert list(Finding.objects.filter(servant=family.servant).values_list("relative", flat=True)) == \
        [family.sister.pk]
    requests = html[html.index('id="clarifications"'):html.index('id="judgements"')]
    assert f'href="/clarifications/{family.request.pk}/"' in requests and "подготовлен" in requests
    judgements = html[html.index('id="judgements"'):html.index('id="graph"')]
    assert "Петрова Анна Сергеевна" in judgements and "это другое лицо" in judgements
    assert "&lt;i&gt;Не она&lt;/i&gt;" in judgements and "<i>Не она</i>" not in judgements
    assert "Отменить решение" not in judgements  # a viewer cannot revoke
