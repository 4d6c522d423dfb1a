"""Registry pages: status and load form, search, company and entrepreneur cards.

Registry code is imported inside the views: Django starts without DuckDB,
and a page opens the store only for its own short read.
"""

from __future__ import annotations

import secrets
import shutil
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zorko.accounts.roles import can
from zorko.audit.log import client_ip, record
from zorko.exceptions import ValidationError, ZorkoError
from zorko.registry.server_paths import checked_server_path
from zorko.tasks import queue
from zorko.web.access import requires


def _busy_page(request: HttpRequest, exc: ZorkoError) -> HttpResponse:
    return render(request, "web/error.html", {"error": str(exc)}, status=exc.http_status)


@requires("registry.view")
def status(request: HttpRequest) -> HttpResponse:
    from zorko.registry import sources
    from zorko.registry.load_runs import recent_runs
    from zorko.registry.status import registry_status

    try:
        items = registry_status()
        runs = recent_runs()
    except ZorkoError as exc:
        return _busy_page(request, exc)
    return render(request, "registry/status.html", {
        "items": items, "runs": runs, "sources": [(k, v[0]) for k, v in sources.SOURCES.items()],
        "can_load": can(request.user, "registry.load"),
        "server_paths_allowed": bool(settings.CONFIG.import_dirs),
    })


UPLOAD_MAX_AGE_SECONDS = 7 * 24 * 3600


def _upload_dir() -> Path:
    """A new folder for one load's uploads; folders of loads that failed long ago are removed."""
    root = settings.CONFIG.data_dir / "registry-uploads"
    if root.is_dir():
        cutoff = time.time() - UPLOAD_MAX_AGE_SECONDS
        for old in root.iterdir():
            if old.is_dir() and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
    return root / secrets.token_urlsafe(16)


@requires("registry.load")
@require_POST
def start_load(request: HttpRequest) -> HttpResponse:
    """Start a load of uploaded files or of a path on the server, as a background job."""
    from zorko.registry import sources

    source = request.POST.get("source", "")
    if source not in sources.SOURCES:
        messages.error(request, f"Неизвестный источник «{source}».")
        return redirect("registry-status")
    uploads = request.FILES.getlist("files")
    server_path = request.POST.get("server_path", "").strip()
    upload_dir: Path | None = None
    if uploads:
        upload_dir = _upload_dir()
        upload_dir.mkdir(mode=0o700, parents=True)
        paths = []
        for upload in uploads:
            name = Path(upload.name or "file").name or "file"
            with open(upload_dir / name, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            # Each file by itself: an error names it, and a zip without source files is refused.
            paths.append(str(upload_dir / name))
    elif server_path:
        try:
            paths = [str(checked_server_path(server_path, settings.CONFIG))]
        except ValidationError as exc:
            messages.error(request, str(exc))
            return redirect("registry-status")
    else:
        messages.error(request, "Выберите файлы или укажите путь на сервере.")
        return redirect("registry-status")
    job = queue.enqueue("registry.load", {
        "source": source, "paths": paths, "upload_dir": str(upload_dir) if upload_dir else None,
        "user_id": request.user.pk,
    }, request.user)
    record(request.user, "registry.load", object_type="registry", object_id=job.pk,
           object_repr=sources.title(source), source=source,
           files=[u.name for u in uploads] if uploads else [server_path])
    return redirect("job-status", job_id=job.pk)


@requires("registry.view")
def search(request: HttpRequest) -> HttpResponse:
    from zorko.registry import lookup

    # POST only: an ИНН typed here is personal data and must not land in URLs, server logs
    # and browser history, as a GET query string would.
    query = request.POST.get("q", "").strip()[:300] if request.method == "POST" else ""
    try:
        found = lookup.search(query) if query else None
    except ZorkoError as exc:
        return _busy_page(request, exc)
    return render(request, "registry/search.html", {"q": query, "found": found})


def _municipal_inns() -> set[str]:
    from zorko.people.models import Organisation

    return {inn for inn in Organisation.objects.values_list("inn", flat=True) if inn}


def _contracts_summary(contracts: list[dict[str, Any]]) -> dict[str, Any]:
    """Mark contracts with our municipal customers and total both sets."""
    ours = _municipal_inns()
    total = Decimal(0)
    municipal_total = Decimal(0)
    for c in contracts:
        c["municipal"] = c["customer_inn"] in ours
        price = c["price"] or Decimal(0)
        total += price
        if c["municipal"]:
            municipal_total += price
    return {"contracts": contracts, "total": total, "municipal_total": municipal_total,
            "municipal_count": sum(1 for c in contracts if c["municipal"])}


def _findings_on(request: HttpRequest, ogrn: str) -> list[Any]:
    """Active findings about this company or entrepreneur, for readers allowed to see findings."""
    if not can(request.user, "findings.view"):
        return []
    from zorko.findings.models import Finding

    return list(Finding.objects.filter(subject_ogrn=ogrn, active=True).select_related("servant", "relative"))


@requires("registry.view")
def company_card(request: HttpRequest, ogrn: str) -> HttpResponse:
    from zorko.registry import lookup

    return _card_page(request, "company", ogrn, lookup.company,
                      lambda c: c["short_name"] or c["full_name"] or ogrn)


@requires("registry.view")
def entrepreneur_card(request: HttpRequest, ogrnip: str) -> HttpResponse:
    from zorko.registry import lookup

    return _card_page(request, "entrepreneur", ogrnip, lookup.entrepreneur,
                      lambda e: " ".join(p for p in (e["last_name"], e["first_name"], e["middle_name"]) if p))


_CARDS = {  # kind → (template, name of the card in it, text when the store has no such record)
    "company": ("registry/company.html", "c", "Юридическое лицо не найдено в хранилище реестров"),
    "entrepreneur": ("registry/entrepreneur.html", "e",
                     "Индивидуальный предприниматель не найден в хранилище реестров"),
}


def _card_page(request: HttpRequest, kind: str, key: str,
               find: Callable[[str], dict[str, Any] | None],
               name_of: Callable[[dict[str, Any]], str]) -> HttpResponse:
    """A company's or entrepreneur's card with its findings and contracts; the read is audited."""
    template, card_name, missing = _CARDS[kind]
    try:
        card = find(key)
    except ZorkoError as exc:
        return _busy_page(request, exc)
    if card is None:
        raise Http404(missing)
    name = name_of(card)
    record(request.user, "registry.view", object_type=kind, object_id=key, object_repr=name, ip=client_ip(request))
    return render(request, template, {card_name: card, "name": name, "findings": _findings_on(request, key),
                                      **_contracts_summary(card["contracts"])})
