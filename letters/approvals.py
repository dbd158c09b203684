"""Legal approval of every word that reaches a letter. Legal approves pieces, not letters: each
wording template, the DOCX layout, and the wording parts of a procedure file a letter kind uses.
The approvals file (approvals.toml) lives beside the authority's casepost.toml, so it is kept under
version control with the settings and survives a reinstall. Each approval records the piece's
SHA-256, its text (so a later change can be shown as a difference), who approved it, the login
user and when. A letter using any piece whose current hash is not approved is a DRAFT.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import getpass
import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from casepost.errors import CasepostError, Problem, SettingsError
from casepost.output import write_atomic
from casepost.procedures import Procedure, builtin_ids, load_procedure
from casepost.settings import LoadedSettings
from letters.environment import Templates

APPROVALS_NAME = "approvals.toml"
PROCEDURE_PREFIX = "procedures/"
HEADER = """\
# Legal approvals of letter wording, written by `casepost approve`. Keep this file under version
# control beside casepost.toml. Each entry approves one piece exactly as it stood: its SHA-256 and
# its text. A changed piece makes its letters DRAFT until legal approves it again.
"""
# Pieces that only change how a letter looks, not what it says.
PRESENTATION = {"letters/letter.css"}


@dataclass(frozen=True)
class Approval:
    """One approval of one piece's wording."""

    template: str  # the piece's name
    sha256: str
    by: str
    user: str  # the login user who recorded it
    when: dt.datetime
    text: str  # the approved wording ("" for a binary layout)


@dataclass(frozen=True)
class TemplateState:
    """A piece a letter uses: its name, current hash and text, and its approvals."""

    name: str
    sha256: str
    approval: Approval | None  # the approval of this exact hash
    needs_approval: bool  # wording and layouts need approval; the stylesheet does not
    text: str = ""
    previous: Approval | None = None  # the last approval of an earlier wording, when this one is not approved

    @property
    def describe(self) -> str:
        """'approved by NAME on DATE', 'NOT APPROVED', or 'no approval needed'."""
        if not self.needs_approval:
            return "no approval needed (presentation only)"
        if self.approval is None:
            if self.previous is not None:
                return f"NOT APPROVED (changed since approved by {self.previous.by} on {self.previous.when:%d %B %Y})"
            return "NOT APPROVED"
        return f"approved by {self.approval.by} on {self.approval.when:%d %B %Y}"

    @property
    def approved(self) -> bool:
        """Whether letters may use it without a DRAFT mark."""
        return not self.needs_approval or self.approval is not None

    def diff(self) -> list[str]:
        """The difference from the last approved wording (empty if none is recorded or it is binary)."""
        if self.previous is None or not self.previous.text or not self.text:
            return []
        return list(
            difflib.unified_diff(
                self.previous.text.splitlines(),
                self.text.splitlines(),
                f"{self.name} (approved {self.previous.when:%d %B %Y})",
                f"{self.name} (now)",
                lineterm="",
            )
        )


# --- the wording of a procedure file, per letter kind -----------------------------------------


def procedure_piece(procedure: Procedure, kind: str) -> str:
    """The approvals name of a procedure's wording for one letter kind."""
    return f"{PROCEDURE_PREFIX}{procedure.id}.toml#{kind}"


def procedure_wording(procedure: Procedure, kind: str) -> str:
    """Every word of the procedure file that can reach a letter of this kind, as stable text."""
    spec = procedure.letters[kind]
    part: dict[str, object] = {
        "name": procedure.name,
        "meeting": procedure.meeting,
        "meeting_chair": procedure.meeting_chair,
        "decision_stands": procedure.decision_stands,
        "judicial_review": procedure.judicial_review,
        "rights": dataclasses.asdict(procedure.rights) if procedure.rights else None,
        "letter": {k: v for k, v in dataclasses.asdict(spec).items() if k not in ("template", "signatory")},
        "dates": {d.id: d.what for d in procedure.deadlines if d.id in spec.states},
    }
    if kind == "panel-invitation":
        part["papers"] = [s.title for s in procedure.sections if s.id != "other"]
    if kind == "decision":
        part["outcomes"] = [dataclasses.asdict(o) for o in procedure.outcomes]
    return json.dumps(part, indent=2, ensure_ascii=False) + "\n"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- where approvals live ----------------------------------------------------------------------


def approvals_path(settings: LoadedSettings) -> Path:
    """approvals.toml beside the authority's casepost.toml (an error naming it when there is none)."""
    if settings.folder is None:
        raise SettingsError(
            settings.looked_for,
            [Problem("", f"no casepost.toml found: approvals are kept in {APPROVALS_NAME} beside it; pass --settings")],
        )
    return settings.folder / APPROVALS_NAME


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
            found.append(
                Approval(
                    str(item["template"]),
                    str(item["sha256"]),
                    str(item["by"]),
                    str(item.get("user", "")),
                    when,
                    str(item.get("text", "")),
                )
            )
        except (KeyError, TypeError) as exc:
            raise SettingsError(
                path, [Problem(f"approval[{i}]", f"needs template, sha256, by and when ({exc})")]
            ) from exc
    return found


