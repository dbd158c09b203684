"""Working days and the counting rules of procedures.md, against dates worked by hand.

Bank holidays used in the reasoning (England and Wales, GOV.UK): 2026: 3 Apr Good Friday,
6 Apr Easter Monday, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (Boxing Day substitute; 26 Dec is a
Saturday). 2027: 1 Jan, 26 Mar Good Friday, 29 Mar Easter Monday, 3 May, 31 May, 30 Aug, 27 and
28 Dec (substitutes). 2028: 3 Jan (New Year substitute).
"""

from __future__ import annotations

import datetime as dt

import pytest

from casepost.calendar import WorkingCalendar, add_months

D = dt.date
cal = WorkingCalendar()


@pytest.mark.parametrize(
    ("day", "working", "why"),
    [
        (D(2026, 12, 24), True, "Christmas Eve is a working day unless the authority closes"),
        (D(2026, 12, 31), True, "31 December is a working day"),
        (D(2026, 12, 25), False, "Christmas Day"),
        (D(2026, 12, 28), False, "Boxing Day substitute (26 Dec 2026 is a Saturday)"),
        (D(2027, 1, 1), False, "New Year's Day"),
        (D(2026, 4, 3), False, "Good Friday 2026"),
        (D(2026, 4, 6), False, "Easter Monday 2026: missing from plain holidays.UK() without subdiv=ENG"),
        (D(2026, 8, 31), False, "Summer bank holiday 2026: also missing without subdiv=ENG"),
        (D(2027, 5, 3), False, "Early May bank holiday 2027"),
        (D(2027, 5, 31), False, "Spring bank holiday 2027"),
        (D(2027, 12, 27), False, "Christmas Day substitute 2027"),
        (D(2027, 12, 28), False, "Boxing Day substitute 2027"),
        (D(2028, 1, 3), False, "New Year's Day substitute 2028"),
        (D(2022, 9, 19), False, "State Funeral of Queen Elizabeth II (one-off)"),
        (D(2023, 5, 8), False, "Coronation of King Charles III (one-off)"),
        (D(2026, 11, 21), False, "a Saturday"),
        (D(2026, 11, 23), True, "an ordinary Monday"),
    ],
)
def test_working_day(day: dt.date, working: bool, why: str) -> None:
    assert cal.is_working_day(day) is working, why


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Sat 21 Nov 2026 is day 0 though not a working day: Mon 23 (1), Tue 24 (2), Wed 25 (3).
        (D(2026, 11, 21), 3, D(2026, 11, 25)),
        # Fri 18 Dec 2026 + 10: 21, 22, 23, 24 (Christmas Eve counts) = 4; 25 and 28 out; 29, 30, 31 = 7;
        # 1 Jan out; 4, 5, 6 Jan = 10 -> Wed 6 Jan 2027 (procedures.md's own example).
        (D(2026, 12, 18), 10, D(2027, 1, 6)),
        # Fri 24 Dec 2027 + 10: 27 and 28 Dec (substitutes) out; 29, 30, 31 = 3; 3 Jan 2028 out;
        # 4-7 Jan = 7; 10, 11, 12 = 10 -> Wed 12 Jan 2028.
        (D(2027, 12, 24), 10, D(2028, 1, 12)),
        # Mon 30 Mar 2026 + 10: 31 Mar, 1, 2 Apr = 3; Good Friday and Easter Monday out; 7-10 Apr = 7;
        # 13, 14, 15 = 10 -> Wed 15 Apr 2026.
        (D(2026, 3, 30), 10, D(2026, 4, 15)),
        # ... and + 20: 16, 17 (12), 20-24 (17), 27, 28, 29 (20) -> Wed 29 Apr 2026.
        (D(2026, 3, 30), 20, D(2026, 4, 29)),
        # Fri 30 Apr 2027 + 1: Mon 3 May is the early May bank holiday -> Tue 4 May 2027.
        (D(2027, 4, 30), 1, D(2027, 5, 4)),
        # Counting back: Thu 25 Mar 2027 - 10: 24, 23, 22 (3), 19-15 (8), 12, 11 (10) -> Thu 11 Mar 2027.
        (D(2027, 3, 25), -10, D(2027, 3, 11)),
        # Back over Easter: Tue 30 Mar 2027 - 10: Easter Monday 29 and Good Friday 26 out; 25-22 (4),
        # 19-15 (9), 12 (10) -> Fri 12 Mar 2027.
        (D(2027, 3, 30), -10, D(2027, 3, 12)),
        (D(2026, 11, 23), 0, D(2026, 11, 23)),
    ],
)
def test_add_working_days(start: dt.date, n: int, expected: dt.date) -> None:
    assert cal.add_working_days(start, n) == expected


def test_closure_days_are_not_working_days() -> None:
    # The authority closes on Christmas Eve 2026: Fri 18 Dec + 10 loses 24 Dec and ends a day
    # later than the statutory count, Thu 7 Jan 2027 instead of Wed 6 Jan.
    closed = WorkingCalendar([D(2026, 12, 24)])
    assert not closed.is_working_day(D(2026, 12, 24))
    assert closed.add_working_days(D(2026, 12, 18), 10) == D(2027, 1, 7)
    assert closed.holiday_name(D(2026, 12, 24)) == "authority closure day"


@pytest.mark.parametrize(
    ("posted", "delivery", "received"),
    [
        # First-class post: the second working day after posting (1985 Practice Direction).
        (D(2026, 1, 5), "post", D(2026, 1, 7)),  # Mon -> Wed
        (D(2026, 1, 9), "post", D(2026, 1, 13)),  # Fri -> Mon (1), Tue (2)
        (D(2026, 4, 2), "post", D(2026, 4, 8)),  # Thu before Easter: Tue 7 (1), Wed 8 (2)
        (D(2026, 5, 22), "post", D(2026, 5, 27)),  # Fri before Spring bank holiday: Tue 26, Wed 27
        (D(2027, 12, 23), "post", D(2027, 12, 29)),  # Thu: Fri 24 (1), 27 and 28 out, Wed 29 (2)
        (D(2026, 1, 9), "email", D(2026, 1, 9)),  # by email: the day it was sent
    ],
)
def test_deemed_receipt(posted: dt.date, delivery: str, received: dt.date) -> None:
    assert cal.deemed_receipt(posted, delivery) == received


def test_moving_to_a_working_day() -> None:
    # Sat 2 Jan 2027: the authority moves earlier past New Year's Day to Thu 31 Dec 2026;
    # a complainant's window moves later to Mon 4 Jan 2027.
    assert cal.earlier_working_day(D(2027, 1, 2)) == D(2026, 12, 31)
    assert cal.later_working_day(D(2027, 1, 2)) == D(2027, 1, 4)
    assert cal.earlier_working_day(D(2026, 12, 30)) == D(2026, 12, 30)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # 29 February -> 28 February
        (D(2025, 12, 27), 12, D(2026, 12, 27)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 3, 15), -3, D(2025, 12, 15)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_skipped_days_stop_the_clock() -> None:
    # Mon 2 Nov 2026 + 15 = Mon 23 Nov; a hold over the week of 9-13 Nov (5 working days) moves it
    # 5 working days on: Tue 24, Wed 25, Thu 26, Fri 27, Mon 30 Nov.
    hold = frozenset(cal.working_days_between(D(2026, 11, 9), D(2026, 11, 13)))
    assert cal.add_working_days(D(2026, 11, 2), 15) == D(2026, 11, 23)
    assert cal.add_working_days(D(2026, 11, 2), 15, hold) == D(2026, 11, 30)
