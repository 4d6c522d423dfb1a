"""Registration numbers per year, attachments checked by content, the list with overdue first, XLSX export."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from zorko.exceptions import NotFound, ValidationError
from zorko.journals import attachments
from zorko.journals.export import export_journal
from zorko.journals.models import JournalEntry, Kind
from zorko.journals.services import close_entry, register_entry

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
HOSTILE = "=HYPERLINK(\"http://evil\",\"x\") <script>alert(1)</script> " + "очень длинно " * 500


def test_numbers_run_per_journal_and_restart_each_year(make_entry) -> None:
    a = make_entry(Kind.GIFT, date(2026, 12, 30))
    b = make_entry(Kind.GIFT, date(2026, 12, 31))
    other = make_entry(Kind.INTEREST, date(2026, 12, 31))
    c = make_entry(Kind.GIFT, date(2027, 1, 11))
    assert [a.reg_number, b.reg_number, other.reg_number, c.reg_number] == ["1/2026", "2/2026", "1/2026", "1/2027"]


def test_registration_refuses_empty_content_and_foreign_fields(make_servant) -> None:
    with pytest.raises(ValidationError, match="содержание"):
        register_entry(Kind.GIFT, make_servant(), date(2026, 5, 5), "  ", None)
    with pytest.raises(ValidationError, match="start_on не относятся"):
        register_entry(Kind.GIFT, make_servant(), date(2026, 5, 5), "Подарок", None, start_on=date(2026, 5, 6))


def test_attachments_are_typed_by_content_and_size_limited(make_entry, monkeypatch, settings, tmp_path) -> None:
    import dataclasses

    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    entry = make_entry(Kind.GIFT, date(2026, 5, 5))
    stored = attachments.attach(entry, "скан.png", PNG, None)
    assert stored.content_type == "image/png" and attachments.read(stored) == PNG
    assert (tmp_path / "journals" / "2026" / str(entry.pk)).is_dir()
    with pytest.raises(ValidationError, match="«вирус.pdf» не является PDF, JPEG или PNG"):
        attachments.attach(entry, "вирус.pdf", b"MZ\x90\x00 not a pdf", None)
    (tmp_path / "journals" / stored.stored_as).unlink()
    with pytest.raises(NotFound, match="«скан.png» отсутствует в хранилище"):
        attachments.read(stored)
    monkeypatch.setenv("ZORKO_ATTACHMENT_MAX_MB", "0.001")
    with pytest.raises(ValidationError, match="больше"):
        attachments.attach(entry, "большой.pdf", b"%PDF-1.7" + b"0" * 2000, None)


def test_list_shows_overdue_first(make_entry, make_user) -> None:
    from zorko.journals.queries import EntryFilter, select_entries

    today = date.today()
    fresh = make_entry(Kind.INTEREST, today)
    old = make_entry(Kind.INTEREST, today - timedelta(days=40))
    closed_old = make_entry(Kind.INTEREST, today - timedelta(days=60))
    close_entry(closed_old, "Конфликта интересов нет", today, None)
    rows = list(select_entries(make_user("inspector"), EntryFilter()))
    assert [e.pk for e in rows][:1] == [old.pk] and rows[0].overdue == 1
    assert {e.pk for e in rows[1:]} == {fresh.pk, closed_old.pk}


def test_export_keeps_the_paper_layout_and_neutralises_formulas(make_entry, make_servant) -> None:
    from decimal import Decimal

    servant = make_servant("Сидорова", "Анна", "Павловна")
    make_entry(Kind.GIFT, date(2026, 3, 11), servant=servant, content=HOSTILE, event_on=date(2026, 3, 5),
               gift_value=Decimal("12500.50"), handover_act="-1 акт")
    book = load_workbook(io.BytesIO(export_journal(Kind.GIFT, JournalEntry.objects.all())))
    ws = book.active
    assert ws["A1"].value == "Журнал регистрации: уведомления о получении подарка"
    header = [c.value for c in ws[2]]
    assert header[:5] == ["№ п/п", "Регистрационный номер", "Дата поступления", "Дата регистрации",
                          "ФИО, должность лица, представившего уведомление"]
    row = {h: c for h, c in zip(header, ws[3], strict=True)}
    assert row["Регистрационный номер"].value == "1/2026"
    assert row["Дата поступления"].value.date() == date(2026, 3, 11)
    assert row["Дата поступления"].number_format == "DD.MM.YYYY"
    assert row["Краткое содержание"].value.startswith("'=HYPERLINK")
    assert row["Акт приёма-передачи"].value == "'-1 акт"
    assert row["Стоимость, руб."].value == 12500.5 and row["Стоимость, руб."].number_format == "#,##0.00"
    assert row["ФИО, должность лица, представившего уведомление"].value == "Сидорова Анна Павловна"


def test_a_number_taken_meanwhile_is_skipped(make_entry, monkeypatch) -> None:
    from django.db.models import Max, Min

    from zorko.journals import numbering

    make_entry(Kind.GIFT, date(2026, 5, 5))
    make_entry(Kind.GIFT, date(2026, 5, 6))
    reads = []

    def stale_then_fresh(field: str):
        reads.append(field)
        return Min(field) if len(reads) == 1 else Max(field)  # the first read misses the latest entry

    monkeypatch.setattr(numbering, "Max", stale_then_fresh)
    third = make_entry(Kind.GIFT, date(2026, 5, 7))
    assert third.reg_number == "3/2026" and len(reads) == 2


def test_model_limits_come_back_as_a_russian_error(make_servant) -> None:
    with pytest.raises(ValidationError, match="ИНН работодателя"):
        register_entry(Kind.PAID_WORK, make_servant(), date(2026, 5, 5), "Работа", None,
                       employer_inn="1" * 13, start_on=date(2026, 5, 20))
    assert not JournalEntry.objects.exists()
