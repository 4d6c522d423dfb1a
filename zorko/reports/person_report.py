"""What «Отчет о проверке ФЛ» says about one person, gathered once for every format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from zorko.accounts.users import display_name
from zorko.clarifications.summary import NamesakeLine, RequestLine, namesake_lines, request_lines
from zorko.exceptions import ZorkoError
from zorko.findings.evidence import Evidence, read_evidence
from zorko.findings.graph_data import servant_graph
from zorko.findings.models import Finding, ScreenedPerson, ScreeningRun
from zorko.findings.rules_info import SEVERITY_ORDER, rule_name
from zorko.people.models import Servant
from zorko.reports.graph_image import render_png
from zorko.reports.names import report_title
from zorko.reports.sources import SourceLine, source_lines
from zorko.ru.formats import amounts_ru as ru_amounts  # noqa: F401  (the findings pages' name)
from zorko.ru.formats import date_ru as _date
from zorko.ru.formats import date_ru as fmt_date  # noqa: F401
from zorko.ru.formats import money_ru as fmt_money  # noqa: F401
from zorko.ru.formats import plural

REGISTRY_NAMES = {
    "egrul": "ЕГРЮЛ (юридические лица)",
    "egrip": "ЕГРИП (индивидуальные предприниматели)",
    "contracts": "ЕИС, реестр контрактов (44-ФЗ)",
    "contracts223": "ЕИС, реестр договоров (223-ФЗ)",
    "loss_of_trust": "реестр лиц, уволенных в связи с утратой доверия",
    "npd": "налог на профессиональный доход (ФНС), список статусов",
    "disqualified": "реестр дисквалифицированных лиц (ФНС)",
    "mass": "массовые руководители, учредители и адреса (ФНС)",
    "ftm": "OpenSanctions (FollowTheMoney)",
}


NAMESAKES_NOTE = ("Лица в реестрах с тем же ФИО, связь с которыми слишком маловероятна для срабатывания; "
                  "срабатываниями они не являются и на показатель не влияют.")


def registry_name(code: str) -> str:
    return REGISTRY_NAMES.get(code, code)


@dataclass
class ReportFinding:
    rule: str
    rule_name: str
    severity: str
    score: float
    status: str
    relative: str
    subject: str
    explanation: str
    evidence: Evidence
    decision: str
    # The sentence a lawyer would sign and one probability in words, as on the finding page.
    summary: str = ""
    probability: str = ""

    @property
    def reasons(self) -> list[str]:
        """Why the registry record is the person, in the screening's words (never the model's weights)."""
        return [r for m in self.evidence.matches for r in (m.reasons or m.signals)]


@dataclass
class PersonReport:
    title: str
    full_name: str
    personnel_number: str
    position: str
    organisation: str
    status: str
    relatives: list[tuple[str, str]]
    screened_at: datetime | None
    registries: list[SourceLine]  # the sources the check read, named as they were loaded
    findings: list[ReportFinding]
    graph_png: bytes
    conclusion: str
    made_at: datetime
    made_by: str
    made_by_position: str = "Специалист по профилактике коррупционных правонарушений"
    namesakes: list[NamesakeLine] = field(default_factory=list)
    requests: list[RequestLine] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def _last_run(servant: Servant) -> tuple[ScreeningRun | None, datetime | None]:
    screened = servant.screenings.select_related("run").order_by("-screened_at").first()
    if isinstance(screened, ScreenedPerson):
        return screened.run, screened.screened_at
    return None, None


def _decision(finding: Finding) -> str:
    last = finding.decisions.select_related("user").order_by("-at", "-pk").first()
    if last is None:
        return ""
    # The reviewer by name, as a lawyer signs; the login only when the account has no name.
    who = (last.user.get_full_name() if last.user else "") or last.username or "—"
    text = f"{Finding.Status(last.to_status).label}: {who}, {_date(last.at)}"
    return f"{text}. Основание: {last.reason}" if last.reason else text


def conclusion(findings: list[Finding], screened: bool, requests_open: int = 0) -> str:
    """``requests_open``: clarification requests still waiting for the servant's answer."""
    if not screened:
        return "Проверка по реестрам не проводилась; заключение не может быть сделано."
    asked = (f" Запросов уточнения без ответа служащего: {requests_open}; до ответа проверка не завершена."
             if requests_open else "")
    statuses = [f.status for f in findings]
    S = Finding.Status
    open_ = sum(s in (S.NEW, S.IN_REVIEW) for s in statuses)
    confirmed = sum(s in (S.CONFIRMED, S.REFERRED) for s in statuses)
    if not findings:
        return "Признаков аффилированности и конфликта интересов по данным реестров не выявлено." + asked
    parts = []
    if confirmed:
        referred = sum(s == S.REFERRED for s in statuses)
        parts.append(f"Подтверждены признаки аффилированности или конфликта интересов: {confirmed}"
                     + (f" (из них передано в комиссию: {referred})" if referred else "") + ".")
    if open_:
        waits = plural(open_, "ожидает", "ожидают", "ожидают")
        noun = plural(open_, "срабатывание", "срабатывания", "срабатываний")
        parts.append(f"Рассмотрение не завершено: {open_} {noun} {waits} решения.")
    if not confirmed and not open_:
        parts.append("Все выявленные совпадения отклонены по результатам рассмотрения; "
                     "признаков аффилированности и конфликта интересов не установлено.")
    return " ".join(parts) + asked


