"""Where a page draws: a cheap, conservative reading of its content stream, enough to know whether
the stamp's bands are free. It follows the graphics state (q, Q, cm), text positioning and paths,
images and form XObjects; text extents are estimated generously from the font size and the
string's length. Anything it cannot follow (a shading fill, a stream too large to scan) counts as
the whole page, so the answer errs towards making room, never towards covering content.

Speed matters (every page of a bundle is read): the stream is split into tokens by one regular
expression in C, and extents are kept as plain numbers per stretch of unchanged transform,
mapped to page space only when the transform changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from packs.geometry import IDENTITY, Box, Matrix, multiply

# A stream longer than this (decoded) is not read: its page is treated as full.
SCAN_LIMIT = 4_000_000

# Text extent in glyph space (1 = the font size): generous width per byte, descent and ascent.
_CHAR_WIDTH, _DESCENT, _ASCENT = 0.6, 0.3, 1.05

_WS = rb"\x00\t\n\x0c\r "
_DELIM = rb"()<>\[\]{}/%"
# Literal strings with up to two levels of nested parentheses. Possessive quantifiers (Python
# 3.11) keep an unterminated string from sending the matcher into exponential backtracking.
_STRING = rb"\((?:[^()\\]++|\\.|\((?:[^()\\]++|\\.|\((?:[^()\\]++|\\.)*+\))*+\))*+\)"
_TOKENS = re.compile(  # the commonest first: numbers and operators, then names, strings...
    rb"[^"
    + _WS
    + _DELIM
    + rb"]++"
    + rb"|/[^"
    + _WS
    + _DELIM
    + rb"]*+"
    + rb"|"
    + _STRING
    + rb"|\[(?:[^\[\]()]++|"
    + _STRING
    + rb")*+\]"
    + rb"|<<(?:[^<>()]++|"
    + _STRING
    + rb"|<[^<>]*+>)*+>>"
    + rb"|<[0-9A-Fa-f"
    + _WS
    + rb"]*+>"
    + rb"|%[^\r\n]*+"
    + rb"|[()<>\[\]{}]",
    re.S,
)
_INLINE_IMAGE = re.compile(rb"(?:^|[" + _WS + rb"])BI[" + _WS + rb"/]")
_EI = re.compile(rb"[" + _WS + rb"]EI(?=[" + _WS + _DELIM + rb"]|$)")
_OPERAND = frozenset(b"0123456789+-./([<")
_PAINT = frozenset({b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_FILL_ONLY = frozenset({b"f", b"F", b"f*"})
_INF = float("inf")

# Resolves an XObject name to (kind, matrix, bbox, content bytes or None, resolver for its own resources).
XObjectLookup = Callable[[bytes], "tuple[str, Matrix, Box | None, bytes | None, XObjectLookup | None] | None"]


class Full(Exception):
    """The content draws something unbounded: treat the page as full."""


class _Extent:
    """Bounds in page space, fed in stretches that share one transform."""

    def __init__(self) -> None:
        self.box: Box | None = None

    def add(self, x0: float, y0: float, x1: float, y1: float, m: Matrix) -> None:
        if x0 > x1:
            return
        self.box = Box(x0, y0, x1, y1).transformed(m).union(self.box)


def _tokens(data: bytes) -> list[bytes]:
    """The stream's tokens; inline image data (binary, between ID and EI) is cut out first."""
    if _INLINE_IMAGE.search(data) is None:
        return _TOKENS.findall(data)
    out: list[bytes] = []
    pos = 0
    while True:
        found = _INLINE_IMAGE.search(data, pos)
        if found is None:
            out.extend(_TOKENS.findall(data, pos))
            return out
        start = data.find(b"ID", found.end())
        end = _EI.search(data, start + 2) if start >= 0 else None
        out.extend(_TOKENS.findall(data, pos, found.end() - 1))
        out.append(b"BI")  # stands for the whole inline image
        if end is None:
            return out
        pos = end.end()


