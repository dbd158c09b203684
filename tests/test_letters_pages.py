"""Page breaks a council would accept, read back with pypdf from every kind of letter of every
sample case: in the PDF, and in the DOCX as LibreOffice lays it out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.letter_samples import SAMPLE_LETTERS, SampleLetter, libreoffice_pdfs, rendered

pytestmark = pytest.mark.parametrize("sample", SAMPLE_LETTERS, ids=str)
SIGN_OFF = "Yours sincerely"


def _pages(path: Path) -> list[str]:
    return [page.extract_text().replace("\u200b", "") for page in PdfReader(path).pages]


def _body_lines(page: str, sample: SampleLetter) -> list[str]:
    """A page's lines less its running header and footer, the draft mark and list bullets."""
    lines = []
    for line in page.splitlines():
        line = line.replace(sample.marking, "").replace(f"Our reference: {sample.reference}", "")
        line = " ".join(re.sub(r"Page \d+ of \d+", "", line).split())
        if line not in ("", "•", "DRAFT - wording not approved"):
            lines.append(line)
    return lines


def _formats(sample: SampleLetter) -> dict[str, list[str]]:
    return {"PDF": _pages(rendered(sample, "pdf")), "DOCX": _pages(libreoffice_pdfs()[str(sample)])}


def test_sign_off_never_alone_on_a_page(sample: SampleLetter) -> None:
    """Where the sign-off starts a page, at least two lines of the body come before it there."""
    for fmt, pages in _formats(sample).items():
        page = next(i for i, text in enumerate(pages) if SIGN_OFF in text)
        if page == 0:
            continue
        lines = _body_lines(pages[page], sample)
        before = lines[: next(i for i, line in enumerate(lines) if line.startswith(SIGN_OFF))]
        assert len(before) >= 2, f"{fmt} page {page + 1}: the sign-off with {before}"


def test_a_heading_never_ends_a_page(sample: SampleLetter) -> None:
    """No page but the last ends with the letter's title or a heading."""
    headings = {" ".join(h.split()) for h in sample.headings}
    for fmt, pages in _formats(sample).items():
        for number, text in enumerate(pages[:-1], 1):
            lines = [line for line in _body_lines(text, sample) if line]
            assert lines[-1] not in headings, f"{fmt} page {number} ends with the heading {lines[-1]!r}"


def test_contact_lines_stay_with_their_paragraph(sample: SampleLetter) -> None:
    """A block of lines with forced breaks (a website and a telephone number) is on one page, the
    page where the paragraph introducing it ends."""
    for fmt, pages in _formats(sample).items():
        flat = [" ".join(text.split()) for text in pages]
        for before, lines in sample.details:
            on = {i for i, text in enumerate(flat) for line in lines if " ".join(line.split()) in text}
            intro = {i for i, text in enumerate(flat) if before in text}
            assert len(on) == 1 and on <= intro, f"{fmt}: {lines} on pages {on}, after {before!r} on {intro}"


def test_continuation_pages_show_the_reference(sample: SampleLetter) -> None:
    """Every page after the first has our reference at the top (PDF running header; Word's header
    for pages after the first); the first page has it only in the letterhead."""
    for fmt, pages in _formats(sample).items():
        for number, text in enumerate(pages[1:], 2):
            assert f"Our reference: {sample.reference}" in text, f"{fmt} page {number}"
        assert pages[0].count(f"Our reference: {sample.reference}") == 1


def test_pdf_and_docx_have_the_same_number_of_pages(sample: SampleLetter) -> None:
    """The same spacing in both layouts: the PDF and the DOCX (in LibreOffice) have as many pages."""
    pages = _formats(sample)
    assert len(pages["PDF"]) == len(pages["DOCX"])
