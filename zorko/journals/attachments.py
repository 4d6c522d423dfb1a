"""Scans and PDFs attached to an entry, kept under ``ZORKO_DATA_DIR/journals``.

The type is read from the file's first bytes, not from its name or the
browser's word: only PDF, JPEG and PNG are kept, up to
``ZORKO_ATTACHMENT_MAX_MB`` megabytes (10 by default).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings

from zorko.audit.log import record
from zorko.exceptions import NotFound, ValidationError
from zorko.journals.models import Attachment, JournalEntry

SIGNATURES = ((b"%PDF-", "application/pdf", "pdf"), (b"\xff\xd8\xff", "image/jpeg", "jpg"),
              (b"\x89PNG\r\n\x1a\n", "image/png", "png"))


def max_bytes() -> int:
    return int(float(os.environ.get("ZORKO_ATTACHMENT_MAX_MB", "10").replace(",", ".")) * 1024 * 1024)


def sniff(head: bytes) -> tuple[str, str] | None:
    for magic, content_type, ext in SIGNATURES:
        if head.startswith(magic):
            return content_type, ext
    return None


def storage_root() -> Path:
    return Path(settings.CONFIG.data_dir) / "journals"


def attach(entry: JournalEntry, name: str, data: bytes, user: Any) -> Attachment:
    limit = max_bytes()
    if len(data) > limit:
        raise ValidationError(f"Файл «{name}» больше {limit // (1024 * 1024)} МБ")
    if not data:
        raise ValidationError(f"Файл «{name}» пуст")
    kind = sniff(data[:16])
    if kind is None:
        raise ValidationError(f"Файл «{name}» не является PDF, JPEG или PNG")
    content_type, ext = kind
    relative = Path(str(entry.year)) / str(entry.pk) / f"{uuid.uuid4().hex}.{ext}"
    target = storage_root() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    attachment = Attachment.objects.create(entry=entry, name=Path(name).name[:255] or f"файл.{ext}",
                                           stored_as=str(relative), content_type=content_type, size=len(data),
                                           uploaded_by=getattr(user, "username", "") or "cli")
    record(user, "journal.attach", entry, file=attachment.name, size=len(data))
    return attachment


def read(attachment: Attachment) -> bytes:
    path = (storage_root() / attachment.stored_as).resolve()
    if storage_root().resolve() not in path.parents:
        raise ValidationError("Недопустимый путь к файлу")
    if not path.is_file():
        raise NotFound(f"Файл «{attachment.name}» отсутствует в хранилище {storage_root()}")
    return path.read_bytes()
