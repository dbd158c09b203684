"""What a letter template may print: typed views of the case, its timeline, its procedure and the
authority's settings, with every date already written as people read it.

The templates see only these classes; the template lint (letters.lint) checks each name they use
against them. letters.context builds them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class PersonView:
    """Someone named in a letter."""

    name: str
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class DateLine:
    """A deadline the letter states: its contract id, the procedure's words, and the date."""

    id: str
    what: str
    date: str  # "Friday 4 December 2026"
    party: str  # "authority" or "complainant"
    provisional: bool  # counted from the latest date an event may happen, not the event
    done: str = ""  # the day it was done, where the case records that by the letter's date


@dataclass(frozen=True)
class LetterheadView:
    """The council's letterhead."""

    council: str
    team: str
    address: tuple[str, ...]
    phone: str
    email: str
    website: str


@dataclass(frozen=True)
class AddresseeView:
    """Who the letter goes to, and the lines of the address block (postal address or email)."""

    name: str
    lines: tuple[str, ...]
    by_email: bool


@dataclass(frozen=True)
class ComplainantView:
    """The complainant."""

    name: str
    relationship: str


@dataclass(frozen=True)
class SupporterView:
    """The complainant's supporter or advocate."""

    name: str
    role: str  # "supporter" or "advocate"
    organisation: str


@dataclass(frozen=True)
class ChildView:
    """The child (or the subject of a strategy meeting) the complaint is about."""

    name: str
    # The child is the complainant: a child or young person complaining for themselves, whom the case
    # names both as [complainant] and as [child]. Letters then speak to them, not about them.
    is_complainant: bool = False


@dataclass(frozen=True)
class PointView:
    """One point of complaint with its finding, outcome and actions."""

    number: int
    summary: str
    finding: str
    outcome: str  # "upheld", "partly upheld", "not upheld" (or "" before it is decided)
    actions: tuple[str, ...]


@dataclass(frozen=True)
class ComplaintView:
    """The complaint as understood."""

    received: str
    meeting_date: str  # the meeting complained about, if recorded
    summary: str
    desired_outcome: str
    points: tuple[PointView, ...]


@dataclass(frozen=True)
class RightsView:
    """Who the complainant may bring, and what the parties may do, as the procedure gives it."""

    bring: str  # "a supporter or advocate"
    panel_bring: str  # at the panel: the procedure's own terms, else the same as `bring`
    child_advocate: bool  # an independent advocate for a child (the statutory procedure only)
    question_each_other: bool  # at the panel, each party may question the other


@dataclass(frozen=True)
class ProcedureView:
    """The procedure's facts letters use."""

    id: str
    name: str
    owner: str
    meeting: str  # "strategy meeting", "child protection conference", or "" for a service complaint
    meeting_chair: str  # "Designated Officer", "conference chair", or ""
    decision_stands: bool  # this process cannot change the meeting's decision, which stands meanwhile
    judicial_review: bool  # decision letters mention judicial review
    papers: tuple[str, ...]  # what the panel considers: the bundle's section titles
    rights: RightsView


@dataclass(frozen=True)
class NextStepView:
    """A step the complainant may take next: what, to whom, by when, and what follows."""

    what: str
    to: str
    how: str
    within: str  # the time limit in words, where the procedure sets one
    by: DateLine | None  # its date, where it has one
    then: str


@dataclass(frozen=True)
class PanelView:
    """The panel: when, where, who sits on it, who attends, and the dates around it."""

    date: str
    time: str
    venue: str
    chair: PersonView | None
    members: tuple[PersonView, ...]
    attendees: tuple[PersonView, ...]
    independent: bool  # no member has had line-management responsibility for the case
    papers_due: DateLine | None  # the complainant's last day to send further papers
    decision_dates: tuple[DateLine, ...]  # when the panel's decision (and any response to it) is due


@dataclass(frozen=True)
class OutcomeView:
    """One decision from the procedure's list, in the procedure's words."""

    id: str
    label: str
    text: str
    then: str  # what this outcome leads to


@dataclass(frozen=True)
class DecisionView:
    """What the panel decided (for luton-csc: recommended, and the Director's response)."""

    outcomes: tuple[OutcomeView, ...]
    adjourned: bool  # the panel has not decided yet: it meets again
    reasons: str
    recommendations: tuple[str, ...]
    next_steps: str
    further_hearing: str
    recommendations_sent: str
    director_agrees: bool | None
    director_response: str


@dataclass(frozen=True)
class LetterContext:
    """Everything a letter template may use."""

    kind: str
    title: str
    reference: str
    date: str
    marking: str
    letterhead: LetterheadView
    to: AddresseeView
    salutation: str
    complainant: ComplainantView
    supporter: SupporterView | None
    child: ChildView | None
    complaint: ComplaintView
    procedure: ProcedureView
    handler: PersonView  # who deals with the complaint at its first stage
    signatory: PersonView
    copies: tuple[str, ...]
    dates: tuple[DateLine, ...]  # the deadlines the procedure says this letter states
    scope: str  # "within" / "outside": what the letter confirms about the procedure; "" if it need not
    hearing: tuple[str, ...]  # panel-invitation: how the meeting runs, in the procedure's terms
    terms: tuple[str, ...]  # the procedure's own terms this letter states
    enclosures: tuple[str, ...]
    next: tuple[NextStepView, ...]  # what the complainant can do next, in order
    last_stage: bool  # this letter closes the procedure's last internal stage
    meeting_held: str  # the Stage 1 meeting, where the case records it by the letter's date
    panel: PanelView
    decision: DecisionView

    def as_dict(self) -> dict[str, Any]:
        """The top-level names templates see."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --- what each letter needs beyond the minimal case file -----------------------------------------
