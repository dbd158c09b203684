"""A procedure file may add a letter kind of its own, worded by the authority's own template."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from cli import main

from .conftest import REPO, SAMPLES


def test_a_letter_kind_added_by_a_procedure_file(tmp_path: Path) -> None:
    shutil.copytree(
        SAMPLES / "luton-csc", tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("out", "*.jsonl")
    )
    procedure = (REPO / "casepost" / "data" / "procedures" / "luton-csc.toml").read_text(encoding="utf-8")
    procedure = procedure.replace('id = "luton-csc"', 'id = "luton-extra"', 1)
    (tmp_path / "proc.toml").write_text(procedure + '\n[letters.holding-letter]\ntitle = "Your complaint: an update"\n')
    (tmp_path / "tpl" / "letters").mkdir(parents=True)
    (tmp_path / "tpl" / "letters" / "holding-letter.j2").write_text(
        "We are still looking into your complaint, which we received on {{ complaint.received }}.\n"
    )
    settings = tmp_path / "casepost.toml"
    settings.write_text('templates = "tpl"\n' + settings.read_text(encoding="utf-8"), encoding="utf-8")
    case = tmp_path / "case.toml"
    case.write_text(re.sub(r"(?m)^procedure = .*$", 'procedure = "proc.toml"', case.read_text(encoding="utf-8")))

    result = CliRunner().invoke(main, ["letter", "holding-letter", str(case), "--date", "2026-11-24"])
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "out" / "CSC-2026-0097-holding-letter.pdf").read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    # The sample's complaint arrived on Monday 7 September 2026.
    assert "Your complaint: an update" in text
    assert "We are still looking into your complaint, which we received on Monday 7 September 2026." in text
