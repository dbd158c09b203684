"""Procedures as data: the model of a procedure file, and loading the built-in ones or a file."""

# No `from __future__ import annotations`: the records' types are evaluated once, as the module is
# imported, rather than from strings each time they are read (date_fields(), pydantic when it builds).

import datetime as dt
import functools
import re
import tomllib
import types
import typing
from importlib import resources
from pathlib import Path
from typing import Literal

from casepost import prebuilt
from casepost.case import Case
from casepost.errors import Problem, ProcedureError
from casepost.records import Record, constrained, inner_record, many, mapping, nonempty, record, record_fields
from casepost.tomlfile import read_toml, validate

DefaultName = Literal[
    "acknowledgement_working_days",
    "panel_invitation_working_days",
    "panel_papers_days",
    "panel_additional_papers_working_days",
]


def _fields_of(kind: type, record: type = Case, prefix: str = "") -> set[str]:
    """Every dotted path in the case model (outside lists) whose value is of this type."""
    found: set[str] = set()
    for field in record_fields(record):
        path, annotation = f"{prefix}{field.key}", field.annotation
        args = typing.get_args(annotation) or (annotation,)
        if kind in args:
            found.add(path)
        if typing.get_origin(annotation) in (None, types.UnionType, typing.Union):
            inner = inner_record(annotation)
            if inner is not None:
                found |= _fields_of(kind, inner, f"{path}.")
    return found


@functools.cache
def date_fields() -> frozenset[str]:
    """Every dotted path in the case model whose value is a date (the events a rule may count from)."""
    return frozenset(_fields_of(dt.date))


@functools.cache
def bool_fields() -> frozenset[str]:
    """Dotted paths of the case model's yes/no fields (what an extension may depend on)."""
    return frozenset(_fields_of(bool))


@record
class Extension(Record):
    """Extra working days when a yes/no field of the case is true (e.g. Luton 13.9)."""

    when: str
    working_days: int = constrained(ge=1)
    source: str = nonempty()


@record
class Alternative(Record):
    """A different number of working days when a yes/no field is false (e.g. Luton 20.6)."""

    when_false: str
    working_days: int = constrained(ge=1)
    source: str = nonempty()


@record
class Replacement(Record):
    """A recorded date that replaces the computed one (e.g. an authorised delay)."""

    field: str
    source: str = nonempty()


