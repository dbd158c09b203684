"""The set-up's promises: the README says what bin/dev installs, CI runs the README's check
command, the lock pins (with hashes) everything pyproject.toml requires, and every module our
code imports from outside is a declared dependency.
"""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.metadata
import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

from .conftest import REPO


def dev_script() -> ModuleType:
    """bin/dev, loaded as a module (it has no .py suffix: it is run as `python3 bin/dev`)."""
    loader = importlib.machinery.SourceFileLoader("bin_dev", str(REPO / "bin" / "dev"))
    spec = importlib.util.spec_from_loader("bin_dev", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def two_commands_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("## The two commands", 1)[1].split("\n## ", 1)[0]


def test_readme_gives_the_two_commands_and_every_package_they_install() -> None:
    section = two_commands_section()
    assert "python3 bin/dev demo" in section and "python3 bin/dev check" in section
    dev = dev_script()
    for package in [*dev.RUN, *dev.CHECK]:
        assert f"`{package}`" in section, f"README does not say that the set-up installs {package}"
    assert "python3 bin/dev lock" in section


def test_ci_runs_the_readme_check_command() -> None:
    lines = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert lines[-1] == "python3 bin/dev check"


def test_the_lock_pins_everything_with_hashes() -> None:
    assert dev_script().unlocked() == []
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n", 2)[2].strip())  # after the two header lines
    assert len(entries) > 20
    for entry in entries:
        assert re.match(r"[A-Za-z0-9._-]+==\S+", entry), entry
        assert "--hash=sha256:" in entry, f"no hash for {entry.splitlines()[0]}"


def third_party_imports() -> set[str]:
    """The top-level modules our shipped code imports that are neither ours nor the standard library's."""
    ours = {"casepost", "letters", "packs", "cli", "samples", "templates"}
    files = [REPO / "cli.py", *(p for d in ("casepost", "letters", "packs") for p in (REPO / d).rglob("*.py"))]
    found: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in ours and m not in sys.stdlib_module_names}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_import_is_a_declared_dependency() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.match(r"[A-Za-z0-9._-]+", r) for r in project["dependencies"]]
    declared = {normal(m.group(0)) for m in names if m}
    providers = importlib.metadata.packages_distributions()
    for module in sorted(third_party_imports()):
        dists = {normal(d) for d in providers.get(module, [])}
        assert dists & declared, f"{module} is imported but its distribution ({dists or 'unknown'}) is not declared"


def test_packages_apt_cannot_find_get_a_way_forward(tmp_path: Path) -> None:
    # Ubuntu keeps python3-venv, LibreOffice, the Liberation fonts and qpdf in universe, which a
    # minimal image (debootstrap's default sources, say) does not enable: say so, not just "failed".
    dev = dev_script()
    ubuntu = tmp_path / "ubuntu"
    ubuntu.write_text('NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n', encoding="utf-8")
    debian = tmp_path / "debian"
    debian.write_text('NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n', encoding="utf-8")
    message = dev.unavailable_message(["python3-venv", "qpdf"], ubuntu)
    assert "python3-venv qpdf" in message and "universe" in message and "add-apt-repository universe" in message
    assert "universe" not in dev.unavailable_message(["qpdf"], debian)
    assert "universe" not in dev.unavailable_message(["qpdf"], tmp_path / "absent")
    assert dev.has_candidate("no-such-package-casepost") is False
