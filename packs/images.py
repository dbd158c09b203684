"""JPG and PNG inputs as bundle pages: each image on an A4 page (portrait or landscape, as the
image is), upright as its EXIF orientation says, inside the stamp's bands.

The image data goes in without being re-compressed where the PDF format allows (a JPEG as it is,
an ordinary PNG's compressed pixel data as it is), and nothing else of the file does: EXIF (with its
GPS position and camera), XMP, comments and PNG text chunks are left behind.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from packs.geometry import BAND, Box, Matrix, multiply
from packs.inputs import InputProblem, Kind

A4 = (595.28, 841.89)
SIDE_MARGIN = 28.0
END_MARGIN = BAND + 8.0

# Unit-square transforms that show a stored image upright, by EXIF orientation (1-8).
_ORIENT: dict[int, Matrix] = {
    1: (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
    2: (-1.0, 0.0, 0.0, 1.0, 1.0, 0.0),
    3: (-1.0, 0.0, 0.0, -1.0, 1.0, 1.0),
    4: (1.0, 0.0, 0.0, -1.0, 0.0, 1.0),
    5: (0.0, -1.0, -1.0, 0.0, 1.0, 1.0),
    6: (0.0, -1.0, 1.0, 0.0, 0.0, 1.0),
    7: (0.0, 1.0, 1.0, 0.0, 0.0, 0.0),
    8: (0.0, 1.0, -1.0, 0.0, 1.0, 0.0),
}


@dataclass
class ImageInfo:
    """An image's size and how it will sit on its page."""

    pixels: tuple[int, int]  # stored width and height
    orientation: int
    dpi: float | None
    page_width: float
    page_height: float
    placement: Matrix  # the unit square (the image) to page space
    notes: list[str] = field(default_factory=list)

    @property
    def box(self) -> Box:
        """Where the image is drawn on its page."""
        return Box(0.0, 0.0, 1.0, 1.0).transformed(self.placement)


@dataclass(frozen=True)
class ImagePage:
    """An image ready to write: its XObject (entries without /Length, and data) and its page."""

    info: ImageInfo
    entries: bytes
    data: bytes


def _open(path: Path) -> Image.Image:
    try:
        return Image.open(path)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InputProblem(f"is damaged and cannot be read as an image ({exc})") from exc


def image_info(path: Path, kind: Kind) -> ImageInfo:
    """Size, orientation and placement of an image input (reading its header only)."""
    if kind == "png":
        with _open(path) as im:
            try:
                im.verify()  # checks every chunk's checksum without decoding the pixels
            except Exception as exc:
                raise InputProblem(f"is damaged ({exc})") from exc
    with _open(path) as im:
        if (im.format or "").lower() != kind:
            raise InputProblem(f"is damaged: it starts as a {kind.upper()} but cannot be read as one")
        width, height = im.size
        if width < 1 or height < 1:
            raise InputProblem("is an image with no pixels")
        try:
            orientation = int(im.getexif().get(0x0112, 1) or 1)
        except Exception:  # a broken EXIF block: show the image as stored
            orientation = 1
        dpi_value = im.info.get("dpi")
        notes: list[str] = []
    if kind == "jpeg":
        with open(path, "rb") as fh:
            fh.seek(max(0, path.stat().st_size - 4096))
            if b"\xff\xd9" not in fh.read():  # no end marker near the end: the file was cut short
                raise InputProblem("is damaged: the JPEG data is cut short")
    orientation = orientation if orientation in _ORIENT else 1
    if orientation != 1:
        notes.append(f"turned upright (EXIF orientation {orientation})")
    dpi = None
    if isinstance(dpi_value, tuple) and dpi_value and float(dpi_value[0] or 0) >= 50:
        dpi = float(dpi_value[0])
    shown_w, shown_h = (height, width) if orientation >= 5 else (width, height)
    page_w, page_h = A4 if shown_h >= shown_w else (A4[1], A4[0])
    room_w, room_h = page_w - 2 * SIDE_MARGIN, page_h - 2 * END_MARGIN
    scale = min(room_w / shown_w, room_h / shown_h)
    if dpi is not None:
        scale = min(scale, 72.0 / dpi)  # never larger than the image's own size on paper
    w, h = shown_w * scale, shown_h * scale
    x, y = (page_w - w) / 2, END_MARGIN + (room_h - h) / 2
    placement = multiply(_ORIENT[orientation], (w, 0.0, 0.0, h, x, y))
    return ImageInfo((width, height), orientation, dpi, page_w, page_h, placement, notes)


def image_page(path: Path, kind: Kind) -> ImagePage:
    """The image as a PDF image XObject, with its page."""
    info = image_info(path, kind)
    data = path.read_bytes()
    if kind == "jpeg":
        entries, body = _jpeg(data, info)
    else:
        entries, body = _png(data, info)
    return ImagePage(info, entries, body)


# -- JPEG ------------------------------------------------------------------------------------

_KEEP_MARKERS = frozenset({0xC4, 0xCC, 0xDB, 0xDD} | set(range(0xC0, 0xD0)) - {0xC8})


