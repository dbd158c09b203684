"""The stamp on every bundle page: the case reference and the marking at the top, the marking and
the bundle page number at the bottom, drawn in the bands geometry.BAND keeps free of content.

The stamp is a small content stream of our own using one font resource under a fixed name,
Helvetica (a standard font every viewer has), whose dictionary is written once and shared by all
pages: stamping a page adds a few hundred bytes, never a copy of a font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from packs.pdfwriter import number

FONT_NAME = "CasepostStamp"  # the stamp's font resource name on every page
FONT_DICT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

# Helvetica advance widths (1/1000 em) for ASCII 32-126, from Adobe's core AFM metrics.
_WIDTHS = (
    278,
    278,
    355,
    556,
    556,
    889,
    667,
    191,
    333,
    333,
    389,
    584,
    278,
    333,
    278,
    278,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    278,
    278,
    584,
    584,
    584,
    556,
    1015,
    667,
    667,
    722,
    722,
    667,
    611,
    778,
    722,
    278,
    500,
    667,
    556,
    833,
    722,
    778,
    667,
    778,
    722,
    667,
    611,
    722,
    667,
    944,
    667,
    667,
    611,
    278,
    278,
    278,
    469,
    556,
    333,
    556,
    556,
    500,
    556,
    556,
    278,
    556,
    556,
    222,
    222,
    500,
    222,
    833,
    556,
    556,
    556,
    556,
    333,
    500,
    278,
    556,
    500,
    722,
    500,
    500,
    500,
    334,
    260,
    334,
    584,
)

SIDE = 28.0  # points from the left and right edges
TOP_BASELINE = 13.0  # points below the top edge
BOTTOM_BASELINE = 8.0  # points above the bottom edge
TEXT_SIZE, NUMBER_SIZE, MIN_SIZE = 8.0, 10.0, 5.0


def encode(value: str) -> bytes:
    """Text in the font's encoding (WinAnsi); characters it lacks become '?'."""
    return value.encode("cp1252", errors="replace")


def width(value: bytes, size: float) -> float:
    """The width in points of encoded text at a size."""
    return sum(_WIDTHS[c - 32] if 32 <= c <= 126 else 556 for c in value) * size / 1000


def _literal(value: bytes) -> bytes:
    return b"(" + value.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _show(text: bytes, size: float, x: float, y: float) -> bytes:
    return b"BT /%s %s Tf %s %s Td %s Tj ET\n" % (
        FONT_NAME.encode(),
        number(size),
        number(x),
        number(y),
        _literal(text),
    )


@dataclass(frozen=True)
class Stamp:
    """What every page of one bundle carries: its reference and marking (the page number varies)."""

    reference: str
    marking: str

    def content(self, label: str, page_width: float, page_height: float) -> bytes:
        """The stamp's content stream for a page of this size (in upright, unrotated space)."""
        fixed, number_size, right = self._fixed(round(page_width, 2), round(page_height, 2))
        num = encode(label)
        return b"%s%sQ\n" % (fixed, _show(num, number_size, right - width(num, number_size), BOTTOM_BASELINE))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - a handful of page sizes per bundle; stamps are few
    def _fixed(self, page_width: float, page_height: float) -> tuple[bytes, float, float]:
        """What is the same on every page of a size: the reference and marking, the number's size
        and right edge. Narrow pages get smaller type, until the items no longer meet.
        """
        ref, mark = encode(self.reference), encode(self.marking)
        widest_number = b"B0000"
        centre = page_width / 2
        size, number_size = TEXT_SIZE, NUMBER_SIZE
        side = SIDE if page_width > 4 * SIDE else page_width / 10
        while size > MIN_SIZE:
            top_fits = side + width(ref, size) + 6 <= centre - width(mark, size) / 2
            bottom_fits = centre + width(mark, size) / 2 + 6 <= page_width - side - width(widest_number, number_size)
            if top_fits and bottom_fits:
                break
            size -= 0.5
            number_size = max(size + 1, MIN_SIZE)
        top = page_height - TOP_BASELINE
        parts = [b"q 0 g\n"]
        if ref:
            parts.append(_show(ref, size, side, top))
        if mark:
            half = width(mark, size) / 2
            parts.append(_show(mark, size, centre - half, top))
            parts.append(_show(mark, size, centre - half, BOTTOM_BASELINE))
        return b"".join(parts), number_size, page_width - side
