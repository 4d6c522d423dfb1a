"""A servant screened for real: his mother has four namesakes directing suppliers (one clarification
request), three more far away (possible namesakes), his sister directs a supplier (a finding)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zorko.findings.models import ClarificationRequest, Finding
from zorko.findings.service import run_screening
from zorko.people.models import Relative, Servant

ORG = "4205000007"
HOSTILE_COMPANY = "<script>alert(1)</script>"
FORMULA_COMPANY = '=HYPERLINK("http://evil.example","x")'
NAMESAKE_INNS = [f"4200000000{i:02d}" for i in range(4)]


@dataclass
class Family:
    servant: Servant
    mother: Relative
    sister: Relative
    request: ClarificationRequest
    finding: Finding


def build_registry(reg: Any) -> None:
    names = [FORMULA_COMPANY, HOSTILE_COMPANY, "Фирма 2", "Фирма 3"]
    for name, inn in zip(names, NAMESAKE_INNS, strict=True):
        company = reg.company(name)
        reg.role(company, "director", "Иванова", "Елена", "Александровна", inn=inn)
        reg.contract(ORG, company)
    for i in range(3):
        far = reg.company(f"Далёкая {i}", region="77")
        reg.role(far, "founder", "Иванова", "Елена", "Александровна", region="77")
    supplier = reg.company("Ромашка")
    reg.role(supplier, "director", "Петрова", "Анна", "Сергеевна")
    reg.contract(ORG, supplier, price="990000.00")


def make_people(make_servant: Any) -> tuple[Servant, Relative, Relative]:
    me = make_servant("Сидоров", "Пётр", "Ильич", personnel_number="0042")
    mother = Relative.objects.create(servant=me, kinship="mother", last_name="Иванова", first_name="Елена",
                                     middle_name="Александровна")
    sister = Relative.objects.create(servant=me, kinship="sister", last_name="Петрова", first_name="Анна",
                                     middle_name="Сергеевна")
    return me, mother, sister


def screened_family(store: Any, make_servant: Any) -> Family:
    me, mother, sister = make_people(make_servant)
    with store.write() as reg:
        build_registry(reg)
    run_screening("all")
    return Family(me, mother, sister, ClarificationRequest.objects.get(relative=mother),
                  Finding.objects.get(relative=sister))
