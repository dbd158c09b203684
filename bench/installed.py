"""The environment the cold-start benchmarks run commands in: Python as an installed tool has it.

`pip install` compiles every module to bytecode, so an installed casepost, like WeasyPrint or
holidays, never compiles its source at start-up. A development checkout may not have bytecode
(this project's machines set PYTHONDONTWRITEBYTECODE=1), and compiling casepost's own modules
at every start would then be measured against libraries that never pay it. So the benchmarks run
their commands with bytecode on, cached under bench/work/pycache (the repository is not written),
after a first round that fills the cache and is not counted.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "work" / "pycache"


def with_bytecode() -> dict[str, str]:
    """os.environ with bytecode written and read from bench/work/pycache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(CACHE)
    return env


def without_bytecode() -> dict[str, str]:
    """os.environ with no bytecode written or read: every module compiled from its source."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
