"""Make the sample cases' bundle documents and the authorities' logos.

Every person, place and event in these documents is fictional. The PDFs are written with
WeasyPrint from HTML held here; the scanned-looking pages are drawn with Pillow. Run from the
repository root with the project's virtual environment:

    .venv/bin/python samples/make_documents.py

The outputs are committed, so this only needs running again after changing the text. Output is
the same from run to run: the only metadata in each PDF is its title (and WeasyPrint's producer
line); the images carry no EXIF or text chunks.
"""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/Library/Fonts")]


def font_file(name: str) -> Path:
    """A DejaVu font file, for Pillow (WeasyPrint finds fonts itself through fontconfig)."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    sys.exit(f"make_documents: cannot find the font {name}; install fonts-dejavu-core")


# ----------------------------------------------------------------------------------------------
# HTML building blocks
# ----------------------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 20mm 20mm 22mm 20mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'DejaVu Sans'; color: #666; } }
@page wide { size: A4 landscape; margin: 16mm 18mm 18mm 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; color: #111; }
.serif { font-family: 'DejaVu Serif', serif; }
.band { border-bottom: 2.5pt solid var(--ink); padding-bottom: 4pt; margin-bottom: 12pt; }
.band .org { font-weight: bold; font-size: 12pt; color: var(--ink); }
.band .unit { font-size: 9pt; color: #444; }
.marking { float: right; font-size: 8pt; font-weight: bold; letter-spacing: 0.5pt; color: #444; }
h1 { font-size: 14pt; margin: 6pt 0 8pt; color: var(--ink); }
h2 { font-size: 11pt; margin: 12pt 0 4pt; color: var(--ink); }
p { margin: 0 0 7pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; }
td, th { border: 0.6pt solid #999; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; }
table.meta td:first-child { width: 32%; background: #f3f3f3; font-weight: bold; }
table.small td, table.small th { font-size: 8.5pt; }
.wide { page: wide; }
.address { margin: 14pt 0 16pt; }
.right { text-align: right; }
.muted { color: #555; font-size: 9pt; }
.sig { margin-top: 18pt; }
.email-head { border: 0.6pt solid #bbb; background: #f6f6f6; padding: 6pt 8pt; margin-bottom: 12pt; font-size: 9pt; }
.boxed { border: 0.6pt solid #999; padding: 6pt 8pt; margin: 6pt 0 10pt; }
ol li, ul li { margin-bottom: 4pt; }
"""


def e(text: str) -> str:
    """Escape text for HTML."""
    return html.escape(text, quote=True)


def paras(*texts: str) -> str:
    """Paragraphs from plain strings (each may hold simple inline HTML written here)."""
    return "".join(f"<p>{t}</p>" for t in texts)


