"""Findings pages: list, evidence, review via the web, screening launch, graph and its export."""

from __future__ import annotations

import io
import json

from openpyxl import load_workbook

from zorko.audit.models import AuditEvent
from zorko.findings.models import Finding
from zorko.people.models import Organisation
from zorko.tasks.models import Job

from .scenario import CONTRACT, SUPPLIER_OGRN, make_family, make_finding, supplier_evidence


def test_list_sorted_by_severity_then_score_and_filtered(client_as, make_servant):
    servant, wife = make_family(make_servant)
    other = make_servant("Петрова", "Анна", "Сергеевна")
    low = make_finding(other, rule="own_founder", severity="low", score=0.99,
                       evidence={"subject": {"kind": "company", "ogrn": "1", "name": "ООО «МАЛОЕ»"}})
    high = make_finding(servant, relative=wife, severity="high", score=0.7)
    medium = make_finding(other, rule="own_director", severity="medium", score=0.9,
                          evidence={"subject": {"kind": "company", "ogrn": "2", "name": "ООО «СРЕДНЕЕ»"}})
    client = client_as("viewer")
    html = client.get("/findings/").content.decode()
    rows = [html.index(f'data-finding="{f.pk}"') for f in (high, medium, low)]
    assert rows == sorted(rows)
    only_low = client.get("/findings/?severity=low").content.decode()
    assert "ООО «МАЛОЕ»" in only_low and "ООО «СТРОЙРЕСУРС»" not in only_low
    by_rule = client.get("/findings/?rule=relative_supplier").content.decode()
    assert "ООО «СТРОЙРЕСУРС»" in by_rule and "ООО «СРЕДНЕЕ»" not in by_rule
    elsewhere = Organisation.objects.create(name="Управление образования", inn="4205111110")
    assert "Срабатываний нет" in client.get(f"/findings/?organisation={elsewhere.pk}").content.decode()


