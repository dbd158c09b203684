"""Build templates/letters/layout.docx, the Word layout of every letter, and layout-easy-read.docx, the
same in larger type for easy-read letters (run after changing it: `python -m letters.make_docx_layout`).
The generated files are committed; docxtpl fills them in.

Everything is done with named styles, not direct formatting, so an authority can restyle its copy
in Word: Normal, Heading 1 (the subject line), Heading 2, List Bullet, and our own Letterhead,
Sender, Addressee, Reference, Salutation, Signatory, Marking Continued, Marking Footer and Draft
Text. The page is A4 with the
same margins and spacing as the PDF, so both have the same page breaks; the addressee sits in a
row at least 72 mm high (growing with a long letterhead) so that it shows through a DL envelope's
window; the marking is centred in the header and footer of every page, with "Page x of y" at the
foot and our reference at the top of every page after the first. The package is cleaned of what
python-docx's own template carries (stale parts, its Word 2010 origin) so Word opens it unrepaired.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from letters.docx import dated_zip

FONT = "Arial"  # Liberation Sans (shipped for the PDF) has Arial's metrics: same layout in LibreOffice
OUT = Path(__file__).resolve().parent.parent / "templates" / "letters" / "layout.docx"


def _font(style: ParagraphStyle, size: float, bold: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def _para_style(
    doc: DocumentObject,
    name: str,
    base: str = "Normal",
    size: float = 12,
    bold: bool = False,
    before: float = 0,
    after: float = 6,
) -> ParagraphStyle:
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
    _font(style, size, bold)
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = 1.15
    return style


@dataclass(frozen=True)
class Body:
    """The body's type and spacing (points): the standard letter's, or the easy-read version's."""

    size: float = 12
    title: float = 13
    heading: float = 12
    line: float = 1.15  # times the font's single line (Arial: 1.149 em), as in letter.css
    after: float = 8  # after a paragraph
    item: float = 4  # after a list item
    before_heading: float = 16
    after_heading: float = 4


STANDARD = Body()
EASY_READ = Body(size=14, title=17, heading=16, line=1.25, after=12, item=8, before_heading=20, after_heading=6)


