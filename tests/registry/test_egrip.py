"""ЕГРИП importer: counts and exact values from the real sample files and a crafted file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from zorko.exceptions import ImportFailed
from zorko.registry.importers import egrip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIRST = FIXTURES / "egrip" / "VO_RIGFO_0000_9965_20251105_e57b205c-e98c-4e56-ac18-495cb0844c8c.xml"
SECOND = FIXTURES / "egrip" / "VO_RIGFO_0000_9965_20251130_34d2171d-b4f0-462c-8325-bdf4a65a6e80.xml"


def test_sample_files_hold_3_and_5_entrepreneurs() -> None:
    first = list(egrip.parse(FIRST))
    second = list(egrip.parse(SECOND))
    assert len(first) == 3
    assert len(second) == 5
    assert len({e.ogrnip for e in first}) == 2
    assert len({e.ogrnip for e in second}) == 3


def test_entrepreneur_fields_are_read_exactly() -> None:
    person = next(e for e in egrip.parse(SECOND) if e.ogrnip == "324040000011163")
    assert (person.inn, person.last_name, person.first_name, person.middle_name) == (
        "041102768663", "ТАНИШЕВ", "ЭРКЕМЕН", "ВЛАДИМИРОВИЧ")
    assert person.registered_on == "2024-08-13"
    assert person.extract_date == "2025-11-30"
    assert person.okved == "55.20"
    assert person.region == "04"
    assert person.terminated_on is None
    no_patronymic = next(e for e in egrip.parse(FIRST) if e.ogrnip == "325300000041446")
    assert (no_patronymic.last_name, no_patronymic.middle_name) == ("ГАСЫМОВ", None)


def test_terminated_entrepreneur() -> None:
    (person,) = egrip.parse(FIXTURES / "egrul-crafted" / "egrip_terminated.xml")
    assert person.terminated_on == "2023-12-01"
    assert person.status.startswith("Прекратил деятельность")
    assert person.region == "42"


def test_a_record_without_ogrnip_is_refused_naming_line_and_field() -> None:
    text = (FIXTURES / "egrul-crafted" / "egrip_terminated.xml").read_text(encoding="utf-8")
    text = text.replace(' ОГРНИП="304420512300018"', "")
    with pytest.raises(ImportFailed) as error:
        list(egrip.parse(io.BytesIO(text.encode()), "no-ogrnip.xml"))
    assert (error.value.file, error.value.line, error.value.field) == ("no-ogrnip.xml", 3, "ОГРНИП")
    assert error.value.reason == "у индивидуального предпринимателя нет ОГРНИП"
