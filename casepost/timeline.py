"""A case's timeline: every deadline of its procedure, dated by the counting rules, with its
rule in words, its source, and whether it is met, late, due, overdue, provisional or paused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from casepost.calendar import WorkingCalendar, add_months
from casepost.case import Case, get_date, get_field
from casepost.procedures import Deadline, Procedure, event_labels
from casepost.settings import Settings

Status = Literal["met", "late", "due", "overdue", "provisional", "paused"]


@dataclass(frozen=True)
class Entry:
    """One deadline of one case."""

    id: str
    what: str
    date: dt.date | None
    rule: str
    source: str
    party: Literal["authority", "complainant"]
    status: Status
    met_on: dt.date | None = None  # the recorded date that meets it
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict[str, str | None]:
        """The contract of `casepost dates --json`."""
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "rule": self.rule,
            "source": self.source,
            "party": self.party,
            "status": self.status,
        }


@dataclass(frozen=True)
class Timeline:
    """Every deadline of a case, in the procedure's order."""

    reference: str
    procedure: str
    as_of: dt.date
    entries: tuple[Entry, ...]

    def get(self, deadline_id: str) -> Entry:
        """The entry with this id (KeyError if the procedure has none)."""
        for entry in self.entries:
            if entry.id == deadline_id:
                return entry
        raise KeyError(deadline_id)

    def as_json(self) -> dict[str, object]:
        """The contract of `casepost dates --json`."""
        return {
            "reference": self.reference,
            "procedure": self.procedure,
            "as_of": self.as_of.isoformat(),
            "deadlines": [e.as_json() for e in self.entries],
        }


