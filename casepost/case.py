"""The case file (TOML, schema 1): one complaint, validated once at load into typed objects."""

# No `from __future__ import annotations`: the records' types are evaluated once, as the module is
# imported, rather than from strings each time they are read (date_fields(), pydantic when it builds).

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import Any, Literal

from casepost.errors import CaseFileError, Problem
from casepost.records import Record, constrained, many, mapping, nonempty, record, table
from casepost.tomlfile import key_lines, line_of, read_toml, validate


def _inside(value: str) -> str:
    """A bundle document's path: only documents in the case's own folder may go into a bundle (the
    safety rule), so an absolute path, or one that climbs out with "..", is an error, not a warning.
    """
    path = PurePath(value)
    if path.is_absolute() or value.startswith(("~", "\\")) or re.match(r"^[A-Za-z]:", value):
        raise ValueError(f"{value!r} is outside the case's folder: give a path relative to the case file")
    depth = 0
    for part in path.parts:
        depth += -1 if part == ".." else (0 if part == "." else 1)
        if depth < 0:
            raise ValueError(f"{value!r} is outside the case's folder: keep bundle documents in the case's folder")
    return value


@record
class Person(Record):
    """Someone named in a letter: name and, where it matters, their role."""

    name: str = nonempty()
    role: str = ""


@record
class Complainant(Record):
    """Who made the complaint and how our letters reach them."""

    name: str = nonempty()
    salutation: str = ""  # e.g. "Dear Ms Khan"; defaults to "Dear" + name
    relationship: str = ""  # e.g. "mother of Sam"
    address: list[str] = many()
    email: str = ""
    delivery: Literal["post", "email"]
    # The complainant is a child or young person (or otherwise needs easy read): the acknowledgement,
    # the Stage 1 response and the decision are also written in an easy-read version (short
    # sentences, 14pt type, headings as questions, the same facts and dates), REF-KIND-easy-read.pdf
    # beside the standard letter, which stays the full record.
    easy_read: bool = False

    def __post_init__(self) -> None:
        if self.delivery == "post" and not self.address:
            raise ValueError('delivery is "post" but there is no address: add address = ["line 1", ..., "postcode"]')
        if self.delivery == "email" and not self.email:
            raise ValueError('delivery is "email" but there is no email: add email = "..."')


@record
class Supporter(Record):
    """A supporter or advocate who helps the complainant."""

    name: str = nonempty()
    role: Literal["supporter", "advocate"] = "supporter"
    organisation: str = ""
    address: list[str] = many()
    email: str = ""


@record
class Child(Record):
    """The child (or the subject of a strategy meeting) the complaint concerns."""

    name: str = nonempty()
    date_of_birth: dt.date | None = None


@record
class Point(Record):
    """One point of complaint, with what was found and done about it."""

    summary: str = nonempty()
    finding: str = ""
    outcome: Literal["upheld", "partly upheld", "not upheld"] | None = None
    actions: list[str] = many()


@record
class Complaint(Record):
    """The complaint itself and the dates that start its clocks."""

    received: dt.date
    grounds_arose: dt.date | None = None  # luton-csc: the 12-month limit
    minutes_received: dt.date | None = None  # sussex-cpc: conference minutes reached the complainant
    conference_date: dt.date | None = None  # durham-cpc
    meeting_date: dt.date | None = None  # the conference or strategy meeting complained about
    acknowledged: dt.date | None = None
    closed: dt.date | None = None  # resolved, withdrawn or otherwise ended: nothing more is due
    # Whether the complaint falls within this procedure (herts-*: the acknowledgement confirms it).
    within_procedure: bool | None = None
    summary: str = ""  # the complaint as understood, in a sentence or two
    desired_outcome: str = ""
    points: list[Point] = many()


@record
class Escalation(Record):
    """herts-*: the complaint reached the Children's Services Complaints Manager."""

    received: dt.date | None = None
    delay_authorised_until: dt.date | None = None
    response_sent: dt.date | None = None


