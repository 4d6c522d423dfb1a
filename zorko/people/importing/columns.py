"""The columns of the people import files, by their Russian headers.

Headers are matched loosely (case, ё/е, spaces or underscores), so
«Табельный номер» and «табельный_номер» are the same column.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    required: bool = False
    hint: str = ""


SERVANT_COLUMNS = (
    Column("табельный_номер", True),
    Column("фамилия", True),
    Column("имя", True),
    Column("отчество"),
    Column("прежние_фамилии", hint="через «;», дата смены в скобках: Петрова (до 12.06.2015)"),
    Column("дата_рождения", hint="ДД.ММ.ГГГГ"),
    Column("инн", hint="12 цифр"),
    Column("снилс", hint="11 цифр"),
    Column("организация", True),
    Column("организация_инн", hint="10 цифр"),
    Column("подразделение"),
    Column("должность"),
    Column("статус", hint="служащий | кандидат | уволен"),
    Column("дата_приема", hint="ДД.ММ.ГГГГ"),
    Column("дата_увольнения", hint="ДД.ММ.ГГГГ"),
    Column("адрес"),
    Column("телефон"),
    Column("email"),
)

RELATIVE_COLUMNS = (
    Column("табельный_номер", True, "табельный номер служащего"),
    Column("родство", True, "супруг, супруга, отец, мать, сын, дочь, брат, сестра, отец супруги…"),
    Column("фамилия", True),
    Column("имя", True),
    Column("отчество"),
    Column("прежние_фамилии", hint="через «;»"),
    Column("дата_рождения", hint="ДД.ММ.ГГГГ"),
    Column("место_рождения"),
    Column("место_работы"),
    Column("адрес"),
    Column("инн", hint="12 цифр"),
)


def header_key(text: object) -> str:
    """Comparable form of a header: «Дата приёма » → «дата_приема»."""
    key = str(text or "").strip().lower().replace("ё", "е")
    key = key.replace("-", "_").replace(" ", "_")
    while "__" in key:
        key = key.replace("__", "_")
    return {"e_mail": "email", "электронная_почта": "email", "телефоны": "телефон"}.get(key, key)
