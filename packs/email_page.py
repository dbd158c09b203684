"""An e-mail (.eml) laid out as bundle pages by WeasyPrint from templates/bundle/email.html.j2: its
From, To, Cc, Date and Subject; its plain-text body, or failing that its HTML body sanitised by nh3
(no scripts, styles, pictures, links or anything else that could fetch or run); and the names of
its attachments, which are listed, not included.
"""

from __future__ import annotations

import datetime as dt
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

TEMPLATE = "bundle/email.html.j2"
STYLESHEET = "bundle/email.css"
HEADERS = (("From", "From"), ("To", "To"), ("Cc", "Cc"), ("Date", "Date"), ("Subject", "Subject"))

# The HTML an e-mail body keeps: text structure only. Everything else is dropped (its text kept),
# and every attribute but a table cell's span: no src, href, style or class, so nothing in the
# body can name something to fetch. Scripts and styles are dropped with their content.
_TAGS = {
    *("p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code"),
    *("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr", "a", "small", "center", "font"),
}
_DROPPED_WITH_CONTENT = {"script", "style", "title", "head", "noscript", "template", "iframe", "object", "svg"}
_LEFT_OUT = {"img": "picture", "picture": "picture", "script": "script", "iframe": "embedded page"}
_LEFT_OUT |= {"object": "embedded object", "embed": "embedded object", "video": "video", "audio": "sound clip"}


class _Counter(HTMLParser):
    """Counts what the sanitised body leaves out, so the page can say so."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        what = _LEFT_OUT.get(tag)
        if what is not None:
            self.found[what] = self.found.get(what, 0) + 1


def sanitised_html(html: str) -> tuple[str, str]:
    """The body's HTML reduced to text structure, and what was left out ('1 script and 2 pictures', or '')."""
    import nh3

    counter = _Counter()
    counter.feed(html)
    counter.close()
    clean = nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes={"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}},
        url_schemes=set(),
        link_rel=None,
    )
    parts = [f"{n} {what}{'s' if n > 1 else ''}" for what, n in counter.found.items()]
    if not parts:
        return clean, ""
    return clean, ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def _header(message: MIMEPart, name: str) -> str:
    try:
        value = message[name]
    except Exception:  # a header too malformed to parse: shown as it was written
        value = message.get_all(name, [""])[0] if message.get_all(name) else None
    if value is None:
        return ""
    when = getattr(value, "datetime", None)
    if name == "Date" and isinstance(when, dt.datetime):
        offset = when.strftime("%z")
        zone = f" ({offset[:3]}:{offset[3:]})" if offset else ""
        return f"{when:%A} {when.day} {when:%B %Y}, {when:%H:%M}{zone}"
    return " ".join(str(value).split())


def _text(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown or wrong charset: decode what is there
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    return content if isinstance(content, str) else content.decode("utf-8", "replace")


def _size(part: MIMEPart) -> str:
    payload = part.get_payload(decode=True)
    size = len(payload) if isinstance(payload, bytes) else 0
    if size < 1024:
        return f"{size} bytes"
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB"


def attachments(part: MIMEPart, body: MIMEPart | None) -> list[str]:
    """Every attachment's name and size (an attached e-mail by its subject), depth first."""
    found: list[str] = []
    for sub in part.iter_parts():
        assert isinstance(sub, MIMEPart)
        if sub is body:
            continue
        kind = sub.get_content_type()
        if kind == "message/rfc822":
            inner = next(sub.iter_parts(), None)
            subject = _header(inner, "Subject") if isinstance(inner, MIMEPart) else ""
            found.append(sub.get_filename() or f"attached e-mail: {subject or '(no subject)'}")
        elif sub.is_multipart():
            found.extend(attachments(sub, body))
        elif sub.get_filename() or sub.is_attachment() or sub.get_content_maintype() != "text":
            found.append(f"{sub.get_filename() or f'unnamed {kind}'} ({_size(sub)})")
    return found


def email_context(path: Path, notes: list[str]) -> dict[str, Any]:
    """What the e-mail page shows, read with Python's email package; adds pre-flight notes."""
    with open(path, "rb") as fh:
        message = BytesParser(policy=policy.default).parse(fh)
    assert isinstance(message, EmailMessage)
    headers = [(label, _header(message, name)) for label, name in HEADERS]
    body = message.get_body(preferencelist=("plain", "html"))
    text_body, html_body, left_out = "", None, ""
    if body is not None and body.get_content_type() == "text/html":
        from markupsafe import Markup

        clean, left_out = sanitised_html(_text(body))
        html_body = Markup(clean)  # sanitised above: the one value the template does not escape
        notes.append(
            "its body is HTML, shown as text structure only"
            + (f"; left out: {left_out} (nothing was fetched or run)" if left_out else "")
        )
    elif body is not None:
        text_body = _text(body).strip("\n")
    listed = attachments(message, body) if message.is_multipart() else []
    if listed:
        notes.append(f"attachments listed by name, not included: {', '.join(listed)}")
    return {
        "headers": [(label, value or "(none)") for label, value in headers if value or label != "Cc"],
        "text_body": text_body,
        "html_body": html_body,
        "left_out": left_out,
        "attachments": listed,
    }


def email_to_pdf(path: Path, notes: list[str]) -> bytes:
    """The e-mail laid out as A4 pages (PDF), reading nothing but the templates folder."""
    import weasyprint

    from letters.environment import Templates, render
    from letters.fetcher import SafeFetcher

    templates = Templates()
    context = email_context(path, notes)
    context["stylesheet"] = templates.find(STYLESHEET).as_uri()
    html = render(templates.layout, TEMPLATE, context)
    fetcher = SafeFetcher(templates.roots)
    document = weasyprint.HTML(string=html, base_url=templates.roots[-1].as_uri() + "/", url_fetcher=fetcher)
    pdf = document.write_pdf()
    if not isinstance(pdf, bytes):
        raise ValueError("WeasyPrint made no PDF")
    return pdf
