"""Request and response schemas of the API (pydantic, at the API edge only).

Upsert items carry the fields of the people import under their model names;
every field is optional here so that the import's own checks report what is
missing, in the import's Russian words. Values are strings as in a file:
dates «ДД.ММ.ГГГГ» or «ГГГГ-ММ-ДД», status and kinship as Russian words.
"""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema
from pydantic import ConfigDict

Text = str | None


class Item(Schema):
    model_config = ConfigDict(extra="forbid")


class ServantIn(Item):
    personnel_number: Text = Field(None, description="табельный номер (обязательно, ключ записи)")
    last_name: Text = Field(None, description="фамилия (обязательно)")
    first_name: Text = Field(None, description="имя (обязательно)")
    middle_name: Text = None
    former_names: Text = Field(None, description="прежние фамилии через «;»: Петрова (до 12.06.2015)")
    birth_date: Text = Field(None, description="ДД.ММ.ГГГГ или ГГГГ-ММ-ДД")
    inn: Text = Field(None, description="ИНН, 12 цифр")
    snils: Text = Field(None, description="СНИЛС, 11 цифр")
    organisation: Text = Field(None, description="организация (обязательно)")
    organisation_inn: Text = Field(None, description="ИНН организации, 10 цифр")
    department: Text = None
    position: Text = None
    status: Text = Field(None, description="служащий | кандидат | уволен")
    hired_on: Text = Field(None, description="дата приёма")
    dismissed_on: Text = Field(None, description="дата увольнения")
    address: Text = None
    phones: Text = None
    emails: Text = None


class RelativeIn(Item):
    personnel_number: Text = Field(None, description="табельный номер служащего (обязательно)")
    kinship: Text = Field(None, description="степень родства: супруг, супруга, отец, мать, сын, дочь… (обязательно)")
    last_name: Text = Field(None, description="фамилия (обязательно)")
    first_name: Text = Field(None, description="имя (обязательно)")
    middle_name: Text = None
    former_names: Text = None
    birth_date: Text = None
    birth_place: Text = None
    workplace: Text = None
    address: Text = None
    inn: Text = None


class PeopleBatch(Item):
    servants: list[ServantIn] = []
    relatives: list[RelativeIn] = []


class Counts(Schema):
    added: int
    changed: int
    unchanged: int


class UpsertOut(Schema):
    servants: Counts
    relatives: Counts
    message: str


class ErrorOut(Schema):
    detail: str


class ItemErrorOut(Schema):
    list: str = Field(description="servants или relatives")
    index: int | None = Field(description="номер элемента в списке, с 0")
    field: str | None
    message: str


class BatchErrorOut(Schema):
    detail: str
    errors: list[ItemErrorOut]


class RegistryOut(Schema):
    code: str
    name: str
    as_of: str


class StatusOut(Schema):
    personnel_number: str
    full_name: str
    last_screened_at: datetime | None
    relatives_checked: int
    relatives: int
    registries: list[RegistryOut]
    checked_for_kpi: bool
    checked_for_kpi_text: str
    findings_active: int
    findings_high: int
    findings_medium: int
    findings_low: int
    clarifications_open: int


class FindingOut(Schema):
    id: int
    rule: str
    rule_name: str
    severity: str
    severity_name: str
    status: str
    status_name: str
    subject_name: str
    subject_inn: str
    subject_ogrn: str
    relative: str | None
    summary: str
    first_found_at: datetime
    last_found_at: datetime


class ClarificationOut(Schema):
    id: int
    kind: str
    kind_name: str
    status: str
    status_name: str
    person_name: str
    relative: str | None
    candidates: int
    created_at: datetime
    sent_at: datetime | None
    due_on: date | None


class CheckOut(Schema):
    job_id: int
    status_url: str
    message: str


class JobOut(Schema):
    id: int
    status: str
    status_name: str
    done: int
    total: int | None
    message: str
    error: str
    finished: bool
    result: dict | None  # type: ignore[type-arg]