def _state(name: str, digest: str, text: str, approvals: list[Approval]) -> TemplateState:
    mine = [a for a in approvals if a.template == name]
    match = next((a for a in reversed(mine) if a.sha256 == digest), None)
    previous = None if match else (mine[-1] if mine else None)
    return TemplateState(name, digest, match, name not in PRESENTATION, text, previous)


def _template_text(templates: Templates, name: str) -> str:
    return "" if not name.endswith((".j2", ".css")) else templates.find(name).read_text(encoding="utf-8")


def states(
    templates: Templates, names: list[str], settings: LoadedSettings, procedure: Procedure | None = None
) -> list[TemplateState]:
    """The approval state of each template a letter uses, and of its procedure's wording pieces
    (procedure_piece names among `names`).
    """
    approvals = load_approvals(approvals_path(settings)) if settings.folder is not None else []
    out = []
    for name in names:
        if name.startswith(PROCEDURE_PREFIX):
            assert procedure is not None
            text = procedure_wording(procedure, name.split("#", 1)[1])
            out.append(_state(name, _digest(text), text, approvals))
        else:
            out.append(_state(name, templates.sha256(name), _template_text(templates, name), approvals))
    return out


# --- the catalogue, and approving ----------------------------------------------------------------


def catalogue(templates: Templates, settings: LoadedSettings) -> list[TemplateState]:
    """Every piece legal approves: the letter templates (the authority's and the built-in ones), the
    layouts, and each built-in procedure's wording per letter kind; with its state.
    """
    names: set[str] = set()
    for root in templates.roots:
        folder = root / "letters"
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in (".j2", ".docx", ".css") and path.name != "review.html.j2":
                names.add(path.relative_to(root).as_posix())
    pieces = states(templates, sorted(names), settings)
    for pid in builtin_ids():
        procedure = load_procedure(pid)
        pieces += states(templates, [procedure_piece(procedure, k) for k in procedure.letters], settings, procedure)
    return pieces


def _resolve(templates: Templates, given: str, pieces: dict[str, TemplateState]) -> list[str]:
    """Piece names from what the user typed: a template name or path, a procedure id (all its
    letters), or 'procedures/ID.toml#KIND' (also 'ID#KIND').
    """
    if given in pieces:
        return [given]
    if "#" in given or given in builtin_ids():
        pid, _, kind = given.removeprefix(PROCEDURE_PREFIX).partition("#")
        pid = pid.removesuffix(".toml")
        start = f"{PROCEDURE_PREFIX}{pid}.toml#"
        found = [n for n in pieces if n.startswith(start) and (not kind or n.endswith(f"#{kind}"))]
        if found:
            return found
    path = Path(given)
    if path.is_file():
        resolved = path.resolve()
        for root in templates.roots:
            if resolved.is_relative_to(root.resolve()):
                return [resolved.relative_to(root.resolve()).as_posix()]
        raise CasepostError(f"{given} is not inside a templates folder ({', '.join(str(r) for r in templates.roots)})")
    if f"letters/{given}" in pieces:
        return [f"letters/{given}"]
    raise CasepostError(
        f"nothing to approve called {given!r}: give a template (letters/decision.j2), a procedure's wording "
        "(herts-cpc#decision, or herts-cpc for all its letters), or --changed; `casepost templates` lists them"
    )


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def approve(
    templates: Templates,
    settings: LoadedSettings,
    names: list[str],
    by: str,
    changed: bool = False,
    now: dt.datetime | None = None,
) -> tuple[list[Approval], Path]:
    """Record legal's approval of the named pieces (or of every unapproved one, with `changed`)
    as they now stand; return the approvals and the file they were written to.
    """
    if not by.strip():
        raise CasepostError('--by must name who approves (e.g. --by "A. Lawyer, Legal Services")')
    if not names and not changed:
        raise CasepostError("name what to approve, or give --changed for everything not yet approved")
    path = approvals_path(settings)
    pieces = {p.name: p for p in catalogue(templates, settings)}
    chosen = [n for given in names for n in _resolve(templates, given, pieces)]
    if changed:
        chosen += [p.name for p in pieces.values() if not p.approved]
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    user = getpass.getuser()
    done = []
    for name in dict.fromkeys(chosen):
        piece = pieces.get(name)
        if piece is None:  # a template only the authority's folder has, named by path
            piece = states(templates, [name], settings)[0]
        if not piece.needs_approval:
            continue
        done.append(Approval(name, piece.sha256, by.strip(), user, when, piece.text))
    entries = [*load_approvals(path), *done]
    text = HEADER + "".join(
        f"\n[[approval]]\ntemplate = {_toml_string(a.template)}\nsha256 = {_toml_string(a.sha256)}\n"
        f"by = {_toml_string(a.by)}\nuser = {_toml_string(a.user)}\nwhen = {a.when.isoformat()}\n"
        f"text = {_toml_string(a.text)}\n"
        for a in entries
    )
    write_atomic(path, text.encode("utf-8"), force=True)
    return done, path
