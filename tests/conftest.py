"""Shared fixtures: case folders built inline from text, inside tmp_path."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import re
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
PROCEDURE_IDS = ["durham-cpc", "herts-cpc", "herts-lado", "luton-csc", "sussex-cpc"]
# Every sample case, by its folder under samples/: one per procedure (named after it), and a second
# luton-csc case whose complainant is a child (a young person in care, with an advocate).
SAMPLE_PROCEDURE = {**{p: p for p in PROCEDURE_IDS}, "luton-csc-young-person": "luton-csc"}
SAMPLE_IDS = list(SAMPLE_PROCEDURE)

MINIMAL = """\
schema = 1
procedure = "{procedure}"
reference = "CSC/2026/0142"

[complainant]
name = "Ms Aisha Khan"
address = ["12 Example Road", "Luton", "LU2 0AA"]
delivery = "post"

[complaint]
received = 2026-11-20
"""


def build_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Write files (path relative to root -> text or bytes), making folders as needed."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


def _path(keyword: str) -> str:
    """docs__a__pdf -> docs/a.pdf: folders, then the name, then the suffix."""
    *parts, suffix = keyword.split("__")
    return "/".join(parts) + "." + suffix


@pytest.fixture
def make_case(tmp_path: Path) -> Callable[..., Path]:
    """Write a case file (and optionally settings or other files) into tmp_path; return its path."""

    def make(text: str, name: str = "case.toml", settings: str | None = None, **files: str | bytes) -> Path:
        # A keyword such as docs__a__pdf names the file docs/a.pdf.
        tree: dict[str, str | bytes] = {name: text, **{_path(k): v for k, v in files.items()}}
        if settings is not None:
            tree["casepost.toml"] = settings
        build_tree(tmp_path, tree)
        return tmp_path / name

    return make


def minimal_case(procedure: str, extra: str = "") -> str:
    """The minimal case file of product.md for a procedure, with extra TOML appended."""
    return MINIMAL.format(procedure=procedure) + textwrap.dedent(extra)


# --- letters fixtures (prefixed letters_) ---------------------------------------------------------


@pytest.fixture(scope="session")
def letters_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of samples/ to render letters from (letters write out/ and a log beside the case)."""
    import shutil

    root = tmp_path_factory.mktemp("letters-samples")
    for sample in SAMPLE_IDS:
        shutil.copytree(SAMPLES / sample, root / sample, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    return root


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def letters_no_weasyprint_warnings() -> Iterator[None]:
    """Fail if WeasyPrint logs a warning or error (missing images, bad CSS, refused fetches)."""
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert not handler.records, [r.getMessage() for r in handler.records]


@pytest.fixture
def letters_weasyprint_clean() -> Iterator[None]:
    """Per test: WeasyPrint warnings fail it."""
    with letters_no_weasyprint_warnings():
        yield


def letters_pdf_text(data: bytes) -> str:
    """Every page's text, read back with pypdf."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def letters_pdf_body_text(data: bytes) -> str:
    """Every page's text without its artifacts (the running marking, reference and page numbers,
    marked /Artifact for screen readers): what a reader reads as the letter's body, read back with
    pypdf from content streams with the artifacts' text dropped.
    """
    import io

    from pypdf import PdfReader

    out = io.BytesIO(letters_pdf_without_artifacts(data))
    return "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)


def letters_pdf_without_artifacts(data: bytes) -> bytes:
    """The PDF with the text of its artifacts (marked content /Artifact) dropped."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        content = ContentStream(page["/Contents"].get_object(), writer)
        kept, artifact = [], []  # artifact: for each open marked-content sequence, whether inside one
        for operands, operator in content.operations:
            if operator in (b"BDC", b"BMC"):
                artifact.append(bool(artifact and artifact[-1]) or operands[0] == "/Artifact")
            elif operator == b"EMC" and artifact:
                artifact.pop()
            elif artifact and artifact[-1] and operator in (b"Tj", b"TJ", b"'", b'"'):
                continue  # an artifact's text; its other operators (fonts, positions) stay
            kept.append((operands, operator))
        content.operations = kept
        page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)  # read back from bytes: pypdf extracts text from an edited page's operations wrongly
    return out.getvalue()


