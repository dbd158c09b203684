"""Benchmark: `casepost bundle` against `qpdf --empty --pages ... --` on the same inputs.

The inputs are bench/corpus.py's: a bundle like a real one (40 documents, 1,000 pages of
word-processor exports with embedded fonts and tables, half with uncompressed content, a quarter
150 dpi scans, A5 to A3, some pages rotated) and the same 40 documents four times (4,000 pages),
made once and cached under bench/work/. Each tool runs as a child process, whole (start-up
included); the runs alternate between the tools and sizes, so a neighbour's load on a shared
machine falls on both alike. Peak memory is the kernel's accounting of each child (wait4).

Goals (product.md, Speed): the cost that grows with the pages, (t4000 - t1000) / 3,000 pages,
at most 2x qpdf's; peak memory at 4,000 pages at most 3x qpdf's.

    .venv/bin/python bench/bundle.py [--runs 5] [--libraries] [--casepost COMMAND] [--before COMMAND]

--libraries also times a plain merge with pypdf's own PdfWriter (all in memory): a yardstick
for what any pure-Python copy of these pages costs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import corpus  # bench/corpus.py: a script's own folder is on the path

SMALL, LARGE = 1000, 4000


GNU_TIME = Path("/usr/bin/time")


def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall time (s), peak resident memory (MiB) and CPU time (s, user and system, with the
    child's own children) of one child process.

    The peak comes from GNU time where it is installed: a child started from this process
    inherits this process's own peak in the kernel's accounting (it is recorded when the child
    replaces itself with the command), which would hide a smaller command's peak.
    """
    with tempfile.NamedTemporaryFile(prefix="casepost-bench-", suffix=".rss") as rss:
        wrapped = [str(GNU_TIME), "-f", "%M", "-o", rss.name, *command] if GNU_TIME.exists() else command
        start = time.perf_counter()
        child = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = child.stderr.read().decode() if child.stderr else ""
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(command[:4])} ...\n{err}")
        peak = int(Path(rss.name).read_text().split()[-1]) if GNU_TIME.exists() else usage.ru_maxrss
    return wall, peak / 1024, usage.ru_utime + usage.ru_stime


NAIVE_PYPDF = """
import sys
from pypdf import PdfReader, PdfWriter
w = PdfWriter()
for f in sys.argv[2:]:
    for p in PdfReader(f).pages:
        w.add_page(p)
w.write(sys.argv[1])
"""


def tools(
    folder: Path, docs: list[Path], libraries: bool, outputs: Path, casepost: str, before: str | None
) -> dict[str, list[str]]:
    """Each contender's command line for one case folder."""
    files = [str(d) for d in docs]
    out = outputs / folder.name
    bundle = ["bundle", "case.toml", "--force", "--as-of", "2027-01-10", "-o"]
    commands = {
        "qpdf": ["qpdf", "--empty", "--pages", *files, "--", f"{out}-qpdf.pdf"],
        # qpdf's default reads every content stream of a document whose pages share one resource
        # dictionary (as WeasyPrint's and LibreOffice's exports do) to prune what each page does
        # not use; without that it only copies, the harder yardstick.
        "qpdf, copy only": [
            "qpdf",
            "--empty",
            "--remove-unreferenced-resources=no",
            "--pages",
            *files,
            "--",
            f"{out}-qpdf-copy.pdf",
        ],
        "casepost": [casepost, *bundle, f"{out}-bundle.pdf"],
    }
    if before:
        commands["casepost before"] = [before, *bundle, f"{out}-before.pdf"]
    if libraries:
        commands["pypdf PdfWriter (merge only)"] = [sys.executable, "-c", NAIVE_PYPDF, f"{out}-pypdf.pdf", *files]
    return commands


