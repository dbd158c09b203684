"""The `casepost` command: Click commands only. Each parses, calls one core function, prints."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from casepost.cliparams import DATE
from casepost.errors import CasepostError, ExitCode


class _Group(click.Group):
    """Maps every CasepostError to its message on stderr and exit code 1: never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CasepostError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(int(exc.exit_code))


def _as_date(value: dt.date | None) -> dt.date | None:
    return value


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
        help="Work statuses out as of this day (2026-12-01 or 01/12/2026; default today).",
    )(f)


def output_option(kind: str, help_text: str) -> Callable[..., Any]:
    """-o/--output PATH: the one output option of every command (a folder for letter, else a file)."""
    return click.option(
        "-o",
        "--output",
        "output",
        type=click.Path(dir_okay=kind == "folder", file_okay=kind == "file", path_type=Path),
        metavar="FOLDER" if kind == "folder" else "FILE",
        help=help_text,
    )


def examples(*lines: str) -> str:
    """A --help epilog of example commands, kept as written (a backspace line stops Click rewrapping it)."""
    head = "Example:" if len(lines) == 1 else "Examples:"
    return "\b\n" + head + "\n" + "\n".join(f"  {line}" for line in lines)


def _settings_used(path: Path | None) -> str:
    return f"settings: {path}" if path else "settings: none found (built-in defaults)"


def force_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--force: replace an existing output file."""
    return click.option("--force", is_flag=True, help="Replace an existing output file.")(f)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="casepost")
def main() -> None:
    """Letters and panel bundles for children's services complaints, with every send-by date right."""


@main.command(epilog=examples("casepost check cases/0142/case.toml --as-of 01/12/2026"))
@click.argument("case", type=click.Path(path_type=Path))
@settings_option
@as_of_option
def check(case: Path, settings_path: Path | None, as_of: dt.date | None) -> None:
    """Validate CASE and warn about procedural problems (out of time, panel too late, members...)."""
    from casepost.checks import check_case
    from casepost.loaded import open_case

    loaded = open_case(case, settings_path)
    warnings = check_case(loaded, _as_date(as_of) or dt.date.today())
    click.echo(_settings_used(loaded.settings.path), err=True)
    for warning in warnings:
        click.echo(f"warning: {warning}")
    click.echo(f"{case}: valid ({loaded.procedure.id}){'' if not warnings else f', {len(warnings)} warning(s)'}")


@main.command(epilog=examples("casepost dates cases/0142/case.toml --ics 0142.ics"))
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
    case: Path, settings_path: Path | None, as_of: dt.date | None, as_json: bool, ics: Path | None, force: bool
) -> None:
    """Show CASE's timeline: every deadline with its date, rule, source and status."""
    from casepost.loaded import open_case

    loaded = open_case(case, settings_path)
    timeline = loaded.timeline(_as_date(as_of))
    if ics is not None:
        from casepost.ics import write_ics

        write_ics(timeline, ics, force=force)
    if as_json:
        click.echo(json.dumps(timeline.as_json(), indent=2))
    else:
        from casepost.console import print_timeline  # rich: only for the table

        print_timeline(timeline)
    if ics is not None:
        click.echo(f"wrote {ics}", err=as_json)


@main.command(
    epilog=examples("casepost due cases --within 5", "casepost due cases/0142/case.toml --settings casepost.toml")
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar="PATHS...")
@click.option(
    "--within", type=click.IntRange(min=0), default=10, show_default=True, help="Show what falls due within N days."
)
@as_of_option
@settings_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def due(paths: tuple[Path, ...], within: int, as_of: dt.date | None, settings_path: Path | None, as_json: bool) -> None:
    """Every case in PATHS (case files, or folders of them): what is overdue or due soon, soonest
    first, with the `casepost record` command for each overdue action.

    A case file that cannot be read is reported and skipped; the others are still listed, and
    the exit code is then 1.
    """
    from casepost.console import print_due
    from casepost.due import due_report

    report = due_report(list(paths), _as_date(as_of) or dt.date.today(), within, settings_path)
    if as_json:
        click.echo(json.dumps(report.as_json(), indent=2))
    else:
        print_due(report)
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped}", err=True)
    if report.skipped:
        sys.exit(int(ExitCode.BAD_INPUT))


@main.command(epilog=examples("casepost procedures sussex-cpc", "casepost procedures --json"))
@click.argument("procedure_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (one procedure in full, or all in brief).")
def procedures(procedure_id: str | None, as_json: bool) -> None:
    """List the procedures, or show one's rules with their sources."""
    from casepost.console import print_procedure, print_procedures

    if as_json:
        from casepost.procedures import procedures_json

        click.echo(json.dumps(procedures_json(procedure_id), indent=2, ensure_ascii=False))
    elif procedure_id is None:
        print_procedures()
    else:
        print_procedure(procedure_id)


