"""What a servant's card shows of the review beyond findings: possible namesakes, requests, judgements."""

from __future__ import annotations

from typing import Any

from zorko.clarifications.summary import namesake_lines, request_lines
from zorko.findings.judgements import note_of
from zorko.findings.models import IdentityJudgement
from zorko.people.models import Servant


def review_context(servant: Servant) -> dict[str, Any]:
    judgements = [{"j": j, "note": note_of(j)} for j in
                  IdentityJudgement.objects.filter(servant=servant).select_related("relative", "user")]
    return {"card_namesakes": namesake_lines(servant), "card_requests": request_lines(servant),
            "card_judgements": judgements}
