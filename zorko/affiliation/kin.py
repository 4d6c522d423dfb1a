"""Russian name forms needed to guess undeclared relatives.

A sister of Иванов is Иванова; a son of Сергей is Сергеевич. These helpers
give the comparable (normalised) forms; they do not decide anything alone.
"""

from __future__ import annotations

from zorko.matching.normalize import normalize_name

# Patronymics that do not follow the regular suffix rules.
_IRREGULAR: dict[str, tuple[str, str]] = {
    "илья": ("ильич", "ильинична"),
    "никита": ("никитич", "никитична"),
    "лука": ("лукич", "лукинична"),
    "фома": ("фомич", "фоминична"),
    "кузьма": ("кузьмич", "кузьминична"),
    "фрол": ("фролович", "фроловна"),
    "михаил": ("михайлович", "михайловна"),
    "павел": ("павлович", "павловна"),
    "лев": ("львович", "львовна"),
    "петр": ("петрович", "петровна"),
    "яков": ("яковлевич", "яковлевна"),
    "савва": ("саввич", "саввична"),
}


def surname_forms(last_name: str) -> set[str]:
    """Both gender forms of a normalised surname: «Иванов» → {иванов, иванова}."""
    name = normalize_name(last_name)
    if not name:
        return set()
    forms = {name}
    for male, female in (("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ын", "ына")):
        if name.endswith(female):
            forms.add(name[: -len(female)] + male)
        elif name.endswith(male):
            forms.add(name + "а")
    if name.endswith(("ский", "цкий")):
        forms.add(name[:-2] + "ая")
    elif name.endswith(("ская", "цкая")):
        forms.add(name[:-2] + "ий")
    elif name.endswith(("ой", "ый")):
        forms.add(name[:-2] + "ая")
    elif name.endswith("ая"):
        forms.update({name[:-2] + "ой", name[:-2] + "ый"})
    return forms


def patronymics_from_first_name(first_name: str) -> set[str]:
    """The patronymics a child of this man would carry: «Сергей» → {сергеевич, сергеевна}."""
    name = normalize_name(first_name)
    if not name:
        return set()
    if name in _IRREGULAR:
        return set(_IRREGULAR[name])
    if name.endswith("ий") and len(name) > 3:
        stem = name[:-2]
        # Юрий → Юрьевич, Дмитрий → Дмитриевич: both spellings occur.
        return {stem + "ьевич", stem + "ьевна", stem + "иевич", stem + "иевна"}
    if name.endswith("ей") or name.endswith("ай") or name.endswith("ий"):
        stem = name[:-1]
        return {stem + "евич", stem + "евна"}
    if name.endswith("ь"):
        stem = name[:-1]
        return {stem + "евич", stem + "евна"}
    if name.endswith(("а", "я")):
        stem = name[:-1]
        return {stem + "ич", stem + "ична"}
    return {name + "ович", name + "овна"}


def patronymic_forms(middle_name: str) -> set[str]:
    """Both gender forms of a patronymic: a brother of «Игоревна» is «Игоревич»."""
    name = normalize_name(middle_name)
    if not name:
        return set()
    forms = {name}
    if name.endswith("вич"):
        forms.add(name[:-3] + "вна")
    elif name.endswith("вна"):
        forms.add(name[:-3] + "вич")
    elif name.endswith("инична"):
        forms.add(name[:-6] + "ич")
    elif name.endswith("ична"):
        forms.add(name[:-4] + "ич")
    elif name.endswith("ич"):
        forms.update({name + "на", name[:-2] + "инична"})
    elif name.endswith(("оглы", "кызы")):
        forms.update({name[:-4] + "оглы", name[:-4] + "кызы"})
    return forms