def main() -> int:
    """Run the benchmark and print the figures and whether the goals are met."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each command (medians are used)")
    parser.add_argument("--libraries", action="store_true", help="also time a plain merge with pypdf")
    parser.add_argument(
        "--casepost",
        default=str(Path(sys.executable).with_name("casepost")),
        help="the casepost command to time (default: this environment's)",
    )
    parser.add_argument("--before", help="also time this casepost command (another checkout's, for a before/after)")
    args = parser.parse_args()
    if shutil.which("qpdf") is None:
        raise SystemExit("qpdf is not installed (apt-get install qpdf)")
    # Made in a child process, so this one stays small (see measure).
    subprocess.run([sys.executable, "-c", "import corpus; corpus.corpus()"], cwd=Path(__file__).parent, check=True)
    cases = corpus(SMALL)
    for pages, (_folder, docs) in cases.items():
        size = sum(d.stat().st_size for d in docs) / 2**20
        print(f"{pages} pages in {len(docs)} documents ({size:.0f} MiB of input)", flush=True)
    outputs = Path(tempfile.mkdtemp(prefix="casepost-bench-"))
    commands = {
        pages: tools(folder, docs, args.libraries, outputs, args.casepost, args.before)
        for pages, (folder, docs) in cases.items()
    }
    names = list(commands[SMALL])
    runs: dict[str, dict[int, list[tuple[float, float, float]]]] = {n: {SMALL: [], LARGE: []} for n in names}
    try:
        for r in range(args.runs):
            order = names if r % 2 == 0 else names[::-1]
            for pages in (SMALL, LARGE):
                for name in order:
                    runs[name][pages].append(measure(commands[pages][name], cases[pages][0]))
            line = "  ".join(f"{n} {runs[n][SMALL][-1][0]:.2f}/{runs[n][LARGE][-1][0]:.2f} s" for n in names)
            print(f"  run {r + 1}: {line}", flush=True)
    finally:
        shutil.rmtree(outputs, ignore_errors=True)
    wall = {n: {p: statistics.median(t for t, _, _ in runs[n][p]) for p in (SMALL, LARGE)} for n in names}
    peak = {n: {p: max(m for _, m, _ in runs[n][p]) for p in (SMALL, LARGE)} for n in names}
    cpu = {n: {p: statistics.median(c for _, _, c in runs[n][p]) for p in (SMALL, LARGE)} for n in names}
    per_page = {n: (wall[n][LARGE] - wall[n][SMALL]) / (LARGE - SMALL) * 1000 for n in names}
    cpu_per_page = {n: (cpu[n][LARGE] - cpu[n][SMALL]) / (LARGE - SMALL) * 1000 for n in names}
    print(f"\nMedian wall time (s) at {SMALL} and {LARGE} pages, and the cost per page ((t{LARGE} - t{SMALL}) / 3000):")
    for n in names:
        print(
            f"  {n:30} {wall[n][SMALL]:6.2f} {wall[n][LARGE]:6.2f}   {per_page[n]:.3f} ms/page"
            f"  ({per_page[n] / per_page['qpdf']:.2f}x qpdf,"
            f" {per_page[n] / per_page['qpdf, copy only']:.2f}x copy only)"
        )
    # Each run's own ratio too: on a shared machine the spread says how far to trust the median.
    c1s, c4s = runs["casepost"][SMALL], runs["casepost"][LARGE]
    for yardstick in ("qpdf", "qpdf, copy only"):
        q1s, q4s = runs[yardstick][SMALL], runs[yardstick][LARGE]
        paired = sorted((c4[0] - c1[0]) / (q4[0] - q1[0]) for c1, c4, q1, q4 in zip(c1s, c4s, q1s, q4s, strict=True))
        print(f"  casepost/{yardstick} per-page ratio in each run: {', '.join(f'{x:.2f}' for x in paired)}")
    print("The same in CPU time (user + system, children included; less disturbed by a busy machine):")
    for n in names:
        print(
            f"  {n:30} {cpu[n][SMALL]:6.2f} {cpu[n][LARGE]:6.2f}   {cpu_per_page[n]:.3f} ms/page"
            f"  ({cpu_per_page[n] / cpu_per_page['qpdf']:.2f}x qpdf,"
            f" {cpu_per_page[n] / cpu_per_page['qpdf, copy only']:.2f}x copy only)"
        )
    print(f"Peak memory (MiB) at {SMALL} and {LARGE} pages:")
    for n in names:
        print(
            f"  {n:30} {peak[n][SMALL]:7.1f} {peak[n][LARGE]:7.1f}"
            f"  ({peak[n][LARGE] / peak['qpdf'][LARGE]:.2f}x qpdf at {LARGE})"
        )
    ok = True
    for yardstick in ("qpdf", "qpdf, copy only"):
        time_ratio = per_page["casepost"] / per_page[yardstick]
        cpu_ratio = cpu_per_page["casepost"] / cpu_per_page[yardstick]
        memory_ratio = peak["casepost"][LARGE] / peak[yardstick][LARGE]
        met = time_ratio <= 2 and memory_ratio <= 3
        ok = ok and met
        print(
            f"\ncasepost against {yardstick}: per-page cost {time_ratio:.2f}x (CPU {cpu_ratio:.2f}x; goal <= 2),"
            f" peak memory {memory_ratio:.2f}x (goal <= 3): {'goals met' if met else 'GOALS NOT MET'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
