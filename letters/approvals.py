"""Legal approval of template wording. Legal approves a template, not a letter: the approvals file
in the templates folder records each approved template's SHA-256, who approved it and when. A
letter whose templates are not all approved as they now stand is marked as a draft.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from casepost.errors import CasepostError, Problem, SettingsError
from casepost.output import write_atomic
from letters.environment import Templates, builtin_root

APPROVALS_NAME = "approvals.toml"
HEADER = """\
# Legal approvals of letter templates, written by `casepost approve TEMPLATE --by NAME`.
# Each entry approves one template exactly as it stood: its SHA-256. Changing a template's wording
# changes its hash, and letters from it carry a DRAFT watermark until legal approves it again.
"""


@dataclass(frozen=True)
class Approval:
    """One approval of one template's wording."""

    template: str
    sha256: str
    by: str
    when: dt.datetime


@dataclass(frozen=True)
class TemplateState:
    """A template used by a letter: its name, current hash, and the approval of that hash (if any)."""

    name: str
    sha256: str
    approval: Approval | None
    needs_approval: bool  # wording and layouts need approval; stylesheets and fonts do not

    @property
    def describe(self) -> str:
        """'approved by NAME on DATE', 'not approved', or 'no approval needed'."""
        if not self.needs_approval:
            return "no approval needed (presentation only)"
        if self.approval is None:
            return "NOT APPROVED"
        return f"approved by {self.approval.by} on {self.approval.when:%d %B %Y}"


def approvals_path(templates: Templates) -> Path:
    """The approvals file: in the authority's templates folder, else in the built-in one."""
    return (templates.override or builtin_root()) / APPROVALS_NAME


def load_approvals(path: Path) -> list[Approval]:
    """Every approval recorded in an approvals file (none if it does not exist)."""
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(path, [Problem("", f"not valid TOML: {exc}")]) from exc
    found = []
    for i, item in enumerate(data.get("approval", [])):
        try:
            when = item["when"]
            if not isinstance(when, dt.datetime):
                raise TypeError("when must be a date and time")
            found.append(Approval(str(item["template"]), str(item["sha256"]), str(item["by"]), when))
        except (KeyError, TypeError) as exc:
            raise SettingsError(
                path, [Problem(f"approval[{i}]", f"needs template, sha256, by and when ({exc})")]
            ) from exc
    return found


def states(templates: Templates, names: list[str], needs: set[str]) -> list[TemplateState]:
    """The approval state of each template a letter uses."""
    approvals = load_approvals(approvals_path(templates))
    out = []
    for name in names:
        digest = templates.sha256(name)
        match = next((a for a in reversed(approvals) if a.template == name and a.sha256 == digest), None)
        out.append(TemplateState(name, digest, match, name in needs))
    return out


def template_name(templates: Templates, given: str) -> str:
    """A template's name from what the user typed: a name ('letters/decision.j2', 'decision.j2')
    or a path to a file inside a templates folder.
    """
    path = Path(given)
    if path.is_file():
        resolved = path.resolve()
        for root in templates.roots:
            if resolved.is_relative_to(root.resolve()):
                return resolved.relative_to(root.resolve()).as_posix()
        raise CasepostError(f"{given} is not inside a templates folder ({', '.join(str(r) for r in templates.roots)})")
    for candidate in (given, f"letters/{given}"):
        if templates.exists(candidate):
            return candidate
    raise CasepostError(f"no template {given!r}: give a name such as letters/decision.j2, or a path to the file")


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def approve(templates: Templates, given: str, by: str, now: dt.datetime | None = None) -> Approval:
    """Record legal's approval of a template's current wording."""
    if not by.strip():
        raise CasepostError('--by must name who approves (e.g. --by "A. Lawyer, Legal Services")')
    name = template_name(templates, given)
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    approval = Approval(name, templates.sha256(name), by.strip(), when)
    path = approvals_path(templates)
    entries = [*load_approvals(path), approval]
    text = HEADER + "".join(
        f"\n[[approval]]\ntemplate = {_toml_string(a.template)}\nsha256 = {_toml_string(a.sha256)}\n"
        f"by = {_toml_string(a.by)}\nwhen = {a.when.isoformat()}\n"
        for a in entries
    )
    write_atomic(path, text.encode("utf-8"), force=True)
    return approval
