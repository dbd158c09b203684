"""The README's command reference matches the code: every command, with its current --help."""

from __future__ import annotations

import importlib.machinery
import types

from cli import main

from .conftest import REPO


def _readme_tool() -> types.ModuleType:
    # bin/readme-help has no .py suffix, so name its loader explicitly.
    loader = importlib.machinery.SourceFileLoader("readme_help", str(REPO / "bin" / "readme-help"))
    module = types.ModuleType(loader.name)
    module.__file__ = loader.path
    loader.exec_module(module)
    return module


def test_every_command_is_documented_with_its_help() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.list_commands(None):  # type: ignore[arg-type]
        assert f"<!-- help: {name} -->" in readme, f"README has no help block for `casepost {name}`"
        assert f"casepost {name} " in readme.split("<!-- help:")[0], f"README gives no example of `casepost {name}`"
    assert _readme_tool().refresh(readme) == readme, "README help is stale: run .venv/bin/python bin/readme-help"


def test_readme_gives_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make check" in readme
