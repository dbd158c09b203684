"""The bundle's parts on their own: numbering and labels, section letters, geometry, where a
content stream draws, the stamp on narrow pages, and the writer's serialisation."""

from __future__ import annotations

import io
import time

import pytest
from pypdf import PdfReader

from packs.extent import Full, scan
from packs.geometry import BAND, IDENTITY, Box, make_room, multiply, upright
from packs.numbering import Numbering, roman
from packs.pdfwriter import PdfStreamWriter, name, number, text
from packs.plan import section_letter
from packs.stamp import Stamp, width


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


def test_make_room() -> None:
    assert make_room(Box(72, 72, 500, 770), 595, 842) == IDENTITY  # ordinary margins
    assert make_room(None, 595, 842) == IDENTITY
    shifted = make_room(Box(72, 5, 500, 600), 595, 842)  # near the foot, room above: moved up
    assert shifted == (1.0, 0.0, 0.0, 1.0, 0.0, BAND - 5)
    full = make_room(Box(0, 0, 595, 842), 595, 842)  # a full-page scan: scaled into the room
    content = Box(0, 0, 595, 842).transformed(full)
    assert content.y0 == pytest.approx(BAND) and content.y1 == pytest.approx(842 - BAND)
    assert content.x0 > 0 and content.x1 < 595


def test_scan_text_paths_images_forms() -> None:
    box = scan(b"BT /F1 12 Tf 72 700 Td (Hello) Tj 0 -14 Td (World) Tj ET", None)
    assert box is not None and box.y1 == pytest.approx(700 + 12 * 1.05) and box.y0 == pytest.approx(686 - 12 * 0.3)
    assert scan(b"1 1 1 rg 0 0 595 842 re f", None) is None  # a white background draws nothing
    assert scan(b"0 g 0 0 595 842 re f", None) == Box(-0.5, -0.5, 595.5, 842.5)
    assert scan(b"3 Tr BT /F1 12 Tf 0 0 Td (ocr layer) Tj ET", None) is None
    assert scan(b"q 100 0 0 50 10 20 cm /Im0 Do Q", lambda _n: ("image", IDENTITY, None, None, None)) == Box(
        10, 20, 110, 70
    )
    form = ("form", (2.0, 0.0, 0.0, 2.0, 0.0, 0.0), Box(0, 0, 50, 50), b"0 0 10 10 re f", None)
    drawn = scan(b"/Fm0 Do", lambda _n: form)
    assert drawn is not None and drawn.x1 == pytest.approx(21) and drawn.y1 == pytest.approx(21)
    inline = scan(b"q 10 0 0 10 5 5 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x00\xff EI Q", None)
    assert inline == Box(5, 5, 15, 15)
    with pytest.raises(Full):
        scan(b"/Sh0 sh", None)


def test_scan_follows_rotated_text_and_q() -> None:
    box = scan(b"q 0 1 -1 0 500 0 cm BT /F1 10 Tf 100 100 Td (abc) Tj ET Q BT 1 0 0 1 50 50 Tm (x) Tj ET", None)
    assert box is not None
    assert box.x1 == pytest.approx(500 - 100 + 10 * 0.3)  # the rotated text, mapped through cm
    assert box.y0 == pytest.approx(50 - 0.3)  # the later text, after Q, in plain user space (size 1)


def test_scan_is_safe_on_hostile_streams() -> None:
    start = time.perf_counter()
    scan(b"BT (" + b"a" * 200_000 + b" Tj ET", None)  # a string that never ends
    scan(b"[" * 10_000 + b"(x) Tj", None)
    scan(b"1 2 3 cm cm cm Td Tm re", None)  # operators without their operands
    assert time.perf_counter() - start < 2


def test_stamp_fits_narrow_pages() -> None:
    stamp = Stamp("CSC/2026/0142-LONG-REFERENCE", "OFFICIAL-SENSITIVE")
    wide = stamp.content("12", 595.28, 841.89)
    narrow = stamp.content("B12", 200.0, 300.0)
    assert b"/CasepostStamp 8 Tf" in wide and b"/CasepostStamp 8 Tf" not in narrow
    assert width(b"OFFICIAL-SENSITIVE", 8) == pytest.approx(80.464)  # Helvetica's AFM widths
    # Escaped; the euro is in WinAnsi (0x80), a CJK character is not.
    assert b"(\\(\\)\\\\\x80?)" in Stamp("()\\\u20ac\u4e2d", "").content("1", 595, 842)


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
