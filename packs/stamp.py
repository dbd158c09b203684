"""The stamp on every bundle page: the case reference and the marking at the top, the marking and
the bundle page number at the bottom, drawn in the bands geometry.BAND keeps free of content.

The stamp is a small content stream of our own using one font resource under a fixed name: a
subset of the letters' Liberation Sans (stampfont.py), embedded once per bundle and shared by all
pages, so stamping a page adds a few hundred bytes, never a copy of a font, and a reference or
marking outside Latin-1 prints (and extracts) as written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from packs.pdfwriter import PdfStreamWriter, number
from packs.stampfont import StampFont, stamp_font

FONT_NAME = "CasepostStamp"  # the stamp's font resource name on every page

SIDE = 28.0  # points from the left and right edges
TOP_BASELINE = 13.0  # points below the top edge
BOTTOM_BASELINE = 8.0  # points above the bottom edge
TEXT_SIZE, NUMBER_SIZE, MIN_SIZE = 8.0, 10.0, 5.0
WIDEST_NUMBER = "B0000"  # the widest page label the layout leaves room for


def _show(font: StampFont, text: str, size: float, x: float, y: float) -> bytes:
    return b"BT /%s %s Tf %s %s Td %s Tj ET\n" % (
        FONT_NAME.encode(),
        number(size),
        number(x),
        number(y),
        font.encode(text),
    )


@dataclass(frozen=True)
class Stamp:
    """What every page of one bundle carries: its reference and marking (the page number varies)."""

    reference: str
    marking: str

    @property
    def font(self) -> StampFont:
        """The embedded subset this stamp is drawn in."""
        return stamp_font(self.reference + self.marking)

    def write_font(self, writer: PdfStreamWriter) -> int:
        """Write the stamp's font once for the bundle; returns the font dictionary's object number."""
        return self.font.write(writer)

    def content(self, label: str, page_width: float, page_height: float) -> bytes:
        """The stamp's content stream for a page of this size (in upright, unrotated space)."""
        fixed, number_size, right = self._fixed(round(page_width, 2), round(page_height, 2))
        font = self.font
        return b"%s%sQ\n" % (
            fixed,
            _show(font, label, number_size, right - font.width(label, number_size), BOTTOM_BASELINE),
        )

    @functools.lru_cache(maxsize=64)  # noqa: B019 - a handful of page sizes per bundle; stamps are few
    def _fixed(self, page_width: float, page_height: float) -> tuple[bytes, float, float]:
        """What is the same on every page of a size: the reference and marking, the number's size
        and right edge. Narrow pages get smaller type, until the items no longer meet.
        """
        font, ref, mark = self.font, self.reference, self.marking
        centre = page_width / 2
        size, number_size = TEXT_SIZE, NUMBER_SIZE
        side = SIDE if page_width > 4 * SIDE else page_width / 10
        while size > MIN_SIZE:
            top_fits = side + font.width(ref, size) + 6 <= centre - font.width(mark, size) / 2
            bottom_fits = centre + font.width(mark, size) / 2 + 6 <= page_width - side - font.width(
                WIDEST_NUMBER, number_size
            )
            if top_fits and bottom_fits:
                break
            size -= 0.5
            number_size = max(size + 1, MIN_SIZE)
        top = page_height - TOP_BASELINE
        parts = [b"q 0 g\n"]
        if ref:
            parts.append(_show(font, ref, size, side, top))
        if mark:
            half = font.width(mark, size) / 2
            parts.append(_show(font, mark, size, centre - half, top))
            parts.append(_show(font, mark, size, centre - half, BOTTOM_BASELINE))
        return b"".join(parts), number_size, page_width - side
