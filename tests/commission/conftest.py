"""A commission of six (two independent experts), a confirmed finding, a personal-interest notice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

MEETING_DAY = date(2026, 11, 20)


@pytest.fixture
def members(db: Any) -> list[Any]:
    from zorko.commission.models import Member

    rows = [("Соколов", "Андрей", "Викторович", "chair", False), ("Белых", "Ольга", "Петровна", "deputy", False),
            ("Ким", "Марина", "Олеговна", "secretary", False), ("Орлов", "Пётр", "Ильич", "member", False),
            ("Зайцева", "Нина", "Андреевна", "member", True), ("Лебедев", "Олег", "Ильич", "member", True)]
    return [Member.objects.create(last_name=last, first_name=first, middle_name=middle, role=role,
                                  independent=independent, since=date(2026, 1, 1), position="должность")
            for last, first, middle, role, independent in rows]


@pytest.fixture
def confirmed_finding(make_servant: Callable[..., Any]) -> Any:
    from zorko.findings.models import Finding
    from zorko.findings.review import review_finding

    servant = make_servant("Петрова", "Мария", "Сергеевна")
    finding = Finding.objects.create(
        key="k" * 64, rule="relative_supplier", severity="high", score=0.9, servant=servant,
        subject_kind="company", subject_ogrn="1024200000006", subject_inn="4205000007",
        subject_name="ООО «Стройресурс»", explanation="Супруг — учредитель поставщика", evidence={},
        evidence_hash="h")
    review_finding(finding, Finding.Status.CONFIRMED, None)
    return finding


@pytest.fixture
def interest_entry(make_servant: Callable[..., Any]) -> Any:
    from zorko.journals.models import Kind
    from zorko.journals.services import register_entry

    return register_entry(Kind.INTEREST, make_servant("Иванов", "Иван", "Иванович"), date(2026, 11, 2),
                          "Брат — директор подрядчика по контракту, который я веду", None,
                          registered_on=date(2026, 11, 2))