def _report_finding(f: Finding, ev: Evidence) -> ReportFinding:
    probability = next((m.probability for m in ev.matches if m.probability), "")
    return ReportFinding(
        f.rule, rule_name(f.rule), f.get_severity_display(), f.score, f.get_status_display(),
        f"{f.relative.kinship_word}: {f.relative.full_name}" if f.relative else "",
        " ".join(x for x in (f.subject_name, f"ОГРН {f.subject_ogrn}" if f.subject_ogrn else "",
                             f"ИНН {f.subject_inn}" if f.subject_inn else "") if x),
        ru_amounts(f.explanation), ev, _decision(f), ru_amounts(ev.summary), probability)


def build_report(servant: Servant, user: Any = None) -> PersonReport:
    findings = sorted(servant.findings.filter(active=True).select_related("relative"),
                      key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), -f.score))
    run, screened_at = _last_run(servant)
    requests = request_lines(servant)
    # The document shows every finding's path at once.
    paths = [read_evidence(f.evidence or {}).path for f in findings]
    graph_dict = servant_graph(servant, findings).as_dict(also=paths)
    evidences = [read_evidence(f.evidence or {}) for f in findings]
    mark_contract_laws([c for ev in evidences for c in ev.contracts])
    registries = source_lines(run.registry_as_of, run.started_at, REGISTRY_NAMES) if run else []
    return PersonReport(
        title=report_title(servant.last_name, servant.first_name, servant.middle_name),
        full_name=servant.full_name, personnel_number=servant.personnel_number,
        position=str(servant.position or "—"), organisation=servant.organisation.name,
        status=servant.status_word,
        relatives=[(r.kinship_word, r.full_name) for r in servant.relatives.all()],
        screened_at=screened_at, registries=registries,
        findings=[_report_finding(f, ev) for f, ev in zip(findings, evidences, strict=True)],
        namesakes=namesake_lines(servant), requests=requests,
        graph_png=render_png(graph_dict),
        conclusion=conclusion(findings, run is not None, sum(q.open for q in requests)),
        made_at=timezone.now(),
        made_by=display_name(user),
    )


def contract_law(reg_num: str) -> str:
    """44-ФЗ registry numbers have 19 digits, 223-ФЗ ones 23: the law when the store does not say."""
    return "223-ФЗ" if len(reg_num) == 23 else "44-ФЗ" if len(reg_num) == 19 else ""


def mark_contract_laws(contracts: list[dict[str, Any]]) -> None:
    """Put each contract's law (44-ФЗ or 223-ФЗ) into its evidence dict, from the registry store."""
    numbers = sorted({str(c.get("reg_num")) for c in contracts if c.get("reg_num") and not c.get("law")})
    if not numbers:
        return
    from zorko.registry import store

    laws: dict[str, str] = {}
    try:
        with store.reading() as con:
            if con is not None:
                laws = dict(con.execute("SELECT reg_num, any_value(law) FROM contracts "
                                        "WHERE reg_num IN (SELECT unnest($n)) GROUP BY reg_num",
                                        {"n": numbers}).fetchall())
    except ZorkoError:
        pass  # a load holds the store: the number's form still tells the law
    for c in contracts:
        if c.get("reg_num") and not c.get("law"):
            c["law"] = laws.get(str(c["reg_num"])) or contract_law(str(c["reg_num"]))
