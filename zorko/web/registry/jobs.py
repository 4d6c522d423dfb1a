"""Background job ``registry.load``: a registry load started from the web.

If the server stops mid-load the queue puts the job back and it runs again
from the start; that is safe because a load is one transaction (nothing of
the interrupted run was kept) and files loaded before are skipped by
checksum.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from zorko.exceptions import ImportFailed
from zorko.tasks import queue


@queue.job("registry.load")
def registry_load_job(progress: queue.Progress, source: str, paths: list[str],
                      upload_dir: str | None = None, user_id: int | None = None) -> dict[str, Any]:
    from zorko.registry import loader
    from zorko.registry.load_runs import without_folders

    def report(p: loader.LoadProgress) -> None:
        progress(p.bytes_done, p.bytes_total or None,
                 f"Файлов {p.files_done} из {p.files_total}, записей {p.records}")

    try:
        result = loader.load(source, paths, progress=report)
    except ImportFailed as exc:  # the job page names the file, not the server folder it was read from
        raise ImportFailed(without_folders(exc.file, paths), without_folders(exc.reason, paths),
                           exc.line, exc.field) from exc
    if upload_dir:
        shutil.rmtree(Path(upload_dir), ignore_errors=True)
    recheck = _recheck(result, user_id)
    totals = result.totals
    return {
        "message": result.message,
        "source": source,
        "files": [{"file": Path(f.file).name, "records": f.counts.records, "added": f.counts.added,
                   "changed": f.counts.changed, "unchanged": f.counts.unchanged, "skipped": f.skipped,
                   "flagged": f.counts.flagged, "examples": [without_folders(e, paths) for e in f.examples[:5]]}
                  for f in result.files],
        "load_ids": [f.load_id for f in result.files if f.load_id is not None],
        "added": totals.added, "changed": totals.changed, "unchanged": totals.unchanged,
        "flagged": totals.flagged,
        "screening_run": recheck,
    }


def _recheck(result: Any, user_id: int | None) -> int | None:
    """After every load, re-check the people linked to what changed (scope «changed»)."""
    from django.contrib.auth import get_user_model

    from zorko.findings.service import changed_load_ids, on_registry_loaded

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    run = on_registry_loaded(changed_load_ids(result), user=user)
    return run.pk if run is not None else None
