"""The front matter rendered on the second core while the documents are copied on the first.

Laying out a long index takes WeasyPrint about as long as copying a few thousand pages, and
nothing in the copying needs it until the end (the page numbers are stamped last), so a forked
child renders it and hands back the result through a pipe. Where fork is not available, or the
child dies without an answer, it is rendered here instead, in the ordinary way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import pickle
import shutil
import signal
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from casepost.errors import RenderError
from casepost.loaded import LoadedCase
from casepost.scratch import scratch_folder, send_temporary_files_to
from packs.frontmatter import FrontMatter, Layout, render_front_matter
from packs.plan import PlannedSection


@dataclass
class Pending:
    """A front matter being rendered; `result()` waits for it."""

    loaded: LoadedCase
    sections: list[PlannedSection]
    counts: list[int]
    send_by: dt.date | None
    pid: int | None = None
    pipe: int | None = None
    _done: tuple[FrontMatter, Layout] | None = field(default=None, repr=False)

    def result(self) -> tuple[FrontMatter, Layout]:
        """The rendered front matter and the bundle's layout (errors are raised here)."""
        if self._done is None:
            answer = self._collect()
            if answer is None:  # no child, or it died: render here
                answer = ("ok", render_front_matter(self.loaded, self.sections, self.counts, self.send_by), [])
            kind, value, warnings = answer
            for level, message in warnings:  # as if WeasyPrint had said it here
                logging.getLogger("weasyprint").log(level, "%s", message)
            if kind != "ok":
                raise RenderError(str(value))
            self._done = value  # type: ignore[assignment]
        assert self._done is not None
        return self._done

    def _collect(self) -> tuple[str, object, list[tuple[int, str]]] | None:
        if self.pid is None or self.pipe is None:
            return None
        chunks = []
        with os.fdopen(self.pipe, "rb") as fh:
            self.pipe = None
            while chunk := fh.read(1 << 20):
                chunks.append(chunk)
        os.waitpid(self.pid, 0)
        self.pid = None
        try:
            answer = pickle.loads(b"".join(chunks))  # our own child's bytes, never outside data
        except Exception:
            return None
        return answer if isinstance(answer, tuple) and len(answer) == 3 else None

    def stop(self) -> None:
        """End the child if it is still there (the bundle failed before it was needed)."""
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


class _Warnings(logging.Handler):
    """WeasyPrint's warnings (a missing image, bad CSS) in the child, to be logged again in the parent."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def _child(write_end: int, pending: Pending) -> None:
    # os._exit runs no clean-up, so WeasyPrint's font folder (removed at a normal exit) would be left
    # in the temporary directory: the child puts its temporary files in a folder of its own instead.
    scratch = tempfile.mkdtemp(prefix="casepost-front-")
    tempfile.tempdir = scratch
    try:
        warnings = _Warnings()
        logging.getLogger("weasyprint").addHandler(warnings)
        try:
            answer: tuple[str, object, list[tuple[int, str]]] = (
                "ok",
                render_front_matter(pending.loaded, pending.sections, pending.counts, pending.send_by),
                warnings.records,
            )
        except Exception as exc:  # every error goes back to the parent, which raises it
            answer = ("error", str(exc), warnings.records)
        with os.fdopen(write_end, "wb") as fh:
            fh.write(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        os._exit(0)  # never return into the parent's code (or its test runner)


@contextlib.contextmanager
def front_matter_in_background(
    loaded: LoadedCase, sections: list[PlannedSection], counts: list[int], send_by: dt.date | None
) -> Iterator[Pending]:
    """Start rendering the front matter in a child process; yields a Pending to collect it."""
    pending = Pending(loaded, sections, counts, send_by)
    # The child ends with os._exit, so WeasyPrint never removes its font folder: it goes in a
    # scratch folder that is removed here once the child is gone.
    with scratch_folder() as scratch:
        if hasattr(os, "fork"):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child; coverage does not follow it
                os.close(read_end)
                send_temporary_files_to(scratch)
                _child(write_end, pending)
            os.close(write_end)
            pending.pid, pending.pipe = pid, read_end
        try:
            yield pending
        finally:
            pending.stop()
