"""The stamp's font: a subset of the Liberation Sans the letters use, embedded once per bundle as
a Type0 font (CIDFontType2, Identity-H) with a ToUnicode map, so a reference or marking in any
script the font covers prints as written and is extracted back as written.

Only the characters a bundle's stamps can show are kept: the reference, the marking, and what
page labels are made of (digits, capitals for section letters, roman numerals). The subset and
its name tag depend only on those characters, so the same bundle gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zlib
from dataclasses import dataclass

from casepost.resources import templates_root
from packs.pdfwriter import PdfStreamWriter, array, number, ref

FONT_FILE = "LiberationSans-Regular.ttf"
LABEL_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZivxlcdm"


@dataclass(frozen=True)
class StampFont:
    """The subset: each character's code (its glyph number, two bytes) and width (1/1000 em)."""

    tag: str  # six capitals naming the subset, as PDF asks of an embedded subset
    program: bytes  # the subset TrueType font
    codes: dict[str, int]
    widths: dict[int, int]
    metrics: tuple[int, int, int, tuple[int, int, int, int]]  # ascent, descent, cap height, bbox

    def encode(self, value: str) -> bytes:
        """Text as a hex string of two-byte codes (a character the font lacks shows as a box)."""
        return b"<" + b"".join(b"%04X" % self.codes.get(c, 0) for c in value) + b">"

    def width(self, value: str, size: float) -> float:
        """The width in points of text at a size."""
        return sum(self.widths.get(self.codes.get(c, 0), 0) for c in value) * size / 1000

    def write(self, writer: PdfStreamWriter) -> int:
        """Write the font's objects; returns the number of the font dictionary pages refer to."""
        base = b"/%s+LiberationSans" % self.tag.encode()
        ascent, descent, cap, bbox = self.metrics
        program = writer.add_stream(
            b" /Filter /FlateDecode /Length1 %d" % len(self.program), zlib.compress(self.program, 9)
        )
        descriptor = writer.add(
            b"<< /Type /FontDescriptor /FontName %s /Flags 32 /FontBBox %s /ItalicAngle 0 /Ascent %d"
            b" /Descent %d /CapHeight %d /StemV 80 /FontFile2 %s >>"
            % (base, array(number(v) for v in bbox), ascent, descent, cap, ref(program))
        )
        widths = array(b"%d [%d]" % (code, w) for code, w in sorted(self.widths.items()))
        cid_font = writer.add(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe)"
            b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor %s /W %s /CIDToGIDMap /Identity >>"
            % (base, ref(descriptor), widths)
        )
        to_unicode = writer.add_stream(b"", self._to_unicode())
        return writer.add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s]"
            b" /ToUnicode %s >>" % (base, ref(cid_font), ref(to_unicode))
        )

    def _to_unicode(self) -> bytes:
        pairs = sorted((code, char) for char, code in self.codes.items() if code)
        blocks = []
        for start in range(0, len(pairs), 100):  # a CMap block holds at most 100 entries
            chunk = pairs[start : start + 100]
            lines = b"\n".join(
                b"<%04X> <%s>" % (code, char.encode("utf-16-be").hex().upper().encode()) for code, char in chunk
            )
            blocks.append(b"%d beginbfchar\n%s\nendbfchar\n" % (len(chunk), lines))
        return (
            b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + b"".join(blocks)
            + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        )


@functools.lru_cache(maxsize=8)
def stamp_font(characters: str) -> StampFont:
    """The subset holding `characters` and the page-label characters (cached: one per bundle)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    wanted = sorted(set(characters + LABEL_CHARACTERS) - {"\n", "\r", "\t"})
    # recalcTimestamp off: the subset's 'head' keeps the shipped font's dates, so the bytes repeat.
    font = TTFont(str(templates_root() / "fonts" / FONT_FILE), recalcTimestamp=False)
    # Layout tables are of no use for one glyph per character, and reading them (the subsetter
    # does, before dropping them) is most of its time. FFTM, FontForge's dates, it warns about.
    for tag in ("GSUB", "GPOS", "GDEF", "kern", "FFTM"):
        if tag in font:
            del font[tag]
    options = subset.Options()
    options.notdef_outline = True  # a character the font lacks shows as a box, not as nothing
    options.name_IDs = [1, 2]  # family and style (the licence travels in the shipped LICENSE)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in wanted])
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    codes = {c: font.getGlyphID(cmap[ord(c)]) for c in wanted if ord(c) in cmap}
    hmtx = font["hmtx"]
    widths = {gid: round(hmtx[font.getGlyphName(gid)][0] * scale) for gid in {0, *codes.values()}}
    head, os2 = font["head"], font["OS/2"]
    bbox = tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax))
    metrics = (round(os2.sTypoAscender * scale), round(os2.sTypoDescender * scale), round(os2.sCapHeight * scale), bbox)
    tag = "".join(chr(65 + b % 26) for b in hashlib.sha256("".join(wanted).encode()).digest()[:6])
    return StampFont(tag, buffer.getvalue(), codes, widths, metrics)
