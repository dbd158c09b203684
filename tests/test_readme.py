"""The README's command reference matches the code: every command, with its current --help."""

from __future__ import annotations

import importlib.machinery
import re
import types
from pathlib import Path

from click.testing import CliRunner

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


def test_the_readme_full_case_example_passes_check(tmp_path: Path) -> None:
    # The README's complete case file is what people copy: it must be a valid case, every table in it.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    after = readme.split("A complete case, with every table", 1)[1]
    example = re.search(r"```toml\n(.*?)```", after, re.S)
    assert example, "README has no complete case example"
    case = tmp_path / "case.toml"
    case.write_text(example.group(1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(case)])
    assert result.exit_code == 0, result.output
