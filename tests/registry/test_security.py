"""Attacks on the registry area: server paths, hostile files, odd ids, hostile names on pages."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings

from tests.attack import run_zorko
from zorko.tasks.models import Job

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.django_db


@pytest.fixture
def import_dirs(settings: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    settings.CONFIG = dataclasses.replace(settings.CONFIG, import_dirs=(folder,))
    return folder


def _load(client: Any, path: str) -> str:
    response = client.post("/registry/load/", {"source": "egrul", "server_path": path}, follow=True)
    return response.content.decode()


def test_server_paths_outside_the_import_folders_are_refused(client_as: Any, import_dirs: Path) -> None:
    client = client_as("inspector")
    data_dir = django_settings.CONFIG.data_dir
    (import_dirs / "link-to-data").symlink_to(data_dir)
    for path in (str(data_dir / "zorko.sqlite3"), str(data_dir / "registry.duckdb"), str(data_dir),
                 str(import_dirs / "link-to-data" / "zorko.sqlite3"), "/etc/passwd",
                 str(import_dirs / ".." / ".." / "etc"), "zorko.sqlite3"):
        page = _load(client, path)
        assert "из папки данных Зорко загружать нельзя" in page or "вне папок для загрузки" in page \
            or "Укажите полный путь" in page, path
    assert not Job.objects.exists()


def test_a_folder_that_holds_the_data_directory_is_refused(client_as: Any, settings: Any) -> None:
    data_dir = django_settings.CONFIG.data_dir
    settings.CONFIG = dataclasses.replace(settings.CONFIG, import_dirs=(data_dir.parent,))
    assert "из папки данных Зорко загружать нельзя" in _load(client_as("inspector"), str(data_dir.parent))
    assert not Job.objects.exists()


def test_server_paths_are_off_unless_configured(client_as: Any) -> None:
    client = client_as("inspector")
    assert 'name="server_path"' not in client.get("/registry/").content.decode()
    assert "Загрузка по пути на сервере выключена" in _load(client, str(FIXTURES / "egrip"))
    assert not Job.objects.exists()


def test_a_path_inside_an_import_folder_is_loaded(client_as: Any, import_dirs: Path) -> None:
    shutil.copytree(FIXTURES / "egrip", import_dirs / "egrip")
    client = client_as("inspector")
    assert 'name="server_path"' in client.get("/registry/").content.decode()
    _load(client, str(import_dirs / "egrip" / ".." / "egrip"))
    assert Job.objects.get().params["paths"] == [str(import_dirs / "egrip")]


@pytest.fixture(scope="module")
def cli_data_dir(tmp_path_factory: Any) -> Path:
    folder = tmp_path_factory.mktemp("zorko-data")
    assert run_zorko(folder, "init").returncode == 0
    return folder


def _hostile_inputs(folder: Path) -> list[tuple[str, Path, str]]:
    (folder / "deep.json").write_text('{"id": "x", "schema": "Company", "properties": {"name": '
                                      + "[" * 100_000 + "]" * 100_000 + "}}\n")
    (folder / "empty.xml").write_bytes(b"")
    (folder / "empty.json").write_bytes(b"")
    zipfile.ZipFile(folder / "empty.zip", "w").close()
    with zipfile.ZipFile(folder / "other.zip", "w") as archive:
        archive.writestr("readme.txt", "не выписка")
    (folder / "empty-folder").mkdir()
    crafted = (FIXTURES / "egrul-crafted" / "egrul_all_founders_utf8.xml").read_text(encoding="utf-8")
    (folder / "bad-date.xml").write_text(crafted.replace('ДатаОГРН="2002-09-01"', 'ДатаОГРН="2002-13-45"'),
                                         encoding="utf-8")
    contract = (FIXTURES / "eis" / "synthetic" / "current_schema_contract.xml").read_text(encoding="utf-8")
    (folder / "huge-price.xml").write_text(contract.replace("<c:price>98765.43</c:price>",
                                                            "<c:price>1e30</c:price>"), encoding="utf-8")
    return [
        ("egrul", folder / "bad-date.xml",
         "bad-date.xml, строка 3, поле «дата регистрации»: неверная дата «2002-13-45»"),
        ("contracts", folder / "huge-price.xml", "поле «цена»"),
        ("ftm", folder / "deep.json", "строка 1: слишком глубокая вложенность JSON"),
        ("ftm", folder / "empty.json", "empty.json: файл пуст"),
        ("egrul", folder / "empty.xml", "empty.xml: файл пуст"),
        ("egrul", folder / "empty.zip", "empty.zip: в архиве нет файлов этого источника"),
        ("contracts", folder / "other.zip", "other.zip: в архиве нет файлов этого источника"),
        ("egrip", folder / "empty-folder", "empty-folder: в папке нет файлов этого источника"),
    ]


def test_cli_refuses_hostile_and_empty_inputs_with_exit_code_2(cli_data_dir: Path, tmp_path: Path) -> None:
    for source, path, message in _hostile_inputs(tmp_path):
        result = run_zorko(cli_data_dir, "registry", "load", source, str(path))
        assert result.returncode == 2, (path.name, result.stdout, result.stderr[-400:])
        assert message in result.stderr and "Traceback" not in result.stderr
        assert "Ничего не записано" in result.stderr
    status = run_zorko(cli_data_dir, "registry", "status", "--json")
    assert all(item["files"] == 0 for item in json.loads(status.stdout))


def test_records_with_wrong_identifiers_or_prices_are_kept_flagged_and_counted(
        cli_data_dir: Path, tmp_path: Path) -> None:
    crafted = (FIXTURES / "egrul-crafted" / "egrul_all_founders_utf8.xml").read_text(encoding="utf-8")
    bad = tmp_path / "bad_ogrn.xml"
    bad.write_text(crafted.replace('ОГРН="1024200000000" ДатаОГРН', 'ОГРН="10242000000AB" ДатаОГРН'),
                   encoding="utf-8")
    result = run_zorko(cli_data_dir, "registry", "load", "egrul", str(bad))
    assert result.returncode == 0, result.stderr
    assert "записей 2: добавлено 2" in result.stdout
    assert "с ошибками в реквизитах (сохранены, помечены): 2" in result.stdout
    assert f"{bad}, строка 3: ОГРН «10242000000AB» должен состоять из 13 цифр" in result.stdout
    assert "ИНН «420500000043»: неверные контрольные цифры" in result.stdout
    contract = (FIXTURES / "eis" / "synthetic" / "current_schema_contract.xml").read_text(encoding="utf-8")
    negative = tmp_path / "negative.xml"
    negative.write_text(contract.replace("<c:price>98765.43</c:price>", "<c:price>-98765.43</c:price>"),
                        encoding="utf-8")
    result = run_zorko(cli_data_dir, "registry", "load", "contracts", str(negative))
    assert result.returncode == 0, result.stderr
    assert "отрицательная цена контракта" in result.stdout and "-98765.43" in result.stdout
    assert "с ошибками в реквизитах (сохранены, помечены): 1" in result.stdout


def test_a_registry_csv_that_turns_to_utf8_halfway_is_refused(cli_data_dir: Path, tmp_path: Path) -> None:
    lines = (FIXTURES / "fns" / "disqualified_cp1251.csv").read_bytes().split(b"\n")
    # Without «И» (0xD0 0x98 in UTF-8; 0x98 is no Windows-1251 byte) the line decodes as 1251, garbled.
    lines[2] = lines[2].decode("cp1251").replace("И", "Е").encode("utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\n".join(lines))
    result = run_zorko(cli_data_dir, "registry", "load", "disqualified", str(path))
    assert result.returncode == 2
    assert "mixed.csv, строка 3: неверная кодировка" in result.stderr and "а эта строка в UTF-8" in result.stderr


def test_registry_search_keeps_the_query_out_of_the_url(client_as: Any) -> None:
    client = client_as("inspector")
    page = client.get("/registry/").content.decode() + client.get("/registry/search/").content.decode()
    assert 'method="post" action="/registry/search/"' in page and 'method="get" action="/registry/search/"' not in page
    assert "420500000027" not in client.get("/registry/search/", {"q": "420500000027"}).content.decode()


def test_home_page_during_a_load_shows_the_last_state_and_says_a_load_runs(
        client_as: Any, settings: Any, tmp_path: Path) -> None:
    from zorko.registry import loader

    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    loader.load("egrip", [FIXTURES / "egrip"], db_path=settings.CONFIG.registry_path, workers=1)
    client = client_as("inspector")
    before = client.get("/").content.decode()
    assert "ЕГРИП" in before and 'id="registry-loading"' not in before
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, pathlib; from zorko.registry import store, writing; "
         "p = pathlib.Path(sys.argv[1]); c = store.connect(p); a = writing.announced_load(p); a.__enter__(); "
         "print('open', flush=True); time.sleep(30)", str(settings.CONFIG.registry_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        response = client.get("/")
        page = response.content.decode()
        assert response.status_code == 200
        assert "Идёт загрузка реестра: показано состояние до её начала" in page and "ЕГРИП" in page
    finally:
        holder.kill()
        holder.wait()


def test_loads_are_stored_in_utc_and_shown_in_local_time(tmp_path: Path, monkeypatch: Any) -> None:
    """A CLI run in another time zone and the web server store the same clock: UTC."""
    import duckdb
    from django.utils import timezone

    from zorko.registry.status import registry_status

    monkeypatch.setenv("TZ", "America/New_York")
    assert run_zorko(tmp_path, "init").returncode == 0
    assert run_zorko(tmp_path, "registry", "load", "egrip", str(FIXTURES / "egrip")).returncode == 0
    monkeypatch.undo()
    con = duckdb.connect(str(tmp_path / "registry.duckdb"), read_only=True)
    stored = con.execute("SELECT max(loaded_at) FROM loads").fetchall()[0][0]
    con.close()
    assert abs((stored - datetime.now(UTC).replace(tzinfo=None)).total_seconds()) < 600
    shown = {i.source: i for i in registry_status(tmp_path / "registry.duckdb")}["egrip"].last_loaded_at
    local_now = timezone.localtime().replace(tzinfo=None)
    assert abs((datetime.fromisoformat(shown) - local_now).total_seconds()) < 600


def test_hostile_registry_names_on_search_and_cards_are_text(
        client_as: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.attack import SCRIPT_BREAK, assert_shown_escaped
    from zorko.registry import loader, store

    monkeypatch.setattr(store, "default_path", lambda: tmp_path / "registry.duckdb")
    crafted = (FIXTURES / "egrul-crafted" / "egrul_all_founders_utf8.xml").read_text(encoding="utf-8")
    hostile = crafted.replace("КУЗБАСС-ТЕСТ", "&lt;script&gt;alert(1)&lt;/script&gt;").replace(
        'НаимСокр="АО &quot;', 'НаимСокр="АО &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;')
    (tmp_path / "hostile.xml").write_text(hostile, encoding="utf-8")
    loader.load("egrul", [tmp_path / "hostile.xml"], workers=1)
    client = client_as("inspector")
    found = client.post("/registry/search/", {"q": "alert"}).content.decode()
    assert_shown_escaped(found)
    card = client.get("/registry/company/1024200000000/").content.decode()
    assert_shown_escaped(card)
    assert_shown_escaped(card, SCRIPT_BREAK)


def test_hostile_uploads_end_in_a_failed_job_with_the_reason(
        client_as: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zorko.registry import store
    from zorko.tasks import queue

    monkeypatch.setattr(store, "default_path", lambda: tmp_path / "registry.duckdb")
    client = client_as("inspector")
    for source, path, message in _hostile_inputs(tmp_path):
        if path.is_dir():
            continue
        client.post("/registry/load/", {"source": source,
                                        "files": SimpleUploadedFile(path.name, path.read_bytes())})
        queue.run_pending()
        job = Job.objects.latest("pk")
        page = client.get(f"/tasks/{job.pk}/").content.decode()
        assert job.status == Job.Status.FAILED, path.name
        assert message.split(": ", 1)[-1].split(",")[0] in page, (path.name, job.error)


def test_a_load_is_announced_while_it_runs_and_a_killed_ones_mark_is_ignored(tmp_path: Path) -> None:
    from zorko.registry import loader, writing

    db = tmp_path / "registry.duckdb"
    seen: list[bool] = []
    loader.load("egrip", [FIXTURES / "egrip"], db_path=db, workers=1,
                progress=lambda _p: seen.append(writing.load_running(db)))
    assert seen and all(seen)
    assert not writing.load_running(db)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / "registry.duckdb.loading").write_text(dead.stdout.strip())
    assert not writing.load_running(db)


def test_home_page_shows_a_load_finished_in_another_process(client_as: Any, settings: Any, tmp_path: Path) -> None:
    settings.CONFIG = dataclasses.replace(settings.CONFIG, data_dir=tmp_path)
    client = client_as("inspector")
    before = client.get("/").content.decode().count("не загружен")
    subprocess.run([sys.executable, "-c", "import sys; from zorko.registry import loader; "
                    "loader.load('egrip', [sys.argv[1]], db_path=sys.argv[2], workers=1)",
                    str(FIXTURES / "egrip"), str(settings.CONFIG.registry_path)], check=True)
    # The page remembered the empty store; the load changed its files, so the page reads it again.
    assert client.get("/").content.decode().count("не загружен") == before - 1
