"""The England calendar comes from the holidays package's own United Kingdom class, loaded without
the package's ~250 other countries (a quarter of `casepost dates`' start-up), and gives exactly the
days and names the package's public country_holidays gives.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import holidays

from casepost import calendar
from casepost.calendar import WorkingCalendar

from .conftest import SAMPLES


def test_same_days_and_names_as_the_public_api() -> None:
    # 1990-2079: the jubilees, the coronation, the Queen's funeral and every substitute day.
    for year in range(1990, 2080):
        ours = calendar._england(year)
        theirs = holidays.country_holidays("GB", subdiv="ENG", years=year)
        assert dict(ours) == dict(theirs), year


def test_the_fast_path_is_taken_with_the_locked_holidays() -> None:
    # If a holidays release moves the UK module, dates stay right (the public API is used) but
    # start-up slows: this says so, so that the loader is looked at when holidays is re-locked.
    assert calendar._united_kingdom().__module__ == "casepost._united_kingdom_holidays"


def test_names_of_days_off() -> None:
    cal = WorkingCalendar()
    assert cal.holiday_name(dt.date(2027, 3, 29)) == "Easter Monday"
    assert cal.holiday_name(dt.date(2026, 12, 28)) == "Boxing Day (observed)"
    assert cal.holiday_name(dt.date(2026, 12, 1)) is None


def test_dates_does_not_import_every_country() -> None:
    probe = (
        "import sys, runpy; sys.argv = ['casepost', 'dates', sys.argv[1], '--json']\n"
        "try:\n    runpy.run_module('cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "countries = [m for m in sys.modules if m.startswith('holidays.countries')]\n"
        "print('COUNTRIES', len(countries), file=sys.stderr)"
    )
    case = str(SAMPLES / "luton-csc" / "case.toml")
    result = subprocess.run(
        [sys.executable, "-c", probe, case], capture_output=True, text=True, check=True, cwd=Path(__file__).parent
    )
    assert "COUNTRIES 0" in result.stderr
    assert '"procedure": "luton-csc"' in result.stdout
