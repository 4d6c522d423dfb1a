"""The program part of the demo municipality, deterministic per seed and idempotent.

A training year with its contract and certificates (KPI 1 met in May, not
in October), the annual plan, a January seminar and the 9 December event,
preventive talks with most of the year's new servants, control points in
every status, and the last finished quarter of «Мониторинг-К» submitted.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from zorko.people.models import Servant
from zorko.program.models import (
    Category,
    ControlPointMark,
    Event,
    MonitoringReport,
    Participant,
    PlanEntry,
    PreventiveTalk,
    TrainingCourse,
)

PLAN_SIZE = 50
TRAINED_BY_MAY = 27  # above the plan of 25
TRAINED_BY_OCTOBER = 41  # below the plan of 50
COMMISSION = 6
PROGRAMME = "Противодействие коррупции в системе муниципального управления"
PROVIDER = "АНО ДПО «Кузбасский институт повышения квалификации»"


def _clamp(day: date, today: date) -> date | None:
    return day if day <= today else None


def build_program_demo(seed: int = 1, today: date | None = None) -> list[str]:
    today = today or date.today()
    year = today.year
    rng = random.Random(f"zorko-program-{seed}-{year}")
    with transaction.atomic():
        lines = [_training(rng, year, today), _events(rng, year, today), _talks(rng, year, today),
                 _marks(year, today)]
    lines.append(_monitoring(year, today))
    return [line for line in lines if line]


def _training(rng: random.Random, year: int, today: date) -> str:
    course, _ = TrainingCourse.objects.get_or_create(year=year, programme=PROGRAMME, defaults={
        "provider": PROVIDER, "hours": 36, "starts_on": date(year, 5, 12), "ends_on": date(year, 10, 20),
        "contract_number": f"0139300012{year % 100:02d}000047", "contract_date": date(year, 4, 22),
        "contract_price": Decimal("198000.00")})
    servants = list(Servant.objects.filter(status=Servant.Status.SERVANT).select_related("position")
                    .order_by("personnel_number"))
    if not servants:
        return ""
    new_hires = [s for s in servants if s.hired_on and s.hired_on.year == year and s.position
                 and s.position.declaration_required]
    rest = [s for s in servants if s not in new_hires]
    rng.shuffle(rest)
    chosen = [(s, Category.NEW_HIRE) for s in new_hires[:PLAN_SIZE]]
    chosen += [(s, Category.COMMISSION) for s in rest[:COMMISSION]]
    buyers = [s for s in rest[COMMISSION:] if s.position and s.position.name in ("Главный бухгалтер", "Бухгалтер",
                                                                                  "Ведущий специалист")]
    chosen += [(s, Category.PROCUREMENT) for s in buyers[:12]]
    taken = {s.pk for s, _ in chosen}
    chosen += [(s, Category.OTHER) for s in rest if s.pk not in taken][:max(0, PLAN_SIZE - len(chosen))]
    chosen = chosen[:PLAN_SIZE]
    for s, category in chosen:
        PlanEntry.objects.get_or_create(year=year, servant=s, defaults={"category": category,
                                                                      "added_on": date(year, 3, 20)})
    for n, (s, category) in enumerate(chosen):
        if n < TRAINED_BY_MAY:
            issued = _clamp(date(year, 5, 15 + n % 14), today)
        elif n < TRAINED_BY_OCTOBER:
            issued = _clamp(date(year, 9, 10 + n % 18), today)
        else:
            issued = None
        Participant.objects.get_or_create(course=course, servant=s, defaults={
            "category": category, "certificate_date": issued,
            "certificate_number": f"42{year % 100:02d}-{n + 1:04d}" if issued else ""})
    return f"Обучение {year}: контракт № {course.contract_number}, план {len(chosen)} чел."


def _events(rng: random.Random, year: int, today: date) -> str:
    servants = list(Servant.objects.filter(status=Servant.Status.SERVANT).order_by("personnel_number")[:200])
    made = 0
    for kind, title, day in (
            (Event.Kind.SEMINAR, "Требования к служебному поведению и урегулирование конфликта интересов",
             date(year, 1, 27)),
            (Event.Kind.MEETING, "Декларационная кампания: порядок представления сведений о доходах",
             date(year, 3, 12)),
            (Event.Kind.ANTICORRUPTION_DAY, "Международный день борьбы с коррупцией", date(year, 12, 9))):
        if day > today:
            continue
        event, created = Event.objects.get_or_create(title=title, held_on=day, defaults={
            "kind": kind, "place": "Администрация, зал заседаний", "speaker": "Отдел по профилактике коррупции"})
        if created:
            event.attendees.set(rng.sample(servants, min(len(servants), rng.randint(25, 40))))
        made += 1
    return f"Мероприятий за год: {made}"


def _talks(rng: random.Random, year: int, today: date) -> str:
    hired = list(Servant.objects.filter(hired_on__year=year).exclude(status=Servant.Status.CANDIDATE)
                 .order_by("personnel_number"))
    talked = 0
    for n, s in enumerate(hired):
        if n % 4 == 3 or s.hired_on is None:  # every fourth is still waiting for the talk
            continue
        held = min(s.hired_on + timedelta(days=3), today)
        PreventiveTalk.objects.get_or_create(servant=s, held_on=held,
                                             defaults={"held_by": "Отдел по профилактике коррупции"})
        talked += 1
    return f"Профилактических бесед: {talked} из {len(hired)} принятых"


def _marks(year: int, today: date) -> str:
    """Marks that put the points in every status: done by document, in progress by mark."""
    ControlPointMark.objects.get_or_create(code="5.1.К1", year=year, quarter=0, defaults={
        "status": ControlPointMark.Status.DONE, "document_link": f"Лицензионный договор № 17-Л от 18.06.{year}",
        "note": "Права использования программы «Зорко» переданы"})
    ControlPointMark.objects.get_or_create(code="6.1.2", year=year, quarter=_quarter(today), defaults={
        "status": ControlPointMark.Status.IN_PROGRESS, "note": "Сведения собираются"})
    return ""


def _quarter(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _monitoring(year: int, today: date) -> str:
    from zorko.program.monitoring import submit

    quarter = _quarter(today) - 1
    q_year = year if quarter else year - 1
    quarter = quarter or 4
    if MonitoringReport.objects.filter(year=q_year, quarter=quarter, status=MonitoringReport.Status.SUBMITTED
                                       ).exists():
        return ""
    submit(q_year, quarter)
    return f"«Мониторинг-К» за {quarter} квартал {q_year} г. заполнен и представлен"
