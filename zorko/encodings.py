"""Telling a Windows-1251 file that has UTF-8 lines in it: both importers refuse such a file."""

from __future__ import annotations


def is_utf8_text(line: bytes) -> bool:
    """The line is non-ASCII UTF-8: read as Windows-1251 it would turn into «РђР±РІ» unnoticed.

    Russian text in Windows-1251 almost never decodes as UTF-8 (its letters are
    single bytes above 0x7F, which UTF-8 only allows in valid multibyte runs).
    """
    if line.isascii():
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
