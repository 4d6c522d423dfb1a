"""`zorko` speaks Russian: help, click's own errors, the demo's and the check's summaries, the exports.

Real processes on a small demo municipality; the output is read with the same
rules as the pages (:mod:`tests.russian_text`).
"""

from __future__ import annotations

from pathlib import Path

from tests.attack import run_zorko
from tests.russian_text import download_text, problems


def _english_free(text: str) -> list[tuple[str, str]]:
    return list(problems(text))


def test_help_and_click_errors_are_russian(tmp_path: Path) -> None:
    shown = run_zorko(tmp_path, "--help")
    assert shown.returncode == 0 and shown.stdout.startswith("Использование:")
    assert "[ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]" in shown.stdout
    assert "Параметры:" in shown.stdout and "Показать эту справку и выйти." in shown.stdout
    assert "…" not in shown.stdout and "..." not in shown.stdout.split("Команды:")[1]  # no help cut short
    missing = run_zorko(tmp_path, "findings", "export", "--out", str(tmp_path / "f.csv"))
    assert missing.returncode == 2 and "Ошибка: Не указан параметр «--format»" in missing.stderr
    wrong = run_zorko(tmp_path, "findings", "export", "--format", "pdf", "--out", str(tmp_path / "f.pdf"))
    assert "Неверное значение «--format»: «pdf»" in wrong.stderr
    unknown = run_zorko(tmp_path, "check", "--bogus")
    assert "Нет такого параметра «--bogus»" in unknown.stderr
    for result in (shown, missing, wrong, unknown):
        assert not _english_free(result.stdout + result.stderr), result.stdout + result.stderr


def test_demo_check_and_exports_print_words_not_codes(tmp_path: Path) -> None:
    demo = run_zorko(tmp_path, "demo", "--servants", "25", timeout=300)
    assert demo.returncode == 0, demo.stderr
    assert "Заложено случаев:" in demo.stdout
    check = run_zorko(tmp_path, "check", "--all")
    assert check.returncode == 0, check.stderr
    assert "Реестры: " in check.stdout and "на " in check.stdout
    out = tmp_path / "f.csv"
    export = run_zorko(tmp_path, "findings", "export", "--format", "csv", "--out", str(out))
    assert export.returncode == 0, export.stderr
    exported = download_text(out.read_bytes(), "text/csv", out.name)
    assert "высокая" in exported
    for text in (demo.stdout, check.stdout, export.stdout, exported):
        assert not _english_free(text), _english_free(text)[:10]
