"""Letters as PDF: the HTML layout through WeasyPrint, tagged PDF/UA-1 with title, subject and
language set, running headers and footers as artifacts, reading only through our own fetcher, and
byte-identical for the same inputs.
"""

from __future__ import annotations

import functools
from pathlib import Path

from casepost.errors import FetchRefusedError, RenderError
from letters.artifacts import mark_running_artifacts
from letters.environment import render
from letters.fetcher import SafeFetcher, asset_url
from letters.harfbuzz import warn_if_slow_subsetting
from letters.letter import Letter

WATERMARK = "DRAFT - wording not approved"
LAYOUT = "letters/layout.html.j2"
STYLESHEET = "letters/letter.css"


def letter_html(letter: Letter, review: str = "") -> str:
    """The letter laid out as HTML (the PDF layout's input)."""
    ctx = letter.context
    subject = f"{ctx.letterhead.council}: {ctx.procedure.name}"
    return render(
        letter.templates.layout,
        LAYOUT,
        {
            **ctx.as_dict(),
            "blocks": letter.blocks,
            "draft": letter.draft,
            "watermark": WATERMARK,
            "logo": asset_url(letter.logo) if letter.logo else "",
            "stylesheet": letter.templates.find(STYLESHEET).as_uri(),
            "subject": subject,
            "review": review,
            "easy_read": letter.easy_read,
        },
    )


@functools.lru_cache(maxsize=1)
def _font_config() -> object:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(html: str, base: Path, fetcher: SafeFetcher) -> bytes:
    """Render HTML to PDF/UA-1 bytes; any refused fetch stops it with an error naming the URL."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    warn_if_slow_subsetting()
    try:
        document = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
        # pdf_identifier=True: the file ID is a hash of the content, not random; WeasyPrint adds no
        # creation or modification date unless the HTML asks for one (ours never does).
        data = document.write_pdf(
            pdf_variant="pdf/ua-1",
            pdf_identifier=True,
            font_config=_font_config(),
            finisher=mark_running_artifacts,
        )
    except FatalURLFetchingError as exc:
        refused = ", ".join(fetcher.refused) or str(exc)
        raise FetchRefusedError(
            f"refused to fetch {refused}: rendering reads only the templates folder "
            "and the settings' assets, never other files or the network"
        ) from None
    if fetcher.refused:  # a refusal WeasyPrint swallowed: still say so, and write nothing
        raise FetchRefusedError(f"refused to fetch {', '.join(fetcher.refused)}")
    if not isinstance(data, bytes):
        raise RenderError("WeasyPrint returned no PDF")
    return data


def render_pdf(letter: Letter, review: str = "") -> bytes:
    """The letter as PDF bytes (`review`: a line naming its templates on every page, for legal)."""
    fetcher = SafeFetcher(letter.templates.roots, [letter.logo] if letter.logo else [])
    return html_to_pdf(letter_html(letter, review), letter.templates.roots[-1], fetcher)
