"""Streaming XML helpers shared by the XML importers.

``records()`` checks the root element, then yields each record element
once it is complete and frees it afterwards, so memory stays flat however
big the file is. lxml's errors become :class:`ImportFailed` with the file,
the line and a Russian reason.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from lxml import etree

from zorko.exceptions import ImportFailed

_PEEK_CHUNK = 16384


class _Prefixed(io.RawIOBase):
    """A stream that first replays bytes already read, then continues the original."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest
        self.newlines = head.count(b"\n")  # lines seen so far: tells truncation from damage

    def lines_total(self) -> int:
        """Read what is left and return the number of lines of the whole file."""
        while chunk := self._rest.read(1 << 20):
            self.newlines += chunk.count(b"\n")
        return self.newlines + 1

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        self.newlines += data.count(b"\n")
        return len(data)


def russian_reason(exc: BaseException) -> str:
    """Translate an lxml / zip / decoding error into what a user can act on."""
    text = str(exc)
    low = text.lower()
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return f"архив повреждён или обрезан ({text})"
    if "premature end" in low or "extra content" in low and "end" in low or "truncated" in low:
        return f"файл обрывается: неполный или повреждённый XML ({text})"
    if "encoding" in low or "utf-8" in low or "bytes" in low and "char" in low or isinstance(exc, UnicodeError):
        return f"неверная кодировка файла ({text})"
    if "document is empty" in low or "start tag expected" in low:
        return f"файл пуст или не является XML ({text})"
    return f"ошибка разметки XML ({text})"


def _root(stream: BinaryIO, name: str) -> tuple[etree._Element, bytes]:
    """Read just enough of the stream to see the root element."""
    parser = etree.XMLPullParser(events=("start",))
    head = bytearray()
    while True:
        chunk = stream.read(_PEEK_CHUNK)
        head += chunk
        try:
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
        except etree.XMLSyntaxError as exc:
            raise ImportFailed(name, russian_reason(exc), line=exc.lineno or None) from exc
        for _event, element in parser.read_events():
            return element, bytes(head)
        if not chunk:
            raise ImportFailed(name, "файл пуст или не является XML", line=1)


def records(
    stream: BinaryIO,
    name: str,
    record_tag: str,
    check_root: Callable[[etree._Element], str | None],
) -> Iterator[etree._Element]:
    """Yield complete ``record_tag`` elements; ``check_root`` returns a Russian error or None."""
    try:
        root, head = _root(stream, name)
        problem = check_root(root)
        if problem:
            raise ImportFailed(name, problem, line=root.sourceline or 1)
        raw = _Prefixed(head, stream)
        source = io.BufferedReader(raw, buffer_size=1 << 16)
        context = etree.iterparse(source, events=("end",), tag=record_tag, huge_tree=True)
        for _event, element in context:
            yield element
            # Free the record and everything before it: the tree never grows.
            parent = element.getparent()
            element.clear()
            if parent is not None:
                grand = parent.getparent()
                if grand is not None:
                    parent.clear()
                    while parent.getprevious() is not None:
                        del grand[0]
                else:
                    while element.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as exc:
        reason = russian_reason(exc)
        if "raw" in locals() and exc.lineno and not reason.startswith("неверная кодировка"):
            try:
                at_end = exc.lineno >= raw.lines_total()
            except (OSError, zipfile.BadZipFile, zlib.error, EOFError):
                at_end = True
            if at_end:
                reason = f"файл обрывается: неполный или повреждённый XML ({exc})"
        raise ImportFailed(name, reason, line=exc.lineno or None) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeError) as exc:
        raise ImportFailed(name, russian_reason(exc)) from exc


def first(element: etree._Element, tags: Iterable[str]) -> etree._Element | None:
    for tag in tags:
        found = element.find(tag)
        if found is not None:
            return found
    return None
