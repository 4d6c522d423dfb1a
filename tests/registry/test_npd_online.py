"""The online НПД check against a local server answering with the ФНС service's recorded responses."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.registry_tables import unreachable_url
from zorko.registry import npd_online

RESPONSES = Path(__file__).resolve().parents[1] / "fixtures" / "npd" / "fns_responses"
# ИНН → (HTTP status, recorded body file, seconds to wait before answering)
ANSWERS = {"420512345675": (200, "payer.json", 0.0), "420565432160": (200, "not_payer.json", 0.0),
           "421100011192": (422, "limited_422.json", 0.0), "420512345670": (422, "validation_422.json", 0.0),
           "772112345678": (200, "payer.json", 3.0)}


class FakeFns(BaseHTTPRequestHandler):
    requests: list[tuple[float, dict[str, str]]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeFns.requests.append((time.monotonic(), body))
        status, name, delay = ANSWERS[body["inn"]]
        time.sleep(delay)
        payload = (RESPONSES / name).read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[tuple[float, dict[str, str]]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeFns)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeFns.requests = []
    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZORKO_NPD_ONLINE", "1")
    monkeypatch.setenv("ZORKO_NPD_URL", f"http://127.0.0.1:{server.server_port}/api/v1/tracker/taxpayer_status")
    monkeypatch.setenv("ZORKO_NPD_TIMEOUT", "1")
    monkeypatch.setenv("ZORKO_NPD_INTERVAL", "0.4")
    yield FakeFns.requests
    server.shutdown()
    server.server_close()


def test_payer_is_asked_once_a_day_and_cached_with_the_date(fns, tmp_path: Path) -> None:
    answer = npd_online.check("420512345675", date(2026, 12, 5))
    assert (answer.status, answer.checked_on) == (True, date(2026, 12, 5))
    assert answer.text == "420512345675 является плательщиком налога на профессиональный доход"
    assert fns[0][1] == {"inn": "420512345675", "requestDate": "2026-12-05"}
    again = npd_online.check("420512345675", date(2026, 12, 5))
    assert again.status is True and len(fns) == 1
    cache = json.loads((tmp_path / "npd-cache.json").read_text(encoding="utf-8"))
    assert cache["420512345675"]["checked_on"] == "2026-12-05"
    npd_online.check("420512345675", date(2026, 12, 6))
    assert len(fns) == 2  # another day: asked again


def test_requests_are_spaced_by_the_interval(fns) -> None:
    npd_online.check("420512345675", date(2026, 12, 5))
    answer = npd_online.check("420565432160", date(2026, 12, 5))
    assert answer.status is False and "не является" in answer.text
    assert fns[1][0] - fns[0][0] >= 0.39


@pytest.mark.parametrize(("inn", "text"), [
    ("421100011192", "Сервис ФНС не ответил: превышено число запросов к сервису, повторите позже: Превышено"),
    ("420512345670", "Сервис ФНС не ответил: сервис не принял запрос (неверный ИНН или дата)"),
    ("772112345678", "Сервис ФНС не ответил: сервис недоступен"),  # answers after the timeout
])
def test_errors_and_timeout_say_so_and_raise_nothing(fns, tmp_path: Path, inn: str, text: str) -> None:
    answer = npd_online.check(inn, date(2026, 12, 5))
    assert answer.status is None and answer.text.startswith(text)
    assert not (tmp_path / "npd-cache.json").exists()  # a failure is not cached


def test_unreachable_service(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZORKO_NPD_ONLINE", "1")
    monkeypatch.setenv("ZORKO_NPD_URL", unreachable_url())
    monkeypatch.setenv("ZORKO_NPD_INTERVAL", "0")
    answer = npd_online.check("420512345675", date(2026, 12, 5))
    assert answer.status is None
    assert answer.text.startswith("Сервис ФНС не ответил: сервис недоступен (")
    assert answer.text.endswith("статус не проверен")


def test_off_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ZORKO_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ZORKO_NPD_ONLINE", raising=False)
    answer = npd_online.check("420512345675", date(2026, 12, 5))
    assert answer.status is None and "онлайн-проверка выключена" in answer.text
