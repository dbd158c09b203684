"""Time `casepost dates` from a cold start against `python -c "import holidays"` (issue 2).

`dates` must never import WeasyPrint, docxtpl or the PDF libraries; this shows what it costs
beyond the holiday tables it cannot do without. Run: .venv/bin/python bench/dates.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 15


def timed(cmd: list[str]) -> float:
    """Median wall time of a command over RUNS runs, after one warm-up (file cache)."""
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the two medians and their ratio."""
    exe = str(Path(sys.executable).parent / "casepost")
    case = str(REPO / "samples" / "luton-csc" / "case.toml")
    rows = [
        ("python -c 'import holidays'", timed([sys.executable, "-c", "import holidays"])),
        ("python -c 'pass'", timed([sys.executable, "-c", "pass"])),
        (
            "import holidays + England calendar",
            timed([sys.executable, "-c", "import holidays; holidays.country_holidays('GB', subdiv='ENG', years=2026)"]),
        ),
        ("casepost dates --json (luton sample)", timed([exe, "dates", case, "--json"])),
        ("casepost dates (table, luton sample)", timed([exe, "dates", case])),
    ]
    base = rows[0][1]
    print(f"{'command':42} {'median s':>9} {'x holidays':>11}   ({RUNS} runs each)")
    for name, seconds in rows:
        print(f"{name:42} {seconds:9.3f} {seconds / base:11.2f}")


if __name__ == "__main__":
    main()
