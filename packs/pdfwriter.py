"""An incremental PDF writer: each object goes to the file as soon as it is made, so a bundle of
thousands of pages never sits in memory whole (pypdf's own writer keeps every object until the end).

Objects are written uncompressed with a classic cross-reference table; the file identifier is a
hash of everything written, so the same inputs give the same bytes. The writer hashes the file
as it writes it (SHA-256), so the correspondence log need not read a large bundle back.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import BinaryIO

_BLOCK = 1 << 18  # bytes handed to the writing thread at a time

_NAME_SAFE = re.compile(rb"[^!-~]|[#()<>\[\]{}/%]")


def name(value: str) -> bytes:
    """A PDF name: '/Type' or 'Type' -> b'/Type', with unsafe bytes escaped as #xx."""
    raw = value[1:] if value.startswith("/") else value
    return b"/" + _NAME_SAFE.sub(lambda m: b"#%02X" % m.group()[0], raw.encode("utf-8"))


def number(value: float) -> bytes:
    """A PDF number, never in exponent form."""
    if float(value).is_integer():
        return b"%d" % int(value)
    return (b"%.4f" % value).rstrip(b"0").rstrip(b".")


def text(value: str) -> bytes:
    """A PDF text string: PDFDocEncoding-safe ASCII as a literal, anything else as UTF-16BE hex."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def ref(num: int) -> bytes:
    """An indirect reference to object `num`."""
    return b"%d 0 R" % num


def array(items: Iterable[bytes]) -> bytes:
    """A PDF array of already serialised items."""
    return b"[" + b" ".join(items) + b"]"


def rect(values: Iterable[float]) -> bytes:
    """A PDF rectangle or any array of numbers."""
    return array(number(v) for v in values)


class PdfStreamWriter:
    """Writes numbered objects straight to a binary file; `finish` adds the xref table and trailer."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._offsets: list[int] = [0]  # index = object number; 0 is the free-list head
        self._pos = 0
        self._digest = hashlib.sha256()  # fast where the CPU has SHA instructions
        self._pending: list[bytes] = []
        self._pending_size = 0
        # Hashing and writing large blocks release the GIL: a thread does both, in order, while
        # this one goes on reading the next pages.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdfwriter")
        self._jobs: deque[Future[None]] = deque()
        self._emit(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _emit(self, data: bytes) -> None:
        self._pending.append(data)
        self._pending_size += len(data)
        self._pos += len(data)
        if self._pending_size >= _BLOCK:
            self._hand_over()

    def _hand_over(self) -> None:
        block = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        self._jobs.append(self._worker.submit(self._store, block))
        while len(self._jobs) > 4:  # bounded: memory stays a few blocks
            self._jobs.popleft().result()

    def _store(self, block: bytes) -> None:
        self._fh.write(block)
        self._digest.update(block)

    def _drain(self) -> None:
        """Wait until everything emitted so far is written and hashed."""
        self._hand_over()
        while self._jobs:
            self._jobs.popleft().result()

    def reserve(self) -> int:
        """A new object number, to be written later (so others can refer to it first)."""
        self._offsets.append(-1)
        return len(self._offsets) - 1

    def write(self, num: int, body: bytes) -> None:
        """Write object `num` (reserved earlier) whose serialised value is `body`."""
        if self._offsets[num] != -1:
            raise ValueError(f"object {num} written twice")
        self._offsets[num] = self._pos
        self._emit(b"%d 0 obj\n%s\nendobj\n" % (num, body))

    def write_stream(self, num: int, entries: bytes, data: bytes) -> None:
        """Write stream object `num`: `entries` is the inside of its dictionary, without /Length."""
        if self._offsets[num] != -1:
            raise ValueError(f"object {num} written twice")
        self._offsets[num] = self._pos
        self._emit(b"%d 0 obj\n<<%s /Length %d>>\nstream\n" % (num, entries, len(data)))
        self._emit(data)
        self._emit(b"\nendstream\nendobj\n")

    def add(self, body: bytes) -> int:
        """Write a new object now and return its number."""
        num = self.reserve()
        self.write(num, body)
        return num

    def add_stream(self, entries: bytes, data: bytes) -> int:
        """Write a new stream object now and return its number."""
        num = self.reserve()
        self.write_stream(num, entries, data)
        return num

    def finish(self, root: int, info: int | None) -> str:
        """Write the cross-reference table and trailer (every reserved object must have been
        written); returns the SHA-256 of the whole file, hex.
        """
        missing = [i for i, off in enumerate(self._offsets) if off == -1]
        if missing:
            raise ValueError(f"objects reserved but never written: {missing[:10]}")
        self._drain()
        file_id = self._digest.copy().hexdigest()[:32].upper().encode("ascii")
        start = self._pos
        table = [b"xref\n0 %d\n0000000000 65535 f \n" % len(self._offsets)]
        table.extend(b"%010d 00000 n \n" % off for off in self._offsets[1:])
        self._emit(b"".join(table))
        info_entry = b" /Info %d 0 R" % info if info is not None else b""
        self._emit(
            b"trailer\n<< /Size %d /Root %d 0 R%s /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self._offsets), root, info_entry, file_id, file_id, start)
        )
        self._drain()
        return self._digest.hexdigest()

    def close(self) -> None:
        """Stop the writing thread; after a failure, what was not yet written is dropped."""
        self._pending.clear()
        for job in self._jobs:
            job.cancel()
        self._worker.shutdown(wait=True)

    def __enter__(self) -> PdfStreamWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
