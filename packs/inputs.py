"""Opening a bundle's inputs: what kind of file each is (by its bytes, not its name), whether it
can be read, and its pages. Every refusal says why in words a coordinator can act on.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from packs.geometry import normal_rotation, user_unit, visible_box
from packs.plan import PlannedDocument

Kind = Literal["pdf", "jpeg", "png", "docx", "doc", "odt", "rtf", "eml"]

# Inputs that go into the bundle as a PDF made from them: word-processor files converted by
# LibreOffice (packs/convert.py), and e-mails laid out as pages (packs/email_page.py).
CONVERTED: dict[str, str] = {
    "docx": "Word document",
    "doc": "Word document (old format)",
    "odt": "OpenDocument text",
    "rtf": "rich-text document",
}
MADE = {**CONVERTED, "eml": "e-mail"}
# What a file's name says it is, for the formats above: a file so named whose bytes are not
# that format is refused as damaged rather than as "another format".
_NAMED = {".docx": "docx", ".doc": "doc", ".odt": "odt", ".rtf": "rtf"}

# Formats people send that cannot go into a bundle, by their first bytes or their extension.
_OTHER_FORMATS = {
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".pptx": "a PowerPoint presentation",
    ".txt": "a text file",
    ".msg": "an Outlook message",
    ".docm": "a Word document with macros",
    ".heic": "a HEIC photo",
    ".tif": "a TIFF image",
    ".tiff": "a TIFF image",
    ".gif": "a GIF image",
    ".bmp": "a bitmap image",
    ".webp": "a WebP image",
    ".zip": "a ZIP archive",
    ".html": "a web page",
    ".htm": "a web page",
}
ACCEPTED = (
    "only PDF, JPG and PNG files, Word (.docx, .doc), OpenDocument (.odt) and rich-text (.rtf) "
    "documents, and e-mails (.eml) can go into a bundle"
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream every Word 97-2003 file has
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class InputProblem(Exception):
    """An input that cannot go into the bundle; the message is the reason, in words."""


@dataclass(frozen=True)
class PageSize:
    """One page as a viewer shows it: upright width and height in points, and its /Rotate."""

    width: float
    height: float
    rotate: int = 0


@dataclass
class InputReport:
    """What pre-flight found about one input."""

    document: PlannedDocument
    kind: Kind | None = None
    count: int = 0  # pages
    pages: list[PageSize] = field(default_factory=list)  # each page's size (pre-flight only)
    encryption: str = ""  # empty when not encrypted
    problems: list[str] = field(default_factory=list)  # why it cannot go in
    notes: list[str] = field(default_factory=list)  # what was repaired or removed on the way
    made_from: str = ""  # a key of MADE when the input is a PDF made from a document or e-mail
    made: bytes | None = None  # that PDF, made once per command and kept in memory (nothing on disk)

    @property
    def ok(self) -> bool:
        """Whether it can go into the bundle."""
        return not self.problems

    def open(self) -> BinaryIO:
        """The PDF to read the pages from: the input itself, or the PDF made from it."""
        return io.BytesIO(self.made) if self.made is not None else open(self.document.path, "rb")


_KIND_NAMES = {"pdf": "PDF", "jpeg": "JPG image", "png": "PNG image"}


def kind_name(report: InputReport) -> str:
    """What an input is, as pre-flight says it: 'PDF', or 'Word document converted with LibreOffice'."""
    if report.made_from == "eml":
        return "E-mail laid out as pages by casepost"
    if report.made_from:
        return f"{CONVERTED[report.made_from]} converted with LibreOffice"
    return _KIND_NAMES.get(report.kind or "", "?")


def detect(path: Path) -> Kind:
    """The kind of an input by its bytes (an e-mail by its name and its headers); anything else is
    refused, saying what it looks like.
    """
    if not path.exists():
        raise InputProblem("does not exist (check the path in the case file)")
    if not path.is_file():
        raise InputProblem("is not a file")
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputProblem("is empty (0 bytes)")
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in head:
        return "pdf"
    suffix = path.suffix.lower()
    named = _NAMED.get(suffix)
    found = _document_kind(path, head)
    if found is not None:
        return found
    if named is not None:
        raise InputProblem(
            f"is a damaged {CONVERTED[named]}: its contents cannot be read as one (open it and save it "
            "again, or save it as PDF)"
        )
    if suffix == ".eml":
        raise InputProblem(
            "is named as an e-mail (.eml) but does not start with e-mail headers (From, Date, Subject); "
            "save the message again from the mail program"
        )
    what = _OTHER_FORMATS.get(suffix)
    if head.startswith(b"PK\x03\x04") and what is None:
        what = "a ZIP-based file (such as an Excel workbook)"
    if head.startswith(_OLE2) and what is None:
        what = "an old-style Office file that is not a Word document"
    if what is None:
        return_as = f"a {path.suffix} file" if path.suffix else "a file of unknown type"
        raise InputProblem(f"is not a file casepost can read (it is {return_as}); {ACCEPTED}")
    raise InputProblem(f"is {what}; {ACCEPTED}: save or print it as PDF first")


def _document_kind(path: Path, head: bytes) -> Kind | None:
    """A word-processor document or e-mail recognised by its bytes, or None."""
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_OLE2):
        return "doc" if _has_word_stream(path) else None
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if path.suffix.lower() == ".eml" and _has_mail_headers(path):
        return "eml"
    return None


def _zip_kind(path: Path) -> Kind | None:
    """The kind of a ZIP-based document: docx when its [Content_Types].xml declares a Word main
    document, odt when its mimetype entry says OpenDocument text; None for any other (or unreadable) ZIP.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                return "odt"
            if "[Content_Types].xml" in names and _DOCX_MAIN in archive.read("[Content_Types].xml"):
                return "docx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, RuntimeError, ValueError):
        return None
    return None


