"""`match_people` end to end on small registries in an in-memory DuckDB."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from zorko.identifiers import make_inn
from zorko.matching import Match, PersonQuery, match_people

INN_A = make_inn("4205111111", person=True)
INN_B = make_inn("4205222222", person=True)
INN_C = make_inn("7701333333", person=True)

ROLE_COLUMNS = ("subject_kind VARCHAR, subject_ogrn VARCHAR, role VARCHAR, last_name VARCHAR, "
                "first_name VARCHAR, middle_name VARCHAR, inn VARCHAR, share_percent DOUBLE, "
                "share_nominal DECIMAL(18,2), title VARCHAR, since DATE, unreliable BOOLEAN, "
                "region VARCHAR, load_id INTEGER")

# Background: common names spread over regions so that frequencies mean something.
COMMON = [("Иванов", "Александр", "Сергеевич"), ("Смирнова", "Елена", "Владимировна"),
          ("Кузнецов", "Сергей", "Александрович"), ("Попова", "Ольга", "Николаевна"),
          ("Петров", "Андрей", "Викторович"), ("Васильева", "Татьяна", "Ивановна")]


def add_role(con, last, first, middle, *, inn=None, region="42", ogrn="1024200000001",
             role="founder"):
    con.execute("INSERT INTO person_roles (subject_kind, subject_ogrn, role, last_name, first_name, "
                "middle_name, inn, region, load_id) VALUES ('company', ?, ?, ?, ?, ?, ?, ?, 1)",
                [ogrn, role, last, first, middle, inn, region])


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute(f"CREATE TABLE person_roles ({ROLE_COLUMNS})")
    regions = ["77", "50", "78", "23", "66", "16", "54", "02", "42", "61"]
    values = ", ".join(f"('company', '1024200000001', 'founder', '{last}', '{first}', "
                       f"'{middle}', '{regions[i % len(regions)]}', 1)"
                       for i, (last, first, middle) in
                       enumerate(COMMON[i % len(COMMON)] for i in range(400)))
    con.execute("INSERT INTO person_roles (subject_kind, subject_ogrn, role, last_name, "
                f"first_name, middle_name, region, load_id) VALUES {values}")
    return con


def best(matches: list[Match], key: str) -> Match | None:
    mine = [m for m in matches if m.query_key == key]
    return max(mine, key=lambda m: m.probability) if mine else None


def test_rare_name_in_the_same_region_is_found_with_russian_explanation(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    matches = match_people([PersonQuery("servant:1", "Загорулько", "Ефим", "Аристархович",
                                        region="42")], con)
    assert len(matches) == 1
    match = matches[0]
    assert match.record["last_name"] == "Загорулько" and "row_id" in match.record
    assert match.probability > 0.99
    assert match.matched_name == "current" and match.inn_status == "unknown"
    assert any(e.startswith("фамилия «загорулько» совпадает, редкая: 1 человек в реестре")
               for e in match.explanation)
    assert "регион совпадает: человек живёт в регионе 42, организация в регионе 42 [вес +" in (
        " ".join(match.explanation))
    assert match.explanation[-1].startswith("итог: вероятность")


def test_common_name_in_another_region_does_not_outrank_rare_name_in_same_region(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    people = [PersonQuery("servant:1", "Иванов", "Александр", "Сергеевич", region="42"),
              PersonQuery("servant:2", "Загорулько", "Ефим", "Аристархович", region="42")]
    matches = match_people(people, con, threshold=0.0)
    common_elsewhere = max(m.probability for m in matches
                           if m.query_key == "servant:1" and m.record["region"] != "42")
    rare_here = best(matches, "servant:2")
    assert rare_here.probability > common_elsewhere
    assert common_elsewhere < 0.5


def test_variants_of_the_same_name_are_found(con):
    add_role(con, "Фёдорова", "Алёна", "Петровна", region="42")
    people = [
        PersonQuery("a", "ФЕДОРОВА ", " алена", "Петровна", region="42"),  # case, spaces, ё
        PersonQuery("b", "Фeдoрова", "Алёна", "Петровна", region="42"),  # Latin look-alikes
        PersonQuery("c", "Федорвоа", "Алёна", "Петровна", region="42"),  # transposition
        PersonQuery("d", "Фёдорова", "А.", "П.", region="42"),  # initials
        PersonQuery("e", "Алёна Петровна Фёдорова", "", "", region="42"),  # one field, word order
    ]
    matches = match_people(people, con, threshold=0.5)
    assert {m.query_key for m in matches} == {"a", "b", "c", "d", "e"}


def test_incompatible_initials_do_not_match(con):
    add_role(con, "Фёдорова", "Алёна", "Петровна", region="42")
    matches = match_people([PersonQuery("x", "Фёдорова", "Н.", "П.", region="42")], con,
                           threshold=0.01)
    assert matches == []


def test_maiden_name_matches_as_former(con):
    add_role(con, "Загорулько", "Анна", "Ефимовна", region="42")
    person = PersonQuery("relative:40", "Смирнова", "Анна", "Ефимовна",
                         former_last_names=("Загорулько",), region="42")
    matches = match_people([person], con)
    assert len(matches) == 1
    assert matches[0].matched_name == "former"
    assert matches[0].explanation[1].startswith("прежняя фамилия «загорулько» совпадает")


def test_equal_inn_is_certain_even_with_a_changed_surname(con):
    add_role(con, "Загорулько", "Анна", "Ефимовна", inn=INN_A, region="42")
    matches = match_people([PersonQuery("r", "Смирнова", "Анна", "Ефимовна", inn=INN_A)], con)
    assert len(matches) == 1
    assert matches[0].probability == 1.0 and matches[0].inn_status == "equal"
    assert f"ИНН совпадает: {INN_A}" in matches[0].explanation


def test_different_inn_vetoes_a_perfect_name_match(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_B, region="42")
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович", inn=INN_A,
                                        region="42")], con, threshold=0.0)
    assert matches == []


def test_namesake_in_another_region_loses_to_the_person_found_by_region(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_B, region="42")
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_C, region="77")
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                        region="42")], con, threshold=0.0)
    by_region = {m.record["region"]: m.probability for m in matches}
    assert by_region["42"] > 0.9 > 0.1 > by_region["77"]


def test_registry_record_in_latin_letters_is_found(con):
    add_role(con, "ZAGORULKO", "EFIM", "ARISTARKHOVICH", region="42")
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                        region="42")], con, threshold=0.5)
    assert [m.record["last_name"] for m in matches] == ["ZAGORULKO"]


def test_disqualified_table_uses_birth_date_and_vetoes_on_contradiction():
    con = duckdb.connect()
    con.execute("CREATE TABLE disqualified (last_name VARCHAR, first_name VARCHAR, "
                "middle_name VARCHAR, full_name VARCHAR, birth_date DATE, birth_place VARCHAR, "
                "organisation VARCHAR, organisation_inn VARCHAR, position VARCHAR, "
                "article VARCHAR, term VARCHAR, starts_on DATE, ends_on DATE, load_id INTEGER)")
    con.execute("INSERT INTO disqualified (last_name, first_name, middle_name, birth_date) VALUES "
                "('Загорулько', 'Ефим', 'Аристархович', DATE '1970-05-01'), "
                "('Загорулько', 'Ефим', 'Аристархович', DATE '1985-01-09')")
    person = PersonQuery("c", "Загорулько", "Ефим", "Аристархович", birth_date=date(1970, 5, 1))
    matches = match_people([person], con, table="disqualified", threshold=0.0)
    assert [m.record["birth_date"] for m in matches] == [date(1970, 5, 1)]
    assert any(e.startswith("дата рождения совпадает: 01.05.1970 [вес +")
               for e in matches[0].explanation)


def test_index_is_rebuilt_when_the_registry_changes(con):
    first = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович")], con)
    assert first == []
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    second = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович")], con)
    assert len(second) == 1


def test_read_only_registry_store_is_matched_with_a_temporary_index(tmp_path):
    path = tmp_path / "registry.duckdb"
    con = duckdb.connect(str(path))
    con.execute(f"CREATE TABLE person_roles ({ROLE_COLUMNS})")
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    add_role(con, "Петров", "Андрей", "Викторович", region="42")
    con.close()
    read_only = duckdb.connect(str(path), read_only=True)
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                        region="42")], read_only, threshold=0.3)
    assert [m.record["last_name"] for m in matches] == ["Загорулько"]


def test_a_person_without_a_name_matches_nothing(con):
    add_role(con, "", "", "", region="42")
    assert match_people([PersonQuery("x", "", "")], con, threshold=0.0) == []


def test_region_weight_is_learnt_from_people_confirmed_by_inn(con):
    # 100 people whose ИНН is in the registry, every one with a company in their own region.
    confirmed = []
    for i in range(100):
        inn = make_inn(f"42{i:08d}", person=True)
        add_role(con, f"Загорулько-{'абвгдежзик'[i % 10]}{'лмнопрстуф'[i // 10]}", "Ефим",
                 "Петрович", inn=inn, region="42")
        confirmed.append(PersonQuery(f"c{i}", f"Загорулько-{'абвгдежзик'[i % 10]}"
                                     f"{'лмнопрстуф'[i // 10]}", "Ефим", "Петрович", inn=inn,
                                     region="42"))
    add_role(con, "Чумаченко", "Аристарх", "Ефимович", region="77")
    alone = PersonQuery("x", "Чумаченко", "Аристарх", "Ефимович", region="42")
    before = region_weight(match_people([alone], con, threshold=0.0)[0])
    after = region_weight(best(match_people([alone, *confirmed], con, threshold=0.0), "x"))
    assert after < before < 0


def region_weight(match: Match) -> float:
    line = next(e for e in match.explanation if e.startswith("регион не совпадает"))
    return float(line.rsplit("вес ", 1)[1].rstrip("]").replace(",", ".").replace("−", "-"))


def test_two_namesakes_in_the_region_share_the_probability(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_A, region="42")
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_B, region="42")
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                        region="42")], con, threshold=0.0)
    assert len(matches) == 2
    assert all(0.3 < m.probability < 0.6 for m in matches)
    assert all("вероятность поделена с другими подходящими лицами реестра: 1" in m.explanation
               for m in matches)


def test_rare_name_in_another_region_without_inn_is_not_a_confident_match(con):
    # The only Загорулько Ефим Аристархович of the registry: company and ИНН in Moscow.
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_C, region="77")
    add_role(con, "Чумаченко", "Аристарх", "Ефимович", region="77")
    people = [PersonQuery("kemerovo", "Загорулько", "Ефим", "Аристархович", region="42"),
              PersonQuery("moscow", "Загорулько", "Ефим", "Аристархович", region="77"),
              PersonQuery("company-only", "Чумаченко", "Аристарх", "Ефимович", region="42")]
    matches = match_people(people, con, threshold=0.0)
    assert best(matches, "kemerovo").probability < 0.5
    assert best(matches, "moscow").probability > 0.95
    # Company elsewhere, no ИНН in the registry to tell more: possible, but not ≥ 0.9.
    assert 0.3 < best(matches, "company-only").probability < 0.9
    assert match_people(people[:1], con) == []


def test_names_alone_are_bounded_by_the_chance_of_a_full_namesake(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    alone = best(match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович")], con,
                              threshold=0.0), "s")
    in_region = best(match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                               region="42")], con, threshold=0.0), "s")
    assert 0.7 < alone.probability < 0.99 < in_region.probability
    assert any("даже у редкого ФИО бывают полные тёзки" in e for e in alone.explanation)


def test_common_name_in_another_region_ranks_below_rare_name_in_the_same_region_of_one_person(con):
    # One checked person, two candidates: his rare maiden name at home, a common one elsewhere.
    add_role(con, "Загорулько", "Анна", "Ефимовна", region="42")
    add_role(con, "Смирнова", "Анна", "Ефимовна", inn=INN_C, region="77")
    person = PersonQuery("r", "Смирнова", "Анна", "Ефимовна", former_last_names=("Загорулько",),
                         region="42")
    by_name = {m.record["last_name"]: m.probability
               for m in match_people([person], con, threshold=0.0)}
    assert by_name["Загорулько"] > 0.9 > 0.2 > by_name["Смирнова"]


def test_home_is_counted_once_from_the_companies_and_the_inn(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_A, region="42")
    add_role(con, "Чумаченко", "Аристарх", "Ефимович", region="42")
    for i in range(30):  # registry rows mostly have their ИНН from the company's region
        add_role(con, "Петров", "Андрей", "Викторович",
                 inn=make_inn(f"{'42' if i % 10 else '77'}06{i:06d}", person=True),
                 region="42" if i < 15 else "77")

    def home(last: str, first: str, middle: str) -> tuple[float, str]:
        match = best(match_people([PersonQuery("s", last, first, middle, region="42")], con), "s")
        line = next(e for e in match.explanation if e.startswith("регион совпадает"))
        return weight_of(line), line

    with_inn, line = home("Загорулько", "Ефим", "Аристархович")
    company_only, _ = home("Чумаченко", "Аристарх", "Ефимович")
    # The ИНН issued where the company is adds little: both follow the same home.
    assert 0 <= with_inn - company_only < 1.5
    assert "организация в регионе 42, ИНН в реестре выдан в регионе 42" in line


def test_namesake_with_several_companies_elsewhere_is_judged_to_live_there(con):
    # Two Загорулько with a company in Moscow: one has a single company there,
    # the other three. Three Moscow companies say firmly that he lives in Moscow.
    add_role(con, "Загорулько", "Ефим", "Аристархович", inn=INN_C, region="77")
    for n in range(3):
        add_role(con, "Чумаченко", "Аристарх", "Ефимович", inn=make_inn("7701444444", person=True),
                 region="77", ogrn=f"102770000000{n}")
    one = best(match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                         region="42")], con, threshold=0.0), "s")
    three = best(match_people([PersonQuery("s", "Чумаченко", "Аристарх", "Ефимович",
                                           region="42")], con, threshold=0.0), "s")
    assert three.probability < one.probability / 2
    line = next(e for e in three.explanation if e.startswith("регион не совпадает"))
    assert "организации этого лица в реестре — в регионах 77 (3)" in line


def weight_of(line: str) -> float:
    return float(line.rsplit("вес ", 1)[1].rstrip("]").replace(",", ".").replace("−", "-"))


def test_registry_full_of_namesakes_bounds_names_more_tightly(con):
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    query = [PersonQuery("s", "Загорулько", "Ефим", "Аристархович")]
    plain = best(match_people(query, con, threshold=0.0), "s").probability
    # 60 rare surnames, each borne by two persons (two ИНН) with the very same ФИО.
    for i in range(120):
        add_role(con, f"Чумаченко-{'абвгдежзиклмнопрстуф'[i // 2 % 20]}{'абв'[i // 40]}",
                 "Аристарх", "Ефимович", inn=make_inn(f"77{i:08d}", person=True), region="77")
    crowded = best(match_people(query, con, threshold=0.0), "s")
    assert crowded.probability < plain - 0.1
    bound = next(e for e in crowded.explanation if "бывают полные тёзки" in e)
    assert int(bound.split("не реже ", 1)[1].split("%", 1)[0]) > 20


def test_row_without_inn_of_the_same_name_elsewhere_is_likely_the_same_person(con):
    # Rows without ИНН are told apart only by name: the company in Moscow is likely
    # the same Загорулько (people have companies elsewhere), but less sure than the
    # row at home, and the explanation says why.
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42")
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="77", ogrn="1027700000001")
    matches = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                        region="42")], con)
    by_region = {m.record["region"]: m for m in matches}
    assert set(by_region) == {"42", "77"}
    assert by_region["42"].probability > 0.99
    assert 0.7 < by_region["77"].probability < by_region["42"].probability
    assert any("такое же ФИО без ИНН есть в регионе 42" in e for e in by_region["77"].explanation)


def test_row_without_inn_of_a_common_name_elsewhere_is_not_carried_by_the_home_row(con):
    # «Иванов Александр Сергеевич» has many namesakes: a row elsewhere is somebody else.
    add_role(con, "Иванов", "Александр", "Сергеевич", region="61")
    matches = match_people([PersonQuery("s", "Иванов", "Александр", "Сергеевич", region="42")],
                           con, threshold=0.0)
    home = max(m.probability for m in matches if m.record["region"] == "42")
    away = max(m.probability for m in matches if m.record["region"] == "61")
    assert away < home / 3


def test_slip_onto_a_common_name_is_not_taken_for_a_typo(con):
    # «Елена» and «Алёна» differ by one letter, but «Елена» is itself a common name:
    # likelier another woman than a slip. «Алзна» is nobody's name: a slip.
    add_role(con, "Загорулько", "Алёна", "Ефимовна", region="42")
    for i in range(40):
        add_role(con, f"Петрова-{i}", "Елена", "Ивановна", region="42")

    def check(first: str) -> Match:
        return best(match_people([PersonQuery("s", "Загорулько", first, "Ефимовна",
                                              region="42")], con, threshold=0.0), "s")

    elena, slip = check("Елена"), check("Алзна")
    assert slip.probability > 0.95
    assert elena.probability < slip.probability - 0.05
    assert weight_of(next(e for e in elena.explanation if e.startswith("имя"))) < 0
    assert any("«елена» — тоже имя из реестра (" in e for e in elena.explanation)
    assert not any("тоже имя из реестра" in e for e in slip.explanation)


def test_inn_missing_from_the_registry_points_to_the_rows_without_inn(con):
    # Three namesakes in Kemerovo carry an ИНН; a fourth row of the name has none.
    for inn in (INN_A, INN_B, make_inn("4205444444", person=True)):
        add_role(con, "Загорулько", "Ефим", "Аристархович", inn=inn, region="42")
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="42", ogrn="1024200000002")
    unknown_inn = make_inn("4205999999", person=True)
    with_inn = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                         inn=unknown_inn, region="42")], con, threshold=0.0)
    without_inn = match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                            region="42")], con, threshold=0.0)
    # His own ИНН rules the three others out: only the row without ИНН can be him,
    # and it is likelier than when all four namesakes are possible.
    assert [m.record["inn"] for m in with_inn] == [None]
    assert with_inn[0].probability > best(without_inn, "s").probability
    assert any("в реестре не найден" in e for e in with_inn[0].explanation)


def test_absence_from_the_registry_competes_with_its_prior_share(con):
    # When most checked people are in the registry (their ИНН found), a lone namesake
    # of a person without ИНН is likelier him than when few checked people are found.
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="77")
    person = PersonQuery("s", "Загорулько", "Ефим", "Аристархович", region="42")
    found, missing = [], []
    for i in range(60):
        inn = make_inn(f"42{i:08d}", person=True)
        surname = f"Чумаченко-{'абвгдежзик'[i % 10]}{'лмнопр'[i // 10]}"
        add_role(con, surname, "Аристарх", "Ефимович", inn=inn, region="42")
        found.append(PersonQuery(f"f{i}", surname, "Аристарх", "Ефимович", inn=inn, region="42"))
        missing.append(PersonQuery(f"m{i}", surname + "ов", "Аристарх", "Ефимович",
                                   inn=make_inn(f"43{i:08d}", person=True), region="43"))
    many_found = best(match_people([person, *found], con, threshold=0.0), "s").probability
    few_found = best(match_people([person, *missing], con, threshold=0.0), "s").probability
    assert many_found > few_found


def test_namesakes_of_checked_people_with_inn_raise_the_namesake_rate(con):
    con.execute("UPDATE person_roles SET inn = '77' || lpad(rowid::VARCHAR, 10, '0')")
    # The only Загорулько Ефим Аристархович: company in Moscow, no ИНН in the registry.
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="77")
    person = PersonQuery("s", "Загорулько", "Ефим", "Аристархович", region="42")
    # 40 rare ФИО with an ИНН in Kemerovo; every second one also borne by somebody
    # else (another ИНН) in Moscow.
    alone, twinned = [], []
    for i in range(40):
        surname = f"Чумаченко-{'абвгдежзик'[i % 10]}{'лмнопр'[i // 10]}"
        inn = make_inn(f"42{i:08d}", person=True)
        add_role(con, surname, "Аристарх", "Ефимович", inn=inn, region="42")
        query = PersonQuery(f"c{i}", surname, "Аристарх", "Ефимович", inn=inn, region="42")
        if i % 2:
            add_role(con, surname, "Аристарх", "Ефимович",
                     inn=make_inn(f"77{i:08d}", person=True), region="77")
            twinned.append(query)
        else:
            alone.append(query)
    # Half the checked people are not in the registry at all.
    absent = [PersonQuery(f"a{i}", f"Чумаченко-{i}", "Аристарх", "Ефимович",
                          inn=make_inn(f"43{i:08d}", person=True), region="43") for i in range(20)]
    alone, twinned = alone + absent, twinned + absent
    # Checked together with people who have full namesakes, a rare ФИО proves less.
    calm = best(match_people([person, *alone], con, threshold=0.0), "s")
    crowded = best(match_people([person, *twinned], con, threshold=0.0), "s")
    assert crowded.probability < calm.probability - 0.05

    def rate(match: Match) -> int:
        bound = next(e for e in match.explanation if "бывают полные тёзки" in e)
        return int(bound.split("не реже ", 1)[1].split("%", 1)[0])

    assert rate(crowded) > rate(calm)


def test_registry_regions_written_by_name_are_understood():
    con = duckdb.connect()
    con.execute(f"CREATE TABLE person_roles ({ROLE_COLUMNS})")
    for i, (last, first, middle) in enumerate(COMMON * 20):
        add_role(con, last, first, middle, region=("Москва", "Кемеровская обл.", "77")[i % 3])
    add_role(con, "Загорулько", "Ефим", "Аристархович", region="Кемеровская область - Кузбасс")
    match = best(match_people([PersonQuery("s", "Загорулько", "Ефим", "Аристархович",
                                           region="42")], con), "s")
    assert match.probability > 0.95
    assert any(e.startswith("регион совпадает: человек живёт в регионе 42, организация в "
                            "регионе 42") for e in match.explanation)
    assert match.record["region"] == "Кемеровская область - Кузбасс"  # the row as it is
