"""The demo municipality: deterministic, realistic names, valid identifiers, all kinships."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest

from zorko import identifiers
from zorko.demo import names
from zorko.demo.people import generate
from zorko.demo.people_build import build_demo
from zorko.people.kinship import Kinship, parse_kinship
from zorko.people.models import Organisation, Position, Relative, Servant


@pytest.fixture(scope="module")
def data():
    return generate(seed=1, servants=420)


def test_same_seed_same_people_other_seed_other_people(data) -> None:
    assert generate(seed=1, servants=420, today=data.today) == data
    assert generate(seed=2, servants=420, today=data.today).servants != data.servants


def _born(row: dict[str, str]) -> dt.date:
    return dt.datetime.strptime(row["дата_рождения"], "%d.%m.%Y").date()


def _years(older: dt.date, younger: dt.date) -> float:
    return (younger - older).days / 365.25


@pytest.mark.parametrize("today", [dt.date(2026, 1, 15), dt.date(2026, 11, 28), dt.date(2031, 7, 1)])
def test_a_realistic_minority_of_questionnaires_is_overdue_on_any_day(today: dt.date) -> None:
    data = generate(seed=1, servants=420, today=today)
    ages = [(today - d).days for d in data.questionnaire_dates.values()]
    assert min(ages) >= 0  # nothing is dated in the future
    overdue = sum(1 for a in ages if a > 365) / len(ages)
    assert 0.08 <= overdue <= 0.17
    hired = [dt.datetime.strptime(r["дата_приема"], "%d.%m.%Y").date() for r in data.servants if r["дата_приема"]]
    assert max(hired) <= today and max(_born(r) for r in data.relatives) <= today


def test_families_are_possible(data) -> None:
    """No sibling shares the servant's first name, parents are old enough, spouses of the other sex."""
    servants = {r["табельный_номер"]: r for r in data.servants}
    family: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in data.relatives:
        family[row["табельный_номер"]][row["родство"]].append(row)
    for no, kin in family.items():
        me = servants[no]
        siblings = kin["брат"] + kin["сестра"]
        first_names = [me["имя"]] + [r["имя"] for r in siblings]
        assert len(set(first_names)) == len(first_names), (no, first_names)
        children = kin["сын"] + kin["дочь"]
        assert len({r["имя"] for r in children}) == len(children), no
        female = me["отчество"].endswith("на")
        spouses = kin["супруг"] + kin["супруга"]
        assert all((r["родство"] == "супруга") != female for r in spouses), no
        parents = [me] + spouses
        for child in children:
            assert all(_years(_born(p), _born(child)) >= 16 for p in parents), (no, child)
        for mum in kin["мать"]:
            for child in [me] + siblings:
                assert 16 <= _years(_born(mum), _born(child)) <= 50, (no, child)
        for dad in kin["отец"]:
            assert all(_years(_born(dad), _born(c)) >= 16 for c in [me] + siblings), no


def test_identifiers_are_valid_and_unique(data) -> None:
    inns = [r["инн"] for r in data.servants + data.relatives if r["инн"]]
    assert all(identifiers.check_inn(i, person=True) is None for i in inns)
    assert len(set(inns)) == len(inns)
    assert all(i.startswith("42") for i in inns)  # Kemerovo region
    assert all(identifiers.check_snils(r["снилс"]) is None for r in data.servants)


def test_names_repeat_at_realistic_frequencies(data) -> None:
    surnames = Counter(names.surname_form(r["фамилия"], female=False) for r in data.servants)
    first = Counter(r["имя"] for r in data.servants)
    top_surname, top_count = surnames.most_common(1)[0]
    assert top_count >= 8  # common surnames repeat, as in life
    assert sum(1 for c in surnames.values() if c == 1) >= 20  # and there is a long tail
    assert first.most_common(1)[0][1] >= 20
    assert all(r["отчество"].endswith(("вич", "вна", "ич", "ична")) for r in data.servants)