@record
class Stage1(Record):
    """Local resolution."""

    meeting: dt.date | None = None
    extended: bool = False
    response_sent: dt.date | None = None


@record
class Stage2(Record):
    """Investigation, or the second stage of a conference procedure."""

    requested: dt.date | None = None
    acknowledged: dt.date | None = None
    officer_appointed: dt.date | None = None
    statement_agreed: dt.date | None = None
    meeting: dt.date | None = None
    response_sent: dt.date | None = None


@record
class Stage3(Record):
    """Review panel request."""

    requested: dt.date | None = None
    acknowledged: dt.date | None = None


@record
class PanelMember(Record):
    """A panel member; line management of the case or a conflict are warned about."""

    name: str = nonempty()
    role: str = "Panel member"
    organisation: str = ""
    line_management: bool = False  # has had line-management responsibility for the case
    conflict: bool = False  # has declared a conflict of interest


@record
class Panel(Record):
    """The review panel: when and where it meets, and who sits on it."""

    date: dt.date | None = None
    booked: dt.date | None = None  # when the date, time and venue were fixed (else: invitations_sent)
    time: str = ""  # "10:00"
    venue: str = ""
    chair: Person | None = None
    members: list[PanelMember] = many()
    attendees: list[Person] = many()  # invited to attend: officers, chair of the meeting complained about
    invitations_sent: dt.date | None = None
    papers_sent: dt.date | None = None


@record
class Decision(Record):
    """What the panel decided (or, for luton-csc, recommended and the Director's response)."""

    outcomes: list[str] = many()  # ids from the procedure's outcome list
    reasons: str = ""
    recommendations: list[str] = many()
    next_steps: str = ""
    further_hearing: dt.date | None = None  # where the panel lacked information
    recommendations_sent: dt.date | None = None
    director_agrees: bool | None = None  # luton-csc
    director_response: str = ""  # luton-csc: the Director's reasons
    sent: dt.date | None = None


@record
class Hold(Record):
    """A period when the authority's working-day clocks stop (e.g. court proceedings)."""

    from_: dt.date = constrained(alias="from")
    to: dt.date | None = None  # inclusive; absent while the hold is open
    reason: str = nonempty()

    def __post_init__(self) -> None:
        if self.to is not None and self.to < self.from_:
            raise ValueError(f"the hold ends ({self.to}) before it starts ({self.from_})")


@record
class BundleDocument(Record):
    """One document of the panel bundle."""

    title: str = nonempty()
    section: str = nonempty()
    date: dt.date
    path: str = nonempty(check=_inside)  # relative to the case file; must stay inside its folder


@record
class Bundle(Record):
    """The panel bundle's documents and who receives it."""

    documents: list[BundleDocument] = many()
    distribution: list[str] = many()


@record
class Case(Record):
    """A complaint case file."""

    schema_: Literal[1] = constrained(alias="schema")
    procedure: str = nonempty()
    reference: str = nonempty()
    letter_date: dt.date | None = None  # the date printed on letters; else --date, else today
    complainant: Complainant
    supporter: Supporter | None = None
    child: Child | None = None
    complaint: Complaint
    officers: dict[str, Person] = mapping()  # e.g. handler, responder, meeting_chair, investigating_officer
    escalation: Escalation = table(Escalation)
    stage1: Stage1 = table(Stage1)
    stage2: Stage2 = table(Stage2)
    stage3: Stage3 = table(Stage3)
    panel: Panel = table(Panel)
    decision: Decision = table(Decision)
    holds: list[Hold] = many()
    bundle: Bundle = table(Bundle)
    copies_to: dict[str, list[str]] = mapping()  # extra "cc" names per letter kind


