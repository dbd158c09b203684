"""`casepost bundle`: the one function that builds a panel bundle, from the case file to the PDF
recorded in the correspondence log.

Two passes over the inputs: the first opens each to count its pages and refuse what cannot go in
(before anything is written); the second copies them one at a time into the bundle, which is
written as it goes, inside `atomic_path`, so a failure leaves no bundle and no partial file.
Meanwhile a forked child lays out the cover and index (background.py); the page numbers,
which depend on the index's length, are stamped last.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader

from casepost.correspondence import record
from casepost.errors import BundleInputError
from casepost.loaded import LoadedCase, open_case
from casepost.output import atomic_path, ensure_writable, output_name
from packs.background import Pending, front_matter_in_background
from packs.compose import (
    Placed,
    Shared,
    write_image_page,
    write_source_page,
    write_stamp,
)
from packs.copier import Copier, DamagedPage
from packs.findings import missing_note, xfa_note
from packs.frontmatter import TEMPLATES, FrontMatter, Layout, templates_for
from packs.frontpages import write_front
from packs.images import image_page
from packs.inputs import InputProblem, InputReport, inspect, open_pdf, pypdf_warnings, reason
from packs.numbering import Bookmark, bookmark_title, write_outline
from packs.pdfwriter import PdfStreamWriter, array, number, ref, text
from packs.plan import PlannedDocument, PlannedSection, plan_bundle
from packs.sanitise import BUNDLE_LANGUAGE, bundle_title
from packs.schedule import send_by_date, timing_warnings
from packs.stamp import Stamp

PROGRESS_FROM = 200  # pages: shorter bundles are quick enough to need no progress bar


@dataclass(frozen=True)
class BundleResult:
    """What `casepost bundle` made."""

    output: Path
    pages: int
    send_by: dt.date | None
    papers_sent: dt.date | None  # as recorded in the case (panel.papers_sent)
    warnings: tuple[str, ...]
    moved: int  # pages whose content was moved or scaled to clear the stamp


def default_output(loaded: LoadedCase) -> Path:
    """out/REFERENCE-bundle.pdf beside the case file."""
    return loaded.path.parent / "out" / output_name(loaded.case.reference, "bundle", "pdf")


def refuse(reports: list[InputReport]) -> None:
    """Raise one error naming every input that cannot go in, with its reasons."""
    refused = [(r.document.shown, "; ".join(r.problems)) for r in reports if not r.ok]
    if refused:
        raise BundleInputError(refused)


def build_bundle(
    case_path: Path,
    output: Path | None = None,
    *,
    force: bool = False,
    settings_path: Path | None = None,
    as_of: dt.date | None = None,
    progress: bool = False,
) -> BundleResult:
    """Assemble the case's panel bundle and record it; every problem is a CasepostError."""
    loaded = open_case(case_path, settings_path)
    loaded.settings.require_letterhead()
    sections = plan_bundle(loaded)
    target = output or default_output(loaded)
    ensure_writable(target, force)  # say so now, not after the work
    documents = [d for s in sections for d in s.documents]
    reports = [inspect(d) for d in documents]
    refuse(reports)
    today = as_of or dt.date.today()
    send_by = send_by_date(loaded, today)
    stamp = Stamp(loaded.case.reference, loaded.settings.settings.marking)
    pages = sum(r.count for r in reports)
    # Objects alive now (WeasyPrint's, the templates') outlive the write: set them aside from the
    # cycle collector, which otherwise walks them again and again as pages are copied (and, in a
    # forked child, would copy every page of memory it touches).
    losses: list[str] = []  # what inputs lose on the way in (warned of, as --check reports it)
    gc.freeze()
    try:
        with (
            front_matter_in_background(loaded, sections, [r.count for r in reports], send_by) as pending,
            atomic_path(target, force) as tmp,
            open(tmp, "wb", buffering=1 << 20) as fh,
            _progress(progress, pages) as advance,
        ):
            _front, plan, moved, digest = _write(fh, pending, sections, reports, stamp, advance, losses)
    finally:
        gc.unfreeze()
    templates = templates_for(loaded)
    record(
        case_path,
        "bundle",
        target,
        templates={name: templates.sha256(name) for name in TEMPLATES},
        extra={
            "pages": plan.numbering.total,
            "numbering": plan.numbering.style,
            "send_by": send_by.isoformat() if send_by else None,
        },
        output_sha256=digest,
    )
    sent = loaded.case.panel.papers_sent
    warnings = timing_warnings(send_by, today, plan.numbering.total, loaded.settings.settings.bundle.page_limit, sent)
    return BundleResult(target, plan.numbering.total, send_by, sent, (*losses, *warnings), moved)


