"""Uploaded files kept between the preview and the confirmation of an import.

They live in ``ZORKO_DATA_DIR/uploads/<token>/``; the token is kept in the
user's session, so one user cannot confirm another's upload. Folders older
than a day are removed on the next upload.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

MAX_AGE_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def uploads_dir() -> Path:
    return settings.CONFIG.data_dir / "uploads"


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ".dat"


def store(files: dict[str, UploadedFile]) -> tuple[str, dict[str, str]]:
    """Save the files under a new token; returns it and ``{role: stored file name}``."""
    clean_old()
    token = secrets.token_urlsafe(24)
    folder = uploads_dir() / token
    folder.mkdir(mode=0o700, parents=True)
    stored = {}
    for role, upload in files.items():
        name = f"{role}{_suffix(upload.name or '')}"
        with open(folder / name, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        stored[role] = name
    return token, stored


def path_of(token: str, name: str) -> Path:
    if not _TOKEN.fullmatch(token) or "/" in name or name.startswith("."):
        raise ValueError("bad upload reference")
    return uploads_dir() / token / name


def discard(token: str) -> None:
    if _TOKEN.fullmatch(token):
        shutil.rmtree(uploads_dir() / token, ignore_errors=True)


def clean_old() -> None:
    root = uploads_dir()
    if not root.is_dir():
        return
    limit = time.time() - MAX_AGE_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            shutil.rmtree(folder, ignore_errors=True)
