"""Command-line conventions shared by every command: how a date is typed, and day-first dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import click

# 16/11/2026, 16-11-2026 or 16.11.2026: the way UK staff write dates, day first.
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def parse_day(text: str) -> dt.date:
    """A date typed as 2026-12-01 (ISO) or 01/12/2026 (day first, as in the UK); ValueError otherwise."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    found = _DAY_FIRST.match(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        return dt.date(year, month, day)  # ValueError for 31/02/2026
    raise ValueError(text)


def iso_hint(text: str) -> str | None:
    """'2026-11-16' for a day-first date such as 16/11/2026, else None."""
    found = _DAY_FIRST.match(text)
    if not found:
        return None
    try:
        return parse_day(text).isoformat()
    except ValueError:
        return None


class DateParam(click.ParamType):
    """A date option or argument: 2026-12-01 or 01/12/2026 (day first), as a datetime.date."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        """Parse the typed text, or fail with the two forms accepted."""
        if isinstance(value, dt.date):
            return value
        try:
            return parse_day(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date: write 2026-12-01 or 01/12/2026 (day first)", param, ctx)


DATE = DateParam()
