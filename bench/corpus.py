"""The benchmark's corpus: a panel bundle like a real one, made deterministically and cached.

40 documents and about 1,000 pages, the way councils' bundles come: word-processor exports
(WeasyPrint with the shipped Liberation fonts, so subsetted embedded TrueType, with tables,
headers and footers), half of them with their content streams stored uncompressed; about a
quarter of the pages 150 dpi greyscale scans (Pillow, one JPEG per page); paper from A5 to A3,
some landscape; some pages turned by /Rotate 90 or 270 (scans of landscape sheets fed in
portrait, and pages a reader rotated). The 4,000-page variant is the same 40 documents four
times over (160 files), so both sizes share one cache.

Cached under bench/work/ (gitignored), keyed by CORPUS_VERSION: delete the folder to remake it.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"
CORPUS_VERSION = 2
FONTS = REPO / "templates" / "fonts"

DOCUMENTS = 40
SCAN_EVERY = 4  # documents 3, 7, 11...: 10 of the 40 are scans, about a quarter of the pages
# Paper (width, height in mm), weighted as they turn up: mostly A4, some A5, A3 and US Letter.
PAPERS = [("A4", 210, 297, 24), ("A5", 148, 210, 3), ("A3", 297, 420, 3), ("letter", 215.9, 279.4, 2)]
WORDS = (  # noqa: SIM905 - a sentence reads better than a list of strings
    "the panel considered report conference child protection plan minutes meeting chair social worker family "
    "agreed actions review concerns school health visitor complaint response stage officer investigation "
    "findings recommendation evidence chronology referral assessment strategy discussion outcome records "
    "manager police designated officer allegation parent carer consent timescale"
).split()
SECTIONS = ["minutes", "report", "complainant-submissions", "other"]
SCAN_DPI = 150


def _paper(rnd: random.Random) -> tuple[str, float, float]:
    name, w, h, _ = rnd.choices(PAPERS, [p[3] for p in PAPERS])[0]
    return name, w, h


def _sentence(rnd: random.Random, low: int, high: int) -> str:
    text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(low, high)))
    return text[0].upper() + text[1:] + "."


def _html(rnd: random.Random, title: str, pages: int, width_mm: float, height_mm: float) -> str:
    """A report as a word processor would export it: headings, paragraphs, lists and ruled tables."""
    face = "\n".join(
        f"@font-face {{ font-family: Body; src: url('{(FONTS / f'LiberationSans-{style}.ttf').as_uri()}');"
        f" font-weight: {weight}; font-style: {slant}; }}"
        for style, weight, slant in (("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic"))
    )
    css = f"""{face}
@page {{ size: {width_mm}mm {height_mm}mm; margin: 25mm 22mm 25mm 22mm;
  @top-right {{ content: "{title}"; font: 8pt Body; }}
  @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font: 8pt Body; }} }}
