"""Inputs the fuzzer found that crashed an importer: each now ends in a clean refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.people.helpers import SERVANTS_CSV, nothing_written
from zorko.exceptions import InputFileError
from zorko.people.importing import import_people


@pytest.mark.django_db
def test_carriage_return_inside_an_unquoted_csv_field(tmp_path: Path) -> None:
    """`_csv.Error: new-line character seen in unquoted field` escaped from the people import."""
    lines = SERVANTS_CSV.read_bytes().split(b"\r\n")
    lines[0] += b"\r\x0b" + lines.pop(1)  # the header and the first row glued by a lone CR
    broken = tmp_path / "служащие.csv"
    broken.write_bytes(b"\r\n".join(lines))
    with pytest.raises(InputFileError) as caught:
        import_people(broken)
    [problem] = caught.value.problems
    assert problem.file == "служащие.csv" and problem.row == 1
    assert "перевод строки внутри поля без кавычек" in problem.reason
    assert nothing_written()
