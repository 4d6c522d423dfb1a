"""The DOCX letter: addressee declined, salutation, legal basis, persons listed, due date, properties."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from docx import Document

from tests.clarifications.scenario import HOSTILE_COMPANY, NAMESAKE_INNS
from zorko.findings.clarifications import mark_sent
from zorko.reports.clarification_letter import write_letter

pytestmark = pytest.mark.django_db


def text_of(body: bytes) -> tuple[str, object]:
    doc = Document(io.BytesIO(body))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts), doc.core_properties


def test_letter_addresses_the_servant_and_lists_the_persons(family, make_user):
    req = family.request
    mark_sent(req, make_user("inspector"), date(2026, 12, 1))
    text, props = text_of(write_letter(req, "Петрова О. В."))
    assert "Сидорову Петру Ильичу" in text and "Уважаемый Пётр Ильич!" in text
    assert "таб. № 0042" in text
    assert "дату рождения Ивановой Елены Александровны" in text
    assert "ст" in text and "273-ФЗ «О противодействии коррупции»" in text and "25-ФЗ" in text
    assert "статьями 10 и 11" in text and "статьёй 14.1" in text
    assert "мать" in text and "Ивановой Елены Александровны" in text  # the relative in the genitive
    for inn in NAMESAKE_INNS:
        assert inn in text
    assert HOSTILE_COMPANY in text  # a document shows the registry's name as it is, as plain text
    assert f"не позднее {req.due_on:%d.%m.%Y}" in text and req.due_on == date(2026, 12, 31)
    assert "Петрова О. В." in text
    assert props.author == f"Зорко — {req.servant.organisation.name}" and props.title == f"Запрос уточнения сведений № {req.pk} — Сидоров Пётр Ильич"


def test_prepared_letter_gives_the_term_it_will_get(family, make_servant):
    today = date(2026, 12, 5)
    text, _ = text_of(write_letter(family.request, today=today))
    assert f"не позднее {today + timedelta(days=30):%d.%m.%Y}" in text


def test_letter_to_a_woman(store, make_servant):
    from tests.clarifications.scenario import build_registry
    from zorko.findings.models import ClarificationRequest
    from zorko.findings.service import run_screening
    from zorko.people.models import Relative

    me = make_servant("Кузнецова", "Ольга", "Сергеевна")
    Relative.objects.create(servant=me, kinship="mother", last_name="Иванова", first_name="Елена",
                            middle_name="Александровна")
    with store.write() as reg:
        build_registry(reg)
    run_screening("all")
    text, _ = text_of(write_letter(ClarificationRequest.objects.get(servant=me)))
    assert "Кузнецовой Ольге Сергеевне" in text and "Уважаемая Ольга Сергеевна!" in text


def test_letter_about_the_servant_himself(store, make_servant):
    from zorko.findings.models import ClarificationRequest
    from zorko.findings.service import run_screening

    me = make_servant("Иванов", "Александр", "Сергеевич")
    with store.write() as reg:
        for i in range(4):
            company = reg.company(f"Фирма {i}")
            reg.role(company, "director", "Иванов", "Александр", "Сергеевич", inn=f"42000000{i:04d}")
    run_screening("all")
    request = ClarificationRequest.objects.get(servant=me, relative__isnull=True)
    text, _ = text_of(write_letter(request))
    assert "Иванову Александру Сергеевичу" in text and "Уважаемый Александр Сергеевич!" in text
    assert "совпадают с Вашими" in text and "Являетесь ли Вы кем-либо из указанных лиц?" in text
    assert all(f"42000000{i:04d}" in text for i in range(4))


def test_letter_signature_is_kept_with_the_text(family) -> None:
    from tests.signed_documents import assert_signature_kept

    assert_signature_kept(write_letter(family.request, "Петрова О. В."), "Ответственный за профилактику")
