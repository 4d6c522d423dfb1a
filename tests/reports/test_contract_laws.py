"""«Отчет о проверке ФЛ»: each contract's law, and only the registries actually loaded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from zorko.registry import loader
from zorko.reports.pdf import render_html
from zorko.reports.person_report import build_report, registry_name

from ..findings.scenario import make_family, make_finding, make_run, supplier_evidence

EIS223 = Path(__file__).resolve().parents[1] / "fixtures" / "eis223"


def test_report_shows_the_law_of_each_contract_and_only_loaded_registries(settings, tmp_path, make_servant):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    loader.load("contracts223", [EIS223], db_path=tmp_path / "registry.duckdb")
    servant, wife = make_family(make_servant)
    evidence = supplier_evidence(servant, wife)
    evidence["contracts"] = [
        {"reg_num": "50105018196180000870000", "sign_date": "2018-05-28", "price": "317962.72", "subject": "Газ"},
        {"reg_num": "3420500000126000017", "sign_date": "2026-03-14", "price": "1250000.00", "subject": "Кровля"}]
    make_finding(servant, relative=wife, evidence=evidence)
    make_run([servant], as_of={"egrul": "2026-11-02", "contracts223": "2019-12-17"})
    report = build_report(servant)
    assert [(x.name, x.as_of) for x in report.registries] == [("ЕГРЮЛ (юридические лица)", "02.11.2026"),
                                                             ("ЕИС, реестр договоров (223-ФЗ)", "17.12.2019")]
    laws = {c["reg_num"]: c["law"] for c in report.findings[0].evidence.contracts}
    # The first from the store, the second (not loaded) from the form of its number.
    assert laws == {"50105018196180000870000": "223-ФЗ", "3420500000126000017": "44-ФЗ"}
    html = render_html(report)
    assert "<td>50105018196180000870000</td><td class='nowrap'>223-ФЗ</td>" in html
    assert "44-ФЗ, 223-ФЗ" not in registry_name("contracts") and "ЕИС, реестр контрактов (44-ФЗ)" not in html
