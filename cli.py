"""The `casepost` command: Click commands only. Each parses, calls one core function, prints."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from casepost.errors import CasepostError, ExitCode

DATE = click.DateTime(formats=["%Y-%m-%d"])


class _Group(click.Group):
    """Maps every CasepostError to its message on stderr and exit code 1: never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CasepostError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(int(exc.exit_code))


def _as_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def settings_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--settings FILE, shared by every command that reads a case."""
    return click.option(
        "--settings",
        "settings_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The authority's casepost.toml (default: found by walking up from the case file).",
    )(f)


def as_of_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--as-of DATE: the day statuses are worked out for (default today)."""
    return click.option(
        "--as-of",
        "as_of",
        type=DATE,
        metavar="DATE",
        help="Work statuses out as of this day (YYYY-MM-DD; default today).",
    )(f)


def force_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--force: replace an existing output file."""
    return click.option("--force", is_flag=True, help="Replace an existing output file.")(f)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="casepost")
def main() -> None:
    """Letters and panel bundles for children's services complaints, with every send-by date right."""


@main.command()
@click.argument("case", type=click.Path(path_type=Path))
@settings_option
@as_of_option
def check(case: Path, settings_path: Path | None, as_of: dt.datetime | None) -> None:
    """Validate CASE and warn about procedural problems (out of time, panel too late, members...)."""
    from casepost.checks import check_case
    from casepost.loaded import open_case

    loaded = open_case(case, settings_path)
    warnings = check_case(loaded, _as_date(as_of) or dt.date.today())
    for warning in warnings:
        click.echo(f"warning: {warning}")
    click.echo(f"{case}: valid ({loaded.procedure.id}){'' if not warnings else f', {len(warnings)} warning(s)'}")


@main.command()
@click.argument("case", type=click.Path(path_type=Path))
@settings_option
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@click.option(
    "--ics",
    "ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the deadlines as an iCalendar file.",
)
@force_option
def dates(
    case: Path, settings_path: Path | None, as_of: dt.datetime | None, as_json: bool, ics: Path | None, force: bool
) -> None:
    """Show CASE's timeline: every deadline with its date, rule, source and status."""
    from casepost.console import print_timeline
    from casepost.loaded import open_case

    loaded = open_case(case, settings_path)
    timeline = loaded.timeline(_as_date(as_of))
    if ics is not None:
        from casepost.ics import write_ics

        write_ics(timeline, ics, force=force)
    if as_json:
        click.echo(json.dumps(timeline.as_json(), indent=2))
    else:
        print_timeline(timeline)
    if ics is not None:
        click.echo(f"wrote {ics}", err=as_json)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--within", type=click.IntRange(min=0), default=10, show_default=True, help="Show what falls due within N days."
)
@as_of_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def due(folder: Path, within: int, as_of: dt.datetime | None, as_json: bool) -> None:
    """Every case under FOLDER: what is overdue or due soon, soonest first."""
    from casepost.console import print_due
    from casepost.due import due_report

    report = due_report(folder, _as_date(as_of) or dt.date.today(), within)
    if as_json:
        click.echo(json.dumps(report.as_json(), indent=2))
    else:
        print_due(report)
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped}", err=True)
    if report.skipped:
        sys.exit(int(ExitCode.BAD_INPUT))


@main.command()
@click.argument("procedure_id", required=False)
def procedures(procedure_id: str | None) -> None:
    """List the procedures, or show one's rules with their sources."""
    from casepost.console import print_procedure, print_procedures

    if procedure_id is None:
        print_procedures()
    else:
        print_procedure(procedure_id)


# --- letters commands (letter, review, approve) -------------------------------------------


# --- bundle command ------------------------------------------------------------------------


if __name__ == "__main__":  # pragma: no cover
    main()