def letters_docx_text(data: bytes, headers: bool = True) -> str:
    """The body (tables included), headers and footers of a DOCX, read back with python-docx;
    a forced line break (w:br) reads as a new line. `headers=False`: the body alone (the header and
    footer parts hold the running marking, reference and page numbers)."""
    import io

    from docx import Document

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def para(p: object) -> str:
        out = []
        for el in p.iter(f"{w}t", f"{w}br", f"{w}tab"):  # type: ignore[attr-defined]
            out.append(el.text or "" if el.tag == f"{w}t" else ("\n" if el.tag == f"{w}br" else "\t"))
        return "".join(out)

    doc = Document(io.BytesIO(data))
    lines = []
    for section in doc.sections if headers else []:
        lines += [para(p._p) for p in section.header.paragraphs + section.footer.paragraphs]
    for p in doc.element.body.iter(f"{w}p"):
        lines.append(para(p))
    return "\n".join(lines)


def letters_words(text: str) -> str:
    """Text with whitespace normalised (line breaks, wrapping and spacing do not matter)."""
    return " ".join(text.split())


def letters_body_words(text: str) -> str:
    """A letter's body text (running headers and footers already left out) as words, without what the
    PDF draws on each page apart from the reading order: the draft watermark, and the list markers
    (which pypdf reads after the page's text), so a sentence that runs onto the next page reads whole.
    """
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", text)  # a hyphenated word the PDF wrapped
    return letters_words(text.replace("DRAFT - wording not approved", " ").replace("\u2022", " "))


@dataclasses.dataclass(frozen=True)
class LettersRendered:
    """One sample letter rendered both ways through the real writer."""

    procedure: str  # the sample's folder (SAMPLE_IDS): its procedure's id, or a second sample of one
    kind: str
    date: dt.date
    pdf: bytes
    docx: bytes
    pdf_text: str
    docx_text: str
    case: Path
    pdf_body: str  # without the running headers and footers (artifacts in the PDF, header parts in the DOCX)
    docx_body: str


@pytest.fixture(scope="session")
def letters_rendered(letters_samples: Path) -> dict[tuple[str, str], LettersRendered]:
    """Every letter kind of every sample, rendered once per session as PDF and DOCX, each dated
    the day the sample records it as sent; keyed by (sample, kind)."""
    from casepost.case import get_field
    from casepost.loaded import open_case
    from letters.context import SENT_FIELD
    from letters.writer import LetterRequest, write_letter

    out: dict[tuple[str, str], LettersRendered] = {}
    with letters_no_weasyprint_warnings():
        for procedure in SAMPLE_IDS:
            case = letters_samples / procedure / "case.toml"
            loaded = open_case(case)
            for kind in loaded.procedure.letters:
                day = get_field(loaded.case, SENT_FIELD[kind])
                assert isinstance(day, dt.date), f"{procedure} sample records no {SENT_FIELD[kind]}"
                result = write_letter(case, LetterRequest(kind, ("pdf", "docx"), date=day))
                pdf, docx = (p.read_bytes() for p in result.written[:2])  # then any easy-read version
                out[(procedure, kind)] = LettersRendered(
                    procedure,
                    kind,
                    day,
                    pdf,
                    docx,
                    letters_pdf_text(pdf),
                    letters_docx_text(docx),
                    case,
                    letters_pdf_body_text(pdf),
                    letters_docx_text(docx, headers=False),
                )
    return out


# --- bundle fixtures (prefixed bundle_) ----------------------------------------------------------

BUNDLE_SETTINGS = """\
marking = "OFFICIAL-SENSITIVE"

[letterhead]
council = "Example Borough Council"
team = "Children's Services Complaints"

[signatories.default]
name = "Pat Example"
role = "Complaints Manager"

[bundle]
numbering = "{numbering}"
page_limit = {page_limit}
"""

