"""Benchmark: `casepost bundle` against `qpdf --empty --pages ... --` on the same inputs.

Makes its own inputs in a temporary folder (text pages and scanned-image pages, A4, A3 and US
Letter, some landscape, some turned by /Rotate 90), for 1,000 pages from 40 documents and 4,000
pages from 160, then times each tool as a child process and reads its peak memory from the
kernel's accounting of that child (wait4). Writes nothing into the repository.

Goals (product.md, Speed): the cost that grows with the pages, the difference between the two
sizes, at most 2x qpdf's; peak memory at 4,000 pages at most 3x qpdf's.

    .venv/bin/python bench/bundle.py [--runs 3] [--keep] [--libraries]

--libraries also times a plain merge with pypdf's own PdfWriter (all in memory) and, if it is
installed, with pikepdf: the figures behind choosing pypdf with an incremental writer.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
SIZES = {"A4": (595.28, 841.89), "A3": (841.89, 1190.55), "letter": (612.0, 792.0)}
WORDS = (  # noqa: SIM905 - a sentence reads better than a list of 27 strings
    "the panel considered report conference child protection plan minutes meeting chair social worker family "
    "agreed actions review concerns school health visitor complaint response stage officer investigation "
    "findings recommendation"
).split()
SECTIONS = ["minutes", "report", "complainant-submissions", "other"]


# -- inputs ----------------------------------------------------------------------------------


def scan_jpeg(seed: int, w: int = 1240, h: int = 1754) -> tuple[bytes, int, int]:
    """A greyscale 'scan' of a typed page at 150 dpi: word-shaped marks and paper noise."""
    rnd = random.Random(seed)
    im = Image.new("L", (w, h), 238)
    draw = ImageDraw.Draw(im)
    y = 150
    while y < h - 150:
        x = 120
        while x < w - 200:
            ww = rnd.randint(20, 110)
            draw.rectangle([x, y, x + ww, y + 16], fill=rnd.randint(20, 70))
            x += ww + 14
        y += 34
    for _ in range(4000):
        draw.point((rnd.randrange(w), rnd.randrange(h)), fill=rnd.randint(150, 220))
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", quality=60)
    return buffer.getvalue(), w, h


def text_content(rnd: random.Random, w: float, h: float) -> bytes:
    """A typed page: a heading and lines of words with 1-inch margins, and a rule near the foot."""
    out = [f"BT /F1 16 Tf 72 {h - 80:.2f} Td (Report of the review) Tj ET", f"BT /F1 11 Tf 14 TL 72 {h - 110:.2f} Td"]
    y = h - 110
    while y > 90:
        words = " ".join(rnd.choice(WORDS) for _ in range(int((w - 144) / 48)))
        out.append(f"({words}) Tj T*")
        y -= 14
    out.append("ET")
    out.append(f"0.5 w 72 60 m {w - 72:.2f} 60 l S")
    return zlib.compress("\n".join(out).encode(), 6)


def write_pdf(path: Path, pages: list[tuple[float, float, int, str, object]]) -> None:
    """A PDF written directly: one shared font, per page a content stream and maybe an image."""
    objs: dict[int, bytes] = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    kids, n = [], 4
    for w, h, rot, kind, data in pages:
        page, content = n, n + 1
        n += 2
        if kind == "scan":
            jpeg, iw, ih = data  # type: ignore[misc]
            image = n
            n += 1
            objs[image] = (
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                % (iw, ih, len(jpeg))
                + jpeg
                + b"\nendstream"
            )
            stream = zlib.compress(b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w, h))
            resources = b"<< /XObject << /Im0 %d 0 R >> >>" % image
        else:
            stream = data  # type: ignore[assignment]
            resources = b"<< /Font << /F1 3 0 R >> >>"
        objs[content] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        rotate = b" /Rotate %d" % rot if rot else b""
        objs[page] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]%s /Resources %s /Contents %d 0 R >>" % (
            w,
            h,
            rotate,
            resources,
            content,
        )
        kids.append(page)
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for i in sorted(objs):
        offsets[i] = out.tell()
        out.write(b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n")
    xref, size = out.tell(), max(objs) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    out.write(b"".join(b"%010d 00000 n \n" % offsets[i] for i in range(1, size)))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    path.write_bytes(out.getvalue())


def make_case(folder: Path, pages: int, documents: int, seed: int = 1) -> list[Path]:
    """A case folder with settings, a case file and its documents; returns the documents in bundle order."""
    rnd = random.Random(seed)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    scans = [scan_jpeg(i) for i in range(3)]
    counts = [pages // documents + (1 if i < pages % documents else 0) for i in range(documents)]
    entries = []
    for d, count in enumerate(counts):
        spec: list[tuple[float, float, int, str, object]] = []
        for _ in range(count):
            w, h = SIZES[rnd.choices(["A4", "A3", "letter"], [8, 1, 1])[0]]
            roll, rotate = rnd.random(), 0
            if roll < 0.05:
                w, h = h, w  # landscape
            elif roll < 0.10:
                rotate = 90
            if rnd.random() < 0.3:
                spec.append((w, h, rotate, "scan", rnd.choice(scans)))
            else:
                spec.append((w, h, rotate, "text", text_content(rnd, w, h)))
        name = f"docs/doc{d:03d}.pdf"
        write_pdf(folder / name, spec)
        section = SECTIONS[d * len(SECTIONS) // documents]
        entries.append((section, f"2026-{1 + d % 12:02d}-{1 + d % 28:02d}", name, d))
    (folder / "casepost.toml").write_text(
        'marking = "OFFICIAL-SENSITIVE"\n[letterhead]\ncouncil = "Benchmark Council"\n'
        '[signatories.default]\nname = "A Person"\nrole = "Complaints Manager"\n[bundle]\npage_limit = 10000\n'
    )
    case = [
        'schema = 1\nprocedure = "herts-lado"\nreference = "BENCH/2026/0001"\n'
        '[complainant]\nname = "A Complainant"\ndelivery = "email"\nemail = "a@example.invalid"\n'
        '[complaint]\nreceived = 2026-09-01\n[panel]\ndate = 2027-01-21\ntime = "10:00"\nvenue = "Room 1"\n'
        '[bundle]\ndistribution = ["Panel"]\n'
    ]
    for section, date, name, d in entries:
        case.append(
            f'[[bundle.documents]]\ntitle = "Document {d}"\nsection = "{section}"\ndate = {date}\npath = "{name}"\n'
        )
    (folder / "case.toml").write_text("\n".join(case))
    order = sorted(entries, key=lambda e: (SECTIONS.index(e[0]), e[1], e[3]))
    return [folder / name for _, _, name, _ in order]


# -- measuring -------------------------------------------------------------------------------


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    err = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command[:4])} ...\n{err}")
    return wall, usage.ru_maxrss / 1024


NAIVE_PYPDF = """
import sys
from pypdf import PdfReader, PdfWriter
w = PdfWriter()
for f in sys.argv[2:]:
    for p in PdfReader(f).pages:
        w.add_page(p)
