"""Letters to a child who is the complainant (the luton-csc-young-person sample: Maya, 15, in foster
care, with an advocate), read back from the PDF (pypdf) and the DOCX (python-docx), standard and easy
read: addressed to her by her first name, her own right to a free advocate (Children Act 1989 s26A;
Luton procedure 5.2) told to her, and nothing that assumes an adult writing about a child.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from .conftest import SAMPLES, LettersRendered, letters_body_words, letters_docx_text, letters_pdf_body_text

SAMPLE = "luton-csc-young-person"
KINDS = ["acknowledgement", "stage1-response", "panel-invitation", "decision"]
OWN_RIGHT = (
    "Because you are a child or young person making a complaint, you have the right to an advocate, free of charge."
)
EASY_RIGHT = "As a child or young person, you have the right to an advocate. It is free."
ARRANGE = "If you would like an advocate, please tell us and we will arrange one for you."
EASY_ARRANGE = "If you would like an advocate, tell us. We will find one for you."
# Wording for a parent or carer writing about a child: never in a letter to the child herself.
ADULT = [
    re.compile(r"\byour (child|son|daughter|grandchild)\b", re.IGNORECASE),
    re.compile(r"\bparent(s|al)?\b", re.IGNORECASE),
    re.compile(r"If Maya Okoro wants to make a complaint"),
    re.compile(r"Children and young people who make a complaint"),
]


def _write(folder: Path) -> dict[str, str]:
    """Every letter of the case in folder, both formats and any easy-read version, dated the day the
    case records it as sent: {file name: body words}."""
    from casepost.case import get_field
    from casepost.loaded import open_case
    from letters.context import SENT_FIELD
    from letters.writer import LetterRequest, write_letter

    case_path = folder / "case.toml"
    case = open_case(case_path).case
    out: dict[str, str] = {}
    for kind in KINDS:
        day = get_field(case, SENT_FIELD[kind])
        assert isinstance(day, dt.date)
        for path in write_letter(case_path, LetterRequest(kind, ("pdf", "docx"), date=day, force=True)).written:
            data = path.read_bytes()
            text = letters_pdf_body_text(data) if path.suffix == ".pdf" else letters_docx_text(data, headers=False)
            out[path.name] = letters_body_words(text)
    return out


def _copy(root: Path, name: str = SAMPLE) -> Path:
    folder = root / name
    shutil.copytree(SAMPLES / SAMPLE, folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    return folder


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The sample as it is: Maya has an advocate, Ms Hannah Price."""
    return _write(_copy(tmp_path_factory.mktemp("child")))