def _styles(doc: DocumentObject, body: Body = STANDARD) -> None:
    # Language and font of the whole document (docDefaults), so spelling checks in English (UK).
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")
    lang.set(qn("w:bidi"), "ar-SA")

    # Widow and orphan control: a paragraph never leaves one line alone at the foot or head of a page.
    _para_style(doc, "Normal", size=body.size, after=body.after).paragraph_format.widow_control = True
    h1 = _para_style(doc, "Heading 1", size=body.title, bold=True, before=0, after=body.after)
    h2 = _para_style(
        doc, "Heading 2", size=body.heading, bold=True, before=body.before_heading, after=body.after_heading
    )
    for heading in (h1, h2):
        heading.paragraph_format.keep_with_next = True
    bullet = _para_style(doc, "List Bullet", size=body.size, after=body.item)
    bullet.paragraph_format.left_indent = Mm(7)
    bullet.paragraph_format.first_line_indent = Mm(-5)
    # python-docx's template gives List Bullet contextual spacing (no space between two items); the
    # PDF has 4pt between items, and so does this layout.
    contextual = bullet.element.pPr.find(qn("w:contextualSpacing"))
    if contextual is not None:
        bullet.element.pPr.remove(contextual)
    _para_style(doc, "Kept Paragraph", size=body.size, after=body.after).paragraph_format.keep_with_next = True
    kept_bullet = _para_style(doc, "Kept List Bullet", base="List Bullet", size=body.size, after=body.item)
    kept_bullet.paragraph_format.keep_with_next = True
    for name in ("Normal", "Heading 1", "Heading 2", "List Bullet", "Kept Paragraph", "Kept List Bullet"):
        doc.styles[name].paragraph_format.line_spacing = body.line
    _para_style(doc, "Letterhead", after=0)
    _para_style(doc, "Sender", after=0).paragraph_format.line_spacing = 1.0
    _para_style(doc, "Addressee", after=0).paragraph_format.line_spacing = 1.0
    _para_style(doc, "Reference", after=0)
    salutation = _para_style(doc, "Salutation", size=body.size, after=max(10, body.after))
    salutation.paragraph_format.space_before = Mm(4)
    _para_style(doc, "Signatory", size=body.size, after=0)
    signoff = _para_style(doc, "Sign-off", size=body.size, after=0)
    signoff.paragraph_format.keep_with_next = True
    # Word and LibreOffice apply the larger of a paragraph's space after and the next one's space
    # before (as CSS collapses margins), so the sign-off's 17pt is set here whole, as in the PDF.
    signoff.paragraph_format.space_before = Pt(17)
    # Every page: the marking centred (any draft mark at the left); after the first page our
    # reference at the right, on the same line (as the footer has the page number), so the header
    # fits in the top margin on every page.
    continued = _para_style(doc, "Marking Continued", size=12, after=0)
    continued.paragraph_format.tab_stops.add_tab_stop(Mm(85), WD_TAB_ALIGNMENT.CENTER)
    continued.paragraph_format.tab_stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)
    doc.styles.add_style("Marking Text", WD_STYLE_TYPE.CHARACTER).font.bold = True
    doc.styles.add_style("Running Reference", WD_STYLE_TYPE.CHARACTER).font.size = Pt(10)
    footer = _para_style(doc, "Marking Footer", size=12, after=0)
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(85), WD_TAB_ALIGNMENT.CENTER)
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(170), WD_TAB_ALIGNMENT.RIGHT)
    # A draft says so in words at the left of the marking's line (beside the diagonal watermark), not
    # on a line of its own, which would push the body down and break a draft's pages unlike the
    # approved letter's and the PDF's.
    draft = doc.styles.add_style("Draft Text", WD_STYLE_TYPE.CHARACTER)
    draft.font.size = Pt(9)
    draft.font.bold = True
    draft.font.color.rgb = RGBColor(0xC0, 0, 0)


