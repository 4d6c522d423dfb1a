"""shared_address: a supplier registered where the servant or a relative lives."""

from __future__ import annotations

from tests.affiliation.conftest import ORG, relative, servant


def test_supplier_at_relatives_address_written_differently(reg, run):
    supplier = reg.company("Домашняя", address="650000, Кемеровская область, г. Кемерово, ул. Ленина, д. 5, кв. 12")
    reg.contract(ORG, supplier)
    mother = relative("Орлова", "Нина", "Павловна", kinship="mother", label="мать",
                      address="г Кемерово, улица Ленина, дом 5, квартира 12")
    [finding] = run(servant("Орлов", "Иван", "Петрович", relatives=[mother]))
    assert (finding.rule, finding.severity) == ("shared_address", "high")
    assert finding.relative_key == mother.key
    assert "мать Орлова Нина Павловна" in finding.explanation


def test_other_flat_in_same_house_is_not_shared(reg, run):
    supplier = reg.company("Соседи", address="г. Кемерово, ул. Ленина, д. 5, кв. 13")
    reg.contract(ORG, supplier)
    assert run(servant(address="г. Кемерово, ул. Ленина, д. 5, кв. 12")) == []


def test_company_at_servants_address_that_is_not_a_supplier_raises_nothing(reg, run):
    reg.company("Не поставщик", address="г. Кемерово, ул. Ленина, д. 5, кв. 12")
    assert run(servant(address="г. Кемерово, ул. Ленина, д. 5, кв. 12")) == []


def test_mass_registration_address_is_low(reg, run):
    address = "г. Кемерово, ул. Весенняя, д. 1"
    supplier = reg.company("Массовая", address=address)
    reg.contract(ORG, supplier)
    reg.con.execute("INSERT INTO mass_addresses (address, address_norm, companies) VALUES (?, ?, 60)",
                    ["650000, Кемеровская область - Кузбасс, г Кемерово, улица Весенняя, дом 1", "x"])
    [finding] = run(servant(address=address))
    assert finding.severity == "low"
    assert "массовой регистрации" in finding.explanation


def test_address_key_ignores_index_region_district_and_type_words():
    from zorko.affiliation.addresses import address_key

    registry = "650000, КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС, КЕМЕРОВСКИЙ МУНИЦИПАЛЬНЫЙ ОКРУГ, П. ЕЛЫКАЕВО, УЛ. ВЕСЁЛАЯ, Д. 5"
    assert address_key(registry) == address_key("пос Елыкаево, улица Веселая, дом 5") == "елыкаево веселая 5"
    assert address_key("г. Кемерово, ул. Ленина, д.5, кв.12") == "кемерово ленина 5 12"
    assert address_key("г. Кемерово, ул. Ленина, д. 5а") != address_key("г. Кемерово, ул. Ленина, д. 5")


def test_structured_registry_address_is_used_when_present(reg, run):
    supplier = reg.company("Структура", address="650000, КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС г Кемерово Ленина 5-12",
                           parts={"index": "650000", "region": "КЕМЕРОВСКАЯ ОБЛАСТЬ - КУЗБАСС", "city": "Г КЕМЕРОВО",
                                  "street": "УЛ ЛЕНИНА", "house": "Д. 5", "flat": "КВ. 12"})
    reg.contract(ORG, supplier)
    [finding] = run(servant(address="Кемерово, ул. Ленина, дом 5, кв. 12"))
    assert finding.rule == "shared_address"
