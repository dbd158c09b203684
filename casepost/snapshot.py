"""The case as it stood on a day: what a letter of that date may know, and nothing recorded later.

Rules (README, "A letter is fixed at its date"):
- an event or action dated after the day is removed (a request, a response sent, a meeting held);
- the panel's booking (date, time, venue, chair, members, attendees) is kept when it was made on or
  before the day: `panel.booked` says when, else `panel.invitations_sent`; a case recording neither
  keeps it (the booking cannot be dated, and the invitation being written is what makes it known);
- what was decided at a stage is known only once that stage is done: the findings of the points
  once the Stage 1 response was sent (or while it is not yet recorded), the panel's decision once
  the panel has met, the Director's answer (luton-csc) once it was sent;
- an authorised delay is known once the escalation it delays was received;
- holds that start later are removed, and one that ends later is open on the day;
- bundle documents dated later are removed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from typing import Any

from casepost.case import Case, Decision, Panel, Point

# Dates that name a day still to come when they are recorded: never removed for being later.
_FORWARD = {("panel", "date"), ("decision", "further_hearing"), ("escalation", "delay_authorised_until")}


def _later(value: object, day: dt.date) -> bool:
    return isinstance(value, dt.date) and value > day


def _dates_upto(part: object, table: str, day: dt.date) -> dict[str, Any]:
    """The date fields of one table that are later than the day (to be cleared)."""
    return {
        f.name: None
        for f in dataclasses.fields(part)  # type: ignore[arg-type]
        if (table, f.name) not in _FORWARD and _later(getattr(part, f.name), day)
    }


def _panel(case: Case, day: dt.date) -> Panel:
    panel = case.panel
    booked = panel.booked or panel.invitations_sent
    if booked is not None and booked > day:
        return Panel()  # booked later: nothing of it was known
    return replace(panel, **_dates_upto(panel, "panel", day))


def _decision(case: Case, day: dt.date) -> Decision:
    d = case.decision
    update: dict[str, Any] = dict(_dates_upto(d, "decision", day))
    met = case.panel.date is not None and case.panel.date <= day and _panel(case, day).date is not None
    if not met:  # the panel has not met: it has decided nothing
        update |= {"outcomes": [], "reasons": "", "recommendations": [], "next_steps": "", "further_hearing": None}
    if d.sent is None or d.sent > day:  # luton-csc: the Director's answer is known when it is sent
        update |= {"director_agrees": None, "director_response": ""}
    return replace(d, **update)


def _points(case: Case, day: dt.date) -> list[Point]:
    sent = case.stage1.response_sent
    if sent is None or sent <= day:
        return list(case.complaint.points)
    return [Point(summary=p.summary) for p in case.complaint.points]  # found and decided later


def case_as_at(case: Case, day: dt.date) -> Case:
    """The case as it stood at the end of `day`: every letter of that date is built from this."""
    c = case.complaint
    complaint = replace(c, **_dates_upto(c, "complaint", day) | {"points": _points(case, day)})
    escalation = replace(case.escalation, **_dates_upto(case.escalation, "escalation", day))
    if escalation.received is None:
        escalation = replace(escalation, delay_authorised_until=None)
    holds = [replace(h, to=None) if _later(h.to, day) else h for h in case.holds if not _later(h.from_, day)]
    bundle = replace(case.bundle, documents=[d for d in case.bundle.documents if d.date <= day])
    return replace(
        case,
        complaint=complaint,
        escalation=escalation,
        stage1=replace(case.stage1, **_dates_upto(case.stage1, "stage1", day)),
        stage2=replace(case.stage2, **_dates_upto(case.stage2, "stage2", day)),
        stage3=replace(case.stage3, **_dates_upto(case.stage3, "stage3", day)),
        panel=_panel(case, day),
        decision=_decision(case, day),
        holds=holds,
        bundle=bundle,
    )
