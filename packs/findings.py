"""What a PDF input would lose or have changed on its way into the bundle, said before it
happens: a dynamic XFA form (its pages are only a placeholder), annotations with no appearance of
their own (left out), streams in a compression readers lack (re-compressed), and streams nothing
can decode (refused, with the true reason). `--check` reports these; the bundle warns of losses.
"""

from __future__ import annotations

from collections import Counter

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from packs.sanitise import ANNOT_HIDDEN, ANNOT_INVISIBLE, ANNOT_NOVIEW, NOT_DRAWN_ANNOTS
from packs.streams import Unreadable, filters, portable


class Refused(Exception):
    """An input whose content cannot be read; the message is the reason."""


def pages_text(numbers: list[int]) -> str:
    """'page 3' or 'pages 1, 2 and 5' (1-based)."""
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return "pages " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


def xfa_note(reader: PdfReader, pages: int) -> str | None:
    """A note for a dynamic XFA form: what a viewer other than Adobe's shows is its placeholder."""
    root = _resolve(reader.trailer.get("/Root"))
    if not isinstance(root, DictionaryObject):
        return None
    form = _resolve(root.get("/AcroForm"))
    if not isinstance(form, DictionaryObject) or form.get("/XFA") is None:
        return None
    fields = _resolve(form.get("/Fields"))
    dynamic = bool(_resolve(root.get("/NeedsRendering"))) or not (isinstance(fields, ArrayObject) and fields)
    if not dynamic:
        return None
    return (
        f"is a dynamic XFA form: {pages_text(list(range(1, pages + 1)))} {'holds' if pages == 1 else 'hold'} "
        "only the placeholder "
        "shown instead of the form (such as 'Please wait...'), not its content; open it in Adobe "
        "Acrobat Reader and print it to a new PDF"
    )


def missing_note(by_page: dict[int, list[str]]) -> str | None:
    """A note naming the annotations left out for having no appearance, and their pages."""
    found = {page: kinds for page, kinds in by_page.items() if kinds}
    if not found:
        return None
    kinds = Counter(kind for page_kinds in found.values() for kind in page_kinds)
    count = sum(kinds.values())
    what = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return (
        f"{count} annotation{'s' if count > 1 else ''} ({what}) on {pages_text(sorted(found))} "
        + ("have no appearance of their own and are" if count > 1 else "has no appearance of its own and is")
        + " left out of the bundle; save or print the file "
        "with its annotations flattened to keep them"
    )


def missing_appearances(page: DictionaryObject) -> list[str]:
    """The subtypes of a page's visible annotations that have no appearance stream."""
    annots = _resolve(page.get("/Annots"))
    out = []
    for item in annots if isinstance(annots, ArrayObject) else []:
        annot = _resolve(item)
        if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") in NOT_DRAWN_ANNOTS:
            continue
        if int(annot.get("/F", 0) or 0) & (ANNOT_INVISIBLE | ANNOT_HIDDEN | ANNOT_NOVIEW):
            continue
        if not isinstance(_resolve(annot.get("/AP")), DictionaryObject):
            out.append(str(annot.get("/Subtype", "/Annot"))[1:])
    return out


def examine(reader: PdfReader) -> list[str]:
    """Every page's content, forms and images checked as the bundle will copy them; returns notes,
    raises Refused for content that cannot be read.
    """
    from packs.copier import DamagedPage, content_data

    notes: list[str] = []
    converted: dict[str, list[int]] = {}
    missing: dict[int, list[str]] = {}
    seen: set[int] = set()
    for number, page in enumerate(reader.pages, start=1):
        streams = _contents(page)
        for stream in streams:
            try:
                content_data(stream, number)
            except DamagedPage as exc:
                raise Refused(str(exc)) from exc
        streams += _xobjects(page.get("/Resources"), seen)
        for stream in streams:
            try:
                if portable(stream) is not None:
                    odd = ", ".join(n[1:].removesuffix("Decode") for n in filters(stream))
                    converted.setdefault(odd, []).append(number)
            except Unreadable as exc:
                raise Refused(f"page {number} draws with a stream that {exc}") from exc
        missing[number] = missing_appearances(page)
    for odd, numbers in converted.items():
        notes.append(
            f"{pages_text(sorted(set(numbers)))}: content compressed with {odd}, which most PDF readers "
            "cannot show, is re-compressed (Flate) in the bundle"
        )
    for note in (xfa_note(reader, len(reader.pages)), missing_note(missing)):
        if note:
            notes.append(note)
    return notes


def _resolve(obj: object) -> object:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _contents(page: DictionaryObject) -> list[StreamObject]:
    contents = _resolve(page.get("/Contents"))
    items = contents if isinstance(contents, ArrayObject) else [contents]
    return [s for s in (_resolve(i) for i in items) if isinstance(s, StreamObject)]


def _xobjects(resources: object, seen: set[int], depth: int = 0) -> list[StreamObject]:
    """The forms and images a page's resources name (forms followed into their own resources)."""
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject) or depth > 12:
        return []
    xobjects = _resolve(resources.get("/XObject"))
    out: list[StreamObject] = []
    for item in xobjects.values() if isinstance(xobjects, DictionaryObject) else []:
        key = item.idnum if isinstance(item, IndirectObject) else -1
        if key in seen:
            continue
        seen.add(key)
        stream = _resolve(item)
        if isinstance(stream, StreamObject):
            out.append(stream)
            if stream.get("/Subtype") == "/Form":
                out += _xobjects(stream.get("/Resources"), seen, depth + 1)
    return out
