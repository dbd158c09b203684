"""Every sample bundle is a valid PDF by an independent validator (qpdf), not only by our own reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import SAMPLE_IDS, SAMPLES


@pytest.mark.parametrize("procedure", SAMPLE_IDS)
def test_sample_bundle_passes_qpdf_check(procedure: str, tmp_path: Path) -> None:
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is missing: python3 bin/dev check installs it"
    folder = tmp_path / procedure
    shutil.copytree(SAMPLES / procedure, folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    out = tmp_path / "bundle.pdf"
    result = CliRunner().invoke(main, ["bundle", str(folder / "case.toml"), "-o", str(out), "--as-of", "2026-11-24"])
    assert result.exit_code == 0, result.output
    check = subprocess.run([qpdf, "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors found" in check.stdout
