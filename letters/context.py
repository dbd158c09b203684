"""Building what a letter template may print (letters.views) from a case, its timeline, its
procedure and the authority's settings.

A letter that needs a field the case lacks fails here, naming exactly what to add.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from casepost.case import Case, Person, get_field
from casepost.dateformat import long_date
from casepost.errors import LetterFieldError, Problem
from casepost.loaded import LoadedCase
from casepost.procedures import Copy, LetterSpec
from casepost.snapshot import case_as_at
from casepost.timeline import Entry, Timeline, build_timeline
from letters.refusals import contradictions, past_promise
from letters.views import (
    AddresseeView,
    ChildView,
    ComplainantView,
    ComplaintView,
    DateLine,
    DecisionView,
    LetterContext,
    LetterheadView,
    NextStepView,
    OutcomeView,
    PanelView,
    PersonView,
    PointView,
    ProcedureView,
    RightsView,
    SupporterView,
)

# The case field each letter kind's own date records: while the case has not recorded it, the
# letter is taken as sent on its date (so a window "from receipt of this letter" counts from it).
SENT_FIELD = {
    "acknowledgement": "complaint.acknowledged",
    "stage1-response": "stage1.response_sent",
    "panel-invitation": "panel.invitations_sent",
    "decision": "decision.sent",
}


def _missing(kind: str, field: str, how: str) -> Problem:
    return Problem(field, f"is required for the {kind} letter: {how}")


def required_problems(kind: str, case: Case, spec: LetterSpec | None = None) -> list[Problem]:
    """The fields a letter kind needs that the case lacks, each with what to add."""
    problems: list[Problem] = []
    c = case.complaint
    if spec is not None and spec.confirms_scope and c.within_procedure is None:
        problems.append(
            _missing(
                kind,
                "complaint.within_procedure",
                "this letter confirms whether the complaint falls within the procedure: add within_procedure = "
                "true (or false) under [complaint]",
            )
        )
    if kind == "acknowledgement" and not (c.summary or c.points):
        problems.append(
            _missing(
                kind, "complaint.summary", 'add summary = "..." (the complaint as you understand it) under [complaint]'
            )
        )
    if kind == "stage1-response":
        if not c.points:
            problems.append(
                _missing(
                    kind,
                    "complaint.points",
                    "add a [[complaint.points]] table with summary, finding and outcome for each point of complaint",
                )
            )
        for i, point in enumerate(c.points):
            if not point.finding:
                problems.append(
                    _missing(
                        kind,
                        f"complaint.points[{i}].finding",
                        'add finding = "..." (what was found) to that [[complaint.points]] table',
                    )
                )
            if point.outcome is None:
                problems.append(
                    _missing(
                        kind,
                        f"complaint.points[{i}].outcome",
                        'add outcome = "upheld", "partly upheld" or "not upheld" to that [[complaint.points]] table',
                    )
                )
    if kind in ("panel-invitation", "decision"):
        p = case.panel
        if p.date is None:
            problems.append(_missing(kind, "panel.date", "add date = YYYY-MM-DD under [panel]"))
        if kind == "panel-invitation":
            if not p.time:
                problems.append(_missing(kind, "panel.time", 'add time = "10:00" under [panel]'))
            if not p.venue:
                problems.append(_missing(kind, "panel.venue", 'add venue = "..." under [panel]'))
        if not p.members:
            problems.append(
                _missing(
                    kind, "panel.members", 'add a [[panel.members]] table (name = "...", role = "...") for each member'
                )
            )
    if kind == "decision":
        d = case.decision
        if not d.outcomes:
            problems.append(
                _missing(
                    kind,
                    "decision.outcomes",
                    'add outcomes = ["..."] (ids from the procedure\'s outcomes) under [decision]',
                )
            )
        if not d.reasons:
            problems.append(
                _missing(
                    kind, "decision.reasons", 'add reasons = "..." (how the decision was reached) under [decision]'
                )
            )
    return problems


# --- building the context -------------------------------------------------------------------------


def clock_time(text: str) -> str:
    """'14:00' -> '2pm', '10:30' -> '10.30am', '12:00' -> '12 noon'; anything else as written."""
    try:
        hours, minutes = (int(x) for x in text.strip().split(":"))
    except ValueError:
        return text
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return text
    if (hours, minutes) == (12, 0):
        return "12 noon"
    suffix = "am" if hours < 12 else "pm"
    shown = hours % 12 or 12
    return f"{shown}{suffix}" if minutes == 0 else f"{shown}.{minutes:02d}{suffix}"


def _same_name(a: str, b: str) -> bool:
    """Whether two names in the case are one person's (letter case and spacing aside)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _person(p: Person | None) -> PersonView | None:
    return PersonView(p.name, p.role) if p else None


def letter_spec(loaded: LoadedCase, kind: str) -> LetterSpec:
    """The procedure's description of a letter kind, or an error listing the kinds it has."""
    spec = loaded.procedure.letters.get(kind)
    if spec is None:
        from casepost.errors import RenderError

        known = ", ".join(loaded.procedure.letters) or "none"
        raise RenderError(f"{loaded.procedure.id} has no {kind!r} letter (its letters: {known})")
    return spec