def strip_jpeg(data: bytes) -> bytes:
    """The JPEG with every application segment (EXIF, XMP, ICC, IPTC) and comment removed, and
    anything after its end marker (e.g. a second, embedded image) cut off. Lossless: the
    compressed image data is copied as it is. The Adobe segment stays (it says how CMYK is stored).
    """
    if data[:2] != b"\xff\xd8":
        raise InputProblem("is damaged: not a JPEG")
    out = [b"\xff\xd8"]
    i, n = 2, len(data)
    in_scan = False
    while i < n:
        if in_scan:
            j = data.find(b"\xff", i)
            if j < 0 or j + 1 >= n:
                raise InputProblem("is damaged: the JPEG data is cut short")
            nxt = data[j + 1]
            if nxt == 0xFF:  # a fill byte before a marker
                out.append(data[i:j])
                i = j + 1
                continue
            if nxt == 0x00 or 0xD0 <= nxt <= 0xD7:
                out.append(data[i : j + 2])
                i = j + 2
                continue
            out.append(data[i:j])
            i = j
            in_scan = False
            continue
        if data[i] != 0xFF or i + 1 >= n:
            raise InputProblem("is damaged: a JPEG segment is broken")
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            return b"".join(out)
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            out.append(data[i : i + 2])
            i += 2
            continue
        if i + 4 > n:
            raise InputProblem("is damaged: the JPEG data is cut short")
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        segment = data[i : i + 2 + length]
        if marker == 0xDA:
            out.append(segment)
            in_scan = True
        elif marker in _KEEP_MARKERS or (marker == 0xEE and segment[4:9] == b"Adobe"):
            out.append(segment)
        i += 2 + length
    raise InputProblem("is damaged: the JPEG has no end marker")


def _jpeg(data: bytes, info: ImageInfo) -> tuple[bytes, bytes]:
    with Image.open(io.BytesIO(data)) as im:
        mode = im.mode
        adobe = "adobe" in im.info
    space = {"L": b"/DeviceGray", "RGB": b"/DeviceRGB", "CMYK": b"/DeviceCMYK"}.get(mode)
    if space is None:
        raise InputProblem(f"is a JPEG in a colour mode casepost cannot place ({mode})")
    decode = b" /Decode [1 0 1 0 1 0 1 0]" if mode == "CMYK" and adobe else b""
    w, h = info.pixels
    entries = (
        b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8"
        b" /Filter /DCTDecode%s" % (w, h, space, decode)
    )
    return entries, strip_jpeg(data)


# -- PNG -------------------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, i = [], 8
    while i + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[i : i + 8])
        chunks.append((kind, data[i + 8 : i + 8 + length]))
        i += 12 + length
        if kind == b"IEND":
            break
    return chunks


def _png(data: bytes, info: ImageInfo) -> tuple[bytes, bytes]:
    chunks = _png_chunks(data)
    header = next((body for kind, body in chunks if kind == b"IHDR"), b"")
    if len(header) != 13:
        raise InputProblem("is damaged: the PNG has no header")
    w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    kinds = {kind for kind, _ in chunks}
    palette = next((body for kind, body in chunks if kind == b"PLTE"), b"")
    if (
        interlace == 0
        and b"tRNS" not in kinds
        and (
            (colour == 0 and depth in (1, 2, 4, 8, 16))
            or (colour == 2 and depth in (8, 16))
            or (colour == 3 and depth in (1, 2, 4, 8) and palette)
        )
    ):
        # The PNG's own compressed rows go in as they are: PDF reads PNG predictors.
        if colour == 3:
            space = b"[/Indexed /DeviceRGB %d <%s>]" % (len(palette) // 3 - 1, palette.hex().encode("ascii"))
            colours = 1
        else:
            space, colours = (b"/DeviceGray", 1) if colour == 0 else (b"/DeviceRGB", 3)
        body = b"".join(chunk for kind, chunk in chunks if kind == b"IDAT")
        entries = (
            b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent %d"
            b" /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d /BitsPerComponent %d"
            b" /Columns %d >>" % (w, h, space, depth, colours, depth, w)
        )
        return entries, body
    # Anything else (transparency, interlacing): decode and store plain pixels, flattened on white.
    try:
        with Image.open(io.BytesIO(data)) as im:
            im.load()
            if im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info:
                rgba = im.convert("RGBA")
                flat = Image.new("RGB", rgba.size, (255, 255, 255))
                flat.paste(rgba, mask=rgba.getchannel("A"))
                im2 = flat.convert("L") if im.mode in ("LA", "L") else flat
            else:
                im2 = im.convert("L") if im.mode in ("1", "L", "I", "I;16", "F") else im.convert("RGB")
            raw = im2.tobytes()
            mode = im2.mode
    except Exception as exc:
        raise InputProblem(f"is damaged and cannot be decoded ({exc})") from exc
    space = b"/DeviceGray" if mode == "L" else b"/DeviceRGB"
    entries = (
        b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8"
        b" /Filter /FlateDecode" % (w, h, space)
    )
    return entries, zlib.compress(raw, 6)
