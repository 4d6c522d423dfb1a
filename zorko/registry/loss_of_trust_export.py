"""A dismissal for loss of trust as a row of the federal register, ready to send.

Dismissals recorded in Zorko (the measures register kept in
``zorko/commission``) are sent to the register of persons dismissed for
loss of trust (ст. 15 273-ФЗ; Положение, утв. Постановлением
Правительства РФ от 05.03.2018 № 228). The row follows the register's
own published columns — the same the ``loss_of_trust`` source reads back
(``zorko/registry/importers/loss_of_trust.py``) — with the dates of
inclusion and exclusion left empty: the register's keeper fills them in.
**[check]** the exact titles against the form the authorised body uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zorko.registry.sheets import write_xlsx

REGISTER_COLUMNS = (
    "№ п/п",
    "Фамилия, имя, отчество",
    "Наименование органа (организации)",
    "Замещаемая должность",
    "Дата применения взыскания (увольнения)",
    "Основание (структурная единица нормативного правового акта)",
    "Дата включения в реестр",
    "Дата исключения из реестра",
)
WIDTHS = (8, 36, 40, 32, 18, 48, 16, 16)


@dataclass(frozen=True, slots=True)
class LossOfTrustRow:
    number: int
    full_name: str
    organisation: str
    position: str
    dismissed_on: date
    ground: str

    def cells(self) -> list[object]:
        return [self.number, self.full_name, self.organisation, self.position, self.dismissed_on,
                self.ground, None, None]


def loss_of_trust_row(*, last_name: str, first_name: str, middle_name: str = "", organisation: str,
                      position: str, dismissed_on: date, ground: str, act: str = "",
                      number: int = 1) -> LossOfTrustRow:
    """The register row for one dismissal.

    ``ground`` is the legal provision (e.g. «п. 2 ч. 1 ст. 27.1 Федерального
    закона от 02.03.2007 № 25-ФЗ»); ``act`` the dismissal order («распоряжение
    от 12.03.2026 № 15-к»), appended to it as the register shows both.
    """
    full_name = " ".join(" ".join(p.split()) for p in (last_name, first_name, middle_name) if p and p.strip())
    basis = "; ".join(x for x in (" ".join(ground.split()), " ".join(act.split())) if x)
    return LossOfTrustRow(number, full_name, " ".join(organisation.split()), " ".join(position.split()),
                          dismissed_on, basis)


def register_xlsx(rows: list[LossOfTrustRow]) -> bytes:
    """The rows as the register's own sheet (one header row, dates as dates, text formula-safe)."""
    return write_xlsx("Реестр", REGISTER_COLUMNS, (r.cells() for r in rows), WIDTHS)