def page(title: str, body: str, ink: str) -> str:
    """A whole HTML document; the title is the only metadata the PDF carries."""
    return (f"<!doctype html><html lang='en-GB'><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"<style>:root {{ --ink: {ink}; }} {CSS}</style></head><body>{body}</body></html>")


def band(org: str, unit: str, marking: str = "OFFICIAL-SENSITIVE") -> str:
    """The heading band of an agency's document."""
    mark = f"<span class='marking'>{e(marking)}</span>" if marking else ""
    return f"<div class='band'>{mark}<div class='org'>{e(org)}</div><div class='unit'>{e(unit)}</div></div>"


def meta(rows: list[tuple[str, str]]) -> str:
    """A two-column table of labelled facts."""
    return "<table class='meta'>" + "".join(f"<tr><td>{e(k)}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"


def table(head: list[str], rows: list[list[str]], small: bool = False) -> str:
    """A table with a heading row."""
    cls = " class='small'" if small else ""
    top = "".join(f"<th>{e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table{cls}><tr>{top}</tr>{body}</table>"


def letter(*, org: str, unit: str, sender: list[str], to: list[str], date: str, ref: str, subject: str,
           dear: str, body: str, name: str, role: str, cc: list[str] = (), close: str = "Yours sincerely",
           marking: str = "OFFICIAL-SENSITIVE") -> str:
    """A council letter as it was sent."""
    cc_html = ("<p class='muted'><b>cc</b> " + "; ".join(e(c) for c in cc) + "</p>") if cc else ""
    return (band(org, unit, marking)
            + f"<p class='right muted'>{'<br>'.join(e(s) for s in sender)}</p>"
            + f"<div class='address'>{'<br>'.join(e(line) for line in to)}</div>"
            + f"<p>{e(date)}<br>Our reference: {e(ref)}</p>"
            + f"<p><b>{e(subject)}</b></p><p>{e(dear)}</p>{body}"
            + f"<div class='sig'><p>{e(close)}</p><p><b>{e(name)}</b><br>{e(role)}</p></div>{cc_html}")


def personal_letter(*, sender: list[str], date: str, to: list[str], dear: str, body: str, close: str,
                    name: str, heading: str = "") -> str:
    """A letter written by a member of the public."""
    head = f"<p><b>{e(heading)}</b></p>" if heading else ""
    return (f"<div class='serif'><p class='right'>{'<br>'.join(e(s) for s in sender)}<br><br>{e(date)}</p>"
            f"<div class='address'>{'<br>'.join(e(line) for line in to)}</div>"
            f"<p>{e(dear)}</p>{head}{body}<p>{e(close)}</p><p><br>{e(name)}</p></div>")


def email(*, sender: str, to: str, sent: str, subject: str, body: str, cc: str = "") -> str:
    """A printed email."""
    cc_row = f"<b>Cc:</b> {e(cc)}<br>" if cc else ""
    return (f"<div class='email-head'><b>From:</b> {e(sender)}<br><b>Sent:</b> {e(sent)}<br><b>To:</b> {e(to)}<br>"
            f"{cc_row}<b>Subject:</b> {e(subject)}</div>{body}")


def write_pdf(path: Path, title: str, body: str, ink: str) -> None:
    """Render one document to PDF."""
    from weasyprint import HTML

    path.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=page(title, body, ink)).write_pdf(path)


# ----------------------------------------------------------------------------------------------
# Images: logos and scanned pages
# ----------------------------------------------------------------------------------------------

def make_logo(path: Path, initials: str, colour: tuple[int, int, int], accent: tuple[int, int, int]) -> None:
    """A plain shield with the council's initials, 300 x 300, no metadata."""
    size = 300
    img = Image.new("RGB", (size, size), "white")
    d = ImageDraw.Draw(img)
    shield = [(40, 30), (260, 30), (260, 150), (240, 205), (195, 250), (150, 275),
              (105, 250), (60, 205), (40, 150)]
    d.polygon(shield, fill=colour)
    inner = [(x + (6 if x < 150 else -6 if x > 150 else 0), y + (6 if y < 150 else -7)) for x, y in shield]
    d.line([*inner, inner[0]], fill=accent, width=4, joint="curve")
    d.rectangle([52, 62, 248, 70], fill=accent)
    font_size = 90
    while True:  # the largest size that leaves a clear border inside the shield
        font = ImageFont.truetype(str(font_file("DejaVuSans-Bold.ttf")), font_size)
        box = d.textbbox((0, 0), initials, font=font)
        if box[2] - box[0] <= 150 or font_size <= 20:
            break
        font_size -= 2
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((size - w) / 2 - box[0], 150 - h / 2 - box[1]), initials, font=font, fill="white")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format="PNG", optimize=True)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, draw: ImageDraw.ImageDraw) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words, line = para.split(" "), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if draw.textlength(trial, font=font) <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _text_page(blocks: list[tuple[str, str]], seed: int, dpi: int = 150) -> Image.Image:
    """An A4 page of text at `dpi`, in greyscale: blocks are (style, text) with style 'h', 'p', 'mono' or 'gap'."""
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    fonts = {
        "h": ImageFont.truetype(str(font_file("DejaVuSerif-Bold.ttf")), int(dpi * 0.16)),
        "p": ImageFont.truetype(str(font_file("DejaVuSerif.ttf")), int(dpi * 0.145)),
        "mono": ImageFont.truetype(str(font_file("DejaVuSansMono.ttf")), int(dpi * 0.13)),
    }
    margin, y = int(dpi * 0.9), int(dpi * 0.9)
    for style, text in blocks:
        if style == "gap":
            y += int(dpi * 0.12)
            continue
        font = fonts[style]
        step = int(font.size * 1.45)
        for line in _wrap(text, font, w - 2 * margin, d):
            d.text((margin, y), line, font=font, fill=28)
            y += step
        y += int(step * 0.35)
    return img