def _has_word_stream(path: Path) -> bool:
    """Whether an OLE2 compound file has a WordDocument stream (its name is in the directory, in
    UTF-16), which tells a Word file from an Excel, PowerPoint or Outlook one.
    """
    tail = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            if _WORD_STREAM in tail + chunk:
                return True
            tail = chunk[-len(_WORD_STREAM) :]
    return False


def _has_mail_headers(path: Path) -> bool:
    """Whether a file starts with RFC 5322 headers: a From field and a Date or Subject."""
    from email import policy
    from email.parser import BytesHeaderParser

    with open(path, "rb") as fh:
        head = fh.read(64 * 1024)
    try:
        headers = BytesHeaderParser(policy=policy.default).parsebytes(head)
        return headers["From"] is not None and (headers["Date"] is not None or headers["Subject"] is not None)
    except Exception:  # a header so malformed the parser cannot make sense of it
        return False


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


@contextlib.contextmanager
def pypdf_warnings() -> Iterator[list[str]]:
    """Collect what pypdf says while reading (repairs it made), instead of it reaching the terminal."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    logger.addHandler(handler)
    old = logger.propagate
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = old


def open_pdf(path: Path | BinaryIO) -> tuple[PdfReader, str]:
    """Open a PDF for reading: decrypted when it needs no password to open (an owner password only
    restricts editing), refused when it needs one or is damaged. Returns the reader and a note on
    its encryption ('' when none). Given an open file, pypdf reads objects from it as needed
    rather than loading the whole file into memory.
    """
    try:
        reader = PdfReader(path)
    except Exception as exc:  # pypdf raises many types for damaged files
        raise InputProblem(f"is damaged and cannot be read as a PDF ({_reason(exc)})") from exc
    encryption = ""
    if reader.is_encrypted:
        try:
            result = reader.decrypt("")
        except DependencyError as exc:
            raise InputProblem(
                "is encrypted with AES, and the 'cryptography' package needed to open it is not "
                "installed (pip install cryptography)"
            ) from exc
        except NotImplementedError as exc:
            raise InputProblem(
                f"is encrypted in a way casepost cannot open ({exc}); ask the sender for an unprotected copy"
            ) from exc
        except Exception as exc:
            raise InputProblem(f"is encrypted and damaged ({_reason(exc)})") from exc
        if result == PasswordType.NOT_DECRYPTED:
            raise InputProblem(
                "needs a password to open; ask the sender for a copy without a password "
                "(or open it and print it to a new PDF)"
            )
        encryption = "encrypted, opened without a password (it has only an owner password)"
    return reader, encryption


def declared_pages(reader: PdfReader) -> int:
    """The page count the PDF's page tree declares (cheap: no page is read). The bundle checks it
    against the pages it finds when it copies them.
    """
    try:
        tree = reader.root_object["/Pages"].get_object()
        assert isinstance(tree, dict)
        count = int(tree["/Count"])
    except Exception as exc:
        raise InputProblem(f"is damaged: its pages cannot be found ({_reason(exc)})") from exc
    if count <= 0:
        raise InputProblem("is a PDF with no pages")
    return count


def made_pdf(path: Path, kind: str, notes: list[str]) -> bytes:
    """The PDF made from a word-processor document or e-mail; anything unexpected on the way is a
    refusal naming the reason, never a traceback.
    """
    from packs.convert import convert_to_pdf
    from packs.email_page import email_to_pdf

    try:
        return email_to_pdf(path, notes) if kind == "eml" else convert_to_pdf(path, kind)
    except InputProblem:
        raise
    except Exception as exc:
        what = "laid out as pages" if kind == "eml" else "converted to PDF"
        raise InputProblem(f"could not be {what} ({_reason(exc)})") from exc


def _reason(exc: BaseException) -> str:
    return reason(exc)


def reason(exc: BaseException) -> str:
    """Why pypdf could not read something, in words: its own message for a PDF problem it names
    (a loop in the page tree, a missing object), never Python's wording for a failure in code.
    """
    from pypdf.errors import PyPdfError

    if isinstance(exc, RecursionError):
        return "its objects refer to one another in an endless loop"
    if not isinstance(exc, PyPdfError):
        return "its structure is not as the PDF standard describes"
    text = str(exc).strip() or "unreadable"
    if "cyclic" in text.lower():
        return "its page tree refers back to itself in a loop"
    return text if len(text) < 160 else text[:157] + "..."


def pdf_pages(reader: PdfReader) -> list[PageSize]:
    """Every page's upright size and rotation."""
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise InputProblem(f"is damaged: its pages cannot be read ({_reason(exc)})") from exc
    if not pages:
        raise InputProblem("is a PDF with no pages")
    sizes = []
    for page in pages:
        box, rotate = visible_box(page.get("/MediaBox"), page.get("/CropBox")), normal_rotation(page.get("/Rotate", 0))
        unit = user_unit(page.get("/UserUnit"))
        w, h = (box.height * unit, box.width * unit) if rotate in (90, 270) else (box.width * unit, box.height * unit)
        sizes.append(PageSize(w, h, rotate))
    return sizes


