"""Russian name forms needed to guess undeclared relatives.

A sister of Иванов is Иванова; a son of Сергей is Сергеевич. Surname and
patronymic rules come from the matching engine (``zorko.matching.names``);
this module adds the sets the kinship guesses compare against.
"""

from __future__ import annotations

from zorko.matching import names
from zorko.matching.normalize import normalize_name


def surname_forms(last_name: str) -> set[str]:
    """Both gender forms of a normalised surname: «Иванов» → {иванов, иванова}."""
    return names.surname_forms(last_name)


def patronymics_from_first_name(first_name: str) -> set[str]:
    """The patronymics a child of this man would carry: «Сергей» → {сергеевич, сергеевна}.

    For names in -ий both spellings occur in registries (Юрьевич and Юриевич).
    """
    if not normalize_name(first_name):
        return set()
    forms = {names.patronymic_from_first_name(first_name, g) for g in ("m", "f")}
    for form in list(forms):
        if form.endswith(("ьевич", "ьевна")):
            forms.add(form.replace("ьев", "иев"))
        elif form.endswith(("иевич", "иевна")):
            forms.add(form.replace("иев", "ьев"))
    return {f for f in forms if f}


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