# Events that must not come before the complaint was received (field path -> what it is).
_AFTER_RECEIPT = (
    "complaint.acknowledged",
    "complaint.closed",
    "escalation.received",
    "escalation.response_sent",
    "stage1.meeting",
    "stage1.response_sent",
    "stage2.requested",
    "stage2.acknowledged",
    "stage2.officer_appointed",
    "stage2.statement_agreed",
    "stage2.meeting",
    "stage2.response_sent",
    "stage3.requested",
    "stage3.acknowledged",
    "panel.date",
    "panel.booked",
    "panel.invitations_sent",
    "panel.papers_sent",
    "decision.recommendations_sent",
    "decision.sent",
)

# (later, earlier): the later event cannot come before the earlier one.
_ORDER = (
    ("stage2.acknowledged", "stage2.requested"),
    ("stage2.response_sent", "stage2.requested"),
    ("stage3.acknowledged", "stage3.requested"),
    ("stage2.requested", "stage1.response_sent"),
    ("stage3.requested", "stage2.response_sent"),
    ("escalation.response_sent", "escalation.received"),
    ("decision.sent", "panel.date"),
    ("panel.date", "panel.booked"),
    ("decision.recommendations_sent", "panel.date"),
)


def get_field(case: Case, path: str) -> object:
    """The value at a dotted field path such as 'stage1.response_sent' (None if unset)."""
    value: object = case
    for part in path.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def get_date(case: Case, path: str) -> dt.date | None:
    """The date at a dotted field path, or None."""
    value = get_field(case, path)
    return value if isinstance(value, dt.date) else None


def contradictions(case: Case) -> list[Problem]:
    """Events recorded in an impossible order."""
    holds = [hold.from_ for hold in case.holds]
    return order_problems(lambda path: get_date(case, path), case.complaint.received, holds)


def raw_contradictions(data: dict[str, Any]) -> list[Problem]:
    """The same, from a case file's parsed data that may not be valid yet (a case being filled in)."""

    def date_at(path: str) -> dt.date | None:
        value: object = data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None

    holds = data.get("holds")
    starts = [h.get("from") for h in holds if isinstance(h, dict)] if isinstance(holds, list) else []
    return order_problems(date_at, date_at("complaint.received"), [d for d in starts if isinstance(d, dt.date)])


def order_problems(
    date_at: Callable[[str], dt.date | None], received: dt.date | None, holds: list[dt.date]
) -> list[Problem]:
    """Events before the complaint was received, or before the event they answer."""
    problems = []
    for path in _AFTER_RECEIPT:
        when = date_at(path)
        if received is not None and when is not None and when < received:
            problems.append(Problem(path, f"{when} is before the complaint was received ({received})"))
    for later, earlier in _ORDER:
        a, b = date_at(later), date_at(earlier)
        if a is not None and b is not None and a < b:
            problems.append(Problem(later, f"{a} is before {earlier} ({b})"))
    for i, start in enumerate(holds):
        if received is not None and start < received:
            problems.append(Problem(f"holds[{i}].from", f"{start} is before the complaint was received ({received})"))
    return problems


def _loc(path: str) -> tuple[str | int, ...]:
    out: list[str | int] = []
    for part in path.replace("]", "").split("."):
        name, _, index = part.partition("[")
        out.append(name)
        if index:
            out.append(int(index))
    return tuple(out)


def locate(problems: list[Problem], text: str) -> list[Problem]:
    """Give each problem the line its field is on in the file's text."""
    lines = key_lines(text)
    return [Problem(p.field, p.message, p.line or line_of(lines, _loc(p.field))) for p in problems]


def read_case(path: Path) -> tuple[Case, str]:
    """Load and validate a case file, with its text (for locating later problems)."""
    data, text = read_toml(path, CaseFileError)
    return case_from(data, text, path), text


def case_from(data: dict[str, Any], text: str, path: Path) -> Case:
    """Validate a case file's parsed data (its text locates problems), raising CaseFileError."""
    case = validate(Case, data, text, path, CaseFileError)
    problems = contradictions(case)
    if problems:
        raise CaseFileError(path, locate(problems, text))
    return case


def load_case(path: Path) -> Case:
    """Load and validate a case file, raising CaseFileError with every problem found."""
    return read_case(path)[0]