def check_contents(reader: PdfReader) -> list[str]:
    """Read every page's content, forms and images as the bundle will (pre-flight only: the bundle
    does it anyway); returns what would be lost or changed (findings.py).
    """
    from packs.findings import Refused, examine

    try:
        return examine(reader)
    except Refused as exc:
        raise InputProblem(str(exc)) from exc


def inspect(document: PlannedDocument, deep: bool = False) -> InputReport:
    """Look at one input: never raises for a problem with the file, records it instead.

    Quick (for the bundle, which reads every page anyway when it copies them): the kind, whether
    it opens, and its page count. Deep (for pre-flight): every page's size and rotation, and every
    page's content decoded (and every image's pixels), so damage deep inside a file shows now.
    """
    from packs.images import image_info, image_page

    report = InputReport(document)
    with pypdf_warnings() as warnings:
        try:
            report.kind = detect(document.path)
            if report.kind in MADE:
                report.made_from, report.kind = report.kind, "pdf"
                report.made = made_pdf(document.path, report.made_from, report.notes)
            if report.kind == "pdf":
                with report.open() as fh:
                    reader, report.encryption = open_pdf(fh)
                    if deep:
                        report.pages = pdf_pages(reader)
                        report.count = len(report.pages)
                        report.notes.extend(check_contents(reader))
                    else:
                        report.count = declared_pages(reader)
            else:
                info = image_page(document.path, report.kind).info if deep else image_info(document.path, report.kind)
                report.pages = [PageSize(info.page_width, info.page_height)]
                report.count = 1
                report.notes.extend(info.notes)
        except InputProblem as exc:
            report.problems.append(str(exc))
        except Exception as exc:  # the guard: nothing unexpected in an input ends in a traceback
            report.problems.append(
                f"is damaged and cannot be read ({reason(exc)}); open it and save or print it to a new PDF"
            )
    report.notes.extend(f"repaired on reading: {w}" for w in warnings)
    return report


_PAPER = (
    ("A4", 595.28, 841.89),
    ("A3", 841.89, 1190.55),
    ("A5", 419.53, 595.28),
    ("Letter", 612.0, 792.0),
    ("Legal", 612.0, 1008.0),
)


def paper(size: PageSize) -> str:
    """'A4 portrait', 'A3 landscape', or '210 x 99 mm'."""
    w, h = size.width, size.height
    short, long = min(w, h), max(w, h)
    orientation = "portrait" if h >= w else "landscape"
    for label, pw, ph in _PAPER:
        if abs(short - pw) <= 3 and abs(long - ph) <= 3:
            return f"{label} {orientation}"
    return f"{w * 25.4 / 72:.0f} x {h * 25.4 / 72:.0f} mm"
