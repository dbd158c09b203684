"""Working days in England (reg 2 of SI 2006/1738) and the counting rules of procedures.md."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
from collections.abc import Callable, Iterable
from pathlib import Path

import holidays

ONE_DAY = dt.timedelta(days=1)

# Excluded by name whatever the bank-holiday list says (reg 2): Christmas Day and Boxing Day
# by date; Good Friday comes from the holidays package's England list.
_FIXED = ((12, 25), (12, 26))


@functools.cache
def _united_kingdom() -> Callable[..., holidays.HolidayBase]:
    """The holidays package's United Kingdom class, loaded from its module file on its own.

    The package finds a country through holidays.countries, whose __init__ imports all of its
    ~250 country modules: about 50 ms, a quarter of `casepost dates`. The UK module imports none
    of them, so it is loaded by itself. Should a release move or change it, country_holidays
    still gives the same days, only slower (tests/test_calendar_england.py notices).
    """
    path = Path(holidays.__file__).parent / "countries" / "united_kingdom.py"
    spec = importlib.util.spec_from_file_location("casepost._united_kingdom_holidays", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            return module.UnitedKingdom
        except Exception:  # any failure: the package's own, slower way below
            pass
    return functools.partial(holidays.country_holidays, "GB")


@functools.lru_cache(maxsize=64)
def _england(year: int) -> holidays.HolidayBase:
    """England and Wales bank holidays of a year, with Good Friday and substitute days, by name.

    `subdiv="ENG"` matters: plain UK() lacks Easter Monday and the August bank holiday.
    """
    return _united_kingdom()(subdiv="ENG", years=year)


@functools.lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    """England and Wales bank holidays of a year."""
    return frozenset(_england(year).keys())


class WorkingCalendar:
    """Which days are working days for one authority: not weekends, bank holidays or its closure days."""

    def __init__(self, closure_days: Iterable[dt.date] = ()) -> None:
        self.closure_days = frozenset(closure_days)

    def holiday_name(self, day: dt.date) -> str | None:
        """Why a weekday is not a working day, or None when it is one."""
        if day in self.closure_days:
            return "authority closure day"
        names = _england(day.year)
        if day in names:
            return str(names.get(day))
        if (day.month, day.day) in _FIXED:
            return "Christmas Day" if day.day == 25 else "Boxing Day"
        return None

    def is_working_day(self, day: dt.date) -> bool:
        """Monday to Friday, not a bank holiday, Christmas, Boxing Day, Good Friday or a closure day."""
        if day.weekday() >= 5 or (day.month, day.day) in _FIXED or day in self.closure_days:
            return False
        # Load the neighbouring years too: a count near New Year crosses into them.
        return day not in _bank_holidays(day.year)

    def add_working_days(self, start: dt.date, n: int, skip: frozenset[dt.date] = frozenset()) -> dt.date:
        """The Nth working day after start (start is day 0 whatever day it is); n < 0 counts back.

        Days in `skip` (a hold's days) are not counted, as if they were not working days.
        """
        step = ONE_DAY if n >= 0 else -ONE_DAY
        day, left = start, abs(n)
        while left:
            day += step
            if self.is_working_day(day) and day not in skip:
                left -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """The working days from start to end, both included."""
        days, day = [], start
        while day <= end:
            if self.is_working_day(day):
                days.append(day)
            day += ONE_DAY
        return days

    def earlier_working_day(self, day: dt.date) -> dt.date:
        """Day itself if a working day, else the previous working day (the authority sends early)."""
        while not self.is_working_day(day):
            day -= ONE_DAY
        return day

    def later_working_day(self, day: dt.date) -> dt.date:
        """Day itself if a working day, else the next one (a complainant's window is never shortened)."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def deemed_receipt(self, sent: dt.date, delivery: str) -> dt.date:
        """When a letter we sent is taken to have reached the complainant.

        By email: the day it was sent. By first-class post: the second working day after
        posting (Interpretation Act 1978 s.7 and the 1985 Practice Direction).
        """
        if delivery == "email":
            return sent
        return self.add_working_days(sent, 2)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same date N months later; a day the month lacks becomes its last day (29 Feb -> 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, d))
        except ValueError:
            continue
    raise AssertionError("unreachable")
