"""Background job ``candidates.check``: a candidate check that asks the ФНС НПД service online.

With the online check on, requests are spaced by ``ZORKO_NPD_INTERVAL``
(31 s): a candidate with relatives takes minutes, so the page starts a job
and shows its progress instead of holding the request.
"""

from __future__ import annotations

from typing import Any

from zorko.tasks import queue


@queue.job("candidates.check")
def candidate_check_job(progress: queue.Progress, person_id: int, user_id: int | None = None) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from zorko.candidates.services import run_check
    from zorko.people.models import Servant

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    person = Servant.objects.get(pk=person_id)
    progress(0, None, f"Проверка кандидата {person.full_name}: запрос статусов НПД и сверка с реестрами")
    check = run_check(person, user)
    message = (f"Проверка кандидата {person.full_name}: срабатываний {len(check.findings)}, "
               f"запросов на уточнение {len(check.clarifications)}")
    progress(1, 1, message)
    return {"check_id": check.pk, "message": message}
