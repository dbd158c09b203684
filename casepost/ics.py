"""`casepost dates --ics`: the deadlines as an iCalendar file (RFC 5545) for Outlook and the like."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar, Event

from casepost.output import safe_reference, write_atomic
from casepost.timeline import Timeline


def timeline_calendar(timeline: Timeline) -> Calendar:
    """One all-day event per dated deadline; no personal data, only the reference and the rule."""
    cal = Calendar()
    cal.add("prodid", "-//casepost//complaint deadlines//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{timeline.reference} deadlines")
    # A fixed stamp keeps the file identical for the same case and day.
    stamp = dt.datetime.combine(timeline.as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for entry in timeline.entries:
        if entry.date is None:
            continue
        event = Event()
        event.add("uid", f"{safe_reference(timeline.reference)}-{entry.id}@casepost")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + dt.timedelta(days=1))
        who = "Authority" if entry.party == "authority" else "Complainant's window"
        event.add("summary", f"{timeline.reference}: {entry.what}")
        event.add(
            "description",
            f"{who}. {entry.rule}. Source: {entry.source}. Status on {timeline.as_of.isoformat()}: {entry.status}.",
        )
        event.add("transp", "TRANSPARENT")
        event.add("categories", [entry.party])
        cal.add_component(event)
    return cal


def write_ics(timeline: Timeline, path: Path, force: bool) -> None:
    """Write the timeline's calendar atomically, refusing to overwrite without force."""
    write_atomic(path, timeline_calendar(timeline).to_ical(), force)
