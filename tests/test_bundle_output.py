"""The bundle PDF itself, read back with pypdf: pages, order, stamps, index links, bookmarks,
page labels, and pages of every size and rotation upright with the stamp clear of their content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from packs.assemble import BundleResult, build_bundle
from packs.geometry import BAND

from .conftest import bundle_image, bundle_make_pdf, bundle_write_case

REFERENCE, MARKING = "BUN/2026/0007", "OFFICIAL-SENSITIVE"
AS_OF = dt.date(2027, 1, 10)

# A landscape page, a portrait page turned by /Rotate 90 whose text is drawn so it reads upright
# once turned (as landscape pages scanned on a portrait sheet are), and a page with text right at
# its top and bottom edges (no margin at all).
ROTATED_TEXT = [(300, 100, "Report page 2 turned", 14)]
REPORT_PAGES = [
    {"size": (841.89, 595.28), "text": [(72, 500, "Report page 1 landscape", 14)]},
    {"size": (595.28, 841.89), "rotate": 90, "text": ROTATED_TEXT},
    {"size": (595.28, 841.89), "text": [(72, 832, "Report page 3 top edge", 12), (72, 4, "bottom edge", 12)]},
]

DOCUMENTS = [  # deliberately not in bundle order
    (
        "Written submission",
        "complainant-submissions",
        "2027-01-08",
        "docs/submission.pdf",
        bundle_make_pdf(3, label="Submission"),
    ),
    ("Strategy meeting minutes", "minutes", "2026-09-22", "docs/minutes.pdf", bundle_make_pdf(2, label="Minutes")),
    ("Letter of complaint (scan)", "complainant-submissions", "2026-10-10", "docs/letter.jpg", bundle_image("JPEG")),
    ("Outcome report", "report", "2026-09-24", "docs/report.pdf", None),
    ("Photo of the notice", "other", "2026-11-01", "docs/notice.png", bundle_image("PNG")),
]
# In bundle order: section, first page (1-based) and pages of each document.
EXPECTED = [("minutes", 3, 2), ("report", 5, 3), ("letter", 8, 1), ("submission", 9, 3), ("notice", 12, 1)]
SECTIONED = ["i", "ii", "A1", "A2", "B1", "B2", "B3", "C1", "C2", "C3", "C4", "D1"]


def _report_pdf() -> bytes:
    pdf = bundle_make_pdf(REPORT_PAGES, label="Report")
    # Draw the rotated page's text turned 90 degrees anticlockwise (reads upright after /Rotate 90).
    return pdf.replace(
        b"BT /F1 14 Tf 300 100 Td (Report page 2 turned) Tj ET",
        b"BT /F1 14 Tf 0 1 -1 0 300 100 Tm (Report page 2 turned) Tj ET",
    )


def _build(root: Path, numbering: str) -> tuple[BundleResult, PdfReader]:
    docs = [d if d[3] != "docs/report.pdf" else (*d[:4], _report_pdf()) for d in DOCUMENTS]
    case = bundle_write_case(root, docs, numbering=numbering)
    result = build_bundle(case, as_of=AS_OF)
    return result, PdfReader(result.output)


@pytest.fixture(scope="module")
def continuous(tmp_path_factory: pytest.TempPathFactory) -> tuple[BundleResult, PdfReader]:
    return _build(tmp_path_factory.mktemp("continuous"), "continuous")


@pytest.fixture(scope="module")
def sectioned(tmp_path_factory: pytest.TempPathFactory) -> tuple[BundleResult, PdfReader]:
    return _build(tmp_path_factory.mktemp("sectioned"), "sectioned")


def placed_text(page: PageObject) -> Iterator[tuple[str, float, float, tuple[float, ...]]]:
    """Each piece of text with where it is drawn on the page and its full matrix."""
    found: list[tuple[str, float, float, tuple[float, ...]]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if not text.strip():
            return
        a, b, c, d, e, f = tm
        A, B, C, D, E, F = cm
        m = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
        found.append((text.strip(), m[4], m[5], m))

    page.extract_text(visitor_text=visit)
    return iter(found)


def stamps(page: PageObject) -> tuple[list[str], list[str]]:
    """The texts in the top band and in the bottom band."""
    height = float(page.mediabox.height)
    texts = list(placed_text(page))
    return ([t for t, _, y, _ in texts if y > height - BAND], [t for t, _, y, _ in texts if y < BAND])


def test_page_count_and_result(continuous: tuple[BundleResult, PdfReader]) -> None:
    result, reader = continuous
    assert len(reader.pages) == result.pages == 12
    assert result.send_by == dt.date(2027, 1, 15)  # Thu 21 Jan 2027 - 5 days = Sat 16 -> Fri 15
    assert result.warnings == ()


def test_documents_in_section_then_date_order(continuous: tuple[BundleResult, PdfReader]) -> None:
    _, reader = continuous
    firsts = {name: start for name, start, _ in EXPECTED}
    assert "Minutes page 1" in reader.pages[firsts["minutes"] - 1].extract_text()
    assert "Report page 1" in reader.pages[firsts["report"] - 1].extract_text()
    assert "Submission page 1" in reader.pages[firsts["submission"] - 1].extract_text()
    assert "Submission page 3" in reader.pages[10].extract_text()
    assert "/CasepostImage" in str(reader.pages[firsts["letter"] - 1]["/Resources"]["/XObject"])


def test_every_page_is_stamped(
    continuous: tuple[BundleResult, PdfReader], sectioned: tuple[BundleResult, PdfReader]
) -> None:
    for (_, reader), labels in ((continuous, [str(n) for n in range(1, 13)]), (sectioned, SECTIONED)):
        for page, label in zip(reader.pages, labels, strict=True):
            top, bottom = stamps(page)
            assert sorted(top) == sorted([REFERENCE, MARKING]), (label, top)
            assert sorted(bottom) == sorted([MARKING, label]), (label, bottom)


def test_page_labels_match_stamps(
    continuous: tuple[BundleResult, PdfReader], sectioned: tuple[BundleResult, PdfReader]
) -> None:
    assert list(continuous[1].page_labels) == [str(n) for n in range(1, 13)]
    assert list(sectioned[1].page_labels) == SECTIONED


def _index_links(reader: PdfReader) -> list[int]:
    targets = []
    for page in reader.pages[:2]:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            assert annot["/Subtype"] == "/Link" and "/A" not in annot
            targets.append(reader.get_page_number(annot["/Dest"][0].get_object()))
    return targets


def test_index_links_land_on_each_documents_first_page(
    continuous: tuple[BundleResult, PdfReader], sectioned: tuple[BundleResult, PdfReader]
) -> None:
    # One link a row, in index order: section A (minutes), its document; B (report), its
    # document; C opens at the scanned letter, then the letter and the submission; D, the notice.
    expected = [2, 2, 4, 4, 7, 7, 8, 11, 11]
    for _, reader in (continuous, sectioned):
        assert _index_links(reader) == expected


def test_index_prints_the_stamped_numbers(
    continuous: tuple[BundleResult, PdfReader], sectioned: tuple[BundleResult, PdfReader]
) -> None:
    index = continuous[1].pages[1].extract_text()
    for span in ("3\u20134", "5\u20137", "9\u201311", "12"):
        assert span in index
    index = sectioned[1].pages[1].extract_text()
    for span in ("A1\u2013A2", "B1\u2013B3", "C1", "C2\u2013C4", "D1"):
        assert span in index


def test_bookmarks(continuous: tuple[BundleResult, PdfReader], sectioned: tuple[BundleResult, PdfReader]) -> None:
    _, reader = continuous
    outline = reader.outline
    sections = [item for item in outline if not isinstance(item, list)]
    assert [s.title for s in sections] == [
        "Strategy Meeting minutes (p. 3)",
        "Strategy Meeting report (p. 5)",
        "Complainant's written submissions (p. 8)",
        "Other documents (p. 12)",
    ]
    children = [item for item in outline if isinstance(item, list)]
    docs = [d for group in children for d in group]
    assert [reader.get_destination_page_number(d) + 1 for d in docs] == [start for _, start, _ in EXPECTED]
    assert docs[0].title == "Strategy meeting minutes, 22 Sep 2026 (p. 3)"
    assert [reader.get_destination_page_number(s) + 1 for s in sections] == [3, 5, 8, 12]
    titles = [item.title for item in sectioned[1].outline if not isinstance(item, list)]
    assert titles[1] == "B. Strategy Meeting report (p. B1)"


def test_landscape_and_rotated_pages_are_upright(continuous: tuple[BundleResult, PdfReader]) -> None:
    _, reader = continuous
    landscape, turned = reader.pages[4], reader.pages[5]
    for page in (landscape, turned):
        assert page.get("/Rotate", 0) == 0
        assert float(page.mediabox.width) > float(page.mediabox.height)  # shown as landscape
    texts = {t: m for t, _, _, m in placed_text(turned)}
    a, b, c, d, _, _ = texts["Report page 2 turned"]
    assert a > 0 and d > 0 and abs(b) < 1e-6 and abs(c) < 1e-6  # reads left to right, not sideways
    _top, bottom = stamps(turned)
    assert sorted(bottom) == sorted([MARKING, "6"])


def test_stamp_never_covers_content(continuous: tuple[BundleResult, PdfReader]) -> None:
    _, reader = continuous
    stamp_texts = {REFERENCE, MARKING, *(str(n) for n in range(1, 13))}
    for page in reader.pages[2:]:
        height = float(page.mediabox.height)
        for text, _x, y, m in placed_text(page):
            if text in stamp_texts and (y < BAND or y > height - BAND):
                continue
            size = abs(m[3]) or 12
            assert y - 0.25 * size >= BAND and y + size <= height - BAND, (text, y, height)
    edge = reader.pages[6]  # the page with text at its very top and bottom: its content was scaled
    texts = {t: y for t, _, y, _ in placed_text(edge)}
    assert texts["Report page 3 top edge"] < float(edge.mediabox.height) - BAND


def test_same_inputs_give_the_same_bytes(tmp_path: Path, continuous: tuple[BundleResult, PdfReader]) -> None:
    result, _ = continuous
    again = _build(tmp_path, "continuous")[0]
    assert again.output.read_bytes() == result.output.read_bytes()
