"""Everything a command needs about one case: the case, its procedure, its settings, its folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from casepost.case import Case, locate, read_case
from casepost.errors import CaseFileError, Problem, ProcedureError
from casepost.procedures import Procedure, load_procedure
from casepost.settings import LoadedSettings, load_settings
from casepost.timeline import Timeline, build_timeline


@dataclass(frozen=True)
class LoadedCase:
    """A validated case with its procedure and its authority's settings."""

    path: Path
    case: Case
    procedure: Procedure
    settings: LoadedSettings

    @property
    def folder(self) -> Path:
        """The case's own folder: the only place its documents may be read from."""
        return self.path.resolve().parent

    def timeline(self, as_of: dt.date | None = None) -> Timeline:
        """The case's timeline as of a day (today by default)."""
        return build_timeline(self.case, self.procedure, self.settings.settings, as_of or dt.date.today())


def procedure_problems(case: Case, procedure: Procedure) -> list[Problem]:
    """Values that only make sense against the case's procedure: bundle sections, panel outcomes."""
    problems = []
    sections = procedure.section_ids()
    for i, doc in enumerate(case.bundle.documents):
        if doc.section not in sections:
            problems.append(
                Problem(
                    f"bundle.documents[{i}].section",
                    f"{doc.section!r} is not a section of {procedure.id} (allowed: {', '.join(sections)})",
                )
            )
    outcomes = [o.id for o in procedure.outcomes]
    for i, outcome in enumerate(case.decision.outcomes):
        if outcome not in outcomes:
            problems.append(
                Problem(
                    f"decision.outcomes[{i}]",
                    f"{outcome!r} is not an outcome of {procedure.id} (allowed: {', '.join(outcomes)})",
                )
            )
    return problems


def open_case(path: Path, settings_path: Path | None = None) -> LoadedCase:
    """Load a case file with its procedure and settings; every problem is a CasepostError."""
    case, text = read_case(path)
    procedure = case_procedure(case, text, path)
    return LoadedCase(path=path, case=case, procedure=procedure, settings=load_settings(path, settings_path))


def case_procedure(case: Case, text: str, path: Path) -> Procedure:
    """The case's procedure, and the case's values checked against it (problems are the case file's)."""
    try:
        procedure = load_procedure(case.procedure, path.resolve().parent)
    except ProcedureError as exc:
        if exc.path is None:  # an unknown id: the case file is what is wrong
            raise CaseFileError(path, locate(exc.problems, text)) from exc
        # A path that is not a usable procedure file: say which field of the case named it.
        if any(p.field in ("deadlines", "id") and p.message == "is required" for p in exc.problems):
            details = f"{exc.path} has no id or [[deadlines]]: it is not a procedure file"
        else:
            details = "; ".join(p.describe(exc.path) for p in exc.problems[:3])
            details += f"; and {len(exc.problems) - 3} more" if len(exc.problems) > 3 else ""
        problem = Problem("procedure", f"{case.procedure!r} is not a usable procedure file ({details})")
        raise CaseFileError(path, locate([problem], text)) from exc
    problems = procedure_problems(case, procedure)
    if problems:
        raise CaseFileError(path, locate(problems, text))
    return procedure