def _field(paragraph: Paragraph, code: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) as a complex field, which Word and LibreOffice both update."""
    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


# CT_TblPr's children in the order ISO/IEC 29500-1 (17.4.60) requires: Word "repairs" any other order.
_TBLPR_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription",
]  # fmt: skip


def _set_tbl_pr(tbl_pr: Any, element: Any) -> None:
    """Put `element` into the table properties in schema order, replacing one of the same name."""
    name = element.tag.split("}")[1]
    for old in tbl_pr.findall(qn(f"w:{name}")):
        tbl_pr.remove(old)
    later = _TBLPR_ORDER[_TBLPR_ORDER.index(name) + 1 :]
    for i, child in enumerate(tbl_pr):
        if child.tag.split("}")[1] in later:
            tbl_pr.insert(i, element)
            return
    tbl_pr.append(element)


def _no_borders(table_element: Any, caption: str) -> None:
    tbl_pr = table_element.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _set_tbl_pr(tbl_pr, borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _set_tbl_pr(tbl_pr, layout)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _set_tbl_pr(tbl_pr, margins)
    # A layout table, not data: screen readers read it as text (tblLook off, a caption saying so).
    look = OxmlElement("w:tblLook")
    for attr, value in (("firstRow", "0"), ("lastRow", "0"), ("firstColumn", "0"), ("lastColumn", "0")):
        look.set(qn(f"w:{attr}"), value)
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")
    look.set(qn("w:val"), "0000")
    _set_tbl_pr(tbl_pr, look)
    title = OxmlElement("w:tblCaption")
    title.set(qn("w:val"), caption)
    _set_tbl_pr(tbl_pr, title)


def _cell_text(cell: _Cell, lines: list[tuple[str, str]]) -> None:
    first = cell.paragraphs[0]
    for i, (style, text) in enumerate(lines):
        paragraph = first if i == 0 and not first.runs else cell.add_paragraph()
        paragraph.style = style
        paragraph.add_run(text)


def _header(header: Any, continuation: bool) -> None:
    first = header.paragraphs[0]
    first.style = "Marking Continued"
    first.add_run("{{ draft_mark }}").style = "Draft Text"  # "" once the wording is approved
    first.add_run("\t")
    first.add_run("{{ marking }}").style = "Marking Text"
    if continuation:
        first.add_run("\t")
        first.add_run("Our reference: {{ reference }}").style = "Running Reference"


def _footer(footer: Any) -> None:
    paragraph = footer.paragraphs[0]
    paragraph.style = "Marking Footer"
    paragraph.add_run("\t")
    paragraph.add_run("{{ marking }}").style = "Marking Text"
    paragraph.add_run("\tPage ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")


# docProps/app.xml: only what names the producer, nothing of python-docx's template (a Mac Word 2010
# file: its application, version, template and statistics) or of any person.
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>casepost</Application><DocSecurity>0</DocSecurity></Properties>"
)
# Relationships to parts python-docx's template carries that a letter has no use for: a stale copy of
# the styles for Word 2010 (Word "repairs" one that disagrees with styles.xml), an empty bibliography
# store and a blank thumbnail.
_DROPPED = ("/stylesWithEffects", "/customXml", "/metadata/thumbnail")


def _clean_package(doc: DocumentObject) -> None:
    """Drop the template's stale parts, fix its settings and its extended properties."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.endswith(_DROPPED):
                del rels[r_id]
            elif rel.reltype.endswith("/extended-properties"):
                rel.target_part._blob = _APP_XML
    settings = doc.settings.element
    zoom = settings.find(qn("w:zoom"))
    zoom.attrib.clear()
    zoom.set(qn("w:percent"), "100")  # required by the schema; "bestFit" alone is not a zoom
    for name in ("w:savePreviewPicture", "w:rsids", "w14:docId"):
        for element in settings.findall(qn(name)):
            settings.remove(element)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "en-GB")


