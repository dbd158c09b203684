"""The stamp's embedded font and the fitting of every page between the stamp's bands, read back
from bundles built here: text outside Latin-1 extracts as written, the font is embedded once, and
each document page of any size and rotation is drawn, clipped to its visible box, between the bands."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from packs.assemble import build_bundle
from packs.geometry import BAND, Box

from .conftest import bundle_make_pdf, bundle_write_case
from .test_bundle_output import placed_text

AS_OF = dt.date(2027, 1, 10)
REFERENCE = "ŁÓDŹ/2026/0007 – €"  # Ł, Ó, Ź and € are outside Latin-1 (€ is not in it either)
MARKING = "OFFICIAL–SENSITIVE Ł"  # an en dash

# Pages of every size from A5 to A3, turned every way, one with its media box off the origin and
# a crop box, each painted black to its edges and beyond (a bleed the page would hide).
SIZES = [
    ((419.53, 595.28), 0, None),  # A5
    ((595.28, 419.53), 0, None),  # A5 landscape
    ((841.89, 1190.55), 0, None),  # A3
    ((595.28, 841.89), 90, None),
    ((595.28, 841.89), 270, None),
    ((595.28, 841.89), 180, (30, 40, 500, 800)),  # a crop box within the media box
]


def _pages() -> bytes:
    specs: list[dict[str, object]] = []
    for (w, h), rotate, _crop in SIZES:
        specs.append(
            {
                "size": (w, h),
                "rotate": rotate,
                "text": [(72, h / 2, "Middle", 12)],
                "fill": [(-50, -50, w + 100, h + 100)],
            }
        )
    pdf = bundle_make_pdf(specs, label="Sized")
    for (_w, _h), _rotate, crop in SIZES:
        if crop:
            pdf = pdf.replace(b"/Rotate 180", b"/Rotate 180 /CropBox [%d %d %d %d]" % crop, 1)
    return pdf


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    root = tmp_path_factory.mktemp("stamp")
    case = bundle_write_case(root, [("Sized pages", "report", "2026-09-24", "docs/sized.pdf", _pages())])
    case.write_text(
        case.read_text(encoding="utf-8").replace('reference = "BUN/2026/0007"', f'reference = "{REFERENCE}"'),
        encoding="utf-8",
    )
    settings = root / "casepost.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('marking = "OFFICIAL-SENSITIVE"', f'marking = "{MARKING}"'),
        encoding="utf-8",
    )
    output = build_bundle(case, as_of=AS_OF).output
    (root / "bundle.pdf").write_bytes(output.read_bytes())
    return PdfReader(root / "bundle.pdf")


def test_reference_and_marking_outside_latin1_extract_as_written(bundle: PdfReader) -> None:
    for page in bundle.pages:
        text = page.extract_text()
        assert REFERENCE in text and MARKING in text
        assert "?" not in text


def test_the_stamp_font_is_embedded_once_and_shared(bundle: PdfReader) -> None:
    fonts = set()
    for page in bundle.pages:
        font = page["/Resources"].raw_get("/Font").get_object().raw_get("/CasepostStamp")
        assert isinstance(font, IndirectObject)
        fonts.add(font.idnum)
    assert len(fonts) == 1
    font = bundle.get_object(fonts.pop())
    assert font["/Subtype"] == "/Type0" and font["/Encoding"] == "/Identity-H" and "/ToUnicode" in font
    cid_font = font["/DescendantFonts"][0].get_object()
    assert cid_font["/Subtype"] == "/CIDFontType2"
    descriptor = cid_font["/FontDescriptor"]
    assert re.fullmatch(r"/[A-Z]{6}\+LiberationSans", descriptor["/FontName"])  # a named subset
    program = descriptor["/FontFile2"].get_data()
    assert program[:4] == b"\x00\x01\x00\x00" and len(program) < 40_000  # TrueType, and a subset
    bundle.stream.seek(0)
    raw = bundle.stream.read()
    assert raw.count(b"/FontName " + descriptor["/FontName"].encode()) == 1  # one copy for every page


def _fix_lengths(pdf: bytes) -> bytes:
    """The PDF with each stream's /Length and the cross-reference table made right again (pypdf
    rewrites it; qpdf, which checks the bundle, never sees this file)."""
    from io import BytesIO

    from pypdf import PdfWriter

    out = BytesIO()
    PdfWriter(clone_from=PdfReader(BytesIO(pdf))).write(out)
    return out.getvalue()


def _opening(page: object) -> tuple[tuple[float, ...], Box]:
    """The page's opening transform and clip rectangle, read from its first content stream."""
    first = page["/Contents"][0].get_object().get_data()  # type: ignore[index]
    found = re.fullmatch(rb"q ((?:\S+ ){6})cm\n((?:\S+ ){4})re W n\n", first)
    assert found, first
    m = tuple(float(v) for v in found.group(1).split())
    x, y, w, h = (float(v) for v in found.group(2).split())
    return m, Box(x, y, x + w, y + h)


