"""The registry page lists loads as they were started: one row per run, file names without server folders."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.registry.test_small_files import contract_file
from zorko.registry import loader, store
from zorko.registry.load_runs import NAMES_PER_RUN, file_label, recent_runs

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "registry.duckdb"
    monkeypatch.setattr(store, "default_path", lambda: path)
    return path


def _loads_table(html: str) -> str:
    return html.split('registry-loads"')[1].split("</table>")[0]


def test_a_run_of_many_small_files_is_one_row_with_its_files_listed(
        client_as: Callable[[str], Any], registry_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "eis" / "in"
    folder.mkdir(parents=True)
    for i in range(12):
        contract_file(folder, i)
    loader.load("contracts", [folder], db_path=registry_db, workers=1)
    loader.load("contracts", [contract_file(tmp_path, 900, name="один.xml")], db_path=registry_db, workers=1)

    html = client_as("inspector").get("/registry/").content.decode()
    table = _loads_table(html)
    rows = re.findall(r"<tr data-run=.*?</tr>", table, re.S)
    assert len(rows) == 2  # two runs, thirteen files
    newest, folder_run = rows
    assert "один.xml" in newest and "<details" not in newest
    assert "Контракты" in folder_run and "<summary>12 файлов</summary>" in folder_run
    assert folder_run.count("<li>contract_0") == 12
    # the counts are summed over the run's files
    cells = re.findall(r"<td>([\d\xa0 ]+)</td>", folder_run)
    assert cells[0] == "12"


def test_no_server_path_reaches_the_page(client_as: Callable[[str], Any], registry_db: Path,
                                         tmp_path: Path) -> None:
    assert str(tmp_path).startswith("/tmp")  # pytest's folders: what an upload's folder looks like
    contract_file(tmp_path, 1)
    with zipfile.ZipFile(tmp_path / "архив.zip", "w") as archive:
        archive.write(contract_file(tmp_path, 2), "2024/contract_002.xml")
    loader.load("contracts", [tmp_path / "contract_001.xml", tmp_path / "архив.zip"], db_path=registry_db,
                workers=1)

    html = client_as("inspector").get("/registry/").content.decode()
    assert "/tmp" not in html and str(tmp_path) not in html
    table = _loads_table(html)
    assert "<li>contract_001.xml</li>" in table and "<li>архив.zip!2024/contract_002.xml</li>" in table


def test_server_import_folders_are_not_shown(client_as: Callable[[str], Any], registry_db: Path,
                                             settings: Any, tmp_path: Path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, import_dirs=(tmp_path,))
    html = client_as("administrator").get("/registry/").content.decode()
    assert 'name="server_path"' in html and str(tmp_path) not in html and "/tmp" not in html


def test_a_long_run_lists_its_first_names_and_counts_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    con = store.connect(db)
    rows = [(i, 7, "contracts", f"/srv/zorko/import/c{i}.xml", f"sum{i}", 3) for i in range(NAMES_PER_RUN + 5)]
    con.executemany("INSERT INTO loads VALUES (?, ?, ?, ?, ?, now(), NULL, ?, 3, 0, 0, 'loaded')", rows)
    con.close()
    (run,) = recent_runs(db_path=db)
    assert (run.files, run.records, run.added) == (NAMES_PER_RUN + 5, 3 * (NAMES_PER_RUN + 5), 3 * (NAMES_PER_RUN + 5))
    assert run.names[:2] == ["c0.xml", "c1.xml"] and len(run.names) == NAMES_PER_RUN and run.more_names == 5


def test_file_label_keeps_the_name_and_the_archive_member() -> None:
    assert file_label("/var/lib/zorko/registry-uploads/AbC/egrul.xml") == "egrul.xml"
    assert file_label("/tmp/x/архив.zip!a/b.xml") == "архив.zip!a/b.xml"
    assert file_label("plain.csv") == "plain.csv"


def test_a_failed_or_flagged_upload_names_the_file_not_the_upload_folder(
        client_as: Callable[[str], Any], registry_db: Path, tmp_path: Path) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zorko.tasks import queue
    from zorko.tasks.models import Job

    client = client_as("inspector")
    broken = contract_file(tmp_path, 3).read_text(encoding="utf-8")[:200]  # cut mid-element
    client.post("/registry/load/", {"source": "contracts",
                                    "files": SimpleUploadedFile("обрезанный.xml", broken.encode())})
    queue.run_pending()
    job = Job.objects.latest("pk")
    page = client.get(f"/tasks/{job.pk}/").content.decode()
    assert job.status == Job.Status.FAILED and "обрезанный.xml" in job.error
    assert "registry-uploads" not in job.error and "registry-uploads" not in page


def test_without_folders_keeps_names_and_drops_the_folders_given() -> None:
    from zorko.registry.load_runs import without_folders

    text = "/srv/up/AbC/a.xml, строка 5: ИНН; /srv/up/AbC/b.zip!x/c.xml"
    assert without_folders(text, ["/srv/up/AbC/a.xml", "/srv/up/AbC/b.zip"]) == "a.xml, строка 5: ИНН; b.zip!x/c.xml"
    assert without_folders("/etc/passwd", ["/"]) == "/etc/passwd"


def test_counts_in_the_store_read_with_russian_thousands(client_as: Callable[[str], Any],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from zorko.registry import status

    loaded = status.SourceStatus("egrul", "ЕГРЮЛ", "2026-12-05 10:00:00", "2026-12-05", 4, 2783,
                                 {"companies": 2783, "person_roles": 17638})
    monkeypatch.setattr(status, "registry_status", lambda *_a: [loaded])
    row = re.sub(r"\s+", " ", client_as("inspector").get("/registry/").content.decode().replace("\xa0", " "))
    assert "юрлиц: 2 783, лиц в ролях: 17 638" in row and "17638" not in row
