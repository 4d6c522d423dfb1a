"""The finding page: the summary first, one probability, weights collapsed, hints, ИНН conflicts, judgements."""

from __future__ import annotations

import re

import pytest

from tests.clarifications.scenario import screened_family
from tests.findings.conftest import store  # noqa: F401  (the fixture, shared)
from zorko.audit.models import AuditEvent
from zorko.findings.models import Finding, IdentityJudgement
from zorko.findings.service import run_screening
from zorko.people.models import Relative

pytestmark = pytest.mark.django_db
ORG = "4205000007"


@pytest.fixture
def family(store, make_servant):  # noqa: F811
    return screened_family(store, make_servant)


def test_page_leads_with_the_summary_and_one_probability(family, client_as):
    html = client_as("viewer").get(f"/findings/{family.finding.pk}/").content.decode()
    summary = family.finding.evidence["summary"]
    assert summary.startswith("Директор ООО «Ромашка» Петрова Анна Сергеевна — вероятно, сестра служащего")
    assert html.index(summary) < html.index("Значимость")
    [probability] = re.findall(r'id="finding-probability">(.*?)</p>', html)
    assert re.search(r"<strong>(почти наверняка|высокая) \(\d,\d\d\)</strong>", probability)
    assert "(оценка" not in html and "оценка совпадения" not in html  # one number, not three
    details = html[html.index("<details"):html.index("</details>")]
    assert "<details " in html and " open" not in details.split(">")[0]
    assert "+6,5" in details and "фамилия «петрова» совпадает" in details
    assert "Это подсказка" not in html
    assert "Это то же лицо" not in html  # a viewer decides nothing


def test_judgement_other_person_dismisses_the_finding_citing_it(family, client_as, make_user):
    client = client_as("inspector")
    url = f"/findings/{family.finding.pk}/"
    html = client.post(url + "judge/", {"same": "0", "reason": ""}, follow=True).content.decode()
    assert "Укажите основание решения" in html and not IdentityJudgement.objects.exists()
    hostile = "<script>alert(1)</script>=HYPERLINK(\"x\")" + " длинно" * 500
    html = client.post(url + "judge/", {"same": "0", "reason": hostile[:3990]}, follow=True).content.decode()
    family.finding.refresh_from_db()
    assert family.finding.status == "dismissed"
    judgement = IdentityJudgement.objects.get()
    assert judgement.same is False and judgement.relative == family.sister
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "это другое лицо" in family.finding.decisions.last().reason
    assert AuditEvent.objects.filter(action="judgement.record").exists()
    # A later screening keeps the namesake silent.
    run_screening("all")
    family.finding.refresh_from_db()
    assert family.finding.status == "dismissed"


def test_judgement_is_revoked_with_a_reason(family, client_as):
    client = client_as("inspector")
    url = f"/findings/{family.finding.pk}/"
    client.post(url + "judge/", {"same": "1", "reason": "Сестра подтвердила"})
    judgement = IdentityJudgement.objects.get()
    html = client.post(f"/judgements/{judgement.pk}/revoke/", {"reason": "", "finding": family.finding.pk},
                       follow=True).content.decode()
    assert "Укажите причину отмены" in html
    html = client.post(f"/judgements/{judgement.pk}/revoke/", {"reason": "<b>ошибка</b>",
                                                               "finding": family.finding.pk},
                       follow=True).content.decode()
    judgement.refresh_from_db()
    assert judgement.revoked_at is not None and judgement.revoke_reason == "<b>ошибка</b>"
    assert "отменено" in html and "&lt;b&gt;ошибка&lt;/b&gt;" in html
    assert AuditEvent.objects.filter(action="judgement.revoke").exists()
    assert client_as("viewer").post(f"/judgements/{judgement.pk}/revoke/", {"reason": "x"}).status_code == 403


def test_viewer_cannot_judge(family, client_as):
    response = client_as("viewer").post(f"/findings/{family.finding.pk}/judge/", {"same": "0", "reason": "x"})
    assert response.status_code == 403 and not IdentityJudgement.objects.exists()


