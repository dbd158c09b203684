"""`casepost due`: every case under a folder, what the authority has due or overdue, soonest first."""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass
from pathlib import Path

from casepost.errors import CasepostError
from casepost.loaded import open_case
from casepost.settings import SETTINGS_NAME


@dataclass(frozen=True)
class DueItem:
    """One deadline of one case that needs the authority's attention."""

    date: dt.date
    status: str
    reference: str
    deadline: str
    what: str
    case: Path
    record: str = ""  # the `casepost record` command that marks an overdue action as done

    def as_json(self) -> dict[str, str]:
        """A JSON-ready view."""
        return {
            "date": self.date.isoformat(),
            "status": self.status,
            "reference": self.reference,
            "id": self.deadline,
            "what": self.what,
            "case": str(self.case),
            "record": self.record,
        }


@dataclass(frozen=True)
class DueReport:
    """What is due across a folder of cases, and the case files that could not be read."""

    as_of: dt.date
    within: int
    items: tuple[DueItem, ...]
    cases: int
    skipped: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        """A JSON-ready view."""
        return {
            "as_of": self.as_of.isoformat(),
            "within": self.within,
            "cases": self.cases,
            "items": [i.as_json() for i in self.items],
            "skipped": list(self.skipped),
        }


def case_files(folder: Path) -> list[Path]:
    """Every case file under folder: *.toml but the settings, outside hidden and output folders."""
    found = []
    for path in sorted(folder.rglob("*.toml")):
        parts = path.relative_to(folder).parts
        if path.name == SETTINGS_NAME or any(p.startswith(".") or p == "out" for p in parts[:-1]):
            continue
        found.append(path)
    return found


def case_files_in(paths: list[Path]) -> list[Path]:
    """Case files given, and every case file under each folder given, once each, in order."""
    found: list[Path] = []
    for path in paths:
        found += case_files(path) if path.is_dir() else [path]
    return list(dict.fromkeys(found))


def due_report(paths: Path | list[Path], as_of: dt.date, within: int, settings_path: Path | None = None) -> DueReport:
    """Authority deadlines overdue, or due within `within` days of as_of, across the case files
    given and every case under the folders given.

    A complaint recorded as closed on or before as_of has nothing due and is left out.
    """
    horizon = as_of + dt.timedelta(days=within)
    items: list[DueItem] = []
    skipped: list[str] = []
    files = case_files_in(paths if isinstance(paths, list) else [paths])
    for path in files:
        try:
            loaded = open_case(path, settings_path)
        except CasepostError as exc:
            skipped.append(str(exc))
            continue
        if loaded.case.complaint.closed is not None and loaded.case.complaint.closed <= as_of:
            continue  # a closed complaint has nothing due
        for entry in loaded.timeline(as_of).entries:
            if entry.party != "authority" or entry.date is None or entry.status not in ("due", "overdue"):
                continue
            if entry.status == "overdue" or entry.date <= horizon:
                met_by = loaded.procedure.deadline(entry.id).met_by
                hint = f"casepost record {shlex.quote(str(path))} {met_by} DATE" if met_by else ""
                hint = hint if entry.status == "overdue" else ""
                items.append(DueItem(entry.date, entry.status, loaded.case.reference, entry.id, entry.what, path, hint))
    items.sort(key=lambda i: (i.date, i.reference, i.deadline))
    return DueReport(as_of, within, tuple(items), len(files) - len(skipped), tuple(skipped))
