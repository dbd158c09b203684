"""Bundle page numbers, the PDF page labels that match them, and the bookmarks.

Continuous (the judiciary's e-bundle guidance): every page numbered 1, 2, 3 ... from the cover,
so the stamp matches the PDF's own page number. Sectioned (PD 27A's Bates numbering): the front
matter i, ii, ...; each section lettered, its pages A1, A2 ... then B1 ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from packs.pdfwriter import PdfStreamWriter, array, name, number, ref, text

Style = Literal["continuous", "sectioned"]

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(value: int) -> str:
    """Lower-case roman numerals, as PDF page labels of style /r show them."""
    out = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


@dataclass(frozen=True)
class Numbering:
    """The label of every page of one bundle."""

    style: Style
    front: int  # pages of front matter (cover and index)
    sections: tuple[tuple[str, int], ...]  # (letter, pages) of each section, in order

    @property
    def total(self) -> int:
        """All pages of the bundle."""
        return self.front + sum(pages for _, pages in self.sections)

    def section_start(self, index: int) -> int:
        """The 0-based bundle page where section `index` starts."""
        return self.front + sum(pages for _, pages in self.sections[:index])

    def label(self, page: int) -> str:
        """The stamped number of a 0-based bundle page: '12', or 'ii' / 'B3' when sectioned."""
        if self.style == "continuous":
            return str(page + 1)
        if page < self.front:
            return roman(page + 1)
        offset = page - self.front
        for letter, pages in self.sections:
            if offset < pages:
                return f"{letter}{offset + 1}"
            offset -= pages
        raise IndexError(page)

    def span(self, first: int, pages: int) -> str:
        """A page range as the index prints it: '5', '5–12', 'B1–B4'."""
        start, end = self.label(first), self.label(first + pages - 1)
        return start if pages == 1 else f"{start}\u2013{end}"

    def page_labels(self) -> bytes:
        """The catalog's /PageLabels number tree, so a viewer's page box shows what the stamp says."""
        if self.style == "continuous":
            nums = [b"0 << /S /D >>"]
        else:
            nums = [b"0 << /S /r >>"] if self.front else []
            for i, (letter, _) in enumerate(self.sections):
                nums.append(b"%d << /S /D /P %s >>" % (self.section_start(i), text(letter)))
        return b"<< /Nums [" + b" ".join(nums) + b"] >>"


@dataclass(frozen=True)
class Bookmark:
    """One bookmark: its title, the page it opens, and the bookmarks under it."""

    title: str
    page: int  # 0-based bundle page
    children: tuple[Bookmark, ...] = ()


def bookmark_title(title: str, label: str) -> str:
    """A bookmark's words with the page number in them, as the e-bundle guidance asks."""
    return f"{title} (p. {label})"


def write_outline(
    writer: PdfStreamWriter, bookmarks: list[Bookmark], page_refs: list[int], page_heights: list[float]
) -> int:
    """Write the bookmarks as the PDF outline; returns the outline root's object number.

    Each bookmark opens its page at the top-left corner, at the viewer's current zoom.
    """
    root = writer.reserve()

    def level(items: tuple[Bookmark, ...] | list[Bookmark], parent: int) -> tuple[int, int, int]:
        nums = [writer.reserve() for _ in items]
        total = 0
        for i, (item, num) in enumerate(zip(items, nums, strict=True)):
            parts = [
                b"/Title " + text(item.title),
                b"/Parent " + ref(parent),
                b"/Dest "
                + array([ref(page_refs[item.page]), name("XYZ"), b"0", number(page_heights[item.page]), b"null"]),
            ]
            if i:
                parts.append(b"/Prev " + ref(nums[i - 1]))
            if i + 1 < len(nums):
                parts.append(b"/Next " + ref(nums[i + 1]))
            if item.children:
                first, last, count = level(item.children, num)
                parts += [b"/First " + ref(first), b"/Last " + ref(last), b"/Count %d" % count]
                total += count
            writer.write(num, b"<< " + b" ".join(parts) + b" >>")
            total += 1
        return nums[0], nums[-1], total

    if bookmarks:
        first, last, count = level(bookmarks, root)
        writer.write(root, b"<< /Type /Outlines /First %s /Last %s /Count %d >>" % (ref(first), ref(last), count))
    else:
        writer.write(root, b"<< /Type /Outlines /Count 0 >>")
    return root