def resolve_person(loaded: LoadedCase, key: str) -> PersonView:
    """Who a signatory key names: the case's own officer of that key, the panel chair for
    "panel_chair", else the authority's signatory of that key (or its default).
    """
    case = loaded.case
    if key in case.officers:
        return PersonView(case.officers[key].name, case.officers[key].role)
    if key == "panel_chair" and case.panel.chair is not None:
        return PersonView(case.panel.chair.name, case.panel.chair.role)
    found = loaded.settings.signatory(key)
    return PersonView(found.name, found.role)


def letter_day(case: Case, kind: str, requested: dt.date | None = None) -> dt.date:
    """The date a letter bears: the case's letter_date; else the date the case records this
    letter as sent (so a re-render reproduces the letter that went out); else the date asked
    for on the command line; else today.
    """
    recorded = get_field(case, SENT_FIELD.get(kind, ""))
    return case.letter_date or (recorded if isinstance(recorded, dt.date) else None) or requested or dt.date.today()


def _with_sent(case: Case, kind: str, day: dt.date) -> Case:
    """The case as if this letter were sent on its date, where the case has not recorded it."""
    path = SENT_FIELD.get(kind)
    if path is None or get_field(case, path) is not None:
        return case
    table, name = path.split(".")
    part = getattr(case, table)
    return dataclasses.replace(case, **{table: dataclasses.replace(part, **{name: day})})


def _line(entry: Entry, kind: str, case_path: Path) -> DateLine:
    if entry.date is None:
        why = "paused by an open hold" if entry.status == "paused" else "the event it counts from is not recorded"
        raise LetterFieldError(
            case_path,
            [
                Problem(
                    entry.id,
                    f"the {kind} letter states this date, but it has none "
                    f"yet ({why}): record that event in the case file",
                )
            ],
        )
    done = long_date(entry.met_on) if entry.met_on is not None else ""
    return DateLine(entry.id, entry.what, long_date(entry.date), entry.party, entry.status == "provisional", done)


def _named(loaded: LoadedCase, case: Case, key: str) -> list[PersonView]:
    """The people a copy's `officer` names in the case (or the authority's signatory of that key)."""
    if key == "panel.chair":
        return [PersonView(case.panel.chair.name, case.panel.chair.role)] if case.panel.chair else []
    if key == "panel.members":
        return [PersonView(m.name, m.role) for m in case.panel.members]
    if key in case.officers:
        return [PersonView(case.officers[key].name, case.officers[key].role)]
    found = loaded.settings.settings.signatories.get(key) if key else None
    return [PersonView(found.name, found.role)] if found else []


def copies_of(loaded: LoadedCase, case: Case, spec: LetterSpec, kind: str) -> tuple[str, ...]:
    """Who gets a copy: people the case names; a role alone only where it names no one; a copy
    that depends on the case (an outcome, the complaint being within the procedure) only if it applies.
    """
    out: list[str] = []
    for copy in spec.copies:
        if not isinstance(copy, Copy):
            out.append(copy)
            continue
        if copy.when_within and case.complaint.within_procedure is not True:
            continue
        if copy.when_outcome and not set(copy.when_outcome) & set(case.decision.outcomes):
            continue
        note = f", {copy.note}" if copy.note else ""
        people = _named(loaded, case, copy.officer)
        if not people and not copy.only_if_named:
            out.append(copy.role[0].upper() + copy.role[1:] + note)
        out += [f"{p.name}, {p.role}{note}" if p.role else f"{p.name}{note}" for p in people]
    out += case.copies_to.get(kind, [])
    return tuple(dict.fromkeys(out))


def _rights(loaded: LoadedCase) -> RightsView:
    r = loaded.procedure.rights
    if r is None:
        from casepost.errors import ProcedureError

        where = loaded.path if not loaded.case.procedure.endswith(".toml") else loaded.folder / loaded.case.procedure
        raise ProcedureError(
            where,
            [Problem("rights", 'letters need [rights] (bring = "..." and the other rights the procedure gives)')],
        )
    return RightsView(r.bring, r.panel_bring or r.bring, r.child_advocate, r.question_each_other)


