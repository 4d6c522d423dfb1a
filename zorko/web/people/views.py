"""Lists of servants and candidates, and the servant card (every view audited)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.identifiers import format_snils
from zorko.people.models import ChangeRecord, Department, Relative, Servant
from zorko.people.search import ALL, ServantFilter, questionnaire_is_stale, select_servants
from zorko.web.access import requires
from zorko.web.findings.servant import servant_findings_context
from zorko.web.form_actions import OrganisationChoice

PAGE_SIZE = 50
# Servant.Status values as plain strings (the list filter is about them, in the plural).
SERVANT, DISMISSED, CANDIDATE = "servant", "dismissed", "candidate"
STATUS_CHOICES = [(SERVANT, "служащие"), (DISMISSED, "уволенные"), (CANDIDATE, "кандидаты"), (ALL, "все")]


class ListFilterForm(forms.Form):
    q = forms.CharField(label="ФИО", required=False,
                        widget=forms.TextInput(attrs={"placeholder": "фамилия, имя или отчество",
                                                      "type": "search"}))
    organisation = OrganisationChoice(label="Организация", required=False, empty_label="все")
    department = forms.ModelChoiceField(label="Подразделение", required=False, empty_label="все",
                                        queryset=Department.objects.select_related("organisation"))
    status = forms.ChoiceField(label="Статус", required=False, choices=STATUS_CHOICES)
    stale = forms.BooleanField(label="Анкета не обновлялась больше года", required=False)
    category = forms.ChoiceField(label="Категория", required=False,
                                 choices=[("", "любая"), *Servant.Category.choices[1:]])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].label_from_instance = lambda d: d.with_organisation

    def to_filter(self, status: str) -> ServantFilter:
        data = self.cleaned_data if self.is_valid() else {}
        org, dep = data.get("organisation"), data.get("department")
        return ServantFilter(query=data.get("q", ""), organisation_id=org.pk if org else None,
                             department_id=dep.pk if dep else None,
                             status=status or data.get("status") or SERVANT,
                             questionnaire_stale=bool(data.get("stale")), category=data.get("category") or "")


def _list(request: HttpRequest, *, title: str, status: str = "") -> HttpResponse:
    form = ListFilterForm(request.GET)
    if status:
        del form.fields["status"]
    servants = select_servants(form.to_filter(status))
    page = Paginator(servants, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "people/list.html", {
        "title": title, "form": form, "page": page, "query": query.urlencode(),
        "candidates": status == CANDIDATE,
    })


@requires("people.view")
def servant_list(request: HttpRequest) -> HttpResponse:
    return _list(request, title="Служащие")


@requires("people.view")
def candidate_list(request: HttpRequest) -> HttpResponse:
    return _list(request, title="Кандидаты", status=CANDIDATE)


def field_label(model: type[Servant] | type[Relative], name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


@requires("people.view")
def servant_card(request: HttpRequest, servant_id: int) -> HttpResponse:
    servant = get_object_or_404(
        Servant.objects.select_related("organisation", "department", "position"), pk=servant_id)
    record(request.user, "person.view", servant, ip=client_ip(request))
    relatives = list(servant.relatives.all())
    history: list[dict[str, Any]] = []
    for change in ChangeRecord.objects.filter(servant=servant).select_related("user")[:500]:
        model = Relative if change.relative_id else Servant
        history.append({"change": change, "field": field_label(model, change.field) if change.field else ""})
    context: dict[str, Any] = {
        "servant": servant, "relatives": relatives, "history": history,
        "snils": format_snils(servant.snils) if servant.snils else "",
        "stale": questionnaire_is_stale(servant),
    }
    if can(request.user, "findings.view"):
        context.update(servant_findings_context(servant, request.GET.get("finding")))
    return render(request, "people/card.html", context)
