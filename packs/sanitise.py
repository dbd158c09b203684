"""What may pass from a source PDF into the bundle, and what the bundle says about itself.

Only a page's boxes, resources and contents are copied (plus the appearance of its visible
annotations, drawn flat into the page); the source's catalog, document info, XMP metadata,
outlines, forms, names and annotations themselves never are. Inside what is copied, any entry
that could act (an action, a script, a launch or submit, additional actions) or carry a file or
metadata (XMP, document information, an embedded figure's file name) is dropped as the object is
written.
"""

from __future__ import annotations

# Dictionary entries never copied, wherever they appear.
DROPPED_KEYS = frozenset(
    {
        "/A",  # an action (link, launch, submit, JavaScript...)
        "/AA",  # additional actions (on open, close, focus...)
        "/OpenAction",
        "/JS",
        "/JavaScript",
        "/Next",  # the next action of a chain (never meaningful inside page content)
        "/URI",
        "/EF",  # a file specification's embedded files
        "/EmbeddedFiles",
        "/RF",
        "/Metadata",  # XMP metadata of a page, image, font or form
        "/PieceInfo",  # application private data (e.g. the authoring program's)
        "/LastModified",
        "/XFA",
        "/Thumb",
        "/StructParents",  # the source's structure tree is not copied, so these point at nothing
        "/StructParent",
        # Who made it, with what, when: document-information entries wherever they turn up (a form
        # XObject made from another PDF carries that PDF's, pdfTeX's /PTEX.InfoDict among them).
        "/Info",
        "/Author",
        "/Creator",
        "/Producer",
        "/Title",
        "/Subject",
        "/Keywords",
        "/CreationDate",
        "/ModDate",
        "/M",  # an annotation's or appearance's modification date
        "/Private",
    }
)

# Entries dropped by the start of their name: pdfTeX's record of an embedded figure (its document
# information, file path and page), and the like from other TeX engines.
DROPPED_PREFIXES = ("/PTEX.", "/XeTeX.", "/LuaTeX.")

# A dictionary with one of these /Type or /S values is written as null: it can only act or carry a file.
DROPPED_TYPES = frozenset(
    {
        "/Action",
        "/Filespec",
        "/EmbeddedFile",
        "/JavaScript",
        "/Launch",
        "/SubmitForm",
        "/ResetForm",
        "/ImportData",
        "/GoToR",
        "/GoToE",
        "/URI",
        "/Rendition",
        "/Sound",
        "/Movie",
        "/RichMediaExecute",
        "/Hide",
        "/Named",
        "/SetOCGState",
        "/Trans",
        "/GoTo3DView",
        "/Thread",
    }
)

# The only document information the bundle carries: a title naming the case by its reference
# alone (no names, no paths), and the language of its front matter.
BUNDLE_INFO_TITLE = "Panel bundle"
BUNDLE_LANGUAGE = "en-GB"


def bundle_title(reference: str) -> str:
    """The bundle's document title, e.g. 'Panel bundle CSC/2026/0142' (the case reference is no personal data)."""
    return f"{BUNDLE_INFO_TITLE} {reference}".strip()


# Annotation flags (PDF 32000-1, 12.5.3): Invisible, Hidden, NoView mean "do not draw".
ANNOT_INVISIBLE, ANNOT_HIDDEN, ANNOT_NOVIEW = 1, 2, 32

# Annotations that are navigation or pop-up windows, never part of what the page shows.
NOT_DRAWN_ANNOTS = frozenset({"/Link", "/Popup", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"})


def drops(entries: dict[str, object]) -> bool:
    """Whether a dictionary (by its /Type and /S entries) must be written as null."""
    kind = entries.get("/Type")
    sub = entries.get("/S")
    return (isinstance(kind, str) and kind in DROPPED_TYPES) or (
        isinstance(sub, str) and sub in DROPPED_TYPES and "/Type" not in entries
    )


# JPEG markers kept from an image's header: APP0 (JFIF) and APP14 (Adobe: how its colours are
# stored); every other application segment (EXIF with its camera, owner and GPS position, XMP,
# IPTC, Photoshop) and every comment is metadata.
_JPEG_KEPT_APPS = frozenset({0xE0, 0xEE})
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


def jpeg_without_metadata(data: bytes) -> bytes:
    """A JPEG (a PDF image's DCTDecode data) without its metadata segments. Only the header, up to
    the first scan, is read: the compressed image is copied as it is. Anything unexpected leaves
    the data unchanged (a reader decodes it as before).
    """
    if data[:2] != b"\xff\xd8":
        return data
    out, i, n = [b"\xff\xd8"], 2, len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return data
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker in _JPEG_STANDALONE:
            out.append(data[i : i + 2])
            i += 2
            continue
        if marker == 0xDA:  # start of scan: the rest is image data
            out.append(data[i:])
            return b"".join(out)
        end = i + 2 + int.from_bytes(data[i + 2 : i + 4], "big")
        if end > n:
            return data
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or marker in _JPEG_KEPT_APPS:
            out.append(data[i:end])
        i = end
    return data