BUNDLE_CASE_HEAD = """\
schema = 1
procedure = "herts-lado"
reference = "BUN/2026/0007"

[complainant]
name = "Ms Example"
address = ["1 Example Road", "Exampletown", "EX1 1EX"]
delivery = "post"

[complaint]
received = 2026-09-01

[panel]
date = {panel_date}
time = "10:00"
venue = "Committee Room 2, County Hall"

[bundle]
distribution = ["Panel Chair", "Panel member", "Complaints Manager (file)"]
"""


def _pdf_string(value: str) -> bytes:
    return b"(" + value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") + b")"


def bundle_make_pdf(
    pages: list[dict[str, object]] | int = 1, *, label: str = "Source", hostile: bool = False, metadata: bool = True
) -> bytes:
    """A PDF written byte by byte (no PDF library), page by page.

    Each page: size (w, h), rotate, text [(x, y, words, size)], fill [(x, y, w, h)] (black
    rectangles). By default a page says '<label> page N' near its top-left corner. With metadata
    the file has document info and XMP naming 'Jane Source'; hostile adds every kind of action,
    script, embedded file and form this toolkit must not carry into a bundle.
    """
    specs: list[dict[str, object]] = [{} for _ in range(pages)] if isinstance(pages, int) else pages
    objs: dict[int, bytes] = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    n = 4
    kids = []

    def new() -> int:
        nonlocal n
        n += 1
        return n - 1

    def stream(entries: bytes, data: bytes) -> bytes:
        return b"<< %s /Length %d >>\nstream\n" % (entries, len(data)) + data + b"\nendstream"

    widget_ap = new()
    objs[widget_ap] = stream(
        b"/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 3 0 R >> >>",
        b"BT /F1 10 Tf 2 6 Td (Signed form value) Tj ET",
    )
    for i, spec in enumerate(specs, start=1):
        w, h = spec.get("size", (595.28, 841.89))  # type: ignore[misc]
        ops = []
        for x, y, words, size in spec.get("text", [(72, h - 100, f"{label} page {i}", 14)]):  # type: ignore[attr-defined]
            ops.append(
                b"BT /F1 %s Tf %s %s Td %s Tj ET"
                % (str(size).encode(), str(x).encode(), str(y).encode(), _pdf_string(words))
            )
        for x, y, rw, rh in spec.get("fill", []):  # type: ignore[attr-defined]
            ops.append(b"0 g %s %s %s %s re f" % tuple(str(v).encode() for v in (x, y, rw, rh)))
        content = new()
        objs[content] = stream(b"", b"\n".join(ops))
        page = new()
        extra = b""
        if spec.get("rotate"):
            extra += b" /Rotate %d" % spec["rotate"]  # type: ignore[str-format]
        if metadata:
            meta = new()
            objs[meta] = stream(
                b"/Type /Metadata /Subtype /XML", b"<x:xmpmeta><dc:creator>Jane Source page</dc:creator></x:xmpmeta>"
            )
            extra += b" /Metadata %d 0 R /PieceInfo << /App << /Private (Jane Source) >> >>" % meta
        if hostile:
            link, widget = new(), new()
            objs[link] = b"<< /Type /Annot /Subtype /Link /Rect [72 72 200 90] /A << /S /Launch /F (calc.exe) >> >>"
            objs[widget] = (
                b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (field) /Rect [300 400 500 420] "
                b"/AP << /N %d 0 R >> /A << /S /SubmitForm /F << /FS /URL /F (http://example.invalid/) >> >> "
                b"/AA << /K << /S /JavaScript /JS (app.alert\\(1\\)) >> >> /P %d 0 R >>" % (widget_ap, page)
            )
            extra += b" /Annots [%d 0 R %d 0 R] /AA << /O << /S /JavaScript /JS (app.alert\\(2\\)) >> >>" % (
                link,
                widget,
            )
        objs[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s]%s /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (str(w).encode(), str(h).encode(), extra, content)
        )
        kids.append(page)
    catalog = [b"/Type /Catalog /Pages 2 0 R"]
    if metadata:
        xmp = new()
        objs[xmp] = stream(
            b"/Type /Metadata /Subtype /XML", b"<x:xmpmeta><dc:creator>Jane Source</dc:creator></x:xmpmeta>"
        )
        catalog.append(b"/Metadata %d 0 R" % xmp)
    if hostile:
        embedded, spec_obj, js = new(), new(), new()
        objs[embedded] = stream(b"/Type /EmbeddedFile", b"secret attachment Jane Source")
        objs[spec_obj] = b"<< /Type /Filespec /F (secret.txt) /EF << /F %d 0 R >> >>" % embedded
        objs[js] = b"<< /S /JavaScript /JS (app.alert\\(3\\)) >>"
        catalog.append(b"/OpenAction << /S /JavaScript /JS (app.alert\\(4\\)) >> /AA << /WC %d 0 R >>" % js)
        catalog.append(
            b"/Names << /JavaScript << /Names [(x) %d 0 R] >> /EmbeddedFiles << /Names [(secret.txt) %d 0 R] >> >>"
            % (js, spec_obj)
        )
        catalog.append(b"/AcroForm << /Fields [] /XFA (<xdp/>) >>")
    objs[1] = b"<< " + b" ".join(catalog) + b" >>"
    objs[2] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    info = None
    if metadata:
        info = new()
        objs[info] = b"<< /Title (Jane Source private notes) /Author (Jane Source) /Producer (SourceApp 1.0) >>"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % n
    for num in range(1, n):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    info_ref = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (n, info_ref, xref)
    return bytes(out)


