"""Dates as people read them: 'Friday 4 December 2026' in letters, 'Fri 4 Dec 2026' in tables."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date | None) -> str:
    """'Friday 4 December 2026' (no leading zero, no ordinal)."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    """'Fri 4 Dec 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}" if day else ""
