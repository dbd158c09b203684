"""Word, OpenDocument, rich-text and e-mail inputs: converted by a real LibreOffice (or laid out by
WeasyPrint for e-mails), stamped, indexed and bookmarked like any PDF, with none of the source's
metadata; refused with the reason when they cannot be converted, or when LibreOffice is missing.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cli import main
from packs.convert import PACKAGE, convert_to_pdf
from packs.inputs import InputProblem, detect

from .conftest import bundle_make_pdf

GOOD = bundle_make_pdf(1, label="Good")
SECRET_AUTHOR = "Imogen Quillfeather"
SECRET_TITLE = "Draft not for circulation"


@pytest.fixture
def libreoffice() -> None:
    """LibreOffice must be there (python3 bin/dev check installs it): a missing one fails, never skips."""
    assert shutil.which("soffice"), "LibreOffice is missing: python3 bin/dev installs libreoffice-writer-nogui"


needs_libreoffice = pytest.mark.usefixtures("libreoffice")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def word_document(paragraphs: list[str], *, pages: int = 1) -> bytes:
    """A .docx made with python-docx, carrying an author and title that must not leak."""
    from docx import Document

    document = Document()
    document.core_properties.author = SECRET_AUTHOR
    document.core_properties.title = SECRET_TITLE
    document.core_properties.comments = f"written by {SECRET_AUTHOR}"
    document.add_heading("Investigating officer's report", level=1)
    for page in range(pages):
        if page:
            document.add_page_break()
        for text in paragraphs:
            document.add_paragraph(f"{text} (page {page + 1})")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def opendocument_text(text: str) -> bytes:
    """The smallest OpenDocument text: the mimetype entry first and stored, a manifest, the content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        archive.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
            "</office:document-content>",
        )
    return buffer.getvalue()


RTF = rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Liberation Serif;}}\f0\fs24 Minutes of the strategy meeting, in rich text.\par}"


def bundle_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def bundle_outline(path: Path) -> list[str]:
    reader = PdfReader(path)

    def walk(items: list[object]) -> Iterator[str]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield str(item.title)  # type: ignore[attr-defined]

    return list(walk(reader.outline))


def readable_bytes(path: Path, tmp_path: Path) -> bytes:
    """The bundle with every stream decompressed (by qpdf, an independent tool), to search."""
    plain = tmp_path / "plain.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), str(plain)], check=True)
    return plain.read_bytes()


def leaks(data: bytes, secret: str) -> bool:
    """Whether a secret is in the PDF's bytes as text, UTF-16 text or a hex string."""
    utf16 = secret.encode("utf-16-be")
    forms = [secret.encode(), utf16, utf16.hex().encode(), utf16.hex().upper().encode()]
    return any(form in data for form in forms)


