"""Every kind of letter of every sample case, rendered once per test session in both formats, for
the validity, accessibility and page-break tests (which read the files back with independent tools).
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.conftest import SAMPLE_IDS, SAMPLES

KINDS = ("acknowledgement", "stage1-response", "panel-invitation", "decision")


@dataclass(frozen=True)
class SampleLetter:
    """One kind of letter of one sample case."""

    procedure: str  # the sample's folder (SAMPLE_IDS)
    kind: str

    def __str__(self) -> str:
        return f"{self.procedure}-{self.kind}"

    @property
    def case(self) -> Path:
        """The sample case file."""
        return SAMPLES / self.procedure / "case.toml"

    @property
    def reference(self) -> str:
        """The case reference printed on the letter."""
        return _letter(self).context.reference

    @property
    def date(self) -> str:
        """The letter's date as printed."""
        return _letter(self).context.date

    @property
    def signatory(self) -> str:
        """The signatory's name."""
        return _letter(self).context.signatory.name

    @property
    def title_start(self) -> str:
        """The start of the letter's title (before any character XML would escape)."""
        return _letter(self).context.title.split("&")[0].split("'")[0]

    @property
    def settings_email(self) -> str:
        """The council's e-mail address on the letterhead."""
        return _letter(self).context.letterhead.email

    @property
    def website(self) -> str:
        """The council's web address on the letterhead."""
        return _letter(self).context.letterhead.website

    @property
    def marking(self) -> str:
        """The security marking at the top and foot of every page."""
        return _letter(self).context.marking

    @property
    def headings(self) -> list[str]:
        """The letter's title and headings."""
        letter = _letter(self)
        return [letter.context.title, *(b.text for b in letter.blocks if b.kind == "heading")]

    @property
    def details(self) -> list[tuple[str, list[str]]]:
        """Each block of lines with forced breaks (contact details), with the end of the block before
        it: (its last words, the lines).
        """
        blocks = _letter(self).blocks
        return [
            (" ".join(blocks[i - 1].text.split()[-4:]), block.lines)
            for i, block in enumerate(blocks)
            if i and block.detail
        ]


SAMPLE_LETTERS = [SampleLetter(sample, kind) for sample in SAMPLE_IDS for kind in KINDS]


@cache
def _letter(sample: SampleLetter):  # type: ignore[no-untyped-def]
    from casepost.loaded import open_case
    from letters.context import letter_day
    from letters.letter import compose

    loaded = open_case(sample.case)
    return compose(loaded, sample.kind, letter_day(loaded.case, sample.kind))


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="casepost-samples-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@cache
def libreoffice_pdfs() -> dict[str, Path]:
    """Every sample DOCX converted to PDF by LibreOffice headless in one run, with a private profile
    (no user's settings); {str(sample): path}.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed: run python3 bin/dev setup --check")
    out = _folder() / "libreoffice"
    docx = [str(rendered(sample, "docx")) for sample in SAMPLE_LETTERS]
    profile = (_folder() / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(out)]
    subprocess.run([*command, *docx], check=True, capture_output=True, timeout=900)
    return {str(sample): out / f"{sample}.pdf" for sample in SAMPLE_LETTERS}


@cache
def rendered(sample: SampleLetter, fmt: str) -> Path:
    """The sample letter rendered as `fmt` ("pdf" or "docx"), written once into a session folder."""
    letter = _letter(sample)
    if fmt == "pdf":
        from letters.pdf import render_pdf

        data = render_pdf(letter)
    else:
        from letters.docx import render_docx

        data = render_docx(letter)
    path = _folder() / f"{sample}.{fmt}"
    path.write_bytes(data)
    return path
