"""Page geometry: affine matrices, boxes, a page's /Rotate turned into content, and the room the
stamp needs (a band at the top and bottom of every page, which every page is fitted between).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Matrix = tuple[float, float, float, float, float, float]  # PDF order: a b c d e f

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

# The stamp's bands: content must stay this far (points) from the top and bottom edges.
BAND = 20.0

# The smallest bundle page (points, each way: 105 mm) on which the stamp is readable; a smaller
# page (a ticket, a 3 pt mistake) is centred on one this size, its own size kept.
MIN_SIDE = 297.64


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """M then n (PDF's row-vector convention: a point p maps to p·m·n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle, x0 <= x1 and y0 <= y1."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        """Its width."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """Its height."""
        return self.y1 - self.y0

    def transformed(self, m: Matrix) -> Box:
        """The bounding box of this box's four corners under m."""
        a, b, c, d, e, f = m
        xs = [a * x + c * y + e for x in (self.x0, self.x1) for y in (self.y0, self.y1)]
        ys = [b * x + d * y + f for x in (self.x0, self.x1) for y in (self.y0, self.y1)]
        return Box(min(xs), min(ys), max(xs), max(ys))

    def union(self, other: Box | None) -> Box:
        """The smallest box holding both."""
        if other is None:
            return self
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def intersect(self, other: Box) -> Box | None:
        """The overlap of two boxes, or None."""
        x0, y0 = max(self.x0, other.x0), max(self.y0, other.y0)
        x1, y1 = min(self.x1, other.x1), min(self.y1, other.y1)
        return Box(x0, y0, x1, y1) if x0 < x1 and y0 < y1 else None


def box_from(values: object) -> Box | None:
    """A Box from a PDF rectangle (four numbers in any corner order), or None if it is not one."""
    try:
        x0, y0, x1, y1 = (float(v) for v in values)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return None
    box = Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return box if box.width > 0 and box.height > 0 else None


def visible_box(media: object, crop: object) -> Box:
    """A page's visible area: its crop box within its media box (US Letter if it gives neither)."""
    media_box = box_from(media) or Box(0.0, 0.0, 612.0, 792.0)
    crop_box = box_from(crop)
    return (crop_box.intersect(media_box) if crop_box else media_box) or media_box


def upright(visible: Box, rotate: int) -> tuple[Matrix, float, float]:
    """The matrix drawing a page's visible box upright at the origin, as a viewer shows it for /Rotate.

    Returns the matrix and the upright width and height. /Rotate turns the page clockwise.
    """
    w, h = visible.width, visible.height
    to_origin: Matrix = (1.0, 0.0, 0.0, 1.0, -visible.x0, -visible.y0)
    turns = {
        0: IDENTITY,
        90: (0.0, -1.0, 1.0, 0.0, 0.0, w),
        180: (-1.0, 0.0, 0.0, -1.0, w, h),
        270: (0.0, 1.0, -1.0, 0.0, h, 0.0),
    }
    m = multiply(to_origin, turns[rotate])
    return (m, h, w) if rotate in (90, 270) else (m, w, h)


def frame(visible: Box, rotate: int, unit: float = 1.0) -> tuple[Matrix, float, float]:
    """Where a source page goes on its bundle page: upright (upright()), in points when its
    /UserUnit says each unit is larger, and centred on a page at least MIN_SIDE each way.
    Returns the matrix and the bundle page's width and height.
    """
    m, w, h = upright(visible, rotate)
    if unit != 1.0:
        m, w, h = multiply(m, (unit, 0.0, 0.0, unit, 0.0, 0.0)), w * unit, h * unit
    width, height = max(w, MIN_SIDE), max(h, MIN_SIDE)
    if (width, height) != (w, h):
        m = multiply(m, (1.0, 0.0, 0.0, 1.0, (width - w) / 2, (height - h) / 2))
    return m, width, height


def user_unit(value: object) -> float:
    """A page's /UserUnit (the size of its unit in points): 1 unless a valid positive number."""
    try:
        unit = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0
    return unit if 0 < unit <= 75_000 else 1.0


def normal_rotation(value: object) -> int:
    """A /Rotate value as 0, 90, 180 or 270 (anything invalid counts as 0, as viewers do)."""
    try:
        r = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
    return r % 360 if r % 90 == 0 else 0


def fit_between_bands(width: float, height: float, band: float = BAND) -> Matrix:
    """The transform that draws a whole upright page of this size between the stamp's bands:
    scaled by (height - 2 bands) / height, centred across the page. Applied to every page, with
    the page clipped to its visible box, it guarantees the stamp covers nothing whatever the page
    draws, without reading its content.
    """
    room = height - 2 * band
    if room <= 0:
        return IDENTITY  # no room between the bands at all: the page is left as it is
    s = math.floor(room / height * 10_000) / 10_000  # as written (4 decimals), never more than fits
    return (s, 0.0, 0.0, s, (1 - s) * width / 2, band)