body {{ font: 10.5pt/1.35 Body; }}
h1 {{ font-size: 16pt; }} h2 {{ font-size: 12.5pt; margin-top: 14pt; }}
table {{ border-collapse: collapse; width: 100%; margin: 8pt 0; font-size: 9pt; }}
td, th {{ border: 0.6pt solid #333; padding: 2pt 4pt; vertical-align: top; }}
th {{ background: #ddd; text-align: left; }}"""
    body = [f"<h1>{title}</h1>"]
    # Enough material for the pages wanted (the surplus is cut off afterwards).
    area = width_mm * height_mm / (210 * 297)
    for section in range(int(pages * 1.6 * area) + 2):
        body.append(f"<h2>{section + 1}. {_sentence(rnd, 3, 7)[:-1]}</h2>")
        for _ in range(rnd.randint(2, 4)):
            body.append(f"<p>{' '.join(_sentence(rnd, 8, 22) for _ in range(rnd.randint(2, 5)))}</p>")
        if rnd.random() < 0.6:
            cols = rnd.randint(3, 6)
            head = "".join(f"<th>{_sentence(rnd, 1, 2)[:-1]}</th>" for _ in range(cols))
            rows = "".join(
                "<tr>" + "".join(f"<td>{_sentence(rnd, 1, 6)}</td>" for _ in range(cols)) + "</tr>"
                for _ in range(rnd.randint(4, 14))
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        if rnd.random() < 0.3:
            body.append("<ul>" + "".join(f"<li>{_sentence(rnd, 4, 12)}</li>" for _ in range(4)) + "</ul>")
    return f"<html><head><style>{css}</style></head><body>{''.join(body)}</body></html>"


def _export(path: Path, rnd: random.Random, title: str, pages: int, uncompressed: bool) -> None:
    """A word-processor export of exactly `pages` pages, some rotated; content maybe uncompressed."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject
    from weasyprint import HTML

    _, w, h = _paper(rnd)
    if rnd.random() < 0.15:
        w, h = h, w  # a landscape document (a chronology, a spreadsheet)
    pdf = HTML(string=_html(rnd, title, pages, w, h), base_url=str(FONTS)).write_pdf()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    while len(writer.pages) > pages:
        writer.remove_page(len(writer.pages) - 1)
    for page in writer.pages:
        if rnd.random() < 0.03:
            page.rotation = rnd.choice((90, 270))  # turned by a reader, and saved so
        if uncompressed:
            stream = DecodedStreamObject()
            stream.set_data(page.get_contents().get_data())  # type: ignore[union-attr]
            page.replace_contents(stream)
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    _save(writer, path)


def _scan_image(rnd: random.Random, w_mm: float, h_mm: float, landscape_fed: bool) -> object:
    """One scanned page at 150 dpi, greyscale: typed lines, a rubber stamp, paper noise."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    w, h = round(w_mm / 25.4 * SCAN_DPI), round(h_mm / 25.4 * SCAN_DPI)
    if landscape_fed:
        w, h = h, w  # the sheet's content runs across; the scanner stores it on its side
    im = Image.new("L", (w, h), 236)
    draw = ImageDraw.Draw(im)
    margin = w // 9
    y = margin
    while y < h - margin:
        x = margin
        while x < w - margin - 60:
            word = rnd.randint(12, 70)
            draw.rectangle([x, y, x + word, y + 11], fill=rnd.randint(25, 80))
            x += word + 9
        y += rnd.choice((22, 22, 22, 44))
    if rnd.random() < 0.5:
        cx, cy = rnd.randint(margin, w - margin), rnd.randint(margin, h - margin)
        draw.ellipse([cx - 60, cy - 60, cx + 60, cy + 60], outline=90, width=5)
    im = im.filter(ImageFilter.GaussianBlur(0.6))
    grain = Image.frombytes("L", (w, h), rnd.randbytes(w * h)).point(lambda v: 122 + v % 13)
    im = ImageChops.add(im, grain, 1.0, -128)  # paper grain, +-6 levels (seeded: effect_noise is not)
    if landscape_fed:
        im = im.rotate(90, expand=True)
    return im


def _scan(path: Path, rnd: random.Random, pages: int) -> None:
    """A scanned document: one JPEG per page (Pillow's PDF writer), landscape sheets turned back by /Rotate."""
    from pypdf import PdfReader, PdfWriter

    _, w, h = _paper(rnd)
    fed = [rnd.random() < 0.12 for _ in range(pages)]
    images = [_scan_image(rnd, w, h, turned) for turned in fed]
    buffer = io.BytesIO()
    images[0].save(  # type: ignore[attr-defined]
        buffer, "PDF", resolution=SCAN_DPI, save_all=True, append_images=images[1:], quality=60
    )
    writer = PdfWriter(clone_from=PdfReader(buffer))
    for page, turned in zip(writer.pages, fed, strict=True):
        if turned:
            page.rotation = 270  # the image holds the sheet turned anticlockwise: show it upright
    _save(writer, path)


def _save(writer: object, path: Path) -> None:
    """Write the PDF with a file identifier made from its name (pypdf draws one at random), so
    the corpus is the same bytes wherever it is made.
    """
    buffer = io.BytesIO()
    writer.write(buffer)  # type: ignore[attr-defined]
    data = buffer.getvalue()
    ident = hashlib.md5(path.name.encode()).hexdigest().encode()
    tail = re.sub(rb"<[0-9a-fA-F]{32}>", b"<" + ident + b">", data[-1024:])  # the trailer's /ID
    path.write_bytes(data[:-1024] + tail)


def _counts(rnd: random.Random, total: int) -> list[int]:
    """Page counts of the documents, from a few pages to about 60, summing to `total`."""
    weights = [rnd.uniform(0.2, 2.5) for _ in range(DOCUMENTS)]
    counts = [max(2, round(total * w / sum(weights))) for w in weights]
    counts[counts.index(max(counts))] += total - sum(counts)
    return counts


def _settings_and_case(folder: Path, names: list[str]) -> None:
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
    for d, name in enumerate(names):
        # Dates in bundle order, so the bundle's order is the order of `names`.
        section = SECTIONS[d * len(SECTIONS) // len(names)]
        date = f"20{20 + d // 336:02d}-{1 + d // 28 % 12:02d}-{1 + d % 28:02d}"
        case.append(f'[[bundle.documents]]\ntitle = "Document {d + 1}"\nsection = "{section}"\ndate = {date}\n')
        case.append(f'path = "{name}"\n')
    (folder / "case.toml").write_text("".join(case))


def corpus(pages: int = 1000, log: bool = True) -> dict[int, tuple[Path, list[Path]]]:
    """Both case folders, {1000: (folder, documents in bundle order), 4000: ...}, made if not cached."""
    root = WORK / f"corpus-v{CORPUS_VERSION}"
    base = root / "documents"
    done = root / "complete"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        base.mkdir(parents=True)
        rnd = random.Random(20261201)
        for d, count in enumerate(_counts(rnd, pages)):
            path = base / f"doc{d:02d}.pdf"
            if log:
                print(f"  making {path.name}: {count} pages", flush=True)
            doc_rnd = random.Random(d)
            if d % SCAN_EVERY == SCAN_EVERY - 1:
                _scan(path, doc_rnd, count)
            else:
                _export(path, doc_rnd, f"Document {d + 1}", count, uncompressed=(d // 2) % 2 == 0)
        for copies in (1, 4):
            folder = root / f"p{pages * copies}"
            (folder / "docs").mkdir(parents=True)
            names = []
            for c in range(copies):
                for d in range(DOCUMENTS):
                    name = f"docs/c{c}-doc{d:02d}.pdf"
                    shutil.copyfile(base / f"doc{d:02d}.pdf", folder / name)
                    names.append(name)
            _settings_and_case(folder, names)
        done.touch()
    out = {}
    for copies in (1, 4):
        folder = root / f"p{pages * copies}"
        names = [folder / f"docs/c{c}-doc{d:02d}.pdf" for c in range(copies) for d in range(DOCUMENTS)]
        out[pages * copies] = (folder, names)
    return out
