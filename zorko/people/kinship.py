"""Kinship codes (273-ФЗ ст. 10 ч. 2): close relatives, in-laws, former spouses."""

from __future__ import annotations

from django.db import models

from zorko.matching.normalize import normalize_name


class Kinship(models.TextChoices):
    HUSBAND = "husband", "супруг"
    WIFE = "wife", "супруга"
    FATHER = "father", "отец"
    MOTHER = "mother", "мать"
    SON = "son", "сын"
    DAUGHTER = "daughter", "дочь"
    BROTHER = "brother", "брат"
    SISTER = "sister", "сестра"
    SPOUSE_FATHER = "spouse_father", "отец супруга(и)"
    SPOUSE_MOTHER = "spouse_mother", "мать супруга(и)"
    SPOUSE_BROTHER = "spouse_brother", "брат супруга(и)"
    SPOUSE_SISTER = "spouse_sister", "сестра супруга(и)"
    SPOUSE_SON = "spouse_son", "сын супруга(и)"
    SPOUSE_DAUGHTER = "spouse_daughter", "дочь супруга(и)"
    CHILD_SPOUSE = "child_spouse", "супруг(а) сына/дочери"
    FORMER_SPOUSE = "former_spouse", "бывший супруг(а)"


CLOSE = frozenset({Kinship.HUSBAND, Kinship.WIFE, Kinship.FATHER, Kinship.MOTHER, Kinship.SON,
                   Kinship.DAUGHTER, Kinship.BROTHER, Kinship.SISTER})
IN_LAW = frozenset({Kinship.SPOUSE_FATHER, Kinship.SPOUSE_MOTHER, Kinship.SPOUSE_BROTHER,
                    Kinship.SPOUSE_SISTER, Kinship.SPOUSE_SON, Kinship.SPOUSE_DAUGHTER,
                    Kinship.CHILD_SPOUSE})

_ALIASES: dict[str, Kinship] = {}
for _k in Kinship:
    _ALIASES[normalize_name(_k.label)] = _k
    _ALIASES[_k.value] = _k
for _spouse in ("супруга", "супруги", "супруга(и)", "мужа", "жены"):
    for _word, _kind in (("отец", Kinship.SPOUSE_FATHER), ("мать", Kinship.SPOUSE_MOTHER),
                         ("брат", Kinship.SPOUSE_BROTHER), ("сестра", Kinship.SPOUSE_SISTER),
                         ("сын", Kinship.SPOUSE_SON), ("дочь", Kinship.SPOUSE_DAUGHTER)):
        _ALIASES[f"{_word} {_spouse}"] = _kind
for _alias in ("супруг сына", "супруга сына", "супруг дочери", "супруга дочери", "супруг(а) сына",
               "супруг(а) дочери", "супруг(а) сына/дочери", "зять", "невестка", "сноха"):
    _ALIASES[_alias] = Kinship.CHILD_SPOUSE
for _alias in ("бывший супруг", "бывшая супруга", "бывший супруг(а)", "бывший муж", "бывшая жена"):
    _ALIASES[_alias] = Kinship.FORMER_SPOUSE
_ALIASES.update({"муж": Kinship.HUSBAND, "жена": Kinship.WIFE, "свекор": Kinship.SPOUSE_FATHER,
                 "тесть": Kinship.SPOUSE_FATHER, "свекровь": Kinship.SPOUSE_MOTHER,
                 "теща": Kinship.SPOUSE_MOTHER, "деверь": Kinship.SPOUSE_BROTHER,
                 "шурин": Kinship.SPOUSE_BROTHER, "золовка": Kinship.SPOUSE_SISTER,
                 "свояченица": Kinship.SPOUSE_SISTER, "пасынок": Kinship.SPOUSE_SON,
                 "падчерица": Kinship.SPOUSE_DAUGHTER})


def parse_kinship(text: str) -> Kinship | None:
    """Map the many ways HR writes a kinship («Отец супруги», «тёща») to a code."""
    key = normalize_name(text).replace(" (", "(").strip()
    return _ALIASES.get(key)