def test_gender_forms_and_maiden_names(data) -> None:
    women = [r for r in data.servants if r["отчество"].endswith("на")]
    married_women = [r for r in women if r["прежние_фамилии"]]
    assert len(married_women) > len(women) / 3
    for row in married_women:
        maiden = row["прежние_фамилии"].split(" (")[0]
        assert maiden != row["фамилия"]
        assert names.surname_form(maiden, female=True) == maiden
    husbands = {r["табельный_номер"]: r for r in data.relatives if r["родство"] == "супруг"}
    for row in women:
        husband = husbands.get(row["табельный_номер"])
        if husband:
            assert names.surname_form(husband["фамилия"], female=True) == row["фамилия"]


def test_children_carry_the_fathers_name(data) -> None:
    servants = {r["табельный_номер"]: r for r in data.servants}
    for child in (r for r in data.relatives if r["родство"] in ("сын", "дочь")):
        parent = servants[child["табельный_номер"]]
        if not parent["отчество"].endswith("на"):  # the servant is the father
            assert child["отчество"].startswith(names.patronymic(parent["имя"], female=False)[:-3])


def test_every_kinship_group_is_present(data) -> None:
    kinds = {parse_kinship(r["родство"]) for r in data.relatives}
    assert None not in kinds
    assert {Kinship.WIFE, Kinship.HUSBAND, Kinship.FATHER, Kinship.MOTHER, Kinship.SON,
            Kinship.DAUGHTER, Kinship.BROTHER, Kinship.SISTER, Kinship.SPOUSE_FATHER,
            Kinship.SPOUSE_MOTHER, Kinship.CHILD_SPOUSE, Kinship.FORMER_SPOUSE} <= kinds


@pytest.mark.parametrize("male, female", [("Иванов", "Иванова"), ("Соловьёв", "Соловьёва"),
                                          ("Островский", "Островская"), ("Луговой", "Луговая"),
                                          ("Шевченко", "Шевченко"), ("Черных", "Черных")])
def test_surname_forms(male: str, female: str) -> None:
    assert names.surname_form(male, female=True) == female


@pytest.mark.parametrize("father, son, daughter", [("Сергей", "Сергеевич", "Сергеевна"),
                                                   ("Илья", "Ильич", "Ильинична"),
                                                   ("Никита", "Никитич", "Никитична"),
                                                   ("Юрий", "Юрьевич", "Юрьевна"),
                                                   ("Михаил", "Михайлович", "Михайловна"),
                                                   ("Иван", "Иванович", "Ивановна")])
def test_patronymics(father: str, son: str, daughter: str) -> None:
    assert (names.patronymic(father, female=False), names.patronymic(father, female=True)) == (
        son, daughter)


@pytest.mark.django_db
def test_build_demo_loads_three_organisations_and_all_statuses() -> None:
    summary = build_demo(seed=1, servants=420)
    assert summary.servants_added == 420 + 25 + 13 and summary.relatives_added > 1500
    orgs = list(Organisation.objects.all())
    assert len(orgs) == 3
    for org in orgs:
        assert identifiers.check_inn(org.inn, person=False) is None
        assert identifiers.check_ogrn(org.ogrn) is None and identifiers.check_kpp(org.kpp) is None
        assert org.inn.startswith("42") and org.departments.exists()
    statuses = Counter(Servant.objects.values_list("status", flat=True))
    assert statuses == {"servant": 420, "candidate": 25, "dismissed": 13}
    assert not Servant.objects.filter(status="dismissed", dismissed_on__isnull=True).exists()
    assert not Servant.objects.filter(status="candidate", hired_on__isnull=False).exists()
    assert Position.objects.filter(declaration_required=True).exists()
    assert Position.objects.filter(declaration_required=False).exists()
    assert not Servant.objects.filter(questionnaire_updated_on__isnull=True).exists()
    assert Relative.objects.exclude(former_names=[]).exists()
