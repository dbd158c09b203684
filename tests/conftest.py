"""Shared fixtures: case folders built inline from text, inside tmp_path."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
PROCEDURE_IDS = ["durham-cpc", "herts-cpc", "herts-lado", "luton-csc", "sussex-cpc"]

MINIMAL = """\
schema = 1
procedure = "{procedure}"
reference = "CSC/2026/0142"

[complainant]
name = "Ms Aisha Khan"
address = ["12 Example Road", "Luton", "LU2 0AA"]
delivery = "post"

[complaint]
received = 2026-11-20
"""


def build_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Write files (path relative to root -> text or bytes), making folders as needed."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


@pytest.fixture
def make_case(tmp_path: Path) -> Callable[..., Path]:
    """Write a case file (and optionally settings or other files) into tmp_path; return its path."""

    def make(text: str, name: str = "case.toml", settings: str | None = None, **files: str | bytes) -> Path:
        tree: dict[str, str | bytes] = {name: text, **{k.replace("__", "/"): v for k, v in files.items()}}
        if settings is not None:
            tree["casepost.toml"] = settings
        build_tree(tmp_path, tree)
        return tmp_path / name

    return make


def minimal_case(procedure: str, extra: str = "") -> str:
    """The minimal case file of product.md for a procedure, with extra TOML appended."""
    return MINIMAL.format(procedure=procedure) + textwrap.dedent(extra)
