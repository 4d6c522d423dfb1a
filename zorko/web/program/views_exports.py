"""XLSX (and PDF) exports of the lists as filtered on screen; every export is audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from zorko.findings import kpi as kpi2
from zorko.people.models import Organisation
from zorko.people.search import select_servants
from zorko.program import training
from zorko.program.kpi_export import KpiTable, kpi1_table, kpi2_table, kpi_pdf, kpi_xlsx
from zorko.program.models import Event, Participant
from zorko.program.xlsx import table_xlsx
from zorko.ru.labels import servant_status
from zorko.web.access import requires
from zorko.web.params import bounded_int, object_id
from zorko.web.people.views import CANDIDATE, ListFilterForm
from zorko.web.program.common import audited_export, year_of
from zorko.web.program.forms import YearFilter
from zorko.web.program.views_training import kpi_context


def _filters(request: HttpRequest) -> dict[str, Any]:
    form = YearFilter(request.GET or None)
    return form.cleaned_data if form.is_valid() else {}


# Filter parameters in the words of the page's form.
FILTER_WORDS = {"status": "статус", "year": "год", "organisation": "организация", "department": "подразделение",
                "q": "поиск", "kind": "вид", "quarter": "квартал"}


def _note(request: HttpRequest) -> str:
    shown = {k: v for k, v in request.GET.items() if v}
    words = ", ".join(f"{FILTER_WORDS.get(k, k)}: {servant_status(v) if k == 'status' else v}"
                      for k, v in shown.items())
    return f"Отбор: {words}" if shown else "Отбор: все записи"


def _people(s: Any) -> list[Any]:
    return [s.personnel_number, s.full_name, str(s.organisation), str(s.position or "")]


PEOPLE = ["Табельный номер", "ФИО", "Организация", "Должность"]


@requires("program.view")
def trainings(request: HttpRequest) -> HttpResponse:
    year, data = year_of(request), _filters(request)
    qs = Participant.objects.filter(course__year=year).select_related(
        "servant", "servant__organisation", "servant__position", "course")
    if data.get("organisation"):
        qs = qs.filter(servant__organisation=data["organisation"])
    if data.get("category"):
        qs = qs.filter(category=data["category"])
    rows = [[*_people(p.servant), p.get_category_display(), p.course.programme, p.course.provider, p.course.hours,
             p.certificate_number, p.certificate_date, p.course.contract_number, p.course.contract_date,
             p.course.contract_price] for p in qs]
    body = table_xlsx(f"Обучение служащих, {year} год", [*PEOPLE, "Категория", "Программа", "Организатор",
                      "Часов", "№ удостоверения", "Дата удостоверения", "№ контракта", "Дата контракта",
                      "Цена контракта, руб."], rows, _note(request))
    return audited_export(request, f"обучение служащих {year}", body, f"Обучение {year}.xlsx", len(rows))


@requires("program.view")
def due(request: HttpRequest) -> HttpResponse:
    year, data = year_of(request), _filters(request)
    entries = training.due_list(year, data.get("organisation"), data.get("category") or "")
    rows = [[*_people(e.servant), e.get_category_display(), e.added_on] for e in entries]
    body = table_xlsx(f"Не прошли обучение в {year} году (план)", [*PEOPLE, "Категория", "Включён в план"], rows,
                      _note(request))
    return audited_export(request, f"не прошли обучение {year}", body, f"Не обучены {year}.xlsx", len(rows))


@requires("program.view")
def talks(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    until = min(timezone.localdate(), date(year, 12, 31))
    rows = [[*_people(s), s.hired_on] for s in training.hired_without_talk(year, until)]
    body = table_xlsx(f"Приняты на службу в {year} году без профилактической беседы", [*PEOPLE, "Дата приёма"],
                      rows, _note(request))
    return audited_export(request, f"приняты без беседы {year}", body, f"Без беседы {year}.xlsx", len(rows))


@requires("program.view")
def events(request: HttpRequest) -> HttpResponse:
    year = year_of(request)
    qs = Event.objects.filter(held_on__year=year).prefetch_related("attendees")
    rows = [[e.held_on, e.get_kind_display(), e.title, e.place, e.speaker, e.attendees.count(),
             "; ".join(a.full_name for a in e.attendees.all())] for e in qs]
    body = table_xlsx(f"Мероприятия {year} года", ["Дата", "Вид", "Тема", "Место", "Докладчик", "Присутствовало",
                      "Участники"], rows, _note(request))
    return audited_export(request, f"мероприятия {year}", body, f"Мероприятия {year}.xlsx", len(rows))


def _people_list(request: HttpRequest, status: str, title: str) -> HttpResponse:
    flt = ListFilterForm(request.GET).to_filter(status)
    rows = [[s.personnel_number, s.last_name, s.first_name, s.middle_name, s.birth_date, s.inn, s.snils,
             str(s.organisation), str(s.department or ""), str(s.position or ""), s.status_word,
             s.hired_on, s.questionnaire_updated_on] for s in select_servants(flt)]
    body = table_xlsx(title, ["Табельный номер", "Фамилия", "Имя", "Отчество", "Дата рождения", "ИНН", "СНИЛС",
                              "Организация", "Подразделение", "Должность", "Статус", "Дата приёма",
                              "Анкета обновлена"], rows, _note(request))
    return audited_export(request, f"список: {title.lower()}", body, f"{title}.xlsx", len(rows))


@requires("people.view")
def servants(request: HttpRequest) -> HttpResponse:
    return _people_list(request, "", "Служащие")


@requires("people.view")
def candidates(request: HttpRequest) -> HttpResponse:
    return _people_list(request, CANDIDATE, "Кандидаты")


def _send_kpi(request: HttpRequest, table: KpiTable, fmt: str, name: str) -> HttpResponse:
    body = kpi_xlsx(table) if fmt == "xlsx" else kpi_pdf(table)
    return audited_export(request, table.title, body, f"{name}.{fmt}", len(table.month_rows))


@requires("program.view")
def kpi1(request: HttpRequest, fmt: str) -> HttpResponse:
    ctx = kpi_context(request)
    table = kpi1_table(int(str(ctx["year"])), list(ctx["months"]), list(ctx["by_org"]),  # type: ignore[call-overload]
                       str(ctx["month_name"]), ctx["organisation"])
    return _send_kpi(request, table, fmt, f"Показатель 1 {ctx['year']}")


@requires("findings.view")
def kpi2_export(request: HttpRequest, fmt: str) -> HttpResponse:
    year = year_of(request)
    org_text = request.GET.get("organisation", "")
    org_id = object_id(org_text)
    organisation = Organisation.objects.filter(pk=org_id).first() if org_id else None
    months = kpi2.monthly(year, organisation)
    started = [m for m in months if m.checked is not None]
    month_text = request.GET.get("month", "")
    month = bounded_int(month_text, 1, 12) or (
        started[-1].month if started else 1)
    table = kpi2_table(year, months, kpi2.by_organisation(year, month), kpi2.MONTHS[month - 1], organisation)
    return _send_kpi(request, table, fmt, f"Показатель 2 {year}")

