"""A private temporary folder for processes that end without cleaning up after themselves.

WeasyPrint copies every @font-face font (our three Liberation Sans files, 1.2 MB) into a
`weasyprint-*` folder in the temporary directory and removes it only when its FontConfiguration is
garbage-collected, which never happens in a process ended by os._exit: the bundle's forked
front-matter child and a letter batch's pool workers. Those processes put their temporary files
in a folder of the parent's, which the parent removes once they are gone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A new private folder in the temporary directory, removed with everything in it at the end."""
    path = Path(tempfile.mkdtemp(prefix="casepost-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def send_temporary_files_to(folder: Path | str) -> None:
    """Make this process, and any it starts, create its temporary files in `folder`.

    Only for a child process that will end before `folder` is removed: a cached object that
    remembers a path inside it (WeasyPrint's font folder) would outlive it in a long-lived one.
    """
    tempfile.tempdir = str(folder)
    os.environ["TMPDIR"] = str(folder)