@record
class Deadline(Record):
    """One dated duty of the authority, or one window of the complainant."""

    id: str = constrained(pattern=r"^[a-z0-9_]+$")
    what: str = nonempty()  # in words: "Acknowledge the complaint"
    party: Literal["authority", "complainant"]
    from_: str = constrained(alias="from")  # the event counted from: a case field path
    receipt: bool = False  # count from the complainant's (deemed) receipt of our letter sent on `from`
    working_days: int | None = None
    days: int | None = None  # calendar days
    months: int | None = None
    default: DefaultName | None = None  # the number is the authority's own, from its settings
    unit: Literal["working_days", "days"] | None = None  # with `default`: how it counts
    before: bool = False  # count back from the event (e.g. before the panel)
    source: str = nonempty()  # seed paragraph, or "authority default"
    met_by: str | None = None  # the case field whose date meets it
    provisional_from: str | None = None  # a deadline id whose date stands in for a missing `from`
    extension: Extension | None = None
    alternative: Alternative | None = None
    replaced_by: Replacement | None = None

    def __post_init__(self) -> None:
        given = [n for n in ("working_days", "days", "months", "default") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of working_days, days, months or default (got {given or 'none'})")
        if self.default is not None and self.unit is None:
            raise ValueError('a deadline with `default` needs `unit` ("working_days" or "days")')
        for n in ("working_days", "days", "months"):
            value = getattr(self, n)
            if value is not None and value < 0:
                raise ValueError(f"{n} must be positive; use before = true to count back")
        events = date_fields()
        for label, path in (
            ("from", self.from_),
            ("met_by", self.met_by),
            ("replaced_by.field", self.replaced_by.field if self.replaced_by else None),
        ):
            if path is not None and path not in events:
                raise ValueError(
                    f"{label} = {path!r} is not a date in the case file (one of: {', '.join(sorted(events))})"
                )
        for label, path in (
            ("extension.when", self.extension.when if self.extension else None),
            ("alternative.when_false", self.alternative.when_false if self.alternative else None),
        ):
            if path is not None and path not in bool_fields():
                raise ValueError(f"{label} = {path!r} is not a yes/no field of the case file")


@record
class Outcome(Record):
    """A decision a panel may reach, as the decision letter words it."""

    id: str = constrained(pattern=r"^[a-z0-9-]+$")
    label: str = nonempty()  # short name, for the command line and the review
    text: str = nonempty()  # the sentence in the letter
    adjourned: bool = False  # the panel has not decided: no Ombudsman or court route yet
    then: str = ""  # what this outcome leads to, in the letter's words (e.g. the last internal stage)


@record
class Section(Record):
    """A section of the panel bundle."""

    id: str = constrained(pattern=r"^[a-z0-9-]+$")
    title: str = nonempty()


@record
class Rights(Record):
    """Who the complainant may bring, and what the parties may do, as the procedure gives it."""

    bring: str = nonempty()  # completes "you may bring ...": "a supporter or advocate"
    panel_bring: str = ""  # at the panel, where the procedure says something different (luton-csc 18.8)
    child_advocate: bool = False  # an independent advocate for a child: the statutory procedure only (s26A)
    question_each_other: bool = False  # at the panel, each party may ask questions of the other


@record
class Copy(Record):
    """Who gets a copy of a letter: a person the case names, or a role where it names no one."""

    role: str = nonempty()  # the words used when the case names no one
    officer: str = ""  # a key of [officers] in the case (or of [signatories]), or panel.chair / panel.members
    note: str = ""  # words after the name: "who will send it on to ..."
    only_if_named: bool = False  # copied only when the case names someone in this role
    when_outcome: list[str] = many()  # copied only when the decision includes one of these outcomes
    when_within: bool = False  # copied only once the complaint is confirmed within the procedure


@record
class NextStep(Record):
    """A step the complainant may take after this letter: what, to whom, by when."""

    what: str = nonempty()  # completes "you can ...": "ask for Stage 2, an independent investigation"
    to: str = ""  # who to write to: "the Complaints team"
    how: str = ""  # completes "please write to X and ...": "explain why you are still not satisfied"
    then: str = ""  # what happens after the complainant takes this step
    within: str = ""  # the time limit in words: "within 20 working days of receiving this letter"
    deadline: str = ""  # the deadline id that dates it, where there is one


@record
class LetterSpec(Record):
    """What a procedure says about one letter kind: its title, who signs, who gets copies, and the
    rights, terms and next steps that are this procedure's own.
    """

    title: str = nonempty()
    adjourned_title: str = ""  # decision: the title when the panel adjourned without deciding
    template: str = ""  # a template name in templates/letters/; default: the letter kind
    signatory: str = ""  # a key of [signatories] in the settings; default: the letter kind, then "default"
    copies: list[str | Copy] = many()  # who gets a copy: a role in words, or a Copy naming who in the case
    states: list[str] = many()  # deadline ids whose dates the letter states
    confirms_scope: bool = False  # says whether the complaint falls within the procedure (complaint.within_procedure)
    hearing: list[str] = many()  # panel-invitation: how the meeting runs, in this procedure's terms
    terms: list[str] = many()  # sentences of this procedure's own terms the letter states
    enclosures: list[str] = many()  # what the letter encloses
    next: list[NextStep] = many()  # what the complainant can do next, in order
    last_stage: bool = False  # this letter closes the procedure's last internal stage
    records: str = ""  # the case field recording this letter as sent; default: data/sent.toml

    def __post_init__(self) -> None:
        if self.records and self.records not in date_fields():
            raise ValueError(f"records = {self.records!r} is not a date in the case file")


@record
class Procedure(Record):
    """A complaints procedure: its facts, deadlines, letters, outcomes and bundle sections."""

    schema_: Literal[1] = constrained(alias="schema")
    id: str = constrained(pattern=r"^[a-z0-9-]+$")
    name: str = nonempty()
    owner: str = nonempty()  # whose procedure it is
    authorities: list[str] = many()  # the councils that use it, as their settings' letterhead names them
    seed: str = ""  # the published source document
    summary: str = ""
    meeting: str = ""  # what was complained about: "strategy meeting", "child protection conference"
    meeting_chair: str = ""  # "Designated Officer", "Conference Chair"
    decision_stands: bool = False  # this process cannot change the original decision, which stands meanwhile
    judicial_review: bool = False  # decision letters mention judicial review
    rights: Rights | None = None  # letters need it: who may bring whom, cited to the seed
    events: dict[str, str] = mapping()  # labels for events, overriding the built-in ones
    deadlines: list[Deadline]
    outcomes: list[Outcome] = many()
    sections: list[Section]
    letters: dict[str, LetterSpec] = mapping()

    def __post_init__(self) -> None:
        ids = [d.id for d in self.deadlines]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"deadline ids repeated: {', '.join(sorted(dupes))}")
        for d in self.deadlines:
            if d.provisional_from is not None and d.provisional_from not in ids:
                raise ValueError(
                    f"deadline {d.id}: provisional_from = {d.provisional_from!r} is not a deadline of this procedure"
                )
        outcomes = {o.id for o in self.outcomes}
        for kind, spec in self.letters.items():
            refs = [*spec.states, *(n.deadline for n in spec.next if n.deadline)]
            for ref in refs:
                if ref not in ids:
                    raise ValueError(f"letter {kind} states deadline {ref!r}, which this procedure does not have")
            for copy in spec.copies:
                for outcome in copy.when_outcome if isinstance(copy, Copy) else []:
                    if outcome not in outcomes:
                        raise ValueError(f"letter {kind}: a copy depends on outcome {outcome!r}, which is not one")

    def deadline(self, deadline_id: str) -> Deadline:
        """The deadline with this id."""
        for d in self.deadlines:
            if d.id == deadline_id:
                return d
        raise KeyError(deadline_id)

    def sent_field(self, kind: str) -> str | None:
        """The case field that records this letter kind (or "bundle") as sent, if any."""
        spec = self.letters.get(kind)
        if spec is not None and spec.records:
            return spec.records
        return sent_fields().get(kind)

    def section_ids(self) -> list[str]:
        """Bundle section ids in bundle order."""
        return [s.id for s in self.sections]