@dataclass
class _Count:
    """A deadline's arithmetic before it is dated: base, number, unit, direction, and the words."""

    base: dt.date | None
    provisional: bool
    number: int
    unit: Literal["working_days", "days", "months"]
    notes: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, case: Case, procedure: Procedure, settings: Settings, as_of: dt.date) -> None:
        self.case = case
        self.procedure = procedure
        self.settings = settings
        self.as_of = as_of
        self.calendar = WorkingCalendar(settings.closure_days)
        self.labels = {**event_labels(), **procedure.events}
        self.done: dict[str, Entry] = {}

    def entry(self, d: Deadline) -> Entry:
        if d.id not in self.done:
            self.done[d.id] = self._build(d)
        return self.done[d.id]

    # -- counting -------------------------------------------------------------------------
    def _count(self, d: Deadline) -> _Count:
        base = get_date(self.case, d.from_)
        provisional = False
        notes: list[str] = []
        if base is None and d.provisional_from is not None:
            stand_in = self.entry(self.procedure.deadline(d.provisional_from))
            base, provisional = stand_in.date, True
            if base is not None:
                notes.append(
                    f"provisional: {self.labels.get(d.from_, d.from_)} not yet recorded; "
                    f"counted from its latest date ({d.provisional_from}, {base.isoformat()})"
                )
        if base is not None and d.receipt:
            received = self.calendar.deemed_receipt(base, self.case.complainant.delivery)
            if received != base:
                notes.append(f"sent {base.isoformat()} by first-class post: deemed received {received.isoformat()}")
            base = received
        number, unit = self._number(d, notes)
        return _Count(base, provisional or base is None, number, unit, notes)

    def _number(self, d: Deadline, notes: list[str]) -> tuple[int, Literal["working_days", "days", "months"]]:
        if d.default is not None:
            assert d.unit is not None
            return getattr(self.settings.defaults, d.default), d.unit
        if d.months is not None:
            return d.months, "months"
        if d.days is not None:
            return d.days, "days"
        assert d.working_days is not None
        number = d.working_days
        if d.alternative is not None and get_field(self.case, d.alternative.when_false) is False:
            number = d.alternative.working_days
            notes.append(f"{d.alternative.when_false} is false: {number} working days ({d.alternative.source})")
        if d.extension is not None and get_field(self.case, d.extension.when) is True:
            number += d.extension.working_days
            notes.append(f"extended by {d.extension.working_days} working days ({d.extension.source})")
        return number, "working_days"

    def _date(self, d: Deadline, c: _Count, met_on: dt.date | None) -> tuple[dt.date | None, bool]:
        """The due date, and whether an open hold pauses it."""
        if c.base is None:
            return None, False
        cal, sign = self.calendar, -1 if d.before else 1
        if c.unit == "working_days":
            if d.before or d.party == "complainant":
                return cal.add_working_days(c.base, sign * c.number), False
            return self._held(c, met_on)
        raw = c.base + dt.timedelta(days=sign * c.number) if c.unit == "days" else add_months(c.base, sign * c.number)
        moved = cal.earlier_working_day(raw) if d.party == "authority" else cal.later_working_day(raw)
        if moved != raw:
            way = "earlier" if d.party == "authority" else "later"
            c.notes.append(f"{raw.isoformat()} is not a working day: moved {way} to {moved.isoformat()}")
        return moved, False

    def _held(self, c: _Count, met_on: dt.date | None) -> tuple[dt.date | None, bool]:
        """Forward working days for the authority: working days inside a hold do not count.

        A hold that starts after the action meeting this deadline was recorded cannot have
        stopped its clock: the duty was already done, so that hold is left out.
        """
        assert c.base is not None
        holds = [h for h in self.case.holds if met_on is None or h.from_ < met_on]
        closed = [h for h in holds if h.to is not None]
        skip = frozenset(day for h in closed if h.to for day in self.calendar.working_days_between(h.from_, h.to))
        due = self.calendar.add_working_days(c.base, c.number, skip)
        plain = self.calendar.add_working_days(c.base, c.number)
        if due != plain:
            held = len([day for day in skip if c.base < day <= due])
            c.notes.append(f"clock stopped for {held} working day(s) on hold")
        for hold in holds:
            if hold.to is None and hold.from_ <= due:
                c.notes.append(f"paused since {hold.from_.isoformat()}: {hold.reason}")
                return None, True
        return due, False

    # -- words ----------------------------------------------------------------------------
    def _rule(self, d: Deadline, c: _Count) -> str:
        event = self.labels.get(d.from_, d.from_)
        unit = {"working_days": "working day", "days": "day", "months": "month"}[c.unit]
        amount = f"{c.number} {unit}{'' if c.number == 1 else 's'}"
        if d.before:
            text = f"{amount} before {event}"
        elif d.receipt:
            text = (
                f"{amount} after the complainant receives our letter ({event}; by post it is taken to "
                "arrive on the second working day after posting)"
            )
        else:
            text = f"{amount} after {event}"
        if c.unit != "working_days":
            text += ", moved " + ("earlier" if d.party == "authority" else "later") + " if not a working day"
        if d.replaced_by is not None and get_date(self.case, d.replaced_by.field):
            text += f"; replaced by {self.labels.get(d.replaced_by.field, d.replaced_by.field)}"
        return text

    def _source(self, d: Deadline) -> str:
        sources = [d.source]
        if d.extension is not None and get_field(self.case, d.extension.when) is True:
            sources.append(d.extension.source)
        if d.alternative is not None and get_field(self.case, d.alternative.when_false) is False:
            sources.append(d.alternative.source)
        if d.replaced_by is not None and get_date(self.case, d.replaced_by.field):
            sources.append(d.replaced_by.source)
        return "; ".join(sources)

    # -- status ---------------------------------------------------------------------------
    def _build(self, d: Deadline) -> Entry:
        c = self._count(d)
        met_on = get_date(self.case, d.met_by) if d.met_by else None
        date, paused = self._date(d, c, met_on)
        if d.replaced_by is not None:
            replacement = get_date(self.case, d.replaced_by.field)
            if replacement is not None:
                c.notes.append(f"replaced by {d.replaced_by.field} ({replacement.isoformat()})")
                date, paused, c.provisional = replacement, False, False
        status: Status
        # Without a date (its basis unknown, or paused) a deadline can be neither met nor late.
        if paused:
            status = "paused"
        elif date is None:
            status = "provisional"
        elif met_on is not None:
            status = "met" if met_on <= date else "late"
        elif c.provisional:
            status = "provisional"
        else:
            status = "overdue" if date < self.as_of else "due"
        return Entry(d.id, d.what, date, self._rule(d, c), self._source(d), d.party, status, met_on, tuple(c.notes))


def build_timeline(case: Case, procedure: Procedure, settings: Settings, as_of: dt.date) -> Timeline:
    """Every deadline of the case's procedure, dated and with its status as of a day."""
    builder = _Builder(case, procedure, settings, as_of)
    entries = tuple(builder.entry(d) for d in procedure.deadlines)
    return Timeline(case.reference, procedure.id, as_of, entries)
