"""Running ``python -m zorko`` as a real subprocess, in a data directory of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def zorko(data_dir: Path, *args: str, env: dict[str, str] | None = None,
          timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``zorko ARGS`` with ``ZORKO_DATA_DIR=data_dir`` (SQLite), output as text."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.pop("ZORKO_DATABASE_URL", None)
    environment.update({"ZORKO_DATA_DIR": str(data_dir), "ZORKO_LOAD_WORKERS": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", "zorko", *args], capture_output=True, text=True,
                          cwd=ROOT, env=environment, timeout=timeout, check=False)


def initialised(data_dir: Path) -> Path:
    """A data directory with the case database created (``zorko init``)."""
    done = zorko(data_dir, "init")
    assert done.returncode == 0, done.stdout + done.stderr
    return data_dir
