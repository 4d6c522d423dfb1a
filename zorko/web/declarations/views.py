"""Declarations pages. Thin: the work is done by ``zorko.declarations`` services and the job queue."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.declarations.campaign import build, not_filed_by
from zorko.declarations.campaign_export import campaign_xlsx
from zorko.declarations.manual import enter_declaration
from zorko.declarations.models import Declaration
from zorko.declarations.publication import publication_docx, publication_xlsx
from zorko.declarations.records import SECTION_NAMES, Member, Section
from zorko.declarations.reminders import file_name, letter_docx, letters_zip
from zorko.declarations.rule_names import PREFIX, rule_name
from zorko.findings.models import Finding
from zorko.people.models import Servant
from zorko.tasks import queue
from zorko.web import uploads
from zorko.web.access import requires
from zorko.web.declarations.display import section_table
from zorko.web.declarations.forms import (
    CampaignFilterForm,
    DeclarationForm,
    ImportForm,
    ItemFormSet,
    PublicationForm,
    RemindersForm,
    default_year,
)

MEMBER_ORDER = [m.value for m in Member]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def _campaign_from(request: HttpRequest) -> tuple[CampaignFilterForm, Any]:
    form = CampaignFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or default_year()
    org = data.get("organisation")
    campaign = build(year, timezone.localdate(), organisation_id=org.pk if org else None,
                     category=data.get("category") or None, status=data.get("status") or None)
    return form, campaign


@requires("declarations.view")
def campaign_page(request: HttpRequest) -> HttpResponse:
    form, campaign = _campaign_from(request)
    latest = dict(Declaration.objects.filter(year=campaign.year, member="declarant", superseded_by__isnull=True)
                  .values_list("servant_id", "pk"))
    for row in campaign.rows:
        row.declaration_id = latest.get(row.servant.pk)
    return render(request, "declarations/campaign.html", {
        "form": form, "campaign": campaign, "query": request.GET.urlencode(),
        "reminders": RemindersForm(initial={"year": campaign.year, "as_of": timezone.localdate()}),
        "publication": PublicationForm(initial={"year": campaign.year}),
    })


@requires("declarations.view")
def campaign_export(request: HttpRequest) -> HttpResponse:
    _form, campaign = _campaign_from(request)
    record(request.user, "export", object_type="declarations.campaign", ip=client_ip(request),
           object_repr=f"кампания по справкам за {campaign.year} год", year=campaign.year, rows=len(campaign.rows))
    return _download(campaign_xlsx(campaign), XLSX, f"справки-{campaign.year}.xlsx")


@requires("declarations.edit")
def import_page(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "declarations/import.html", {"form": form}, status=400 if form.errors else 200)
    files = form.cleaned_data["files"]
    token, stored = uploads.store({f"file{i}": f for i, f in enumerate(files)})
    job = queue.enqueue("declarations.import", {
        "token": token, "files": [{"path": stored[f"file{i}"], "name": f.name} for i, f in enumerate(files)],
        "year": form.cleaned_data.get("year"), "user_id": request.user.pk, "ip": client_ip(request)},
        user=request.user)
    return redirect("job-status", job_id=job.pk)


@requires("declarations.edit")
def new_declaration(request: HttpRequest) -> HttpResponse:
    initial = {"year": default_year(), "filed_on": timezone.localdate(), "member": "declarant"}
    if request.GET.get("servant"):
        initial["servant"] = request.GET["servant"]
    form = DeclarationForm(request.POST or None, initial=initial)
    items = ItemFormSet(request.POST or None, prefix="items")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        data = form.cleaned_data
        row = enter_declaration(data["servant"], data["year"], data["member"], data["filed_on"],
                                [f.cleaned_data for f in items if f.cleaned_data], correction=data["correction"],
                                person=data, user=request.user, ip=client_ip(request))
        return redirect("declaration-detail", declaration_id=row.pk)
    return render(request, "declarations/form.html", {"form": form, "items": items},
                  status=400 if request.method == "POST" else 200)


@requires("declarations.view")
def declaration_detail(request: HttpRequest, declaration_id: int) -> HttpResponse:
    decl = get_object_or_404(Declaration.objects.select_related("servant", "servant__organisation",
                                                                "superseded_by"), pk=declaration_id)
    record(request.user, "declarations.view", decl, ip=client_ip(request))
    items = list(decl.items.all())
    sections = [(SECTION_NAMES[s], section_table(s, [i for i in items if i.section == s.value])) for s in Section]
    history = Declaration.objects.filter(servant=decl.servant, year=decl.year, member=decl.member,
                                         last_name=decl.last_name, first_name=decl.first_name).order_by("pk")
    findings = []
    if can(request.user, "findings.view"):
        findings = [(f, rule_name(f.rule)) for f in Finding.objects.filter(
            servant=decl.servant, rule__startswith=PREFIX, evidence__year=decl.year, active=True)]
    return render(request, "declarations/detail.html", {
        "decl": decl, "sections": [s for s in sections if s[1].rows], "history": history, "findings": findings,
        "family": sorted(Declaration.objects.filter(servant=decl.servant, year=decl.year, superseded_by__isnull=True),
                         key=lambda d: (MEMBER_ORDER.index(d.member), d.last_name, d.first_name))})


@require_POST
@requires("declarations.analyse")
def analyse_start(request: HttpRequest) -> HttpResponse:
    form = CampaignFilterForm(request.POST)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or default_year()
    job = queue.enqueue("declarations.analyse", {"year": year, "user_id": request.user.pk,
                                                 "ip": client_ip(request)}, user=request.user)
    return redirect("job-status", job_id=job.pk)


def _reminder_targets(request: HttpRequest) -> tuple[RemindersForm, list[Servant]]:
    form = RemindersForm(request.GET or None)
    if not form.is_valid():
        return form, []
    org = form.cleaned_data.get("organisation")
    return form, not_filed_by(form.cleaned_data["year"], form.cleaned_data["as_of"], org.pk if org else None)


@requires("declarations.view")
def reminders_page(request: HttpRequest) -> HttpResponse:
    form, servants = _reminder_targets(request)
    return render(request, "declarations/reminders.html", {"form": form, "servants": servants,
                                                            "query": request.GET.urlencode()})


@requires("declarations.view")
def reminders_zip(request: HttpRequest) -> HttpResponse:
    form, servants = _reminder_targets(request)
    if not form.is_valid():
        return reminders_page(request)
    year, as_of = form.cleaned_data["year"], form.cleaned_data["as_of"]
    record(request.user, "export", object_type="declarations.reminders", ip=client_ip(request),
           object_repr=f"напоминания о справках за {year} год", year=year, letters=len(servants))
    return _download(letters_zip(servants, year, as_of, request.user.get_full_name()), "application/zip",
                     f"напоминания-{year}.zip")


@requires("declarations.view")
def reminder_docx(request: HttpRequest, servant_id: int) -> HttpResponse:
    servant = get_object_or_404(Servant.objects.select_related("organisation", "position"), pk=servant_id)
    form = RemindersForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() else default_year()
    as_of: date = form.cleaned_data["as_of"] if form.is_valid() else timezone.localdate()
    record(request.user, "export", servant, ip=client_ip(request), document="напоминание о справке", year=year)
    return _download(letter_docx(servant, year, as_of, request.user.get_full_name()), DOCX, file_name(servant))


@requires("declarations.view")
def publication(request: HttpRequest) -> HttpResponse:
    form = PublicationForm(request.GET or None)
    if not form.is_valid():
        return render(request, "declarations/publication.html", {"form": form}, status=400 if request.GET else 200)
    org, year, fmt = form.cleaned_data["organisation"], form.cleaned_data["year"], form.cleaned_data["format"]
    record(request.user, "export", org, ip=client_ip(request), document="сведения для сайта (Указ № 613)",
           year=year, format=fmt)
    name = f"сведения-о-доходах-{year}-{org.inn or org.pk}.{fmt}"
    if fmt == "xlsx":
        return _download(publication_xlsx(org, year), XLSX, name)
    return _download(publication_docx(org, year), DOCX, name)