def build(out: Path = OUT, body: Body = STANDARD) -> Path:
    """Write the Word layout (`body`: the easy-read version's type and spacing)."""
    doc = Document()
    _styles(doc, body)
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(22), Mm(24)
    section.left_margin, section.right_margin = Mm(20), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    # The first page's header has the marking; every later page's also has our reference (Word's
    # "different first page"), as the PDF's running header does.
    section.different_first_page_header_footer = True
    _header(section.first_page_header, continuation=False)
    _header(section.header, continuation=True)
    _footer(section.first_page_footer)
    _footer(section.footer)

    # First page: logo and addressee on the left (the addressee 47 mm from the top of the page, in
    # the window of a DL envelope), the council's details, our reference and the date on the right.
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table._tbl, "Letterhead")
    row = table.rows[0]
    # At least 72 mm (the addressee's window), growing with a long address rather than cutting it off;
    # the salutation's 4 mm before it keeps a gap below a long address too.
    row.height, row.height_rule = Mm(72), WD_ROW_HEIGHT_RULE.AT_LEAST
    left, right = row.cells
    left.width, right.width = Mm(95), Mm(75)
    for col, width in zip(table.columns, (95, 75), strict=True):
        col.width = Mm(width)
    logo = left.paragraphs[0]
    logo.style = "Letterhead"
    logo.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    logo.paragraph_format.line_spacing = Mm(25)
    logo.add_run("{{ logo }}")
    _cell_text(
        left,
        [
            ("Addressee", "{{ to.name }}"),
            ("Addressee", "{%p for line in to.lines %}"),
            ("Addressee", "{{ line }}"),
            ("Addressee", "{%p endfor %}"),
        ],
    )
    _cell_text(
        right,
        [
            ("Sender", "{{ letterhead.council }}"),
            ("Sender", "{%p if letterhead.team %}"),
            ("Sender", "{{ letterhead.team }}"),
            ("Sender", "{%p endif %}"),
            ("Sender", "{%p for line in letterhead.address %}"),
            ("Sender", "{{ line }}"),
            ("Sender", "{%p endfor %}"),
            ("Sender", "{%p if letterhead.phone %}"),
            ("Sender", "Telephone: {{ letterhead.phone }}"),
            ("Sender", "{%p endif %}"),
            ("Sender", "{%p if letterhead.email %}"),
            ("Sender", "Email: {{ letterhead.email|breakable }}"),
            ("Sender", "{%p endif %}"),
            ("Sender", "{%p if letterhead.website %}"),
            ("Sender", "{{ letterhead.website|breakable }}"),
            ("Sender", "{%p endif %}"),
            ("Reference", ""),
            ("Reference", "Our reference: {{ reference }}"),
            ("Reference", "Date: {{ date }}"),
        ],
    )
    strong = doc.styles.add_style("Strong Name", WD_STYLE_TYPE.CHARACTER)  # the council's and signatory's names
    strong.font.bold = True
    right.paragraphs[0].runs[0].style = strong

    def para(text: str, style: str = "Normal") -> None:
        doc.add_paragraph(style=style).add_run(text)

    para("{{ salutation }}", "Salutation")
    para("{{ title }}", "Heading 1")
    para("{%p for block in blocks %}")
    para('{%p if block.kind == "heading" %}')
    para("{{ block.text }}", "Heading 2")
    # Kept with the next: the last block (and the one before it, when the last is brief), so a page
    # never holds the sign-off alone, at least two lines of the body going with it; and the block
    # before contact details, which it introduces.
    kept = "loop.last or (loop.revindex == 2 and loop.nextitem.brief) or (loop.nextitem and loop.nextitem.detail)"
    para(f'{{%p elif block.kind == "bullet" and ({kept}) %}}')
    para("{{ block.text }}", "Kept List Bullet")
    para('{%p elif block.kind == "bullet" %}')
    para("{{ block.text }}", "List Bullet")
    para(f"{{%p elif {kept} %}}")
    para("{{ block.text }}", "Kept Paragraph")
    para("{%p else %}")
    para("{{ block.text }}")
    para("{%p endif %}")
    para("{%p endfor %}")
    para("Yours sincerely", "Sign-off")
    signature = doc.add_paragraph(style="Signatory")
    signature.paragraph_format.space_before = Mm(14)
    signature.paragraph_format.keep_with_next = True
    signature.add_run("{{ signatory.name }}").style = strong
    para("{{ signatory.role }}", "Signatory")
    para("{%p if copies %}")
    copies = doc.add_paragraph(style="Normal")
    copies.paragraph_format.space_before = Mm(6)
    copies.paragraph_format.keep_with_next = True
    copies.add_run("Copies to:")
    # The copies list stays whole, as in the PDF: every name but the last is kept with the next.
    para("{%p for copy in copies %}")
    para("{%p if loop.last %}")
    para("{{ copy }}", "List Bullet")
    para("{%p else %}")
    para("{{ copy }}", "Kept List Bullet")
    para("{%p endif %}")
    para("{%p endfor %}")
    para("{%p endif %}")

    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = ""
    props.subject = ""
    props.comments = ""
    props.language = "en-GB"
    _clean_package(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    # Fixed entry dates: regenerating an unchanged layout gives the same bytes (and the same hash
    # in the approvals).
    out.write_bytes(dated_zip(buffer.getvalue(), dt.datetime(2026, 1, 1)))
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(build(Path(sys.argv[1])))
    else:
        print(build(OUT))
        print(build(OUT.with_name("layout-easy-read.docx"), EASY_READ))
