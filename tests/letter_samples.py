"""Every kind of letter of every sample case, rendered once per test session in both formats, for
the validity, accessibility and page-break tests (which read the files back with independent tools).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.conftest import PROCEDURE_IDS, SAMPLES

KINDS = ("acknowledgement", "stage1-response", "panel-invitation", "decision")


@dataclass(frozen=True)
class SampleLetter:
    """One kind of letter of one sample case."""

    procedure: str
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


SAMPLE_LETTERS = [SampleLetter(procedure, kind) for procedure in PROCEDURE_IDS for kind in KINDS]


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