@main.command(
    "new",
    epilog=examples("casepost new luton-csc cases/2026-0142      # then fill in REQUIRED fields; casepost check"),
)
@click.argument("procedure")
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
def new(procedure: str, folder: Path) -> None:
    """Start a case: write FOLDER/case.toml for PROCEDURE (an id, or a procedure file) with every
    field it uses, commented, and a casepost.toml if none is found above FOLDER. Never overwrites.
    """
    from casepost.newcase import new_case

    made = new_case(procedure, folder)
    click.echo(f"wrote {made.case}")
    if made.settings is not None:
        click.echo(f"wrote {made.settings}: fill in the letterhead and signatories before writing letters")
    else:
        click.echo(_settings_used(made.settings_found))
    click.echo(f"next: fill in the fields marked REQUIRED, then run: casepost check {made.case}")


@main.command(
    epilog=examples(
        "casepost record case.toml complaint.acknowledged 24/11/2026",
        "casepost record case.toml panel.papers_sent                 # today",
        "casepost record case.toml decision.director_agrees true",
    )
)
@click.argument("case", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("field")
@click.argument("value", required=False, metavar="[DATE|true|false]")
def record(case: Path, field: str, value: str | None) -> None:
    """Record in CASE that something happened: set FIELD (e.g. complaint.acknowledged, or
    holds[0].to to end a hold) to DATE (2026-11-24 or 24/11/2026; default today), or a yes/no field
    to true or false. Comments and layout are kept; a change that would make the case invalid is
    refused and nothing is written.
    """
    from casepost.record import record_field

    done = record_field(case, field, value)
    shown = str(done.value).lower() if isinstance(done.value, bool) else done.value.isoformat()
    was = "" if done.previous in (None, done.value) else f" (was {done.previous})"
    click.echo(f"recorded {field} = {shown} in {case}{was}")
    for line in done.met:
        click.echo(f"  {line}")
    if done.remaining:
        click.echo(f"{case} is not complete yet; still to fill in:")
        for problem in done.remaining:
            click.echo(f"  {problem.describe(case)}")


# --- letters commands (letter, review, approve) -------------------------------------------


@main.command(
    epilog=examples(
        "casepost letter acknowledgement cases/0142/case.toml --email",
        "casepost letter decision cases --format both -o decisions",
    )
)
@click.argument("kind")
@click.argument("cases", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "docx", "both"]),
    default="pdf",
    show_default=True,
    help="Write PDF, DOCX or both.",
)
@output_option("folder", "Folder to write to (default: out/ beside each case file).")
@click.option(
    "--email",
    is_flag=True,
    help='Also write an .eml draft to the complainant with the PDF attached (delivery = "email" only).',
)
@click.option("--draft", is_flag=True, help="Mark the letter as a draft whatever the approvals say.")
@click.option(
    "--date",
    "day",
    type=DATE,
    metavar="DATE",
    help="The letter's date when the case gives none (letter_date, or this letter's sent date); default today.",
)
@click.option("--jobs", type=click.IntRange(min=1), help="Parallel workers for many cases (default: every core).")
@force_option
@settings_option
def letter(
    kind: str,
    cases: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    email: bool,
    draft: bool,
    day: dt.date | None,
    jobs: int | None,
    force: bool,
    settings_path: Path | None,
) -> None:
    """Write the KIND letter (acknowledgement, stage1-response, panel-invitation, decision) for
    each CASE: case files, or folders of them, rendered in parallel.
    """
    from letters.batch import run
    from letters.writer import LetterRequest, case_warnings, formats_of

    for path, warning in case_warnings(list(cases), settings_path):  # what `check` would say, first
        click.echo(f"warning: {path}: {warning}", err=True)
    request = LetterRequest(kind, formats_of(fmt), output, draft, force, _as_date(day), settings_path, email=email)
    result = run(list(cases), request, jobs=jobs, progress=len(cases) > 1 or cases[0].is_dir())
    drafts = [item for item in result.results if item.draft and item.written]
    for item in result.results:
        for path in item.written:
            click.echo(f"wrote {path}")
        if item.error:
            click.echo(f"failed: {item.case}: {item.error}", err=True)
    for settings_file in sorted({str(item.settings) for item in result.results if item.written}):
        click.echo(_settings_used(None if settings_file == "None" else Path(settings_file)), err=True)
    if drafts:
        unapproved = sorted({name for item in drafts for name in item.unapproved})
        why = ("wording not approved: " + ", ".join(unapproved)) if unapproved else "--draft given"
        click.echo(f"DRAFT - {len(drafts)} letter(s) watermarked ({why})", err=True)
    hints = [item.record for item in result.results if item.record and item.written]
    if hints:
        click.echo("When sent, record it:" if len(hints) == 1 else "When sent, record each:")
        for hint in hints:
            click.echo(f"  {hint}")
    if result.failed:
        click.echo(f"{len(result.failed)} of {len(result.results)} case(s) failed", err=True)
        sys.exit(int(ExitCode.BAD_INPUT))


