"""A request about undeclared relatives: one question listing the suppliers' people with his surname and
patronymic; the letter asks about kinship; the answer records kinship judgements."""

from __future__ import annotations

import io

import pytest
from docx import Document

from zorko.findings.models import ClarificationRequest, IdentityJudgement
from zorko.findings.service import run_screening
from zorko.reports.clarification_letter import write_letter

pytestmark = pytest.mark.django_db
ORG = "4205000007"


@pytest.fixture
def hidden_request(store, make_servant):
    me = make_servant("Иванов", "Андрей", "Сергеевич")
    with store.write() as reg:
        filler = reg.company("Фон")
        # Иванов and Сергеевна are frequent: a shared surname and patronymic is a weak hint, asked, not raised.
        reg.con.execute("""
            INSERT INTO person_roles (subject_kind, subject_ogrn, role, last_name, first_name, middle_name, region)
            SELECT 'company', ?, 'founder', CASE WHEN i % 2 = 0 THEN 'Иванов' ELSE 'Фамилия' || i END, 'Имя',
                   CASE WHEN i % 3 = 0 THEN 'Сергеевна' ELSE 'Отчество' || i END, '42'
            FROM range(12000) t(i)""", [filler["ogrn"]])
        supplier = reg.company("Сестрина")
        reg.role(supplier, "director", "Иванова", "Елена", "Сергеевна")
        reg.contract(ORG, supplier)
    run_screening("all")
    return ClarificationRequest.objects.get(servant=me, kind="hidden_relative")


def test_hidden_request_page_letter_and_answer(hidden_request, client_as):
    client = client_as("inspector")
    html = client.get(f"/clarifications/{hidden_request.pk}/").content.decode()
    assert "возможные родственники, не указанные в анкете" in html and "сам служащий" in html
    assert "Иванова Елена Сергеевна" in html and "ООО «Сестрина»" in html
    text = "\n".join(p.text for p in Document(io.BytesIO(write_letter(hidden_request))).paragraphs)
    assert "Иванову Андрею Сергеевичу" in text and "с той же фамилией и тем же отчеством" in text
    assert "Является ли каждое из указанных лиц Вашим родственником или свойственником?" in text
    client.post(f"/clarifications/{hidden_request.pk}/answer/", {"person_0": "no", "answer": "Не родственница"})
    judgement = IdentityJudgement.objects.get()
    assert judgement.kinship_hint and not judgement.same and judgement.relative is None
    hidden_request.refresh_from_db()
    assert hidden_request.status == "answered"


def test_judgement_is_revoked_from_the_card(hidden_request, client_as):
    client = client_as("inspector")
    client.post(f"/clarifications/{hidden_request.pk}/answer/", {"person_0": "yes", "answer": "Сестра"})
    judgement = IdentityJudgement.objects.get()
    servant = hidden_request.servant
    card = client.get(f"/people/{servant.pk}/").content.decode()
    assert "это родственник служащего" in card and "Отменить решение" in card
    response = client.post(f"/judgements/{judgement.pk}/revoke/", {"reason": "Ошибочный ответ"})
    assert response.status_code == 302 and response["Location"] == f"/people/{servant.pk}/"
    judgement.refresh_from_db()
    assert judgement.revoke_reason == "Ошибочный ответ"
