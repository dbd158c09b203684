"""casepost.snapshot.case_as_at: the case as it stood on a day, the only source of a letter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from casepost.case import load_case
from casepost.snapshot import case_as_at

from .conftest import minimal_case

D = dt.date

CASE = """
[stage1]
meeting = 2026-11-25
response_sent = 2026-12-04
[[complaint.points]]
summary = "The letter was late."
finding = "It was."
outcome = "upheld"
[panel]
date = 2027-01-21
time = "10:00"
venue = "Committee Room 2"
{booking}
[[panel.members]]
name = "A Member"
[decision]
outcomes = ["procedures-followed"]
reasons = "Because."
further_hearing = 2027-03-04
sent = 2027-01-27
[[holds]]
from = 2026-11-23
to = 2026-12-10
reason = "court proceedings"
"""


def _case(make_case: Callable[..., Path], booking: str = "") -> object:
    return load_case(make_case(minimal_case("herts-lado", CASE.format(booking=booking))))


def test_later_events_are_removed_and_earlier_ones_kept(make_case: Callable[..., Path]) -> None:
    case = _case(make_case, "invitations_sent = 2026-12-18")
    on = case_as_at(case, D(2026, 12, 1))  # type: ignore[arg-type]
    assert on.stage1.meeting == D(2026, 11, 25) and on.stage1.response_sent is None
    # The findings were made with the Stage 1 response (4 December): not known on 1 December.
    assert on.complaint.points[0].summary == "The letter was late." and on.complaint.points[0].finding == ""
    # Booked on 18 December (the invitations): not known on 1 December.
    assert on.panel.date is None and on.panel.venue == "" and on.panel.members == []
    assert on.decision.outcomes == [] and on.decision.further_hearing is None and on.decision.sent is None
    # The hold had begun but not ended: open on the day.
    assert len(on.holds) == 1 and on.holds[0].to is None


def test_a_booking_is_kept_from_the_day_it_was_made(make_case: Callable[..., Path]) -> None:
    booked = _case(make_case, "booked = 2026-12-02\ninvitations_sent = 2026-12-18")
    on = case_as_at(booked, D(2026, 12, 10))  # type: ignore[arg-type]
    assert on.panel.date == D(2027, 1, 21) and on.panel.venue == "Committee Room 2"
    assert on.panel.invitations_sent is None  # sent later
    assert on.decision.reasons == ""  # the panel has not met
    # With no record of when it was booked, the booking stands (it cannot be dated).
    unknown = case_as_at(_case(make_case), D(2026, 12, 10))  # type: ignore[arg-type]
    assert unknown.panel.date == D(2027, 1, 21)


def test_after_the_panel_its_decision_is_known(make_case: Callable[..., Path]) -> None:
    case = _case(make_case, "invitations_sent = 2026-12-18")
    on = case_as_at(case, D(2027, 1, 27))  # type: ignore[arg-type]
    assert on.decision.outcomes == ["procedures-followed"] and on.decision.further_hearing == D(2027, 3, 4)
    assert on == case_as_at(on, D(2027, 1, 27))  # taking it again changes nothing
    assert case_as_at(case, D(2027, 6, 1)) == case  # nothing later than June: the whole case
