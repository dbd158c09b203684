"""Where casepost's shipped data lives: the built-in templates and the sample cases.

In the wheel both sit inside the casepost package (casepost.templates, casepost.samples); in the
repository they are the top-level templates/ and samples/ folders, mapped to the same names by
pyproject.toml's package-dir. Code asks here, never for a path of its own.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def templates_root() -> Path:
    """The built-in templates folder (wording, layouts and fonts)."""
    return Path(str(resources.files("casepost.templates")))


def samples_root() -> Path:
    """The sample cases, one folder per procedure (what `casepost review` renders for legal)."""
    return Path(str(resources.files("casepost.samples")))
