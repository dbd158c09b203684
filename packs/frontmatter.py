"""The bundle's front matter, laid out by WeasyPrint from templates/bundle/: the cover sheet and
the index. The index prints bundle page numbers, which depend on how long the front matter
itself is, so its length is settled by rendering: render, count the pages, render again with that
count until it no longer changes. The PDF is tagged (its structure tree goes into the bundle with
its pages, frontpages.py), and each index row's link is the one WeasyPrint laid out for it: its
rectangle is exactly where the row's title is drawn.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casepost.dateformat import long_date
from casepost.errors import FetchRefusedError, RenderError
from casepost.loaded import LoadedCase
from letters.environment import Templates, render
from letters.fetcher import SafeFetcher, asset_url
from packs.numbering import Numbering, Style
from packs.plan import PlannedSection

COVER = "bundle/cover.html.j2"
INDEX = "bundle/index.html.j2"
STYLESHEET = "bundle/bundle.css"
TEMPLATES = (COVER, INDEX, STYLESHEET)

# Index rows link to these made-up addresses; the link annotations WeasyPrint writes for them are
# turned into links to pages inside the bundle, and the addresses never reach the bundle.
LINK_BASE = "https://bundle.casepost.invalid/"


@dataclass(frozen=True)
class FrontMatter:
    """The rendered front matter: its tagged PDF, page count, and where each index link goes."""

    pdf: bytes
    pages: int  # its length in the bundle, including any blank pages
    blank: int  # blank pages to add after the rendered ones
    links: dict[str, int]  # each index link's address in the PDF -> the 0-based bundle page it opens


@dataclass(frozen=True)
class Layout:
    """Where each document sits in the bundle, for a given front-matter length."""

    numbering: Numbering
    starts: tuple[int, ...]  # first bundle page of each document, in bundle order


def templates_for(loaded: LoadedCase) -> Templates:
    """The authority's own templates folder (settings `templates`) first, then ours."""
    folder, override = loaded.settings.folder, loaded.settings.settings.templates
    return Templates((folder / override).resolve() if override and folder is not None else None)


def layout(style: Style, front: int, sections: list[PlannedSection], counts: list[int]) -> Layout:
    """Numbering and document starts once the front matter has `front` pages."""
    per_section, starts, i, page = [], [], 0, front
    for section in sections:
        pages = 0
        for _ in section.documents:
            starts.append(page)
            page += counts[i]
            pages += counts[i]
            i += 1
        per_section.append((section.letter, pages))
    return Layout(Numbering(style, front, tuple(per_section)), tuple(starts))


def _context(
    loaded: LoadedCase,
    sections: list[PlannedSection],
    counts: list[int],
    plan: Layout,
    send_by: dt.date | None,
    templates: Templates,
) -> dict[str, Any]:
    case, settings = loaded.case, loaded.settings.settings
    numbering = plan.numbering
    rows, i = [], 0
    for s_index, section in enumerate(sections):
        docs = []
        for doc in section.documents:
            docs.append(
                {
                    "number": i,
                    "title": doc.title,
                    "date": f"{doc.date.day} {doc.date:%b %Y}",
                    "pages": numbering.span(plan.starts[i], counts[i]),
                    "first": numbering.label(plan.starts[i]),
                    "href": f"{LINK_BASE}document/{i}",
                }
            )
            i += 1
        start = numbering.section_start(s_index)
        rows.append(
            {
                "letter": section.letter,
                "title": section.title,
                "documents": docs,
                "pages": numbering.span(start, numbering.sections[s_index][1]),
                "first": numbering.label(start),
                "href": f"{LINK_BASE}section/{s_index}",
            }
        )
    letterhead = loaded.settings.require_letterhead()
    logo = loaded.settings.asset(letterhead.logo) if letterhead.logo else None
    panel = case.panel
    return {
        "council": letterhead.council,
        "team": letterhead.team,
        "logo": asset_url(logo) if logo is not None and logo.is_file() else "",
        "procedure": loaded.procedure.name,
        "reference": case.reference,
        "panel_date": long_date(panel.date),
        "panel_time": panel.time,
        "venue": panel.venue,
        "chair": panel.chair.name if panel.chair else "",
        "send_by": long_date(send_by),
        "papers_days": settings.defaults.panel_papers_days,
        "distribution": list(case.bundle.distribution),
        "marking": settings.marking,
        "confidentiality": settings.confidentiality,
        "total_pages": numbering.total,
        "first_label": numbering.label(0),
        "last_label": numbering.label(numbering.total - 1) if numbering.total else "",
        "style": numbering.style,
        "sections": rows,
        "stylesheet": templates.find(STYLESHEET).as_uri(),
    }


