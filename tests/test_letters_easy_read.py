"""The easy-read version for a child complainant (issue 9), read back from the PDF (pypdf) and the
DOCX (python-docx): written beside the standard letter for the acknowledgement, the Stage 1 response
and the decision, with the same dates and facts, type of at least 14pt and headings as questions.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest

from .conftest import SAMPLES, letters_body_words, letters_docx_text, letters_pdf_without_artifacts

KINDS = ["acknowledgement", "stage1-response", "decision"]
DAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}")
OMBUDSMAN = [
    "Local Government and Social Care Ombudsman",
    "up to 12 months",
    "not from the date of this letter",
    "a copy of this letter and of our earlier responses",
    "www.lgo.org.uk",
    "0300 061 0614",
]


@pytest.fixture(scope="module")
def child_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Luton sample with its complainant marked as needing easy read (a child complainant)."""
    folder = tmp_path_factory.mktemp("easy") / "luton-csc"
    shutil.copytree(SAMPLES / "luton-csc", folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    case = folder / "case.toml"
    text = case.read_text(encoding="utf-8")
    if "easy_read = true" not in text:
        text = re.sub(r"(?m)^delivery = .*$", lambda m: m.group(0) + "\neasy_read = true", text, count=1)
        case.write_text(text, encoding="utf-8")
    return case


@pytest.fixture(scope="module")
def written(child_case: Path) -> dict[str, dict[str, Path]]:
    """{kind: {"pdf", "docx", "easy.pdf", "easy.docx": path}}, each dated the day the sample sent it."""
    from casepost.case import get_field
    from casepost.loaded import open_case
    from letters.context import SENT_FIELD
    from letters.writer import LetterRequest, write_letter

    case = open_case(child_case).case
    out: dict[str, dict[str, Path]] = {}
    for kind in KINDS:
        day = get_field(case, SENT_FIELD[kind])
        assert isinstance(day, dt.date)
        result = write_letter(child_case, LetterRequest(kind, ("pdf", "docx"), date=day, force=True))
        names = {p.name: p for p in result.written}
        stem = "CSC-2026-0097-" + kind
        out[kind] = {
            "pdf": names[f"{stem}.pdf"],
            "docx": names[f"{stem}.docx"],
            "easy.pdf": names[f"{stem}-easy-read.pdf"],
            "easy.docx": names[f"{stem}-easy-read.docx"],
        }
    return out


def _body(path: Path) -> str:
    from pypdf import PdfReader

    if path.suffix == ".pdf":
        reader = PdfReader(io.BytesIO(letters_pdf_without_artifacts(path.read_bytes())))
        return letters_body_words("\n".join(page.extract_text() or "" for page in reader.pages))
    return letters_body_words(letters_docx_text(path.read_bytes(), headers=False))


def test_panel_invitation_has_no_easy_read_version(child_case: Path) -> None:
    from letters.writer import LetterRequest, write_letter

    day = dt.date(2026, 12, 15)
    result = write_letter(child_case, LetterRequest("panel-invitation", ("pdf",), date=day, force=True))
    assert [p.name for p in result.written] == ["CSC-2026-0097-panel-invitation.pdf"]


@pytest.mark.parametrize("kind", KINDS)
def test_same_dates_and_facts_as_the_standard_letter(kind: str, written: dict[str, dict[str, Path]]) -> None:
    from casepost.loaded import open_case

    files = written[kind]
    standard = _body(files["pdf"])
    dates = set(DAY.findall(standard))
    assert dates  # the letter's own date and the procedure's dates
    case = open_case(files["pdf"].parent.parent / "case.toml").case
    facts = ["Our reference: CSC/2026/0097", "Dear Mrs Adeyemi", "Yours sincerely"]
    if kind == "stage1-response":
        facts += [p.summary for p in case.complaint.points] + [a for p in case.complaint.points for a in p.actions]
        facts += [f"is {p.outcome}" for p in case.complaint.points]  # "Your complaint is partly upheld."
        facts += [
            "You need to do this by Friday 23 October 2026.",
            "within 20 working days of receiving the Stage 2 response",
        ]
    if kind == "decision":
        facts += OMBUDSMAN + list(case.decision.recommendations)
        facts += ["you have the right to contact the Ombudsman or to seek advice", "This is the last stage"]
    if kind == "acknowledgement":
        facts += [
            "We will send you a written response by Monday 28 September 2026.",
            "we may need up to 10 more working days",
        ]
        facts += ["have the right to an advocate, free of charge"]
    for fmt in ("easy.pdf", "easy.docx"):
        easy = _body(files[fmt])
        assert dates <= set(DAY.findall(easy)), (fmt, dates - set(DAY.findall(easy)))
        for fact in facts:
            assert letters_body_words(fact) in easy, (fmt, fact)


@pytest.mark.parametrize("kind", KINDS)
def test_headings_are_questions(kind: str, written: dict[str, dict[str, Path]]) -> None:
    from docx import Document

    easy = Document(str(written[kind]["easy.docx"]))
    headings = [p.text for p in easy.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert len(headings) >= 3 and all(h.endswith("?") for h in headings), headings
    standard = Document(str(written[kind]["docx"]))
    assert not any(p.text.endswith("?") for p in standard.paragraphs if p.style and p.style.name == "Heading 2")
    pdf = _body(written[kind]["easy.pdf"])
    assert all(h in pdf for h in headings)


def _pdf_sizes(path: Path) -> list[tuple[str, float]]:
    """Each piece of text with its size on the page (points), artifacts left out, in reading order."""
    from pypdf import PdfReader

    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            pieces.append((text.strip(), size * abs(tm[3]) * abs(cm[3])))

    for page in PdfReader(io.BytesIO(letters_pdf_without_artifacts(path.read_bytes()))).pages:
        page.extract_text(visitor_text=visit)
    return pieces


@pytest.mark.parametrize("kind", KINDS)
def test_type_is_at_least_14pt(kind: str, written: dict[str, dict[str, Path]]) -> None:
    from docx import Document

    for fmt, least in (("easy.pdf", 14.0), ("pdf", 12.0)):
        pieces = _pdf_sizes(written[kind][fmt])
        start = next(i for i, (text, _) in enumerate(pieces) if text.startswith("Dear"))
        end = next(i for i, (text, _) in enumerate(pieces) if text.startswith("Yours sincerely"))
        body = [size for _, size in pieces[start : end + 1]]
        assert len(body) > 20 and round(min(body), 1) == least, (fmt, min(body))
    easy = Document(str(written[kind]["easy.docx"]))
    for name in ("Normal", "List Bullet", "Kept Paragraph", "Kept List Bullet", "Salutation", "Sign-off"):
        assert easy.styles[name].font.size.pt >= 14, name
    assert easy.styles["Heading 2"].font.size.pt >= 16
    for paragraph in easy.paragraphs:  # no run made smaller than its style
        for run in paragraph.runs:
            assert run.font.size is None or run.font.size.pt >= 14, paragraph.text


@pytest.mark.parametrize("kind", KINDS)
def test_easy_read_word_letter_opens_unrepaired(kind: str, written: dict[str, dict[str, Path]]) -> None:
    """openxml-audit (Microsoft 365 rules) finds no error in the easy-read Word layout either."""
    from openxml_audit import FileFormat, OpenXmlValidator

    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0).validate(written[kind]["easy.docx"])
    assert [str(error) for error in result.errors] == []
    assert result.is_valid
