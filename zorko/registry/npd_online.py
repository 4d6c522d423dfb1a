"""The optional online НПД check: the ФНС service «Проверка статуса налогоплательщика НПД».

Off unless ``ZORKO_NPD_ONLINE=1`` (Zorko often runs without internet). The
documented API: ``POST https://statusnpd.nalog.ru/api/v1/tracker/taxpayer_status``
with JSON ``{"inn": "…", "requestDate": "ГГГГ-ММ-ДД"}``; the answer is
``{"status": true|false, "message": "… является / не является плательщиком
налога на профессиональный доход"}``, or, on an error (HTTP 4xx/5xx),
``{"code": "validation.failed" | "taxpayer.status.service.limited.error" |
"taxpayer.status.service.unavailable.error", "message": "…"}``.

* **Rate limit.** The service answers about two requests a minute from one
  address; requests are spaced by ``ZORKO_NPD_INTERVAL`` seconds (31).
* **Timeout.** ``ZORKO_NPD_TIMEOUT`` seconds (10) per request.
* **Cache with a date.** Answers are kept in ``ZORKO_DATA_DIR/npd-cache.json``
  with the day they were received; a status already asked today is not
  asked again. The screening reads the cache (``cached``) next to the
  ``npd`` list source.
* **Unreachable.** No connection, a timeout, an HTTP error or an answer
  that is not the documented JSON gives an :class:`NpdAnswer` with
  ``status=None`` and a plain Russian ``error``; nothing is raised, so a
  check that asked goes on with its other sources.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from zorko import config

CACHE_FILE = "npd-cache.json"
_LOCK = threading.Lock()
_last_request = 0.0  # monotonic time of the last request, for the rate limit


@dataclass(slots=True)
class NpdAnswer:
    inn: str
    status: bool | None  # None: no answer (see error)
    message: str
    checked_on: date
    error: str = ""

    @property
    def text(self) -> str:
        """What a person reads: the service's own words, or why there is no answer."""
        if self.status is None:
            return f"Сервис ФНС не ответил: {self.error}"
        return self.message or ("является плательщиком НПД" if self.status else "не является плательщиком НПД")


def enabled() -> bool:
    return config.load().npd_online


def _cache_path() -> Path:
    # Read per screened person: the data directory alone, without loading every setting.
    return Path(os.environ.get("ZORKO_DATA_DIR", "./var")).resolve() / CACHE_FILE


def _read_cache() -> dict[str, dict[str, object]]:
    path = _cache_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def cached(inns: list[str]) -> dict[str, NpdAnswer]:
    """Cached answers (with a status) for these ИНН, whatever their date."""
    data = _read_cache()
    found: dict[str, NpdAnswer] = {}
    for inn in inns:
        entry = data.get(inn)
        if isinstance(entry, dict) and entry.get("status") is not None:
            found[inn] = NpdAnswer(inn, bool(entry["status"]), str(entry.get("message") or ""),
                                   date.fromisoformat(str(entry["checked_on"])))
    return found


def _remember(answer: NpdAnswer) -> None:
    data = _read_cache()
    entry = asdict(answer)
    entry["checked_on"] = answer.checked_on.isoformat()
    data[answer.inn] = entry
    path = _cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def check(inn: str, on: date | None = None) -> NpdAnswer:
    """The status of one ИНН on a day (today): from today's cache, else from the service."""
    day = on or date.today()
    today = cached([inn]).get(inn)
    if today is not None and today.checked_on == day:
        return today
    if not enabled():
        return NpdAnswer(inn, None, "", day, "онлайн-проверка выключена (ZORKO_NPD_ONLINE)")
    answer = _ask(inn, day)
    if answer.status is not None:
        _remember(answer)
    return answer


def _ask(inn: str, day: date) -> NpdAnswer:
    global _last_request
    settings = config.load()
    body = json.dumps({"inn": inn, "requestDate": day.isoformat()}).encode()
    request = urllib.request.Request(settings.npd_url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    with _LOCK:
        wait = settings.npd_interval - (time.monotonic() - _last_request)
        if _last_request and wait > 0:
            time.sleep(wait)
        _last_request = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=settings.npd_timeout) as response:  # noqa: S310
                payload = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            return NpdAnswer(inn, None, "", day, _http_error(exc))
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            return NpdAnswer(inn, None, "", day, f"сервис недоступен ({reason}); статус не проверен")
        except ValueError:
            return NpdAnswer(inn, None, "", day, "ответ сервиса не в документированном формате; статус не проверен")
    if not isinstance(payload, dict) or not isinstance(payload.get("status"), bool):
        return NpdAnswer(inn, None, "", day, "ответ сервиса не в документированном формате; статус не проверен")
    return NpdAnswer(inn, payload["status"], str(payload.get("message") or ""), day)


_ERRORS = {
    "validation.failed": "сервис не принял запрос (неверный ИНН или дата)",
    "taxpayer.status.service.limited.error": "превышено число запросов к сервису, повторите позже",
    "taxpayer.status.service.unavailable.error": "сервис ФНС временно недоступен",
}


def _http_error(exc: urllib.error.HTTPError) -> str:
    try:
        payload = json.loads(exc.read().decode("utf-8"))
    except ValueError:
        payload = {}
    code = payload.get("code") if isinstance(payload, dict) else None
    known = _ERRORS.get(str(code))
    message = payload.get("message") if isinstance(payload, dict) else None
    return f"{known or f'ошибка HTTP {exc.code}'}{f': {message}' if message else ''}; статус не проверен"