@functools.lru_cache(maxsize=1)
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _render(html: str, base: Path, fetcher: SafeFetcher) -> Any:
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    try:
        document = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
        rendered = document.render(font_config=_font_config())
    except FatalURLFetchingError as exc:
        raise FetchRefusedError(
            f"refused to fetch {', '.join(fetcher.refused) or exc}: rendering reads only "
            "the templates folder and the settings' assets"
        ) from None
    if fetcher.refused:
        raise FetchRefusedError(f"refused to fetch {', '.join(fetcher.refused)}")
    return rendered


def render_front_matter(
    loaded: LoadedCase, sections: list[PlannedSection], counts: list[int], send_by: dt.date | None
) -> tuple[FrontMatter, Layout]:
    """Render the cover and index until the front matter's length is stable; returns it with the
    bundle's final layout.
    """
    style: Style = loaded.settings.settings.bundle.numbering
    templates = templates_for(loaded)
    letterhead = loaded.settings.require_letterhead()
    logo = [loaded.settings.asset(letterhead.logo)] if letterhead.logo else []
    fetcher = SafeFetcher(templates.roots, logo)
    base = templates.roots[-1]
    rows = sum(len(s.documents) + 1 for s in sections)
    front = 1 + max(1, -(-rows // 24))  # a first guess: the cover and about 24 index rows a page
    tried: dict[int, tuple[Any, Any, Layout, int]] = {}
    for _ in range(8):
        plan = layout(style, front, sections, counts)
        context = _context(loaded, sections, counts, plan, send_by, templates)
        cover = _render(render(templates.layout, COVER, context), base, fetcher)
        index = _render(render(templates.layout, INDEX, context), base, fetcher)
        got = len(cover.pages) + len(index.pages)
        tried[front] = (cover, index, plan, got)
        if got == front or got in tried:
            break
        front = got
    # Settled: a length that reproduces itself. Failing that (lengths that alternate, which is
    # rare), the longest layout that fits its own count, ended with blank pages.
    exact = [f for f, t in tried.items() if t[3] == f]
    fitting = [f for f, t in tried.items() if t[3] <= f]
    if not exact and not fitting:
        raise RenderError("the bundle's index did not settle on a length")
    front = exact[0] if exact else max(fitting)
    cover, index, plan, got = tried[front]
    pages = list(cover.pages) + list(index.pages)
    pdf = cover.copy(pages).write_pdf(pdf_tags=True)
    if not isinstance(pdf, bytes):
        raise RenderError("WeasyPrint returned no PDF")
    return FrontMatter(pdf, front, front - got, link_targets(sections, plan)), plan


def link_targets(sections: list[PlannedSection], plan: Layout) -> dict[str, int]:
    """Each index link's address (without the words after its '#', the template's alternative
    text) and the 0-based bundle page it opens: the first of its section or document.
    """
    numbering, targets, i = plan.numbering, {}, 0
    for s_index, section in enumerate(sections):
        targets[f"{LINK_BASE}section/{s_index}"] = numbering.section_start(s_index)
        for _ in section.documents:
            targets[f"{LINK_BASE}document/{i}"] = plan.starts[i]
            i += 1
    return targets
