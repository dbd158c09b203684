"""The date a letter bears: letter_date, else the date the case records it as sent, else --date, else today."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from cli import main

from .conftest import SAMPLES


def _letter_text(tmp_path: Path, *args: str) -> str:
    folder = tmp_path / "case"
    if not folder.exists():
        shutil.copytree(SAMPLES / "herts-lado", folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    result = CliRunner().invoke(main, ["letter", "acknowledgement", str(folder / "case.toml"), "--force", *args])
    assert result.exit_code == 0, result.output
    pdf = next((folder / "out").glob("*-acknowledgement.pdf")).read_bytes()
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_recorded_sent_date_is_the_letter_date(tmp_path: Path) -> None:
    # The sample records complaint.acknowledged = 2026-10-14, a Wednesday: a re-render reproduces
    # the letter as it went out, whatever --date says.
    text = _letter_text(tmp_path, "--date", "2026-11-24")
    assert "Date: Wednesday 14 October 2026" in text


def test_date_option_when_the_case_records_none(tmp_path: Path) -> None:
    _letter_text(tmp_path)  # copy the sample
    case = tmp_path / "case" / "case.toml"
    case.write_text(re.sub(r"(?m)^acknowledged = .*\n", "", case.read_text()))
    assert "Date: Tuesday 24 November 2026" in _letter_text(tmp_path, "--date", "2026-11-24")


def test_unapproved_wording_is_reported_once(tmp_path: Path) -> None:
    # The built-in templates ship unapproved: the command says so once, naming each template.
    folder = tmp_path / "case"
    shutil.copytree(SAMPLES / "herts-lado", folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    result = CliRunner().invoke(main, ["letter", "acknowledgement", str(folder / "case.toml")])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("DRAFT - ") == 1
    assert "1 letter(s) watermarked (wording not approved: " in result.stderr
    assert "letters/acknowledgement.j2 (sha256 " in result.stderr


def test_docx_is_dated_by_the_letter_not_the_clock(tmp_path: Path) -> None:
    import zipfile

    folder = tmp_path / "case"
    shutil.copytree(SAMPLES / "herts-lado", folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    args = ["letter", "acknowledgement", str(folder / "case.toml"), "--format", "docx", "--force"]
    assert CliRunner().invoke(main, args).exit_code == 0
    docx = next((folder / "out").glob("*.docx"))
    first = docx.read_bytes()
    # Every part of the archive carries the letter's date (Wednesday 14 October 2026), not today's.
    stamps = {info.date_time for info in zipfile.ZipFile(docx).infolist()}
    assert stamps == {(2026, 10, 14, 0, 0, 0)}
    assert CliRunner().invoke(main, args).exit_code == 0
    assert docx.read_bytes() == first
