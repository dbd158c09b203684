"""The `casepost` console script: tunes the interpreter for a short-lived command, then runs the CLI."""

from __future__ import annotations

import gc


def main() -> None:
    """Run the casepost command line (pyproject.toml's [project.scripts] entry)."""
    # Start-up builds hundreds of thousands of long-lived objects (WeasyPrint, pydantic's schemas)
    # and almost no garbage, yet with the default threshold (700 allocations) the cyclic collector
    # walks them again and again: about a tenth of a letter's whole run. Collections still happen,
    # a hundred times less often; reference counting frees everything else as usual.
    gc.set_threshold(100_000)
    from cli import main as cli

    cli()