@main.command(epilog=examples("casepost review -o review.pdf"))
@click.option(
    "-o",
    "--output",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    default=Path("casepost-review.pdf"),
    show_default=True,
    help="The review PDF to write.",
)
@click.option(
    "--samples",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of sample cases, one per procedure (default: the samples shipped with casepost).",
)
@force_option
@settings_option
def review(out_file: Path, samples: Path | None, force: bool, settings_path: Path | None) -> None:
    """Write the legal review pack: every letter of every procedure from the samples, each with its
    templates' hashes and approval state.
    """
    from casepost.console import progress_to_stderr
    from letters.review import build_review

    with progress_to_stderr("review") as bar:  # to stderr, like a batch of letters: the pack takes a while
        items = build_review(out_file, force=force, samples=samples, settings=settings_path, progress=bar)
    unapproved = sorted({t.name for i in items for t in i.templates if t.state.startswith("NOT APPROVED")})
    failed = [i for i in items if i.error]
    click.echo(f"wrote {out_file}: {len(items)} letter(s), {len(unapproved)} template(s) not approved")
    for name in unapproved:
        click.echo(f"  not approved: {name}")
    for item in failed:
        click.echo(f"failed: {item.procedure} {item.kind}: {item.error}", err=True)
    if failed:
        sys.exit(int(ExitCode.BAD_INPUT))


@main.command(
    epilog=examples(
        'casepost approve letters/acknowledgement.j2 herts-cpc#acknowledgement --by "J. Patel, Legal Services"',
        'casepost approve --changed --by "J. Patel, Legal Services"',
    )
)
@click.argument("names", nargs=-1)
@click.option("--by", "by", required=True, help="Who approves the wording (name and role).")
@click.option("--changed", is_flag=True, help="Approve every piece whose current wording is not approved.")
@settings_option
def approve(names: tuple[str, ...], by: str, changed: bool, settings_path: Path | None) -> None:
    """Record legal's approval of the current wording of NAMES: templates (letters/decision.j2),
    a procedure's wording for a letter (herts-cpc#decision, or herts-cpc for all its letters), or
    with --changed everything not yet approved. Kept in approvals.toml beside casepost.toml.
    """
    from letters.approvals import approve as record_approval
    from letters.letter import settings_in, templates_in

    done, path = record_approval(templates_in(settings_path), settings_in(settings_path), list(names), by, changed)
    for approval in done:
        click.echo(f"approving {approval.template} (sha256 {approval.sha256[:16]})")
    user = done[0].user if done else ""
    click.echo(f"recorded {len(done)} approval(s) by {by}{f' (login {user})' if user else ''} in {path}")


@main.command(epilog=examples("casepost templates --settings council/casepost.toml"))
@settings_option
def templates(settings_path: Path | None) -> None:
    """List every piece of wording legal approves (templates, layouts, each procedure's wording per
    letter) with its approval state.
    """
    from letters.approvals import catalogue
    from letters.letter import settings_in, templates_in

    pieces = catalogue(templates_in(settings_path), settings_in(settings_path))
    width = max(len(p.name) for p in pieces)
    for piece in pieces:
        click.echo(f"{piece.name:<{width}}  {piece.sha256[:12]}  {piece.describe}")
    waiting = sum(1 for p in pieces if not p.approved)
    click.echo(f"{len(pieces)} piece(s), {waiting} not approved")


# --- bundle command ------------------------------------------------------------------------


@main.command(
    epilog=examples("casepost bundle cases/0142/case.toml --check", "casepost bundle cases/0142/case.toml -o panel.pdf")
)
@click.argument("case", type=click.Path(path_type=Path))
@output_option("file", "Where to write the bundle (default: out/REFERENCE-bundle.pdf beside the case file).")
@force_option
@click.option("--check", is_flag=True, help="Pre-flight: report each input and the send-by date; write nothing.")
@settings_option
@as_of_option
def bundle(
    case: Path, output: Path | None, force: bool, check: bool, settings_path: Path | None, as_of: dt.date | None
) -> None:
    """Assemble CASE's panel bundle: cover, linked index, stamped and bookmarked documents."""
    from casepost.settings import load_settings

    settings_used = _settings_used(load_settings(case, settings_path).path)
    click.echo(settings_used, err=True)  # stdout keeps to what was written and what is due
    if check:
        from packs.preflight import preflight

        report = preflight(case, settings_path, _as_date(as_of))
        click.echo(report.text())
        if not report.ok:
            sys.exit(int(ExitCode.BAD_INPUT))
        return
    from packs.assemble import build_bundle
    from packs.schedule import send_by_status

    result = build_bundle(
        case, output, force=force, settings_path=settings_path, as_of=_as_date(as_of), progress=sys.stderr.isatty()
    )
    click.echo(f"wrote {result.output} ({result.pages} pages)")
    click.echo(send_by_status(result.send_by, _as_date(as_of) or dt.date.today(), result.papers_sent))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if result.papers_sent is None:
        from casepost.record import sent_hint

        hint = sent_hint(case, "bundle", _as_date(as_of) or dt.date.today(), settings_path)
        if hint:
            click.echo(f"When sent, record it:\n  {hint}")


if __name__ == "__main__":  # pragma: no cover
    main()
