"""Pages of the commission: cases, meetings (attendance, quorum, decisions, documents), members, measures."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.commission import decisions, documents, measures, meetings
from zorko.commission.cases import ground_label, open_from_finding
from zorko.commission.models import AgendaItem, Case, Measure, Meeting, Member
from zorko.commission.quorum import check, members_on, rules
from zorko.commission.summary import year_summary
from zorko.exceptions import PermissionDenied, ValidationError
from zorko.web.access import requires
from zorko.web.commission import forms as f
from zorko.web.form_actions import cleaned_or_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires("commission.view")
def index(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {
        "cases": Case.objects.select_related("servant").exclude(status=Case.Status.DECIDED),
        "decided": Case.objects.select_related("servant").filter(status=Case.Status.DECIDED)[:50],
        "meetings": Meeting.objects.all()[:50], "rules": rules(),
        "has_open": Case.objects.filter(status=Case.Status.OPEN).exists(),
        "summary": year_summary(date.today().year),
        "overdue_extracts": AgendaItem.objects.filter(extract_sent_on__isnull=True, extract_due__lt=date.today())
        .select_related("case", "case__servant", "meeting"),
    }
    if can(request.user, "findings.view") and can(request.user, "commission.manage"):
        context["finding_form"] = f.OpenFromFindingForm()
    if can(request.user, "commission.manage"):
        context["meeting_form"] = f.MeetingForm(initial={"date": date.today()})
    return render(request, "commission/index.html", context)


@require_POST
@requires("commission.manage")
def case_from_finding(request: HttpRequest) -> HttpResponse:
    if not can(request.user, "findings.view"):
        raise PermissionDenied("Открыть дело по срабатыванию может только тот, кто видит срабатывания")
    data = cleaned_or_error(f.OpenFromFindingForm(request.POST))
    case = open_from_finding(data["finding"], request.user, data["summary"])
    messages.success(request, f"Открыто дело {case.label}")
    return redirect("commission-case", case.pk)


@requires("commission.view")
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("servant", "finding", "journal_entry"), pk=case_id)
    record(request.user, "commission.case.view", case, ip=client_ip(request))
    return render(request, "commission/case.html", {
        "case": case, "ground": ground_label(case), "ground_name": decisions.ground_name(case.ground),
        "items": case.agenda_items.select_related("meeting"), "measures": case.measures.all(),
        "measure_form": f.MeasureForm(initial={"order_date": date.today()}),
        "finding_link": can(request.user, "findings.view"),
        "entry_link": case.journal_entry is not None and can(request.user, "journals.view"),
    })


@require_POST
@requires("commission.manage")
def measure_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=case_id)
    data = cleaned_or_error(f.MeasureForm(request.POST))
    measures.apply_measure(case, data["kind"], data["order_number"], data["order_date"], request.user, data["note"])
    messages.success(request, "Мера ответственности внесена в реестр")
    return redirect("commission-case", case.pk)


@require_POST
@requires("commission.manage")
def meeting_new(request: HttpRequest) -> HttpResponse:
    data = cleaned_or_error(f.MeetingForm(request.POST))
    meeting = meetings.schedule(data["date"], list(data["cases"]), request.user, data["place"], data["time"])
    messages.success(request, f"Назначено заседание № {meeting.number}")
    return redirect("commission-meeting", meeting.pk)


@requires("commission.view")
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    roster = members_on(meeting.date)
    present = list(meeting.attendance.filter(present=True).values_list("member_id", flat=True))
    items = [{"item": i, "ground_name": decisions.ground_name(i.case.ground),
              "decision_text": (d.text if (d := decisions.find(i.case.ground, i.decision)) else ""),
              "form": f.DecisionForm(ground=i.case.ground, initial={"votes_for": len(present)}, prefix=f"i{i.pk}"),
              "extract_form": f.ExtractSentForm(initial={"sent_on": date.today()}, prefix=f"x{i.pk}")}
             for i in meeting.items.select_related("case", "case__servant")]
    return render(request, "commission/meeting.html", {
        "meeting": meeting, "items": items, "quorum": check(meeting), "today": date.today(),
        "attendance_form": f.AttendanceForm(members=roster, initial={"present": present}),
        "attendance": meeting.attendance.select_related("member"),
    })


@require_POST
@requires("commission.manage")
def meeting_action(request: HttpRequest, meeting_id: int, action: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    if action == "attendance":
        data = cleaned_or_error(f.AttendanceForm(request.POST, members=members_on(meeting.date)))
        meetings.set_attendance(meeting, {m.pk for m in data["present"]}, request.user)
    elif action == "hold":
        meetings.hold(meeting, request.user)
        messages.success(request, "Заседание открыто: кворум есть")
    else:
        raise Http404("Нет такого действия")
    return redirect("commission-meeting", meeting.pk)


@require_POST
@requires("commission.manage")
def item_action(request: HttpRequest, item_id: int, action: str) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "case"), pk=item_id)
    if action == "decide":
        data = cleaned_or_error(f.DecisionForm(request.POST, ground=item.case.ground, prefix=f"i{item.pk}"))
        meetings.decide(item, data["decision"], request.user, votes_for=data["votes_for"],
                        votes_against=data["votes_against"], votes_abstained=data["votes_abstained"],
                        statements=data["statements"])
        messages.success(request, f"Решение по делу {item.case.label} принято")
    elif action == "extract-sent":
        data = cleaned_or_error(f.ExtractSentForm(request.POST, prefix=f"x{item.pk}"))
        meetings.mark_extract_sent(item, data["sent_on"], request.user)
    else:
        raise Http404("Нет такого действия")
    return redirect("commission-meeting", item.meeting_id)


def _docx(request: HttpRequest, data: bytes, name: str, obj: Any, kind: str) -> HttpResponse:
    record(request.user, "commission.document", obj, ip=client_ip(request), document=kind)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires("commission.view")
def meeting_protocol(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=meeting_id)
    return _docx(request, documents.protocol(meeting), documents.filename("protocol", meeting), meeting, "protocol")


@requires("commission.view")
def item_document(request: HttpRequest, item_id: int, kind: str) -> HttpResponse:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting", "case", "case__servant"), pk=item_id)
    if kind == "notice":
        data = documents.notice(item)
    elif kind == "extract":
        if not item.decision:
            raise ValidationError("Выписка готовится после решения по делу")
        data = documents.extract(item)
    else:
        raise Http404("Нет такого документа")
    return _docx(request, data, documents.filename(kind, item.meeting, item), item.case, kind)


@requires("commission.view")
def members_page(request: HttpRequest) -> HttpResponse:
    manage = can(request.user, "commission.manage")
    member_form = f.MemberForm(request.POST if request.method == "POST" and "add" in request.POST else None,
                               initial={"since": date.today()})
    rules_form = f.RulesForm(request.POST if request.method == "POST" and "rules" in request.POST else None,
                             instance=rules())
    if request.method == "POST":
        if not manage:
            raise PermissionDenied("Состав комиссии меняет секретарь комиссии или инспектор")
        if "add" in request.POST and member_form.is_valid():
            meetings.add_member(request.user, **member_form.cleaned_data)
            messages.success(request, "Член комиссии добавлен")
            return redirect("commission-members")
        if "end" in request.POST:
            data = cleaned_or_error(f.EndMembershipForm(request.POST))
            meetings.end_membership(data["member"], data["until"], request.user)
            return redirect("commission-members")
        if "rules" in request.POST and rules_form.is_valid():
            rules_form.save()
            record(request.user, "commission.member", rules(), step="rules")
            messages.success(request, "Положение о комиссии сохранено")
            return redirect("commission-members")
    return render(request, "commission/members.html", {
        "members": Member.objects.all(), "today": date.today(), "current": set(members_on(date.today())),
        "member_form": member_form, "rules_form": rules_form, "manage": manage,
    })


@requires("commission.view")
def measures_page(request: HttpRequest) -> HttpResponse:
    return render(request, "commission/measures.html", {
        "measures": Measure.objects.select_related("servant", "case"),
        "federal": [measures.federal_row(m) for m in measures.dismissals()],
        "columns": measures.FEDERAL_COLUMNS,
    })


@requires("commission.manage")
def federal_export(request: HttpRequest) -> HttpResponse:
    rows = measures.dismissals()
    record(request.user, "commission.export", object_type="commission.measure", object_repr="реестр утраты доверия",
           ip=client_ip(request), rows=len(rows))
    response = HttpResponse(measures.federal_register_xlsx(rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="utrata_doveria_{date.today():%Y%m%d}.xlsx"'
    return response
