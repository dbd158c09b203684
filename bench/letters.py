"""Letters benchmark (product.md, Speed). Writes only to a temporary folder, never the repository.

(a) one letter, the whole command from a cold start (`casepost letter ...` as a subprocess),
    against a bare script that imports WeasyPrint and renders the same HTML (goal: at most 1.3x);
(b) 200 letters on every core against one process;
(c) against LibreOffice converting the same 200 letters as DOCX to PDF (goal: faster).

Run: .venv/bin/python bench/letters.py [--letters 200] [--repeat 15] [--cold-only]
(a) alternates the two commands, round after round, so a busy spell on a shared machine slows both,
    with bytecode as an installed tool has it (bench/installed.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import with_bytecode

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "herts-lado"
BIN = Path(sys.executable).parent
CASEPOST = BIN / "casepost"
DAY = "2026-10-14"

BARE = """
import sys, time
import weasyprint
html = open(sys.argv[1], encoding="utf-8").read()
weasyprint.HTML(string=html, base_url=sys.argv[2]).write_pdf(sys.argv[3], pdf_variant="pdf/ua-1", pdf_identifier=True)
"""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def make_cases(root: Path, count: int) -> Path:
    """`count` copies of the herts-lado sample under root/cases, each with its own reference."""
    cases = root / "cases"
    cases.mkdir()
    shutil.copy(SAMPLE / "casepost.toml", cases / "casepost.toml")
    shutil.copytree(SAMPLE / "assets", cases / "assets")
    text = (SAMPLE / "case.toml").read_text(encoding="utf-8")
    for i in range(count):
        folder = cases / f"case-{i:04d}"
        folder.mkdir()
        (folder / "case.toml").write_text(
            text.replace('reference = "HCS/LADO/2026/0318"', f'reference = "BENCH/{i:04d}"'), encoding="utf-8"
        )
    return cases


def bench_cold(root: Path, repeat: int) -> tuple[float, float]:
    """Median seconds: the whole command, and the bare WeasyPrint script on the same HTML."""
    sys.path.insert(0, str(REPO))
    from casepost.loaded import open_case
    from letters.letter import compose
    from letters.pdf import letter_html

    letter = compose(open_case(SAMPLE / "case.toml"), "acknowledgement", dt.date.fromisoformat(DAY))
    html = root / "letter.html"
    html.write_text(letter_html(letter), encoding="utf-8")
    script = root / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    base = letter.templates.roots[-1].as_uri() + "/"
    ours, bare = [], []
    env = with_bytecode()
    for i in range(repeat + 1):  # the first round warms the disk and bytecode caches and is not counted
        out = root / f"cold-{i}"
        t_ours = timed(
            [str(CASEPOST), "letter", "acknowledgement", str(SAMPLE / "case.toml"), "--date", DAY, "-o", str(out)], env
        )
        t_bare = timed([sys.executable, str(script), str(html), base, str(root / f"bare-{i}.pdf")], env)
        if i:
            ours.append(t_ours)
            bare.append(t_bare)
    # the sample's correspondence log gets a line per run: remove what this benchmark added
    return statistics.median(ours), statistics.median(bare)


def bench_batch(root: Path, count: int) -> dict[str, float]:
    cases = make_cases(root, count)
    results = {}
    for label, jobs in (("all cores", str(os.cpu_count() or 1)), ("one process", "1")):
        out = root / f"out-{jobs}"
        results[label] = timed(
            [str(CASEPOST), "letter", "acknowledgement", str(cases), "--date", DAY, "--jobs", jobs, "-o", str(out)]
        )
    docx = root / "docx"
    timed([str(CASEPOST), "letter", "acknowledgement", str(cases), "--date", DAY, "--format", "docx", "-o", str(docx)])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        profile = root / "lo-profile"
        files = sorted(str(p) for p in docx.glob("*.docx"))
        cmd = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root / "lo-out"),
        ]
        timed([*cmd, files[0]])  # first start creates the profile: not counted
        results["LibreOffice (docx -> pdf)"] = timed([*cmd, *files])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15, help="alternating rounds of (a)")
    parser.add_argument("--cold-only", action="store_true", help="only (a), the one-letter start-up")
    args = parser.parse_args()
    log = SAMPLE / "case.correspondence.jsonl"
    had_log = log.read_bytes() if log.exists() else None
    with tempfile.TemporaryDirectory(prefix="casepost-bench-") as tmp:
        root = Path(tmp)
        try:
            ours, bare = bench_cold(root, args.repeat)
            batch = {} if args.cold_only else bench_batch(root, args.letters)
        finally:  # the cold-start runs log beside the sample case: leave the repository as it was
            if had_log is None:
                log.unlink(missing_ok=True)
            else:
                log.write_bytes(had_log)
    print(f"letters benchmark ({os.cpu_count()} cores, Python {sys.version.split()[0]})")
    print(f"{'measure':44} {'seconds':>9} {'letters/s':>10} {'ratio':>7}")
    print(f"{'(a) bare WeasyPrint script, same HTML':44} {bare:9.3f} {'':>10} {'1.00':>7}")
    print(f"{'(a) casepost letter, whole command':44} {ours:9.3f} {'':>10} {ours / bare:7.2f}  (goal <= 1.30)")
    if args.cold_only:
        return
    one = batch["one process"]
    for label, seconds in batch.items():
        print(
            f"{'(b/c) ' + str(args.letters) + ' letters, ' + label:44} {seconds:9.3f} {args.letters / seconds:10.1f}"
            f" {seconds / one:7.2f}"
        )
    if "LibreOffice (docx -> pdf)" not in batch:
        print("(c) LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui")


if __name__ == "__main__":
    main()
