"""The .eml draft of a letter for a complainant who chose e-mail: To, a marked Subject, a short
plain-text body from templates/email/, the PDF attached, and `X-Unsent: 1` so Outlook opens it as
a draft to check and send (casepost never sends anything itself).
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from casepost.errors import CasepostError
from casepost.resources import templates_root
from letters.letter import Letter


def _render(name: str, values: dict[str, object]) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    # Plain text, not HTML: nothing to escape, and escaping would show "&amp;" in the e-mail.
    env = Environment(
        loader=FileSystemLoader(str(templates_root() / "email")),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template(name).render(values)


def email_address(case_path: Path, to: str, delivery: str) -> str:
    """The complainant's address, or a refusal saying why this letter is not for e-mail."""
    if delivery != "email":
        raise CasepostError(
            f"{case_path}: complainant.delivery is {delivery!r}: --email is for a complainant who chose e-mail "
            '(set delivery = "email" and email = "..." in the case file to send this one by e-mail)'
        )
    if not to:
        raise CasepostError(f"{case_path}: complainant.email is empty: --email needs the complainant's address")
    return to


def build_draft(letter: Letter, to: str, pdf: bytes, pdf_name: str) -> bytes:
    """The .eml bytes: headers, the body from the template, and the PDF as an attachment."""
    values = letter.context.as_dict()
    subject = " ".join(_render("subject.txt.j2", values).split())
    message = EmailMessage(policy=SMTP)
    message["To"] = to
    marking = f"{letter.context.marking}: " if letter.context.marking else ""
    message["Subject"] = f"{marking}{letter.context.reference} {subject}"
    message["X-Unsent"] = "1"  # Outlook: open as an unsent draft, with a Send button
    message.set_content(_render("body.txt.j2", values))
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    return message.as_bytes()
