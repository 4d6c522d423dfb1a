"""The demo's journals and commission: a year of notices of every kind, two meetings, one measure.

Deterministic per seed (dates relative to today, like the demo people);
built once: a database that already has journal entries is left as it is,
so ``zorko demo`` stays idempotent.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from zorko.commission import meetings
from zorko.commission.cases import open_from_entry, open_from_finding
from zorko.commission.measures import apply_measure
from zorko.commission.models import Member, Rules
from zorko.findings.models import Finding
from zorko.findings.review import review_finding
from zorko.journals import services as js
from zorko.journals.models import ApplicationKind, JournalEntry, Kind
from zorko.journals.rules import needs_handover
from zorko.journals.workdays import add_working_days, next_working_day
from zorko.people.models import Servant

EMPLOYERS = [("МБОУ «Средняя общеобразовательная школа № 3»", "преподаватель (почасовая оплата)"),
             ("ГАПОУ «Кемеровский аграрный техникум»", "преподаватель по договору"),
             ("ООО «Кузбасская экспертиза»", "эксперт по договору подряда"),
             ("АНО «Центр оценки квалификаций»", "член экзаменационной комиссии"),
             ("ГБУЗ «Кемеровская районная больница»", "дежурный врач по совместительству")]
GIFTS = [("ваза с гравировкой к юбилею организации", "2 800,00"), ("набор книг о Кузбассе", "1 950,00"),
         ("часы настольные на семинаре", "4 300,00"), ("сувенирный набор на выставке", "6 500,00"),
         ("картина местного художника", None)]
MEMBERS = [("Соколов", "Андрей", "Викторович", "первый заместитель главы округа", Member.Role.CHAIR, False),
           ("Белых", "Ольга", "Петровна", "начальник управления делами", Member.Role.DEPUTY, False),
           ("Кузнецова", "Марина", "Олеговна", "главный специалист отдела кадров", Member.Role.SECRETARY, False),
           ("Орлов", "Пётр", "Ильич", "начальник юридического отдела", Member.Role.MEMBER, False),
           ("Романова", "Светлана", "Юрьевна", "начальник отдела профилактики коррупции", Member.Role.MEMBER, False),
           ("Зайцева", "Нина", "Андреевна", "доцент КемГУ, независимый эксперт", Member.Role.MEMBER, True),
           ("Лебедев", "Олег", "Игоревич", "член общественной палаты округа", Member.Role.MEMBER, True)]


@dataclass(slots=True)
class JournalsDemoSummary:
    entries: int = 0
    meetings: int = 0
    cases: int = 0
    measures: int = 0
    skipped: bool = False

    def lines(self) -> list[str]:
        if self.skipped:
            return ["Журналы и комиссия: уже заполнены, оставлены без изменений."]
        return [f"Журналы: записей {self.entries}; комиссия: заседаний {self.meetings}, дел {self.cases}, "
                f"мер ответственности {self.measures}."]


class _Builder:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(f"zorko-journals-{seed}")
        self.today = today
        self.servants = list(Servant.objects.filter(status=Servant.Status.SERVANT).order_by("personnel_number"))
        self.former = list(Servant.objects.filter(status=Servant.Status.DISMISSED).order_by("personnel_number"))
        from django.contrib.auth.models import User

        self.inspector = User.objects.filter(username="demo").first()

    def day(self, back_from: int, back_to: int) -> date:
        return self.today - timedelta(days=self.rng.randint(back_to, back_from))

    def servant(self) -> Servant:
        return self.rng.choice(self.servants)

    def register(self, kind: str, received: date, content: str, servant: Servant | None = None,
                 **fields: Any) -> JournalEntry:
        return js.register_entry(kind, servant or self.servant(), received, content, None,
                                 registered_on=received, responsible=self.inspector, **fields)

    def settle(self, entry: JournalEntry, decision: str) -> None:
        """Older entries are settled; the recent ones stay open (some of them overdue)."""
        if (self.today - entry.received_on).days > 45:
            js.close_entry(entry, decision, min(self.today, entry.received_on + timedelta(days=5)), None)
        elif self.rng.random() < 0.5:
            js.start_review(entry, None)

    def registry_supplier(self) -> tuple[Servant, str, str] | None:
        """A servant and a company that supplies the servant's organisation, from the demo registries."""
        from django.conf import settings

        from zorko.registry.store import reading

        with reading(settings.CONFIG.registry_path) as con:
            if con is None:
                return None
            for servant in self.servants[:50]:
                row = con.execute("""
                    SELECT coalesce(nullif(co.short_name, ''), co.full_name), co.inn
                    FROM contracts c JOIN contract_suppliers s ON s.reg_num = c.reg_num
                    JOIN companies co ON co.inn = s.supplier_inn
                    WHERE c.customer_inn = ? ORDER BY c.reg_num LIMIT 1""", [servant.organisation.inn]).fetchone()
                if row:
                    return servant, row[0], row[1]
        return None

    def journals(self) -> dict[str, list[JournalEntry]]:
        made: dict[str, list[JournalEntry]] = {k: [] for k in Kind.values}
        for _ in range(12):
            employer, work = self.rng.choice(EMPLOYERS)
            received = self.day(360, 5)
            e = self.register(Kind.PAID_WORK, received, f"Уведомляю о намерении выполнять иную оплачиваемую работу: "
                              f"{work}", employer_name=employer, work_kind=work,
                              start_on=received + timedelta(days=self.rng.randint(3, 20)))
            self.settle(e, "Принято к сведению: конфликт интересов не усматривается")
            made[Kind.PAID_WORK].append(e)
        supplier = self.registry_supplier()
        if supplier is not None:
            servant, name, inn = supplier
            e = self.register(Kind.PAID_WORK, self.today - timedelta(days=6), "Уведомляю о намерении выполнять "
                              "работу по договору подряда (технический надзор)", servant=servant, employer_name=name,
                              employer_inn=inn, work_kind="инженер технического надзора по договору подряда",
                              start_on=self.today + timedelta(days=10))
            js.check_entry_employer(e, None)
            made[Kind.PAID_WORK].append(e)
        # The first three go to the commission (meetings 90 and 20 days ago), the others are settled.
        received = [self.today - timedelta(days=d) for d in (120, 110, 45)] + [self.day(330, 2) for _ in range(4)]
        for i, day in enumerate(received):
            e = self.register(Kind.INTEREST, day, "Сообщаю о возникновении личной заинтересованности: "
                              "родственник участвует в закупке, которую я сопровождаю",
                              event_on=day - timedelta(days=1) if i % 2 else None)
            if i < 3:
                js.conclude(e, "Личная заинтересованность может привести к конфликту интересов; требуется "
                            "рассмотрение на заседании комиссии", None)
            else:
                self.settle(e, "Личная заинтересованность не приводит к конфликту интересов: служащий отстранён "
                            "от сопровождения закупки")
            made[Kind.INTEREST].append(e)
        for _ in range(2):
            event = self.day(300, 30)
            e = self.register(Kind.INDUCEMENT, next_working_day(event), "Обратился представитель подрядчика с "
                              "предложением вознаграждения за приёмку работ", event_on=event)
            js.close_entry(e, "Направлено в органы прокуратуры", next_working_day(e.received_on), None)
            made[Kind.INDUCEMENT].append(e)
        for what, value in GIFTS * 2:
            event = self.day(350, 4)
            late = self.rng.random() < 0.15
            e = self.register(Kind.GIFT, add_working_days(event, 4 if late else self.rng.randint(1, 3)),
                              f"Уведомляю о получении подарка: {what}", event_on=event,
                              gift_value=Decimal(value.replace(" ", "").replace(",", ".")) if value else None)
            if needs_handover(e) and (self.today - e.received_on).days > 10:
                js.update_entry(e, None, handover_act=f"АП-{e.number}", handover_on=add_working_days(e.registered_on, 2))
            self.settle(e, "Подарок принят на хранение по акту" if needs_handover(e) else
                        "Стоимость не превышает порога: подарок возвращён служащему")
            made[Kind.GIFT].append(e)
        # Former servants the screening found founding a company: its message comes from that company.
        planted = {f.servant_id: f for f in Finding.objects.filter(rule="former_servant").order_by("key")}
        formers = sorted(self.former, key=lambda s: (s.pk not in planted, s.personnel_number))[:4]
        for former in formers:
            hired = self.day(340, 15)
            employer, work = self.rng.choice(EMPLOYERS)
            inn = ""
            if former.pk in planted:
                employer, inn = planted[former.pk].subject_name, planted[former.pk].subject_inn
            e = self.register(Kind.EMPLOYER_MESSAGE, hired + timedelta(days=self.rng.choice([5, 9, 14])),
                              f"Сообщаем о заключении трудового договора с бывшим муниципальным служащим ({work})",
                              servant=former, employer_name=employer, employer_inn=inn, work_kind=work,
                              event_on=hired, supervised_employer=self.rng.random() < 0.5)
            if inn:
                js.check_entry_employer(e, None)
            self.settle(e, "Согласие комиссии не получалось: информация направлена в органы прокуратуры"
                        if e.supervised_employer else "Принято к сведению: согласие комиссии не требовалось")
            made[Kind.EMPLOYER_MESSAGE].append(e)
        for kind, text in ((ApplicationKind.CONSENT, "Прошу дать согласие на замещение должности в "
                            "ООО «Кузбасская экспертиза» после увольнения"),
                           (ApplicationKind.CONSENT, "Прошу дать согласие на работу в АНО «Центр оценки "
                            "квалификаций»"),
                           (ApplicationKind.SPOUSE_INCOME, "Не могу представить сведения о доходах супруга: "
                            "проживаем раздельно, сведения не сообщает")):
            day = self.today - timedelta(days=40) if not made[Kind.APPLICATION] else self.day(200, 20)
            made[Kind.APPLICATION].append(self.register(Kind.APPLICATION, day, text, application_kind=kind))
        return made

    def commission(self, made: dict[str, list[JournalEntry]], summary: JournalsDemoSummary) -> None:
        Rules.objects.get_or_create(pk=1)
        start = self.today - timedelta(days=400)
        members = [Member.objects.create(last_name=a, first_name=b, middle_name=c, position=p, role=r, independent=i,
                                         since=start) for a, b, c, p, r, i in MEMBERS]
        findings = list(Finding.objects.filter(status=Finding.Status.NEW, severity=Finding.Severity.HIGH)
                        .order_by("key")[:2])
        for f in findings:
            review_finding(f, Finding.Status.CONFIRMED, None, reason="Подтверждено инспектором (демо)")
        plans = [(self.today - timedelta(days=90), findings[:1], made[Kind.INTEREST][0:2],
                  ["not_complied", "conflict_settle", "no_conflict"]),
                 (self.today - timedelta(days=20), findings[1:2], [made[Kind.INTEREST][2], made[Kind.APPLICATION][0]],
                  ["complied", "conflict_settle", "consent"])]
        for day, meeting_findings, entries, codes in plans:
            cases = [open_from_finding(f, None, opened_on=day - timedelta(days=10)) for f in meeting_findings]
            cases += [open_from_entry(e, None, opened_on=day - timedelta(days=7)) for e in entries]
            meeting = meetings.schedule(day, cases, None, place="г. Кемерово, каб. 305", time="14:00")
            meetings.set_attendance(meeting, {m.pk for m in members if m.last_name != "Орлов"}, None)
            meetings.hold(meeting, None)
            codes = codes[-len(cases):] if len(cases) < len(codes) else codes
            for item, code in zip(meeting.items.all(), codes, strict=False):
                meetings.decide(item, code, None, votes_for=6, statements="Служащий дал устные пояснения")
                if item.order == 1 or day < self.today - timedelta(days=30):
                    meetings.mark_extract_sent(item, day + timedelta(days=3), None)
            summary.meetings += 1
            summary.cases += len(cases)
        decided = [c for c in findings[0].commission_cases.all()] if findings else []
        target = next((c for c in decided if c.decision == "not_complied"), None)
        if target is None:
            first = made[Kind.INTEREST][0].commission_cases.first()
            target = first if first and first.decision else None
        if target is not None and target.decided_on:
            apply_measure(target, "reprimand", f"{self.rng.randint(100, 299)}-к", target.decided_on + timedelta(days=5),
                          None, note="по рекомендации комиссии")
            summary.measures = 1


def build_journals_demo(seed: int, today: date | None = None) -> JournalsDemoSummary:
    summary = JournalsDemoSummary()
    if JournalEntry.objects.exists() or Member.objects.exists():
        summary.skipped = True
        return summary
    builder = _Builder(seed, today or date.today())
    if not builder.servants:
        return summary
    with transaction.atomic():
        made = builder.journals()
        summary.entries = sum(len(v) for v in made.values())
        builder.commission(made, summary)
    return summary
