"""Make the sample bundle inputs that are not PDFs or pictures: a Word document (python-docx) and
an e-mail (.eml, Python's email package) for the herts-cpc case, which `casepost bundle` converts.

Every person, place and event in them is fictional. Run from the repository root with the
project's virtual environment:

    .venv/bin/python samples/make_inputs.py

The outputs are committed, so this only needs running again after changing the text.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from docx import Document
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
DOCS = HERE / "herts-cpc" / "docs"


def appointment_letters(path: Path) -> None:
    """The health visiting service's note on where the appointment letters went, as Word sends it."""
    document = Document()
    document.core_properties.author = "Gill Hartnell"
    document.core_properties.title = "Appointment letters: addresses used"
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # python-docx's own template is US Letter
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(25)
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"  # type: ignore[attr-defined]
    style.font.size = Pt(11)  # type: ignore[attr-defined]
    document.add_paragraph("Community Health Services: 0-19 Health Visiting Team, St Albans")
    document.add_heading("Appointment letters for Jayden Moore: where they were sent", level=1)
    document.add_paragraph(
        "Prepared at the request of the Conference Chair, Sunita Rai, who asked on 16 November 2026 which "
        "address each letter for the appointments Jayden missed was sent to. Checked against the appointment "
        "system's letter log and the GP practice's record of Ms Moore's change of address."
    )
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ("Appointment", "Letter sent", "Address used"), strict=True):
        cell.text = heading
    rows = [
        ("12 January 2026: two-year development review", "15 December 2025", "Old address (Verulam Road)"),
        ("3 March 2026: ENT outpatients", "2 February 2026", "Old address (Verulam Road)"),
        ("28 April 2026: ENT outpatients (rebooked)", "31 March 2026", "Flat 3, Beacon Court"),
        ("21 July 2026: ENT outpatients (rebooked)", "23 June 2026", "Flat 3, Beacon Court"),
    ]
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    document.add_heading("What this shows", level=2)
    document.add_paragraph(
        "Ms Moore told the GP practice of her new address on 9 January 2026, but the appointment system was not "
        "updated until 20 March 2026. The first two letters therefore went to her old address. The letters for "
        "28 April and 21 July went to her current address."
    )
    document.add_paragraph("Gill Hartnell, Health Visitor, 25 November 2026")
    document.save(str(path))


def panel_request(path: Path) -> None:
    """Ms Moore's e-mail asking for a Complaints Panel, with a plain-text and an HTML body and an attachment."""
    message = EmailMessage()
    message["From"] = "Danielle Moore <danielle.moore@example.net>"
    message["To"] = "Andrew Kellaway <child.protection@hertfordshire.example.gov.uk>"
    message["Cc"] = "Owen Pritchard <owen.pritchard@compass-advocacy.example.org>"
    message["Date"] = "Mon, 07 Dec 2026 19:42:10 +0000"
    message["Subject"] = "Request for a Complaints Panel – Jayden Moore"
    message["Message-ID"] = "<sample-0412-panel-request@example.net>"
    paragraphs = [
        "Dear Mr Kellaway,",
        "I have read Ms Rai's letter of 2 December. I am not satisfied and I would like my complaint to go to "
        "a Complaints Panel.",
        "The letter says two of the appointment letters went to my old address. That is why I missed the first "
        "appointments, and I told the GP about my new address in January. I have attached my tenancy agreement "
        "which shows when I moved.",
        "I still think Jayden should not be on a plan for neglect, and that the conference should have waited "
        "until I had read the health visitor's report with Owen.",
        "Owen Pritchard will help me at the Panel.",
        "Yours sincerely,\nDanielle Moore",
    ]
    message.set_content("\n\n".join(paragraphs) + "\n")
    html = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    message.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    attachment = b"%PDF-1.4\n% sample attachment: listed in the bundle by name, never included\n%%EOF\n"
    message.add_attachment(attachment, maintype="application", subtype="pdf", filename="tenancy-agreement.pdf")
    path.write_bytes(message.as_bytes(policy=SMTP))


def main() -> None:
    """Write both sample inputs."""
    appointment_letters(DOCS / "appointment-letters.docx")
    panel_request(DOCS / "panel-request.eml")


if __name__ == "__main__":
    main()
