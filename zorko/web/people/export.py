"""CSV export of the servants or candidates list as filtered on screen (audited: personal data)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from zorko.audit.log import client_ip, record
from zorko.exports import csv_lines
from zorko.people.models import Servant
from zorko.people.search import select_servants
from zorko.ru.formats import date_ru
from zorko.web.access import requires
from zorko.web.people.views import CANDIDATE, ListFilterForm

HEADER = ["табельный_номер", "фамилия", "имя", "отчество", "прежние_фамилии", "дата_рождения", "инн",
          "снилс", "организация", "подразделение", "должность", "статус", "анкета_обновлена"]


def _date(value: object) -> str:
    return date_ru(value)


def _rows(servants: Iterable[Servant]) -> Iterator[list[str]]:
    yield HEADER
    for s in servants:
        yield [s.personnel_number, s.last_name, s.first_name, s.middle_name, "; ".join(s.former_last_names),
               _date(s.birth_date), s.inn, s.snils, str(s.organisation), str(s.department or ""),
               str(s.position or ""), s.get_status_display(), _date(s.questionnaire_updated_on)]


def _export(request: HttpRequest, status: str) -> HttpResponse:
    form = ListFilterForm(request.GET)
    flt = form.to_filter(status)
    servants = list(select_servants(flt))
    record(request.user, "export", object_type="people.servant",
           object_repr=f"список: {len(servants)} чел.", ip=client_ip(request), rows=len(servants),
           filter={k: v for k, v in request.GET.items() if v and k != "page"})
    response = StreamingHttpResponse(csv_lines(_rows(servants)), content_type="text/csv; charset=utf-8")
    name = "candidates" if status == CANDIDATE else "servants"
    response["Content-Disposition"] = (
        f'attachment; filename="zorko-{name}-{timezone.localtime():%Y%m%d-%H%M}.csv"')
    return response


@requires("people.view")
def servants_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "")


@requires("people.view")
def candidates_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, CANDIDATE)