@pytest.fixture
def counted_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """LibreOffice's command wrapped so each run is logged: the real program does the work."""
    real = shutil.which("soffice")
    assert real is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "soffice-runs.log"
    wrapper = folder / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return log


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of this test's own, to show that nothing is left in it. Within the
    test's process WeasyPrint keeps a font folder there until the process ends (see
    converted_leftovers); a bundle run as a subprocess must leave it empty.
    """
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def converted_leftovers(folder: Path) -> list[Path]:
    """What is in a temporary directory, less the font folder WeasyPrint keeps for the front
    matter while the process lives (and removes when it ends).
    """
    return [p for p in folder.iterdir() if not p.name.startswith("weasyprint-")]


@needs_libreoffice
def test_word_document_is_converted_stamped_indexed_and_bookmarked(
    bundle_case: Callable[..., Path], counted_soffice: Path, private_tmp: Path, tmp_path: Path
) -> None:
    words = ["The strategy discussion was held on 12 August.", "Both parents were invited to attend."]
    case = bundle_case(
        [
            ("Strategy minutes", "minutes", "2026-09-22", "docs/minutes.pdf", GOOD),
            ("Officer's report", "report", "2026-09-24", "docs/report.docx", word_document(words, pages=2)),
        ]
    )
    code, output = run("bundle", str(case), "--check", "--as-of", "2027-01-10")
    assert code == 0, output
    # Two pages: python-docx's page break splits the paragraphs; its own template is US Letter.
    assert "Word document converted with LibreOffice, 2 pages: Letter portrait x2; none rotated" in output, output
    assert counted_soffice.read_text().count("run") == 1  # --check converts, to count the pages

    # The bundle as a separate process, with its own temporary directory: empty again at the end.
    casepost = Path(sys.executable).parent / "casepost"
    env = {**os.environ, "TMPDIR": str(private_tmp)}
    done = subprocess.run([casepost, "bundle", case, "--as-of", "2027-01-10"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done
    assert counted_soffice.read_text().count("run") == 2  # the bundle converted it once more, once
    bundle = case.parent / "out" / "BUN-2026-0007-bundle.pdf"
    text = bundle_text(bundle)
    report_pages = [i for i, t in enumerate(text) if "Both parents were invited to attend." in t]
    assert len(report_pages) == 2 and "(page 1)" in text[report_pages[0]] and "(page 2)" in text[report_pages[1]]
    assert all("BUN/2026/0007" in text[i] for i in report_pages)  # stamped with the reference
    assert any("Officer's report" in t for t in text[: report_pages[0]])  # in the index
    assert any(t.startswith("Officer's report") for t in bundle_outline(bundle))
    # None of the Word file's properties (nor LibreOffice's name) reach the bundle.
    data = readable_bytes(bundle, tmp_path)
    for secret in (SECRET_AUTHOR, SECRET_TITLE, "LibreOffice", "Writer", "report.docx"):
        assert not leaks(data, secret), secret
    assert PdfReader(bundle).metadata.get("/Author") is None  # type: ignore[union-attr]
    assert subprocess.run(["qpdf", "--check", str(bundle)], capture_output=True).returncode == 0
    assert list(private_tmp.iterdir()) == []  # the private profile and the conversion are gone
    assert "LibreOffice" not in done.stdout + done.stderr  # nothing of its chatter reaches the user


def old_word_document(tmp_path: Path, text: str) -> bytes:
    """A Word 97-2003 .doc, saved by LibreOffice itself (in a profile of the test's own) from a .docx."""
    source = tmp_path / "old" / "source.docx"
    source.parent.mkdir()
    source.write_bytes(word_document([text]))
    profile = (tmp_path / "old" / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc:MS Word 97", "source.docx"],
        cwd=source.parent,
        capture_output=True,
        check=True,
        timeout=120,
    )
    return (source.parent / "source.doc").read_bytes()


@needs_libreoffice
def test_opendocument_rich_text_and_old_word_are_converted(
    bundle_case: Callable[..., Path], private_tmp: Path, tmp_path: Path
) -> None:
    case = bundle_case(
        [
            ("Chair's notes", "minutes", "2026-09-22", "docs/notes.odt", opendocument_text("Notes kept by the Chair.")),
            ("Strategy minutes", "minutes", "2026-09-23", "docs/minutes.rtf", RTF),
            ("Old report", "report", "2026-09-24", "docs/old.doc", old_word_document(tmp_path, "From an old Word.")),
        ]
    )
    code, output = run("bundle", str(case), "--check", "--as-of", "2027-01-10")
    assert code == 0, output
    assert "OpenDocument text converted with LibreOffice, 1 page" in output
    assert "rich-text document converted with LibreOffice, 1 page" in output
    assert "Word document (old format) converted with LibreOffice, 1 page" in output
    code, output = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 0, output
    text = "\n".join(bundle_text(case.parent / "out" / "BUN-2026-0007-bundle.pdf"))
    assert "Notes kept by the Chair." in text and "Minutes of the strategy meeting, in rich text." in text
    assert "From an old Word. (page 1)" in text
    assert converted_leftovers(private_tmp) == []


class _Listener:
    """A local web server that only counts the connections made to it (none should be)."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.done.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.done.set()
        self.thread.join()
        self.server.close()


@pytest.fixture
def listener() -> Iterator[_Listener]:
    server = _Listener()
    yield server
    server.close()


def html_email(port: int) -> bytes:
    """A multipart e-mail whose only body is HTML with a remote picture, a script and a style that
    fetches, and a PDF attachment.
    """
    html = f"""<html><head><style>body {{ background: url(http://127.0.0.1:{port}/style.png) }}</style>
<script>document.write("INJECTED BY SCRIPT")</script></head>
<body><p>Dear Panel Chair,</p><p>I attach my <b>evidence</b> &amp; my timeline.</p>
<img src="http://127.0.0.1:{port}/tracker.png" alt="pixel">
<p style="background-image: url(http://127.0.0.1:{port}/p.png)" onclick="steal()">From
<a href="http://127.0.0.1:{port}/x">Ms Example</a></p>
</body></html>"""
    attachment = base64.b64encode(GOOD).decode()
    return f"""From: Ms Example <ms.example@example.net>
To: Complaints Team <complaints@example.gov.uk>
Date: Mon, 19 Oct 2026 09:14:00 +0100
Subject: =?utf-8?q?My_submission_=E2=80=94_panel?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/html; charset=utf-8

{html}
--b1
Content-Type: application/pdf
Content-Disposition: attachment; filename="timeline.pdf"
Content-Transfer-Encoding: base64

{attachment}
--b1--
""".encode()


def test_html_email_is_laid_out_with_nothing_fetched_or_run(
    bundle_case: Callable[..., Path], listener: _Listener, private_tmp: Path
) -> None:
    case = bundle_case(
        [("Submission", "complainant-submissions", "2026-10-19", "docs/submission.eml", html_email(listener.port))]
    )
    code, output = run("bundle", str(case), "--check", "--as-of", "2027-01-10")
    assert code == 0, output
    assert "E-mail laid out as pages by casepost, 1 page" in output
    assert "1 script and 1 picture" in output and "timeline.pdf" in output, output
    code, output = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 0, output
    pages = bundle_text(case.parent / "out" / "BUN-2026-0007-bundle.pdf")
    page = next(t for t in pages if "Dear Panel Chair," in t)
    for shown in (
        "ms.example@example.net",
        "complaints@example.gov.uk",
        "Monday 19 October 2026, 09:14 (+01:00)",
        "My submission — panel",  # the encoded subject, decoded
        "I attach my evidence & my timeline.",
        "From Ms Example",
        "timeline.pdf",
        "not included",
    ):
        assert shown in page, (shown, page)
    for hidden in ("INJECTED", "document.write", "<script", "<p", "steal", "background", "127.0.0.1"):
        assert hidden not in page, hidden
    assert listener.connections == 0
    assert converted_leftovers(private_tmp) == []


def word_document_linking_a_picture(url: str) -> bytes:
    """A .docx whose picture is not in the file but linked to a web address (as a tracking pixel
    would be): plain LibreOffice fetches it while converting.
    """
    from docx import Document
    from docx.shared import Mm
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(picture, "PNG")
    document = Document()
    document.add_paragraph("Before the picture.")
    document.add_picture(picture, width=Mm(30))
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(buffer)
    linked = io.BytesIO()
    with zipfile.ZipFile(linked, "w") as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"r:embed=", b"r:link=")
            if info.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb'Target="media/[^"]+"', f'Target="{url}" TargetMode="External"'.encode(), data)
            archive.writestr(info, data)
    return linked.getvalue()


@needs_libreoffice
def test_word_document_linking_a_remote_picture_fetches_nothing(
    bundle_case: Callable[..., Path], listener: _Listener
) -> None:
    data = word_document_linking_a_picture(f"http://127.0.0.1:{listener.port}/pixel.png")
    case = bundle_case([("Report", "report", "2026-09-24", "docs/report.docx", data)])
    code, output = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 0, output
    assert "Before the picture." in "\n".join(bundle_text(case.parent / "out" / "BUN-2026-0007-bundle.pdf"))
    assert listener.connections == 0


def test_plain_text_body_is_preferred_and_shown_as_written(bundle_case: Callable[..., Path]) -> None:
    message = b"""From: A Parent <parent@example.net>
To: complaints@example.gov.uk
Date: Tue, 20 Oct 2026 18:02:00 +0000
Subject: Following up <urgent>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Hello,

Line with <b>angle brackets</b> kept as text.
--alt
Content-Type: text/html; charset=utf-8

<p>HTML VERSION ONLY</p>
--alt--
"""
    case = bundle_case([("Follow-up e-mail", "complainant-submissions", "2026-10-20", "docs/follow-up.eml", message)])
    code, output = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 0, output
    text = "\n".join(bundle_text(case.parent / "out" / "BUN-2026-0007-bundle.pdf"))
    assert "Line with <b>angle brackets</b> kept as text." in text and "Following up <urgent>" in text
    assert "HTML VERSION ONLY" not in text and "Attachments" not in text


def _truncated_docx() -> bytes:
    data = word_document(["Some words."])
    return data[: len(data) // 2]


def _docx_with_broken_body() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(word_document(["Some words."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            archive.writestr(info.filename, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("why", "data", "message"),
    [
        ("cut short", _truncated_docx(), "is a damaged Word document"),
        ("body damaged", _docx_with_broken_body(), "could not be converted to PDF by LibreOffice: it is a damaged"),
    ],
)
@needs_libreoffice
def test_corrupt_word_document_is_refused(
    bundle_case: Callable[..., Path], private_tmp: Path, why: str, data: bytes, message: str
) -> None:
    case = bundle_case(
        [
            ("Good document", "minutes", "2026-09-22", "docs/good.pdf", GOOD),
            ("Report", "report", "2026-09-24", "docs/report.docx", data),
        ]
    )
    code, output = run("bundle", str(case), "--check", "--as-of", "2027-01-10")
    assert code == 1 and str(case.parent / "docs/report.docx") in output and f"REFUSED: {message}" in output, output
    code, output = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 1 and f"{case.parent / 'docs/report.docx'}: {message}" in output, output
    assert not (case.parent / "out").exists() or list((case.parent / "out").iterdir()) == []
    assert converted_leftovers(private_tmp) == []


def test_without_libreoffice_the_message_names_the_package(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case([("Report", "report", "2026-09-24", "docs/report.docx", word_document(["Words."]))])
    casepost = Path(sys.executable).parent / "casepost"
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no soffice on it
    for args in (["--check"], []):
        result = subprocess.run(
            [str(casepost), "bundle", str(case), *args, "--as-of", "2027-01-10"],
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 1, result
        output = result.stdout + result.stderr
        assert "docs/report.docx" in output and "needs LibreOffice" in output and PACKAGE in output, output
        assert "Traceback" not in output
    assert PACKAGE == "libreoffice-writer-nogui"


@needs_libreoffice
def test_conversion_out_of_time_is_stopped_and_refused(tmp_path: Path, private_tmp: Path) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(word_document(["Words."]))
    with pytest.raises(InputProblem, match=r"LibreOffice did not finish within 0\.05 seconds"):
        convert_to_pdf(source, "docx", timeout=0.05)
    assert list(private_tmp.iterdir()) == []  # killed, and its private profile removed
    # No LibreOffice process was left running with this test's folder on its command line.
    for proc in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            assert str(private_tmp).encode() not in proc.read_bytes()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue


def _ole2(stream_name: str) -> bytes:
    """The first bytes of an OLE2 compound file and a directory entry naming one stream."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream_name.encode("utf-16-le") + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("report.docx", word_document(["Words."]), "docx"),
        ("renamed.pdf.bin", word_document(["Words."]), "docx"),  # by its bytes, not its name
        ("notes.odt", opendocument_text("Notes."), "odt"),
        ("old.doc", _ole2("WordDocument"), "doc"),
        ("minutes.rtf", RTF, "rtf"),
        ("minutes.txt", b"\xef\xbb\xbf" + RTF, "rtf"),
        ("mail.eml", b"From: a@example.net\r\nSubject: Hi\r\n\r\nBody\r\n", "eml"),
    ],
)
def test_documents_are_recognised_by_their_bytes(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert detect(path) == kind


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("book.xls", _ole2("Workbook"), "is an Excel workbook"),
        ("mystery.doc", _ole2("Workbook"), "is a damaged Word document (old format)"),
        ("notes.eml", b"Just some notes\nnothing like a header\n", "does not start with e-mail headers"),
        ("mail.txt", b"From: a@example.net\r\nSubject: Hi\r\n\r\nBody\r\n", "is a text file"),
        ("sheet.zip", word_document(["x"])[:40] + b"\x00" * 10, "is a ZIP archive"),
    ],
)
def test_other_files_are_refused_saying_what_they_are(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        detect(path)
