"""Nothing left behind in the temporary directory by any command, single or batch, successful or
refused; and outputs colleagues can open: their mode is what the umask gives a new file.

Every command runs as a real process (the bundle's front matter is laid out in a forked child,
a batch in pool workers: in-process runs would not show what those leave), with TMPDIR pointing
at a fresh, empty folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

EXE = Path(sys.executable).with_name("casepost")


def copy_sample(procedure: str, into: Path) -> Path:
    """A sample case in a folder of its own (the outputs go beside it), without earlier outputs."""
    folder = into / procedure
    shutil.copytree(SAMPLES / procedure, folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    return folder / "case.toml"


def casepost(tmp_path: Path, *args: str | Path, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    """Run casepost with a fresh TMPDIR and assert the command left it as empty as it found it."""
    temp = tmp_path / "tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    result = subprocess.run(
        [str(EXE), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "TMPDIR": str(temp)},
        umask=umask,
        timeout=300,
    )
    left = sorted(p.name for p in temp.iterdir())
    assert left == [], f"`casepost {' '.join(map(str, args))}` left {left} in the temporary directory"
    return result


@pytest.fixture
def case(tmp_path: Path) -> Path:
    return copy_sample("herts-cpc", tmp_path)


def test_check_and_dates_leave_nothing(case: Path, tmp_path: Path) -> None:
    assert casepost(tmp_path, "check", case).returncode == 0
    assert casepost(tmp_path, "dates", case, "--ics", tmp_path / "deadlines.ics").returncode == 0
    assert (tmp_path / "deadlines.ics").exists()


def test_single_letter_leaves_nothing_done_or_refused(case: Path, tmp_path: Path) -> None:
    done = casepost(tmp_path, "letter", "acknowledgement", case, "--format", "both")
    assert done.returncode == 0, done.stderr
    assert (case.parent / "out" / "HCS-CPC-2026-0412-acknowledgement.pdf").exists()
    refused = casepost(tmp_path, "letter", "acknowledgement", case)  # exists, no --force
    assert refused.returncode == 1 and "already exists" in refused.stderr


def test_letter_batch_leaves_nothing(case: Path, tmp_path: Path) -> None:
    # Two cases and two workers: the pool, not the single-case path in this process.
    other = copy_sample("luton-csc", tmp_path)
    done = casepost(tmp_path, "letter", "decision", case, other, "--format", "both", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert (case.parent / "out" / "HCS-CPC-2026-0412-decision.pdf").exists()
    assert (other.parent / "out" / "CSC-2026-0097-decision.docx").exists()


def test_bundle_leaves_nothing_done_checked_or_refused(case: Path, tmp_path: Path) -> None:
    done = casepost(tmp_path, "bundle", case)
    assert done.returncode == 0, done.stderr
    assert (case.parent / "out" / "HCS-CPC-2026-0412-bundle.pdf").exists()
    assert casepost(tmp_path, "bundle", case, "--check").returncode == 0
    refused = casepost(tmp_path, "bundle", case)  # exists, no --force
    assert refused.returncode == 1 and "already exists" in refused.stderr


def test_review_leaves_nothing_and_its_pdf_honours_the_umask(tmp_path: Path) -> None:
    done = casepost(tmp_path, "review", umask=0o027)
    assert done.returncode == 0, done.stderr
    pdfs = list(tmp_path.glob("*.pdf"))
    assert len(pdfs) == 1 and stat.S_IMODE(pdfs[0].stat().st_mode) == 0o640


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_outputs_get_the_mode_the_umask_gives(umask: int, mode: int, case: Path, tmp_path: Path) -> None:
    for args in (
        ["letter", "acknowledgement", case, "--format", "both"],
        ["dates", case, "--ics", tmp_path / "deadlines.ics"],
        ["bundle", case],
    ):
        result = casepost(tmp_path, *args, umask=umask)
        assert result.returncode == 0, result.stderr
    outputs = [*(case.parent / "out").iterdir(), tmp_path / "deadlines.ics", case.with_suffix(".correspondence.jsonl")]
    assert {p.suffix for p in outputs} == {".pdf", ".docx", ".ics", ".jsonl"}
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in outputs} == {p.name: oct(mode) for p in outputs}
    # and nothing half-written is left beside them
    assert not [p for p in (case.parent / "out").iterdir() if p.name.startswith(".")]
