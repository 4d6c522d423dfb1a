"""`zorko report --person N --format pdf|docx --out FILE`."""

from __future__ import annotations

import docx
from click.testing import CliRunner

from zorko.audit.models import AuditEvent
from zorko.cli import main


def test_report_command_writes_docx_and_audits(make_servant, tmp_path):
    servant = make_servant("Шевченко", "Оксана", "Петровна")
    out = tmp_path / "отчет.docx"
    result = CliRunner().invoke(main, ["report", "--person", servant.personnel_number, "--format", "docx",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).paragraphs[0].text == "Отчет о проверке Шевченко Оксаны Петровны"
    assert AuditEvent.objects.get(action="report.download").username == "cli"


def test_unknown_person_is_a_russian_error(db, tmp_path):
    result = CliRunner().invoke(main, ["report", "--person", "НЕТ", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and "не найден" in result.output
