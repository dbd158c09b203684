"""Many cases at once: every core busy, in warm worker processes recycled every so many letters
(a long-lived WeasyPrint worker grows by about 0.25 MiB a letter), with a progress bar. One failing
case is reported and the rest still render.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from casepost.errors import CasepostError
from casepost.scratch import scratch_folder, send_temporary_files_to
from letters.writer import LetterRequest, LetterResult, case_files, write_letter

if TYPE_CHECKING:
    import multiprocessing.context

RECYCLE_EVERY = 100  # letters a worker renders before it is replaced by a fresh one


@dataclass(frozen=True)
class BatchResult:
    """Every case's result, in the order the cases were given."""

    results: list[LetterResult]

    @property
    def failed(self) -> list[LetterResult]:
        """The cases that produced nothing."""
        return [r for r in self.results if r.error is not None]


def _one(case: Path, request: LetterRequest) -> LetterResult:
    """A worker's task: never raises for a bad case, so one bad case cannot stop the batch."""
    try:
        return write_letter(case, request)
    except CasepostError as exc:
        return LetterResult(case, error=str(exc))
    except Exception as exc:
        return LetterResult(case, error=f"unexpected error ({type(exc).__name__}): {exc}")


def _warm(scratch: str) -> None:
    """Worker start-up: import the renderers once, so each letter pays only for itself.

    Workers end with os._exit, so WeasyPrint never removes its font folder: their temporary files
    go in `scratch`, which the batch removes when the pool has shut down.
    """
    send_temporary_files_to(scratch)
    import letters.docx
    import letters.pdf  # noqa: F401


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # forkserver: workers fork from a server that has already imported WeasyPrint (fast, warm);
    # it also allows max_tasks_per_child, which plain fork does not.
    try:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["letters.pdf", "letters.docx", "casepost.loaded"])
        return ctx
    except ValueError:  # pragma: no cover - platforms without forkserver
        return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr; the callback moves it to (done, total)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("letters"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task("letters", total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def run(
    paths: Sequence[Path],
    request: LetterRequest,
    jobs: int | None = None,
    recycle: int = RECYCLE_EVERY,
    progress: bool | Callable[[int, int], None] = False,
) -> BatchResult:
    """Write the letter for every case named (files or folders). A single case renders in this
    process and raises its error; many run in parallel and each failure is reported in the result.
    """
    cases = case_files(paths)
    if not cases:
        raise CasepostError(f"no case files found in {', '.join(str(p) for p in paths)}")
    if len(cases) == 1 and paths and Path(paths[0]).is_file() and len(paths) == 1:
        return BatchResult([write_letter(cases[0], request)])
    if progress is True:
        with progress_bar(len(cases)) as bar:
            return run(cases, request, jobs, recycle, bar)
    tick: Callable[[int, int], None] | None = progress or None
    workers = max(1, min(jobs or os.cpu_count() or 1, len(cases)))
    results: dict[Path, LetterResult] = {}
    if workers == 1:
        for i, case in enumerate(cases, 1):
            results[case] = _one(case, request)
            if tick is not None:
                tick(i, len(cases))
    else:
        # Imported here: a single letter, the common case, does not pay for them at start-up.
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with (
            scratch_folder() as scratch,
            ProcessPoolExecutor(
                max_workers=workers,
                mp_context=_context(),
                initializer=_warm,
                initargs=(str(scratch),),
                max_tasks_per_child=recycle,
            ) as pool,
        ):
            futures = {pool.submit(_one, case, request): case for case in cases}
            for i, future in enumerate(as_completed(futures), 1):
                results[futures[future]] = future.result()
                if tick is not None:
                    tick(i, len(cases))
    return BatchResult([results[c] for c in cases])
