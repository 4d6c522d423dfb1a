"""The events log (seminars, meetings, 9 December) and the preventive talks with new servants."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.people.models import Servant
from zorko.program import training
from zorko.program.memo import memo_docx
from zorko.program.models import Event, PreventiveTalk
from zorko.web.access import requires
from zorko.web.program.common import download, year_of
from zorko.web.program.forms import EventForm, TalkForm


@requires("program.view")
def events(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    form = EventForm(request.POST or None)
    if request.method == "POST" and can(request.user, "program.edit") and form.is_valid():
        event = form.save()
        event.attendees.set(form.cleaned_data["attendee_numbers"])
        record(request.user, "program.event.save", event, ip=client_ip(request),
               attendees=len(form.cleaned_data["attendee_numbers"]))
        messages.success(request, "Мероприятие записано")
        return redirect(f"/program/events/?year={event.held_on.year}")
    rows = Event.objects.filter(held_on__year=year).prefetch_related("attendees")
    record(request.user, "people.list", object_type="program", object_repr=f"мероприятия {year} года",
           ip=client_ip(request), rows=rows.count())
    return render(request, "program/events.html", {"year": year, "events": rows, "form": form})


@requires("program.view")
def talks(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    today = timezone.localdate()
    until = min(today, date(year, 12, 31))
    form = TalkForm(request.POST or None, initial={"held_on": today})
    if request.method == "POST" and can(request.user, "program.edit") and form.is_valid():
        data = form.cleaned_data
        talk = PreventiveTalk.objects.create(servant=data["servant"], held_on=data["held_on"],
                                             held_by=data["held_by"], note=data["note"])
        record(request.user, "program.talk.save", data["servant"], ip=client_ip(request), talk=talk.pk)
        messages.success(request, f"Беседа с {data['servant'].full_name} записана")
        return redirect(f"/program/talks/?year={year}")
    missing = training.hired_without_talk(year, until)
    held = PreventiveTalk.objects.filter(held_on__year=year).select_related("servant", "servant__organisation")
    record(request.user, "people.list", object_type="program", object_repr=f"приняты без беседы в {year} г.",
           ip=client_ip(request), rows=missing.count())
    return render(request, "program/talks.html", {"year": year, "missing": missing, "held": held, "form": form})


@requires("program.view")
def memo(request: HttpRequest, servant_id: int) -> HttpResponse:
    servant = get_object_or_404(Servant.objects.select_related("organisation", "position"), pk=servant_id)
    talk = servant.preventive_talks.first()
    body = memo_docx(servant, talk.held_on if talk else None, talk.held_by if talk else "")
    record(request.user, "report.download", servant, ip=client_ip(request), report="памятка", format="docx")
    return download(body, f"Памятка {servant.full_name}.docx")
