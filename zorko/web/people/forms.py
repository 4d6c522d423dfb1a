"""Forms for servants and relatives: identifiers checked by their check digits, dates sane."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from zorko.identifiers import check_inn, check_snils, clean
from zorko.people.models import Department, Organisation, Position, Relative, Servant
from zorko.people.organisation_labels import distinct_labels

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
EARLIEST_BIRTH = date(1900, 1, 1)


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d.%m.%Y", attrs={"placeholder": "ДД.ММ.ГГГГ", "size": 10}),
        error_messages={"invalid": "Дата должна быть в виде ДД.ММ.ГГГГ, например 05.03.1980"},
    )


def former_names_text(former: list[dict[str, Any]]) -> str:
    return "; ".join(f["last_name"] for f in former if f.get("last_name"))


def merge_former_names(text: str, existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Surnames typed as «Петрова; Сидорова», keeping what was known about each (date of change)."""
    known = {f.get("last_name", ""): f for f in existing}
    result = []
    for name in (part.strip() for part in text.replace(",", ";").split(";")):
        if name:
            result.append(known.get(name) or {"last_name": name, "first_name": "", "middle_name": "",
                                              "changed_on": None})
    return result


class PersonForm(forms.ModelForm):
    """What servants and relatives share: name, former surnames, birth, identifiers, address."""

    former = forms.CharField(label="Прежние фамилии", required=False,
                             help_text="через точку с запятой: Петрова; Сидорова")
    birth_date = _date_field("Дата рождения")
    # Wider than the stored digits: people type «123-456-789 01»; clean_* keep the digits only.
    inn = forms.CharField(label="ИНН", required=False, max_length=20)
    snils = forms.CharField(label="СНИЛС", required=False, max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["former"] = former_names_text(self.instance.former_names)
        for name in ("last_name", "first_name"):
            self.fields[name].error_messages["required"] = f"Укажите {self.fields[name].label.lower()}"

    def clean_inn(self) -> str:
        value = (self.cleaned_data.get("inn") or "").strip()
        if value and (problem := check_inn(value, person=True)):
            raise forms.ValidationError(problem)
        return clean(value) if value else ""

    def clean_snils(self) -> str:
        value = (self.cleaned_data.get("snils") or "").strip()
        if value and (problem := check_snils(value)):
            raise forms.ValidationError(problem)
        return clean(value) if value else ""

    def clean_birth_date(self) -> date | None:
        born = self.cleaned_data.get("birth_date")
        if born and born > date.today():
            raise forms.ValidationError("Дата рождения не может быть в будущем")
        if born and born < EARLIEST_BIRTH:
            raise forms.ValidationError("Дата рождения раньше 1900 года — проверьте год")
        return born

    def changes(self, former_names: list[dict[str, Any]]) -> dict[str, Any]:
        """The submitted values by model field, for :func:`zorko.people.history.save_servant`."""
        values = {name: self.cleaned_data.get(name) for name in self._meta.fields or ()
                  if name != "former"}
        values["former_names"] = merge_former_names(self.cleaned_data.get("former", ""), former_names)
        return values


class ServantForm(PersonForm):
    hired_on = _date_field("Дата приёма")
    dismissed_on = _date_field("Дата увольнения")
    questionnaire_updated_on = _date_field("Анкета обновлена")

    class Meta:
        model = Servant
        fields = ["last_name", "first_name", "middle_name", "former", "birth_date", "birth_place",
                  "inn", "snils", "personnel_number", "status", "organisation", "department",
                  "position", "category", "hired_on", "dismissed_on", "address", "phones", "emails",
                  "questionnaire_updated_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.all()
        labels = distinct_labels(Organisation.objects.all())
        self.fields["organisation"].label_from_instance = lambda o: labels.get(o.pk, str(o))
        self.fields["organisation"].error_messages["required"] = "Выберите организацию"
        self.fields["department"].queryset = Department.objects.select_related("organisation")
        self.fields["department"].label_from_instance = lambda d: d.with_organisation
        self.fields["position"].queryset = Position.objects.all()
        self.fields["personnel_number"].error_messages["required"] = "Укажите табельный номер"

    def clean_personnel_number(self) -> str:
        number = self.cleaned_data["personnel_number"].strip()
        other = Servant.objects.filter(personnel_number=number).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise forms.ValidationError(f"Табельный номер «{number}» уже присвоен: {other.full_name}")
        return number

    def validate_unique(self) -> None:
        # clean_personnel_number already reports a taken number in a clearer way.
        self.instance.validate_unique(exclude=self._get_validation_exclusions() | {"personnel_number"})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        organisation, department = data.get("organisation"), data.get("department")
        if organisation and department and department.organisation_id != organisation.pk:
            self.add_error("department", f"Подразделение «{department}» относится к другой организации")
        hired, dismissed = data.get("hired_on"), data.get("dismissed_on")
        if hired and dismissed and dismissed < hired:
            self.add_error("dismissed_on", "Дата увольнения раньше даты приёма")
        if data.get("status") == Servant.Status.DISMISSED and not dismissed:
            self.add_error("dismissed_on", "Для уволенного укажите дату увольнения")
        if data.get("status") != Servant.Status.DISMISSED and dismissed:
            self.add_error("status", "Указана дата увольнения, но статус не «уволен»")
        updated = data.get("questionnaire_updated_on")
        if updated and updated > date.today():
            self.add_error("questionnaire_updated_on", "Дата обновления анкеты не может быть в будущем")
        return data


class RelativeForm(PersonForm):
    class Meta:
        model = Relative
        fields = ["kinship", "last_name", "first_name", "middle_name", "former", "birth_date",
                  "birth_place", "workplace", "address", "inn", "snils"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kinship"].error_messages.update({
            "required": "Выберите степень родства",
            "invalid_choice": "Неизвестная степень родства «%(value)s»",
        })
