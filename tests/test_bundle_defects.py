"""Inputs that used to go wrong, each built here with pikepdf: a page tree that loops, marks
hidden by the crop box, /UserUnit, a 3 pt page, Brotli and other streams readers cannot decode,
a figure's pdfTeX metadata, a dynamic XFA form, annotations without an appearance, and a file
whose oddity reaches code that does not expect it. Each through `bundle` and `bundle --check`.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import brotli
import pikepdf
import pytest
from click.testing import CliRunner
from pikepdf import Array, Dictionary, Name
from PIL import Image
from pypdf import PdfReader

from cli import main
from packs.geometry import BAND, MIN_SIDE, fit_between_bands

from .conftest import bundle_make_pdf

AS_OF = "2027-01-10"
TEXT = b"BT /F1 14 Tf 72 700 Td (Hello page) Tj ET"


def _pdf(content: bytes = TEXT, size: tuple[float, float] = (595, 842), **page: object) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    resources = Dictionary(Font=Dictionary(F1=font))
    entries = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, *size]), Resources=resources, **page)
    entries.Contents = pdf.make_stream(content)
    pdf.pages.append(pikepdf.Page(entries))
    return pdf


def _bytes(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _case(bundle_case: Callable[..., Path], data: bytes) -> Path:
    return bundle_case(
        [
            ("Good document", "minutes", "2026-09-22", "docs/good.pdf", bundle_make_pdf(1, label="Good")),
            ("The input under test", "report", "2026-09-24", "docs/test.pdf", data),
        ]
    )


def _bundle(case: Path) -> tuple[str, Path]:
    code, output = _run("bundle", str(case), "--as-of", AS_OF)
    assert code == 0, output
    made = next((case.parent / "out").glob("*-bundle.pdf"))
    check = subprocess.run(["qpdf", "--check", str(made)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    return output, made


def _check(case: Path) -> tuple[int, str]:
    return _run("bundle", str(case), "--check", "--as-of", AS_OF)


def _refused_both_ways(case: Path, reason: str) -> None:
    """Refused by --check and by bundle, naming the file, with no traceback and nothing written."""
    shown = f"{case.parent / 'docs/test.pdf'}"
    code, output = _check(case)
    assert code == 1 and "REFUSED: " + reason in output and shown in output, output
    code, output = _run("bundle", str(case), "--as-of", AS_OF)
    assert code == 1 and f"{shown}: {reason}" in output, output
    assert "Traceback" not in output and "object has no attribute" not in output
    assert not (case.parent / "out").exists() or not any((case.parent / "out").iterdir())


# -- a page tree that loops ------------------------------------------------------------------------


def test_a_cyclic_page_tree_is_refused_clearly(bundle_case: Callable[..., Path]) -> None:
    data = _bytes(_pdf())
    # The page tree's root lists itself as its only kid (same length: the xref stays right).
    looped = data.replace(b"/Kids [ 3 0 R ]", b"/Kids [ 2 0 R ]")
    assert looped != data
    case = _case(bundle_case, looped)
    _refused_both_ways(case, "is damaged: its pages cannot be read (its page tree refers back to itself in a loop)")


# -- page boxes ------------------------------------------------------------------------------------

RED, BLUE = (255, 0, 0), (0, 0, 255)


def _render(pdf: Path, page: int, tmp: Path) -> Image.Image:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), str(pdf), str(tmp / "p")], check=True
    )
    return Image.open(next(tmp.glob("p*.png"))).convert("RGB")


def _has(image: Image.Image, colour: tuple[int, int, int]) -> bool:
    r, g, b = colour
    return any(abs(pr - r) < 90 and abs(pg - g) < 90 and abs(pb - b) < 90 for pr, pg, pb in image.get_flattened_data())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_what_the_crop_box_hid_stays_hidden_when_a_page_moves(bundle_case: Callable[..., Path], tmp_path: Path) -> None:
    # Printer's marks: a red bar below the crop box and a blue one above it; the page's own black
    # content reaches into the stamp's bottom band, so the page is moved or scaled.
    content = b"1 0 0 rg 0 0 595 30 re f 0 0 1 rg 0 812 595 30 re f 0 g 50 50 495 742 re f"
    case = _case(bundle_case, _bytes(_pdf(content, CropBox=Array([0, 40, 595, 802]))))
    _, made = _bundle(case)
    page = _render(made, 4, tmp_path)
    assert _has(page, (0, 0, 0))  # the content is there
    assert not _has(page, RED) and not _has(page, BLUE)
    # The bundle page is the visible area's size, and the content was transformed (not left as is).
    reader = PdfReader(made)
    assert [round(float(v)) for v in reader.pages[3].mediabox] == [0, 0, 595, 762]
    opening = reader.pages[3]["/Contents"][0].get_object().get_data()
    assert re.search(rb" cm\s+0 40 595 762 re W n", opening)


def test_user_unit_sets_the_page_size(bundle_case: Callable[..., Path]) -> None:
    # 8.5 x 11 units of 72 pt each: US Letter, 612 x 792 pt.
    content = b"0 0 1 rg 1 1 6.5 8 re f BT /F1 0.5 Tf 1 10 Td (Unit page) Tj ET"
    case = _case(bundle_case, _bytes(_pdf(content, size=(8.5, 11), UserUnit=72)))
    code, output = _check(case)
    assert code == 0 and "Letter portrait" in output, output
    _, made = _bundle(case)
    page = PdfReader(made).pages[3]
    assert [round(float(v)) for v in page.mediabox] == [0, 0, 612, 792]
    assert "Unit page" in page.extract_text()


def test_a_tiny_page_is_placed_where_its_stamp_is_readable(bundle_case: Callable[..., Path]) -> None:
    case = _case(bundle_case, _bytes(_pdf(b"0 g 0 0 3 3 re f", size=(3, 3))))
    _, made = _bundle(case)
    page = PdfReader(made).pages[3]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width >= MIN_SIDE and height >= MIN_SIDE
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            found.append((text.strip(), tm[4] + cm[4], size * tm[0] * cm[0]))

    page.extract_text(visitor_text=visit)
    texts = {t: (x, s) for t, x, s in found}
    # The reference, marking and page number, each at least 5 pt and starting on the page.
    for text in ("BUN/2026/0007", "OFFICIAL-SENSITIVE", "4"):
        x, size = texts[text]
        assert 0 <= x < width and size >= 5, (text, x, size)
    # The 3 pt page itself sits in the middle of the bundle page, drawn at the scale every page
    # is drawn at to clear the stamp's bands (fit_between_bands), and clipped to its own 3 pt box.
    opening = page["/Contents"][0].get_object().get_data()
    found_cm = re.match(rb"q (\S+) 0 0 (\S+) (\S+) (\S+) cm\s+0 0 3 3 re W n", opening)
    assert found_cm, opening
    a, d, e, f = (float(v) for v in found_cm.groups())
    assert a == d == fit_between_bands(width, height)[0]
    centre = (e + a * 1.5, f + d * 1.5)  # where the middle of the 3 pt page lands
    assert abs(centre[0] - width / 2) < 0.01
    assert abs(centre[1] - (BAND + (height - 2 * BAND) / 2)) < 0.01  # the middle of the room between the bands


# -- streams readers cannot decode -----------------------------------------------------------------


def _brotli_pdf() -> bytes:
    pdf = _pdf(b"q 100 0 0 100 72 500 cm /Im0 Do Q")
    content = pdf.make_stream(b"")
    content.write(
        brotli.compress(TEXT.replace(b"Hello", b"Brotli") + b" q 100 0 0 100 72 500 cm /Im0 Do Q"),
        filter=Name("/BrotliDecode"),
    )
    pdf.pages[0].Contents = content
    image = pdf.make_stream(b"")
    image.write(brotli.compress(bytes([200, 30, 30]) * 64), filter=Name("/BrotliDecode"))
    image.Type, image.Subtype, image.Width, image.Height = Name.XObject, Name.Image, 8, 8
    image.BitsPerComponent, image.ColorSpace = 8, Name.DeviceRGB
    pdf.pages[0].Resources.XObject = Dictionary(Im0=image)
    return _bytes(pdf)


def test_brotli_content_is_carried_readably(bundle_case: Callable[..., Path]) -> None:
    case = _case(bundle_case, _brotli_pdf())
    code, output = _check(case)
    assert code == 0, output
    assert "page 1: content compressed with Brotli, which most PDF readers cannot show, is re-compressed" in output
    _, made = _bundle(case)
    assert b"/BrotliDecode" not in made.read_bytes()
    with pikepdf.open(made) as pdf:
        page = pdf.pages[3]
        image = page.Resources.XObject[next(iter(page.Resources.XObject.keys()))]
        assert bytes(image.read_bytes()) == bytes([200, 30, 30]) * 64  # qpdf decodes it: Flate now
    assert "Brotli page" in PdfReader(made).pages[3].extract_text()


def test_an_unknown_filter_is_refused_with_its_name(bundle_case: Callable[..., Path]) -> None:
    pdf = _pdf()
    stream = pdf.make_stream(b"")
    stream.write(b"not a known compression at all", filter=Name("/FooDecode"))
    pdf.pages[0].Contents = stream
    case = _case(bundle_case, _bytes(pdf))
    _refused_both_ways(case, "the content of page 1 is compressed with Foo, a method PDF readers do not support")


@pytest.mark.skipif(shutil.which("jbig2dec") is not None, reason="the decoder is installed here")
def test_a_missing_decoder_is_the_reason_given_not_damage(bundle_case: Callable[..., Path]) -> None:
    pdf = _pdf()
    stream = pdf.make_stream(b"")
    stream.write(b"\x97JB2\r\n\x1a\n" + bytes(40), filter=Name("/JBIG2Decode"))
    pdf.pages[0].Contents = stream
    case = _case(bundle_case, _bytes(pdf))
    _refused_both_ways(
        case,
        "the content of page 1 is compressed with JBIG2, which casepost cannot decode without the jbig2dec program",
    )


def test_a_jbig2_image_is_carried_for_the_reader_to_decode(bundle_case: Callable[..., Path]) -> None:
    # A scan's JBIG2 image: every PDF reader decodes it, so it goes in as it is (casepost never
    # needs its pixels), whatever decoders this machine has.
    pdf = _pdf(b"q 200 0 0 200 72 500 cm /Im0 Do Q")
    image = pdf.make_stream(b"")
    image.write(b"\x00\x00\x00\x00\x30\x00\x01" + bytes(30), filter=Name("/JBIG2Decode"))
    image.Type, image.Subtype, image.Width, image.Height = Name.XObject, Name.Image, 8, 8
    image.BitsPerComponent, image.ColorSpace = 1, Name.DeviceGray
    pdf.pages[0].Resources.XObject = Dictionary(Im0=image)
    case = _case(bundle_case, _bytes(pdf))
    code, output = _check(case)
    assert code == 0 and "REFUSED" not in output, output
    _, made = _bundle(case)
    with pikepdf.open(made) as out:
        xobjects = out.pages[3].Resources.XObject
        assert xobjects[next(iter(xobjects.keys()))].Filter == Name.JBIG2Decode


# -- metadata of what is copied --------------------------------------------------------------------


def test_figure_and_annotation_metadata_never_reach_the_bundle(bundle_case: Callable[..., Path]) -> None:
    pdf = _pdf(b"q /Fm0 Do Q")
    info = pdf.make_indirect(
        Dictionary(
            Author=pikepdf.String("Jane Figure"),
            Creator=pikepdf.String("FigTool 3"),
            CreationDate=pikepdf.String("D:20260101"),
        )
    )
    form = pdf.make_stream(b"0 0 1 rg 100 300 200 200 re f")
    form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 595, 842])
    form[Name("/PTEX.InfoDict")] = info
    form[Name("/PTEX.FileName")] = pikepdf.String("/home/jane/private/figure.pdf")
    form[Name("/PTEX.PageNumber")] = 1
    form.LastModified = pikepdf.String("D:20260102")
    pdf.pages[0].Resources.XObject = Dictionary(Fm0=form)
    appearance = pdf.make_stream(b"1 1 0 rg 0 0 100 20 re f")
    appearance.Type, appearance.Subtype, appearance.BBox = Name.XObject, Name.Form, Array([0, 0, 100, 20])
    appearance.M = pikepdf.String("D:20260103 Jane Annotator")
    appearance[Name("/PTEX.FileName")] = pikepdf.String("/home/jane/stamp.pdf")
    annot = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Square,
        Rect=Array([72, 600, 172, 620]),
        T=pikepdf.String("Jane Annotator"),
        AP=Dictionary(N=appearance),
    )
    pdf.pages[0].Annots = pdf.make_indirect(Array([pdf.make_indirect(annot)]))
    case = _case(bundle_case, _bytes(pdf))
    _, made = _bundle(case)
    data = made.read_bytes()
    for leak in (b"PTEX", b"Jane", b"FigTool", b"/home/", b"D:2026", b"/LastModified"):
        assert leak not in data, leak
    with pikepdf.open(made) as out:
        page = out.pages[3]
        names = list(page.Resources.XObject.keys())
        assert len(names) == 2  # the figure, and the annotation's appearance drawn flat


# -- silent losses ---------------------------------------------------------------------------------


def test_a_dynamic_xfa_form_is_reported_with_its_pages(bundle_case: Callable[..., Path]) -> None:
    pdf = _pdf(b"BT /F1 14 Tf 72 700 Td (Please wait...) Tj ET")
    pdf.pages.append(pdf.pages[0])
    pdf.Root.AcroForm = Dictionary(Fields=Array([]), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    pdf.Root.NeedsRendering = True
    case = _case(bundle_case, _bytes(pdf))
    said = "is a dynamic XFA form: pages 1 and 2 hold only the placeholder shown instead of the form"
    code, output = _check(case)
    assert code == 0 and said in output, output
    output, _ = _bundle(case)
    assert f"warning: {case.parent / 'docs/test.pdf'}: {said}" in output


def test_annotations_without_appearance_are_reported(bundle_case: Callable[..., Path]) -> None:
    pdf = _pdf()
    pdf.pages.append(pdf.pages[0])
    pdf.pages.append(pdf.pages[0])
    highlight = Dictionary(Type=Name.Annot, Subtype=Name.Highlight, Rect=Array([72, 690, 200, 720]))
    note = Dictionary(Type=Name.Annot, Subtype=Name.Text, Rect=Array([300, 690, 320, 710]))
    hidden = Dictionary(Type=Name.Annot, Subtype=Name.Text, F=2, Rect=Array([300, 600, 320, 620]))
    pdf.pages[0].Annots = pdf.make_indirect(Array([pdf.make_indirect(highlight), pdf.make_indirect(hidden)]))
    pdf.pages[2].Annots = pdf.make_indirect(Array([pdf.make_indirect(note)]))
    case = _case(bundle_case, _bytes(pdf))
    said = "2 annotations (1 Highlight, 1 Text) on pages 1 and 3 have no appearance of their own and are left out"
    code, output = _check(case)
    assert code == 0 and said in output, output
    output, _ = _bundle(case)
    assert f"warning: {case.parent / 'docs/test.pdf'}: {said}" in output


# -- the guard -------------------------------------------------------------------------------------


def test_anything_unexpected_is_a_clear_refusal(bundle_case: Callable[..., Path]) -> None:
    # An annotation whose flags are a string, not a number: code reading it meets what it never
    # expected. The answer names the file, in words, with no Python in it.
    pdf = _pdf()
    odd = Dictionary(Type=Name.Annot, Subtype=Name.Square, F=pikepdf.String("abc"), Rect=Array([72, 690, 200, 720]))
    pdf.pages[0].Annots = pdf.make_indirect(Array([pdf.make_indirect(odd)]))
    case = _case(bundle_case, _bytes(pdf))
    _refused_both_ways(case, "is damaged and cannot be ")
    _, output = _run("bundle", str(case), "--as-of", AS_OF)
    assert "its structure is not as the PDF standard describes" in output
    assert "invalid literal" not in output and "int()" not in output


def test_a_photo_inside_a_pdf_loses_its_exif(bundle_case: Callable[..., Path]) -> None:
    # A scanned or photographed page as a PDF: its JPEG still carries the camera's EXIF (owner,
    # GPS position) and a comment. The bundle keeps the picture, not those.
    photo = Image.new("RGB", (64, 48), (250, 250, 245))
    photo.paste((20, 20, 20), (0, 0, 16, 12))
    exif = Image.Exif()
    exif[0x013B] = "Jane Camera"  # Artist
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", exif=exif, comment=b"Jane comment", quality=95)
    assert b"Jane Camera" in buffer.getvalue()
    pdf = _pdf(b"q 256 0 0 192 72 500 cm /Im0 Do Q")
    image = pdf.make_stream(buffer.getvalue())
    image.Type, image.Subtype, image.Filter = Name.XObject, Name.Image, Name.DCTDecode
    image.Width, image.Height, image.BitsPerComponent, image.ColorSpace = 64, 48, 8, Name.DeviceRGB
    pdf.pages[0].Resources.XObject = Dictionary(Im0=image)
    case = _case(bundle_case, _bytes(pdf))
    _, made = _bundle(case)
    assert b"Jane" not in made.read_bytes() and b"Exif" not in made.read_bytes()
    with pikepdf.open(made) as out:
        xobjects = out.pages[3].Resources.XObject
        shown = pikepdf.PdfImage(xobjects[next(iter(xobjects.keys()))]).as_pil_image().convert("RGB")
    assert shown.size == (64, 48)
    assert shown.getpixel((4, 4))[0] < 60 and shown.getpixel((40, 30))[0] > 200  # the same picture


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_a_layer_hidden_by_default_stays_hidden(bundle_case: Callable[..., Path], tmp_path: Path) -> None:
    # Red notes on a layer the source turns off by default (its catalog's /OCProperties, which
    # the bundle does not copy): they must not appear in the bundle.
    pdf = _pdf(b"/OC /L1 BDC 1 0 0 rg 100 300 300 300 re f EMC 0 g 100 100 50 50 re f")
    layer = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=pikepdf.String("Reviewer notes")))
    shown = pdf.make_indirect(Dictionary(Type=Name.OCG, Name=pikepdf.String("Page")))
    pdf.pages[0].Resources.Properties = Dictionary(L1=layer, L2=shown)
    pdf.Root.OCProperties = Dictionary(OCGs=Array([layer, shown]), D=Dictionary(OFF=Array([layer])))
    case = _case(bundle_case, _bytes(pdf))
    _, made = _bundle(case)
    page = _render(made, 4, tmp_path)
    assert _has(page, (0, 0, 0)) and not _has(page, RED)
    with pikepdf.open(made) as out:
        groups = out.Root.OCProperties
        assert len(groups.OCGs) == 2 and [str(g.Name) for g in groups.D.OFF] == ["Reviewer notes"]
