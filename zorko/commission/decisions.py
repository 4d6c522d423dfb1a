"""The decisions the regulation allows for each kind of ground, and what each does to the ground.

Wording follows the model regulation on commissions (Указ Президента РФ
№ 821, repeated in municipal regulations). ``finding_status`` is where a
finding goes when the decision closes it; ``measure`` marks decisions that
recommend a measure of responsibility.
"""

from __future__ import annotations

from dataclasses import dataclass

from zorko.journals.models import ApplicationKind, JournalEntry, Kind


@dataclass(frozen=True, slots=True)
class Decision:
    code: str
    text: str
    finding_status: str  # "confirmed" (a breach stands) or "dismissed"
    measure: bool = False


_CONDUCT = (
    Decision("complied", "Установить, что служащий соблюдал требования к служебному поведению и (или) "
             "требования об урегулировании конфликта интересов", "dismissed"),
    Decision("not_complied", "Установить, что служащий не соблюдал требования к служебному поведению и (или) "
             "требования об урегулировании конфликта интересов; рекомендовать представителю нанимателя "
             "указать служащему на недопустимость нарушения требований либо применить меру ответственности",
             "confirmed", measure=True),
)
_DECLARATION = (
    Decision("reliable", "Установить, что сведения о доходах, расходах, об имуществе и обязательствах "
             "имущественного характера являются достоверными и полными", "dismissed"),
    Decision("unreliable", "Установить, что сведения о доходах, расходах, об имуществе и обязательствах "
             "имущественного характера являются недостоверными и (или) неполными; рекомендовать "
             "применить меру ответственности", "confirmed", measure=True),
)
_INTEREST = (
    Decision("no_conflict", "Признать, что при исполнении служащим должностных обязанностей конфликт "
             "интересов отсутствует", "dismissed"),
    Decision("conflict_settle", "Признать, что при исполнении служащим должностных обязанностей личная "
             "заинтересованность приводит или может привести к конфликту интересов; рекомендовать "
             "служащему и (или) представителю нанимателя принять меры по его урегулированию", "confirmed"),
    Decision("conflict_breach", "Признать, что служащий не соблюдал требования об урегулировании конфликта "
             "интересов; рекомендовать применить меру ответственности", "confirmed", measure=True),
)
_CONSENT = (
    Decision("consent", "Дать гражданину согласие на замещение должности (выполнение работы) в организации",
             "dismissed"),
    Decision("refuse", "Отказать гражданину в замещении должности (выполнении работы) в организации и "
             "мотивировать отказ", "confirmed"),
)
_EMPLOYER = (
    Decision("lawful", "Дать согласие на замещение гражданином должности (выполнение работы) в организации: "
             "требования статьи 12 Федерального закона № 273-ФЗ не нарушаются", "dismissed"),
    Decision("breach", "Установить, что замещение гражданином должности (выполнение работы) в организации "
             "нарушает требования статьи 12 Федерального закона № 273-ФЗ; рекомендовать проинформировать "
             "органы прокуратуры и уведомившую организацию", "confirmed"),
)
_SPOUSE = (
    Decision("objective", "Признать, что причина непредставления сведений о доходах супруги (супруга) "
             "является объективной и уважительной", "dismissed"),
    Decision("not_objective", "Признать, что причина непредставления сведений не является уважительной; "
             "рекомендовать служащему принять меры по представлению указанных сведений", "confirmed"),
    Decision("evasion", "Признать, что причина непредставления сведений необъективна и является способом "
             "уклонения от их представления; рекомендовать применить меру ответственности", "confirmed",
             measure=True),
)

GROUNDS: dict[str, tuple[str, tuple[Decision, ...]]] = {
    "conduct": ("несоблюдение требований к служебному поведению, конфликт интересов", _CONDUCT),
    "declaration": ("недостоверные или неполные сведения о доходах", _DECLARATION),
    "interest": ("уведомление о личной заинтересованности", _INTEREST),
    "consent": ("обращение о даче согласия на замещение должности в организации", _CONSENT),
    "employer": ("сообщение работодателя о заключении договора с бывшим служащим", _EMPLOYER),
    "spouse_income": ("заявление о невозможности представить сведения о доходах супруги (супруга)", _SPOUSE),
}


def ground_of_finding(rule: str) -> str:
    return "declaration" if rule.startswith("declaration") else "conduct"


def ground_of_entry(entry: JournalEntry) -> str:
    if entry.kind == Kind.INTEREST:
        return "interest"
    if entry.kind == Kind.EMPLOYER_MESSAGE:
        return "employer"
    if entry.kind == Kind.APPLICATION:
        return "spouse_income" if entry.application_kind == ApplicationKind.SPOUSE_INCOME else "consent"
    return "conduct"


def ground_name(ground: str) -> str:
    return GROUNDS[ground][0]


def choices(ground: str) -> tuple[Decision, ...]:
    return GROUNDS[ground][1]


def find(ground: str, code: str) -> Decision | None:
    return next((d for d in choices(ground) if d.code == code), None)