@pytest.fixture(scope="module")
def letters_without_advocate(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The sample with no advocate recorded yet (its [supporter] table taken out)."""
    folder = _copy(tmp_path_factory.mktemp("child-alone"))
    case = folder / "case.toml"
    text = case.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[supporter\]\n.*?\n\n", "", text, count=1)
    assert "[supporter]" not in text
    case.write_text(text, encoding="utf-8")
    return _write(folder)


def test_every_letter_and_its_easy_read_version_is_written(letters: dict[str, str]) -> None:
    stems = {f"CSC-2026-0131-{kind}" for kind in KINDS}
    easy = {f"CSC-2026-0131-{kind}-easy-read" for kind in KINDS if kind != "panel-invitation"}
    assert set(letters) == {f"{stem}.{ext}" for stem in stems | easy for ext in ("pdf", "docx")}


def test_every_letter_greets_the_child_by_her_first_name(letters: dict[str, str]) -> None:
    for name, words in letters.items():
        greeting = words[words.index("Dear ") :]  # after the addressee block and the letterhead
        assert greeting.startswith("Dear Maya "), (name, greeting[:60])
        assert "Dear Maya Okoro" not in words, name


def test_no_letter_speaks_as_if_to_a_parent(letters: dict[str, str], letters_without_advocate: dict[str, str]) -> None:
    for name, words in [*letters.items(), *letters_without_advocate.items()]:
        for pattern in ADULT:
            assert not pattern.search(words), (name, pattern.pattern)


def test_her_own_right_to_an_advocate_is_told_to_her(letters: dict[str, str]) -> None:
    # The acknowledgement and the Stage 1 response carry the help paragraph; the easy-read decision too.
    for kind in ("acknowledgement", "stage1-response"):
        for ext in ("pdf", "docx"):
            words = letters[f"CSC-2026-0131-{kind}.{ext}"]
            assert OWN_RIGHT in words, (kind, ext)
            assert "We have noted that Ms Hannah Price is your advocate." in words, (kind, ext)
            assert ARRANGE not in words, (kind, ext)  # she has one already
    for kind in ("acknowledgement", "stage1-response", "decision"):
        for ext in ("pdf", "docx"):
            words = letters[f"CSC-2026-0131-{kind}-easy-read.{ext}"]
            assert EASY_RIGHT in words and "Ms Hannah Price is your advocate." in words, (kind, ext)
            assert EASY_ARRANGE not in words, (kind, ext)


def test_the_panel_invitation_names_her_advocate(letters: dict[str, str]) -> None:
    for ext in ("pdf", "docx"):
        words = letters[f"CSC-2026-0131-panel-invitation.{ext}"]
        assert "You may bring one person to act as your advocate and one support person of your choice." in words
        assert "We have noted that Ms Hannah Price is your advocate." in words


def test_without_an_advocate_she_is_offered_one(letters_without_advocate: dict[str, str]) -> None:
    for kind in ("acknowledgement", "stage1-response"):
        for ext in ("pdf", "docx"):
            words = letters_without_advocate[f"CSC-2026-0131-{kind}.{ext}"]
            assert f"{OWN_RIGHT} An advocate helps you say what you think. {ARRANGE}" in words, (kind, ext)
            assert "is your advocate" not in words, (kind, ext)
    for kind in ("acknowledgement", "stage1-response", "decision"):
        for ext in ("pdf", "docx"):
            words = letters_without_advocate[f"CSC-2026-0131-{kind}-easy-read.{ext}"]
            assert EASY_RIGHT in words and EASY_ARRANGE in words, (kind, ext)


def test_an_adult_complainant_is_still_told_of_the_childs_right(
    letters_rendered: dict[tuple[str, str], LettersRendered],
) -> None:
    # The luton-csc sample: Mrs Adeyemi complains about her granddaughter Tia's support.
    for kind in ("acknowledgement", "stage1-response"):
        rendered = letters_rendered[("luton-csc", kind)]
        for words in (letters_body_words(rendered.pdf_body), letters_body_words(rendered.docx_body)):
            assert (
                "Children and young people who make a complaint have the right to an advocate, free of charge. "
                "If Tia Adeyemi wants to make a complaint, please tell us and we will arrange an advocate."
            ) in words, kind
            assert OWN_RIGHT not in words, kind


def test_the_child_is_the_complainant_whatever_the_spacing_or_capitals(tmp_path: Path) -> None:
    # Typed twice, a name can differ in spacing or capitals; it is still the one person, and the
    # letter still speaks to her rather than about her.
    folder = _copy(tmp_path)
    case = folder / "case.toml"
    text = case.read_text(encoding="utf-8")
    child = re.search(r'(?m)^\[child\]\nname = "Maya Okoro"', text)
    assert child is not None
    case.write_text(text.replace(child.group(0), '[child]\nname = "maya  OKORO"'), encoding="utf-8")
    from letters.writer import LetterRequest, write_letter

    written = write_letter(case, LetterRequest("acknowledgement", ("pdf",), date=dt.date(2026, 9, 16), force=True))
    words = letters_body_words(letters_pdf_body_text(written.written[0].read_bytes()))
    assert OWN_RIGHT in words
    assert "wants to make a complaint" not in words
