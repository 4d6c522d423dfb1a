"""The demo's screenings of the past months of the year, so the KPI page shows a year's progress.

The program's indicator 2 (``zorko/findings/kpi.py``) counts a servant as checked at the end of a
month when a screening of him and all his relatives, on registry extracts at most 30 days old,
happened by then. A demo built today has one screening, today's: every past month would read
0 % and «не выполнен». This writes one screening run per past month, each covering the next
share of the servants (those already employed on that day) so that the running total follows
the plan (10 % in February … 100 % in November) a few points ahead, with one month a little
behind, as a real year looks. Deterministic per seed; a re-run replaces the runs it wrote.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from zorko.calendar_ru import GENITIVE
from zorko.findings.kpi import plan_percent
from zorko.findings.models import ScreenedPerson, ScreeningRun
from zorko.people.models import Servant

# Marks the runs written here (the scope value of a run over everyone is otherwise empty).
HISTORY = "история проверок (демо)"
REGISTRIES = ("egrul", "egrip", "contracts")


def _targets(rng: random.Random, months: list[int]) -> dict[int, int]:
    """Cumulative share (%) checked by the end of each month: the plan and a few points more,
    except one month that falls short of it."""
    behind = rng.choice([m for m in months if plan_percent(m) >= 30] or [0])
    out, last = {}, 0
    for month in months:
        plan = plan_percent(month)
        share = plan - rng.randint(2, 4) if month == behind else plan + rng.randint(2, 7)
        last = max(last, min(100, share))
        out[month] = last
    return out


def _run_moment(rng: random.Random, year: int, month: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(year, month, rng.randint(8, 22)), time(rng.randint(9, 17))))


@transaction.atomic
def build_screening_history(seed: int, today: date | None = None) -> list[str]:
    """One screening run for each month of this year that has ended; lines for the demo's output."""
    today = today or timezone.localdate()
    rng = random.Random(f"zorko-demo-kpi-{seed}")
    ScreeningRun.objects.filter(scope=ScreeningRun.Scope.ALL, scope_value=HISTORY).delete()
    months = list(range(2, today.month))  # January has no plan; the current month is not over
    if not months:
        return []
    servants = list(Servant.objects.filter(status=Servant.Status.SERVANT)
                    .annotate(n_rel=Count("relatives")).order_by("personnel_number"))
    rng.shuffle(servants)
    targets = _targets(rng, months)
    done = 0
    for month in months:
        moment = _run_moment(rng, today.year, month)
        want = round(len(servants) * targets[month] / 100)
        batch = [s for s in servants[done:] if s.hired_on is None or s.hired_on <= moment.date()][: max(0, want - done)]
        if not batch:
            continue
        chosen = {s.pk for s in batch}
        servants[done:] = batch + [s for s in servants[done:] if s.pk not in chosen]
        done += len(batch)
        extract = moment.date() - timedelta(days=rng.randint(2, 20))
        run = ScreeningRun.objects.create(scope=ScreeningRun.Scope.ALL, scope_value=HISTORY,
                                          registry_as_of={r: extract.isoformat() for r in REGISTRIES},
                                          people_checked=len(batch))
        ScreenedPerson.objects.bulk_create(ScreenedPerson(run=run, servant=s, relatives_checked=s.n_rel,
                                                          registry_oldest=extract) for s in batch)
        # Both times are set on creation; the history's are in the past.
        ScreeningRun.objects.filter(pk=run.pk).update(started_at=moment, finished_at=moment + timedelta(minutes=3))
        run.screened.update(screened_at=moment)
    last = months[-1]
    return [f"История проверок за {today.year} год: {len(months)} мес., на конец {GENITIVE[last - 1]} "
            f"проверено {done} из {len(servants)} служащих"]
