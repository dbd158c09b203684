"""Safety of rendering: autoescaping in both formats, the strict sandboxed environment, the fetcher
that reads only the templates and the settings' assets, and PDF metadata without personal data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from casepost.errors import CasepostError, FetchRefusedError, LetterFieldError, TemplateError
from casepost.loaded import open_case
from letters.docx import render_docx
from letters.fetcher import SafeFetcher
from letters.letter import compose
from letters.markup import parse
from letters.pdf import render_pdf

from .conftest import letters_docx_text, letters_pdf_text, letters_words, minimal_case

pytestmark = pytest.mark.usefixtures("letters_weasyprint_clean")

SETTINGS = """\
marking = "OFFICIAL-SENSITIVE"
[letterhead]
council = "Example Borough Council"
team = "Complaints Team"
address = ["Town Hall", "Example LU1 9ZZ"]
[signatories.default]
name = "Sam Officer"
role = "Complaints Manager"
"""

AWKWARD = "<b>Ann & Co</b>"

ACK_EXTRA = '''
[complaint]
received = 2026-11-20
summary = """The line one & "quoted" <i>part</i>.
A second line, kept as a line."""
'''

# With points recorded, the acknowledgement lists them instead of the summary (never both).
POINTS = """
[[complaint.points]]
summary = "- starts like a list item"
finding = "found"
outcome = "upheld"
actions = ["Fix <this> & that"]
"""


def awkward_case(make_case: Callable[..., Path], settings: str = SETTINGS, points: bool = False) -> Path:
    text = minimal_case("luton-csc").replace("Ms Aisha Khan", AWKWARD)
    text = text.replace("[complaint]\nreceived = 2026-11-20\n", "") + ACK_EXTRA + (POINTS if points else "")
    return make_case(text, settings=settings)


DAY = dt.date(2026, 11, 23)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_awkward_name_prints_literally_in_both_formats(make_case: Callable[..., Path]) -> None:
    loaded = open_case(awkward_case(make_case))
    letter = compose(loaded, "acknowledgement", DAY)
    pdf_text = letters_words(letters_pdf_text(render_pdf(letter)))
    docx_bytes = render_docx(letter)
    docx_text = letters_words(letters_docx_text(docx_bytes))
    for text in (pdf_text, docx_text):
        assert AWKWARD in text
        assert "Dear <b>Ann & Co</b>" in text
        assert 'The line one & "quoted" <i>part</i>.' in text
    listed = compose(open_case(awkward_case(make_case, points=True)), "acknowledgement", DAY)
    for text in (letters_pdf_text(render_pdf(listed)), letters_docx_text(render_docx(listed))):
        assert "- starts like a list item" in letters_words(text)  # a value never makes structure
        assert "The line one" not in text  # the complaint is stated once: its points, not the summary too
    # In the DOCX the markup is escaped XML, not markup.
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml").decode()
    assert "&lt;b&gt;Ann &amp; Co&lt;/b&gt;" in xml
    assert "<b>" not in xml


def test_line_breaks_in_values_are_line_breaks(make_case: Callable[..., Path]) -> None:
    loaded = open_case(awkward_case(make_case))
    letter = compose(loaded, "acknowledgement", DAY)
    summary = next(b for b in letter.blocks if b.text.startswith("The line one"))
    assert summary.lines == ['The line one & "quoted" <i>part</i>.', "A second line, kept as a line."]
    doc = Document(io.BytesIO(render_docx(letter)))
    para = next(p for p in doc.paragraphs if p.text.startswith("The line one"))
    assert para._p.xml.count("<w:br/>") == 1
    html_pdf = letters_pdf_text(render_pdf(letter))
    assert 'The line one & "quoted" <i>part</i>.\nA second line, kept as a line.' in html_pdf


def test_markup_values_never_make_structure() -> None:
    from letters.environment import VALUE_END, VALUE_START

    rendered = f"# Heading\n\n{VALUE_START}- not a bullet\n# nor a heading{VALUE_END}\n\n- a bullet \\\nwith a break\n"
    blocks = parse(rendered)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Heading"),
        ("para", "- not a bullet\n# nor a heading"),
        ("bullet", "a bullet\nwith a break"),
    ]


def test_missing_field_names_what_to_add(make_case: Callable[..., Path]) -> None:
    loaded = open_case(make_case(minimal_case("luton-csc", "[panel]\ndate = 2027-01-13\n"), settings=SETTINGS))
    with pytest.raises(LetterFieldError) as err:
        compose(loaded, "panel-invitation", DAY)
    message = str(err.value)
    assert 'panel.venue: is required for the panel-invitation letter: add venue = "..." under [panel]' in message
    assert "panel.time" in message and "panel.members" in message
    assert "case.toml" in message


def test_fetcher_refuses_everything_but_allowed_files(tmp_path: Path) -> None:
    allowed = tmp_path / "templates"
    allowed.mkdir()
    (allowed / "ok.css").write_text("p {}")
    logo = tmp_path / "assets" / "logo.png"
    logo.parent.mkdir()
    logo.write_bytes(b"png")
    (tmp_path / "assets" / "secret.txt").write_text("no")
    fetcher = SafeFetcher([allowed], [logo])
    assert fetcher.fetch((allowed / "ok.css").as_uri()).read() == b"p {}"
    assert fetcher.fetch(logo.as_uri()).read() == b"png"
    for url in (
        "file:///etc/passwd",
        "http://example.com/x.png",
        "https://example.com/x.css",
        (tmp_path / "assets" / "secret.txt").as_uri(),
        (allowed / ".." / "assets" / "secret.txt").as_uri(),
        "data:text/plain,hello",
        "file://otherhost/etc/passwd",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    assert "file:///etc/passwd" in fetcher.refused and "http://example.com/x.png" in fetcher.refused


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://127.0.0.1:9/logo.png"])
def test_a_template_pointing_outside_gets_nothing(make_case: Callable[..., Path], url: str) -> None:
    layout = (Path(__file__).resolve().parent.parent / "templates" / "letters" / "layout.html.j2").read_text()
    hostile = layout.replace("<main>", f'<main><img src="{url}" alt="x">', 1)
    settings = 'templates = "mytemplates"\n' + SETTINGS
    case = awkward_case(make_case, settings=settings)
    write(case.parent / "mytemplates" / "letters" / "layout.html.j2", hostile)
    letter = compose(open_case(case), "acknowledgement", DAY)
    with pytest.raises(FetchRefusedError, match=re.escape(url)):
        render_pdf(letter)


def test_sandbox_and_strict_undefined(make_case: Callable[..., Path]) -> None:
    settings = 'templates = "mine"\n' + SETTINGS
    case = awkward_case(make_case, settings=settings)
    src = write(case.parent / "mine" / "letters" / "acknowledgement.j2", "{{ complaint.nope }}\n")
    with pytest.raises(TemplateError, match="nope"):
        compose(open_case(case), "acknowledgement", DAY)
    src.write_text("{{ complaint.__class__.__mro__ }}\n")
    with pytest.raises(CasepostError):
        compose(open_case(case), "acknowledgement", DAY)


def test_pdf_metadata_is_accessible_and_impersonal(make_case: Callable[..., Path]) -> None:
    loaded = open_case(awkward_case(make_case))
    data = render_pdf(compose(loaded, "acknowledgement", DAY))
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info is not None
    assert info.title == "Your complaint about Children's Social Care: acknowledgement (CSC/2026/0142)"
    assert info.subject == "Example Borough Council: Children's Social Care complaints procedure (Luton)"
    assert info.author is None and info.creator is None
    assert "/CreationDate" not in info and "/ModDate" not in info
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp or b"<pdfuaid:part>1<" in xmp
    # No machine paths or user names in the bytes.
    for secret in (str(Path.home()).encode(), b"/tmp/", b"pytest-of", getpass.getuser().encode() + b"/"):
        assert secret not in data, secret
    # Real text throughout: every page has extractable text.
    assert all((page.extract_text() or "").strip() for page in reader.pages)


def test_draft_watermark_in_both_formats(make_case: Callable[..., Path]) -> None:
    loaded = open_case(awkward_case(make_case))
    letter = compose(loaded, "acknowledgement", DAY)
    assert letter.draft  # the built-in templates carry no approval in a fresh folder
    assert "DRAFT - wording not approved" in letters_pdf_text(render_pdf(letter))
    docx = render_docx(letter)
    assert "DRAFT - wording not approved" in letters_docx_text(docx)
    header = zipfile.ZipFile(io.BytesIO(docx)).read("word/header1.xml").decode()
    assert 'string="DRAFT - wording not approved"' in header  # the diagonal watermark
    clean = dataclasses.replace(letter, draft=False)
    assert "DRAFT" not in letters_pdf_text(render_pdf(clean))
    assert "DRAFT" not in letters_docx_text(render_docx(clean))
