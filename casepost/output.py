"""Writing outputs safely: names from the reference, never overwriting without --force, atomic."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from casepost.errors import OutputExistsError


def safe_reference(reference: str) -> str:
    """A reference fit for a file name: anything but letters, digits, - _ . becomes -."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", reference)


def output_name(reference: str, kind: str, suffix: str) -> str:
    """REFERENCE-KIND.suffix, e.g. CSC/2026/0142 -> CSC-2026-0142-decision.pdf."""
    return f"{safe_reference(reference)}-{kind}.{suffix.lstrip('.')}"


def ensure_writable(path: Path, force: bool) -> None:
    """Refuse to replace an existing file unless force is given."""
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; use --force to replace it")


@contextlib.contextmanager
def atomic_path(path: Path, force: bool) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it only if the block succeeds.

    A crash leaves the old file or the new one, never half of one; a failure leaves nothing.
    """
    ensure_writable(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_file_beside(path)
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        ensure_writable(path, force)  # someone may have written it meanwhile
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes, force: bool) -> None:
    """Write bytes to path atomically, refusing to overwrite without force."""
    with atomic_path(path, force) as tmp:
        tmp.write_bytes(data)


def _new_file_beside(path: Path) -> Path:
    """A new, empty, uniquely named file beside `path`, with the mode the umask gives new files.

    Not tempfile.mkstemp: its files are 0600 whatever the umask, so colleagues could not open a
    letter on a shared drive. Created 0666 and let the umask (or the folder's default ACL) decide.
    """
    while True:
        tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 32 random bits met another writer's
            continue
        os.close(fd)
        return tmp
