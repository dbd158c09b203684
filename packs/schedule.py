"""The bundle's send-by date (from the case's timeline) and the warnings about time and length
that both the bundle and its pre-flight give.
"""

from __future__ import annotations

import datetime as dt

from casepost.dateformat import long_date
from casepost.loaded import LoadedCase

SEND_BY = "panel_papers_send_by"  # the deadline id every procedure uses for the papers


def send_by_date(loaded: LoadedCase, as_of: dt.date) -> dt.date | None:
    """The date the bundle must reach the panel by (panel date minus the procedure's days, moved
    earlier off non-working days), or None while there is no panel date.
    """
    try:
        return loaded.timeline(as_of).get(SEND_BY).date
    except KeyError:
        return None


def send_by_status(send_by: dt.date | None, as_of: dt.date, sent: dt.date | None = None) -> str:
    """In words: when the bundle must go, and whether that can still be met."""
    if send_by is None:
        return "send-by date: not known yet (the case has no panel date)"
    days = (send_by - as_of).days
    when = long_date(send_by)
    if sent is not None:
        met = "in time" if sent <= send_by else f"{(sent - send_by).days} day(s) late"
        return f"send to the panel by {when}: the papers were recorded as sent on {long_date(sent)} ({met})"
    if days > 0:
        return f"send to the panel by {when}: can still be met ({days} day{'s' if days != 1 else ''} left)"
    if days == 0:
        return f"send to the panel by {when}: that is today"
    return f"send to the panel by {when}: that date has passed ({-days} day{'s' if days != -1 else ''} ago)"


def timing_warnings(
    send_by: dt.date | None, as_of: dt.date, pages: int, limit: int, sent: dt.date | None = None
) -> list[str]:
    """Warnings: the send-by date has passed (and the papers are not recorded as sent) or is
    unknown; the bundle is over the page limit.
    """
    out = []
    if send_by is None:
        out.append("the case has no panel date, so the bundle's send-by date is not known")
    elif as_of > send_by and sent is None:
        late = (as_of - send_by).days
        out.append(
            f"the send-by date ({long_date(send_by)}) has passed: the papers are {late} "
            f"day{'s' if late != 1 else ''} late for the panel"
        )
    if pages > limit:
        out.append(f"the bundle has {pages} pages, over the page limit of {limit} (settings: bundle.page_limit)")
    return out
