"""Every error a person should read: one tree, mapped to exit code 1 in one place (cli.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes: success, bad input, usage."""

    OK = 0
    BAD_INPUT = 1
    USAGE = 2


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is and what is wrong."""

    field: str
    message: str
    line: int | None = None

    def describe(self, path: Path | None) -> str:
        """Return 'file:line: field: message' with whatever parts are known."""
        where = str(path) if path else ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        parts = [p for p in (where, self.field) if p]
        return ": ".join([*parts, self.message])


class CasepostError(Exception):
    """Base of every error meant for a person: printed as is, exit code 1."""

    exit_code = ExitCode.BAD_INPUT


class InputFileError(CasepostError):
    """An input file (case, settings, procedure) that cannot be used, with every problem found."""

    def __init__(self, path: Path | None, problems: list[Problem], kind: str = "file") -> None:
        self.path = path
        self.problems = problems
        self.kind = kind
        lines = [p.describe(path) for p in problems]
        head = f"{path}: this {kind} has {len(problems)} problem(s):" if len(problems) > 1 else None
        super().__init__("\n".join([head, *("  " + x for x in lines)] if head else lines))


class CaseFileError(InputFileError):
    """A case file that is not valid."""

    def __init__(self, path: Path | None, problems: list[Problem]) -> None:
        super().__init__(path, problems, kind="case file")


class SettingsError(InputFileError):
    """An authority settings file that is missing or not valid."""

    def __init__(self, path: Path | None, problems: list[Problem]) -> None:
        super().__init__(path, problems, kind="settings file")


class ProcedureError(InputFileError):
    """A procedure file that is not valid, or a procedure id that does not exist."""

    def __init__(self, path: Path | None, problems: list[Problem]) -> None:
        super().__init__(path, problems, kind="procedure file")


class OutputExistsError(CasepostError):
    """An output file exists and --force was not given."""


class RenderError(CasepostError):
    """A letter or bundle could not be produced from otherwise valid input."""


# --- letters (added by the letters work; small and typed) ---------------------------------


class LetterFieldError(CaseFileError):
    """A valid case file that lacks a field one letter needs; each problem says what to add."""


class FetchRefusedError(RenderError):
    """Rendering asked for a resource outside the templates folder and the settings' assets."""


class TemplateError(CasepostError):
    """A letter template that cannot be found, parsed or rendered (names the template and line)."""


class BundleInputError(CasepostError):
    """Documents named in a case's bundle that cannot go into it: each with its file and the reason."""

    def __init__(self, problems: list[tuple[Path, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{path}: {reason}" for path, reason in problems))
