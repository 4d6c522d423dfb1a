"""Write the demo registry as real files, load it through the ordinary loader, screen everybody.

The files go to ``ZORKO_DATA_DIR/demo-registry/{egrul,egrip,contracts}/``;
the loader skips files it has loaded before (by checksum), so running
``zorko demo`` again the same day adds nothing, and the screening is run
again only when a load changed something (or none has run yet).
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from zorko.demo.people import generate
from zorko.demo.registry_records import write_contracts, write_egrip, write_egrul
from zorko.demo.registry_world import RegistryWorld, build
from zorko.exceptions import ZorkoError
from zorko.findings.rules_info import rule_name
from zorko.registry import loader

FOLDER = "demo-registry"
LABELS = {"egrul": "компаний (ЕГРЮЛ)", "egrip": "предпринимателей (ЕГРИП)", "contracts": "контрактов (ЕИС)"}


@dataclass(slots=True)
class DemoRegistrySummary:
    world: RegistryWorld
    loaded: dict[str, tuple[int, int]] = field(default_factory=dict)  # source → (records, added or changed)
    screened: bool = False
    findings: dict[str, int] = field(default_factory=dict)
    requests: int = 0

    def lines(self) -> list[str]:
        out = []
        for source, (records, new) in self.loaded.items():
            out.append(f"Реестр: {LABELS[source]} — {records}, новых или изменённых {new}")
        planted = Counter(p.rule for p in self.world.planted)
        out.append("Заложено случаев: " + "; ".join(f"{rule_name(rule)} — {n}" for rule, n in sorted(planted.items()))
                   + f"; ложных следов: {len(self.world.decoys)}")
        if not self.screened:
            out.append("Реестр не изменился: повторная проверка не нужна.")
        total = sum(self.findings.values())
        by_rule = "; ".join(f"{rule_name(rule)} — {n}" for rule, n in sorted(self.findings.items()))
        out.append(f"Срабатываний: {total}" + (f" ({by_rule})" if by_rule else ""))
        out.append(f"Запросов уточнения служащим: {self.requests}")
        return out


def write_files(world: RegistryWorld, folder: Path, extract: date) -> dict[str, list[Path]]:
    """Replace the folder's files: a stale file of another day must not be loaded next to today's."""
    if folder.exists():
        shutil.rmtree(folder)
    return {
        "egrul": write_egrul(folder / "egrul", world.companies, extract),
        "egrip": write_egrip(folder / "egrip", world.entrepreneurs, extract),
        "contracts": write_contracts(folder / "contracts", world.contracts),
    }


def _screen_as_job(user: Any) -> None:
    """Screen everybody through the job queue, so the home page and /tasks/ show the run like any other."""
    from zorko.tasks import queue
    from zorko.tasks.models import Job

    job = queue.enqueue("screening.run", {"scope": "all", "user_id": getattr(user, "pk", None)}, user)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now(), attempts=1)
    done = queue.run_job(job)
    if done.status != Job.Status.DONE:
        raise ZorkoError(f"Проверка демо-данных не выполнена: {done.error}")


def load_demo_registry(seed: int = 1, servants: int = 420, companies: int | None = None,
                       user: Any = None) -> DemoRegistrySummary:
    from zorko.findings.models import ClarificationRequest, Finding, ScreeningRun

    world = build(generate(seed, servants), seed, companies)
    files = write_files(world, settings.CONFIG.data_dir / FOLDER, timezone.localdate())
    summary = DemoRegistrySummary(world)
    changed = False
    for source, paths in files.items():
        result = loader.load(source, paths, db_path=settings.CONFIG.registry_path)
        totals = result.totals
        summary.loaded[source] = (totals.records, totals.added + totals.changed)
        changed |= any(not f.skipped for f in result.files)
    if changed or not ScreeningRun.objects.exists():
        _screen_as_job(user)
        summary.screened = True
    rows = Finding.objects.filter(active=True).values("rule").annotate(n=Count("pk")).order_by("rule")
    summary.findings = {r["rule"]: r["n"] for r in rows}
    summary.requests = ClarificationRequest.objects.filter(active=True).count()
    return summary
