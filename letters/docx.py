"""Letters as DOCX: the Word layout (templates/letters/layout.docx) filled in by docxtpl, with
autoescaping on, from the same blocks of words as the PDF.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile

from docx.oxml import parse_xml

from letters.environment import docx_environment
from letters.letter import Letter
from letters.pdf import WATERMARK

LAYOUT = "letters/layout.docx"

# A diagonal watermark across every page (VML in the header: what Word itself writes for one).
_WATERMARK_XML = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    '<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>'
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>'
    '<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"'
    ' o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;'
    "margin-top:0;width:470pt;height:60pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    'mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"'
    ' o:allowincell="f" fillcolor="#c00000" stroked="f">'
    '<v:fill opacity=".25"/>'
    '<v:textpath on="t" fitshape="t" style="font-family:&quot;Arial&quot;;font-size:1pt" string="{text}"/>'
    "</v:shape></w:pict></w:r></w:p>"
)


def render_docx(letter: Letter) -> bytes:
    """The letter as DOCX bytes."""
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    from letters.letter import EASY_READ_DOCX

    template = DocxTemplate(str(letter.templates.find(EASY_READ_DOCX if letter.easy_read else LAYOUT)))
    context = {
        **letter.context.as_dict(),
        "blocks": letter.blocks,
        "draft": letter.draft,
        "draft_mark": WATERMARK if letter.draft else "",
        "logo": InlineImage(template, str(letter.logo), height=Mm(18)) if letter.logo else "",
    }
    template.render(context, jinja_env=docx_environment(), autoescape=True)
    document = template.docx
    if letter.draft:
        # docxtpl replaces header parts after rendering: reach them through the relationships.
        for rel in document.part.rels.values():
            if rel.reltype.endswith("/header") and not rel.is_external:
                rel.target_part._element.append(copy.deepcopy(parse_xml(_WATERMARK_XML.format(text=WATERMARK))))
    props = document.core_properties
    props.title = f"{letter.context.title} ({letter.context.reference})"
    props.subject = f"{letter.context.letterhead.council}: {letter.context.procedure.name}"
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.language = "en-GB"
    props.revision = 1
    # The letter's own date, not the clock: the same case gives the same properties.
    when = dt.datetime.strptime(letter.context.date.split(" ", 1)[1], "%d %B %Y")
    props.created = props.modified = when
    props.last_printed = when
    buffer = io.BytesIO()
    template.save(buffer)
    return dated_zip(buffer.getvalue(), when)


def dated_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same archive with every entry dated `when`, not the clock, so the same letter gives the
    same bytes (and the same hash in the correspondence log) whenever it is rendered.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            target.writestr(info, source.read(item))
    return out.getvalue()