def scan(data: bytes, lookup: XObjectLookup | None, depth: int = 0) -> Box | None:
    """The bounding box, in the stream's own user space, of everything it draws (None: nothing).

    Raises Full when it draws something without bounds.
    """
    if len(data) > SCAN_LIMIT:
        raise Full
    extent = _Extent()
    ctm = IDENTITY
    stack: list[tuple[Matrix, bool, float, int, float, float]] = []
    white, lw, mode = False, 1.0, 0
    # Text: the text matrix's linear part (ta..td) and position (te, tf); the line matrix's position.
    ta, tb, tc, td, te, tf = IDENTITY
    le, lf = 0.0, 0.0
    fs, leading = 1.0, 0.0
    # This stretch's text origins (in user space, before the glyph box) and largest advance and size.
    tx0 = ty0 = _INF
    tx1 = ty1 = -_INF
    tw, ts = 0.0, 0.0
    # Paths: the current one (user space), and those painted in this stretch; the widest line.
    px0 = py0 = _INF
    px1 = py1 = -_INF
    qx0 = qy0 = _INF
    qx1 = qy1 = -_INF
    qlw = 0.0
    ops: list[bytes] = []

    def flush() -> None:
        """Map this stretch's text and painted paths to page space; start a new stretch."""
        nonlocal tx0, ty0, tx1, ty1, tw, ts, qx0, qy0, qx1, qy1, qlw
        if tx0 <= tx1:
            # Glyph box (0..tw, -descent..ascent) through the text matrix's linear part, around each origin.
            gx = (0.0, ta * tw, tc * -_DESCENT * ts, tc * _ASCENT * ts)
            gy = (0.0, tb * tw, td * -_DESCENT * ts, td * _ASCENT * ts)
            dx0, dx1 = (
                min(gx[0] + gx[2], gx[0] + gx[3], gx[1] + gx[2], gx[1] + gx[3]),
                max(gx[0] + gx[2], gx[0] + gx[3], gx[1] + gx[2], gx[1] + gx[3]),
            )
            dy0, dy1 = (
                min(gy[0] + gy[2], gy[0] + gy[3], gy[1] + gy[2], gy[1] + gy[3]),
                max(gy[0] + gy[2], gy[0] + gy[3], gy[1] + gy[2], gy[1] + gy[3]),
            )
            extent.add(tx0 + dx0, ty0 + dy0, tx1 + dx1, ty1 + dy1, ctm)
        if qx0 <= qx1:
            pad = max(qlw, 1.0) / 2
            extent.add(qx0 - pad, qy0 - pad, qx1 + pad, qy1 + pad, ctm)
        tx0 = ty0 = qx0 = qy0 = _INF
        tx1 = ty1 = qx1 = qy1 = -_INF
        tw = ts = qlw = 0.0

    def show(length: float) -> None:
        nonlocal te, tf, tx0, ty0, tx1, ty1, tw, ts
        w = length * _CHAR_WIDTH * fs
        if mode != 3 and mode != 7:  # 3: invisible (an OCR layer), 7: a clip only
            tx0, ty0 = min(tx0, te), min(ty0, tf)
            tx1, ty1 = max(tx1, te), max(ty1, tf)
            tw, ts = max(tw, w, fs), max(ts, fs)
        te += ta * w
        tf += tb * w

    for tok in _tokens(data):
        if tok[0] in _OPERAND:
            ops.append(tok)
            continue
        if tok == b"Tj" or tok == b"TJ":  # the commonest operator, inlined: see show()
            s = ops[-1] if ops else b""
            w = (len(s) / 2 if s[:1] == b"<" else max(len(s) - 2, 1)) * _CHAR_WIDTH * fs
            if mode != 3 and mode != 7:
                if te < tx0:
                    tx0 = te
                if te > tx1:
                    tx1 = te
                if tf < ty0:
                    ty0 = tf
                if tf > ty1:
                    ty1 = tf
                if w > tw:
                    tw = w
                if fs > tw:
                    tw = fs
                if fs > ts:
                    ts = fs
            te += ta * w
            tf += tb * w
            ops.clear()
            continue
        if tok[0] == 0x25:  # a comment
            continue
        op = tok
        try:
            if op == b"T*" or op == b"'" or op == b'"':
                le, lf = le - leading * tc, lf - leading * td
                te, tf = le, lf
                if op != b"T*":
                    s = ops[-1] if ops else b""
                    show(len(s) / 2 if s[:1] == b"<" else max(len(s) - 2, 1))
            elif op == b"Td" or op == b"TD":
                x, y = float(ops[-2]), float(ops[-1])
                if op == b"TD":
                    leading = -y
                le, lf = le + x * ta + y * tc, lf + x * tb + y * td
                te, tf = le, lf
            elif op == b"Tm":
                a, b, c, d, e, f = (float(v) for v in ops[-6:])
                if (a, b, c, d) != (ta, tb, tc, td):
                    flush()
                    ta, tb, tc, td = a, b, c, d
                te, tf = le, lf = e, f
            elif op == b"Tf":
                fs = abs(float(ops[-1])) or 1.0
            elif op == b"TL":
                leading = float(ops[-1])
            elif op == b"Tr":
                mode = int(float(ops[-1]))
            elif op == b"BT":
                if (ta, tb, tc, td) != (1.0, 0.0, 0.0, 1.0):
                    flush()
                ta, tb, tc, td, te, tf = IDENTITY
                le = lf = 0.0
            elif op == b"re":
                x, y, w, h = (float(v) for v in ops[-4:])
                px0, py0 = min(px0, x, x + w), min(py0, y, y + h)
                px1, py1 = max(px1, x, x + w), max(py1, y, y + h)
            elif op == b"m" or op == b"l" or op == b"c" or op == b"v" or op == b"y":
                count = 2 if op == b"m" or op == b"l" else (6 if op == b"c" else 4)
                values = [float(v) for v in ops[-count:]]
                xs, ys = values[0::2], values[1::2]
                px0, py0 = min(px0, *xs), min(py0, *ys)
                px1, py1 = max(px1, *xs), max(py1, *ys)
            elif op in _PAINT:
                if px0 <= px1 and not (white and op in _FILL_ONLY):
                    qx0, qy0 = min(qx0, px0), min(qy0, py0)
                    qx1, qy1 = max(qx1, px1), max(qy1, py1)
                    qlw = max(qlw, lw)
                px0 = py0 = _INF
                px1 = py1 = -_INF
            elif op == b"n":
                px0 = py0 = _INF
                px1 = py1 = -_INF
            elif op == b"q":
                stack.append((ctm, white, lw, mode, fs, leading))
            elif op == b"Q":
                if stack:
                    flush()
                    ctm, white, lw, mode, fs, leading = stack.pop()
            elif op == b"cm":
                a, b, c, d, e, f = (float(v) for v in ops[-6:])
                flush()
                ctm = multiply((a, b, c, d, e, f), ctm)
            elif op == b"w":
                lw = abs(float(ops[-1]))
            elif op == b"g":
                white = float(ops[-1]) >= 0.999
            elif op == b"rg":
                white = all(float(v) >= 0.999 for v in ops[-3:])
            elif op == b"k":
                white = all(float(v) <= 0.001 for v in ops[-4:])
            elif op == b"sc" or op == b"scn" or op == b"cs":
                white = False
            elif op == b"Do":
                if ops:
                    drawn = _xobject(ops[-1], lookup, ctm, depth)
                    if drawn is not None:
                        extent.box = drawn.union(extent.box)
            elif op == b"BI":
                extent.add(0.0, 0.0, 1.0, 1.0, ctm)
            elif op == b"sh":
                raise Full
        except (ValueError, IndexError):
            pass  # a malformed operator: viewers skip it too
        ops.clear()
    flush()
    return extent.box


def _xobject(name: bytes, lookup: XObjectLookup | None, ctm: Matrix, depth: int) -> Box | None:
    found = lookup(name) if lookup else None
    if found is None:
        return None
    kind, matrix, bbox, content, inner = found
    if kind == "image":
        return Box(0.0, 0.0, 1.0, 1.0).transformed(ctm)
    if kind != "form":
        return None
    place = multiply(matrix, ctm)
    if content is not None and depth < 4:
        drawn = scan(content, inner, depth + 1)
        if drawn is None:
            return None
        if bbox is not None:
            drawn = drawn.intersect(bbox)
            if drawn is None:
                return None
        return drawn.transformed(place)
    if bbox is None:
        raise Full
    return bbox.transformed(place)
