"""The planted cases of the demo registry, one function per story an inspector should meet.

Each case ties a registry record to a demo servant (or a relative from
their questionnaire) and is remembered as :class:`Planted` with the rule
the screening should report; decoys are records the screening must not
turn into a finding (a namesake in another region, a terminated company).
"""

from __future__ import annotations

from datetime import timedelta

from zorko.demo import names
from zorko.demo import registry_people as rp
from zorko.demo.registry_records import Holder
from zorko.demo.registry_world import OTHER_REGIONS, RegistryBuilder, address_of, full_name

IN_LAWS = ("отец супруги", "мать супруги", "отец супруга", "мать супруга", "супруг(а) сына/дочери")
CLOSE = ("супруг", "супруга", "брат", "сестра", "сын", "дочь", "отец", "мать")


def _own_entrepreneur(b: RegistryBuilder) -> None:
    if (found := b.pick()) is None:
        return
    s, _ = found
    ip = b.entrepreneur(s["фамилия"], s["имя"], s["отчество"], s["инн"], s["отчество"].endswith("на"))
    b.plant("own_entrepreneur", s, ip, "служащий зарегистрирован индивидуальным предпринимателем")


def _own_director(b: RegistryBuilder, supplies: bool) -> None:
    if (found := b.pick()) is None:
        return
    s, _ = found
    c = b.company()
    c.directors.append(b.holder(s, c.registered))
    c.founders.append(b.stranger(since=c.registered))
    if supplies:
        b.contract(s["организация_инн"], c)
    b.plant("own_director", s, c, "служащий — директор коммерческой организации"
            + (", поставщика своей организации" if supplies else ""))


def _own_founder(b: RegistryBuilder) -> None:
    if (found := b.pick()) is None:
        return
    s, _ = found
    c = b.company()
    c.directors.append(b.stranger(since=c.registered))
    c.founders += [b.holder(s, c.registered), b.stranger(since=c.registered)]
    b.plant("own_founder", s, c, "служащий — участник ООО с долей 50 %")


def _in_law_supplier(b: RegistryBuilder) -> None:
    if (found := b.pick(relative=IN_LAWS)) is None:
        return
    s, rel = found
    assert rel is not None
    c = b.company()
    c.directors.append(b.holder(rel, c.registered))
    c.founders.append(b.stranger(since=c.registered))
    for _ in range(2):
        b.contract(s["организация_инн"], c)
    b.plant("relative_supplier", s, c, f"свойственник ({rel['родство']}) — директор поставщика организации")


def _maiden_sister_supplier(b: RegistryBuilder) -> None:
    """A married sister founded the company before her marriage: ЕГРЮЛ keeps her maiden name."""
    if (found := b.pick(relative=("сестра",), maiden=True)) is None:
        return
    s, rel = found
    assert rel is not None
    c = b.company(registered=b.date_before(3000, 5000))
    c.founders.append(b.holder(rel, c.registered, with_inn=False, last=rp.former_surname(rel["прежние_фамилии"])))
    c.directors.append(b.stranger(since=c.registered))
    b.contract(s["организация_инн"], c)
    b.plant("relative_supplier", s, c, "замужняя сестра — учредитель поставщика под девичьей фамилией")


def _relative_business(b: RegistryBuilder, elsewhere: bool) -> None:
    if (found := b.pick(relative=CLOSE, with_inn=True)) is None:
        return
    s, rel = found
    assert rel is not None
    c = b.company()
    c.directors.append(b.holder(rel, c.registered))
    c.founders.append(b.holder(rel, c.registered))
    if elsewhere:
        b.contract(None, c)
    b.plant("relative_business", s, c, f"{rel['родство']} — директор и учредитель ООО, контрактов с "
            "организацией служащего нет")


def _hidden_sibling(b: RegistryBuilder) -> None:
    """A brother missing from the questionnaire: the birth surname and the same patronymic."""
    if (found := b.pick()) is None:
        return
    s, _ = found
    birth = rp.former_surname(s["прежние_фамилии"]) if s["прежние_фамилии"] else s["фамилия"]
    declared = {r["имя"] for r in b.relatives[s["табельный_номер"]]}
    first = next(n for n in names.MALE_NAMES["mid"] if n not in declared and n != s["имя"])
    row = {"фамилия": rp.male_surname(birth), "имя": first, "отчество": rp.male_patronymic(s["отчество"]),
           "инн": b.person_inn()}
    c = b.company()
    c.directors.append(b.holder(row, c.registered))
    c.founders.append(b.stranger(since=c.registered))
    b.contract(s["организация_инн"], c)
    b.plant("hidden_relative", s, c, "вероятный брат (та же фамилия и отчество, в анкете нет) — директор "
            "поставщика")


