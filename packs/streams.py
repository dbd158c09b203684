"""Stream filters: which ones every PDF reader decodes (PDF 32000's standard set), re-compressing
a stream that uses another (Brotli, PDF 2.0's newest filter, which most readers cannot show yet),
and the true reason a stream cannot be read: a missing decoder is not damage.
"""

from __future__ import annotations

import zlib

from pypdf.errors import DependencyError
from pypdf.generic import ArrayObject, NameObject, NullObject, StreamObject

# Filters every conforming reader decodes (and their inline-image abbreviations).
STANDARD_FILTERS = frozenset(
    {
        "/ASCIIHexDecode",
        "/ASCII85Decode",
        "/LZWDecode",
        "/FlateDecode",
        "/RunLengthDecode",
        "/CCITTFaxDecode",
        "/JBIG2Decode",
        "/DCTDecode",
        "/JPXDecode",
        "/Crypt",
        "/AHx",
        "/A85",
        "/LZW",
        "/Fl",
        "/RL",
        "/CCF",
        "/DCT",
    }
)
# Of those, the ones that compress images (decoded by the reader, never by casepost).
IMAGE_FILTERS = frozenset({"/CCITTFaxDecode", "/JBIG2Decode", "/DCTDecode", "/JPXDecode", "/CCF", "/DCT"})

# Decoders that are external programs or optional packages, and how to get them.
_INSTALL = {
    "/JBIG2Decode": "the jbig2dec program (apt install jbig2dec)",
    "/BrotliDecode": "the brotli package (pip install brotli)",
}


DAMAGED = "is damaged and cannot be decoded"


class Unreadable(Exception):
    """A stream that cannot be decoded; the message says why in words (without the file name)."""


def filters(stream: StreamObject) -> list[str]:
    """The names of a stream's filters, in the order they are undone."""
    value = stream.get("/Filter")
    value = value.get_object() if value is not None else None
    if isinstance(value, ArrayObject):
        return [str(v.get_object()) for v in value]
    return [str(value)] if isinstance(value, NameObject) else []


def _label(name: str) -> str:
    return name.lstrip("/").removesuffix("Decode") or name


def why_unreadable(exc: BaseException, names: list[str]) -> str:
    """The true reason pypdf could not decode a stream with these filters."""
    if isinstance(exc, DependencyError):
        missing = next((_INSTALL[n] for n in names if n in _INSTALL), "a decoder that is not installed")
        used = ", ".join(_label(n) for n in names)
        return f"is compressed with {used}, which casepost cannot decode without {missing}"
    if isinstance(exc, NotImplementedError):
        odd = [n for n in names if n not in STANDARD_FILTERS and n != "/BrotliDecode"]
        used = ", ".join(_label(n) for n in (odd or names))
        return f"is compressed with {used}, a method PDF readers do not support"
    return DAMAGED


def portable(stream: StreamObject) -> tuple[list[str], list[object], bytes] | None:
    """For a stream using a filter outside the standard set: its new filters and their decode
    parameters, and its data re-compressed with Flate (an image compression after the odd filter
    is kept as it is). None when every filter is standard: the stream is copied as it is.
    Raises Unreadable.
    """
    names = filters(stream)
    odd = [i for i, n in enumerate(names) if n not in STANDARD_FILTERS]
    if not odd:
        return None
    last = odd[-1]
    undo = names[: last + 1]
    if any(n in IMAGE_FILTERS for n in undo):
        raise Unreadable(why_unreadable(NotImplementedError(), undo))
    parms_value = stream.get("/DecodeParms")
    parms_value = parms_value.get_object() if parms_value is not None else None
    parms = list(parms_value) if isinstance(parms_value, ArrayObject) else [parms_value] * len(names)
    part = StreamObject()
    part._data = stream._data
    part[NameObject("/Filter")] = ArrayObject(NameObject(n) for n in undo)
    part[NameObject("/DecodeParms")] = ArrayObject(p if p is not None else NullObject() for p in parms[: last + 1])
    from pypdf.filters import decode_stream_data

    try:
        data = decode_stream_data(part)
    except Exception as exc:  # pypdf raises many types for a stream it cannot decode
        raise Unreadable(why_unreadable(exc, undo)) from exc
    return ["/FlateDecode", *names[last + 1 :]], [None, *parms[last + 1 :]], zlib.compress(data)
