"""Writing one case's letter to disk: dated, named from the reference, never overwriting without
--force, atomic, and recorded in the case's correspondence log with every template's hash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from casepost.correspondence import record
from casepost.errors import CasepostError
from casepost.loaded import LoadedCase, open_case
from casepost.output import ensure_writable, output_name, write_atomic

Format = Literal["pdf", "docx"]


@dataclass(frozen=True)
class LetterRequest:
    """What to produce for every case of a run."""

    kind: str
    formats: tuple[Format, ...] = ("pdf",)
    out_dir: Path | None = None  # default: out/ beside each case file
    draft: bool = False
    force: bool = False
    date: dt.date | None = None  # used when the case has neither letter_date nor this letter's sent date
    settings: Path | None = None
    email: bool = False  # also write an .eml draft with the PDF attached (delivery = "email" only)


@dataclass
class LetterResult:
    """What happened for one case: the files written, or the error that stopped it."""

    case: Path
    written: list[Path] = field(default_factory=list)
    draft: bool = False
    unapproved: list[str] = field(default_factory=list)  # "name (sha256 abcdef123456)"
    error: str | None = None
    settings: Path | None = None  # the settings file used (None: the built-in defaults)
    record: str | None = None  # the `casepost record` command that marks this letter as sent


def formats_of(choice: str) -> tuple[Format, ...]:
    """The --format choice as the formats to write."""
    return ("pdf", "docx") if choice == "both" else ((choice,) if choice in ("pdf", "docx") else ("pdf",))  # type: ignore[return-value]


def write_letter(case_path: Path, request: LetterRequest) -> LetterResult:
    """Render and write one case's letter in each requested format (raises CasepostError)."""
    from letters.context import letter_day
    from letters.letter import EASY_READ_KINDS, compose

    loaded = open_case(case_path, request.settings)
    to = ""
    if request.email:  # refuse before any work
        from letters.email_draft import email_address

        complainant = loaded.case.complainant
        to = email_address(case_path, complainant.email, complainant.delivery)
        if "pdf" not in request.formats:
            raise CasepostError("--email attaches the PDF: use --format pdf or --format both")
    day = letter_day(loaded.case, request.kind, request.date)
    letter = compose(loaded, request.kind, day, request.draft)
    folder = request.out_dir or loaded.folder / "out"
    targets = [(fmt, folder / output_name(loaded.case.reference, request.kind, fmt)) for fmt in request.formats]
    # A child complainant also gets an easy-read version, beside the standard letter (which stays the
    # full record, and goes to the child's advocate): REF-KIND-easy-read.pdf.
    easy = None
    if loaded.case.complainant.easy_read and request.kind in EASY_READ_KINDS:
        easy = compose(loaded, request.kind, day, request.draft, easy_read=True)
    easy_name = f"{request.kind}-easy-read"
    easy_targets = [(fmt, folder / output_name(loaded.case.reference, easy_name, fmt)) for fmt in request.formats]
    eml = folder / output_name(loaded.case.reference, request.kind, "eml") if request.email else None
    every = [t for _, t in targets] + ([t for _, t in easy_targets] if easy else []) + ([eml] if eml else [])
    for target in every:  # refuse before spending time on rendering
        ensure_writable(target, request.force)
    unapproved = list({t.name: t for t in [*letter.unapproved, *(easy.unapproved if easy else [])]}.values())
    result = LetterResult(
        case_path,
        draft=letter.draft or bool(easy and easy.draft),
        unapproved=[f"{t.name} (sha256 {t.sha256[:12]})" for t in unapproved],
        settings=loaded.settings.path,
        record=_record_hint(loaded, request.kind, day),
    )
    for fmt, target in targets:
        data = _render(letter, fmt)
        if fmt == "pdf" and eml is not None:
            _write_draft(letter, case_path, to, data, target.name, eml, request.force)
            result.written.append(eml)
        write_atomic(target, data, request.force)
        record(
            case_path,
            request.kind,
            target,
            templates=letter.hashes_for(fmt),
            extra={"format": fmt, "letter_date": day.isoformat(), "draft": letter.draft},
        )
        result.written.append(target)
    for fmt, target in easy_targets:
        if easy is None:
            break
        write_atomic(target, _render(easy, fmt), request.force)
        extra = {"format": fmt, "letter_date": day.isoformat(), "draft": easy.draft, "version": "easy-read"}
        record(case_path, request.kind, target, templates=easy.hashes_for(fmt), extra=extra)
        result.written.append(target)
    return result


def _write_draft(letter: object, case_path: Path, to: str, pdf: bytes, name: str, eml: Path, force: bool) -> None:
    """Write the .eml draft atomically and log it, like the letter itself."""
    from letters.email_draft import build_draft
    from letters.letter import Letter

    assert isinstance(letter, Letter)
    write_atomic(eml, build_draft(letter, to, pdf, name), force)
    extra = {"format": "eml", "draft": letter.draft}
    record(case_path, letter.kind, eml, templates=letter.hashes_for("pdf"), extra=extra)


def _record_hint(loaded: LoadedCase, kind: str, day: dt.date) -> str | None:
    """`casepost record CASE FIELD DATE` for this letter, unless the case has recorded it already."""
    from casepost.case import get_field
    from casepost.record import record_command

    field = loaded.procedure.sent_field(kind)
    if field is None or get_field(loaded.case, field) is not None:
        return None
    return record_command(loaded.path, field, day)


def _render(letter: object, fmt: Format) -> bytes:
    from letters.letter import Letter

    assert isinstance(letter, Letter)
    if fmt == "pdf":
        from letters.pdf import render_pdf

        return render_pdf(letter)
    from letters.docx import render_docx

    return render_docx(letter)


def case_warnings(paths: Sequence[Path], settings: Path | None = None) -> list[tuple[Path, str]]:
    """The `check` warnings of every case named, printed before its letter is rendered. A case
    that cannot be read has none here: rendering reports its error.
    """
    from casepost.checks import check_case
    from casepost.errors import CasepostError

    out: list[tuple[Path, str]] = []
    for case in case_files(paths):
        try:
            loaded = open_case(case, settings)
            out += [(case, warning) for warning in check_case(loaded, dt.date.today())]
        except CasepostError:
            continue
    return out


def case_files(paths: Sequence[Path]) -> list[Path]:
    """The case files named: files as given; for a folder, every *.toml case file under it
    (not settings files, approvals files or anything in an out/ folder), in name order.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.rglob("*.toml")):
                if candidate.name in ("casepost.toml", "approvals.toml") or "out" in candidate.relative_to(path).parts:
                    continue
                found.append(candidate)
        elif path.is_file():
            found.append(path)
        else:
            raise CasepostError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))