def _shared_address(b: RegistryBuilder) -> None:
    if (found := b.pick()) is None:
        return
    s, _ = found
    c = b.company(address=address_of(s["адрес"]))
    c.directors.append(b.stranger(since=c.registered))
    c.founders.append(c.directors[0])
    b.contract(s["организация_инн"], c)
    b.plant("shared_address", s, c, "поставщик зарегистрирован по домашнему адресу служащего")


def _former_servant(b: RegistryBuilder) -> None:
    """A dismissed servant founds a supplier of the former employer weeks after leaving."""
    dismissed = [(left, s) for s in b.data.servants
                 if s["статус"] == "уволен" and s["табельный_номер"] not in b.used
                 and (left := rp.parse_date(s["дата_увольнения"])) is not None]
    if not dismissed:
        return
    # Prefer a servant without namesakes in the demo, then the most recent departure.
    left, s = max(dismissed, key=lambda pair: (sum(b.distinct(pair[1], level) for level in (1, 2)), pair[0],
                                                pair[1]["табельный_номер"]))
    b.used.add(s["табельный_номер"])
    # Forty days after leaving and a contract 25 days later, unless that would fall after the extract
    # date: then as late as the extract allows, still after the departure.
    since = max(left + timedelta(days=1), min(left + timedelta(days=40), b.today - timedelta(days=26)))
    c = b.company(registered=since)
    c.founders.append(b.holder(s, since))
    c.directors.append(b.holder(s, since))
    b.contract(s["организация_инн"], c, sign_date=since + timedelta(days=25))
    b.plant("former_servant", s, c, "уволенный служащий вскоре после увольнения учредил поставщика бывшей "
            "организации")


def plant_cases(b: RegistryBuilder, per_rule: int) -> None:
    for i in range(per_rule):
        _own_entrepreneur(b)
        _own_director(b, supplies=i % 2 == 0)
        _own_founder(b)
        _in_law_supplier(b)
        _maiden_sister_supplier(b)
        _relative_business(b, elsewhere=i % 2 == 1)
        _hidden_sibling(b)
        _shared_address(b)
        _former_servant(b)


def _relative_namesakes(b: RegistryBuilder, count: int = 3) -> None:
    """A relative without ИНН whose full name strangers in the region share, each directing a supplier:
    the screening asks the servant once (a clarification request), it raises no finding."""
    for s in b.data.servants:
        if s["статус"] != "служащий" or s["табельный_номер"] in b.used:
            continue
        rel = next((r for r in b.relatives[s["табельный_номер"]] if r["родство"] in CLOSE and not r["инн"]), None)
        if rel is None:
            continue
        b.used.add(s["табельный_номер"])
        for _ in range(count):
            c = b.company()
            c.directors.append(Holder(rel["фамилия"], rel["имя"], rel["отчество"], b.person_inn(), c.registered,
                                      rel["отчество"].endswith("на")))
            c.founders.append(b.stranger(since=c.registered))
            b.contract(s["организация_инн"], c)
            b.plant("namesakes", s, c, f"{rel['родство']} без ИНН: полные тёзки — директора поставщиков",
                    decoy=True)
        return


def plant_decoys(b: RegistryBuilder) -> None:
    """Records that look like a case but are not one: the screening must stay silent on them."""
    # A name no other demo person bears: the decoy tests the region and ИНН, not a family namesake.
    if found := b.pick(where=lambda s: b.name_count[full_name(s)] == 1):
        s, _ = found
        region = sorted(OTHER_REGIONS)[0]
        c = b.company(region)
        last, first, middle = rp.registry_spelling(b.rng, s["фамилия"], s["имя"], s["отчество"])
        c.directors.append(Holder(last, first, middle, b.person_inn(region), c.registered))
        b.plant("namesake", s, c, "полный тёзка служащего в другом регионе, другой ИНН", decoy=True)
    if found := b.pick():
        s, _ = found
        c = b.company(registered=b.date_before(3000, 4000))
        c.directors.append(b.holder(s, c.registered))
        c.terminated = b.date_before(700, 1000)
        b.contract(s["организация_инн"], c, sign_date=c.terminated - timedelta(days=200))
        b.plant("terminated", s, c, "служащий руководил ООО, ликвидированным более двух лет назад", decoy=True)
    if found := b.pick(relative=CLOSE):
        s, rel = found
        assert rel is not None
        ip = b.entrepreneur(rel["фамилия"], rel["имя"], rel["отчество"], rel["инн"] or b.person_inn(),
                            rel["отчество"].endswith("на"), registered=b.date_before(2000, 3000))
        ip.terminated = b.date_before(300, 900)
        b.plant("terminated", s, ip, f"{rel['родство']} прекратил(а) деятельность ИП", decoy=True)
    _relative_namesakes(b)
