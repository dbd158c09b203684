"""Letters that would contradict their own date: refused before anything is written, with both
dates named and what to record, or which --date to use.
"""

from __future__ import annotations

import datetime as dt

from casepost.case import Case
from casepost.dateformat import long_date
from casepost.errors import Problem
from casepost.procedures import Procedure
from casepost.timeline import Entry

# The field that records each letter kind as sent (and so dates a re-rendered letter).
_SENT = {
    "acknowledgement": "complaint.acknowledged",
    "stage1-response": "stage1.response_sent",
    "panel-invitation": "panel.invitations_sent",
    "decision": "decision.sent",
}


def _dated_by(case: Case, kind: str) -> str:
    """What gave the letter its date, so the message says what to change."""
    if case.letter_date is not None:
        return "letter_date in the case file"
    table, _, name = _SENT.get(kind, ".").partition(".")
    if table and getattr(getattr(case, table), name, None) is not None:
        return _SENT[kind]
    return "--date (or today)"


def contradictions(kind: str, case: Case, day: dt.date) -> list[Problem]:
    """An invitation dated on or after the panel; a decision dated before the panel met."""
    panel = case.panel.date
    if panel is None:
        return []
    by = _dated_by(case, kind)
    if kind == "panel-invitation" and day >= panel:
        return [
            Problem(
                "panel.date",
                f"the panel-invitation letter would be dated {long_date(day)} (from {by}), but the panel meets on "
                f"{long_date(panel)}: an invitation must be dated before the panel; correct {by} or give a --date "
                f"before {panel.isoformat()}",
            )
        ]
    if kind == "decision" and day < panel:
        return [
            Problem(
                "panel.date",
                f"the decision letter would be dated {long_date(day)} (from {by}), before the panel met on "
                f"{long_date(panel)}: correct {by} or give a --date on or after {panel.isoformat()}",
            )
        ]
    return []


def past_promise(kind: str, entry: Entry, day: dt.date, procedure: Procedure) -> Problem | None:
    """A date the letter would give for something still to happen, already past on its date."""
    if entry.date is None or entry.date >= day or entry.met_on is not None:
        return None
    met_by = procedure.deadline(entry.id).met_by
    record = f"record {met_by} if it has happened, or " if met_by else ""
    return Problem(
        entry.id,
        f"the {kind} letter, dated {long_date(day)}, would give {long_date(entry.date)} for "
        f'"{entry.what}", which is already past: {record}give a --date on or before {entry.date.isoformat()}',
    )
