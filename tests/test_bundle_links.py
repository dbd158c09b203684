"""Every index link of every sample bundle, checked against what the index prints: each row
(section or document) is one link, inside its row on its page, overlapping no other, opening the
first page of what it names as the index's own page numbers give it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from casepost.loaded import open_case
from packs.assemble import build_bundle
from packs.plan import plan_bundle

from .conftest import SAMPLE_IDS, SAMPLES, bundle_make_pdf

BAND = 20.0  # the stamp's bands at the top and bottom of every page


@pytest.fixture(scope="module")
def sample_bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, PdfReader]]:
    root = tmp_path_factory.mktemp("link-samples")
    out = {}
    for procedure in SAMPLE_IDS:
        shutil.copytree(SAMPLES / procedure, root / procedure, ignore=shutil.ignore_patterns("out", "*.jsonl"))
        case = root / procedure / "case.toml"
        result = build_bundle(case, as_of=dt.date(2026, 12, 1))
        qpdf_check(result.output)
        out[procedure] = (case, PdfReader(result.output))
    return out


def qpdf_check(path: Path) -> None:
    """qpdf, an independent reader, finds nothing wrong with the file."""
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def _texts(page: PageObject) -> list[tuple[str, float, float]]:
    """Each piece of text drawn on the page and the point (page space) where it starts."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            e, f = tm[4], tm[5]
            A, B, C, D, E, F = cm
            found.append((text.strip(), e * A + f * C + E, e * B + f * D + F))

    page.extract_text(visitor_text=visit)
    return found


def _rows(case: Path) -> list[str]:
    """The index's rows, in order: each section's title, then its documents' titles."""
    rows = []
    for section in plan_bundle(open_case(case)):
        rows.append(section.title)
        rows.extend(doc.title for doc in section.documents)
    return rows


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def check_links(case: Path, reader: PdfReader) -> None:
    """Every link of a bundle: one a row of its index, exact, opening what the row names."""
    labels = list(reader.page_labels)
    seen: list[str] = []
    front = reader.get_page_number(reader.outline[0]["/Page"].get_object()) if reader.outline else len(reader.pages)
    for number, page in enumerate(reader.pages):
        annots = [a.get_object() for a in page.get("/Annots", [])]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        texts = _texts(page) if annots else []
        rects: list[tuple[float, ...]] = []
        for annot in annots:
            assert number < front, "links only on the cover and index"
            assert annot["/Subtype"] == "/Link" and "/A" not in annot
            rect = tuple(float(v) for v in annot["/Rect"])
            x0, y0, x1, y1 = rect
            # On its page, clear of the stamp's bands, and overlapping no other link.
            assert 0 <= x0 < x1 <= width and BAND <= y0 < y1 <= height - BAND, rect
            assert not any(_overlap(rect, other) for other in rects), rect
            rects.append(rect)
            # The text inside the rectangle is exactly one row's title (a title may wrap).
            inside = [(t, x, y) for t, x, y in texts if x0 - 0.5 <= x <= x1 and y0 <= y <= y1]
            assert inside, rect
            title = " ".join(" ".join(t for t, _, _ in inside).split())
            seen.append(title)
            # The row's page numbers: the right-most text on the baseline of its first line.
            baseline = max(y for _, _, y in inside)
            pages = max(((x, t) for t, x, y in texts if abs(y - baseline) < 0.5 and x > x1), default=(0, ""))[1]
            first_label = pages.split("\u2013")[0]
            target = reader.get_page_number(annot["/Dest"][0].get_object())
            assert labels[target] == first_label, (title, pages, labels[target])
            assert title in str(annot["/Contents"]) and str(annot["/Contents"]).startswith("Go to")
    # Every row, sections and documents, in the index's order.
    assert seen == _rows(case)


@pytest.mark.parametrize("procedure", SAMPLE_IDS)
def test_every_index_row_is_one_exact_link(sample_bundles: dict[str, tuple[Path, PdfReader]], procedure: str) -> None:
    check_links(*sample_bundles[procedure])


@pytest.mark.parametrize("numbering", ["continuous", "sectioned"])
def test_an_index_of_several_pages(bundle_case: Callable[..., Path], numbering: str) -> None:
    # 60 documents with titles that wrap: the index runs over several pages, rows break across them.
    documents = [
        (
            f"Document {i:02d} of the review, with a title long enough to wrap onto a second line",
            ("minutes", "report", "complainant-submissions", "other")[i % 4],
            f"2026-{1 + i % 12:02d}-{1 + i % 27:02d}",
            f"docs/d{i:02d}.pdf",
            bundle_make_pdf(1 + i % 3, label=f"Doc{i:02d}", metadata=False),
        )
        for i in range(60)
    ]
    case = bundle_case(documents, numbering=numbering)
    output = build_bundle(case, as_of=dt.date(2026, 12, 1)).output
    qpdf_check(output)
    reader = PdfReader(output)
    assert sum(1 for p in reader.pages[:6] if "/Annots" in p) >= 3
    check_links(case, reader)


@pytest.mark.parametrize("procedure", SAMPLE_IDS)
def test_index_page_numbers_match_the_stamps(sample_bundles: dict[str, tuple[Path, PdfReader]], procedure: str) -> None:
    # The labels the links were checked against are what each page carries at its foot.
    _, reader = sample_bundles[procedure]
    labels = list(reader.page_labels)
    for page, label in zip(reader.pages, labels, strict=True):
        foot = [t for t, _, y in _texts(page) if y < BAND]
        assert label in foot
