"""Time `casepost dates` from a cold start against `python -c "import holidays"` (issue 2).

`dates` must never import WeasyPrint, docxtpl or the PDF libraries; this shows what it costs
beyond the holiday tables it cannot do without. Every command runs with bytecode as an installed
tool has it (bench/installed.py); the last rows run casepost again with every module compiled
from source, as a checkout with PYTHONDONTWRITEBYTECODE=1 starts.
Run: .venv/bin/python bench/dates.py [--runs 31]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from installed import with_bytecode, without_bytecode

REPO = Path(__file__).resolve().parent.parent
RUNS = 31


def timed(cmds: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, float]:
    """Median wall time of each (command, environment) over `runs` rounds, after one warm-up round
    (file and bytecode caches).

    Each round runs every command once, in turn, so a busy spell on a shared machine slows them
    all alike rather than one of them.
    """
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for round_ in range(runs + 1):
        for name, (cmd, env) in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    """Print each command's median and its ratio to importing holidays (goal: `casepost dates` at most 2x)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "casepost")
    case = str(REPO / "samples" / "luton-csc" / "case.toml")
    env, source = with_bytecode(), without_bytecode()
    england = "import holidays; holidays.country_holidays('GB', subdiv='ENG', years=2026)"
    cmds = {
        "python -c 'import holidays'": ([sys.executable, "-c", "import holidays"], env),
        "python -c 'pass'": ([sys.executable, "-c", "pass"], env),
        "import holidays + England calendar": ([sys.executable, "-c", england], env),
        "casepost dates --json (luton sample)": ([exe, "dates", case, "--json"], env),
        "casepost dates (table, luton sample)": ([exe, "dates", case], env),
        "  the same, compiled from source: --json": ([exe, "dates", case, "--json"], source),
        "  the same, compiled from source: table": ([exe, "dates", case], source),
    }
    medians = timed(cmds, args.runs)
    base = medians["python -c 'import holidays'"]
    print(f"{'command':42} {'median s':>9} {'x holidays':>11}   ({args.runs} alternating rounds)")
    for name, seconds in medians.items():
        print(f"{name:42} {seconds:9.3f} {seconds / base:11.2f}")


if __name__ == "__main__":
    main()
