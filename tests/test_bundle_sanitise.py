"""Nothing that acts, no embedded file and none of the sources' metadata reaches the bundle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from packs.assemble import build_bundle
from packs.images import strip_jpeg

from .conftest import bundle_encrypt, bundle_image, bundle_make_pdf

FORBIDDEN = [
    b"/JavaScript",
    b"/JS",
    b"/OpenAction <<",  # the bundle's own is a destination (page 1), never an action
    b"/AA",
    b"/Launch",
    b"/SubmitForm",
    b"/EmbeddedFile",
    b"/EmbeddedFiles",
    b"/XFA",
    b"/AcroForm",
    b"/URI",
    b"/Metadata",
    b"/PieceInfo",
    b"calc.exe",
    b"Jane Source",
    b"SourceApp",
    b"secret",
    b"app.alert",
    b"/Filespec",
    b"/Widget",
]


@pytest.fixture
def hostile_bundle(bundle_case: Callable[..., Path]) -> Path:
    case = bundle_case(
        [
            (
                "Hostile form",
                "report",
                "2026-09-24",
                "docs/hostile.pdf",
                bundle_make_pdf(2, label="Hostile", hostile=True),
            ),
            (
                "Hostile, encrypted",
                "report",
                "2026-09-25",
                "docs/hostile-enc.pdf",
                bundle_encrypt(bundle_make_pdf(1, label="Locked", hostile=True)),
            ),
            ("Photo", "other", "2026-10-01", "docs/photo.jpg", bundle_image("JPEG", orientation=6)),
            ("Screenshot", "other", "2026-10-02", "docs/shot.png", bundle_image("PNG")),
        ]
    )
    return build_bundle(case, as_of=dt.date(2027, 1, 10)).output


def test_no_action_script_file_or_source_metadata(hostile_bundle: Path) -> None:
    data = hostile_bundle.read_bytes()
    present = [token.decode() for token in FORBIDDEN if token in data]
    assert not present


def test_only_a_neutral_title(hostile_bundle: Path) -> None:
    reader = PdfReader(hostile_bundle)
    assert dict(reader.metadata or {}) == {"/Title": "Panel bundle BUN/2026/0007"}
    assert reader.xmp_metadata is None
    assert "/Metadata" not in reader.trailer["/Root"]
    assert all("/Metadata" not in page and "/AA" not in page for page in reader.pages)


def test_visible_form_values_are_kept_flat(hostile_bundle: Path) -> None:
    reader = PdfReader(hostile_bundle)
    page = next(p for p in reader.pages if "Hostile page 1" in p.extract_text())
    assert "Signed form value" in page.extract_text()
    assert all(a.get_object()["/Subtype"] == "/Link" for p in reader.pages for a in p.get("/Annots", []))


def test_encrypted_input_is_decrypted_into_the_bundle(hostile_bundle: Path) -> None:
    data = hostile_bundle.read_bytes()
    reader = PdfReader(hostile_bundle)
    assert not reader.is_encrypted and b"/Encrypt" not in data
    assert any("Locked page 1" in p.extract_text() for p in reader.pages)


def test_photo_is_turned_upright_and_loses_its_exif(hostile_bundle: Path) -> None:
    reader = PdfReader(hostile_bundle)
    photo = next(p for p in reader.pages if "/CasepostImage" in str(p["/Resources"].get("/XObject", {})))
    # A 400 x 300 photo with EXIF orientation 6 is a portrait picture: a portrait page.
    assert float(photo.mediabox.height) > float(photo.mediabox.width)
    image = photo["/Resources"]["/XObject"]["/CasepostImage"].get_object()
    assert (image["/Width"], image["/Height"]) == (400, 300)
    assert b"Exif" not in image.get_data() and b"Jane Source" not in image.get_data()


def test_strip_jpeg_keeps_the_picture_and_drops_the_rest() -> None:
    original = bundle_image("JPEG")
    stripped = strip_jpeg(original + b"\xff\xd8trailing second image with Jane Source\xff\xd9")
    assert b"Jane Source" in original and b"Jane Source" not in stripped and b"Exif" not in stripped
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(original)) as a, Image.open(BytesIO(stripped)) as b:
        assert a.tobytes() == b.tobytes()
