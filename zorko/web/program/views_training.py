"""Training pages: courses with contracts, participants with certificates, the annual plan, KPI 1."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.program import training
from zorko.program.models import Participant, PlanEntry, TrainingCourse
from zorko.web.access import requires
from zorko.web.params import bounded_int
from zorko.web.program.common import year_of
from zorko.web.program.forms import CourseForm, ParticipantForm, PlanEntryForm, YearFilter


@requires("program.view")
def courses(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    form = CourseForm(request.POST or None, initial={"year": year})
    if request.method == "POST":
        if not can(request.user, "program.edit"):
            return redirect("program-courses")
        if form.is_valid():
            course = form.save()
            record(request.user, "program.course.save", course, ip=client_ip(request))
            messages.success(request, "Курс добавлен")
            return redirect("program-course", course_id=course.pk)
    rows = TrainingCourse.objects.filter(year=year)
    return render(request, "program/courses.html", {"year": year, "courses": rows, "form": form})


@requires("program.view")
def course(request: HttpRequest, course_id: int) -> HttpResponse:
    item = get_object_or_404(TrainingCourse, pk=course_id)
    form = ParticipantForm(request.POST or None)
    edit = CourseForm(instance=item)
    if request.method == "POST" and can(request.user, "program.edit"):
        if request.POST.get("action") == "course":
            edit = CourseForm(request.POST, instance=item)
            if edit.is_valid():
                edit.save()
                record(request.user, "program.course.save", item, ip=client_ip(request))
                messages.success(request, "Курс сохранён")
                return redirect("program-course", course_id=item.pk)
        elif form.is_valid():
            data = form.cleaned_data
            Participant.objects.update_or_create(course=item, servant=data["servant"], defaults={
                "category": data["category"], "certificate_number": data["certificate_number"],
                "certificate_date": data["certificate_date"]})
            record(request.user, "program.participant.save", data["servant"], ip=client_ip(request),
                   course=item.pk)
            messages.success(request, f"Участник {data['servant'].full_name} сохранён")
            return redirect("program-course", course_id=item.pk)
    participants = item.participants.select_related("servant", "servant__organisation", "servant__position")
    record(request.user, "people.list", item, object_repr=f"участники обучения: {item.programme}"[:300],
           ip=client_ip(request), rows=participants.count())
    return render(request, "program/course.html", {"course": item, "form": form, "edit": edit,
                                                   "participants": participants})


@require_POST
@requires("program.edit")
def participant_remove(request: HttpRequest, participant_id: int) -> HttpResponse:
    row = get_object_or_404(Participant, pk=participant_id)
    record(request.user, "program.participant.remove", row.servant, ip=client_ip(request), course=row.course_id)
    row.delete()
    return redirect("program-course", course_id=row.course_id)


@requires("program.view")
def plan(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    form = PlanEntryForm(request.POST or None)
    if request.method == "POST" and can(request.user, "program.edit"):
        if request.POST.get("action") == "new_hires":
            added = add_new_hires(year, request)
            messages.success(request, f"Добавлено в план впервые принятых без обучения: {added}")
            return redirect(f"/program/training/plan/?year={year}")
        if form.is_valid():
            try:
                with transaction.atomic():
                    PlanEntry.objects.create(year=year, servant=form.cleaned_data["servant"],
                                             category=form.cleaned_data["category"],
                                             added_on=timezone.localdate())
            except IntegrityError:
                messages.error(request, "Этот служащий уже в плане обучения на год")
            else:
                record(request.user, "program.plan.add", form.cleaned_data["servant"], ip=client_ip(request),
                       year=year)
                messages.success(request, "Служащий добавлен в план обучения")
            return redirect(f"/program/training/plan/?year={year}")
    entries = PlanEntry.objects.filter(year=year).select_related("servant", "servant__organisation",
                                                                  "servant__position")
    certified = training.first_certificates(year)
    record(request.user, "people.list", object_type="program", object_repr=f"план обучения на {year} год",
           ip=client_ip(request), rows=entries.count())
    return render(request, "program/plan.html", {
        "year": year, "entries": entries, "form": form, "certified": certified,
        "new_hires": training.new_hires_untrained(timezone.localdate()).count()})


def add_new_hires(year: int, request: HttpRequest) -> int:
    """Put every newly hired servant on the перечень who has not been trained into the year's plan."""
    planned = set(PlanEntry.objects.filter(year=year).values_list("servant_id", flat=True))
    today = timezone.localdate()
    new = [PlanEntry(year=year, servant=s, category="new_hire", added_on=today)
           for s in training.new_hires_untrained(today) if s.pk not in planned]
    PlanEntry.objects.bulk_create(new)
    record(request.user, "program.plan.add", object_type="program", object_repr=f"план обучения {year}",
           ip=client_ip(request), added=len(new))
    return len(new)


@require_POST
@requires("program.edit")
def plan_remove(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(PlanEntry, pk=entry_id)
    record(request.user, "program.plan.remove", entry.servant, ip=client_ip(request), year=entry.year)
    entry.delete()
    return redirect(f"/program/training/plan/?year={entry.year}")


def kpi_context(request: HttpRequest) -> dict[str, object]:
    """KPI 1 for a year (and organisation), and the per-organisation table for a month."""
    today = timezone.localdate()
    year = year_of(request)
    filters = YearFilter(request.GET or None)
    organisation = filters.cleaned_data.get("organisation") if filters.is_valid() else None
    months = training.monthly(year, today, organisation)
    begun = [m for m in months if m.trained is not None]
    month_text = request.GET.get("month", "")
    month = bounded_int(month_text, 1, 12) or (
        begun[-1].month if begun else 1)
    by_org = training.by_organisation(year, month)
    share_plan = round(100 * training.plan_for(month) / training.annual_target())
    chart = {"labels": [m.name for m in months], "plan": [m.plan for m in months],
             "actual": [m.trained for m in months], "unit": "", "plan_label": "План, чел.",
             "actual_label": "Обучено, чел.",
             "organisations": {"labels": [str(r["organisation"]) for r in by_org],
                               "actual": [r["percent"] or 0 for r in by_org], "plan": share_plan,
                               "actual_label": "Обучено, % от плана организации"}}
    return {"year": year, "months": months, "organisation": organisation, "month": month,
            "month_name": training.MONTHS[month - 1], "by_org": by_org, "chart": chart, "filters": filters,
            "current": begun[-1] if begun else None, "share_plan": share_plan,
            "due_total": training.due_list(year, organisation).count(), "target": training.annual_target()}


@requires("program.view")
def kpi(request: HttpRequest) -> HttpResponse:
    return render(request, "program/kpi1.html", kpi_context(request))


@requires("program.view")
def due(request: HttpRequest) -> HttpResponse:
    """Who is still due: the plan without certificates, and new hires on the перечень never trained."""
    year = year_of(request)
    filters = YearFilter(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    entries = training.due_list(year, data.get("organisation"), data.get("category") or "")
    hires = training.new_hires_untrained(timezone.localdate())
    if data.get("organisation"):
        hires = hires.filter(organisation=data["organisation"])
    record(request.user, "people.list", object_type="program", object_repr=f"не прошли обучение в {year} г.",
           ip=client_ip(request), rows=entries.count())
    return render(request, "program/due.html", {"year": year, "entries": entries, "hires": hires,
                                                "filters": filters})