def test_every_document_page_is_drawn_between_the_bands(bundle: PdfReader) -> None:
    documents = bundle.pages[-len(SIZES) :]
    for page, ((w, h), rotate, crop) in zip(documents, SIZES, strict=True):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        visible = Box(*crop) if crop else Box(0, 0, w, h)
        upright = (visible.height, visible.width) if rotate in (90, 270) else (visible.width, visible.height)
        assert (width, height) == pytest.approx(upright)  # the page keeps its size, shown upright
        m, clip = _opening(page)
        assert clip == visible  # clipped to what the source showed: nothing hidden is revealed
        drawn = clip.transformed(m)  # where the clipped content can reach on the bundle page
        assert drawn.y0 == pytest.approx(BAND) and drawn.y0 >= BAND
        assert drawn.y1 == pytest.approx(height - BAND, abs=0.2) and drawn.y1 <= height - BAND
        assert drawn.x0 == pytest.approx(width - drawn.x1, abs=0.01)  # centred across the page
        assert drawn.x0 >= 0
        # The text drawn in the middle of the source page is still upright and inside the room.
        assert "Middle" in page.extract_text()


def test_a_page_that_restores_too_often_or_too_little_stays_fitted(tmp_path: Path) -> None:
    # One page restores a state it never saved before drawing at its top edge (without care, that
    # Q would undo the fit); the other saves a state, triples its scale and never restores it
    # (without care, the stamp would be drawn three times as large and off the page).
    pdf = bundle_make_pdf([{"text": [(72, 832, "StrayRestore", 12)]}, {"text": [(72, 400, "OpenSave", 12)]}])
    pdf = pdf.replace(b"BT /F1 12 Tf 72 832 Td", b"Q Q BT /F1 12 Tf 72 832 Td", 1)
    pdf = pdf.replace(b"BT /F1 12 Tf 72 400 Td", b"q 3 0 0 3 0 0 cm BT /F1 12 Tf 24 133 Td", 1)
    pdf = _fix_lengths(pdf)
    case = bundle_write_case(tmp_path, [("Odd pages", "report", "2026-09-24", "docs/odd.pdf", pdf)])
    result = build_bundle(case, as_of=AS_OF)
    assert subprocess.run(["qpdf", "--check", str(result.output)], capture_output=True).returncode == 0
    reader = PdfReader(result.output)
    stray, open_save = reader.pages[-2], reader.pages[-1]
    height = float(stray.mediabox.height)
    texts = {t: (x, y) for t, x, y, _ in placed_text(stray)}
    assert texts["StrayRestore"][1] < height - BAND  # still scaled into the room
    for page, label in ((stray, str(len(reader.pages) - 1)), (open_save, str(len(reader.pages)))):
        found = {t: (x, y) for t, x, y, _ in placed_text(page)}
        x, y = found[label]
        assert y < BAND and x < float(page.mediabox.width)  # the stamp at its own size and place
