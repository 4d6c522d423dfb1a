"""Pages of the journals: the list (overdue first), registration, an entry with its review, the XLSX export."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.exceptions import ValidationError
from zorko.journals import attachments, rules
from zorko.journals import services as svc
from zorko.journals.access import can_use_kind, visible_kinds
from zorko.journals.export import export_journal
from zorko.journals.models import Attachment, JournalEntry, Kind
from zorko.journals.queries import EntryFilter, select_entries
from zorko.web.access import requires
from zorko.web.form_actions import cleaned_or_error
from zorko.web.journals.forms import (
    AttachForm,
    CloseForm,
    ConclusionForm,
    ExtendForm,
    FilterForm,
    entry_form_class,
)

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _entry(request: HttpRequest, entry_id: int) -> JournalEntry:
    entry = get_object_or_404(JournalEntry.objects.select_related("servant", "organisation", "responsible"),
                              pk=entry_id)
    if not can_use_kind(request.user, entry.kind):
        raise Http404("Запись не найдена")  # the inducement journal does not betray its entries
    return entry


@requires("journals.view")
def entry_list(request: HttpRequest) -> HttpResponse:
    kinds = visible_kinds(request.user)
    form = FilterForm(request.GET, kinds)
    f = form.to_filter()
    entries = select_entries(request.user, f)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = {e.kind for e in page}
    if Kind.INDUCEMENT in shown:
        record(request.user, "journal.list", object_type="journals.journalentry", object_repr=Kind.INDUCEMENT.label,
               ip=client_ip(request), ids=[e.pk for e in page if e.kind == Kind.INDUCEMENT])
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "journals/list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "kinds": [(k, Kind(k).label) for k in kinds], "export_kind": f.kind,
    })


@requires("journals.edit")
def entry_new(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in Kind.values or not can_use_kind(request.user, kind):
        raise Http404("Нет такого журнала")
    form_class = entry_form_class(kind)
    form = form_class(request.POST or None, initial={"received_on": date.today(), "registered_on": date.today(),
                                                     "responsible": request.user.pk})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        servant, received_on, content = data.pop("servant"), data.pop("received_on"), data.pop("content")
        entry = svc.register_entry(kind, servant, received_on, content, request.user,
                                   registered_on=data.pop("registered_on") or None, **data)
        messages.success(request, f"Уведомление зарегистрировано под № {entry.reg_number}")
        if entry.employer_name or entry.employer_inn:
            messages.info(request, "Проверка работодателя: " + svc.check_entry_employer(entry, request.user))
        return redirect("journal-entry", entry.pk)
    return render(request, "journals/form.html", {"form": form, "title": Kind(kind).label, "kind": kind})


@requires("journals.edit")
def entry_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry(request, entry_id)
    form = entry_form_class(entry.kind)(request.POST or None, instance=JournalEntry.objects.get(pk=entry.pk))
    del form.fields["servant"]
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not (k == "registered_on" and v is None)}
        svc.update_entry(entry, request.user, **data)
        messages.success(request, "Изменения сохранены")
        return redirect("journal-entry", entry.pk)
    return render(request, "journals/form.html", {"form": form, "title": f"Запись № {entry.reg_number}",
                                                  "kind": entry.kind, "entry": entry})


@requires("journals.view")
def entry_detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry(request, entry_id)
    record(request.user, "journal.view", entry, ip=client_ip(request), kind=entry.kind)
    context: dict[str, Any] = {
        "entry": entry, "events": entry.events.all(), "files": entry.attachments.all(),
        "cases": entry.commission_cases.all(), "overdue": entry.is_open and entry.due and entry.due < date.today(),
        "extend_form": ExtendForm(initial={"until": rules.max_extension(entry)}),
        "conclusion_form": ConclusionForm(initial={"conclusion": entry.conclusion}),
        "close_form": CloseForm(initial={"decided_on": date.today()}), "attach_form": AttachForm(),
        "max_extension": rules.max_extension(entry), "handover": rules.needs_handover(entry),
        "threshold": rules.policy().gift_threshold, "can_edit": can(request.user, "journals.edit"),
    }
    if entry.kind == Kind.EMPLOYER_MESSAGE:
        context["former"] = rules.former_servant_check(entry)
        context["former_findings"] = entry.servant.findings.filter(rule="former_servant") if can(
            request.user, "findings.view") else []
    return render(request, "journals/detail.html", context)


@require_POST
@requires("journals.edit")
def entry_action(request: HttpRequest, entry_id: int, action: str) -> HttpResponse:
    entry = _entry(request, entry_id)
    if action == "review":
        svc.start_review(entry, request.user)
    elif action == "extend":
        data = cleaned_or_error(ExtendForm(request.POST))
        svc.extend_review(entry, data["until"], data["reason"], request.user)
    elif action == "conclude":
        svc.conclude(entry, cleaned_or_error(ConclusionForm(request.POST))["conclusion"], request.user)
    elif action == "close":
        data = cleaned_or_error(CloseForm(request.POST))
        svc.close_entry(entry, data["decision"], data["decided_on"], request.user)
    elif action == "check":
        messages.info(request, "Проверка работодателя: " + svc.check_entry_employer(entry, request.user))
    elif action == "refer":
        from zorko.commission.cases import open_from_entry

        case = open_from_entry(entry, request.user)
        messages.success(request, f"Открыто дело комиссии {case.label}")
        return redirect("commission-case", case.pk)
    elif action == "attach":
        upload = request.FILES.get("file")
        if upload is None:
            raise ValidationError("Выберите файл")
        if upload.size and upload.size > attachments.max_bytes():
            raise ValidationError(f"Файл «{upload.name}» больше {attachments.max_bytes() // (1024 * 1024)} МБ")
        attachments.attach(entry, upload.name or "", upload.read(), request.user)
    else:
        raise Http404("Нет такого действия")
    return redirect("journal-entry", entry.pk)


@requires("journals.view")
def attachment_download(request: HttpRequest, entry_id: int, attachment_id: int) -> HttpResponse:
    entry = _entry(request, entry_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, entry=entry)
    record(request.user, "export", entry, ip=client_ip(request), file=attachment.name)
    response = HttpResponse(attachments.read(attachment), content_type=attachment.content_type)
    response["Content-Disposition"] = f"attachment; filename=\"file{attachment.pk}.{attachment.stored_as.rsplit('.', 1)[-1]}\""
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires("journals.view")
def journal_export(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in Kind.values or not can_use_kind(request.user, kind):
        raise Http404("Нет такого журнала")
    form = FilterForm(request.GET, visible_kinds(request.user))
    f = form.to_filter()
    entries = select_entries(request.user, EntryFilter(kind=kind, status=f.status, organisation_id=f.organisation_id))
    data = export_journal(kind, entries)
    record(request.user, "journal.export", object_type="journals.journalentry", object_repr=Kind(kind).label,
           ip=client_ip(request), kind=kind)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="journal_{kind}_{date.today():%Y%m%d}.xlsx"'
    return response
