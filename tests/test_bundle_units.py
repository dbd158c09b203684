"""The bundle's parts on their own: numbering and labels, section letters, geometry, fitting a
page between the stamp's bands, the stamp on narrow pages, and the writer's serialisation."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from packs import nesting
from packs.geometry import BAND, IDENTITY, Box, fit_between_bands, multiply, upright
from packs.nesting import unbalanced
from packs.numbering import Numbering, roman
from packs.pdfwriter import PdfStreamWriter, name, number, text
from packs.plan import section_letter
from packs.stamp import Stamp


def test_roman_and_letters() -> None:
    assert [roman(n) for n in (1, 2, 4, 9, 14, 40, 90, 400, 1994)] == [
        "i",
        "ii",
        "iv",
        "ix",
        "xiv",
        "xl",
        "xc",
        "cd",
        "mcmxciv",
    ]
    assert [section_letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_continuous_numbering() -> None:
    n = Numbering("continuous", 2, (("A", 3), ("B", 1)))
    assert n.total == 6
    assert [n.label(i) for i in range(6)] == ["1", "2", "3", "4", "5", "6"]
    assert n.span(2, 3) == "3\u20135" and n.span(5, 1) == "6"
    assert n.page_labels() == b"<< /Nums [0 << /S /D >>] >>"


def test_sectioned_numbering() -> None:
    n = Numbering("sectioned", 3, (("A", 2), ("B", 3)))
    assert [n.label(i) for i in range(8)] == ["i", "ii", "iii", "A1", "A2", "B1", "B2", "B3"]
    assert n.section_start(1) == 5 and n.span(5, 3) == "B1\u2013B3"
    assert n.page_labels() == b"<< /Nums [0 << /S /r >> 3 << /S /D /P (A) >> 5 << /S /D /P (B) >>] >>"
    with pytest.raises(IndexError):
        n.label(8)


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_upright_keeps_the_page_in_view(rotate: int) -> None:
    visible = Box(10.0, 20.0, 610.0, 820.0)  # 600 x 800, not at the origin
    m, w, h = upright(visible, rotate)
    assert (w, h) == ((800.0, 600.0) if rotate in (90, 270) else (600.0, 800.0))
    assert visible.transformed(m) == Box(0.0, 0.0, w, h)


def test_rotate_90_turns_clockwise() -> None:
    m, _w, _h = upright(Box(0.0, 0.0, 600.0, 800.0), 90)
    # The page's bottom-left corner is shown at the top-left once turned clockwise.
    x, y = (m[4], m[5])
    assert (x, y) == (0.0, 600.0)


@pytest.mark.parametrize(
    "size",
    [(595.28, 841.89), (841.89, 595.28), (419.53, 595.28), (841.89, 1190.55), (612.0, 792.0), (100.0, 60.0)],
)
def test_fit_between_bands(size: tuple[float, float]) -> None:
    width, height = size
    fitted = Box(0, 0, width, height).transformed(fit_between_bands(width, height))
    # The whole page, edge to edge, lands between the bands, as high as the room allows, centred.
    assert fitted.y0 == BAND and height - BAND - 0.1 <= fitted.y1 <= height - BAND
    assert fitted.x0 == pytest.approx(width - fitted.x1) and fitted.x0 > 0


def test_fit_leaves_a_page_with_no_room_alone() -> None:
    assert fit_between_bands(50.0, 2 * BAND) == IDENTITY  # as tall as the two bands: nothing fits


def test_stamp_fits_narrow_pages() -> None:
    stamp = Stamp("CSC/2026/0142-LONG-REFERENCE", "OFFICIAL-SENSITIVE")
    wide = stamp.content("12", 595.28, 841.89)
    narrow = stamp.content("B12", 200.0, 300.0)
    assert b"/CasepostStamp 8 Tf" in wide and b"/CasepostStamp 8 Tf" not in narrow
    # Liberation Sans is metric-compatible with Helvetica and Arial: O 778, F 611 x2, I 278 x4, C 722,
    # A 667, L 556, hyphen 333, S 667 x2, E 667 x2, N 722, T 611, V 667 = 10,058 units: 80.464 pt at 8 pt.
    assert stamp.font.width("OFFICIAL-SENSITIVE", 8) == pytest.approx(80.464)
    # Two-byte glyph codes in hex, so no character needs escaping; one the font lacks is code 0 (a box).
    shown = Stamp("()\\\u20ac\u4e2d", "").content("1", 595, 842)
    codes = re.search(rb"<([0-9A-F]+)> Tj", shown)
    assert codes is not None and len(codes.group(1)) == 5 * 4 and codes.group(1).endswith(b"0000")
    assert b"0000" not in codes.group(1)[:-4]


def test_writer_output_is_a_valid_pdf() -> None:
    assert name("/A B#") == b"/A#20B#23" and number(1.5) == b"1.5" and number(2.0) == b"2"
    assert text("plain (x)") == b"(plain \\(x\\))" and text("caf\u00e9").startswith(b"<FEFF")
    buffer = io.BytesIO()
    with PdfStreamWriter(buffer) as writer:
        pages = writer.reserve()
        page = writer.add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 100 100] >>" % pages)
        writer.write(pages, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
        root = writer.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages)
        digest = writer.finish(root, None)
    import hashlib

    assert digest == hashlib.sha256(buffer.getvalue()).hexdigest()
    assert len(PdfReader(io.BytesIO(buffer.getvalue()), strict=True).pages) == 1
    with pytest.raises(ValueError, match="never written"), PdfStreamWriter(io.BytesIO()) as broken:
        broken.reserve()
        broken.finish(1, None)


def test_matrix_multiply_order() -> None:
    translate, scale = (1.0, 0.0, 0.0, 1.0, 10.0, 0.0), (2.0, 0.0, 0.0, 2.0, 0.0, 0.0)
    assert multiply(translate, scale)[4] == 20.0  # translate first, then scale
    assert multiply(scale, translate)[4] == 10.0


def test_unbalanced_saves_and_restores(monkeypatch: pytest.MonkeyPatch) -> None:
    assert unbalanced(b"q 1 0 0 1 0 0 cm 0 0 5 5 re f Q") == (0, 0)
    # Q first pops a state the page never saved; a q at the end is never restored.
    assert unbalanced(b"Q 0 0 5 5 re f q 2 0 0 2 0 0 cm") == (1, 1)
    assert unbalanced(b"/Q1 gs BT (a Q) Tj ET q\nQ") == (0, 0)  # a name and a string, not operators
    assert unbalanced(b"Q " * 100) == (28, 0)  # no more saves than readers nest
    monkeypatch.setattr(nesting, "CHUNK", 8)  # the same answers when read in pieces
    assert unbalanced(b"q 1 0 0 1 0 0 cm Q Q Q q q q q 1 2 3 4 re f Q") == (2, 3)