def _builtin_folder() -> Path:
    return Path(str(resources.files("casepost") / "data" / "procedures"))


def builtin_ids() -> list[str]:
    """The ids of the procedures shipped with casepost."""
    return sorted(p.stem for p in _builtin_folder().glob("*.toml"))


@functools.lru_cache(maxsize=32)
def load_procedure_file(path: Path) -> Procedure:
    """Load and validate one procedure file."""
    data, text = read_toml(path, ProcedureError)
    return validate(Procedure, data, text, path, ProcedureError)


def is_path(ref: str) -> bool:
    """Whether a case's `procedure` names a file (a path or a .toml name) rather than a built-in id."""
    return any(c in ref for c in "/\\.")


def unknown_id_message(ref: str) -> str:
    """'not a known procedure; did you mean ...?' with the list of ids."""
    import difflib  # only on this error path: `casepost dates` starts fast

    ids = builtin_ids()
    guess = difflib.get_close_matches(ref.lower().replace("_", "-").replace(" ", "-"), ids, n=1, cutoff=0.6)
    hint = f'; did you mean "{guess[0]}"?' if guess else ""
    return f"{ref!r} is not a known procedure{hint} (known: {', '.join(ids)}; or give a path to a procedure file)"


def load_procedure(ref: str, case_folder: Path | None = None) -> Procedure:
    """A procedure by built-in id, or by path (relative to the case's folder) to a procedure file."""
    if not is_path(ref):
        path = _builtin_folder() / f"{ref}.toml"
        if not re.fullmatch(r"[a-z0-9-]+", ref) or not path.is_file():
            raise ProcedureError(None, [Problem("procedure", unknown_id_message(ref))])
        stored = prebuilt.procedure(ref)  # validated ahead of time, when current
        return stored if isinstance(stored, Procedure) else load_procedure_file(path)
    path = Path(ref)
    if case_folder is not None and not path.is_absolute():
        path = case_folder / path
    return load_procedure_file(path.resolve())


@functools.lru_cache(maxsize=1)
def event_labels() -> dict[str, str]:
    """Built-in words for each event (case field path -> 'the complaint was received')."""
    text = (resources.files("casepost") / "data" / "events.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["events"])


@functools.lru_cache(maxsize=1)
def sent_fields() -> dict[str, str]:
    """Built-in: the case field that records each letter kind, and the bundle, as sent."""
    text = (resources.files("casepost") / "data" / "sent.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text)["sent"])


def procedures_json(procedure_id: str | None = None) -> object:
    """`casepost procedures --json`: every built-in procedure in brief, or one in full."""
    if procedure_id is not None:
        try:
            procedure = load_procedure(procedure_id)
        except ProcedureError as exc:
            raise ProcedureError(None, [Problem("", exc.problems[0].message)]) from exc
        from pydantic import TypeAdapter  # only here: its serialiser writes `from` and `schema` for the fields

        return TypeAdapter(Procedure).dump_python(procedure, mode="json", by_alias=True)
    return [
        {"id": p.id, "name": p.name, "owner": p.owner, "authorities": p.authorities, "deadlines": len(p.deadlines)}
        for p in (load_procedure(pid) for pid in builtin_ids())
    ]
