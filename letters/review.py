"""`casepost review`: the legal review pack. Every letter kind of every procedure (and the easy-read
versions), rendered from the sample cases into one PDF; each letter is preceded by a sheet naming its
templates with their SHA-256 and approval state, and every page of it names its wording template,
hash and state.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from casepost.errors import CasepostError
from casepost.loaded import open_case
from casepost.output import atomic_path, ensure_writable
from casepost.procedures import builtin_ids
from casepost.resources import samples_root
from letters.context import letter_day
from letters.environment import Templates, render
from letters.fetcher import SafeFetcher
from letters.letter import EASY_READ_KINDS, compose
from letters.pdf import html_to_pdf, render_pdf

SHEET = "letters/review.html.j2"


@dataclass(frozen=True)
class ReviewTemplate:
    """One template of one letter, as the review sheet shows it."""

    name: str
    sha256: str
    state: str
    diff: tuple[str, ...] = ()  # the change from its last approved wording, shown once per pack


@dataclass(frozen=True)
class ReviewItem:
    """One letter kind of one procedure in the review pack."""

    procedure: str
    procedure_name: str
    kind: str
    case: str
    templates: tuple[ReviewTemplate, ...]
    draft: bool
    pages: int
    error: str


@dataclass(frozen=True)
class ReviewSheet:
    """What the review sheet template sees."""

    heading: str
    items: tuple[ReviewItem, ...]
    stylesheet: str


def _sample_cases(samples: Path) -> list[Path]:
    cases = []
    for procedure in builtin_ids():
        case = samples / procedure / "case.toml"
        if not case.is_file():
            raise CasepostError(f"no sample case for {procedure}: expected {case} (use --samples DIR)")
        cases.append(case)
    return cases


def _page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def build_review(
    out: Path,
    force: bool = False,
    samples: Path | None = None,
    settings: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ReviewItem]:
    """Write the review pack to `out`; return what it holds. A letter that cannot be rendered is
    listed with its error instead, so the pack always shows every template's state.
    """
    from pypdf import PdfWriter

    ensure_writable(out, force)
    items: list[ReviewItem] = []
    letters: list[bytes] = []
    diffed: set[str] = set()  # pieces whose change is already shown
    folder = samples or samples_root()  # shipped in the wheel, inside casepost
    cases = [(path, open_case(path, settings)) for path in _sample_cases(folder)]
    # Every kind, then the easy-read versions (whichever case asks for them, legal approves them once).
    versions = {
        loaded.procedure.id: [(kind, False) for kind in loaded.procedure.letters]
        + [(kind, True) for kind in loaded.procedure.letters if kind in EASY_READ_KINDS]
        for _, loaded in cases
    }
    total = sum(len(v) for v in versions.values())
    for case_path, loaded in cases:
        shown = f"{folder.name}/{case_path.relative_to(folder)}"  # no machine paths in the pack
        for kind, easy_read in versions[loaded.procedure.id]:
            day = letter_day(loaded.case, kind, today)
            named = f"{kind} (easy read)" if easy_read else kind
            try:
                letter = compose(loaded, kind, day, easy_read=easy_read)
                wording = next(t for t in letter.used if t.name == letter.wording)
                strip = f"Review: {letter.wording} (sha256 {wording.sha256[:16]}) - {wording.describe}"
                data = render_pdf(letter, review=strip)
                templates = tuple(
                    ReviewTemplate(t.name, t.sha256, t.describe, () if t.name in diffed else tuple(t.diff()))
                    for t in letter.used
                )
                diffed |= {t.name for t in templates if t.diff}
                items.append(
                    ReviewItem(
                        loaded.procedure.id,
                        loaded.procedure.name,
                        named,
                        shown,
                        templates,
                        letter.draft,
                        _page_count(data),
                        "",
                    )
                )
                letters.append(data)
            except CasepostError as exc:
                items.append(
                    ReviewItem(loaded.procedure.id, loaded.procedure.name, named, shown, (), False, 0, str(exc))
                )
                letters.append(b"")
            if progress is not None:
                progress(len(items), total)  # the slow part is rendering: one tick per letter
    builtin = Templates(None)
    writer = PdfWriter()
    for item, data in zip(items, letters, strict=True):
        sheet = ReviewSheet(
            f"Legal review: {item.procedure} {item.kind}", (item,), builtin.find("letters/letter.css").as_uri()
        )
        sheet_html = render(builtin.layout, SHEET, {f.name: getattr(sheet, f.name) for f in fields(sheet)})
        page = html_to_pdf(sheet_html, builtin.roots[-1], SafeFetcher(builtin.roots))
        writer.append(io.BytesIO(page))
        if data:
            writer.append(io.BytesIO(data))
    writer.add_metadata({"/Title": "casepost legal review pack: every letter of every procedure"})
    with atomic_path(out, force) as tmp, open(tmp, "wb") as fh:
        writer.write(fh)
    return items
