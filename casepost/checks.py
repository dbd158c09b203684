"""Procedural warnings for `casepost check`: things a coordinator must know, which do not make
the case file invalid (the procedures allow discretion).
"""

from __future__ import annotations

import datetime as dt

from casepost.case import Case, get_field
from casepost.dateformat import short_date
from casepost.loaded import LoadedCase
from casepost.procedures import Deadline, Procedure, builtin_ids, load_procedure


def check_case(loaded: LoadedCase, as_of: dt.date) -> list[str]:
    """Every procedural warning for a valid case, in a stable order."""
    case, procedure = loaded.case, loaded.procedure
    timeline = loaded.timeline(as_of)
    warnings: list[str] = []
    for entry in timeline.entries:
        if entry.status != "late":
            continue
        when = f"recorded {short_date(entry.met_on)}, due by {short_date(entry.date)}"
        if entry.party == "complainant":
            warnings.append(f"out of time: {entry.what} ({entry.id}): {when}; the procedure allows discretion")
        elif entry.id == "panel_convene_by":
            warnings.append(
                f"the panel ({short_date(entry.met_on)}) is later than its convene-by date "
                f"{short_date(entry.date)} ({entry.source})"
            )
        else:
            warnings.append(f"late: {entry.what} ({entry.id}): {when}")
    warnings += _authority_warnings(loaded)
    warnings += _panel_warnings(case)
    warnings += _bundle_warnings(loaded)
    warnings += _unused_fields(case, procedure)
    return warnings


def _authority_warnings(loaded: LoadedCase) -> list[str]:
    """The settings' council is not one the procedure belongs to (a case under the wrong folder)."""
    letterhead = loaded.settings.settings.letterhead
    allowed = loaded.procedure.authorities
    if letterhead is None or not allowed:
        return []
    if " ".join(letterhead.council.split()).casefold() in {" ".join(a.split()).casefold() for a in allowed}:
        return []
    return [
        f"the settings file {loaded.settings.path} is for {letterhead.council}, but {loaded.procedure.id} is "
        f"{' or '.join(allowed)}'s procedure: letters would go out on the wrong letterhead (pass --settings?)"
    ]


def _panel_warnings(case: Case) -> list[str]:
    panel = case.panel
    out = []
    if (panel.date is not None or panel.members) and len(panel.members) < 3:
        out.append(f"the panel has {len(panel.members)} member(s); a panel needs three")
    for i, member in enumerate(panel.members):
        if member.line_management:
            out.append(f"panel.members[{i}] ({member.name}) has had line-management responsibility for the case")
        if member.conflict:
            out.append(f"panel.members[{i}] ({member.name}) has declared a conflict of interest")
    return out


def _bundle_warnings(loaded: LoadedCase) -> list[str]:
    out = []
    folder = loaded.folder
    for i, doc in enumerate(loaded.case.bundle.documents):
        target = (folder / doc.path).resolve()
        if not target.is_relative_to(folder):
            out.append(f"bundle.documents[{i}].path: {doc.path!r} is outside the case's folder and will not be read")
        elif not target.is_file():
            out.append(f"bundle.documents[{i}].path: {doc.path!r} is missing")
    return out


def _clock_fields(d: Deadline) -> set[str]:
    """The case fields that start or change this deadline's clock (not the action that meets it)."""
    fields = {d.from_}
    if d.replaced_by:
        fields.add(d.replaced_by.field)
    if d.extension:
        fields.add(d.extension.when)
    if d.alternative:
        fields.add(d.alternative.when_false)
    return fields


def _unused_fields(case: Case, procedure: Procedure) -> list[str]:
    """Fields that start a clock in another procedure but mean nothing in this one (a warning).

    A record of the authority's own action (a `met_by` field such as stage1.response_sent) is
    never warned about: recording what was done is always right.
    """
    others: set[str] = set()
    actions: set[str] = set()
    for pid in builtin_ids():
        for d in load_procedure(pid).deadlines:
            others |= _clock_fields(d)
            actions |= {d.met_by} if d.met_by else set()
    mine = set().union(*(_clock_fields(d) | ({d.met_by} if d.met_by else set()) for d in procedure.deadlines))
    unused = sorted(others - mine - actions)
    return [
        f"{path} is set but {procedure.id} does not use it"
        for path in unused
        if get_field(case, path) not in (None, False)
    ]
