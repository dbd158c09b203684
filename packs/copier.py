"""Copying one source PDF's pages into the bundle: each object the page draws with is written once
(renumbered, with anything sanitise.py forbids left out), and the visible annotations are drawn
flat into the page. Where a page draws is never measured: every page is fitted between the
stamp's bands (compose.py), so its content streams are decoded only to check they can be.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from packs.geometry import IDENTITY, Box, Matrix, box_from, normal_rotation, user_unit, visible_box
from packs.nesting import unbalanced
from packs.pdfwriter import PdfStreamWriter, name, number, ref
from packs.sanitise import (
    ANNOT_HIDDEN,
    ANNOT_INVISIBLE,
    ANNOT_NOVIEW,
    DROPPED_KEYS,
    DROPPED_PREFIXES,
    NOT_DRAWN_ANNOTS,
    drops,
    jpeg_without_metadata,
)
from packs.streams import DAMAGED, Unreadable, filters, portable, why_unreadable

# Entries that would pull the page tree, or another document's structure, into what is copied.
_GRAPH_KEYS = frozenset({"/Parent", "/P"})
_STRUCTURAL_TYPES = frozenset({"/Page", "/Pages", "/Catalog", "/Annot", "/Outlines", "/Sig"})

_STREAM_SKIP = frozenset({"/Length"})

ANNOT_PREFIX = "CasepostAnnot"  # resource names of flattened annotation appearances


class DamagedPage(Exception):
    """A page whose content cannot be read."""


def raw_data(stream: StreamObject) -> bytes:
    """A stream's bytes as stored (still encoded; decrypted if the file was)."""
    return stream._data


def content_data(stream: StreamObject, page_number: int) -> bytes:
    """A content stream decoded; one that cannot be (pypdf gives up, or silently recovers nothing
    from a broken compressed stream) is damage that would show as a blank page, and one whose
    decoder is missing or unknown is refused saying so.
    """
    try:
        data = stream.get_data()
    except Exception as exc:  # pypdf raises many types for a corrupt stream
        why = why_unreadable(exc, filters(stream))
        if why == DAMAGED:
            raise DamagedPage(f"is damaged: the content of page {page_number} cannot be decoded") from exc
        raise DamagedPage(f"the content of page {page_number} {why}") from exc
    if not data.strip() and len(raw_data(stream)) > 16:
        raise DamagedPage(f"is damaged: the content of page {page_number} cannot be decoded")
    return data


