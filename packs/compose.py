"""One bundle page: the source page drawn upright (its /Rotate turned into content) and, for a
document's page, fitted between the stamp's bands (scaled a little and clipped to its visible
box, so whatever it draws stays clear of the stamp); then the stamp on top.
"""

from __future__ import annotations

from dataclasses import dataclass

from packs.copier import SourcePage
from packs.geometry import IDENTITY, Box, Matrix, fit_between_bands, frame, multiply
from packs.images import ImagePage
from packs.pdfwriter import PdfStreamWriter, array, name, number, rect, ref
from packs.stamp import FONT_NAME, Stamp

IMAGE_NAME = "CasepostImage"


@dataclass(frozen=True)
class Shared:
    """Objects every page of the bundle refers to: the page tree node, the stamp's font, and the
    one-operator stream that opens an untransformed page.
    """

    pages: int
    font: int
    open_plain: int

    @classmethod
    def write(cls, writer: PdfStreamWriter, pages: int, stamp: Stamp) -> Shared:
        """Write the shared objects (the page tree node is written last, by its reserver)."""
        return cls(pages, stamp.write_font(writer), writer.add_stream(b"", b"q\n"))


@dataclass(frozen=True)
class Placed:
    """A page written but for its stamp: its upright size, the transform applied to its content,
    and the stream reserved for what goes on top (the stamp is written last, once the page's
    number is known).
    """

    width: float
    height: float
    transform: Matrix
    closing: int  # object number of the last content stream: `before_stamp` then the stamp
    before_stamp: bytes = b""
    after_stamp: bytes = b""  # e.g. closing the stamp's artifact mark on a tagged page

    @property
    def moved(self) -> bool:
        """Whether the content had to move or shrink to clear the stamp."""
        return self.transform != IDENTITY


def write_stamp(writer: PdfStreamWriter, placed: Placed, stamp: Stamp, label: str) -> None:
    """Write a placed page's last content stream, with its stamp."""
    content = stamp.content(label, placed.width, placed.height)
    writer.write_stream(placed.closing, b"", placed.before_stamp + content + placed.after_stamp)


def _opening(writer: PdfStreamWriter, shared: Shared, m: Matrix, clip: Box | None = None, saves: int = 0) -> bytes:
    """The stream opening a page: its transform; once moved or scaled, a clip to its visible box
    (crop box within media box), so nothing the crop box hid shows in the margins; then the saves
    a page whose content restores more than it saves needs (nesting.py).
    """
    if m == IDENTITY and clip is None and not saves:
        return ref(shared.open_plain)
    data = b"q %s cm\n" % b" ".join(number(v) for v in m)
    if clip is not None:
        data += b"%s re W n\n" % b" ".join(number(v) for v in (clip.x0, clip.y0, clip.width, clip.height))
    return ref(writer.add_stream(b"", data + b"q\n" * saves))


def write_source_page(
    writer: PdfStreamWriter,
    num: int,
    shared: Shared,
    src: SourcePage,
    annots: bytes = b"",
    extra: bytes = b"",
    *,
    fit: bool = False,
) -> Placed:
    """Write a copied PDF page as bundle page object `num` (its stamp comes later: write_stamp);
    `extra` is more of the page dictionary (a tagged page's /StructParents).

    With `fit` (every document page) it is fitted between the stamp's bands; without (our own
    front matter, laid out clear of them) it is drawn as it is. A page moved or scaled at all
    (fitted, turned upright, centred on a larger page, or in other units) is clipped to its
    visible box.
    """
    m, width, height = frame(src.visible, src.rotate, src.unit)
    if fit:
        m = multiply(m, fit_between_bands(width, height))
    clip = src.visible if m != IDENTITY else None
    closing = writer.reserve()
    saves, restores = src.nesting  # a stray Q must not undo the fit, nor a q left open hold the stamp
    contents = [_opening(writer, shared, m, clip, saves), *src.contents, ref(closing)]
    fonts = [pair for pair in src.fonts if pair[0] != name(FONT_NAME)] + [(name(FONT_NAME), ref(shared.font))]
    resources = [*src.resources, (b"/Font", _dict(fonts))]
    if src.xobjects:
        resources.append((b"/XObject", _dict(src.xobjects)))
    parts = [
        b"/Type /Page /Parent " + ref(shared.pages),
        b"/MediaBox " + rect((0, 0, width, height)),
        b"/Resources " + _dict(resources),
        b"/Contents " + array(contents),
    ]
    if src.group is not None:
        parts.append(b"/Group " + src.group)
    if annots:
        parts.append(b"/Annots " + annots)
    if extra:
        parts.append(extra)
    writer.write(num, b"<< " + b" ".join(parts) + b" >>")
    return Placed(width, height, m, closing, b"Q\n" * restores + src.overlay + b"Q\n")


def write_image_page(writer: PdfStreamWriter, num: int, shared: Shared, image: ImagePage) -> Placed:
    """Write an image input as bundle page object `num` (placed clear of the bands already)."""
    info = image.info
    xobject = writer.add_stream(image.entries, image.data)
    draw = b"q %s cm /%s Do Q\n" % (b" ".join(number(v) for v in info.placement), IMAGE_NAME.encode())
    resources = _dict(
        [
            (b"/XObject", _dict([(name(IMAGE_NAME), ref(xobject))])),
            (b"/Font", _dict([(name(FONT_NAME), ref(shared.font))])),
        ]
    )
    closing = writer.reserve()
    contents = array([ref(writer.add_stream(b"", draw)), ref(closing)])
    writer.write(
        num,
        b"<< /Type /Page /Parent %s /MediaBox %s /Resources %s /Contents %s >>"
        % (ref(shared.pages), rect((0, 0, info.page_width, info.page_height)), resources, contents),
    )
    return Placed(info.page_width, info.page_height, IDENTITY, closing)


def write_blank_page(writer: PdfStreamWriter, num: int, shared: Shared) -> Placed:
    """An A4 page with nothing on it but its stamp (ends front matter whose length would not settle)."""
    width, height = 595.28, 841.89
    closing = writer.reserve()
    writer.write(
        num,
        b"<< /Type /Page /Parent %s /MediaBox %s /Resources << /Font << %s %s >> >> /Contents %s >>"
        % (ref(shared.pages), rect((0, 0, width, height)), name(FONT_NAME), ref(shared.font), ref(closing)),
    )
    return Placed(width, height, IDENTITY, closing)


def _dict(pairs: list[tuple[bytes, bytes]]) -> bytes:
    return b"<< " + b" ".join(k + b" " + v for k, v in pairs) + b" >>"
