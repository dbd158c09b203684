"""Properties of the working-day count that must hold for any date and any N."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from casepost.calendar import WorkingCalendar

cal = WorkingCalendar()
days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2028, 12, 1))
counts = st.integers(min_value=1, max_value=70)


@given(days, counts)
def test_lands_on_a_working_day(start: dt.date, n: int) -> None:
    assert cal.is_working_day(cal.add_working_days(start, n))


@given(days, counts)
def test_counts_exactly_n_working_days(start: dt.date, n: int) -> None:
    end = cal.add_working_days(start, n)
    assert len(cal.working_days_between(start + dt.timedelta(days=1), end)) == n


@given(days, counts)
def test_grows_with_n(start: dt.date, n: int) -> None:
    assert cal.add_working_days(start, n + 1) > cal.add_working_days(start, n) > start


@given(days, counts)
def test_back_and_forth(start: dt.date, n: int) -> None:
    # Counting back N from the Nth working day returns to start, or to the last working day before it.
    end = cal.add_working_days(start, n)
    assert cal.add_working_days(end, -n) == cal.earlier_working_day(start)


@settings(max_examples=60)
@given(days, counts, st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=40))
def test_a_hold_adds_exactly_its_working_days(start: dt.date, n: int, offset: int, length: int) -> None:
    # A hold that starts inside the count delays the deadline by exactly its working days.
    hold_from = cal.add_working_days(start, min(offset, n))
    hold_to = hold_from + dt.timedelta(days=length)
    held = frozenset(cal.working_days_between(hold_from, hold_to))
    expected = cal.add_working_days(start, n + len([d for d in held if d > start]))
    assert cal.add_working_days(start, n, held) == expected