w.write(sys.argv[1])
"""
NAIVE_PIKEPDF = """
import sys, pikepdf
out = pikepdf.new()
keep = []
for f in sys.argv[2:]:
    src = pikepdf.open(f)
    keep.append(src)
    out.pages.extend(src.pages)
out.save(sys.argv[1])
"""


def tools(folder: Path, docs: list[Path], libraries: bool) -> dict[str, list[str]]:
    """Each contender's command line for one case folder."""
    casepost = str(Path(sys.executable).with_name("casepost"))
    files = [str(d) for d in docs]
    commands = {
        "qpdf": ["qpdf", "--empty", "--pages", *files, "--", str(folder / "qpdf.pdf")],
        "casepost": [
            casepost,
            "bundle",
            "case.toml",
            "-o",
            str(folder / "bundle.pdf"),
            "--force",
            "--as-of",
            "2027-01-10",
        ],
    }
    if libraries:
        commands["pypdf PdfWriter (merge only)"] = [
            sys.executable,
            "-c",
            NAIVE_PYPDF,
            str(folder / "pypdf.pdf"),
            *files,
        ]
        probe = subprocess.run([sys.executable, "-c", "import pikepdf"], capture_output=True)
        if probe.returncode == 0:
            commands["pikepdf (merge only)"] = [
                sys.executable,
                "-c",
                NAIVE_PIKEPDF,
                str(folder / "pikepdf.pdf"),
                *files,
            ]
    return commands


def main() -> int:
    """Run the benchmark and print the figures and whether the goals are met."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (the median time is used)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--libraries", action="store_true", help="also time plain merges with pypdf and pikepdf")
    args = parser.parse_args()
    if shutil.which("qpdf") is None:
        raise SystemExit("qpdf is not installed (apt-get install qpdf)")
    root = Path(tempfile.mkdtemp(prefix="casepost-bench-"))
    results: dict[str, dict[int, tuple[float, float]]] = {}
    try:
        for pages, documents in ((1000, 40), (4000, 160)):
            folder = root / f"p{pages}"
            docs = make_case(folder, pages, documents)
            size = sum(d.stat().st_size for d in docs) / 2**20
            print(f"{pages} pages in {documents} documents ({size:.0f} MiB of input)", flush=True)
            for name, command in tools(folder, docs, args.libraries).items():
                runs = [measure(command, folder) for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                results.setdefault(name, {})[pages] = (wall, peak)
                print(f"  {name:32} {wall:6.2f} s  {peak:7.1f} MiB", flush=True)
    finally:
        if args.keep:
            print(f"inputs and outputs kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    q, c = results["qpdf"], results["casepost"]
    print("\nCost that grows with the pages (4,000 minus 1,000):")
    q_growth = q[4000][0] - q[1000][0]
    for name, figures in results.items():
        growth = figures[4000][0] - figures[1000][0]
        print(f"  {name:32} {growth:6.2f} s  ({growth / q_growth:.2f}x qpdf)")
    print("Peak memory at 4,000 pages:")
    for name, figures in results.items():
        print(f"  {name:32} {figures[4000][1]:7.1f} MiB  ({figures[4000][1] / q[4000][1]:.2f}x qpdf)")
    time_ratio = (c[4000][0] - c[1000][0]) / q_growth
    memory_ratio = c[4000][1] / q[4000][1]
    ok = time_ratio <= 2 and memory_ratio <= 3
    print(
        f"\ncasepost: growth {time_ratio:.2f}x qpdf (goal <= 2), peak memory {memory_ratio:.2f}x qpdf (goal <= 3): "
        f"{'goals met' if ok else 'GOALS NOT MET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
