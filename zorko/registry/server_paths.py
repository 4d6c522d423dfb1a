"""Which server paths the web may load registry files from.

An inspector types a «путь на сервере» on the registry page. Loading the case
database itself, or anything else of Zorko's data directory, broke the server,
so a path must lie inside one of the folders of ``ZORKO_IMPORT_DIRS`` and
neither be inside ``ZORKO_DATA_DIR`` nor contain it. Symbolic links are
resolved before the check. The CLI (run by the server's administrator) is
not restricted.
"""

from __future__ import annotations

from pathlib import Path

from zorko.config import Config
from zorko.exceptions import ValidationError


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def checked_server_path(text: str, config: Config) -> Path:
    """The resolved path if the web may load from it; ValidationError (Russian) otherwise."""
    if not config.import_dirs:
        raise ValidationError("Загрузка по пути на сервере выключена: администратор сервера задаёт "
                              "папки для неё настройкой ZORKO_IMPORT_DIRS. Загрузите файлы с компьютера.")
    path = Path(text)
    if not path.is_absolute():
        raise ValidationError(f"Укажите полный путь на сервере, а не «{text}».")
    resolved = path.resolve()
    data_dir = config.data_dir.resolve()
    if _within(resolved, data_dir) or _within(data_dir, resolved):
        raise ValidationError(f"«{text}»: из папки данных Зорко загружать нельзя.")
    if not any(_within(resolved, folder.resolve()) for folder in config.import_dirs):
        allowed = ", ".join(str(folder) for folder in config.import_dirs)
        raise ValidationError(f"«{text}» вне папок для загрузки на сервере ({allowed}).")
    if not resolved.exists():
        raise ValidationError(f"На сервере нет файла или папки «{text}».")
    return resolved