def test_hidden_relative_hint_says_it_is_a_hint(store, make_servant, client_as):  # noqa: F811
    me = make_servant("Волков", "Андрей", "Игоревич")
    with store.write() as reg:
        supplier = reg.company("Сестрина")
        reg.role(supplier, "director", "Волкова", "Елена", "Игоревна")
        reg.contract(ORG, supplier)
    run_screening("all")
    finding = Finding.objects.get(servant=me, rule="hidden_relative")
    client = client_as("inspector")
    html = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "Это подсказка, а не совпадение" in html and "Это родственник служащего" in html
    client.post(f"/findings/{finding.pk}/judge/", {"same": "0", "reason": "Однофамилица"})
    judgement = IdentityJudgement.objects.get()
    assert judgement.kinship_hint and judgement.relative is None
    finding.refresh_from_db()
    assert finding.status == "dismissed"


def test_inn_conflict_shows_both_records(store, make_servant, client_as):  # noqa: F811
    me = make_servant("Сидоров", "Пётр", "Ильич", inn="420512345675")
    Relative.objects.create(servant=me, kinship="sister", last_name="Петрова", first_name="Анна",
                            middle_name="Сергеевна")
    with store.write() as reg:
        reg.entrepreneur("Кузнецов", "Олег", "Борисович", inn="420512345675")
    run_screening("all")
    finding = Finding.objects.get(servant=me, rule="inn_conflict")
    html = client_as("viewer").get(f"/findings/{finding.pk}/").content.decode()
    table = html[html.index('id="finding-conflict"'):html.index("</table>", html.index('id="finding-conflict"'))]
    assert "Сидоров Пётр Ильич" in table and "Кузнецов Олег Борисович" in table
    assert table.count("420512345675") == 2
    assert "ИНН из анкеты совпадает с ИНН лица в реестре с другими ФИО" in html  # the rule in Russian


def test_hostile_registry_names_are_shown_as_text(store, make_servant, client_as):  # noqa: F811
    me = make_servant("Волков", "Андрей", "Игоревич")
    Relative.objects.create(servant=me, kinship="sister", last_name="Петрова", first_name="Анна",
                            middle_name="Сергеевна")
    with store.write() as reg:
        supplier = reg.company("<script>alert(1)</script>")
        reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна")
        reg.contract(ORG, supplier)
    run_screening("all")
    finding = Finding.objects.get(servant=me, rule="relative_supplier")
    assert "<script>alert(1)</script>" in finding.evidence["summary"]
    html = client_as("viewer").get(f"/findings/{finding.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_judgement_needs_a_registry_person(make_servant, client_as):
    from tests.findings.scenario import make_family, make_finding

    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)  # evidence of an earlier release: no registry person
    client = client_as("inspector")
    assert "Решение о лице в реестре" not in client.get(f"/findings/{finding.pk}/").content.decode()
    html = client.post(f"/findings/{finding.pk}/judge/", {"same": "0", "reason": "x"}, follow=True).content.decode()
    assert "Не указано лицо в реестре" in html and not IdentityJudgement.objects.exists()


def test_finding_links_the_request_about_the_same_relative(family, client_as):
    from tests.findings.scenario import make_finding

    evidence = dict(family.finding.evidence, registry_person={"key": "inn:420000000009", "full_name": "Иванова",
                                                              "inn": "420000000009", "region": "42"})
    about_mother = make_finding(family.servant, relative=family.mother, evidence=evidence)
    client = client_as("viewer")
    html = client.get(f"/findings/{about_mother.pk}/").content.decode()
    assert (f'об этом родственнике: <a href="/clarifications/{family.request.pk}/">№ {family.request.pk}</a>, '
            "подготовлен") in html
    assert "/clarifications/" not in client.get(f"/findings/{family.finding.pk}/").content.decode().split(
        "Решение о лице в реестре")[1].split("Рассмотрение")[0]