def _matrix(value: object) -> Matrix:
    try:
        a, b, c, d, e, f = (float(v) for v in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        return IDENTITY
    return (a, b, c, d, e, f)


@dataclass
class SourcePage:
    """What the bundle needs of one source page, its objects already written."""

    visible: Box  # the crop box within the media box, in the page's own space
    rotate: int
    resources: list[tuple[bytes, bytes]]  # (name, serialised value) except /Font and /XObject
    fonts: list[tuple[bytes, bytes]]
    xobjects: list[tuple[bytes, bytes]]
    contents: list[bytes]  # references to the content streams, in order
    group: bytes | None  # the transparency group entry, if any
    overlay: bytes = b""  # drawing of flattened annotations, in the page's own space
    unit: float = 1.0  # its /UserUnit: the size of one of its units, in points
    missing: list[str] = field(default_factory=list)  # subtypes of visible annotations left out (no appearance)
    nesting: tuple[int, int] = (0, 0)  # saves to add before its content and restores after (nesting.py)
    notes: list[str] = field(default_factory=list)


class Copier:
    """Copies objects of one source document into the writer, each at most once."""

    def __init__(self, writer: PdfStreamWriter, reader: PdfReader | None = None) -> None:
        self._w = writer
        self._reader = reader  # given: each stream it has copied is dropped from pypdf's cache
        self._map: dict[tuple[int, int], int] = {}
        self._todo: list[IndirectObject] = []
        self._names: dict[str, bytes] = {}
        self.missing: list[str] = []  # of the page being copied: annotations with no appearance

    # -- serialising -----------------------------------------------------------------------
    def ref(self, ind: IndirectObject) -> bytes:
        """The bundle's reference for a source object, scheduling the object to be written."""
        key = (ind.idnum, ind.generation)
        num = self._map.get(key)
        if num is None:
            num = self._w.reserve()
            self._map[key] = num
            self._todo.append(ind)
        return b"%d 0 R" % num

    def name(self, value: str) -> bytes:
        """A name, serialised (cached: the same names recur on every page)."""
        found = self._names.get(value)
        if found is None:
            found = self._names[value] = name(value)
        return found

    def value(self, obj: object) -> bytes:
        """A direct value serialised, references renumbered, forbidden entries left out."""
        if isinstance(obj, IndirectObject):
            return self.ref(obj)
        if isinstance(obj, NameObject):
            return self.name(obj)
        if isinstance(obj, BooleanObject):
            return b"true" if obj.value else b"false"
        if isinstance(obj, NumberObject):
            return b"%d" % obj
        if isinstance(obj, FloatObject):
            return number(obj)
        if isinstance(obj, DictionaryObject):
            return b"<<" + self.entries(obj) + b">>" if not self._dropped(obj) else b"null"
        if isinstance(obj, ArrayObject):
            return b"[" + b" ".join(self.value(v) for v in obj) + b"]"
        if isinstance(obj, TextStringObject):
            return b"<" + obj.get_original_bytes().hex().encode("ascii") + b">"
        if isinstance(obj, ByteStringObject | bytes):
            return b"<" + bytes(obj).hex().encode("ascii") + b">"
        return b"null"

    def entries(self, obj: DictionaryObject, skip: frozenset[str] = frozenset()) -> bytes:
        """The inside of a dictionary, serialised."""
        out = []
        for key, val in obj.items():
            if key in DROPPED_KEYS or key in _GRAPH_KEYS or key in skip or key.startswith(DROPPED_PREFIXES):
                continue
            out.append(self.name(key) + b" " + self.value(val))
        return b" " + b" ".join(out) if out else b""

    def stream(self, obj: StreamObject) -> tuple[bytes, bytes]:
        """A stream's dictionary entries (without /Length) and data, as written: as stored, or
        re-compressed with Flate when stored with a filter readers lack (streams.portable).
        """
        try:
            converted = portable(obj)
        except Unreadable as exc:
            raise DamagedPage(f"a stream it draws with {exc}") from exc
        if converted is None:
            data = raw_data(obj)
            if obj.get("/Subtype") == "/Image" and filters(obj) == ["/DCTDecode"]:
                data = jpeg_without_metadata(data)  # a photo's EXIF (camera, owner, GPS) stays out
            return self.entries(obj, _STREAM_SKIP), data
        names, parms, data = converted
        entries = self.entries(obj, _STREAM_SKIP | {"/Filter", "/DecodeParms"})
        entries += b" /Filter [" + b" ".join(self.name(n) for n in names) + b"]"
        if any(p is not None for p in parms):
            entries += b" /DecodeParms [" + b" ".join(self.value(p) for p in parms) + b"]"
        return entries, data

    @staticmethod
    def _dropped(obj: DictionaryObject) -> bool:
        kind = obj.get("/Type")
        return drops(obj) or (isinstance(kind, str) and kind in _STRUCTURAL_TYPES)

    def flush(self) -> None:
        """Write every object scheduled so far (and what they refer to)."""
        while self._todo:
            ind = self._todo.pop()
            num = self._map[(ind.idnum, ind.generation)]
            obj = ind.get_object()
            if isinstance(obj, StreamObject) and not self._dropped(obj):
                self._w.write_stream(num, *self.stream(obj))
                if self._reader is not None:
                    # Written: pypdf need not keep it (and its decoded copy) for the rest of a long
                    # document. Should a later page use it again, it is read again from the file.
                    self._reader.resolved_objects.pop((ind.generation, ind.idnum), None)
            elif isinstance(obj, StreamObject):
                self._w.write(num, b"null")
            else:
                self._w.write(num, self.value(obj))

    def layers(self, reader: PdfReader) -> list[tuple[int, bool]]:
        """The document's optional content groups (layers) that were copied, each with whether
        it is off by default. The source's catalog, which says so, is not copied: without this,
        what a layer hides by default would show in the bundle.
        """
        root = _resolve(reader.trailer.get("/Root"))
        properties = _resolve(root.get("/OCProperties")) if isinstance(root, DictionaryObject) else None
        if not isinstance(properties, DictionaryObject):
            return []
        config = _resolve(properties.get("/D"))
        config = config if isinstance(config, DictionaryObject) else DictionaryObject()

        def ids(value: object) -> set[int]:
            found = _resolve(value)
            return (
                {v.idnum for v in found if isinstance(v, IndirectObject)} if isinstance(found, ArrayObject) else set()
            )

        groups = _resolve(properties.get("/OCGs"))
        out = []
        for group in groups if isinstance(groups, ArrayObject) else []:
            if not isinstance(group, IndirectObject):
                continue
            num = self._map.get((group.idnum, group.generation))
            if num is None:
                continue  # no copied page uses it
            if config.get("/BaseState") == "/OFF":
                off = group.idnum not in ids(config.get("/ON"))
            else:
                off = group.idnum in ids(config.get("/OFF"))
            out.append((num, off))
        return out

    # -- pages -------------------------------------------------------------------------------
    def page(self, page: PageObject, number_in_document: int) -> SourcePage:
        """Copy what one page draws with; flatten its visible annotations."""
        visible = visible_box(page.get("/MediaBox"), page.get("/CropBox"))
        rotate = normal_rotation(page.get("/Rotate", 0))
        resources = _resolve(page.get("/Resources"))
        if not isinstance(resources, DictionaryObject):
            resources = DictionaryObject()
        fonts = _resolve(resources.get("/Font"))
        xobjects = _resolve(resources.get("/XObject"))
        contents, data = self._contents(page, number_in_document)
        self.missing = []
        overlay, overlay_refs, _area = self._annotations(page)
        group = page.get("/Group")
        return SourcePage(
            visible=visible,
            rotate=rotate,
            resources=[
                (self.name(k), self.value(v))
                for k, v in resources.items()
                if k not in ("/Font", "/XObject") and k not in DROPPED_KEYS and not k.startswith(DROPPED_PREFIXES)
            ],
            fonts=[(self.name(k), self.value(v)) for k, v in fonts.items()]
            if isinstance(fonts, DictionaryObject)
            else [],
            xobjects=(
                [(self.name(k), self.value(v)) for k, v in xobjects.items()]
                if isinstance(xobjects, DictionaryObject)
                else []
            )
            + overlay_refs,
            contents=contents,
            group=self.value(group) if group is not None else None,
            overlay=overlay,
            unit=user_unit(page.get("/UserUnit")),
            missing=self.missing,
            nesting=unbalanced(data),
        )

    def _contents(self, page: PageObject, number_in_document: int) -> tuple[list[bytes], bytes]:
        raw = page.get("/Contents")
        resolved = _resolve(raw)  # an array of streams may itself be indirect
        items: list[object] = (
            list(resolved) if isinstance(resolved, ArrayObject) else ([raw] if raw is not None else [])
        )
        refs: list[bytes] = []
        data: list[bytes] = []
        for item in items:
            stream = item.get_object() if isinstance(item, IndirectObject) else item
            if not isinstance(stream, StreamObject):
                continue
            data.append(content_data(stream, number_in_document))
            refs.append(
                self.ref(item) if isinstance(item, IndirectObject) else ref(self._w.add_stream(*self.stream(stream)))
            )
        return refs, b"\n".join(data)

    def _annotations(self, page: PageObject) -> tuple[bytes, list[tuple[bytes, bytes]], Box | None]:
        """Draw each visible annotation's appearance into the page, as a viewer would show it."""
        annots = _resolve(page.get("/Annots"))
        if not isinstance(annots, ArrayObject):
            return b"", [], None
        drawing: list[bytes] = []
        names: list[tuple[bytes, bytes]] = []
        area: Box | None = None
        for item in annots:
            annot = _resolve(item)
            if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") in NOT_DRAWN_ANNOTS:
                continue
            flags = int(annot.get("/F", 0) or 0)
            if flags & (ANNOT_INVISIBLE | ANNOT_HIDDEN | ANNOT_NOVIEW):
                continue
            appearance = _appearance(annot)
            target = box_from(annot.get("/Rect"))
            if not isinstance(_resolve(annot.get("/AP")), DictionaryObject):
                # A viewer would draw it from its properties; copying only appearances, we cannot.
                self.missing.append(str(annot.get("/Subtype", "/Annot"))[1:])
            if appearance is None or target is None:
                continue
            ap_ind, ap = appearance
            bbox = box_from(ap.get("/BBox"))
            if bbox is None:
                continue
            shown = bbox.transformed(_matrix(ap.get("/Matrix")))
            if shown.width <= 0 or shown.height <= 0:
                continue
            sx, sy = target.width / shown.width, target.height / shown.height
            fit = (sx, 0.0, 0.0, sy, target.x0 - sx * shown.x0, target.y0 - sy * shown.y0)
            resource = self.name(f"{ANNOT_PREFIX}{len(names)}")
            names.append((resource, self.ref(ap_ind) if ap_ind is not None else b"null"))
            drawing.append(b"q %s cm %s Do Q\n" % (b" ".join(number(v) for v in fit), resource))
            area = target.union(area)
        return b"".join(drawing), names, area


def _resolve(obj: object) -> object:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _appearance(annot: DictionaryObject) -> tuple[IndirectObject | None, StreamObject] | None:
    ap = _resolve(annot.get("/AP"))
    if not isinstance(ap, DictionaryObject):
        return None
    normal = ap.get("/N")
    resolved = _resolve(normal)
    if isinstance(resolved, DictionaryObject) and not isinstance(resolved, StreamObject):
        state = annot.get("/AS")
        normal = resolved.get(state) if state is not None else None
        resolved = _resolve(normal)
    if not isinstance(resolved, StreamObject) or not isinstance(normal, IndirectObject):
        return None
    return normal, resolved
