"""Importing good files: every format gives the same records; re-import changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.people.helpers import PEOPLE, RELATIVES_CSV, SERVANTS_CSV, variant
from zorko.audit.models import AuditEvent
from zorko.people.importing import apply_import, import_people, plan_import
from zorko.people.models import ChangeRecord, Organisation, Relative, Servant

pytestmark = pytest.mark.django_db

FORMATS = [("servants.xlsx", "relatives.xlsx"),
           ("servants_utf8_bom.csv", "relatives_utf8_bom.csv"),
           ("servants_cp1251.csv", "relatives_cp1251.csv")]


def snapshot() -> list[tuple]:
    servants = list(Servant.objects.order_by("personnel_number").values_list(
        "personnel_number", "last_name", "first_name", "middle_name", "former_names", "birth_date",
        "inn", "snils", "organisation__name", "organisation__inn", "department__name",
        "position__name", "status", "hired_on", "dismissed_on", "address", "phones", "emails"))
    relatives = list(Relative.objects.order_by("servant__personnel_number", "kinship").values_list(
        "servant__personnel_number", "kinship", "last_name", "first_name", "middle_name",
        "former_names", "birth_date", "birth_place", "workplace", "address", "inn"))
    return servants + relatives


@pytest.mark.parametrize("servants, relatives", FORMATS)
def test_good_files_are_imported(servants: str, relatives: str) -> None:
    summary = import_people(PEOPLE / servants, PEOPLE / relatives)
    assert (summary.servants_added, summary.relatives_added) == (4, 7)
    anna = Servant.objects.get(personnel_number="1001")
    assert anna.full_name == "Ковалёва Анна Сергеевна"
    assert anna.former_names == [{"last_name": "Петрова", "first_name": "", "middle_name": "",
                                  "changed_on": "2015-06-12"}]
    assert anna.birth_date == dt.date(1985, 3, 14)
    assert anna.snils == "12345678964"
    assert anna.organisation.inn == "4250009998"
    assert anna.department.name == "Юридический отдел"
    assert anna.position.name == "Главный специалист"
    assert Servant.objects.get(personnel_number="1003").status == Servant.Status.CANDIDATE
    dismissed = Servant.objects.get(personnel_number="1004")
    assert (dismissed.status, dismissed.dismissed_on) == (Servant.Status.DISMISSED, dt.date(2024, 12, 31))
    wife = Relative.objects.get(servant__personnel_number="1002", kinship="wife")
    assert wife.former_last_names == ["Смирнова"]
    assert wife.inn == "420533344471"
    assert Relative.objects.get(last_name="Смирнов").kinship == "spouse_father"
    assert Relative.objects.get(last_name="Лебедев").kinship == "former_spouse"
    assert Organisation.objects.count() == 1


def test_all_formats_give_the_same_records() -> None:
    snapshots = []
    for servants, relatives in FORMATS:
        import_people(PEOPLE / servants, PEOPLE / relatives)
        snapshots.append(snapshot())
        Servant.objects.all().delete()
    assert snapshots[0] == snapshots[1] == snapshots[2]
    assert len(snapshots[0]) == 11


def test_second_import_changes_nothing() -> None:
    import_people(PEOPLE / "servants.xlsx", PEOPLE / "relatives.xlsx")
    before, history = snapshot(), ChangeRecord.objects.count()
    plan = plan_import(SERVANTS_CSV, RELATIVES_CSV)  # the same data in another format
    assert not plan.has_changes
    summary = apply_import(plan)
    assert (summary.servants_added, summary.servants_changed, summary.servants_unchanged) == (0, 0, 4)
    assert (summary.relatives_added, summary.relatives_changed, summary.relatives_unchanged) == (0, 0, 7)
    assert snapshot() == before
    assert ChangeRecord.objects.count() == history


def test_changed_row_updates_the_person_and_shows_in_history(tmp_path: Path, make_user) -> None:
    import_people(SERVANTS_CSV, RELATIVES_CSV)
    servants = variant(tmp_path, SERVANTS_CSV, ("Главный специалист;служащий;01.02.2010",
                                                "Начальник отдела;служащий;01.02.2010"))
    relatives = variant(tmp_path, RELATIVES_CSV, ("ООО «Пример»", "ООО «Другой пример»"))
    plan = plan_import(servants, relatives)
    assert plan.counts == {"servants": {"added": 0, "changed": 1, "unchanged": 3},
                           "relatives": {"added": 0, "changed": 1, "unchanged": 6}}
    assert any("должность: «Главный специалист» → «Начальник отдела»" in line
               for line in plan.lines())
    inspector = make_user("inspector")
    apply_import(plan, user=inspector)
    anna = Servant.objects.get(personnel_number="1001")
    assert anna.position.name == "Начальник отдела"
    change = anna.changes.get(field="position")
    assert (change.old_value, change.new_value) == ("Главный специалист", "Начальник отдела")
    assert change.user == inspector and change.source == "импорт: servants_cp1251.csv"
    work = anna.changes.get(field="workplace")
    assert (work.old_value, work.new_value) == ("ООО «Пример»", "ООО «Другой пример»")
    assert work.subject == "Ковалёв Дмитрий Андреевич (супруг)"


def test_new_relative_name_adds_a_relative_and_keeps_the_old_one(tmp_path: Path) -> None:
    import_people(SERVANTS_CSV, RELATIVES_CSV)
    relatives = variant(tmp_path, RELATIVES_CSV, ("Артём;Дмитриевич;;30.08.2012",
                                                  "Артём;Дмитриевич;;30.08.2013"))
    summary = import_people(SERVANTS_CSV, relatives)
    assert (summary.relatives_added, summary.relatives_unchanged) == (1, 6)
    assert Relative.objects.filter(first_name="Артём").count() == 2


def test_relatives_of_servants_already_in_the_database(tmp_path: Path) -> None:
    import_people(SERVANTS_CSV)
    lines = SERVANTS_CSV.read_text(encoding="cp1251").splitlines(keepends=True)
    only_1001 = tmp_path / "one.csv"
    only_1001.write_text("".join(lines[:2]), encoding="cp1251")
    summary = import_people(only_1001, RELATIVES_CSV)  # 1002–1004 are known from the database
    assert (summary.servants_unchanged, summary.relatives_added) == (1, 7)


def test_import_is_audited_and_history_records_creation(make_user) -> None:
    hr = make_user("hr")
    import_people(SERVANTS_CSV, RELATIVES_CSV, user=hr)
    event = AuditEvent.objects.get(action="people.import")
    assert event.user == hr
    assert event.details["servants_added"] == 4 and event.details["relatives_added"] == 7
    assert event.details["files"] == ["servants_cp1251.csv", "relatives_cp1251.csv"]
    assert ChangeRecord.objects.filter(kind="created").count() == 11


def test_organisation_found_by_inn_and_departments_reused() -> None:
    Organisation.objects.create(name="Администрация (старое название)", inn="4250009998")
    import_people(SERVANTS_CSV)
    assert Organisation.objects.count() == 1
    assert Servant.objects.filter(organisation__name="Администрация (старое название)").count() == 4
    assert Servant.objects.filter(department__name="Отдел кадров").values("department").distinct().count() == 1


def test_number_cells_keep_leading_zeros_of_identifiers(tmp_path: Path) -> None:
    from zorko.people.importing.columns import SERVANT_COLUMNS
    from zorko.people.importing.files import write_xlsx

    path = write_xlsx(tmp_path / "numbers.xlsx", SERVANT_COLUMNS, [{
        "табельный_номер": 7, "фамилия": "Ёлкина", "имя": "Юлия", "организация": "Школа № 1",
        "организация_инн": 105123458, "инн": 10512345607, "снилс": 1234567819,
    }])
    import_people(path)
    servant = Servant.objects.get(personnel_number="7")
    assert (servant.inn, servant.snils) == ("010512345607", "01234567819")
    assert servant.organisation.inn == "0105123458"
