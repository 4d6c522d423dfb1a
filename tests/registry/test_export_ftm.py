"""FtM export: valid per the FtM model, deterministic, and read back into the same rows."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from followthemoney import model

from zorko.cli import main
from zorko.registry import loader
from zorko.registry.export_ftm import export

FTM = Path(__file__).resolve().parents[1] / "fixtures" / "ftm" / "ru_egrul_sample.jsonl"
TABLES = ("companies", "entrepreneurs", "person_roles", "company_owners", "company_managers")


def exported(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = io.StringIO()
        export(con, out)
        return out.getvalue()
    finally:
        con.close()


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


def test_export_is_valid_ftm_and_deterministic(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    loader.load("ftm", [FTM], db_path=db)
    text = exported(db)
    assert text == exported(db)
    lines = [json.loads(line) for line in text.splitlines()]
    schemata = [d["schema"] for d in lines]
    assert schemata.count("Company") == 4
    assert schemata.count("Ownership") == 6 and schemata.count("Directorship") == 2
    for data in lines:
        schema = model.get(data["schema"])
        schema.validate(data)
        # Cleaning by the model drops nothing: every value is valid for its type.
        assert model.get_proxy(data, cleaned=False).to_dict()["properties"] == data["properties"]
    ip = next(d for d in lines if "304420500000013" in d["properties"].get("ogrnCode", []))
    assert ip["schema"] == "Person"
    assert ip["properties"]["legalForm"] == ["Индивидуальный предприниматель"]


def test_round_trip_gives_the_same_rows(tmp_path: Path) -> None:
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    loader.load("ftm", [FTM], db_path=first)
    out = tmp_path / "export.jsonl"
    out.write_text(exported(first), encoding="utf-8")
    loader.load("ftm", [out], db_path=second)
    assert counts(second) == counts(first) == {
        "companies": 4, "entrepreneurs": 1, "person_roles": 6, "company_owners": 3,
        "company_managers": 0}
    query = ("SELECT subject_ogrn, role, last_name, first_name, middle_name, inn, share_percent,"
             " title, since, unreliable FROM person_roles ORDER BY ALL")
    a = duckdb.connect(str(first), read_only=True)
    b = duckdb.connect(str(second), read_only=True)
    try:
        assert b.execute(query).fetchall() == a.execute(query).fetchall()
        companies = "SELECT ogrn, inn, kpp, full_name, terminated_on FROM companies ORDER BY ogrn"
        assert b.execute(companies).fetchall() == a.execute(companies).fetchall()
    finally:
        a.close()
        b.close()


@pytest.mark.django_db
def test_cli_export_writes_the_file_and_audits(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from zorko.audit.models import AuditEvent

    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "out" / "registry.ftm.json"
    result = CliRunner().invoke(main, ["registry", "export", "ftm", "--out", str(out)])
    assert result.exit_code != 0
    assert "сначала загрузите реестры" in result.output
    assert not out.exists()
    loader.load("ftm", [FTM], db_path=tmp_path / "data" / "registry.duckdb")
    result = CliRunner().invoke(main, ["registry", "export", "ftm", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Выгружено сущностей FtM: 18" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 18
    event = AuditEvent.objects.get(action="export")
    assert event.details["format"] == "ftm" and event.details["entities"] == 18


def test_round_trip_of_real_egrul_and_egrip_samples(tmp_path: Path) -> None:
    fixtures = FTM.parents[1]
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    loader.load("egrul", [fixtures / "egrul"], db_path=first, workers=1)
    loader.load("egrip", [fixtures / "egrip"], db_path=first, workers=1)
    out = tmp_path / "export.jsonl"
    out.write_text(exported(first), encoding="utf-8")
    loader.load("ftm", [out], db_path=second)
    assert counts(second) == counts(first) == {
        "companies": 172, "entrepreneurs": 5, "person_roles": 374, "company_owners": 22,
        "company_managers": 1}
    # Export writes names in FtM's clean form (runs of spaces collapsed), and a short name equal
    # to the full one is one FtM name, read back as no short name; all else is verbatim.
    roles = ("SELECT subject_kind, subject_ogrn, role, last_name, first_name, middle_name, inn,"
             " share_percent, share_nominal, title, since, unreliable FROM person_roles ORDER BY ALL")
    owners = ("SELECT subject_ogrn, owner_kind, owner_ogrn, owner_inn,"
              " regexp_replace(owner_name, ' +', ' ', 'g'), share_percent, share_nominal, since,"
              " unreliable FROM company_owners ORDER BY ALL")
    companies = ("SELECT ogrn, inn, kpp, regexp_replace(full_name, ' +', ' ', 'g'),"
                 " regexp_replace(coalesce(short_name, full_name), ' +', ' ', 'g'), status,"
                 " terminated_on, region,"
                 " registered_on, address_norm FROM companies ORDER BY ALL")
    a = duckdb.connect(str(first), read_only=True)
    b = duckdb.connect(str(second), read_only=True)
    try:
        for query in (roles, owners, companies):
            assert b.execute(query).fetchall() == a.execute(query).fetchall()
    finally:
        a.close()
        b.close()
