"""The Hertfordshire decision letter's copies (herts-cpc, herts-lado), read back from the PDF (pypdf):
"The Panel should communicate any specific concerns and recommendations relating to practice or
procedure on the part of any Local Safeguarding Children Partnership partner agency to the relevant
Partnership member and to the HSCP Chair" (seed 000 line 39; seed 003 line 84). The HSCP Chair and
the Partnership member the case names get a copy when the panel makes recommendations for practice,
and no copy is addressed to "the relevant Partnership member" as a bare role.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import SAMPLES, letters_pdf_text, letters_words

MEMBER = 'partnership_member = { name = "Dr Leona Marsh", role = "Designated Nurse for Safeguarding Children" }'
MEMBER_COPY = "Dr Leona Marsh, Designated Nurse for Safeguarding Children, for the recommendations about their agency"
HSCP_COPY = "Professor Alan Whitcombe, Independent Chair, Hertfordshire Safeguarding Children Partnership"


def _copies(procedure: str, tmp_path: Path, *, member: bool, outcomes: str | None = None) -> str:
    """The decision letter's "Copies to:" list, for the sample with the edits asked for."""
    folder = tmp_path / procedure
    shutil.copytree(SAMPLES / procedure, folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    case = folder / "case.toml"
    text = case.read_text(encoding="utf-8")
    if member:
        text = re.sub(r"(?m)^hscp_chair = .*$", lambda m: m.group(0) + "\n" + MEMBER, text, count=1)
        assert MEMBER in text
    if outcomes is not None:
        text, n = re.subn(r"(?m)^outcomes = \[.*\]$", f"outcomes = {outcomes}", text, count=1)
        assert n == 1
    case.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["letter", "decision", str(case), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    words = letters_words(letters_pdf_text(next((tmp_path / "out").glob("*-decision.pdf")).read_bytes()))
    return words[words.index("Copies to:") :]


@pytest.mark.parametrize("procedure", ["herts-cpc", "herts-lado"])
def test_recommendations_for_practice_go_to_the_named_partnership_member_and_the_hscp_chair(
    procedure: str, tmp_path: Path
) -> None:
    # Both samples' panels make recommendations for practice (outcome practice-recommendations).
    copies = _copies(procedure, tmp_path, member=True)
    assert MEMBER_COPY in copies
    assert HSCP_COPY in copies


@pytest.mark.parametrize("procedure", ["herts-cpc", "herts-lado"])
def test_no_partnership_member_named_no_role_left_to_resolve(procedure: str, tmp_path: Path) -> None:
    copies = _copies(procedure, tmp_path, member=False)
    assert "Partnership member" not in copies
    assert HSCP_COPY in copies  # the HSCP Chair is copied all the same


def test_without_recommendations_for_practice_neither_is_copied(tmp_path: Path) -> None:
    # The strategy meeting is to meet again, and the panel recommends nothing for practice.
    copies = _copies("herts-lado", tmp_path, member=True, outcomes='["reconvene-different-do"]')
    assert "Dr Leona Marsh" not in copies
    assert "Whitcombe" not in copies
    assert "Karen Lister, Designated Officer (LADO)" in copies  # the procedure's other copies stay
