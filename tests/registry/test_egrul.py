"""ЕГРЮЛ importer: counts and exact values from the real sample files and a crafted file."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from zorko.exceptions import ImportFailed
from zorko.registry.importers import egrul

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EGRUL = FIXTURES / "egrul"
BIG = EGRUL / "VO_RUGFO_0000_9965_20251102_d17fdf23-7079-4b06-a02b-f74405c08baa.xml"
SMALL = EGRUL / "VO_RUGFO_0000_9965_20251105_9461e1d5-bbb8-4659-8e86-91fc9dfd2e64.xml"
FIAS = EGRUL / "VO_RUGFO_0000_9965_20251116_c16d3011-7d08-44a1-b93c-9af6842a34d0.xml"
CRAFTED = FIXTURES / "egrul-crafted" / "egrul_all_founders_utf8.xml"


def by_ogrn(path: Path) -> dict[str, egrul.Company]:
    return {c.ogrn: c for c in egrul.parse(path)}


def test_the_200_company_file_has_its_documented_counts() -> None:
    companies = list(egrul.parse(BIG))
    roles = Counter(r.role for c in companies for r in c.roles)
    owners = Counter(o.kind for c in companies for o in c.owners)
    assert len(companies) == 200
    assert len({c.ogrn for c in companies}) == 169  # some companies appear in several extracts
    assert roles["founder"] == 232
    assert roles["director"] == 200
    assert owners == {"УчрЮЛРос": 9, "УчрРФСубМО": 10, "УчрЮЛИн": 3}
    assert sum(1 for c in companies for r in c.roles if r.role == "director" and r.unreliable) == 28
    assert sum(1 for c in companies for r in c.roles if r.role == "founder" and r.unreliable) == 5
    assert sum(1 for c in companies if c.terminated_on) == 3


def test_company_requisites_director_and_founder_are_read_exactly() -> None:
    company = by_ogrn(BIG)["1155476004485"]
    assert company.inn == "5404002997"
    assert company.kpp == "540401001"
    assert company.full_name == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СИБИРЬСВЯЗЬМАРКЕТ"'
    assert company.short_name == 'ООО "СИБИРЬСВЯЗЬМАРКЕТ"'
    assert company.legal_form == "Общества с ограниченной ответственностью"
    assert company.region == "54"
    assert company.okved == "46.66"
    assert company.registered_on == "2015-01-23"
    assert company.extract_date == "2025-10-30"
    assert company.capital == 10000
    assert company.address == "630032, НОВОСИБИРСКАЯ ОБЛАСТЬ, Г. НОВОСИБИРСК, УЛ. БОЛЬШАЯ, Д. 256А"
    director, founder = company.roles
    assert (director.role, director.last_name, director.first_name, director.middle_name, director.inn) == (
        "director", "КИРИЧЕНКО", "ТАТЬЯНА", "ПЕТРОВНА", "540450366942")
    assert director.title == "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР"
    assert director.since == "2015-01-23"
    assert director.unreliable is True
    assert (founder.role, founder.share_percent, founder.share_nominal) == ("founder", 100.0, 10000.0)


def test_simple_fraction_share_and_foreign_founder() -> None:
    companies = by_ogrn(BIG)
    founder = next(r for r in companies["1025401484514"].roles if r.last_name == "ЗЯБЛОВ")
    assert founder.share_percent == pytest.approx(91.6667, abs=1e-4)
    foreign = companies["1185476001435"].owners[0]
    assert (foreign.kind, foreign.name, foreign.ogrn) == ("УчрЮЛИн", "СНИК-ТЭКНАЛИДЖИЗ ЛТД", None)
    assert foreign.share_percent == pytest.approx(100 / 11)


def test_state_founder_names_the_authority_that_exercises_its_rights() -> None:
    owners = by_ogrn(BIG)["1035401903195"].owners
    assert [(o.kind, o.ogrn, o.inn) for o in owners][:2] == [
        ("УчрРФСубМО", "1045402490100", "5406285846"),
        ("УчрРФСубМО", "1035402456341", "5406010016"),
    ]
    assert owners[1].name == "ГОРОД НОВОСИБИРСК"


def test_terminated_company_has_date_and_reason() -> None:
    company = by_ogrn(BIG)["1055407145320"]
    assert company.terminated_on == "2025-10-30"
    assert company.status.startswith("Ликвидировано по решению его учредителей")


def test_status_of_a_company_to_be_struck_off() -> None:
    company = by_ogrn(SMALL)["1187800004006"]
    assert company.status.startswith("Регистрирующим органом принято решение о предстоящем исключении")
    assert company.address_parts["flat"] == "ОФИС 8"
    assert company.region == "78"


def test_fias_address_is_preferred_when_both_forms_are_present() -> None:
    company = next(iter(egrul.parse(FIAS)))
    assert company.ogrn == "1039923000732"
    assert company.region == "99"
    assert len(list(egrul.parse(FIAS))) == 2


def test_all_six_founder_kinds_managing_company_and_utf8() -> None:
    company, closed = egrul.parse(CRAFTED)
    kinds = {o.kind: o for o in company.owners}
    assert set(kinds) == {"УчрЮЛРос", "УчрЮЛИн", "УчрРФСубМО", "УчрПИФ", "УчрДогИнвТов"}
    # Shares: computed from the nominal value when the percent is absent, or from fractions.
    assert kinds["УчрЮЛРос"].share_percent == 25.0
    assert kinds["УчрЮЛИн"].share_percent == pytest.approx(10.0)
    assert kinds["УчрРФСубМО"].name == "КЕМЕРОВСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ"
    assert (kinds["УчрПИФ"].name, kinds["УчрПИФ"].ogrn) == ('ЗПИФ НЕДВИЖИМОСТИ "ТЕСТ"', "1027739000001")
    assert (kinds["УчрДогИнвТов"].ogrn, kinds["УчрДогИнвТов"].share_percent) == ("1027739000002", 15.0)
    person = next(r for r in company.roles if r.role == "founder")
    assert (person.last_name, person.share_percent, person.unreliable) == ("ИВАНОВ", 25.0, True)
    trustee = next(r for r in company.roles if r.title == "доверительный управляющий долей")
    assert trustee.last_name == "ДОВЕРОВ"
    manager = next(r for r in company.roles if r.role == "manager")
    assert (manager.last_name, manager.first_name, manager.unreliable) == ("ПЕТРОВ", "ПЁТР", True)
    assert company.managers[0].ogrn == "1027700132195"
    assert company.address == ("650000, КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС, КЕМЕРОВСКИЙ ГОРОДСКОЙ ОКРУГ, "
                               "г. Кемерово, пр-кт Советский, д. 10, корп. 2, офис 5")
    assert closed.terminated_on == "2024-06-30"
    assert closed.status == "Ликвидация юридического лица"


def test_an_egrip_file_is_refused_as_egrul() -> None:
    path = FIXTURES / "egrip" / "VO_RIGFO_0000_9965_20251105_e57b205c-e98c-4e56-ac18-495cb0844c8c.xml"
    with pytest.raises(ImportFailed) as error:
        list(egrul.parse(path))
    assert "ЕГРИП_ОТКР_СВЕД" in error.value.reason
    assert error.value.line == 2


def test_bad_date_names_line_and_field() -> None:
    text = CRAFTED.read_text(encoding="utf-8").replace('ДатаПрекрЮЛ="2024-06-30"', 'ДатаПрекрЮЛ="30.06.2024"')
    with pytest.raises(ImportFailed) as error:
        list(egrul.parse(io.BytesIO(text.encode()), "bad.xml"))
    assert (error.value.file, error.value.field) == ("bad.xml", "ДатаПрекрЮЛ")
    assert error.value.line == text.splitlines().index(
        next(line for line in text.splitlines() if "30.06.2024" in line)) + 1


def test_stored_address_key_is_the_shared_normalisation_of_the_whole_line() -> None:
    from zorko.registry.adapters.egrul import address_norm
    from zorko.registry.addresses import normalize_address

    companies = [*egrul.parse(BIG), *egrul.parse(SMALL), *egrul.parse(FIAS), *egrul.parse(CRAFTED)]
    assert [address_norm(c.address_parts) for c in companies] == [
        normalize_address(c.address) or None for c in companies]
    assert address_norm(by_ogrn(BIG)["1155476004485"].address_parts) == (
        "обл новосибирская г новосибирск ул большая 256а")


def test_the_xsd_root_egrul_with_records_directly_under_it() -> None:
    text = CRAFTED.read_text(encoding="utf-8")
    body = text[text.index("<СвЮЛ"):text.rindex("</СвЮЛ>") + len("</СвЮЛ>")]
    records = body.replace("</СвЮЛ></Документ>\n<Документ ИдДок=\"d2\">", "</СвЮЛ>")
    legacy = f'<?xml version="1.0" encoding="UTF-8"?>\n<EGRUL>{records}</EGRUL>\n'
    companies = list(egrul.parse(io.BytesIO(legacy.encode()), "legacy.xml"))
    assert [c.ogrn for c in companies] == ["1024200000000", "1034205000015"]
    assert len(companies[0].owners) == 5


def test_a_record_without_ogrn_is_refused_naming_line_and_field() -> None:
    text = CRAFTED.read_text(encoding="utf-8").replace(' ОГРН="1024200000000" ДатаОГРН', " ДатаОГРН", 1)
    with pytest.raises(ImportFailed) as error:
        list(egrul.parse(io.BytesIO(text.encode()), "no-ogrn.xml"))
    assert (error.value.file, error.value.line, error.value.field) == ("no-ogrn.xml", 3, "ОГРН")
    assert error.value.reason == "у юридического лица нет ОГРН"