def bundle_encrypt(data: bytes, user: str = "", owner: str = "owner-secret", algorithm: str = "RC4-128") -> bytes:
    """The PDF encrypted by pypdf: user password empty means anyone may open it."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def bundle_image(kind: str = "JPEG", size: tuple[int, int] = (400, 300), orientation: int = 1) -> bytes:
    """An image with a dark block in its top-left corner, EXIF naming 'Jane Source' (and a GPS
    position) for a JPEG, a text chunk naming her for a PNG."""
    import io

    from PIL import Image, ImageDraw
    from PIL.PngImagePlugin import PngInfo

    im = Image.new("RGB", size, (250, 250, 245))
    ImageDraw.Draw(im).rectangle((0, 0, size[0] // 4, size[1] // 4), fill=(20, 20, 20))
    buffer = io.BytesIO()
    if kind == "JPEG":
        exif = Image.Exif()
        exif[0x013B] = "Jane Source"  # Artist
        exif[0x0112] = orientation
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS
        im.save(buffer, "JPEG", exif=exif, comment=b"Jane Source comment")
    else:
        info = PngInfo()
        info.add_text("Author", "Jane Source")
        im.save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def bundle_write_case(
    root: Path,
    documents: list[tuple[str, str, str, str, bytes | None]],
    *,
    numbering: str = "continuous",
    page_limit: int = 350,
    panel_date: str = "2027-01-21",
    extra: str = "",
) -> Path:
    """Write a case folder for bundles into root: settings, a herts-lado case, and its documents.

    documents: (title, section, date 'YYYY-MM-DD', path, bytes, or None to write no file).
    """
    text = BUNDLE_CASE_HEAD.format(panel_date=panel_date) + textwrap.dedent(extra)
    for title, section, date, path, _ in documents:
        text += f'\n[[bundle.documents]]\ntitle = "{title}"\nsection = "{section}"\ndate = {date}\npath = "{path}"\n'
    tree: dict[str, str | bytes] = {
        "case.toml": text,
        "casepost.toml": BUNDLE_SETTINGS.format(numbering=numbering, page_limit=page_limit),
    }
    for _, _, _, path, data in documents:
        if data is not None and not path.startswith(("/", "..")):
            tree[path] = data
    build_tree(root, tree)
    return root / "case.toml"


@pytest.fixture
def bundle_case(tmp_path: Path) -> Callable[..., Path]:
    """bundle_write_case into this test's tmp_path."""

    def make(documents: list[tuple[str, str, str, str, bytes | None]], **options: object) -> Path:
        return bundle_write_case(tmp_path, documents, **options)  # type: ignore[arg-type]

    return make
