"""`pip install .` gives a working casepost, with its procedure files and templates, from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import PROCEDURE_IDS, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Build from a copy of the source: setuptools leaves build/ in the tree it builds, and a stale
    # build/lib from an earlier layout would slip old files into the wheel.
    source = tmp_path_factory.mktemp("source") / "casepost"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "out", "__pycache__", ".*_cache"),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("casepost-*.whl"))


def test_wheel_carries_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for pid in PROCEDURE_IDS:
        assert f"casepost/data/procedures/{pid}.toml" in names
    assert "casepost/data/events.toml" in names
    assert "casepost/data/prebuilt.pickle" in names  # the stored validators and procedures
    assert "casepost/data/templates.bytecode" in names  # the compiled templates
    assert "cli.py" in names
    assert any(n.startswith("casepost/templates/letters/") for n in names), "letter templates are not in the wheel"
    assert "casepost/samples/luton-csc/case.toml" in names and "casepost/samples/luton-csc/assets/logo.png" in names
    assert not any("/out/" in n or "/docs/" in n or n.startswith("tests/") for n in names)


def test_wheel_installs_no_data_folders_at_the_top_level(wheel: Path) -> None:
    # templates and samples are generic names another project may install too: they ship inside
    # casepost. What is left at the top level is listed exactly, so a new one is a decision.
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"casepost", "cli.py", "letters", "packs"}


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a folder of its own (its dependencies come from this environment)."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def run_installed(installed: Path, probe: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run Python code against the installed wheel, from a folder outside the repository."""
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run([sys.executable, "-c", probe], cwd=cwd, env=env, capture_output=True, text=True)


def test_installed_wheel_runs_from_another_folder(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import casepost, cli; print(casepost.__file__)\n"
        "from casepost import prebuilt; print('stored', prebuilt.procedure('herts-cpc') is not None)\n"
        "cli.main(['procedures', 'herts-cpc'])"
    )
    result = run_installed(installed, probe, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(installed)), "ran the source tree, not the installed wheel"
    assert result.stdout.splitlines()[1] == "stored True", "the installed wheel's stored file is not current"
    assert "panel_record_due" in result.stdout


def test_installed_wheel_renders_the_review_pack(installed: Path, tmp_path: Path) -> None:
    result = run_installed(installed, "import cli; cli.main(['review', '-o', 'review.pdf'])", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "review.pdf").stat().st_size > 10_000
