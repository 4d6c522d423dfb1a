"""Deadlines of each journal, computed from the law on Russian working days.

- other paid work (ч. 2 ст. 11 25-ФЗ): the notice comes *before* the work
  starts; the review is due by the start date;
- personal interest (ст. 11 273-ФЗ): preliminary review with a motivated
  conclusion within ``interest_review_days`` working days, extendable by
  at most ``interest_extension_days`` calendar days;
- inducement (ст. 9 273-ФЗ): the servant notifies no later than the next
  working day after the approach, and the notice is registered no later
  than the next working day after it arrives;
- gifts (ПП РФ № 10): notice within 3 working days after the event; a gift
  over the threshold is handed over within 5 working days after the notice
  is registered;
- employers' messages (ч. 4 ст. 12 273-ФЗ, ПП РФ № 29): within 10 days
  after the employment contract, for 2 years after dismissal; the
  commission considers it within ``commission_days`` working days;
- applications to the commission: considered within ``commission_days``
  working days.

Numbers the law leaves to the municipality's regulation are in
:class:`JournalPolicy`, not hard-coded in the rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from zorko.journals.models import JournalEntry, Kind
from zorko.journals.workdays import add_working_days, next_working_day


@dataclass(frozen=True, slots=True)
class JournalPolicy:
    interest_review_days: int = 7
    interest_extension_days: int = 30
    gift_notice_days: int = 3
    gift_handover_days: int = 5
    gift_threshold: Decimal = Decimal("3000")
    employer_message_days: int = 10
    former_servant_years: int = 2
    commission_days: int = 7


def policy() -> JournalPolicy:
    """The policy with the gift threshold from ``ZORKO_GIFT_THRESHOLD`` (roubles)."""
    raw = os.environ.get("ZORKO_GIFT_THRESHOLD", "").strip().replace(" ", "").replace(",", ".")
    return JournalPolicy(gift_threshold=Decimal(raw)) if raw else JournalPolicy()


@dataclass(frozen=True, slots=True)
class Timing:
    deadline: date | None
    late_note: str = ""


def _d(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def former_servant_window_end(dismissed_on: date, p: JournalPolicy) -> date:
    try:
        return dismissed_on.replace(year=dismissed_on.year + p.former_servant_years)
    except ValueError:  # 29 February
        return dismissed_on.replace(year=dismissed_on.year + p.former_servant_years, day=28)


def timing(e: JournalEntry, p: JournalPolicy | None = None) -> Timing:
    p = p or policy()
    notes: list[str] = []
    deadline: date | None
    if e.kind == Kind.PAID_WORK:
        deadline = e.start_on
        if e.start_on and e.received_on >= e.start_on:
            notes.append(f"уведомление поступило не до начала работы ({_d(e.start_on)})")
    elif e.kind == Kind.INTEREST:
        deadline = add_working_days(e.received_on, p.interest_review_days)
    elif e.kind == Kind.INDUCEMENT:
        deadline = next_working_day(e.received_on)
        if e.event_on and e.received_on > next_working_day(e.event_on):
            notes.append(f"уведомление подано позже следующего рабочего дня ({_d(next_working_day(e.event_on))})")
        if e.registered_on > deadline:
            notes.append(f"зарегистрировано позже следующего рабочего дня ({_d(deadline)})")
    elif e.kind == Kind.GIFT:
        deadline = None
        if e.gift_value is None or e.gift_value > p.gift_threshold:
            deadline = add_working_days(e.registered_on, p.gift_handover_days)
        if e.event_on and e.received_on > (due := add_working_days(e.event_on, p.gift_notice_days)):
            notes.append(f"уведомление подано позже {p.gift_notice_days} рабочих дней (срок {_d(due)})")
    elif e.kind == Kind.EMPLOYER_MESSAGE:
        deadline = add_working_days(e.received_on, p.commission_days)
        if e.event_on and e.received_on > (due := e.event_on + timedelta(days=p.employer_message_days)):
            notes.append(f"сообщение поступило позже {p.employer_message_days} дней после заключения "
                         f"договора (срок {_d(due)})")
    else:
        deadline = add_working_days(e.received_on, p.commission_days)
    return Timing(deadline, "; ".join(notes))


def max_extension(e: JournalEntry, p: JournalPolicy | None = None) -> date | None:
    """The latest date a preliminary review of a personal-interest notice may be extended to."""
    p = p or policy()
    if e.kind != Kind.INTEREST or e.deadline is None:
        return None
    return e.deadline + timedelta(days=p.interest_extension_days)


def needs_handover(e: JournalEntry, p: JournalPolicy | None = None) -> bool:
    p = p or policy()
    return e.kind == Kind.GIFT and (e.gift_value is None or e.gift_value > p.gift_threshold)


@dataclass(frozen=True, slots=True)
class FormerServantCheck:
    in_window: bool
    window_end: date | None
    consent_needed: bool
    text: str


def former_servant_check(e: JournalEntry, p: JournalPolicy | None = None) -> FormerServantCheck:
    """Whether an employer's message falls in the 2-year window and needed the commission's consent."""
    p = p or policy()
    dismissed = e.servant.dismissed_on
    if dismissed is None:
        return FormerServantCheck(False, None, False, "дата увольнения служащего не указана в карточке")
    end = former_servant_window_end(dismissed, p)
    hired = e.event_on or e.received_on
    in_window = dismissed <= hired <= end
    consent = in_window and e.supervised_employer
    text = (f"уволен {_d(dismissed)}, двухлетний срок до {_d(end)}: "
            + ("приём на работу в пределах срока" if in_window else "приём на работу за пределами срока"))
    if consent:
        text += "; требовалось согласие комиссии (функции управления в отношении работодателя)"
    return FormerServantCheck(in_window, end, consent, text)
