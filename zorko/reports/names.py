"""Russian personal names in the cases documents need («Отчет о проверке Иванова Ивана Ивановича»)."""

from __future__ import annotations

import re
from functools import lru_cache

from petrovich.enums import Case, Gender
from petrovich.main import Petrovich

# Spelling rule the declension tables miss: no «ы» after г, к, х, ж, ш, ч, щ («Ольгы» → «Ольги»).
_SPELLING = re.compile(r"(?<=[гкхжшчщ])ы(?=$|[\s-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _petrovich() -> Petrovich:
    return Petrovich()


def gender_of(first_name: str, middle_name: str) -> str:
    """Gender from the patronymic (reliable in Russian), else from the first name's ending."""
    middle = middle_name.strip().lower()
    if middle.endswith(("вич", "ич", "оглы", "улы", "уулу")):
        return str(Gender.MALE)
    if middle.endswith(("вна", "чна", "кызы", "гызы", "қызы")):
        return str(Gender.FEMALE)
    first = first_name.strip().lower()
    if first.endswith(("а", "я")) and first not in {"илья", "никита", "кузьма", "фома", "лука", "савва"}:
        return str(Gender.FEMALE)
    return str(Gender.MALE)


def _fix(word: str) -> str:
    return _SPELLING.sub(lambda m: "И" if m.group(0).isupper() else "и", word)


def _inflect(method: str, value: str, case: int, gender: str) -> str:
    if not value.strip():
        return ""
    try:
        return _fix(getattr(_petrovich(), method)(value.strip(), case, gender))
    except (ValueError, KeyError, IndexError):
        return value.strip()  # an unknown pattern stays as written rather than mis-declined


def full_name_in_case(last_name: str, first_name: str, middle_name: str = "", case: int = Case.GENITIVE) -> str:
    """«Иванов Иван Иванович» in a petrovich ``Case``; invariant surnames stay (Шевченко, Ким ж.)."""
    gender = gender_of(first_name, middle_name)
    # Surnames in -ых/-их (Белых, Долгих) never decline; the tables decline the male ones.
    invariant = last_name.strip().lower().endswith(("ых", "их"))
    parts = [
        last_name.strip() if invariant else _inflect("lastname", last_name, case, gender),
        _inflect("firstname", first_name, case, gender),
        _inflect("middlename", middle_name, case, gender),
    ]
    return " ".join(p for p in parts if p)


def full_name_genitive(last_name: str, first_name: str, middle_name: str = "") -> str:
    """«Иванов Иван Иванович» → «Иванова Ивана Ивановича»; invariant surnames stay (Шевченко, Ким ж.)."""
    return full_name_in_case(last_name, first_name, middle_name, Case.GENITIVE)


def full_name_dative(last_name: str, first_name: str, middle_name: str = "") -> str:
    """«Иванова Мария Петровна» → «Ивановой Марии Петровне»: the addressee of a letter."""
    return full_name_in_case(last_name, first_name, middle_name, Case.DATIVE)


def salutation(first_name: str, middle_name: str = "") -> str:
    """«Уважаемый Иван Иванович!» / «Уважаемая Мария Петровна!»."""
    word = "Уважаемая" if gender_of(first_name, middle_name) == Gender.FEMALE else "Уважаемый"
    return f"{word} {' '.join(p.strip() for p in (first_name, middle_name) if p.strip())}!"


def report_title(last_name: str, first_name: str, middle_name: str = "") -> str:
    return f"Отчет о проверке {full_name_genitive(last_name, first_name, middle_name)}"


def of_servant(full_name: str) -> str:
    """«служащего Лыкова Ивана Петровича» / «служащей Лыковой Алины Романовны»: the «X служащего Y» tail."""
    last, first, middle = (full_name.split(maxsplit=2) + ["", "", ""])[:3]
    if not last:
        return "служащего"
    word = "служащей" if gender_of(first, middle) == Gender.FEMALE else "служащего"
    return f"{word} {full_name_genitive(last, first, middle)}"


def agreed(masculine: str, feminine: str, full_name: str) -> str:
    """The word that agrees with the person's gender: («уволен», «уволена»)."""
    _, first, middle = (full_name.split(maxsplit=2) + ["", "", ""])[:3]
    return feminine if gender_of(first, middle) == Gender.FEMALE else masculine