def _scan(img: Image.Image, seed: int, angle: float) -> Image.Image:
    """Make a clean page look scanned: slight skew, grey paper, speckle, soft edges."""
    rnd = random.Random(seed)
    w, h = img.size
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = ImageChops.multiply(img, Image.new("L", (w, h), 243))  # off-white paper
    noise = Image.frombytes("L", (w, h), rnd.randbytes(w * h)).point(lambda v: 0 if v < 250 else (v - 249) * 18)
    img = ImageChops.subtract(img, noise)
    shadow = Image.linear_gradient("L").rotate(90).resize((w // 14, h)).point(lambda v: int(v * 0.35))
    img.paste(ImageChops.subtract(img.crop((0, 0, w // 14, h)), shadow), (0, 0))
    return img.filter(ImageFilter.GaussianBlur(0.6))


def scanned_jpg(path: Path, blocks: list[tuple[str, str]], seed: int) -> None:
    """A typed page, printed and scanned, saved as JPEG without EXIF."""
    img = _scan(_text_page(blocks, seed), seed, angle=0.7)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format="JPEG", quality=50, optimize=True, dpi=(150, 150))


def scanned_png(path: Path, blocks: list[tuple[str, str]], seed: int) -> None:
    """A faxed-looking page: black and white with a little skew and speckle, saved as PNG without text chunks."""
    rnd = random.Random(seed)
    img = _text_page(blocks, seed, dpi=120)
    img = img.rotate(-0.5, resample=Image.Resampling.BICUBIC, fillcolor=255)
    w, h = img.size
    d = ImageDraw.Draw(img)
    for _ in range(350):  # fax speckle: a few hundred small dots
        x, y, r = rnd.randrange(w), rnd.randrange(h), rnd.choice((0, 0, 1))
        d.ellipse([x - r, y - r, x + r + 1, y + r + 1], fill=0)
    for _ in range(3):  # a couple of faint streaks from the scanner glass
        y = rnd.randrange(h)
        d.line([(0, y), (w, y)], fill=120, width=1)
    img = img.point(lambda v: 255 if v > 150 else 0).convert("1")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format="PNG", optimize=True, dpi=(120, 120))


# ----------------------------------------------------------------------------------------------
# The samples' documents live in document_texts.py beside this script, one function per sample.
# ----------------------------------------------------------------------------------------------

LOGOS = {
    "herts-lado": ("HCC", (0, 84, 78), (140, 200, 190)),
    "herts-cpc": ("HCC", (0, 84, 78), (140, 200, 190)),
    "sussex-cpc": ("WSCC", (24, 52, 104), (150, 180, 225)),
    "luton-csc": ("LBC", (102, 28, 78), (225, 160, 200)),
    "luton-csc-young-person": ("LBC", (102, 28, 78), (225, 160, 200)),
    "durham-cpc": ("DCC", (38, 70, 45), (170, 205, 150)),
}


def main() -> None:
    """Write every sample's logo and documents."""
    sys.path.insert(0, str(HERE))
    import document_texts

    for sample, (initials, colour, accent) in LOGOS.items():
        make_logo(HERE / sample / "assets" / "logo.png", initials, colour, accent)
    for sample, build in document_texts.SAMPLES.items():
        build(HERE / sample / "docs")
    for path in sorted(HERE.glob("*/docs/*")) + sorted(HERE.glob("*/assets/*")):
        print(f"{path.relative_to(HERE)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