@contextlib.contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[int], None]]:
    if not enabled or total < PROGRESS_FROM:
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("bundle"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("bundle", total=total)
        yield lambda n: bar.advance(task, n)


def _write(
    fh: BinaryIO,
    pending: Pending,
    sections: list[PlannedSection],
    reports: list[InputReport],
    stamp: Stamp,
    advance: Callable[[int], None],
    losses: list[str],
) -> tuple[FrontMatter, Layout, int, str]:
    """Write the bundle: the documents first (the file's object order need not be the page
    order), then, once the front matter is rendered, its pages, every page's stamp, the page
    tree, bookmarks and labels. Returns the front matter, layout, pages moved, and the SHA-256.
    """
    with PdfStreamWriter(fh) as writer:
        shared = Shared.write(writer, writer.reserve(), stamp)
        layers: list[tuple[int, bool]] = []
        doc_refs: list[int] = []
        doc_pages: list[Placed] = []
        for report in reports:
            refs, placed = _write_document(writer, shared, report, losses, layers)
            doc_refs += refs
            doc_pages += placed
            advance(len(placed))
        front, plan = pending.result()
        page_refs = [writer.reserve() for _ in range(front.pages)] + doc_refs
        heights = [841.89] * front.pages + [p.height for p in doc_pages]
        front_pages, structure = write_front(writer, shared, front, page_refs, heights)
        for i, done in enumerate(front_pages + doc_pages):
            write_stamp(writer, done, stamp, plan.numbering.label(i))
        digest = _finish(writer, shared, sections, plan, page_refs, heights, structure, stamp.reference, layers)
        return front, plan, sum(1 for p in doc_pages if p.moved), digest


def _finish(
    writer: PdfStreamWriter,
    shared: Shared,
    sections: list[PlannedSection],
    plan: Layout,
    page_refs: list[int],
    heights: list[float],
    structure: int | None,
    reference: str,
    layers: list[tuple[int, bool]],
) -> str:
    """The page tree, bookmarks, page labels, catalog and the neutral document info; the SHA-256.

    The catalog is our own: it opens the bundle at its first page, says its language, and carries
    the front matter's structure tree (nothing of a source's catalog ever comes in).
    """
    numbering = plan.numbering
    kids = array(ref(r) for r in page_refs)
    writer.write(shared.pages, b"<< /Type /Pages /Kids %s /Count %d >>" % (kids, numbering.total))
    outline = write_outline(writer, _bookmarks(sections, plan), page_refs, heights)
    more = b" /MarkInfo << /Marked true >> /StructTreeRoot %s" % ref(structure) if structure is not None else b""
    if layers:  # the sources' layers, each as it was by default: what one hid stays hidden
        every, off = array(ref(n) for n, _ in layers), array(ref(n) for n, hidden in layers if hidden)
        more += b" /OCProperties << /OCGs %s /D << /BaseState /ON /OFF %s /Order %s >> >>" % (every, off, every)
    first = array([ref(page_refs[0]), b"/XYZ", b"0", number(heights[0]), b"null"]) if page_refs else b"null"
    catalog = writer.add(
        b"<< /Type /Catalog /Pages %s /Outlines %s /PageMode /UseOutlines /PageLabels %s /Lang (%s)"
        b" /ViewerPreferences << /DisplayDocTitle true >> /OpenAction %s%s >>"
        % (ref(shared.pages), ref(outline), numbering.page_labels(), BUNDLE_LANGUAGE.encode(), first, more)
    )
    info = writer.add(b"<< /Title %s >>" % text(bundle_title(reference)))
    return writer.finish(catalog, info)


def _write_document(
    writer: PdfStreamWriter, shared: Shared, report: InputReport, losses: list[str], layers: list[tuple[int, bool]]
) -> tuple[list[int], list[Placed]]:
    """Copy one input's pages (stamps come later), adding to `losses` what it loses on the way
    and to `layers` its layers (object number, off by default).

    Anything that goes wrong, expected or not, is a refusal naming the file: nothing unexpected
    in an input ever ends the bundle with a traceback (and atomic_path leaves no partial file).
    """
    document: PlannedDocument = report.document
    refs: list[int] = []
    placed: list[Placed] = []
    try:
        with pypdf_warnings():
            if report.kind == "pdf":
                with report.open() as fh:  # the input, or the PDF made from a document or e-mail
                    reader, _ = open_pdf(fh)
                    try:
                        found = len(reader.pages)
                    except Exception as exc:  # a page tree pypdf cannot walk (a loop, a missing node)
                        raise InputProblem(f"is damaged: its pages cannot be read ({reason(exc)})") from exc
                    if found != report.count:
                        raise InputProblem(
                            f"is damaged: its page tree says it has {report.count} pages, but "
                            f"{found} were found (open it and save or print it to a new PDF)"
                        )
                    copier = Copier(writer, reader)
                    missing: dict[int, list[str]] = {}
                    for k, page in enumerate(reader.pages):
                        refs.append(writer.reserve())
                        source = copier.page(page, k + 1)
                        missing[k + 1] = source.missing
                        placed.append(write_source_page(writer, refs[-1], shared, source, fit=True))
                        copier.flush()
                    layers.extend(copier.layers(reader))
                    for note in (xfa_note(reader, found), missing_note(missing)):
                        if note:
                            losses.append(f"{document.shown}: {note}")
                    release(reader)
            else:
                assert report.kind is not None
                refs.append(writer.reserve())
                placed.append(write_image_page(writer, refs[-1], shared, image_page(document.path, report.kind)))
    except (InputProblem, DamagedPage) as exc:
        raise BundleInputError([(document.shown, str(exc))]) from exc
    except Exception as exc:  # the guard: anything unexpected while reading this input
        raise BundleInputError(
            [
                (
                    document.shown,
                    f"is damaged and cannot be copied ({reason(exc)}); open it and save or print it to a new PDF",
                )
            ]
        ) from exc
    return refs, placed


def release(reader: PdfReader) -> None:
    """Drop what pypdf holds of a finished document now: its objects refer to one another (and to
    the reader), so without this they wait for the cycle collector, and memory grows with the bundle.
    """
    reader.resolved_objects.clear()
    reader.flattened_pages = None
    reader.xref.clear()


def _bookmarks(sections: list[PlannedSection], plan: Layout) -> list[Bookmark]:
    numbering, out, i = plan.numbering, [], 0
    for s_index, section in enumerate(sections):
        children = []
        for doc in section.documents:
            start = plan.starts[i]
            children.append(
                Bookmark(bookmark_title(f"{doc.title}, {doc.date.day} {doc.date:%b %Y}", numbering.label(start)), start)
            )
            i += 1
        start = numbering.section_start(s_index)
        title = section.title if numbering.style == "continuous" else f"{section.letter}. {section.title}"
        out.append(Bookmark(bookmark_title(title, numbering.label(start)), start, tuple(children)))
    return out
