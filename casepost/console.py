"""Terminal output: the tables `dates`, `due` and `procedures` print (rich)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from casepost.dateformat import short_date
from casepost.due import DueReport
from casepost.procedures import builtin_ids, load_procedure
from casepost.timeline import Timeline

_STYLE = {
    "met": "green",
    "late": "yellow",
    "due": "cyan",
    "overdue": "bold red",
    "provisional": "dim",
    "paused": "magenta",
}


def _console() -> Console:
    # Piped output (a file, a test) gets a wide, colourless table rather than one folded to 80 columns.
    tty = sys.stdout.isatty()
    return Console(width=None if tty else 160, no_color=not tty, highlight=False, soft_wrap=not tty)


def print_timeline(timeline: Timeline) -> None:
    """The case's deadlines as a table."""
    table = Table(
        title=f"{escape(timeline.reference)} · {timeline.procedure} · as of {short_date(timeline.as_of)}",
        title_justify="left",
        show_lines=False,
    )
    for column in ("Date", "What", "Who", "Status", "Rule", "Source"):
        table.add_column(column, overflow="fold")
    for e in timeline.entries:
        status = e.status + (f" ({short_date(e.met_on)})" if e.met_on else "")
        table.add_row(
            short_date(e.date) or "—",
            escape(e.what),
            e.party,
            f"[{_STYLE[e.status]}]{status}[/]",
            escape(e.rule),
            escape(e.source),
        )
    _console().print(table)
    for e in timeline.entries:
        for note in e.notes:
            _console().print(f"  {e.id}: {escape(note)}")


def print_due(report: DueReport) -> None:
    """One line per deadline due or overdue, soonest first."""
    console = _console()
    if not report.items:
        console.print(
            f"Nothing due within {report.within} days of {short_date(report.as_of)} across {report.cases} case(s)."
        )
        return
    table = Table(
        title=f"Due within {report.within} days of {short_date(report.as_of)} · {report.cases} case(s)",
        title_justify="left",
    )
    for column in ("Date", "Status", "Reference", "What", "Case file"):
        table.add_column(column, overflow="fold")
    for i in report.items:
        cells = (escape(i.reference), escape(i.what), escape(str(i.case)))
        table.add_row(short_date(i.date), f"[{_STYLE[i.status]}]{i.status}[/]", *cells)
    console.print(table)
    hints = [i for i in report.items if i.record]
    if hints:
        console.print("When an overdue action was done, record the day it was done (DATE default today):")
        for i in hints:
            console.print(f"  {escape(i.record)}", soft_wrap=True)


def print_procedures() -> None:
    """Every built-in procedure, one line each."""
    table = Table(title="Procedures", title_justify="left")
    for column in ("Id", "Procedure", "Owner", "Deadlines"):
        table.add_column(column, overflow="fold")
    for pid in builtin_ids():
        p = load_procedure(pid)
        table.add_row(p.id, escape(p.name), escape(p.owner), str(len(p.deadlines)))
    _console().print(table)


def print_procedure(procedure_id: str) -> None:
    """One procedure's rules, each with its source, and its outcomes, sections and letters."""
    from casepost.procedures import event_labels  # local: only this view needs the labels

    p = load_procedure(procedure_id)
    console = _console()
    seed = f" · source document: {escape(p.seed)}" if p.seed else ""
    console.print(f"[bold]{escape(p.name)}[/] ({p.id})\n{escape(p.owner)}{seed}")
    if p.summary:
        console.print(escape(p.summary))
    labels = {**event_labels(), **p.events}
    table = Table(title="Deadlines", title_justify="left")
    for column in ("Id", "What", "Who", "Counted", "Met by", "Source"):
        table.add_column(column, overflow="fold")
    for d in p.deadlines:
        if d.default is not None:
            amount = f"authority default ({d.default})"
        else:
            amount = next(
                f"{v} {k.replace('_', ' ')}"
                for k in ("working_days", "days", "months")
                if (v := getattr(d, k)) is not None
            )
        counted = f"{amount} {'before' if d.before else 'after'} {labels.get(d.from_, d.from_)}"
        if d.receipt:
            counted += " (from receipt of our letter)"
        if d.extension:
            counted += f"; +{d.extension.working_days} working days if {d.extension.when} ({d.extension.source})"
        if d.alternative:
            counted += f"; {d.alternative.working_days} working days if not {d.alternative.when_false}"
        if d.replaced_by:
            counted += f"; replaced by {d.replaced_by.field} when recorded"
        table.add_row(d.id, escape(d.what), d.party, escape(counted), d.met_by or "", escape(d.source))
    console.print(table)
    if p.outcomes:
        console.print("[bold]Panel outcomes[/]")
        for o in p.outcomes:
            console.print(f"  {o.id}: {escape(o.label)}")
    console.print("[bold]Bundle sections[/]: " + escape(", ".join(f"{s.id} ({s.title})" for s in p.sections)))
    if p.letters:
        console.print("[bold]Letters[/]: " + ", ".join(sorted(p.letters)))


@contextlib.contextmanager
def progress_to_stderr(label: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr whose callback sets (done, total) as they become known."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=Console(stderr=True)
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
