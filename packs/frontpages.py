"""The front matter's pages written into the bundle with their structure: the tagged PDF that
WeasyPrint made of the cover and index keeps its structure tree (headings, table, links) for
screen readers, and each index link WeasyPrint wrote becomes a link to a page inside the bundle,
at the same rectangle, with alternative text. The PDF is our own rendering, so its structure is
copied whole; its content still goes through the Copier like any page.
"""

from __future__ import annotations

import io
from dataclasses import replace
from urllib.parse import unquote

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NumberObject

from packs.compose import Placed, Shared, write_blank_page, write_source_page
from packs.copier import Copier
from packs.frontmatter import FrontMatter
from packs.geometry import box_from
from packs.pdfwriter import PdfStreamWriter, array, number, rect, ref, text

ARTIFACT_OPEN, ARTIFACT_CLOSE = b"/Artifact BMC\n", b"EMC\n"  # the stamp is no part of the text


class _Structure(Copier):
    """Copies the structure tree as it is: every entry kept, pages and links renumbered."""

    def entries(self, obj: DictionaryObject, skip: frozenset[str] = frozenset()) -> bytes:
        """The inside of a dictionary, nothing left out."""
        out = [self.name(key) + b" " + self.value(val) for key, val in obj.items() if key not in skip]
        return b" " + b" ".join(out) if out else b""

    @staticmethod
    def _dropped(obj: DictionaryObject) -> bool:
        return False

    def number(self, source: IndirectObject) -> int:
        """The bundle's object number for a source object already copied."""
        return self._map[(source.idnum, source.generation)]

    def same_as(self, source: IndirectObject, num: int) -> None:
        """Refer to `num` wherever the structure refers to the source object."""
        self._map[(source.idnum, source.generation)] = num


def write_front(
    writer: PdfStreamWriter, shared: Shared, front: FrontMatter, page_refs: list[int], heights: list[float]
) -> tuple[list[Placed], int | None]:
    """Write the cover and index pages (then any blank ones); returns them and the structure tree
    root's object number (None if the rendering was not tagged).
    """
    reader = PdfReader(io.BytesIO(front.pdf))
    copier, structure = Copier(writer), _Structure(writer)
    placed: list[Placed] = []
    for i, page in enumerate(reader.pages):
        structure.same_as(page.indirect_reference, page_refs[i])  # type: ignore[arg-type]
        annots = _links(writer, structure, page.get("/Annots"), front.links, page_refs, heights)
        source = copier.page(page, i + 1)
        parents = page.get("/StructParents")
        extra = b"/Tabs /S /StructParents %d" % int(parents) if isinstance(parents, NumberObject) else b""
        done = write_source_page(writer, page_refs[i], shared, source, annots, extra)
        placed.append(_artifact_stamp(done))
    copier.flush()
    catalog = reader.trailer["/Root"].get_object()
    root = catalog.get("/StructTreeRoot") if isinstance(catalog, DictionaryObject) else None
    tree = None
    if isinstance(root, IndirectObject):
        structure.ref(root)
        structure.flush()
        tree = structure.number(root)
    blanks = [write_blank_page(writer, page_refs[i], shared) for i in range(len(placed), front.pages)]
    return placed + [_artifact_stamp(p) for p in blanks], tree


def _artifact_stamp(placed: Placed) -> Placed:
    return replace(placed, before_stamp=placed.before_stamp + ARTIFACT_OPEN, after_stamp=ARTIFACT_CLOSE)


def _links(
    writer: PdfStreamWriter,
    structure: _Structure,
    annots: object,
    targets: dict[str, int],
    page_refs: list[int],
    heights: list[float],
) -> bytes:
    """The page's /Annots: each index link WeasyPrint wrote, now opening its bundle page."""
    found = annots.get_object() if isinstance(annots, IndirectObject) else annots
    refs: list[bytes] = []
    for item in found if isinstance(found, ArrayObject) else []:
        annot = item.get_object()
        action = annot.get("/A")
        address = str(action.get_object().get("/URI", "")) if action is not None else ""
        base, _, words = address.partition("#")
        box = box_from(annot.get("/Rect"))
        if annot.get("/Subtype") != "/Link" or base not in targets or box is None:
            continue
        page = targets[base]
        num = writer.reserve()
        if isinstance(item, IndirectObject):
            structure.same_as(item, num)
        parts = [
            b"/Type /Annot /Subtype /Link /F 4 /Border [0 0 0]",
            b"/Rect " + rect((box.x0, box.y0, box.x1, box.y1)),
            b"/Dest " + array([ref(page_refs[page]), b"/XYZ", b"0", number(heights[page]), b"null"]),
            b"/Contents " + text(unquote(words) or "Go to page"),
        ]
        if "/StructParent" in annot:
            parts.append(b"/StructParent %d" % int(annot["/StructParent"]))
        writer.write(num, b"<< " + b" ".join(parts) + b" >>")
        refs.append(ref(num))
    return array(refs) if refs else b""