def build_context(loaded: LoadedCase, kind: str, day: dt.date) -> LetterContext:
    """The template context for one letter of one case, dated `day`: built only from the case as it
    stood on that day (casepost.snapshot), and refused where it would contradict its own date.
    """
    full, procedure, settings = loaded.case, loaded.procedure, loaded.settings
    spec = letter_spec(loaded, kind)
    head = settings.require_letterhead()
    case = case_as_at(_with_sent(full, kind, day), day)
    problems = contradictions(kind, full, day)
    if day < full.complaint.received:
        problems.append(
            Problem(
                "letter_date",
                f"the letter's date ({day}) is before the complaint was received ({full.complaint.received})",
            )
        )
    if not problems:
        problems = required_problems(kind, case, spec)
    if problems:
        raise LetterFieldError(loaded.path, problems)

    timeline: Timeline = build_timeline(case, procedure, settings.settings, day)
    stated = tuple(_line(timeline.get(i), kind, loaded.path) for i in spec.states)

    def dated(deadline_id: str) -> DateLine | None:
        try:
            entry = timeline.get(deadline_id)
        except KeyError:
            return None
        return None if entry.date is None else _line(entry, kind, loaded.path)

    papers_due = next((d for d in stated if d.id == "panel_additional_papers_due"), None)
    decision_ids = [d.id for d in procedure.deadlines if d.met_by in ("decision.recommendations_sent", "decision.sent")]
    decision_dates = tuple(x for x in (dated(i) for i in decision_ids) if x is not None) if kind != "decision" else ()
    steps = tuple(
        NextStepView(n.what, n.to, n.how, n.within, dated(n.deadline) if n.deadline else None, n.then)
        for n in spec.next
    )
    printed = [*spec.states, *(i for i in decision_ids if kind != "decision"), *(n.deadline for n in spec.next)]
    problems = [p for p in (past_promise(kind, timeline.get(i), day, procedure) for i in printed if i) if p]
    if papers_due is not None:
        last, out = timeline.get(papers_due.id).date, timeline.get("panel_papers_send_by").date
        if last is not None and out is not None and last >= out:
            problems.append(
                Problem(
                    "defaults.panel_additional_papers_working_days",
                    f"the complainant's last day for further papers ({long_date(last)}) must fall before the papers "
                    f"go out ({long_date(out)}): set a larger number in the settings' [defaults]",
                )
            )
    if problems:
        raise LetterFieldError(loaded.path, problems)

    c = case.complainant
    lines = (c.email,) if c.delivery == "email" else tuple(c.address)
    outcomes = {o.id: o for o in procedure.outcomes}
    stage1 = procedure.letters.get("stage1-response")
    handler = _person(case.officers.get("responder")) or resolve_person(
        loaded, (stage1.signatory or "stage1-response") if stage1 else "default"
    )
    p, d = case.panel, case.decision
    adjourned = any(outcomes[o].adjourned for o in d.outcomes)
    scope = ""
    if spec.confirms_scope:
        scope = "within" if case.complaint.within_procedure else "outside"
    return LetterContext(
        kind=kind,
        title=spec.adjourned_title if adjourned and spec.adjourned_title else spec.title,
        reference=case.reference,
        date=long_date(day),
        marking=settings.settings.marking,
        letterhead=LetterheadView(head.council, head.team, tuple(head.address), head.phone, head.email, head.website),
        to=AddresseeView(c.name, lines, c.delivery == "email"),
        salutation=c.salutation or f"Dear {c.name}",
        complainant=ComplainantView(c.name, c.relationship),
        supporter=SupporterView(case.supporter.name, case.supporter.role, case.supporter.organisation)
        if case.supporter
        else None,
        child=ChildView(case.child.name, _same_name(case.child.name, c.name)) if case.child else None,
        complaint=ComplaintView(
            received=long_date(case.complaint.received),
            meeting_date=long_date(case.complaint.meeting_date or case.complaint.conference_date),
            summary=case.complaint.summary,
            desired_outcome=case.complaint.desired_outcome,
            points=tuple(
                PointView(i + 1, pt.summary, pt.finding, pt.outcome or "", tuple(pt.actions))
                for i, pt in enumerate(case.complaint.points)
            ),
        ),
        procedure=ProcedureView(
            procedure.id,
            procedure.name,
            procedure.owner,
            procedure.meeting,
            procedure.meeting_chair,
            procedure.decision_stands,
            procedure.judicial_review,
            tuple(s.title for s in procedure.sections if s.id != "other"),
            _rights(loaded),
        ),
        handler=handler,
        signatory=resolve_person(loaded, spec.signatory or kind),
        copies=copies_of(loaded, case, spec, kind),
        dates=stated,
        scope=scope,
        hearing=tuple(spec.hearing),
        terms=tuple(spec.terms),
        enclosures=tuple(spec.enclosures),
        next=steps,
        last_stage=spec.last_stage and not adjourned,
        meeting_held=long_date(case.stage1.meeting),
        panel=PanelView(
            date=long_date(p.date),
            time=clock_time(p.time),
            venue=p.venue,
            chair=_person(p.chair),
            members=tuple(PersonView(m.name, m.role, m.organisation) for m in p.members),
            attendees=tuple(PersonView(a.name, a.role) for a in p.attendees),
            independent=bool(p.members) and not any(m.line_management for m in p.members),
            papers_due=papers_due,
            decision_dates=decision_dates,
        ),
        decision=DecisionView(
            outcomes=tuple(OutcomeView(o, outcomes[o].label, outcomes[o].text, outcomes[o].then) for o in d.outcomes),
            adjourned=adjourned,
            reasons=d.reasons,
            recommendations=tuple(d.recommendations),
            next_steps=d.next_steps,
            further_hearing=long_date(d.further_hearing),
            recommendations_sent=long_date(d.recommendations_sent),
            director_agrees=d.director_agrees,
            director_response=d.director_response,
        ),
    )