def test_detail_shows_evidence_signal_by_signal_and_is_audited(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    html = client_as("viewer").get(f"/findings/{finding.pk}/").content.decode()
    for text in ("Иванов Иван Иванович", "супруга: Иванова Мария Петровна", SUPPLIER_OGRN, CONTRACT,
                 "14.03.2026", "1 250 000,00 руб.", "ИНН совпадает: 420512345678", "регион совпадает: 42",
                 "учредитель (участник)", "ИВАНОВА", "подтверждено ИНН", "Ремонт кровли"):
        assert text in html
    assert "Взять на рассмотрение" not in html  # a viewer gets no review buttons
    assert AuditEvent.objects.filter(action="person.view", object_id=str(servant.pk)).exists()


def test_review_transitions_through_the_web(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    client = client_as("inspector")
    url = f"/findings/{finding.pk}/review/"
    client.post(url, {"to_status": "in_review"})
    client.post(url, {"to_status": "confirmed", "reason": "Подтверждено выпиской ЕГРЮЛ"})
    client.post(url, {"to_status": "referred"})
    finding.refresh_from_db()
    assert finding.status == Finding.Status.REFERRED
    assert [d.to_status for d in finding.decisions.all()] == ["in_review", "confirmed", "referred"]
    page = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "Подтверждено выпиской ЕГРЮЛ" in page and "передано в комиссию" in page
    assert AuditEvent.objects.filter(action="finding.review", object_id=str(finding.pk)).count() == 3


def test_dismiss_requires_a_reason(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    client = client_as("inspector")
    response = client.post(f"/findings/{finding.pk}/review/", {"to_status": "dismissed", "reason": "  "},
                           follow=True)
    assert "укажите основание" in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == Finding.Status.NEW
    client.post(f"/findings/{finding.pk}/review/", {"to_status": "dismissed", "reason": "Однофамилица"})
    finding.refresh_from_db()
    assert finding.status == Finding.Status.DISMISSED
    assert finding.decisions.get().reason == "Однофамилица"


def test_viewer_cannot_review(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    response = client_as("viewer").post(f"/findings/{finding.pk}/review/", {"to_status": "confirmed"})
    assert response.status_code == 403
    finding.refresh_from_db()
    assert finding.status == Finding.Status.NEW and not finding.decisions.exists()


def test_screening_buttons_enqueue_the_job_and_show_progress(client_as, make_servant, organisation):
    servant, _ = make_family(make_servant)
    client = client_as("inspector")
    for data, scope, value in (({"scope": "all"}, "all", ""),
                               ({"scope": "organisation", "organisation": organisation.pk}, "organisation",
                                organisation.inn),
                               ({"scope": "person", "servant": servant.pk}, "person", servant.personnel_number)):
        response = client.post("/screening/start/", data)
        job = Job.objects.order_by("-pk").first()
        assert job.kind == "screening.run" and job.created_by is not None
        assert job.params == {"scope": scope, "value": value, "user_id": job.created_by.pk}
        assert response.status_code == 302 and response["Location"] == f"/tasks/{job.pk}/"
    assert AuditEvent.objects.filter(action="screening.run").count() == 3
    assert f"<h1>Задача № {job.pk}: проверка по реестрам</h1>" in client.get(f"/tasks/{job.pk}/").content.decode()
    no_inn = Organisation.objects.create(name="Дом культуры")
    page = client.post("/screening/start/", {"scope": "organisation", "organisation": no_inn.pk}, follow=True)
    assert "не указан ИНН" in page.content.decode()
    assert client_as("viewer").post("/screening/start/", {"scope": "all"}).status_code == 403
    assert Job.objects.count() == 3


def test_graph_json_contains_the_evidence_path(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    client = client_as("viewer")
    graph = client.get(f"/people/{servant.pk}/graph.json?finding={finding.pk}").json()
    ids = {n["id"] for n in graph["nodes"]}
    path = finding.evidence["graph_path"]
    assert set(path) <= ids
    assert {n["id"] for n in graph["nodes"] if n["highlighted"]} == set(path)
    hot = {(e["source"], e["target"]) for e in graph["edges"] if e["highlighted"]}
    assert (f"servant:s:{servant.pk}", f"relative:r:{wife.pk}") in hot
    labels = {n["label"] for n in graph["nodes"]}
    assert {"Иванов Иван Иванович", "Иванова Мария Петровна", "ООО «СТРОЙРЕСУРС»"} <= labels
    plain = client.get(f"/people/{servant.pk}/graph.json").json()
    assert not any(n["highlighted"] for n in plain["nodes"])


def test_servant_card_has_findings_graph_and_report_links(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife)
    for url in (f"/people/{servant.pk}/", f"/people/{servant.pk}/findings/"):
        html = client_as("inspector").get(url).content.decode()
        assert 'id="link-graph"' in html and "/static/vendor/cytoscape.min.js" in html
        assert f"/people/{servant.pk}/report.pdf" in html and "Запустить проверку" in html
        assert f'data-finding="{finding.pk}"' in html
    viewer_card = client_as("viewer").get(f"/people/{servant.pk}/").content.decode()
    assert 'id="link-graph"' in viewer_card and "Запустить проверку" not in viewer_card
    old = make_finding(servant, rule="own_director", score=0.3, active=False,
                       evidence={"subject": {"kind": "company", "ogrn": "1024200000006", "name": "ООО «ЗАКРЫТОЕ»"}})
    card = client_as("viewer").get(f"/people/{servant.pk}/").content.decode()
    history = card[card.index("findings-history"):]
    assert "ООО «ЗАКРЫТОЕ»" in history and f"/findings/{old.pk}/" in history
    assert f'data-finding="{old.pk}"' not in card  # not among the current findings nor on the graph
    hr_card = client_as("hr").get(f"/people/{servant.pk}/").content.decode()
    assert servant.full_name in hr_card and 'id="link-graph"' not in hr_card


def test_graph_export_as_followthemoney_is_audited(client_as, make_servant):
    servant, wife = make_family(make_servant)
    make_finding(servant, relative=wife)
    response = client_as("viewer").get(f"/people/{servant.pk}/graph.ftm.json")
    entities = [json.loads(line) for line in response.content.decode().splitlines()]
    by_schema: dict[str, list[dict]] = {}
    for entity in entities:
        by_schema.setdefault(entity["schema"], []).append(entity)
    names = {n for e in by_schema["Person"] for n in e["properties"]["name"]}
    assert {"Иванов Иван Иванович", "Иванова Мария Петровна"} <= names
    assert by_schema["Company"][0]["properties"]["name"] == ["ООО «СТРОЙРЕСУРС»"]
    assert by_schema["Family"][0]["properties"]["relationship"] == ["супруга"]
    assert by_schema["Ownership"][0]["properties"]["asset"] == [by_schema["Company"][0]["id"]]
    assert by_schema["Contract"][0]["properties"]["amount"] == ["1250000.00"]
    assert AuditEvent.objects.filter(action="export", details__format="ftm").exists()


def test_filtered_list_downloads_as_xlsx_and_json_audited(client_as, make_servant):
    servant, wife = make_family(make_servant)
    make_finding(servant, relative=wife)
    make_finding(make_servant("Петрова", "Анна", "Сергеевна"), rule="own_founder", severity="low", score=0.4,
                 evidence={"subject": {"kind": "company", "ogrn": "1024200000006", "name": "ООО «МАЛОЕ»"}})
    client = client_as("viewer")
    rows = client.get("/findings/export.json?severity=high").json()
    assert [(r["rule"], r["subject"]["name"]) for r in rows] == [("relative_supplier", "ООО «СТРОЙРЕСУРС»")]
    assert rows[0]["contracts"][0]["reg_num"] == CONTRACT
    response = client.get("/findings/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[11] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == ["ООО «МАЛОЕ»", "ООО «СТРОЙРЕСУРС»"]
    assert AuditEvent.objects.filter(action="export", details__format="xlsx", user__isnull=False).exists()


def test_browser_libraries_are_served_by_zorko(client):
    """cytoscape and Chart.js come from npm at install time and are served locally, not from a CDN."""
    for path, marker in (("/static/vendor/cytoscape.min.js", b"cytoscape"),
                         ("/static/vendor/chart.umd.min.js", b"Chart")):
        response = client.get(path)
        assert response.status_code == 200
        assert marker in b"".join(response.streaming_content)[:200000]


def test_list_links_the_servant_card_and_the_registry_card(client_as, make_servant):
    servant, wife = make_family(make_servant)
    make_finding(servant, relative=wife)
    ip = make_finding(servant, rule="own_entrepreneur", evidence={
        "subject": {"kind": "entrepreneur", "ogrn": "304420512300011", "name": "ИП ИВАНОВ ИВАН ИВАНОВИЧ"}})
    html = client_as("viewer").get("/findings/").content.decode()
    assert f'<a href="/people/{servant.pk}/">Иванов Иван Иванович</a>' in html
    assert f'<a href="/registry/company/{SUPPLIER_OGRN}/">ООО «СТРОЙРЕСУРС»</a>' in html
    assert f'<a href="/registry/entrepreneur/{ip.subject_ogrn}/">ИП ИВАНОВ ИВАН ИВАНОВИЧ</a>' in html


def test_detail_names_the_customer_and_reads_the_path_in_words(client_as, make_servant):
    servant, wife = make_family(make_servant)
    evidence = supplier_evidence(servant, wife)
    del evidence["organisation"]  # older evidence: the customer comes from the servant's organisation
    evidence["contracts"].append({"reg_num": "3540500000126000001", "sign_date": "2026-04-01", "price": "10",
                                  "customer_inn": "5405000010", "subject": "Чужой заказчик"})
    evidence["contracts"][0]["customer_inn"] = servant.organisation.inn
    finding = make_finding(servant, relative=wife, evidence=evidence)
    html = client_as("viewer").get(f"/findings/{finding.pk}/").content.decode()
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")
    assert f"<td>{servant.organisation.name}</td>" in rows[1]
    assert f"<td>{servant.organisation.name}</td>" not in rows[2]
    path = html.split('class="path">')[1].split("</p>")[0]
    assert "servant:" not in path and "relative:" not in path
    assert path.split(" → ") == [
        "Иванов Иван Иванович (служащий)", "Иванова Мария Петровна (супруга)",
        f"ООО «СТРОЙРЕСУРС», ОГРН {SUPPLIER_OGRN}", f"контракт № {CONTRACT}", str(servant.organisation)]
    assert "с даты</th><td>02.04.2019" in html


def test_pages_are_russian_whatever_the_browser_language(client_as, make_servant):
    servant, wife = make_family(make_servant)
    finding = make_finding(servant, relative=wife, score=0.956,
                           explanation="Контракты с организацией служащего: 2 на сумму 2 302 816.53 руб.")
    client = client_as("viewer")
    html = client.get(f"/findings/{finding.pk}/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "(оценка 0,96)" in html and "0.96" not in html
    assert "1\xa0250\xa0000,00\xa0руб." in html  # non-breaking: an amount never wraps
    assert "на сумму 2 302 816,53 руб." in html  # the amount in the engine's text reads the Russian way too
    listing = client.get("/findings/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<td>0,96</td>" in listing


def test_shared_address_finding_reads_in_words(client_as, make_servant):
    servant, _ = make_family(make_servant)
    address = "650000, КЕМЕРОВСКАЯ ОБЛАСТЬ, Г КЕМЕРОВО, УЛ ВЕСЕННЯЯ, Д. 5"
    evidence = {
        "person": {"key": f"s:{servant.pk}", "full_name": servant.full_name},
        "address": {"questionnaire": address, "registry": address, "key": "кемерово весенняя 5"},
        "subject": {"kind": "company", "ogrn": SUPPLIER_OGRN, "name": "ООО «СТРОЙРЕСУРС»"},
        "match": {"score": 0.85, "confidence": "address", "explanation": []},
        "contracts": [{"reg_num": CONTRACT, "sign_date": "2026-03-14", "price": "100.00", "subject": "Кровля"}],
        "graph_path": [f"servant:s:{servant.pk}", "address:кемерово весенняя 5", f"company:{SUPPLIER_OGRN}",
                       f"contract:{CONTRACT}", f"organisation:{servant.organisation.inn}"],
    }
    finding = make_finding(servant, rule="shared_address", evidence=evidence)
    html = client_as("viewer").get(f"/findings/{finding.pk}/").content.decode()
    assert "(совпадение адреса)" in html and "(address)" not in html
    assert f"Иванов Иван Иванович (служащий) → адрес: {address} → ООО «СТРОЙРЕСУРС»" in html
