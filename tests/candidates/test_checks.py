"""A candidate check as a record: sources per person, findings, decision, hiring, the waiting list, the log."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from zorko.audit.models import AuditEvent
from zorko.candidates import conclusion, services
from zorko.candidates.log_export import log_xlsx
from zorko.candidates.models import CandidateCheck
from zorko.exceptions import ValidationError
from zorko.people.models import Servant


def test_check_keeps_registries_results_per_person_and_findings(registry, candidate, make_user):
    user = make_user("inspector")
    check = services.run_check(candidate, user)
    assert set(check.registries) == {"contracts223", "loss_of_trust", "npd"}
    assert check.registries["npd"] == "2026-12-01"
    by = {(r["person"], r["source"]): r["result"] for r in check.results}
    # The register gives only the name: the candidate is asked, no finding is raised.
    assert by[("кандидат", "loss_of_trust")].startswith("требуется уточнение: запрос уточнения: совпадение с реестром")
    assert by[("кандидат", "npd")] == "совпадений нет"
    sister = "сестра: Кравец Анна Николаевна"
    assert by[(sister, "npd")].startswith("найдено: родственник — самозанятый")
    assert by[(sister, "contracts223")].startswith("найдено:")
    assert (sister, "loss_of_trust") not in by  # the register concerns the candidate only
    rules = {f["rule"]: f for f in check.findings}
    assert "loss_of_trust" not in rules
    [asked] = check.clarifications
    assert asked["sources_rule"] == "loss_of_trust" and asked["subject"] == "Кравец Ольга Николаевна"
    assert rules["relative_self_employed_supplier"]["severity"] == "high"
    assert len(check.clarifications) == 1 and check.relatives_checked == 1
    assert AuditEvent.objects.filter(action="candidates.check", user=user).exists()


def test_decision_recommend_needs_a_reason_when_something_high_was_found(registry, candidate, make_user):
    user = make_user("inspector")
    check = services.run_check(candidate, user)
    with pytest.raises(ValidationError, match="только с обоснованием"):
        services.decide(check, "recommended", user)
    services.decide(check, "recommended", user, "Сестра оказывает услуги по договору, заключённому до подачи "
                                                "документов; конфликт урегулирован")
    check.refresh_from_db()
    assert check.get_decision_display() == "рекомендован"
    assert check.decided_by == user and check.decided_at is not None


def test_hired_candidate_keeps_the_record(registry, candidate, make_user):
    user = make_user("inspector")
    with pytest.raises(ValidationError, match="после проверки"):
        services.hire(candidate, user)
    check = services.run_check(candidate, user)
    services.decide(check, "recommended", user, "Урегулировано")
    services.hire(candidate, user, date(2026, 12, 7))
    person = Servant.objects.get(pk=candidate.pk)
    assert (person.status, person.hired_on) == ("servant", date(2026, 12, 7))
    assert list(person.candidate_checks.all()) == [check]
    assert person.changes.filter(field="status").exists()
    with pytest.raises(ValidationError, match="не кандидат"):
        services.run_check(person, user)


def test_waiting_list_shows_who_waits_and_how_long(registry, candidate, make_servant, make_user):
    other = make_servant("Грошев", "Илья", "Петрович", status="candidate")
    Servant.objects.filter(pk=other.pk).update(created_at=timezone.now() - timedelta(days=9))
    make_servant("Служащий", "Пётр", "Петрович")
    rows = services.waiting_list()
    assert [(w.person.last_name, w.state, w.days) for w in rows] == [
        ("Грошев", "ожидает проверки", 9), ("Кравец", "ожидает проверки", 0)]
    services.run_check(candidate, make_user("inspector"))
    assert [w.state for w in services.waiting_list()] == ["ожидает проверки", "ожидает решения"]


def test_conclusion_is_one_page_with_the_name_declined(registry, candidate, make_user):
    from pypdf import PdfReader

    from tests.signed_documents import assert_signature_kept, assert_zorko_properties

    user = make_user("inspector")
    check = services.run_check(candidate, user)
    services.decide(check, "clarify", user, "Запросить сведения о трудовой деятельности")
    built = conclusion.build(check)
    assert built.title == "Заключение по результатам проверки кандидата Кравец Ольги Николаевны"
    assert built.decision.startswith("требуется уточнение. Обоснование: Запросить")
    pdf = PdfReader(io.BytesIO(conclusion.pdf(check)))
    assert len(pdf.pages) == 1
    assert "Кравец Ольги Николаевны" in " ".join(pdf.pages[0].extract_text().split())
    from docx import Document

    body = conclusion.docx(check)
    text = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
    assert "Кравец Ольги Николаевны" in text and "Запросов на уточнение: 1" in text
    assert_signature_kept(body, "Специалист по профилактике")
    assert_zorko_properties(body, built.title, candidate.organisation.name)
    assert pdf.metadata.title == built.title and pdf.metadata.author == f"Зорко — {candidate.organisation.name}"
    page = " ".join(pdf.pages[0].extract_text().split())
    assert "загружено" in page and "файл reestr_utrata_doveriya.csv" in page and str(registry.parent) not in page


def test_hostile_text_in_the_conclusion_and_the_log(registry, make_servant, make_user):
    hostile = make_servant("=HYPERLINK(\"http://x\")", "<script>alert(1)</script>", "Иванович" * 12,
                           status="candidate")
    user = make_user("inspector")
    check = services.run_check(hostile, user)
    services.decide(check, "obstacles", user, "<b>x</b> " * 200)
    html = conclusion.render_html(conclusion.build(check))
    assert "<script>" not in html and "&lt;script&gt;" in html
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(conclusion.pdf(check))).pages) == 1
    sheet = load_workbook(io.BytesIO(log_xlsx([check]))).active
    assert sheet["C2"].value.startswith("'=HYPERLINK")
    assert sheet["B2"].number_format == "DD.MM.YYYY"


def test_log_for_a_period(registry, candidate, make_user):
    user = make_user("inspector")
    check = services.run_check(candidate, user)
    old = services.run_check(candidate, user)
    CandidateCheck.objects.filter(pk=old.pk).update(checked_at=timezone.now() - timedelta(days=40))
    today = timezone.localdate()
    assert services.checks_between(today - timedelta(days=7), today) == [check]
    sheet = load_workbook(io.BytesIO(log_xlsx([check]))).active
    assert sheet["C2"].value == "Кравец Ольга Николаевна"
    assert (sheet["H2"].value, sheet["I2"].value, sheet["J2"].value) == (2, 1, 1)
    assert "реестр лиц, уволенных в связи с утратой доверия — 25.07.2024" in sheet["G2"].value
    with pytest.raises(ValidationError):
        services.checks_between(today, today - timedelta(days=1))


def test_online_npd_check_unreachable_is_said_and_the_check_goes_on(registry, candidate, make_user, monkeypatch,
                                                                     tmp_path):
    from tests.registry_tables import unreachable_url

    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZORKO_NPD_ONLINE", "1")
    monkeypatch.setenv("ZORKO_NPD_URL", unreachable_url())
    monkeypatch.setenv("ZORKO_NPD_INTERVAL", "0")
    check = services.run_check(candidate, make_user("inspector"))
    [online] = [r for r in check.results if r["source"] == "npd_online"]
    assert online["person"] == "сестра: Кравец Анна Николаевна"  # the only one with an ИНН
    assert online["result"].startswith("Сервис ФНС не ответил: сервис недоступен")
    assert {f.get("sources_rule") or f["rule"] for f in check.findings} == {"loss_of_trust",
                                                                          "relative_self_employed_supplier"}
